"""Issue 16, finding 7, without any of the program: a label shown, grabbed into a PNG, and
``quit()`` — run by the Windows Python under Wine (packaging/README.md, "The runaway").

    wine python.exe qt_offscreen_quit.py out.png   # QT_QPA_PLATFORM=offscreen or windows

On Linux, and on Windows Qt's ``windows`` platform under Wine, it prints "saved" and then
"left the event loop 0" and exits. On Windows Qt's ``offscreen`` platform under Wine it
prints "saved" and never leaves ``exec()``, its memory growing by tens of MB a second.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel


def main(picture: str) -> int:
    app = QApplication(sys.argv)
    label = QLabel("Tổng thu ngân sách")
    label.resize(400, 200)
    label.show()

    def grab() -> None:
        label.grab().save(picture)
        print("saved", flush=True)
        app.quit()

    QTimer.singleShot(500, grab)
    code = app.exec()
    print("left the event loop", code, flush=True)
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))

"""Child process of test_crash: the real window, offscreen, one cell typed and accepted.

Prints ACCEPTED the moment the grid reports the cell stored, then waits to be killed.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from hbt_desktop.core.periods import parse_period
from hbt_desktop.ui.app import App
from hbt_desktop.ui.entry.entry_model import Col


def main(db_path: str, prefs_path: str) -> None:

    app = App(Path(db_path), Path(prefs_path))
    window = app.window
    assert window is not None
    window.show()
    window.activateWindow()
    QApplication.processEvents()
    window.session.select(period=parse_period("2023Q1"), unit_uid="Q007", sector="NS_CHI")
    window.go_to_tab(0)
    page = window.entry
    page.view.setCurrentIndex(page.model.index(page.model.row_of("NS_CHI_TONG"), Col.VALUE))
    page.view.setFocus()
    page.model.accepted.connect(lambda *_: print("ACCEPTED", flush=True))
    for ch in "1427 tỷ 500 triệu":
        target = QApplication.focusWidget() or page.view
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, target, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier
        )
    QTest.keyClick(QApplication.focusWidget() or page.view, Qt.Key.Key_Return)
    time.sleep(60)  # the parent kills us long before this ends


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])

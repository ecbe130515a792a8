"""Screenshots of the main screens for docs/images/, on a real X display.

    Xvfb :99 -screen 0 1366x768x24 &
    DISPLAY=:99 QT_QPA_PLATFORM=xcb .venv/bin/python docs/make_screenshots.py

Starts the program on a fresh copy of the demo data (nothing of the user's is read or
written), opens each screen as a clerk would see it, and saves one PNG per screen.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hbt_desktop.core.periods import parse_period  # noqa: E402
from hbt_desktop.ui.app import App  # noqa: E402

OUT = ROOT / "docs" / "images"
SIZE = (1366, 740)


def settle(app: QApplication, ms: int = 300) -> None:
    """Let layouts, lazy rows and the PDF viewer finish drawing."""
    loop_done = []
    QTimer.singleShot(ms, lambda: loop_done.append(True))
    while not loop_done:
        app.processEvents()


def save(widget: QWidget, name: str) -> None:
    path = OUT / f"{name}.png"
    widget.grab().save(str(path))
    print(path.relative_to(ROOT))


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="hbt-shots-"))
    hbt = App(folder / "demo.db", folder / "prefs.ini")
    window = hbt.window
    assert window is not None
    qt = hbt.qt
    window.resize(*SIZE)
    window.show()
    session = window.session
    settle(qt)

    steps: list[tuple[str, Callable[[], QWidget]]] = []

    def entry() -> QWidget:
        session.select(period=parse_period("2023YTD02@20230215"), unit_uid="Q007", sector=None)
        window.go_to_tab(0)
        model = window.entry.model
        row = model.row_of("NS_THU_DIA_BAN")
        window.entry.view.setCurrentIndex(model.index(row, 2))
        window.entry.view.scrollTo(model.index(row, 2))
        return window

    def district() -> QWidget:
        session.select(period=parse_period("2023YTD02"), unit_uid="Q007", sector=None)
        window.go_to_tab(1)
        return window

    def budget() -> QWidget:
        session.select(period=parse_period("2023YTD02@20230215"), unit_uid="Q007", sector=None)
        window.go_to_tab(2)
        return window

    def narrative() -> QWidget:
        session.select(period=parse_period("2023YTD02"), unit_uid="Q007", sector=None)
        window.go_to_tab(3)
        headings = [s.heading for s in window.controller.doc.sections]
        window.document.parts.setCurrentRow(headings.index("Kinh tế, thu ngân sách") + 1)
        return window

    def preview() -> QWidget:
        window.go_to_tab(4)
        window.preview.build()
        while window.preview.result is None or window.preview._building:
            qt.processEvents()
        return window

    def catalogue() -> QWidget:
        from hbt_desktop.ui.admin.catalogue_dialog import CatalogueDialog

        dialog = CatalogueDialog(window, session)
        dialog.resize(1100, 640)
        dialog.show()
        return dialog

    steps = [
        ("nhap-so-lieu", entry),
        ("theo-phuong", district),
        ("ngan-sach", budget),
        ("viet-ban-tin", narrative),
        ("xem-truoc-va-in", preview),
        ("danh-muc", catalogue),
    ]
    for name, show in steps:
        widget = show()
        settle(qt, 600)
        save(widget, name)
    window.close()


if __name__ == "__main__":
    main()

"""Starting the Qt application: fonts, the database, the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from hbt_desktop.core.resources import resource_path


def load_fonts(app: QApplication) -> None:
    """Register the bundled fonts: a PC without Vietnamese fonts would show empty boxes."""
    family = None
    for path in sorted(resource_path("fonts").glob("Arimo-*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0 and family is None:
            families = QFontDatabase.applicationFontFamilies(font_id)
            family = families[0] if families else None
    if family:
        app.setFont(QFont(family, 10))


def run(db_path: Path, *, screenshot: str | None = None) -> int:
    from hbt_desktop.exchange.seed import open_app_database
    from hbt_desktop.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("hbt-desktop")
    load_fonts(app)
    db = open_app_database(db_path)
    window = MainWindow(db, db_path)
    window.show()
    if screenshot:

        def grab() -> None:
            window.grab().save(screenshot)
            app.quit()

        QTimer.singleShot(300, grab)
    return app.exec()

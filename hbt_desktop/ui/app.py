"""Starting the Qt application: fonts, language, errors, the database, the main window.

``run`` is what ``hbt-desktop`` calls. With ``screenshot`` it renders the main window
on its current view into a PNG and exits (offscreen when there is no display), for the
documentation and for checking a machine without opening a window.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox

from hbt_desktop.core.errors import HbtError
from hbt_desktop.core.resources import resource_path

if TYPE_CHECKING:
    from sqlite_utils import Database

    from hbt_desktop.ui.main_window import MainWindow

SCREENSHOT_DELAY_MS = 400


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


def make_app() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("hbt-desktop")
    app.setOrganizationName("hbt-desktop")
    load_fonts(app)
    return app


def open_clerk_database(path: Path) -> Database:
    """The clerk's database; a new file gets the reference and demo data.

    ``exchange.seed.open_app_database`` does the same, but importing the exchange
    package (spreadsheets, signatures) costs a third of the start-up time, and only a
    brand-new file needs it.
    """
    from hbt_desktop.store.connection import open_database
    from hbt_desktop.store.units import load_units

    db = open_database(path)
    if not len(load_units(db)):
        from hbt_desktop.exchange.seed import seed_new_database

        seed_new_database(db)
    return db


class App:
    """Owns the session and the window; rebuilds the window when the language changes."""

    def __init__(self, db_path: Path, prefs_path: Path | None = None) -> None:
        from hbt_desktop.ui.errors import ErrorReporter, set_reporter
        from hbt_desktop.ui.prefs import Prefs
        from hbt_desktop.ui.session import Session
        from hbt_desktop.ui.translation import install_language

        self.qt = make_app()
        self.prefs = Prefs(prefs_path)
        install_language(self.prefs.language)
        self.reporter = ErrorReporter(lambda: self.window)
        set_reporter(self.reporter)
        self.reporter.install()
        self.window: MainWindow | None = None
        self.session = Session(open_clerk_database(db_path), db_path)
        self.build_window()

    def build_window(self) -> None:
        from hbt_desktop.ui.main_window import MainWindow

        old = self.window
        self.window = MainWindow(self.session, self.prefs)
        self.window.language_requested.connect(self.change_language)
        self.reporter.before_report[:] = [self.window.controller.flush]
        if old is not None:
            old.close()
            old.deleteLater()

    def change_language(self, language: str) -> None:
        from hbt_desktop.ui.translation import install_language

        self.prefs.language = language
        self.prefs.sync()
        install_language(language)
        assert self.window is not None
        self.window.save_state()
        self.build_window()
        self.window.show()


def _screenshot_platform() -> None:
    """Without a display, a screenshot is taken offscreen rather than failing to start."""
    no_display = not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY")
    if no_display and sys.platform.startswith("linux"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def run(db_path: Path, *, screenshot: str | None = None) -> int:
    if screenshot:
        _screenshot_platform()
    qt = make_app()
    try:
        app = App(db_path)
    except HbtError as exc:  # a database that cannot be opened: say so, change nothing
        QMessageBox.critical(None, "hbt-desktop", exc.message)
        return 2
    window = app.window
    assert window is not None
    window.show()
    if screenshot:

        def grab() -> None:
            assert app.window is not None
            app.window.grab().save(screenshot)
            app.window.close()
            qt.quit()

        QTimer.singleShot(SCREENSHOT_DELAY_MS, grab)
    return qt.exec()

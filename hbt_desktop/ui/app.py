"""Starting the Qt application: fonts, language, errors, the database, the main window.

The data file is opened by ``app.opening.open_file``: locked for this copy, checked,
recovered from a backup with the clerk's choice if damaged, handed over to the copy
already running on it (or opened read-only) if another has it. It is backed up in the
background once the window is shown, and again when the program closes.

``run`` is what ``hbt-desktop`` calls. With ``screenshot`` it renders the main window
on its current view into a PNG and exits (offscreen when there is no display), for the
documentation and for checking a machine without opening a window. With ``package`` (a
ward's ``.hbt`` file double-clicked in Windows Explorer) it opens that file's review.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox

from hbt_desktop.app.backups import restore_open_file
from hbt_desktop.app.opening import backup_at_start, close_file, open_file, start_empty
from hbt_desktop.core.errors import HbtError
from hbt_desktop.core.resources import resource_path
from hbt_desktop.store.file.lock import handover_key
from hbt_desktop.store.file.settings import holds_demo
from hbt_desktop.ui.errors import ErrorReporter, guarded, report, set_reporter
from hbt_desktop.ui.main_window import MainWindow
from hbt_desktop.ui.notices import Level
from hbt_desktop.ui.prefs import Prefs
from hbt_desktop.ui.session import ReadOnlyError, Session
from hbt_desktop.ui.single_instance import HandoverServer, ask_running_copy
from hbt_desktop.ui.translation import install_language

if TYPE_CHECKING:
    from hbt_desktop.store.file.recovery import OpenedDatabase, Recovery, RecoveryChoice

log = logging.getLogger(__name__)

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


class StartCancelled(Exception):
    """This copy does not open a window: it handed over to the copy already running on
    the file, or the clerk chose to quit. Nothing was changed."""


class App:
    """Owns the open file, the session and the window; rebuilds the window when the
    language changes or a backup is restored."""

    def __init__(self, db_path: Path, prefs_path: Path | None = None) -> None:
        self.qt = make_app()
        self.db_path = db_path
        self.prefs = Prefs(prefs_path)
        install_language(self.prefs.language)
        self.reporter = ErrorReporter(lambda: self.window)
        set_reporter(self.reporter)
        self.reporter.install()
        self.window: MainWindow | None = None
        self.handover: HandoverServer | None = None
        self._closed = False
        self.opened = self._open(db_path)
        self.session = Session(self.opened.db, db_path, readonly=self.opened.readonly)
        self.build_window()
        if not self.opened.readonly:
            self.handover = HandoverServer(handover_key(db_path), self.raise_window)

    # -- opening the file --------------------------------------------------------------------

    def _open(self, db_path: Path) -> OpenedDatabase:
        """Lock, check and open the file (``app.opening``); a damaged one is recovered with
        the clerk's choice, one held by another copy is handed over or opened read-only.

        The start-up backup is not made here: the window must appear first (start-up time
        is what the clerk feels every morning); ``after_start`` makes it in the background.
        """
        return open_file(
            db_path,
            choose=self.ask_recovery,
            read_only_if_in_use=lambda exc: self._second_copy(db_path, exc),
            start_backup=False,
        )

    def _second_copy(self, db_path: Path, exc: HbtError) -> bool:
        """Another copy of the program has the file: hand over to it if it runs on this
        computer (this one then does not start), else ask whether to look read-only."""
        if ask_running_copy(handover_key(db_path)):
            log.info("handed over to the copy already running on %s", db_path)
            raise StartCancelled from exc
        if not self.ask_read_only(exc):
            raise StartCancelled from exc
        return True

    def ask_read_only(self, exc: HbtError) -> bool:
        """Nobody answered on this computer: the file is held from elsewhere."""
        question = QCoreApplication.translate(
            "App", "Open the file read-only, to look at the figures without changing them?"
        )
        answer = QMessageBox.question(None, "hbt-desktop", f"{exc.message}\n\n{question}")
        return answer == QMessageBox.StandardButton.Yes

    def ask_recovery(self, recovery: Recovery) -> RecoveryChoice | None:
        # Deferred on purpose: the recovery screen, for a damaged file only (its widgets
        # cost the start ~40 ms).
        from hbt_desktop.ui.backup.recovery_dialog import ask_recovery  # noqa: PLC0415

        return ask_recovery(None, recovery)

    # -- the window --------------------------------------------------------------------------

    def build_window(self) -> None:
        old = self.window
        self.window = MainWindow(self.session, self.prefs)
        self.window.language_requested.connect(self.change_language)
        self.window.restore_requested.connect(self.open_restore)
        self.window.rebuild_requested.connect(self.rebuild)
        self.reporter.before_report[:] = [self.window.controller.flush]
        self._show_start_notices()
        if old is not None:
            old.close()
            old.deleteLater()

    def _show_start_notices(self) -> None:
        assert self.window is not None
        opened = self.opened
        if opened.readonly:
            text = ReadOnlyError("ui.read_only", path=self.db_path).message
            self.window.notices.add(text, Level.DANGER, closable=False)
        for message in opened.messages:
            self.window.notices.add(message, Level.INFO)
        for warning in opened.warnings:
            log.warning("location of %s: %s (%s)", self.db_path, warning.kind, warning.key)
            self.window.notices.add(warning.message, Level.WARNING)
        self._show_demo_notice()

    def _show_demo_notice(self) -> None:
        """A file that holds the demo says so, and offers to start with an empty one."""
        assert self.window is not None
        if self.opened.readonly or not holds_demo(self.session.db):
            return
        text = QCoreApplication.translate(
            "App",
            "This file holds the demo data, to show what the program does: do not enter real "
            "figures here. To enter your own unit's figures, start with an empty data file "
            "(the units and the catalogue of indicators are kept).",
        )
        label = QCoreApplication.translate("App", "Start with an empty file…")
        self.window.notices.add(text, Level.INFO, action=(label, self.start_empty))

    def raise_window(self) -> None:
        """A second copy was started on this file: bring this window to the front."""
        window = self.window
        if window is None:
            return
        if window.isMinimized():
            window.showNormal()
        window.show()
        window.raise_()
        window.activateWindow()

    def change_language(self, language: str) -> None:
        self.prefs.language = language
        self.prefs.sync()
        install_language(language)
        self.rebuild()

    def rebuild(self) -> None:
        """The window again on the same session (the language or the workstation changed)."""
        assert self.window is not None
        self.window.save_state()
        self.build_window()
        self.window.show()

    # -- after the window is shown ------------------------------------------------------------

    def after_start(self, package: Path | None = None) -> None:
        """What start-up does once the window is on screen: the daily backup in the
        background, the set-up of a new workstation, the log-in; then the review of the
        ward's ``package`` the program was started on (a double-click in Explorer)."""
        assert self.window is not None
        if not self.opened.readonly:
            self.start_backup()
        self.window.offices.greet()
        if package is not None:
            # Deferred on purpose: the review's screens load only when a package is opened.
            from hbt_desktop.ui.offices.exchange_flow import receive_package  # noqa: PLC0415

            # A refusal (not a district, a bad file) is told, not raised.
            guarded(receive_package)(self.window, self.session, self.window.tasks, package)

    def start_backup(self) -> None:
        assert self.window is not None
        path = self.db_path
        label = QCoreApplication.translate("App", "Backing up the data file…")
        self.window.tasks.run(lambda: backup_at_start(path), self._start_backup_done, label)

    def _start_backup_done(self, messages: tuple[str, ...]) -> None:
        if self.window is not None:
            for message in messages:
                self.window.notices.add(message, Level.WARNING)

    # -- restore -------------------------------------------------------------------------------

    def open_restore(self) -> None:
        # Deferred on purpose: the restore screen is built when asked for, not at start.
        from hbt_desktop.ui.backup.restore_dialog import RestoreDialog  # noqa: PLC0415

        assert self.window is not None
        source = RestoreDialog(self.window, self.session.db, self.db_path).ask()
        if source is not None:
            self.restore(source)

    def restore(self, source: Path) -> bool:
        """Put the backup ``source`` in place of the data file and reopen the window on it.

        On a refusal the data file is unchanged and stays open; the refusal is shown.
        """
        window = self.window
        assert window is not None
        window.controller.flush()
        window.tasks.wait(30_000)
        try:
            self.opened, result = restore_open_file(self.opened, source)
        except HbtError as exc:
            if self.opened.db is not self.session.db:
                # The file was let go of and opened again: the screens need the new one.
                self.session = Session(self.opened.db, self.db_path)
                self.rebuild()
            report(exc)
            return False
        log.info("%s", result.message("en"))
        self.session = Session(self.opened.db, self.db_path)
        self.rebuild()  # the notices of the new window say what was restored
        return True

    def start_empty(self) -> None:
        """Put an empty data file (reference data only, as ``hbt-desktop new`` makes) in
        place of the demo, after the clerk confirms; the current file is backed up first
        (by the restore, ``app.opening.start_empty``) and can be restored."""
        window = self.window
        assert window is not None
        question = QCoreApplication.translate(
            "App",
            "Replace everything in {path} (the demo data and anything added to it) with an "
            "empty data file that has only the units and the catalogue of indicators? The "
            "current file is backed up first, so it can be restored.",
        ).format(path=self.db_path)
        title = QCoreApplication.translate("App", "Start with an empty file")
        if QMessageBox.question(window, title, question) != QMessageBox.StandardButton.Yes:
            return
        window.controller.flush()
        window.tasks.wait(30_000)
        try:
            self.opened, result = start_empty(self.opened)
        except HbtError as exc:
            if self.opened.db is not self.session.db:
                self.session = Session(self.opened.db, self.db_path)
                self.rebuild()
            report(exc)
            return
        log.info("started %s empty; the demo is in %s", self.db_path, result.previous)
        self.opened.messages = [
            QCoreApplication.translate(
                "App",
                "Started with an empty data file: the units and the catalogue only. The demo "
                "data is kept in the backup {backup}.",
            ).format(backup=result.previous.path if result.previous else "")
        ]
        self.session = Session(self.opened.db, self.db_path)
        self.rebuild()

    # -- closing ---------------------------------------------------------------------------------

    def close(self) -> list[str]:
        """Close the file after the window has flushed: the backup at close, the lock
        released. Never raises; returns what the clerk should be told."""
        if self.handover is not None:
            self.handover.close()
            self.handover = None
        if self._closed:
            return []
        self._closed = True
        messages = list(close_file(self.opened))
        for message in messages:
            log.warning("at close: %s", message)
        return messages


def _screenshot_platform() -> None:
    """Without a display, a screenshot is taken offscreen rather than failing to start."""
    no_display = not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY")
    if no_display and sys.platform.startswith("linux"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def run(db_path: Path, *, screenshot: str | None = None, package: Path | None = None) -> int:
    if screenshot:
        _screenshot_platform()
    qt = make_app()
    try:
        app = App(db_path)
    except StartCancelled:
        return 0
    except HbtError as exc:  # a database that cannot be opened: say so, change nothing
        QMessageBox.critical(None, "hbt-desktop", exc.message)
        return 2
    window = app.window
    assert window is not None
    window.show()
    if screenshot:

        def grab() -> None:
            # Save, then leave the event loop; the window is closed after it (app.close).
            # (Under Wine, Windows Qt's offscreen platform never returns from exec() after
            # quit(), with or without this program: packaging/README.md, finding 7.)
            assert app.window is not None
            app.window.grab().save(screenshot)
            qt.quit()

        QTimer.singleShot(SCREENSHOT_DELAY_MS, grab)
    else:
        QTimer.singleShot(0, lambda: app.after_start(package))
    code = qt.exec()
    messages = app.close()  # the window has closed and flushed: back up, let go of the file
    if messages:
        QMessageBox.warning(None, "hbt-desktop", "\n\n".join(messages))
    return code

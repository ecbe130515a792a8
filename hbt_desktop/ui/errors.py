"""One place where errors reach the clerk.

A refusal the program makes on purpose (:class:`HbtError`) is shown as its own
sentence. Anything else is a bug: it is logged with its traceback and the clerk sees one
sentence saying that something went wrong and where the log file is. Edits are written
to the database the moment they are accepted, so an error afterwards loses nothing; the
reporter also asks the window to flush the narrative text that is still being typed.
"""

from __future__ import annotations

import functools
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import ParamSpec, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from hbt_desktop.core.errors import HbtError

log = logging.getLogger("hbt_desktop.ui")

LOG_NAME = "hbt-desktop.log"  # as cli.setup_logging names it
P = ParamSpec("P")
R = TypeVar("R")


def log_file_path() -> Path:
    """The log file the command line set up (``cli.setup_logging``)."""
    for handler in logging.getLogger().handlers:
        filename = getattr(handler, "baseFilename", None)
        if filename and Path(filename).name == LOG_NAME:
            return Path(filename)
    from hbt_desktop.store.file.location import log_dir

    return log_dir() / LOG_NAME


def unexpected_message() -> str:
    return QCoreApplication.translate(
        "ErrorReporter",
        "Something unexpected went wrong. Everything you entered before has been saved. "
        "The details are in the log file: {path}",
    ).format(path=log_file_path())


class ErrorReporter(QObject):
    """Shows errors; ``shown`` lets tests (and the status bar) see what was said."""

    shown = Signal(str)

    def __init__(self, parent_widget: Callable[[], QWidget | None] | None = None) -> None:
        super().__init__()
        self._parent = parent_widget or (lambda: None)
        self.before_report: list[Callable[[], None]] = []
        self._busy = False

    def message_for(self, exc: BaseException) -> str:
        if isinstance(exc, HbtError):
            return exc.message
        return unexpected_message()

    def report(self, exc: BaseException) -> None:
        if isinstance(exc, HbtError):
            log.info("refused: %s (%s)", exc.key, exc.params)
        else:
            log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
            for flush in self.before_report:
                try:
                    flush()
                except Exception:  # a failing flush must not hide the first error
                    log.exception("flush after an error failed")
        text = self.message_for(exc)
        self.shown.emit(text)
        if self._busy:  # an error inside the message box's own event loop: log only
            return
        self._busy = True
        try:
            title = QCoreApplication.translate("ErrorReporter", "hbt-desktop")
            if isinstance(exc, HbtError):
                QMessageBox.warning(self._parent(), title, text)
            else:
                QMessageBox.critical(self._parent(), title, text)
        finally:
            self._busy = False

    def excepthook(
        self,
        kind: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        if exc.__traceback__ is None:
            exc = exc.with_traceback(tb)
        self.report(exc)

    def install(self) -> None:
        """Route exceptions escaping Qt slots (PySide6 hands them to sys.excepthook)."""
        sys.excepthook = self.excepthook


_reporter: ErrorReporter | None = None


def set_reporter(reporter: ErrorReporter) -> None:
    global _reporter  # noqa: PLW0603 - the one error sink of the process, like sys.excepthook
    _reporter = reporter


def guarded(func: Callable[P, R]) -> Callable[P, R | None]:
    """Decorate a slot: an exception is reported instead of escaping into Qt."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R | None:
        try:
            return func(*args, **kwargs)
        except Exception as exc:
            if _reporter is None:
                raise
            _reporter.report(exc)
            return None

    return wrapper


def report(exc: BaseException) -> None:
    """Report from code that caught an exception itself (background task results)."""
    if _reporter is None:
        log.error("error with no reporter", exc_info=(type(exc), exc, exc.__traceback__))
        return
    _reporter.report(exc)

"""Background work for the window: one worker thread, results back by signal.

Building a PDF reads the database and lays out pages; done on the GUI thread it would
freeze the window. A task is a plain function run on a one-thread pool (builds are
serialised, as reportlab's font registry is process-wide), its result or exception comes
back to the GUI thread through a queued signal, errors go to the one error reporter, and
a busy indicator appears only if the task is still running after ``PROGRESS_DELAY_MS``.
A task that needs the database runs on a connection of its own (:meth:`TaskRunner.on_file`):
an SQLite connection belongs to the thread that made it.

This is how the screens call ``app`` for anything that takes a moment — a document built,
a file sent, received, imported, a decision on a package, a backup (Anki's
``CollectionOp``): the function runs in the background, its refusal comes back to one
place (``on_error``, else the error reporter), and what it changed goes to the session.
"""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, Slot

from hbt_desktop.app.opening import connection
from hbt_desktop.ui import errors

if TYPE_CHECKING:
    from sqlite_utils import Database

T = TypeVar("T")

PROGRESS_DELAY_MS = 500

# Given a task's exception on the GUI thread; True when it dealt with it (a refusal shown
# where it belongs, a question asked), False to leave it to the error reporter.
ErrorHandler = Callable[[BaseException], bool]


def _handled(on_error: ErrorHandler, error: BaseException) -> bool:
    try:
        return on_error(error)
    except Exception as exc:  # the handler itself failed: that is what gets reported
        errors.report(exc)
        return True


class _Relay(QObject):
    """Lives in the GUI thread; its signal, emitted from the worker, is queued."""

    done = Signal(int, object, object)


class _Job(QRunnable):
    def __init__(self, job_id: int, relay: _Relay, func: Callable[[], Any]) -> None:
        super().__init__()
        self.job_id = job_id
        self.relay = relay
        self.func = func

    def run(self) -> None:
        try:
            result: object = self.func()
            error: BaseException | None = None
        except BaseException as exc:  # handed to the GUI thread, never lost in the worker
            result, error = None, exc
        # RuntimeError: the window was closed while this ran; nobody waits for the result.
        with contextlib.suppress(RuntimeError):
            self.relay.done.emit(self.job_id, result, error)


class TaskRunner(QObject):
    """Runs tasks in the background; ``busy_changed(True, label)`` drives a busy bar."""

    busy_changed = Signal(bool, str)
    finished = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.done.connect(self._on_done)
        self._ids = itertools.count(1)
        self._pending: dict[int, tuple[Callable[[Any], None], str, ErrorHandler | None]] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._show_busy)
        self._showing = False

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def run(
        self,
        func: Callable[[], T],
        on_done: Callable[[T], None],
        label: str = "",
        on_error: ErrorHandler | None = None,
    ) -> int:
        """Run ``func`` on the worker; ``on_done(result)`` on the GUI thread. An exception
        goes to ``on_error`` if given (True: it was dealt with), else to the reporter."""
        job_id = next(self._ids)
        self._pending[job_id] = (on_done, label, on_error)
        if not self._timer.isActive() and not self._showing:
            self._timer.start(PROGRESS_DELAY_MS)
        self._pool.start(_Job(job_id, self._relay, func))
        return job_id

    def on_file(
        self,
        path: Path,
        func: Callable[[Database], T],
        on_done: Callable[[T], None],
        label: str = "",
        on_error: ErrorHandler | None = None,
    ) -> int:
        """:meth:`run` ``func`` with a connection of its own to the data file ``path``."""

        def job() -> T:
            with connection(path) as db:
                return func(db)

        return self.run(job, on_done, label, on_error)

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until the worker is idle (closing the window, tests)."""
        return self._pool.waitForDone(msecs)

    def _show_busy(self) -> None:
        if self._pending:
            label = next(iter(self._pending.values()))[1]
            self._showing = True
            self.busy_changed.emit(True, label)

    @Slot(int, object, object)
    def _on_done(self, job_id: int, result: object, error: object) -> None:
        on_done, _, on_error = self._pending.pop(job_id, (None, "", None))
        if not self._pending:
            self._timer.stop()
            if self._showing:
                self._showing = False
                self.busy_changed.emit(False, "")
        if isinstance(error, BaseException):
            if on_error is None or not _handled(on_error, error):
                errors.report(error)
        elif on_done is not None:
            try:
                on_done(result)
            except Exception as exc:
                errors.report(exc)
        self.finished.emit()

"""Background tasks (busy indicator only after half a second, errors to one place) and
the error hook."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from hbt_desktop.core.errors import InputError
from hbt_desktop.ui import errors
from hbt_desktop.ui.tasks import PROGRESS_DELAY_MS, TaskRunner


def test_a_quick_task_shows_no_busy_indicator(qtbot: Any) -> None:
    runner = TaskRunner()
    busy: list[bool] = []
    runner.busy_changed.connect(lambda on, _: busy.append(on))
    results: list[int] = []
    runner.run(lambda: 6 * 7, results.append, "quick")
    qtbot.waitUntil(lambda: results == [42])
    qtbot.wait(PROGRESS_DELAY_MS + 100)
    assert busy == []


def test_a_slow_task_shows_the_indicator_after_half_a_second(qtbot: Any) -> None:
    runner = TaskRunner()
    busy: list[tuple[bool, float]] = []
    started = time.perf_counter()
    runner.busy_changed.connect(lambda on, _: busy.append((on, time.perf_counter() - started)))
    done: list[object] = []
    runner.run(lambda: time.sleep(0.9), done.append, "slow")
    qtbot.waitUntil(lambda: len(done) == 1, timeout=5000)
    assert [on for on, _ in busy] == [True, False]
    assert busy[0][1] >= PROGRESS_DELAY_MS / 1000 - 0.05


def test_a_failing_task_reports_its_error_once(qtbot: Any, dialogs: Any) -> None:
    runner = TaskRunner()

    def fail() -> None:
        raise InputError("number.empty")

    finished: list[bool] = []
    runner.finished.connect(lambda: finished.append(True))
    runner.run(fail, lambda _: None)
    qtbot.waitUntil(lambda: finished == [True])
    assert dialogs.shown == [("warning", "Chưa nhập số.")]


@pytest.mark.parametrize("handled", [True, False])
def test_a_refusal_goes_to_its_handler_or_else_to_the_reporter(
    qtbot: Any, dialogs: Any, handled: bool
) -> None:
    """A flow shows a refusal where it belongs (a review's outcome line, a first contact
    asked about) and says so; what it does not deal with is reported as before."""
    runner = TaskRunner()
    seen: list[BaseException] = []

    def fail() -> None:
        raise InputError("number.empty")

    def on_error(error: BaseException) -> bool:
        seen.append(error)
        return handled

    finished: list[bool] = []
    runner.finished.connect(lambda: finished.append(True))
    runner.run(fail, lambda _: None, on_error=on_error)
    qtbot.waitUntil(lambda: finished == [True])
    assert [type(e) for e in seen] == [InputError]
    assert dialogs.shown == ([] if handled else [("warning", "Chưa nhập số.")])


def test_a_task_on_the_file_has_a_connection_of_its_own(qtbot: Any, demo_path: Path) -> None:
    """An SQLite connection belongs to the thread that made it: the worker opens its own
    to the same file, and closes it when done."""
    runner = TaskRunner()
    mine = threading.get_ident()
    found: list[tuple[int, int, object]] = []

    def count(db: Any) -> tuple[int, int, object]:
        values = int(db.execute("SELECT COUNT(*) FROM figure_values").fetchone()[0])
        return threading.get_ident(), values, db

    runner.on_file(demo_path, count, found.append)
    qtbot.waitUntil(lambda: len(found) == 1)
    worker, values, db = found[0]
    assert worker != mine and values == 60
    with pytest.raises(sqlite3.ProgrammingError):  # closed once the task was done
        db.execute("SELECT 1")  # type: ignore[attr-defined]


def test_the_excepthook_reports_a_bug_as_one_sentence(dialogs: Any) -> None:
    reporter = errors.ErrorReporter()
    try:
        raise ZeroDivisionError("chia cho 0")
    except ZeroDivisionError as exc:
        reporter.excepthook(type(exc), exc, exc.__traceback__)
    kind, text = dialogs.shown[-1]
    assert kind == "critical" and "nhật ký" in text and "chia cho 0" not in text

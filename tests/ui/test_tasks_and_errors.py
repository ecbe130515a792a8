"""Background tasks (busy indicator only after half a second, errors to one place) and
the error hook."""

from __future__ import annotations

import time
from typing import Any

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


def test_the_excepthook_reports_a_bug_as_one_sentence(dialogs: Any) -> None:
    reporter = errors.ErrorReporter()
    try:
        raise ZeroDivisionError("chia cho 0")
    except ZeroDivisionError as exc:
        reporter.excepthook(type(exc), exc, exc.__traceback__)
    kind, text = dialogs.shown[-1]
    assert kind == "critical" and "nhật ký" in text and "chia cho 0" not in text

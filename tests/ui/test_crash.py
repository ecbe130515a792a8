"""Killing the program right after a cell is accepted loses nothing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from hbt_desktop.core.periods import parse_period
from hbt_desktop.store.file.connection import open_database
from hbt_desktop.store.values import get_value

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is a POSIX signal")
def test_sigkill_right_after_accepting_a_cell_keeps_it(demo_path: Path, tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.ui.crash_child", str(demo_path), str(tmp_path / "p.ini")],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        line = child.stdout.readline()
        # No grace, no cleanup: the process dies the instant it said the cell was taken.
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
    assert line.strip() == "ACCEPTED", child.stderr.read() if child.stderr else ""
    assert child.returncode == -signal.SIGKILL
    db = open_database(demo_path, create=False)
    stored = get_value(db, "NS_CHI_TONG", "Q007", parse_period("2023Q1"))
    assert stored is not None and stored.amount == Decimal(1_427_500_000_000)

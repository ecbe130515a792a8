"""Kill the program at random moments while it edits, imports and backs up; lose nothing.

The normal run makes 200 kills (a few seconds). The long mode makes as many as
``HBT_CRASH_KILLS`` says, e.g. ``HBT_CRASH_KILLS=2000 pytest tests/durability/test_crash.py``;
its recorded result is in docs/durability.md. See crash_harness.py for what is checked.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from hbt_desktop.core.periods import parse_period
from hbt_desktop.core.values import Status, Value
from hbt_desktop.store.file.connection import open_database
from hbt_desktop.store.writes import write_value
from tests.durability import crash_harness
from tests.durability.crash_child import BATCH_KEYS, EDIT_KEYS, SLOT_PERIODS, batch_values

KILLS = int(os.environ.get("HBT_CRASH_KILLS", "200"))

posix_only = pytest.mark.skipif(
    sys.platform == "win32", reason="SIGKILL and fork: the crash test runs on POSIX"
)


@posix_only
@pytest.mark.slow
def test_random_kills_lose_nothing_and_never_half_import(tmp_path: Path) -> None:
    tally = crash_harness.run(tmp_path, KILLS)
    print(tally.summary())
    assert tally.failures == []
    assert tally.kills == KILLS
    assert (tally.lost, tally.half_applied, tally.corrupt, tally.bad_backups) == (0, 0, 0, 0)
    # The kills really landed in the work: operations were accepted and some were cut off.
    assert tally.edits_accepted > KILLS
    assert tally.imports_accepted + tally.file_imports_accepted > KILLS // 2
    assert tally.backups_accepted > 0
    assert tally.in_flight_at_kill > KILLS // 4


# -- the checker itself: a test that cannot fail proves nothing ------------------------------


def _db_with_model(tmp_path: Path) -> tuple[Path, crash_harness.Model]:
    db_path = tmp_path / "crash.db"
    crash_harness.prepare(db_path)
    db = open_database(db_path)
    indicator, unit, period = EDIT_KEYS[0]
    write_value(db, Value(indicator, unit, parse_period(period), Decimal(7), 0, Status.THUC_HIEN))
    from hbt_desktop.store.writes import write_values

    write_values(db, batch_values(9, 0))
    db.close()
    model = crash_harness.Model()
    model.edits[0] = 7
    model.slots[0] = 9
    return db_path, model


def test_the_checker_passes_a_faithful_file(tmp_path: Path) -> None:
    db_path, model = _db_with_model(tmp_path)
    tally = crash_harness.Tally()
    crash_harness.check(db_path, model, None, tally)
    assert tally.failures == []
    assert tally.edit_checks == 1 and tally.batch_checks == 1


def test_the_checker_catches_a_lost_edit(tmp_path: Path) -> None:
    db_path, model = _db_with_model(tmp_path)
    model.edits[0] = 8  # the worker said 8 was accepted; the file has 7
    tally = crash_harness.Tally()
    crash_harness.check(db_path, model, None, tally)
    assert tally.lost == 1


def test_the_checker_accepts_either_fate_of_the_operation_in_flight(tmp_path: Path) -> None:
    db_path, model = _db_with_model(tmp_path)
    model.edits[0] = 5  # accepted before; 7 was in flight and made it
    tally = crash_harness.Tally()
    crash_harness.check(db_path, model, ("W", 7, 0), tally)
    assert tally.failures == []
    assert model.edits[0] == 7  # the in-flight write is now part of what must stay


def test_the_checker_catches_a_half_applied_import(tmp_path: Path) -> None:
    db_path, model = _db_with_model(tmp_path)
    conn = sqlite3.connect(db_path)
    conn.execute(
        "DELETE FROM figure_values WHERE period = ? AND unit_uid = ?",
        [SLOT_PERIODS[0], BATCH_KEYS[0][1]],
    )
    conn.commit()
    conn.close()
    tally = crash_harness.Tally()
    crash_harness.check(db_path, model, None, tally)
    assert tally.half_applied == 1


def test_the_checker_catches_a_corrupt_file(tmp_path: Path) -> None:
    db_path, model = _db_with_model(tmp_path)
    size = db_path.stat().st_size
    with db_path.open("r+b") as fh:  # scribble over the second half of the file
        fh.seek(size // 2)
        fh.write(b"\xa5" * (size // 2))
    tally = crash_harness.Tally()
    crash_harness.check(db_path, model, None, tally)
    assert tally.corrupt == 1

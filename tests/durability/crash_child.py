"""The process the crash test kills: edits, imports and backups as fast as it can.

Run as ``python crash_child.py DB WORKDIR``. It starts as a *zygote*: it imports the
program once, then for every ``run SEED SEQ`` line on stdin it forks a worker and reports
``pid N``; when the worker has died (the parent kills it with SIGKILL) it reports
``dead N STATUS``. Forking keeps each kill cycle to milliseconds instead of the ~0.3 s a
fresh interpreter needs, so the test can afford hundreds of kills; each worker is still a
separate process with its own SQLite connection, opened after the fork, and dies exactly
as a crashed program would — its file handles and locks released by the kernel, nothing
flushed by Python.

A worker opens the database the way the program does at start (``open_or_recover``:
lock, quick check, start-up backup) and then loops. Before each operation it writes what
it is about to do, after it returns what was accepted — each line with one ``os.write``,
so a line reaches the parent whole or not at all:

    W SEQ KEY        about to write value SEQ to edit key KEY
    D SEQ KEY        about to delete edit key KEY
    I SEQ SLOT       about to import batch SEQ into slot SLOT (write_values, one transaction)
    X SEQ SLOT       the same through exchange.import_values and a JSON file
    B SEQ            about to back up
    A SEQ [PATH]     the operation SEQ was accepted (returned); PATH of a backup
    E TEXT           an unexpected error (the test fails)
"""

from __future__ import annotations

import getpass  # noqa: F401 - see "before any fork" below
import json
import os
import random
import socket  # noqa: F401
import sys
import traceback
from decimal import Decimal
from pathlib import Path

# Imported before any fork, like getpass and socket above, because the program imports
# them lazily: otherwise every worker would spend its first milliseconds importing.
import hbt_desktop.store.file.settings  # noqa: F401
from hbt_desktop.core.periods import Period, parse_period
from hbt_desktop.core.values import Status, Value
from hbt_desktop.store.file.backup import RetentionPolicy, auto_backup
from hbt_desktop.store.file.recovery import open_or_recover
from hbt_desktop.store.writes import delete_value, write_value, write_values

try:
    from hbt_desktop.exchange import import_values
except ImportError:  # the exchange package is being written alongside: optional
    import_values = None  # type: ignore[assignment]
# The keys, shared with the parent (crash_harness imports these).
INDICATORS = [
    "NS_THU_DIA_BAN",
    "NS_CHI_TONG",
    "DN_THANH_LAP",
    "LD_VIEC_LAM",
    "YT_KHAM_BENH",
    "TMDV_DOANH_THU",
]
UNITS = ["Q007", "P00241", "P00244", "P00247", "P00256"]
EDIT_PERIODS = [Period.month(2023, m).id for m in (1, 2)]
EDIT_KEYS = [(i, u, p) for i in INDICATORS for u in UNITS[:3] for p in EDIT_PERIODS]
SLOT_PERIODS = [Period.quarter(2023, q).id for q in (1, 2, 3, 4)] + [
    Period.half(2023, h).id for h in (1, 2)
]
# 12 values per import: enough for "half an import" to be visible, small enough that the
# file (which keeps an audit row per change) stays quick to check after every kill.
BATCH_KEYS = [(i, u) for i in INDICATORS[:4] for u in UNITS[:3]]
POLICY = RetentionPolicy(last=4, daily=1, weekly=1, monthly=1)


def batch_values(seq: int, slot: int) -> list[Value]:
    period = parse_period(SLOT_PERIODS[slot])
    return [
        Value(i, u, period, Decimal(seq * 100 + n), 0, Status.THUC_HIEN, comment=f"batch:{seq}")
        for n, (i, u) in enumerate(BATCH_KEYS)
    ]


def batch_file(workdir: Path, seq: int, slot: int) -> Path:
    """The same batch as a DHIS2 dataValueSets JSON file (docs/file-formats.md)."""
    rows = [
        {
            "dataElement": v.indicator,
            "period": v.period.id,
            "orgUnit": v.unit_uid,
            "value": str(v.amount),
            "comment": v.comment,
            "status": "thuc_hien",
            "decimals": 0,
        }
        for v in batch_values(seq, slot)
    ]
    path = workdir / "batch.json"  # one worker at a time: the next one overwrites it
    path.write_text(json.dumps({"dataValues": rows}), encoding="utf-8")
    return path


def say(line: str) -> None:
    os.write(1, (line + "\n").encode("utf-8"))


def worker(db_path: Path, workdir: Path, seed: int, seq: int) -> None:
    rng = random.Random(seed)
    opened = open_or_recover(db_path)
    db = opened.db
    say("open")
    while True:
        seq += 1
        roll = rng.random()
        if roll < 0.55:
            key = rng.randrange(len(EDIT_KEYS))
            indicator, unit, period = EDIT_KEYS[key]
            say(f"W {seq} {key}")
            write_value(
                db,
                Value(indicator, unit, parse_period(period), Decimal(seq), 0, Status.THUC_HIEN),
            )
            say(f"A {seq}")
        elif roll < 0.62:
            key = rng.randrange(len(EDIT_KEYS))
            indicator, unit, period = EDIT_KEYS[key]
            say(f"D {seq} {key}")
            delete_value(db, indicator, unit, parse_period(period))
            say(f"A {seq}")
        elif roll < 0.85 or import_values is None:
            slot = rng.randrange(len(SLOT_PERIODS))
            say(f"I {seq} {slot}")
            write_values(db, batch_values(seq, slot))
            say(f"A {seq}")
        elif roll < 0.93:
            slot = rng.randrange(len(SLOT_PERIODS))
            path = batch_file(workdir, seq, slot)
            say(f"X {seq} {slot}")
            import_values(db, path)
            say(f"A {seq}")
        else:
            say(f"B {seq}")
            outcome = auto_backup(db, db_path, "crash-test", policy=POLICY)
            assert outcome.backup is not None
            say(f"A {seq} {outcome.backup.path}")


def zygote(db_path: Path, workdir: Path) -> None:
    say("ready")
    for line in sys.stdin:
        command = line.split()
        if not command:
            continue
        if command[0] == "quit":
            return
        seed, seq = int(command[1]), int(command[2])
        pid = os.fork()
        if pid == 0:
            try:
                worker(db_path, workdir, seed, seq)
            except BaseException:
                say("E " + traceback.format_exc().replace("\n", " | "))
                os._exit(3)
            os._exit(0)
        say(f"pid {pid}")
        _, status = os.waitpid(pid, 0)
        say(f"dead {pid} {status}")


if __name__ == "__main__":
    zygote(Path(sys.argv[1]), Path(sys.argv[2]))

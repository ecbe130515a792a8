"""The parent side of the crash test: start workers, kill them at random, check the file.

After every kill the database is reopened and checked:

- ``PRAGMA integrity_check`` is ``ok`` and the program's own start-up check passes
  (the next worker opens it with ``open_or_recover``, which refuses a damaged file);
- every edit the worker reported accepted is there with its value — or, for the one
  operation in flight when it died, either the old or the new value;
- every import slot holds exactly one whole batch (all 12 values with the same batch
  id): the last accepted one, or the one in flight — never a mix, never part of one;
- every backup file is complete and checks out (``.partial`` files never count);
- the lock of the dead worker is free.

Run it directly for the long mode, e.g. ``python -m tests.durability.crash_harness 2000``.
"""

from __future__ import annotations

import os
import random
import selectors
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from tests.durability.crash_child import BATCH_KEYS, EDIT_KEYS, SLOT_PERIODS

CHILD = Path(__file__).with_name("crash_child.py")
ROOT = Path(__file__).resolve().parents[2]
ABSENT = None


@dataclass
class Tally:
    kills: int = 0
    edits_accepted: int = 0
    deletes_accepted: int = 0
    imports_accepted: int = 0
    file_imports_accepted: int = 0
    backups_accepted: int = 0
    in_flight_at_kill: int = 0
    edit_checks: int = 0  # accepted edit keys compared with the file, summed over kills
    batch_checks: int = 0
    backups_checked: int = 0
    lost: int = 0
    half_applied: int = 0
    corrupt: int = 0
    bad_backups: int = 0
    seconds: float = 0.0
    failures: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"kills {self.kills}, edits accepted {self.edits_accepted} "
            f"(+{self.deletes_accepted} deletions), imports accepted "
            f"{self.imports_accepted + self.file_imports_accepted} "
            f"({self.file_imports_accepted} through import_values), backups "
            f"{self.backups_accepted}; checked after each kill: {self.edit_checks} edits, "
            f"{self.batch_checks} import batches, {self.backups_checked} backup files; "
            f"in flight at the kill: {self.in_flight_at_kill}; lost: {self.lost}, "
            f"half-applied: {self.half_applied}, corrupt: {self.corrupt}, "
            f"bad backups: {self.bad_backups}; {self.seconds:.1f} s"
        )


class Zygote:
    """The child process that forks workers on demand; lines from all of them, in order."""

    def __init__(self, db: Path, workdir: Path) -> None:
        env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1"}
        self.proc = subprocess.Popen(
            [sys.executable, str(CHILD), str(db), str(workdir)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=env,
            cwd=ROOT,
        )
        assert self.proc.stdout is not None
        self.fd = self.proc.stdout.fileno()
        os.set_blocking(self.fd, False)
        self.selector = selectors.DefaultSelector()
        self.selector.register(self.fd, selectors.EVENT_READ)
        self.buffer = b""
        self.lines: list[str] = []
        if self.wait_for("ready", 30) is None:
            raise RuntimeError("the crash child did not start")

    def pump(self, timeout: float) -> None:
        """Read what is there (waiting up to ``timeout``) into ``self.lines``."""
        if self.selector.select(timeout):
            try:
                chunk = os.read(self.fd, 1 << 16)
            except BlockingIOError:
                return
            if not chunk:
                raise RuntimeError("the crash child exited")
            self.buffer += chunk
            *complete, self.buffer = self.buffer.split(b"\n")
            self.lines += [c.decode("utf-8") for c in complete]

    def wait_for(self, prefix: str, timeout: float) -> str | None:
        """Pump until a line starting with ``prefix`` arrives; return it, or None on timeout."""
        deadline = time.monotonic() + timeout
        while True:
            for line in self.lines:
                if line.startswith(prefix):
                    return line
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            self.pump(left)

    def send(self, line: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write((line + "\n").encode())
        self.proc.stdin.flush()

    def close(self) -> None:
        try:
            self.send("quit")
            self.proc.wait(10)
        except (OSError, subprocess.TimeoutExpired):
            self.proc.kill()
            self.proc.wait()


class Model:
    """What the file must hold, from the worker's accepted lines."""

    def __init__(self) -> None:
        self.edits: dict[int, int | None] = {}  # key -> value (None: deleted / never)
        self.slots: dict[int, int | None] = {}  # slot -> batch seq
        self.backups: list[Path] = []

    def apply(self, lines: list[str], tally: Tally) -> tuple[str, int, int] | None:
        """Take a worker's lines; return the operation in flight at its death, if any."""
        pending: tuple[str, int, int] | None = None
        for line in lines:
            parts = line.split()
            tag = parts[0]
            if tag in {"W", "D", "I", "X"}:
                pending = (tag, int(parts[1]), int(parts[2]))
            elif tag == "B":
                pending = ("B", int(parts[1]), -1)
            elif tag == "A":
                assert pending is not None and pending[1] == int(parts[1]), line
                kind, seq, target = pending
                if kind == "W":
                    self.edits[target] = seq
                    tally.edits_accepted += 1
                elif kind == "D":
                    self.edits[target] = ABSENT
                    tally.deletes_accepted += 1
                elif kind in {"I", "X"}:
                    self.slots[target] = seq
                    if kind == "I":
                        tally.imports_accepted += 1
                    else:
                        tally.file_imports_accepted += 1
                else:
                    self.backups.append(Path(parts[2]))
                    tally.backups_accepted += 1
                pending = None
            elif tag == "E":
                tally.failures.append("worker error: " + line[2:])
        return pending


def edit_values(conn: sqlite3.Connection) -> dict[int, int | None]:
    found: dict[int, int | None] = {}
    for key, (indicator, unit, period) in enumerate(EDIT_KEYS):
        row = conn.execute(
            "SELECT num FROM figure_values WHERE indicator = ? AND unit_uid = ? AND period = ?",
            [indicator, unit, period],
        ).fetchone()
        found[key] = int(row[0]) if row else ABSENT
    return found


def slot_batches(conn: sqlite3.Connection) -> dict[int, set[tuple[str, int]]]:
    """slot -> {(comment, num - 100 * batch)} of its rows: one batch gives one comment."""
    found: dict[int, set[tuple[str, int]]] = {}
    for slot, period in enumerate(SLOT_PERIODS):
        rows = conn.execute(
            "SELECT indicator, unit_uid, num, comment FROM figure_values WHERE period = ?",
            [period],
        ).fetchall()
        found[slot] = {(str(c), int(n)) for _, _, n, c in rows}
        if rows and len(rows) != len(BATCH_KEYS):
            found[slot].add(("count", len(rows)))
    return found


def check(db: Path, model: Model, pending: tuple[str, int, int] | None, tally: Tally) -> None:
    """Compare the file with the model; then fold the in-flight operation's fate into it."""
    from hbt_desktop.store.file.lock import probe
    from hbt_desktop.store.file.verify import inspect_file

    conn = sqlite3.connect(str(db))
    try:
        integrity = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
        if integrity != ["ok"]:
            raise sqlite3.DatabaseError("; ".join(integrity[:3]))
        edits = edit_values(conn)
        batches = slot_batches(conn)
    except sqlite3.DatabaseError as exc:
        tally.corrupt += 1
        tally.failures.append(f"kill {tally.kills}: {exc}")
        return
    finally:
        conn.close()

    for key, value in edits.items():
        expected = {model.edits.get(key, ABSENT)}
        if pending and pending[0] in {"W", "D"} and pending[2] == key:
            expected.add(pending[1] if pending[0] == "W" else ABSENT)
        if key in model.edits:
            tally.edit_checks += 1
        if value not in expected:
            tally.lost += 1
            tally.failures.append(f"kill {tally.kills}: edit {key} is {value}, expected {expected}")
        elif pending and pending[2] == key and pending[0] in {"W", "D"}:
            model.edits[key] = value

    for slot, rows in batches.items():
        expected_batches = {model.slots.get(slot)}
        if pending and pending[0] in {"I", "X"} and pending[2] == slot:
            expected_batches.add(pending[1])
        found_batch: int | None = None
        if rows:
            comments = {c for c, _ in rows}
            if len(comments) != 1 or len(rows) != len(BATCH_KEYS):
                tally.half_applied += 1
                tally.failures.append(f"kill {tally.kills}: slot {slot} mixes {sorted(comments)}")
                continue
            found_batch = int(next(iter(comments)).removeprefix("batch:"))
            nums = sorted(n for _, n in rows)
            if nums != [found_batch * 100 + n for n in range(len(BATCH_KEYS))]:
                tally.half_applied += 1
                tally.failures.append(f"kill {tally.kills}: slot {slot} values do not match")
                continue
        if slot in model.slots:
            tally.batch_checks += 1
        if found_batch not in expected_batches:
            tally.lost += 1
            tally.failures.append(
                f"kill {tally.kills}: slot {slot} holds {found_batch}, expected {expected_batches}"
            )
        elif pending and pending[0] in {"I", "X"} and pending[2] == slot:
            model.slots[slot] = found_batch

    # Every finished backup reported so far that thinning has kept must check out.
    still = [b for b in model.backups if b.exists()]
    for backup in still[-2:]:  # the newest ones are the new ones; older ones were checked
        tally.backups_checked += 1
        report = inspect_file(backup)
        if not report.ok:
            tally.bad_backups += 1
            tally.failures.append(f"kill {tally.kills}: backup {backup}: {report.problems}")
    model.backups = still
    folder = db.parent.joinpath("backups")
    for listed in folder.glob("*.db"):
        if listed.stat().st_size == 0:
            tally.bad_backups += 1
            tally.failures.append(f"kill {tally.kills}: empty backup {listed}")
    # A killed backup leaves a partial file as big as the database; the next backup must
    # clear it, or a PC that loses power often fills its disk.
    leftovers = list(folder.glob("*.partial*"))
    if len(leftovers) > 12:
        tally.failures.append(f"kill {tally.kills}: {len(leftovers)} unfinished backups pile up")

    holder = probe(db)
    if holder is not None:
        tally.failures.append(f"kill {tally.kills}: the dead worker's lock is still held")


def prepare(db: Path) -> None:
    from hbt_desktop.exchange.seed import load_reference
    from hbt_desktop.store.file.connection import open_database

    database = open_database(db)
    load_reference(database)
    database.close()


class KillClock:
    """When to kill, adapted to how fast this machine works.

    A fixed delay would measure the machine, not the program: on a loaded machine whose
    fsyncs take milliseconds a worker would die before doing anything. So 15% of the kills
    come while the worker opens the file (random within its measured opening time) and the
    rest after a random number (0-8) of accepted operations plus a random part of one
    more — so that most kills land in the middle of an operation, whatever its speed.
    """

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.open_time = 0.02  # running averages, in seconds
        self.op_time = 0.002

    def learn(self, opened_after: float | None, ops: int, working: float) -> None:
        if opened_after is not None:
            self.open_time = 0.8 * self.open_time + 0.2 * opened_after
        if ops:
            self.op_time = 0.8 * self.op_time + 0.2 * (working / ops)

    def during_open(self) -> float | None:
        return self.rng.uniform(0, self.open_time) if self.rng.random() < 0.15 else None

    def after(self) -> tuple[int, float]:
        return self.rng.randint(0, 8), self.rng.uniform(0, 1.5 * self.op_time)


def _accepted(lines: list[str]) -> int:
    return sum(1 for ln in lines if ln.startswith("A "))


def _kill_one(zygote: Zygote, clock: KillClock) -> None:
    """Start a worker and kill it at a moment ``clock`` chooses."""
    started = time.monotonic()
    line = zygote.wait_for("pid ", 30)
    if line is None:
        raise RuntimeError("no worker started")
    pid = int(line.split()[1])
    early = clock.during_open()
    opened_after: float | None = None
    ops, working = 0, 0.0
    if early is not None:
        deadline = started + early
        while (left := deadline - time.monotonic()) > 0:
            zygote.pump(left)
    elif zygote.wait_for("open", 30) is not None:  # (else it failed: the E line says why)
        opened = time.monotonic()
        opened_after = opened - started
        target, extra = clock.after()
        deadline = opened + 30
        while _accepted(zygote.lines) < target and time.monotonic() < deadline:
            if any(ln.startswith("E ") for ln in zygote.lines):
                break
            zygote.pump(0.05)
        ops, working = _accepted(zygote.lines), time.monotonic() - opened
        end = time.monotonic() + extra
        while (left := end - time.monotonic()) > 0:
            zygote.pump(left)
    os.kill(pid, signal.SIGKILL)
    clock.learn(opened_after, ops, working)


def run(workdir: Path, kills: int, *, seed: int = 20250314) -> Tally:
    """``kills`` kill-and-check cycles on a fresh database in ``workdir``."""
    db = workdir / "crash.db"
    prepare(db)
    rng = random.Random(seed)
    clock = KillClock(rng)
    tally = Tally()
    model = Model()
    zygote = Zygote(db, workdir)
    started = time.monotonic()
    seq = 0
    try:
        while tally.kills < kills and not tally.failures:
            zygote.lines.clear()
            zygote.send(f"run {rng.randrange(1 << 30)} {seq}")
            _kill_one(zygote, clock)
            pid = next(int(ln.split()[1]) for ln in zygote.lines if ln.startswith("pid "))
            dead = zygote.wait_for(f"dead {pid}", 30)
            if dead is None:
                raise RuntimeError(f"worker {pid} did not die")
            status = int(dead.split()[2])
            lines = [ln for ln in zygote.lines if ln[:1] in {"W", "D", "I", "X", "B", "A", "E"}]
            if not (os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL):
                tally.failures.append(f"worker ended by itself ({status}): {lines[-1:]}")
            tally.kills += 1
            pending = model.apply(lines, tally)
            if pending is not None:
                tally.in_flight_at_kill += 1
            seq = max([seq, *(int(ln.split()[1]) for ln in lines if ln[0] in "WDIXBA")]) + 1
            check(db, model, pending, tally)
    finally:
        zygote.close()
        tally.seconds = time.monotonic() - started
    return tally


if __name__ == "__main__":
    import tempfile

    count = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    with tempfile.TemporaryDirectory(dir=os.environ.get("HBT_CRASH_DIR")) as folder:
        result = run(Path(folder), count)
    print(result.summary())
    for failure in result.failures[:20]:
        print("FAIL", failure)
    sys.exit(1 if result.failures else 0)

"""Two copies of the program on one database: the second is told, nothing is lost."""

from __future__ import annotations

import os
import signal
import socket
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from hbt_desktop.store.file import lock as lock_mod
from hbt_desktop.store.file.lock import (
    InUseError,
    LockHolder,
    LockUnsupported,
    acquire_lock,
    lock_path,
    probe,
    read_holder,
)
from hbt_desktop.store.file.recovery import open_or_recover
from hbt_desktop.store.values import all_values

ROOT = Path(__file__).resolve().parents[2]
HOLDER = Path(__file__).with_name("holder.py")
ENV = {**os.environ, "PYTHONPATH": str(ROOT), "HBT_DESKTOP_LANG": "vi"}


class Holder:
    """A real second process holding the database, as a running copy of the program."""

    def __init__(self, db: Path) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, str(HOLDER), str(db)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=ENV,
            cwd=ROOT,
        )
        assert self.read() == "ready"

    def read(self) -> str:
        assert self.proc.stdout is not None
        return self.proc.stdout.readline().strip()

    def send(self, line: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()

    def write(self, n: int) -> None:
        self.send(f"write {n}")
        assert self.read() == f"ok {n}"

    def quit(self) -> None:
        self.send("quit")
        assert self.read() == "closed"
        self.proc.wait(10)

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL if sys.platform != "win32" else signal.SIGTERM)
        self.proc.wait(10)


@pytest.fixture
def holder(tmp_path: Path) -> Iterator[Holder]:
    h = Holder(tmp_path / "hbt.db")
    yield h
    if h.proc.poll() is None:
        h.kill()


def _stored(db_path: Path) -> set[int]:
    opened = open_or_recover(db_path, readonly=True)
    try:
        return {int(v.amount) for v in all_values(opened.db) if v.unit_uid == "Q007"}
    finally:
        opened.close()


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "hbt_desktop", *args],
        check=False,
        capture_output=True,
        encoding="utf-8",  # what the program prints; Windows' locale would be cp1252
        env=ENV,
        cwd=ROOT,
        timeout=60,
    )


def test_a_second_copy_is_told_who_has_the_file_and_can_read_it(
    holder: Holder, tmp_path: Path
) -> None:
    db = tmp_path / "hbt.db"
    holder.write(1)
    with pytest.raises(InUseError) as err:
        open_or_recover(db)
    message = err.value.message
    assert message.startswith(f"Tệp dữ liệu {db} đang được mở bởi hbt-desktop của")
    assert f"trên máy {socket.gethostname()}" in message
    assert f"tiến trình {holder.proc.pid}" in message
    assert "chỉ đọc" in message
    assert "is open in hbt-desktop of" in err.value.message_in("en")
    assert err.value.holder is not None and err.value.holder.pid == holder.proc.pid

    # Read-only: sees what the first copy stored, cannot change anything.
    reader = open_or_recover(db, readonly=True)
    try:
        assert 1 in {int(v.amount) for v in all_values(reader.db)}

        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            reader.db.execute("DELETE FROM figure_values")
    finally:
        reader.close()


def test_the_command_line_refuses_to_write_and_reads_read_only(
    holder: Holder, tmp_path: Path
) -> None:
    db = tmp_path / "hbt.db"
    holder.write(7)
    data = tmp_path / "in.csv"
    data.write_text("dataelement,period,orgunit,value\nNS_THU_DIA_BAN,2023Q1,Q007,5\n")
    refused = cli("import", "values", str(data), "--db", str(db))
    assert refused.returncode == 2
    assert "đang được mở bởi" in refused.stderr and str(holder.proc.pid) in refused.stderr
    exported = cli("export", "values", str(tmp_path / "out.csv"), "--db", str(db))
    assert exported.returncode == 0, exported.stderr
    assert "chỉ đọc" in exported.stderr
    holder.write(8)  # the first copy is unaffected
    assert {7, 8} <= _stored(db)


def test_no_accepted_figure_is_lost_when_the_first_copy_is_killed(
    holder: Holder, tmp_path: Path
) -> None:
    db = tmp_path / "hbt.db"
    for n in range(60):
        holder.write(n)
    # Meanwhile a second copy keeps trying, and keeps being refused.
    for _ in range(3):
        with pytest.raises(InUseError):
            open_or_recover(db)
    holder.kill()  # a crash: no clean close, the lock goes with the process
    assert probe(db) is None
    opened = open_or_recover(db)  # the second copy now takes over
    try:
        stored = {int(v.amount) for v in all_values(opened.db) if v.unit_uid == "Q007"}
        assert set(range(60)) <= stored
    finally:
        opened.close()


def test_after_a_clean_close_the_lock_file_names_nobody(holder: Holder, tmp_path: Path) -> None:
    db = tmp_path / "hbt.db"
    assert read_holder(db) is not None
    holder.quit()
    assert read_holder(db) is None
    assert lock_path(db).exists()  # emptied, never deleted (see store/file/lock.py)
    assert probe(db) is None


# -- where the file system cannot lock: the written description decides ------------------


@pytest.fixture
def no_os_locks(monkeypatch: pytest.MonkeyPatch) -> None:
    def unsupported(fh: object) -> bool:
        raise LockUnsupported(38, "Function not implemented")

    monkeypatch.setattr(lock_mod, "_os_lock", unsupported)


def _claim(db: Path, holder: LockHolder) -> None:
    lock_path(db).write_text(holder.to_json(), encoding="utf-8")


@pytest.mark.usefixtures("no_os_locks")
def test_a_stale_description_from_a_dead_process_here_is_taken_over(tmp_path: Path) -> None:
    db = tmp_path / "hbt.db"
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        check=True,
        capture_output=True,
        text=True,
    )
    _claim(db, LockHolder(int(dead.stdout), socket.gethostname(), "x", "2025-03-14T08:00:00"))
    with acquire_lock(db) as lock:
        assert lock.held
        assert read_holder(db) == lock.holder


@pytest.mark.usefixtures("no_os_locks")
def test_a_live_process_here_or_any_other_computer_is_believed(
    tmp_path: Path, live_pid: int
) -> None:
    db = tmp_path / "hbt.db"
    _claim(db, LockHolder(live_pid, socket.gethostname(), "x", "2025-03-14T08:00:00"))
    with pytest.raises(InUseError):
        acquire_lock(db)
    _claim(db, LockHolder(1234, "may-phuong-2", "chi.lan", "2025-03-14T08:00:00"))
    with pytest.raises(InUseError) as err:
        acquire_lock(db)
    assert "chi.lan trên máy may-phuong-2" in err.value.message
    with acquire_lock(db, force=True) as lock:  # the clerk says that computer is off
        assert lock.held


def test_an_unreadable_lock_file_still_refuses_while_locked(tmp_path: Path) -> None:
    db = tmp_path / "hbt.db"
    with acquire_lock(db):
        lock_path(db).write_bytes(b"\xff\xfe garbage")  # what a crash mid-write could leave
        with pytest.raises(InUseError) as err:
            acquire_lock(db)
        assert "một chương trình hbt-desktop khác" in err.value.message


def test_holder_descriptions_survive_garbage() -> None:
    assert LockHolder.from_json("") is None
    assert LockHolder.from_json("[1, 2]") is None
    weird = LockHolder.from_json('{"pid": true, "host": 5, "since": "không phải ngày"}')
    assert weird is not None and weird.pid is None and weird.host == "5"
    assert "không phải ngày" in weird.describe()

"""Restore: the current data is backed up first, the swap is atomic, bad files are refused."""

from __future__ import annotations

import hashlib
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest
from sqlite_utils import Database

from hbt_desktop.core.periods import parse_period
from hbt_desktop.core.values import Status, Value
from hbt_desktop.exchange.seed import seed_new_database
from hbt_desktop.store.file import fileops
from hbt_desktop.store.file.backup import BackupError, create_backup, list_backups
from hbt_desktop.store.file.connection import open_database
from hbt_desktop.store.file.lock import InUseError, acquire_lock
from hbt_desktop.store.file.migrations import SCHEMA_VERSION
from hbt_desktop.store.file.restore import find_backup, restore_backup
from hbt_desktop.store.values import get_value
from hbt_desktop.store.writes import write_value

P = parse_period("quý I/2023")


def _write(db: Database, amount: int) -> None:
    write_value(db, Value("NS_THU_DIA_BAN", "Q007", P, Decimal(amount), 0, Status.THUC_HIEN))


def _amount(path: Path) -> Decimal | None:
    db = open_database(path)
    value = get_value(db, "NS_THU_DIA_BAN", "Q007", P)
    db.close()
    return value.amount if value else None


def _file_hash(path: Path) -> str:
    parts = [path.with_name(path.name + s) for s in ("", "-wal")]
    return hashlib.sha256(b"".join(p.read_bytes() for p in parts if p.exists())).hexdigest()


@pytest.fixture
def with_backup(tmp_path: Path) -> tuple[Path, Path]:
    """A database holding 2, and a backup of it when it held 1."""
    path = tmp_path / "hbt.db"
    db = open_database(path)
    seed_new_database(db)
    _write(db, 1)
    info = create_backup(db, path, reason="manual")
    assert info is not None
    _write(db, 2)
    db.close()
    return path, info.path


def test_restore_puts_the_backup_back_and_keeps_the_current_data(
    with_backup: tuple[Path, Path],
) -> None:
    path, backup = with_backup
    result = restore_backup(path, backup)
    assert _amount(path) == 1
    assert result.previous is not None and result.previous.reason == "before-restore"
    assert _amount(result.previous.path) == 2  # the data as it was is a backup now
    assert "Đã khôi phục" in result.message()
    # Nothing left over beside the database.
    leftovers = [p.name for p in path.parent.iterdir() if p.name.startswith(".")]
    assert leftovers == []


def test_restore_with_the_programs_open_connection_closes_it(
    with_backup: tuple[Path, Path],
) -> None:
    path, backup = with_backup
    db = open_database(path)
    _write(db, 3)  # only in the WAL so far
    lock = acquire_lock(path)
    try:
        result = restore_backup(path, backup, current=db, lock=lock)
    finally:
        lock.release()
    with pytest.raises(sqlite3.ProgrammingError):
        db.execute("SELECT 1")
    assert _amount(path) == 1
    assert result.previous is not None and _amount(result.previous.path) == 3
    assert not path.with_name("hbt.db-wal").exists() or _amount(path) == 1


def test_a_stale_wal_never_lands_on_the_restored_file(with_backup: tuple[Path, Path]) -> None:
    path, backup = with_backup
    # Another connection keeps the database (and its WAL) open: a read-only window, say.
    other = sqlite3.connect(path)
    other.execute("SELECT COUNT(*) FROM figure_values").fetchone()
    other.execute("BEGIN")
    other.execute("SELECT COUNT(*) FROM figure_values").fetchone()
    before = _file_hash(path)
    with pytest.raises(BackupError) as err:
        restore_backup(path, backup)
    other.close()
    assert err.value.key == "restore.still_open"
    assert _file_hash(path) == before
    # With the other connection gone, the restore goes through.
    restore_backup(path, backup)
    assert _amount(path) == 1


def test_a_backup_can_be_named_by_its_file_name_alone(with_backup: tuple[Path, Path]) -> None:
    path, backup = with_backup
    assert find_backup(path, backup.name) == backup
    assert find_backup(path, "nope.db") == Path("nope.db")


def test_a_second_copy_of_the_program_blocks_a_restore(with_backup: tuple[Path, Path]) -> None:
    path, backup = with_backup
    before = _file_hash(path)
    with acquire_lock(path), pytest.raises(InUseError) as err:
        restore_backup(path, backup)
    assert "đang được mở" in err.value.message
    assert _file_hash(path) == before


def test_the_confirmation_sees_both_sides_and_can_cancel(with_backup: tuple[Path, Path]) -> None:
    path, backup = with_backup
    before = _file_hash(path)
    seen = []

    def confirm(incoming, current):  # type: ignore[no-untyped-def]
        seen.append((incoming.values, current.values if current else None))
        return False

    with pytest.raises(BackupError) as err:
        restore_backup(path, backup, confirm=confirm)
    assert err.value.key == "restore.cancelled"
    assert seen == [(60, 60)]
    assert _file_hash(path) == before
    assert len(list_backups(path)) == 1  # no "before-restore" backup for a cancelled restore


# -- refusals: the current database is never touched -------------------------------------------


def _refused(path: Path, source: Path) -> BackupError:
    before = _file_hash(path)
    backups_before = len(list_backups(path))
    with pytest.raises(BackupError) as err:
        restore_backup(path, source)
    assert _file_hash(path) == before
    assert len(list_backups(path)) == backups_before
    assert not [p for p in path.parent.iterdir() if p.name.startswith(".hbt.db.restore")]
    return err.value


def test_refuses_a_missing_file(with_backup: tuple[Path, Path], tmp_path: Path) -> None:
    path, _ = with_backup
    assert _refused(path, tmp_path / "none.db").key == "restore.not_found"


def test_refuses_a_file_that_is_not_sqlite(with_backup: tuple[Path, Path], tmp_path: Path) -> None:
    path, _ = with_backup
    letter = tmp_path / "thu.db"
    letter.write_text("Kính gửi Ủy ban nhân dân phường", encoding="utf-8")
    err = _refused(path, letter)
    assert err.key == "restore.not_sqlite"
    assert "không bị thay đổi" in err.message


def test_refuses_a_truncated_backup(with_backup: tuple[Path, Path], tmp_path: Path) -> None:
    path, backup = with_backup
    cut = tmp_path / "cut.db"
    cut.write_bytes(backup.read_bytes()[: backup.stat().st_size // 2])
    assert _refused(path, cut).key == "restore.damaged"


def test_refuses_a_backup_with_a_scribbled_page(
    with_backup: tuple[Path, Path], tmp_path: Path
) -> None:
    path, backup = with_backup
    conn = sqlite3.connect(backup)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name='figure_values'").fetchone()
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    data = bytearray(backup.read_bytes())
    start = (root[0] - 1) * page_size  # a page in the middle of the file: the figures' table
    data[start + 8 : start + 400] = b"\xff" * 392
    bad = tmp_path / "bad.db"
    bad.write_bytes(bytes(data))
    assert _refused(path, bad).key == "restore.damaged"


def test_refuses_a_backup_changed_since_it_was_made(with_backup: tuple[Path, Path]) -> None:
    path, backup = with_backup
    # A byte inside a photo: SQLite's checks cannot see it, the manifest's SHA-256 can.
    data = bytearray(backup.read_bytes())
    data[-10] ^= 0x01
    backup.write_bytes(bytes(data))
    err = _refused(path, backup)
    assert err.key == "restore.damaged" and "changed since" in err.message


def test_refuses_another_programs_database(with_backup: tuple[Path, Path], tmp_path: Path) -> None:
    path, _ = with_backup
    other = tmp_path / "other.db"
    Database(other)["customers"].insert({"name": "x"})
    assert _refused(path, other).key == "restore.not_ours"


def test_refuses_our_database_with_an_extra_trigger(
    with_backup: tuple[Path, Path], tmp_path: Path
) -> None:
    path, backup = with_backup
    evil = tmp_path / "evil.db"
    evil.write_bytes(backup.read_bytes())
    conn = sqlite3.connect(evil)
    conn.execute(
        "CREATE TRIGGER wipe AFTER INSERT ON figure_values BEGIN DELETE FROM figure_values; END"
    )
    conn.commit()
    conn.close()
    err = _refused(path, evil)
    assert err.key == "restore.not_ours" and "wipe" in err.message


def test_refuses_our_database_with_a_changed_table(
    with_backup: tuple[Path, Path], tmp_path: Path
) -> None:
    path, backup = with_backup
    changed = tmp_path / "changed.db"
    changed.write_bytes(backup.read_bytes())
    conn = sqlite3.connect(changed)
    conn.execute("ALTER TABLE figure_values ADD COLUMN extra TEXT")
    conn.commit()
    conn.close()
    assert _refused(path, changed).key == "restore.not_ours"


def test_refuses_a_file_from_a_newer_version(
    with_backup: tuple[Path, Path], tmp_path: Path
) -> None:
    path, backup = with_backup
    newer = tmp_path / "newer.db"
    newer.write_bytes(backup.read_bytes())
    conn = sqlite3.connect(newer)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    err = _refused(path, newer)
    assert err.key == "restore.too_new" and "cập nhật" in err.message


def test_refuses_a_file_with_broken_references(
    with_backup: tuple[Path, Path], tmp_path: Path
) -> None:
    path, backup = with_backup
    broken = tmp_path / "broken.db"
    broken.write_bytes(backup.read_bytes())
    conn = sqlite3.connect(broken)  # foreign keys off: the edit a hand-made file could hold
    conn.execute(
        "UPDATE figure_values SET unit_uid = 'KHONG_CO' "
        "WHERE id = (SELECT MIN(id) FROM figure_values)"
    )
    conn.commit()
    conn.close()
    assert _refused(path, broken).key == "restore.damaged"


def test_refuses_when_the_disk_is_too_full(
    with_backup: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, backup = with_backup
    from hbt_desktop.store.file import restore

    class Usage:
        free = 1000

    monkeypatch.setattr(restore.shutil, "disk_usage", lambda p: Usage())
    assert _refused(path, backup).key == "restore.no_space"


# -- Windows: an antivirus holding the file -----------------------------------------------------


def test_replace_retries_while_the_file_is_held(tmp_path: Path) -> None:
    src, dst = tmp_path / "a", tmp_path / "b"
    src.write_text("new")
    dst.write_text("old")
    attempts: list[float] = []
    real_replace = fileops.os.replace

    def held_twice(a: Path, b: Path) -> None:
        if len(attempts) < 2:
            attempts.append(0)
            raise PermissionError(13, "The process cannot access the file")
        real_replace(a, b)

    slept: list[float] = []
    import unittest.mock

    with unittest.mock.patch.object(fileops.os, "replace", held_twice):
        fileops.replace(src, dst, sleep=slept.append)
    assert dst.read_text() == "new"
    assert slept == [0.05, 0.1]


def test_replace_gives_up_with_the_error_after_its_retries(tmp_path: Path) -> None:
    import unittest.mock

    def always(a: Path, b: Path) -> None:
        raise PermissionError(13, "held")

    slept: list[float] = []
    with (
        unittest.mock.patch.object(fileops.os, "replace", always),
        pytest.raises(PermissionError),
    ):
        fileops.replace(tmp_path / "a", tmp_path / "b", sleep=slept.append)
    assert slept == list(fileops.RETRY_DELAYS)


def test_restore_says_so_when_the_file_stays_held(
    with_backup: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, backup = with_backup
    from hbt_desktop.store.file import restore

    def held(src: Path, dst: Path, **kwargs: object) -> None:
        raise PermissionError(13, "held by another process")

    monkeypatch.setattr(restore, "replace", held)
    with pytest.raises(BackupError) as err:
        restore_backup(path, backup)
    assert err.value.key == "restore.replace_failed"
    assert "diệt virus" in err.value.message
    assert _amount(path) == 2  # still the current data
    assert not [p for p in path.parent.iterdir() if p.name.startswith(".hbt.db.restore")]


# -- the GUI's restore: one call, the lock kept, the screen given a database either way ----


def test_restore_opened_reopens_with_the_same_lock(with_backup: tuple[Path, Path]) -> None:
    from hbt_desktop.store.file.recovery import open_or_recover, restore_opened

    path, backup = with_backup
    opened = open_or_recover(path)
    lock = opened.lock
    reopened, result = restore_opened(opened, backup)
    try:
        assert reopened.lock is lock and lock is not None and lock.held
        value = get_value(reopened.db, "NS_THU_DIA_BAN", "Q007", P)
        assert value is not None and value.amount == 1
        assert reopened.messages == [result.message()]
        with pytest.raises(InUseError):  # nobody slipped in
            acquire_lock(path)
    finally:
        reopened.close(backup=False)


def test_restore_opened_refused_leaves_a_working_database(
    with_backup: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hbt_desktop.store.file import restore
    from hbt_desktop.store.file.recovery import open_or_recover, restore_opened

    path, backup = with_backup
    opened = open_or_recover(path)
    try:
        junk = tmp_path / "junk.db"
        junk.write_bytes(b"not a database")
        with pytest.raises(BackupError):
            restore_opened(opened, junk)
        assert get_value(opened.db, "NS_THU_DIA_BAN", "Q007", P) is not None  # still open

        def held(src: Path, dst: Path, **kwargs: object) -> None:
            raise PermissionError(13, "held")

        monkeypatch.setattr(restore, "replace", held)
        with pytest.raises(BackupError):  # refused after the connection was let go
            restore_opened(opened, backup)
        value = get_value(opened.db, "NS_THU_DIA_BAN", "Q007", P)  # reopened for the screen
        assert value is not None and value.amount == 2
    finally:
        opened.close(backup=False)


def test_a_read_only_window_cannot_restore(with_backup: tuple[Path, Path]) -> None:
    from hbt_desktop.store.file.recovery import open_or_recover, restore_opened

    path, backup = with_backup
    reader = open_or_recover(path, readonly=True)
    try:
        with pytest.raises(InUseError):
            restore_opened(reader, backup)
    finally:
        reader.close()


def test_both_copies_agree_on_the_handover_name(tmp_path: Path) -> None:
    from hbt_desktop.store.file.lock import handover_key

    a = handover_key(tmp_path / "hbt.db")
    assert a == handover_key(tmp_path / "sub" / ".." / "hbt.db")
    assert a != handover_key(tmp_path / "other.db")
    assert a.startswith("hbt-desktop-") and len(a) < 40


@pytest.mark.skipif(SCHEMA_VERSION < 2, reason="needs a second schema version")
def test_a_backup_from_an_older_schema_is_restored_and_upgraded(
    with_backup: tuple[Path, Path], tmp_path: Path
) -> None:
    from hbt_desktop.exchange.seed import load_reference
    from hbt_desktop.store.file.migrations import known_names, migrations

    old = tmp_path / "old.db"
    db = Database(sqlite3.connect(old))
    migrations.apply(db, stop_before=set(known_names()[1:]))  # as the first release made it
    db.execute("PRAGMA user_version = 1")
    load_reference(db)
    db.close()
    path, _ = with_backup
    result = restore_backup(path, old)
    assert result.report.schema_version == 1
    upgraded = open_database(path)  # the program's next open migrates, after a backup
    assert upgraded.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    upgraded.close()
    assert any(b.reason == "migrate" for b in list_backups(path))

"""At start: a damaged database is detected, kept aside, and recovered from a backup."""

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
from hbt_desktop.store.file import verify
from hbt_desktop.store.file.backup import create_backup, list_backups
from hbt_desktop.store.file.connection import open_database
from hbt_desktop.store.file.errors import StoreError
from hbt_desktop.store.file.recovery import DamagedError, Recovery, RecoveryChoice, open_or_recover
from hbt_desktop.store.file.verify import damage
from hbt_desktop.store.values import get_value
from hbt_desktop.store.writes import write_value

P = parse_period("quý I/2023")


def _write(db: Database, amount: int) -> None:
    write_value(db, Value("NS_THU_DIA_BAN", "Q007", P, Decimal(amount), 0, Status.THUC_HIEN))


def _amount(db: Database) -> Decimal | None:
    value = get_value(db, "NS_THU_DIA_BAN", "Q007", P)
    return value.amount if value else None


def _hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def clerk_file(tmp_path: Path) -> Path:
    """A database whose backup holds 1, and which itself holds 2 (checkpointed)."""
    path = tmp_path / "hbt.db"
    db = open_database(path)
    seed_new_database(db)
    _write(db, 1)
    create_backup(db, path, reason="start")
    _write(db, 2)
    db.close()  # the last close checkpoints the WAL into the file
    assert not path.with_name("hbt.db-wal").exists()
    return path


def scribble_mid_page(path: Path) -> None:
    """Overwrite bytes in the middle of the page holding the figures' table."""
    conn = sqlite3.connect(path)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name='figure_values'").fetchone()
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with path.open("r+b") as fh:
        fh.seek((root[0] - 1) * page_size + page_size // 2 - 200)
        fh.write(b"\x00\xff" * 200)
        fh.seek((root[0] - 1) * page_size)
        fh.write(b"\x0d\x00\x00\x00\x99")  # a leaf page claiming 153 cells it does not have


def truncate(path: Path) -> None:
    with path.open("r+b") as fh:
        fh.truncate(path.stat().st_size * 2 // 3)


def take_offer(recovery: Recovery) -> RecoveryChoice:
    assert recovery.offer is not None
    return RecoveryChoice(recovery.offer)


@pytest.mark.parametrize("harm", [scribble_mid_page, truncate], ids=["scribbled", "truncated"])
def test_damage_is_detected_at_start_and_nothing_is_changed_without_a_choice(
    clerk_file: Path, harm
) -> None:  # type: ignore[no-untyped-def]
    harm(clerk_file)
    damaged = _hash(clerk_file)
    with pytest.raises(DamagedError) as err:
        open_or_recover(clerk_file)
    message = err.value.message
    assert "bị hỏng" in message
    assert "Bản sao lưu tốt gần nhất" in message and "61 số liệu" not in message
    assert "hbt-desktop restore" in message
    assert err.value.recovery.offer is not None
    assert _hash(clerk_file) == damaged  # not moved, not touched
    assert err.value.message_in("en").startswith("The data file")


@pytest.mark.parametrize("harm", [scribble_mid_page, truncate], ids=["scribbled", "truncated"])
def test_damage_is_recovered_from_the_newest_good_backup(clerk_file: Path, harm) -> None:  # type: ignore[no-untyped-def]
    harm(clerk_file)
    damaged = _hash(clerk_file)
    offered: list[Recovery] = []

    def choose(r: Recovery) -> RecoveryChoice:
        offered.append(r)
        return take_offer(r)

    opened = open_or_recover(clerk_file, choose=choose)
    try:
        assert offered[0].kind == "damaged"
        assert _amount(opened.db) == 1  # the backup's figure
        assert opened.restored is not None
        # The damaged file is kept, renamed with a timestamp, byte for byte.
        assert opened.moved_aside is not None and opened.moved_aside.exists()
        assert opened.moved_aside.name.startswith("hbt.damaged-")
        assert _hash(opened.moved_aside) == damaged
        assert any("khôi phục" in m for m in opened.messages)
        assert any(str(opened.moved_aside) in m for m in opened.messages)
        assert damage(clerk_file, lambda: True) is None
    finally:
        opened.close()


def test_a_damaged_newest_backup_is_skipped_for_an_older_good_one(clerk_file: Path) -> None:
    db = open_database(clerk_file)
    newer = create_backup(db, clerk_file, reason="manual")
    db.close()
    assert newer is not None
    truncate(newer.path)
    scribble_mid_page(clerk_file)
    with pytest.raises(DamagedError) as err:
        open_or_recover(clerk_file)
    offer = err.value.recovery.offer
    assert offer is not None and offer.reason == "start"
    assert len(err.value.recovery.backups) == 2


def test_starting_empty_keeps_the_damaged_file_aside(clerk_file: Path) -> None:
    scribble_mid_page(clerk_file)
    opened = open_or_recover(
        clerk_file, seed=seed_new_database, choose=lambda r: RecoveryChoice(None)
    )
    try:
        assert opened.created
        assert opened.moved_aside is not None and opened.moved_aside.exists()
        assert _amount(opened.db) is not None  # the demo data of a new file
    finally:
        opened.close()


def test_without_any_good_backup_the_explanation_says_so(tmp_path: Path) -> None:
    path = tmp_path / "hbt.db"
    db = open_database(path)
    seed_new_database(db)
    info = create_backup(db, path, reason="start")
    db.close()
    assert info is not None
    truncate(info.path)
    scribble_mid_page(path)
    with pytest.raises(DamagedError) as err:
        open_or_recover(path)
    assert err.value.recovery.offer is None
    assert "Không có bản sao lưu nào dùng được" in err.value.message


def test_a_vanished_file_with_backups_is_offered_its_backup(clerk_file: Path) -> None:
    clerk_file.unlink()
    with pytest.raises(DamagedError) as err:
        open_or_recover(clerk_file, seed=seed_new_database)
    assert err.value.recovery.kind == "missing"
    assert "Không thấy tệp dữ liệu" in err.value.message
    assert not clerk_file.exists()  # nothing created behind the clerk's back
    opened = open_or_recover(clerk_file, choose=take_offer)
    try:
        assert _amount(opened.db) == 1
        assert opened.moved_aside is None
    finally:
        opened.close()


def test_an_empty_file_with_backups_is_damage_without_backups_a_new_file(
    clerk_file: Path, tmp_path: Path
) -> None:
    clerk_file.write_bytes(b"")
    with pytest.raises(DamagedError):
        open_or_recover(clerk_file)
    fresh = tmp_path / "fresh" / "hbt.db"
    fresh.parent.mkdir()
    fresh.write_bytes(b"")
    opened = open_or_recover(fresh, seed=seed_new_database)
    opened.close()


def test_a_foreign_file_without_backups_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "thu.db"
    path.write_text("Kính gửi", encoding="utf-8")
    with pytest.raises(StoreError) as err:
        open_or_recover(path)
    assert err.value.key == "db.not_sqlite"
    assert path.read_text(encoding="utf-8") == "Kính gửi"


def test_a_locked_or_unreadable_file_is_not_taken_for_damage(
    clerk_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _hash(clerk_file)

    def locked(*args: object, **kwargs: object) -> sqlite3.Connection:
        exc = sqlite3.OperationalError("database is locked")
        exc.sqlite_errorcode = 5  # type: ignore[attr-defined]
        raise exc

    monkeypatch.setattr(verify.sqlite3, "connect", locked)
    with pytest.raises(StoreError) as err:
        open_or_recover(clerk_file)
    assert err.value.key == "db.cannot_open"
    assert _hash(clerk_file) == before
    assert list(clerk_file.parent.glob("hbt.damaged-*")) == []


def test_a_sound_file_opens_with_the_check_timed_and_a_daily_backup(clerk_file: Path) -> None:
    opened = open_or_recover(clerk_file)
    try:
        assert opened.restored is None and opened.moved_aside is None
        assert 0 < opened.check_seconds < 5
        assert _amount(opened.db) == 2
        assert opened.start_backup is None  # the fixture's backup is minutes old
    finally:
        opened.close()
    assert len(list_backups(clerk_file)) == 2  # one more at close: the file changed since


def test_a_failing_start_backup_is_told_not_fatal(
    clerk_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hbt_desktop.store.file import backup as bk

    monkeypatch.setattr(bk, "fsync_file", lambda p: (_ for _ in ()).throw(OSError(28, "full")))
    for old in list_backups(clerk_file):
        old.path.unlink()
    opened = open_or_recover(clerk_file)
    try:
        assert opened.start_backup is None
        assert any("Chưa sao lưu được" in m for m in opened.messages)
    finally:
        assert opened.close() is not None  # the close backup fails too, and says so

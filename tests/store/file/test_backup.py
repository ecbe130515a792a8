"""Backups: consistent while writing, checked, self-contained, described, thinned, mirrored."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from sqlite_utils import Database

from hbt_desktop.core.periods import parse_period
from hbt_desktop.core.values import Status, Value
from hbt_desktop.exchange.seed import seed_new_database
from hbt_desktop.store.file import backup as bk
from hbt_desktop.store.file.backup import (
    BackupError,
    RetentionPolicy,
    backup_before,
    backup_on_close,
    backup_on_start,
    backups_to_keep,
    create_backup,
    list_backups,
    parse_backup_name,
    read_backup,
    set_mirror_folder,
    thin_backups,
)
from hbt_desktop.store.file.connection import open_database
from hbt_desktop.store.file.migrations import SCHEMA_VERSION
from hbt_desktop.store.file.verify import inspect_file
from hbt_desktop.store.writes import write_value

P = parse_period("quý I/2023")


@pytest.fixture
def live(tmp_path: Path) -> tuple[Database, Path]:
    path = tmp_path / "hbt.db"
    db = open_database(path)
    seed_new_database(db)
    return db, path


def _write(db: Database, amount: int) -> None:
    write_value(db, Value("NS_THU_DIA_BAN", "Q007", P, Decimal(amount), 0, Status.THUC_HIEN))


def test_a_backup_holds_what_was_committed_even_if_only_in_the_wal(
    live: tuple[Database, Path],
) -> None:
    db, path = live
    _write(db, 123_456)
    # The figure is in the -wal file, not yet in the main file: a file copy would miss it.
    assert path.with_name("hbt.db-wal").stat().st_size > 0
    info = create_backup(db, path, reason="manual")
    assert info is not None
    copy = sqlite3.connect(info.path)
    assert copy.execute(
        "SELECT num FROM figure_values WHERE indicator='NS_THU_DIA_BAN' AND unit_uid='Q007' "
        "AND period=?",
        [P.id],
    ).fetchone() == (123_456,)
    copy.close()


def test_a_backup_is_one_self_contained_checked_file_with_a_manifest(
    live: tuple[Database, Path],
) -> None:
    db, path = live
    info = create_backup(db, path, reason="manual")
    assert info is not None
    assert info.path.parent == path.parent / "backups"
    # A rollback-journal file: no -wal is needed (or created) to read it.
    assert info.path.read_bytes()[18:20] == b"\x01\x01"
    assert not info.path.with_name(info.path.name + "-wal").exists()
    assert inspect_file(info.path).ok
    assert (info.values, info.units, info.documents) == (60, 24, 1)
    assert info.schema_version == SCHEMA_VERSION
    assert len(info.sha256) == 64 and info.size == info.path.stat().st_size
    assert list(path.parent.joinpath("backups").glob("*.partial")) == []
    again = read_backup(info.path)
    assert again == info


def test_the_listing_shows_date_reason_and_contents_newest_first(
    live: tuple[Database, Path],
) -> None:
    db, path = live
    create_backup(db, path, reason="start", when=datetime(2025, 3, 14, 8, 15))
    create_backup(db, path, reason="import", when=datetime(2025, 3, 15, 9, 30))
    found = list_backups(path)
    assert [b.reason for b in found] == ["import", "start"]
    assert found[0].summary() == (
        "15/03/2025 09:30 · trước khi nhập tệp · 60 số liệu, 24 đơn vị, 1 văn bản · "
        + bk.human_size(found[0].size)
    )
    assert "before an import" in found[0].summary("en")


def test_a_backup_without_manifest_is_still_listed_from_the_file(
    live: tuple[Database, Path],
) -> None:
    db, path = live
    info = create_backup(db, path, reason="manual")
    assert info is not None
    bk.manifest_path(info.path).write_text("{not json", encoding="utf-8")
    (listed,) = list_backups(path)
    assert (listed.values, listed.units, listed.readable) == (60, 24, True)


def test_a_damaged_backup_is_listed_as_unreadable(live: tuple[Database, Path]) -> None:
    db, path = live
    info = create_backup(db, path, reason="manual")
    assert info is not None
    bk.manifest_path(info.path).unlink()
    info.path.write_bytes(info.path.read_bytes()[:5000])
    (listed,) = list_backups(path)
    assert not listed.readable
    assert "không đọc được" in listed.summary()


def test_other_files_in_the_folder_are_ignored(live: tuple[Database, Path]) -> None:
    _, path = live
    folder = path.parent / "backups"
    folder.mkdir()
    (folder / "notes.db").write_text("x")
    (folder / "other-20250101-010101-000000-start.db").write_text("x")
    (folder / "hbt-20250101-010101-000000-start.db.partial").write_text("x")
    assert list_backups(path) == []


def test_backup_names_read_back() -> None:
    when = datetime(2025, 3, 14, 8, 15, 0, 123)
    name = bk.backup_name(Path("/x/hbt-desktop.db"), "before-restore", when)
    assert parse_backup_name(name) == ("hbt-desktop", when, "before-restore")
    assert parse_backup_name("hbt-desktop.db") is None
    assert parse_backup_name("x-20251399-000000-000000-start.db") is None


def test_a_failed_backup_leaves_nothing_and_says_why(
    live: tuple[Database, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    db, path = live

    def broken(partial: Path) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(bk, "fsync_file", broken)
    with pytest.raises(BackupError) as err:
        create_backup(db, path, reason="manual")
    assert "No space left" in err.value.message
    assert list((path.parent / "backups").iterdir()) == []


def test_backup_before_an_import_refuses_when_it_cannot_back_up(
    live: tuple[Database, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    db, path = live
    monkeypatch.setattr(bk, "fsync_file", lambda p: (_ for _ in ()).throw(OSError(28, "full")))
    with pytest.raises(BackupError) as err:
        backup_before(db, path, "import")
    assert err.value.key == "backup.before_failed"
    assert "nhập tệp" in err.value.message and "chưa làm gì" in err.value.message


def test_no_backup_of_uncommitted_changes(live: tuple[Database, Path]) -> None:
    db, path = live
    with db.atomic(), pytest.raises(RuntimeError):
        create_backup(db, path, reason="manual")


def test_start_backup_only_when_the_newest_is_a_day_old(live: tuple[Database, Path]) -> None:
    db, path = live
    now = datetime.now()
    first = backup_on_start(db, path, now=now)
    assert first is not None and first.backup is not None
    assert backup_on_start(db, path, now=now + timedelta(hours=23)) is None
    later = backup_on_start(db, path, now=now + timedelta(hours=25))
    assert later is not None and later.backup is not None
    # A clock set back (the newest backup "in the future"): back up rather than trust it.
    assert backup_on_start(db, path, now=now - timedelta(days=3)) is not None


def test_close_backup_is_skipped_when_nothing_changed(live: tuple[Database, Path]) -> None:
    db, path = live
    first = backup_on_close(db, path)
    assert first.backup is not None
    assert backup_on_close(db, path).backup is None
    _write(db, 1)
    assert backup_on_close(db, path).backup is not None
    assert len(list_backups(path)) == 2


def test_mirror_folder_gets_a_verified_copy(live: tuple[Database, Path], tmp_path: Path) -> None:
    db, path = live
    usb = tmp_path / "usb" / "sao-luu"
    set_mirror_folder(db, usb)
    outcome = backup_before(db, path, "import")
    assert outcome.backup is not None and outcome.mirrored is not None
    assert outcome.mirrored.read_bytes() == outcome.backup.path.read_bytes()
    assert list_backups(path, [usb])[0].values == 60
    assert outcome.messages == []


def test_a_missing_mirror_folder_is_told_not_fatal(
    live: tuple[Database, Path], tmp_path: Path
) -> None:
    db, path = live
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")  # a file where the folder should be: like an unplugged drive
    set_mirror_folder(db, blocker / "sao-luu")
    outcome = backup_before(db, path, "import")
    assert outcome.backup is not None and outcome.backup.path.exists()
    assert outcome.mirrored is None
    assert len(outcome.messages) == 1 and "thư mục thứ hai" in outcome.messages[0]
    set_mirror_folder(db, None)
    assert backup_before(db, path, "import").messages == []


# -- thinning -----------------------------------------------------------------------------


def _every(start: datetime, step: timedelta, count: int) -> list[datetime]:
    return [start + i * step for i in range(count)]


def test_thinning_keeps_the_newest_then_daily_weekly_monthly() -> None:
    # Two years of backups every 6 hours.
    times = _every(datetime(2023, 1, 1), timedelta(hours=6), 4 * 730)
    policy = RetentionPolicy(last=10, daily=14, weekly=8, monthly=12)
    kept = sorted(times[i] for i in backups_to_keep(times, policy))
    newest = times[-1]
    assert times[-10:] == kept[-10:]  # the newest ten, whatever their day
    days = {t.date() for t in kept}
    assert all(newest.date() - timedelta(days=d) in days for d in range(14))
    weeks = {t.isocalendar()[:2] for t in kept}
    assert len(weeks) >= 8
    months = {(t.year, t.month) for t in kept}
    assert len(months) == 12
    assert len(kept) <= 10 + 14 + 8 + 12
    # Each day, week or month is represented by its newest backup.
    assert max(t for t in times if (t.year, t.month) == (2024, 3)) in kept


def test_thinning_counts_days_that_have_backups_not_calendar_days() -> None:
    # A PC used for a week, then left off for a summer: its backups are not all expired.
    times = [*_every(datetime(2024, 5, 1, 8), timedelta(days=1), 7), datetime(2024, 9, 5, 8)]
    kept = backups_to_keep(times, RetentionPolicy(last=1, daily=5, weekly=0, monthly=0))
    assert len(kept) == 5


def test_thinning_with_a_fake_clock_stays_bounded_and_keeps_old_months() -> None:
    # Simulate a year of use: a backup every start and close, thinned after each one.
    policy = RetentionPolicy(last=5, daily=14, weekly=8, monthly=12)
    kept: list[datetime] = []
    clock = datetime(2024, 1, 1, 7, 30)
    for day in range(366):
        for hour in (7, 17):
            kept.append(clock + timedelta(days=day, hours=hour - 7))
            kept = [kept[i] for i in sorted(backups_to_keep(kept, policy))]
            assert len(kept) <= 5 + 14 + 8 + 12
    months = {(t.year, t.month) for t in kept}
    assert len(months) == 12
    assert min(kept) < datetime(2024, 3, 1)  # something from a year ago is still there


def test_thin_backups_removes_files_and_manifests(live: tuple[Database, Path]) -> None:
    db, path = live
    for day in range(6):
        create_backup(db, path, reason="start", when=datetime(2025, 1, 1 + day, 8))
    removed = thin_backups(path, policy=RetentionPolicy(last=2, daily=3, weekly=0, monthly=0))
    assert len(removed) == 3
    left = list_backups(path)
    assert [b.created.day for b in left] == [6, 5, 4]
    assert len(list((path.parent / "backups").glob("*.json"))) == 3


def test_leftovers_of_killed_backups_are_cleared_by_the_next_one(
    live: tuple[Database, Path], live_pid: int
) -> None:

    db, path = live
    folder = path.parent / "backups"
    folder.mkdir()
    dead = int(
        subprocess.run(
            [sys.executable, "-c", "import os; print(os.getpid())"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    )
    name = "hbt-20250314-081500-000000-start.db"
    killed = [folder / f"{name}.{dead}.partial", folder / f"{name}.{dead}.partial-journal"]
    running = folder / f"{name}.{live_pid}.partial"  # a live process: still at work
    old = folder / f"{name}.{live_pid}.partial-wal"
    for leftover in [*killed, running, old]:
        leftover.write_bytes(b"x" * 1000)
    hour_ago = time.time() - 2 * 3600
    os.utime(old, (hour_ago, hour_ago))
    create_backup(db, path, reason="manual")
    assert [p.exists() for p in [*killed, running, old]] == [False, False, True, False]

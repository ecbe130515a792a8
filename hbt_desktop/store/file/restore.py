"""Putting a backup back in place of the database, atomically.

The file to restore is copied to a temporary file beside the database and checked
thoroughly there (integrity, foreign keys, exactly our schema, not from a newer version,
unchanged since its manifest was written); the current database is backed up first (or,
if damaged, moved aside); only then does the temporary file take its place with one
``os.replace`` — retried while an antivirus holds the file. A refusal at any step leaves
the current database as it was. The -wal and -shm files are handled so that a stale WAL
can never be applied to the restored file.
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database

from hbt_desktop.core.i18n import register, tr
from hbt_desktop.store.file.backup import (
    BackupError,
    BackupInfo,
    contents_text,
    create_backup,
    default_backup_dir,
    manifest_mismatch,
)
from hbt_desktop.store.file.fileops import fsync_file, move_aside, replace
from hbt_desktop.store.file.location_checks import human_size
from hbt_desktop.store.file.lock import DatabaseLock, acquire_lock
from hbt_desktop.store.file.verify import (
    FileReport,
    count_contents,
    damage,
    has_sqlite_header,
    inspect_file,
)

log = logging.getLogger(__name__)

register(
    {
        "restore.not_found": {
            "vi": "Không thấy tệp {path}. Dữ liệu hiện tại không bị thay đổi.",
            "en": "There is no file {path}. The current data was not changed.",
        },
        "restore.bad_file": {
            "vi": "Tệp {path} không dùng để khôi phục được ({reason}). Dữ liệu hiện tại không "
            "bị thay đổi.",
            "en": "{path} cannot be restored ({reason}). The current data was not changed.",
        },
        "restore.not_sqlite": {
            "vi": "Tệp {path} không phải là tệp dữ liệu hay bản sao lưu của hbt-desktop. Dữ "
            "liệu hiện tại không bị thay đổi.",
            "en": "{path} is not an hbt-desktop data file or backup. The current data was "
            "not changed.",
        },
        "restore.damaged": {
            "vi": "Tệp {path} bị hỏng nên không khôi phục được ({reason}); hãy chọn một bản "
            "sao lưu khác. Dữ liệu hiện tại không bị thay đổi.",
            "en": "{path} is damaged and cannot be restored ({reason}); choose another "
            "backup. The current data was not changed.",
        },
        "restore.not_ours": {
            "vi": "Tệp {path} không có cấu trúc của tệp dữ liệu hbt-desktop ({reason}). Dữ "
            "liệu hiện tại không bị thay đổi.",
            "en": "{path} does not have the structure of an hbt-desktop data file ({reason}). "
            "The current data was not changed.",
        },
        "restore.too_new": {
            "vi": "Tệp {path} do phiên bản mới hơn của chương trình tạo ra; hãy cập nhật "
            "hbt-desktop rồi khôi phục. Dữ liệu hiện tại không bị thay đổi.",
            "en": "{path} was written by a newer version of the program; update hbt-desktop, "
            "then restore. The current data was not changed.",
        },
        "restore.no_space": {
            "vi": "Không đủ chỗ trống để khôi phục {path} (cần {need}, còn {free}). Dữ liệu "
            "hiện tại không bị thay đổi.",
            "en": "Not enough free space to restore {path} (needs {need}, {free} free). The "
            "current data was not changed.",
        },
        "restore.still_open": {
            "vi": "Tệp dữ liệu {path} vẫn đang được mở ở nơi khác (có thể một cửa sổ chỉ "
            "đọc); hãy đóng lại rồi khôi phục. Dữ liệu hiện tại không bị thay đổi.",
            "en": "The data file {path} is still open elsewhere (perhaps a read-only "
            "window); close it, then restore. The current data was not changed.",
        },
        "restore.replace_failed": {
            "vi": "Không thay được tệp dữ liệu {path} ({reason}); có thể phần mềm diệt virus "
            "đang giữ tệp. Hãy thử lại sau ít phút.",
            "en": "Could not replace the data file {path} ({reason}); an antivirus may be "
            "holding it. Try again in a few minutes.",
        },
        "restore.cancelled": {
            "vi": "Chưa khôi phục: dữ liệu hiện tại không bị thay đổi.",
            "en": "Not restored: the current data was not changed.",
        },
        "restore.done": {
            "vi": "Đã khôi phục {path} từ {source} ({contents}).",
            "en": "Restored {path} from {source} ({contents}).",
        },
        "restore.kept_aside": {
            "vi": "Tệp hỏng được giữ lại ở {aside}.",
            "en": "The damaged file is kept at {aside}.",
        },
        "restore.previous_kept": {
            "vi": "Dữ liệu trước khi khôi phục được sao lưu ở {previous}.",
            "en": "The data as it was before is backed up at {previous}.",
        },
    }
)


@dataclass
class RestoreResult:
    db_path: Path
    source: Path
    report: FileReport  # what the restored file holds
    previous: BackupInfo | None = None  # the backup of the file that was replaced
    moved_aside: Path | None = None  # where a damaged file went instead

    def message(self, language: str | None = None) -> str:
        contents = contents_text(
            self.report.values, self.report.units, self.report.documents, language
        )
        text = tr(
            "restore.done", language, path=self.db_path, source=self.source, contents=contents
        )
        if self.previous is not None:
            text += " " + tr("restore.previous_kept", language, previous=self.previous.path)
        if self.moved_aside is not None:
            text += " " + tr("restore.kept_aside", language, aside=self.moved_aside)
        return text


def find_backup(db_path: Path, name: str) -> Path:
    """``name`` as given, or else a backup of that name in the database's backup folder."""
    given = Path(name).expanduser()
    if given.exists() or given.is_absolute():
        return given
    in_folder = default_backup_dir(db_path) / name
    return in_folder if in_folder.exists() else given


def _temp_name(db_path: Path) -> Path:
    return db_path.with_name(f".{db_path.name}.restore-{os.getpid()}.tmp")


def _remove_temp(temp: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        p = temp.with_name(temp.name + suffix)
        try:
            p.unlink(missing_ok=True)
        except OSError as exc:  # an antivirus scanning it: removed next time
            log.info("cannot remove %s yet: %s", p, exc)


def _clean_old_temps(db_path: Path) -> None:
    for old in db_path.parent.glob(f".{db_path.name}.restore-*.tmp*"):
        try:
            old.unlink()
        except OSError as exc:
            log.info("cannot remove %s yet: %s", old, exc)


def prepare_restore(db_path: Path, source: Path) -> tuple[Path, FileReport]:
    """Copy ``source`` beside the database and check it there thoroughly.

    Returns (temporary file, what it holds). Raises :class:`BackupError` (the temporary
    file removed, the database untouched) for anything that should not be restored.
    """
    if not source.is_file():
        raise BackupError("restore.not_found", path=str(source))
    changed = manifest_mismatch(source)
    if changed:
        raise BackupError("restore.damaged", path=str(source), reason=changed)
    _clean_old_temps(db_path)
    size = source.stat().st_size
    wal = source.with_name(source.name + "-wal")
    if wal.is_file():
        size += wal.stat().st_size
    free = shutil.disk_usage(db_path.parent).free
    # The copy, plus a backup of the current file, plus room to work.
    need = 2 * size + _size_of(db_path)
    if need > free:
        raise BackupError(
            "restore.no_space", path=str(source), need=human_size(need), free=human_size(free)
        )
    temp = _temp_name(db_path)
    try:
        shutil.copyfile(source, temp)
        if wal.is_file():
            # A file copied from a live database: its last commits may be in the WAL.
            shutil.copyfile(wal, temp.with_name(temp.name + "-wal"))
        if not has_sqlite_header(temp):
            raise BackupError("restore.not_sqlite", path=str(source))
        conn = sqlite3.connect(str(temp))
        try:
            # One self-contained file: replays a copied WAL, leaves no -wal to go stale.
            conn.execute("PRAGMA journal_mode = DELETE").fetchall()
        finally:
            conn.close()
        fsync_file(temp)
    except (sqlite3.Error, UnicodeDecodeError) as exc:
        # (A garbled schema can make SQLite's error message undecodable: still damage.)
        _remove_temp(temp)
        raise BackupError("restore.damaged", path=str(source), reason=str(exc)) from exc
    except OSError as exc:
        _remove_temp(temp)
        raise BackupError(
            "restore.bad_file", path=str(source), reason=exc.strerror or str(exc)
        ) from exc
    except BaseException:
        _remove_temp(temp)
        raise
    report = inspect_file(temp, thorough=True)
    if report.too_new:
        _remove_temp(temp)
        raise BackupError("restore.too_new", path=str(source))
    if not report.ok:
        _remove_temp(temp)
        key = (
            "restore.not_sqlite"
            if report.not_sqlite
            else "restore.damaged"
            if report.damaged
            else "restore.not_ours"
        )
        raise BackupError(key, path=str(source), reason="; ".join(report.problems[:3]))
    return temp, report


def _size_of(db_path: Path) -> int:
    return sum(
        p.stat().st_size
        for s in ("", "-wal")
        if (p := db_path.with_name(db_path.name + s)).exists()
    )


def restore_backup(
    db_path: Path,
    source: Path,
    *,
    current: Database | None = None,
    lock: DatabaseLock | None = None,
    damaged: bool = False,
    confirm: Callable[[FileReport, BackupInfo | None], bool] | None = None,
) -> RestoreResult:
    """Put the backup ``source`` in place of the database ``db_path``, atomically.

    ``current``: this program's open connection to ``db_path``, if any; it is used for the
    backup of the current data and then closed (reopen with :func:`open_or_recover`) —
    but only once the source has been checked, so a refused file leaves it open and
    usable. ``lock``: the caller's lock on ``db_path`` (otherwise one is taken here, and
    another copy of the program having the file is refused). ``damaged``: the current file
    is known to be damaged — it is moved aside instead of backed up. ``confirm`` is shown
    what the source holds (and, when readable, what the current file holds) before
    anything changes; returning False cancels.
    """
    db_path = Path(db_path)
    source = Path(source)
    own_lock = acquire_lock(db_path) if lock is None else None
    try:
        temp, report = prepare_restore(db_path, source)
        try:
            if confirm is not None:
                current_info = None if damaged else _describe_current(db_path)
                if not confirm(report, current_info):
                    raise BackupError("restore.cancelled")
            result = RestoreResult(db_path, source, report)
            if db_path.exists():
                _set_current_aside(db_path, current, damaged, result)
            elif current is not None:
                current.close()
            _replace_into_place(temp, db_path)
        finally:
            _remove_temp(temp)
        log.info("restored %s from %s", db_path, source)
        return result
    finally:
        if own_lock is not None:
            own_lock.release()


def _describe_current(db_path: Path) -> BackupInfo | None:
    """What the current file holds, for the confirmation (None if unreadable or absent)."""
    if not db_path.exists():
        return None
    try:
        conn = sqlite3.connect(str(db_path), timeout=10)
        try:
            values, units, documents = count_contents(conn)
        finally:
            conn.close()
    except sqlite3.Error as exc:
        log.info("cannot count the current contents of %s: %s", db_path, exc)
        return None
    return BackupInfo(
        db_path, datetime.now(), "current", _size_of(db_path), None, values, units, documents
    )


def _set_current_aside(
    db_path: Path, current: Database | None, damaged: bool, result: RestoreResult
) -> None:
    """Back up the current file (or move it aside if damaged), then let go of it."""
    own = current is None
    db = current
    try:
        if not damaged:
            if db is None:
                db = Database(sqlite3.connect(str(db_path), timeout=10))
            try:
                result.previous = create_backup(db, db_path, reason="before-restore")
            except BackupError as exc:
                # A current file that cannot be backed up because it is damaged is moved
                # aside instead; any other failure (disk full) stops the restore here.
                if damage(db_path, lambda: True) is None:
                    raise
                log.warning("current file is damaged, moving it aside: %s", exc.message_in("en"))
                damaged = True
        if db is not None:
            if not damaged:
                # Empty the WAL into the main file so that nothing is left in a -wal.
                db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
            db.close()
            db = None
    finally:
        if db is not None and own:
            db.close()
    if damaged:
        result.moved_aside = move_aside(db_path, "damaged")
        return
    # The last connection's close removes the WAL; if it is still there, another
    # connection (a read-only window) has the file open and would go on writing to a file
    # that is no longer there.
    if db_path.with_name(db_path.name + "-wal").exists():
        conn = sqlite3.connect(str(db_path), timeout=10)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        conn.close()
    if db_path.with_name(db_path.name + "-wal").exists():
        raise BackupError("restore.still_open", path=str(db_path))


def _replace_into_place(temp: Path, db_path: Path) -> None:
    try:
        replace(temp, db_path)
    except OSError as exc:
        raise BackupError(
            "restore.replace_failed", path=str(db_path), reason=exc.strerror or str(exc)
        ) from exc

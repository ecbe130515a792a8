"""Opening the clerk's database safely, and putting a backup back in its place.

:func:`open_or_recover` is what the program does at start, in this order:

1. lock the file for this process (:mod:`store.lock`) — a second copy is refused with who
   holds it, and may open read-only instead;
2. a quick integrity check (``PRAGMA quick_check``: every page and b-tree, not every
   index — about half a second on a 70 MB file);
3. if the file is damaged (or gone while its backups are there) the clerk is offered the
   newest backup that checks out, through the ``choose`` callback: the GUI asks in a
   dialog, the command line explains and stops. The damaged file is renamed aside
   with a timestamp, never overwritten, never deleted;
4. open (and if needed migrate, after a backup) the file, seed a new one;
5. back up if the newest backup is older than a day; look at where the file sits.

:func:`restore_backup` replaces the database with a backup atomically: the backup is
copied to a temporary file beside the database, checked thoroughly there (integrity,
foreign keys, exactly our schema, not from a newer version), the current database is
backed up first (or, if damaged, moved aside), and only then the temporary file takes
its place with one ``os.replace``. A refusal at any step leaves the current database as
it was.
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database

from hbt_desktop.core.i18n import register, tr
from hbt_desktop.store.backup import (
    BackupError,
    BackupInfo,
    BackupOutcome,
    backup_on_close,
    backup_on_start,
    contents_text,
    create_backup,
    default_backup_dir,
    list_backups,
    manifest_mismatch,
    read_backup,
)
from hbt_desktop.store.connection import StoreError, open_database
from hbt_desktop.store.fileops import fsync_file, move_aside, replace
from hbt_desktop.store.location_checks import LocationWarning, Probe, check_location, human_size
from hbt_desktop.store.lock import DatabaseLock, InUseError, acquire_lock, read_holder
from hbt_desktop.store.verify import FileReport, has_sqlite_header, inspect_file

log = logging.getLogger(__name__)

register(
    {
        "recovery.damaged": {
            "vi": "Tệp dữ liệu {path} bị hỏng ({problem}), có thể do mất điện hoặc ổ đĩa lỗi.",
            "en": "The data file {path} is damaged ({problem}), perhaps by a power cut or a "
            "failing disk.",
        },
        "recovery.missing": {
            "vi": "Không thấy tệp dữ liệu {path}, nhưng có bản sao lưu của nó.",
            "en": "The data file {path} is gone, but there are backups of it.",
        },
        "recovery.offer": {
            "vi": "Bản sao lưu tốt gần nhất là {backup} ({summary}); số liệu nhập sau lúc đó "
            "sẽ phải nhập lại.",
            "en": "The newest good backup is {backup} ({summary}); figures entered after it "
            "will have to be entered again.",
        },
        "recovery.no_backup": {
            "vi": "Không có bản sao lưu nào dùng được trong {folder}.",
            "en": "There is no usable backup in {folder}.",
        },
        "recovery.cli_hint": {
            "vi": 'Để khôi phục, chạy: hbt-desktop restore "{backup}" — tệp hỏng được giữ '
            "lại bên cạnh, không bị xoá.",
            "en": 'To restore it, run: hbt-desktop restore "{backup}" — the damaged file is '
            "kept beside it, not deleted.",
        },
        "recovery.stopped": {"vi": "{explanation}", "en": "{explanation}"},
        "recovery.restored": {
            "vi": "Đã khôi phục tệp dữ liệu từ bản sao lưu {backup} ({summary}).",
            "en": "The data file was restored from the backup {backup} ({summary}).",
        },
        "recovery.kept_aside": {
            "vi": "Tệp hỏng được giữ lại ở {aside}.",
            "en": "The damaged file is kept at {aside}.",
        },
        "recovery.started_empty": {
            "vi": "Đã bắt đầu một tệp dữ liệu mới.",
            "en": "A new data file was started.",
        },
        "recovery.backup_failed_at_start": {
            "vi": "Chưa sao lưu được khi mở chương trình: {reason}",
            "en": "The start-up backup could not be made: {reason}",
        },
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
        "restore.previous_kept": {
            "vi": "Dữ liệu trước khi khôi phục được sao lưu ở {previous}.",
            "en": "The data as it was before is backed up at {previous}.",
        },
    }
)

# sqlite3 error codes (primary) that mean the file itself is damaged, as opposed to
# locked, unreadable or missing — which must never make us move a file aside.
SQLITE_CORRUPT = 11
SQLITE_NOTADB = 26


# -- start-up ---------------------------------------------------------------------------------


@dataclass
class Recovery:
    """A database that cannot be used as it is, and the backup offered in its place."""

    kind: str  # "damaged" or "missing"
    db_path: Path
    problems: list[str]
    offer: BackupInfo | None  # the newest backup that checks out
    backups: list[BackupInfo] = field(default_factory=list)  # all, newest first

    def explanation(self, language: str | None = None, *, cli: bool = False) -> str:
        """Two or three sentences for the clerk: what is wrong, what is offered, how."""
        if self.kind == "missing":
            parts = [tr("recovery.missing", language, path=self.db_path)]
        else:
            problem = "; ".join(self.problems[:3]) or "?"
            parts = [tr("recovery.damaged", language, path=self.db_path, problem=problem)]
        if self.offer is None:
            parts.append(
                tr("recovery.no_backup", language, folder=default_backup_dir(self.db_path))
            )
        else:
            parts.append(
                tr(
                    "recovery.offer",
                    language,
                    backup=self.offer.path.name,
                    summary=self.offer.summary(language),
                )
            )
            if cli:
                parts.append(tr("recovery.cli_hint", language, backup=self.offer.path))
        return " ".join(parts)


@dataclass(frozen=True)
class RecoveryChoice:
    """The clerk's answer to a :class:`Recovery`: a backup to restore, or None to start a
    new, empty file (the damaged one is kept aside either way)."""

    backup: BackupInfo | None


class DamagedError(StoreError):
    """The database is damaged or gone and nobody chose what to do; nothing was changed."""

    def __init__(self, recovery: Recovery) -> None:
        super().__init__("recovery.stopped", explanation=recovery.explanation(cli=True))
        self.recovery = recovery

    @property
    def message(self) -> str:
        return self.recovery.explanation(cli=True)

    def message_in(self, language: str) -> str:
        return self.recovery.explanation(language, cli=True)


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
            text += " " + tr("recovery.kept_aside", language, aside=self.moved_aside)
        return text


@dataclass
class OpenedDatabase:
    """An open database and everything the start-up found, for the CLI and the GUI to show."""

    db: Database
    path: Path
    lock: DatabaseLock | None
    readonly: bool = False
    created: bool = False
    restored: RestoreResult | None = None
    moved_aside: Path | None = None
    start_backup: BackupOutcome | None = None
    warnings: list[LocationWarning] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)  # notices, one sentence each
    check_seconds: float = 0.0

    def close(self, *, backup: bool = True) -> BackupOutcome | None:
        """Back up (unless nothing changed), close the connection and release the lock.

        Never raises for a failed backup (it is logged and returned as a message): a
        clerk closing the program must be able to close it.
        """
        outcome: BackupOutcome | None = None
        try:
            if backup and not self.readonly and self.lock is not None:
                try:
                    outcome = backup_on_close(self.db, self.path)
                except BackupError as exc:
                    log.warning("backup at close failed: %s", exc.message_in("en"))
                    outcome = BackupOutcome(None, messages=[exc.message])
            self.db.close()
        finally:
            if self.lock is not None:
                self.lock.release()
        return outcome


def _sqlite_code(exc: sqlite3.Error) -> int:
    return int(getattr(exc, "sqlite_errorcode", 0)) & 0xFF


def damage(db_path: Path) -> list[str] | None:
    """Why ``db_path`` cannot be used (a quick check), or None if it is sound or absent.

    Raises :class:`StoreError` (file untouched) when the file cannot be *read*, which is not
    damage: locked by another program, no permission, a disk that went away.
    """
    if not db_path.exists():
        return None
    if db_path.stat().st_size == 0:
        return ["the file is empty"] if list_backups(db_path) else None
    if not has_sqlite_header(db_path):
        if list_backups(db_path):
            return ["the file does not start like an SQLite database"]
        raise StoreError("db.not_sqlite", path=str(db_path))
    try:
        # A normal connection: a WAL left by a crash is replayed, as it must be.
        conn = sqlite3.connect(str(db_path), timeout=10)
        try:
            conn.execute("PRAGMA cell_size_check = ON")
            lines = [str(r[0]) for r in conn.execute("PRAGMA quick_check(10)").fetchall()]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        if _sqlite_code(exc) in (SQLITE_CORRUPT, SQLITE_NOTADB):
            return [str(exc)]
        raise StoreError("db.cannot_open", path=str(db_path), reason=str(exc)) from exc
    except UnicodeDecodeError as exc:
        # SQLite's message about a garbled schema was itself garbled.
        return [f"damaged schema ({exc.reason})"]
    return None if lines == ["ok"] else lines


def good_backups(db_path: Path) -> tuple[BackupInfo | None, list[BackupInfo]]:
    """(the newest backup that checks out, every backup newest first)."""
    backups = list_backups(db_path)
    for info in backups:
        if manifest_mismatch(info.path) is None and inspect_file(info.path).ok:
            return info, backups
        log.warning("backup %s does not check out; trying an older one", info.path)
    return None, backups


def open_or_recover(
    path: Path,
    *,
    seed: Callable[[Database], None] | None = None,
    choose: Callable[[Recovery], RecoveryChoice | None] | None = None,
    readonly: bool = False,
    start_backup: bool = True,
    probe: Probe | None = None,
    now: datetime | None = None,
) -> OpenedDatabase:
    """Open the clerk's database as the program starts (see the module docstring).

    ``seed`` fills a new file (reference and demo data). ``choose`` is asked what to do
    with a damaged or vanished file; without it, or if it returns None, nothing is changed
    and :class:`DamagedError` explains what to do. ``readonly`` opens without the lock,
    check or backups — for a second copy while another one has the file.

    Raises :class:`~hbt_desktop.store.lock.InUseError` if another copy has the file.
    """
    path = Path(path)
    if readonly:
        db = open_database(path, create=False, readonly=True)
        return OpenedDatabase(db, path, None, readonly=True, warnings=check_location(path, probe))
    lock = acquire_lock(path)
    try:
        return _open_locked(path, lock, seed, choose, start_backup, probe, now)
    except BaseException:
        lock.release()
        raise


def _open_locked(
    path: Path,
    lock: DatabaseLock,
    seed: Callable[[Database], None] | None,
    choose: Callable[[Recovery], RecoveryChoice | None] | None,
    start_backup: bool,
    probe: Probe | None,
    now: datetime | None,
) -> OpenedDatabase:
    started = time.perf_counter()
    problems = damage(path)
    check_seconds = time.perf_counter() - started
    recovery: Recovery | None = None
    if problems is not None:
        recovery = Recovery("damaged", path, problems, *good_backups(path))
    elif not path.exists() and list_backups(path):
        recovery = Recovery("missing", path, [], *good_backups(path))
    opened_messages: list[str] = []
    restored, aside = (None, None)
    if recovery is not None:
        restored, aside = _recover(recovery, lock, choose, opened_messages)
    created = not path.exists()
    db = open_database(path)
    try:
        if seed is not None:
            seed(db)
        outcome = _start_backup(db, path, now, opened_messages) if start_backup else None
        warnings = check_location(path, probe)
    except BaseException:
        db.close()
        raise
    return OpenedDatabase(
        db,
        path,
        lock,
        created=created,
        restored=restored,
        moved_aside=aside,
        start_backup=outcome,
        warnings=warnings,
        messages=opened_messages,
        check_seconds=check_seconds,
    )


def _recover(
    recovery: Recovery,
    lock: DatabaseLock,
    choose: Callable[[Recovery], RecoveryChoice | None] | None,
    messages: list[str],
) -> tuple[RestoreResult | None, Path | None]:
    """Ask what to do with a damaged or vanished file, and do it."""
    log.warning("%s", recovery.explanation("en"))
    choice = choose(recovery) if choose else None
    if choice is None:
        raise DamagedError(recovery)
    path = recovery.db_path
    restored: RestoreResult | None = None
    if choice.backup is not None:
        restored = restore_backup(
            path, choice.backup.path, lock=lock, damaged=recovery.kind == "damaged"
        )
        aside = restored.moved_aside
        messages.append(
            tr(
                "recovery.restored",
                None,
                backup=choice.backup.path.name,
                summary=choice.backup.summary(),
            )
        )
    else:
        aside = move_aside(path, "damaged") if path.exists() else None
        messages.append(tr("recovery.started_empty"))
    if aside is not None:
        messages.append(tr("recovery.kept_aside", None, aside=aside))
    return restored, aside


def _start_backup(
    db: Database, path: Path, now: datetime | None, messages: list[str]
) -> BackupOutcome | None:
    """The daily backup at start; its failure is told, not fatal."""
    try:
        outcome = backup_on_start(db, path, now=now)
    except BackupError as exc:
        log.warning("start-up backup failed: %s", exc.message_in("en"))
        messages.append(tr("recovery.backup_failed_at_start", None, reason=exc.message))
        return None
    if outcome is not None:
        messages += outcome.messages
    return outcome


# -- restore --------------------------------------------------------------------------------


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


def restore_opened(
    opened: OpenedDatabase,
    source: Path,
    *,
    seed: Callable[[Database], None] | None = None,
    confirm: Callable[[FileReport, BackupInfo | None], bool] | None = None,
) -> tuple[OpenedDatabase, RestoreResult]:
    """The GUI's restore: put ``source`` in place of the open database and reopen it.

    The lock is kept throughout, so no other copy can slip in between. Returns the new
    :class:`OpenedDatabase` (use it instead of ``opened``) and what was done. On a refusal
    the old database stays (or is opened again) in ``opened`` and the error is raised.
    """
    if opened.readonly or opened.lock is None:
        # A read-only window does not own the file: whoever has it must restore.
        raise InUseError(opened.path, read_holder(opened.path))
    try:
        result = restore_backup(
            opened.path, source, current=opened.db, lock=opened.lock, confirm=confirm
        )
    except BaseException:
        if _closed(opened.db):  # refused after letting go of it: give the screen it back
            opened.db = open_database(opened.path)
        raise
    db = open_database(opened.path)
    if seed is not None:
        seed(db)
    reopened = OpenedDatabase(
        db,
        opened.path,
        opened.lock,
        restored=result,
        moved_aside=result.moved_aside,
        warnings=opened.warnings,
        messages=[result.message()],
    )
    return reopened, result


def _closed(db: Database) -> bool:
    try:
        db.execute("SELECT 1").fetchone()
    except sqlite3.ProgrammingError:  # "Cannot operate on a closed database."
        return True
    return False


def _describe_current(db_path: Path) -> BackupInfo | None:
    """What the current file holds, for the confirmation (None if unreadable or absent)."""
    if not db_path.exists():
        return None
    try:
        conn = sqlite3.connect(str(db_path), timeout=10)
        try:
            from hbt_desktop.store.verify import count_contents

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
                if damage(db_path) is None:
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


__all__ = [
    "DamagedError",
    "OpenedDatabase",
    "Recovery",
    "RecoveryChoice",
    "RestoreResult",
    "damage",
    "find_backup",
    "good_backups",
    "open_or_recover",
    "prepare_restore",
    "read_backup",
    "restore_backup",
    "restore_opened",
]

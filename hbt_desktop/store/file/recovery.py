"""Opening the clerk's database safely at start, recovering it when it is damaged.

:func:`open_or_recover` is what the program does at start, in this order:

1. lock the file for this process (:mod:`store.file.lock`) — a second copy is refused with who
   holds it, and may open read-only instead;
2. a quick integrity check (``PRAGMA quick_check``: every page and b-tree, not every
   index — about half a second on a 70 MB file);
3. if the file is damaged (or gone while its backups are there) the clerk is offered the
   newest backup that checks out, through the ``choose`` callback: the GUI asks in a
   dialog, the command line explains and stops. The damaged file is renamed aside
   with a timestamp, never overwritten, never deleted;
4. open (and if needed migrate, after a backup) the file, seed a new one;
5. back up if the newest backup is older than a day; look at where the file sits.

Restoring a backup is :mod:`store.file.restore`; :func:`restore_opened` is its form for a
program that has the database open (the GUI's restore dialog).
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database

from hbt_desktop.core.i18n import register, tr
from hbt_desktop.store.file.backup import (
    BackupError,
    BackupInfo,
    BackupOutcome,
    backup_on_close,
    backup_on_start,
    default_backup_dir,
    list_backups,
    manifest_mismatch,
)
from hbt_desktop.store.file.connection import open_database
from hbt_desktop.store.file.errors import StoreError
from hbt_desktop.store.file.fileops import move_aside
from hbt_desktop.store.file.location_checks import LocationWarning, Probe, check_location
from hbt_desktop.store.file.lock import DatabaseLock, InUseError, acquire_lock, read_holder
from hbt_desktop.store.file.restore import (
    RestoreResult,
    restore_backup,
)
from hbt_desktop.store.file.verify import FileReport, damage, inspect_file

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
    }
)

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

    Raises :class:`~hbt_desktop.store.file.lock.InUseError` if another copy has the file.
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
    problems = damage(path, lambda: bool(list_backups(path)))
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


# -- restore from the GUI ---------------------------------------------------------------


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

"""Consistent, verified, thinned backups of the live database.

How a backup is made, and why:

- SQLite's online backup API, never a file copy: a copy of a WAL database can miss
  committed pages still in the -wal file, or catch a page half-written. The API copies a
  consistent snapshot even while the program writes.
- Into ``<name>.partial`` first, switched to a single self-contained file (rollback
  journal, no -wal beside it), fsynced — neither the backup API nor ``VACUUM INTO``
  fsyncs its output — then reopened read-only and checked (``quick_check`` and our
  schema) and only then renamed to its final name. A power cut or a kill at any moment
  leaves either a complete, checked backup or a ``.partial`` that is never listed and is
  cleaned up later.
- A manifest beside each one (``<name>.json``: date, reason, size, schema version, counts
  of values, units and documents, SHA-256), so that a list of backups can show what each
  holds without opening it. The manifest is a convenience: a backup without one is still
  listed, by reading the file itself.
- Thinned like Anki's: the newest few, then one per day, per week and per month
  (:class:`RetentionPolicy`), counting days *that have backups* so that a PC left off for
  a summer does not come back to find every old backup expired.
- Optionally copied to a second folder (a USB drive) named in the settings; a missing or
  full second folder is reported, never fatal.

When: on start if the newest is older than a day (:func:`backup_on_start`), before every
migration (``connection.open_database``), before every import (:func:`backup_before`), on
close (:func:`backup_on_close`, skipped when nothing changed), and on request
(:func:`backup_now`).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import re
import shutil
import sqlite3
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from sqlite_utils import Database

from hbt_desktop import __version__
from hbt_desktop.core.errors import HbtError
from hbt_desktop.core.i18n import catalog, register, tr
from hbt_desktop.core.numbers import format_decimal
from hbt_desktop.store.file.fileops import fsync_dir, fsync_file, replace
from hbt_desktop.store.file.location_checks import human_size
from hbt_desktop.store.file.lock import pid_alive
from hbt_desktop.store.file.settings import get_setting, set_setting
from hbt_desktop.store.file.verify import inspect_file

log = logging.getLogger(__name__)

register(
    {
        "backup.failed": {
            "vi": "Không tạo được bản sao lưu {path}: {reason}",
            "en": "Could not make the backup {path}: {reason}",
        },
        "backup.before_failed": {
            "vi": "Không tạo được bản sao lưu trước khi {action} ({reason}), nên chưa làm gì "
            "cả. Hãy giải phóng chỗ trên ổ đĩa hoặc kiểm tra thư mục {folder}, rồi thử lại.",
            "en": "Could not make a backup before {action} ({reason}), so nothing was done. "
            "Free some disk space or check the folder {folder}, then try again.",
        },
        "backup.mirror_failed": {
            "vi": "Không chép được bản sao lưu sang thư mục thứ hai {folder} ({reason}); bản "
            "sao lưu chính vẫn an toàn ở {path}.",
            "en": "Could not copy the backup to the second folder {folder} ({reason}); the "
            "main backup is safe at {path}.",
        },
        "backup.made": {
            "vi": "Đã sao lưu vào {path}.",
            "en": "Backed up to {path}.",
        },
        "backup.summary": {
            "vi": "{when} · {reason} · {contents} · {size}",
            "en": "{when} · {reason} · {contents} · {size}",
        },
        "backup.contents": {
            "vi": "{values} số liệu, {units} đơn vị, {documents} văn bản",
            "en": "{values} figures, {units} units, {documents} documents",
        },
        "backup.contents_unknown": {
            "vi": "không đọc được nội dung",
            "en": "contents unreadable",
        },
        "backup.reason.start": {"vi": "khi mở chương trình", "en": "at start"},
        "backup.reason.close": {"vi": "khi đóng chương trình", "en": "at close"},
        "backup.reason.import": {"vi": "trước khi nhập tệp", "en": "before an import"},
        "backup.reason.migrate": {"vi": "trước khi nâng cấp tệp", "en": "before an upgrade"},
        "backup.reason.manual": {"vi": "sao lưu theo yêu cầu", "en": "on request"},
        "backup.reason.before-restore": {
            "vi": "trước khi khôi phục",
            "en": "before a restore",
        },
        "backup.reason.other": {"vi": "{reason}", "en": "{reason}"},
        "backup.action.import": {"vi": "nhập tệp", "en": "the import"},
        "backup.action.restore": {"vi": "khôi phục", "en": "the restore"},
        "backup.action.other": {"vi": "{reason}", "en": "{reason}"},
    }
)


class BackupError(HbtError):
    """A backup could not be made or checked; the database itself is unchanged."""


MANIFEST_SUFFIX = ".json"
PARTIAL_SUFFIX = ".partial"
MIRROR_SETTING = "backup_mirror_folder"
START_BACKUP_AGE = timedelta(days=1)
# A .partial older than this belongs to a backup that was killed, not to one running now.
STALE_PARTIAL_SECONDS = 3600
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6}-\d{6})-(?P<reason>[a-z0-9-]+)\.db$")


def default_backup_dir(db_path: Path) -> Path:
    return db_path.parent / "backups"


def backup_name(db_path: Path, reason: str, when: datetime | None = None) -> str:
    when = when or datetime.now()
    return f"{db_path.stem}-{when:%Y%m%d-%H%M%S-%f}-{reason}.db"


def parse_backup_name(name: str) -> tuple[str, datetime, str] | None:
    """(database stem, local time, reason) from a backup's file name, or None."""
    match = _NAME.match(name)
    if not match:
        return None
    try:
        when = datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S-%f")
    except ValueError:  # digits that are no date (month 13): not one of our names
        return None
    return match["stem"], when, match["reason"]


# -- what a backup holds ------------------------------------------------------------------


@dataclass(frozen=True)
class BackupInfo:
    """One backup file and what it holds, for lists and for the restore dialog."""

    path: Path
    created: datetime  # local time, naive: what the clerk's clock said
    reason: str
    size: int
    schema_version: int | None = None
    values: int | None = None
    units: int | None = None
    documents: int | None = None
    sha256: str = ""
    program_version: str = ""
    readable: bool = True

    def reason_label(self, language: str | None = None) -> str:
        key = f"backup.reason.{self.reason}"
        if key in catalog():
            return tr(key, language)
        return tr("backup.reason.other", language, reason=self.reason)

    def contents(self, language: str | None = None) -> str:
        return contents_text(self.values, self.units, self.documents, language)

    def summary(self, language: str | None = None) -> str:
        """``14/03/2025 08:15 · khi mở chương trình · 1.234 số liệu, … · 2 MB``."""
        return tr(
            "backup.summary",
            language,
            when=f"{self.created:%d/%m/%Y %H:%M}",
            reason=self.reason_label(language),
            contents=self.contents(language),
            size=human_size(self.size),
        )

    def manifest(self) -> dict[str, object]:
        return {
            "file": self.path.name,
            "created": self.created.isoformat(),
            "reason": self.reason,
            "size": self.size,
            "schema_version": self.schema_version,
            "values": self.values,
            "units": self.units,
            "documents": self.documents,
            "sha256": self.sha256,
            "program_version": self.program_version,
        }


def contents_text(
    values: int | None, units: int | None, documents: int | None, language: str | None = None
) -> str:
    """``1.234 số liệu, 21 đơn vị, 3 văn bản`` — what a clerk recognises a file by."""
    if values is None or units is None or documents is None:
        return tr("backup.contents_unknown", language)
    return tr(
        "backup.contents",
        language,
        values=format_decimal(values, 0),
        units=format_decimal(units, 0),
        documents=format_decimal(documents, 0),
    )


def manifest_path(backup: Path) -> Path:
    return backup.with_suffix(MANIFEST_SUFFIX)


def _optional_int(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def read_backup(path: Path, *, inspect: bool = True) -> BackupInfo | None:
    """What backup ``path`` holds: from its manifest, or from the file when that is missing
    or does not match. None if the name is not a backup's name. Never raises for bad files.
    """
    parsed = parse_backup_name(path.name)
    if parsed is None:
        return None
    _, created, reason = parsed
    try:
        size = path.stat().st_size
    except OSError as exc:
        log.info("cannot stat %s: %s", path, exc)
        return None
    data = _read_manifest(path)
    if data is not None and data.get("file") == path.name and data.get("size") == size:
        return BackupInfo(
            path=path,
            created=created,
            reason=reason,
            size=size,
            schema_version=_optional_int(data.get("schema_version")),
            values=_optional_int(data.get("values")),
            units=_optional_int(data.get("units")),
            documents=_optional_int(data.get("documents")),
            sha256=str(data.get("sha256", "")),
            program_version=str(data.get("program_version", "")),
        )
    if not inspect:
        return BackupInfo(path, created, reason, size)
    report = inspect_file(path)
    return BackupInfo(
        path=path,
        created=created,
        reason=reason,
        size=size,
        schema_version=report.schema_version,
        values=report.values,
        units=report.units,
        documents=report.documents,
        readable=report.ok,
    )


def _read_manifest(backup: Path) -> dict[str, object] | None:
    try:
        text = manifest_path(backup).read_text(encoding="utf-8")
        data = json.loads(text)
    except FileNotFoundError:  # no manifest: the caller reads the backup itself
        return None
    except (OSError, ValueError, RecursionError) as exc:
        log.info("unreadable manifest of %s: %s", backup, exc)
        return None
    return data if isinstance(data, dict) else None


def partial_name(target: Path) -> Path:
    """Where ``target`` is written before it is complete: named with this process's id,
    so that a later backup can tell a killed one's leftovers from one still running."""
    return target.with_name(f"{target.name}.{os.getpid()}{PARTIAL_SUFFIX}")


def _write_manifest(info: BackupInfo) -> None:
    target = manifest_path(info.path)
    partial = partial_name(target)
    partial.write_text(json.dumps(info.manifest(), ensure_ascii=False, indent=1), "utf-8")
    fsync_file(partial)
    replace(partial, target)


def manifest_mismatch(backup: Path) -> str | None:
    """Why ``backup`` is no longer the file its manifest describes, or None.

    SQLite cannot see damage inside the bytes of a value (a photo, a long text): the
    SHA-256 written when the backup was made can, e.g. a USB stick that has rotted.
    """
    data = _read_manifest(backup)
    if data is None or data.get("file") != backup.name or not data.get("sha256"):
        return None
    size = backup.stat().st_size
    if data.get("size") != size:
        return f"the file is {size} bytes, the backup was {data.get('size')}"
    if sha256_of(backup) != data["sha256"]:
        return "the file has changed since the backup was made"
    return None


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def list_backups(db_path: Path, folders: Sequence[Path] | None = None) -> list[BackupInfo]:
    """Backups of ``db_path`` in ``folders`` (default: its backup folder), newest first.

    A backup found in two folders (the second folder is a copy) is listed once, from the
    first folder.
    """
    seen: set[str] = set()
    found: list[BackupInfo] = []
    for folder in folders or [default_backup_dir(db_path)]:
        if not folder.is_dir():
            continue
        for path in folder.glob(f"{_glob_escape(db_path.stem)}-*.db"):
            parsed = parse_backup_name(path.name)
            if parsed is None or parsed[0] != db_path.stem or path.name in seen:
                continue
            info = read_backup(path)
            if info is not None:
                seen.add(path.name)
                found.append(info)
    found.sort(key=lambda b: (b.created, b.path.name), reverse=True)
    return found


def _glob_escape(text: str) -> str:
    return re.sub(r"([\[\]*?])", r"[\1]", text)


# -- making one -----------------------------------------------------------------------------


_PARTIAL = re.compile(r"\.(?P<pid>\d+)\.partial(?:-journal|-wal|-shm)?$")


def _clean_partials(folder: Path, now: float | None = None) -> None:
    """Remove what killed backups left: files (and their SQLite journals) of a process
    that is gone, or older than an hour whoever made them. Each can be as big as the
    database, so a PC that loses power often must not collect them."""
    cutoff = (now or time.time()) - STALE_PARTIAL_SECONDS
    for leftover in folder.glob(f"*{PARTIAL_SUFFIX}*"):
        match = _PARTIAL.search(leftover.name)
        pid = int(match["pid"]) if match else None
        try:
            gone = pid is not None and pid != os.getpid() and not pid_alive(pid)
            if gone or leftover.stat().st_mtime < cutoff:
                leftover.unlink()
                log.info("removed the unfinished backup file %s", leftover)
        except OSError as exc:  # held by an antivirus, or just finished: next time
            log.info("cannot remove %s yet: %s", leftover, exc)


def _remove_partial(partial: Path) -> None:
    for suffix in ("", "-journal", "-wal", "-shm"):
        # The error being raised is the one to report; a leftover goes at the next backup.
        with contextlib.suppress(OSError):
            partial.with_name(partial.name + suffix).unlink(missing_ok=True)


def create_backup(
    db: Database,
    db_path: Path,
    *,
    reason: str,
    folder: Path | None = None,
    when: datetime | None = None,
    unless_same_as: BackupInfo | None = None,
) -> BackupInfo | None:
    """Back up the open database ``db`` (file ``db_path``) into a new, checked file.

    With ``unless_same_as``, a backup whose bytes equal that one's is dropped (None):
    closing the program twice without typing anything keeps one backup, not two.
    """
    if db.conn.in_transaction:
        # The backup API would copy this connection's uncommitted changes too.
        raise RuntimeError("backup requested inside an open transaction")
    folder = folder or default_backup_dir(db_path)
    target = folder / backup_name(db_path, reason, when)
    partial = partial_name(target)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _clean_partials(folder)
        dest = sqlite3.connect(str(partial))
        try:
            db.conn.backup(dest)
            # A backup of a WAL database is itself in WAL mode; a backup must be one file.
            dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()
        fsync_file(partial)
        report = inspect_file(partial)
        if not report.ok:
            raise BackupError("backup.failed", path=str(target), reason="; ".join(report.problems))
        digest = sha256_of(partial)
        if unless_same_as is not None and unless_same_as.sha256 == digest:
            partial.unlink()
            log.info("nothing changed since %s: no new backup", unless_same_as.path.name)
            return None
        replace(partial, target)
    except (sqlite3.Error, OSError) as exc:
        _remove_partial(partial)
        raise BackupError("backup.failed", path=str(target), reason=_reason(exc)) from exc
    except BackupError:
        _remove_partial(partial)
        raise
    parsed = parse_backup_name(target.name)
    info = BackupInfo(
        path=target,
        created=parsed[1] if parsed else datetime.now(),
        reason=reason,
        size=target.stat().st_size,
        schema_version=report.schema_version,
        values=report.values,
        units=report.units,
        documents=report.documents,
        sha256=digest,
        program_version=__version__,
    )
    try:
        _write_manifest(info)
    except OSError as exc:  # the backup itself is complete; listing reads the file instead
        log.warning("no manifest for %s: %s", target, exc)
    log.info("backup %s (%s, %s)", target, reason, info.contents("en"))
    return info


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc)


def backup_database(
    db: Database, db_path: Path, *, reason: str, folder: Path | None = None
) -> Path:
    """Copy the open database ``db`` (file ``db_path``) to a new verified backup file."""
    info = create_backup(db, db_path, reason=reason, folder=folder)
    assert info is not None  # only unless_same_as can skip a backup
    return info.path


# -- the second folder -------------------------------------------------------------------


def mirror_folder(db: Database) -> Path | None:
    try:
        value = get_setting(db, MIRROR_SETTING)
    except sqlite3.OperationalError as exc:  # a file without the settings table yet
        log.info("no mirror setting: %s", exc)
        return None
    return Path(value) if value else None


def set_mirror_folder(db: Database, folder: Path | None) -> None:
    """Copy every automatic backup also into ``folder`` (None: stop doing so)."""
    set_setting(db, MIRROR_SETTING, str(folder) if folder else "")


def copy_backup(info: BackupInfo, folder: Path) -> BackupInfo:
    """Copy the finished backup ``info`` into ``folder``, checked by its SHA-256.

    A finished backup is a closed file that nothing writes to, so a plain copy is safe
    here (unlike a copy of the live database).
    """
    target = folder / info.path.name
    partial = partial_name(target)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(info.path, partial)
        fsync_file(partial)
        if info.sha256 and sha256_of(partial) != info.sha256:
            raise OSError(f"the copy in {folder} differs from the backup")
        replace(partial, target)
        copied = BackupInfo(**{**info.__dict__, "path": target})
        _write_manifest(copied)
    except OSError:
        _remove_partial(partial)
        raise
    return copied


# -- thinning -------------------------------------------------------------------------------


@dataclass(frozen=True)
class RetentionPolicy:
    """How many backups survive thinning: the newest ``last``, and the newest of each of the
    ``daily`` most recent days that have a backup, of the ``weekly`` most recent ISO weeks
    and of the ``monthly`` most recent months."""

    last: int = 10
    daily: int = 14
    weekly: int = 8
    monthly: int = 12


DEFAULT_POLICY = RetentionPolicy()


def backups_to_keep(
    times: Sequence[datetime], policy: RetentionPolicy = DEFAULT_POLICY
) -> set[int]:
    """Indexes into ``times`` of the backups to keep. Pure: the clock is not consulted."""
    order = sorted(range(len(times)), key=lambda i: times[i], reverse=True)
    keep = set(order[: policy.last])
    buckets: list[tuple[int, Callable[[datetime], object]]] = [
        (policy.daily, lambda t: t.date()),
        (policy.weekly, lambda t: t.isocalendar()[:2]),
        (policy.monthly, lambda t: (t.year, t.month)),
    ]
    for limit, bucket_of in buckets:
        seen: set[object] = set()
        for i in order:
            bucket = bucket_of(times[i])
            if bucket in seen:
                continue
            if len(seen) >= limit:
                break
            seen.add(bucket)
            keep.add(i)  # the newest backup of that day, week or month
    return keep


def thin_backups(
    db_path: Path, folder: Path | None = None, policy: RetentionPolicy = DEFAULT_POLICY
) -> list[Path]:
    """Delete the backups of ``db_path`` in ``folder`` that ``policy`` does not keep."""
    folder = folder or default_backup_dir(db_path)
    backups = [info for info in list_backups(db_path, [folder]) if info.path.parent == folder]
    keep = backups_to_keep([b.created for b in backups], policy)
    removed: list[Path] = []
    for i, info in enumerate(backups):
        if i in keep:
            continue
        try:
            info.path.unlink()
            manifest_path(info.path).unlink(missing_ok=True)
            removed.append(info.path)
        except OSError as exc:  # locked by an antivirus: thinned next time
            log.info("cannot remove old backup %s yet: %s", info.path, exc)
    if removed:
        fsync_dir(folder)
        log.info("thinned %d old backups in %s", len(removed), folder)
    return removed


# -- automatic backups ----------------------------------------------------------------------


@dataclass
class BackupOutcome:
    """What an automatic backup did, with any message the clerk should see."""

    backup: BackupInfo | None
    mirrored: Path | None = None
    removed: list[Path] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)


def auto_backup(
    db: Database,
    db_path: Path,
    reason: str,
    *,
    folder: Path | None = None,
    when: datetime | None = None,
    skip_if_unchanged: bool = False,
    policy: RetentionPolicy = DEFAULT_POLICY,
) -> BackupOutcome:
    """Back up, copy to the second folder if one is set, and thin both folders."""
    folder = folder or default_backup_dir(db_path)
    newest = None
    if skip_if_unchanged:
        existing = list_backups(db_path, [folder])
        newest = existing[0] if existing else None
    info = create_backup(
        db, db_path, reason=reason, folder=folder, when=when, unless_same_as=newest
    )
    outcome = BackupOutcome(info)
    if info is None:
        return outcome
    second = mirror_folder(db)
    if second is not None:
        try:
            outcome.mirrored = copy_backup(info, second).path
            outcome.removed += thin_backups(db_path, second, policy)
        except OSError as exc:
            log.warning("mirror to %s failed: %s", second, exc)
            outcome.messages.append(
                tr("backup.mirror_failed", None, folder=second, reason=_reason(exc), path=info.path)
            )
    outcome.removed += thin_backups(db_path, folder, policy)
    return outcome


def backup_before(db: Database, db_path: Path, reason: str = "import") -> BackupOutcome:
    """A backup before a risky change (an import, a restore); refuses if it cannot be made,
    so that the change is not made without one."""
    try:
        return auto_backup(db, db_path, reason)
    except BackupError as exc:
        action_key = f"backup.action.{reason}"
        action = (
            tr(action_key) if action_key in catalog() else tr("backup.action.other", reason=reason)
        )
        raise BackupError(
            "backup.before_failed",
            action=action,
            reason=exc.params.get("reason", exc.message),
            folder=default_backup_dir(db_path),
        ) from exc


def newest_backup_time(db_path: Path, folder: Path | None = None) -> datetime | None:
    """When the newest backup in ``folder`` was made, from file names only (fast)."""
    folder = folder or default_backup_dir(db_path)
    if not folder.is_dir():
        return None
    times = [
        parsed[1]
        for path in folder.glob(f"{_glob_escape(db_path.stem)}-*.db")
        if (parsed := parse_backup_name(path.name)) and parsed[0] == db_path.stem
    ]
    return max(times, default=None)


def backup_on_start(
    db: Database,
    db_path: Path,
    *,
    now: datetime | None = None,
    max_age: timedelta = START_BACKUP_AGE,
) -> BackupOutcome | None:
    """A backup when the newest one is older than ``max_age`` (a day); None if not needed."""
    now = now or datetime.now()
    newest = newest_backup_time(db_path)
    # A backup "from the future" means the clock was wrong then or now: back up anyway.
    if newest is not None and timedelta(0) <= now - newest < max_age:
        return None
    return auto_backup(db, db_path, "start")


def backup_on_close(db: Database, db_path: Path) -> BackupOutcome:
    """A backup as the program closes, unless nothing changed since the newest one."""
    return auto_backup(db, db_path, "close", skip_if_unchanged=True)


def backup_now(db: Database, db_path: Path) -> BackupOutcome:
    return auto_backup(db, db_path, "manual")

"""Consistent backups of the live database.

A plain file copy of a database in WAL mode can miss committed pages that are still in
the -wal file, or catch a page half-written: SQLite's online backup API copies a
consistent snapshot even while the program is writing. Each copy is reopened and
checked before it counts as a backup.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database

from hbt_desktop.core.errors import HbtError
from hbt_desktop.core.i18n import register

register(
    {
        "backup.failed": {
            "vi": "Không tạo được bản sao lưu {path}: {reason}",
            "en": "Could not make the backup {path}: {reason}",
        },
    }
)


class BackupError(HbtError):
    pass


def default_backup_dir(db_path: Path) -> Path:
    return db_path.parent / "backups"


def backup_name(db_path: Path, reason: str, when: datetime | None = None) -> str:
    when = when or datetime.now()
    return f"{db_path.stem}-{when:%Y%m%d-%H%M%S-%f}-{reason}.db"


def backup_database(
    db: Database, db_path: Path, *, reason: str, folder: Path | None = None
) -> Path:
    """Copy the open database ``db`` (file ``db_path``) to a new verified backup file."""
    folder = folder or default_backup_dir(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / backup_name(db_path, reason)
    try:
        dest = sqlite3.connect(str(target))
        try:
            db.conn.backup(dest)
            ok = dest.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            dest.close()
    except sqlite3.Error as exc:
        target.unlink(missing_ok=True)
        raise BackupError("backup.failed", path=str(target), reason=str(exc)) from exc
    if ok != "ok":
        target.unlink(missing_ok=True)
        raise BackupError("backup.failed", path=str(target), reason=str(ok))
    return target

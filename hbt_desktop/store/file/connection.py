"""Opening the one SQLite file: pragmas, version checks, migrations.

Durability choices (the promise is that a figure accepted on screen survives a power
cut): WAL journal with ``synchronous=FULL`` — every commit is fsynced to the WAL before
it returns, so an accepted cell survives power loss; WAL also lets a reader (a report
being built) run while the clerk keeps typing. (``synchronous=NORMAL``, WAL's usual
companion, survives a crash of the program but may lose the last commits to a power
cut: not enough here. ``synchronous`` is per connection, hence set on every open.)
Foreign keys are enforced, which SQLite does not do unless asked per connection.

One user action is one transaction: every write function of the store (``write_value``,
``delete_value``, ``write_base``, ``save_document``, …) runs in ``db.atomic()``, and a
batch (``write_values``, an import) wraps its calls in one outer ``db.atomic()`` so that
they become savepoints of a single transaction — all or nothing. "Accepted" therefore
means "committed and fsynced": the function has returned. tests/durability checks this by
killing the program hundreds of times mid-work (docs/durability.md).
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from sqlite_utils import Database

from hbt_desktop.core.i18n import register
from hbt_desktop.store.file.backup import backup_database
from hbt_desktop.store.file.errors import StoreError
from hbt_desktop.store.file.migrations import SCHEMA_VERSION, known_names, migrations
from hbt_desktop.store.file.verify import has_sqlite_header

log = logging.getLogger(__name__)

register(
    {
        "db.too_new": {
            "vi": "Tệp dữ liệu {path} do phiên bản mới hơn của chương trình tạo ra (cấu trúc {found}, "
            "chương trình này hiểu tới {known}). Hãy cập nhật hbt-desktop; tệp không bị thay đổi.",
            "en": "The data file {path} was written by a newer version of the program (schema {found}, "
            "this one knows up to {known}). Update hbt-desktop; the file was not changed.",
        },
        "db.not_ours": {
            "vi": "Tệp {path} là cơ sở dữ liệu SQLite của chương trình khác, không phải hbt-desktop.",
            "en": "{path} is an SQLite database of some other program, not hbt-desktop.",
        },
        "db.missing": {
            "vi": "Không có tệp dữ liệu {path}.",
            "en": "There is no data file at {path}.",
        },
    }
)

_OUR_TABLES = {"meta", "units", "indicators", "figure_values"}


def _check_header(path: Path) -> None:
    if not path.exists() or path.stat().st_size == 0:
        return
    if not has_sqlite_header(path):
        raise StoreError("db.not_sqlite", path=str(path))


def _connect(path: Path | str, *, readonly: bool = False) -> sqlite3.Connection:
    if readonly:
        uri = Path(path).resolve().as_uri() + "?mode=ro"
        conn = sqlite3.connect(uri, uri=True, timeout=10)
    else:
        conn = sqlite3.connect(str(path), timeout=10)
    conn.execute("PRAGMA foreign_keys = ON")
    # Another program (a second copy, a backup) may hold a lock briefly: wait, don't fail.
    conn.execute("PRAGMA busy_timeout = 10000")
    return conn


def schema_state(db: Database) -> tuple[int, list[str]]:
    """(user_version, names of applied migrations of our set)."""
    user_version = int(db.execute("PRAGMA user_version").fetchone()[0])
    applied = [m.name for m in migrations.applied(db)]
    return user_version, applied


def check_not_newer(db: Database, path: Path | str) -> None:
    user_version, applied = schema_state(db)
    unknown = [name for name in applied if name not in known_names()]
    if user_version > SCHEMA_VERSION or unknown:
        raise StoreError(
            "db.too_new",
            path=str(path),
            found=max(user_version, len(applied)),
            known=SCHEMA_VERSION,
        )
    tables = set(db.table_names())
    if tables and not applied and not tables & _OUR_TABLES and "_sqlite_migrations" not in tables:
        raise StoreError("db.not_ours", path=str(path))


def open_database(
    path: Path | str,
    *,
    create: bool = True,
    readonly: bool = False,
    backup_dir: Path | None = None,
) -> Database:
    """Open (and if needed create and migrate) the database at ``path``.

    Refuses, without writing anything, a file that is not SQLite or that a newer version
    wrote. Before migrating a file that already holds data it is backed up (SQLite's
    backup API, into ``backup_dir`` or ``<file>.backups/``).
    """
    path = Path(path)
    if not path.exists():
        if not create or readonly:
            raise StoreError("db.missing", path=str(path))
        path.parent.mkdir(parents=True, exist_ok=True)
    _check_header(path)
    try:
        conn = _connect(path, readonly=readonly)
        # No sqlite-utils plugins: what runs on the clerk's connection is this program's
        # own code only; and looking for plugins reads every installed package's
        # metadata (importlib.metadata, ~70 ms of each start).
        db = Database(conn, execute_plugins=False)
        check_not_newer(db, path)
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
        # (A damaged schema can make even SQLite's error message undecodable.)
        raise StoreError("db.cannot_open", path=str(path), reason=str(exc)) from exc
    if readonly:
        return db
    try:
        _prepare_for_writing(db, path, backup_dir)
    except sqlite3.DatabaseError as exc:
        # E.g. a read-only file, or one whose header says only a newer SQLite may write it.
        db.close()
        raise StoreError("db.cannot_open", path=str(path), reason=str(exc)) from exc
    return db


def _prepare_for_writing(db: Database, path: Path, backup_dir: Path | None) -> None:
    # WAL must be switched on outside a transaction; it is persistent in the file.
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = FULL")
    pending = migrations.pending(db)
    if pending:
        _, applied = schema_state(db)
        if applied:
            target = backup_database(db, path, reason="migrate", folder=backup_dir)
            log.info("backed up %s to %s before migrating", path, target)
        migrations.apply(db)
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        log.info("migrated %s to schema %s", path, SCHEMA_VERSION)


def memory_database() -> Database:
    """A fresh, migrated in-memory database (tests, previews)."""
    db = Database(memory=True, execute_plugins=False)
    db.execute("PRAGMA foreign_keys = ON")
    migrations.apply(db)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    return db


def database_path(db: Database) -> str:
    row = db.execute("PRAGMA database_list").fetchone()
    return str(row[2]) if row and row[2] else ":memory:"

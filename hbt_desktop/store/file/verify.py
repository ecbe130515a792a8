"""Is this file a sound hbt-desktop database? Used on backups, restore files and at start.

Three questions, cheapest first: is it SQLite at all (the 16-byte header); is it
internally sound (``PRAGMA quick_check`` — every page readable, no broken b-tree — or
the slower ``integrity_check``, which also compares every index with its table); and is
its schema exactly the one our migrations make. The last one matters for files from
outside: a database with an extra trigger or view would do things behind the clerk's
back once restored, and one with a different table layout would fail later, at the
worst moment, instead of now.
"""

from __future__ import annotations

import functools
import logging
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from hbt_desktop.store.file.errors import StoreError
from hbt_desktop.store.file.migrations import MIGRATION_SET, known_names, migrations

log = logging.getLogger(__name__)

SQLITE_MAGIC = b"SQLite format 3\x00"

# Integrity check output beyond this many lines says nothing more to a clerk.
MAX_PROBLEMS = 10
_MIGRATIONS_TABLE = "_sqlite_migrations"
# SQLite's own objects; anything else named sqlite_* (possible only by editing the schema
# table by hand) is compared like our objects and so refused.
_INTERNAL_TABLES = {
    "sqlite_sequence",
    "sqlite_stat1",
    "sqlite_stat2",
    "sqlite_stat3",
    "sqlite_stat4",
}


@dataclass
class FileReport:
    """What a look at a database file found. ``ok`` only if nothing is wrong."""

    path: Path
    problems: list[str] = field(default_factory=list)
    not_sqlite: bool = False
    damaged: bool = False  # SQLite's own check failed (as opposed to a foreign schema)
    too_new: bool = False
    schema_version: int | None = None
    values: int | None = None
    units: int | None = None
    documents: int | None = None

    @property
    def ok(self) -> bool:
        return not self.problems


def has_sqlite_header(path: Path) -> bool:
    with path.open("rb") as fh:
        return fh.read(16) == SQLITE_MAGIC


def _normal(sql: str | None) -> str:
    return re.sub(r"\s+", " ", sql or "").strip()


def _objects(conn: sqlite3.Connection) -> dict[tuple[str, str], tuple[str, str]]:
    """{(type, name): (table, normalised sql)} of the schema, SQLite's internals left out."""
    found: dict[tuple[str, str], tuple[str, str]] = {}
    for row in conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall():
        kind, name, table, sql = str(row[0]), str(row[1]), str(row[2]), row[3]
        if kind == "table" and name in _INTERNAL_TABLES:
            continue
        if kind == "index" and name.startswith("sqlite_autoindex_"):
            continue  # made by SQLite for UNIQUE/PRIMARY KEY, which the table SQL already says
        if table == _MIGRATIONS_TABLE:
            # sqlite-utils writes this table's SQL itself, and another version of it may
            # quote it differently: its columns are checked instead.
            continue
        found[(kind, name)] = (table, _normal(sql))
    return found


@functools.lru_cache(maxsize=8)
def reference_schema(applied: tuple[str, ...]) -> dict[tuple[str, str], tuple[str, str]]:
    """The schema our migrations make when exactly ``applied`` (a prefix of ours) have run."""
    ref = Database(memory=True)
    later = set(known_names()[len(applied) :])
    migrations.apply(ref, stop_before=later or None)
    objects = _objects(ref.conn)
    ref.close()
    return objects


def schema_problems(conn: sqlite3.Connection) -> tuple[list[str], bool, int | None]:
    """(problems, too_new, schema version) of an open database, compared with ours."""
    tables = {
        str(r[0]) for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    }
    if _MIGRATIONS_TABLE not in tables:
        return ["not an hbt-desktop database (no migration record)"], False, None
    columns = {str(r[1]) for r in conn.execute(f"PRAGMA table_info({_MIGRATIONS_TABLE})")}
    if not {"migration_set", "name"} <= columns:
        return ["the migration record has the wrong layout"], False, None
    applied = [
        str(r[0])
        for r in conn.execute(
            f"SELECT name FROM {_MIGRATIONS_TABLE} WHERE migration_set = ? ORDER BY rowid",
            [MIGRATION_SET],
        )
    ]
    user_version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    known = known_names()
    if user_version > len(known) or any(name not in known for name in applied):
        return ["written by a newer version of hbt-desktop"], True, max(user_version, len(applied))
    if not applied:
        return ["not an hbt-desktop database (no migration applied)"], False, None
    if applied != known[: len(applied)]:
        return [f"migrations applied out of order: {', '.join(applied)}"], False, len(applied)
    expected = reference_schema(tuple(applied))
    actual = _objects(conn)
    problems = [f"missing {kind} {name}" for kind, name in sorted(expected.keys() - actual.keys())]
    problems += [
        f"unexpected {kind} {name}" for kind, name in sorted(actual.keys() - expected.keys())
    ]
    problems += [
        f"{kind} {name} differs from ours"
        for (kind, name) in sorted(expected.keys() & actual.keys())
        if expected[(kind, name)] != actual[(kind, name)]
    ]
    return problems[:MAX_PROBLEMS], False, len(applied)


def soundness_problems(conn: sqlite3.Connection, *, thorough: bool = False) -> list[str]:
    """SQLite's own check: quick (pages and b-trees) or thorough (also every index)."""
    pragma = "integrity_check" if thorough else "quick_check"
    lines = [str(r[0]) for r in conn.execute(f"PRAGMA {pragma}({MAX_PROBLEMS})").fetchall()]
    problems = [] if lines == ["ok"] else lines
    if thorough and not problems:
        for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check").fetchall()[
            :MAX_PROBLEMS
        ]:
            problems.append(f"{table} row {rowid} points to a missing {parent}")
    return problems


def count_contents(conn: sqlite3.Connection) -> tuple[int, int, int]:
    """(values, units, documents): what a clerk recognises a backup by."""
    return tuple(  # type: ignore[return-value]
        int(conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])
        for table in ("figure_values", "units", "documents")
    )


def connect_readonly(path: Path) -> sqlite3.Connection:
    """A read-only connection that never writes to ``path`` nor creates files beside it.

    ``immutable=1`` tells SQLite that nobody changes the file, so it takes no locks and
    makes no -shm; use it only on files this program owns and has closed (a backup, a
    temporary restore copy), never on a database that is open elsewhere. Text that is not
    valid UTF-8 (a damaged file) is read with replacement characters instead of failing.
    """
    uri = path.resolve().as_uri() + "?mode=ro&immutable=1"
    conn = sqlite3.connect(uri, uri=True)
    conn.text_factory = lambda raw: raw.decode("utf-8", "replace")
    return conn


def inspect_file(path: Path, *, thorough: bool = False) -> FileReport:
    """Look at a closed database file without changing it; never raises for a bad file."""
    report = FileReport(path)
    try:
        if path.stat().st_size == 0:
            report.problems.append("the file is empty")
            report.not_sqlite = True
            return report
        if not has_sqlite_header(path):
            report.problems.append("not an SQLite file")
            report.not_sqlite = True
            return report
        conn = connect_readonly(path)
    except (OSError, sqlite3.Error) as exc:
        report.problems.append(f"cannot be read: {exc}")
        report.damaged = True
        return report
    try:
        conn.execute("PRAGMA cell_size_check = ON")  # finds some damage earlier
        report.problems += soundness_problems(conn, thorough=thorough)
        if report.problems:
            report.damaged = True
            return report
        problems, report.too_new, report.schema_version = schema_problems(conn)
        report.problems += problems
        if not report.problems:
            report.values, report.units, report.documents = count_contents(conn)
    except (sqlite3.Error, UnicodeDecodeError) as exc:
        # "file is not a database", "database disk image is malformed": damage, told as such.
        # A garbled schema can also make SQLite's own error message invalid UTF-8, which
        # Python then fails to decode: that too is damage, not a crash.
        report.problems.append(str(exc))
        report.damaged = True
    finally:
        conn.close()
    if report.problems:
        log.info("%s: %s", path, "; ".join(report.problems))
    return report


# sqlite3 error codes (primary) that mean the file itself is damaged, as opposed to
# locked, unreadable or missing — which must never make us move a file aside.
SQLITE_CORRUPT = 11
SQLITE_NOTADB = 26


def _sqlite_code(exc: sqlite3.Error) -> int:
    return int(getattr(exc, "sqlite_errorcode", 0)) & 0xFF


def damage(db_path: Path, has_backups: Callable[[], bool]) -> list[str] | None:
    """Why the clerk's file ``db_path`` cannot be used (a quick check), or None if it is
    sound or absent.

    An empty file, or one that does not start like SQLite, counts as damaged only when
    ``has_backups()`` says there are backups of it (evidence that it was ours); otherwise
    it is refused untouched as "not an hbt-desktop file". Raises :class:`StoreError` (file
    untouched) when the file cannot be *read*, which is not damage: locked by another
    program, no permission, a disk that went away.
    """
    if not db_path.exists():
        return None
    if db_path.stat().st_size == 0:
        return ["the file is empty"] if has_backups() else None
    if not has_sqlite_header(db_path):
        if has_backups():
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

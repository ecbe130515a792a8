"""Numbered, forward-only schema migrations.

sqlite-utils' ``Migrations`` runs each step in a transaction together with the record
that it ran. It neither backs up first nor refuses a file from a newer program, so
``connection.open_database`` wraps it: it refuses a file whose applied steps this
program does not know (or whose ``PRAGMA user_version`` is higher than ours), and takes a
backup before applying anything to a file that already holds data.

Rules for adding a step: append a new function, never edit or reorder a released one,
and add a database made by the previous release to ``tests/fixtures/`` (a test migrates
every fixture).
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

MIGRATION_SET = "hbt_desktop"
migrations = Migrations(MIGRATION_SET)


def _run(db: Database, statements: list[str]) -> None:
    # One statement at a time: sqlite3's executescript() would COMMIT the migration's
    # transaction half-way.
    for statement in statements:
        db.execute(statement)


@migrations(name="0001_initial")
def m0001_initial(db: Database) -> None:
    _run(
        db,
        [
            """CREATE TABLE meta (
                key TEXT PRIMARY KEY,
                value TEXT NOT NULL
            )""",
            """CREATE TABLE settings (
                key TEXT PRIMARY KEY,
                value TEXT NOT NULL
            )""",
            # Units are identified by uid, not by the statistics code, which is reused.
            """CREATE TABLE units (
                uid TEXT PRIMARY KEY,
                code TEXT NOT NULL,
                name TEXT NOT NULL,
                kind TEXT NOT NULL,
                level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
                parent_uid TEXT REFERENCES units(uid),
                valid_from TEXT,
                valid_to TEXT,
                note TEXT NOT NULL DEFAULT '',
                CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_from <= valid_to)
            )""",
            "CREATE INDEX units_parent ON units(parent_uid)",
            "CREATE INDEX units_code ON units(code)",
            """CREATE TABLE unit_links (
                successor_uid TEXT NOT NULL REFERENCES units(uid),
                predecessor_uid TEXT NOT NULL REFERENCES units(uid),
                portion TEXT NOT NULL CHECK (portion IN ('whole', 'part')),
                share TEXT,
                PRIMARY KEY (successor_uid, predecessor_uid)
            )""",
            """CREATE TABLE sectors (
                code TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                position INTEGER NOT NULL DEFAULT 0,
                retired_from TEXT
            )""",
            """CREATE TABLE base_kinds (
                code TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                short TEXT NOT NULL,
                assigner TEXT NOT NULL DEFAULT '',
                position INTEGER NOT NULL DEFAULT 0,
                retired_from TEXT
            )""",
            """CREATE TABLE indicators (
                code TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                sector TEXT NOT NULL REFERENCES sectors(code),
                kind TEXT NOT NULL CHECK (kind IN ('money', 'number', 'percent', 'growth')),
                unit_label TEXT NOT NULL DEFAULT '',
                decimals INTEGER NOT NULL DEFAULT 0 CHECK (decimals BETWEEN 0 AND 6),
                pct_decimals INTEGER NOT NULL DEFAULT 0 CHECK (pct_decimals BETWEEN 0 AND 6),
                aggregation TEXT NOT NULL CHECK (aggregation IN ('sum', 'none')),
                comparisons TEXT NOT NULL DEFAULT '',
                money_style TEXT NOT NULL DEFAULT 'ty_trieu',
                position INTEGER NOT NULL DEFAULT 0,
                description TEXT NOT NULL DEFAULT '',
                retired_from TEXT
            )""",
            "CREATE INDEX indicators_sector ON indicators(sector, position)",
            # A figure is num / 10^scale: exact, and summable by SQLite as integers.
            """CREATE TABLE figure_values (
                id INTEGER PRIMARY KEY,
                indicator TEXT NOT NULL REFERENCES indicators(code),
                unit_uid TEXT NOT NULL REFERENCES units(uid),
                period TEXT NOT NULL,
                num INTEGER NOT NULL,
                scale INTEGER NOT NULL CHECK (scale BETWEEN 0 AND 6),
                status TEXT NOT NULL CHECK (status IN ('thuc_hien', 'uoc', 'du_kien')),
                qualifier TEXT,
                comment TEXT NOT NULL DEFAULT '',
                updated_by TEXT NOT NULL DEFAULT '',
                updated_at TEXT NOT NULL,
                UNIQUE (indicator, unit_uid, period)
            )""",
            "CREATE INDEX figure_values_period ON figure_values(period, indicator, unit_uid)",
            "CREATE INDEX figure_values_unit ON figure_values(unit_uid, period)",
            """CREATE TABLE bases (
                id INTEGER PRIMARY KEY,
                indicator TEXT NOT NULL REFERENCES indicators(code),
                unit_uid TEXT NOT NULL REFERENCES units(uid),
                period TEXT NOT NULL,
                kind TEXT NOT NULL REFERENCES base_kinds(code),
                num INTEGER NOT NULL,
                scale INTEGER NOT NULL CHECK (scale BETWEEN 0 AND 6),
                comment TEXT NOT NULL DEFAULT '',
                updated_by TEXT NOT NULL DEFAULT '',
                updated_at TEXT NOT NULL,
                UNIQUE (indicator, unit_uid, period, kind)
            )""",
            # A document's header data and its sections' narrative templates.
            """CREATE TABLE documents (
                id INTEGER PRIMARY KEY,
                unit_uid TEXT NOT NULL REFERENCES units(uid),
                period TEXT NOT NULL,
                title TEXT NOT NULL DEFAULT '',
                lead TEXT NOT NULL DEFAULT '',
                intro TEXT NOT NULL DEFAULT '',
                masthead TEXT NOT NULL DEFAULT '',
                issue_line TEXT NOT NULL DEFAULT '',
                number TEXT NOT NULL DEFAULT '',
                symbol TEXT NOT NULL DEFAULT '',
                place TEXT NOT NULL DEFAULT '',
                issue_date TEXT,
                summary TEXT NOT NULL DEFAULT '',
                signer_authority TEXT NOT NULL DEFAULT '[]',
                signer_title TEXT NOT NULL DEFAULT '',
                signer_name TEXT NOT NULL DEFAULT '',
                recipients TEXT NOT NULL DEFAULT '[]',
                updated_at TEXT NOT NULL,
                UNIQUE (unit_uid, period)
            )""",
            """CREATE TABLE sections (
                id INTEGER PRIMARY KEY,
                document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                heading TEXT NOT NULL DEFAULT '',
                level INTEGER NOT NULL DEFAULT 1 CHECK (level IN (1, 2)),
                in_bulletin INTEGER NOT NULL DEFAULT 1,
                in_report INTEGER NOT NULL DEFAULT 1,
                template TEXT NOT NULL DEFAULT ''
            )""",
            "CREATE INDEX sections_document ON sections(document_id, position)",
            # Photos are stored in the file itself so that the database stays self-contained.
            """CREATE TABLE photos (
                id INTEGER PRIMARY KEY,
                document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                section_id INTEGER REFERENCES sections(id) ON DELETE SET NULL,
                position INTEGER NOT NULL,
                caption TEXT NOT NULL DEFAULT '',
                mime TEXT NOT NULL,
                sha256 TEXT NOT NULL,
                image BLOB NOT NULL
            )""",
            "CREATE INDEX photos_document ON photos(document_id, position)",
        ],
    )


def known_names() -> list[str]:
    return [m.name for m in migrations._migrations]


SCHEMA_VERSION = len(known_names())

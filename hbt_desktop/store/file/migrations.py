"""Numbered, forward-only schema migrations.

sqlite-utils' ``Migrations`` runs each step in a transaction together with the record
that it ran. It neither backs up first nor refuses a file from a newer program, so
``connection.open_database`` wraps it: it refuses a file whose applied steps this
program does not know (or whose ``PRAGMA user_version`` is higher than ours), and takes a
backup before applying anything to a file that already holds data.

Rules for adding a step: append a new function, never edit or reorder a released one,
and add a database made by the previous release to ``tests/fixtures/`` (a test migrates
every fixture). A step holds its own SQL text, frozen as of its version, and uses
nothing but the standard library and sqlite-utils' runner: code of the program (a
query of ``store.values``, a rule of ``core``) follows the newest schema, so a later
column change would break upgrading an old file (tests/store/file/test_migrations.py
checks both).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from datetime import UTC, datetime

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


@migrations(name="0002_offices_audit_exchange")
def m0002_offices_audit_exchange(db: Database) -> None:
    """Roles of a workstation, accounts and sign-off, the audit log, exchange packages."""
    _run(
        db,
        [
            # One row: what this workstation is (a ward office or the district) and its
            # public key; the private key is a file in the user's data folder.
            """CREATE TABLE workstation (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                role TEXT NOT NULL CHECK (role IN ('ward', 'district')),
                unit_uid TEXT NOT NULL REFERENCES units(uid),
                station_id TEXT NOT NULL,
                public_key TEXT NOT NULL,
                next_sequence INTEGER NOT NULL DEFAULT 1,
                set_up_at TEXT NOT NULL,
                set_up_by TEXT NOT NULL
            )""",
            """CREATE TABLE accounts (
                login TEXT PRIMARY KEY,
                full_name TEXT NOT NULL,
                role TEXT NOT NULL CHECK (role IN ('lap', 'kiem_tra', 'lanh_dao')),
                title TEXT NOT NULL DEFAULT '',
                authority TEXT NOT NULL DEFAULT '[]',
                is_admin INTEGER NOT NULL DEFAULT 0,
                password_hash TEXT NOT NULL,
                failed_count INTEGER NOT NULL DEFAULT 0,
                blocked_until TEXT,
                active INTEGER NOT NULL DEFAULT 1,
                created_at TEXT NOT NULL
            )""",
            # Append-only and hash-chained: see store/audit.py.
            """CREATE TABLE audit_log (
                id INTEGER PRIMARY KEY,
                at TEXT NOT NULL,
                user TEXT NOT NULL,
                how TEXT NOT NULL,
                record TEXT NOT NULL CHECK (record IN ('value', 'base', 'event')),
                indicator TEXT NOT NULL DEFAULT '',
                unit_uid TEXT NOT NULL DEFAULT '',
                period TEXT NOT NULL DEFAULT '',
                kind TEXT NOT NULL DEFAULT '',
                old TEXT,
                new TEXT,
                ref TEXT NOT NULL DEFAULT '',
                prev_hash TEXT NOT NULL,
                hash TEXT NOT NULL UNIQUE
            )""",
            "CREATE INDEX audit_log_cell ON audit_log(unit_uid, period, indicator, record)",
            """CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END""",
            """CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END""",
            # A check (người kiểm tra) or an approval (lãnh đạo) of a unit's period. An
            # approval not unlocked locks the figures (store/guard.py).
            """CREATE TABLE sign_offs (
                id INTEGER PRIMARY KEY,
                unit_uid TEXT NOT NULL REFERENCES units(uid),
                period TEXT NOT NULL,
                step TEXT NOT NULL CHECK (step IN ('checked', 'approved')),
                login TEXT NOT NULL,
                signer_name TEXT NOT NULL,
                signer_title TEXT NOT NULL DEFAULT '',
                signer_authority TEXT NOT NULL DEFAULT '[]',
                at TEXT NOT NULL,
                unlocked_by TEXT,
                unlocked_at TEXT,
                unlock_reason TEXT
            )""",
            "CREATE INDEX sign_offs_unit ON sign_offs(unit_uid, period, step)",
            # Keys of the other offices, recorded once after checking the fingerprint.
            """CREATE TABLE trusted_keys (
                unit_uid TEXT PRIMARY KEY REFERENCES units(uid),
                public_key TEXT NOT NULL,
                fingerprint TEXT NOT NULL,
                source TEXT NOT NULL,
                recorded_at TEXT NOT NULL,
                recorded_by TEXT NOT NULL,
                last_sequence INTEGER NOT NULL DEFAULT 0
            )""",
            """CREATE TABLE packages_sent (
                package_id TEXT PRIMARY KEY,
                kind TEXT NOT NULL,
                sequence INTEGER NOT NULL,
                unit_uid TEXT NOT NULL,
                periods TEXT NOT NULL,
                created_at TEXT NOT NULL,
                created_by TEXT NOT NULL,
                file_name TEXT NOT NULL,
                sha256 TEXT NOT NULL,
                counts TEXT NOT NULL DEFAULT '{}'
            )""",
            # A package received at the district, kept whole (the signed bytes) so that it
            # can be checked again and its review shown after the USB stick is gone.
            """CREATE TABLE package_imports (
                id INTEGER PRIMARY KEY,
                package_id TEXT NOT NULL UNIQUE,
                sender_uid TEXT NOT NULL REFERENCES units(uid),
                sequence INTEGER NOT NULL,
                created_at TEXT NOT NULL,
                periods TEXT NOT NULL,
                manifest TEXT NOT NULL,
                raw BLOB NOT NULL,
                sha256 TEXT NOT NULL,
                file_name TEXT NOT NULL DEFAULT '',
                received_at TEXT NOT NULL,
                received_by TEXT NOT NULL,
                state TEXT NOT NULL CHECK (state IN ('pending', 'accepted', 'partly_accepted',
                    'rejected', 'returned', 'rolled_back')),
                decided_at TEXT,
                decided_by TEXT,
                reason TEXT NOT NULL DEFAULT '',
                rolled_back_at TEXT,
                rolled_back_by TEXT
            )""",
            "CREATE INDEX package_imports_sender ON package_imports(sender_uid, sequence)",
            """CREATE TABLE package_items (
                import_id INTEGER NOT NULL REFERENCES package_imports(id),
                indicator TEXT NOT NULL,
                unit_uid TEXT NOT NULL,
                period TEXT NOT NULL,
                incoming TEXT NOT NULL,
                decision TEXT CHECK (decision IN ('accepted', 'rejected')),
                reason TEXT NOT NULL DEFAULT '',
                previous TEXT,
                applied INTEGER NOT NULL DEFAULT 0,
                PRIMARY KEY (import_id, indicator, unit_uid, period)
            )""",
            """CREATE TABLE package_documents (
                import_id INTEGER NOT NULL REFERENCES package_imports(id),
                period TEXT NOT NULL,
                document TEXT NOT NULL,
                previous TEXT,
                applied INTEGER NOT NULL DEFAULT 0,
                PRIMARY KEY (import_id, period)
            )""",
            # At a ward office: what the district sent back, shown on the affected figures.
            """CREATE TABLE returned_notes (
                id INTEGER PRIMARY KEY,
                return_id TEXT NOT NULL,
                package_id TEXT NOT NULL,
                unit_uid TEXT NOT NULL,
                period TEXT NOT NULL,
                indicator TEXT NOT NULL DEFAULT '',
                reason TEXT NOT NULL,
                returned_at TEXT NOT NULL,
                returned_by TEXT NOT NULL,
                received_at TEXT NOT NULL,
                UNIQUE (return_id, period, indicator)
            )""",
        ],
    )
    # Figures stored before the log existed are its starting point, so that from now on
    # the log and the figures agree (audit verify compares them).
    _baseline_v1(db)


def _baseline_v1(db: Database) -> None:
    """Log every figure and base of a schema-1 file as a "baseline" row of the chain.

    Frozen with this step: the tables are read with their schema-1 columns, and the rows
    written in the log's format v1 (``store.audit``: each state as canonical JSON, each
    row's hash SHA-256 over the previous hash and the row), which the program verifies
    for as long as it reads such files.
    """
    cells: list[tuple[object, ...]] = []  # user, record, indicator, unit, period, kind, state
    for indicator, unit, period, num, scale, status, qualifier, comment, by in db.execute(
        "SELECT indicator, unit_uid, period, num, scale, status, qualifier, comment, "
        "updated_by FROM figure_values ORDER BY period, unit_uid, indicator"
    ).fetchall():
        state = {
            "comment": str(comment),
            "num": str(int(num)),
            "qualifier": str(qualifier) if qualifier else None,
            "scale": int(scale),
            "status": str(status),
        }
        cells.append((by, "value", indicator, unit, period, "", _canonical_v1(state)))
    for indicator, unit, period, kind, num, scale, comment, by in db.execute(
        "SELECT indicator, unit_uid, period, kind, num, scale, comment, updated_by "
        "FROM bases ORDER BY period, unit_uid, indicator, kind"
    ).fetchall():
        state = {"comment": str(comment), "num": str(int(num)), "scale": int(scale)}
        cells.append((by, "base", indicator, unit, period, kind, _canonical_v1(state)))
    at = datetime.now(UTC).isoformat()
    prev_hash = "0" * 64
    rows = []
    for row_id, (by, record, indicator, unit, period, kind, new) in enumerate(cells, 1):
        fields = [at, str(by), "baseline", record, str(indicator), str(unit), str(period)]
        fields += [str(kind), None, new, ""]  # kind, old, new, ref
        content = json.dumps(["v1", row_id, *fields], ensure_ascii=False, separators=(",", ":"))
        row_hash = hashlib.sha256(f"{prev_hash}\n{content}".encode()).hexdigest()
        rows.append((row_id, *fields, prev_hash, row_hash))
        prev_hash = row_hash
    db.conn.executemany(
        "INSERT INTO audit_log (id, at, user, how, record, indicator, unit_uid, period, kind, "
        "old, new, ref, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )


def _canonical_v1(state: Mapping[str, object]) -> str:
    return json.dumps(state, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


@migrations(name="0003_report_kinh_gui_appendix_note")
def m0003_report_kinh_gui_appendix_note(db: Database) -> None:
    """The report's addressees (Kính gửi, a JSON list like the recipients) and its
    sentence pointing to the appendices; existing documents get none and the default."""
    _run(
        db,
        [
            "ALTER TABLE documents ADD COLUMN kinh_gui TEXT NOT NULL DEFAULT '[]'",
            "ALTER TABLE documents ADD COLUMN appendix_note TEXT NOT NULL DEFAULT ''",
        ],
    )


def known_names() -> list[str]:
    return [m.name for m in migrations._migrations]


SCHEMA_VERSION = len(known_names())

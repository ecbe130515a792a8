"""Opening files: creation, pragmas, refusing what is not ours or too new, backups."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from hbt_desktop.store.file import connection as conn_mod
from hbt_desktop.store.file.connection import open_database
from hbt_desktop.store.file.errors import StoreError
from hbt_desktop.store.file.migrations import SCHEMA_VERSION, migrations


def test_new_file_is_created_migrated_and_durable(tmp_path: Path) -> None:
    db = open_database(tmp_path / "sub" / "a.db")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert {"units", "indicators", "figure_values", "bases", "documents"} <= set(db.table_names())


def test_foreign_keys_are_enforced(tmp_path: Path) -> None:
    db = open_database(tmp_path / "a.db")
    with pytest.raises(sqlite3.IntegrityError):
        db.execute(
            "INSERT INTO units (uid, code, name, kind, level, parent_uid) VALUES ('x','x','x','phường',3,'nope')"
        )


def test_a_file_from_a_newer_version_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    open_database(path).execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    before = path.read_bytes()
    with pytest.raises(StoreError) as err:
        open_database(path)
    assert err.value.key == "db.too_new"
    assert "cập nhật" in err.value.message.lower()
    assert path.read_bytes() == before


def test_unknown_applied_migration_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    db = open_database(path)
    db["_sqlite_migrations"].insert(
        {"migration_set": "hbt_desktop", "name": "9999_future", "applied_at": "2030-01-01"}
    )
    with pytest.raises(StoreError) as err:
        open_database(path)
    assert err.value.key == "db.too_new"


def test_a_non_sqlite_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "letter.db"
    path.write_bytes(b"Kinh gui anh chi" * 100)
    with pytest.raises(StoreError) as err:
        open_database(path)
    assert err.value.key == "db.not_sqlite"
    assert path.read_bytes() == b"Kinh gui anh chi" * 100


def test_another_programs_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    Database(path)["customers"].insert({"name": "x"})
    with pytest.raises(StoreError) as err:
        open_database(path)
    assert err.value.key == "db.not_ours"


def test_a_missing_file_is_not_created_when_asked_not_to(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as err:
        open_database(tmp_path / "none.db", create=False)
    assert err.value.key == "db.missing"
    assert not (tmp_path / "none.db").exists()


def test_a_backup_is_taken_before_migrating_existing_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.db"
    db = open_database(path)
    db.execute("INSERT INTO settings (key, value) VALUES ('k', 'giữ nguyên')")
    db.conn.close()

    @migrations(name="0999_test_only")
    def _extra(db: Database) -> None:
        db.execute("CREATE TABLE test_only (x)")

    try:
        monkeypatch.setattr(conn_mod, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
        monkeypatch.setattr(
            conn_mod, "known_names", lambda: [m.name for m in migrations._migrations]
        )
        reopened = open_database(path, backup_dir=tmp_path / "bk")
        assert "test_only" in reopened.table_names()
        backups = list((tmp_path / "bk").glob("old-*-migrate.db"))
        assert len(backups) == 1
        copy = sqlite3.connect(backups[0])
        assert (
            copy.execute("SELECT value FROM settings WHERE key='k'").fetchone()[0] == "giữ nguyên"
        )
        assert (
            copy.execute("SELECT name FROM sqlite_master WHERE name='test_only'").fetchone() is None
        )
    finally:
        migrations._migrations[:] = [
            m for m in migrations._migrations if m.name != "0999_test_only"
        ]

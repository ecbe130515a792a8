"""A file handed to restore, whatever it holds, is refused clearly or restored soundly.

Random bytes, a real backup garbled at random places, or truncated: either one
:class:`HbtError` with a registered message and the current database byte-for-byte and
row-for-row unchanged, or — when the garbling happened to leave a sound database of our
schema — a restore whose result passes ``integrity_check`` and whose "before" backup holds
exactly the previous data. The readers of backup manifests and lock files never fail on
any text.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from hypothesis.control import currently_in_test_context
from sqlite_utils import Database

from hbt_desktop.core.errors import HbtError
from hbt_desktop.store.file.backup import (
    create_backup,
    list_backups,
    manifest_path,
    read_backup,
)
from hbt_desktop.store.file.connection import open_database
from hbt_desktop.store.file.lock import LockHolder
from hbt_desktop.store.file.restore import restore_backup
from hbt_desktop.store.file.verify import inspect_file
from tests.conftest import db_digest

FUZZ = settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


class Template:
    """A small clerk database and the bytes of a good backup of it (short repr: hypothesis
    prints its arguments when a case fails)."""

    def __init__(self, path: Path, backup: bytes) -> None:
        self.path, self.backup = path, backup

    def __repr__(self) -> str:
        return f"Template({self.path.name}, {len(self.backup)} bytes)"


@pytest.fixture(scope="module")
def template() -> Iterator[Template]:
    from hbt_desktop.exchange.seed import load_reference

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "hbt.db"
        db = open_database(path)
        load_reference(db)
        info = create_backup(db, path, reason="manual")
        assert info is not None
        db.close()
        yield Template(path, info.path.read_bytes())


def _files_hash(path: Path) -> str:
    digest = hashlib.sha256()
    for suffix in ("", "-wal"):
        part = path.with_name(path.name + suffix)
        if part.exists():
            digest.update(part.read_bytes())
    return digest.hexdigest()


def _digest(path: Path) -> str:
    # A plain read-write connection: its close leaves no -wal or -shm behind.
    db = Database(sqlite3.connect(path))
    try:
        return db_digest(db)
    finally:
        db.close()


def _note(outcome: str) -> None:
    """Count outcomes (``--hypothesis-show-statistics``): both kinds must occur."""
    if currently_in_test_context():
        event(outcome)


def _try_restore(template: Template, candidate: bytes) -> None:
    source_db = template.path
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        path = work / "hbt.db"
        shutil.copyfile(source_db, path)
        before_rows, before_bytes = _digest(path), _files_hash(path)
        given_file = work / "incoming.db"
        given_file.write_bytes(candidate)
        try:
            result = restore_backup(path, given_file)
        except HbtError as err:
            _note(f"refused: {err.key}")
            vi, en = err.message_in("vi"), err.message_in("en")
            assert vi and en and not vi.startswith("[") and not en.startswith("[")
            assert "không bị thay đổi" in vi or "không thay được" in vi.lower()
            assert _files_hash(path) == before_bytes
            assert _digest(path) == before_rows
            assert list_backups(path) == []  # nothing made for a refused file
            # No temporary copy or half-made backup is left beside the database (the lock
            # file stays: it is emptied, never deleted).
            assert sorted(p.name for p in work.iterdir()) == [
                "hbt.db",
                "hbt.db.lock",
                "incoming.db",
            ]
            return
        # Accepted: a sound file of our schema, and the old data is kept as a backup.
        _note("restored")
        assert inspect_file(path, thorough=True).ok
        assert result.previous is not None
        assert _digest(result.previous.path) == before_rows


@FUZZ
@given(data=st.binary(max_size=20_000))
def test_random_bytes(template: Template, data: bytes) -> None:
    _try_restore(template, data)


@FUZZ
@given(data=st.binary(max_size=4000))
def test_random_bytes_behind_an_sqlite_header(template: Template, data: bytes) -> None:
    _try_restore(template, b"SQLite format 3\x00" + data)


@FUZZ
@given(st.data())
def test_a_real_backup_garbled(template: Template, data: st.DataObject) -> None:
    good = bytearray(template.backup)
    for _ in range(data.draw(st.integers(1, 8), label="changes")):
        at = data.draw(st.integers(0, len(good) - 1), label="offset")
        patch = data.draw(st.binary(min_size=1, max_size=64), label="bytes")
        good[at : at + len(patch)] = patch
    _try_restore(template, bytes(good))


@FUZZ
@given(cut=st.integers(0, 200_000))
def test_a_real_backup_truncated(template: Template, cut: int) -> None:
    _try_restore(template, template.backup[: cut % len(template.backup)])


def test_an_unchanged_backup_is_restored(template: Template) -> None:
    _try_restore(template, template.backup)


# -- the small readers --------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=300))
def test_lock_file_text_never_breaks_the_reader(text: str) -> None:
    holder = LockHolder.from_json(text)
    if holder is not None:
        assert holder.describe() and holder.describe("en")


JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner),
    max_leaves=12,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    manifest=st.one_of(
        st.text(max_size=200),
        JSONISH.map(repr),
        st.dictionaries(
            st.sampled_from(
                ["file", "size", "values", "units", "documents", "sha256", "schema_version"]
            ),
            JSONISH,
        ).map(lambda d: __import__("json").dumps(d, default=str)),
    )
)
def test_any_manifest_text_is_read_or_ignored(template: Template, manifest: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        backup = Path(folder) / "hbt-20250314-081500-000000-manual.db"
        backup.write_bytes(template.backup)
        manifest_path(backup).write_text(manifest, encoding="utf-8")
        info = read_backup(backup)
        assert info is not None
        assert info.summary() and info.summary("en")
        listed = list_backups(Path(folder).parent / "hbt.db", [Path(folder)])
        assert len(listed) == 1


@settings(max_examples=100, deadline=None)
@given(data=st.binary(max_size=5000))
def test_inspecting_any_file_never_raises(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "x.db"
        path.write_bytes(data)
        report = inspect_file(path, thorough=True)
        assert report.ok is False
        # Looking did not change it, nor leave anything beside it.
        assert path.read_bytes() == data
        assert [p.name for p in Path(folder).iterdir()] == ["x.db"]


def test_sqlite_is_hardened_against_hostile_schemas() -> None:
    # What the restore relies on: no extension loading from SQL, in this Python's SQLite.
    conn = sqlite3.connect(":memory:")
    with pytest.raises(sqlite3.OperationalError):
        conn.execute("SELECT load_extension('/tmp/x')")
    conn.close()


@FUZZ
@given(st.data())
def test_a_garbled_database_at_start_is_told_not_crashed(
    template: Template, data: st.DataObject
) -> None:
    """The clerk's own file damaged on disk: opening it says so (or works), nothing else."""
    from hbt_desktop.store.file.recovery import open_or_recover

    garbled = bytearray(template.backup)
    for _ in range(data.draw(st.integers(1, 6), label="changes")):
        at = data.draw(st.integers(0, len(garbled) - 1), label="offset")
        patch = data.draw(st.binary(min_size=1, max_size=256), label="bytes")
        garbled[at : at + len(patch)] = patch
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "hbt.db"
        path.write_bytes(bytes(garbled))
        try:
            opened = open_or_recover(path, start_backup=False)
        except HbtError as err:
            _note(f"refused: {err.key}")
            assert err.message_in("vi") and err.message_in("en")
            assert path.read_bytes() == bytes(garbled)  # told, never touched
            return
        _note("opened")
        opened.close(backup=False)

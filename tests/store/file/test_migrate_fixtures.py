"""Every database a released version wrote (tests/fixtures/schema-*.db) opens in this one:
migrated, backed up first, with every figure kept and the audit log starting from them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from hbt_desktop.store.audit import cell_history, verify_audit
from hbt_desktop.store.documents import list_documents, load_document
from hbt_desktop.store.file.connection import open_database, schema_state
from hbt_desktop.store.file.migrations import SCHEMA_VERSION, known_names
from hbt_desktop.store.file.verify import inspect_file
from hbt_desktop.store.values import all_values

FIXTURES = sorted((Path(__file__).parents[2] / "fixtures").glob("schema-*.db"))


def test_there_is_a_fixture_for_every_schema_before_this_one() -> None:
    released = {p.stem.removeprefix("schema-") for p in FIXTURES}
    assert released == set(known_names()[:-1])


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_an_old_database_is_migrated_with_its_figures_and_an_audit_baseline(
    fixture: Path, tmp_path: Path
) -> None:
    path = tmp_path / "old.db"
    shutil.copyfile(fixture, path)
    import sqlite3

    with sqlite3.connect(path) as old:
        before = sorted(
            old.execute(
                "SELECT indicator, unit_uid, period, num, scale, status, qualifier, comment "
                "FROM figure_values"
            ).fetchall()
        )
    assert before, "the fixture holds figures"
    db = open_database(path, backup_dir=tmp_path / "backups")
    user_version, applied = schema_state(db)
    assert (user_version, applied) == (SCHEMA_VERSION, known_names())
    after = sorted(
        db.execute(
            "SELECT indicator, unit_uid, period, num, scale, status, qualifier, comment "
            "FROM figure_values"
        ).fetchall()
    )
    assert after == before
    report = verify_audit(db)
    assert report.ok, report.problems
    assert report.rows >= len(before)
    value = all_values(db)[0]
    history = cell_history(db, value.indicator, value.unit_uid, value.period)
    if fixture.stem == "schema-0001_initial":
        # The log began with schema 0002: figures stored before it are its baseline.
        assert [h.how for h in history] == ["baseline"]
    else:
        # A file that had the log keeps it: its figures' history is what it recorded.
        assert history and history[-1].how != "baseline"
    # Documents keep every field; the report's newer fields start empty.
    for _, unit_uid, period in list_documents(db):
        doc = load_document(db, unit_uid, period)
        assert doc is not None and doc.sections
        assert (doc.kinh_gui, doc.appendix_note) == ((), "")
    db.close()
    assert list((tmp_path / "backups").glob("*.db")), "backed up before migrating"
    assert inspect_file(path).ok

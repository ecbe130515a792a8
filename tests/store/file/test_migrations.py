"""Migrations carry their own frozen SQL: a file made at any schema version upgrades to
this one with every figure kept, whatever the program's queries look like today."""

from __future__ import annotations

import ast
import sqlite3
import sys
from pathlib import Path

import pytest
from sqlite_utils import Database

import hbt_desktop.store.file.migrations as migrations_module
from hbt_desktop.store.audit import cell_history, verify_audit
from hbt_desktop.store.file.connection import open_database, schema_state
from hbt_desktop.store.file.migrations import SCHEMA_VERSION, known_names, migrations
from hbt_desktop.store.file.verify import inspect_file
from hbt_desktop.store.values import all_bases, all_values

# -- what a migration may use ----------------------------------------------------------------

ALLOWED = {"__future__", "sqlite_utils"}


def outside_imports(source: str) -> list[str]:
    """Modules a migration module imports (anywhere in it) other than the standard library
    and sqlite-utils' runner."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            names = ["." * node.level + (node.module or "")]
        else:
            continue
        for name in names:
            top = name.split(".")[0]
            if not top or (top not in sys.stdlib_module_names and top not in ALLOWED):
                found.append(name)
    return found


def test_migrations_use_only_the_standard_library_and_their_own_sql() -> None:
    source = Path(migrations_module.__file__).read_text(encoding="utf-8")
    assert outside_imports(source) == []
    # Nor by name at run time.
    assert "import_module" not in source
    assert "__import__" not in source


@pytest.mark.parametrize(
    "planted",
    [
        "from hbt_desktop.store.audit import baseline",
        "def m(db):\n    from hbt_desktop.store.values import all_values\n",
        "import hbt_desktop.core.values",
        "from . import audit",
        "from ..values import all_values",
    ],
)
def test_the_scan_finds_a_planted_import_of_live_code(planted: str) -> None:
    assert outside_imports(planted)


# -- a file at each version ------------------------------------------------------------------

# The SQL of schema 0001 as released: what a clerk's file of that version holds.
SCHEMA_1_DATA = [
    "INSERT INTO units (uid, code, name, kind, level, parent_uid) VALUES "
    "('T01', '01', 'Hà Nội', 'thành phố', 1, NULL), "
    "('Q007', '007', 'Hai Bà Trưng', 'quận', 2, 'T01'), "
    "('W00256-2025', '00256', 'Hai Bà Trưng', 'phường', 3, 'T01')",
    "INSERT INTO sectors (code, name) VALUES ('NS', 'Ngân sách')",
    "INSERT INTO base_kinds (code, name, short) VALUES ('DT_TP', 'Dự toán thành phố giao', 'DT')",
    "INSERT INTO indicators (code, name, sector, kind, aggregation) VALUES "
    "('NS_THU', 'Thu ngân sách', 'NS', 'money', 'sum'), "
    "('TANG_TRUONG', 'Tăng trưởng', 'NS', 'growth', 'none')",
    "INSERT INTO figure_values (indicator, unit_uid, period, num, scale, status, qualifier, "
    "comment, updated_by, updated_at) VALUES "
    "('NS_THU', 'Q007', '2023YTD02@20230215', 4115081000000, 0, 'thuc_hien', NULL, '', "
    "'Lan', '2023-02-16T01:00:00+00:00'), "
    "('TANG_TRUONG', 'Q007', '2023YTD02', -1233, 2, 'uoc', 'khoảng', 'số \"ước\"', "
    "'Lan', '2023-02-16T01:00:00+00:00'), "
    "('NS_THU', 'W00256-2025', '202507', 0, 0, 'du_kien', '', 'phường mới', '', "
    "'2025-08-01T01:00:00+00:00')",
    "INSERT INTO bases (indicator, unit_uid, period, kind, num, scale, comment, updated_by, "
    "updated_at) VALUES ('NS_THU', 'Q007', '2023', 'DT_TP', 12140000000000, 0, 'Số minh họa.', "
    "'Minh', '2023-01-05T01:00:00+00:00')",
    "INSERT INTO documents (unit_uid, period, title, updated_at) VALUES "
    "('Q007', '2023YTD02', 'Bản tin', '2023-02-16T01:00:00+00:00')",
]
FIGURES = (
    "SELECT indicator, unit_uid, period, num, scale, status, qualifier, comment FROM figure_values"
)
BASES = "SELECT indicator, unit_uid, period, kind, num, scale, comment FROM bases"


def _file_at(path: Path, version: int) -> None:
    """A file as the release of schema ``version`` left it, holding schema-1 data."""
    names = known_names()
    db = Database(sqlite3.connect(str(path)), execute_plugins=False)
    migrations.apply(db, stop_before=names[1:] or None)
    with db.conn:
        for statement in SCHEMA_1_DATA:
            db.execute(statement)
    migrations.apply(db, stop_before=names[version:] or None)
    db.execute(f"PRAGMA user_version = {version}")
    db.close()


@pytest.mark.parametrize("version", range(1, SCHEMA_VERSION + 1))
def test_a_file_of_each_schema_version_upgrades_with_every_figure(
    version: int, tmp_path: Path
) -> None:
    path = tmp_path / "old.db"
    _file_at(path, version)
    with sqlite3.connect(path) as old:
        figures, bases = sorted(old.execute(FIGURES)), sorted(old.execute(BASES))
    db = open_database(path, backup_dir=tmp_path / "backups")
    assert schema_state(db) == (SCHEMA_VERSION, known_names())
    assert sorted(db.execute(FIGURES).fetchall()) == figures
    assert sorted(db.execute(BASES).fetchall()) == bases
    report = verify_audit(db)
    assert report.ok, report.problems
    assert report.rows == len(figures) + len(bases)  # the baseline, nothing else
    for value in all_values(db):
        assert [h.how for h in cell_history(db, value.indicator, value.unit_uid, value.period)] == [
            "baseline"
        ]
    for base in all_bases(db):
        history = cell_history(db, base.indicator, base.unit_uid, base.period, kind=base.kind)
        assert [h.how for h in history] == ["baseline"]
        assert history[0].user == "Minh"  # the figure's own author: nobody typed it anew
    db.close()
    assert bool(list((tmp_path / "backups").glob("*.db"))) is (version < SCHEMA_VERSION)
    assert inspect_file(path).ok

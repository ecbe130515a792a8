"""Organisation units in and out: the shipped file, round trips, the tree's checks."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from sqlite_utils import Database

from hbt_desktop.core.errors import InputError
from hbt_desktop.core.resources import resource_path
from hbt_desktop.core.units import Portion, Predecessor
from hbt_desktop.exchange.rows import UNIT_COLUMNS
from hbt_desktop.exchange.units_io import export_units, import_units
from hbt_desktop.exchange.where import FileInputError
from hbt_desktop.store.units import load_units
from tests.exchange.conftest import digest

HEADER = ",".join(UNIT_COLUMNS)


def _units(db: Database) -> dict[str, object]:
    return {u.uid: u for u in load_units(db)}


def test_the_shipped_units_file_imports_as_it_is(empty_db: Database, ref_db: Database) -> None:
    report = import_units(empty_db, resource_path("reference", "units.csv"))
    assert (report.new, report.changed, report.unchanged) == (24, 0, 0)
    assert _units(empty_db) == _units(ref_db)


@pytest.mark.parametrize("fmt", ["csv", "json", "xlsx"])
def test_export_then_import_gives_the_same_units(
    ref_db: Database, empty_db: Database, fmt: str, tmp_path: Path
) -> None:
    path = tmp_path / f"units.{fmt}"
    assert export_units(ref_db, path) == 24
    assert import_units(empty_db, path).new == 24
    assert _units(empty_db) == _units(ref_db)
    before = digest(empty_db)
    assert import_units(empty_db, path).unchanged == 24
    assert digest(empty_db) == before


def test_json_units_keep_codes_and_links(ref_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "units.json"
    export_units(ref_db, path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    city = next(u for u in doc["units"] if u["uid"] == "T01")
    assert (city["code"], city["level"], city["parent_uid"], city["valid_to"]) == (
        "01",
        1,
        None,
        None,
    )
    ward = next(u for u in doc["units"] if u["uid"] == "W00283-2025")
    assert ward["predecessors"] == [
        {"uid": "P00268", "portion": "part", "share": None},
        {"uid": "P00283", "portion": "part", "share": None},
    ]


def _csv(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "units.csv"
    path.write_text("\n".join([HEADER, *lines]) + "\n", encoding="utf-8")
    return path


def test_shares_with_a_decimal_comma_and_link_order(ref_db: Database, tmp_path: Path) -> None:
    path = _csv(
        tmp_path,
        "W00283-2025,00283,Vĩnh Tuy,phường,3,T01,2025-07-01,,"
        '"P00283:part:0,6, P00268:part:0.25",Phường trực thuộc thành phố từ 01/7/2025.',
    )
    report = import_units(ref_db, path)
    assert report.changed == 1
    (change,) = report.changes
    assert change.key == "W00283-2025" and change.row == 2
    ward = load_units(ref_db).get("W00283-2025")
    assert set(ward.predecessors) == {
        Predecessor("P00268", Portion.PART, Decimal("0.25")),
        Predecessor("P00283", Portion.PART, Decimal("0.6")),
    }
    # The same links in another order are no change.
    path = _csv(
        tmp_path,
        "W00283-2025,00283,Vĩnh Tuy,phường,3,T01,2025-07-01,,"
        '"P00268:part:0.25; P00283:part:0.6",Phường trực thuộc thành phố từ 01/7/2025.',
    )
    assert import_units(ref_db, path).unchanged == 1


@pytest.mark.parametrize(
    ("line", "key", "row", "column"),
    [
        ("X1,1,Thử,phường,3,,,,P9:whole,", "unit.unknown_parent", 2, "predecessors"),
        ("X1,1,Thử,phường,9,T01,,,,", "unit.bad_level", 2, "level"),
        ("X1,1,Thử,phường,ba,T01,,,,", "rows.bad_integer", 2, "level"),
        ("X1,1,Thử,làng,3,T01,,,,", "unit.bad_kind", 2, "kind"),
        ("X1,1,Thử,phường,3,T01,2026-01-01,2025-01-01,,", "unit.bad_interval", 2, ""),
        ("X1,1,Thử,phường,3,T01,,,P00241:maybe,", "rows.bad_predecessor", 2, "predecessors"),
        ("X1,1,Thử,phường,3,T01,,,P00241:part:NaN,", "rows.bad_predecessor", 2, "predecessors"),
        ("X1,1,,phường,3,T01,,,,", "unit.missing_field", 2, "name"),
        ("T01,01,Hà Nội,thành phố,1,Q007,,,,", "unit.cycle", 2, "parent_uid"),
    ],
)
def test_bad_units_are_refused_in_place(
    ref_db: Database, tmp_path: Path, line: str, key: str, row: int, column: str
) -> None:
    before = digest(ref_db)
    with pytest.raises(FileInputError) as caught:
        import_units(ref_db, _csv(tmp_path, line))
    assert (caught.value.key, caught.value.where.row, caught.value.where.column) == (
        key,
        row,
        column,
    )
    assert digest(ref_db) == before


def test_a_code_must_be_a_string_in_json(empty_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "units.json"
    path.write_text(
        '{"units": [{"uid": "T01", "code": 1, "name": "Hà Nội", "kind": "thành phố"}]}',
        encoding="utf-8",
    )
    with pytest.raises(InputError) as caught:
        import_units(empty_db, path)
    assert caught.value.key == "json.bad_type"


def test_a_dry_run_changes_nothing(ref_db: Database, tmp_path: Path) -> None:
    path = _csv(tmp_path, "W99999-2026,99999,Thử,phường,3,T01,2026-01-01,,,")
    before = digest(ref_db)
    report = import_units(ref_db, path, dry_run=True)
    assert (report.new, report.dry_run) == (1, True)
    assert digest(ref_db) == before

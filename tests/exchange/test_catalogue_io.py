"""The indicator catalogue in and out: the shipped files, round trips, placed refusals."""

from __future__ import annotations

import csv
import json
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from sqlite_utils import Database

from hbt_desktop.core.catalogue import IndicatorKind
from hbt_desktop.core.errors import InputError
from hbt_desktop.core.resources import resource_path
from hbt_desktop.exchange.catalogue_io import COMBINED_COLUMNS, export_catalogue, import_catalogue
from hbt_desktop.exchange.rows import INDICATOR_COLUMNS
from hbt_desktop.exchange.where import FileInputError
from hbt_desktop.store.catalogue import load_catalogue
from tests.exchange.conftest import digest

REFERENCE = ("sectors.csv", "base_kinds.csv", "indicators.csv")


def test_the_shipped_reference_files_import_as_they_are(
    empty_db: Database, ref_db: Database
) -> None:
    for name in REFERENCE:
        report = import_catalogue(empty_db, resource_path("reference", name))
        assert report.changed == report.unchanged == 0
    assert load_catalogue(empty_db) == load_catalogue(ref_db)
    again = import_catalogue(empty_db, resource_path("reference", "indicators.csv"))
    assert (again.new, again.changed, again.unchanged) == (0, 0, 30)


@pytest.mark.parametrize("fmt", ["csv", "json", "xlsx"])
def test_export_then_import_gives_the_same_catalogue(
    ref_db: Database, empty_db: Database, fmt: str, tmp_path: Path
) -> None:
    path = tmp_path / f"catalogue.{fmt}"
    count = export_catalogue(ref_db, path)
    assert count == 12 + 7 + 30
    report = import_catalogue(empty_db, path)
    assert report.new == count
    assert {k: (c.new, c.changed) for k, c in report.by_record.items()} == {
        "sector": (12, 0),
        "base_kind": (7, 0),
        "indicator": (30, 0),
    }
    assert load_catalogue(empty_db) == load_catalogue(ref_db)
    before = digest(empty_db)
    assert import_catalogue(empty_db, path).unchanged == count
    assert digest(empty_db) == before


def test_export_formats(ref_db: Database, tmp_path: Path) -> None:
    combined = tmp_path / "catalogue.csv"
    export_catalogue(ref_db, combined)
    rows = list(csv.DictReader(combined.read_text(encoding="utf-8-sig").splitlines()))
    assert tuple(rows[0]) == COMBINED_COLUMNS
    assert {r["record"] for r in rows} == {"sector", "base_kind", "indicator"}
    single = tmp_path / "only.csv"
    assert export_catalogue(ref_db, single, entity="indicators") == 30
    header = single.read_text(encoding="utf-8-sig").splitlines()[0]
    assert header == ",".join(INDICATOR_COLUMNS)  # the shipped file's format
    doc_path = tmp_path / "catalogue.json"
    export_catalogue(ref_db, doc_path)
    doc = json.loads(doc_path.read_text(encoding="utf-8"))
    growth = next(i for i in doc["indicators"] if i["code"] == "NS_THU_DIA_BAN")
    assert growth["comparisons"] == ["growth", "index", "share"]
    assert (growth["decimals"], growth["retired_from"]) == (0, None)
    export_catalogue(ref_db, tmp_path / "c.xlsx")
    book = openpyxl.load_workbook(tmp_path / "c.xlsx")
    assert book.sheetnames == ["sectors", "base_kinds", "indicators", "Hướng dẫn"]


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_a_combined_file_with_a_record_column(empty_db: Database, tmp_path: Path) -> None:
    path = _write(
        tmp_path / "danh-muc.csv",
        "record,code,name,sector,kind,short,position\n"
        "sector,DT,Đô thị,,,,5\n"
        "base_kind,DT_HDND_P,dự toán HĐND phường giao,,,dự toán,\n"
        "indicator,DT_CAY_XANH,Cây xanh trồng mới,DT,number,,1\n",
    )
    report = import_catalogue(empty_db, path)
    assert report.new == 3
    cat = load_catalogue(empty_db)
    assert cat.indicators["DT_CAY_XANH"].sector == "DT"
    assert cat.base_kinds["DT_HDND_P"].short == "dự toán"


@pytest.mark.parametrize(
    ("text", "key", "row", "column"),
    [
        ("record,code,name\nthing,X,Y\n", "catalogue_io.bad_record", 2, "record"),
        ("record,code,name,kind\nsector,X,Y,money\n", "catalogue_io.foreign_cell", 2, "kind"),
        ("record,code,name\nindicator,X,Y\n", "table.missing_column", None, ""),
        ("record,code,name,colour\nsector,X,Y,\n", "table.unknown_column", None, ""),
        ("record,code,name\nsector,x y,Y\n", "catalogue.bad_code", 2, "code"),
        ("record,code,name\nsector,A,Y\nsector,A,Z\n", "entities.duplicate", 3, ""),
        ("record,code,name,position\nsector,A,Y,đầu\n", "rows.bad_integer", 2, "position"),
        (
            "record,code,name,retired_from\nsector,A,Y,2/15/2025\n",
            "date.us_order",
            2,
            "retired_from",
        ),
        (
            "record,code,name,sector,kind\nindicator,A,Y,NS_THU,tiền\n",
            "catalogue.bad_choice",
            2,
            "kind",
        ),
        ("record,code,name\nsector,A,\n", "catalogue.missing_field", 2, "name"),
    ],
)
def test_bad_rows_are_refused_in_place(
    ref_db: Database,
    tmp_path: Path,
    text: str,
    key: str,
    row: int | None,
    column: str,
) -> None:
    before = digest(ref_db)
    with pytest.raises(FileInputError) as caught:
        import_catalogue(ref_db, _write(tmp_path / "c.csv", text))
    assert (caught.value.key, caught.value.where.row, caught.value.where.column) == (
        key,
        row,
        column,
    )
    assert digest(ref_db) == before


def test_what_a_file_holds_comes_from_the_caller_or_its_name(
    empty_db: Database, tmp_path: Path
) -> None:
    text = "code,name\nDT,Đô thị\n"
    with pytest.raises(InputError) as caught:
        import_catalogue(empty_db, _write(tmp_path / "moi.csv", text))
    assert caught.value.key == "catalogue_io.which_entity"
    assert import_catalogue(empty_db, tmp_path / "moi.csv", entity="sectors").new == 1
    assert import_catalogue(empty_db, _write(tmp_path / "base_kinds-2026.csv", text)).new == 1
    assert "DT" in load_catalogue(empty_db).base_kinds
    with pytest.raises(InputError) as unknown:
        import_catalogue(empty_db, tmp_path / "moi.csv", entity="colours")
    assert unknown.value.key == "catalogue_io.unknown_entity"


def test_an_indicator_with_figures_cannot_change_kind(full_db: Database, tmp_path: Path) -> None:
    cat = load_catalogue(full_db)
    path = tmp_path / "indicators.csv"
    export_catalogue(full_db, path, entity="indicators")
    text = path.read_text(encoding="utf-8-sig")
    path.write_text(
        text.replace(
            "NS_THU_DIA_BAN,Tổng thu ngân sách trên địa bàn,NS_THU,money",
            "NS_THU_DIA_BAN,Tổng thu ngân sách trên địa bàn,NS_THU,number",
        ),
        encoding="utf-8",
    )
    before = digest(full_db)
    with pytest.raises(FileInputError) as caught:
        import_catalogue(full_db, path)
    assert (caught.value.key, caught.value.where.column) == ("catalogue.kind_change", "kind")
    row = caught.value.where.row
    assert row is not None and path.read_text(encoding="utf-8").splitlines()[row - 1].startswith(
        "NS_THU_DIA_BAN,"
    )
    assert digest(full_db) == before
    # The same change on an indicator without figures is fine, and is reported old → new.
    assert cat.indicators["DTC_DU_AN_KHOI_CONG"].kind is IndicatorKind.NUMBER
    quiet = text.replace(
        "DTC_DU_AN_KHOI_CONG,Dự án khởi công mới,DTC,number",
        "DTC_DU_AN_KHOI_CONG,Dự án khởi công mới,DTC,money",
    )
    path.write_text(quiet, encoding="utf-8")
    report = import_catalogue(full_db, path, dry_run=True)
    assert report.changed == 1
    (change,) = report.changes
    assert change.old is not None and change.old.kind is IndicatorKind.NUMBER  # type: ignore[union-attr]
    assert change.new.kind is IndicatorKind.MONEY  # type: ignore[union-attr]
    assert digest(full_db) == before


def test_json_catalogue_types(empty_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "c.json"
    doc = {
        "sectors": [{"code": "DT", "name": "Đô thị", "position": 1, "retired_from": None}],
        "indicators": [
            {
                "code": "DT_TY_LE",
                "name": "Tỷ lệ hộ dùng nước sạch",
                "sector": "DT",
                "kind": "percent",
                "decimals": 1,
                "comparisons": ["points"],
            }
        ],
    }
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert import_catalogue(empty_db, path).new == 2
    assert load_catalogue(empty_db).indicators["DT_TY_LE"].decimals == 1
    doc["sectors"][0]["position"] = Decimal(1)  # type: ignore[index]
    path.write_text(json.dumps(doc, default=lambda d: 1.5), encoding="utf-8")
    with pytest.raises(FileInputError) as caught:
        import_catalogue(empty_db, path)
    assert (caught.value.key, caught.value.where.row, caught.value.where.column) == (
        "json.bad_type",
        1,
        "position",
    )
    assert "mục thứ 1 trong «sectors», khóa «position»" in caught.value.message_in("vi")

"""A ward directly under the city in 2026 — new units, new indicators, new kind of base,
new periods — set up entirely from files, with no code change."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from sqlite_utils import Database

from hbt_desktop.core.errors import InputError
from hbt_desktop.core.periods import Period, parse_period
from hbt_desktop.core.values import Status
from hbt_desktop.exchange.catalogue_io import import_catalogue
from hbt_desktop.exchange.units_io import import_units
from hbt_desktop.exchange.values_io import export_values, import_values
from hbt_desktop.store.catalogue import load_catalogue
from hbt_desktop.store.units import load_units
from hbt_desktop.store.values import all_bases, all_values, get_base, get_value
from tests.exchange.conftest import digest

UNITS = {
    "units": [
        {"uid": "T01", "code": "01", "name": "Hà Nội", "kind": "thành phố", "level": 1},
        {
            "uid": "Q007",
            "code": "007",
            "name": "Hai Bà Trưng",
            "kind": "quận",
            "level": 2,
            "parent_uid": "T01",
            "valid_to": "2025-06-30",
        },
        *(
            {
                "uid": f"P{code}",
                "code": code,
                "name": name,
                "kind": "phường",
                "level": 3,
                "parent_uid": "Q007",
                "valid_from": "2020-01-01",
                "valid_to": "2025-06-30",
            }
            for code, name in (("00283", "Vĩnh Tuy"), ("00268", "Thanh Lương"))
        ),
        {
            "uid": "W00283-2025",
            "code": "00283",
            "name": "Vĩnh Tuy",
            "kind": "phường",
            "level": 3,
            "parent_uid": "T01",
            "valid_from": "2025-07-01",
            "predecessors": [
                {"uid": "P00283", "portion": "part", "share": "0.7"},
                {"uid": "P00268", "portion": "part", "share": None},
            ],
            "note": "Phường trực thuộc thành phố từ 01/7/2025.",
        },
    ]
}

CATALOGUE = {
    "sectors": [
        ["code", "name", "position"],
        ["NS_PH", "Ngân sách phường", 10],
        ["DT", "Đô thị", 20],
    ],
    "base_kinds": [
        ["code", "name", "short", "assigner", "position"],
        ["DT_HDND_P", "dự toán HĐND phường giao", "dự toán", "HĐND phường", 10],
    ],
    "indicators": [
        ["code", "name", "sector", "kind", "unit_label", "decimals", "pct_decimals", "comparisons"],
        ["PH_THU_NS", "Tổng thu ngân sách phường", "NS_PH", "money", "đồng", 0, 1, "share growth"],
        ["PH_CAY_XANH", "Cây xanh trồng mới", "DT", "number", "cây", 0, 0, "growth"],
        ["PH_TANG_TRUONG", "Tăng trưởng thương mại - dịch vụ", "DT", "growth", "%", 2, 2, ""],
    ],
}

VALUES = """dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,storedby,lastupdated,comment,followup,status,qualifier,decimals
PH_THU_NS,2026YTD02@20260215,W00283-2025,default,default,48250000000,cán bộ phường,,,false,thuc_hien,trên,0
PH_THU_NS,2026Q1,W00283-2025,default,default,71000000000,cán bộ phường,,,false,uoc,,0
PH_THU_NS,2026,W00283-2025,BASE:DT_HDND_P,default,260000000000,cán bộ phường,,Dự toán đầu năm,false,,,0
PH_CAY_XANH,2026Q1,W00283-2025,default,default,120,cán bộ phường,,,false,thuc_hien,,0
PH_TANG_TRUONG,2026Q1,W00283-2025,default,default,-0.50,cán bộ phường,,,false,uoc,,2
"""


def _catalogue_workbook(path: Path) -> None:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in CATALOGUE.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(path)


def test_a_2026_ward_from_files_alone(empty_db: Database, tmp_path: Path) -> None:
    db = empty_db
    units, catalogue, values = tmp_path / "units.json", tmp_path / "cat.xlsx", tmp_path / "v.csv"
    units.write_text(json.dumps(UNITS, ensure_ascii=False), encoding="utf-8")
    _catalogue_workbook(catalogue)
    values.write_text(VALUES, encoding="utf-8")

    assert import_units(db, units).new == 5
    assert import_catalogue(db, catalogue).new == 6
    assert import_values(db, values).new == 5

    ward = load_units(db).get("W00283-2025")
    assert (ward.parent_uid, ward.full_name) == ("T01", "phường Vĩnh Tuy")
    assert load_catalogue(db).base_kinds["DT_HDND_P"].assigner == "HĐND phường"
    cut = get_value(db, "PH_THU_NS", "W00283-2025", parse_period("2026YTD02@20260215"))
    assert cut is not None
    assert (cut.amount, cut.qualifier, cut.status) == (
        Decimal(48_250_000_000),
        "trên",
        Status.THUC_HIEN,
    )
    fall = get_value(db, "PH_TANG_TRUONG", "W00283-2025", Period.quarter(2026, 1))
    assert fall is not None and (fall.amount, fall.decimals) == (Decimal("-0.50"), 2)
    base = get_base(db, "PH_THU_NS", "W00283-2025", Period.year_of(2026), "DT_HDND_P")
    assert base is not None and base.comment == "Dự toán đầu năm"

    # And back out, in DHIS2 shape, for the ward and the first quarter only.
    out = tmp_path / "out.json"
    assert export_values(db, out, unit_uids=["W00283-2025"], periods=["2026Q1"]) == 3
    assert len(all_values(db)) == 4 and len(all_bases(db)) == 1


def test_the_old_ward_takes_no_2026_figures(empty_db: Database, tmp_path: Path) -> None:
    units = tmp_path / "units.json"
    units.write_text(json.dumps(UNITS, ensure_ascii=False), encoding="utf-8")
    import_units(empty_db, units)
    catalogue = tmp_path / "cat.xlsx"
    _catalogue_workbook(catalogue)
    import_catalogue(empty_db, catalogue)
    values = tmp_path / "v.csv"
    values.write_text(VALUES.replace("2026Q1,W00283-2025", "2026Q1,P00283"), encoding="utf-8")
    before = digest(empty_db)
    with pytest.raises(InputError) as caught:
        import_values(empty_db, values)
    assert caught.value.key == "values.unit_not_valid"
    assert "Phường Vĩnh Tuy (P00283)" in caught.value.message_in("vi")
    assert digest(empty_db) == before

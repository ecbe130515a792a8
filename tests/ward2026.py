"""A ward directly under the city in 2026, brought in from files as a clerk would: a
catalogue of its own, its unit record with the predecessors' shares, and values of
several kinds (decimal tỷ, nghìn tỷ, a qualifier, an estimate, falls and an index)."""

from __future__ import annotations

import json
from pathlib import Path

from hbt_desktop.cli import main

HEADER = (
    "dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,storedby,"
    "lastupdated,comment,followup,status,qualifier,decimals"
)


def _row(
    indicator: str,
    period: str,
    unit: str,
    value: str,
    *,
    category: str = "default",
    status: str = "thuc_hien",
    qualifier: str = "",
) -> str:
    status = "" if category != "default" else status
    return f"{indicator},{period},{unit},{category},default,{value},phường,,,false,{status},{qualifier},"


def write_ward_files(folder: Path) -> dict[str, Path]:
    """The three files and a fourth that changes one figure (change.csv)."""
    catalogue = {
        "sectors": [{"code": "KT_PHUONG", "name": "Kinh tế phường", "position": "5"}],
        "base_kinds": [
            {"code": "DT_PHUONG", "name": "dự toán thành phố giao cho phường", "short": "dự toán"}
        ],
        "indicators": [
            {
                "code": "DV_DOANH_THU",
                "name": "Doanh thu dịch vụ trên địa bàn",
                "sector": "KT_PHUONG",
                "kind": "money",
                "decimals": "3",
                "pct_decimals": "1",
                "aggregation": "sum",
                "comparisons": "share growth",
                "money_style": "ty_decimal",
                "position": "1",
            },
            {
                "code": "VON_DAU_TU",
                "name": "Tổng vốn đầu tư xã hội",
                "sector": "KT_PHUONG",
                "kind": "money",
                "decimals": "1",
                "aggregation": "sum",
                "comparisons": "",
                "money_style": "nghin_ty",
                "position": "2",
            },
            {
                "code": "THU_PHUONG",
                "name": "Thu ngân sách trên địa bàn phường",
                "sector": "KT_PHUONG",
                "kind": "money",
                "aggregation": "sum",
                "comparisons": "",
                "money_style": "ty",
                "position": "3",
            },
            {
                "code": "HO_KINH_DOANH",
                "name": "Hộ kinh doanh đang hoạt động",
                "sector": "KT_PHUONG",
                "kind": "number",
                "unit_label": "hộ",
                "pct_decimals": "2",
                "aggregation": "sum",
                "comparisons": "growth",
                "position": "4",
            },
            {
                "code": "LUOT_KHACH",
                "name": "Lượt khách tham quan phố đi bộ",
                "sector": "KT_PHUONG",
                "kind": "number",
                "unit_label": "nghìn lượt",
                "pct_decimals": "1",
                "aggregation": "sum",
                "comparisons": "index",
                "position": "5",
            },
        ],
    }
    (folder / "catalogue.json").write_text(
        json.dumps(catalogue, ensure_ascii=False), encoding="utf-8"
    )
    # The city published how the old wards were split: shares make last year computable.
    (folder / "units.csv").write_text(
        "uid,code,name,kind,level,parent_uid,valid_from,valid_to,predecessors,note\n"
        "W00283-2025,00283,Vĩnh Tuy,phường,3,T01,2025-07-01,,"
        "P00283:part:0.8; P00268:part:0.3,Phường trực thuộc thành phố từ 01/7/2025.\n",
        encoding="utf-8",
    )
    rows = [
        HEADER,
        _row("DV_DOANH_THU", "2026Q1", "W00283-2025", "70759000000"),
        _row("DV_DOANH_THU", "2026", "W00283-2025", "250000000000", category="BASE:DT_PHUONG"),
        _row("VON_DAU_TU", "2026Q1", "W00283-2025", "4600000000000", status="uoc"),
        _row("THU_PHUONG", "2026Q1", "W00283-2025", "7743000000000", qualifier="trên"),
        _row("HO_KINH_DOANH", "2026Q1", "W00283-2025", "790"),
        _row("LUOT_KHACH", "2026Q1", "W00283-2025", "627"),
        # Last year the ward did not exist: its predecessors' figures are used.
        _row("HO_KINH_DOANH", "2025Q1", "P00283", "700"),
        _row("HO_KINH_DOANH", "2025Q1", "P00268", "800"),
        _row("LUOT_KHACH", "2025Q1", "P00283", "400"),
        _row("LUOT_KHACH", "2025Q1", "P00268", "600"),
    ]
    (folder / "values.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (folder / "change.csv").write_text(
        HEADER + "\n" + _row("HO_KINH_DOANH", "2026Q1", "W00283-2025", "900") + "\n",
        encoding="utf-8",
    )
    return {p.stem: p for p in folder.iterdir()}


def make_ward_db(files: dict[str, Path], db: Path) -> Path:
    """A database holding only the ward's catalogue, units and values, by the CLI."""
    for what, name in (("catalogue", "catalogue"), ("units", "units"), ("values", "values")):
        assert main(["import", what, str(files[name]), "--db", str(db)]) == 0
    return db

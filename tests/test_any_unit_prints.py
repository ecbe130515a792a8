"""Figures of another unit and period — a ward directly under the city in 2026 — with a
catalogue, unit data and values brought in from files, print correctly with no code
change; and changing one figure through an import changes every sentence, table and
the fingerprint."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from hbt_desktop.cli import main

HEADER = (
    "dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,storedby,"
    "lastupdated,comment,followup,status,qualifier,decimals"
)


def _text(pdf: Path) -> str:
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(pdf).pages))


def _fingerprint(pdf: Path) -> str:
    found = re.search(r"Mã số liệu: ([0-9A-F-]{14})", PdfReader(pdf).pages[0].extract_text())
    assert found
    return found.group(1)


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


@pytest.fixture(scope="module")
def ward_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("files")
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


@pytest.fixture(scope="module")
def ward_db(ward_files: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("db") / "ward.db"
    for what, name in (("catalogue", "catalogue"), ("units", "units"), ("values", "values")):
        assert main(["import", what, str(ward_files[name]), "--db", str(db)]) == 0
    return db


def _print(db: Path, command: str, out: Path) -> str:
    assert (
        main(
            [
                command,
                "--db",
                str(db),
                "--out",
                str(out),
                "--unit",
                "00283",
                "--period",
                "quý I/2026",
            ]
        )
        == 0
    )
    return _text(out)


@pytest.mark.parametrize("command", ["bulletin", "report"])
def test_a_2026_ward_prints_every_kind_of_wording(
    ward_db: Path, tmp_path: Path, command: str
) -> None:
    text = _print(ward_db, command, tmp_path / f"{command}.pdf")
    for phrase in (
        "70,759 tỷ đồng",  # decimal tỷ
        "4,6 nghìn tỷ đồng",  # nghìn tỷ
        "trên 7.743 tỷ đồng",  # the clerk's qualifier
        "giảm 1,25% so với cùng kỳ",  # a fall, from the predecessors' figures
        "bằng 125,4% so với cùng kỳ",  # an index
        "đạt 28,3% so với dự toán thành phố giao cho phường",
        "quý I/2026",
    ):
        assert phrase in text, phrase
    assert "tăng -" not in text and "[thiếu" not in text


def test_the_report_is_issued_by_the_ward_and_footnotes_the_merger(
    ward_db: Path, tmp_path: Path
) -> None:
    note = (
        "được tính từ số liệu của các đơn vị trước khi sắp xếp: phường Thanh Lương, phường Vĩnh Tuy"
    )
    text = _print(ward_db, "report", tmp_path / "r.pdf")
    assert "PHƯỜNG VĨNH TUY" in text
    assert "QUẬN" not in text  # no district level in 2026
    assert note in text
    assert note in _print(ward_db, "bulletin", tmp_path / "b.pdf")


def test_changing_one_figure_by_import_changes_every_use_and_the_fingerprint(
    ward_db: Path, ward_files: dict[str, Path], tmp_path: Path
) -> None:
    before = {c: _print(ward_db, c, tmp_path / f"before-{c}.pdf") for c in ("bulletin", "report")}
    prints_before = {c: _fingerprint(tmp_path / f"before-{c}.pdf") for c in ("bulletin", "report")}
    assert main(["import", "values", str(ward_files["change"]), "--db", str(ward_db)]) == 0
    after = {c: _print(ward_db, c, tmp_path / f"after-{c}.pdf") for c in ("bulletin", "report")}
    for command in ("bulletin", "report"):
        assert "giảm 1,25% so với cùng kỳ" in before[command]
        assert "giảm 1,25%" not in after[command]
        assert "tăng 12,50% so với cùng kỳ" in after[command]  # 900 against 800
        assert "900 hộ" in after[command] and "790 hộ" not in after[command]
        assert _fingerprint(tmp_path / f"after-{command}.pdf") != prints_before[command]
    # The report's appendix table carries the new figure too.
    assert after["report"].count("900") >= 2  # in the sentence and in Phụ lục I

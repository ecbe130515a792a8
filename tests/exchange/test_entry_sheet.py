"""The entry sheet: exported with Vietnamese headings, last year's figures and locked
computed columns without formulas; imported back all or nothing, with an error report
beside the file, or only the valid rows when the clerk asks."""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from sqlite_utils import Database

from hbt_desktop.core.periods import parse_period
from hbt_desktop.core.values import Status, Value
from hbt_desktop.exchange.entry_sheet import (
    COLUMNS,
    SHEET,
    export_entry_sheet,
    import_entry_sheet,
    report_path,
)
from hbt_desktop.store.audit import cell_history
from hbt_desktop.store.values import get_value
from hbt_desktop.store.writes import write_value, write_values
from tests.conftest import db_digest

Q1 = parse_period("2023Q1")
UNIT = "P00241"


@pytest.fixture
def sheet(db: Database, tmp_path: Path) -> Path:
    write_values(
        db,
        [
            Value("NS_THU_DIA_BAN", UNIT, parse_period("2022Q1"), Decimal(2_000_000_000)),
            Value("DN_THANH_LAP", UNIT, parse_period("2022Q1"), Decimal(40)),
            Value("DN_THANH_LAP", UNIT, Q1, Decimal(50), comment="sổ đăng ký"),
        ],
    )
    path = tmp_path / "nhap.xlsx"
    assert export_entry_sheet(db, path, UNIT, Q1) > 10
    return path


def _rows(path: Path) -> dict[str, dict[str, object]]:
    book = openpyxl.load_workbook(path)
    ws = book[SHEET]
    header = [c.value for c in ws[1]]
    return {
        str(r[1].value): dict(zip(header, r, strict=True))  # type: ignore[misc]
        for r in ws.iter_rows(min_row=2)
    }


def test_the_exported_sheet(sheet: Path) -> None:
    book = openpyxl.load_workbook(sheet)
    ws = book[SHEET]
    assert tuple(c.value for c in ws[1]) == COLUMNS
    assert ws.protection.sheet
    rows = _rows(sheet)
    money = rows["NS_THU_DIA_BAN"]
    assert money["Cùng kỳ năm trước"].value == 2_000_000_000  # type: ignore[union-attr]
    assert money["Đơn vị tính"].value == "đồng"  # type: ignore[union-attr]
    count = rows["DN_THANH_LAP"]
    assert count["Số liệu kỳ này"].value == 50  # type: ignore[union-attr]
    assert count["So cùng kỳ (%)"].value == 125  # type: ignore[union-attr]  # computed, not a formula
    for row in rows.values():
        for name, cell in row.items():
            assert not (isinstance(cell.value, str) and cell.value.startswith("=")), name  # type: ignore[union-attr]
            assert cell.protection.locked == (
                name not in ("Số liệu kỳ này", "Tình trạng", "Ghi chú")
            ), name  # type: ignore[union-attr]


def _fill(path: Path, entries: dict[str, tuple[object, ...]]) -> None:
    book = openpyxl.load_workbook(path)
    ws = book[SHEET]
    for row in ws.iter_rows(min_row=2):
        code = row[1].value
        if code in entries:
            for offset, value in enumerate(entries[code]):
                row[5 + offset].value = value
    book.save(path)


def test_a_valid_sheet_is_stored_with_typed_vietnamese_numbers(db: Database, sheet: Path) -> None:
    _fill(
        sheet,
        {
            "NS_THU_DIA_BAN": ("4.115 tỷ 081 triệu", "ước thực hiện", "theo Kho bạc"),
            "CNXD_TANG_TRUONG": ("12,33",),
            "DN_THANH_LAP": (55,),
            "QS_GIAO_QUAN": ("trên 20",),
        },
    )
    result = import_entry_sheet(db, sheet, user="lan")
    assert result.errors == [] and result.stored == 4
    money = get_value(db, "NS_THU_DIA_BAN", UNIT, Q1)
    assert money is not None and money.amount == 4_115_081_000_000
    assert (money.status, money.comment) == (Status.UOC, "theo Kho bạc")
    growth = get_value(db, "CNXD_TANG_TRUONG", UNIT, Q1)
    assert growth is not None and (growth.amount, growth.decimals) == (Decimal("12.33"), 2)
    assert get_value(db, "QS_GIAO_QUAN", UNIT, Q1).qualifier == "trên"  # type: ignore[union-attr]
    assert [h.how for h in cell_history(db, "NS_THU_DIA_BAN", UNIT, Q1)] == ["entry_sheet"]
    assert not report_path(sheet).exists()
    again = import_entry_sheet(db, sheet, user="lan")
    assert again.stored == 0  # the same sheet again changes nothing


def test_one_bad_row_stores_nothing_and_writes_the_report(db: Database, sheet: Path) -> None:
    _fill(
        sheet,
        {
            "NS_THU_DIA_BAN": ("4.115",),  # ambiguous: refused, never guessed
            "DN_THANH_LAP": (60, "chưa rõ"),
            "QS_GIAO_QUAN": (21,),
        },
    )
    before = db_digest(db)
    result = import_entry_sheet(db, sheet, user="lan")
    assert db_digest(db) == before
    assert sorted((e.code, e.column) for e in result.errors) == [
        ("DN_THANH_LAP", "Tình trạng"),
        ("NS_THU_DIA_BAN", "Số liệu kỳ này"),
    ]
    assert "chưa lưu gì" in result.summary()
    with result.report.open(encoding="utf-8-sig") as fh:  # type: ignore[union-attr]
        lines = list(csv.reader(fh))
    assert lines[0] == ["Dòng", "Mã chỉ tiêu", "Cột", "Lỗi"]
    assert {line[1] for line in lines[1:]} == {"NS_THU_DIA_BAN", "DN_THANH_LAP"}
    assert all(int(line[0]) > 1 and line[3] for line in lines[1:])
    # The clerk chooses to take the valid rows only.
    taken = import_entry_sheet(db, sheet, user="lan", take_valid_rows=True)
    assert taken.stored == 1
    assert get_value(db, "QS_GIAO_QUAN", UNIT, Q1).amount == 21  # type: ignore[union-attr]
    assert get_value(db, "NS_THU_DIA_BAN", UNIT, Q1) is None


def test_money_with_fractions_and_negative_counts_are_refused(db: Database, sheet: Path) -> None:
    _fill(sheet, {"NS_THU_DIA_BAN": (1.5,), "DN_THANH_LAP": (-3,)})
    result = import_entry_sheet(db, sheet, user="lan")
    assert len(result.errors) == 2 and result.stored == 0


def test_a_workbook_that_is_not_an_entry_sheet_is_refused(db: Database, tmp_path: Path) -> None:
    from hbt_desktop.core.errors import HbtError

    other = tmp_path / "other.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["a", "b"])
    book.save(other)
    with pytest.raises(HbtError) as refused:
        import_entry_sheet(db, other, user="x")
    assert refused.value.key == "sheet.not_entry_sheet"
    write_value(db, Value("QS_GIAO_QUAN", UNIT, Q1, Decimal(1)))


def test_a_comment_that_looks_like_a_formula_goes_out_escaped_and_comes_back(
    db: Database, tmp_path: Path
) -> None:
    write_value(db, Value("QS_GIAO_QUAN", UNIT, Q1, Decimal(7), comment="=1+1 theo sổ"))
    path = tmp_path / "x.xlsx"
    export_entry_sheet(db, path, UNIT, Q1)
    cell = _rows(path)["QS_GIAO_QUAN"]["Ghi chú"]
    assert cell.value == "'=1+1 theo sổ" and cell.data_type == "s"  # type: ignore[union-attr]
    before = db_digest(db)
    result = import_entry_sheet(db, path, user="lan")
    assert result.errors == [] and result.stored == 0
    assert db_digest(db) == before

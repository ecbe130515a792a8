"""Reading files into tables and writing tables: encodings, delimiters, limits, escaping,
zip and XML defences."""

from __future__ import annotations

import ast
import json
import zipfile
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import defusedxml
import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

import hbt_desktop.exchange as package
from hbt_desktop.core import i18n
from hbt_desktop.core.errors import InputError
from hbt_desktop.exchange import csvfile, jsonfile, xlsx
from hbt_desktop.exchange.formats import file_kind, read_tables, write_file
from hbt_desktop.exchange.tables import (
    Limits,
    Sheet,
    Table,
    escape_text,
    is_canonical_number,
    unescape_text,
)
from hbt_desktop.exchange.where import FileInputError
from tests.exchange.conftest import BADFILES

TRICKY = ["=1+1", "+84 912", "-1.25 triệu", "@SUM(A1)", "'quoted", "''twice", "\t=x", "＝1"]


def read_csv(path: Path, numeric: Sequence[str] = ()) -> Table:
    return csvfile.read_csv(path, numeric=numeric)


# --- escaping ----------------------------------------------------------------------------


@given(st.text())
def test_unescape_undoes_escape(text: str) -> None:
    assert unescape_text(escape_text(text)) == text


@given(st.text())
def test_an_escaped_cell_never_starts_a_formula(text: str) -> None:
    assert not escape_text(text).startswith(("=", "+", "-", "@", "\t", "\r"))


def test_a_hand_typed_apostrophe_before_a_letter_is_kept() -> None:
    assert unescape_text("'abc") == "'abc"
    assert unescape_text("'=abc") == "=abc"


def test_canonical_numbers() -> None:
    for good in ("0", "-1.25", "4115081000000", "12.30"):
        assert is_canonical_number(good)
    for bad in ("", "1.", ".5", "+5", "1e6", "4.115.081", "12,33", "١٢", " 1", "1 000"):
        assert not is_canonical_number(bad)


# --- CSV ---------------------------------------------------------------------------------


def _sheet(rows: list[dict[str, object]]) -> Sheet:
    return Sheet("t", ("text", "number"), rows, numeric=frozenset({"number"}))  # type: ignore[arg-type]


def test_csv_is_written_with_bom_and_escaped_text(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    rows: list[dict[str, object]] = [{"text": t, "number": "-1.25"} for t in TRICKY]
    csvfile.write_csv(path, _sheet(rows))
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    lines = raw.decode("utf-8-sig").splitlines()
    assert lines[1] == "'=1+1,-1.25"  # the number stays a number: no apostrophe
    assert all(not line.startswith(("=", "+", "-", "@")) for line in lines)
    table = read_csv(path, numeric=["number"])
    assert [r.get("text") for r in table.records] == [
        "=1+1",
        "+84 912",
        "-1.25 triệu",
        "@SUM(A1)",
        "'quoted",
        "''twice",
        "=x",  # the tab is whitespace, cleaned away on reading
        "＝1",
    ]
    assert {r.get("number") for r in table.records} == {"-1.25"}


def test_csv_rows_keep_spreadsheet_numbers_across_multiline_cells(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text('a,b\n1,"dòng một\ndòng hai"\n\n2,x\n', encoding="utf-8")
    table = read_csv(path)
    assert [(r.number, r.get("a")) for r in table.records] == [(2, "1"), (4, "2")]
    assert table.records[0].get("b") == "dòng một\ndòng hai"


@pytest.mark.parametrize("delimiter", [";", "\t", ","])
def test_csv_delimiter_is_sniffed(tmp_path: Path, delimiter: str) -> None:
    path = tmp_path / "a.csv"
    path.write_text(f"code{delimiter}name\nA{delimiter}Thu, chi\n", encoding="utf-8")
    if delimiter == ",":
        path.write_text('code,name\nA,"Thu, chi"\n', encoding="utf-8")
    assert read_csv(path).records[0].cells == {"code": "A", "name": "Thu, chi"}


def test_excel_unicode_text_utf16_is_read(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("code\tname\r\nA\tĐống Mác\r\n".encode("utf-16"))
    assert read_csv(path).records[0].cells == {"code": "A", "name": "Đống Mác"}


def test_an_xlsx_saved_as_csv_is_named(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes((BADFILES / "percent_cell.xlsx").read_bytes())
    with pytest.raises(InputError) as caught:
        read_csv(path)
    assert caught.value.key == "csv.is_xlsx"


@pytest.mark.parametrize(
    ("content", "key"),
    [
        ("a,a\n1,2\n", "table.duplicate_column"),
        ("a,b\n1,2,3\n", "table.extra_cells"),
        ("a,,c\n1,2,3\n", "table.unnamed_column"),
        ("\n\n", "table.empty"),
        ("a\x00b\n", "csv.binary"),
    ],
)
def test_csv_shapes_that_are_refused(tmp_path: Path, content: str, key: str) -> None:
    path = tmp_path / "a.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_csv(path)
    assert caught.value.key == key


def test_blank_trailing_columns_and_rows_are_ignored(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("a,b,,\n1,2,,\n,,,\n", encoding="utf-8")
    table = read_csv(path)
    assert table.columns == ("a", "b")
    assert [r.cells for r in table.records] == [{"a": "1", "b": "2"}]


def test_limits_on_rows_cells_and_columns(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("a,b\n" + "1,2\n" * 11, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        csvfile.read_csv(path, limits=Limits(max_rows=10))
    assert caught.value.key == "file.too_many_rows"
    path.write_text("a,b\n1," + "x" * 101 + "\n", encoding="utf-8")
    with pytest.raises(FileInputError) as cell:
        csvfile.read_csv(path, limits=Limits(max_cell_chars=100))
    assert (cell.value.key, cell.value.where.row, cell.value.where.column) == (
        "file.cell_too_long",
        2,
        "b",
    )
    path.write_text(",".join(f"c{i}" for i in range(11)) + "\n", encoding="utf-8")
    with pytest.raises(InputError) as wide:
        csvfile.read_csv(path, limits=Limits(max_columns=10))
    assert wide.value.key == "file.too_many_columns"
    path.write_text("a\n1\n", encoding="utf-8")
    with pytest.raises(InputError) as big:
        csvfile.read_csv(path, limits=Limits(max_file_bytes=3))
    assert big.value.key == "file.too_large"


def test_missing_and_unknown_files(tmp_path: Path) -> None:
    with pytest.raises(InputError) as missing:
        read_csv(tmp_path / "none.csv")
    assert missing.value.key == "file.missing"
    with pytest.raises(InputError) as folder:
        read_csv(tmp_path)
    assert folder.value.key == "file.unreadable"
    for name, key in (("a.ods", "file.unknown_type"), ("a.xls", "file.old_excel")):
        with pytest.raises(InputError) as kind:
            file_kind(Path(name))
        assert kind.value.key == key


# --- JSON --------------------------------------------------------------------------------


def test_json_numbers_are_exact_and_nan_refused(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text('{"x": 12.30, "y": 4115081000000}', encoding="utf-8")
    assert jsonfile.read_json(path) == {"x": Decimal("12.30"), "y": 4115081000000}
    path.write_text('{"x": NaN}', encoding="utf-8")
    with pytest.raises(InputError) as caught:
        jsonfile.read_json(path)
    assert caught.value.key == "json.bad_constant"


@pytest.mark.parametrize(
    ("content", "key"),
    [
        ('{"a": 1,}', "json.invalid"),
        ("[" * 100_000, "json.too_deep"),
        ('{"a": 1, "a": 2}', "json.duplicate_key"),
    ],
)
def test_json_refusals(tmp_path: Path, content: str, key: str) -> None:
    path = tmp_path / "a.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        jsonfile.read_json(path)
    assert caught.value.key == key


def test_json_invalid_says_where(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text('{\n "a": 1,\n}', encoding="utf-8")
    with pytest.raises(InputError) as caught:
        jsonfile.read_json(path)
    assert "dòng 3" in caught.value.message_in("vi")


def test_json_table_checks_types_and_keys(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    cells = {"code": jsonfile.TEXT, "level": jsonfile.INTEGER}
    path.write_text('{"units": [{"code": "01", "level": 1}, {"code": "", "level": null}]}')
    contents = read_tables(path, sheets=("units",), json_cells={"units": cells})
    table = contents.tables["units"]
    assert [r.cells for r in table.records] == [{"code": "01", "level": "1"}]  # blank item skipped
    for bad, key in (
        ('{"units": [{"code": 1.5}]}', "json.bad_type"),
        ('{"units": [{"kode": "x"}]}', "table.unknown_column"),
        ('{"units": {"code": "x"}}', "json.bad_type"),
        ('{"units": [], "extra": 1}', "json.unknown_key"),
        ('["units"]', "json.bad_type"),
    ):
        path.write_text(bad)
        with pytest.raises(InputError) as caught:
            read_tables(path, sheets=("units",), json_cells={"units": cells})
        assert caught.value.key == key, bad


# --- XLSX --------------------------------------------------------------------------------


def _write_book(path: Path, rows: list[list[object]], title: str = "data") -> None:
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = title
    for row in rows:
        ws.append(row)
    book.save(path)


def _read_xlsx(path: Path, numeric: Sequence[str] = ()) -> Table:
    tables = read_tables(path, sheets=("data",), json_cells={}, numeric=numeric)
    return tables.tables["data"]


def test_openpyxl_parses_through_defusedxml() -> None:

    assert xlsx.defused()
    # Without our own DOCTYPE scan, openpyxl itself refuses the billion laughs: the
    # defusedxml refusal is the cause of the error it raises.
    with pytest.raises(ValueError) as caught:
        openpyxl.load_workbook(BADFILES / "billion_laughs.xlsx", read_only=True)
    causes = []
    err: BaseException | None = caught.value
    while err is not None:
        causes.append(err)
        err = err.__cause__ or err.__context__
    assert any(isinstance(e, defusedxml.DefusedXmlException) for e in causes)


def test_reading_refuses_to_start_without_defusedxml(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.xlsx"
    _write_book(path, [["a"], ["1"]])
    monkeypatch.setattr(xlsx, "defused", lambda: False)
    with pytest.raises(InputError) as caught:
        _read_xlsx(path)
    assert caught.value.key == "xlsx.unsafe_parser"


def test_zip_limits(tmp_path: Path) -> None:
    path = tmp_path / "a.xlsx"
    _write_book(path, [["a"], ["1"]])
    for limits, detail in (
        (Limits(max_zip_members=3), "parts"),
        (Limits(max_unzipped_bytes=1000), "MB"),
    ):
        with pytest.raises(InputError) as caught:
            xlsx.check_zip(path, xlsx.Where(path.name), limits)
        assert caught.value.key == "xlsx.zip_bomb"
        assert detail in caught.value.message_in("vi")


def test_cells_are_read_as_the_clerk_sees_them(tmp_path: Path) -> None:
    path = tmp_path / "a.xlsx"
    rows: list[list[object]] = [
        ["text", "int", "float", "day", "bool", "code"],
        ["Phường Đống Mác", 4115081000000, 12.33, datetime(2025, 7, 1), True, "00241"],
        [None, None, 0.1, date(2025, 1, 1), False, "'=x"],
    ]
    _write_book(path, rows)
    table = _read_xlsx(path, numeric=("int", "float"))
    assert [dict(r.cells) for r in table.records] == [
        {
            "text": "Phường Đống Mác",
            "int": "4115081000000",
            "float": "12.33",
            "day": "2025-07-01",
            "bool": "true",
            "code": "00241",
        },
        {"text": "", "int": "", "float": "0.1", "day": "2025-01-01", "bool": "false", "code": "=x"},
    ]
    assert table.where.sheet == "data"


def test_a_number_excel_cannot_hold_exactly_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "a.xlsx"
    _write_book(path, [["value"], [float(2**60)]])
    with pytest.raises(FileInputError) as caught:
        _read_xlsx(path)
    assert (caught.value.key, caught.value.where.row, caught.value.where.column) == (
        "xlsx.imprecise_number",
        2,
        "value",
    )


def test_sheets_are_chosen_by_name(tmp_path: Path) -> None:
    path = tmp_path / "a.xlsx"
    book = openpyxl.Workbook()
    book.active.title = "Data"
    book.active.append(["a"])
    book.create_sheet("Hướng dẫn").append(["free", "text", "text"])
    book.create_sheet("notes").append(["x"])
    book.save(path)
    with pytest.raises(InputError) as caught:
        _read_xlsx(path)
    assert caught.value.key == "xlsx.unknown_sheet"
    del book["notes"]
    book.save(path)
    assert _read_xlsx(path).columns == ("a",)  # matched ignoring case; the guide skipped


def test_xlsx_is_written_with_text_cells_numbers_and_notes(tmp_path: Path) -> None:
    path = tmp_path / "out.xlsx"
    rows: list[dict[str, object]] = [
        {"text": "=cmd|' /C calc'!A0", "number": "-1.25"},
        {"text": "thường", "number": "4115081000000"},
        {"text": "", "number": "123456789012345678"},  # too many digits for Excel
        {"text": "", "number": "12.30"},
    ]
    sheet = Sheet(
        "data",
        ("text", "number"),
        rows,  # type: ignore[arg-type]
        numeric=frozenset({"number"}),
        comments={"number": "Số viết kiểu máy"},
    )
    write_file(path, [sheet], json_data=None, guide=[("number", "Giải thích")])
    book = openpyxl.load_workbook(path)
    ws = book["data"]
    assert ws["A2"].data_type == "s" and ws["A2"].value == "'=cmd|' /C calc'!A0"
    assert ws["B2"].value == Decimal("-1.25") or ws["B2"].value == -1.25
    assert ws["B3"].value == 4115081000000 and ws["B3"].number_format == "0"
    assert ws["B4"].value == "123456789012345678"  # kept exact as text
    assert ws["B5"].number_format == "0.00"
    assert ws["B1"].comment is not None and "kiểu máy" in ws["B1"].comment.text
    assert book["Hướng dẫn"]["A2"].value == "number"
    with zipfile.ZipFile(path) as archive:
        assert b"<f>" not in archive.read("xl/worksheets/sheet1.xml")  # no formula at all
    table = _read_xlsx(path, numeric=("number",))
    assert [dict(r.cells) for r in table.records] == [
        {"text": "=cmd|' /C calc'!A0", "number": "-1.25"},
        {"text": "thường", "number": "4115081000000"},
        {"text": "", "number": "123456789012345678"},
        {"text": "", "number": "12.3"},  # the precision is the decimals column's job
    ]


def test_json_is_written_exactly(tmp_path: Path) -> None:
    path = tmp_path / "out.json"
    write_file(path, [], json_data={"a": Decimal("12.30"), "b": "Đống Mác"})
    assert json.loads(path.read_text(encoding="utf-8")) == {"a": "12.30", "b": "Đống Mác"}


def test_a_failed_write_leaves_the_old_file(tmp_path: Path) -> None:
    path = tmp_path / "out.json"
    path.write_text("old", encoding="utf-8")
    with pytest.raises(TypeError):
        write_file(path, [], json_data={"a": object()})
    assert path.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]
    with pytest.raises(InputError) as caught:
        write_file(tmp_path / "missing" / "x.json", [], json_data={})
    assert caught.value.key == "file.write_failed"


def test_every_message_key_raised_in_exchange_is_registered() -> None:

    keys = set()
    for path in Path(package.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("InputError", "FileInputError")
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                keys.add(node.args[0].value)
    assert len(keys) > 40
    assert keys - set(i18n.catalog()) == set()

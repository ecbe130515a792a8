"""Vietnamese typed in TCVN3 (.VnTime) or VNI (VNI-Times): detected, converted to Unicode
with a preview, and genuine Unicode never touched (issue 16)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.styles import Font

from hbt_desktop.cli.main import main
from hbt_desktop.exchange import legacy_text as L
from hbt_desktop.exchange.csvfile import read_csv
from hbt_desktop.exchange.legacy_files import preview
from hbt_desktop.exchange.where import FileInputError
from hbt_desktop.exchange.xlsx import read_xlsx

# Every letter of Vietnamese beyond ASCII, small and capital (134), from Unicode itself.
BASES = "aăâeêioôơuưy"
TONES = ["", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"]
SMALL = sorted(
    {unicodedata.normalize("NFC", b + t) for b in BASES for t in TONES} - set(BASES)
    | {"đ"}
    | set("ăâêôơư")
)
LETTERS = sorted({*SMALL, *(c.upper() for c in SMALL)})
TCVN3_CAPITALS = set("ĂÂÊÔƠƯĐ")
WORDS = ["Tổng", "thu", "ngân", "sách", "trên", "địa", "bàn", "phường", "Hà", "Nội", "cá"]


def test_the_charts_cover_every_vietnamese_letter() -> None:
    assert len(LETTERS) == 134
    assert set(L.ENCODE["VNI"]) == set(LETTERS)
    assert set(L.ENCODE["TCVN3"]) == set(SMALL) | TCVN3_CAPITALS
    for chart in L.ENCODE.values():  # one spelling per letter, one letter per spelling
        assert len(set(chart.values())) == len(chart)


@pytest.mark.parametrize(
    ("typed", "encoding", "unicode"),
    [
        ("Tæng thu ng©n s¸ch", "TCVN3", "Tổng thu ngân sách"),
        ("Hµ Néi, §µ N½ng", "TCVN3", "Hà Nội, Đà Nẵng"),
        ("Tr\xadêng häc", "TCVN3", "Trường học"),
        ("Toång thu ngaân saùch", "VNI", "Tổng thu ngân sách"),
        ("Vieät Nam - Tröôøng hoïc", "VNI", "Việt Nam - Trường học"),
        ("Ñaø Naüng, THAØNH PHOÁ", "VNI", "Đà Nẵng, THÀNH PHỐ"),
    ],
)
def test_published_samples_are_detected_and_converted(
    typed: str, encoding: L.Encoding, unicode: str
) -> None:
    assert L.detect([typed]) == encoding
    assert L.to_unicode(typed, encoding) == unicode


@given(st.lists(st.sampled_from(LETTERS + list("abcdghklmnpqrstvx ")), max_size=40))
@settings(max_examples=300, deadline=None)
def test_unicode_to_vni_and_back(chars: list[str]) -> None:
    text = "".join(chars)
    assert L.to_unicode(L.from_unicode(text, "VNI"), "VNI") == text


@given(st.lists(st.sampled_from(SMALL + sorted(TCVN3_CAPITALS) + list("bcdghn tx")), max_size=40))
@settings(max_examples=300, deadline=None)
def test_unicode_to_tcvn3_and_back(chars: list[str]) -> None:
    text = "".join(chars)
    assert L.to_unicode(L.from_unicode(text, "TCVN3"), "TCVN3") == text


def test_the_capitals_font_of_tcvn3_gives_capitals() -> None:
    rows, found = L.convert_sheet([[L.from_unicode("tổng thu", "TCVN3")]], [[".VnTimeH"]])
    assert (rows, found) == ([["TỔNG THU"]], "TCVN3")


@given(st.lists(st.sampled_from([*WORDS, *LETTERS]), min_size=1, max_size=12))
@settings(max_examples=300, deadline=None)
def test_genuine_unicode_is_never_converted(words: list[str]) -> None:
    text = " ".join(words)
    assert L.detect([text]) is None
    assert L.convert_text(text) == (text, None)
    # Pasted into a cell formatted in a legacy font, it stays as it is too.
    for font in (".VnTime", "VNI-Times"):
        if any(ord(c) > 0xFF for c in text):
            assert L.convert_sheet([[text]], [[font]])[0] == [[text]]


def test_latin1_words_alone_are_not_legacy() -> None:
    # «cá mè», «Hà» are Unicode Vietnamese made of Latin-1 letters only: no signal.
    for text in ("cá mè", "Hà", "tê", "café"):
        assert L.detect([text]) is None


HEADER = "uid,code,name,kind"


def _units_csv(path: Path, name: str, encoding: str) -> Path:
    path.write_bytes(f"{HEADER}\nT01,01,{name},thanh pho\n".encode(encoding))
    return path


@pytest.mark.parametrize("encoding", ["latin-1", "utf-8"])
@pytest.mark.parametrize(
    ("typed", "unicode"), [("Tæng thu", "Tổng thu"), ("Toång thu", "Tổng thu")]
)
def test_a_legacy_csv_is_read_as_unicode(
    tmp_path: Path, encoding: str, typed: str, unicode: str
) -> None:
    table = read_csv(_units_csv(tmp_path / "units.csv", typed, encoding))
    assert table.records[0].get("name") == unicode
    shown = preview(tmp_path / "units.csv")
    assert shown is not None and f"«{typed}» → «{unicode}»" in shown.message()


def test_other_non_utf8_text_is_still_refused(tmp_path: Path) -> None:
    path = tmp_path / "units.csv"
    path.write_bytes(f"{HEADER}\nT01,01,Thành phố,x\n".encode("cp1258", errors="replace"))
    with pytest.raises(FileInputError) as err:
        read_csv(path)
    assert err.value.key == "csv.not_utf8"


def _legacy_workbook(path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "values"
    sheet.append(["dataelement", "period", "orgunit", "value", "comment"])
    sheet.append(["NS_THU_DIA_BAN", "2023Q1", "Q007", 5, "Tæng thu ng©n s¸ch"])
    sheet.append(["NS_THU_DIA_BAN", "2023Q2", "Q007", 6, "Toång thu ngaân saùch"])
    sheet.append(["NS_THU_DIA_BAN", "2023Q3", "Q007", 7, "Tổng thu (Unicode)"])
    sheet["E2"].font = Font(name=".VnTime")
    sheet["E3"].font = Font(name="VNI-Times")
    sheet["E4"].font = Font(name=".VnTime")
    book.save(path)
    return path


def test_a_legacy_workbook_is_read_as_unicode_cell_by_font(tmp_path: Path) -> None:
    path = _legacy_workbook(tmp_path / "values.xlsx")
    tables = read_xlsx(path, choose=lambda names: names)
    comments = [r.get("comment") for r in tables["values"].records]
    assert comments == ["Tổng thu ngân sách", "Tổng thu ngân sách", "Tổng thu (Unicode)"]
    shown = preview(path)
    assert shown is not None
    assert "«Tæng thu ng©n s¸ch» → «Tổng thu ngân sách»" in shown.message()


def test_the_dry_run_import_prints_the_preview(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "hbt.db")
    assert main(["demo", "--db", db]) == 0
    path = tmp_path / "values.csv"
    path.write_bytes(
        "dataelement,period,orgunit,value,comment\n"
        "NS_THU_DIA_BAN,2023Q1,Q007,5,Tæng thu ng©n s¸ch\n".encode("latin-1")
    )
    capsys.readouterr()
    assert main(["import", "values", str(path), "--dry-run", "--db", db]) == 0
    said = capsys.readouterr()
    # Told as a warning beside the import's summary: the clerk checks the converted text.
    assert "mã TCVN3" in said.err and "«Tổng thu ngân sách»" in said.err
    assert "1 thay đổi" in said.out

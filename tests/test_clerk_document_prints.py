"""Issue 9, "Done when" line 2, end to end through the command line as a clerk would go.

On a data file made with ``new`` (no demo), a ward's figures imported from the documented
value file and its document imported from the text form — both the example of
docs/mau-van-ban.md, so that the documentation is what is proven here — print the clerk's
sentences in the bulletin and in the report with every figure worded as written there.
The figures are not the demo's: a 2026 ward (Vĩnh Tuy, created by the 2025 merger),
quý III/2026 against quý III/2025, with falls as well as rises. ``--strict`` then refuses
(non-zero, one Vietnamese sentence) a typo in a template, a missing figure and a figure of
another period than the text claims.
"""

from __future__ import annotations

import re
import shutil
import unicodedata
from pathlib import Path

import pytest

from hbt_desktop.cli import main
from hbt_desktop.core.periods import parse_period
from hbt_desktop.store.documents import load_document, save_document
from hbt_desktop.store.file.connection import open_database
from tests.conftest import db_digest
from tests.test_printed_documents import pdf_text

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs" / "mau-van-ban.md"
WARD = ["--unit", "00283", "--period", "2026Q3"]

# The sentences as the clerk means them printed, figures worded by hand from the value
# file (not by the program's formatter): what a reader of the bulletin must find.
BOTH = [
    "Tổng thu ngân sách trên địa bàn phường quý III/2026 là 86 tỷ 412 triệu đồng, đạt 71,3% "
    "so với dự toán năm và tăng 8,6% so với cùng kỳ.",
    "Giá trị sản xuất thương mại - dịch vụ ước tăng 7,4%; công nghiệp - xây dựng giảm 2,15% "
    "so với cùng kỳ do nhiều công trình chuyển sang giai đoạn hoàn thiện.",
    "Toàn phường có 42 doanh nghiệp thành lập mới, tăng 20,0% so với cùng kỳ.",
    "Tai nạn giao thông xảy ra 3 vụ, giảm 40,0% so với cùng kỳ.",
]
REPORT_ONLY = [
    "Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn đạt 99,6%, tăng 1,5 điểm phần trăm.",
    "Thực hiện Chương trình công tác năm 2026 của Ủy ban nhân dân Thành phố,",
    "Ủy ban nhân dân phường Vĩnh Tuy báo cáo tình hình kinh tế - xã hội quý III/2026 như sau:",
    "Số: 45/BC-UBND",
    "Nguyễn Thị Thu Hà",
]
BULLETIN_ONLY = [
    "Phường tổ chức Tết Trung thu cho hơn 1.200 thiếu nhi trên địa bàn.",
    "BẢN TIN PHƯỜNG VĨNH TUY",
    "Phường Vĩnh Tuy: thu ngân sách quý III/2026 tăng khá, tai nạn giao thông giảm",
]


def example(name: str) -> str:
    """The fenced block that follows ``<!-- tệp: name -->`` in docs/mau-van-ban.md."""
    text = DOCS.read_text(encoding="utf-8")
    found = re.search(rf"<!-- tệp: {re.escape(name)} -->\n```[a-z]*\n(.*?)```", text, re.S)
    assert found, f"docs/mau-van-ban.md has no example {name}"
    return found.group(1)


def normalised(text: str) -> str:
    """Extracted PDF text with every run of spaces (non-breaking ones too) as one space."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text))


@pytest.fixture(scope="module")
def clerk(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("clerk")
    db = folder / "phuong-vinh-tuy.db"
    assert main(["--db", str(db), "new"]) == 0
    values = folder / "so-lieu-vinh-tuy.csv"
    values.write_text(example("so-lieu-vinh-tuy.csv"), encoding="utf-8")
    assert main(["--db", str(db), "import", "values", str(values)]) == 0
    # Saved by Notepad: a byte-order mark and Windows line ends.
    document = folder / "van-ban-vinh-tuy.txt"
    document.write_bytes(
        b"\xef\xbb\xbf" + example("van-ban-vinh-tuy.txt").replace("\n", "\r\n").encode("utf-8")
    )
    assert main(["--db", str(db), "document", "import", str(document), *WARD]) == 0
    return db


def _print(db: Path, kind: str, out: Path) -> int:
    return main([kind, "--db", str(db), *WARD, "--strict", "--out", str(out)])


@pytest.mark.parametrize("kind", ["bulletin", "report"])
def test_the_clerks_sentences_print_with_every_figure_worded_as_written(
    clerk: Path, tmp_path: Path, kind: str
) -> None:
    out = tmp_path / f"{kind}.pdf"
    assert _print(clerk, kind, out) == 0
    text = normalised(pdf_text(out))
    wanted = BOTH + (REPORT_ONLY if kind == "report" else BULLETIN_ONLY)
    assert [s for s in wanted if normalised(s) not in text] == []
    # Each section only where its flag says, and no marker of a missing figure.
    unwanted = BULLETIN_ONLY[:1] if kind == "report" else REPORT_ONLY[:1]
    assert [s for s in unwanted if normalised(s) in text] == []
    assert "[thiếu" not in text and "[chưa rõ" not in text and "dữ liệu mẫu" not in text


def test_the_new_file_holds_no_demo(clerk: Path) -> None:
    db = open_database(clerk)
    try:
        assert load_document(db, "Q007", parse_period("2023YTD02")) is None
        rows = db.execute("SELECT DISTINCT unit_uid FROM figure_values").fetchall()
        assert rows == [("W00283-2025",)]
    finally:
        db.close()


def _copy(clerk: Path, tmp_path: Path) -> Path:
    copy = tmp_path / clerk.name
    shutil.copyfile(clerk, copy)
    return copy


def _edit_section(db_path: Path, heading: str, change: tuple[str, str]) -> None:
    """The clerk changes a sentence on the writing screen (which saves like this)."""
    db = open_database(db_path)
    try:
        doc = load_document(db, "W00283-2025", parse_period("2026Q3"))
        assert doc is not None
        (section,) = [s for s in doc.sections if s.heading == heading]
        assert change[0] in section.template
        section.template = section.template.replace(*change)
        save_document(db, doc)
    finally:
        db.close()


TYPOS = [
    ("Trật tự an toàn xã hội", ("'AN_TAI_NAN_GT'", "'AN_TAI_NAN_GTT'")),
    ("Trật tự an toàn xã hội", ("tngt.tang_truong()", "tngt.tang_truongg()")),
    ("Kinh tế, thu ngân sách", ("so_voi('DT_NAM'", "so_voi('DT_NAMM'")),
    ("Kinh tế, thu ngân sách", ("{{ dn }}", "{{ dn }")),
]


@pytest.mark.parametrize(("heading", "change"), TYPOS)
@pytest.mark.parametrize("kind", ["bulletin", "report"])
def test_strict_refuses_a_template_typo(
    clerk: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    kind: str,
    heading: str,
    change: tuple[str, str],
) -> None:
    db = _copy(clerk, tmp_path)
    _edit_section(db, heading, change)
    capsys.readouterr()
    out = tmp_path / "x.pdf"
    assert _print(db, kind, out) != 0
    assert not out.exists()
    said = capsys.readouterr().err.strip().splitlines()[-1]
    assert re.search("[ảẩạộđươ]", said), said  # a Vietnamese sentence, not a traceback


def test_the_same_typo_in_a_file_is_refused_at_import_and_nothing_changes(
    clerk: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = _copy(clerk, tmp_path)
    typo = tmp_path / "sai.txt"
    typo.write_text(
        example("van-ban-vinh-tuy.txt").replace("'AN_TAI_NAN_GT'", "'AN_TAI_NAN_GTT'"),
        encoding="utf-8",
    )
    connection = open_database(db)
    before = db_digest(connection)
    connection.close()
    capsys.readouterr()
    assert main(["--db", str(db), "document", "import", str(typo), *WARD]) == 2
    said = capsys.readouterr().err.strip()
    line = (
        example("van-ban-vinh-tuy.txt")
        .split("\n")
        .index("{% set tngt = so_lieu('AN_TAI_NAN_GT') %}")
    )
    assert said.startswith(f"Tệp sai.txt, dòng {line + 1}: không có chỉ tiêu «AN_TAI_NAN_GTT»")
    connection = open_database(db)
    assert db_digest(connection) == before
    connection.close()


def _import_variant(db: Path, tmp_path: Path, sentence: str) -> None:
    """The clerk adds a section of one sentence to the file and imports it again."""
    variant = tmp_path / "them.txt"
    text = example("van-ban-vinh-tuy.txt") + f"\n## Thêm một mục\n{sentence}\n"
    variant.write_text(text, encoding="utf-8")
    assert main(["--db", str(db), "document", "import", str(variant), *WARD]) == 0


@pytest.mark.parametrize("kind", ["bulletin", "report"])
def test_strict_refuses_a_missing_figure(
    clerk: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    db = _copy(clerk, tmp_path)
    # A figure the value file does not have: the import takes it (it may come later)…
    _import_variant(db, tmp_path, "Giải ngân vốn đầu tư công {{ so_lieu('DTC_GIAI_NGAN') }}.")
    capsys.readouterr()
    # … and the strict print refuses it, naming it.
    assert _print(db, kind, tmp_path / "x.pdf") != 0
    err = capsys.readouterr().err
    assert "Giải ngân vốn đầu tư công – quý III/2026" in err
    assert err.strip().splitlines()[-1].startswith("Không in vì văn bản còn 1 chỗ phải sửa")


@pytest.mark.parametrize("kind", ["bulletin", "report"])
def test_strict_refuses_a_figure_of_another_period_than_the_text_claims(
    clerk: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    db = _copy(clerk, tmp_path)
    eight_months = tmp_path / "tam-thang.csv"
    eight_months.write_text(
        "dataelement,period,orgunit,value\nNS_THU_DIA_BAN,2026YTD08,W00283-2025,70118000000\n",
        encoding="utf-8",
    )
    assert main(["--db", str(db), "import", "values", str(eight_months)]) == 0
    # The sentence says quý III/2026 but the figure is that of the first 8 months.
    sentence = "Thu ngân sách {{ ky }} đạt {{ so_lieu('NS_THU_DIA_BAN', '2026YTD08') }}."
    variant = tmp_path / "them.txt"
    variant.write_text(
        example("van-ban-vinh-tuy.txt") + f"\n## Thêm một mục\n{sentence}\n", encoding="utf-8"
    )
    # A file carrying it is refused at import …
    capsys.readouterr()
    assert main(["--db", str(db), "document", "import", str(variant), *WARD]) == 2
    assert "kỳ" in capsys.readouterr().err
    # … and when the clerk types it on the writing screen, the strict print refuses it.
    _edit_section(
        db, "Trật tự an toàn xã hội", ("Tai nạn giao thông", sentence + " Tai nạn giao thông")
    )
    capsys.readouterr()
    assert _print(db, kind, tmp_path / "x.pdf") != 0
    said = capsys.readouterr().err.strip().splitlines()[-1]
    assert re.search("[ảẩạộđươ]", said), said

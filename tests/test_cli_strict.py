"""``--strict``: the bulletin and the report refuse to print, exit non-zero and say why in
Vietnamese when a figure is missing, comes from another period than the text claims, or
a template is miswritten; the demo itself passes."""

from __future__ import annotations

from pathlib import Path

import pytest

from hbt_desktop.cli import main
from hbt_desktop.core.periods import parse_period
from tests.core.test_template_values import ENGLISH


@pytest.fixture
def demo_file(tmp_path: Path) -> Path:
    path = tmp_path / "demo.db"
    assert main(["demo", "--db", str(path)]) == 0
    return path


def _set_section(path: Path, template: str) -> None:
    """Write ``template`` as the demo document's second section, as the editor would."""
    from hbt_desktop.store.documents import load_document, save_document
    from hbt_desktop.store.file.connection import open_database

    db = open_database(path)
    doc = load_document(db, "Q007", parse_period("2 tháng đầu năm 2023"))
    assert doc is not None
    doc.sections[1].template = template
    save_document(db, doc)
    db.conn.close()


@pytest.mark.parametrize("command", ["bulletin", "report"])
def test_the_demo_passes_strict(demo_file: Path, tmp_path: Path, command: str) -> None:
    out = tmp_path / f"{command}.pdf"
    assert main([command, "--db", str(demo_file), "--out", str(out), "--strict"]) == 0
    assert out.exists()


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        # a method without brackets: once "<bound method …>" in the PDF
        (
            "Thu tăng {{ so_lieu('NS_THU_DIA_BAN', '2023YTD02@20230215').tang_truong }}.",
            "«tang_truong» phải viết kèm dấu ngoặc",
        ),
        # a quý I figure passed off as the bulletin's 2 months
        (
            "Tổng thu 2 tháng đạt {{ so_lieu('NS_THU_DIA_BAN', 'quý I/2023') }}.",
            "là số liệu quý I/2023, không phải của kỳ văn bản (2 tháng đầu năm 2023)",
        ),
        # a typo in a code: a missing figure
        ("Giải ngân {{ so_lieu('DTC_GIAI_NGAM') }}.", "không có chỉ tiêu DTC_GIAI_NGAM"),
        # a wrong verb: once an English ValueError in the document
        (
            "{{ so_lieu('NS_THU_DIA_BAN', 'quý I/2023').so_voi('DT_TP_HDND_Q', dong_tu='tăng') }}",
            "Động từ «tăng» không dùng được",
        ),
        # a syntax error: the part is named
        (
            "Thu {{ so_lieu('NS_THU_DIA_BAN' }}.",
            "Phần «Kinh tế, thu ngân sách»: Mẫu văn bản có lỗi",
        ),
    ],
)
@pytest.mark.parametrize("command", ["bulletin", "report"])
def test_strict_refuses_in_vietnamese_and_writes_nothing(
    demo_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    command: str,
    template: str,
    expected: str,
) -> None:
    _set_section(demo_file, template)
    out = tmp_path / "x.pdf"
    assert main([command, "--db", str(demo_file), "--out", str(out), "--strict"]) == 2
    err = capsys.readouterr().err
    assert expected in err
    assert "Không in vì văn bản còn" in err
    assert not ENGLISH.search(err.replace("--strict", "")), err
    assert not out.exists()


def test_a_year_report_without_year_figures_is_refused_by_strict(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "year.pdf"
    argv = ["report", "--db", str(demo_file), "--out", str(out), "--period", "năm 2023"]
    assert main([*argv, "--strict"]) == 2
    assert "Chưa có số liệu nào của năm 2023" in capsys.readouterr().err
    # Without --strict it prints, with no 2-month or quý I figure under the year's title.
    assert main(argv) == 0
    from tests.test_printed_documents import pdf_text

    text = pdf_text(out)
    assert "4.115 tỷ" not in text and "4.861 tỷ" not in text and "quý I/2023" not in text

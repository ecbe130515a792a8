"""The Word report: built from the same content as the PDF, opened by LibreOffice headless,
converted to PDF and measured with the same Decree 30 layout check; and its structure
(page, margins, fonts, header table, fields, sections) read back with python-docx."""

from __future__ import annotations

import dataclasses
import io
import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document
from docx.shared import Length

from hbt_desktop.cli.main import main
from hbt_desktop.core.errors import InputError
from hbt_desktop.reports import layout as L
from hbt_desktop.reports.docx_report import build_docx, docx_record

from ..ward2026 import make_ward_db, write_ward_files
from .layout_check import check_report_layout, read_pages, text_of
from .sample_content import report_content

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def _convert(files: list[Path], folder: Path) -> list[Path]:
    """PDFs of ``files`` made by LibreOffice headless (one start for all of them)."""
    profile = folder / "lo-profile"
    subprocess.run(
        [
            str(SOFFICE),
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            *map(str, files),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    return [folder / f"{f.stem}.pdf" for f in files]


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    if SOFFICE is None:
        pytest.skip(
            "LibreOffice (soffice) is not installed: bootstrap.py installs it on Linux"
            " (the suite under Wine has no Windows LibreOffice; the Linux run converts)"
        )
    folder = tmp_path_factory.mktemp("word")
    demo = folder / "demo.db"
    assert main(["demo", "--db", str(demo)]) == 0
    (folder / "files").mkdir()
    ward = make_ward_db(write_ward_files(folder / "files"), folder / "ward.db")
    files = {
        "demo": folder / "demo.docx",
        "ward": folder / "ward.docx",
        "sample": folder / "sample.docx",
    }
    assert main(["report", "--db", str(demo), "--out", str(files["demo"])]) == 0
    ward_args = ["--unit", "00283", "--period", "quý I/2026"]
    assert main(["report", "--db", str(ward), "--out", str(files["ward"]), *ward_args]) == 0
    build_docx(report_content(), files["sample"])
    pdfs = _convert(list(files.values()), folder)
    return dict(zip(files, pdfs, strict=True))


def test_the_demo_report_in_word_meets_the_decree_once_opened(converted: dict[str, Path]) -> None:
    assert check_report_layout(converted["demo"], draft=False) == []
    text = text_of(read_pages(converted["demo"]))
    for phrase in (
        "Quận Hai Bà Trưng, ngày 05 tháng 3 năm 2023",
        "4.115 tỷ 081 triệu đồng",
        "Phan Văn Phúc",
    ):
        assert phrase in text


def test_a_2026_ward_draft_in_word_meets_the_decree(converted: dict[str, Path]) -> None:
    assert check_report_layout(converted["ward"], draft=True) == []


def test_the_sample_with_kinh_gui_and_a_landscape_appendix_meets_the_decree(
    converted: dict[str, Path],
) -> None:
    assert check_report_layout(converted["sample"], draft=False) == []
    pages = read_pages(converted["sample"])
    assert pages[-1].landscape and not pages[0].landscape


def test_word_pages_follow_the_decree(tmp_path: Path) -> None:
    target = tmp_path / "r.docx"
    build_docx(report_content(), target)
    word = Document(str(target))
    first = word.sections[0]
    page = L.PAGE

    def mm(length: Length) -> float:
        return round(length.mm, 1)  # Word stores twentieths of a point

    assert (mm(first.page_width), mm(first.page_height)) == (page.width, page.height)
    assert (mm(first.top_margin), mm(first.bottom_margin)) == (page.top.value, page.bottom.value)
    assert (mm(first.left_margin), mm(first.right_margin)) == (page.left.value, page.right.value)
    assert word.styles["Normal"].font.name == "Times New Roman"
    # Page numbers are a field in the header, none on the first page.
    assert first.different_first_page_header_footer
    assert "PAGE" in first.header._element.xml
    assert "PAGE" not in first.first_page_header._element.xml
    # The two-column header: issuer | Quốc hiệu and Tiêu ngữ; number | place and date.
    header = word.tables[0]
    assert len(header.columns) == 2
    assert header.cell(0, 0).text.split("\n")[:2] == ["ỦY BAN NHÂN DÂN", "QUẬN HAI BÀ TRƯNG"]
    assert "Độc lập - Tự do - Hạnh phúc" in header.cell(0, 1).text
    assert header.cell(1, 0).text == "Số: 12/BC-UBND"
    assert header.cell(0, 0)._element.xml.count("<w:bottom ") >= 1  # the rule
    texts = [p.text for p in word.paragraphs]
    assert "I. KINH TẾ" in texts and texts.count("BÁO CÁO") == 1
    # Each appendix is a section of its own, numbered from 1, the wide one landscape.
    appendix_sections = word.sections[1:]
    assert len(appendix_sections) == 2
    for section in appendix_sections:
        assert 'w:start="1"' in section._sectPr.xml
    assert appendix_sections[-1].page_width > appendix_sections[-1].page_height
    record = docx_record(io.BytesIO(target.read_bytes()))
    assert record is not None and record.fingerprint == report_content().footer.fingerprint


def test_a_draft_in_word_has_its_mark_on_the_first_page_only(tmp_path: Path) -> None:
    target = tmp_path / "d.docx"
    build_docx(dataclasses.replace(report_content(), draft=True), target)
    word = Document(str(target))
    assert "DỰ THẢO" in word.sections[0].first_page_header.paragraphs[0].text
    assert "DỰ THẢO" not in word.sections[0].header._element.xml
    assert all("DỰ THẢO" not in s.first_page_header._element.xml for s in word.sections[1:])


def test_word_refuses_what_the_pdf_refuses_and_writes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "r.docx"
    with pytest.raises(InputError) as caught:
        build_docx(dataclasses.replace(report_content(), kinh_gui=()), target)
    assert caught.value.key == "report.nhu_tren_without_kinh_gui"
    odd = dataclasses.replace(report_content(), summary="Ký hiệu 中")
    with pytest.raises(InputError):
        build_docx(odd, target)
    assert not target.exists()

"""The Decree 30/2020 report, read back from the PDF."""

from __future__ import annotations

import dataclasses
import io
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf._page import PageObject
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from hbt_desktop.core import i18n
from hbt_desktop.core.errors import HbtError, InputError
from hbt_desktop.reports.content import Section
from hbt_desktop.reports.decree30 import build_report
from hbt_desktop.reports.decree30_text import recipient_lines
from hbt_desktop.reports.fonts import register_fonts
from hbt_desktop.reports.metadata import record_from_xml
from hbt_desktop.reports.page import PageSegments
from hbt_desktop.reports.styles import REPORT_MARGINS

from .conftest import Built
from .pdfcheck import BASE14, Chunk, chunks, find, page_fonts
from .sample_content import report_content, ward_table

LEFT, RIGHT = REPORT_MARGINS.left, REPORT_MARGINS.right
A4_WIDTH, A4_HEIGHT = 210 * mm, 297 * mm
TEXT_CENTRE = LEFT + (A4_WIDTH - LEFT - RIGHT) / 2


def text_of(built: Built) -> str:
    return "\n".join(page.extract_text() for page in built.reader.pages)


def test_the_report_prints_the_decree_texts_exactly(report: Built) -> None:
    text = text_of(report)
    for expected in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Quận Hai Bà Trưng, ngày 05 tháng 3 năm 2023",
        "Số: 12/BC-UBND",
        "BÁO CÁO",
        "4.115 tỷ 081 triệu đồng",
        "Nơi nhận:",
        "TM. ỦY BAN NHÂN DÂN",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Phan Văn Phúc",
        "Phụ lục I",
        "Phụ lục II",
        "Toàn quận",
    ):
        assert expected in text, expected
    assert text == unicodedata.normalize("NFC", text)


def test_every_font_is_embedded_and_none_is_a_base14_font(report: Built) -> None:
    for page in report.reader.pages:
        fonts = page_fonts(page)
        assert fonts
        assert all(embedded for _, embedded in fonts)
        assert not {name for name, _ in fonts} & BASE14
        assert {name for name, _ in fonts} <= {
            "Tinos",
            "Tinos-Bold",
            "Tinos-Italic",
            "Tinos-BoldItalic",
        }


def test_build_info_matches_the_file(report: Built) -> None:
    assert report.info.pages == len(report.reader.pages) >= 4
    assert set(report.info.fonts) == set(register_fonts(bundled=True).serif_faces)
    assert all(path.is_file() for path in report.info.fonts.values())
    assert report.info.warnings == ()


def test_metadata(report: Built) -> None:
    meta = report.reader.metadata
    assert meta is not None
    assert meta.title is not None and meta.title.startswith("BÁO CÁO Kết quả thực hiện")
    assert meta.author == "ỦY BAN NHÂN DÂN QUẬN HAI BÀ TRƯNG"
    assert meta.subject is not None and meta.subject.startswith("Số: 12/BC-UBND")


def test_the_header_block_is_where_the_decree_puts_it(report: Built) -> None:
    page = report.reader.pages[0]
    nation = find(page, "CỘNG HÒA XÃ HỘI")
    motto = find(page, "Độc lập")
    issuer = find(page, "ỦY BAN NHÂN DÂN")
    number = find(page, "Số: 12/BC-UBND")
    date = find(page, "Quận Hai Bà Trưng, ngày")
    doc_type = find(page, "BÁO CÁO")
    f = register_fonts(bundled=True)

    def mid(chunk: Chunk, font: str) -> float:
        return chunk.x + float(stringWidth(chunk.text, font, chunk.size)) / 2

    # Issuer top left, Quốc hiệu top right, on the same line.
    assert mid(issuer, f.serif_bold) < TEXT_CENTRE - 50 * mm / 2
    assert mid(nation, f.serif_bold) > TEXT_CENTRE + 50 * mm / 2
    assert nation.x + stringWidth(nation.text, f.serif_bold, 12) <= A4_WIDTH - RIGHT
    assert issuer.x >= LEFT
    assert issuer.y == pytest.approx(nation.y, abs=1)
    assert nation.size == 12 and motto.size == 13 and issuer.size == 12
    # The Tiêu ngữ is centred under the Quốc hiệu.
    assert motto.y < nation.y
    assert mid(motto, f.serif_bold) == pytest.approx(mid(nation, f.serif_bold), abs=1)
    # Number under the issuer, place-date under the Tiêu ngữ, both on one line.
    assert number.y == pytest.approx(date.y, abs=0.5)
    assert number.y < motto.y
    assert mid(number, f.serif) == pytest.approx(mid(issuer, f.serif_bold), abs=1)
    assert mid(date, f.serif_italic) == pytest.approx(mid(nation, f.serif_bold), abs=1)
    assert number.size == 13 and date.size == 14
    assert (nation.font, motto.font, issuer.font) == ("Tinos-Bold",) * 3
    assert (number.font, date.font) == ("Tinos", "Tinos-Italic")
    # "BÁO CÁO" centred on the text block, below the header.
    width = stringWidth("BÁO CÁO", f.serif_bold, 14)
    assert doc_type.x + width / 2 == pytest.approx(TEXT_CENTRE, abs=1)
    assert doc_type.y < date.y


def test_page_one_has_no_page_number_and_page_two_has_2_top_centre(report: Built) -> None:
    pages = report.reader.pages
    top_margin = A4_HEIGHT - REPORT_MARGINS.top
    assert not [c for c in chunks(pages[0]) if c.y > top_margin]
    numbers = [c for c in chunks(pages[1]) if c.y > top_margin]
    assert [c.text for c in numbers] == ["2"]
    number = numbers[0]
    width = stringWidth("2", register_fonts(bundled=True).serif, 14)
    assert number.x + width / 2 == pytest.approx(TEXT_CENTRE, abs=1)
    assert number.size == 14


def top_numbers(page: PageObject) -> list[str]:
    height = float(page.mediabox.height)
    return [c.text for c in chunks(page) if c.y > height - REPORT_MARGINS.top]


def test_each_appendix_starts_a_page_and_is_numbered_separately() -> None:
    base = report_content()
    long_table = dataclasses.replace(
        ward_table(), rows=ward_table().rows[:-1] * 4 + ward_table().rows[-1:]
    )
    appendix = dataclasses.replace(base.appendices[0], tables=(long_table,))
    doc = dataclasses.replace(base, appendices=(appendix, base.appendices[1]))
    out = io.BytesIO()
    build_report(doc, out, invariant=True)
    pages = PdfReader(io.BytesIO(out.getvalue())).pages
    starts = [i for i, p in enumerate(pages) if p.extract_text().lstrip().startswith("Phụ lục")]
    assert len(starts) == 2
    first, second = starts
    assert second - first >= 2  # the long appendix runs over two pages at least
    assert [top_numbers(p) for p in pages[:first]] == [[]] + [[str(n)] for n in range(2, first + 1)]
    assert top_numbers(pages[first]) == []
    assert top_numbers(pages[first + 1]) == ["2"]
    assert top_numbers(pages[second]) == []
    # Header rows repeat on the appendix's second page.
    assert "Dự toán năm 2023" in pages[first + 1].extract_text()
    # The table starts under the appendix's title, not on a page of its own.
    assert "Phường Nguyễn Du" in pages[first].extract_text()


def test_page_segments_restart_numbering() -> None:
    segments = PageSegments(starts=[1, 4, 6])
    assert [segments.number(p) for p in range(1, 9)] == [1, 2, 3, 1, 2, 1, 2, 3]


def test_a_landscape_table_gets_a_landscape_page(report: Built) -> None:
    pages = report.reader.pages
    wide = [p for p in pages if "Lao động có việc" in p.extract_text()]
    assert wide
    for page in wide:
        assert float(page.mediabox.width) > float(page.mediabox.height)
    assert float(pages[0].mediabox.width) < float(pages[0].mediabox.height)


def test_the_fingerprint_is_in_the_metadata_and_on_no_page(report: Built) -> None:
    for page in report.reader.pages:
        text = page.extract_text()
        assert "3F2A-91C0-7B1D" not in text and "Mã số liệu" not in text and "Trang" not in text
    meta = report.reader.metadata
    assert meta is not None and meta.keywords == "Mã số liệu: 3F2A-91C0-7B1D"
    xmp = report.reader.trailer["/Root"]["/Metadata"].get_object().get_data()
    record = record_from_xml(xmp)
    assert record is not None and record.fingerprint == "3F2A-91C0-7B1D"


def test_signature_block_and_recipients(report: Built) -> None:
    page = next(p for p in report.reader.pages if "Nơi nhận:" in p.extract_text())
    noi_nhan = find(page, "Nơi nhận:")
    authority = find(page, "TM. ỦY BAN NHÂN DÂN")
    name = find(page, "Phan Văn Phúc")
    assert noi_nhan.x < TEXT_CENTRE < authority.x
    assert noi_nhan.y == pytest.approx(authority.y, abs=3)  # level with the authority
    assert authority.y - name.y > 25 * mm  # room for the signature and seal
    assert noi_nhan.size == 12 and authority.size == 14
    assert noi_nhan.font == "Tinos-BoldItalic"
    assert authority.font == name.font == "Tinos-Bold"
    recipients = [c for c in chunks(page) if c.text.startswith("- ")]
    assert [c.text for c in recipients] == [
        "- Như trên;",
        "- TT Quận ủy, TT HĐND quận (để b/c);",
        "- Chủ tịch, các PCT UBND quận;",
        "- Các phòng, ban, ngành thuộc quận;",
        "- UBND 18 phường;",
        "- Lưu: VT, VP.",
    ]
    assert all(c.size == 11 and c.font == "Tinos" for c in recipients)


def test_recipient_lines_add_dashes_and_punctuation_once() -> None:
    assert recipient_lines(["Như trên", "- UBND 18 phường;", "Lưu: VT, VP."]) == [
        "- Như trên;",
        "- UBND 18 phường;",
        "- Lưu: VT, VP.",
    ]
    assert recipient_lines(["Lưu: VT"]) == ["- Lưu: VT."]
    assert recipient_lines(["", "  "]) == []


def test_the_body_is_justified_14pt_with_a_first_line_indent(report: Built) -> None:
    page = report.reader.pages[0]
    intro = find(page, "Thực hiện Chương trình công tác")
    follow = find(page, "Trưng báo cáo kết quả")
    assert intro.size == 14
    assert intro.x - follow.x == pytest.approx(10 * mm, abs=0.5)
    assert follow.x == pytest.approx(LEFT, abs=0.5)


def test_same_content_gives_identical_bytes_when_invariant(report: Built) -> None:
    again = io.BytesIO()
    build_report(report_content(), again, invariant=True)
    assert again.getvalue() == report.data


def test_writes_to_a_path(tmp_path: Path) -> None:
    target = tmp_path / "bao-cao.pdf"
    info = build_report(report_content(), target, invariant=True)
    assert len(PdfReader(target).pages) == info.pages
    assert [p.name for p in tmp_path.iterdir()] == ["bao-cao.pdf"]  # no temporary left


def test_decomposed_input_prints_composed(tmp_path: Path) -> None:
    nfd = unicodedata.normalize("NFD", "Kết quả thực hiện nhiệm vụ quý I năm 2023")
    doc = dataclasses.replace(report_content(), summary=nfd, appendices=())
    out = io.BytesIO()
    build_report(doc, out, invariant=True)
    first = PdfReader(io.BytesIO(out.getvalue())).pages[0].extract_text()
    assert unicodedata.normalize("NFC", nfd) in first
    assert nfd not in first


def test_ampersand_and_angle_brackets_print_literally() -> None:
    doc = dataclasses.replace(
        report_content(),
        intro=("Thu & chi ngân sách <dự kiến> đạt 34% so với dự toán; a < b > c.",),
        appendices=(),
    )
    out = io.BytesIO()
    build_report(doc, out, invariant=True)
    text = PdfReader(io.BytesIO(out.getvalue())).pages[0].extract_text()
    assert "Thu & chi ngân sách <dự kiến> đạt 34%" in text
    assert "a < b > c." in text


@pytest.mark.parametrize("odd", ["𝔘", "中"])
def test_a_character_outside_the_font_is_refused_and_nothing_is_written(
    tmp_path: Path, odd: str
) -> None:
    base = report_content()
    part = dataclasses.replace(base.parts[1], paragraphs=(f"Ký hiệu lạ {odd} trong văn bản.",))
    doc = dataclasses.replace(base, parts=(base.parts[0], part))
    target = tmp_path / "bao-cao.pdf"
    with pytest.raises(InputError) as caught:
        build_report(doc, target)
    assert caught.value.key == "reports.glyphs_missing"
    assert f"U+{ord(odd):04X}" in caught.value.message
    assert not target.exists()


def test_a_parent_body_prints_regular_above_the_issuer() -> None:
    doc = dataclasses.replace(
        report_content(),
        parent_body="UBND QUẬN HAI BÀ TRƯNG",
        issuer=("ỦY BAN NHÂN DÂN", "PHƯỜNG BẠCH MAI"),
        appendices=(),
    )
    out = io.BytesIO()
    build_report(doc, out, invariant=True)
    page = PdfReader(io.BytesIO(out.getvalue())).pages[0]
    parent = find(page, "UBND QUẬN HAI BÀ TRƯNG")
    issuer = find(page, "PHƯỜNG BẠCH MAI")
    assert parent.y > issuer.y
    assert parent.size == 12 and issuer.size == 12
    assert parent.font == "Tinos" and issuer.font == "Tinos-Bold"


def test_a_long_report_keeps_headings_off_the_foot_of_a_page() -> None:
    base = report_content()
    many = tuple(
        Section(f"{i}. Nội dung thứ {i}", ("Đoạn văn bản. " * 40,), level=2) for i in range(1, 16)
    )
    doc = dataclasses.replace(base, parts=many, appendices=())
    out = io.BytesIO()
    info = build_report(doc, out, invariant=True)
    pages = PdfReader(io.BytesIO(out.getvalue())).pages
    assert info.pages == len(pages) > 3
    bottom = REPORT_MARGINS.bottom + 40
    for page in pages:
        for chunk in chunks(page):
            if chunk.text.endswith(tuple(f"Nội dung thứ {i}" for i in range(1, 16))):
                assert chunk.y > bottom, chunk.text


def test_a_report_without_appendices_summary_or_recipients_still_builds() -> None:
    doc = dataclasses.replace(
        report_content(), summary="", recipients=(), appendices=(), parts=(), intro=("Một đoạn.",)
    )
    out = io.BytesIO()
    info = build_report(doc, out, invariant=True)
    assert info.pages == 1
    text = PdfReader(io.BytesIO(out.getvalue())).pages[0].extract_text()
    assert "Nơi nhận:" in text and "Phan Văn Phúc" in text


def test_elements_the_decree_sets_in_capitals_print_in_capitals() -> None:
    base = report_content()
    doc = dataclasses.replace(
        base,
        issuer=("Ủy ban nhân dân", "quận Hai Bà Trưng"),
        doc_type="Báo cáo",
        signature=dataclasses.replace(base.signature, title="Phó Chủ tịch"),
        appendices=(),
    )
    out = io.BytesIO()
    build_report(doc, out, invariant=True)
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(out.getvalue())).pages)
    for expected in ("ỦY BAN NHÂN DÂN", "QUẬN HAI BÀ TRƯNG", "BÁO CÁO", "PHÓ CHỦ TỊCH"):
        assert expected in text
    assert "Phan Văn Phúc" in text  # the name keeps its case


def test_a_path_that_cannot_be_written_is_refused_in_one_sentence(tmp_path: Path) -> None:
    target = tmp_path / "no-such-folder" / "bao-cao.pdf"
    with pytest.raises(HbtError) as caught:
        build_report(report_content(), target)
    assert caught.value.key == "reports.cannot_write"
    assert str(target) in caught.value.message
    assert i18n.placeholders(i18n.catalog()["reports.cannot_write"]["en"]) == {"path", "reason"}

"""The news bulletin, read back from the PDF; photos decoded or replaced."""

from __future__ import annotations

import dataclasses
import io
import unicodedata

import pytest
from PIL import Image

from hbt_desktop.core import i18n
from hbt_desktop.core.errors import InputError
from hbt_desktop.reports.bulletin import build_bulletin
from hbt_desktop.reports.content import BulletinContent, KeyFigure, Photo, Section
from hbt_desktop.reports.photos import PLACEHOLDER_TEXT, decode

from .conftest import Built
from .pdfcheck import BASE14, chunks, page_fonts
from .sample_content import bulletin_content, make_photo, ward_table


def text_of(built: Built) -> str:
    return "\n".join(page.extract_text() for page in built.reader.pages)


def build(doc: BulletinContent) -> Built:
    out = io.BytesIO()
    info = build_bulletin(doc, out, invariant=True)
    return Built(out.getvalue(), info)


def test_the_bulletin_prints_its_words_and_figures_exactly(bulletin: Built) -> None:
    text = text_of(bulletin)
    for expected in (
        "BẢN TIN UBND QUẬN HAI BÀ TRƯNG",
        "Số 02 · Tháng 3/2023",
        "Kinh tế - xã hội 2 tháng đầu năm 2023 tăng trưởng",
        "Số liệu nổi bật 2 tháng đầu năm 2023",
        "4.115 tỷ 081 triệu đồng",
        "4.861 tỷ 658 triệu đồng",
        "ước tăng 12,33%",
        "đạt 34% so với dự toán, tăng 59% so với cùng kỳ",
        "Phố Đại Cồ Việt, quận Hai Bà Trưng",
        "Tổng quận = cộng 18 phường.",
        "Thu ngân sách đạt 34% dự toán",
        "12,33%",  # a bar's value label
    ):
        assert expected in text, expected
    assert text == unicodedata.normalize("NFC", text)


def test_every_font_is_embedded_and_none_is_a_base14_font(bulletin: Built) -> None:
    for page in bulletin.reader.pages:
        fonts = page_fonts(page)
        assert all(embedded for _, embedded in fonts)
        assert not {name for name, _ in fonts} & BASE14
        assert {name.split("-")[0] for name, _ in fonts} <= {"Tinos", "Arimo"}


def test_footer_with_page_x_of_y_on_every_page(bulletin: Built) -> None:
    pages = bulletin.reader.pages
    assert bulletin.info.pages == len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        footer = [c for c in chunks(page) if c.text.startswith("Mã số liệu: 3F2A-91C0-7B1D")]
        assert len(footer) == 1
        assert footer[0].text == (
            f"Mã số liệu: 3F2A-91C0-7B1D · In lúc 20:46 27/11/2026 · Trang {number}/{len(pages)}"
        )
        assert footer[0].y < 18 * 72 / 25.4  # in the bottom margin


def test_a_running_head_from_page_two(bulletin: Built) -> None:
    pages = bulletin.reader.pages
    head = "BẢN TIN UBND QUẬN HAI BÀ TRƯNG · Số 02 · Tháng 3/2023"
    assert not [c for c in chunks(pages[0]) if c.text == head]
    for page in pages[1:]:
        assert [c for c in chunks(page) if c.text == head]


def test_the_headline_is_large_and_the_lead_follows(bulletin: Built) -> None:
    page = bulletin.reader.pages[0]
    headline = next(c for c in chunks(page) if c.text.startswith("Kinh tế - xã hội"))
    lead = next(c for c in chunks(page) if c.text.startswith("Ủy viên Ban Thường vụ"))
    body = next(c for c in chunks(page) if c.text.startswith("Đáng chú ý"))
    assert headline.size > 18 > lead.size > body.size >= 11
    assert headline.y > lead.y


def test_photos_are_embedded(bulletin: Built) -> None:
    images = [img for page in bulletin.reader.pages for img in page.images]
    assert len(images) == 2
    assert bulletin.info.warnings == ()


def test_metadata(bulletin: Built) -> None:
    meta = bulletin.reader.metadata
    assert meta is not None
    assert meta.title == "Kinh tế - xã hội 2 tháng đầu năm 2023 tăng trưởng khả quan"
    assert meta.author == "BẢN TIN UBND QUẬN HAI BÀ TRƯNG"


def test_same_content_gives_identical_bytes_when_invariant(bulletin: Built) -> None:
    assert build(bulletin_content()).data == bulletin.data


def test_an_unreadable_photo_becomes_a_grey_box_and_a_warning() -> None:
    broken = make_photo(1)[:300]  # a truncated PNG
    doc = bulletin_content(photos=(broken, b"not an image at all"))
    built = build(doc)
    assert len(built.info.warnings) == 2
    assert "Quận Hai Bà Trưng đã tổ chức khai trương" in built.info.warnings[0]
    text = text_of(built)
    assert text.count(PLACEHOLDER_TEXT) == 2
    assert "Phố Đại Cồ Việt, quận Hai Bà Trưng" in text  # the caption still prints
    assert not [img for page in built.reader.pages for img in page.images]


def test_the_warning_speaks_the_clerks_language() -> None:
    i18n.set_language("en")
    built = build(bulletin_content(photos=(b"junk", make_photo(2))))
    assert built.info.warnings[0].startswith("Could not read the photo")


def test_decode_turns_phone_photos_upright() -> None:
    image = Image.new("RGB", (40, 20), (200, 30, 30))
    exif = image.getexif()
    exif[0x0112] = 6  # "rotate 90° clockwise to view"
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif)
    decoded = decode(buffer.getvalue())
    assert decoded is not None
    assert (decoded.width_px, decoded.height_px) == (20, 40)
    plain = decode(make_photo(1, (60, 40)))
    assert plain is not None and (plain.width_px, plain.height_px) == (60, 40)


def test_decode_refuses_what_is_not_an_image() -> None:
    assert decode(b"") is None
    assert decode(b"%PDF-1.4 not a picture") is None


def test_special_characters_and_decomposed_text_print_as_typed() -> None:
    base = bulletin_content()
    section = Section(
        unicodedata.normalize("NFD", "Thu & chi <ước tính>"),
        (unicodedata.normalize("NFD", "Chi thường xuyên & đầu tư: a < b."),),
    )
    doc = dataclasses.replace(base, sections=(section,), charts=())
    text = text_of(build(doc))
    assert "Thu & chi <ước tính>" in text
    assert "Chi thường xuyên & đầu tư: a < b." in text


def test_a_character_outside_the_fonts_is_refused() -> None:
    base = bulletin_content()
    odd = dataclasses.replace(base, key_figures=(KeyFigure("Chỉ số 𝔘", "1"),))
    with pytest.raises(InputError) as caught:
        build(odd)
    assert "U+1D518" in caught.value.message


def test_a_bulletin_without_charts_photos_or_figures_still_builds() -> None:
    doc = dataclasses.replace(
        bulletin_content(),
        charts=(),
        key_figures=(),
        notes=(),
        sections=(Section("Tin ngắn", ("Một đoạn.",), photos=(Photo(make_photo(3), ""),)),),
    )
    built = build(doc)
    assert built.info.pages == 1
    assert "Tin ngắn" in text_of(built)


def test_a_section_table_runs_the_width_of_the_page() -> None:
    base = bulletin_content()
    section = Section(
        "Thu ngân sách theo phường", ("Số liệu đến 15/2/2023.",), tables=(ward_table(),)
    )
    built = build(dataclasses.replace(base, sections=(section,)))
    text = text_of(built)
    assert "Phường Trương Định" in text and "341.350" in text
    for page in built.reader.pages:
        assert not {name for name, _ in page_fonts(page)} & BASE14


@pytest.mark.parametrize("count", [1, 2, 3, 5])
def test_the_key_figure_box_never_shows_an_empty_card(count: int) -> None:
    from hbt_desktop.reports.bulletin import key_figures_box
    from hbt_desktop.reports.fonts import register_fonts
    from hbt_desktop.reports.styles import bulletin_styles

    figures = tuple(KeyFigure(f"Chỉ tiêu {i}", f"{i} người") for i in range(count))
    doc = dataclasses.replace(bulletin_content(), key_figures=figures)
    box = key_figures_box(doc, bulletin_styles(register_fonts(True)))
    assert box is not None
    rows = box._cellvalues[1:]  # under the title row
    assert len(rows) == (count + 1) // 2
    last = len(rows)  # the table's own index of the last row
    spans = {(tuple(a), tuple(b)) for _, a, b in box._spanCmds}
    for index, row in enumerate(rows, start=1):
        if row[1] == [""] or row[1] == "":
            # an odd last card spans both columns: no empty card beside it
            assert index == last and count % 2 == 1
            assert ((0, last), (1, last)) in spans
        else:
            assert row[0] and row[1]

"""What both renderers of the report print, decided in one place: outline numbers, the
closing "./.", Kính gửi lines, the capitals of Roman headings, the place and the draft."""

from __future__ import annotations

import dataclasses
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from hbt_desktop.core.dates import format_draft_date, format_place_date
from hbt_desktop.core.documents import DocumentSpec
from hbt_desktop.core.periods import Period
from hbt_desktop.core.starter import place_of
from hbt_desktop.core.units import make_unit
from hbt_desktop.reports.content import Photo, Section
from hbt_desktop.reports.decree30_text import (
    END_MARK,
    LETTERS,
    close_body,
    heading_text,
    is_nhu_tren,
    kinh_gui_lines,
    outline_numbers,
    recipient_lines,
)

from .sample_content import report_content


def test_outline_numbers_follow_the_decree_and_restart_under_each_heading() -> None:
    levels = [1, 2, 2, 3, 3, 3, 3, 3, 3, 2, 1, 3, 2]
    assert outline_numbers(levels) == [
        "I.",
        "1.",
        "2.",
        "a)",
        "b)",
        "c)",
        "d)",
        "đ)",
        "e)",
        "3.",
        "II.",
        "a)",
        "1.",
    ]


@given(st.lists(st.integers(min_value=1, max_value=3), max_size=40))
def test_every_sub_level_counts_from_one_under_its_parent(levels: list[int]) -> None:
    numbers = outline_numbers(levels)
    counts = [0, 0, 0]
    for level, number in zip(levels, numbers, strict=True):
        depth = level - 1
        counts[depth] += 1
        counts[depth + 1 :] = [0] * (2 - depth)
        if depth == 1:
            assert number == f"{counts[1]}."
        elif depth == 2:
            assert number == f"{LETTERS[(counts[2] - 1) % len(LETTERS)]})"


def test_roman_headings_print_in_capitals_and_the_others_as_typed() -> None:
    assert heading_text(Section("II. Kinh tế, thu ngân sách", ())) == "II. KINH TẾ, THU NGÂN SÁCH"
    assert heading_text(Section("Phần I. Kết quả", ())) == "PHẦN I. KẾT QUẢ"
    assert heading_text(Section("1. Thu ngân sách", (), 2)) == "1. Thu ngân sách"
    assert heading_text(Section("Ghi chú", (), 2)) == "Ghi chú"
    assert heading_text(Section("Về Vĩnh Tuy", ())) == "Về Vĩnh Tuy"  # V is a word here


@given(st.text(alphabet="abc đ.;,!?/ ", min_size=1, max_size=30).filter(str.strip))
def test_the_body_ends_with_the_mark_exactly_once(last: str) -> None:
    doc = dataclasses.replace(
        report_content(), parts=(Section("I. Một", ("Đoạn đầu.", last, "  ")),)
    )
    closed = close_body(doc)
    paragraphs = [p for p in closed.parts[-1].paragraphs if p.strip()]
    assert paragraphs[-1].endswith(END_MARK)
    assert not paragraphs[-1].endswith("." + END_MARK)
    assert sum(p.count(END_MARK) for p in paragraphs) == last.count(END_MARK) + (
        0 if last.rstrip().endswith(END_MARK) else 1
    )
    assert close_body(closed) == closed


def test_a_body_ending_with_a_photo_gets_the_mark_after_it() -> None:
    part = Section("I. Một", ("Đoạn.",), photos=(Photo(b"", "Ảnh"),))
    closed = close_body(dataclasses.replace(report_content(), parts=(part,)))
    assert closed.parts[-1].paragraphs == (END_MARK,)
    assert closed.parts[0] == part


def test_kinh_gui_one_addressee_on_the_line_several_under_it() -> None:
    assert kinh_gui_lines(["Ủy ban nhân dân thành phố Hà Nội;"]) == [
        "Kính gửi: Ủy ban nhân dân thành phố Hà Nội."
    ]
    assert kinh_gui_lines(["- Thường trực Quận ủy", "Thường trực HĐND quận.", " "]) == [
        "Kính gửi:",
        "- Thường trực Quận ủy;",
        "- Thường trực HĐND quận.",
    ]
    assert kinh_gui_lines(["", "  "]) == []


def test_nhu_tren_is_recognised_however_it_is_typed() -> None:
    assert all(is_nhu_tren(t) for t in ("Như trên", "- Như trên;", "như trên.", "  NHƯ TRÊN "))
    assert not is_nhu_tren("Như trên và các phường")
    assert recipient_lines(["- Như trên;", "Lưu: VT"]) == ["- Như trên;", "- Lưu: VT."]


def test_the_place_is_where_the_issuing_body_sits() -> None:
    def unit(name: str, kind: str, level: int) -> str:
        return place_of(make_unit(uid=name, code="1", name=name, kind=kind, level=level))

    assert unit("Hà Nội", "thành phố", 1) == "Hà Nội"
    assert unit("Hai Bà Trưng", "quận", 2) == "Quận Hai Bà Trưng"
    assert unit("Vĩnh Tuy", "phường", 3) == "Phường Vĩnh Tuy"
    assert unit("1", "quận", 2) == "Quận 1"
    assert unit("Nam Đàn", "huyện", 2) == "Huyện Nam Đàn"


def test_a_draft_leaves_the_number_day_and_month_blank_never_today() -> None:
    draft = DocumentSpec("Q", Period.year_of(2023), symbol="BC-UBND")
    assert draft.number_symbol.replace("\xa0", " ").startswith("Số:      /BC-UBND")
    line = format_place_date("Quận Hai Bà Trưng", None, year=2023).replace("\xa0", " ")
    assert line == "Quận Hai Bà Trưng, ngày    tháng    năm 2023"
    assert str(date.today().day) not in format_draft_date(2023).replace("2023", "")
    assert format_place_date("Hà Nội", date(2023, 3, 5)) == "Hà Nội, ngày 05 tháng 3 năm 2023"

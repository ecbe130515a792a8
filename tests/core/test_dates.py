"""Dates in running text, on the Decree 30 date line, and as clerks type them."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime

import pytest

from hbt_desktop.core.dates import (
    format_cutoff,
    format_date,
    format_date_padded,
    format_decree_date,
    format_place_date,
    parse_date,
)
from tests.core.refusals import refused


def test_running_text_dates_are_not_padded() -> None:
    assert format_date(date(2023, 2, 15)) == "15/2/2023"
    assert format_date(date(2023, 5, 1)) == "1/5/2023"
    assert format_date_padded(date(2023, 2, 15)) == "15/02/2023"
    assert format_date_padded(date(2023, 5, 1)) == "01/05/2023"


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        (date(2023, 2, 15), "ngày 15 tháng 02 năm 2023"),
        (date(2023, 3, 5), "ngày 05 tháng 3 năm 2023"),
        (date(2023, 1, 1), "ngày 01 tháng 01 năm 2023"),
        (date(2023, 12, 31), "ngày 31 tháng 12 năm 2023"),
        (date(2023, 10, 9), "ngày 09 tháng 10 năm 2023"),
        (date(2023, 11, 10), "ngày 10 tháng 11 năm 2023"),
    ],
)
def test_decree_30_pads_days_below_10_and_months_1_and_2(d: date, expected: str) -> None:
    assert format_decree_date(d) == expected


def test_place_and_date_line() -> None:
    assert format_place_date("Hà Nội", date(2023, 3, 5)) == "Hà Nội, ngày 05 tháng 3 năm 2023"
    place = unicodedata.normalize("NFD", " Quận  Hai Bà Trưng ")
    assert format_place_date(place, date(2023, 2, 15)) == (
        "Quận Hai Bà Trưng, ngày 15 tháng 02 năm 2023"
    )
    with pytest.raises(ValueError):
        format_place_date("  ", date(2023, 3, 5))


def test_cutoff_phrase() -> None:
    assert format_cutoff(date(2023, 2, 15)) == "tính đến 15/2/2023"
    assert format_cutoff(date(2023, 5, 31), with_ngay=True) == "tính đến ngày 31/5/2023"


@pytest.mark.parametrize("bad", [datetime(2023, 2, 15, 8, 0), "15/2/2023", None])
def test_formatting_refuses_non_dates(bad: object) -> None:
    with pytest.raises(TypeError):
        format_date(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    [
        "15/2/2023",
        "15/02/2023",
        "15-2-2023",
        "15.2.2023",
        "2023-02-15",
        "2023-2-15",
        "ngày 15 tháng 02 năm 2023",
        "Ngày 15 tháng 2 năm 2023",
        "15 tháng 2 năm 2023",
        "ngày 15/2/2023",
        "  15/2/2023 ",
    ],
)
def test_parse_date_reads_every_written_form(text: str) -> None:
    assert parse_date(text) == date(2023, 2, 15)
    assert parse_date(unicodedata.normalize("NFD", text)) == date(2023, 2, 15)


def test_parse_date_round_trips_the_formats() -> None:
    d = date(2023, 3, 5)
    for text in (format_date(d), format_date_padded(d), format_decree_date(d), d.isoformat()):
        assert parse_date(text) == d


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("31/2/2023", "date.impossible"),
        ("29/2/2023", "date.impossible"),
        ("0/2/2023", "date.impossible"),
        ("15/13/2023", "date.impossible"),
        ("2023-02-30", "date.impossible"),
        ("15/2/23", "date.two_digit_year"),
        ("ngày 15 tháng 2 năm 23", "date.two_digit_year"),
        ("2/15/2023", "date.us_order"),
        ("12/31/2023", "date.us_order"),
        ("15/2/20233", "date.invalid"),
        ("15/2-2023", "date.invalid"),
        ("15 2 2023", "date.invalid"),
        ("hôm qua", "date.invalid"),
        ("\u0661\u0665/2/2023", "date.invalid"),  # Arabic-Indic digits
        ("1/1/1899", "date.year_range"),
        ("1/1/2200", "date.year_range"),
    ],
)
def test_parse_date_refuses_quoting_the_text(text: str, key: str) -> None:
    err = refused(key, lambda: parse_date(text))
    assert f'"{text}"' in err.message_in("vi")


def test_us_order_refusal_suggests_the_day_first_form() -> None:
    err = refused("date.us_order", lambda: parse_date("2/15/2023"))
    assert "15/2/2023" in err.message_in("vi").split(":")[-1]


def test_leap_day_is_a_date_in_leap_years() -> None:
    assert parse_date("29/2/2024") == date(2024, 2, 29)


def test_parse_date_refuses_empty_text() -> None:
    refused("date.empty", lambda: parse_date(" "))

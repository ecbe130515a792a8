"""Dates in Vietnamese running text and on the Decree 30 date line (reference §1 "Dates").

Running text writes ``15/2/2023`` (no padding). The date line of an official document
writes ``ngày 15 tháng 02 năm 2023``: Decree 30/2020/NĐ-CP, Appendix I, pads days below
10 and the months 1 and 2 with a zero, other months not (``ngày 05 tháng 3 năm 2023``).

Parsing is day first, as everywhere in Vietnam. A date that can only be month first
(``2/15/2023``) is refused rather than swapped, and so are two-digit years.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from hbt_desktop.core.errors import InputError
from hbt_desktop.core.i18n import register
from hbt_desktop.core.text import clean

__all__ = [
    "MAX_YEAR",
    "MIN_YEAR",
    "check_date",
    "format_cutoff",
    "format_date",
    "format_date_padded",
    "format_decree_date",
    "format_draft_date",
    "format_place_date",
    "parse_date",
]

MIN_YEAR, MAX_YEAR = 1900, 2199

register(
    {
        "date.empty": {"vi": "Chưa nhập ngày.", "en": "No date was entered."},
        "date.invalid": {
            "vi": 'Không đọc được ngày "{text}". Hãy viết ngày/tháng/năm, ví dụ 15/2/2023 '
            "hoặc ngày 15 tháng 02 năm 2023.",
            "en": 'Cannot read the date "{text}". Write day/month/year, e.g. 15/2/2023 or '
            "ngày 15 tháng 02 năm 2023.",
        },
        "date.impossible": {
            "vi": 'Ngày "{text}" không có thật; hãy kiểm tra lại ngày và tháng.',
            "en": 'The date "{text}" does not exist; check the day and the month.',
        },
        "date.two_digit_year": {
            "vi": 'Ngày "{text}": hãy ghi năm đủ 4 chữ số, ví dụ 15/2/2023.',
            "en": 'Date "{text}": write the year with 4 digits, e.g. 15/2/2023.',
        },
        "date.us_order": {
            "vi": 'Ngày "{text}" có vẻ viết theo kiểu tháng/ngày/năm. Hãy viết ngày trước '
            "tháng: {suggestion}.",
            "en": 'The date "{text}" looks like month/day/year. Write the day first: {suggestion}.',
        },
        "date.year_range": {
            "vi": 'Ngày "{text}": năm phải từ {min} đến {max}.',
            "en": 'Date "{text}": the year must be between {min} and {max}.',
        },
    }
)


def check_date(d: date) -> date:
    """``d`` itself if it is a plain date; TypeError otherwise."""
    # A datetime is a date too, but comparing one with a date raises: keep them out.
    if isinstance(d, datetime) or not isinstance(d, date):
        raise TypeError(f"expected a datetime.date, got {type(d).__name__}: {d!r}")
    return d


def format_date(d: date) -> str:
    """``15/2/2023`` — running text, no padding."""
    d = check_date(d)
    return f"{d.day}/{d.month}/{d.year}"


def format_date_padded(d: date) -> str:
    """``15/02/2023`` — for tables that need aligned columns."""
    d = check_date(d)
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def format_decree_date(d: date) -> str:
    """``ngày 05 tháng 3 năm 2023`` / ``ngày 15 tháng 02 năm 2023`` (Decree 30)."""
    d = check_date(d)
    month = f"{d.month:02d}" if d.month <= 2 else str(d.month)
    return f"ngày {d.day:02d} tháng {month} năm {d.year}"


# What an office leaves blank on a draft for the number, the day and the month, to be
# written by hand once signed. No-break spaces: a PDF or Word line would otherwise
# collapse the run of spaces into one. The date's blanks are no wider than a written day
# and month, so the date line keeps to its one line under the Tiêu ngữ.
BLANK = "\u00a0" * 6
BLANK_DAY = "\u00a0" * 4


def format_draft_date(year: int) -> str:
    """``ngày    tháng    năm 2023``: a draft's date, day and month left blank (never the
    day it was printed)."""
    return f"ngày{BLANK_DAY}tháng{BLANK_DAY}năm {year}"


def format_place_date(place: str, d: date | None, *, year: int | None = None) -> str:
    """``Quận Hai Bà Trưng, ngày 05 tháng 3 năm 2023``; without a date (a draft), the
    blanks of :func:`format_draft_date` for ``year``. The place is the caller's."""
    place = clean(place)
    if not place:
        raise ValueError("the place of the date line is empty")
    if d is None:
        if year is None:
            raise ValueError("a draft's date line needs its year")
        return f"{place}, {format_draft_date(year)}"
    return f"{place}, {format_decree_date(d)}"


def format_cutoff(d: date, *, with_ngay: bool = False) -> str:
    """``tính đến 15/2/2023`` / ``tính đến ngày 15/2/2023``."""
    return ("tính đến ngày " if with_ngay else "tính đến ") + format_date(d)


_DMY = re.compile(r"(?:ngày\s*)?([0-9]{1,2})([/.\-])([0-9]{1,2})\2([0-9]+)")
_ISO = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")
_WORDS = re.compile(r"(?:ngày\s+)?([0-9]{1,2})\s+tháng\s+([0-9]{1,2})\s*,?\s*năm\s+([0-9]+)")


def _fields(text: str) -> tuple[int, int, str] | None:
    """(day, month, year digits) of a date in any accepted form, or None."""
    lowered = text.lower()
    if match := _ISO.fullmatch(lowered):
        return int(match[3]), int(match[2]), match[1]
    if match := _DMY.fullmatch(lowered):
        return int(match[1]), int(match[3]), match[4]
    if match := _WORDS.fullmatch(lowered):
        return int(match[1]), int(match[2]), match[3]
    return None


def parse_date(text: str) -> date:
    """``15/2/2023``, ``15/02/2023``, ``15-2-2023``, ``15.2.2023``, ``2023-02-15``,
    ``ngày 15 tháng 02 năm 2023`` (an optional leading ``ngày`` everywhere)."""
    cleaned = clean(text)
    if not cleaned:
        raise InputError("date.empty")
    fields = _fields(cleaned)
    if fields is None:
        raise InputError("date.invalid", text=cleaned)
    day, month, year_digits = fields
    if len(year_digits) == 2:
        raise InputError("date.two_digit_year", text=cleaned)
    if len(year_digits) != 4:
        raise InputError("date.invalid", text=cleaned)
    year = int(year_digits)
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise InputError("date.year_range", text=cleaned, min=MIN_YEAR, max=MAX_YEAR)
    try:
        return date(year, month, day)
    except ValueError:
        pass  # not a real date: find out why below, to say it precisely
    if month > 12 and _exists(year, day, month):
        # 2/15/2023 can only be month first. Refused, not swapped: whoever typed it may
        # also have typed 2/3/2023 meaning 3 February, which no rule can catch.
        suggestion = format_date(date(year, day, month))
        raise InputError("date.us_order", text=cleaned, suggestion=suggestion)
    raise InputError("date.impossible", text=cleaned)


def _exists(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True

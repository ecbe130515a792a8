"""Reporting periods: the value type, its ids, its Vietnamese names.

Period ids
==========

A figure is stored under the id of its period. Ids follow DHIS2's period ids where DHIS2
has one, so that figures can be exchanged with DHIS2-based systems unchanged, and extend
them for the cumulative periods that Vietnamese bulletins use:

============================  ======================  ==================================
period                        id                      origin
============================  ======================  ==================================
month (February 2023)         ``202302``              DHIS2 Monthly
quarter (quý I/2023)          ``2023Q1``              DHIS2 Quarterly
half year (6 tháng đầu năm)   ``2023S1``, ``2023S2``  DHIS2 SixMonthly
year (năm 2023)               ``2023``                DHIS2 Yearly
first N months (2 tháng đầu)  ``2023YTD02``           extension: "year to date", N 2–11
last N months (9 tháng cuối)  ``2023L09``             extension: N 2–11
any of the above with a       ``2023YTD02@20230215``  extension: ``@`` and the cut-off
cut-off date                  ``2023Q2@20230515``     date as ``YYYYMMDD``
============================  ======================  ==================================

N is always two digits. Years run from 1900 to 2199.

One period, one id
------------------

The same span of time has several Vietnamese names ("3 tháng đầu năm" is "quý I", "6
tháng cuối năm" is "6 tháng cuối năm" and ``2023S2``), but it must have one id, or the
same figure could be stored twice and a comparison could miss it. So every period is
kept in a canonical form, which the constructors (``Period.month`` … ``with_cutoff``)
return and :class:`Period` checks:

- first 1 month → month 1; first 3 → Q1; first 6 → S1; first 12 → the year;
- last 1 month → month 12; last 3 → Q4; last 6 → S2; last 12 → the year;
- a cut-off date (figures "tính đến 15/2/2023", reference §1 "Status of a figure") must
  lie inside the period;
- a period with a cut-off is stored under the *shortest* period with the same start date
  that contains the cut-off. "quý I/2023 tính đến 15/2/2023", "năm 2023 tính đến
  15/2/2023" and "2 tháng đầu năm 2023 tính đến 15/2/2023" are all the figures from
  1/1/2023 to 15/2/2023, and all get the id ``2023YTD02@20230215``.

Consequently a canonical period is fully determined by its start and its (inclusive) end
date, which is also how periods are ordered.

A cut-off on the last day of a period
-------------------------------------

"Tính đến ngày 31/5/2023" counts the same figures as "5 tháng đầu năm 2023", so it has
the same id (``2023YTD05``) and finds the same stored figures. But the clerk chose to
write the date, and an official document must print what the clerk wrote: such a period
keeps ``stated_end=True``, is printed with its date ("tính đến 31/5/2023", "5 tháng đầu
năm 2023 (tính đến 31/5/2023)") and is written out as :attr:`Period.ref`
(``2023YTD05@20230531``), which reads back to the same period, date included. This holds
for every kind of period whose last day is typed as a cut-off (a month, a quarter, a
half, the year, first or last months). ``stated_end`` is part of equality (the two
wordings are different choices on screen) but never of :attr:`Period.id`: figures are
looked up, stored and compared by id.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import cached_property, lru_cache, total_ordering
from typing import Self

from hbt_desktop.core.dates import (
    MAX_YEAR,
    MIN_YEAR,
    check_date,
    format_cutoff,
    format_date,
    parse_date,
)
from hbt_desktop.core.errors import InputError
from hbt_desktop.core.i18n import register
from hbt_desktop.core.numbers import from_roman, to_roman
from hbt_desktop.core.text import clean

__all__ = [
    "Period",
    "PeriodKind",
    "format_cutoff_period",
    "format_period",
    "parse_period",
]

_EXAMPLES = (
    "2 tháng đầu năm 2023; quý I/2023; 6 tháng cuối năm 2023; năm 2023; tháng 2/2023; "
    "quý I/2023, tính đến 15/2/2023; 2023Q1; 202302"
)

register(
    {
        "period.empty": {"vi": "Chưa nhập kỳ báo cáo.", "en": "No period was entered."},
        "period.invalid": {
            "vi": 'Không hiểu kỳ "{text}". Hãy viết như một trong các ví dụ: {examples}.',
            "en": 'Cannot read the period "{text}". Write it like one of: {examples}.',
        },
        "period.missing_year": {
            "vi": 'Kỳ "{text}" thiếu năm; ví dụ: 2 tháng đầu năm 2023, quý I/2023.',
            "en": 'The period "{text}" lacks a year; e.g. 2 tháng đầu năm 2023, quý I/2023.',
        },
        "period.year_range": {
            "vi": 'Kỳ "{text}": năm {year} nằm ngoài khoảng {min}–{max}.',
            "en": 'Period "{text}": the year {year} is outside {min}–{max}.',
        },
        "period.bad_month": {
            "vi": 'Kỳ "{text}": không có tháng {number}; tháng phải từ 1 đến 12.',
            "en": 'Period "{text}": there is no month {number}; months run from 1 to 12.',
        },
        "period.bad_quarter": {
            "vi": 'Kỳ "{text}": không có quý {number}; quý phải từ I đến IV.',
            "en": 'Period "{text}": there is no quarter {number}; quarters run from I to IV.',
        },
        "period.bad_half": {
            "vi": 'Kỳ "{text}": không có nửa năm thứ {number}; chỉ có 6 tháng đầu năm và '
            "6 tháng cuối năm.",
            "en": 'Period "{text}": there is no half year {number}; only the first and the '
            "second half.",
        },
        "period.bad_month_count": {
            "vi": 'Kỳ "{text}": không thể tính {number} tháng; số tháng phải từ 1 đến 12.',
            "en": 'Period "{text}": cannot take {number} months; the count must be 1 to 12.',
        },
        "period.bad_cutoff": {
            "vi": 'Kỳ "{text}": ngày tính đến không có thật.',
            "en": 'Period "{text}": the cut-off date does not exist.',
        },
        "period.cutoff_outside": {
            "vi": "Ngày tính đến {cutoff} không nằm trong {period}.",
            "en": "The cut-off date {cutoff} is not inside {period}.",
        },
    }
)


class PeriodKind(StrEnum):
    MONTH = "month"
    QUARTER = "quarter"
    HALF = "half"
    YEAR = "year"
    YTD = "ytd"  # the first N months of the year, cumulative
    LAST = "last"  # the last N months of the year ("9 tháng cuối năm")


_RANGE_KEY = {
    PeriodKind.MONTH: ("period.bad_month", 12),
    PeriodKind.QUARTER: ("period.bad_quarter", 4),
    PeriodKind.HALF: ("period.bad_half", 2),
    PeriodKind.YTD: ("period.bad_month_count", 12),
    PeriodKind.LAST: ("period.bad_month_count", 12),
}


def _span(kind: PeriodKind, number: int) -> tuple[int, int]:
    """First and last month of a period of ``kind``."""
    if kind is PeriodKind.MONTH:
        return number, number
    if kind is PeriodKind.QUARTER:
        return 3 * number - 2, 3 * number
    if kind is PeriodKind.HALF:
        return 6 * number - 5, 6 * number
    if kind is PeriodKind.YTD:
        return 1, number
    if kind is PeriodKind.LAST:
        return 13 - number, 12
    return 1, 12


def _canonical(first: int, last: int) -> tuple[PeriodKind, int] | None:
    """The one (kind, number) for a run of months, or None if no period covers exactly it."""
    length = last - first + 1
    if length == 1:
        return PeriodKind.MONTH, first
    if length == 12:
        return PeriodKind.YEAR, 0
    if length == 3 and first % 3 == 1:
        return PeriodKind.QUARTER, last // 3
    if length == 6 and first % 6 == 1:
        return PeriodKind.HALF, last // 6
    if first == 1:
        return PeriodKind.YTD, last
    return (PeriodKind.LAST, length) if last == 12 else None


def _shortest(first: int, cutoff_month: int) -> tuple[PeriodKind, int]:
    """The shortest period starting in month ``first`` that reaches ``cutoff_month``."""
    for last in range(cutoff_month, 13):
        found = _canonical(first, last)
        if found:
            return found
    raise AssertionError("unreachable: every run of months ending in December is a period")


def _describe(kind: PeriodKind, year: int, number: int) -> str:
    """Words for a period that may not exist ("quý 5/2023"), to quote in a refusal."""
    return {
        PeriodKind.MONTH: f"tháng {number}/{year}",
        PeriodKind.QUARTER: f"quý {number}/{year}",
        PeriodKind.HALF: f"nửa năm thứ {number} năm {year}",
        PeriodKind.YEAR: f"năm {year}",
        PeriodKind.YTD: f"{number} tháng đầu năm {year}",
        PeriodKind.LAST: f"{number} tháng cuối năm {year}",
    }[kind]


def _last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


@total_ordering
@dataclass(frozen=True)
class Period:
    """A reporting period, always in canonical form (see the module documentation).

    Build one with :meth:`month`, :meth:`quarter`, :meth:`half`, :meth:`year_of`,
    :meth:`first_months`, :meth:`last_months` and :meth:`with_cutoff`, or
    :func:`parse_period`; direct construction of a non-canonical form is a ValueError.
    """

    kind: PeriodKind
    year: int
    number: int = 0
    cutoff: date | None = None
    # The clerk wrote the period as "tính đến <its last day>" (see the module docs).
    stated_end: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", PeriodKind(self.kind))
        if not MIN_YEAR <= self.year <= MAX_YEAR:
            raise ValueError(f"year out of range: {self.year}")
        top = _RANGE_KEY[self.kind][1] if self.kind in _RANGE_KEY else 0
        if not (1 <= self.number <= top or self.number == top == 0):
            raise ValueError(f"bad number for {self.kind}: {self.number}")
        first, last = _span(self.kind, self.number)
        if _canonical(first, last) != (self.kind, self.number):
            raise ValueError(f"not canonical: {self.kind} {self.number}; use the constructors")
        if self.cutoff is not None:
            cutoff = check_date(self.cutoff)
            inside = self.start <= cutoff < self.nominal_end
            if not inside or _shortest(first, cutoff.month) != (self.kind, self.number):
                raise ValueError(f"not canonical: cut-off {cutoff} for {self.kind}")
            if self.stated_end:
                raise ValueError("a period with a cut-off inside it cannot also state its end")

    # --- construction -------------------------------------------------------------------

    @classmethod
    def _build(cls, kind: PeriodKind, year: int, number: int, text: str | None = None) -> Self:
        """The canonical form of a nominal period, refusing values a clerk could type.

        ``text`` is what the clerk wrote, quoted in the refusal.
        """
        for value in (year, number):
            if isinstance(value, bool) or not isinstance(value, int):
                raise TypeError(f"year and number must be ints, got {value!r}")
        text = text or _describe(kind, year, number)
        if not MIN_YEAR <= year <= MAX_YEAR:
            raise InputError("period.year_range", text=text, year=year, min=MIN_YEAR, max=MAX_YEAR)
        if kind in _RANGE_KEY:
            key, top = _RANGE_KEY[kind]
            if not 1 <= number <= top:
                raise InputError(key, text=text, number=number)
        found = _canonical(*_span(kind, number))
        assert found is not None  # every nominal period covers a representable run
        return cls(found[0], year, found[1])

    @classmethod
    def month(cls, year: int, month: int) -> Self:
        return cls._build(PeriodKind.MONTH, year, month)

    @classmethod
    def quarter(cls, year: int, quarter: int) -> Self:
        return cls._build(PeriodKind.QUARTER, year, quarter)

    @classmethod
    def half(cls, year: int, half: int) -> Self:
        return cls._build(PeriodKind.HALF, year, half)

    @classmethod
    def year_of(cls, year: int) -> Self:
        return cls._build(PeriodKind.YEAR, year, 0)

    @classmethod
    def first_months(cls, year: int, n: int) -> Self:
        """January to month ``n``: "n tháng đầu năm"."""
        return cls._build(PeriodKind.YTD, year, n)

    @classmethod
    def last_months(cls, year: int, n: int) -> Self:
        """Month 13 − ``n`` to December: "n tháng cuối năm"."""
        return cls._build(PeriodKind.LAST, year, n)

    def with_cutoff(self, d: date) -> Self:
        """This period's figures up to and including ``d`` ("tính đến"), canonical.

        ``d`` must lie inside the nominal period (for a period that already has a
        cut-off, that is the shortest period it was stored under).
        """
        d = check_date(d)
        nominal = self.nominal()
        if not nominal.start <= d <= nominal.nominal_end:
            raise InputError(
                "period.cutoff_outside", cutoff=format_date(d), period=format_period(nominal)
            )
        kind, number = _shortest(nominal.start.month, d.month)
        shortest = type(self)(kind, self.year, number)
        if d == shortest.nominal_end:
            # The same figures as the period itself; the date is kept for printing.
            return type(self)(kind, self.year, number, stated_end=True)
        return type(self)(kind, self.year, number, d)

    def nominal(self) -> Self:
        """The same period without its cut-off (stated or not)."""
        return type(self)(self.kind, self.year, self.number)

    @property
    def stated_cutoff(self) -> date | None:
        """The date to print after "tính đến": the cut-off, or the last day the clerk
        wrote as one; None when the period is named without a date."""
        return self.cutoff or (self.nominal_end if self.stated_end else None)

    # --- what it covers -----------------------------------------------------------------

    @cached_property
    def id(self) -> str:
        # Cached: an id is computed for every figure looked up, stored or fingerprinted.
        suffix = f"@{self.cutoff:%Y%m%d}" if self.cutoff else ""
        body = {
            PeriodKind.MONTH: f"{self.number:02d}",
            PeriodKind.QUARTER: f"Q{self.number}",
            PeriodKind.HALF: f"S{self.number}",
            PeriodKind.YEAR: "",
            PeriodKind.YTD: f"YTD{self.number:02d}",
            PeriodKind.LAST: f"L{self.number:02d}",
        }[self.kind]
        return f"{self.year}{body}{suffix}"

    @property
    def ref(self) -> str:
        """The id, with the stated last day when the clerk wrote one (``2023YTD05@20230531``):
        what to save where the clerk's choice of wording must survive (the current period,
        a document file). ``parse_period(p.ref) == p`` always."""
        return f"{self.id}@{self.nominal_end:%Y%m%d}" if self.stated_end else self.id

    @property
    def months(self) -> tuple[int, ...]:
        """The month numbers of the nominal period."""
        first, last = _span(self.kind, self.number)
        return tuple(range(first, last + 1))

    # Cached (like ``id``): unit validity and comparisons ask for these for every figure.
    @cached_property
    def start(self) -> date:
        return date(self.year, _span(self.kind, self.number)[0], 1)

    @cached_property
    def nominal_end(self) -> date:
        """The period's last day, ignoring any cut-off."""
        return _last_day(self.year, _span(self.kind, self.number)[1])

    @cached_property
    def end(self) -> date:
        """The last day covered (inclusive): the cut-off if there is one."""
        return self.cutoff or self.nominal_end

    def contains(self, d: date) -> bool:
        return self.start <= check_date(d) <= self.end

    # --- related periods ----------------------------------------------------------------

    def year_period(self) -> Self:
        return type(self).year_of(self.year)

    def same_period_last_year(self) -> Self:
        """The "cùng kỳ": one year back, the cut-off too (29/2 becomes 28/2), written the
        same way (a stated last day stays stated)."""
        before = type(self)._build(self.kind, self.year - 1, self.number)
        cutoff = self.stated_cutoff
        if cutoff is None:
            return before
        day = min(cutoff.day, calendar.monthrange(self.year - 1, cutoff.month)[1])
        return before.with_cutoff(date(self.year - 1, cutoff.month, day))

    def previous(self) -> Self:
        """The preceding month, quarter, half or year. Not defined for cumulative periods
        or periods with a cut-off, whose "previous" has no single meaning: ValueError."""
        if self.cutoff is not None or self.kind in (PeriodKind.YTD, PeriodKind.LAST):
            raise ValueError(f"previous() is not defined for {self.id}")
        if self.kind is PeriodKind.YEAR:
            return type(self)._build(self.kind, self.year - 1, 0)
        if self.number > 1:
            return type(self)._build(self.kind, self.year, self.number - 1)
        return type(self)._build(self.kind, self.year - 1, _RANGE_KEY[self.kind][1])

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return (self.start, self.end) < (other.start, other.end)

    def __str__(self) -> str:
        return self.id


# --- Vietnamese names -------------------------------------------------------------------


def format_period(
    p: Period,
    *,
    padded: bool = False,
    quarter_style: str = "slash",
    with_year: bool = True,
    cutoff: bool = True,
) -> str:
    """``tháng 2/2023``, ``quý I/2023``, ``6 tháng đầu năm 2023``, ``năm 2023``,
    ``2 tháng đầu năm 2023 (tính đến 15/2/2023)`` (reference §1 "Periods").

    ``padded`` pads month numbers and counts (``tháng 02/2023``, ``03 tháng đầu năm``, as
    the district portal does); ``quarter_style="nam"`` writes ``quý I năm 2023`` and
    ``tháng 2 năm 2023``; ``with_year=False`` drops the year (``cả năm`` for a year).
    """
    if quarter_style not in ("slash", "nam"):
        raise ValueError(f"quarter_style must be 'slash' or 'nam', got {quarter_style!r}")
    year = ""
    if with_year:
        year = f"/{p.year}" if quarter_style == "slash" else f" năm {p.year}"
    if p.kind is PeriodKind.MONTH:
        text = f"tháng {p.number:02d}{year}" if padded else f"tháng {p.number}{year}"
    elif p.kind is PeriodKind.QUARTER:
        text = f"quý {to_roman(p.number)}{year}"
    elif p.kind is PeriodKind.YEAR:
        text = f"năm {p.year}" if with_year else "cả năm"
    else:
        n = len(p.months)
        where = "đầu" if p.start.month == 1 else "cuối"
        text = f"{n:02d}" if padded else str(n)
        text += f" tháng {where} năm" + (f" {p.year}" if with_year else "")
    if p.stated_cutoff and cutoff:
        text += f" ({format_cutoff(p.stated_cutoff)})"
    return text


def format_cutoff_period(p: Period, *, with_ngay: bool = False) -> str:
    """The natural wording of a figure's period: ``tính đến 15/2/2023`` for figures
    counted from 1 January, ``quý II/2023 (tính đến 15/5/2023)`` otherwise, and just the
    period's name when there is no cut-off. A cut-off the clerk wrote on the period's last
    day is printed like any other ("tính đến ngày 31/5/2023")."""
    if p.stated_cutoff is None:
        return format_period(p)
    phrase = format_cutoff(p.stated_cutoff, with_ngay=with_ngay)
    if p.start.month == 1:
        return phrase
    return f"{format_period(p, cutoff=False)} ({phrase})"


# --- parsing ----------------------------------------------------------------------------

_ID = re.compile(
    r"(?P<year>[0-9]{4})(?:(?P<month>[0-9]{2})|q(?P<quarter>[0-9])|s(?P<half>[0-9])"
    r"|ytd(?P<ytd>[0-9]{1,2})|l(?P<last>[0-9]{1,2}))?(?:@(?P<cutoff>[0-9]{8}))?",
    re.IGNORECASE,
)
_ID_KINDS = {
    "month": PeriodKind.MONTH,
    "quarter": PeriodKind.QUARTER,
    "half": PeriodKind.HALF,
    "ytd": PeriodKind.YTD,
    "last": PeriodKind.LAST,
}
_YEAR = r"(?P<year>[0-9]{4})"
_SLASH_OR_NAM = rf"(?:(?:\s*/\s*|\s+năm\s+){_YEAR})?"
_NAMES = (
    (PeriodKind.YTD, rf"(?P<n>[0-9]{{1,2}})\s+tháng\s+(?P<where>đầu|cuối)\s+năm(?:\s+{_YEAR})?"),
    (PeriodKind.QUARTER, rf"quý\s+(?P<n>[ivx]+|[0-9]){_SLASH_OR_NAM}"),
    (PeriodKind.MONTH, rf"tháng\s+(?P<n>[0-9]{{1,2}}){_SLASH_OR_NAM}"),
    (PeriodKind.YEAR, rf"(?:cả\s+)?năm(?:\s+{_YEAR})?"),
)
_NAME_PATTERNS = tuple((kind, re.compile(p, re.IGNORECASE)) for kind, p in _NAMES)
_WITH_CUTOFF = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        r"(?P<name>.+?)\s*\(\s*tính đến\s+(?P<date>[^()]+?)\s*\)",
        r"(?P<name>.+?)(?:\s*,\s*|\s+)tính đến\s+(?P<date>.+)",
        # "tính đến 15/2/2023" alone: counted from 1 January (format_cutoff_period)
        r"(?P<name>)tính đến\s+(?P<date>.+)",
    )
)


def _from_id(match: re.Match[str], text: str) -> Period:
    year = int(match["year"])
    found = [(kind, int(match[group])) for group, kind in _ID_KINDS.items() if match[group]]
    kind, number = found[0] if found else (PeriodKind.YEAR, 0)
    period = Period._build(kind, year, number, text)
    if cutoff := match["cutoff"]:
        try:
            day = date(int(cutoff[:4]), int(cutoff[4:6]), int(cutoff[6:]))
        except ValueError:
            raise InputError("period.bad_cutoff", text=text) from None
        period = period.with_cutoff(day)
    return period


def _from_name(name: str, text: str) -> Period | None:
    """The period a Vietnamese name denotes; None if ``name`` is no period name."""
    for kind, pattern in _NAME_PATTERNS:
        match = pattern.fullmatch(name)
        if not match:
            continue
        if match["year"] is None:
            raise InputError("period.missing_year", text=text)
        year = int(match["year"])
        if kind is PeriodKind.YEAR:
            return Period._build(kind, year, 0, text)
        n = match["n"]
        number = int(n) if n.isdigit() else from_roman(n)
        last = kind is PeriodKind.YTD and match["where"].lower() != "đầu"
        return Period._build(PeriodKind.LAST if last else kind, year, number, text)
    return None


@lru_cache(maxsize=4096)
def parse_period(text: str) -> Period:
    """A period from its id (``2023Q1``, ``2023YTD02@20230215``, any case, canonical or
    not) or its Vietnamese name (``quý I/2023``, ``02 tháng đầu năm 2023``, ``tháng 2 năm
    2023`` …), optionally with ``, tính đến 15/2/2023`` or ``(tính đến ngày 15/2/2023)``.
    The result is canonical."""
    cleaned = clean(text)
    if not cleaned:
        raise InputError("period.empty")
    if match := _ID.fullmatch(cleaned):
        return _from_id(match, cleaned)
    for pattern in _WITH_CUTOFF:
        if match := pattern.fullmatch(cleaned):
            cutoff = parse_date(match["date"])
            if not match["name"]:
                return Period.year_of(cutoff.year).with_cutoff(cutoff)
            period = _from_name(match["name"], cleaned)
            if period is not None:
                return period.with_cutoff(cutoff)
    period = _from_name(cleaned, cleaned)
    if period is None:
        raise InputError("period.invalid", text=cleaned, examples=_EXAMPLES)
    return period

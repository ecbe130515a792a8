"""Periods: canonical forms, ids, Vietnamese names, cut-offs."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from datetime import date, datetime

import pytest

from hbt_desktop.core.dates import format_date
from hbt_desktop.core.periods import (
    Period,
    PeriodKind,
    format_cutoff_period,
    format_period,
    parse_period,
)
from tests.core.refusals import refused

P = Period
K = PeriodKind
FEB_15 = date(2023, 2, 15)


# --- canonical forms --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("built", "canonical"),
    [
        (P.first_months(2023, 1), P.month(2023, 1)),
        (P.first_months(2023, 3), P.quarter(2023, 1)),
        (P.first_months(2023, 6), P.half(2023, 1)),
        (P.first_months(2023, 12), P.year_of(2023)),
        (P.last_months(2023, 1), P.month(2023, 12)),
        (P.last_months(2023, 3), P.quarter(2023, 4)),
        (P.last_months(2023, 6), P.half(2023, 2)),
        (P.last_months(2023, 12), P.year_of(2023)),
    ],
)
def test_equal_spans_get_one_canonical_form(built: Period, canonical: Period) -> None:
    assert built == canonical
    assert built.id == canonical.id
    assert hash(built) == hash(canonical)


def test_kinds_and_numbers_of_canonical_periods() -> None:
    assert P.first_months(2023, 2) == Period(K.YTD, 2023, 2)
    assert P.last_months(2023, 9) == Period(K.LAST, 2023, 9)
    assert P.year_of(2023) == Period(K.YEAR, 2023, 0)


def test_the_seed_cutoff_is_one_key_whatever_it_was_called() -> None:
    from_quarter = P.quarter(2023, 1).with_cutoff(FEB_15)
    from_year = P.year_of(2023).with_cutoff(FEB_15)
    from_ytd = P.first_months(2023, 2).with_cutoff(FEB_15)
    assert from_quarter == from_year == from_ytd == Period(K.YTD, 2023, 2, FEB_15)
    assert from_quarter.id == "2023YTD02@20230215"


@pytest.mark.parametrize(
    ("period", "cutoff", "expected_id"),
    [
        (P.quarter(2023, 2), date(2023, 5, 15), "2023Q2@20230515"),
        (P.quarter(2023, 2), date(2023, 4, 15), "202304@20230415"),
        (P.quarter(2023, 2), date(2023, 4, 30), "202304"),  # = end of April: dropped
        (P.quarter(2023, 1), date(2023, 3, 31), "2023Q1"),  # the period's last day
        (P.quarter(2023, 1), date(2023, 1, 1), "202301@20230101"),
        (P.year_of(2023), date(2023, 2, 28), "2023YTD02"),
        (P.year_of(2023), date(2023, 3, 15), "2023Q1@20230315"),
        (P.year_of(2023), date(2023, 5, 31), "2023YTD05"),
        (P.year_of(2023), date(2023, 12, 31), "2023"),
        (P.year_of(2023), date(2023, 12, 30), "2023@20231230"),
        (P.half(2023, 2), date(2023, 8, 15), "2023Q3@20230815"),
        (P.half(2023, 2), date(2023, 11, 15), "2023S2@20231115"),
        (P.last_months(2023, 9), date(2023, 8, 15), "2023L09@20230815"),
        (P.last_months(2023, 9), date(2023, 5, 15), "2023Q2@20230515"),
        (P.last_months(2023, 10), date(2023, 4, 2), "2023L10@20230402"),
        (P.month(2023, 2), FEB_15, "202302@20230215"),
    ],
)
def test_a_cutoff_is_stored_under_the_shortest_period_containing_it(
    period: Period, cutoff: date, expected_id: str
) -> None:
    result = period.with_cutoff(cutoff)
    assert result.id == expected_id
    assert result.start == period.start
    assert result.end == cutoff
    # Whatever the id, the date the clerk gave is the one printed.
    assert result.stated_cutoff == cutoff
    assert f"(tính đến {format_date(cutoff)})" in format_period(result)


@pytest.mark.parametrize(
    ("period", "cutoff"),
    [
        (P.quarter(2023, 1), date(2023, 4, 15)),
        (P.quarter(2023, 2), date(2023, 3, 31)),
        (P.year_of(2023), date(2024, 1, 1)),
        (P.first_months(2023, 2), date(2023, 3, 1)),
    ],
)
def test_a_cutoff_outside_the_period_is_refused(period: Period, cutoff: date) -> None:
    err = refused("period.cutoff_outside", lambda: period.with_cutoff(cutoff))
    message = err.message_in("vi")
    assert f"{cutoff.day}/{cutoff.month}/{cutoff.year}" in message
    assert format_period(period) in message


def test_with_cutoff_refuses_a_datetime() -> None:
    with pytest.raises(TypeError):
        P.year_of(2023).with_cutoff(datetime(2023, 2, 15))


@pytest.mark.parametrize(
    "bad",
    [
        lambda: Period(K.YTD, 2023, 3),  # is Q1
        lambda: Period(K.LAST, 2023, 12),  # is the year
        lambda: Period(K.YEAR, 2023, 1),
        lambda: Period(K.MONTH, 2023, 13),
        lambda: Period(K.QUARTER, 2023, 1, FEB_15),  # is YTD 2 with the cut-off
        lambda: Period(K.YTD, 2023, 2, date(2023, 2, 28)),  # the last day: no cut-off
        lambda: Period(K.YTD, 2023, 2, FEB_15, stated_end=True),  # two different ends
        lambda: Period(K.YTD, 2023, 2, date(2023, 3, 1)),
        lambda: Period(K.MONTH, 1899, 1),
    ],
)
def test_direct_construction_of_a_non_canonical_form_is_refused(
    bad: Callable[[], Period],
) -> None:
    with pytest.raises(ValueError):
        bad()


@pytest.mark.parametrize(
    ("call", "key", "quoted"),
    [
        (lambda: P.month(2023, 13), "period.bad_month", "tháng 13/2023"),
        (lambda: P.month(2023, 0), "period.bad_month", "tháng 0/2023"),
        (lambda: P.quarter(2023, 5), "period.bad_quarter", "quý 5/2023"),
        (lambda: P.half(2023, 3), "period.bad_half", "3"),
        (lambda: P.first_months(2023, 13), "period.bad_month_count", "13 tháng đầu năm 2023"),
        (lambda: P.last_months(2023, 0), "period.bad_month_count", "0 tháng cuối năm 2023"),
        (lambda: P.year_of(1899), "period.year_range", "1899"),
        (lambda: P.year_of(2200), "period.year_range", "2200"),
    ],
)
def test_constructors_refuse_values_a_clerk_could_enter(
    call: Callable[[], Period], key: str, quoted: str
) -> None:
    err = refused(key, call)
    assert quoted in err.message_in("vi")


def test_constructors_refuse_non_integers() -> None:
    with pytest.raises(TypeError):
        P.month(2023, 2.0)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        P.year_of("2023")  # type: ignore[arg-type]


# --- what a period covers ---------------------------------------------------------------


def test_dates_and_months_covered() -> None:
    q1 = P.quarter(2023, 1)
    assert (q1.start, q1.end, q1.nominal_end) == (date(2023, 1, 1), date(2023, 3, 31), q1.end)
    assert q1.months == (1, 2, 3)
    cut = P.year_of(2023).with_cutoff(FEB_15)
    assert (cut.start, cut.end, cut.nominal_end) == (date(2023, 1, 1), FEB_15, date(2023, 2, 28))
    assert cut.months == (1, 2)
    assert P.month(2024, 2).end == date(2024, 2, 29)
    assert P.last_months(2023, 9).months == tuple(range(4, 13))
    assert P.half(2023, 2).start == date(2023, 7, 1)


def test_contains() -> None:
    cut = P.year_of(2023).with_cutoff(FEB_15)
    assert cut.contains(date(2023, 1, 1))
    assert cut.contains(FEB_15)
    assert not cut.contains(date(2023, 2, 16))
    assert not P.quarter(2023, 2).contains(date(2023, 3, 31))


def test_ids() -> None:
    assert P.month(2023, 2).id == "202302"
    assert P.quarter(2023, 1).id == "2023Q1"
    assert P.half(2023, 1).id == "2023S1"
    assert P.year_of(2023).id == "2023"
    assert P.first_months(2023, 2).id == "2023YTD02"
    assert P.first_months(2023, 11).id == "2023YTD11"
    assert P.last_months(2023, 9).id == "2023L09"
    assert str(P.quarter(2023, 2).with_cutoff(date(2023, 5, 15))) == "2023Q2@20230515"


def test_year_period_and_same_period_last_year() -> None:
    assert P.first_months(2023, 2).year_period() == P.year_of(2023)
    assert P.quarter(2023, 1).same_period_last_year() == P.quarter(2022, 1)
    cut = P.year_of(2023).with_cutoff(FEB_15)
    assert cut.same_period_last_year() == P.year_of(2022).with_cutoff(date(2022, 2, 15))
    # 29/2/2024 ends February: the id is the two months', the date stays stated.
    leap = P.year_of(2024).with_cutoff(date(2024, 2, 29))
    assert leap.id == "2024YTD02" and leap.ref == "2024YTD02@20240229"
    leap_cut = P.year_of(2024).with_cutoff(date(2024, 2, 29 - 1))
    # 28/2/2023 ends February: the same figures as "2 tháng đầu năm", the date kept.
    assert leap_cut.same_period_last_year().id == P.first_months(2023, 2).id
    assert leap_cut.same_period_last_year().stated_cutoff == date(2023, 2, 28)
    q1_leap = P.quarter(2024, 1).with_cutoff(date(2024, 2, 29))
    # Written "tính đến 29/2/2024", its cùng kỳ is written "tính đến 28/2/2023".
    assert q1_leap.same_period_last_year() == P.first_months(2023, 2).with_cutoff(date(2023, 2, 28))
    assert q1_leap.same_period_last_year().id == P.first_months(2023, 2).id
    refused("period.year_range", lambda: P.year_of(1900).same_period_last_year())


def test_previous() -> None:
    assert P.month(2023, 1).previous() == P.month(2022, 12)
    assert P.month(2023, 5).previous() == P.month(2023, 4)
    assert P.quarter(2023, 1).previous() == P.quarter(2022, 4)
    assert P.quarter(2023, 3).previous() == P.quarter(2023, 2)
    assert P.half(2023, 1).previous() == P.half(2022, 2)
    assert P.year_of(2023).previous() == P.year_of(2022)
    for undefined in (
        P.first_months(2023, 2),
        P.last_months(2023, 9),
        P.year_of(2023).with_cutoff(FEB_15),
    ):
        with pytest.raises(ValueError):
            undefined.previous()


def test_periods_sort_by_start_then_end() -> None:
    periods = [
        P.month(2023, 2),
        P.year_of(2023),
        P.quarter(2023, 1),
        P.first_months(2023, 2),
        P.year_of(2023).with_cutoff(FEB_15),
        P.year_of(2022),
    ]
    assert [p.id for p in sorted(periods)] == [
        "2022",
        "2023YTD02@20230215",
        "2023YTD02",
        "2023Q1",
        "2023",
        "202302",
    ]
    assert P.month(2023, 1) <= P.month(2023, 1) < P.month(2023, 2)
    assert P.year_of(2023) > P.quarter(2023, 1)


# --- Vietnamese names -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("period", "name"),
    [
        (P.month(2023, 2), "tháng 2/2023"),
        (P.quarter(2023, 1), "quý I/2023"),
        (P.quarter(2023, 4), "quý IV/2023"),
        (P.half(2023, 1), "6 tháng đầu năm 2023"),
        (P.half(2023, 2), "6 tháng cuối năm 2023"),
        (P.year_of(2023), "năm 2023"),
        (P.first_months(2023, 2), "2 tháng đầu năm 2023"),
        (P.last_months(2023, 9), "9 tháng cuối năm 2023"),
        (P.year_of(2023).with_cutoff(FEB_15), "2 tháng đầu năm 2023 (tính đến 15/2/2023)"),
    ],
)
def test_format_period(period: Period, name: str) -> None:
    assert format_period(period) == name


def test_format_period_options() -> None:
    assert format_period(P.month(2023, 2), quarter_style="nam") == "tháng 2 năm 2023"
    assert format_period(P.month(2023, 2), padded=True) == "tháng 02/2023"
    assert format_period(P.quarter(2023, 1), quarter_style="nam") == "quý I năm 2023"
    assert format_period(P.first_months(2023, 2), padded=True) == "02 tháng đầu năm 2023"
    assert format_period(P.last_months(2023, 9), padded=True) == "09 tháng cuối năm 2023"
    assert format_period(P.first_months(2023, 2), with_year=False) == "2 tháng đầu năm"
    assert format_period(P.quarter(2023, 1), with_year=False) == "quý I"
    assert format_period(P.year_of(2023), with_year=False) == "cả năm"
    cut = P.year_of(2023).with_cutoff(FEB_15)
    assert format_period(cut, cutoff=False) == "2 tháng đầu năm 2023"
    with pytest.raises(ValueError):
        format_period(P.quarter(2023, 1), quarter_style="dash")


def test_format_cutoff_period() -> None:
    assert format_cutoff_period(P.year_of(2023).with_cutoff(FEB_15)) == "tính đến 15/2/2023"
    assert format_cutoff_period(P.year_of(2023).with_cutoff(FEB_15), with_ngay=True) == (
        "tính đến ngày 15/2/2023"
    )
    q2 = P.quarter(2023, 2).with_cutoff(date(2023, 5, 15))
    assert format_cutoff_period(q2) == "quý II/2023 (tính đến 15/5/2023)"
    assert format_cutoff_period(P.quarter(2023, 1)) == "quý I/2023"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2 tháng đầu năm 2023", P.first_months(2023, 2)),
        ("02 tháng đầu năm 2023", P.first_months(2023, 2)),
        ("3 tháng đầu năm 2023", P.quarter(2023, 1)),
        ("quý I/2023", P.quarter(2023, 1)),
        ("quý I năm 2023", P.quarter(2023, 1)),
        ("quý 1/2023", P.quarter(2023, 1)),
        ("Quý IV / 2023", P.quarter(2023, 4)),
        ("QUÝ II NĂM 2023", P.quarter(2023, 2)),
        ("6 tháng đầu năm 2023", P.half(2023, 1)),
        ("6 tháng cuối năm 2023", P.half(2023, 2)),
        ("9 tháng cuối năm 2023", P.last_months(2023, 9)),
        ("năm 2023", P.year_of(2023)),
        ("cả năm 2023", P.year_of(2023)),
        ("tháng 2/2023", P.month(2023, 2)),
        ("tháng 02 năm 2023", P.month(2023, 2)),
        ("quý I/2023, tính đến 15/2/2023", P.year_of(2023).with_cutoff(FEB_15)),
        ("quý I/2023 (tính đến ngày 15/2/2023)", P.year_of(2023).with_cutoff(FEB_15)),
        ("năm 2023 tính đến 15/02/2023", P.year_of(2023).with_cutoff(FEB_15)),
        ("2 tháng đầu năm 2023, tính đến ngày 15/2/2023", P.year_of(2023).with_cutoff(FEB_15)),
        ("tính đến 15/2/2023", P.year_of(2023).with_cutoff(FEB_15)),
        ("Tính đến ngày 15/2/2023", P.year_of(2023).with_cutoff(FEB_15)),
        ("quý II/2023 (tính đến 15/5/2023)", P.quarter(2023, 2).with_cutoff(date(2023, 5, 15))),
    ],
)
def test_parse_period_reads_vietnamese_names(text: str, expected: Period) -> None:
    assert parse_period(text) == expected
    assert parse_period(unicodedata.normalize("NFD", text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("202302", P.month(2023, 2)),
        ("2023Q1", P.quarter(2023, 1)),
        ("2023q1", P.quarter(2023, 1)),
        ("2023S2", P.half(2023, 2)),
        ("2023", P.year_of(2023)),
        ("2023YTD02", P.first_months(2023, 2)),
        ("2023ytd2", P.first_months(2023, 2)),
        ("2023YTD03", P.quarter(2023, 1)),
        ("2023L09", P.last_months(2023, 9)),
        ("2023L12", P.year_of(2023)),
        ("2023Q1@20230215", P.first_months(2023, 2).with_cutoff(FEB_15)),
        ("2023@20230215", P.first_months(2023, 2).with_cutoff(FEB_15)),
        ("2023YTD02@20230215", P.first_months(2023, 2).with_cutoff(FEB_15)),
        ("2023Q1@20230331", P.quarter(2023, 1).with_cutoff(date(2023, 3, 31))),
    ],
)
def test_parse_period_reads_ids_and_canonicalises(text: str, expected: Period) -> None:
    assert parse_period(text) == expected
    assert parse_period(text).ref == expected.ref


@pytest.mark.parametrize(
    ("text", "key", "quoted"),
    [
        ("abc", "period.invalid", '"abc"'),
        ("quý I", "period.missing_year", '"quý I"'),
        ("2 tháng đầu năm", "period.missing_year", '"2 tháng đầu năm"'),
        ("cả năm", "period.missing_year", '"cả năm"'),
        ("quý V/2023", "period.bad_quarter", '"quý V/2023"'),
        ("quý 0/2023", "period.bad_quarter", '"quý 0/2023"'),
        ("2023Q5", "period.bad_quarter", '"2023Q5"'),
        ("tháng 13/2023", "period.bad_month", '"tháng 13/2023"'),
        ("202300", "period.bad_month", '"202300"'),
        ("2023S3", "period.bad_half", '"2023S3"'),
        ("13 tháng đầu năm 2023", "period.bad_month_count", '"13 tháng đầu năm 2023"'),
        ("0 tháng cuối năm 2023", "period.bad_month_count", '"0 tháng cuối năm 2023"'),
        ("2023YTD13", "period.bad_month_count", '"2023YTD13"'),
        ("năm 1899", "period.year_range", '"năm 1899"'),
        ("2200Q1", "period.year_range", '"2200Q1"'),
        ("quý IIII/2023", "roman.invalid", '"IIII"'),
        ("2023Q1@20230231", "period.bad_cutoff", '"2023Q1@20230231"'),
        ("2023Q1@20230415", "period.cutoff_outside", "15/4/2023"),
        ("quý I/2023, tính đến 15/4/2023", "period.cutoff_outside", "15/4/2023"),
        ("quý I/2023, tính đến 31/2/2023", "date.impossible", '"31/2/2023"'),
        ("quý I/23", "period.invalid", '"quý I/23"'),
        ("Q1 2023", "period.invalid", '"Q1 2023"'),
        ("\uff12\uff10\uff12\uff13Q1", "period.invalid", "Q1"),  # full-width digits
        ("2 tháng giữa năm 2023", "period.invalid", '"2 tháng giữa năm 2023"'),
    ],
)
def test_parse_period_refuses_with_a_clear_message(text: str, key: str, quoted: str) -> None:
    err = refused(key, lambda: parse_period(text))
    assert quoted in err.message_in("vi")


def test_unreadable_period_message_lists_examples() -> None:
    message = refused("period.invalid", lambda: parse_period("kỳ này")).message_in("vi")
    for example in ("2 tháng đầu năm 2023", "quý I/2023", "năm 2023", "tháng 2/2023"):
        assert example in message


def test_parse_period_refuses_empty_text() -> None:
    refused("period.empty", lambda: parse_period("  "))


# --- a cut-off typed on the last day of a period ----------------------------------------


def _every_period(year: int) -> list[Period]:
    return [
        *(P.month(year, m) for m in range(1, 13)),
        *(P.quarter(year, q) for q in range(1, 5)),
        *(P.half(year, h) for h in (1, 2)),
        P.year_of(year),
        *(P.first_months(year, n) for n in range(2, 12)),
        *(P.last_months(year, n) for n in range(2, 12)),
    ]


@pytest.mark.parametrize("period", _every_period(2024), ids=lambda p: p.id)
def test_a_cutoff_on_the_last_day_of_any_period_is_kept_and_printed(period: Period) -> None:
    last = period.nominal_end
    cut = period.with_cutoff(last)
    words = f"tính đến ngày {last.day}/{last.month}/{last.year}"
    # The same figures: the same id, the same stored values.
    assert cut.id == period.id
    assert cut.stated_end and cut.cutoff is None and cut.end == last
    # ...but printed as the clerk wrote it, in every wording.
    assert words in format_cutoff_period(cut, with_ngay=True)
    assert f"(tính đến {last.day}/{last.month}/{last.year})" in format_period(cut)
    assert format_period(cut, cutoff=False) == format_period(period)
    # Read back from what is saved and from what is printed, the date is still there.
    assert parse_period(cut.ref) == cut
    assert parse_period(format_period(cut)) == cut
    assert parse_period(format_cutoff_period(cut, with_ngay=True)) == cut
    assert cut.ref == f"{period.id}@{last:%Y%m%d}"
    assert cut.nominal() == period and period.ref == period.id


def test_the_seed_wording_of_a_month_end_cutoff() -> None:
    typed = parse_period("5 tháng đầu năm 2023, tính đến ngày 31/5/2023")
    assert format_cutoff_period(typed, with_ngay=True) == "tính đến ngày 31/5/2023"
    assert format_cutoff_period(typed) == "tính đến 31/5/2023"
    assert typed.id == "2023YTD05" and typed != P.first_months(2023, 5)
    assert parse_period("tính đến 31/5/2023") == typed
    # Its "cùng kỳ" is written the same way, a year back.
    assert format_cutoff_period(typed.same_period_last_year()) == "tính đến 31/5/2022"

"""Properties of the Vietnamese formatters and parsers, over generated values.

What is printed must read back as the same figure (rounded as printed); nothing printed
may carry exponent notation, "-0", "nan" or more decimals than asked; and a string that
reads two ways is never read silently.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from hbt_desktop.core.dates import (
    format_date,
    format_date_padded,
    format_decree_date,
    parse_date,
)
from hbt_desktop.core.errors import AmbiguousInput, InputError
from hbt_desktop.core.money import (
    MoneyFormat,
    MoneyStyle,
    format_money,
    money_style_from_words,
    parse_money,
    printed_dong,
    qualifier_holds,
)
from hbt_desktop.core.numbers import (
    MAX_DECIMALS,
    Convention,
    format_decimal,
    format_percent,
    parse_number,
    parse_percent,
    round_half_up,
    split_qualifier,
)
from hbt_desktop.core.periods import (
    Period,
    format_cutoff_period,
    format_period,
    parse_period,
)
from hbt_desktop.core.wording import format_growth, format_points, format_share

FAST = settings(max_examples=200, deadline=None)

# Decimals a clerk can type: up to 18 integer digits (one less, so that rounding up
# cannot carry into a 19th) and up to 6 decimals.
LIMIT = 10**17


@st.composite
def typed_decimals(draw: st.DrawFn) -> Decimal:
    places = draw(st.integers(0, MAX_DECIMALS))
    coefficient = draw(st.integers(-LIMIT * 10**places, LIMIT * 10**places))
    return Decimal(coefficient).scaleb(-places)


decimals_arg = st.integers(0, MAX_DECIMALS)


def shows_negative_zero(text: str) -> bool:
    return re.search(r"-0(,0*)?(?![\d,.])", text) is not None


# --- numbers ----------------------------------------------------------------------------


@FAST
@given(typed_decimals(), decimals_arg)
def test_a_formatted_number_reads_back_as_printed(value: Decimal, decimals: int) -> None:
    parsed = parse_number(format_decimal(value, decimals), convention=Convention.VI)
    assert parsed.value == round_half_up(value, decimals)
    assert parsed.decimals == decimals
    assert not parsed.percent


@FAST
@given(typed_decimals(), decimals_arg)
def test_a_formatted_percent_reads_back_as_printed(value: Decimal, decimals: int) -> None:
    text = format_percent(value, decimals)
    parsed = parse_number(text, convention=Convention.VI)
    assert (parsed.value, parsed.decimals, parsed.percent) == (
        round_half_up(value, decimals),
        decimals,
        True,
    )
    assert parse_percent(text, convention=Convention.VI) == parsed


@FAST
@given(typed_decimals(), decimals_arg)
def test_typed_never_misreads_a_formatted_number(value: Decimal, decimals: int) -> None:
    expected = round_half_up(value, decimals)
    try:
        assert parse_number(format_decimal(value, decimals)).value == expected
    except AmbiguousInput as err:
        assert expected in err.readings


@FAST
@given(
    st.decimals(min_value=-(10**30), max_value=10**30, allow_nan=False, allow_infinity=False),
    decimals_arg,
)
def test_formatting_is_plain_and_exact_to_the_decimals_asked(value: Decimal, decimals: int) -> None:
    for text in (format_decimal(value, decimals), format_percent(value, decimals)):
        assert re.fullmatch(r"-?\d{1,3}(\.\d{3})*(,\d+)?%?", text), text
        assert not re.search(r"e|nan|inf", text, re.IGNORECASE)
        assert not shows_negative_zero(text)
        fraction = text.rstrip("%").partition(",")[2]
        assert len(fraction) == decimals


@FAST
@given(st.from_regex(r"[0-9]{1,8}\.[0-9]{3}", fullmatch=True), st.sampled_from(["", "-", "+"]))
def test_typed_refuses_every_dot_before_three_digits(body: str, sign: str) -> None:
    assume(Decimal(body) != 0)  # "0.000" is zero whichever way it is read
    text = sign + body
    with pytest.raises(AmbiguousInput) as info:
        parse_number(text)
    whole, fraction = info.value.readings
    assert abs(whole) == Decimal(body.replace(".", ""))  # type: ignore[arg-type]
    assert abs(fraction) == Decimal(body)  # type: ignore[arg-type]


NUMBERISH = st.from_regex(r"[-+]?[0-9]{0,4}([., ][0-9]{0,4}){0,3}%?", fullmatch=True)


def reading(text: str, convention: Convention) -> Decimal | None:
    try:
        return parse_number(text, convention=convention).value
    except InputError:
        return None


@FAST
@given(NUMBERISH)
def test_a_string_that_reads_two_ways_is_never_read_silently(text: str) -> None:
    vn, en = reading(text, Convention.VI), reading(text, Convention.EN)
    two_ways = vn is not None and en is not None and vn != en
    unknown = reading(text, Convention.UNKNOWN)
    typed = reading(text, Convention.TYPED)
    if two_ways:
        assert unknown is None
        with pytest.raises(AmbiguousInput):
            parse_number(text, convention=Convention.UNKNOWN)
        if "," not in text:  # typed, a comma is only ever the decimal mark
            assert typed is None
    # Whatever is read is one of the two conventions' readings, never a third.
    assert unknown in (None, vn, en)
    assert typed in (None, vn, en)


@FAST
@given(typed_decimals(), decimals_arg)
def test_nfd_input_parses_like_nfc(value: Decimal, decimals: int) -> None:
    text = " " + format_percent(value, decimals) + "\u00a0"
    nfd = unicodedata.normalize("NFD", text)
    assert parse_number(nfd, convention=Convention.VI) == parse_number(
        text, convention=Convention.VI
    )


# --- money ------------------------------------------------------------------------------

# parse_money accepts up to 10**18 đồng, but 10**18 itself written in đồng has 19
# digits, one more than a typed number may have; no real amount comes near.
MAX_DONG = 10**18 - 1


def _shift(dong: int, power: int) -> Decimal:
    return Decimal(dong).scaleb(-power)


def expected_money(dong: int, fmt: MoneyFormat) -> int:
    """The amount as the style prints it: rounded half up to the style's precision."""
    if fmt.style is MoneyStyle.DONG or (fmt.style is MoneyStyle.TY_TRIEU and abs(dong) < 10**6):
        return dong
    power = {
        MoneyStyle.TY_TRIEU: 6,
        MoneyStyle.TRIEU: 6,
        MoneyStyle.TY_DECIMAL: 9,
        MoneyStyle.TY: 9,
        MoneyStyle.NGHIN_TY: 12,
    }[fmt.style]
    return int(round_half_up(_shift(dong, power), fmt.decimals).scaleb(power))


@st.composite
def money_formats(draw: st.DrawFn) -> MoneyFormat:
    style = draw(st.sampled_from(list(MoneyStyle)))
    decimals = {
        MoneyStyle.TY_DECIMAL: st.integers(1, 3),
        MoneyStyle.NGHIN_TY: st.integers(0, 3),
        MoneyStyle.TRIEU: st.integers(0, 6),
    }.get(style, st.just(0))
    return MoneyFormat(
        style, draw(decimals), draw(st.sampled_from(["tỷ", "tỉ"])), draw(st.booleans())
    )


amounts = st.one_of(
    st.integers(-MAX_DONG, MAX_DONG),
    st.integers(-(10**13), 10**13),  # the sizes a district budget really has
    st.integers(-(10**7), 10**7),
)


@FAST
@given(amounts, money_formats())
def test_formatted_money_reads_back_rounded_to_the_style(dong: int, fmt: MoneyFormat) -> None:
    text = format_money(dong, fmt)
    assert parse_money(text, convention=Convention.VI, allow_negative=True) == (
        expected_money(dong, fmt)
    )
    nfd = unicodedata.normalize("NFD", text.upper())
    assert parse_money(nfd, convention=Convention.VI, allow_negative=True) == (
        expected_money(dong, fmt)
    )


# Every way a template may name a style for one sentence, with the decimals it accepts.
STYLE_WORDS = st.one_of(
    st.tuples(st.sampled_from(["tỷ triệu", "Tỷ Triệu", "ty trieu", "tỉ triệu"]), st.none()),
    st.tuples(st.sampled_from(["tỷ", "tỉ", "TỶ"]), st.one_of(st.none(), st.integers(0, 3))),
    st.tuples(st.sampled_from(["nghìn tỷ", "ngàn tỷ", "nghin ty"]), st.integers(0, 3)),
    st.tuples(st.sampled_from(["triệu", "trieu"]), st.integers(0, 6)),
    st.tuples(st.sampled_from(["đồng", "dong"]), st.none()),
)


@FAST
@given(amounts, STYLE_WORDS, st.sampled_from([None, "trên", "hơn", "gần", "xấp xỉ", "khoảng"]))
def test_a_style_named_for_one_sentence_reads_back_as_printed(
    dong: int, words: tuple[str, int | None], qualifier: str | None
) -> None:
    fmt = money_style_from_words(*words)
    printed = printed_dong(dong, fmt)
    assert printed == expected_money(dong, fmt)
    text = format_money(dong, fmt, qualifier=qualifier)
    found, rest = split_qualifier(text)
    assert found == qualifier
    assert parse_money(rest, convention=Convention.VI, allow_negative=True) == printed
    # A qualifier the program lets a template add is true of the exact amount.
    if qualifier in ("trên", "hơn"):
        assert qualifier_holds(qualifier, dong, printed, strict=True) == (dong > printed)
    if qualifier == "gần":
        assert qualifier_holds(qualifier, dong, printed, strict=True) == (dong < printed)


@FAST
@given(
    st.decimals(min_value=Decimal("100.5"), max_value=Decimal(10**9), places=4), st.integers(0, 3)
)
def test_vuot_prints_the_excess_of_the_printed_share(pct: Decimal, decimals: int) -> None:
    text = format_share(pct, decimals, verb="vượt", so_voi=False, base="dự toán")
    excess = parse_number(
        text.removeprefix("vượt ").removesuffix(" dự toán"), convention=Convention.VI
    ).value
    share = format_share(pct, decimals, so_voi=False, base="dự toán")
    read = parse_number(
        share.removeprefix("đạt ").removesuffix(" dự toán"), convention=Convention.VI
    )
    assert excess + 100 == read.value


@FAST
@given(amounts, money_formats())
def test_money_text_is_plain(dong: int, fmt: MoneyFormat) -> None:
    text = format_money(dong, fmt)
    assert not re.search(r"\de|nan|inf|VND|₫", text, re.IGNORECASE)
    assert not shows_negative_zero(text)
    assert text.endswith(" đồng") == fmt.with_unit
    assert ("-" in text) == (text.lstrip("-") != text and dong < 0)


# --- wording ----------------------------------------------------------------------------


@FAST
@given(typed_decimals(), st.integers(0, 3))
def test_growth_and_points_never_print_a_sign(pct: Decimal, decimals: int) -> None:
    for text in (format_growth(pct, decimals), format_points(pct, decimals)):
        assert "-" not in text
        assert not re.search(r"e|nan", text.replace("giảm", "").replace("tăng", ""))


# --- dates and periods ------------------------------------------------------------------

dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2199, 12, 31))


@FAST
@given(dates)
def test_every_date_format_reads_back(d: date) -> None:
    for text in (format_date(d), format_date_padded(d), format_decree_date(d), d.isoformat()):
        assert parse_date(text) == d


def all_periods(year: int) -> list[Period]:
    return [
        *(Period.month(year, m) for m in range(1, 13)),
        *(Period.quarter(year, q) for q in range(1, 5)),
        *(Period.half(year, h) for h in (1, 2)),
        Period.year_of(year),
        *(Period.first_months(year, n) for n in range(1, 13)),
        *(Period.last_months(year, n) for n in range(1, 13)),
    ]


@st.composite
def periods(draw: st.DrawFn) -> Period:
    year = draw(st.integers(1901, 2199))
    period = draw(st.sampled_from(all_periods(year)))
    if draw(st.booleans()):
        day = draw(st.dates(min_value=period.start, max_value=period.nominal_end))
        period = period.with_cutoff(day)
    return period


@FAST
@given(periods())
def test_period_ids_and_names_read_back(p: Period) -> None:
    assert parse_period(p.ref) == p
    assert parse_period(p.ref.lower()) == p
    # The id alone names the same figures; only the stated last day is not in it.
    assert parse_period(p.id) == (p.nominal() if p.stated_end else p)
    assert parse_period(format_cutoff_period(p)) == p
    for padded in (False, True):
        for style in ("slash", "nam"):
            name = format_period(p, padded=padded, quarter_style=style)
            assert parse_period(name) == p
            assert parse_period(unicodedata.normalize("NFD", name.upper())) == p


@FAST
@given(periods())
def test_period_invariants(p: Period) -> None:
    assert p.start <= p.end <= p.nominal_end
    assert p.contains(p.start) and p.contains(p.end)
    assert p.months[0] == p.start.month and p.months[-1] == p.nominal_end.month
    assert (p.cutoff is None) == (p.end == p.nominal_end)
    last = p.same_period_last_year()
    assert last.start == p.start.replace(year=p.year - 1)
    assert last.end.year == p.year - 1


@FAST
@given(st.integers(1900, 2199), st.data())
def test_one_key_per_start_and_cutoff(year: int, data: st.DataObject) -> None:
    day = data.draw(st.dates(min_value=date(year, 1, 1), max_value=date(year, 12, 31)))
    keys: dict[date, set[Period]] = {}
    for period in all_periods(year):
        if period.contains(day):
            keys.setdefault(period.start, set()).add(period.with_cutoff(day))
    assert all(len(same_start) == 1 for same_start in keys.values())
    # ...and distinct (start, end) pairs never share a key.
    everything = [next(iter(v)) for v in keys.values()] + all_periods(year)
    by_span = {(p.start, p.end): p for p in everything}
    assert len(set(by_span.values())) == len(by_span)


# --- any text at all --------------------------------------------------------------------

# Characters the parsers care about, so that generated text gets past the first checks.
PARSER_TEXT = st.lists(
    st.one_of(
        st.sampled_from(list("0123456789.,/-+% @()\u00a0\u2212QqSsLYTDđ₫")),
        st.sampled_from(["tỷ", "tỉ", "triệu", "nghìn", "đồng", "tháng", "quý", "năm", "ngày"]),
        st.sampled_from(["đầu", "cuối", "tính đến", "I", "V", "X", "trên", "xấp xỉ"]),
        st.characters(codec="utf-8"),
    ),
    max_size=30,
).map("".join)


@settings(max_examples=500, deadline=None)
@given(PARSER_TEXT)
def test_parsers_refuse_with_input_error_and_never_crash(text: str) -> None:
    for parse in (parse_number, parse_money, parse_date, parse_period):
        try:
            parse(text)
        except InputError as err:
            assert err.message_in("vi") and err.message_in("en")
            assert not err.message_in("vi").startswith("[")  # a registered key

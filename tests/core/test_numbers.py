"""Numbers as district bulletins write them, and reading what clerks type or paste."""

from __future__ import annotations

import unicodedata
from decimal import Decimal

import pytest

from hbt_desktop.core.errors import AmbiguousInput
from hbt_desktop.core.numbers import (
    Convention,
    ParsedNumber,
    format_decimal,
    format_percent,
    from_roman,
    infer_convention,
    parse_decimal,
    parse_number,
    parse_percent,
    round_half_up,
    split_qualifier,
    to_decimal,
    to_roman,
)
from tests.core.refusals import refused

D = Decimal


# --- rounding and formatting ------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (D("2.675"), 2, D("2.68")),  # banker's rounding would give 2.68 too; see next
        (D("2.665"), 2, D("2.67")),  # banker's: 2.66
        (D("0.5"), 0, D("1")),
        (D("-0.5"), 0, D("-1")),  # half away from zero, symmetric
        (D("12.345"), 0, D("12")),
        (7, 2, D("7.00")),
    ],
)
def test_round_half_up_rounds_halves_away_from_zero(
    value: Decimal | int, decimals: int, expected: Decimal
) -> None:
    result = round_half_up(value, decimals)
    assert result == expected
    assert result.as_tuple().exponent == -decimals


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (D("4115"), 0, "4.115"),
        (2344, 0, "2.344"),
        (1234567, 0, "1.234.567"),
        (D("999"), 0, "999"),
        (D("-1.25"), 2, "-1,25"),
        (D("11.7"), 1, "11,7"),
        (D("12.30"), 2, "12,30"),
        (D("1234.5"), 3, "1.234,500"),
        (D("1E+3"), 0, "1.000"),
        (D("1.5E-7"), 6, "0,000000"),
        (D("-0.001"), 2, "0,00"),
        (D("-0.4"), 0, "0"),
        (D("-0"), 0, "0"),
        (D("0.05"), 1, "0,1"),
        (D("123456789012345678.123456"), 6, "123.456.789.012.345.678,123456"),
    ],
)
def test_format_decimal_writes_vietnamese_separators(
    value: Decimal | int, decimals: int, expected: str
) -> None:
    assert format_decimal(value, decimals) == expected


def test_format_percent_has_no_space_before_the_sign() -> None:
    assert format_percent(D("11.7"), 1) == "11,7%"
    assert format_percent(34, 0) == "34%"
    assert format_percent(D("12.33"), 2) == "12,33%"
    assert format_percent(D("-0.001"), 1) == "0,0%"


@pytest.mark.parametrize("bad", [1.5, True, "12", None])
def test_formatting_refuses_floats_and_other_types(bad: object) -> None:
    with pytest.raises(TypeError):
        format_decimal(bad, 1)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        to_decimal(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", [D("NaN"), D("Infinity"), D("-Infinity"), D("sNaN")])
def test_formatting_refuses_non_finite_values(bad: Decimal) -> None:
    with pytest.raises(ValueError):
        format_decimal(bad, 0)


@pytest.mark.parametrize("decimals", [-1, True, 1.0])
def test_formatting_refuses_bad_decimals(decimals: object) -> None:
    with pytest.raises(ValueError):
        format_decimal(D(1), decimals)  # type: ignore[arg-type]


# --- parsing: what a clerk types (Convention.TYPED) -------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "decimals", "percent"),
    [
        ("4115", D("4115"), 0, False),
        ("1.234.567", D("1234567"), 0, False),
        ("12,33", D("12.33"), 2, False),
        ("12,30", D("12.30"), 2, False),
        ("1.5", D("1.5"), 1, False),
        ("1.23", D("1.23"), 2, False),
        ("1.2345", D("1.2345"), 4, False),
        ("4.115,5", D("4115.5"), 1, False),
        ("4 115", D("4115"), 0, False),
        ("4\u00a0115,5", D("4115.5"), 1, False),
        ("4\u202f115", D("4115"), 0, False),
        ("  12,5  ", D("12.5"), 1, False),
        ("-1,25", D("-1.25"), 2, False),
        ("\u22123", D("-3"), 0, False),
        ("+7", D("7"), 0, False),
        ("34%", D("34"), 0, True),
        ("11,7%", D("11.7"), 1, True),
        ("12,33 %", D("12.33"), 2, True),
        ("-0", D("0"), 0, False),
        ("081", D("81"), 0, False),
        ("123456789012345678,123456", D("123456789012345678.123456"), 6, False),
    ],
)
def test_parse_number_reads_typed_numbers(
    text: str, value: Decimal, decimals: int, percent: bool
) -> None:
    parsed = parse_number(text)
    assert parsed == ParsedNumber(value, decimals, percent)
    assert parsed.value.as_tuple().exponent == -decimals  # "12,30" keeps its precision


def test_parsed_zero_is_never_negative() -> None:
    assert not parse_number("-0,00").value.is_signed()


@pytest.mark.parametrize(
    ("text", "whole", "fraction"),
    [
        ("4.115", "4.115", "4,115"),
        ("748.870", "748.870", "748,870"),
        ("1.000", "1.000", "1,000"),
        ("0.500", "500", "0,500"),
        ("-4.115", "-4.115", "-4,115"),
        ("4.115%", "4.115%", "4,115%"),
        ("1 234.567", "1.234.567", "1.234,567"),
        ("2130.879", "2.130.879", "2.130,879"),  # badly grouped, but maybe meant whole
        ("12345.678", "12.345.678", "12.345,678"),
    ],
)
def test_typed_dot_before_three_digits_is_refused_with_both_readings(
    text: str, whole: str, fraction: str
) -> None:
    with pytest.raises(AmbiguousInput) as info:
        parse_number(text)
    err = info.value
    assert err.key == "number.ambiguous"
    assert len(err.readings) == 2
    whole_reading = err.readings[0]
    assert isinstance(whole_reading, Decimal)
    assert whole_reading == whole_reading.to_integral_value()
    message = err.message_in("vi")
    assert f'"{text}"' in message
    assert whole in message
    assert fraction in message


def test_ambiguous_message_tells_the_clerk_what_to_type() -> None:
    with pytest.raises(AmbiguousInput) as info:
        parse_number("4.115")
    assert info.value.readings == (D("4115"), D("4.115"))
    assert info.value.message_in("vi") == (
        'Không rõ "4.115" là số nguyên 4.115 hay số thập phân 4,115. '
        "Nếu là số nguyên, hãy gõ 4115; nếu là số thập phân, hãy gõ 4,115."
    )
    # Both suggestions are themselves unambiguous.
    assert parse_decimal("4115") == D("4115")
    assert parse_decimal("4,115") == D("4.115")


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("abc", "number.invalid"),
        ("1,2,3", "number.invalid"),
        ("12..3", "number.invalid"),
        ("1,", "number.invalid"),
        (",5", "number.invalid"),
        (".879", "number.invalid"),
        (".5", "number.invalid"),
        ("1.234,5.6", "number.invalid"),
        ("1E3", "number.invalid"),
        ("- 5", "number.invalid"),
        ("--5", "number.invalid"),
        ("5-", "number.invalid"),
        ("%", "number.invalid"),
        ("5%%", "number.invalid"),
        ("\uff14\uff11", "number.invalid"),  # full-width digits
        ("\u0664\u0661", "number.invalid"),  # Arabic-Indic digits
        ("1\n2", "number.invalid"),
        ("1.23.456", "number.bad_grouping"),
        ("12 34", "number.bad_grouping"),
        ("1234.567.890", "number.bad_grouping"),
        ("1234567890123456789", "number.too_long"),
        ("1.234.567.890.123.456.789", "number.too_long"),
        ("1,1234567", "number.too_precise"),
    ],
)
def test_parse_number_refuses_bad_text_quoting_it(text: str, key: str) -> None:
    err = refused(key, lambda: parse_number(text))
    assert f'"{text.strip()}"' in err.message_in("vi")


@pytest.mark.parametrize("text", ["", "   ", "\u00a0"])
def test_parse_number_refuses_empty_text(text: str) -> None:
    refused("number.empty", lambda: parse_number(text))


def test_parse_number_accepts_nfd_and_surrounding_whitespace_like_nfc() -> None:
    assert parse_number(unicodedata.normalize("NFD", " 12,5% ")) == parse_number("12,5%")


# --- other conventions ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("4.115", D("4115")),
        ("748.870", D("748870")),
        ("4,115", D("4.115")),
        ("1.234,5", D("1234.5")),
    ],
)
def test_vi_convention_never_hesitates(text: str, value: Decimal) -> None:
    assert parse_decimal(text, convention=Convention.VI) == value


def test_vi_convention_refuses_english_numbers() -> None:
    refused("number.invalid", lambda: parse_number("1,234.5", convention=Convention.VI))
    refused("number.bad_grouping", lambda: parse_number("1.5", convention=Convention.VI))


@pytest.mark.parametrize(
    ("text", "value"),
    [("4,115", D("4115")), ("4.115", D("4.115")), ("1,234.5", D("1234.5")), ("1.5", D("1.5"))],
)
def test_en_convention_reads_english_numbers(text: str, value: Decimal) -> None:
    assert parse_decimal(text, convention=Convention.EN) == value


def test_en_convention_refuses_vietnamese_numbers_with_an_english_example() -> None:
    err = refused("number.bad_grouping", lambda: parse_number("12,33", convention=Convention.EN))
    assert "1,234.5" in err.message_in("vi")


@pytest.mark.parametrize("text", ["4.115", "4,115", "748.870", "1,000", "-4,115%"])
def test_unknown_convention_refuses_every_string_that_reads_two_ways(text: str) -> None:
    with pytest.raises(AmbiguousInput):
        parse_number(text, convention=Convention.UNKNOWN)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("12,33", D("12.33")),
        ("1,234.5", D("1234.5")),
        ("1.234,5", D("1234.5")),
        ("4.115.081", D("4115081")),
        ("4,115,081", D("4115081")),
        ("4 115", D("4115")),
        ("4115", D("4115")),
    ],
)
def test_unknown_convention_reads_strings_with_one_reading(text: str, value: Decimal) -> None:
    assert parse_decimal(text, convention=Convention.UNKNOWN) == value


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        (["4.115", "4.115.081"], Convention.VI),
        (["4.115", "12,33"], Convention.VI),
        (["1.234,5"], Convention.VI),
        (["4,115", "1,234.5"], Convention.EN),
        (["1.5"], Convention.EN),
        (["4.115", "4,115", "4115", ""], None),
        (["12,33", "1,234.5"], None),
        (["abc", "12%"], None),
        ([], None),
    ],
)
def test_infer_convention_needs_unambiguous_evidence(
    cells: list[str], expected: Convention | None
) -> None:
    assert infer_convention(cells) is expected
    assert infer_convention(iter(cells)) is expected


def test_a_block_read_with_its_inferred_convention() -> None:
    block = ["4.115", "12,33", "748.870"]
    convention = infer_convention(block)
    assert convention is Convention.VI
    values = [parse_decimal(cell, convention=convention) for cell in block]
    assert values == [D("4115"), D("12.33"), D("748870")]


def test_parse_percent_accepts_the_sign_optional() -> None:
    assert parse_percent("11,7") == ParsedNumber(D("11.7"), 1, True)
    assert parse_percent("11,7%") == ParsedNumber(D("11.7"), 1, True)
    assert parse_decimal("34%") == D("34")


# --- qualifiers -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("trên 7.743 tỷ đồng", ("trên", "7.743 tỷ đồng")),
        ("Hơn 1 nghìn tỷ đồng", ("hơn", "1 nghìn tỷ đồng")),
        ("XẤP XỈ 5%", ("xấp xỉ", "5%")),
        ("xấp   xỉ 5%", ("xấp xỉ", "5%")),
        (unicodedata.normalize("NFD", "gần 20 tỷ"), ("gần", "20 tỷ")),
        ("khoảng\u00a03", ("khoảng", "3")),
        ("7.743 tỷ đồng", (None, "7.743 tỷ đồng")),
        ("trênx 5", (None, "trênx 5")),
        ("trên", (None, "trên")),
    ],
)
def test_split_qualifier(text: str, expected: tuple[str | None, str]) -> None:
    assert split_qualifier(text) == expected


# --- Roman numerals ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("n", "roman"),
    [(1, "I"), (2, "II"), (3, "III"), (4, "IV"), (9, "IX"), (14, "XIV"), (1994, "MCMXCIV")],
)
def test_roman_numerals_both_ways(n: int, roman: str) -> None:
    assert to_roman(n) == roman
    assert from_roman(roman) == n
    assert from_roman(roman.lower()) == n


def test_every_roman_numeral_round_trips() -> None:
    assert all(from_roman(to_roman(n)) == n for n in range(1, 4000))


@pytest.mark.parametrize("n", [0, -1, 4000, True])
def test_to_roman_refuses_out_of_range(n: int) -> None:
    with pytest.raises(ValueError):
        to_roman(n)


@pytest.mark.parametrize("text", ["IIII", "IC", "VX", "ABC", "", "MMMM", "I V"])
def test_from_roman_refuses_non_canonical_numerals(text: str) -> None:
    err = refused("roman.invalid", lambda: from_roman(text))
    assert f'"{text}"' in err.message_in("vi")

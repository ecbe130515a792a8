"""Money in every style the district prints, and reading amounts as clerks write them."""

from __future__ import annotations

import unicodedata
from decimal import Decimal

import pytest

from hbt_desktop.core.errors import AmbiguousInput
from hbt_desktop.core.money import (
    MoneyFormat,
    MoneyStyle,
    MoneyUnit,
    format_money,
    money_style_from_words,
    parse_money,
    qualifier_holds,
)
from hbt_desktop.core.numbers import Convention
from tests.core.refusals import refused

TY = 10**9
TRIEU = 10**6
S = MoneyStyle


# --- the seed bulletin and the reference's examples -------------------------------------


def test_seed_bulletin_amounts_come_out_exactly() -> None:
    assert format_money(4_115_081_000_000) == "4.115 tỷ 081 triệu đồng"
    assert format_money(4_861_658_000_000) == "4.861 tỷ 658 triệu đồng"


@pytest.mark.parametrize(
    ("dong", "fmt", "expected"),
    [
        (70_759_000_000, MoneyFormat(S.TY_DECIMAL, 3), "70,759 tỷ đồng"),
        (447_210_000_000, MoneyFormat(S.TY_DECIMAL, 2), "447,21 tỷ đồng"),
        (5_330_900_000_000, MoneyFormat(S.TY_DECIMAL, 1), "5.330,9 tỷ đồng"),
        (11_406_000_000_000, MoneyFormat(S.TY), "11.406 tỷ đồng"),
        (1_427_000_000_000, MoneyFormat(S.TY), "1.427 tỷ đồng"),
        (4_600_000_000_000, MoneyFormat(S.NGHIN_TY, 1), "4,6 nghìn tỷ đồng"),
        (10**12, MoneyFormat(S.NGHIN_TY), "1 nghìn tỷ đồng"),
        (748_870_000_000, MoneyFormat(S.TRIEU), "748.870 triệu đồng"),
        (1_234_567, MoneyFormat(S.DONG), "1.234.567 đồng"),
    ],
)
def test_reference_money_styles(dong: int, fmt: MoneyFormat, expected: str) -> None:
    assert format_money(dong, fmt) == expected


def test_qualifier_is_printed_only_when_the_clerk_chose_one() -> None:
    assert format_money(7_743 * TY, MoneyFormat(S.TY), qualifier="trên") == "trên 7.743 tỷ đồng"
    assert format_money(10**12, MoneyFormat(S.NGHIN_TY), qualifier="hơn") == ("hơn 1 nghìn tỷ đồng")
    nfd = unicodedata.normalize("NFD", "xấp xỉ")
    assert format_money(7_743 * TY, MoneyFormat(S.TY), qualifier=nfd) == "xấp xỉ 7.743 tỷ đồng"
    assert format_money(7_743_400_000_000, MoneyFormat(S.TY)) == "7.743 tỷ đồng"


@pytest.mark.parametrize("qualifier", ["khoảng chừng", "", "Trên", "ít nhất"])
def test_unknown_qualifier_is_a_programming_error(qualifier: str) -> None:
    with pytest.raises(ValueError):
        format_money(TY, qualifier=qualifier)


# --- tỷ + triệu -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("dong", "expected"),
    [
        (4_115_000_000_000, "4.115 tỷ đồng"),  # no "000 triệu"
        (4_115_001_000_000, "4.115 tỷ 001 triệu đồng"),  # triệu part always 3 digits
        (748_000_000, "748 triệu đồng"),  # under 1 tỷ: no padding
        (7_000_000, "7 triệu đồng"),
        (1 * TY, "1 tỷ đồng"),
        (500_000, "500.000 đồng"),  # under 1 triệu: đồng
        (999_999, "999.999 đồng"),
        (0, "0 đồng"),
        (4_115_081_499_999, "4.115 tỷ 081 triệu đồng"),  # rounds down below half
        (4_115_081_500_000, "4.115 tỷ 082 triệu đồng"),  # half rounds up
        (4_115_999_600_000, "4.116 tỷ đồng"),  # carry into tỷ
        (999_600_000, "1 tỷ đồng"),  # carry from triệu to tỷ
        (1_000_000_000_000_000, "1.000.000 tỷ đồng"),
        (-4_115_081_000_000, "-4.115 tỷ 081 triệu đồng"),
        (-500_000, "-500.000 đồng"),
        (-4_115_081_500_000, "-4.115 tỷ 082 triệu đồng"),  # half away from zero
    ],
)
def test_ty_trieu_style(dong: int, expected: str) -> None:
    assert format_money(dong) == expected


def test_ty_word_setting_and_dropping_the_unit() -> None:
    assert format_money(4_115_081_000_000, MoneyFormat(ty_word="tỉ")) == "4.115 tỉ 081 triệu đồng"
    nfd = unicodedata.normalize("NFD", "tỉ")
    assert format_money(70_759 * TRIEU, MoneyFormat(S.TY_DECIMAL, 3, ty_word=nfd)) == (
        "70,759 tỉ đồng"
    )
    assert format_money(4_600 * TY, MoneyFormat(S.NGHIN_TY, 1, ty_word="tỉ")) == "4,6 nghìn tỉ đồng"
    no_unit = MoneyFormat(with_unit=False)
    assert format_money(4_115_081_000_000, no_unit) == "4.115 tỷ 081 triệu"
    assert format_money(70_759 * TRIEU, MoneyFormat(S.TY_DECIMAL, 3, with_unit=False)) == (
        "70,759 tỷ"
    )


@pytest.mark.parametrize(
    ("dong", "fmt", "expected"),
    [
        (70_759_500_000, MoneyFormat(S.TY_DECIMAL, 3), "70,760 tỷ đồng"),
        (70_759_499_999, MoneyFormat(S.TY_DECIMAL, 3), "70,759 tỷ đồng"),
        (11_406_500_000_000, MoneyFormat(S.TY), "11.407 tỷ đồng"),
        (400_000_000, MoneyFormat(S.TY), "0 tỷ đồng"),
        (-400_000_000, MoneyFormat(S.TY), "0 tỷ đồng"),  # never "-0"
        (4_650_000_000_000, MoneyFormat(S.NGHIN_TY, 1), "4,7 nghìn tỷ đồng"),
        (748_870_500_000, MoneyFormat(S.TRIEU), "748.871 triệu đồng"),
        (748_870_123_456, MoneyFormat(S.TRIEU, 6), "748.870,123456 triệu đồng"),
        (-447_210_000_000, MoneyFormat(S.TY_DECIMAL, 2), "-447,21 tỷ đồng"),
    ],
)
def test_decimal_styles_round_half_up(dong: int, fmt: MoneyFormat, expected: str) -> None:
    assert format_money(dong, fmt) == expected


@pytest.mark.parametrize("bad", [1.5, 4.115e12, Decimal("4115"), "4115", True, None])
def test_format_money_refuses_anything_but_int(bad: object) -> None:
    with pytest.raises(TypeError):
        format_money(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "kwargs",
    [
        {"style": S.TY_DECIMAL},  # 0 decimals: that is the TY style
        {"style": S.TY_DECIMAL, "decimals": 4},
        {"style": S.TY_TRIEU, "decimals": 1},
        {"style": S.TY, "decimals": 1},
        {"style": S.DONG, "decimals": 1},
        {"style": S.TRIEU, "decimals": 7},
        {"style": S.NGHIN_TY, "decimals": -1},
        {"ty_word": "ty"},
        {"ty_word": "tỳ"},
        {"style": "millions"},
    ],
)
def test_money_format_validates_its_settings(kwargs: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        MoneyFormat(**kwargs)  # type: ignore[arg-type]


def test_money_format_accepts_stored_strings() -> None:
    fmt = MoneyFormat("ty_decimal", 2)  # type: ignore[arg-type]
    assert fmt.style is MoneyStyle.TY_DECIMAL
    assert fmt == MoneyFormat(MoneyStyle.TY_DECIMAL, 2)


# --- parsing ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "dong"),
    [
        ("4.115 tỷ 081 triệu", 4_115_081_000_000),
        ("4.115 tỷ 081 triệu đồng", 4_115_081_000_000),
        ("4115 tỷ 81 triệu", 4_115_081_000_000),
        ("4115,081 tỷ", 4_115_081_000_000),
        ("4.115,081 tỷ đồng", 4_115_081_000_000),
        ("4.861 tỷ 658 triệu đồng", 4_861_658_000_000),
        ("70,759 tỉ", 70_759_000_000),
        ("447,21 tỷ đồng", 447_210_000_000),
        ("5.330,9 tỷ đồng", 5_330_900_000_000),
        ("11406 tỷ đồng", 11_406_000_000_000),
        ("4,6 nghìn tỷ", 4_600_000_000_000),
        ("4,6 nghìn tỉ đồng", 4_600_000_000_000),
        ("1 nghìn tỷ đồng", 10**12),
        ("1 ngàn tỷ", 10**12),
        ("748 triệu đồng", 748_000_000),
        ("748870 triệu", 748_870_000_000),
        ("748,87 triệu", 748_870_000),
        ("500 nghìn đồng", 500_000),
        ("1.234.567 đồng", 1_234_567),
        ("1.234.567 đ", 1_234_567),
        ("1.234.567đ", 1_234_567),
        ("1.234.567 VND", 1_234_567),
        ("1.234.567 VNĐ", 1_234_567),
        ("1.234.567 ₫", 1_234_567),
        ("1.234.567", 1_234_567),
        ("4 115 tỷ 081 triệu", 4_115_081_000_000),
        ("4 Tỷ 81 Triệu Đồng", 4_081_000_000),
        ("1 nghìn tỷ 500 tỷ", 1_500_000_000_000),
        ("4 tỷ 081 triệu 500 nghìn đồng", 4_081_500_000),
        ("4 tỷ 081,5 triệu", 4_081_500_000),
        ("0 đồng", 0),
        ("1000000000 tỷ", 10**18),
    ],
)
def test_parse_money_reads_bulletin_amounts(text: str, dong: int) -> None:
    assert parse_money(text) == dong
    assert parse_money(unicodedata.normalize("NFD", text)) == dong


def test_parse_money_bare_number_is_in_the_column_unit() -> None:
    assert parse_money("748,87", default_unit=MoneyUnit.TRIEU) == 748_870_000
    assert parse_money("748870", default_unit=MoneyUnit.TRIEU) == 748_870_000_000
    assert parse_money("70,759", default_unit=MoneyUnit.TY) == 70_759_000_000
    # A unit written in the cell wins over the column's.
    assert parse_money("5 tỷ", default_unit=MoneyUnit.TRIEU) == 5 * TY
    assert parse_money("5000 đồng", default_unit=MoneyUnit.TRIEU) == 5_000


@pytest.mark.parametrize(
    "text", ["748.870 triệu", "4.115 tỷ", "11.406 tỷ đồng", "5.000 đồng", "4.115"]
)
def test_parse_money_keeps_the_typed_ambiguity_rule(text: str) -> None:
    with pytest.raises(AmbiguousInput) as info:
        parse_money(text)
    number = text.split(maxsplit=1)[0]
    assert f'"{number}"' in info.value.message_in("vi")


def test_a_part_before_a_smaller_unit_can_only_be_whole() -> None:
    # Under TYPED "4.115" alone is ambiguous, but before "tỷ 081 triệu" it cannot be 4,115.
    assert parse_money("4.115 tỷ 081 triệu") == 4_115_081_000_000
    assert parse_money("4,115 tỷ 081 triệu", convention=Convention.UNKNOWN) == 4_115_081_000_000


def test_parse_money_under_known_conventions() -> None:
    assert parse_money("748.870 triệu", convention=Convention.VI) == 748_870_000_000
    assert parse_money("11.406 tỷ đồng", convention=Convention.VI) == 11_406_000_000_000
    assert parse_money("70.759 tỷ", convention=Convention.EN) == 70_759_000_000
    assert parse_money("1,234,567 VND", convention=Convention.EN) == 1_234_567


def test_parse_money_negative_only_when_allowed() -> None:
    err = refused("money.negative", lambda: parse_money("-5 tỷ"))
    assert '"-5 tỷ"' in err.message_in("vi")
    assert parse_money("-5 tỷ", allow_negative=True) == -5 * TY
    assert parse_money("\u22124 tỷ 081 triệu", allow_negative=True) == -4_081_000_000
    assert parse_money("+5 tỷ") == 5 * TY


@pytest.mark.parametrize(
    ("text", "key", "quoted"),
    [
        ("abc", "money.invalid", "abc"),
        ("đồng", "money.invalid", "đồng"),
        ("5% tỷ", "money.invalid", "5% tỷ"),
        ("- 5 tỷ", "money.invalid", "- 5 tỷ"),
        ("4 tỷ -81 triệu", "money.invalid", "4 tỷ -81 triệu"),
        ("5 tỷ USD", "money.invalid", "5 tỷ USD"),
        ("\u0665 tỷ", "money.invalid", "\u0665 tỷ"),  # an Arabic-Indic 5
        ("4 tỷ 081", "money.missing_unit", "4 tỷ 081"),
        ("4 triệu 5 tỷ", "money.unit_order", "4 triệu 5 tỷ"),
        ("4 tỷ 5 tỷ", "money.unit_order", "4 tỷ 5 tỷ"),
        ("4 tỷ 1200 triệu", "money.part_too_large", "1200 triệu"),
        ("4 tỷ 1000 triệu", "money.part_too_large", "1000 triệu"),
        ("4,5 tỷ 200 triệu", "money.part_not_whole", "4,5 tỷ"),
        ("1,2345 nghìn", "money.not_whole", "1,2345 nghìn"),
        ("0,5 đồng", "money.not_whole", "0,5 đồng"),
        ("1,2345678 triệu", "number.too_precise", "1,2345678"),
        ("1000000001 tỷ", "money.too_large", "1000000001 tỷ"),
        ("trên 7.743 tỷ đồng", "money.qualifier", "trên"),
        ("Khoảng 5 tỷ", "money.qualifier", "khoảng"),
    ],
)
def test_parse_money_refuses_quoting_the_offending_text(text: str, key: str, quoted: str) -> None:
    err = refused(key, lambda: parse_money(text))
    assert quoted in err.message_in("vi")


def test_qualifier_refusal_shows_what_to_enter_instead() -> None:
    err = refused("money.qualifier", lambda: parse_money("trên 7.743 tỷ đồng"))
    assert "7.743 tỷ đồng" in err.message_in("vi")


@pytest.mark.parametrize("text", ["", "  ", "\u00a0"])
def test_parse_money_refuses_empty_text(text: str) -> None:
    refused("money.empty", lambda: parse_money(text))


def test_money_units_are_the_sizes_in_dong() -> None:
    assert [u.value for u in MoneyUnit] == [1, 10**3, 10**6, 10**9, 10**12]


# --- a style chosen by name for one sentence ----------------------------------------------


@pytest.mark.parametrize(
    ("words", "decimals", "expected"),
    [
        ("nghìn tỷ", None, "1 nghìn tỷ đồng"),
        ("nghìn tỷ", 2, "1,01 nghìn tỷ đồng"),
        ("tỷ", None, "1.012 tỷ đồng"),
        ("tỷ", 3, "1.012,346 tỷ đồng"),
        ("tỷ triệu", None, "1.012 tỷ 346 triệu đồng"),
        ("Ty trieu", None, "1.012 tỷ 346 triệu đồng"),
        ("triệu", None, "1.012.346 triệu đồng"),
        ("đồng", None, "1.012.345.678.901 đồng"),
        ("tỉ", None, "1.012 tỉ đồng"),
        ("ngàn tỉ", 1, "1,0 nghìn tỉ đồng"),
    ],
)
def test_a_style_named_in_words(words: str, decimals: int | None, expected: str) -> None:
    fmt = money_style_from_words(words, decimals)
    assert format_money(1_012_345_678_901, fmt) == expected


@pytest.mark.parametrize(
    ("words", "decimals", "key"),
    [
        ("tỷ đồng", None, "money.bad_style"),
        ("triệu tỷ", None, "money.bad_style"),
        ("", None, "money.bad_style"),
        ("tỷ", 4, "money.bad_style_decimals"),
        ("tỷ triệu", 1, "money.bad_style_decimals"),
        ("đồng", 2, "money.bad_style_decimals"),
        ("nghìn tỷ", -1, "money.bad_style_decimals"),
    ],
)
def test_a_style_that_does_not_exist_is_refused_in_vietnamese(
    words: str, decimals: int | None, key: str
) -> None:
    err = refused(key, lambda: money_style_from_words(words, decimals))
    assert words in err.message_in("vi")


@pytest.mark.parametrize(
    ("qualifier", "dong", "printed", "strict", "holds"),
    [
        ("hơn", 1_012 * 10**9, 10**12, True, True),  # hơn 1 nghìn tỷ for 1.012 tỷ
        ("hơn", 998 * 10**9, 10**12, True, False),  # 998 tỷ is not more than 1 nghìn tỷ
        ("hơn", 10**12, 10**12, True, False),  # exactly: "hơn" would claim more
        ("trên", 7_743 * 10**9, 7_743 * 10**9, False, True),  # the clerk typed it so
        ("gần", 998 * 10**9, 10**12, True, True),
        ("gần", 1_012 * 10**9, 10**12, True, False),
        ("xấp xỉ", 1_012 * 10**9, 10**12, True, True),
        ("khoảng", 998 * 10**9, 10**12, True, True),
        ("tầm", 998 * 10**9, 10**12, True, False),
    ],
)
def test_a_qualifier_must_stay_true_of_the_rounded_amount(
    qualifier: str, dong: int, printed: int, strict: bool, holds: bool
) -> None:
    assert qualifier_holds(qualifier, dong, printed, strict=strict) is holds

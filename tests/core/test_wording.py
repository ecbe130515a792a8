"""Comparison phrases: growth, index, share, count of, percentage points."""

from __future__ import annotations

import unicodedata
from decimal import Decimal

import pytest

from hbt_desktop.core.wording import (
    format_count_of,
    format_growth,
    format_index,
    format_points,
    format_share,
    name_with_period,
)
from tests.core.refusals import refused

D = Decimal


def test_seed_bulletin_phrases() -> None:
    assert format_share(34, 0) == "đạt 34% so với dự toán"
    assert format_growth(D(59), 0) == "tăng 59% so với cùng kỳ"
    assert format_share(40, 0, base="dự toán TP và HĐND quận giao") == (
        "đạt 40% so với dự toán TP và HĐND quận giao"
    )
    assert format_growth(19, 0, against="cùng kỳ năm ngoái") == "tăng 19% so với cùng kỳ năm ngoái"
    assert format_growth(D("11.7"), 1, against="", estimate=True) == "ước tăng 11,7%"
    assert format_growth(D("12.33"), 2, estimate=True) == "ước tăng 12,33% so với cùng kỳ"


@pytest.mark.parametrize(
    ("pct", "decimals", "expected"),
    [
        (D("-1.25"), 2, "giảm 1,25% so với cùng kỳ"),
        (D("-1.254"), 2, "giảm 1,25% so với cùng kỳ"),
        (D("-1.255"), 2, "giảm 1,26% so với cùng kỳ"),
        (D("25.4"), 1, "tăng 25,4% so với cùng kỳ"),
        (D("0.04"), 1, "bằng cùng kỳ"),
        (D("-0.04"), 1, "bằng cùng kỳ"),  # never "giảm 0,0%"
        (D("0.05"), 1, "tăng 0,1% so với cùng kỳ"),
        (0, 0, "bằng cùng kỳ"),
        (D("1234.5"), 1, "tăng 1.234,5% so với cùng kỳ"),
    ],
)
def test_growth_words_the_direction_after_rounding(
    pct: Decimal | int, decimals: int, expected: str
) -> None:
    assert format_growth(pct, decimals) == expected


def test_growth_never_says_tang_with_a_minus() -> None:
    for tenths in range(-200, 201):
        text = format_growth(D(tenths) / 10, 1)
        assert "-" not in text
        assert text.startswith(("tăng", "giảm", "bằng"))


def test_growth_variants() -> None:
    assert format_growth(D(59), 0, against="") == "tăng 59%"
    assert format_growth(D("0.01"), 0, against="") == "không đổi"
    assert format_growth(0, 0, estimate=True) == "ước bằng cùng kỳ"
    assert format_growth(D(-3), 0, against="cùng kỳ năm 2022") == "giảm 3% so với cùng kỳ năm 2022"
    nfd = unicodedata.normalize("NFD", "cùng kỳ  năm 2022 ")
    assert format_growth(D(3), 0, against=nfd) == "tăng 3% so với cùng kỳ năm 2022"


def test_index_is_worded_with_bang() -> None:
    assert format_index(D("125.4"), 1) == "bằng 125,4% so với cùng kỳ"
    assert format_index(D("98.76"), 1) == "bằng 98,8% so với cùng kỳ"
    assert format_index(100, 0, against="") == "bằng 100%"
    assert format_index(D("-0.01"), 1) == "bằng 0,0% so với cùng kỳ"


def test_index_and_growth_of_the_same_comparison_are_distinct_phrases() -> None:
    assert format_index(D("125.4"), 1) == "bằng 125,4% so với cùng kỳ"
    assert format_growth(D("25.4"), 1) == "tăng 25,4% so với cùng kỳ"


def test_share_variants() -> None:
    assert format_share(D("88.8"), 1, base="dự toán năm", verb="bằng", so_voi=False) == (
        "bằng 88,8% dự toán năm"
    )
    assert format_share(D("50.31"), 2, base="kế hoạch", verb="bằng", so_voi=False) == (
        "bằng 50,31% kế hoạch"
    )
    assert format_share(D("147.4"), 1, base="dự toán thành phố giao") == (
        "đạt 147,4% so với dự toán thành phố giao"
    )
    assert format_share(100, 0, base="") == "đạt 100%"
    assert format_share(100, 0, base="chỉ tiêu", so_voi=False) == "đạt 100% chỉ tiêu"


@pytest.mark.parametrize("verb", ["", "tăng", "vuot", "hoàn thành"])
def test_share_verb_is_dat_bang_or_vuot(verb: str) -> None:
    err = refused("wording.bad_verb", lambda: format_share(34, 0, verb=verb))
    assert "đạt, bằng, vượt" in err.message_in("vi")
    assert "must be" not in err.message_in("vi")


def test_a_capitalised_verb_opens_a_sentence() -> None:
    assert format_share(34, 0, verb="Đạt", so_voi=False) == "Đạt 34% dự toán"


@pytest.mark.parametrize(
    ("pct", "decimals", "so_voi", "expected"),
    [
        (D("105"), 0, False, "vượt 5% dự toán"),
        (D("104.6"), 0, True, "vượt 5% so với dự toán"),
        (D("147.4"), 1, True, "vượt 47,4% so với dự toán"),
        (D("100.05"), 1, False, "vượt 0,1% dự toán"),
        (D("250"), 0, False, "vượt 150% dự toán"),
    ],
)
def test_a_share_above_the_whole_is_worded_as_the_excess(
    pct: D, decimals: int, so_voi: bool, expected: str
) -> None:
    assert format_share(pct, decimals, verb="vượt", so_voi=so_voi) == expected


@pytest.mark.parametrize(("pct", "decimals"), [(D("100"), 0), (D("100.4"), 0), (D("95"), 1)])
def test_vuot_is_refused_when_the_rounded_share_does_not_exceed(pct: D, decimals: int) -> None:
    err = refused("wording.not_exceeded", lambda: format_share(pct, decimals, verb="vượt"))
    assert "chưa vượt" in err.message_in("vi")


def test_a_share_without_so_voi() -> None:
    assert format_share(20, 0, so_voi=False) == "đạt 20% dự toán"
    assert format_share(20, 0, base="kế hoạch năm", so_voi=False) == "đạt 20% kế hoạch năm"


@pytest.mark.parametrize("call", [format_index, format_share])
def test_a_negative_ratio_is_not_worded_as_an_index_or_share(call: object) -> None:
    err = refused("wording.negative", lambda: call(D("-5"), 0))  # type: ignore[operator]
    assert "-5%" in err.message_in("vi")


@pytest.mark.parametrize(
    ("name", "period", "expected"),
    [
        ("dự toán năm", "năm 2023", "dự toán năm 2023"),
        ("kế hoạch năm", "năm 2026", "kế hoạch năm 2026"),
        ("dự toán TP giao", "năm 2023", "dự toán TP giao năm 2023"),
        ("Dự toán năm", "năm 2023", "Dự toán năm 2023"),
        ("chỉ tiêu", "quý I/2023", "chỉ tiêu quý I/2023"),
    ],
)
def test_a_name_and_its_period_never_repeat_a_word(name: str, period: str, expected: str) -> None:
    assert name_with_period(name, period) == expected


@pytest.mark.parametrize("call", [format_growth, format_index, format_share, format_points])
def test_phrases_refuse_floats(call: object) -> None:
    with pytest.raises(TypeError):
        call(11.7, 1)  # type: ignore[operator]


def test_count_of() -> None:
    assert format_count_of(20, 20) == "20/20 chỉ tiêu"
    assert format_count_of(11, 11) == "11/11 chỉ tiêu"
    assert format_count_of(3, 18, "phường") == "3/18 phường"
    assert format_count_of(1234, 2000, "hộ") == "1.234/2.000 hộ"
    assert format_count_of(0, 5, "") == "0/5"


@pytest.mark.parametrize(("done", "total"), [(21, 20), (-1, 20), (1, -1)])
def test_count_of_refuses_impossible_counts(done: int, total: int) -> None:
    err = refused("wording.count_of", lambda: format_count_of(done, total))
    assert f"{done}/{total}" in err.message_in("vi")


def test_count_of_refuses_non_integers() -> None:
    with pytest.raises(TypeError):
        format_count_of(D(20), 20)  # type: ignore[arg-type]


def test_points() -> None:
    assert format_points(D("2.5"), 1) == "tăng 2,5 điểm phần trăm"
    assert format_points(D("-0.3"), 1) == "giảm 0,3 điểm phần trăm"
    assert format_points(D("0.04"), 1) == "không đổi"
    assert "%" not in format_points(D("2.5"), 1)

"""Exact figures and when two of them are the same figure — without a database."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hbt_desktop.core.errors import InputError
from hbt_desktop.core.numbers import QUALIFIERS
from hbt_desktop.core.periods import Period, parse_period
from hbt_desktop.core.values import (
    MAX_SCALE,
    Base,
    Status,
    Value,
    decode,
    encode,
    same_base,
    same_value,
)

P = parse_period("2023Q1")


@given(
    st.decimals(
        min_value=-(10**12), max_value=10**12, places=6, allow_nan=False, allow_infinity=False
    )
)
def test_encoding_is_exact(amount: Decimal) -> None:
    num, scale = encode(amount, 0)
    assert decode(num, scale) == amount


def test_more_than_six_decimals_is_refused() -> None:
    with pytest.raises(InputError):
        encode(Decimal("1.1234567"), 0)


# -- equality as a clerk sees it ----------------------------------------------------------

amounts = st.decimals(
    min_value=-(10**15), max_value=10**15, places=3, allow_nan=False, allow_infinity=False
)
decimals = st.integers(min_value=0, max_value=MAX_SCALE)
texts = st.text(max_size=12)
moments = st.none() | st.datetimes(
    min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC)
)
periods = st.sampled_from([P, parse_period("2023"), Period.month(2026, 7)])

values = st.builds(
    Value,
    indicator=st.sampled_from(["NS_THU", "CNXD_TANG_TRUONG"]),
    unit_uid=st.sampled_from(["Q007", "W00283"]),
    period=periods,
    amount=amounts,
    decimals=decimals,
    status=st.sampled_from(list(Status)),
    qualifier=st.none() | st.sampled_from(QUALIFIERS),
    comment=texts,
    updated_by=texts,
    updated_at=moments,
)
bases = st.builds(
    Base,
    indicator=st.sampled_from(["NS_THU", "CNXD_TANG_TRUONG"]),
    unit_uid=st.sampled_from(["Q007", "W00283"]),
    period=periods,
    kind=st.sampled_from(["DT_TP_HDND_Q", "KH_NAM"]),
    amount=amounts,
    decimals=decimals,
    comment=texts,
    updated_by=texts,
    updated_at=moments,
)


@given(values, texts, moments)
def test_a_value_is_the_same_whoever_stored_it_and_whenever(
    value: Value, by: str, at: datetime | None
) -> None:
    other = dataclasses.replace(value, updated_by=by, updated_at=at)
    assert same_value(value, other)
    assert same_value(other, value)


@given(values, values)
def test_value_equality_is_exactly_figure_precision_status_qualifier_comment(
    a: Value, b: Value
) -> None:
    seen = (encode(a.amount, a.decimals), a.status, a.qualifier, a.comment)
    held = (encode(b.amount, b.decimals), b.status, b.qualifier, b.comment)
    assert same_value(a, b) is (seen == held)
    assert same_value(a, b) is same_value(b, a)


@pytest.mark.parametrize(
    "change",
    [
        {"amount": Decimal("12.31")},
        {"amount": Decimal("-12.30")},
        {"amount": Decimal("12.3"), "decimals": 1},  # the same number, printed otherwise
        {"status": Status.UOC},
        {"qualifier": "khoảng"},
        {"comment": "số ước"},
    ],
)
def test_what_a_clerk_sees_changes_the_value(change: dict[str, object]) -> None:
    value = Value("CNXD_TANG_TRUONG", "Q007", P, Decimal("12.30"), 2)
    assert not same_value(value, dataclasses.replace(value, **change))


@given(bases, bases)
def test_base_equality_is_exactly_figure_precision_comment(a: Base, b: Base) -> None:
    expected = (encode(a.amount, a.decimals), a.comment) == (
        encode(b.amount, b.decimals),
        b.comment,
    )
    assert same_base(a, b) is expected
    assert same_base(a, dataclasses.replace(a, updated_by="khác", updated_at=None))


def test_keys_do_not_enter_equality() -> None:
    """Which cell a figure is in is the caller's business (it compares a cell's figures)."""
    a = Value("NS_THU", "Q007", P, Decimal(5))
    b = dataclasses.replace(a, unit_uid="W00283", period=Period.year_of(2023))
    assert same_value(a, b)

"""Any text at all, typed or pasted, is either read or refused with one clear message.

tests/core/test_format_properties.py feeds the parsers text built from the characters
they care about; here the text is arbitrary Unicode (control characters, combining marks,
other scripts, very long strings) and every parser, convention and money unit is tried.
The only exception allowed out is :class:`InputError` with a registered message in both
languages.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hbt_desktop.core.catalogue import IndicatorKind
from hbt_desktop.core.dates import parse_date
from hbt_desktop.core.errors import InputError
from hbt_desktop.core.money import MoneyUnit, parse_money
from hbt_desktop.core.numbers import (
    Convention,
    from_roman,
    infer_convention,
    parse_decimal,
    parse_number,
    parse_percent,
    split_qualifier,
)
from hbt_desktop.core.periods import parse_period
from hbt_desktop.core.values import parse_status

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Arbitrary Unicode, sometimes long, mixed with the pieces that reach deep into the parsers.
ANY_TEXT = st.one_of(
    st.text(max_size=40),
    st.text(max_size=2000),
    st.lists(
        st.one_of(
            st.text(max_size=5),
            st.sampled_from(
                [
                    "1.234",
                    "4.115 tỷ 081 triệu",
                    ",5",
                    "1e400",
                    "NaN",
                    "∞",
                    "٣",  # an Arabic-Indic digit: Unicode says it is a digit
                    "１２",  # full-width digits
                    "\u0301",  # a combining accent on nothing
                    "\x00",
                    "\u200b",
                    "quý IV/",
                    "tháng 13",
                    "@2023",
                    "YTD",
                    "%",
                    "--",
                    "9" * 60,
                ]
            ),
        ),
        max_size=12,
    ).map("".join),
)


def _refused_properly(parse: Callable[[str], object], text: str) -> None:
    try:
        parse(text)
    except InputError as err:
        vi, en = err.message_in("vi"), err.message_in("en")
        assert vi and en and not vi.startswith("[") and not en.startswith("[")


PARSERS: dict[str, Callable[[str], object]] = {
    "period": parse_period,
    "date": parse_date,
    "status": parse_status,
    "roman": from_roman,
    **{f"number-{c.value}": (lambda t, c=c: parse_number(t, convention=c)) for c in Convention},
    **{f"decimal-{c.value}": (lambda t, c=c: parse_decimal(t, convention=c)) for c in Convention},
    **{f"percent-{c.value}": (lambda t, c=c: parse_percent(t, convention=c)) for c in Convention},
    **{
        f"money-{c.value}-{u.name}": (
            lambda t, c=c, u=u: parse_money(t, convention=c, default_unit=u)
        )
        for c in Convention
        for u in MoneyUnit
    },
    "money-negative": lambda t: parse_money(t, allow_negative=True),
}


@pytest.mark.parametrize("name", sorted(PARSERS))
@FUZZ
@given(text=ANY_TEXT)
def test_every_parser_reads_or_refuses_any_text(name: str, text: str) -> None:
    _refused_properly(PARSERS[name], text)


@FUZZ
@given(text=ANY_TEXT)
def test_qualifiers_split_any_text(text: str) -> None:
    qualifier, rest = split_qualifier(text)
    assert qualifier is None or rest is not None


@FUZZ
@given(texts=st.lists(ANY_TEXT, max_size=8))
def test_inferring_a_convention_never_fails(texts: list[str]) -> None:
    assert infer_convention(texts) in {None, Convention.VI, Convention.EN}


@pytest.mark.parametrize("kind", list(IndicatorKind))
@FUZZ
@given(text=ANY_TEXT)
def test_reading_a_cell_of_any_indicator_kind(kind: IndicatorKind, text: str) -> None:
    from hbt_desktop.core.catalogue import Indicator
    from hbt_desktop.core.values import read_entry

    indicator = _indicator(kind)
    assert isinstance(indicator, Indicator)
    _refused_properly(lambda t: read_entry(indicator, t), text)


def _indicator(kind: IndicatorKind):  # type: ignore[no-untyped-def]
    from hbt_desktop.exchange.seed import load_reference
    from hbt_desktop.store.catalogue import load_catalogue
    from hbt_desktop.store.file.connection import memory_database

    if not _CATALOGUE:
        db = memory_database()
        load_reference(db)
        _CATALOGUE.append(load_catalogue(db))
    return next(i for i in _CATALOGUE[0].indicators.values() if i.kind is kind)


_CATALOGUE: list[object] = []

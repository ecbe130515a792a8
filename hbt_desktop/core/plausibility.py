"""Plausibility checks on an entered figure: warnings a clerk sees, never refusals.

A figure can be typed correctly and still be wrong (a slipped digit, triệu typed as tỷ,
a ward forgotten in the district total). These checks point at what looks odd so the
clerk can look again; they never stop a figure from being saved, because the program
cannot know that a real figure is not simply unusual.

- ``far``: more than ``FAR_FACTOR`` times, or less than 1/``FAR_FACTOR`` of, a
  comparable earlier figure (same period last year, the previous period of the same
  length) — the typical slip of a digit or a unit;
- ``over_100``: a rate (tỷ lệ) above 100% or a growth rate beyond ±100%, which is
  possible but rare in a district's figures;
- ``mismatch``: the district's entered figure differs from the sum of its wards
  (``Figure.mismatch``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from hbt_desktop.core.catalogue import Indicator, IndicatorKind
from hbt_desktop.core.i18n import tr
from hbt_desktop.core.money import format_money
from hbt_desktop.core.numbers import format_decimal, format_percent
from hbt_desktop.core.periods import Period, format_cutoff_period

FAR_FACTOR = Decimal(3)


@dataclass(frozen=True)
class Concern:
    """One reason to look at a figure again; ``text`` is in the current language."""

    kind: str  # "far", "over_100", "mismatch"
    text: str


def describe_amount(indicator: Indicator, amount: Decimal, decimals: int = 0) -> str:
    """An amount as the clerk reads it in a warning: money in its bulletin style."""
    if indicator.kind is IndicatorKind.MONEY:
        return format_money(int(amount), indicator.money_format)
    if indicator.kind in (IndicatorKind.PERCENT, IndicatorKind.GROWTH):
        return format_percent(amount, decimals)
    label = f" {indicator.unit_label}" if indicator.unit_label else ""
    return format_decimal(amount, decimals) + label


def _ratio(big: Decimal, small: Decimal) -> str:
    return format_decimal(big / small, 1)


def check_figure(
    indicator: Indicator,
    amount: Decimal,
    decimals: int = 0,
    *,
    earlier: Sequence[tuple[Period, Decimal]] = (),
    mismatch: Decimal | None = None,
    sum_of_children: Decimal | None = None,
) -> list[Concern]:
    """Concerns about ``amount`` of ``indicator``; ``earlier`` are comparable figures
    (period, amount), nearest first. Only the first far-off comparison is reported."""
    concerns: list[Concern] = []
    if indicator.kind is IndicatorKind.PERCENT and amount > 100:
        text = tr("plausible.rate_over_100", None, value=format_percent(amount, decimals))
        concerns.append(Concern("over_100", text))
    if indicator.kind is IndicatorKind.GROWTH and abs(amount) > 100:
        text = tr("plausible.growth_over_100", None, value=format_percent(amount, decimals))
        concerns.append(Concern("over_100", text))
    if indicator.kind is not IndicatorKind.GROWTH and amount > 0:
        for period, reference in earlier:
            if reference <= 0:
                continue
            ref_text = describe_amount(indicator, reference, decimals)
            when = format_cutoff_period(period)
            if amount > reference * FAR_FACTOR:
                ratio = _ratio(amount, reference)
                text = tr("plausible.far", None, period=when, reference=ref_text, ratio=ratio)
                concerns.append(Concern("far", text))
                break
            if amount * FAR_FACTOR < reference:
                ratio = _ratio(reference, amount)
                text = tr("plausible.far_below", None, period=when, reference=ref_text, ratio=ratio)
                concerns.append(Concern("far", text))
                break
    if mismatch is not None and mismatch != 0:
        total = "" if sum_of_children is None else describe_amount(indicator, sum_of_children)
        difference = describe_amount(indicator, abs(mismatch), decimals)
        text = tr("plausible.mismatch", None, total=total, difference=difference)
        concerns.append(Concern("mismatch", text))
    return concerns


def comparable_periods(period: Period) -> list[Period]:
    """Earlier periods whose figures are comparable with ``period``'s: the same period
    last year, then the previous period of the same length where that is defined."""
    found = [period.same_period_last_year()]
    try:
        previous = period.previous()
    except ValueError:  # cumulative periods and cut-offs have no single "previous"
        return found
    if previous not in found:
        found.append(previous)
    return found

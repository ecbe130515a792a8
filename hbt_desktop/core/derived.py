"""Derived percentages: computed from stored figures, never typed.

Exact Decimal arithmetic in a local context with ample precision; rounding happens only
when a figure is worded (half-up, in ``numbers.round_half_up``). A comparison with a
zero or missing base has no meaning and returns None — the caller shows it as missing
instead of printing an infinite or invented percentage.
"""

from __future__ import annotations

from decimal import Context, Decimal, localcontext

_CONTEXT = Context(prec=40)
HUNDRED = Decimal(100)


def share_pct(value: Decimal | None, base: Decimal | None) -> Decimal | None:
    """``value`` as a percentage of ``base``: 4.115 of 12.154 → 33.857…% ("đạt 34%")."""
    if value is None or base is None or base == 0:
        return None
    with localcontext(_CONTEXT):
        return value * HUNDRED / base


def index_pct(value: Decimal | None, previous: Decimal | None) -> Decimal | None:
    """``value`` as a percentage of the same period last year ("bằng 125,4% so với cùng kỳ")."""
    return share_pct(value, previous)


def growth_pct(value: Decimal | None, previous: Decimal | None) -> Decimal | None:
    """Growth over the same period last year in percent (59 → "tăng 59%", −1,25 → "giảm 1,25%").

    A growth from a negative base is not meaningful and returns None.
    """
    if value is None or previous is None or previous <= 0:
        return None
    with localcontext(_CONTEXT):
        return (value - previous) * HUNDRED / previous


def points_diff(value: Decimal | None, previous: Decimal | None) -> Decimal | None:
    """Difference of two rates, in percentage points."""
    if value is None or previous is None:
        return None
    with localcontext(_CONTEXT):
        return value - previous

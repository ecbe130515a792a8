"""Comparison phrases of district bulletins (reference §1 "Comparisons").

Three different statements must never be mixed up, because each is printed with a
percent sign:

- growth: ``tăng 59% so với cùng kỳ`` — the change, in percent, against a base;
- index: ``bằng 125,4% so với cùng kỳ`` — the value as a percent of the base (the same
  comparison as growth 25,4%);
- share: ``đạt 34% so với dự toán`` — how much of a target has been reached.

A difference between two rates is in ``điểm phần trăm`` (percentage points), never ``%``.
The percentages come in already computed (core/derived.py) as Decimal; here they are
rounded half up to the figure's precision and worded. A fall is ``giảm 1,25%``, never
``tăng -1,25%``, and the direction is decided after rounding, so the word always agrees
with the printed number.
"""

from __future__ import annotations

from decimal import Decimal

from hbt_desktop.core.numbers import format_decimal, format_percent, round_half_up, to_decimal
from hbt_desktop.core.text import clean

__all__ = [
    "SHARE_VERBS",
    "format_count_of",
    "format_growth",
    "format_index",
    "format_points",
    "format_share",
]

SHARE_VERBS = ("đạt", "bằng")


def _change(value: Decimal | int, decimals: int, unit: str) -> tuple[str, str] | None:
    """("tăng"|"giảm", magnitude with unit) after rounding, or None if it rounds to 0."""
    rounded = round_half_up(to_decimal(value), decimals)
    if rounded.is_zero():
        return None
    verb = "tăng" if rounded > 0 else "giảm"
    return verb, format_decimal(rounded.copy_abs(), decimals) + unit


def format_growth(
    pct: Decimal | int, decimals: int, *, against: str = "cùng kỳ", estimate: bool = False
) -> str:
    """``tăng 59% so với cùng kỳ`` / ``giảm 1,25% so với cùng kỳ`` / ``bằng cùng kỳ``.

    ``pct`` is the growth in percent (59 for +59%). ``against=""`` drops the base
    (``tăng 59%``, and ``không đổi`` for no change); ``estimate`` prefixes ``ước``.
    """
    against = clean(against)
    change = _change(pct, decimals, "%")
    if change is None:
        text = f"bằng {against}" if against else "không đổi"
    else:
        verb, amount = change
        text = f"{verb} {amount}" + (f" so với {against}" if against else "")
    return f"ước {text}" if estimate else text


def _non_negative_percent(pct: Decimal | int, decimals: int, what: str) -> str:
    # "bằng -5% so với cùng kỳ" or "đạt -5% dự toán" is nonsense in an official document;
    # a caller with a negative ratio must word that figure differently.
    rounded = round_half_up(to_decimal(pct), decimals)
    if rounded < 0:
        raise ValueError(f"a {what} cannot be negative: {pct}")
    return format_percent(rounded, decimals)


def format_index(pct: Decimal | int, decimals: int, *, against: str = "cùng kỳ") -> str:
    """``bằng 125,4% so với cùng kỳ`` — ``pct`` is the value as a percent of the base."""
    against = clean(against)
    text = "bằng " + _non_negative_percent(pct, decimals, "index")
    return f"{text} so với {against}" if against else text


def format_share(
    pct: Decimal | int,
    decimals: int,
    *,
    base: str = "dự toán",
    verb: str = "đạt",
    so_voi: bool = True,
) -> str:
    """``đạt 34% so với dự toán``; ``verb="bằng", so_voi=False``: ``bằng 88,8% dự toán
    năm``; ``base=""``: ``đạt 100%``."""
    verb, base = clean(verb), clean(base)
    if verb not in SHARE_VERBS:
        raise ValueError(f"verb must be one of {SHARE_VERBS}, got {verb!r}")
    text = f"{verb} {_non_negative_percent(pct, decimals, 'share')}"
    if not base:
        return text
    return f"{text} so với {base}" if so_voi else f"{text} {base}"


def format_count_of(done: int, total: int, unit_label: str = "chỉ tiêu") -> str:
    """``20/20 chỉ tiêu`` — targets met out of targets set."""
    for name, value in (("done", done), ("total", total)):
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"{name} must be an int, got {value!r}")
    if not 0 <= done <= total:
        raise ValueError(f"need 0 <= done <= total, got {done}/{total}")
    text = f"{format_decimal(done, 0)}/{format_decimal(total, 0)}"
    unit_label = clean(unit_label)
    return f"{text} {unit_label}" if unit_label else text


def format_points(diff: Decimal | int, decimals: int) -> str:
    """``tăng 2,5 điểm phần trăm`` / ``giảm 0,3 điểm phần trăm`` / ``không đổi``."""
    change = _change(diff, decimals, " điểm phần trăm")
    return "không đổi" if change is None else " ".join(change)

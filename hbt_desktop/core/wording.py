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

A share above the whole can also be worded as the excess: ``vượt 5% dự toán`` is 105% of
the estimate. The excess is rounded first, and a share that does not exceed the base once
rounded is refused rather than printed as ``vượt 0%``.

Every refusal here is an :class:`~hbt_desktop.core.errors.InputError` with a Vietnamese
message: the verbs and the data come from clerks' templates, and the sentence explaining
why a phrase cannot be written is printed in the editor and the document, never English.
"""

from __future__ import annotations

from decimal import Decimal

from hbt_desktop.core.errors import InputError
from hbt_desktop.core.i18n import register
from hbt_desktop.core.numbers import format_decimal, format_percent, round_half_up, to_decimal
from hbt_desktop.core.text import clean

register(
    {
        "wording.bad_verb": {
            "vi": "Động từ «{verb}» không dùng được cho tỷ lệ so với chỉ tiêu giao; dùng một "
            "trong: {allowed}.",
            "en": "The verb «{verb}» cannot word a share of a target; use one of: {allowed}.",
        },
        "wording.negative": {
            "vi": "Tỷ lệ {pct} là số âm nên không viết được thành «{verb} …%»; hãy kiểm tra "
            "số liệu hoặc viết câu khác.",
            "en": "The ratio {pct} is negative and cannot be worded «{verb} …%»; check the "
            "figures or word the sentence differently.",
        },
        "wording.not_exceeded": {
            "vi": "Số liệu mới bằng {pct} {base}, chưa vượt nên không viết được «vượt …»; "
            "hãy dùng «đạt» hoặc «bằng».",
            "en": "The figure is {pct} of {base}, not above it, so «vượt …» cannot be "
            "written; use «đạt» or «bằng».",
        },
        "wording.count_of": {
            "vi": "Không viết được «{done}/{total}»: số hoàn thành phải là số nguyên từ 0 đến "
            "tổng số được giao.",
            "en": "Cannot write «{done}/{total}»: the number done must be a whole number "
            "from 0 to the number set.",
        },
    }
)

__all__ = [
    "SHARE_VERBS",
    "format_count_of",
    "format_growth",
    "format_index",
    "format_points",
    "format_share",
    "name_with_period",
]

# "vượt" words the excess over the base: "vượt 5% dự toán" is 105% of it.
SHARE_VERBS = ("đạt", "bằng", "vượt")
EXCEED_VERB = "vượt"


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


def _non_negative_percent(pct: Decimal | int, decimals: int, verb: str) -> str:
    # "bằng -5% so với cùng kỳ" or "đạt -5% dự toán" is nonsense in an official document;
    # a caller with a negative ratio must word that figure differently.
    rounded = round_half_up(to_decimal(pct), decimals)
    if rounded < 0:
        raise InputError("wording.negative", pct=format_percent(rounded, decimals), verb=verb)
    return format_percent(rounded, decimals)


def format_index(pct: Decimal | int, decimals: int, *, against: str = "cùng kỳ") -> str:
    """``bằng 125,4% so với cùng kỳ`` — ``pct`` is the value as a percent of the base."""
    against = clean(against)
    text = "bằng " + _non_negative_percent(pct, decimals, "bằng")
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
    năm``; ``base=""``: ``đạt 100%``; ``verb="vượt"``: ``vượt 5% so với dự toán`` for
    105% (the excess, refused when the rounded share does not exceed 100%)."""
    verb, base = clean(verb), clean(base)
    # Any case ("Đạt 34%" opening a sentence), printed as the clerk wrote it.
    if verb.lower() not in SHARE_VERBS:
        raise InputError("wording.bad_verb", verb=verb, allowed=", ".join(SHARE_VERBS))
    if verb.lower() == EXCEED_VERB:
        excess = round_half_up(to_decimal(pct), decimals) - 100
        if excess <= 0:
            raise InputError(
                "wording.not_exceeded",
                pct=_non_negative_percent(pct, decimals, verb),
                base=base or "chỉ tiêu",
            )
        amount = format_percent(excess, decimals)
    else:
        amount = _non_negative_percent(pct, decimals, verb)
    text = f"{verb} {amount}"
    if not base:
        return text
    return f"{text} so với {base}" if so_voi else f"{text} {base}"


def format_count_of(done: int, total: int, unit_label: str = "chỉ tiêu") -> str:
    """``20/20 chỉ tiêu`` — targets met out of targets set."""
    for name, value in (("done", done), ("total", total)):
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"{name} must be an int, got {value!r}")
    if not 0 <= done <= total:
        raise InputError(
            "wording.count_of", done=format_decimal(done, 0), total=format_decimal(total, 0)
        )
    text = f"{format_decimal(done, 0)}/{format_decimal(total, 0)}"
    unit_label = clean(unit_label)
    return f"{text} {unit_label}" if unit_label else text


def name_with_period(name: str, period_name: str) -> str:
    """A name followed by a period, without saying a word twice: ``dự toán năm`` and
    ``năm 2023`` make ``dự toán năm 2023`` (not ``dự toán năm năm 2023``),
    ``kế hoạch vốn`` and ``năm 2023`` make ``kế hoạch vốn năm 2023``."""
    name, period_name = clean(name), clean(period_name)
    words = name.split()
    if words and period_name.split()[:1] == words[-1:]:
        return " ".join([*words[:-1], period_name])
    return f"{name} {period_name}".strip()


def format_points(diff: Decimal | int, decimals: int) -> str:
    """``tăng 2,5 điểm phần trăm`` / ``giảm 0,3 điểm phần trăm`` / ``không đổi``."""
    change = _change(diff, decimals, " điểm phần trăm")
    return "không đổi" if change is None else " ".join(change)

"""Values and bases: exact figures with their status, qualifier and history fields.

A value is one figure of one indicator for one unit and one period. It is exact: money
is a whole number of đồng, anything else a Decimal that keeps the number of decimal
places the clerk typed ("12,30" stays two places), stored as an integer and a scale so
that SQLite sums it exactly. A base is a target or estimate of the same shape.

``read_entry`` turns what a clerk typed for an indicator into an amount, reusing the
Vietnamese parsers; it is the single place where typed text becomes a figure.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from functools import lru_cache

from hbt_desktop.core.catalogue import Indicator, IndicatorKind
from hbt_desktop.core.errors import InputError
from hbt_desktop.core.i18n import register
from hbt_desktop.core.money import MoneyUnit, parse_money
from hbt_desktop.core.numbers import QUALIFIERS, Convention, parse_number, split_qualifier
from hbt_desktop.core.periods import Period
from hbt_desktop.core.text import clean, fold

register(
    {
        "value.negative": {
            "vi": "«{text}»: chỉ tiêu {indicator} không nhận số âm.",
            "en": "«{text}»: indicator {indicator} cannot be negative.",
        },
        "value.too_precise": {
            "vi": "«{text}»: tối đa {max} chữ số thập phân.",
            "en": "«{text}»: at most {max} decimal places.",
        },
        "value.percent_sign": {
            "vi": "«{text}»: chỉ tiêu {indicator} tính bằng {unit}, không phải phần trăm.",
            "en": "«{text}»: indicator {indicator} is counted in {unit}, not in percent.",
        },
        "value.bad_status": {
            "vi": "Tình trạng số liệu «{status}» không hợp lệ; dùng: thực hiện, ước thực hiện, dự kiến.",
            "en": "Status «{status}» is not valid; use: thực hiện, ước thực hiện, dự kiến.",
        },
        "value.bad_qualifier": {
            "vi": "Từ chỉ mức «{qualifier}» không hợp lệ; dùng một trong: {allowed}.",
            "en": "Qualifier «{qualifier}» is not valid; use one of: {allowed}.",
        },
        "value.not_integral_money": {
            "vi": "Số tiền phải là số đồng nguyên, nhận được {amount}.",
            "en": "Money must be a whole number of đồng, got {amount}.",
        },
    }
)

MAX_SCALE = 6

# A figure whose comment begins with these words is not a published one (the demo's
# reconstructed estimates, last year's figures, ward tables): printed documents mark it.
ILLUSTRATIVE_PREFIX = "so minh hoa"  # folded: "Số minh họa", "số minh hoạ" …


def is_illustrative(comment: str) -> bool:
    """True when ``comment`` marks the figure as illustrative ("Số minh họa, …")."""
    return fold(clean(comment)).startswith(ILLUSTRATIVE_PREFIX)


class Status(StrEnum):
    THUC_HIEN = "thuc_hien"
    UOC = "uoc"
    DU_KIEN = "du_kien"

    @property
    def label(self) -> str:
        return _STATUS_LABELS[self]


_STATUS_LABELS = {
    Status.THUC_HIEN: "thực hiện",
    Status.UOC: "ước thực hiện",
    Status.DU_KIEN: "dự kiến",
}


@lru_cache(maxsize=64)
def parse_status(text: str) -> Status:
    """Accepts the stored code or the Vietnamese words, with or without accents."""
    folded = fold(clean(text)).replace(" ", "_")
    aliases = {
        "thuc_hien": Status.THUC_HIEN,
        "th": Status.THUC_HIEN,
        "uoc": Status.UOC,
        "uoc_thuc_hien": Status.UOC,
        "uoc_th": Status.UOC,
        "du_kien": Status.DU_KIEN,
    }
    if folded not in aliases:
        raise InputError("value.bad_status", status=text)
    return aliases[folded]


def check_qualifier(text: str | None) -> str | None:
    if text is None or not clean(text):
        return None
    word = clean(text).lower()
    if word not in QUALIFIERS:
        raise InputError("value.bad_qualifier", qualifier=text, allowed=", ".join(QUALIFIERS))
    return word


def encode(amount: Decimal, decimals: int) -> tuple[int, int]:
    """(num, scale) with amount == num / 10**scale exactly; scale >= the digits needed."""
    if decimals == 0:
        whole = int(amount)
        if whole == amount:  # money and counts: the common case of every import, kept cheap
            return whole, 0
    exponent = amount.as_tuple().exponent
    assert isinstance(exponent, int), "NaN and infinity never reach storage"
    scale = max(decimals, -exponent, 0)
    if scale > MAX_SCALE:
        raise InputError("value.too_precise", text=str(amount), max=MAX_SCALE)
    num = amount.scaleb(scale)
    return int(num), scale


def decode(num: int, scale: int) -> Decimal:
    return Decimal(num).scaleb(-scale)


@dataclass(frozen=True)
class Value:
    indicator: str
    unit_uid: str
    period: Period
    amount: Decimal  # money: integral (đồng)
    decimals: int = 0  # printed precision (as typed)
    status: Status = Status.THUC_HIEN
    qualifier: str | None = None
    comment: str = ""
    updated_by: str = ""
    updated_at: datetime | None = None

    @property
    def illustrative(self) -> bool:
        return is_illustrative(self.comment)


@dataclass(frozen=True)
class Base:
    indicator: str
    unit_uid: str
    period: Period  # usually a year: "dự toán năm 2023"
    kind: str  # BaseKind code
    amount: Decimal
    decimals: int = 0
    comment: str = ""
    updated_by: str = ""
    updated_at: datetime | None = None

    @property
    def illustrative(self) -> bool:
        return is_illustrative(self.comment)


def same_value(a: Value, b: Value) -> bool:
    """Equal as a clerk sees them: figure, precision, status, qualifier, comment.

    Who stored it and when do not count, so importing the same file again is a no-op.
    """
    return (
        encode(a.amount, a.decimals) == encode(b.amount, b.decimals)
        and a.status == b.status
        and a.qualifier == b.qualifier
        and a.comment == b.comment
    )


def same_base(a: Base, b: Base) -> bool:
    """Equal as a clerk sees them: figure, precision and comment (who and when do not count)."""
    return encode(a.amount, a.decimals) == encode(b.amount, b.decimals) and a.comment == b.comment


@dataclass(frozen=True)
class Entry:
    """What a clerk typed, read: the amount, its precision and an optional qualifier."""

    amount: Decimal
    decimals: int
    qualifier: str | None = None


def read_entry(
    indicator: Indicator,
    text: str,
    *,
    convention: Convention = Convention.TYPED,
    money_unit: MoneyUnit = MoneyUnit.DONG,
) -> Entry:
    """Read typed ``text`` as a figure of ``indicator``.

    A qualifier typed in front ("trên 7.743 tỷ") is split off and kept separately, so
    that the amount stays exact and the wording stays the clerk's choice.
    """
    qualifier, rest = split_qualifier(text)
    if indicator.kind is IndicatorKind.MONEY:
        dong = parse_money(rest, convention=convention, default_unit=money_unit)
        return Entry(Decimal(dong), 0, qualifier)
    parsed = parse_number(rest, convention=convention)
    percent_kind = indicator.kind in (IndicatorKind.PERCENT, IndicatorKind.GROWTH)
    if parsed.percent and not percent_kind:
        raise InputError(
            "value.percent_sign", text=text, indicator=indicator.name, unit=indicator.unit_label
        )
    if parsed.value < 0 and indicator.kind is not IndicatorKind.GROWTH:
        raise InputError("value.negative", text=text, indicator=indicator.name)
    if parsed.decimals > MAX_SCALE:
        raise InputError("value.too_precise", text=text, max=MAX_SCALE)
    return Entry(parsed.value, parsed.decimals, qualifier)


def check_money(amount: Decimal) -> Decimal:
    if amount != amount.to_integral_value():
        raise InputError("value.not_integral_money", amount=amount)
    return amount

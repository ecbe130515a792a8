"""How a figure looks in a grid cell, and how a typed cell becomes a figure.

Display text is worded by core (``format_money``, ``format_percent``…), as it prints.
Edit text is what the editor opens with: it must read back to the same figure under
the typing convention, so it never uses a lone thousands dot ("4.115" is refused as
ambiguous when typed): money as "4115 tỷ 081 triệu", other numbers without grouping.
Everything typed is read by ``core.values.read_entry`` — the one place where text
becomes a figure — or, for status and qualifier, by the core parsers.
"""

from __future__ import annotations

from decimal import Decimal

from hbt_desktop.core.catalogue import BaseKind, Indicator, IndicatorKind
from hbt_desktop.core.errors import InputError
from hbt_desktop.core.money import format_money
from hbt_desktop.core.numbers import QUALIFIERS, format_decimal, format_percent
from hbt_desktop.core.text import clean, fold, matches
from hbt_desktop.core.values import Status, check_qualifier, parse_status

# Messages raised here are domain refusals too, so they live in core.i18n's catalogue
# (Vietnamese and English) like every other HbtError the clerk can see.


def display_amount(indicator: Indicator, amount: Decimal, decimals: int) -> str:
    """A figure as printed: "4.115 tỷ 081 triệu đồng", "11,7%", "1.234"."""
    if indicator.kind is IndicatorKind.MONEY:
        return format_money(int(amount), indicator.money_format)
    if indicator.kind in (IndicatorKind.PERCENT, IndicatorKind.GROWTH):
        return format_percent(amount, decimals)
    return format_decimal(amount, decimals)


def _plain(amount: Decimal, decimals: int) -> str:
    """Digits with a decimal comma and no grouping: reads back exactly when typed."""
    text = format_decimal(amount, decimals)
    whole, _, fraction = text.partition(",")
    whole = whole.replace(".", "")
    return f"{whole},{fraction}" if fraction else whole


def edit_amount(indicator: Indicator, amount: Decimal, decimals: int) -> str:
    """The text an editor opens with; ``read_entry`` reads it back to the same figure."""
    if indicator.kind is not IndicatorKind.MONEY:
        return _plain(amount, decimals)
    dong = int(amount)
    sign = "-" if dong < 0 else ""
    dong = abs(dong)
    ty, rest = divmod(dong, 10**9)
    trieu, leftover = divmod(rest, 10**6)
    if leftover or not dong:
        return f"{sign}{dong}"
    if not ty:
        return f"{sign}{trieu} triệu"
    if not trieu:
        return f"{sign}{ty} tỷ"
    return f"{sign}{ty} tỷ {trieu:03d} triệu"


STATUS_CHOICES = (Status.THUC_HIEN, Status.UOC, Status.DU_KIEN)


def read_status(text: str) -> Status:
    """ "ước", "uoc", "ước thực hiện", "th", "du kien" …; refused with the allowed list."""
    return parse_status(text)


def read_qualifier(text: str) -> str | None:
    """ "trên", "tren", "xap xi" … (accents optional); empty means none."""
    typed = clean(text)
    if not typed:
        return None
    wanted = fold(typed)
    found = [q for q in QUALIFIERS if fold(q) == wanted]
    if len(found) == 1:
        return found[0]
    return check_qualifier(typed)  # raises the standard refusal with the allowed words


def base_kind_label(kind: BaseKind) -> str:
    """ "dự toán TP và HĐND quận giao (UBND thành phố và HĐND quận)"."""
    return f"{kind.name} ({kind.assigner})" if kind.assigner else kind.name


def read_base_kind(text: str, kinds: list[BaseKind]) -> BaseKind:
    """A kind of base from its code, its name, the start of its name or some of its words
    ("TP va HDND"), accents optional; refused when that is not exactly one kind."""
    typed = clean(text)
    wanted = fold(typed)
    allowed = ", ".join(k.name for k in kinds)
    if not wanted:
        raise InputError("grid.unknown_base_kind", text=typed, allowed=allowed)
    for kind in kinds:
        if wanted in (fold(kind.code), fold(kind.name), fold(base_kind_label(kind))):
            return kind
    found = [k for k in kinds if fold(k.name).startswith(wanted)] or [
        k for k in kinds if matches(typed, base_kind_label(k)) or matches(typed, k.code)
    ]
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        raise InputError(
            "grid.ambiguous_base_kind", text=typed, names=", ".join(k.name for k in found)
        )
    raise InputError("grid.unknown_base_kind", text=typed, allowed=allowed)

"""A printed copy checked against the database: which of its figures changed since.

The file's record (``core.provenance``) lists every figure and base the document read,
with the state each had. Each is read again from this database; those whose state
differs are returned, named and worded for the clerk (``verify-print``).
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from decimal import Decimal

from sqlite_utils import Database

from hbt_desktop.core.catalogue import Catalogue
from hbt_desktop.core.errors import HbtError
from hbt_desktop.core.numbers import format_decimal
from hbt_desktop.core.periods import format_cutoff_period, parse_period
from hbt_desktop.core.provenance import MISSING, Key, PrintRecord, State
from hbt_desktop.core.units import UnitTree
from hbt_desktop.core.values import Status, decode
from hbt_desktop.store.source import StoreSource


@dataclass(frozen=True)
class Change:
    key: Key
    figure: str  # "Tổng thu ngân sách trên địa bàn, quận Hai Bà Trưng, 2 tháng đầu năm 2023"
    then: str  # as printed
    now: str  # in the database today


def compare_print(db: Database, record: PrintRecord) -> list[Change]:
    """The figures of ``record`` whose value, status or qualifier differs today."""
    src = StoreSource(db)
    changes = []
    for key, state in record.readings:
        now = src.read_again(key)
        if now != state:
            changes.append(
                Change(
                    key,
                    describe(key, src.catalogue, src.units),
                    worded(key, state, src.catalogue),
                    worded(key, now, src.catalogue),
                )
            )
    return changes


def describe(key: Key, catalogue: Catalogue, units: UnitTree) -> str:
    """What a key names, in words; the codes themselves where this database lacks them."""
    indicator = catalogue.indicators.get(key[1]) if len(key) > 1 else None
    name = indicator.name if indicator else (key[1] if len(key) > 1 else "?")
    unit_name = key[2] if len(key) > 2 else "?"
    if len(key) > 2 and key[2] in units.units:
        unit_name = units.units[key[2]].full_name
    period = key[3] if len(key) > 3 else "?"
    with contextlib.suppress(HbtError):  # a period this version cannot read: as recorded
        period = format_cutoff_period(parse_period(period))
    text = f"{name}, {unit_name}, {period}"
    if key[0] == "b" and len(key) > 4:
        kind = catalogue.base_kinds.get(key[4])
        text = f"{kind.name if kind else key[4]} của {text}"
    return text


def worded(key: Key, state: State, catalogue: Catalogue) -> str:
    """A state as the clerk reads it: "4.115.081.000.000 đồng (ước thực hiện)"."""
    if state == MISSING:
        return "chưa có số liệu"
    try:
        amount: Decimal = decode(int(state[0]), int(state[1]))
    except (ValueError, IndexError):  # a record from another version: said so, not guessed
        return "không đọc được"
    indicator = catalogue.indicators.get(key[1])
    label = indicator.unit_label if indicator else ""
    text = f"{format_decimal(amount, int(state[1]))} {label}".strip()
    if len(state) > 3 and state[3]:
        text = f"{state[3]} {text}"
    if len(state) > 2 and state[2] != Status.THUC_HIEN.value:
        try:
            text += f" ({Status(state[2]).label})"
        except ValueError:  # a status this version does not know: shown as recorded
            text += f" ({state[2]})"
    return text

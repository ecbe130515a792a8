"""Catalogue and unit records from rows of text, whatever file they came from.

CSV, XLSX sheets and JSON objects are all read into rows (``dict[str, str]``) first;
the functions here turn one row into a domain object and back, so every format is
checked by the same rules (``entities.py`` places each refusal at its row and column).
The columns are documented in docs/file-formats.md.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from decimal import Decimal

from hbt_desktop.core.catalogue import (
    BaseKind,
    Indicator,
    Sector,
    make_base_kind,
    make_indicator,
    make_sector,
)
from hbt_desktop.core.dates import parse_date
from hbt_desktop.core.errors import InputError
from hbt_desktop.core.text import clean
from hbt_desktop.core.units import OrgUnit, Portion, Predecessor, make_unit

Row = Mapping[str, str]

UNIT_COLUMNS = (
    "uid",
    "code",
    "name",
    "kind",
    "level",
    "parent_uid",
    "valid_from",
    "valid_to",
    "predecessors",
    "note",
)
SECTOR_COLUMNS = ("code", "name", "position", "retired_from")
BASE_KIND_COLUMNS = ("code", "name", "short", "assigner", "position", "retired_from")
INDICATOR_COLUMNS = (
    "code",
    "name",
    "sector",
    "kind",
    "unit_label",
    "decimals",
    "pct_decimals",
    "aggregation",
    "comparisons",
    "money_style",
    "position",
    "description",
    "retired_from",
)


def _get(row: Row, column: str) -> str:
    value = row.get(column)
    return clean(str(value)) if value is not None else ""


_INTEGER = re.compile(r"-?[0-9]+")
# A share of a predecessor's figures: 0.4, 0,4 or 1 (checked 0 < share <= 1 by make_unit).
_SHARE = re.compile(r"[0-9]+(?:[.,][0-9]+)?")
# Predecessors are separated by ";" or by a "," that is not a decimal comma ("0,4").
_LINK_SEPARATOR = re.compile(r";|,(?![0-9])")


def integer(text: str, column: str) -> int:
    """A whole number in ASCII digits: int() would also take "١٢" or "1_000"."""
    if not _INTEGER.fullmatch(text):
        raise InputError("rows.bad_integer", column=column, value=text)
    return int(text)


def _int(row: Row, column: str, default: int = 0) -> int:
    text = _get(row, column)
    return integer(text, column) if text else default


def _date(row: Row, column: str) -> date | None:
    text = _get(row, column)
    return parse_date(text) if text else None


def _predecessors(text: str) -> list[Predecessor]:
    preds = []
    for part in (p.strip() for p in _LINK_SEPARATOR.split(text)):
        if not part:
            continue
        bits = [b.strip() for b in part.split(":")]
        if len(bits) not in (2, 3) or not bits[0] or bits[1] not in ("whole", "part"):
            raise InputError("rows.bad_predecessor", value=part)
        share = None
        if len(bits) == 3:
            # Digits only: Decimal() would also take "NaN", which no comparison survives.
            if not _SHARE.fullmatch(bits[2]):
                raise InputError("rows.bad_predecessor", value=part)
            share = Decimal(bits[2].replace(",", "."))
        preds.append(Predecessor(bits[0], Portion(bits[1]), share))
    return preds


def unit_from_row(row: Row) -> OrgUnit:
    return make_unit(
        uid=_get(row, "uid") or _get(row, "code"),
        code=_get(row, "code"),
        name=_get(row, "name"),
        kind=_get(row, "kind"),
        level=_int(row, "level", 3),
        parent_uid=_get(row, "parent_uid") or None,
        valid_from=_date(row, "valid_from"),
        valid_to=_date(row, "valid_to"),
        predecessors=_predecessors(_get(row, "predecessors")),
        note=_get(row, "note"),
    )


def sector_from_row(row: Row) -> Sector:
    return make_sector(
        code=_get(row, "code"),
        name=_get(row, "name"),
        position=_int(row, "position"),
        retired_from=_date(row, "retired_from"),
    )


def base_kind_from_row(row: Row) -> BaseKind:
    return make_base_kind(
        code=_get(row, "code"),
        name=_get(row, "name"),
        short=_get(row, "short"),
        assigner=_get(row, "assigner"),
        position=_int(row, "position"),
        retired_from=_date(row, "retired_from"),
    )


def indicator_from_row(row: Row) -> Indicator:
    return make_indicator(
        code=_get(row, "code"),
        name=_get(row, "name"),
        sector=_get(row, "sector"),
        kind=_get(row, "kind"),
        unit_label=_get(row, "unit_label"),
        decimals=_int(row, "decimals"),
        pct_decimals=_int(row, "pct_decimals"),
        aggregation=_get(row, "aggregation") or "sum",
        comparisons=_get(row, "comparisons"),
        money_style=_get(row, "money_style") or "ty_trieu",
        position=_int(row, "position"),
        description=_get(row, "description"),
        retired_from=_date(row, "retired_from"),
    )


def unit_to_row(unit: OrgUnit) -> dict[str, str]:
    preds = "; ".join(
        f"{p.uid}:{p.portion.value}" + (f":{p.share}" if p.share is not None else "")
        for p in unit.predecessors
    )
    return {
        "uid": unit.uid,
        "code": unit.code,
        "name": unit.name,
        "kind": unit.kind.value,
        "level": str(unit.level),
        "parent_uid": unit.parent_uid or "",
        "valid_from": unit.valid_from.isoformat() if unit.valid_from else "",
        "valid_to": unit.valid_to.isoformat() if unit.valid_to else "",
        "predecessors": preds,
        "note": unit.note,
    }


def _iso(day: date | None) -> str:
    return day.isoformat() if day else ""


def sector_to_row(s: Sector) -> dict[str, str]:
    return {
        "code": s.code,
        "name": s.name,
        "position": str(s.position),
        "retired_from": _iso(s.retired_from),
    }


def base_kind_to_row(b: BaseKind) -> dict[str, str]:
    return {
        "code": b.code,
        "name": b.name,
        "short": b.short,
        "assigner": b.assigner,
        "position": str(b.position),
        "retired_from": _iso(b.retired_from),
    }


def indicator_to_row(i: Indicator) -> dict[str, str]:
    return {
        "code": i.code,
        "name": i.name,
        "sector": i.sector,
        "kind": i.kind.value,
        "unit_label": i.unit_label,
        "decimals": str(i.decimals),
        "pct_decimals": str(i.pct_decimals),
        "aggregation": i.aggregation.value,
        "comparisons": " ".join(sorted(c.value for c in i.comparisons)),
        "money_style": i.money_style.value,
        "position": str(i.position),
        "description": i.description,
        "retired_from": _iso(i.retired_from),
    }

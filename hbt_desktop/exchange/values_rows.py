"""One row of a DHIS2 dataValueSets file read as a value or a base, strictly.

The ``value`` column is machine format — digits, an optional leading ``-`` and a ``.``
decimal point, nothing else — and is parsed exactly, never through the ambiguity rules
meant for text a clerk types (under which ``4.115`` could be a thousand times another
number). Anything else is refused with the row and column, so a figure is never
silently misread.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from functools import cached_property
from typing import Literal

from hbt_desktop.core.catalogue import Catalogue, Indicator, IndicatorKind
from hbt_desktop.core.errors import HbtError, InputError
from hbt_desktop.core.numbers import MAX_DECIMALS, MAX_INTEGER_DIGITS
from hbt_desktop.core.periods import Period, parse_period
from hbt_desktop.core.units import OrgUnit, UnitTree
from hbt_desktop.core.values import Base, Status, Value, check_qualifier, parse_status
from hbt_desktop.exchange.tables import Record, Table, is_canonical_number
from hbt_desktop.exchange.where import FileInputError

DEFAULT = "default"
BASE_PREFIX = "BASE:"
_TRUE_FALSE = {"": False, "false": False, "0": False, "true": True, "1": True}


@dataclass(frozen=True)
class Context:
    """What a row is checked against, and the JSON document's defaults."""

    catalogue: Catalogue
    units: UnitTree
    default_period: str = ""
    default_unit: str = ""


@dataclass(frozen=True)
class ParsedRow:
    record: Literal["value", "base"]
    item: Value | Base
    row: int

    @cached_property
    def key(self) -> str:
        base = f" {self.item.kind}" if isinstance(self.item, Base) else ""
        return f"{self.item.indicator} {self.item.unit_uid} {self.item.period.id}{base}"


def parse_rows(table: Table, context: Context) -> list[ParsedRow]:
    """Every row of ``table`` read and checked; the first problem is raised."""
    out: list[ParsedRow] = []
    first: dict[str, int] = {}
    for record in table.records:
        parsed = _parse(table, record, context)
        if parsed.key in first:
            base = f", {parsed.item.kind}" if isinstance(parsed.item, Base) else ""
            raise FileInputError(
                "values.duplicate", where=table.place(record), first=first[parsed.key], kind=base
            )
        first[parsed.key] = record.number
        out.append(parsed)
    return out


class _Row:
    """Cell access for one record, raising at the right place."""

    def __init__(self, table: Table, record: Record) -> None:
        self.table, self.record = table, record
        self._cells = record.cells

    def get(self, column: str, default: str = "") -> str:
        return self._cells.get(column) or default

    def required(self, column: str, default: str = "") -> str:
        text = self.get(column, default)
        if not text:
            raise self.error(column, InputError("values.empty_cell"))
        return text

    def error(self, column: str, err: HbtError) -> FileInputError:
        return FileInputError.of(err, self.table.place(self.record, column))


def _parse(table: Table, record: Record, ctx: Context) -> ParsedRow:
    row = _Row(table, record)
    code = row.required("dataelement").upper()
    indicator = ctx.catalogue.indicators.get(code)
    if indicator is None:
        raise row.error("dataelement", InputError("values.unknown_indicator", code=code))
    try:
        period = parse_period(row.required("period", ctx.default_period))
    except FileInputError:
        raise
    except HbtError as err:
        raise row.error("period", err) from err
    unit = _unit(row, ctx, period)
    base_kind = _category(row, ctx)
    _check_dhis2_columns(row)
    amount, decimals = _amount(row, indicator)
    comment, by = row.get("comment"), row.get("storedby")
    at = _timestamp(row, "lastupdated")
    if base_kind is not None:
        for column in ("status", "qualifier"):
            if row.get(column):
                raise row.error(column, InputError("values.base_extra", text=row.get(column)))
        base = Base(code, unit.uid, period, base_kind, amount, decimals, comment, by, at)
        return ParsedRow("base", base, record.number)
    status, qualifier = _status(row), _qualifier(row)
    value = Value(code, unit.uid, period, amount, decimals, status, qualifier, comment, by, at)
    return ParsedRow("value", value, record.number)


def _unit(row: _Row, ctx: Context, period: Period) -> OrgUnit:
    uid = row.required("orgunit", ctx.default_unit)
    unit = ctx.units.units.get(uid)
    if unit is None:
        raise row.error("orgunit", InputError("values.unknown_unit", uid=uid))
    if not unit.overlaps(period.start, period.end):
        raise row.error(
            "orgunit",
            InputError(
                "values.unit_not_valid",
                unit=unit.title_name,
                uid=uid,
                interval=f"{_day(unit.valid_from)} – {_day(unit.valid_to)}",
                period=period.id,
            ),
        )
    return unit


def _day(day: date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else "…"


def _category(row: _Row, ctx: Context) -> str | None:
    """None for a value, the kind of base for ``BASE:<code>``."""
    text = row.get("categoryoptioncombo")
    if text.lower() in ("", DEFAULT):
        return None
    if not text.upper().startswith(BASE_PREFIX):
        raise row.error("categoryoptioncombo", InputError("values.bad_category", text=text))
    code = text[len(BASE_PREFIX) :].strip().upper()
    if code not in ctx.catalogue.base_kinds:
        raise row.error("categoryoptioncombo", InputError("values.unknown_base_kind", code=code))
    return code


def _check_dhis2_columns(row: _Row) -> None:
    """DHIS2's columns this program has no use for must not carry meaning it would drop."""
    text = row.get("attributeoptioncombo")
    if text.lower() not in ("", DEFAULT):
        raise row.error("attributeoptioncombo", InputError("values.bad_attribute", text=text))
    for column in ("followup", "deleted"):
        text = row.get(column)
        if text.lower() not in _TRUE_FALSE:
            raise row.error(column, InputError("values.bad_followup", text=text))
    if _TRUE_FALSE[row.get("deleted").lower()]:
        raise row.error("deleted", InputError("values.deleted"))
    _timestamp(row, "created")


def _amount(row: _Row, indicator: Indicator) -> tuple[Decimal, int]:
    """The exact amount and its display precision, checked against the indicator."""
    text = row.required("value")
    place_err = row.error
    if not is_canonical_number(text):
        raise place_err("value", InputError("values.bad_number", text=text))
    whole, _, fraction = text.lstrip("-").partition(".")
    if len(whole.lstrip("0")) > MAX_INTEGER_DIGITS:
        raise place_err("value", InputError("number.too_long", text=text, max=MAX_INTEGER_DIGITS))
    if len(fraction) > MAX_DECIMALS:
        raise place_err("value", InputError("number.too_precise", text=text, max=MAX_DECIMALS))
    amount = Decimal(text)
    if amount < 0 and indicator.kind is not IndicatorKind.GROWTH:
        raise place_err("value", InputError("value.negative", text=text, indicator=indicator.name))
    decimals = _decimals(row)
    if indicator.kind is IndicatorKind.MONEY:
        if amount != amount.to_integral_value():
            raise place_err("value", InputError("money.not_whole", text=text))
        if decimals:
            raise place_err("decimals", InputError("values.money_decimals", decimals=decimals))
        return Decimal(int(amount)), 0
    if decimals is None:
        return amount, len(fraction)
    if decimals < len(fraction):
        raise place_err(
            "decimals",
            InputError(
                "values.decimals_too_few", value=text, found=len(fraction), decimals=decimals
            ),
        )
    return amount, decimals


def _decimals(row: _Row) -> int | None:
    text = row.get("decimals")
    if not text:
        return None
    if not (text.isascii() and text.isdigit()) or int(text) > MAX_DECIMALS:
        raise row.error("decimals", InputError("values.bad_decimals", text=text))
    return int(text)


def _status(row: _Row) -> Status:
    text = row.get("status")
    try:
        return parse_status(text) if text else Status.THUC_HIEN
    except HbtError as err:
        raise row.error("status", err) from err


def _qualifier(row: _Row) -> str | None:
    try:
        return check_qualifier(row.get("qualifier"))
    except HbtError as err:
        raise row.error("qualifier", err) from err


def _timestamp(row: _Row, column: str) -> datetime | None:
    """An ISO 8601 time; one without an offset is taken as UTC (DHIS2 writes server time
    without offset: the timestamp is provenance, never a figure)."""
    text = row.get(column)
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise row.error(column, InputError("values.bad_timestamp", text=text)) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)

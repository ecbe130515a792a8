"""Catalogue and unit records read from tables, each refusal placed at its row and column.

The domain builders (``rows.py`` → ``core.catalogue.make_*``, ``core.units.make_unit``)
know nothing of files. Cells whose errors would not say which column they came from —
dates, whole numbers, codes — are checked here first, so every refusal names its
column; what the builders then refuse is placed at the row (and at the column when
their message names the field).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Generic, TypeVar

from hbt_desktop.core.catalogue import check_code
from hbt_desktop.core.dates import parse_date
from hbt_desktop.core.errors import HbtError
from hbt_desktop.exchange import rows
from hbt_desktop.exchange.jsonfile import Converter
from hbt_desktop.exchange.tables import Cell, Record, Table
from hbt_desktop.exchange.where import FileInputError

T = TypeVar("T")


@dataclass(frozen=True)
class Entity(Generic[T]):
    """One kind of record and how it is read and written.

    ``name`` is the sheet name and JSON key (``sectors``), ``record`` the value of a CSV
    ``record`` column (``sector``).
    """

    name: str
    record: str
    columns: tuple[str, ...]
    required: tuple[str, ...]
    build: Callable[[rows.Row], T]
    key: Callable[[T], str]
    to_row: Callable[[T], dict[str, str]]
    to_json: Callable[[T], dict[str, object]]
    json_cells: Mapping[str, tuple[str, Converter]]
    numeric: frozenset[str] = frozenset()
    dates: tuple[str, ...] = ()
    codes: tuple[str, ...] = ()

    def sheet_rows(self, items: list[T]) -> list[dict[str, Cell]]:
        return [dict(self.to_row(item)) for item in items]


@dataclass(frozen=True)
class Parsed(Generic[T]):
    item: T
    row: int


def parse_entity(entity: Entity[T], table: Table, records: tuple[Record, ...]) -> list[Parsed[T]]:
    """``records`` of ``table`` as items of ``entity``; the first problem is raised."""
    out: list[Parsed[T]] = []
    first: dict[str, int] = {}
    for record in records:
        _precheck(entity, table, record)
        try:
            item = entity.build(record.cells)
        except HbtError as err:
            column = _column_of(err, entity, record)
            raise FileInputError.of(err, table.place(record, column)) from err
        code = entity.key(item)
        if code in first:
            raise FileInputError(
                "entities.duplicate", where=table.place(record), code=code, first=first[code]
            )
        first[code] = record.number
        out.append(Parsed(item, record.number))
    return out


def _column_of(err: HbtError, entity: Entity[T], record: Record) -> str:
    """The column a builder's refusal is about: the field its message names, or else
    the one cell holding the refused value (``catalogue.bad_decimals`` quotes 9)."""
    named = err.params.get("field") or err.params.get("column")
    if isinstance(named, str) and named in entity.columns:
        return named
    # The record's own code is quoted to say which record; it is not what was refused.
    quoted = {str(v) for k, v in err.params.items() if k != "code"}
    holding = [c for c in entity.columns if record.get(c) and record.get(c) in quoted]
    return holding[0] if len(holding) == 1 else ""


def _precheck(entity: Entity[T], table: Table, record: Record) -> None:
    checks: list[tuple[str, Callable[[str], object]]] = [
        *((c, parse_date) for c in entity.dates),
        *((c, check_code) for c in entity.codes),
        *((c, lambda text, c=c: rows.integer(text, c)) for c in entity.numeric),
    ]
    for column, check in checks:
        text = record.get(column)
        if not text:
            continue
        try:
            check(text)
        except HbtError as err:
            raise FileInputError.of(err, table.place(record, column)) from err

"""Reading figures (values) and bases: one figure, a screenful, a period's totals.

Nothing here writes: every change goes through ``store.writes``, the single write path.
The two tables have the same shape — a key, the exact amount as integer and scale, what
the clerk said about it, who stored it and when — and :class:`FigureTable` describes each
once, so that the reads here and the writes there agree on every column.

The screens show many indicators for one unit, or one indicator for many wards, and must
scroll without stalls: the batch reads (``values_for_indicators``, ``values_matrix`` …)
read a screenful in one query instead of one per cell, and return the same ``Value`` and
``Base`` objects, so nothing interprets a figure differently.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from functools import cached_property
from typing import Generic, TypeVar

from sqlite_utils import Database

from hbt_desktop.core.periods import Period, parse_period
from hbt_desktop.core.values import Base, Status, Value, decode

F = TypeVar("F", Value, Base)


def now_utc() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def _parse_ts(text: str) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


@dataclass(frozen=True)
class FigureTable(Generic[F]):
    """One of the two tables of figures: its name, its columns (the key first, then
    ``num``, ``scale``, what else the clerk gave, ``updated_by``, ``updated_at``) and how a
    row becomes a figure."""

    name: str
    key: tuple[str, ...]
    columns: tuple[str, ...]
    from_row: Callable[[Sequence[object]], F]
    key_of: Callable[[F], tuple[str, ...]]  # a figure's key as stored

    @cached_property
    def select(self) -> str:
        return f"SELECT {', '.join(self.columns)} FROM {self.name}"

    @cached_property
    def where_key(self) -> str:
        return " AND ".join(f"{column} = ?" for column in self.key)

    def get(self, db: Database, key: Sequence[str]) -> F | None:
        """The figure stored under ``key`` (the key columns' texts), or None."""
        row = db.execute(f"{self.select} WHERE {self.where_key}", list(key)).fetchone()
        return self.from_row(row) if row else None


def _value_from_row(row: Sequence[object]) -> Value:
    indicator, unit_uid, period, num, scale, status, qualifier, comment, by, at = row
    return Value(
        indicator=str(indicator),
        unit_uid=str(unit_uid),
        period=parse_period(str(period)),
        amount=decode(int(num), int(scale)),  # type: ignore[call-overload]
        decimals=int(scale),  # type: ignore[call-overload]
        status=Status(str(status)),
        qualifier=str(qualifier) if qualifier else None,
        comment=str(comment),
        updated_by=str(by),
        updated_at=_parse_ts(str(at)),
    )


def _base_from_row(row: Sequence[object]) -> Base:
    indicator, unit_uid, period, kind, num, scale, comment, by, at = row
    return Base(
        indicator=str(indicator),
        unit_uid=str(unit_uid),
        period=parse_period(str(period)),
        kind=str(kind),
        amount=decode(int(num), int(scale)),  # type: ignore[call-overload]
        decimals=int(scale),  # type: ignore[call-overload]
        comment=str(comment),
        updated_by=str(by),
        updated_at=_parse_ts(str(at)),
    )


VALUES = FigureTable(
    "figure_values",
    ("indicator", "unit_uid", "period"),
    (
        *("indicator", "unit_uid", "period", "num", "scale"),
        *("status", "qualifier", "comment", "updated_by", "updated_at"),
    ),
    _value_from_row,
    lambda v: (v.indicator, v.unit_uid, v.period.id),
)
BASES = FigureTable(
    "bases",
    ("indicator", "unit_uid", "period", "kind"),
    (
        *("indicator", "unit_uid", "period", "kind", "num", "scale"),
        *("comment", "updated_by", "updated_at"),
    ),
    _base_from_row,
    lambda b: (b.indicator, b.unit_uid, b.period.id, b.kind),
)

# Old SQLite builds allow 999 bound parameters: long IN lists are read in chunks.
_CHUNK = 400


def _chunks(items: Sequence[str]) -> list[Sequence[str]]:
    return [items[i : i + _CHUNK] for i in range(0, len(items), _CHUNK)]


def _marks(items: Sequence[str]) -> str:
    return ", ".join("?" for _ in items)


# -- values --------------------------------------------------------------------------------


def get_value(db: Database, indicator: str, unit_uid: str, period: Period) -> Value | None:
    return VALUES.get(db, (indicator, unit_uid, period.id))


def values_for_units(
    db: Database, indicator: str, unit_uids: Sequence[str], period: Period
) -> dict[str, Value]:
    if not unit_uids:
        return {}
    rows = db.execute(
        f"{VALUES.select} WHERE indicator = ? AND period = ? AND unit_uid IN ({_marks(unit_uids)})",
        [indicator, period.id, *unit_uids],
    ).fetchall()
    return {str(r[1]): _value_from_row(r) for r in rows}


def values_for(db: Database, unit_uid: str, period: Period) -> dict[str, Value]:
    """Every value of one unit and period, by indicator code."""
    rows = db.execute(
        f"{VALUES.select} WHERE unit_uid = ? AND period = ?", [unit_uid, period.id]
    ).fetchall()
    return {str(r[0]): _value_from_row(r) for r in rows}


def values_in_year(db: Database, unit_uid: str, year: int) -> list[Value]:
    """Every value of one unit whose period lies in ``year`` (ids start with the year)."""
    rows = db.execute(
        f"{VALUES.select} WHERE unit_uid = ? AND period LIKE ?", [unit_uid, f"{year:04d}%"]
    ).fetchall()
    return [_value_from_row(r) for r in rows]


def indicators_with_values(db: Database, unit_uids: Sequence[str], period: Period) -> set[str]:
    """Codes of the indicators for which any of ``unit_uids`` has a value in ``period``."""
    if not unit_uids:
        return set()
    rows = db.execute(
        "SELECT DISTINCT indicator FROM figure_values "
        f"WHERE period = ? AND unit_uid IN ({_marks(unit_uids)})",
        [period.id, *unit_uids],
    ).fetchall()
    return {str(r[0]) for r in rows}


def all_values(db: Database) -> list[Value]:
    rows = db.execute(f"{VALUES.select} ORDER BY period, unit_uid, indicator").fetchall()
    return [_value_from_row(r) for r in rows]


def values_for_indicators(
    db: Database, unit_uid: str, period: Period, codes: Sequence[str]
) -> dict[str, Value]:
    """The values of ``codes`` for one unit and period, by indicator code."""
    found: dict[str, Value] = {}
    for chunk in _chunks(list(codes)):
        rows = db.execute(
            f"{VALUES.select} WHERE unit_uid = ? AND period = ? AND indicator IN ({_marks(chunk)})",
            [unit_uid, period.id, *chunk],
        ).fetchall()
        found.update({str(r[0]): _value_from_row(r) for r in rows})
    return found


def values_matrix(
    db: Database, codes: Sequence[str], unit_uids: Sequence[str], period: Period
) -> dict[tuple[str, str], Value]:
    """Values of ``codes`` × ``unit_uids`` in one period, keyed (indicator, unit uid)."""
    found: dict[tuple[str, str], Value] = {}
    if not unit_uids:
        return found
    for chunk in _chunks(list(codes)):
        rows = db.execute(
            f"{VALUES.select} WHERE period = ? "
            f"AND indicator IN ({_marks(chunk)}) AND unit_uid IN ({_marks(unit_uids)})",
            [period.id, *chunk, *unit_uids],
        ).fetchall()
        found.update({(str(r[0]), str(r[1])): _value_from_row(r) for r in rows})
    return found


def value_history(db: Database, unit_uid: str, codes: Sequence[str]) -> dict[str, list[Value]]:
    """Every stored value of ``codes`` for one unit, oldest period first."""
    found: dict[str, list[Value]] = {}
    for chunk in _chunks(list(codes)):
        rows = db.execute(
            f"{VALUES.select} WHERE unit_uid = ? AND indicator IN ({_marks(chunk)})",
            [unit_uid, *chunk],
        ).fetchall()
        for row in rows:
            value = _value_from_row(row)
            found.setdefault(value.indicator, []).append(value)
    for values in found.values():
        values.sort(key=lambda v: v.period)
    return found


def filled_indicators(
    db: Database, unit_uids: Sequence[str], period: Period
) -> dict[str, set[str]]:
    """For each of ``unit_uids``, the indicator codes it has a value for in ``period``."""
    found: dict[str, set[str]] = {uid: set() for uid in unit_uids}
    if not unit_uids:
        return found
    rows = db.execute(
        f"SELECT unit_uid, indicator FROM figure_values WHERE period = ? "
        f"AND unit_uid IN ({_marks(unit_uids)})",
        [period.id, *unit_uids],
    ).fetchall()
    for uid, code in rows:
        found.setdefault(str(uid), set()).add(str(code))
    return found


def stored_for(db: Database, table: FigureTable[F], items: Sequence[F]) -> dict[tuple[str, ...], F]:
    """The stored figures under the keys of ``items`` (and others of their indicators and
    periods), by key: read a period at a time, for a batch of writes."""
    if len(items) == 1:  # a typed cell: its own row only
        key = table.key_of(items[0])
        found_one = table.get(db, key)
        return {key: found_one} if found_one is not None else {}
    wanted: dict[str, set[str]] = {}
    for item in items:
        wanted.setdefault(item.period.id, set()).add(item.indicator)
    width = len(table.key)
    found: dict[tuple[str, ...], F] = {}
    codes: Sequence[str]
    for period, indicators in wanted.items():
        for codes in _chunks(sorted(indicators)):
            rows = db.execute(
                f"{table.select} WHERE period = ? AND indicator IN ({_marks(codes)})",
                [period, *codes],
            ).fetchall()
            for row in rows:
                found[tuple(str(column) for column in row[:width])] = table.from_row(row)
    return found


# -- bases ---------------------------------------------------------------------------------


def get_base(db: Database, indicator: str, unit_uid: str, period: Period, kind: str) -> Base | None:
    return BASES.get(db, (indicator, unit_uid, period.id, kind))


def bases_for(db: Database, unit_uid: str, period: Period) -> list[Base]:
    rows = db.execute(
        f"{BASES.select} WHERE unit_uid = ? AND period = ? ORDER BY indicator, kind",
        [unit_uid, period.id],
    ).fetchall()
    return [_base_from_row(r) for r in rows]


def all_bases(db: Database) -> list[Base]:
    rows = db.execute(f"{BASES.select} ORDER BY period, unit_uid, indicator, kind").fetchall()
    return [_base_from_row(r) for r in rows]


def bases_for_indicators(
    db: Database, unit_uid: str, periods: Sequence[Period], codes: Sequence[str]
) -> dict[tuple[str, str, str], Base]:
    """Bases of ``codes`` for one unit in any of ``periods``, keyed (indicator, period
    id, kind)."""
    found: dict[tuple[str, str, str], Base] = {}
    ids = [p.id for p in periods]
    for chunk in _chunks(list(codes)):
        rows = db.execute(
            f"{BASES.select} WHERE unit_uid = ? "
            f"AND period IN ({_marks(ids)}) AND indicator IN ({_marks(chunk)})",
            [unit_uid, *ids, *chunk],
        ).fetchall()
        for row in rows:
            base = _base_from_row(row)
            found[(base.indicator, base.period.id, base.kind)] = base
    return found


# -- totals and dates ----------------------------------------------------------------------


@dataclass(frozen=True)
class PeriodTotal:
    indicator: str
    amount: Decimal
    count: int  # how many units contributed


def period_totals(db: Database, unit_uids: Sequence[str], period: Period) -> dict[str, PeriodTotal]:
    """Sum of every indicator over ``unit_uids`` for one period, exactly.

    SQLite sums the integers of each scale; the scales are combined in Decimal here, so
    no float ever touches a figure.
    """
    if not unit_uids:
        return {}
    totals: dict[str, tuple[Decimal, int]] = {}
    for indicator, scale, total, count in db.execute(
        "SELECT indicator, scale, SUM(num), COUNT(*) FROM figure_values "
        f"WHERE period = ? AND unit_uid IN ({_marks(unit_uids)}) GROUP BY indicator, scale",
        [period.id, *unit_uids],
    ).fetchall():
        amount, n = totals.get(indicator, (Decimal(0), 0))
        totals[indicator] = (amount + decode(int(total), int(scale)), n + int(count))
    return {code: PeriodTotal(code, amount, n) for code, (amount, n) in totals.items()}


def periods_with_data(db: Database) -> list[Period]:
    ids = {
        row[0]
        for table in ("figure_values", "bases", "documents")
        for row in db.execute(f"SELECT DISTINCT period FROM {table}").fetchall()
    }
    return sorted(parse_period(pid) for pid in ids)


def last_change(db: Database) -> datetime | None:
    """When a figure, a base or a document was last saved (UTC), or None if never."""
    latest: str | None = None
    for table in ("figure_values", "bases", "documents"):
        row = db.execute(f"SELECT MAX(updated_at) FROM {table}").fetchone()
        if row and row[0] and (latest is None or str(row[0]) > latest):
            latest = str(row[0])
    return datetime.fromisoformat(latest) if latest else None

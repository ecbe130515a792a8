"""Batch reads for the entry screens: one query per screenful, not one per cell.

The desktop grids show many indicators for one unit, or one indicator for many wards,
and must scroll without stalls; the per-figure reads in ``values.py`` would cost a
query per cell. These functions read the same tables in batches and return the same
``Value``/``Base`` objects, so nothing here interprets a figure differently.

``LiveSource`` is a :class:`~hbt_desktop.core.figures.FigureSource` for screens: it
shares one catalogue and unit tree between refreshes and, unlike ``StoreSource``, does
not remember every figure it reads (a screen open all day would otherwise grow without
bound; fingerprints are a printing concern).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlite_utils import Database

from hbt_desktop.core.catalogue import Catalogue
from hbt_desktop.core.periods import Period
from hbt_desktop.core.units import UnitTree
from hbt_desktop.core.values import Base, Value
from hbt_desktop.store.catalogue import load_catalogue
from hbt_desktop.store.units import load_units
from hbt_desktop.store.values import (
    _BASE_COLUMNS,
    _VALUE_COLUMNS,
    _base_from_row,
    _value_from_row,
    get_base,
    get_value,
    values_for_units,
)

# SQLite allows 999 bound parameters in old builds (Windows 7 era Python ships 3.x with
# a higher limit, but stay safe): chunk long IN lists.
_CHUNK = 400


def _chunks(items: Sequence[str]) -> list[Sequence[str]]:
    return [items[i : i + _CHUNK] for i in range(0, len(items), _CHUNK)]


def _marks(items: Sequence[str]) -> str:
    return ", ".join("?" for _ in items)


def values_for_indicators(
    db: Database, unit_uid: str, period: Period, codes: Sequence[str]
) -> dict[str, Value]:
    """The values of ``codes`` for one unit and period, by indicator code."""
    found: dict[str, Value] = {}
    for chunk in _chunks(list(codes)):
        rows = db.execute(
            f"SELECT {_VALUE_COLUMNS} FROM figure_values "
            f"WHERE unit_uid = ? AND period = ? AND indicator IN ({_marks(chunk)})",
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
            f"SELECT {_VALUE_COLUMNS} FROM figure_values WHERE period = ? "
            f"AND indicator IN ({_marks(chunk)}) AND unit_uid IN ({_marks(unit_uids)})",
            [period.id, *chunk, *unit_uids],
        ).fetchall()
        found.update({(str(r[0]), str(r[1])): _value_from_row(r) for r in rows})
    return found


def bases_for_indicators(
    db: Database, unit_uid: str, periods: Sequence[Period], codes: Sequence[str]
) -> dict[tuple[str, str, str], Base]:
    """Bases of ``codes`` for one unit in any of ``periods``, keyed (indicator, period
    id, kind)."""
    found: dict[tuple[str, str, str], Base] = {}
    ids = [p.id for p in periods]
    for chunk in _chunks(list(codes)):
        rows = db.execute(
            f"SELECT {_BASE_COLUMNS} FROM bases WHERE unit_uid = ? "
            f"AND period IN ({_marks(ids)}) AND indicator IN ({_marks(chunk)})",
            [unit_uid, *ids, *chunk],
        ).fetchall()
        for row in rows:
            base = _base_from_row(row)
            found[(base.indicator, base.period.id, base.kind)] = base
    return found


def value_history(db: Database, unit_uid: str, codes: Sequence[str]) -> dict[str, list[Value]]:
    """Every stored value of ``codes`` for one unit, oldest period first."""
    found: dict[str, list[Value]] = {}
    for chunk in _chunks(list(codes)):
        rows = db.execute(
            f"SELECT {_VALUE_COLUMNS} FROM figure_values WHERE unit_uid = ? "
            f"AND indicator IN ({_marks(chunk)})",
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


def last_change(db: Database) -> datetime | None:
    """When a figure, a base or a document was last saved (UTC), or None if never."""
    latest: str | None = None
    for table in ("figure_values", "bases", "documents"):
        row = db.execute(f"SELECT MAX(updated_at) FROM {table}").fetchone()
        if row and row[0] and (latest is None or str(row[0]) > latest):
            latest = str(row[0])
    return datetime.fromisoformat(latest) if latest else None


class LiveSource:
    """A FigureSource for screens: shared catalogue and units, no read log."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._catalogue: Catalogue | None = None
        self._units: UnitTree | None = None

    def reload(self) -> None:
        """Read the catalogue and units again (after the catalogue screens saved)."""
        self._catalogue = None
        self._units = None

    @property
    def catalogue(self) -> Catalogue:
        if self._catalogue is None:
            self._catalogue = load_catalogue(self.db)
        return self._catalogue

    @property
    def units(self) -> UnitTree:
        if self._units is None:
            self._units = load_units(self.db)
        return self._units

    def value(self, indicator: str, unit_uid: str, period: Period) -> Value | None:
        return get_value(self.db, indicator, unit_uid, period)

    def values(self, indicator: str, unit_uids: Sequence[str], period: Period) -> dict[str, Value]:
        return values_for_units(self.db, indicator, unit_uids, period)

    def base(self, indicator: str, unit_uid: str, period: Period, kind: str) -> Base | None:
        return get_base(self.db, indicator, unit_uid, period, kind)

"""The database seen as a :class:`~hbt_desktop.core.figures.FigureSource`.

Catalogue and units change rarely and are read once per source (until :meth:`reload`,
after the catalogue screens saved); figures are read on demand. A source made for a
document also remembers every figure and base it handed out, so that the document can
carry a fingerprint of exactly the data it was made from; a source for the screens
(``remember=False``) does not, since a screen open all day would otherwise grow without
bound.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlite_utils import Database

from hbt_desktop.core.catalogue import Catalogue
from hbt_desktop.core.periods import Period, parse_period
from hbt_desktop.core.provenance import Key, Reading, State, fingerprint
from hbt_desktop.core.units import UnitTree
from hbt_desktop.core.values import Base, Value, encode
from hbt_desktop.store.catalogue import load_catalogue
from hbt_desktop.store.units import load_units
from hbt_desktop.store.values import get_base, get_value, values_for_units


class StoreSource:
    def __init__(self, db: Database, *, remember: bool = True) -> None:
        self.db = db
        self._catalogue: Catalogue | None = None
        self._units: UnitTree | None = None
        self._used: dict[tuple[str, ...], tuple[str, ...]] | None = {} if remember else None

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

    def _remember_value(self, key: tuple[str, ...], value: Value | None) -> None:
        if self._used is None:
            return
        if value is None:
            self._used[("v", *key)] = ("missing",)
        else:
            num, scale = encode(value.amount, value.decimals)
            self._used[("v", *key)] = (
                str(num),
                str(scale),
                value.status.value,
                value.qualifier or "",
            )

    def value(self, indicator: str, unit_uid: str, period: Period) -> Value | None:
        found = get_value(self.db, indicator, unit_uid, period)
        self._remember_value((indicator, unit_uid, period.id), found)
        return found

    def values(self, indicator: str, unit_uids: Sequence[str], period: Period) -> dict[str, Value]:
        found = values_for_units(self.db, indicator, unit_uids, period)
        for uid in unit_uids:
            self._remember_value((indicator, uid, period.id), found.get(uid))
        return found

    def base(self, indicator: str, unit_uid: str, period: Period, kind: str) -> Base | None:
        found = get_base(self.db, indicator, unit_uid, period, kind)
        if self._used is not None:
            key = ("b", indicator, unit_uid, period.id, kind)
            if found is None:
                self._used[key] = ("missing",)
            else:
                num, scale = encode(found.amount, found.decimals)
                self._used[key] = (str(num), str(scale))
        return found

    def _memory(self) -> dict[tuple[str, ...], tuple[str, ...]]:
        if self._used is None:
            raise RuntimeError("a source made with remember=False keeps no readings")
        return self._used

    def readings(self) -> tuple[Reading, ...]:
        """Every figure and base read so far, with the state it had (core.provenance)."""
        return tuple(sorted(self._memory().items()))

    def read_again(self, key: Key) -> State:
        """The state the figure named by ``key`` has now; ``("unknown",)`` for a key of
        a kind this program does not read (a record made by another version)."""
        if len(key) == 4 and key[0] == "v":
            self.value(key[1], key[2], parse_period(key[3]))
        elif len(key) == 5 and key[0] == "b":
            self.base(key[1], key[2], parse_period(key[3]), key[4])
        else:
            return ("unknown",)
        return self._memory()[key]

    def fingerprint(self, *extra: str) -> str:
        """A short, stable hash of every figure read so far (and ``extra`` texts).

        Two paper copies with the same fingerprint were made from the same figures; any
        changed figure changes it.
        """
        return fingerprint(self._memory().items(), *extra)

"""The reference data a clerk edits on screen: the catalogue (sectors, indicators, kinds
of base) and the administrative units with their mergers. Each save is checked whole and
stored in one transaction; every screen then shows the new names and units.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from hbt_desktop.app.changes import FIGURES, Changes, Done
from hbt_desktop.core.catalogue import BaseKind, Indicator, Sector
from hbt_desktop.core.units import OrgUnit
from hbt_desktop.store.catalogue import save_catalogue as store_catalogue
from hbt_desktop.store.units import save_units as store_units

if TYPE_CHECKING:
    from sqlite_utils import Database

_STRUCTURE = FIGURES | Changes(structure=True)


def save_catalogue(
    db: Database,
    *,
    sectors: Iterable[Sector] = (),
    indicators: Iterable[Indicator] = (),
    base_kinds: Iterable[BaseKind] = (),
) -> Done[tuple[int, int, int]]:
    """Insert or update catalogue entries, all or nothing; (sectors, indicators, kinds)."""
    saved = store_catalogue(db, sectors=sectors, indicators=indicators, base_kinds=base_kinds)
    return Done(saved, _STRUCTURE)


def save_units(db: Database, units: Iterable[OrgUnit]) -> Done[int]:
    """Insert or update units and their predecessor links, checked as a tree with what is
    stored; how many."""
    return Done(store_units(db, units), _STRUCTURE)

"""Cell edits as data: the new state of one figure or base that a screen wants stored.

A screen (or its undo stack) describes each change as the new state of one cell —
``None`` to remove the figure — and ``store.edits.apply_changes`` stores a list of them
all or none, returning the changes that undo them. Undo is then the same call with the
returned changes, so an undone edit goes through exactly the same code (and history) as a
typed one.
"""

from __future__ import annotations

from dataclasses import dataclass

from hbt_desktop.core.periods import Period
from hbt_desktop.core.values import Base, Value


@dataclass(frozen=True)
class ValueKey:
    indicator: str
    unit_uid: str
    period: Period


@dataclass(frozen=True)
class BaseKey:
    indicator: str
    unit_uid: str
    period: Period
    kind: str


@dataclass(frozen=True)
class ValueChange:
    key: ValueKey
    new: Value | None


@dataclass(frozen=True)
class BaseChange:
    key: BaseKey
    new: Base | None


Change = ValueChange | BaseChange

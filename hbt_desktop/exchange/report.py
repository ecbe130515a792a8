"""What an import did (or, in a dry run, would do), and the all-or-nothing transaction.

A dry run performs the real import inside a transaction and rolls it back, so that its
report is exactly what the import would do: the same checks, the same store functions,
the same constraints — and the database is left as it was.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from hbt_desktop.core.catalogue import BaseKind, Indicator, Sector
from hbt_desktop.core.units import OrgUnit
from hbt_desktop.core.values import Base, Value

if TYPE_CHECKING:
    from sqlite_utils import Database

Item = Value | Base | Sector | BaseKind | Indicator | OrgUnit


@dataclass(frozen=True)
class Change:
    """One record the import adds (``old`` is None) or changes."""

    record: str  # "value", "base", "sector", "base_kind", "indicator", "unit"
    key: str  # e.g. "NS_THU_DIA_BAN Q007 2023Q1" or a code
    old: Item | None
    new: Item
    row: int  # where the record is in the file (spreadsheet row or JSON item)

    @property
    def older_than_stored(self) -> bool:
        """True when the file's figure was last changed before the stored one: importing
        it undoes a more recent correction (worth a warning in a preview)."""
        old_at = getattr(self.old, "updated_at", None)
        new_at = getattr(self.new, "updated_at", None)
        return old_at is not None and new_at is not None and new_at < old_at


@dataclass
class Counts:
    new: int = 0
    changed: int = 0
    unchanged: int = 0


@dataclass
class ImportReport:
    """Counts of new, changed and unchanged records, and every change, old → new."""

    file: str
    dry_run: bool
    changes: list[Change] = field(default_factory=list)
    by_record: dict[str, Counts] = field(default_factory=dict)

    def note(
        self, record: str, key: str, old: Item | None, new: Item, row: int, *, same: bool
    ) -> None:
        counts = self.by_record.setdefault(record, Counts())
        if same:
            counts.unchanged += 1
            return
        if old is None:
            counts.new += 1
        else:
            counts.changed += 1
        self.changes.append(Change(record, key, old, new, row))

    @property
    def new(self) -> int:
        return sum(c.new for c in self.by_record.values())

    @property
    def changed(self) -> int:
        return sum(c.changed for c in self.by_record.values())

    @property
    def unchanged(self) -> int:
        return sum(c.unchanged for c in self.by_record.values())


class _Rollback(Exception):
    """Raised at the end of a dry run to undo it."""


@contextmanager
def transaction(db: Database, *, dry_run: bool) -> Iterator[None]:
    """One transaction for the whole import; rolled back on error or in a dry run."""
    try:
        with db.atomic():
            yield
            if dry_run:
                raise _Rollback
    except _Rollback:
        pass  # the dry run's own signal to undo everything; nothing went wrong

"""Cell edits (``core.edits``) applied in one transaction, with the changes that undo them.

:func:`apply_changes` writes them all or none through the single write path
(``write_value`` / ``delete_value`` / ``write_base`` / ``delete_base``), returning the
states they replaced.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlite_utils import Database

from hbt_desktop.core.edits import BaseChange, Change, ValueChange
from hbt_desktop.store import audit
from hbt_desktop.store.values import get_base, get_value
from hbt_desktop.store.writes import delete_base, delete_value, write_base, write_value


def current(db: Database, change: Change) -> Change:
    """The change that would restore what is stored now under ``change``'s key."""
    if isinstance(change, ValueChange):
        k = change.key
        return ValueChange(k, get_value(db, k.indicator, k.unit_uid, k.period))
    b = change.key
    return BaseChange(b, get_base(db, b.indicator, b.unit_uid, b.period, b.kind))


def _apply_one(db: Database, change: Change, how: str, user: str | None) -> None:
    if isinstance(change, ValueChange):
        k = change.key
        if change.new is None:
            delete_value(db, k.indicator, k.unit_uid, k.period, how=how, user=user)
        else:
            write_value(db, change.new, how=how, user=user)
        return
    b = change.key
    if change.new is None:
        delete_base(db, b.indicator, b.unit_uid, b.period, b.kind, how=how, user=user)
    else:
        write_base(db, change.new, how=how, user=user)


def apply_changes(
    db: Database,
    changes: Sequence[Change],
    *,
    how: str = audit.How.TYPED,
    user: str | None = None,
) -> list[Change]:
    """Store every change in one transaction; returns the changes that undo them
    (in reverse order, so applying them restores the previous state exactly).

    Each change is logged in the audit trail as ``how`` (typed, pasted, undone) by
    ``user``. A change the workstation may not make (another unit's figure, a period
    locked by an approval) raises the store's refusal and nothing at all is stored.
    """
    undo: list[Change] = []
    with db.atomic():
        for change in changes:
            undo.append(current(db, change))
            _apply_one(db, change, how, user)
    undo.reverse()
    return undo

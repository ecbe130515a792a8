"""What the clerk enters: the grids' cell edits (typed, pasted, undone), the text of a
document, the periods a clerk adds before any figure is entered.

Every figure a screen writes goes through :func:`apply_changes`, one transaction, which
returns the changes that undo it: an undo is the same call with those, so it goes through
exactly the same checks and history as a typed edit.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

from hbt_desktop.app.changes import Changes, Done
from hbt_desktop.core.documents import DocumentSpec
from hbt_desktop.core.edits import Change, How
from hbt_desktop.core.errors import HbtError
from hbt_desktop.core.periods import Period, parse_period
from hbt_desktop.store.documents import save_document as store_document
from hbt_desktop.store.edits import apply_changes as store_changes
from hbt_desktop.store.file.settings import get_setting, set_setting

if TYPE_CHECKING:
    from sqlite_utils import Database

EXTRA_PERIODS = "ui_extra_periods"  # periods a clerk added before entering figures


def apply_changes(
    db: Database, changes: Sequence[Change], *, how: str = How.TYPED, user: str
) -> Done[list[Change]]:
    """Store every change (all or none); the changes that undo them. A change this
    workstation may not make (another unit's figure, an approved period) is refused
    with the reason, and nothing is stored."""
    undo = store_changes(db, changes, how=how, user=user)
    return Done(undo, Changes(figures=frozenset(c.key.indicator for c in changes)))


def save_document(db: Database, doc: DocumentSpec) -> Done[int]:
    """Store the document the clerk edited (its id, replacing the unit's and period's)."""
    return Done(store_document(db, doc), Changes(document=True))


def extra_periods(db: Database) -> list[Period]:
    """The periods a clerk added (an id this version cannot read is skipped)."""
    found = []
    for pid in json.loads(get_setting(db, EXTRA_PERIODS) or "[]"):
        try:
            found.append(parse_period(str(pid)))
        except HbtError:
            continue  # a period of a later version: not offered, not fatal
    return found


def add_period(db: Database, period: Period) -> Done[None]:
    """Offer ``period`` for entry before any figure of it exists."""
    refs = [p.ref for p in extra_periods(db)]
    if period.ref in refs:
        return Done(None)
    set_setting(db, EXTRA_PERIODS, json.dumps([*refs, period.ref]))
    return Done(None, Changes(settings=True))

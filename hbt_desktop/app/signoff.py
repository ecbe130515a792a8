"""Sign-off of a unit's period: checked by a người kiểm tra, approved (and so locked) by
a lãnh đạo, unlocked by a lãnh đạo with a reason. The roles are the store's to enforce
(``store.approval``); a refusal says which role is needed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hbt_desktop.app.changes import Changes, Done
from hbt_desktop.core.periods import Period
from hbt_desktop.store import approval
from hbt_desktop.store.accounts import SignedIn
from hbt_desktop.store.approval import SignOff

if TYPE_CHECKING:
    from sqlite_utils import Database

_LOCKS = Changes(locks=True)


def mark_checked(db: Database, by: SignedIn, unit_uid: str, period: Period) -> Done[SignOff]:
    return Done(approval.mark_checked(db, by, unit_uid, period), _LOCKS)


def approve(db: Database, by: SignedIn, unit_uid: str, period: Period) -> Done[SignOff]:
    """Approve the figures of ``unit_uid`` for ``period``: locked, with the units under
    it; the report is signed in the approver's name."""
    return Done(approval.approve(db, by, unit_uid, period), _LOCKS | Changes(document=True))


def unlock(db: Database, by: SignedIn, unit_uid: str, period: Period, reason: str) -> Done[SignOff]:
    return Done(approval.unlock(db, by, unit_uid, period, reason), _LOCKS | Changes(document=True))

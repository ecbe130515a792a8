"""Sign-off of a unit's period: checked by người kiểm tra, approved by lãnh đạo.

An approval locks the figures it covers (``store.guard``) and gives the printed report
its signature block (authority, title, name of the leader who approved). The leader can
unlock with a reason; the approval stays on record, and every step is in the audit log.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlite_utils import Database

from hbt_desktop.core.errors import HbtError
from hbt_desktop.core.periods import Period, format_period, parse_period
from hbt_desktop.core.text import clean
from hbt_desktop.store.accounts import Role, SignedIn
from hbt_desktop.store.audit import log_event
from hbt_desktop.store.guard import unit_label


class ApprovalError(HbtError):
    """A sign-off step that cannot be taken; nothing was changed."""


@dataclass(frozen=True)
class SignOff:
    id: int
    unit_uid: str
    period: Period
    step: str  # "checked" or "approved"
    login: str
    signer_name: str
    signer_title: str
    signer_authority: tuple[str, ...]
    at: datetime
    unlocked_by: str | None = None
    unlocked_at: datetime | None = None
    unlock_reason: str | None = None

    @property
    def in_force(self) -> bool:
        return self.unlocked_at is None


_COLUMNS = (
    "id, unit_uid, period, step, login, signer_name, signer_title, signer_authority, at, "
    "unlocked_by, unlocked_at, unlock_reason"
)


def _sign_off(row: tuple[object, ...]) -> SignOff:
    i, unit, period, step, login, name, title, authority, at, u_by, u_at, reason = row
    return SignOff(
        int(str(i)),
        str(unit),
        parse_period(str(period)),
        str(step),
        str(login),
        str(name),
        str(title),
        tuple(json.loads(str(authority))),
        datetime.fromisoformat(str(at)),
        str(u_by) if u_by else None,
        datetime.fromisoformat(str(u_at)) if u_at else None,
        str(reason) if reason else None,
    )


def sign_offs(db: Database, unit_uid: str, period: Period) -> list[SignOff]:
    """Every check and approval of a unit's period, oldest first, unlocked ones included."""
    rows = db.execute(
        f"SELECT {_COLUMNS} FROM sign_offs WHERE unit_uid = ? AND period = ? ORDER BY id",
        [unit_uid, period.id],
    ).fetchall()
    return [_sign_off(tuple(r)) for r in rows]


def approval_for(db: Database, unit_uid: str, period: Period) -> SignOff | None:
    """The approval in force for exactly this unit and period, if any."""
    found = [s for s in sign_offs(db, unit_uid, period) if s.step == "approved" and s.in_force]
    return found[-1] if found else None


def _insert(db: Database, signed_in: SignedIn, unit_uid: str, period: Period, step: str) -> SignOff:
    account = signed_in.account
    now = datetime.now(UTC).isoformat()
    with db.atomic():
        cursor = db.execute(
            "INSERT INTO sign_offs (unit_uid, period, step, login, signer_name, signer_title, "
            "signer_authority, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                unit_uid,
                period.id,
                step,
                account.login,
                account.full_name,
                account.title,
                json.dumps(list(account.authority), ensure_ascii=False),
                now,
            ],
        )
        ref = f"sign_off:{cursor.lastrowid}"
        log_event(
            db,
            step,
            account.login,
            {"name": account.full_name, "title": account.title},
            unit_uid=unit_uid,
            period=period.id,
            ref=ref,
        )
    return sign_offs(db, unit_uid, period)[-1]


def mark_checked(db: Database, signed_in: SignedIn, unit_uid: str, period: Period) -> SignOff:
    """Người kiểm tra records that the figures were checked."""
    signed_in.require_role(Role.KIEM_TRA)
    return _insert(db, signed_in, unit_uid, period, "checked")


def approve(db: Database, signed_in: SignedIn, unit_uid: str, period: Period) -> SignOff:
    """Lãnh đạo approves: the figures are locked and the report is signed in their name."""
    signed_in.require_role(Role.LANH_DAO)
    current = approval_for(db, unit_uid, period)
    if current is not None:
        raise ApprovalError(
            "approval.already",
            unit=unit_label(db, unit_uid),
            period=format_period(period),
            name=current.signer_name,
            when=f"{current.at.astimezone():%H:%M %d/%m/%Y}",
        )
    return _insert(db, signed_in, unit_uid, period, "approved")


def unlock(
    db: Database, signed_in: SignedIn, unit_uid: str, period: Period, reason: str
) -> SignOff:
    """Lãnh đạo lifts an approval, with a reason; the figures can be changed again."""
    signed_in.require_role(Role.LANH_DAO)
    reason = clean(reason)
    if not reason:
        raise ApprovalError("approval.need_reason")
    current = approval_for(db, unit_uid, period)
    if current is None:
        raise ApprovalError(
            "approval.not_approved", unit=unit_label(db, unit_uid), period=format_period(period)
        )
    with db.atomic():
        db.execute(
            "UPDATE sign_offs SET unlocked_by = ?, unlocked_at = ?, unlock_reason = ? WHERE id = ?",
            [signed_in.login, datetime.now(UTC).isoformat(), reason, current.id],
        )
        log_event(
            db,
            "unlocked",
            signed_in.login,
            {"reason": reason},
            unit_uid=unit_uid,
            period=period.id,
            ref=f"sign_off:{current.id}",
        )
    return next(s for s in sign_offs(db, unit_uid, period) if s.id == current.id)

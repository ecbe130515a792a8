"""Who may change which figure: the refusals of the single write path.

``store.values`` asks a :class:`Guard` before every change, so the rules hold whatever
screen, import or script makes the change:

- a ward office's workstation changes only its own unit's figures (the district's
  changes every unit's);
- an approval locks the approved unit's figures for every period inside the approved
  one, and those of the units under it: the district's approved report is built from its
  wards' figures, so a ward's late package must not change it silently. The leader can
  unlock with a reason (``store.approval``).

A workstation that was never set up (a database made before roles existed, a test) has
no role and may change any unit; approvals lock it all the same.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlite_utils import Database

from hbt_desktop.core.errors import HbtError
from hbt_desktop.core.i18n import register
from hbt_desktop.core.periods import Period, format_period, parse_period

register(
    {
        "guard.other_unit": {
            "vi": "Máy này là máy của {office}: chỉ được nhập, sửa số liệu của {office}, "
            "không được sửa số liệu của {unit}.",
            "en": "This workstation belongs to {office}: it enters and changes only the "
            "figures of {office}, not those of {unit}.",
        },
        "guard.locked": {
            "vi": "Số liệu của {unit} cho {period} đã được {name} phê duyệt lúc {when} nên "
            "không sửa được. Muốn sửa, lãnh đạo phải mở khóa và ghi rõ lý do.",
            "en": "The figures of {unit} for {period} were approved by {name} at {when} and "
            "cannot be changed. To change them, the leader must unlock them with a reason.",
        },
    }
)


class AccessError(HbtError):
    """A change this workstation or this approval does not allow; nothing was stored."""


@dataclass(frozen=True)
class Lock:
    """An approval in force: the unit, the units under it, and the dates it covers."""

    approval_id: int
    unit_uid: str
    period: Period
    name: str
    at: datetime
    covered: frozenset[str]

    def covers(self, unit_uid: str, period: Period) -> bool:
        return (
            unit_uid in self.covered
            and self.period.start <= period.start
            and period.end <= self.period.end
        )


def unit_label(db: Database, uid: str) -> str:
    """ "phường Nguyễn Du" for messages; the uid itself for a unit not recorded."""
    row = db.execute("SELECT kind, name FROM units WHERE uid = ?", [uid]).fetchone()
    return f"{row[0]} {row[1]}" if row else uid


def subtree(db: Database, uid: str) -> frozenset[str]:
    """``uid`` and every unit under it, at any depth, whatever their dates."""
    rows = db.execute(
        "WITH RECURSIVE below(uid) AS (SELECT ? UNION SELECT u.uid FROM units u "
        "JOIN below b ON u.parent_uid = b.uid) SELECT uid FROM below",
        [uid],
    ).fetchall()
    return frozenset(str(r[0]) for r in rows)


def active_locks(db: Database) -> list[Lock]:
    rows = db.execute(
        "SELECT id, unit_uid, period, signer_name, at FROM sign_offs "
        "WHERE step = 'approved' AND unlocked_at IS NULL ORDER BY id"
    ).fetchall()
    return [
        Lock(
            int(i),
            str(u),
            parse_period(str(p)),
            str(n),
            datetime.fromisoformat(str(at)),
            subtree(db, str(u)),
        )
        for i, u, p, n, at in rows
    ]


def station(db: Database) -> tuple[str, str] | None:
    """(role, unit uid) of the workstation, or None when it was never set up."""
    row = db.execute("SELECT role, unit_uid FROM workstation WHERE id = 1").fetchone()
    return (str(row[0]), str(row[1])) if row else None


@dataclass
class Guard:
    """The rules in force for one write (or one batch of writes)."""

    db: Database
    own_unit: str | None  # set on a ward office's workstation
    locks: list[Lock] = field(default_factory=list)

    @classmethod
    def load(cls, db: Database) -> Guard:
        found = station(db)
        own = found[1] if found and found[0] == "ward" else None
        return cls(db, own, active_locks(db))

    def check(self, unit_uid: str, period: Period) -> None:
        if self.own_unit is not None and unit_uid != self.own_unit:
            raise AccessError(
                "guard.other_unit",
                office=unit_label(self.db, self.own_unit),
                unit=unit_label(self.db, unit_uid),
            )
        for lock in self.locks:
            if lock.covers(unit_uid, period):
                raise AccessError(
                    "guard.locked",
                    unit=unit_label(self.db, unit_uid),
                    period=format_period(period),
                    name=lock.name,
                    when=_when(lock.at),
                )


def _when(moment: datetime) -> str:
    local = moment.astimezone()
    day: date = local.date()
    return f"{local:%H:%M} {day.day}/{day.month}/{day.year}"

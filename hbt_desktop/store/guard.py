"""The access rule (``core.access``) served from the database: the workstation's role and
the approvals in force, read for each write (or batch of writes) of ``store.values``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlite_utils import Database

from hbt_desktop.core.access import Access, Lock
from hbt_desktop.core.periods import Period, parse_period


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
    """The rule in force for one write (or one batch of writes), with the database that
    names the units in its refusals."""

    db: Database
    access: Access

    @classmethod
    def load(cls, db: Database) -> Guard:
        found = station(db)
        role, unit = found if found else (None, None)
        return cls(db, Access.of_station(role, unit, active_locks(db)))

    def check(self, unit_uid: str, period: Period) -> None:
        self.access.check(unit_uid, period, lambda uid: unit_label(self.db, uid))

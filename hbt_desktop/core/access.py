"""Who may change which figure: the rule behind every refusal of the write path.

- a ward office's workstation changes only its own unit's figures (the district's
  changes every unit's);
- an approval locks the approved unit's figures for every period inside the approved
  one, and those of the units under it: the district's approved report is built from its
  wards' figures, so a ward's late package must not change it silently. The leader can
  unlock with a reason (``store.approval``).

A workstation that was never set up (a database made before roles existed, a test) has
no role and may change any unit; approvals lock it all the same.

The rule is pure: ``store.guard`` reads the workstation and the approvals in force and
asks :meth:`Access.check` before every change, so the rule holds whatever screen, import
or script makes the change.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from hbt_desktop.core.errors import HbtError
from hbt_desktop.core.i18n import tr
from hbt_desktop.core.periods import Period, format_period


class StationRole(StrEnum):
    """What a workstation is (``store.workstation``): a ward office, kept to its own
    unit, or the district."""

    WARD = "ward"
    DISTRICT = "district"

    @property
    def label(self) -> str:
        """ "máy của phường" / "máy của quận", for messages."""
        return tr(_ROLE_LABELS[self])


_ROLE_LABELS = {
    StationRole.WARD: "station.role.ward",
    StationRole.DISTRICT: "station.role.district",
}


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

    @property
    def when(self) -> str:
        """When it was approved, as the clerk reads it: "08:15 14/3/2025"."""
        local = self.at.astimezone()
        day: date = local.date()
        return f"{local:%H:%M} {day.day}/{day.month}/{day.year}"


def lock_on(locks: Iterable[Lock], unit_uid: str, period: Period) -> Lock | None:
    """The approval in force that locks ``unit_uid``'s figures for ``period``, if any."""
    return next((lock for lock in locks if lock.covers(unit_uid, period)), None)


@dataclass(frozen=True)
class Access:
    """The rules in force for one write (or one batch of writes)."""

    own_unit: str | None  # set on a ward office's workstation
    locks: tuple[Lock, ...] = ()

    @classmethod
    def of_station(
        cls, role: StationRole | None, unit_uid: str | None, locks: Iterable[Lock]
    ) -> Access:
        """A ward office is kept to its own unit; the district, and a workstation never set
        up, are not. Approvals lock every workstation alike."""
        return cls(unit_uid if role is StationRole.WARD else None, tuple(locks))

    def check(self, unit_uid: str, period: Period, label: Callable[[str], str] = str) -> None:
        """Raise :class:`AccessError` if the figure of ``unit_uid`` for ``period`` may not
        change. ``label`` names a unit for the message ("phường Nguyễn Du")."""
        if self.own_unit is not None and unit_uid != self.own_unit:
            raise AccessError("guard.other_unit", office=label(self.own_unit), unit=label(unit_uid))
        lock = lock_on(self.locks, unit_uid, period)
        if lock is not None:
            raise AccessError(
                "guard.locked",
                unit=label(unit_uid),
                period=format_period(period),
                name=lock.name,
                when=lock.when,
            )

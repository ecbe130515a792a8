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

from hbt_desktop.core.errors import HbtError
from hbt_desktop.core.i18n import register
from hbt_desktop.core.periods import Period, format_period

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

# The stored role of a ward office's workstation (``store.workstation.StationRole.WARD``).
WARD = "ward"


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


@dataclass(frozen=True)
class Access:
    """The rules in force for one write (or one batch of writes)."""

    own_unit: str | None  # set on a ward office's workstation
    locks: tuple[Lock, ...] = ()

    @classmethod
    def of_station(cls, role: str | None, unit_uid: str | None, locks: Iterable[Lock]) -> Access:
        """A ward office is kept to its own unit; the district, and a workstation never set
        up, are not. Approvals lock every workstation alike."""
        return cls(unit_uid if role == WARD else None, tuple(locks))

    def check(self, unit_uid: str, period: Period, label: Callable[[str], str] = str) -> None:
        """Raise :class:`AccessError` if the figure of ``unit_uid`` for ``period`` may not
        change. ``label`` names a unit for the message ("phường Nguyễn Du")."""
        if self.own_unit is not None and unit_uid != self.own_unit:
            raise AccessError("guard.other_unit", office=label(self.own_unit), unit=label(unit_uid))
        for lock in self.locks:
            if lock.covers(unit_uid, period):
                raise AccessError(
                    "guard.locked",
                    unit=label(unit_uid),
                    period=format_period(period),
                    name=lock.name,
                    when=_when(lock.at),
                )


def _when(moment: datetime) -> str:
    local = moment.astimezone()
    day: date = local.date()
    return f"{local:%H:%M} {day.day}/{day.month}/{day.year}"

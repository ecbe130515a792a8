"""Completeness of a period at the district: which wards sent figures, when, on time or
late, how many expected values are still missing, and which packages were returned.

The deadline is a number of days after the period's end — its cut-off date for a
"tính đến" period — kept in the settings (``completeness_deadline_days``, default
:data:`DEFAULT_DEADLINE_DAYS`). The values expected of every ward are the indicators
listed in the setting ``completeness_indicators`` (codes separated by spaces), or else
every additive indicator of the catalogue still in use: those the district's totals
need from each ward.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlite_utils import Database

from hbt_desktop.core.periods import Period
from hbt_desktop.core.review import State
from hbt_desktop.store.catalogue import load_catalogue
from hbt_desktop.store.file.settings import get_setting, set_setting
from hbt_desktop.store.review import list_imports
from hbt_desktop.store.units import load_units

DEADLINE_SETTING = "completeness_deadline_days"
INDICATORS_SETTING = "completeness_indicators"
DEFAULT_DEADLINE_DAYS = 5


def deadline_days(db: Database) -> int:
    text = get_setting(db, DEADLINE_SETTING)
    return int(text) if text and text.isdigit() else DEFAULT_DEADLINE_DAYS


def set_deadline_days(db: Database, days: int) -> None:
    if days < 0:
        raise ValueError("the deadline cannot be before the period ends")
    set_setting(db, DEADLINE_SETTING, str(days))


def deadline(db: Database, period: Period) -> date:
    return period.end + timedelta(days=deadline_days(db))


def expected_indicators(db: Database, period: Period) -> list[str]:
    listed = get_setting(db, INDICATORS_SETTING)
    if listed:
        return sorted(set(listed.split()))
    cat = load_catalogue(db)
    return sorted(
        i.code
        for i in cat.indicators.values()
        if i.additive and (i.retired_from is None or i.retired_from > period.start)
    )


@dataclass(frozen=True)
class WardCompleteness:
    """One ward's line of the table."""

    unit_uid: str
    code: str
    name: str  # "phường Nguyễn Du"
    first_sent: datetime | None  # when its first package for the period arrived
    last_sent: datetime | None
    on_time: bool | None  # None: nothing sent yet
    overdue: bool  # nothing sent and the deadline has passed
    state: State | None  # of its latest package
    packages: int
    returned: int
    expected: int
    missing: int
    last_import_id: int | None = None

    @property
    def sent(self) -> bool:
        return self.first_sent is not None


@dataclass
class Completeness:
    district_uid: str
    period: Period
    deadline: date
    rows: list[WardCompleteness] = field(default_factory=list)

    @property
    def sent(self) -> int:
        return sum(r.sent for r in self.rows)

    @property
    def late(self) -> int:
        return sum(r.on_time is False for r in self.rows)

    @property
    def complete(self) -> int:
        return sum(r.sent and r.missing == 0 for r in self.rows)


def completeness(
    db: Database, district_uid: str, period: Period, *, today: date | None = None
) -> Completeness:
    """The completeness table of ``period`` for the wards of ``district_uid``."""
    units = load_units(db)
    wards = units.children(district_uid, period.start, period.end)
    due = deadline(db, period)
    today = today or date.today()
    expected = expected_indicators(db, period)
    imports = [i for i in list_imports(db) if period in i.periods]
    result = Completeness(district_uid, period, due)
    for ward in wards:
        mine = sorted((i for i in imports if i.sender_uid == ward.uid), key=lambda i: i.received_at)
        held = {
            str(r[0])
            for r in db.execute(
                "SELECT indicator FROM figure_values WHERE unit_uid = ? AND period = ?",
                [ward.uid, period.id],
            ).fetchall()
        }
        first = mine[0].received_at if mine else None
        result.rows.append(
            WardCompleteness(
                unit_uid=ward.uid,
                code=ward.code,
                name=ward.full_name,
                first_sent=first,
                last_sent=mine[-1].received_at if mine else None,
                on_time=None if first is None else first.astimezone().date() <= due,
                overdue=first is None and today > due,
                state=mine[-1].state if mine else None,
                packages=len(mine),
                returned=sum(i.state is State.RETURNED for i in mine),
                expected=len(expected),
                missing=len(set(expected) - held),
                last_import_id=mine[-1].id if mine else None,
            )
        )
    return result


def completeness_json(table: Completeness) -> str:
    """The table as JSON (for scripts and the command line)."""
    return json.dumps(
        {
            "district": table.district_uid,
            "period": table.period.id,
            "deadline": table.deadline.isoformat(),
            "rows": [
                {
                    "unit": r.unit_uid,
                    "name": r.name,
                    "first_sent": r.first_sent.isoformat() if r.first_sent else None,
                    "last_sent": r.last_sent.isoformat() if r.last_sent else None,
                    "on_time": r.on_time,
                    "state": r.state.value if r.state else None,
                    "returned": r.returned,
                    "missing": r.missing,
                }
                for r in table.rows
            ],
        },
        ensure_ascii=False,
        indent=1,
    )

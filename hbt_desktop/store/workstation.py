"""What this workstation is: a ward office for one unit, or the district.

Set once at set-up (``exchange.setup.set_up_workstation`` makes the key pair and the
first account, then calls :func:`set_workstation`). Changing it afterwards is an
administrator's act, logged in the audit trail. The role is enforced where figures are
written (``store.guard``), not only in the screens.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

from sqlite_utils import Database

from hbt_desktop.core.errors import HbtError
from hbt_desktop.core.i18n import register, tr
from hbt_desktop.store.accounts import Session
from hbt_desktop.store.audit import log_event
from hbt_desktop.store.guard import unit_label

register(
    {
        "station.not_set_up": {
            "vi": "Máy này chưa được thiết lập là máy của phường hay của quận. Hãy chạy "
            "«hbt-desktop setup» (hoặc mục Thiết lập trong chương trình) trước.",
            "en": "This workstation has not been set up as a ward office or as the district. "
            "Run «hbt-desktop setup» (or Set-up in the program) first.",
        },
        "station.need_admin": {
            "vi": "Máy đã được thiết lập là máy của {office}; chỉ quản trị viên mới đổi được.",
            "en": "This workstation is set up for {office}; only an administrator can change it.",
        },
        "station.unknown_unit": {
            "vi": "Không có đơn vị {unit} trong danh sách đơn vị.",
            "en": "There is no unit {unit} in the list of units.",
        },
        "station.wrong_role": {
            "vi": "Việc này chỉ làm được trên máy của {role}; máy này là máy của {office}.",
            "en": "This can only be done on the {role}'s workstation; this one is {office}'s.",
        },
        "station.role.ward": {"vi": "phường", "en": "ward office"},
        "station.role.district": {"vi": "quận", "en": "district"},
    }
)


class StationError(HbtError):
    """The workstation is not set up, or not for this."""


class StationRole(StrEnum):
    WARD = "ward"
    DISTRICT = "district"


@dataclass(frozen=True)
class Workstation:
    role: StationRole
    unit_uid: str
    station_id: str  # names the private key file
    public_key: str  # base64 of the raw Ed25519 key
    next_sequence: int
    set_up_at: datetime
    set_up_by: str


def get_workstation(db: Database) -> Workstation | None:
    row = db.execute(
        "SELECT role, unit_uid, station_id, public_key, next_sequence, set_up_at, set_up_by "
        "FROM workstation WHERE id = 1"
    ).fetchone()
    if row is None:
        return None
    role, unit, station_id, key, seq, at, by = row
    return Workstation(
        StationRole(str(role)),
        str(unit),
        str(station_id),
        str(key),
        int(seq),
        datetime.fromisoformat(str(at)),
        str(by),
    )


def require_workstation(db: Database, role: StationRole | None = None) -> Workstation:
    """The workstation, refusing when it is not set up (or not as ``role``)."""
    found = get_workstation(db)
    if found is None:
        raise StationError("station.not_set_up")
    if role is not None and found.role is not role:
        raise StationError(
            "station.wrong_role",
            role=_role_label(role),
            office=unit_label(db, found.unit_uid),
        )
    return found


def _role_label(role: StationRole) -> str:
    return tr(f"station.role.{role.value}")


def set_workstation(
    db: Database,
    role: StationRole,
    unit_uid: str,
    *,
    station_id: str,
    public_key: str,
    by: Session | None,
    user: str = "",
) -> Workstation:
    """Record what this workstation is. The first time anyone setting it up may; after
    that only an administrator (``by``)."""
    current = get_workstation(db)
    if current is not None:
        if by is None:
            raise StationError("station.need_admin", office=unit_label(db, current.unit_uid))
        by.require_admin()
    if db.execute("SELECT 1 FROM units WHERE uid = ?", [unit_uid]).fetchone() is None:
        raise StationError("station.unknown_unit", unit=unit_uid)
    who = by.login if by else user
    now = datetime.now(UTC).isoformat()
    with db.atomic():
        db.execute(
            "INSERT INTO workstation (id, role, unit_uid, station_id, public_key, set_up_at, "
            "set_up_by) VALUES (1, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
            "role=excluded.role, unit_uid=excluded.unit_uid, station_id=excluded.station_id, "
            "public_key=excluded.public_key, set_up_at=excluded.set_up_at, "
            "set_up_by=excluded.set_up_by",
            [role.value, unit_uid, station_id, public_key, now, who],
        )
        log_event(
            db,
            "workstation",
            who,
            {
                "role": role.value,
                "unit": unit_uid,
                "public_key": public_key,
                "previous": None
                if current is None
                else {"role": current.role.value, "unit": current.unit_uid},
            },
            unit_uid=unit_uid,
        )
    found = get_workstation(db)
    assert found is not None
    return found


def take_sequence(db: Database) -> int:
    """The next number of an outgoing package (1, 2, 3 …), used up by this call.

    The district refuses a package whose number is not above the last one it took from
    this office: a replayed older file cannot undo a newer one.
    """
    with db.atomic():
        row = db.execute("SELECT next_sequence FROM workstation WHERE id = 1").fetchone()
        if row is None:
            raise StationError("station.not_set_up")
        db.execute("UPDATE workstation SET next_sequence = next_sequence + 1 WHERE id = 1")
    return int(row[0])

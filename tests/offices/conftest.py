"""Three workstations on files: two ward offices and their district.

A small district of its own (so that its totals are complete once both wards have sent):
quận Thử Nghiệm (QX) with phường An (PA) and phường Bình (PB), which was formed on
1/1/2023 by merging phường Bình Một (PB1) and phường Bình Hai (PB2), whose records stay.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlite_utils import Database

from hbt_desktop.core.periods import parse_period
from hbt_desktop.core.units import OrgUnit, Portion, Predecessor, make_unit
from hbt_desktop.core.values import Value
from hbt_desktop.exchange.offices import set_up_workstation
from hbt_desktop.exchange.seed import load_reference
from hbt_desktop.store.accounts import Account, Role, authenticate, create_account
from hbt_desktop.store.completeness import INDICATORS_SETTING, set_deadline_days
from hbt_desktop.store.file.connection import open_database
from hbt_desktop.store.file.settings import set_setting
from hbt_desktop.store.units import save_units
from hbt_desktop.store.workstation import StationRole
from hbt_desktop.store.writes import write_values

MONEY, COUNT = "NS_THU_DIA_BAN", "DN_THANH_LAP"
Q1 = parse_period("2023Q1")
LAST_Q1 = parse_period("2022Q1")
PASSWORD = "mật khẩu 2023"


def small_district_units() -> list[OrgUnit]:
    return [
        make_unit(uid="QX", code="999", name="Thử Nghiệm", kind="quận", level=2, parent_uid="T01"),
        make_unit(uid="PA", code="99901", name="An", kind="phường", level=3, parent_uid="QX"),
        make_unit(
            uid="PB1",
            code="99902",
            name="Bình Một",
            kind="phường",
            level=3,
            parent_uid="QX",
            valid_to=date(2022, 12, 31),
        ),
        make_unit(
            uid="PB2",
            code="99903",
            name="Bình Hai",
            kind="phường",
            level=3,
            parent_uid="QX",
            valid_to=date(2022, 12, 31),
        ),
        make_unit(
            uid="PB",
            code="99904",
            name="Bình",
            kind="phường",
            level=3,
            parent_uid="QX",
            valid_from=date(2023, 1, 1),
            predecessors=(Predecessor("PB1", Portion.WHOLE), Predecessor("PB2", Portion.WHOLE)),
        ),
    ]


@pytest.fixture(autouse=True)
def _quick_password_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    # Real argon2id costs ~0.3 s a hash on a 2-core machine and these tests make dozens of
    # accounts; tests/store/test_accounts.py checks the real parameters.
    from argon2 import PasswordHasher

    from hbt_desktop.store import accounts

    monkeypatch.setattr(
        accounts, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    )


def file_digest(path: Path) -> str:
    """The bytes of a closed database file (and of a -wal beside it, if one was left)."""
    digest = hashlib.sha256(path.read_bytes())
    wal = path.with_name(path.name + "-wal")
    if wal.exists():
        digest.update(wal.read_bytes())
    return digest.hexdigest()


@dataclass
class Office:
    path: Path
    db: Database
    keys: Path
    unit: str

    def reopen(self) -> Database:
        self.db.close()
        self.db = open_database(self.path)
        return self.db

    def close(self) -> None:
        self.db.close()


def make_office(folder: Path, name: str, role: StationRole, unit: str) -> Office:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.db"
    db = open_database(path)
    load_reference(db)
    save_units(db, small_district_units())
    set_setting(db, INDICATORS_SETTING, f"{MONEY} {COUNT}")
    set_up_workstation(
        db,
        role,
        unit,
        admin=Account("quantri", f"Quản trị {name}", Role.LAP),
        password=PASSWORD,
        key_folder=folder / "keys",
    )
    admin = authenticate(db, "quantri", PASSWORD)
    create_account(db, Account("lap", f"Người lập {name}", Role.LAP), PASSWORD, by=admin)
    create_account(
        db,
        Account(
            "lanhdao",
            "Nguyễn Văn Lãnh",
            Role.LANH_DAO,
            "PHÓ CHỦ TỊCH",
            ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"),
        ),
        PASSWORD,
        by=admin,
    )
    return Office(path, db, folder / "keys", unit)


@dataclass
class Offices:
    a: Office
    b: Office
    district: Office


@pytest.fixture
def offices(tmp_path: Path) -> Iterator[Offices]:
    district = make_office(tmp_path / "quan", "quan", StationRole.DISTRICT, "QX")
    set_deadline_days(district.db, 5)
    # The district holds last year's figures, the merged ward's predecessors' included.
    write_values(
        district.db,
        [
            Value(MONEY, "PA", LAST_Q1, Decimal(1_000_000_000), updated_by="lịch sử"),
            Value(MONEY, "PB1", LAST_Q1, Decimal(300_000_000), updated_by="lịch sử"),
            Value(MONEY, "PB2", LAST_Q1, Decimal(200_000_000), updated_by="lịch sử"),
            Value(COUNT, "PA", LAST_Q1, Decimal(10), updated_by="lịch sử"),
            Value(COUNT, "PB1", LAST_Q1, Decimal(4), updated_by="lịch sử"),
            Value(COUNT, "PB2", LAST_Q1, Decimal(6), updated_by="lịch sử"),
        ],
    )
    found = Offices(
        make_office(tmp_path / "phuong-an", "an", StationRole.WARD, "PA"),
        make_office(tmp_path / "phuong-binh", "binh", StationRole.WARD, "PB"),
        district,
    )
    yield found
    for office in (found.a, found.b, found.district):
        office.close()

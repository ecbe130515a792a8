"""Roles of a workstation and sign-off, enforced where figures are written: a ward office
changes only its own unit; an approval locks the period (the district's also its wards')
until the leader unlocks it with a reason; the report is signed by the approver."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from sqlite_utils import Database

from hbt_desktop.core.access import AccessError
from hbt_desktop.core.periods import parse_period
from hbt_desktop.core.values import Value
from hbt_desktop.exchange import import_values
from hbt_desktop.store.accounts import Account, AuthError, Role, authenticate, create_account
from hbt_desktop.store.approval import ApprovalError, approve, mark_checked, unlock
from hbt_desktop.store.audit import events, verify_audit
from hbt_desktop.store.values import get_value
from hbt_desktop.store.workstation import StationError, StationRole, set_workstation
from hbt_desktop.store.writes import apply_values, delete_value, write_value
from tests.conftest import db_digest

Q1 = parse_period("2023Q1")


def _v(unit: str, amount: int, period: str = "2023Q1", code: str = "QS_GIAO_QUAN") -> Value:
    return Value(code, unit, parse_period(period), Decimal(amount), updated_by="t")


@pytest.fixture
def people(db: Database) -> dict[str, object]:
    admin = create_account(db, Account("admin", "Quản Trị", Role.LAP), "password1", by=None)
    s = authenticate(db, "admin", "password1")
    create_account(
        db,
        Account(
            "ld",
            "Nguyễn Văn Lãnh",
            Role.LANH_DAO,
            "PHÓ CHỦ TỊCH",
            ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"),
        ),
        "password2",
        by=s,
    )
    create_account(db, Account("kt", "Lê Kiểm", Role.KIEM_TRA), "password3", by=s)
    return {
        "admin": authenticate(db, "admin", "password1"),
        "ld": authenticate(db, "ld", "password2"),
        "kt": authenticate(db, "kt", "password3"),
        "_": admin,
    }


def test_a_ward_office_changes_only_its_own_unit(db: Database, tmp_path: Path) -> None:
    set_workstation(db, StationRole.WARD, "P00241", station_id="s", public_key="k", by=None)
    write_value(db, _v("P00241", 1))
    before = db_digest(db)
    for attempt in (
        lambda: write_value(db, _v("P00244", 1)),
        lambda: apply_values(db, [_v("P00241", 2), _v("Q007", 3)]),
    ):
        with pytest.raises(AccessError) as refused:
            attempt()
        assert refused.value.key == "guard.other_unit"
        assert "phường Nguyễn Du" in refused.value.message
    csv = tmp_path / "other.csv"
    csv.write_text(
        "dataelement,period,orgunit,value\nQS_GIAO_QUAN,2023Q1,P00244,5\n", encoding="utf-8"
    )
    with pytest.raises(AccessError):
        import_values(db, csv)
    assert db_digest(db) == before


def test_changing_the_role_is_an_administrators_act(
    db: Database, people: dict[str, object]
) -> None:
    set_workstation(db, StationRole.WARD, "P00241", station_id="s", public_key="k", by=None)
    with pytest.raises(StationError):
        set_workstation(db, StationRole.DISTRICT, "Q007", station_id="s", public_key="k", by=None)
    with pytest.raises(AuthError):
        set_workstation(
            db,
            StationRole.DISTRICT,
            "Q007",
            station_id="s",
            public_key="k",
            by=people["ld"],  # type: ignore[arg-type]
        )
    found = set_workstation(
        db,
        StationRole.DISTRICT,
        "Q007",
        station_id="s",
        public_key="k",
        by=people["admin"],  # type: ignore[arg-type]
    )
    assert found.role is StationRole.DISTRICT
    assert [e.details["role"] for e in events(db, name="workstation")] == ["ward", "district"]


def test_approval_locks_and_the_leader_unlocks_with_a_reason(
    db: Database, people: dict[str, object]
) -> None:
    write_value(db, _v("Q007", 1))
    write_value(db, _v("P00241", 2))
    write_value(db, _v("P00241", 3, "2023YTD02@20230215"))
    write_value(db, _v("P00241", 4, "2023Q2"))
    with pytest.raises(AuthError):
        approve(db, people["kt"], "Q007", Q1)  # type: ignore[arg-type]
    mark_checked(db, people["kt"], "Q007", Q1)  # type: ignore[arg-type]
    approval = approve(db, people["ld"], "Q007", Q1)  # type: ignore[arg-type]
    assert approval.signer_name == "Nguyễn Văn Lãnh"
    # The district, its wards, and every period inside quý I are locked; quý II is not.
    for unit, period in (
        ("Q007", "2023Q1"),
        ("P00241", "2023Q1"),
        ("P00241", "2023YTD02@20230215"),
    ):
        with pytest.raises(AccessError) as refused:
            write_value(db, _v(unit, 9, period))
        assert refused.value.key == "guard.locked"
        assert "Nguyễn Văn Lãnh" in refused.value.message
    with pytest.raises(AccessError):
        delete_value(db, "QS_GIAO_QUAN", "P00241", Q1)
    write_value(db, _v("P00241", 5, "2023Q2"))
    with pytest.raises(ApprovalError):
        approve(db, people["ld"], "Q007", Q1)  # type: ignore[arg-type]
    with pytest.raises(ApprovalError):
        unlock(db, people["ld"], "Q007", Q1, "  ")  # type: ignore[arg-type]
    unlock(db, people["ld"], "Q007", Q1, "Phường Nguyễn Du báo sai số")  # type: ignore[arg-type]
    write_value(db, _v("P00241", 9))
    assert get_value(db, "QS_GIAO_QUAN", "P00241", Q1).amount == 9  # type: ignore[union-attr]
    names = [e.name for e in events(db) if e.name in {"checked", "approved", "unlocked"}]
    assert names == ["checked", "approved", "unlocked"]
    assert verify_audit(db).ok


def test_the_report_is_signed_by_the_leader_who_approved(
    demo_db: Database, people: dict[str, object]
) -> None:
    from hbt_desktop.reports.assemble import report_content
    from hbt_desktop.store.documents import list_documents

    _, unit, period = list_documents(demo_db)[0]
    draft, _ = report_content(demo_db, unit, period)
    approve(demo_db, people["ld"], unit, period)  # type: ignore[arg-type]
    signed, _ = report_content(demo_db, unit, period)
    assert signed.signature.name == "Nguyễn Văn Lãnh" != draft.signature.name
    assert signed.signature.title == "PHÓ CHỦ TỊCH"
    assert signed.signature.authority == ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH")

"""Local accounts: argon2id hashes, roles, an administrator, and slower after failures."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlite_utils import Database

from hbt_desktop.store.accounts import (
    Account,
    AuthError,
    Role,
    authenticate,
    create_account,
    get_account,
    set_password,
    wait_after,
)

T0 = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)


@pytest.fixture
def admin(db: Database) -> Account:
    return create_account(
        db, Account("quantri", "Nguyễn Văn Quản", Role.LAP), "mật khẩu dài", by=None
    )


def test_the_first_account_is_the_administrator_and_hashes_with_argon2id(
    db: Database, admin: Account
) -> None:
    assert admin.is_admin
    stored = db.execute("SELECT password_hash FROM accounts").fetchone()[0]
    assert stored.startswith("$argon2id$") and "mật khẩu" not in stored
    session = authenticate(db, "quantri", "mật khẩu dài")
    assert session.account == admin


def test_only_an_administrator_adds_accounts(db: Database, admin: Account) -> None:
    leader = Account("lanhdao", "Trần Thị Lãnh", Role.LANH_DAO, "PHÓ CHỦ TỊCH", ("KT. CHỦ TỊCH",))
    with pytest.raises(AuthError) as refused:
        create_account(db, leader, "12345678", by=None)
    assert refused.value.key == "auth.need_admin"
    create_account(db, leader, "12345678", by=authenticate(db, "quantri", "mật khẩu dài"))
    clerk = authenticate(db, "lanhdao", "12345678")
    with pytest.raises(AuthError):
        create_account(db, Account("x", "X", Role.LAP), "12345678", by=clerk)
    assert get_account(db, "lanhdao") == Account(
        "lanhdao", "Trần Thị Lãnh", Role.LANH_DAO, "PHÓ CHỦ TỊCH", ("KT. CHỦ TỊCH",)
    )


def test_short_passwords_and_odd_logins_are_refused(db: Database) -> None:
    with pytest.raises(AuthError, match="ít nhất 8"):
        create_account(db, Account("a", "A", Role.LAP), "short", by=None)
    with pytest.raises(AuthError) as refused:
        create_account(db, Account("tên có dấu", "A", Role.LAP), "12345678", by=None)
    assert refused.value.key == "auth.bad_login"


def test_wrong_passwords_slow_down_and_the_count_survives_a_restart(
    db: Database, admin: Account
) -> None:
    for attempt in range(1, 3):
        with pytest.raises(AuthError) as refused:
            authenticate(db, "quantri", "sai", now=T0)
        assert refused.value.key == "auth.failed", attempt
    with pytest.raises(AuthError) as refused:
        authenticate(db, "quantri", "sai", now=T0)
    assert refused.value.key == "auth.wait" and refused.value.params["seconds"] == 1
    # Too early: refused without even trying the (right) password.
    with pytest.raises(AuthError) as refused:
        authenticate(db, "quantri", "mật khẩu dài", now=T0)
    assert refused.value.key == "auth.wait"
    # The counter is in the database: a fresh start does not reset it.
    assert db.execute("SELECT failed_count FROM accounts").fetchone()[0] == 3
    with pytest.raises(AuthError) as refused:
        authenticate(db, "quantri", "sai", now=T0 + timedelta(seconds=2))
    assert refused.value.params["seconds"] == 2
    session = authenticate(db, "quantri", "mật khẩu dài", now=T0 + timedelta(seconds=5))
    assert session.login == "quantri"
    assert db.execute("SELECT failed_count FROM accounts").fetchone()[0] == 0
    assert [wait_after(n) for n in (1, 2, 3, 4, 5, 20)] == [0, 0, 1, 2, 4, 300]


def test_unknown_login_and_wrong_password_read_the_same(db: Database, admin: Account) -> None:
    with pytest.raises(AuthError) as unknown:
        authenticate(db, "nobody", "x")
    with pytest.raises(AuthError) as wrong:
        authenticate(db, "quantri", "x")
    assert unknown.value.message == wrong.value.message


def test_passwords_change_by_their_owner_or_the_administrator(db: Database, admin: Account) -> None:
    session = authenticate(db, "quantri", "mật khẩu dài")
    set_password(db, session, "quantri", "mật khẩu mới 2026")
    with pytest.raises(AuthError):
        authenticate(db, "quantri", "mật khẩu dài")
    assert authenticate(db, "quantri", "mật khẩu mới 2026").login == "quantri"

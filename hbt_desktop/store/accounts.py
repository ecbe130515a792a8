"""Local accounts: người lập (prepares), người kiểm tra (checks), lãnh đạo (approves).

Passwords are hashed with argon2id (argon2-cffi's defaults, which follow RFC 9106's
recommended low-memory profile: 64 MiB, 3 passes, 4 lanes) and re-hashed on the next
successful log-in whenever those defaults grow. Repeated failures slow down: after
``FREE_TRIES`` wrong passwords each further try must wait twice as long as the one
before (up to ``MAX_WAIT``), and the counter is kept in the database so that restarting
the program does not reset it. An early try is refused without even checking the
password, so guessing cannot go faster than the wait.

A :class:`SignedIn` is what a successful log-in returns; the functions that need a role
(approve, unlock, manage accounts) take one. The first account made on a workstation is
its administrator.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlite_utils import Database

from hbt_desktop.core.errors import HbtError
from hbt_desktop.core.text import clean
from hbt_desktop.store.audit import log_event

MIN_PASSWORD = 8
FREE_TRIES = 3
MAX_WAIT = 300  # seconds
_hasher = PasswordHasher()


class AuthError(HbtError):
    """A log-in or an account change that is refused; nothing was changed but the counter."""


class Role(StrEnum):
    LAP = "lap"
    KIEM_TRA = "kiem_tra"
    LANH_DAO = "lanh_dao"

    @property
    def label(self) -> str:
        return {"lap": "người lập", "kiem_tra": "người kiểm tra", "lanh_dao": "lãnh đạo"}[
            self.value
        ]


def parse_role(text: str) -> Role:
    folded = clean(text).lower().replace(" ", "_")
    aliases = {
        "lap": Role.LAP,
        "nguoi_lap": Role.LAP,
        "người_lập": Role.LAP,
        "kiem_tra": Role.KIEM_TRA,
        "nguoi_kiem_tra": Role.KIEM_TRA,
        "người_kiểm_tra": Role.KIEM_TRA,
        "lanh_dao": Role.LANH_DAO,
        "lãnh_đạo": Role.LANH_DAO,
    }
    if folded not in aliases:
        raise AuthError("auth.bad_role", role=text)
    return aliases[folded]


@dataclass(frozen=True)
class Account:
    login: str
    full_name: str
    role: Role
    title: str = ""  # printed under the signature: "PHÓ CHỦ TỊCH"
    authority: tuple[str, ...] = ()  # "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"
    is_admin: bool = False
    active: bool = True


@dataclass(frozen=True)
class SignedIn:
    """A logged-in account."""

    account: Account
    since: datetime

    @property
    def login(self) -> str:
        return self.account.login

    def require_admin(self) -> None:
        if not self.account.is_admin:
            raise AuthError("auth.need_admin", login=self.login)

    def require_role(self, role: Role) -> None:
        if self.account.role is not role:
            raise AuthError(
                "auth.need_role", role=role.label, login=self.login, has=self.account.role.label
            )


def _now(now: datetime | None) -> datetime:
    return (now or datetime.now(UTC)).astimezone(UTC)


_COLUMNS = "login, full_name, role, title, authority, is_admin, active"


def _account(row: tuple[object, ...]) -> Account:
    login, name, role, title, authority, admin, active = row
    return Account(
        str(login),
        str(name),
        Role(str(role)),
        str(title),
        tuple(json.loads(str(authority))),
        bool(admin),
        bool(active),
    )


def get_account(db: Database, login: str) -> Account | None:
    row = db.execute(f"SELECT {_COLUMNS} FROM accounts WHERE login = ?", [login]).fetchone()
    return _account(tuple(row)) if row else None


def list_accounts(db: Database) -> list[Account]:
    rows = db.execute(f"SELECT {_COLUMNS} FROM accounts ORDER BY login").fetchall()
    return [_account(tuple(r)) for r in rows]


def has_accounts(db: Database) -> bool:
    return db.execute("SELECT 1 FROM accounts LIMIT 1").fetchone() is not None


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise AuthError("auth.weak_password", min=MIN_PASSWORD)


def _check_login(login: str) -> str:
    login = clean(login)
    if not login or not all(c.isascii() and (c.isalnum() or c in "._-") for c in login):
        raise AuthError("auth.bad_login", login=login)
    return login


def create_account(
    db: Database,
    account: Account,
    password: str,
    *,
    by: SignedIn | None,
) -> Account:
    """Add an account. Only an administrator may, except for the very first account,
    which becomes the workstation's administrator."""
    login = _check_login(account.login)
    _check_password(password)
    first = not has_accounts(db)
    if not first:
        if by is None:
            raise AuthError("auth.need_admin", login="—")
        by.require_admin()
    if get_account(db, login) is not None:
        raise AuthError("auth.exists", login=login)
    stored = Account(
        login,
        clean(account.full_name),
        account.role,
        clean(account.title),
        tuple(clean(a) for a in account.authority),
        account.is_admin or first,
        True,
    )
    with db.atomic():
        db.execute(
            "INSERT INTO accounts (login, full_name, role, title, authority, is_admin, "
            "password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                stored.login,
                stored.full_name,
                stored.role.value,
                stored.title,
                json.dumps(list(stored.authority), ensure_ascii=False),
                int(stored.is_admin),
                _hasher.hash(password),
                _now(None).isoformat(),
            ],
        )
        log_event(
            db,
            "account_created",
            by.login if by else stored.login,
            {"login": stored.login, "role": stored.role.value, "admin": stored.is_admin},
        )
    return stored


def set_password(db: Database, by: SignedIn, login: str, new_password: str) -> None:
    """Change a password: one's own, or anyone's for an administrator."""
    if by.login != login:
        by.require_admin()
    if get_account(db, login) is None:
        raise AuthError("auth.unknown", login=login)
    _check_password(new_password)
    with db.atomic():
        db.execute(
            "UPDATE accounts SET password_hash = ?, failed_count = 0, blocked_until = NULL "
            "WHERE login = ?",
            [_hasher.hash(new_password), login],
        )
        log_event(db, "password_changed", by.login, {"login": login})


def wait_after(failures: int) -> int:
    """Seconds to wait after ``failures`` wrong passwords in a row."""
    if failures < FREE_TRIES:
        return 0
    return int(min(MAX_WAIT, 2 ** (failures - FREE_TRIES)))


def authenticate(
    db: Database, login: str, password: str, *, now: datetime | None = None
) -> SignedIn:
    """Check a password and return who signed in, or refuse (slower after each failure)."""
    moment = _now(now)
    row = db.execute(
        "SELECT password_hash, failed_count, blocked_until, active FROM accounts WHERE login = ?",
        [clean(login)],
    ).fetchone()
    if row is None or not row[3]:
        raise AuthError("auth.failed")
    stored_hash, failures, blocked_until = str(row[0]), int(row[1]), row[2]
    if blocked_until:
        until = datetime.fromisoformat(str(blocked_until))
        if moment < until:
            raise AuthError("auth.wait", seconds=math.ceil((until - moment).total_seconds()))
    try:
        _hasher.verify(stored_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        failures += 1
        wait = wait_after(failures)
        until_text = (moment + timedelta(seconds=wait)).isoformat() if wait else None
        with db.atomic():
            db.execute(
                "UPDATE accounts SET failed_count = ?, blocked_until = ? WHERE login = ?",
                [failures, until_text, clean(login)],
            )
        if wait:
            raise AuthError("auth.wait", seconds=wait) from None
        raise AuthError("auth.failed") from None
    with db.atomic():
        new_hash = _hasher.hash(password) if _hasher.check_needs_rehash(stored_hash) else None
        db.execute(
            "UPDATE accounts SET failed_count = 0, blocked_until = NULL, "
            "password_hash = COALESCE(?, password_hash) WHERE login = ?",
            [new_hash, clean(login)],
        )
    account = get_account(db, clean(login))
    assert account is not None
    return SignedIn(account, moment)

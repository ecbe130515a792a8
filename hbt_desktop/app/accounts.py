"""Accounts of the workstation: signing in, adding an account, changing a password.

The first account of a workstation is its administrator (made at set-up,
``app.offices.set_up_workstation``); after that only an administrator adds accounts.
Passwords are hashed with argon2id (``store.accounts``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hbt_desktop.app.changes import Changes, Done
from hbt_desktop.store.accounts import Account, SignedIn, authenticate, create_account
from hbt_desktop.store.accounts import set_password as store_password

if TYPE_CHECKING:
    from sqlite_utils import Database

_ACCOUNTS = Changes(accounts=True)


def sign_in(db: Database, login: str, password: str) -> SignedIn:
    """Who signed in, or a refusal (each wrong password makes the next try wait longer)."""
    return authenticate(db, login, password)


def add_account(
    db: Database, account: Account, password: str, *, by: SignedIn | None
) -> Done[Account]:
    return Done(create_account(db, account, password, by=by), _ACCOUNTS)


def change_password(db: Database, by: SignedIn, login: str, password: str) -> Done[None]:
    """``by`` changes the password of ``login`` (their own, or anyone's as administrator)."""
    store_password(db, by, login, password)
    return Done(None, _ACCOUNTS)

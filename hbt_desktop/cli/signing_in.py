"""Who acts on the command line: the account ``--as`` names, signed in with its password
(from ``$HBT_DESKTOP_PASSWORD``, a new one from ``$HBT_DESKTOP_NEW_PASSWORD``, or asked for
without echo in a terminal), or else the system user's name, which the change log records.
"""

from __future__ import annotations

import getpass
import os
import sys
from typing import TYPE_CHECKING

from hbt_desktop.app.accounts import sign_in
from hbt_desktop.core.errors import HbtError
from hbt_desktop.core.i18n import tr

if TYPE_CHECKING:
    from sqlite_utils import Database

    from hbt_desktop.store.accounts import SignedIn

PASSWORD_ENV = "HBT_DESKTOP_PASSWORD"
NEW_PASSWORD_ENV = "HBT_DESKTOP_NEW_PASSWORD"


def password(login: str, env: str = PASSWORD_ENV) -> str:
    """From ``$env``, or asked for without echo in a terminal."""
    if os.environ.get(env):
        return os.environ[env]
    if not sys.stdin.isatty():
        raise HbtError("cli.need_password", env=env)
    return getpass.getpass(tr("cli.password_prompt", None, login=login))


def signed_in(db: Database, login: str | None) -> SignedIn | None:
    """The account --as names, signed in with its password; None without --as."""
    if not login:
        return None
    return sign_in(db, login, password(login))


def who(db: Database, login: str | None) -> str:
    """The name the change log records: the account --as names, or the system user's."""
    account = signed_in(db, login)
    return account.login if account else f"cli:{getpass.getuser()}"

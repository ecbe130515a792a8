"""Sign-off of the chosen unit and period: checked, approved (locked), unlocked.

The roles are the store's to enforce (``store.approval``): only a người kiểm tra marks
figures checked, only a lãnh đạo approves and unlocks. The screens ask the clerk to sign
in first, then let the store refuse with its own sentence if the role is not right.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from hbt_desktop.core.periods import format_period
from hbt_desktop.ui.offices import common

if TYPE_CHECKING:
    from hbt_desktop.store.accounts import SignedIn
    from hbt_desktop.ui.main_window import MainWindow


translate = QCoreApplication.translate


def signed_in(window: MainWindow) -> SignedIn | None:
    """The signed-in account, asking for a log-in first if nobody is signed in."""
    from hbt_desktop.store.accounts import has_accounts
    from hbt_desktop.ui.offices.login_dialog import LoginDialog

    s = window.session
    if s.signed_in is None:
        if not has_accounts(s.db):
            QMessageBox.information(
                window,
                translate("SignOff", "Sign in"),
                translate(
                    "SignOff",
                    "Checking, approving and unlocking figures needs an account with that "
                    "role, and this workstation has none yet. Add one in Sign-off › Accounts.",
                ),
            )
            return None
        LoginDialog(window, s).exec()
    return s.signed_in


def _what(window: MainWindow) -> str:
    s = window.session
    unit = s.unit
    return f"{unit.title_name if unit else s.unit_uid}, {format_period(s.period)}"


def mark_checked(window: MainWindow) -> None:
    from hbt_desktop.store.approval import mark_checked as store_mark_checked

    s = window.session
    s.require_writable()
    account = signed_in(window)
    if account is None:
        return
    store_mark_checked(s.db, account, s.unit_uid, s.period)
    QMessageBox.information(
        window,
        translate("SignOff", "Checked"),
        translate("SignOff", "{what}: checked by {name}.").format(
            what=_what(window), name=account.account.full_name
        ),
    )


def approve(window: MainWindow) -> None:
    from hbt_desktop.store.approval import approve as store_approve

    s = window.session
    s.require_writable()
    account = signed_in(window)
    if account is None:
        return
    answer = QMessageBox.question(
        window,
        translate("SignOff", "Approve"),
        translate(
            "SignOff",
            "Approve the figures of {what}? They are then locked: nobody can change them "
            "until a leader unlocks them with a reason. The printed report is signed in "
            "your name.",
        ).format(what=_what(window)),
    )
    if answer != QMessageBox.StandardButton.Yes:
        return
    store_approve(s.db, account, s.unit_uid, s.period)
    window.reload_pages()
    QMessageBox.information(
        window,
        translate("SignOff", "Approved"),
        translate("SignOff", "{what}: approved by {name}; the figures are locked.").format(
            what=_what(window), name=account.account.full_name
        ),
    )


def unlock(window: MainWindow) -> None:
    from hbt_desktop.store.approval import unlock as store_unlock

    s = window.session
    s.require_writable()
    account = signed_in(window)
    if account is None:
        return
    reason = common.ask_reason(
        window,
        translate("SignOff", "Unlock"),
        translate(
            "SignOff",
            "Why are the approved figures of {what} unlocked? The reason is kept on record.",
        ).format(what=_what(window)),
    )
    if reason is None:
        return
    store_unlock(s.db, account, s.unit_uid, s.period, reason)
    window.reload_pages()
    QMessageBox.information(
        window,
        translate("SignOff", "Unlocked"),
        translate("SignOff", "{what}: unlocked. The figures can be changed again.").format(
            what=_what(window)
        ),
    )

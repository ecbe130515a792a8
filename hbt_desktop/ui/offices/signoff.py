"""Sign-off of the chosen unit and period: checked, approved (locked), unlocked.

The roles are the store's to enforce (``app.signoff``): only a người kiểm tra marks
figures checked, only a lãnh đạo approves and unlocks. The screens ask the clerk to sign
in first, then let the store refuse with its own sentence if the role is not right.
Each flow takes the session it works on and the window its dialogs belong to.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from hbt_desktop.app import signoff
from hbt_desktop.core.periods import format_period
from hbt_desktop.store.accounts import SignedIn, has_accounts
from hbt_desktop.ui.offices import common
from hbt_desktop.ui.offices.login_dialog import LoginDialog
from hbt_desktop.ui.session import Session

translate = QCoreApplication.translate


def signed_in(parent: QWidget, session: Session) -> SignedIn | None:
    """The signed-in account, asking for a log-in first if nobody is signed in."""
    if session.signed_in is None:
        if not has_accounts(session.db):
            QMessageBox.information(
                parent,
                translate("SignOff", "Sign in"),
                translate(
                    "SignOff",
                    "Checking, approving and unlocking figures needs an account with that "
                    "role, and this workstation has none yet. Add one in Sign-off › Accounts.",
                ),
            )
            return None
        LoginDialog(parent, session).exec()
    return session.signed_in


def _what(session: Session) -> str:
    unit = session.unit
    return f"{unit.title_name if unit else session.unit_uid}, {format_period(session.period)}"


def mark_checked(parent: QWidget, session: Session) -> None:
    session.require_writable()
    account = signed_in(parent, session)
    if account is None:
        return
    done = signoff.mark_checked(session.db, account, session.unit_uid, session.period)
    session.changed(done.changes)
    QMessageBox.information(
        parent,
        translate("SignOff", "Checked"),
        translate("SignOff", "{what}: checked by {name}.").format(
            what=_what(session), name=account.account.full_name
        ),
    )


def approve(parent: QWidget, session: Session) -> None:
    session.require_writable()
    account = signed_in(parent, session)
    if account is None:
        return
    answer = QMessageBox.question(
        parent,
        translate("SignOff", "Approve"),
        translate(
            "SignOff",
            "Approve the figures of {what}? They are then locked: nobody can change them "
            "until a leader unlocks them with a reason. The printed report is signed in "
            "your name.",
        ).format(what=_what(session)),
    )
    if answer != QMessageBox.StandardButton.Yes:
        return
    done = signoff.approve(session.db, account, session.unit_uid, session.period)
    session.changed(done.changes)
    QMessageBox.information(
        parent,
        translate("SignOff", "Approved"),
        translate("SignOff", "{what}: approved by {name}; the figures are locked.").format(
            what=_what(session), name=account.account.full_name
        ),
    )


def unlock(parent: QWidget, session: Session) -> None:
    session.require_writable()
    account = signed_in(parent, session)
    if account is None:
        return
    reason = common.ask_reason(
        parent,
        translate("SignOff", "Unlock"),
        translate(
            "SignOff",
            "Why are the approved figures of {what} unlocked? The reason is kept on record.",
        ).format(what=_what(session)),
    )
    if reason is None:
        return
    done = signoff.unlock(session.db, account, session.unit_uid, session.period, reason)
    session.changed(done.changes)
    QMessageBox.information(
        parent,
        translate("SignOff", "Unlocked"),
        translate("SignOff", "{what}: unlocked. The figures can be changed again.").format(
            what=_what(session)
        ),
    )

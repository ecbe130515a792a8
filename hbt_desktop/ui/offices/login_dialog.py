"""Signing in: who is working, for the history of every figure and for sign-off.

Shown at start when the workstation has accounts. A wrong password is refused with one
sentence; after repeated failures the store makes each try wait longer (the sentence
says how long). Cancelling leaves the clerk working under the computer's user name,
without the right to check, approve or unlock.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from hbt_desktop.app.accounts import sign_in
from hbt_desktop.core.errors import HbtError
from hbt_desktop.store.accounts import list_accounts
from hbt_desktop.ui.offices.common import role_name
from hbt_desktop.ui.session import Session


class LoginDialog(QDialog):
    def __init__(self, parent: QWidget | None, session: Session) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Sign in"))
        self.login = QComboBox()
        self.login.setEditable(True)
        for account in list_accounts(session.db):
            if account.active:
                label = f"{account.login} — {account.full_name} ({role_name(account.role.value)})"
                self.login.addItem(label, account.login)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #842029;")
        form = QFormLayout()
        form.addRow(self.tr("&Account:"), self.login)
        form.addRow(self.tr("&Password:"), self.password)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.sign_in)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.password.setFocus()

    def chosen_login(self) -> str:
        index = self.login.currentIndex()
        text = self.login.currentText()
        if index >= 0 and self.login.itemText(index) == text:
            return str(self.login.itemData(index))
        return text.strip()

    def sign_in(self) -> None:
        try:
            signed_in = sign_in(self.session.db, self.chosen_login(), self.password.text())
        except HbtError as exc:
            self.message.setText(exc.message)
            self.password.selectAll()
            return
        self.session.sign_in(signed_in)
        self.accept()

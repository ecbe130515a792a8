"""The workstation's accounts: who may prepare, check and approve (an administrator's list).

Adding an account and changing someone else's password is an administrator's act; the
store refuses anyone else and the form shows its sentence. Everyone can change their own
password.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hbt_desktop.app import accounts
from hbt_desktop.core.errors import HbtError
from hbt_desktop.store.accounts import Account, Role, list_accounts
from hbt_desktop.ui.admin.forms import Form
from hbt_desktop.ui.offices.common import role_name
from hbt_desktop.ui.session import Session


def _password_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class AccountsDialog(QDialog):
    def __init__(self, parent: QWidget | None, session: Session) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Accounts"))
        self.resize(720, 380)
        self.table = QTreeWidget()
        self.table.setRootIsDecorated(False)
        self.table.setHeaderLabels(
            [self.tr("Log-in name"), self.tr("Full name"), self.tr("Role"), self.tr("Title")]
        )
        add = QPushButton(self.tr("&Add an account…"))
        password = QPushButton(self.tr("Change the &password…"))
        add.clicked.connect(self.add_account)
        password.clicked.connect(self.change_password)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(password)
        row.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.fill()

    def fill(self) -> None:
        self.table.clear()
        for account in list_accounts(self.session.db):
            role = role_name(account.role.value)
            if account.is_admin:
                role += " · " + self.tr("administrator")
            item = QTreeWidgetItem([account.login, account.full_name, role, account.title])
            self.table.addTopLevelItem(item)

    def add_account(self) -> None:
        form = Form(self, self.tr("Add an account"))
        login, name, title = QLineEdit(), QLineEdit(), QLineEdit()
        title.setPlaceholderText(self.tr("printed under the signature, e.g. PHÓ CHỦ TỊCH"))
        role = QComboBox()
        for code in ("lap", "kiem_tra", "lanh_dao"):
            role.addItem(role_name(code), code)
        password, again = _password_field(), _password_field()
        for label, widget in (
            (self.tr("Log-in name:"), login),
            (self.tr("Full name:"), name),
            (self.tr("Role:"), role),
            (self.tr("Title:"), title),
            (self.tr("Password:"), password),
            (self.tr("Password again:"), again),
        ):
            form.form.addRow(label, widget)

        def build() -> object:
            if password.text() != again.text():
                raise HbtError("ui.passwords_differ")
            return accounts.add_account(
                self.session.db,
                Account(
                    login.text().strip(),
                    name.text().strip() or login.text().strip(),
                    Role(str(role.currentData())),
                    title.text().strip(),
                ),
                password.text(),
                by=self.session.signed_in,
            )

        form.build = build
        if form.ask() is not None:
            self.fill()

    def change_password(self) -> None:
        item = self.table.currentItem()
        signed_in = self.session.signed_in
        login = item.text(0) if item is not None else (signed_in.login if signed_in else "")
        form = Form(self, self.tr("New password for {login}").format(login=login))
        password, again = _password_field(), _password_field()
        form.form.addRow(self.tr("New password:"), password)
        form.form.addRow(self.tr("Password again:"), again)

        def build() -> object:
            if signed_in is None:
                raise HbtError("ui.sign_in_first")
            if password.text() != again.text():
                raise HbtError("ui.passwords_differ")
            accounts.change_password(self.session.db, signed_in, login, password.text())
            return True

        form.build = build
        form.ask()

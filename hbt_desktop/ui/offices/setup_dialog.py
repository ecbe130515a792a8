"""Setting up this workstation: a ward office (of one ward) or the district.

Shown at the first start (and from the Sign-off menu). Setting up makes the
workstation's signing key — its fingerprint is shown at the end, to be read to the
district by telephone — and, on a workstation without accounts, optionally the first
account, which becomes the administrator. Changing a workstation that is already set up
is an administrator's act: the store refuses anyone else, and the form says so.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from hbt_desktop.app.offices import set_up_workstation
from hbt_desktop.core.access import StationRole
from hbt_desktop.core.errors import HbtError
from hbt_desktop.core.units import OrgUnit
from hbt_desktop.store.accounts import Account, Role, SignedIn, get_account, has_accounts
from hbt_desktop.ui.collation import vi_sorted
from hbt_desktop.ui.offices.common import role_name
from hbt_desktop.ui.session import Session

WARD, DISTRICT = "ward", "district"
LEVELS = {WARD: 3, DISTRICT: 2}


class SetupDialog(QDialog):
    def __init__(self, parent: QWidget | None, session: Session) -> None:
        super().__init__(parent)
        self.session = session
        self.fingerprint = ""
        self.setWindowTitle(self.tr("Set up this workstation"))
        self.resize(640, 520)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._form_page(first_account=not has_accounts(session.db)))
        self.pages.addWidget(self._done_page())
        self.buttons = QDialogButtonBox()
        self.ok_button = QPushButton(self.tr("&Set up"))
        self.ok_button.setDefault(True)
        self.later_button = QPushButton(self.tr("&Later"))
        self.close_button = QPushButton(self.tr("&Close"))
        self.buttons.addButton(self.ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.later_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button.hide()
        self.ok_button.clicked.connect(self.set_up)
        self.later_button.clicked.connect(self.reject)
        self.close_button.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.buttons)

    # -- the form ------------------------------------------------------------------------

    def _form_page(self, first_account: bool) -> QWidget:  # noqa: PLR0915 - lays out the form
        page = QWidget()
        intro = QLabel(
            self.tr(
                "Is this computer a ward office's or the district's? A ward office enters "
                "and sends only its own ward's figures; the district receives the wards' "
                "files, reviews them and approves the figures. Changing this later is an "
                "administrator's task."
            )
        )
        intro.setWordWrap(True)
        self.ward_button = QRadioButton(self.tr("A &ward office"))
        self.district_button = QRadioButton(self.tr("The &district"))
        self.role_group = QButtonGroup(self)
        self.role_group.addButton(self.ward_button)
        self.role_group.addButton(self.district_button)
        self.unit_box = QComboBox()
        self.unit_box.setMinimumContentsLength(36)
        form = QFormLayout()
        form.addRow(self.tr("This workstation is:"), self.ward_button)
        form.addRow("", self.district_button)
        form.addRow(self.tr("&Unit:"), self.unit_box)
        self.account_box = QGroupBox(self.tr("First account (optional): the administrator"))
        self.account_box.setCheckable(True)
        self.account_box.setChecked(False)
        self.account_box.setVisible(first_account)
        self.login = QLineEdit()
        self.login.setPlaceholderText(self.tr("letters and digits, e.g. lan.nt"))
        self.full_name = QLineEdit()
        self.role_box = QComboBox()
        for role in ("lap", "kiem_tra", "lanh_dao"):
            self.role_box.addItem(role_name(role), role)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_again = QLineEdit()
        self.password_again.setEchoMode(QLineEdit.EchoMode.Password)
        account_form = QFormLayout(self.account_box)
        account_form.addRow(self.tr("Log-in name:"), self.login)
        account_form.addRow(self.tr("Full name:"), self.full_name)
        account_form.addRow(self.tr("Role:"), self.role_box)
        account_form.addRow(self.tr("Password:"), self.password)
        account_form.addRow(self.tr("Password again:"), self.password_again)
        note = QLabel(
            self.tr(
                "With accounts, each person signs in, the history of every figure names "
                "them, and only a leader can approve and unlock figures."
            )
        )
        note.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #842029;")
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.account_box)
        if first_account:
            layout.addWidget(note)
        layout.addStretch(1)
        layout.addWidget(self.message)
        station = self.session.station
        role = station[0] if station else WARD
        (self.district_button if role == DISTRICT else self.ward_button).setChecked(True)
        self.ward_button.toggled.connect(lambda *_: self._fill_units())
        self._fill_units(station[1] if station else self.session.unit_uid)
        return page

    def chosen_role(self) -> str:
        return DISTRICT if self.district_button.isChecked() else WARD

    def _units(self, role: str) -> list[tuple[OrgUnit, str]]:
        units = list(self.session.source.units)
        by_uid = {u.uid: u for u in units}
        found = []
        for unit in vi_sorted([u for u in units if u.level == LEVELS[role]], key=lambda u: u.name):
            parent = by_uid.get(unit.parent_uid or "")
            label = f"{unit.title_name} ({parent.full_name})" if parent else unit.title_name
            found.append((unit, label))
        return found

    def _fill_units(self, wanted: str = "") -> None:
        wanted = wanted or str(self.unit_box.currentData() or "")
        self.unit_box.clear()
        for unit, label in self._units(self.chosen_role()):
            self.unit_box.addItem(label, unit.uid)
        self.unit_box.setCurrentIndex(max(self.unit_box.findData(wanted), 0))

    # -- doing it ------------------------------------------------------------------------

    def set_up(self) -> None:
        admin = None
        password = ""
        if not self.account_box.isHidden() and self.account_box.isChecked():
            if self.password.text() != self.password_again.text():
                self.message.setText(self.tr("The two passwords differ; type them again."))
                return
            admin = Account(
                self.login.text().strip(),
                self.full_name.text().strip() or self.login.text().strip(),
                Role(str(self.role_box.currentData())),
                is_admin=True,
            )
            password = self.password.text()
        uid = str(self.unit_box.currentData() or "")
        try:
            done = set_up_workstation(
                self.session.db,
                StationRole(self.chosen_role()),
                uid,
                admin=admin,
                password=password,
                by=self.session.signed_in,
            )
        except HbtError as exc:
            self.message.setText(exc.message)
            return
        result = done.value
        if admin is not None:
            # The administrator just chose this password here: signed in, not asked again.
            account = get_account(self.session.db, admin.login)
            if account is not None:
                self.session.sign_in(SignedIn(account, datetime.now(UTC)))
        self.fingerprint = result.fingerprint
        self.session.changed(done.changes)
        if self.chosen_role() == WARD:
            self.session.select(unit_uid=uid)
        self._show_done(uid, result.fingerprint, str(result.key_file))

    def _done_page(self) -> QWidget:
        page = QWidget()
        self.done_text = QLabel()
        self.done_text.setWordWrap(True)
        self.fingerprint_label = QLabel()
        self.fingerprint_label.setObjectName("fingerprint")
        self.fingerprint_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSize(18)
        font.setBold(True)
        self.fingerprint_label.setFont(font)
        self.fingerprint_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key_text = QLabel()
        self.key_text.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addWidget(self.done_text)
        layout.addSpacing(12)
        layout.addWidget(self.fingerprint_label)
        layout.addSpacing(12)
        layout.addWidget(self.key_text)
        layout.addStretch(1)
        return page

    def _show_done(self, uid: str, fingerprint: str, key_file: str) -> None:
        unit = self.session.source.units.get(uid).full_name
        if self.chosen_role() == WARD:
            text = self.tr(
                "This workstation is now the ward office of {unit}. The key that signs its "
                "files has this fingerprint; when the district receives your first file, "
                "read it to them by telephone (or give them the key file: Exchange menu)."
            )
        else:
            text = self.tr(
                "This workstation is now the district's: {unit}. The key that signs its "
                "files (returns to the wards) has this fingerprint; the wards compare it "
                "when they open your first returned file."
            )
        self.done_text.setText(text.format(unit=unit))
        self.fingerprint_label.setText(fingerprint)
        self.key_text.setText(
            self.tr(
                "The private key is kept in {path}. Keep a copy of it with the backups: "
                "without it, this workstation cannot sign files."
            ).format(path=key_file)
        )
        self.pages.setCurrentIndex(1)
        self.ok_button.hide()
        self.later_button.hide()
        self.close_button.show()
        self.close_button.setDefault(True)

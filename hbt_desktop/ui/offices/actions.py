"""The Exchange and Sign-off menus, the greeting at start, and who/what in the status bar.

What the menus offer follows the workstation's role: a ward office sends its figures and
reads the district's returns; the district receives, reviews and follows completeness.
Each action calls one flow of ``exchange_flow`` or ``signoff`` with what that flow uses
(the session, the document controller, the task runner). Only the menus are built at
start; the flows' modules are imported when first used (:func:`_exchange`,
:func:`_signoff`), so that start-up does not pay for signatures, spreadsheets or
password hashing.
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenuBar, QWidget

from hbt_desktop.core.access import StationRole
from hbt_desktop.core.errors import HbtError
from hbt_desktop.ui.document.controller import DocumentController
from hbt_desktop.ui.errors import guarded
from hbt_desktop.ui.offices.common import role_name
from hbt_desktop.ui.session import Session
from hbt_desktop.ui.tasks import TaskRunner


def _exchange() -> ModuleType:
    """ui.offices.exchange_flow, imported when first used (deferred on purpose: it brings
    signatures, spreadsheets and the review screens)."""
    from hbt_desktop.ui.offices import exchange_flow  # noqa: PLC0415

    return exchange_flow


def _signoff() -> ModuleType:
    """ui.offices.signoff, imported when first used (deferred on purpose, as above)."""
    from hbt_desktop.ui.offices import signoff  # noqa: PLC0415

    return signoff


class OfficeActions(QObject):
    def __init__(
        self,
        window: QWidget,
        session: Session,
        controller: DocumentController,
        tasks: TaskRunner,
    ) -> None:
        super().__init__(window)
        self.window = window  # the dialogs' parent, where the shortcuts live
        self.session = session
        self.controller = controller
        self.tasks = tasks
        self.ward_actions: list[QAction] = []
        self.district_actions: list[QAction] = []
        self.writing_actions: list[QAction] = []  # switched off in a read-only window
        self.session.station_changed.connect(self.update)
        self.session.account_changed.connect(self.update)

    def _action(
        self,
        text: str,
        slot: Callable[[], None],
        *,
        shortcut: str | None = None,
        writes: bool = True,
    ) -> QAction:
        action = QAction(text, self.window)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda *_: self._run(slot))
        self.window.addAction(action)
        if writes:
            self.writing_actions.append(action)
        return action

    @guarded
    def _run(self, slot: Callable[[], None]) -> None:
        slot()

    def build_menus(self, bar: QMenuBar) -> None:
        exchange = bar.addMenu(self.tr("E&xchange"))
        self.send_action = self._action(
            self.tr("Send figures to the district…"),
            lambda: _exchange().send_package(
                self.window, self.session, self.controller, self.tasks
            ),
        )
        self.read_return_action = self._action(
            self.tr("Open a file returned by the district…"),
            lambda: _exchange().read_return(self.window, self.session, self.tasks),
        )
        self.returned_action = self._action(
            self.tr("Figures returned by the district…"),
            lambda: _exchange().show_returned(self.window, self.session),
            writes=False,
        )
        self.receive_action = self._action(
            self.tr("Receive figures from a ward…"),
            lambda: _exchange().receive_package(self.window, self.session, self.tasks),
        )
        self.received_action = self._action(
            self.tr("Files received from the wards…"),
            lambda: _exchange().received_files(self.window, self.session, self.tasks),
        )
        self.completeness_action = self._action(
            self.tr("Completeness of the wards' figures…"),
            lambda: _exchange().show_completeness(self.window, self.session, self.tasks),
            writes=False,
        )
        self.ward_actions = [self.send_action, self.read_return_action, self.returned_action]
        self.district_actions = [
            self.receive_action,
            self.received_action,
            self.completeness_action,
        ]
        for action in (*self.ward_actions, *self.district_actions):
            exchange.addAction(action)
        exchange.addSeparator()
        self.sheet_export_action = self._action(
            self.tr("Export an entry sheet (.xlsx)…"),
            lambda: _exchange().export_sheet(self.window, self.session, self.tasks),
            writes=False,
        )
        self.sheet_import_action = self._action(
            self.tr("Import a filled-in entry sheet…"),
            lambda: _exchange().import_sheet(self.window, self.session, self.tasks),
        )
        exchange.addAction(self.sheet_export_action)
        exchange.addAction(self.sheet_import_action)
        exchange.addSeparator()
        self.own_key_action = self._action(
            self.tr("This workstation's key…"),
            lambda: _exchange().show_own_key(self.window, self.session),
            writes=False,
        )
        self.trust_action = self._action(
            self.tr("Record another office's key file…"),
            lambda: _exchange().trust_key(self.window, self.session),
        )
        exchange.addAction(self.own_key_action)
        exchange.addAction(self.trust_action)

        sign_off = bar.addMenu(self.tr("&Sign-off"))
        self.sign_in_action = self._action(self.tr("Sign &in…"), self.sign_in, writes=False)
        self.sign_out_action = self._action(self.tr("Sign &out"), self.sign_out, writes=False)
        self.checked_action = self._action(
            self.tr("Mark as &checked"), lambda: _signoff().mark_checked(self.window, self.session)
        )
        self.approve_action = self._action(
            self.tr("&Approve and lock…"), lambda: _signoff().approve(self.window, self.session)
        )
        self.unlock_action = self._action(
            self.tr("&Unlock…"), lambda: _signoff().unlock(self.window, self.session)
        )
        self.accounts_action = self._action(self.tr("Accounts…"), self.accounts)
        self.setup_action = self._action(self.tr("Workstation set-up…"), self.set_up)
        for action in (self.sign_in_action, self.sign_out_action):
            sign_off.addAction(action)
        sign_off.addSeparator()
        for action in (self.checked_action, self.approve_action, self.unlock_action):
            sign_off.addAction(action)
        sign_off.addSeparator()
        sign_off.addAction(self.accounts_action)
        sign_off.addAction(self.setup_action)
        self.update()

    # -- state ---------------------------------------------------------------------------

    def role(self) -> StationRole | None:
        station = self.session.station
        return station[0] if station else None

    def update(self) -> None:
        role = self.role()
        for action in self.ward_actions:
            action.setVisible(role is StationRole.WARD)
        for action in self.district_actions:
            action.setVisible(role is StationRole.DISTRICT)
        for action in (self.own_key_action, self.trust_action):
            action.setVisible(role is not None)
        signed = self.session.signed_in is not None
        self.sign_in_action.setVisible(not signed)
        self.sign_out_action.setVisible(signed)

    def read_only(self) -> None:
        for action in self.writing_actions:
            action.setEnabled(False)

    def station_text(self) -> str:
        station = self.session.station
        if station is None:
            return self.tr("Workstation not set up")
        try:
            unit = self.session.source.units.get(station[1]).full_name
        except HbtError:  # a unit no longer in the list: its code still identifies it
            unit = station[1]
        if station[0] is StationRole.WARD:
            return self.tr("Ward office: {unit}").format(unit=unit)
        return self.tr("District: {unit}").format(unit=unit)

    def user_text(self) -> str:
        account = self.session.signed_in
        if account is None:
            return self.tr("Not signed in ({user})").format(user=self.session.computer_user or "?")
        return self.tr("Signed in: {name} ({role})").format(
            name=account.account.full_name, role=role_name(account.account.role.value)
        )

    # -- start -----------------------------------------------------------------------------

    def greet(self) -> None:
        """At start: set up a new workstation, or sign in where there are accounts."""
        if self.session.readonly:
            return
        if self.session.station is None:
            self.set_up()
            return
        # Deferred on purpose: password hashing (argon2) once the window is on screen.
        from hbt_desktop.store.accounts import has_accounts  # noqa: PLC0415

        if self.session.signed_in is None and has_accounts(self.session.db):
            self.sign_in()

    def set_up(self) -> None:
        from hbt_desktop.ui.offices.setup_dialog import SetupDialog  # noqa: PLC0415

        SetupDialog(self.window, self.session).exec()

    def sign_in(self) -> None:
        from hbt_desktop.ui.offices.login_dialog import LoginDialog  # noqa: PLC0415

        LoginDialog(self.window, self.session).exec()

    def sign_out(self) -> None:
        self.session.sign_in(None)

    def accounts(self) -> None:
        from hbt_desktop.ui.offices.accounts_dialog import AccountsDialog  # noqa: PLC0415

        AccountsDialog(self.window, self.session).exec()

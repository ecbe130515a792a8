"""The main window: the selection bar, the five working tabs, menus and status bar.

Layout and wiring only; each tab is its own page object, the figures go through the
session, the document through its controller, builds through the task runner. Window
geometry and the last tab are remembered per PC; the unit and period in the database.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QTabWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from hbt_desktop.ui.document.controller import DocumentController
from hbt_desktop.ui.entry.pages import EntryPage, GridPage
from hbt_desktop.ui.errors import guarded
from hbt_desktop.ui.lazy_page import LazyPage
from hbt_desktop.ui.notices import NoticeBar
from hbt_desktop.ui.offices.actions import OfficeActions
from hbt_desktop.ui.pickers import SelectionBar
from hbt_desktop.ui.prefs import Prefs
from hbt_desktop.ui.session import Session
from hbt_desktop.ui.tasks import TaskRunner
from hbt_desktop.ui.translation import current_language

if TYPE_CHECKING:
    from hbt_desktop.ui.document.document_page import DocumentPage
    from hbt_desktop.ui.entry.budget_page import BudgetPage
    from hbt_desktop.ui.entry.district_page import DistrictPage
    from hbt_desktop.ui.preview.preview_page import PreviewPage

ENTRY, DISTRICT, BUDGET, DOCUMENT, PREVIEW = range(5)


def _freeze(page: QWidget) -> None:
    """A read-only window's writing screen: text can be read and copied, not changed."""
    for editor in page.findChildren(QLineEdit):
        editor.setReadOnly(True)
    for text in page.findChildren(QPlainTextEdit):
        text.setReadOnly(True)
    for rich in page.findChildren(QTextEdit):
        rich.setReadOnly(True)
    for button in page.findChildren(QAbstractButton):
        button.setEnabled(False)


class MainWindow(QMainWindow):
    language_requested = Signal(str)
    restore_requested = Signal()
    rebuild_requested = Signal()  # the workstation's role changed: menus and grids differ

    def __init__(self, session: Session, prefs: Prefs, tasks: TaskRunner | None = None) -> None:
        super().__init__()
        self.session = session
        self.prefs = prefs
        self.tasks = tasks or TaskRunner(self)
        self.controller = DocumentController(session)
        self.setWindowTitle(self.tr("hbt-desktop — figures, bulletins and reports"))
        self.resize(1280, 760)

        self.selection = SelectionBar(session)
        self.notices = NoticeBar()
        self.entry = EntryPage(session)
        # The other tabs are built when first opened (see LazyPage): start-up stays fast.
        self._district = LazyPage(self._make_district, self._grid_built)
        self._budget = LazyPage(self._make_budget, self._grid_built)
        self._document = LazyPage(self._make_document, lambda _: self.controller.activate())
        self._preview = LazyPage(self._make_preview, lambda _: None)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.entry, self.tr("Enter figures"))
        self.tabs.addTab(self._district, self.tr("By ward"))
        self.tabs.addTab(self._budget, self.tr("Budget"))
        self.tabs.addTab(self._document, self.tr("Write the bulletin"))
        self.tabs.addTab(self._preview, self.tr("Preview and print"))
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.selection)
        layout.addWidget(self.notices)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

        self._build_status_bar()
        self.offices = OfficeActions(self)
        self._build_menus()
        session.selection_changed.connect(self.reload_pages)
        session.structure_changed.connect(self.reload_pages)
        session.saved.connect(self.show_saved)
        self.tasks.busy_changed.connect(self._busy)
        self.tabs.currentChanged.connect(self._tab_changed)
        session.account_changed.connect(self.show_who)
        session.station_changed.connect(self.show_who)
        self.restore_state()
        self.reload_pages()
        self.show_saved()
        self.show_who()
        if session.readonly:
            self._read_only()

    def _build_status_bar(self) -> None:
        self.db_label = QLabel()
        self.saved_label = QLabel()
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(160)
        self.busy.hide()
        self.busy_label = QLabel()
        self.busy_label.hide()
        self.station_label = QLabel()
        self.station_label.setObjectName("station")
        self.user_label = QLabel()
        self.user_label.setObjectName("user")
        bar = self.statusBar()
        bar.addWidget(self.db_label, 1)
        bar.addPermanentWidget(self.station_label)
        bar.addPermanentWidget(self.user_label)
        bar.addPermanentWidget(self.busy_label)
        bar.addPermanentWidget(self.busy)
        bar.addPermanentWidget(self.saved_label)

    # -- pages built on first use ------------------------------------------------------------

    def _make_district(self) -> DistrictPage:
        from hbt_desktop.ui.entry.district_page import DistrictPage

        return DistrictPage(self.session)

    def _make_budget(self) -> BudgetPage:
        from hbt_desktop.ui.entry.budget_page import BudgetPage

        return BudgetPage(self.session)

    def _make_document(self) -> DocumentPage:
        from hbt_desktop.ui.document.document_page import DocumentPage

        page = DocumentPage(self.session, self.controller, self.tasks)
        if self.session.readonly:
            _freeze(page)
        return page

    def _make_preview(self) -> PreviewPage:
        from hbt_desktop.ui.preview.preview_page import PreviewPage

        return PreviewPage(self.session, self.controller, self.tasks)

    def _grid_built(self, page: GridPage) -> None:
        page.addAction(self.undo_action)
        page.addAction(self.redo_action)
        page.reload()

    @property
    def district(self) -> DistrictPage:
        return self._district.page()

    @property
    def budget(self) -> BudgetPage:
        return self._budget.page()

    @property
    def document(self) -> DocumentPage:
        return self._document.page()

    @property
    def preview(self) -> PreviewPage:
        return self._preview.page()

    def built_grid_pages(self) -> list[GridPage]:
        pages: list[GridPage] = [self.entry]
        for lazy in (self._district, self._budget):
            if lazy.built:
                pages.append(lazy.page())
        return pages

    # -- menus -----------------------------------------------------------------------------

    def _action(
        self,
        text: str,
        slot: object,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_menus(self) -> None:
        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("&File"))
        self.add_period_action = self._action(
            self.tr("Add a reporting period…"), self.selection.add_period, "Ctrl+Shift+N"
        )
        file_menu.addAction(self.add_period_action)
        file_menu.addSeparator()
        self.print_action = self._action(
            self.tr("&Print…"), self.print_document, QKeySequence.StandardKey.Print
        )
        file_menu.addAction(self.print_action)
        file_menu.addAction(
            self._action(self.tr("Save &as PDF or Word…"), self.save_as, "Ctrl+Shift+S")
        )
        file_menu.addSeparator()
        self.backup_action = self._action(self.tr("&Back up now"), self.back_up_now)
        file_menu.addAction(self.backup_action)
        self.restore_action = self._action(
            self.tr("&Restore from a backup…"), self.restore_requested.emit
        )
        file_menu.addAction(self.restore_action)
        file_menu.addSeparator()
        file_menu.addAction(self._action(self.tr("&Settings…"), self.open_settings))
        file_menu.addSeparator()
        file_menu.addAction(self._action(self.tr("&Quit"), self.close, "Ctrl+Q"))

        edit_menu = menu.addMenu(self.tr("&Edit"))
        stack = self.session.undo_stack
        self.undo_action = stack.createUndoAction(self, self.tr("Undo"))
        self.undo_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
        self.redo_action = stack.createRedoAction(self, self.tr("Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        for action in (self.undo_action, self.redo_action):
            # Active only in the grids: in a text field Ctrl+Z undoes the typing there.
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.entry.addAction(action)  # the other grids add it when built
            edit_menu.addAction(action)
        edit_menu.addSeparator()
        edit_menu.addAction(
            self._action(
                self.tr("&Find an indicator"), self.find_indicator, QKeySequence.StandardKey.Find
            )
        )
        self.history_action = self._action(
            self.tr("&History of this figure…"), self.show_history, "Ctrl+H"
        )
        edit_menu.addAction(self.history_action)

        view_menu = menu.addMenu(self.tr("&View"))
        for number in range(self.tabs.count()):
            action = self._action(
                self.tabs.tabText(number),
                lambda *_, n=number: self.go_to_tab(n),
                f"Ctrl+{number + 1}",
            )
            view_menu.addAction(action)
        view_menu.addSeparator()
        view_menu.addAction(self._action(self.tr("Build the preview"), self.build_preview, "F5"))

        catalogue_menu = menu.addMenu(self.tr("&Catalogue"))
        self.catalogue_action = self._action(
            self.tr("Sectors, indicators and bases…"), self.open_catalogue
        )
        catalogue_menu.addAction(self.catalogue_action)
        self.units_action = self._action(
            self.tr("Administrative units and mergers…"), self.open_units
        )
        catalogue_menu.addAction(self.units_action)
        self.offices.build_menus(menu)

        help_menu = menu.addMenu(self.tr("&Help"))
        help_menu.addAction(
            self._action(
                self.tr("User guide"), self.open_guide, QKeySequence.StandardKey.HelpContents
            )
        )
        help_menu.addAction(self._action(self.tr("About hbt-desktop"), self.open_about))

    # -- state -------------------------------------------------------------------------------

    def restore_state(self) -> None:
        geometry = self.prefs.bytes("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = self.prefs.bytes("window/state")
        if state is not None:
            self.restoreState(state)
        sector = self.prefs.text("selection/sector")
        if sector and sector in self.session.source.catalogue.sectors:
            self.session.sector = sector
            self.selection.fill()
        tab = self.prefs.text("window/tab", "0")
        self.tabs.setCurrentIndex(int(tab) if tab.isdigit() and int(tab) < self.tabs.count() else 0)

    def save_state(self) -> None:
        self.prefs.set_bytes("window/geometry", self.saveGeometry())
        self.prefs.set_bytes("window/state", self.saveState())
        self.prefs.set_text("selection/sector", self.session.sector or "")
        self.prefs.set_text("window/tab", str(self.tabs.currentIndex()))
        self.prefs.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.controller.flush()
        self.tasks.wait(30_000)
        self.save_state()
        super().closeEvent(event)

    # -- refreshing -------------------------------------------------------------------------

    def reload_pages(self) -> None:
        for page in self.built_grid_pages():
            page.request_reload()
        self.setWindowTitle(self._title())

    def _title(self) -> str:
        unit = self.session.unit
        from hbt_desktop.core.periods import format_period

        where = f"{unit.title_name} — {format_period(self.session.period)}" if unit else ""
        return self.tr("hbt-desktop — {where}").format(where=where)

    def show_saved(self) -> None:
        self.db_label.setText(self.tr("Data file: {path}").format(path=self.session.db_path))
        when = self.session.last_saved
        if when is None:
            self.saved_label.setText(self.tr("Nothing saved yet"))
            return
        local = when.astimezone()
        today = datetime.now().astimezone().date()
        stamp = (
            f"{local:%H:%M:%S}"
            if local.date() == today
            else (f"{local:%H:%M} {local.day}/{local.month}/{local.year}")
        )
        self.saved_label.setText(self.tr("Last change saved at {time}").format(time=stamp))

    def show_who(self) -> None:
        """The workstation's role and who is signed in, always in view (status bar)."""
        self.station_label.setText(self.offices.station_text())
        self.user_label.setText(self.offices.user_text())

    def _read_only(self) -> None:
        """Another copy has the file: nothing here may change it (the session refuses
        every write; the actions that would write are switched off so as not to offer)."""
        for action in (
            self.add_period_action,
            self.backup_action,
            self.restore_action,
            self.catalogue_action,
            self.units_action,
        ):
            action.setEnabled(False)
        self.selection.add_period_button.setEnabled(False)
        self.offices.read_only()

    def _busy(self, busy: bool, label: str) -> None:
        self.busy.setVisible(busy)
        self.busy_label.setText(label)
        self.busy_label.setVisible(busy)

    def _tab_changed(self, index: int) -> None:
        if index != DOCUMENT:
            self.controller.flush()

    # -- actions -----------------------------------------------------------------------------

    def current_page(self) -> QWidget | None:
        page = self.tabs.currentWidget()
        return page.page() if isinstance(page, LazyPage) else page

    def current_grid_page(self) -> GridPage | None:
        page = self.current_page()
        return page if isinstance(page, GridPage) else None

    def go_to_tab(self, index: int) -> None:
        self.tabs.setCurrentIndex(index)
        page = self.current_page()
        if isinstance(page, GridPage):
            page.focus_grid()
        elif self.tabs.currentWidget() is self._document:
            self.document.focus_editor()
        elif page is not None:
            page.setFocus()

    def find_indicator(self) -> None:
        page = self.current_grid_page()
        if page is None or page.search.isHidden():  # the budget grid has no search
            self.tabs.setCurrentIndex(ENTRY)
            page = self.entry
        page.focus_search()

    @guarded
    def build_preview(self) -> None:
        self.tabs.setCurrentIndex(PREVIEW)
        self.preview.build()

    @guarded
    def print_document(self) -> None:
        self.tabs.setCurrentIndex(PREVIEW)  # opening the tab starts a build if needed
        if self.preview.result is not None and not self.preview.stale:
            self.preview.print_document()
        else:
            if not self.preview.building:
                self.preview.build()
            self.preview.built.connect(
                self.preview.print_document, Qt.ConnectionType.SingleShotConnection
            )

    @guarded
    def save_as(self) -> None:
        self.tabs.setCurrentIndex(PREVIEW)
        self.preview.save_as()

    @guarded
    def show_history(self) -> None:
        """The audit trail of the figure under the cursor (Ctrl+H, or the grid's menu)."""
        page = self.current_grid_page()
        if page is None:
            return
        page.show_history(page.view.currentIndex())

    @guarded
    def back_up_now(self) -> None:
        from hbt_desktop.store.file.backup import backup_now

        self.controller.flush()
        outcome = backup_now(self.session.db, self.session.db_path)
        text = self.tr("Backed up: {summary}").format(
            summary=outcome.backup.summary() if outcome.backup else ""
        )
        QMessageBox.information(self, self.tr("Back up now"), "\n".join([text, *outcome.messages]))

    @guarded
    def open_catalogue(self) -> None:
        from hbt_desktop.ui.admin.catalogue_dialog import CatalogueDialog

        CatalogueDialog(self, self.session).exec()

    @guarded
    def open_units(self) -> None:
        from hbt_desktop.ui.admin.units_dialog import UnitsDialog

        UnitsDialog(self, self.session).exec()

    def open_guide(self) -> None:
        from hbt_desktop.ui.help import GuideDialog

        GuideDialog(self).exec()

    def open_about(self) -> None:
        from hbt_desktop.ui.help import show_about

        show_about(self, self.session)

    def open_settings(self) -> None:
        from hbt_desktop.ui.help import SettingsDialog

        dialog = SettingsDialog(self, current_language())
        if dialog.exec() and dialog.chosen_language() != current_language():
            self.language_requested.emit(dialog.chosen_language())

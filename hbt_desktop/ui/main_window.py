"""The main window: the selection bar, the five working tabs, menus and status bar.

Layout and wiring only; each tab is its own page object, the figures go through the
session, the document through its controller, builds through the task runner. Window
geometry and the last tab are remembered per PC; the unit and period in the database.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QProgressBar,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hbt_desktop.ui.admin.catalogue_dialog import CatalogueDialog
from hbt_desktop.ui.admin.units_dialog import UnitsDialog
from hbt_desktop.ui.document.controller import DocumentController
from hbt_desktop.ui.document.document_page import DocumentPage
from hbt_desktop.ui.entry.pages import BudgetPage, DistrictPage, EntryPage, GridPage
from hbt_desktop.ui.errors import guarded
from hbt_desktop.ui.help import GuideDialog, SettingsDialog, show_about
from hbt_desktop.ui.pickers import SelectionBar
from hbt_desktop.ui.prefs import Prefs
from hbt_desktop.ui.preview.preview_page import PreviewPage
from hbt_desktop.ui.session import Session
from hbt_desktop.ui.tasks import TaskRunner
from hbt_desktop.ui.translation import current_language

ENTRY, DISTRICT, BUDGET, DOCUMENT, PREVIEW = range(5)


class MainWindow(QMainWindow):
    language_requested = Signal(str)

    def __init__(self, session: Session, prefs: Prefs, tasks: TaskRunner | None = None) -> None:
        super().__init__()
        self.session = session
        self.prefs = prefs
        self.tasks = tasks or TaskRunner(self)
        self.controller = DocumentController(session)
        self.setWindowTitle(self.tr("hbt-desktop — figures, bulletins and reports"))
        self.resize(1280, 760)

        self.selection = SelectionBar(session)
        self.entry = EntryPage(session)
        self.district = DistrictPage(session)
        self.budget = BudgetPage(session)
        self.document = DocumentPage(session, self.controller)
        self.preview = PreviewPage(session, self.controller, self.tasks)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.entry, self.tr("Enter figures"))
        self.tabs.addTab(self.district, self.tr("By ward"))
        self.tabs.addTab(self.budget, self.tr("Budget"))
        self.tabs.addTab(self.document, self.tr("Write the bulletin"))
        self.tabs.addTab(self.preview, self.tr("Preview and print"))
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.selection)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

        self.db_label = QLabel()
        self.saved_label = QLabel()
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(160)
        self.busy.hide()
        self.busy_label = QLabel()
        self.busy_label.hide()
        bar = self.statusBar()
        bar.addWidget(self.db_label, 1)
        bar.addPermanentWidget(self.busy_label)
        bar.addPermanentWidget(self.busy)
        bar.addPermanentWidget(self.saved_label)

        self._build_menus()
        session.selection_changed.connect(self.reload_pages)
        session.structure_changed.connect(self.reload_pages)
        session.saved.connect(self.show_saved)
        self.tasks.busy_changed.connect(self._busy)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.restore_state()
        self.reload_pages()
        self.controller.load()
        self.show_saved()

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
        file_menu.addAction(
            self._action(
                self.tr("Add a reporting period…"), self.selection.add_period, "Ctrl+Shift+N"
            )
        )
        file_menu.addSeparator()
        self.print_action = self._action(
            self.tr("&Print…"), self.print_document, QKeySequence.StandardKey.Print
        )
        file_menu.addAction(self.print_action)
        file_menu.addAction(self._action(self.tr("Save as &PDF…"), self.save_pdf, "Ctrl+Shift+S"))
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
            for page in (self.entry, self.district, self.budget):
                page.addAction(action)
            edit_menu.addAction(action)
        edit_menu.addSeparator()
        edit_menu.addAction(
            self._action(
                self.tr("&Find an indicator"), self.find_indicator, QKeySequence.StandardKey.Find
            )
        )

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
        catalogue_menu.addAction(
            self._action(self.tr("Sectors, indicators and bases…"), self.open_catalogue)
        )
        catalogue_menu.addAction(
            self._action(self.tr("Administrative units and mergers…"), self.open_units)
        )

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
        for page in (self.entry, self.district, self.budget):
            page.reload()
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

    def _busy(self, busy: bool, label: str) -> None:
        self.busy.setVisible(busy)
        self.busy_label.setText(label)
        self.busy_label.setVisible(busy)

    def _tab_changed(self, index: int) -> None:
        if index != DOCUMENT:
            self.controller.flush()

    # -- actions -----------------------------------------------------------------------------

    def current_grid_page(self) -> GridPage | None:
        page = self.tabs.currentWidget()
        return page if isinstance(page, GridPage) else None

    def go_to_tab(self, index: int) -> None:
        self.tabs.setCurrentIndex(index)
        page = self.tabs.currentWidget()
        if isinstance(page, GridPage):
            page.focus_grid()
        elif page is self.document:
            self.document.focus_editor()
        else:
            page.setFocus()

    def find_indicator(self) -> None:
        if self.current_grid_page() is None or self.current_grid_page() is self.budget:
            self.tabs.setCurrentIndex(ENTRY)
        page = self.current_grid_page()
        if page is not None:
            page.focus_search()

    @guarded
    def build_preview(self) -> None:
        self.tabs.setCurrentIndex(PREVIEW)
        self.preview.build()

    @guarded
    def print_document(self) -> None:
        self.tabs.setCurrentIndex(PREVIEW)
        if self.preview.result is not None and not self.preview.stale:
            self.preview.print_document()
        else:
            self.preview.build()
            self.preview.built.connect(
                self.preview.print_document, Qt.ConnectionType.SingleShotConnection
            )

    @guarded
    def save_pdf(self) -> None:
        self.tabs.setCurrentIndex(PREVIEW)
        self.preview.save_pdf()

    @guarded
    def open_catalogue(self) -> None:
        CatalogueDialog(self, self.session).exec()

    @guarded
    def open_units(self) -> None:
        UnitsDialog(self, self.session).exec()

    def open_guide(self) -> None:
        GuideDialog(self).exec()

    def open_about(self) -> None:
        show_about(self, self.session)

    def open_settings(self) -> None:
        dialog = SettingsDialog(self, current_language())
        if dialog.exec() and dialog.chosen_language() != current_language():
            self.language_requested.emit(dialog.chosen_language())

"""The three entry screens: by indicator, by ward, and the budget — layout only.

Each page is a search field, a grid and a message bar under it. The message bar says
why a typed or pasted value was refused (red) or what was done (neutral); it never
opens a dialog, so the clerk's hands stay on the keys.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hbt_desktop.ui.entry.budget_model import BudgetModel
from hbt_desktop.ui.entry.completeness_model import CompletenessModel
from hbt_desktop.ui.entry.district_model import DistrictModel
from hbt_desktop.ui.entry.entry_model import Col, EntryModel
from hbt_desktop.ui.entry.grid_model import GridModel
from hbt_desktop.ui.entry.grid_view import GridView
from hbt_desktop.ui.session import Session

REFUSED_STYLE = "QLabel { color: #842029; background: #f8d7da; padding: 4px; }"
INFO_STYLE = "QLabel { color: #212529; background: #e9ecef; padding: 4px; }"

# Chosen so that, on a 1366-pixel screen, everything up to the computed percentages is
# visible without scrolling; the check and the comment follow to the right.
ENTRY_WIDTHS = {
    Col.NAME: 220,
    Col.UNIT: 84,
    Col.VALUE: 168,
    Col.STATUS: 96,
    Col.QUALIFIER: 72,
    Col.BASE_KIND: 150,
    Col.BASE: 112,
    Col.PREVIOUS: 150,
    Col.SHARE: 70,
    Col.GROWTH: 84,
    Col.INDEX: 90,
    Col.CHECK: 260,
    Col.COMMENT: 240,
}


class SearchField(QLineEdit):
    """Down or Enter hands the focus to the grid below, on the first hit's figure."""

    def __init__(self, page: GridPage) -> None:
        super().__init__()
        self.page = page
        self.setClearButtonEnabled(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.page.search_timer_flush()
            self.page.view.setCurrentIndex(self.page.model.index(0, self.page.first_column))
            self.page.focus_grid()
            return
        super().keyPressEvent(event)


class GridPage(QWidget):
    """Search field, grid and message bar around one grid model."""

    def __init__(self, model: GridModel[Any], first_column: int, searchable: bool = True) -> None:
        super().__init__()
        self.model = model
        self.first_column = first_column
        self.view = GridView()
        self.view.setModel(model)
        self.search = SearchField(self)
        self.search.setPlaceholderText(
            self.tr("Find an indicator: type part of its name, accents optional (Ctrl+F)")
        )
        self.search.setVisible(searchable)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(4, 4, 4, 4)
        self.layout_.addWidget(self.search)
        self.layout_.addWidget(self.view, 1)
        self.layout_.addWidget(self.message)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(120)
        self._search_timer.timeout.connect(self._apply_search)
        self.search.textChanged.connect(lambda *_: self._search_timer.start())
        model.refused.connect(self._refused)
        model.accepted.connect(self._accepted)
        model.modelReset.connect(self._after_reset)
        self.view.message.connect(self.show_info)

    def search_timer_flush(self) -> None:
        """Apply a search still waiting for the pause in typing."""
        if self._search_timer.isActive():
            self._search_timer.stop()
            self._apply_search()

    def _apply_search(self) -> None:
        setter = getattr(self.model, "set_search", None)
        if setter is not None:
            setter(self.search.text())

    def _after_reset(self) -> None:
        if self.model.rowCount() and not self.view.currentIndex().isValid():
            self.view.setCurrentIndex(self.model.index(0, self.first_column))

    def _refused(self, index: QModelIndex, message: str) -> None:
        self.message.setStyleSheet(REFUSED_STYLE)
        self.message.setText(message)
        self.message.show()

    def _accepted(self, index: QModelIndex) -> None:
        self.message.hide()

    def show_info(self, text: str) -> None:
        refused = bool(self.model._refusals)
        self.message.setStyleSheet(REFUSED_STYLE if refused else INFO_STYLE)
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def focus_grid(self) -> None:
        current = self.view.currentIndex()
        typable = current.isValid() and self.model.column_editable(current.column())
        if not typable and self.model.rowCount():
            row = current.row() if current.isValid() else 0
            self.view.setCurrentIndex(self.model.index(row, self.first_column))
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def reload(self) -> None:
        self.model.reload()


class EntryPage(GridPage):
    def __init__(self, session: Session) -> None:
        super().__init__(EntryModel(session), Col.VALUE)
        header = self.view.horizontalHeader()
        for col, width in ENTRY_WIDTHS.items():
            header.resizeSection(col, width)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.setColumnHidden(Col.UNIT, False)


class DistrictPage(GridPage):
    """Wards beside the district total, with each ward's completeness on the right."""

    def __init__(self, session: Session) -> None:
        district = DistrictModel(session)
        super().__init__(district, 3)
        self.district = district
        self.completeness = CompletenessModel(session)
        self.completeness_view = QTableView()
        self.completeness_view.setModel(self.completeness)
        self.completeness_view.verticalHeader().hide()
        self.completeness_view.horizontalHeader().setStretchLastSection(True)
        self.completeness_view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.completeness_view.setWordWrap(False)
        self.completeness_view.verticalHeader().setDefaultSectionSize(24)
        self.empty = QLabel(self.tr("The chosen unit has no wards in this period."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.hide()
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        self.completeness_title = QLabel(self.tr("Completeness of the wards' figures"))
        side_layout.addWidget(self.completeness_title)
        side_layout.addWidget(self.completeness_view)
        splitter = QSplitter()
        grid_box = QWidget()
        grid_layout = QVBoxLayout(grid_box)
        grid_layout.setContentsMargins(0, 0, 0, 0)
        grid_layout.addWidget(self.view)
        grid_layout.addWidget(self.empty)
        splitter.addWidget(grid_box)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([1000, 340])
        self.layout_.insertWidget(1, splitter, 1)
        self.district.modelReset.connect(self._sizes)

    def _sizes(self) -> None:
        header = self.view.horizontalHeader()
        header.resizeSection(0, 260)
        header.resizeSection(1, 70)
        header.resizeSection(2, 130)
        for col in range(3, self.district.columnCount()):
            header.resizeSection(col, 96)
        self.empty.setVisible(not self.district.wards)
        self.view.setVisible(bool(self.district.wards))

    def reload(self) -> None:
        super().reload()
        self.completeness.reload()
        self.completeness_view.resizeColumnsToContents()


class BudgetPage(GridPage):
    def __init__(self, session: Session) -> None:
        budget = BudgetModel(session)
        super().__init__(budget, 1, searchable=False)
        self.budget = budget
        self.budget.modelReset.connect(self._sizes)
        row = QHBoxLayout()
        self.hint = QLabel(
            self.tr(
                "Each base column holds the amount assigned for the year and the share "
                "reached; type an amount to record that assigner's base."
            )
        )
        self.hint.setWordWrap(True)
        row.addWidget(self.hint)
        self.layout_.insertLayout(0, row)

    def _sizes(self) -> None:
        header = self.view.horizontalHeader()
        header.resizeSection(0, 240)
        header.resizeSection(1, 190)
        header.resizeSection(2, 100)
        for col in range(3, self.budget.columnCount()):
            header.resizeSection(col, 185)
        header.setMinimumHeight(self.fontMetrics().lineSpacing() * 3 + 10)

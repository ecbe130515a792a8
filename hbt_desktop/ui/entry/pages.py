"""The entry screen by indicator, and what every grid screen shares — layout only.

Each page is a search field, a grid and a message bar under it. The message bar says
why a typed or pasted value was refused (red) or what was done (neutral); it never
opens a dialog, so the clerk's hands stay on the keys.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from hbt_desktop.ui.entry.entry_model import Col, EntryModel
from hbt_desktop.ui.entry.grid_model import GridModel
from hbt_desktop.ui.entry.grid_view import GridView
from hbt_desktop.ui.errors import guarded
from hbt_desktop.ui.session import Session

REFUSED_STYLE = "QLabel { color: #842029; background: #f8d7da; padding: 4px; }"
INFO_STYLE = "QLabel { color: #212529; background: #e9ecef; padding: 4px; }"
BANNER_STYLES = {
    "danger": REFUSED_STYLE,
    "warning": "QLabel { color: #664d03; background: #ffe8cc; padding: 4px; }",
    "info": INFO_STYLE,
}

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
        self.stale = False
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
        # Where the cursor is, in words: with the grid scrolled to the comment column the
        # indicator names are out of sight, and a clerk must still know which row this is.
        # Above the grid: what holds for the whole unit and period (locked by an
        # approval, returned by the district), said before the clerk types.
        self.banner = QLabel()
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.banner.hide()
        self.position = QLabel()
        self.position.setObjectName("position")
        self.position.setStyleSheet("QLabel { color: #495057; }")
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(4, 4, 4, 4)
        self.layout_.addWidget(self.search)
        self.layout_.addWidget(self.banner)
        self.layout_.addWidget(self.view, 1)
        self.layout_.addWidget(self.position)
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
        self.view.history_requested.connect(self.show_history)
        self.view.selectionModel().currentChanged.connect(self._show_position)

    def _show_position(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            self.position.clear()
            return
        name = self.model.index(current.row(), 0).data()
        column = self.model.header(current.column())
        self.position.setText(f"{name} · {column}" if current.column() else str(name))

    def search_timer_flush(self) -> None:
        """Apply a search still waiting for the pause in typing."""
        if self._search_timer.isActive():
            self._search_timer.stop()
            self._apply_search()

    def _apply_search(self) -> None:
        setter = getattr(self.model, "set_search", None)
        if setter is not None:
            setter(self.search.text())

    def _show_banners(self) -> None:
        banners = self.model.banners()
        if not banners:
            self.banner.hide()
            return
        worst = "danger" if any(b.level == "danger" for b in banners) else banners[0].level
        self.banner.setStyleSheet(BANNER_STYLES.get(worst, INFO_STYLE))
        self.banner.setText("\n".join(b.text for b in banners))
        self.banner.show()

    @guarded
    def show_history(self, index: QModelIndex) -> None:
        key = self.model.cell_key(index) if index.isValid() else None
        if key is None:
            self.show_info(
                self.tr(
                    "This cell is not a stored figure. Choose a figure, its base or last "
                    "year's figure to see its history."
                )
            )
            return
        from hbt_desktop.ui.offices.history_dialog import CellHistoryDialog  # noqa: PLC0415

        CellHistoryDialog(self, self.model.session, key).exec()

    def _after_reset(self) -> None:
        self._show_banners()
        if self.model.rowCount() and not self.view.currentIndex().isValid():
            self.view.setCurrentIndex(self.model.index(0, self.first_column))
        # A new list starts at its left edge, names visible. (Choosing the current cell
        # while the window is still being laid out would otherwise leave the view
        # scrolled sideways, the indicator names out of sight.)
        QTimer.singleShot(0, lambda: self.view.horizontalScrollBar().setValue(0))

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
        self.stale = False
        self.model.reload()

    def request_reload(self) -> None:
        """Read the grid again now if it is on screen, else when it is next shown."""
        if self.isVisible():
            self.reload()
        else:
            self.stale = True

    def showEvent(self, event: QShowEvent) -> None:
        if self.stale:
            self.reload()
        super().showEvent(event)


class EntryPage(GridPage):
    def __init__(self, session: Session) -> None:
        super().__init__(EntryModel(session), Col.VALUE)
        header = self.view.horizontalHeader()
        for col, width in ENTRY_WIDTHS.items():
            header.resizeSection(col, width)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.setColumnHidden(Col.UNIT, False)

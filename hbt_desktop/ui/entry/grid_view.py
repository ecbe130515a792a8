"""The grid as a clerk drives it from the keyboard, the way Excel behaves.

- typing starts editing (replacing the cell), F2 edits the cell as it is;
- Enter stores and moves down (Shift+Enter up), Tab stores and moves to the next cell
  one can type into (wrapping to the next row), Shift+Tab back;
- arrows move, Esc abandons the typing, Delete empties the selected cells;
- Ctrl+V pastes a block copied from Excel, Ctrl+C copies the selection as Excel does;
- Ctrl+H (or the right-click menu) shows a figure's history: who, when, old → new, how.
Computed columns are skipped by Tab; arrows still reach them, to read their tooltips.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QContextMenuEvent, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QLineEdit,
    QMenu,
    QTableView,
    QWidget,
)

from hbt_desktop.ui.entry.delegate import CellDelegate
from hbt_desktop.ui.entry.grid_model import GridModel
from hbt_desktop.ui.entry.paste import apply_paste
from hbt_desktop.ui.errors import guarded

Hint = QAbstractItemDelegate.EndEditHint


class GridView(QTableView):
    message = Signal(str)  # a sentence for the message bar under the grid
    history_requested = Signal(QModelIndex)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setItemDelegate(CellDelegate(self))
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        self.setSelectionMode(QAbstractItemView.SelectionMode.ContiguousSelection)
        self.setTabKeyNavigation(True)
        self.setWordWrap(False)
        self.setAlternatingRowColors(True)
        self.verticalHeader().setDefaultSectionSize(24)
        self.horizontalHeader().setHighlightSections(True)
        # Room for two-line titles (GridModel.headerData breaks the long ones).
        self.horizontalHeader().setMinimumHeight(self.fontMetrics().lineSpacing() * 2 + 8)

    def grid_model(self) -> GridModel[Any] | None:
        model = self.model()
        return model if isinstance(model, GridModel) else None

    # -- navigation ------------------------------------------------------------------------

    def _editable_columns(self) -> list[int]:
        model = self.grid_model()
        if model is None:
            return []
        return [c for c in range(model.columnCount()) if model.column_editable(c)]

    def _step(self, index: QModelIndex, forward: bool) -> QModelIndex:
        model = self.grid_model()
        columns = self._editable_columns()
        if model is None or not columns:
            return index
        row, col = index.row(), index.column()
        if forward:
            later = [c for c in columns if c > col]
            if later:
                return model.index(row, later[0])
            model.ensure_rows(row + 2)
            return model.index(row + 1, columns[0]) if row + 1 < model.rowCount() else index
        earlier = [c for c in columns if c < col]
        if earlier:
            return model.index(row, earlier[-1])
        return model.index(row - 1, columns[-1]) if row > 0 else index

    def _vertical(self, index: QModelIndex, down: bool) -> QModelIndex:
        model = self.grid_model()
        if model is None:
            return index
        if down:
            model.ensure_rows(index.row() + 2)
            row = min(index.row() + 1, model.rowCount() - 1)
        else:
            row = max(index.row() - 1, 0)
        return model.index(row, index.column())

    def go(self, index: QModelIndex) -> None:
        if index.isValid():
            self.setCurrentIndex(index)
            self.scrollTo(index)

    def moveCursor(
        self, cursorAction: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        current = self.currentIndex()
        if current.isValid() and cursorAction == QAbstractItemView.CursorAction.MoveNext:
            return self._step(current, True)
        if current.isValid() and cursorAction == QAbstractItemView.CursorAction.MovePrevious:
            return self._step(current, False)
        if current.isValid() and cursorAction == QAbstractItemView.CursorAction.MoveDown:
            model = self.grid_model()
            if model is not None:
                model.ensure_rows(current.row() + 2)
        return super().moveCursor(cursorAction, modifiers)

    def edit(  # type: ignore[override]
        self,
        index: QModelIndex,
        trigger: QAbstractItemView.EditTrigger = QAbstractItemView.EditTrigger.AllEditTriggers,
        event: QEvent | None = None,
    ) -> bool:
        opened = super().edit(index, trigger, event)  # type: ignore[arg-type]
        if opened and trigger in (
            QAbstractItemView.EditTrigger.EditKeyPressed,
            QAbstractItemView.EditTrigger.DoubleClicked,
        ):
            # F2 and a double click edit the cell as it is, cursor at the end (Excel);
            # Qt would select the whole text, so that the next key replaced it.
            editor = QApplication.focusWidget()
            if isinstance(editor, QLineEdit) and self.isAncestorOf(editor):
                editor.deselect()
                editor.end(False)
        return opened

    def closeEditor(self, editor: QWidget, hint: Hint) -> None:
        current = self.currentIndex()
        super().closeEditor(editor, Hint.NoHint)
        if not current.isValid():
            return
        if hint == Hint.EditNextItem:
            self.go(self._step(current, True))
        elif hint == Hint.EditPreviousItem:
            self.go(self._step(current, False))
        elif hint == Hint.SubmitModelCache:
            self.go(self._vertical(current, True))
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        editing = self.state() == QAbstractItemView.State.EditingState
        current = self.currentIndex()
        if not editing and current.isValid():
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                up = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
                self.go(self._vertical(current, not up))
                return
            if key == Qt.Key.Key_Delete:
                self._clear_selection()
                return
            if event.matches(QKeySequence.StandardKey.Paste):
                self.paste()
                return
            if event.matches(QKeySequence.StandardKey.Copy):
                self.copy()
                return
        super().keyPressEvent(event)

    # -- the right-click menu ------------------------------------------------------------

    def context_menu(self, index: QModelIndex) -> QMenu:
        menu = QMenu(self)
        history = menu.addAction(self.tr("&History of this figure…"))
        history.setShortcut(QKeySequence("Ctrl+H"))
        model = self.grid_model()
        history.setEnabled(model is not None and model.cell_key(index) is not None)
        history.triggered.connect(lambda *_: self.history_requested.emit(index))
        menu.addSeparator()
        copy = menu.addAction(self.tr("&Copy"))
        copy.setShortcut(QKeySequence(QKeySequence.StandardKey.Copy))
        copy.triggered.connect(lambda *_: self.copy())
        paste = menu.addAction(self.tr("&Paste"))
        paste.setShortcut(QKeySequence(QKeySequence.StandardKey.Paste))
        paste.triggered.connect(lambda *_: self.paste())
        return menu

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        index = self.indexAt(event.pos())
        if not index.isValid():
            return
        if not self.selectionModel().isSelected(index):
            self.setCurrentIndex(index)
        self.context_menu(index).exec(event.globalPos())

    # -- clipboard and delete --------------------------------------------------------------

    @guarded
    def _clear_selection(self) -> None:
        model = self.grid_model()
        if model is not None:
            indexes = self.selectedIndexes() or [self.currentIndex()]
            model.clear_cells([i for i in indexes if i.isValid()])

    @guarded
    def paste(self, text: str | None = None) -> None:
        model = self.grid_model()
        current = self.currentIndex()
        if model is None or not current.isValid():
            return
        if text is None:
            text = QGuiApplication.clipboard().text()
        self.message.emit(apply_paste(model, current.row(), current.column(), text))

    def copy(self) -> None:
        indexes = self.selectedIndexes() or [self.currentIndex()]
        rows = sorted({i.row() for i in indexes})
        cols = sorted({i.column() for i in indexes})
        model = self.model()
        lines = []
        for r in rows:
            cells = []
            for c in cols:
                value = model.index(r, c).data(Qt.ItemDataRole.DisplayRole)
                cells.append("" if value is None else str(value).replace("\t", " "))
            lines.append("\t".join(cells))
        QGuiApplication.clipboard().setText("\n".join(lines) + "\n")

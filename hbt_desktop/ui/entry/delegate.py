"""The cell editor: a line edit that refuses to close on text the store would refuse.

Enter, Tab and Shift+Tab first ask the model whether the text can be stored. If not,
the editor stays open with the text as typed and a red frame, the cell is marked and
the message says why and what to type — focus stays where the clerk is typing. If it
can, the value is committed synchronously (stored before the key returns) and the view
moves on. Esc abandons the typing and removes the mark.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QCompleter,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from hbt_desktop.ui.entry.grid_model import GridModel

Index = QModelIndex | QPersistentModelIndex
REFUSED_STYLE = "QLineEdit { border: 2px solid #b02a37; background: #fff5f5; }"

_HINTS = {
    Qt.Key.Key_Tab: QAbstractItemDelegate.EndEditHint.EditNextItem,
    Qt.Key.Key_Backtab: QAbstractItemDelegate.EndEditHint.EditPreviousItem,
    Qt.Key.Key_Return: QAbstractItemDelegate.EndEditHint.SubmitModelCache,
    Qt.Key.Key_Enter: QAbstractItemDelegate.EndEditHint.SubmitModelCache,
}


class CellDelegate(QStyledItemDelegate):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._indexes: dict[int, QPersistentModelIndex] = {}

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = QLineEdit(parent)
        editor.setFrame(False)
        model = index.model()
        choices = model.choices(index.column()) if hasattr(model, "choices") else []
        if choices:
            completer = QCompleter(choices, editor)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            editor.setCompleter(completer)
        key = id(editor)
        self._indexes[key] = QPersistentModelIndex(index)
        editor.destroyed.connect(lambda *_: self._indexes.pop(key, None))
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if not isinstance(editor, QLineEdit):
            super().setEditorData(editor, index)
            return
        if editor.isModified():
            return  # a refresh while typing must not overwrite what is being typed
        text = index.data(Qt.ItemDataRole.EditRole)
        editor.setText("" if text is None else str(text))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QLineEdit):
            if not editor.isModified() and not (
                isinstance(model, GridModel) and model.refusal(index) is not None
            ):
                return  # opened and left unchanged: nothing to store, nothing to undo
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(watched, QLineEdit) and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = Qt.Key(event.key())
            index = self._indexes.get(id(watched))
            if key in _HINTS and index is not None and index.isValid():
                return self._finish(watched, index, _HINTS[key])
            if key == Qt.Key.Key_Escape and index is not None and index.isValid():
                model = index.model()
                if isinstance(model, GridModel):
                    model.clear_refusal(index)
        return super().eventFilter(watched, event)

    def _finish(
        self,
        editor: QLineEdit,
        index: QPersistentModelIndex,
        hint: QAbstractItemDelegate.EndEditHint,
    ) -> bool:
        model = index.model()
        if isinstance(model, GridModel):
            why = model.check(index, editor.text())
            stored = why is None and (
                not (editor.isModified() or model.refusal(index) is not None)
                or model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)
            )
            if not stored:
                # Unreadable text, or a figure the store refused (another unit's on a
                # ward's workstation, a locked period): the editor stays, focus stays.
                refusal = model.refusal(index)
                if why is not None:
                    model.mark_refused(index, editor.text(), why)
                message = why or (refusal.message if refusal else "")
                editor.setStyleSheet(REFUSED_STYLE)
                editor.setToolTip(message)
                return True
            self.closeEditor.emit(editor, hint)
            return True
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, hint)
        return True

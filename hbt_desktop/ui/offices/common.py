"""What the office screens share: asking for a reason, naming roles, showing a moment.

A reason is asked in a small dialog of its own (not ``QInputDialog``) so that it can
refuse an empty answer with a sentence, and so that tests can answer it.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
)

from hbt_desktop.core.text import clean

# Refusals the screens make themselves, in core.i18n like every HbtError the clerk sees.
ROLE_NAMES = {
    "lap": QT_TRANSLATE_NOOP("Offices", "preparer"),
    "kiem_tra": QT_TRANSLATE_NOOP("Offices", "checker"),
    "lanh_dao": QT_TRANSLATE_NOOP("Offices", "leader"),
}
HOW_NAMES = {
    "typed": QT_TRANSLATE_NOOP("Offices", "typed"),
    "pasted": QT_TRANSLATE_NOOP("Offices", "pasted"),
    "imported": QT_TRANSLATE_NOOP("Offices", "imported from a file"),
    "undone": QT_TRANSLATE_NOOP("Offices", "undone"),
    "rolled_back": QT_TRANSLATE_NOOP("Offices", "rolled back"),
    "package": QT_TRANSLATE_NOOP("Offices", "accepted from a ward's file"),
    "entry_sheet": QT_TRANSLATE_NOOP("Offices", "entry sheet"),
    "baseline": QT_TRANSLATE_NOOP("Offices", "there before the history began"),
}


def role_name(role: str) -> str:
    text = ROLE_NAMES.get(role)
    return QCoreApplication.translate("Offices", str(text)) if text else role


def how_name(how: str) -> str:
    text = HOW_NAMES.get(how)
    return QCoreApplication.translate("Offices", str(text)) if text else how


def when_text(moment: datetime | None) -> str:
    """ "09:05 3/4/2023" in the computer's time zone, as the clerk reads a clock."""
    if moment is None:
        return "–"
    local = moment.astimezone()
    return f"{local:%H:%M} {local.day}/{local.month}/{local.year}"


def tree_rows(tree: QTreeWidget) -> list[list[str]]:
    """A tree's rows as text (tests, and a copy for the clerk)."""
    rows = []
    for i in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(i)
        if item is not None:
            rows.append([item.text(c) for c in range(tree.columnCount())])
    return rows


def current_row(tree: QTreeWidget) -> int:
    item = tree.currentItem()
    return -1 if item is None else tree.indexOfTopLevelItem(item)


class ReasonDialog(QDialog):
    def __init__(self, parent: QWidget | None, title: str, prompt: str, text: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(520, 220)
        label = QLabel(prompt)
        label.setWordWrap(True)
        self.edit = QPlainTextEdit(text)
        self.message = QLabel()
        self.message.setStyleSheet("color: #842029;")
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def reason(self) -> str:
        return clean(self.edit.toPlainText())

    def _accept(self) -> None:
        if not self.reason():
            self.message.setText(self.tr("Write the reason: the other side will read it."))
            return
        self.accept()


def ask_reason(parent: QWidget | None, title: str, prompt: str, text: str = "") -> str | None:
    """A reason typed by the clerk (never empty), or None if cancelled."""
    dialog = ReasonDialog(parent, title, prompt, text)
    return dialog.reason() if dialog.exec() == QDialog.DialogCode.Accepted else None

"""A list of backups as a clerk recognises them: when, why, what each one holds."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from hbt_desktop.store.file.backup import BackupInfo

PATH_ROLE = Qt.ItemDataRole.UserRole
DAMAGED_FG = QBrush(QColor("#842029"))


class BackupList(QListWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backups: list[BackupInfo] = []
        self.setAlternatingRowColors(True)
        self.setMinimumHeight(160)

    def fill(self, backups: list[BackupInfo], chosen: BackupInfo | None = None) -> None:
        self.clear()
        self.backups = list(backups)
        for info in self.backups:
            text = info.summary()
            if not info.readable:
                text += " — " + self.tr("damaged, cannot be restored")
            item = QListWidgetItem(text)
            item.setData(PATH_ROLE, str(info.path))
            item.setToolTip(str(info.path))
            if not info.readable:
                # Listed, so that the clerk sees it exists, but it cannot be chosen.
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
                item.setForeground(DAMAGED_FG)
            self.addItem(item)
        wanted = chosen or next((b for b in self.backups if b.readable), None)
        if wanted is not None and wanted in self.backups:
            self.setCurrentRow(self.backups.index(wanted))

    def chosen(self) -> BackupInfo | None:
        row = self.currentRow()
        if row < 0 or row >= len(self.backups):
            return None
        info = self.backups[row]
        return info if info.readable else None

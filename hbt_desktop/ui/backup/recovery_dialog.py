"""At start, a damaged (or vanished) data file: what happened, and what the clerk can do.

``store.file.recovery.open_or_recover`` asks this dialog (through ``App.ask_recovery``) before
it changes anything. The newest backup that checks out is chosen already; the clerk can
pick an older one, start an empty file, or quit. Whatever is chosen, the damaged file is
kept beside the new one, never overwritten.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hbt_desktop.store.file.recovery import Recovery, RecoveryChoice
from hbt_desktop.ui.backup.backup_list import BackupList

QUIT, RESTORE, EMPTY = 0, 1, 2


class RecoveryDialog(QDialog):
    def __init__(self, parent: QWidget | None, recovery: Recovery) -> None:
        super().__init__(parent)
        self.recovery = recovery
        self.setWindowTitle(self.tr("The data file cannot be used as it is"))
        self.resize(760, 420)
        explanation = QLabel(recovery.explanation())
        explanation.setWordWrap(True)
        explanation.setObjectName("explanation")
        self.backups = BackupList()
        self.backups.fill(recovery.backups, recovery.offer)
        hint = QLabel(
            self.tr(
                "Choose the backup to restore (the newest good one is chosen already), start "
                "with an empty data file, or quit and ask for help. The damaged file is kept "
                "beside the new one in every case."
            )
        )
        hint.setWordWrap(True)
        buttons = QDialogButtonBox()
        self.restore_button = QPushButton(self.tr("&Restore the chosen backup"))
        self.empty_button = QPushButton(self.tr("Start &empty"))
        self.quit_button = QPushButton(self.tr("&Quit"))
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.empty_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(self.quit_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.restore_button.setDefault(True)
        self.restore_button.clicked.connect(self._restore)
        self.empty_button.clicked.connect(self._empty)
        self.quit_button.clicked.connect(self.reject)
        self.backups.currentRowChanged.connect(self._enable)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(hint)
        layout.addWidget(self.backups, 1)
        layout.addWidget(buttons)
        self._enable()

    def _enable(self, *_: object) -> None:
        self.restore_button.setEnabled(self.backups.chosen() is not None)

    def _restore(self) -> None:
        if self.backups.chosen() is not None:
            self.done(RESTORE)

    def _empty(self) -> None:
        answer = QMessageBox.question(
            self,
            self.windowTitle(),
            self.tr(
                "Start with an empty data file? The figures of the damaged file will not be "
                "in it; the damaged file itself is kept, so nothing is deleted."
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.done(EMPTY)

    def choice(self, code: int) -> RecoveryChoice | None:
        """What ``open_or_recover`` should do for the dialog's result ``code``."""
        if code == RESTORE:
            return RecoveryChoice(self.backups.chosen())
        if code == EMPTY:
            return RecoveryChoice(None)
        return None


def ask_recovery(parent: QWidget | None, recovery: Recovery) -> RecoveryChoice | None:
    dialog = RecoveryDialog(parent, recovery)
    return dialog.choice(dialog.exec())

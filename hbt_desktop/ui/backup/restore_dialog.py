"""File > Restore from a backup: the backups of this data file, and the one to put back.

Lists the backup folder beside the data file and the second folder, if one is set
(``store.file.backup.mirror_folder``), newest first, each with its date, why it was made and
what it holds; a backup that does not check out is shown but cannot be chosen. A file
brought on a USB stick can be chosen too. The dialog only chooses: the restore itself
(``App.restore``) backs up the current data first and reopens the window on the
restored file.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from hbt_desktop.store.file.backup import (
    BackupInfo,
    default_backup_dir,
    list_backups,
    mirror_folder,
    read_backup,
)
from hbt_desktop.ui.backup.backup_list import BackupList


def backup_folders(db: Database, db_path: Path) -> list[Path]:
    return [default_backup_dir(db_path), *filter(None, [mirror_folder(db)])]


class RestoreDialog(QDialog):
    def __init__(self, parent: QWidget | None, db: Database, db_path: Path) -> None:
        super().__init__(parent)
        self.db_path = db_path
        self.chosen_path: Path | None = None
        self.setWindowTitle(self.tr("Restore from a backup"))
        self.resize(820, 460)
        folders = backup_folders(db, db_path)
        intro = QLabel(
            self.tr(
                "Each backup is a complete copy of the data file, made when the program "
                "started or closed, before an import, or on request. Restoring puts the "
                "chosen copy in place of the current data. The current data is backed up "
                "first, so a restore can itself be undone."
            )
        )
        intro.setWordWrap(True)
        where = QLabel(
            self.tr("Backups are kept in: {folders}").format(
                folders="; ".join(str(f) for f in folders)
            )
        )
        where.setWordWrap(True)
        where.setObjectName("folders")
        self.backups = BackupList()
        self.backups.fill(list_backups(db_path, folders))
        self.empty = QLabel(self.tr("There are no backups of this data file yet."))
        self.empty.setVisible(not self.backups.backups)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = QPushButton(self.tr("&Restore…"))
        self.file_button = QPushButton(self.tr("Another &file…"))
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.file_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self._restore_chosen)
        self.file_button.clicked.connect(self._choose_file)
        self.backups.currentRowChanged.connect(self._enable)
        self.backups.itemDoubleClicked.connect(lambda *_: self._restore_chosen())
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(where)
        layout.addWidget(self.backups, 1)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)
        self._enable()

    def _enable(self, *_: object) -> None:
        self.restore_button.setEnabled(self.backups.chosen() is not None)

    def _confirm(self, info: BackupInfo | None, path: Path) -> bool:
        what = info.summary() if info is not None else str(path)
        answer = QMessageBox.question(
            self,
            self.windowTitle(),
            self.tr(
                "Restore the backup of {what}? Figures entered after it was made will be "
                "replaced by the backup's; the current data is backed up first."
            ).format(what=what),
        )
        return answer == QMessageBox.StandardButton.Yes

    def _restore_chosen(self) -> None:
        info = self.backups.chosen()
        if info is not None and self._confirm(info, info.path):
            self.chosen_path = info.path
            self.accept()

    def _choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a backup file"),
            str(default_backup_dir(self.db_path)),
            self.tr("hbt-desktop data files (*.db)"),
        )
        if not path:
            return
        chosen = Path(path)
        if self._confirm(read_backup(chosen), chosen):
            self.chosen_path = chosen
            self.accept()

    def ask(self) -> Path | None:
        """The file to restore, or None if the clerk closed the dialog."""
        return self.chosen_path if self.exec() == QDialog.DialogCode.Accepted else None

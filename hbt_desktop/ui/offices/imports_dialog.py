"""The files received from the wards, newest first, with what became of each."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hbt_desktop.core.errors import HbtError
from hbt_desktop.core.periods import format_period
from hbt_desktop.store.review import ImportRecord, list_imports
from hbt_desktop.ui.errors import guarded
from hbt_desktop.ui.offices.common import current_row, when_text
from hbt_desktop.ui.offices.review_dialog import ReviewDialog
from hbt_desktop.ui.session import Session
from hbt_desktop.ui.tasks import TaskRunner


class ImportsDialog(QDialog):
    def __init__(self, parent: QWidget | None, session: Session, tasks: TaskRunner) -> None:
        super().__init__(parent)
        self.session = session
        self.tasks = tasks
        self.records: list[ImportRecord] = []
        self.setWindowTitle(self.tr("Files received from the wards"))
        self.resize(960, 480)
        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setHeaderLabels(
            [
                self.tr("Ward"),
                self.tr("File number"),
                self.tr("Periods"),
                self.tr("Received"),
                self.tr("State"),
                self.tr("Reason"),
            ]
        )
        self.tree.itemDoubleClicked.connect(lambda *_: self.open_review())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.open_button = QPushButton(self.tr("&Open the review"))
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.open_button.clicked.connect(self.open_review)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        self.records = list(reversed(list_imports(self.session.db)))
        self.tree.clear()
        for record in self.records:
            try:
                ward = self.session.source.units.get(record.sender_uid).title_name
            except HbtError:  # a unit no longer in the list: its code still identifies it
                ward = record.sender_uid
            self.tree.addTopLevelItem(
                QTreeWidgetItem(
                    [
                        ward,
                        str(record.sequence),
                        ", ".join(format_period(p) for p in record.periods),
                        when_text(record.received_at),
                        record.state.label,
                        record.reason,
                    ]
                )
            )
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        first = self.tree.topLevelItem(0)
        if first is not None:
            self.tree.setCurrentItem(first)

    @guarded
    def open_review(self) -> None:
        index = current_row(self.tree)
        if index < 0:
            return
        ReviewDialog(self, self.session, self.tasks, self.records[index].id).exec()
        self.reload()

"""At a ward office: what the district sent back, still to be answered.

The same reasons are shown on the affected cells of the entry screen (orange, with the
reason as the cell's tip); this list gathers them for the chosen period. Sending the
period's figures again answers them.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hbt_desktop.core.periods import format_period
from hbt_desktop.store.packages import open_returned_notes
from hbt_desktop.ui.offices.common import tree_rows, when_text
from hbt_desktop.ui.session import Session


class ReturnedDialog(QDialog):
    def __init__(self, parent: QWidget | None, session: Session) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Returned by the district"))
        self.resize(900, 420)
        unit = session.unit
        heading = QLabel(
            self.tr("{unit}, {period}: the district's reasons not yet answered").format(
                unit=unit.title_name if unit else "", period=format_period(session.period)
            )
        )
        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setHeaderLabels(
            [self.tr("Figure"), self.tr("Reason"), self.tr("Returned by"), self.tr("When")]
        )
        notes = open_returned_notes(session.db, session.unit_uid, session.period)
        catalogue = session.source.catalogue
        for code, found in sorted(notes.items()):
            indicator = catalogue.indicators.get(code)
            name = indicator.name if indicator else code
            for note in found:
                item = QTreeWidgetItem(
                    [
                        name if code else self.tr("The whole file"),
                        note.reason,
                        note.returned_by,
                        when_text(note.returned_at),
                    ]
                )
                item.setToolTip(1, note.reason)
                self.tree.addTopLevelItem(item)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.empty = QLabel(self.tr("Nothing returned is waiting for an answer."))
        self.empty.setVisible(not notes)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)

    def rows(self) -> list[list[str]]:
        return tree_rows(self.tree)

"""A figure's history: every change of one cell — who, when, old → new, how.

Read from the audit trail (``store.audit.cell_history``), which records every change
whatever made it: typing, pasting, an import, an undo, a ward's file accepted or rolled
back. The amounts are worded as the grid words them.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hbt_desktop.core.catalogue import Indicator
from hbt_desktop.core.errors import HbtError
from hbt_desktop.core.periods import format_period
from hbt_desktop.core.values import decode
from hbt_desktop.store.audit import HistoryEntry, cell_history
from hbt_desktop.store.review import list_imports
from hbt_desktop.ui.entry import cells
from hbt_desktop.ui.entry.grid_model import CellKey
from hbt_desktop.ui.offices.common import how_name, tree_rows, when_text
from hbt_desktop.ui.session import Session

EMPTY = "–"


def state_text(indicator: Indicator, state: dict[str, object] | None) -> str:
    """A logged state as the grid shows it: "trên 1.427 tỷ 500 triệu đồng"; – for none."""
    if state is None:
        return EMPTY
    scale = int(str(state["scale"]))
    amount: Decimal = decode(int(str(state["num"])), scale)
    text = cells.display_amount(indicator, amount, scale)
    qualifier = state.get("qualifier")
    return f"{qualifier} {text}" if qualifier else text


def _ref_text(ref: str, files: dict[str, int]) -> str:
    """Where a change came from, as the clerk knows it: a ward's file by its number."""
    kind, _, rest = ref.partition(":")
    if kind == "package" and rest in files:
        text = QCoreApplication.translate("CellHistoryDialog", "file number {number}")
        return text.format(number=files[rest])
    return ref


class CellHistoryDialog(QDialog):
    def __init__(self, parent: QWidget | None, session: Session, key: CellKey) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("History of a figure"))
        self.resize(900, 420)
        src = session.source
        indicator = src.catalogue.indicator(key.indicator)
        try:
            unit = src.units.get(key.unit_uid).title_name
        except HbtError:  # a unit no longer in the list: its code still identifies it
            unit = key.unit_uid
        what = f"{indicator.name} — {unit} — {format_period(key.period)}"
        if key.kind:
            base_kind = src.catalogue.base_kinds.get(key.kind)
            kind_name = cells.base_kind_label(base_kind) if base_kind else key.kind
            what += " — " + self.tr("base: {kind}").format(kind=kind_name)
        title = QLabel(what)
        title.setObjectName("what")
        title.setWordWrap(True)
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        self.entries: list[HistoryEntry] = cell_history(
            session.db, key.indicator, key.unit_uid, key.period, kind=key.kind
        )
        self.table = QTreeWidget()
        self.table.setRootIsDecorated(False)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setHeaderLabels(
            [
                self.tr("When"),
                self.tr("Who"),
                self.tr("How"),
                self.tr("Before"),
                self.tr("After"),
                self.tr("From"),
            ]
        )
        files = {r.package_id: r.sequence for r in list_imports(session.db)}
        for entry in self.entries:
            item = QTreeWidgetItem(
                [
                    when_text(entry.at),
                    entry.user or EMPTY,
                    how_name(entry.how),
                    state_text(indicator, entry.old),
                    state_text(indicator, entry.new),
                    _ref_text(entry.ref, files),
                ]
            )
            item.setToolTip(5, entry.ref)
            for column in (3, 4):
                item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight)
            self.table.addTopLevelItem(item)
        header = self.table.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.empty = QLabel(
            self.tr("No change of this figure is recorded: it was never entered here.")
        )
        self.empty.setVisible(not self.entries)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)

    def rows(self) -> list[list[str]]:
        return tree_rows(self.table)

"""The main window (first version): units by period, and the figures of a selection.

Read-only overview of the open database: the periods that have figures, the units valid
in the chosen period as a tree, and the chosen unit's figures worded as they will print.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QMainWindow,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from hbt_desktop.core.figures import resolve
from hbt_desktop.core.narrative import format_figure_value
from hbt_desktop.core.periods import Period, format_cutoff_period
from hbt_desktop.store.settings import get_setting
from hbt_desktop.store.source import StoreSource
from hbt_desktop.store.values import periods_with_data, values_for


class MainWindow(QMainWindow):
    def __init__(self, db: Database, db_path: Path) -> None:
        super().__init__()
        self.db = db
        self.src = StoreSource(db)
        self.setWindowTitle(self.tr("hbt-desktop — Số liệu và bản tin"))
        self.resize(1100, 680)

        self.period_box = QComboBox()
        self.periods: list[Period] = periods_with_data(db)
        for period in self.periods:
            self.period_box.addItem(format_cutoff_period(period), period.id)
        self.unit_tree = QTreeWidget()
        self.unit_tree.setHeaderLabels([self.tr("Đơn vị"), self.tr("Mã")])
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Chỉ tiêu"), self.tr("Kỳ"), self.tr("Số liệu"), self.tr("Tình trạng")]
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(QLabel(self.tr("Kỳ báo cáo")))
        left_layout.addWidget(self.period_box)
        left_layout.addWidget(self.unit_tree)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.table)
        splitter.setSizes([340, 760])
        self.setCentralWidget(splitter)
        self.statusBar().showMessage(self.tr("Tệp dữ liệu: {path}").format(path=db_path))

        self.period_box.currentIndexChanged.connect(self._fill_units)
        self.unit_tree.currentItemChanged.connect(lambda *_: self._fill_values())
        current = get_setting(db, "current_period")
        index = self.period_box.findData(current) if current else -1
        self.period_box.setCurrentIndex(max(index, 0))
        self._fill_units()

    def period(self) -> Period | None:
        index = self.period_box.currentIndex()
        return self.periods[index] if 0 <= index < len(self.periods) else None

    def _fill_units(self) -> None:
        self.unit_tree.clear()
        period = self.period()
        if period is None:
            return
        units = self.src.units
        valid = [u for u in units if u.overlaps(period.start, period.nominal_end)]
        items: dict[str, QTreeWidgetItem] = {}
        for unit in sorted(valid, key=lambda u: (u.level, u.code)):
            item = QTreeWidgetItem([unit.title_name, unit.code])
            item.setData(0, Qt.ItemDataRole.UserRole, unit.uid)
            parent = items.get(unit.parent_uid or "")
            if parent is not None:
                parent.addChild(item)
            else:
                self.unit_tree.addTopLevelItem(item)
            items[unit.uid] = item
        self.unit_tree.expandToDepth(1)
        self.unit_tree.resizeColumnToContents(0)
        wanted = get_setting(self.db, "current_unit")
        if wanted in items:
            self.unit_tree.setCurrentItem(items[wanted])

    def _fill_values(self) -> None:
        self.table.setRowCount(0)
        item = self.unit_tree.currentItem()
        period = self.period()
        if item is None or period is None:
            return
        uid = str(item.data(0, Qt.ItemDataRole.UserRole))
        values = values_for(self.db, uid, period)
        catalogue = self.src.catalogue
        codes = sorted(
            values, key=lambda c: (catalogue.indicator(c).sector, catalogue.indicator(c).position)
        )
        self.table.setRowCount(len(codes))
        for row, code in enumerate(codes):
            figure = resolve(self.src, code, uid, period)
            cells = [
                catalogue.indicator(code).name,
                format_cutoff_period(period),
                format_figure_value(figure) if figure.available else "–",
                figure.status.label if figure.status else "",
            ]
            for col, text in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()

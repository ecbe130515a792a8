"""The district view: wards beside the district total, and each ward's completeness."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSplitter, QTableView, QVBoxLayout, QWidget

from hbt_desktop.ui.entry.completeness_model import CompletenessModel
from hbt_desktop.ui.entry.district_model import DistrictModel
from hbt_desktop.ui.entry.pages import GridPage
from hbt_desktop.ui.session import Session


class DistrictPage(GridPage):
    """Wards beside the district total, with each ward's completeness on the right."""

    def __init__(self, session: Session) -> None:
        district = DistrictModel(session)
        super().__init__(district, 3)
        self.district = district
        self.completeness = CompletenessModel(session)
        self.completeness_view = QTableView()
        self.completeness_view.setModel(self.completeness)
        self.completeness_view.verticalHeader().hide()
        self.completeness_view.horizontalHeader().setStretchLastSection(True)
        self.completeness_view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.completeness_view.setWordWrap(False)
        self.completeness_view.verticalHeader().setDefaultSectionSize(24)
        self.empty = QLabel(self.tr("The chosen unit has no wards in this period."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.hide()
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        self.completeness_title = QLabel(self.tr("Completeness of the wards' figures"))
        side_layout.addWidget(self.completeness_title)
        side_layout.addWidget(self.completeness_view)
        splitter = QSplitter()
        grid_box = QWidget()
        grid_layout = QVBoxLayout(grid_box)
        grid_layout.setContentsMargins(0, 0, 0, 0)
        grid_layout.addWidget(self.view)
        grid_layout.addWidget(self.empty)
        splitter.addWidget(grid_box)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([1000, 340])
        self.layout_.insertWidget(1, splitter, 1)
        self.district.modelReset.connect(self._sizes)

    def _sizes(self) -> None:
        header = self.view.horizontalHeader()
        header.resizeSection(0, 260)
        header.resizeSection(1, 70)
        header.resizeSection(2, 130)
        for col in range(3, self.district.columnCount()):
            header.resizeSection(col, 96)
        self.empty.setVisible(not self.district.wards)
        self.view.setVisible(bool(self.district.wards))

    def reload(self) -> None:
        super().reload()
        self.completeness.reload()
        self.completeness_view.resizeColumnsToContents()

"""The bar at the top of the window: which unit, which period, which sector.

Only units that existed during the chosen period are offered (a 2023 period lists the
18 wards, a 2025 one the wards after the merger); under each unit its wards are in
Vietnamese alphabetical order. Periods carry their Vietnamese names, newest first, and
the clerk can add one (month, quarter, half, year, first N months, with a cut-off).
Each list is reached with Alt and the underlined letter of its label; in a list, the
arrows or the first letters of a name choose.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from hbt_desktop.core.periods import format_period
from hbt_desktop.core.units import OrgUnit
from hbt_desktop.ui.collation import vi_sorted
from hbt_desktop.ui.errors import guarded
from hbt_desktop.ui.session import Session


def tree_order(units: list[OrgUnit]) -> list[tuple[OrgUnit, int]]:
    """Units as a tree, parents first, children in Vietnamese alphabetical order."""
    by_parent: dict[str | None, list[OrgUnit]] = {}
    uids = {u.uid for u in units}
    for unit in units:
        parent = unit.parent_uid if unit.parent_uid in uids else None
        by_parent.setdefault(parent, []).append(unit)
    ordered: list[tuple[OrgUnit, int]] = []

    def walk(parent: str | None, depth: int) -> None:
        children = by_parent.get(parent, [])
        # Top levels by code (the city before its districts); siblings by name.
        children = vi_sorted(children, key=lambda u: u.name) if depth else children
        for child in children:
            ordered.append((child, depth))
            walk(child.uid, depth + 1)

    walk(None, 0)
    return ordered


class SelectionBar(QWidget):
    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.unit_box = QComboBox()
        self.unit_box.setMinimumContentsLength(24)
        self.unit_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.period_box = QComboBox()
        self.period_box.setMinimumContentsLength(26)
        self.sector_box = QComboBox()
        self.sector_box.setMinimumContentsLength(22)
        self.add_period_button = QPushButton(self.tr("Add period…"))
        unit_label = QLabel(self.tr("&Unit:"))
        unit_label.setBuddy(self.unit_box)
        unit_label.setObjectName("unit_label")
        period_label = QLabel(self.tr("&Period:"))
        period_label.setBuddy(self.period_box)
        period_label.setObjectName("period_label")
        sector_label = QLabel(self.tr("Sector (&L):"))
        sector_label.setBuddy(self.sector_box)
        sector_label.setObjectName("sector_label")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        for widget in (
            period_label,
            self.period_box,
            self.add_period_button,
            unit_label,
            self.unit_box,
            sector_label,
            self.sector_box,
        ):
            layout.addWidget(widget)
        layout.addStretch(1)
        self._filling = False
        self.fill()
        self.period_box.activated.connect(self._period_chosen)
        self.unit_box.activated.connect(self._unit_chosen)
        self.sector_box.activated.connect(self._sector_chosen)
        self.add_period_button.clicked.connect(self.add_period)
        session.selection_changed.connect(self.fill)
        session.structure_changed.connect(self.fill)
        # A figure typed for a new period (last year's, a base's year) adds it to the list.
        session.figures_changed.connect(lambda *_: self.fill())

    def fill(self) -> None:
        if self._filling:
            return
        self._filling = True
        s = self.session
        try:
            self.period_box.clear()
            for period in s.periods():
                self.period_box.addItem(format_period(period), period.id)
            self.period_box.setCurrentIndex(self.period_box.findData(s.period.id))
            self.unit_box.clear()
            units = s.units_in(s.period)
            parents = {u.parent_uid for u in units}
            bold = QFont(self.unit_box.font())
            bold.setBold(True)
            for unit, _depth in tree_order(units):
                # Plain names, so that typing the first letters selects a unit (an
                # indentation prefix would defeat the combo box's keyboard search);
                # units with units below them are bold instead.
                self.unit_box.addItem(unit.title_name, unit.uid)
                if unit.uid in parents:
                    self.unit_box.setItemData(
                        self.unit_box.count() - 1, bold, Qt.ItemDataRole.FontRole
                    )
                self.unit_box.setItemData(
                    self.unit_box.count() - 1,
                    f"{unit.title_name} ({unit.code})",
                    Qt.ItemDataRole.ToolTipRole,
                )
            self.unit_box.setCurrentIndex(self.unit_box.findData(s.unit_uid))
            self.sector_box.clear()
            self.sector_box.addItem(self.tr("All sectors"), "")
            for sector in s.source.catalogue.sector_list():
                if sector.retired_from is None or s.period.start < sector.retired_from:
                    self.sector_box.addItem(sector.name, sector.code)
            self.sector_box.setCurrentIndex(max(self.sector_box.findData(s.sector or ""), 0))
        finally:
            self._filling = False

    @guarded
    def _period_chosen(self, index: int) -> None:
        pid = self.period_box.itemData(index)
        match = [p for p in self.session.periods() if p.id == pid]
        if match:
            self.session.select(period=match[0])

    @guarded
    def _unit_chosen(self, index: int) -> None:
        self.session.select(unit_uid=str(self.unit_box.itemData(index)))

    @guarded
    def _sector_chosen(self, index: int) -> None:
        code = str(self.sector_box.itemData(index) or "")
        self.session.select(sector=code or None)

    @guarded
    def add_period(self) -> None:
        from hbt_desktop.ui.period_dialog import ask_period  # noqa: PLC0415

        period = ask_period(self.window(), self.session.period)
        if period is not None:
            self.session.add_period(period)
            self.session.select(period=period)
            self.fill()
            self.period_box.setFocus(Qt.FocusReason.OtherFocusReason)

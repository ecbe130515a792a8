"""How complete each ward's figures are for the period.

The indicators being collected are the additive ones that at least one ward has
entered for the period — what the district is gathering this time, not the whole
catalogue (a ward is not "incomplete" for indicators nobody reports monthly). Each ward
then has entered k of n, and the names of those it still lacks.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from hbt_desktop.core.numbers import format_percent
from hbt_desktop.core.units import OrgUnit
from hbt_desktop.store.values import filled_indicators
from hbt_desktop.ui.session import Session

Index = QModelIndex | QPersistentModelIndex
HEADERS = (
    QT_TRANSLATE_NOOP("CompletenessModel", "Ward"),
    QT_TRANSLATE_NOOP("CompletenessModel", "Entered"),
    QT_TRANSLATE_NOOP("CompletenessModel", "Complete"),
    QT_TRANSLATE_NOOP("CompletenessModel", "Still missing"),
)
DONE_BG = QBrush(QColor("#d1e7dd"))
PARTLY_BG = QBrush(QColor("#fff3cd"))


class CompletenessModel(QAbstractTableModel):
    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.wards: list[OrgUnit] = []
        self.expected: list[str] = []
        self.filled: dict[str, set[str]] = {}
        self.lines: list[tuple[str, str, str, str, int, int]] = []
        session.figures_changed.connect(lambda *_: self.reload())

    def reload(self) -> None:
        s = self.session
        self.beginResetModel()
        unit = s.unit
        self.wards = s.source.units.children(unit.uid, s.period.start, s.period.end) if unit else []
        self.filled = filled_indicators(s.db, [w.uid for w in self.wards], s.period)
        cat = s.source.catalogue
        collected = set().union(*self.filled.values()) if self.filled else set()
        self.expected = sorted(
            code for code in collected if code in cat.indicators and cat.indicators[code].additive
        )
        # One line per ward, worked out once: the view asks each cell on every repaint.
        self.lines = []
        for ward in self.wards:
            have = self.filled.get(ward.uid, set())
            missing = [cat.indicator(c).name for c in self.expected if c not in have]
            done, total = len(self.expected) - len(missing), len(self.expected)
            share = format_percent(Decimal(done) * 100 / total, 0) if total else "–"
            self.lines.append(
                (ward.name, f"{done}/{total}", share, ", ".join(missing), done, total)
            )
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self.wards)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("CompletenessModel", str(HEADERS[section]))
        return None

    def counts(self, ward: OrgUnit) -> tuple[int, int]:
        line = self.lines[self.wards.index(ward)]
        return line[4], line[5]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line = self.lines[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return line[col]
        done, total = line[4], line[5]
        if role == Qt.ItemDataRole.BackgroundRole and col in (1, 2) and total:
            return DONE_BG if done == total else PARTLY_BG
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (1, 2):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

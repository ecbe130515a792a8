"""The values of a received file, one row each, against what the district holds.

Verdicts: new (the district has none), changed (old → new; the old one is what this ward
sent last time), unchanged, and conflict — the district itself changed the figure since
the ward's last file, so taking the ward's would overwrite the district's own work. A
value the clerk rejects (with a reason) is marked before the decision is stored.
"""

from __future__ import annotations

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

from hbt_desktop.core.catalogue import Catalogue
from hbt_desktop.core.periods import format_period
from hbt_desktop.core.review import ItemKey, Review, ReviewItem, Verdict
from hbt_desktop.core.values import Value
from hbt_desktop.ui.entry import cells

Index = QModelIndex | QPersistentModelIndex
NAME, PERIOD, VERDICT, CURRENT, INCOMING, DECISION = range(6)
HEADERS = (
    QT_TRANSLATE_NOOP("ReviewModel", "Indicator"),
    QT_TRANSLATE_NOOP("ReviewModel", "Period"),
    QT_TRANSLATE_NOOP("ReviewModel", "Compared with the district"),
    QT_TRANSLATE_NOOP("ReviewModel", "District holds"),
    QT_TRANSLATE_NOOP("ReviewModel", "Ward sends"),
    QT_TRANSLATE_NOOP("ReviewModel", "Decision"),
)
VERDICTS = {
    Verdict.NEW: QT_TRANSLATE_NOOP("ReviewModel", "new"),
    Verdict.CHANGED: QT_TRANSLATE_NOOP("ReviewModel", "changed"),
    Verdict.UNCHANGED: QT_TRANSLATE_NOOP("ReviewModel", "unchanged"),
    Verdict.CONFLICT: QT_TRANSLATE_NOOP("ReviewModel", "conflict"),
}
COLOURS = {
    Verdict.NEW: QBrush(QColor("#d1e7dd")),
    Verdict.CHANGED: QBrush(QColor("#fff3cd")),
    Verdict.CONFLICT: QBrush(QColor("#f8d7da")),
}
UNCHANGED_FG = QBrush(QColor("#6c757d"))
REJECTED_FG = QBrush(QColor("#842029"))
EMPTY = "–"


translate = QCoreApplication.translate


def _tr(text: str) -> str:
    return translate("ReviewModel", text)


def verdict_name(verdict: Verdict) -> str:
    return _tr(str(VERDICTS[verdict]))


class ReviewModel(QAbstractTableModel):
    def __init__(self, catalogue: Catalogue) -> None:
        super().__init__()
        self.catalogue = catalogue
        self.review: Review | None = None
        self.items: list[ReviewItem] = []
        self.rejected: dict[ItemKey, str] = {}  # decided here, not yet stored

    def show(self, review: Review) -> None:
        self.beginResetModel()
        self.review = review
        # Conflicts first, then changes, new values, and the unchanged ones last: what
        # needs a look comes to the top.
        order = {Verdict.CONFLICT: 0, Verdict.CHANGED: 1, Verdict.NEW: 2, Verdict.UNCHANGED: 3}
        self.items = sorted(review.items, key=lambda i: (order[i.verdict], i.key[2], i.key[0]))
        self.rejected = {k: r for k, r in self.rejected.items() if k in {i.key for i in self.items}}
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(str(HEADERS[section]))
        return None

    def item(self, row: int) -> ReviewItem:
        return self.items[row]

    def _amount(self, value: Value | None) -> str:
        if value is None:
            return EMPTY
        indicator = self.catalogue.indicators.get(value.indicator)
        if indicator is None:
            return format(value.amount, "f")
        text = cells.display_amount(indicator, value.amount, value.decimals)
        return f"{value.qualifier} {text}" if value.qualifier else text

    def decision_text(self, item: ReviewItem) -> str:
        if item.key in self.rejected:
            return translate("ReviewModel", "to reject: {reason}").format(
                reason=self.rejected[item.key]
            )
        if item.decision == "rejected":
            return translate("ReviewModel", "rejected: {reason}").format(reason=item.reason)
        if item.decision == "accepted":
            return translate("ReviewModel", "accepted")
        if item.reason:  # a note sent back with a returned file
            return translate("ReviewModel", "returned: {reason}").format(reason=item.reason)
        return ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: PLR0911 - one return per role
        if not index.isValid():
            return None
        item = self.items[index.row()]
        column = index.column()
        rejected = item.key in self.rejected or item.decision == "rejected"
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, column)
        if role == Qt.ItemDataRole.BackgroundRole and column == VERDICT:
            return COLOURS.get(item.verdict)
        if role == Qt.ItemDataRole.ForegroundRole:
            if rejected and column == DECISION:
                return REJECTED_FG
            if item.verdict is Verdict.UNCHANGED:
                return UNCHANGED_FG
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (CURRENT, INCOMING):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == VERDICT:
            return self._verdict_tip(item)
        return None

    def _display(self, item: ReviewItem, column: int) -> str:
        value = item.incoming
        if column == NAME:
            indicator = self.catalogue.indicators.get(value.indicator)
            return indicator.name if indicator else value.indicator
        if column == PERIOD:
            return format_period(value.period)
        if column == VERDICT:
            return verdict_name(item.verdict)
        if column == CURRENT:
            return self._amount(item.current)
        if column == INCOMING:
            return self._amount(value)
        return self.decision_text(item)

    def _verdict_tip(self, item: ReviewItem) -> str:
        if item.verdict is Verdict.CONFLICT:
            return translate(
                "ReviewModel",
                "The district changed or entered this figure itself since the ward's last "
                "file (the ward last sent: {last}). Accepting takes the ward's figure "
                "instead of the district's.",
            ).format(last=self._amount(item.last_sent))
        if item.verdict is Verdict.CHANGED:
            return translate("ReviewModel", "The ward changed its figure: {old} → {new}.").format(
                old=self._amount(item.current), new=self._amount(item.incoming)
            )
        if item.verdict is Verdict.NEW:
            return translate("ReviewModel", "The district has no figure here yet.")
        return translate("ReviewModel", "The same figure as the district holds: nothing changes.")

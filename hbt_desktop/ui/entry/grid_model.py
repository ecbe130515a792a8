"""What the entry grids have in common: lazy rows, edits through the session, refusals.

A grid model holds only the ids of its rows (indicator codes); the figures of a row are
read from the store the first time the row is shown, a batch at a time (Qt's
``canFetchMore``/``fetchMore``), and kept in a cache until the figures change. Typed
text is turned into store changes by the subclass (``plan``); a text that cannot be read
is *refused*: the cell keeps the typed text, marked, with the message saying why and
what to type, and nothing is stored.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from hbt_desktop.core.edits import BaseChange, BaseKey, Change, ValueChange, ValueKey
from hbt_desktop.core.errors import HbtError
from hbt_desktop.core.numbers import Convention
from hbt_desktop.core.periods import Period, format_period
from hbt_desktop.ui.session import Session

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex

# Roles as plain ints: cell() compares them for every role of every cell on each repaint,
# and reading Qt's enum members each time costs more than the comparison itself.
DISPLAY = int(Qt.ItemDataRole.DisplayRole)
EDIT = int(Qt.ItemDataRole.EditRole)
TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
FONT = int(Qt.ItemDataRole.FontRole)
RIGHT_ALIGNED = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

BATCH = 40  # rows read per fetch: about two screenfuls, a short pause at most

REFUSED_BG = QBrush(QColor("#f8d7da"))
WARNING_BG = QBrush(QColor("#fff3cd"))
RETURNED_BG = QBrush(QColor("#ffd8a8"))  # returned by the district: orange, not a typo's red
COMPUTED_BG = QBrush(QColor("#f1f3f5"))
SUMMED_FG = QBrush(QColor("#495057"))
REFUSED_FG = QBrush(QColor("#842029"))


def two_lines(text: str, longest: int = 16) -> str:
    """A long header on two lines, broken at the space nearest its middle, so that
    narrow number columns keep readable titles ("% so chỉ tiêu giao")."""
    if "\n" in text or len(text) <= longest or " " not in text:
        return text
    middle = len(text) // 2
    spaces = [i for i, ch in enumerate(text) if ch == " "]
    cut = min(spaces, key=lambda i: abs(i - middle))
    return text[:cut] + "\n" + text[cut + 1 :]


@dataclass(frozen=True)
class CellKey:
    """The stored figure behind a cell, for its history: a value, or a base of ``kind``."""

    indicator: str
    unit_uid: str
    period: Period
    kind: str = ""


@dataclass(frozen=True)
class Banner:
    """A sentence over the grid about the whole unit and period (locked, returned)."""

    text: str
    level: str  # "danger", "warning" or "info" (ui.notices.Level)


@dataclass(frozen=True)
class Refusal:
    text: str  # what the clerk typed, kept so that nothing typed is lost
    message: str


class Overlay:
    """Changes planned but not yet stored, so that a pasted row's status builds on the
    value pasted into the same row a moment earlier."""

    def __init__(self) -> None:
        self.changes: dict[ValueKey | BaseKey, Change] = {}
        self.kinds: dict[str, str] = {}  # base kind chosen per indicator in the same block

    def add(self, change: Change) -> None:
        self.changes[change.key] = change

    def value(self, key: ValueKey, stored: Any) -> Any:
        change = self.changes.get(key)
        return change.new if isinstance(change, ValueChange) else stored

    def base(self, key: BaseKey, stored: Any) -> Any:
        change = self.changes.get(key)
        return change.new if isinstance(change, BaseChange) else stored

    def merged(self) -> list[Change]:
        return list(self.changes.values())


class GridModel(QAbstractTableModel, Generic[R]):
    """Base of the entry grids. Subclasses set ``columns`` and implement the hooks."""

    refused = Signal(QModelIndex, str)
    accepted = Signal(QModelIndex)

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self._ids: list[str] = []
        self._fetched = 0
        self._rows: dict[str, R] = {}
        self._refusals: dict[tuple[str, int], Refusal] = {}
        # What each cell answered per role: Qt asks a dozen roles per cell and again on
        # every repaint, and wording a figure (Decimal formatting) is the costly part.
        self._answers: dict[str, dict[tuple[int, int], Any]] = {}
        self._flags: dict[int, Qt.ItemFlag] = {}
        session.figures_changed.connect(self.refresh)

    # -- hooks for subclasses ------------------------------------------------------------

    def row_ids(self) -> list[str]:
        raise NotImplementedError

    def load_rows(self, ids: Sequence[str]) -> dict[str, R]:
        raise NotImplementedError

    def column_count(self) -> int:
        raise NotImplementedError

    def cell(self, row: R, column: int, role: int) -> Any:
        raise NotImplementedError

    def is_editable(self, row: R, column: int) -> bool:
        raise NotImplementedError

    def plan(
        self, row: R, column: int, text: str, convention: Convention, overlay: Overlay
    ) -> list[Change]:
        """Store changes for ``text`` typed in a cell; raises HbtError to refuse."""
        raise NotImplementedError

    def plan_clear(self, row: R, column: int) -> list[Change]:
        """Store changes that empty a cell (Delete key)."""
        return []

    def numeric_columns(self) -> set[int]:
        return set()

    def after_paste(self, overlay: Overlay) -> None:
        """A pasted block was accepted: keep what it chose that is not stored."""

    def header(self, column: int) -> str:
        raise NotImplementedError

    def cell_key(self, index: Index) -> CellKey | None:
        """The stored figure a cell shows, or None for names and computed columns."""
        return None

    def banners(self) -> list[Banner]:
        """What the clerk must know before typing here: an approval that locks the unit's
        period (edits would be refused — better said before than after)."""
        from hbt_desktop.store.guard import active_locks

        s = self.session
        if not s.unit_uid:
            return []
        found = []
        for lock in active_locks(s.db):
            if lock.covers(s.unit_uid, s.period):
                local = lock.at.astimezone()
                text = QCoreApplication.translate(
                    "GridModel",
                    "Approved by {name} at {when}: the figures of {unit} for {period} are "
                    "locked and cannot be changed. To change them, the leader unlocks them "
                    "with a reason (Sign-off menu).",
                ).format(
                    name=lock.name,
                    when=f"{local:%H:%M} {local.day}/{local.month}/{local.year}",
                    unit=s.unit.title_name if s.unit else s.unit_uid,
                    period=format_period(s.period),
                )
                found.append(Banner(text, "danger"))
        return found

    def edit_label(self, count: int) -> str:
        return QCoreApplication.translate("GridModel", "Edit of {count} cells").format(count=count)

    # -- rows ------------------------------------------------------------------------------

    def reload(self) -> None:
        self.beginResetModel()
        self._ids = self.row_ids()
        self._rows.clear()
        self._answers.clear()
        self._flags.clear()
        self._refusals.clear()
        # The first screenful is read at once so the grid is never shown empty.
        self._fetched = min(BATCH, len(self._ids))
        self._rows.update(self.load_rows(self._ids[: self._fetched]))
        self.endResetModel()

    def row_id(self, row: int) -> str:
        return self._ids[row]

    def row_of(self, row_id: str) -> int:
        return self._ids.index(row_id) if row_id in self._ids else -1

    def total_rows(self) -> int:
        return len(self._ids)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else self._fetched

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else self.column_count()

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and self._fetched < len(self._ids)

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid():
            return
        start = self._fetched
        end = min(len(self._ids), start + BATCH)
        if end <= start:
            return
        ids = self._ids[start:end]
        self._rows.update(self.load_rows(ids))
        self.beginInsertRows(QModelIndex(), start, end - 1)
        self._fetched = end
        self.endInsertRows()

    def ensure_rows(self, count: int) -> None:
        """Fetch until at least ``count`` rows are there (paste, jump to a search hit)."""
        while self._fetched < min(count, len(self._ids)):
            self.fetchMore(QModelIndex())

    def row_data(self, row: int) -> R:
        row_id = self._ids[row]
        if row_id not in self._rows:
            self._rows.update(self.load_rows([row_id]))
        return self._rows[row_id]

    def refresh(self, codes: Iterable[str] | None = None) -> None:
        """Read again the fetched rows whose figures may have changed."""
        if codes is None:
            wanted = self._ids[: self._fetched]
        else:
            wanted = [i for i in self._ids[: self._fetched] if self.affected(i, set(codes))]
        if not wanted:
            return
        self._rows.update(self.load_rows(wanted))
        for row_id in wanted:
            self._answers.pop(row_id, None)
        rows = sorted(self._ids.index(i) for i in wanted)
        last = self.column_count() - 1
        for row in rows:
            self.dataChanged.emit(self.index(row, 0), self.index(row, last))

    def affected(self, row_id: str, codes: set[str]) -> bool:
        return row_id in codes

    # -- cells -----------------------------------------------------------------------------

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called for every role of every visible cell on each repaint: the common path
        # is two dictionary lookups (see _answers), the rare one goes to cell().
        row = index.row()
        if row < 0 or row >= self._fetched:
            return None
        row_id, column = self._ids[row], index.column()
        if self._refusals:
            refusal = self._refusals.get((row_id, column))
            if refusal is not None:
                return self._refused_cell(refusal, role)
        answers = self._answers.get(row_id)
        if answers is None:
            answers = self._answers[row_id] = {}
        key = (column, int(role))
        if key not in answers:
            answers[key] = self.cell(self.row_data(row), column, role)
        return answers[key]

    def _refused_cell(self, refusal: Refusal, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return refusal.text
        if role == Qt.ItemDataRole.ToolTipRole:
            return refusal.message
        if role == Qt.ItemDataRole.BackgroundRole:
            return REFUSED_BG
        if role == Qt.ItemDataRole.ForegroundRole:
            return REFUSED_FG
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return two_lines(self.header(section))
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        column = index.column()
        flags = self._flags.get(column)
        if flags is None:
            flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            if self.column_editable(column):
                flags |= Qt.ItemFlag.ItemIsEditable
            self._flags[column] = flags
        return flags

    def column_editable(self, column: int) -> bool:
        """Whether the column takes typed input at all (rows may still refuse, with a
        message saying why — a grey cell that silently ignores keys helps nobody)."""
        raise NotImplementedError

    def refusal(self, index: Index) -> Refusal | None:
        return self._refusals.get((self._ids[index.row()], index.column()))

    # -- editing ---------------------------------------------------------------------------

    def check(self, index: Index, text: str) -> str | None:
        """The refusal message for ``text`` in this cell, or None if it would be stored."""
        try:
            self.plan(self.row_data(index.row()), index.column(), text, Convention.TYPED, Overlay())
        except HbtError as exc:
            return exc.message
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        text = "" if value is None else str(value)
        key = (self._ids[index.row()], index.column())
        row = self.row_data(index.row())
        try:
            changes = self.plan(row, index.column(), text, Convention.TYPED, Overlay())
            # The store may refuse too (another unit's figure on a ward's workstation, a
            # period locked by an approval): the same marked cell and message, nothing saved.
            self.session.apply(changes, self.edit_label(1))
        except HbtError as exc:
            self.mark_refused(index, text, exc.message)
            return False
        self._refusals.pop(key, None)
        self.dataChanged.emit(index, index)
        self.accepted.emit(self.index(index.row(), index.column()))
        return True

    def mark_refused(self, index: Index, text: str, message: str) -> None:
        self._refusals[(self._ids[index.row()], index.column())] = Refusal(text, message)
        self.dataChanged.emit(index, index)
        self.refused.emit(self.index(index.row(), index.column()), message)

    def clear_refusal(self, index: Index) -> None:
        if self._refusals.pop((self._ids[index.row()], index.column()), None) is not None:
            self.dataChanged.emit(index, index)

    def clear_cells(self, indexes: Sequence[Index]) -> None:
        changes: list[Change] = []
        for index in indexes:
            self.clear_refusal(index)
            if self.column_editable(index.column()):
                changes += self.plan_clear(self.row_data(index.row()), index.column())
        label = QCoreApplication.translate("GridModel", "Delete {count} cells")
        try:
            self.session.apply(changes, label.format(count=len(indexes)))
        except HbtError as exc:  # e.g. a locked period: nothing deleted, say why
            if indexes:
                first = indexes[0]
                self.refused.emit(self.index(first.row(), first.column()), exc.message)

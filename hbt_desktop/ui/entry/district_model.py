"""The district view: wards as columns beside the district total, for additive indicators.

Each row is an additive indicator; the first figure column is the district's figure as
it would print (entered by the district, or the sum of its wards when every ward has
one — in grey italics), then one column per ward that existed in the period, in the
statistics office's code order (the order of the district's own tables). Ward cells and
the district cell are typed into like the entry grid; a district figure that differs
from its wards' sum is flagged, never refused.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QFont

from hbt_desktop.core.catalogue import Indicator
from hbt_desktop.core.edits import Change, ValueChange, ValueKey
from hbt_desktop.core.errors import InputError
from hbt_desktop.core.figures import Figure, Origin, resolve
from hbt_desktop.core.numbers import Convention
from hbt_desktop.core.plausibility import check_figure
from hbt_desktop.core.text import clean, matches
from hbt_desktop.core.units import OrgUnit
from hbt_desktop.core.values import Value, read_entry
from hbt_desktop.store.values import values_matrix
from hbt_desktop.ui.entry import cells
from hbt_desktop.ui.entry.grid_model import (
    ALIGN,
    BACKGROUND,
    COMPUTED_BG,
    DISPLAY,
    EDIT,
    FONT,
    FOREGROUND,
    RIGHT_ALIGNED,
    SUMMED_FG,
    TOOLTIP,
    WARNING_BG,
    CellKey,
    GridModel,
    Index,
    Overlay,
)
from hbt_desktop.ui.session import Session

NAME, UNIT, TOTAL = 0, 1, 2
FIRST_WARD = 3

HEADERS = {
    NAME: QT_TRANSLATE_NOOP("DistrictModel", "Indicator"),
    UNIT: QT_TRANSLATE_NOOP("DistrictModel", "Unit"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("DistrictModel", text)


@dataclass
class DistrictRow:
    indicator: Indicator
    total: Figure
    wards: dict[str, Value]
    own: Value | None  # the figure the district itself entered
    concern: str = ""


class DistrictModel(GridModel[DistrictRow]):
    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self.wards: list[OrgUnit] = []
        self.search = ""

    def row_ids(self) -> list[str]:
        s = self.session
        unit = s.unit
        self.wards = []
        if unit is None:
            return []
        self.wards = s.source.units.children(unit.uid, s.period.start, s.period.end)
        if not self.wards:
            return []
        cat = s.source.catalogue
        order = {c.code: (c.position, c.code) for c in cat.sectors.values()}
        found = []
        for ind in cat.indicators.values():
            if not ind.additive or not ind.active_on(s.period.start):
                continue
            if self.search:
                if not matches(self.search, ind.name):
                    continue
            elif s.sector and ind.sector != s.sector:
                continue
            found.append(ind)
        found.sort(key=lambda i: (order.get(i.sector, (0, "")), i.position, i.code))
        return [i.code for i in found]

    def set_search(self, text: str) -> None:
        self.search = clean(text)
        self.reload()

    def load_rows(self, ids: Sequence[str]) -> dict[str, DistrictRow]:
        s = self.session
        if s.unit is None:
            return {}
        cat = s.source.catalogue
        uids = [w.uid for w in self.wards]
        matrix = values_matrix(s.db, list(ids), [*uids, s.unit_uid], s.period)
        rows = {}
        for code in ids:
            total = resolve(s.source, code, s.unit_uid, s.period)
            concern = ""
            if total.mismatch is not None and total.amount is not None:
                found = check_figure(
                    total.indicator,
                    total.amount,
                    total.decimals,
                    mismatch=total.mismatch,
                    sum_of_children=total.amount - total.mismatch,
                )
                concern = "\n".join(c.text for c in found)
            wards = {uid: matrix[(code, uid)] for uid in uids if (code, uid) in matrix}
            own = matrix.get((code, s.unit_uid))
            rows[code] = DistrictRow(cat.indicator(code), total, wards, own, concern)
        return rows

    def column_count(self) -> int:
        return FIRST_WARD + len(self.wards)

    def column_editable(self, column: int) -> bool:
        return column >= TOTAL

    def numeric_columns(self) -> set[int]:
        return set(range(TOTAL, self.column_count()))

    def is_editable(self, row: DistrictRow, column: int) -> bool:
        return column >= TOTAL

    def header(self, column: int) -> str:
        if column in HEADERS:
            return _tr(str(HEADERS[column]))
        if column == TOTAL:
            unit = self.session.unit
            return QCoreApplication.translate("DistrictModel", "Whole {unit}").format(
                unit=unit.kind.value if unit else ""
            )
        return self.wards[column - FIRST_WARD].name

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == TOOLTIP and section >= FIRST_WARD:
            ward = self.wards[section - FIRST_WARD]
            return f"{ward.title_name} ({ward.code})"
        return super().headerData(section, orientation, role)

    def cell_key(self, index: Index) -> CellKey | None:
        if not index.isValid() or index.column() < TOTAL or index.row() >= self.rowCount():
            return None
        code = self.row_id(index.row())
        return CellKey(code, self._unit_uid(index.column()), self.session.period)

    def _unit_uid(self, column: int) -> str:
        return self.session.unit_uid if column == TOTAL else self.wards[column - FIRST_WARD].uid

    def _stored(self, row: DistrictRow, column: int) -> Value | None:
        if column == TOTAL:
            return row.own
        return row.wards.get(self.wards[column - FIRST_WARD].uid)

    def cell(self, row: DistrictRow, column: int, role: int) -> Any:  # noqa: PLR0911 - one return per Qt role or column
        ind = row.indicator
        if column == NAME:
            return ind.name if role == DISPLAY else None
        if column == UNIT:
            return ind.unit_label if role == DISPLAY else None
        if column == TOTAL:
            return self._total_cell(row, role)
        value = row.wards.get(self.wards[column - FIRST_WARD].uid)
        if role == DISPLAY:
            return "" if value is None else cells.display_amount(ind, value.amount, value.decimals)
        if role == EDIT:
            return "" if value is None else cells.edit_amount(ind, value.amount, value.decimals)
        if role == ALIGN:
            return RIGHT_ALIGNED
        return None

    def _total_cell(self, row: DistrictRow, role: int) -> Any:  # noqa: PLR0911 - one return per Qt role or column
        total, ind = row.total, row.indicator
        summed = total.origin is not Origin.ENTERED
        if role == DISPLAY:
            if total.amount is None:
                # "thiếu 3" only once some ward has reported: an indicator nobody
                # collects this period is simply empty, not eighteen times missing.
                if total.missing and total.contributors:
                    text = QCoreApplication.translate("DistrictModel", "missing {count}")
                    return text.format(count=len(total.missing))
                return ""
            return cells.display_amount(ind, total.amount, total.decimals)
        if role == EDIT:
            own = row.own
            return "" if own is None else cells.edit_amount(ind, own.amount, own.decimals)
        if role == ALIGN:
            return RIGHT_ALIGNED
        if role == BACKGROUND:
            return WARNING_BG if row.concern else COMPUTED_BG if summed else None
        if role == FOREGROUND and summed:
            return SUMMED_FG
        if role == FONT and summed:
            font = QFont()
            font.setItalic(True)
            return font
        if role == TOOLTIP:
            if row.concern:
                return row.concern
            if summed and total.amount is not None:
                return QCoreApplication.translate(
                    "DistrictModel", "Sum of {count} units below."
                ).format(count=len(total.contributors))
            if total.missing:
                names = ", ".join(self.session.source.units.get(u).name for u in total.missing)
                return QCoreApplication.translate(
                    "DistrictModel", "Not yet entered by: {names}"
                ).format(names=names)
        return None

    def plan(
        self, row: DistrictRow, column: int, text: str, convention: Convention, overlay: Overlay
    ) -> list[Change]:
        if column < TOTAL:
            raise InputError("grid.read_only", column=self.header(column))
        s, ind = self.session, row.indicator
        key = ValueKey(ind.code, self._unit_uid(column), s.period)
        current: Value | None = overlay.value(key, self._stored(row, column))
        if not clean(text):
            return [] if current is None else [ValueChange(key, None)]
        entry = read_entry(ind, text, convention=convention)
        if current is None:
            new = Value(ind.code, key.unit_uid, s.period, entry.amount, entry.decimals)
        else:
            new = replace(current, amount=entry.amount, decimals=entry.decimals)
        new = replace(
            new, qualifier=entry.qualifier or new.qualifier, updated_by=s.user, updated_at=None
        )
        change = ValueChange(key, new)
        overlay.add(change)
        return [change]

    def plan_clear(self, row: DistrictRow, column: int) -> list[Change]:
        if column < TOTAL:
            return []
        return self.plan(row, column, "", Convention.TYPED, Overlay())

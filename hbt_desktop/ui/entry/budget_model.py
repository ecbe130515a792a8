"""The budget grid: revenue, spending and disbursement with every assigner's base.

A budget line is compared with several targets at once — "dự toán TP giao", "dự toán
HĐND quận giao", "kế hoạch vốn" — so instead of one base column, each kind of base has
its own column: the amount assigned for the year and, beside it in the same cell, the
share reached ("12.140 tỷ đồng · 34%"). Typing into such a cell stores that kind's base
for the year; the share follows at once.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt

from hbt_desktop.core.catalogue import BaseKind, Indicator, IndicatorKind
from hbt_desktop.core.derived import share_pct
from hbt_desktop.core.edits import BaseChange, BaseKey, Change, ValueChange, ValueKey
from hbt_desktop.core.errors import InputError
from hbt_desktop.core.figures import Figure, Origin, resolve
from hbt_desktop.core.numbers import Convention, format_percent
from hbt_desktop.core.text import clean
from hbt_desktop.core.values import Base, Value, read_entry
from hbt_desktop.store.values import bases_for_indicators, values_for_indicators
from hbt_desktop.ui.entry import cells
from hbt_desktop.ui.entry.grid_model import (
    ALIGN,
    DISPLAY,
    EDIT,
    FOREGROUND,
    RIGHT_ALIGNED,
    SUMMED_FG,
    TOOLTIP,
    CellKey,
    GridModel,
    Index,
    Overlay,
)
from hbt_desktop.ui.session import Session

NAME, VALUE, STATUS = 0, 1, 2
HEADER_WIDTH = 24  # characters per header line: long assigners wrap instead of being cut
FIRST_BASE = 3
# The sectors of the budget: revenue, spending, public investment. A catalogue without
# them (a ward's own) falls back to every money indicator.
BUDGET_SECTORS = ("NS_THU", "NS_CHI", "DTC")

HEADERS = {
    NAME: QT_TRANSLATE_NOOP("BudgetModel", "Budget line"),
    VALUE: QT_TRANSLATE_NOOP("BudgetModel", "Figure"),
    STATUS: QT_TRANSLATE_NOOP("BudgetModel", "Status"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("BudgetModel", text)


@dataclass
class BudgetRow:
    indicator: Indicator
    figure: Figure
    entered: Value | None
    bases: dict[str, Base]  # by kind code: the period's own, else the year's


class BudgetModel(GridModel[BudgetRow]):
    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self.kinds: list[BaseKind] = []

    def row_ids(self) -> list[str]:
        s = self.session
        cat = s.source.catalogue
        period = s.period
        self.kinds = sorted(
            (
                k
                for k in cat.base_kinds.values()
                if k.retired_from is None or period.start < k.retired_from
            ),
            key=lambda k: (k.position, k.code),
        )
        money = [
            i
            for i in cat.indicators.values()
            if i.kind is IndicatorKind.MONEY and i.active_on(period.start)
        ]
        chosen = [i for i in money if i.sector in BUDGET_SECTORS] or money
        order = {c.code: (c.position, c.code) for c in cat.sectors.values()}
        chosen.sort(key=lambda i: (order.get(i.sector, (0, "")), i.position, i.code))
        return [i.code for i in chosen]

    def load_rows(self, ids: Sequence[str]) -> dict[str, BudgetRow]:
        s = self.session
        if not s.unit_uid:
            return {}
        entered = values_for_indicators(s.db, s.unit_uid, s.period, ids)
        year = s.period.year_period()
        stored = bases_for_indicators(s.db, s.unit_uid, [s.period, year], ids)
        rows = {}
        for code in ids:
            bases = {}
            for kind in self.kinds:
                base = stored.get((code, s.period.id, kind.code)) or stored.get(
                    (code, year.id, kind.code)
                )
                if base is not None:
                    bases[kind.code] = base
            figure = resolve(s.source, code, s.unit_uid, s.period)
            rows[code] = BudgetRow(
                s.source.catalogue.indicator(code), figure, entered.get(code), bases
            )
        return rows

    def cell_key(self, index: Index) -> CellKey | None:
        if not index.isValid() or index.row() >= self.rowCount():
            return None
        s, column = self.session, index.column()
        row = self.row_data(index.row())
        code = row.indicator.code
        if column in (VALUE, STATUS):
            return CellKey(code, s.unit_uid, s.period)
        if column >= FIRST_BASE:
            kind = self.kinds[column - FIRST_BASE].code
            stored = row.bases.get(kind)
            period = stored.period if stored is not None else s.period.year_period()
            return CellKey(code, s.unit_uid, period, kind)
        return None

    def column_count(self) -> int:
        return FIRST_BASE + len(self.kinds)

    def column_editable(self, column: int) -> bool:
        return column != NAME

    def is_editable(self, row: BudgetRow, column: int) -> bool:
        return column != NAME

    def numeric_columns(self) -> set[int]:
        return {VALUE, *range(FIRST_BASE, self.column_count())}

    def header(self, column: int) -> str:
        if column in HEADERS:
            return _tr(str(HEADERS[column]))
        kind = self.kinds[column - FIRST_BASE]
        name = kind.name[:1].upper() + kind.name[1:]
        text = f"{name} ({kind.assigner})" if kind.assigner else name
        return "\n".join(textwrap.wrap(text, HEADER_WIDTH)) or text

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == TOOLTIP and section >= FIRST_BASE:
            return cells.base_kind_label(self.kinds[section - FIRST_BASE])
        return super().headerData(section, orientation, role)

    def choices(self, column: int) -> list[str]:
        return [s.label for s in cells.STATUS_CHOICES] if column == STATUS else []

    def cell(self, row: BudgetRow, column: int, role: int) -> Any:  # noqa: PLR0911 - one return per Qt role or column
        ind, fig = row.indicator, row.figure
        display = role == DISPLAY
        edit = role == EDIT
        if column == NAME:
            return ind.name if display else None
        if role == ALIGN and column != STATUS:
            return RIGHT_ALIGNED
        if column == VALUE:
            if display:
                return "" if fig.amount is None else cells.display_amount(ind, fig.amount, 0)
            if edit:
                e = row.entered
                return "" if e is None else cells.edit_amount(ind, e.amount, e.decimals)
            if role == FOREGROUND and fig.origin is not Origin.ENTERED:
                return SUMMED_FG
            return None
        if column == STATUS:
            return (row.entered.status.label if row.entered else "") if display or edit else None
        base = row.bases.get(self.kinds[column - FIRST_BASE].code)
        if base is None:
            return None if not (display or edit) else ""
        if edit:
            return cells.edit_amount(ind, base.amount, base.decimals)
        if display:
            text = cells.display_amount(ind, base.amount, base.decimals)
            pct = share_pct(fig.amount, base.amount)
            return text if pct is None else f"{text} · {format_percent(pct, ind.pct_decimals)}"
        return None

    def plan(
        self, row: BudgetRow, column: int, text: str, convention: Convention, overlay: Overlay
    ) -> list[Change]:
        s, ind = self.session, row.indicator
        if column == NAME:
            raise InputError("grid.read_only", column=self.header(column))
        vkey = ValueKey(ind.code, s.unit_uid, s.period)
        current: Value | None = overlay.value(vkey, row.entered)
        if column == VALUE:
            if not clean(text):
                return [] if current is None else [ValueChange(vkey, None)]
            entry = read_entry(ind, text, convention=convention)
            new = (
                replace(current, amount=entry.amount, decimals=entry.decimals)
                if current
                else Value(ind.code, s.unit_uid, s.period, entry.amount, entry.decimals)
            )
            change = ValueChange(vkey, replace(new, updated_by=s.user, updated_at=None))
            overlay.add(change)
            return [change]
        if column == STATUS:
            if current is None:
                if not clean(text):
                    return []
                raise InputError("grid.value_first")
            change = ValueChange(vkey, replace(current, status=cells.read_status(text)))
            overlay.add(change)
            return [change]
        kind = self.kinds[column - FIRST_BASE]
        stored = row.bases.get(kind.code)
        period = stored.period if stored is not None else s.period.year_period()
        key = BaseKey(ind.code, s.unit_uid, period, kind.code)
        base: Base | None = overlay.base(key, stored)
        if not clean(text):
            return [] if base is None else [BaseChange(key, None)]
        entry = read_entry(ind, text, convention=convention)
        new_base = Base(
            ind.code,
            s.unit_uid,
            period,
            kind.code,
            entry.amount,
            entry.decimals,
            comment=base.comment if base else "",
            updated_by=s.user,
        )
        base_change = BaseChange(key, new_base)
        overlay.add(base_change)
        return [base_change]

    def plan_clear(self, row: BudgetRow, column: int) -> list[Change]:
        if column in (NAME, STATUS):
            return []
        return self.plan(row, column, "", Convention.TYPED, Overlay())

"""The entry grid of one unit and period: one row per indicator of the chosen sector.

Columns: the figure, its status and qualifier, the base (kind and who assigned it, then
the amount), the same period last year, the share of the base, growth and index against
last year (computed, read-only), the plausibility check and a comment. Every typed cell
is stored at once through the session (one transaction, undoable).
"""

from __future__ import annotations

from dataclasses import replace
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QFont

from hbt_desktop.core.catalogue import Indicator, IndicatorKind
from hbt_desktop.core.edits import BaseChange, BaseKey, Change, ValueChange, ValueKey
from hbt_desktop.core.errors import InputError
from hbt_desktop.core.figures import Origin
from hbt_desktop.core.numbers import Convention, format_percent
from hbt_desktop.core.periods import format_cutoff_period
from hbt_desktop.core.text import clean, matches
from hbt_desktop.core.values import Base, Value, read_entry
from hbt_desktop.ui.entry import cells
from hbt_desktop.ui.entry.entry_rows import EntryRow, load_entry_rows
from hbt_desktop.ui.entry.grid_model import (
    ALIGN,
    BACKGROUND,
    COMPUTED_BG,
    DISPLAY,
    EDIT,
    FONT,
    FOREGROUND,
    RETURNED_BG,
    RIGHT_ALIGNED,
    SUMMED_FG,
    TOOLTIP,
    WARNING_BG,
    Banner,
    CellKey,
    GridModel,
    Index,
    Overlay,
)
from hbt_desktop.ui.session import Session

DASH = "–"


class Col(IntEnum):
    NAME = 0
    UNIT = 1
    VALUE = 2
    STATUS = 3
    QUALIFIER = 4
    BASE_KIND = 5
    BASE = 6
    PREVIOUS = 7
    SHARE = 8
    GROWTH = 9
    INDEX = 10
    CHECK = 11
    COMMENT = 12


HEADERS = {
    Col.NAME: QT_TRANSLATE_NOOP("EntryModel", "Indicator"),
    Col.UNIT: QT_TRANSLATE_NOOP("EntryModel", "Unit"),
    Col.VALUE: QT_TRANSLATE_NOOP("EntryModel", "Figure"),
    Col.STATUS: QT_TRANSLATE_NOOP("EntryModel", "Status"),
    Col.QUALIFIER: QT_TRANSLATE_NOOP("EntryModel", "Qualifier"),
    Col.BASE_KIND: QT_TRANSLATE_NOOP("EntryModel", "Base kind (assigned by)"),
    Col.BASE: QT_TRANSLATE_NOOP("EntryModel", "Base"),
    Col.PREVIOUS: QT_TRANSLATE_NOOP("EntryModel", "Same period last year"),
    Col.SHARE: QT_TRANSLATE_NOOP("EntryModel", "% of base"),
    Col.GROWTH: QT_TRANSLATE_NOOP("EntryModel", "Growth %"),
    Col.INDEX: QT_TRANSLATE_NOOP("EntryModel", "Index %"),
    Col.CHECK: QT_TRANSLATE_NOOP("EntryModel", "Check"),
    Col.COMMENT: QT_TRANSLATE_NOOP("EntryModel", "Comment"),
}
EDITABLE = {
    Col.VALUE,
    Col.STATUS,
    Col.QUALIFIER,
    Col.BASE_KIND,
    Col.BASE,
    Col.PREVIOUS,
    Col.COMMENT,
}
NUMERIC = {Col.VALUE, Col.BASE, Col.PREVIOUS}
RIGHT = {Col.VALUE, Col.BASE, Col.PREVIOUS, Col.SHARE, Col.GROWTH, Col.INDEX}


def _tr(text: str) -> str:
    return QCoreApplication.translate("EntryModel", text)


class EntryModel(GridModel[EntryRow]):
    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self.search = ""
        self._chosen_kinds: dict[str, str] = {}  # base kind picked for a row without a base
        # The district's reasons for returning this unit's figures, by indicator ("" for
        # the whole file): on a ward office's workstation only, until it sends again.
        self.returned: dict[str, list[Any]] = {}

    # -- rows --------------------------------------------------------------------------------

    def visible_indicators(self) -> list[Indicator]:
        """Indicators of the sector (all sectors while searching), in catalogue order.

        Retired indicators are listed only for periods before their retirement or when
        they hold a figure, so history stays reachable without cluttering new periods.
        """
        cat = self.session.source.catalogue
        period = self.session.period
        order = {s.code: (s.position, s.code) for s in cat.sectors.values()}
        found = []
        for ind in cat.indicators.values():
            if self.search:
                if not (matches(self.search, ind.name) or matches(self.search, ind.code)):
                    continue
            elif self.session.sector and ind.sector != self.session.sector:
                continue
            if not ind.active_on(period.start):
                continue
            found.append(ind)
        return sorted(found, key=lambda i: (order.get(i.sector, (0, "")), i.position, i.code))

    def row_ids(self) -> list[str]:
        self._load_returned()
        return [i.code for i in self.visible_indicators()]

    def _load_returned(self) -> None:
        s = self.session
        self.returned = {}
        if s.station is not None and s.station[0] == "ward" and s.unit_uid:
            from hbt_desktop.store.packages import open_returned_notes

            self.returned = open_returned_notes(s.db, s.unit_uid, s.period)

    def returned_text(self, code: str) -> str:
        notes = self.returned.get(code, [])
        lines = []
        for note in notes:
            local = note.returned_at.astimezone()
            lines.append(
                QCoreApplication.translate(
                    "EntryModel", "Returned by the district ({who}, {when}): {reason}"
                ).format(
                    who=note.returned_by or "?",
                    when=f"{local:%H:%M} {local.day}/{local.month}/{local.year}",
                    reason=note.reason,
                )
            )
        return "\n".join(lines)

    def banners(self) -> list[Banner]:
        found = super().banners()
        whole = self.returned.get("", [])
        if whole:
            marked = len([c for c in self.returned if c])
            text = QCoreApplication.translate(
                "EntryModel",
                "The district returned the figures of this period: {reason} — {count} "
                "figures are marked in orange (point at one to read why). Correct them and "
                "send the figures again (Exchange menu).",
            ).format(reason="; ".join(n.reason for n in whole), count=marked)
            found.append(Banner(text, "warning"))
        return found

    def cell_key(self, index: Index) -> CellKey | None:
        if not index.isValid() or index.row() >= self.rowCount():
            return None
        s, col = self.session, index.column()
        row = self.row_data(index.row())
        code = row.indicator.code
        if col in (Col.VALUE, Col.STATUS, Col.QUALIFIER, Col.COMMENT, Col.CHECK):
            return CellKey(code, s.unit_uid, s.period)
        if col == Col.PREVIOUS:
            return CellKey(code, s.unit_uid, s.period.same_period_last_year())
        if col in (Col.BASE, Col.BASE_KIND, Col.SHARE) and row.base is not None:
            return CellKey(code, s.unit_uid, row.base.period, row.base.kind)
        return None

    def load_rows(self, ids: Any) -> dict[str, EntryRow]:
        s = self.session
        if not s.unit_uid:
            return {}
        return load_entry_rows(s.source, s.unit_uid, s.period, list(ids), self._chosen_kinds)

    def set_search(self, text: str) -> None:
        self.search = clean(text)
        self.reload()

    def column_count(self) -> int:
        return len(Col)

    def column_editable(self, column: int) -> bool:
        return column in EDITABLE

    def numeric_columns(self) -> set[int]:
        return {int(c) for c in NUMERIC}

    def header(self, column: int) -> str:
        return _tr(str(HEADERS[Col(column)]))

    def affected(self, row_id: str, codes: set[str]) -> bool:
        return row_id in codes

    def is_editable(self, row: EntryRow, column: int) -> bool:
        return column in EDITABLE

    # -- display ---------------------------------------------------------------------------

    def cell(self, row: EntryRow, column: int, role: int) -> Any:  # noqa: PLR0911 - one return per Qt role or column
        col = column  # an int; Col members compare equal to it (IntEnum)
        if role == DISPLAY:
            return self._display(row, col)
        if role == EDIT:
            return self._edit_text(row, col)
        if role == TOOLTIP:
            return self._tooltip(row, col)
        if role == ALIGN and col in RIGHT:
            return RIGHT_ALIGNED
        if role == BACKGROUND:
            if col == Col.VALUE and row.indicator.code in self.returned:
                return RETURNED_BG
            if col in (Col.VALUE, Col.CHECK) and row.concerns:
                return WARNING_BG
            if col not in EDITABLE:
                return COMPUTED_BG
        if role == FOREGROUND and col == Col.VALUE and row.entered is None:
            return SUMMED_FG
        if role == FONT and col == Col.VALUE and row.entered is None:
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def _amount(self, row: EntryRow, amount: Any, decimals: int) -> str:
        return DASH if amount is None else cells.display_amount(row.indicator, amount, decimals)

    def _pct(self, row: EntryRow, pct: Any) -> str:
        return DASH if pct is None else format_percent(pct, row.indicator.pct_decimals)

    def _display(self, row: EntryRow, col: int) -> str:  # noqa: PLR0911 - one return per Qt role or column
        ind, fig = row.indicator, row.figure
        if col == Col.NAME:
            return ind.name
        if col == Col.UNIT:
            return ind.unit_label
        if col == Col.VALUE:
            return "" if fig.amount is None else self._amount(row, fig.amount, fig.decimals)
        if col == Col.STATUS:
            return row.entered.status.label if row.entered else ""
        if col == Col.QUALIFIER:
            return (row.entered.qualifier or "") if row.entered else ""
        if col == Col.BASE_KIND:
            return row.base_kind.name if row.base_kind else ""
        if col == Col.BASE:
            return "" if row.base is None else self._amount(row, row.base.amount, row.base.decimals)
        if col == Col.PREVIOUS:
            prev = row.previous
            return "" if prev.amount is None else self._amount(row, prev.amount, prev.decimals)
        if col == Col.SHARE:
            return self._pct(row, row.share)
        if col == Col.GROWTH:
            return self._pct(row, row.growth)
        if col == Col.INDEX:
            return self._pct(row, row.index)
        if col == Col.CHECK:
            return row.concerns[0].text if row.concerns else ""
        return row.entered.comment if row.entered else ""

    def _edit_text(self, row: EntryRow, col: int) -> str:
        ind = row.indicator
        if col == Col.VALUE and row.entered is not None:
            return cells.edit_amount(ind, row.entered.amount, row.entered.decimals)
        if col == Col.BASE and row.base is not None:
            return cells.edit_amount(ind, row.base.amount, row.base.decimals)
        if col == Col.PREVIOUS and row.previous_entered is not None:
            prev = row.previous_entered
            return cells.edit_amount(ind, prev.amount, prev.decimals)
        if col in (Col.VALUE, Col.BASE, Col.PREVIOUS):
            return ""
        if col == Col.BASE_KIND and row.base_kind is not None:
            return cells.base_kind_label(row.base_kind)
        return self._display(row, col)

    def _tooltip(self, row: EntryRow, col: int) -> str | None:  # noqa: PLR0911 - one return per Qt role or column
        fig = row.figure
        if col == Col.NAME:
            return row.indicator.description or row.indicator.name
        if col == Col.VALUE and row.indicator.code in self.returned:
            return self.returned_text(row.indicator.code)
        if col == Col.VALUE and fig.origin is Origin.SUM and fig.amount is not None:
            text = QCoreApplication.translate(
                "EntryModel", "Sum of {count} units below; type a figure to enter the unit's own."
            )
            return text.format(count=len(fig.contributors))
        if col == Col.VALUE and fig.missing:
            text = QCoreApplication.translate(
                "EntryModel", "No figure yet: {count} units below have not entered theirs."
            )
            return text.format(count=len(fig.missing))
        if col in (Col.VALUE, Col.CHECK) and row.concerns:
            return "\n".join(c.text for c in row.concerns)
        if col == Col.PREVIOUS:
            return format_cutoff_period(self.session.period.same_period_last_year())
        if col == Col.BASE and row.base is not None:
            return format_cutoff_period(row.base.period)
        if col == Col.BASE_KIND and row.base_kind is not None:
            return cells.base_kind_label(row.base_kind)
        return None

    # -- editing ---------------------------------------------------------------------------

    def choices(self, column: int) -> list[str]:
        """Words the editor offers while typing (status, qualifier, kind of base)."""
        from hbt_desktop.core.numbers import QUALIFIERS

        if column == Col.STATUS:
            return [s.label for s in cells.STATUS_CHOICES]
        if column == Col.QUALIFIER:
            return list(QUALIFIERS)
        if column == Col.BASE_KIND:
            return [cells.base_kind_label(k) for k in self._kinds()]
        return []

    def _kinds(self) -> list[Any]:
        period = self.session.period
        kinds = self.session.source.catalogue.base_kinds.values()
        active = [k for k in kinds if k.retired_from is None or period.start < k.retired_from]
        return sorted(active, key=lambda k: (k.position, k.code))

    def _read(self, ind: Indicator, text: str, convention: Convention) -> Any:
        return read_entry(ind, text, convention=convention)

    def plan(  # noqa: PLR0911 - one return per column
        self, row: EntryRow, column: int, text: str, convention: Convention, overlay: Overlay
    ) -> list[Change]:
        col = Col(column)
        s = self.session
        ind = row.indicator
        vkey = ValueKey(ind.code, s.unit_uid, s.period)
        current: Value | None = overlay.value(vkey, row.entered)
        if col == Col.VALUE:
            if not clean(text):
                return [] if current is None else [ValueChange(vkey, None)]
            entry = self._read(ind, text, convention)
            qualifier = entry.qualifier if entry.qualifier else (current and current.qualifier)
            new = (
                replace(current, amount=entry.amount, decimals=entry.decimals)
                if current
                else Value(ind.code, s.unit_uid, s.period, entry.amount, entry.decimals)
            )
            new = replace(new, qualifier=qualifier or None, updated_by=s.user, updated_at=None)
            change = ValueChange(vkey, new)
            overlay.add(change)
            return [change]
        if col in (Col.STATUS, Col.QUALIFIER, Col.COMMENT):
            if current is None:
                if not clean(text):
                    return []
                raise InputError("grid.value_first")
            if col == Col.STATUS:
                new = replace(current, status=cells.read_status(text))
            elif col == Col.QUALIFIER:
                new = replace(current, qualifier=cells.read_qualifier(text))
            else:
                new = replace(current, comment=clean(text))
            change = ValueChange(vkey, replace(new, updated_by=s.user, updated_at=None))
            overlay.add(change)
            return [change]
        if col == Col.PREVIOUS:
            return self._plan_previous(row, text, convention, overlay)
        if col == Col.BASE_KIND:
            return self._plan_base_kind(row, text, overlay)
        if col == Col.BASE:
            return self._plan_base(row, text, convention, overlay)
        raise InputError("grid.read_only", column=self.header(column))

    def _plan_previous(
        self, row: EntryRow, text: str, convention: Convention, overlay: Overlay
    ) -> list[Change]:
        s, ind = self.session, row.indicator
        period = s.period.same_period_last_year()
        key = ValueKey(ind.code, s.unit_uid, period)
        current: Value | None = overlay.value(key, row.previous_entered)
        if not clean(text):
            return [] if current is None else [ValueChange(key, None)]
        entry = self._read(ind, text, convention)
        new = Value(
            ind.code,
            s.unit_uid,
            period,
            entry.amount,
            entry.decimals,
            qualifier=entry.qualifier,
            updated_by=s.user,
        )
        if current is not None:
            new = replace(current, amount=entry.amount, decimals=entry.decimals, updated_by=s.user)
            new = replace(new, updated_at=None)
        change = ValueChange(key, new)
        overlay.add(change)
        return [change]

    def _plan_base_kind(self, row: EntryRow, text: str, overlay: Overlay) -> list[Change]:
        if clean(text):
            kind = cells.read_base_kind(text, self._kinds())  # refuses an unknown kind
            overlay.kinds[row.indicator.code] = kind.code
        return []  # nothing is stored: see setData

    def after_paste(self, overlay: Overlay) -> None:
        self._chosen_kinds.update(overlay.kinds)

    def setData(self, index: Any, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if index.isValid() and index.column() == Col.BASE_KIND:
            # The kind only says which base the next column shows and writes; it is
            # remembered for the row, and the row is read again so that the base of
            # that kind (if one is stored) appears.
            if self.check(index, str(value or "")) is not None:
                return super().setData(index, value, role)  # marks the refusal
            code = self.row_id(index.row())
            self.clear_refusal(index)
            if clean(str(value or "")):
                kind = cells.read_base_kind(str(value), self._kinds())
                self._chosen_kinds[code] = kind.code
            else:
                self._chosen_kinds.pop(code, None)
            self.refresh({code})
            self.accepted.emit(self.index(index.row(), index.column()))
            return True
        return super().setData(index, value, role)

    def _plan_base(
        self, row: EntryRow, text: str, convention: Convention, overlay: Overlay
    ) -> list[Change]:
        s, ind = self.session, row.indicator
        kind = row.base_kind
        if row.indicator.code in overlay.kinds:
            chosen = overlay.kinds[row.indicator.code]
            kind = next(k for k in self._kinds() if k.code == chosen)
            if row.base is not None and row.base.kind != chosen:
                row = replace(row, base=None)
        if kind is None:
            raise InputError("grid.base_kind_first")
        period = row.base.period if row.base is not None else s.period.year_period()
        key = BaseKey(ind.code, s.unit_uid, period, kind.code)
        current: Base | None = overlay.base(key, row.base)
        if not clean(text):
            return [] if current is None else [BaseChange(key, None)]
        entry = self._read(ind, text, convention)
        new = Base(
            ind.code,
            s.unit_uid,
            period,
            kind.code,
            entry.amount,
            entry.decimals,
            comment=current.comment if current else "",
            updated_by=s.user,
        )
        change = BaseChange(key, new)
        overlay.add(change)
        return [change]

    def plan_clear(self, row: EntryRow, column: int) -> list[Change]:
        col = Col(column)
        if col in (Col.VALUE, Col.PREVIOUS, Col.BASE):
            return self.plan(row, column, "", Convention.TYPED, Overlay())
        if col in (Col.QUALIFIER, Col.COMMENT) and row.entered is not None:
            return self.plan(row, column, "", Convention.TYPED, Overlay())
        return []

    def is_growth(self, row: EntryRow) -> bool:
        return row.indicator.kind is IndicatorKind.GROWTH

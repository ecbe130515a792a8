"""The figures of one grid row, read from the store: no Qt here.

A row is one indicator for the chosen unit and period: the figure as it would print
(``core.figures.resolve`` — typed, or the sum of the wards), the typed value itself
(with its status, qualifier and comment), the same period last year, the base the share
is computed against, and the plausibility concerns. Derived percentages are computed
from these by ``core.derived`` when a cell is drawn, so they follow every edit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from hbt_desktop.core.catalogue import BaseKind, Indicator, IndicatorKind
from hbt_desktop.core.derived import growth_pct, index_pct, share_pct
from hbt_desktop.core.figures import Figure, resolve
from hbt_desktop.core.periods import Period
from hbt_desktop.core.plausibility import Concern, check_figure, comparable_periods
from hbt_desktop.core.values import Base, Value
from hbt_desktop.store.source import StoreSource
from hbt_desktop.store.values import bases_for_indicators, values_for_indicators


@dataclass
class EntryRow:
    indicator: Indicator
    figure: Figure  # this period, as it would print
    entered: Value | None  # what was typed for this unit (None: summed or missing)
    previous: Figure  # same period last year, as it would print
    previous_entered: Value | None
    base: Base | None
    base_kind: BaseKind | None
    concerns: list[Concern] = field(default_factory=list)

    @property
    def share(self) -> Decimal | None:
        if self.indicator.kind is IndicatorKind.GROWTH or self.base is None:
            return None
        return share_pct(self.figure.amount, self.base.amount)

    @property
    def growth(self) -> Decimal | None:
        if self.indicator.kind is IndicatorKind.GROWTH:
            return None
        return growth_pct(self.figure.amount, self.previous.amount)

    @property
    def index(self) -> Decimal | None:
        if self.indicator.kind is IndicatorKind.GROWTH:
            return None
        return index_pct(self.figure.amount, self.previous.amount)


def choose_base(
    bases: dict[tuple[str, str, str], Base],
    indicator: str,
    period: Period,
    kinds: Sequence[BaseKind],
    wanted: str | None,
) -> tuple[Base | None, BaseKind | None]:
    """The base to show: of the kind the clerk chose for the row if any, else the first
    kind (catalogue order) that has one; the period's own base before the year's."""
    year = period.year_period()
    ordered = sorted(kinds, key=lambda k: (k.position, k.code))
    if wanted is not None:
        ordered = [k for k in ordered if k.code == wanted]
    for kind in ordered:
        for pid in (period.id, year.id):
            base = bases.get((indicator, pid, kind.code))
            if base is not None:
                return base, kind
    return None, (ordered[0] if wanted is not None and ordered else None)


def load_entry_rows(
    src: StoreSource,
    unit_uid: str,
    period: Period,
    codes: Sequence[str],
    chosen_kinds: dict[str, str],
) -> dict[str, EntryRow]:
    cat = src.catalogue
    last_year = period.same_period_last_year()
    earlier = comparable_periods(period)
    entered = values_for_indicators(src.db, unit_uid, period, codes)
    entered_before = values_for_indicators(src.db, unit_uid, last_year, codes)
    history = {p: values_for_indicators(src.db, unit_uid, p, codes) for p in earlier}
    bases = bases_for_indicators(src.db, unit_uid, [period, period.year_period()], codes)
    kinds = list(cat.base_kinds.values())
    rows: dict[str, EntryRow] = {}
    for code in codes:
        ind = cat.indicator(code)
        figure = resolve(src, code, unit_uid, period)
        previous = resolve(src, code, unit_uid, last_year)
        base, kind = choose_base(bases, code, period, kinds, chosen_kinds.get(code))
        concerns: list[Concern] = []
        if figure.amount is not None and figure.origin is not None:
            refs = [(p, history[p][code].amount) for p in earlier if code in history[p]]
            summed = None
            if figure.mismatch is not None:
                summed = figure.amount - figure.mismatch
            concerns = check_figure(
                ind,
                figure.amount,
                figure.decimals,
                earlier=refs,
                mismatch=figure.mismatch,
                sum_of_children=summed,
            )
        rows[code] = EntryRow(
            ind,
            figure,
            entered.get(code),
            previous,
            entered_before.get(code),
            base,
            kind,
            concerns,
        )
    return rows

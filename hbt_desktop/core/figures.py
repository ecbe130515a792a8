"""Resolving the figure to print for an indicator, a unit and a period.

Where a figure comes from is part of the figure:
- ``ENTERED``: a clerk typed (or imported) it for this unit;
- ``SUM``: the unit has none, the indicator is additive, and every child unit that
  existed in the period has one — the district total is then the sum of its wards.
  If some ward is missing the total is NOT printed as if complete: the figure is
  missing and names the wards that lack data;
- ``PREDECESSORS``: the unit did not exist yet (a merged ward, looking at last year) and
  its figure is built from its predecessors' records as the merger was recorded — whole
  predecessors fully, partial ones by their recorded share; without a share it cannot be
  computed and is missing. Such a figure carries a note for a footnote.
When a unit has both an entered figure and complete ward figures that differ, the entered
one is used and the difference is reported (``mismatch``) so it can be checked.

A figure built from an illustrative value (one whose comment says "Số minh họa": the
demo's reconstructed figures) is itself ``illustrative``, so that documents mark it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from typing import Protocol

from hbt_desktop.core.catalogue import Catalogue, Indicator, IndicatorKind
from hbt_desktop.core.periods import Period, format_period
from hbt_desktop.core.units import OrgUnit, Portion, UnitTree
from hbt_desktop.core.values import Base, Status, Value


class FigureSource(Protocol):
    """What resolution needs from storage; ``store.source.StoreSource`` implements it."""

    @property
    def catalogue(self) -> Catalogue: ...

    @property
    def units(self) -> UnitTree: ...

    def value(self, indicator: str, unit_uid: str, period: Period) -> Value | None: ...

    def values(
        self, indicator: str, unit_uids: Sequence[str], period: Period
    ) -> dict[str, Value]: ...

    def base(self, indicator: str, unit_uid: str, period: Period, kind: str) -> Base | None: ...


class Origin(StrEnum):
    ENTERED = "entered"
    SUM = "sum"
    PREDECESSORS = "predecessors"


# Ordered from firmest to least firm: a sum is only as firm as its weakest part.
_STATUS_ORDER = [Status.THUC_HIEN, Status.UOC, Status.DU_KIEN]


@dataclass(frozen=True)
class Figure:
    indicator: Indicator
    unit: OrgUnit
    period: Period
    amount: Decimal | None
    decimals: int = 0
    status: Status | None = None
    qualifier: str | None = None
    origin: Origin | None = None
    contributors: tuple[str, ...] = ()  # uids of the units summed
    missing: tuple[str, ...] = ()  # uids of units whose figure is needed but absent
    mismatch: Decimal | None = None  # entered − sum of children, when they differ
    note: str = ""
    illustrative: bool = False  # built from a value marked "số minh họa"

    @property
    def available(self) -> bool:
        return self.amount is not None

    @property
    def fingerprint_parts(self) -> tuple[str, ...]:
        """What identifies this figure's content, for the document fingerprint."""
        return (
            self.indicator.code,
            self.unit.uid,
            self.period.id,
            "" if self.amount is None else str(self.amount),
            self.status.value if self.status else "",
            self.qualifier or "",
            self.origin.value if self.origin else "",
        )


def _weakest(statuses: Sequence[Status]) -> Status:
    return max(statuses, key=_STATUS_ORDER.index)


def _from_value(ind: Indicator, unit: OrgUnit, period: Period, value: Value) -> Figure:
    return Figure(
        ind,
        unit,
        period,
        value.amount,
        value.decimals,
        value.status,
        value.qualifier,
        Origin.ENTERED,
        contributors=(unit.uid,),
        illustrative=value.illustrative,
    )


def resolve(src: FigureSource, indicator: str, unit_uid: str, period: Period) -> Figure:
    ind = src.catalogue.indicator(indicator)
    unit = src.units.get(unit_uid)
    entered = src.value(indicator, unit_uid, period)
    children = src.units.children(unit_uid, period.start, period.end) if ind.additive else []
    summed = _sum_children(src, ind, unit, period, children) if children else None

    if entered is not None:
        figure = _from_value(ind, unit, period, entered)
        if summed is not None and summed.available and summed.amount != entered.amount:
            assert summed.amount is not None
            return replace(figure, mismatch=entered.amount - summed.amount)
        return figure
    if summed is not None and (summed.available or summed.contributors):
        return summed
    if unit.predecessors and (unit.valid_from is None or period.start < unit.valid_from):
        return _from_predecessors(src, ind, unit, period)
    if summed is not None:
        return summed
    return Figure(ind, unit, period, None)


def _sum_children(
    src: FigureSource, ind: Indicator, unit: OrgUnit, period: Period, children: list[OrgUnit]
) -> Figure:
    found = src.values(ind.code, [c.uid for c in children], period)
    missing = tuple(c.uid for c in children if c.uid not in found)
    contributors = tuple(c.uid for c in children if c.uid in found)
    if missing or not found:
        return Figure(
            ind, unit, period, None, origin=Origin.SUM, contributors=contributors, missing=missing
        )
    values = list(found.values())
    return Figure(
        ind,
        unit,
        period,
        sum((v.amount for v in values), Decimal(0)),
        max(v.decimals for v in values),
        _weakest([v.status for v in values]),
        None,
        Origin.SUM,
        contributors=contributors,
        illustrative=any(v.illustrative for v in values),
    )


def _from_predecessors(src: FigureSource, ind: Indicator, unit: OrgUnit, period: Period) -> Figure:
    total = Decimal(0)
    statuses: list[Status] = []
    missing: list[str] = []
    contributors: list[str] = []
    decimals = 0
    illustrative = False
    for pred in unit.predecessors:
        figure = resolve(src, ind.code, pred.uid, period)
        if figure.amount is None or figure.status is None:
            missing.append(pred.uid)
            continue
        if pred.portion is Portion.PART:
            if pred.share is None:
                missing.append(pred.uid)
                continue
            total += figure.amount * pred.share
        else:
            total += figure.amount
        contributors.append(pred.uid)
        illustrative = illustrative or figure.illustrative
        statuses.append(figure.status)
        decimals = max(decimals, figure.decimals)
    names = ", ".join(src.units.get(uid).full_name for uid in contributors)
    note = (
        f"Số liệu {format_period(period)} của {unit.full_name} được tính từ số liệu của "
        f"các đơn vị trước khi sắp xếp: {names}."
    )
    if missing or not contributors:
        return Figure(
            ind,
            unit,
            period,
            None,
            origin=Origin.PREDECESSORS,
            contributors=tuple(contributors),
            missing=tuple(missing),
            note=note,
        )
    if ind.kind is IndicatorKind.MONEY:
        total = total.quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return Figure(
        ind,
        unit,
        period,
        total,
        decimals,
        _weakest(statuses),
        None,
        Origin.PREDECESSORS,
        contributors=tuple(contributors),
        note=note,
        illustrative=illustrative,
    )


def resolve_base(
    src: FigureSource, indicator: str, unit_uid: str, period: Period, kind: str
) -> Base | None:
    """The base of ``kind`` that applies to a figure of ``period``.

    Targets are assigned for a year ("dự toán năm 2023") and compared with figures of any
    part of it ("đạt 34% so với dự toán" for revenue to 15/2): a base recorded for the
    period itself wins, otherwise the year's.
    """
    own = src.base(indicator, unit_uid, period, kind)
    if own is not None:
        return own
    year = period.year_period()
    return None if year == period else src.base(indicator, unit_uid, year, kind)

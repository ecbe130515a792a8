"""The indicator catalogue: sectors, indicators and kinds of base, all as data.

An indicator says what a figure is and how to treat it: its kind decides how values are
stored and worded (money is integer đồng; a growth rate is worded "tăng …"/"giảm …"),
``aggregation`` whether the district figure is the sum of its wards, ``comparisons``
which derived figures make sense (a share of the estimate, growth against last year, an
index). ``decimals`` is the value's own printed precision where it has one (money in
decimal tỷ, "70,759 tỷ đồng"; a typed figure keeps the precision it was typed with) and
``pct_decimals`` that of the derived percentages ("đạt 34%", "bằng 88,8%").

A base (``BaseKind``) is a target or estimate assigned by someone — "dự toán TP giao",
"kế hoạch năm" — against which a value's share is computed. Clerks add sectors,
indicators and kinds of base from a documented file or the catalogue screen.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from hbt_desktop.core.errors import DataError, InputError
from hbt_desktop.core.money import MoneyFormat, MoneyStyle
from hbt_desktop.core.text import clean


class IndicatorKind(StrEnum):
    MONEY = "money"  # integer đồng
    NUMBER = "number"  # a quantity with a unit label: người, giải, vụ, doanh nghiệp
    PERCENT = "percent"  # a level in percent: tỷ lệ hồ sơ đúng hạn 98,5%
    GROWTH = "growth"  # a typed growth rate in percent, worded "tăng"/"giảm"


class Aggregation(StrEnum):
    SUM = "sum"  # the district figure is the sum of its wards
    NONE = "none"  # rates, averages: a district figure must be entered


class Comparison(StrEnum):
    SHARE = "share"  # đạt 34% so với dự toán
    GROWTH = "growth"  # tăng 59% so với cùng kỳ
    INDEX = "index"  # bằng 125,4% so với cùng kỳ
    COUNT_OF = "count_of"  # 20/20 chỉ tiêu
    POINTS = "points"  # tăng 2,5 điểm phần trăm (for percent levels)


_ALLOWED_COMPARISONS = {
    IndicatorKind.MONEY: {Comparison.SHARE, Comparison.GROWTH, Comparison.INDEX},
    IndicatorKind.NUMBER: {
        Comparison.SHARE,
        Comparison.GROWTH,
        Comparison.INDEX,
        Comparison.COUNT_OF,
    },
    IndicatorKind.PERCENT: {Comparison.POINTS, Comparison.SHARE},
    IndicatorKind.GROWTH: set(),
}


_MONEY_STYLES_WITH_DECIMALS = {MoneyStyle.TY_DECIMAL, MoneyStyle.NGHIN_TY, MoneyStyle.TRIEU}


@dataclass(frozen=True)
class Sector:
    code: str
    name: str
    position: int = 0
    retired_from: date | None = None


@dataclass(frozen=True)
class BaseKind:
    """A kind of target or estimate and who assigns it.

    ``name`` is the phrase printed in full ("dự toán TP và HĐND quận giao"), ``short``
    the phrase when the context makes the assigner clear ("dự toán").
    """

    code: str
    name: str
    short: str
    assigner: str = ""
    position: int = 0
    retired_from: date | None = None


@dataclass(frozen=True)
class Indicator:
    code: str
    name: str
    sector: str
    kind: IndicatorKind
    unit_label: str  # "đồng", "%", "người", "giải", "chỉ tiêu"
    decimals: int = 0
    pct_decimals: int = 0
    aggregation: Aggregation = Aggregation.SUM
    comparisons: frozenset[Comparison] = frozenset()
    money_style: MoneyStyle = MoneyStyle.TY_TRIEU
    position: int = 0
    description: str = ""
    retired_from: date | None = None

    @property
    def money_format(self) -> MoneyFormat:
        # Only decimal tỷ, nghìn tỷ and triệu print decimals; the others are whole units.
        decimals = self.decimals if self.money_style in _MONEY_STYLES_WITH_DECIMALS else 0
        return MoneyFormat(style=self.money_style, decimals=decimals)

    @property
    def additive(self) -> bool:
        return self.aggregation is Aggregation.SUM

    def active_on(self, day: date) -> bool:
        return self.retired_from is None or day < self.retired_from


@dataclass
class Catalogue:
    sectors: dict[str, Sector] = field(default_factory=dict)
    indicators: dict[str, Indicator] = field(default_factory=dict)
    base_kinds: dict[str, BaseKind] = field(default_factory=dict)

    def indicator(self, code: str) -> Indicator:
        try:
            return self.indicators[code]
        except KeyError:
            raise DataError("catalogue.unknown_indicator", code=code) from None

    def base_kind(self, code: str) -> BaseKind:
        try:
            return self.base_kinds[code]
        except KeyError:
            raise DataError("catalogue.unknown_base_kind", code=code) from None

    def sector_list(self) -> list[Sector]:
        return sorted(self.sectors.values(), key=lambda s: (s.position, s.code))

    def indicators_of(self, sector: str) -> list[Indicator]:
        found = [i for i in self.indicators.values() if i.sector == sector]
        return sorted(found, key=lambda i: (i.position, i.code))


_CODE_CHARS = set("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")


def check_code(code: str) -> str:
    code = clean(code).upper()
    if not code or len(code) > 40 or not set(code) <= _CODE_CHARS:
        raise InputError("catalogue.bad_code", code=code)
    return code


def _choice(what: str, code: str, field: str, value: str, enum: type[StrEnum]) -> str:
    value = clean(value).lower()
    allowed = [member.value for member in enum]
    if value not in allowed:
        raise InputError(
            "catalogue.bad_choice",
            what=what,
            code=code,
            field=field,
            value=value,
            allowed=", ".join(allowed),
        )
    return value


def make_indicator(
    *,
    code: str,
    name: str,
    sector: str,
    kind: str,
    unit_label: str = "",
    decimals: int = 0,
    pct_decimals: int = 0,
    aggregation: str = "sum",
    comparisons: str | frozenset[Comparison] = "",
    money_style: str = "ty_trieu",
    position: int = 0,
    description: str = "",
    retired_from: date | None = None,
) -> Indicator:
    """Build an indicator from outside data, checking every field."""
    code = check_code(code)
    what = "Chỉ tiêu"
    name = clean(name)
    if not name:
        raise InputError("catalogue.missing_field", what=what, code=code, field="name")
    ikind = IndicatorKind(_choice(what, code, "kind", kind, IndicatorKind))
    for places in (decimals, pct_decimals):
        if not 0 <= places <= 6:
            raise InputError("catalogue.bad_decimals", code=code, value=places)
    if isinstance(comparisons, str):
        words = comparisons.replace(",", " ").split()
        comps = frozenset(
            Comparison(_choice(what, code, "comparisons", w, Comparison)) for w in words
        )
    else:
        comps = comparisons
    for comp in comps:
        if comp not in _ALLOWED_COMPARISONS[ikind]:
            raise InputError(
                "catalogue.bad_comparison", code=code, kind=ikind.value, comparison=comp.value
            )
    label = clean(unit_label) or {"money": "đồng", "percent": "%", "growth": "%"}.get(
        ikind.value, ""
    )
    return Indicator(
        code=code,
        name=name,
        sector=check_code(sector),
        kind=ikind,
        unit_label=label,
        decimals=decimals,
        pct_decimals=pct_decimals,
        aggregation=Aggregation(_choice(what, code, "aggregation", aggregation, Aggregation)),
        comparisons=comps,
        money_style=MoneyStyle(
            _choice(what, code, "money_style", money_style or "ty_trieu", MoneyStyle)
        ),
        position=position,
        description=clean(description),
        retired_from=retired_from,
    )


def make_sector(
    *, code: str, name: str, position: int = 0, retired_from: date | None = None
) -> Sector:
    code = check_code(code)
    name = clean(name)
    if not name:
        raise InputError("catalogue.missing_field", what="Lĩnh vực", code=code, field="name")
    return Sector(code=code, name=name, position=position, retired_from=retired_from)


def make_base_kind(
    *,
    code: str,
    name: str,
    short: str = "",
    assigner: str = "",
    position: int = 0,
    retired_from: date | None = None,
) -> BaseKind:
    code = check_code(code)
    name = clean(name)
    if not name:
        raise InputError(
            "catalogue.missing_field", what="Loại chỉ tiêu giao", code=code, field="name"
        )
    return BaseKind(
        code=code,
        name=name,
        short=clean(short) or name,
        assigner=clean(assigner),
        position=position,
        retired_from=retired_from,
    )

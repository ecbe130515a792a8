"""Narrative templates: clerk-written text in which figures are placeholders.

A section of a bulletin is text such as::

    {% set thu = so_lieu("NS_THU_DIA_BAN", "2023YTD02@20230215") %}
    Tính đến 15/2/2023, tổng số thu ngân sách trên địa bàn quận là {{ thu }},
    {{ thu.so_voi("DT_TP_HDND_Q", ten="ngắn") }} và {{ thu.tang_truong() }}.

rendered with today's figures: "… là 4.115 tỷ 081 triệu đồng, đạt 34% so với dự toán
và tăng 59% so với cùng kỳ." Changing the figure changes every sentence that uses it.
The placeholders are documented for clerks, in Vietnamese, in docs/mau-van-ban.md.

Safety: the text comes from people, so it is rendered by Jinja2's
``SandboxedEnvironment``, narrowed further: only the statements a sentence needs
(``{{ … }}``, ``{% set %}``, ``{% if %}``) are allowed — no loops, macros, includes or
imports — and template code can reach only the attributes listed in ``_ALLOWED`` of the
objects handed to it, never a database, a file or Python internals.

A figure that is missing renders as a visible marker (``[thiếu số liệu: …]``) and is
listed as a warning: never blank, ``None`` or a crash.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import Any

import jinja2
from jinja2 import TemplateSyntaxError, Undefined, nodes
from jinja2.sandbox import SandboxedEnvironment

from hbt_desktop.core.catalogue import BaseKind, IndicatorKind
from hbt_desktop.core.dates import format_date
from hbt_desktop.core.derived import growth_pct, index_pct, points_diff, share_pct
from hbt_desktop.core.errors import HbtError
from hbt_desktop.core.figures import Figure, FigureSource, resolve, resolve_base
from hbt_desktop.core.i18n import register
from hbt_desktop.core.money import format_money
from hbt_desktop.core.numbers import format_decimal, format_percent
from hbt_desktop.core.periods import Period, format_cutoff_period, format_period, parse_period
from hbt_desktop.core.text import clean
from hbt_desktop.core.units import OrgUnit
from hbt_desktop.core.wording import (
    format_count_of,
    format_growth,
    format_index,
    format_points,
    format_share,
)

register(
    {
        "narrative.syntax": {
            "vi": "Mẫu văn bản có lỗi ở dòng {line}: {detail}",
            "en": "The template has an error on line {line}: {detail}",
        },
        "narrative.forbidden": {
            "vi": "Mẫu văn bản dùng câu lệnh «{what}» không được phép; chỉ dùng {{{{ … }}}}, "
            "{{% set %}} và {{% if %}}.",
            "en": "The template uses «{what}», which is not allowed; use only {{{{ … }}}}, "
            "{{% set %}} and {{% if %}}.",
        },
        "narrative.too_long": {
            "vi": "Mẫu văn bản quá dài ({length} ký tự, tối đa {limit}).",
            "en": "The template is too long ({length} characters, at most {limit}).",
        },
    }
)

log = logging.getLogger(__name__)

MAX_TEMPLATE_CHARS = 50_000
MAX_OUTPUT_CHARS = 200_000
MISSING_OPEN, MISSING_CLOSE = "[", "]"


@dataclass(frozen=True)
class Problem:
    """Something a clerk should fix before printing, shown beside the editor."""

    kind: str  # "missing", "unknown_indicator", "unknown_base", "bad_period", "undefined", "error"
    text: str  # Vietnamese, one sentence


@dataclass
class RenderResult:
    text: str
    problems: list[Problem] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)  # in order of first use
    comparisons: dict[tuple[str, str, str], list[str]] = field(default_factory=dict)
    # Footnotes the printed text needs, e.g. "same period last year" computed from the
    # predecessors of a merged unit.
    notes: list[str] = field(default_factory=list)

    @property
    def paragraphs(self) -> tuple[str, ...]:
        """Paragraphs are separated by line breaks in the rendered text."""
        return tuple(p for p in (line.strip() for line in self.text.split("\n")) if p)


class TemplateError(HbtError):
    """The template itself cannot be used (syntax, forbidden statement, size)."""


def _marker(text: str) -> str:
    return f"{MISSING_OPEN}{text}{MISSING_CLOSE}"


class _Context:
    """Everything a render needs; never handed to template code itself."""

    def __init__(self, src: FigureSource, unit: OrgUnit, period: Period) -> None:
        self.src = src
        self.unit = unit
        self.period = period
        self.result = RenderResult("")
        self._seen: set[tuple[str, str, str]] = set()

    def problem(self, kind: str, text: str) -> str:
        if all(p.text != text for p in self.result.problems):
            self.result.problems.append(Problem(kind, text))
        return _marker(text)

    def use(self, figure: Figure) -> None:
        key = (figure.indicator.code, figure.unit.uid, figure.period.id)
        if key not in self._seen:
            self._seen.add(key)
            self.result.figures.append(figure)

    def note_comparison(self, figure: Figure, phrase: str) -> None:
        key = (figure.indicator.code, figure.unit.uid, figure.period.id)
        phrases = self.result.comparisons.setdefault(key, [])
        if phrase not in phrases:
            phrases.append(phrase)


def _places(value: object, default: int) -> int:
    if value is None:
        return default
    if isinstance(value, int) and 0 <= value <= 6:
        return value
    raise ValueError("so_le phải là số nguyên từ 0 đến 6")


def format_figure_value(figure: Figure, *, with_qualifier: bool = True) -> str:
    """The figure's own amount, worded for running text (without comparisons)."""
    ind = figure.indicator
    amount = figure.amount
    assert amount is not None
    qualifier = figure.qualifier if with_qualifier else None
    if ind.kind is IndicatorKind.MONEY:
        return format_money(int(amount), ind.money_format, qualifier=qualifier)
    prefix = f"{qualifier} " if qualifier else ""
    if ind.kind is IndicatorKind.GROWTH:
        return prefix + format_growth(amount, figure.decimals, against="")
    if ind.kind is IndicatorKind.PERCENT:
        return prefix + format_percent(amount, figure.decimals)
    label = f" {ind.unit_label}" if ind.unit_label else ""
    return prefix + format_decimal(amount, figure.decimals) + label


class FigureView:
    """What a template sees of one figure: ``{{ thu }}``, ``{{ thu.so_voi("DT_TP") }}``…

    Names are Vietnamese without accents so clerks can type them on any keyboard.
    """

    def __init__(self, ctx: _Context, figure: Figure) -> None:
        self._ctx = ctx
        self._figure = figure
        ctx.use(figure)

    # -- helpers (underscore names are invisible to templates) -----------------------
    def _missing(self) -> str:
        f = self._figure
        where = f"{f.indicator.name} – {format_cutoff_period(f.period)}"
        if f.unit.uid != self._ctx.unit.uid:
            where += f" – {f.unit.full_name}"
        if f.missing:
            names = ", ".join(self._ctx.src.units.get(uid).name for uid in f.missing[:5])
            more = f" và {len(f.missing) - 5} đơn vị khác" if len(f.missing) > 5 else ""
            return self._ctx.problem("missing", f"thiếu số liệu: {where} (chưa có: {names}{more})")
        return self._ctx.problem("missing", f"thiếu số liệu: {where}")

    def _previous(self) -> Figure:
        f = self._figure
        previous = resolve(
            self._ctx.src, f.indicator.code, f.unit.uid, f.period.same_period_last_year()
        )
        if previous.available and previous.note and previous.note not in self._ctx.result.notes:
            self._ctx.result.notes.append(previous.note)
        return previous

    def _comparison_missing(self, what: str) -> str:
        f = self._figure
        return self._ctx.problem(
            "missing",
            f"thiếu {what}: {f.indicator.name} – {format_cutoff_period(f.period)}",
        )

    def _base(self, ma_goc: str) -> tuple[Decimal, BaseKind] | str:
        """The base of kind ``ma_goc`` for this figure, or the marker saying why not."""
        f = self._figure
        try:
            kind = self._ctx.src.catalogue.base_kind(clean(str(ma_goc)).upper())
        except HbtError:
            return self._ctx.problem("unknown_base", f"không có loại chỉ tiêu giao {ma_goc}")
        base = resolve_base(self._ctx.src, f.indicator.code, f.unit.uid, f.period, kind.code)
        if base is None:
            year = format_period(f.period.year_period())
            return self._ctx.problem("missing", f"thiếu {kind.name} {year}: {f.indicator.name}")
        return base.amount, kind

    # -- what templates may use ----------------------------------------------------
    def __str__(self) -> str:
        if not self._figure.available:
            return self._missing()
        return format_figure_value(self._figure)

    def __html__(self) -> str:  # Jinja calls this only with autoescape; kept for safety
        return str(self)

    @property
    def gia_tri(self) -> str:
        return str(self)

    @property
    def so(self) -> str:
        """The number alone: "11,7%", "215", "4.115 tỷ 081 triệu đồng" (no qualifier)."""
        f = self._figure
        if not f.available:
            return self._missing()
        assert f.amount is not None
        if f.indicator.kind in (IndicatorKind.GROWTH, IndicatorKind.PERCENT):
            return format_percent(
                abs(f.amount) if f.indicator.kind is IndicatorKind.GROWTH else f.amount, f.decimals
            )
        if f.indicator.kind is IndicatorKind.MONEY:
            return format_figure_value(f, with_qualifier=False)
        return format_decimal(f.amount, f.decimals)

    @property
    def ky(self) -> str:
        """The figure's period: "quý I/2023", "tính đến 15/2/2023"."""
        return format_cutoff_period(self._figure.period)

    @property
    def ky_dau_cau(self) -> str:
        """The period capitalised to open a sentence: "Tính đến 15/2/2023"."""
        text = self.ky
        return text[:1].upper() + text[1:]

    @property
    def ten(self) -> str:
        return self._figure.indicator.name

    @property
    def co_so_lieu(self) -> bool:
        return self._figure.available

    @property
    def cung_ky(self) -> FigureView:
        return FigureView(self._ctx, self._previous())

    def ty_le(self, ma_goc: str, so_le: int | None = None) -> str:
        """The share of a base as a bare percentage: "34%"."""
        f = self._figure
        if not f.available:
            return self._missing()
        found = self._base(ma_goc)
        if isinstance(found, str):
            return found
        pct = share_pct(f.amount, found[0])
        if pct is None:
            return self._comparison_missing("chỉ tiêu giao khác 0")
        return format_percent(pct, _places(so_le, f.indicator.pct_decimals))

    def so_voi(
        self,
        ma_goc: str,
        ten: str = "đầy đủ",
        dong_tu: str = "đạt",
        so_le: int | None = None,
        co_so_voi: bool = True,
    ) -> str:
        """ "đạt 34% so với dự toán TP và HĐND quận giao"; ``ten="ngắn"`` → "… so với dự toán"."""
        f = self._figure
        if not f.available:
            return self._missing()
        found = self._base(ma_goc)
        if isinstance(found, str):
            return found
        base, kind = found
        pct = share_pct(f.amount, base)
        if pct is None:
            return self._comparison_missing("chỉ tiêu giao khác 0")
        name = kind.short if clean(ten).lower() in ("ngắn", "ngan", "short") else kind.name
        phrase = format_share(
            pct,
            _places(so_le, f.indicator.pct_decimals),
            base=name,
            verb=dong_tu,
            so_voi=co_so_voi,
        )
        self._ctx.note_comparison(f, phrase)
        return phrase

    def tang_truong(self, so_voi: str = "cùng kỳ", so_le: int | None = None) -> str:
        """Growth against the same period last year: "tăng 59% so với cùng kỳ"."""
        f = self._figure
        if not f.available:
            return self._missing()
        if f.indicator.kind is IndicatorKind.GROWTH:
            assert f.amount is not None
            phrase = format_growth(f.amount, _places(so_le, f.decimals), against=so_voi)
        else:
            previous = self._previous()
            if not previous.available:
                return self._comparison_missing("số liệu cùng kỳ")
            pct = growth_pct(f.amount, previous.amount)
            if pct is None:
                return self._comparison_missing("số liệu cùng kỳ khác 0")
            phrase = format_growth(pct, _places(so_le, f.indicator.pct_decimals), against=so_voi)
        self._ctx.note_comparison(f, phrase)
        return phrase

    def chi_so(self, so_voi: str = "cùng kỳ", so_le: int | None = None) -> str:
        """The same comparison as an index: "bằng 125,4% so với cùng kỳ"."""
        f = self._figure
        if not f.available:
            return self._missing()
        assert f.amount is not None
        if f.indicator.kind is IndicatorKind.GROWTH:
            pct: Decimal | None = f.amount + 100
            places = _places(so_le, f.decimals)
        else:
            previous = self._previous()
            if not previous.available:
                return self._comparison_missing("số liệu cùng kỳ")
            pct = index_pct(f.amount, previous.amount)
            places = _places(so_le, f.indicator.pct_decimals)
        if pct is None:
            return self._comparison_missing("số liệu cùng kỳ khác 0")
        phrase = format_index(pct, places, against=so_voi)
        self._ctx.note_comparison(f, phrase)
        return phrase

    def tren_tong(self, ma_goc: str = "CHI_TIEU", don_vi_tinh: str | None = None) -> str:
        """Targets met: "20/20 chỉ tiêu"."""
        f = self._figure
        if not f.available:
            return self._missing()
        found = self._base(ma_goc)
        if isinstance(found, str):
            return found
        assert f.amount is not None
        label = f.indicator.unit_label if don_vi_tinh is None else clean(don_vi_tinh)
        phrase = format_count_of(int(f.amount), int(found[0]), label)
        self._ctx.note_comparison(f, phrase)
        return phrase

    def diem(self, so_le: int | None = None) -> str:
        """A rate against last year in percentage points: "tăng 2,5 điểm phần trăm"."""
        f = self._figure
        if not f.available:
            return self._missing()
        previous = self._previous()
        diff = points_diff(f.amount, previous.amount)
        if diff is None:
            return self._comparison_missing("số liệu cùng kỳ")
        return format_points(diff, _places(so_le, f.decimals))


_ALLOWED: dict[type, set[str]] = {
    FigureView: {
        "gia_tri",
        "so",
        "ky",
        "ky_dau_cau",
        "ten",
        "co_so_lieu",
        "cung_ky",
        "ty_le",
        "so_voi",
        "tang_truong",
        "chi_so",
        "tren_tong",
        "diem",
    },
}
# Statements a sentence needs; anything else (loops, macros, imports…) is refused.
_ALLOWED_NODES: tuple[type[nodes.Node], ...] = (
    nodes.Template,
    nodes.Output,
    nodes.TemplateData,
    nodes.Assign,
    nodes.If,
    nodes.Name,
    nodes.Const,
    nodes.Getattr,
    nodes.Call,
    nodes.Keyword,
    nodes.CondExpr,
    nodes.Compare,
    nodes.Operand,
    nodes.Not,
    nodes.And,
    nodes.Or,
    nodes.Concat,
    nodes.Tuple,
    nodes.List,
)


class _MarkedUndefined(Undefined):
    """An unknown name prints as a visible marker instead of nothing."""

    def __str__(self) -> str:
        return _marker(f"chưa rõ: {self._undefined_name}")


# Harmless text methods a clerk may want ("{{ ten_don_vi.upper() }}"); nothing that can be
# asked to build a huge string (center, ljust, zfill, format…) or reach an object.
_STRING_METHODS = {"upper", "lower", "capitalize", "title", "strip"}


class _Environment(SandboxedEnvironment):
    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        for kind, names in _ALLOWED.items():
            if isinstance(obj, kind):
                return attr in names
        if isinstance(obj, str):
            return attr in _STRING_METHODS
        return False


_ENV = _Environment(
    autoescape=False,
    undefined=_MarkedUndefined,
    keep_trailing_newline=False,
    trim_blocks=True,
    lstrip_blocks=True,
)
_ENV.filters.clear()
_ENV.tests.clear()
_ENV.globals.clear()


def check_template(text: str) -> None:
    """Raise :class:`TemplateError` if ``text`` cannot be used as a template."""
    _compiled(clean(text))


@lru_cache(maxsize=512)
def _compiled(text: str) -> jinja2.Template:
    """Check and compile once per distinct text: the same sections are rendered again at
    every preview keystroke and every print."""
    if len(text) > MAX_TEMPLATE_CHARS:
        raise TemplateError("narrative.too_long", length=len(text), limit=MAX_TEMPLATE_CHARS)
    try:
        tree = _ENV.parse(text)
    except TemplateSyntaxError as exc:
        raise TemplateError("narrative.syntax", line=exc.lineno, detail=exc.message) from exc
    for node in tree.find_all(nodes.Node):
        if not isinstance(node, _ALLOWED_NODES):
            raise TemplateError("narrative.forbidden", what=type(node).__name__)
    return _ENV.from_string(tree)


def render(text: str, src: FigureSource, unit: OrgUnit, period: Period) -> RenderResult:
    """Render a clerk's template for ``unit`` and ``period`` (the document's).

    Never raises for content problems: they become markers and ``problems``. A template
    that cannot be parsed raises :class:`TemplateError` (the editor shows it).
    """
    template = _compiled(clean(text))
    ctx = _Context(src, unit, period)
    try:
        output = template.render(_globals(ctx))
    except (jinja2.TemplateError, TypeError, ValueError, ArithmeticError) as exc:
        # A wrong argument ("so_le='x'"), a blocked attribute: the clerk sees where,
        # the rest of the document still prints.
        log.info("template could not be rendered: %s", exc)
        output = ctx.problem("error", f"mẫu không hiển thị được: {exc}")
    ctx.result.text = clean(output)[:MAX_OUTPUT_CHARS]
    return ctx.result


def _globals(ctx: _Context) -> dict[str, object]:
    period, unit = ctx.period, ctx.unit
    # Counted on the period's last day: "làm việc với 18 phường".
    children = ctx.src.units.children(unit.uid, period.nominal_end)

    def so_lieu(ma: str, ky: str | None = None, don_vi: str | None = None) -> FigureView | str:
        """A figure: ``so_lieu("NS_THU_DIA_BAN")`` for the document's period and unit,
        ``so_lieu("NS_THU_DIA_BAN", "quý I/2023")`` for another period,
        ``so_lieu(…, don_vi="00241")`` for another unit (by code)."""
        code = clean(str(ma)).upper()
        if code not in ctx.src.catalogue.indicators:
            return ctx.problem("unknown_indicator", f"không có chỉ tiêu {code}")
        try:
            when = parse_period(str(ky)) if ky else period
        except HbtError as exc:
            return ctx.problem("bad_period", f"kỳ «{ky}» không đọc được: {exc.message}")
        target = unit
        if don_vi:
            try:
                target = ctx.src.units.by_code(str(don_vi), when.nominal_end)
            except HbtError as exc:
                return ctx.problem("bad_unit", exc.message)
        return FigureView(ctx, resolve(ctx.src, code, target.uid, when))

    functions: dict[str, Callable[..., object]] = {"so_lieu": so_lieu}
    return {
        **functions,
        "ky": format_period(period),
        "ky_day_du": format_cutoff_period(period),
        "nam": period.year,
        "don_vi": unit.full_name,
        "ten_don_vi": unit.name,
        "so_don_vi_truc_thuoc": len(children),
        "so_phuong": len([c for c in children if c.kind.value == "phường"]),
        "ngay_cuoi_ky": format_date(period.end),
    }

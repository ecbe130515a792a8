"""What a clerk's template sees of a figure, and the only text it may print.

``so_lieu(…)`` in a template gives a :class:`FigureView`; ``{{ thu }}``,
``{{ thu.so_voi('DT_TP') }}``, ``{{ thu.tien('nghìn tỷ', 'hơn') }}`` … word it through the
formatters of ``core`` and return :class:`Formatted` text. The narrative prints nothing
else (``narrative._finalize``): a method written without its parentheses, a number or a
word typed inside ``{{ }}`` or a yes/no value is refused with a Vietnamese sentence
instead of reaching an official document as ``<bound method …>`` or ``True``.

Each piece of formatted text remembers the figure and the period it speaks of, so that the
narrative can check that a figure of another period than the document's is printed with
its own period in the same sentence (``core.period_claims``).

Names are Vietnamese without accents so that clerks can type them on any keyboard; they
are documented for clerks in docs/mau-van-ban.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from hbt_desktop.core.catalogue import BaseKind, IndicatorKind
from hbt_desktop.core.derived import growth_pct, index_pct, points_diff, share_pct
from hbt_desktop.core.errors import HbtError, InputError
from hbt_desktop.core.figures import Figure, FigureSource, resolve, resolve_base
from hbt_desktop.core.i18n import register
from hbt_desktop.core.money import (
    format_money,
    money_style_from_words,
    printed_dong,
    qualifier_holds,
)
from hbt_desktop.core.numbers import QUALIFIERS, format_decimal, format_percent, round_half_up
from hbt_desktop.core.periods import Period, format_cutoff_period, format_period
from hbt_desktop.core.text import clean
from hbt_desktop.core.units import OrgUnit
from hbt_desktop.core.values import Base
from hbt_desktop.core.wording import (
    format_count_of,
    format_growth,
    format_index,
    format_points,
    format_share,
    name_with_period,
)

register(
    {
        "narrative.bad_places": {
            "vi": "so_le phải là số nguyên từ 0 đến 6, không phải «{value}».",
            "en": "so_le must be a whole number from 0 to 6, not «{value}».",
        },
        "narrative.not_money": {
            "vi": "«tien» chỉ dùng cho chỉ tiêu tính bằng tiền; «{name}» tính bằng {unit}.",
            "en": "«tien» is only for money indicators; «{name}» is counted in {unit}.",
        },
        "narrative.bad_qualifier": {
            "vi": "Từ chỉ mức «{word}» không dùng được; dùng một trong: {allowed}.",
            "en": "The qualifier «{word}» cannot be used; use one of: {allowed}.",
        },
        "narrative.false_qualifier": {
            "vi": "Viết «{text}» là không đúng với số liệu {exact} của {name}; hãy bỏ từ "
            "«{word}», đổi từ khác hoặc đổi cách viết.",
            "en": "Writing «{text}» is not true of the figure {exact} of {name}; drop "
            "«{word}», choose another word or another style.",
        },
        "narrative.fall_as_number": {
            "vi": "{name} {period} là mức giảm ({text}); «.so» chỉ in độ lớn nên chữ «tăng» "
            "trong câu có thể sai: hãy viết {{{{ … }}}} hoặc .tang_truong() để có chữ "
            "«giảm».",
            "en": "{name} {period} is a fall ({text}); «.so» prints only the size, so a "
            "word «tăng» in the sentence may be wrong: write {{{{ … }}}} or .tang_truong() "
            "to get «giảm».",
        },
        "narrative.count_not_whole": {
            "vi": "{name} ({amount}) không phải số nguyên nên không viết được dạng «…/…».",
            "en": "{name} ({amount}) is not a whole number, so it cannot be written «…/…».",
        },
    }
)

ILLUSTRATIVE = "số minh họa"
MISSING_OPEN, MISSING_CLOSE = "[", "]"


class Role(StrEnum):
    VALUE = "value"  # the figure itself or a comparison of it: needs its period
    LABEL = "label"  # the name of a period: "quý I/2023", "tính đến 15/2/2023"
    TEXT = "text"  # anything else the program wrote: a name, a count of wards
    MARKER = "marker"  # "[thiếu số liệu: …]", already a problem


class Formatted(str):
    """Text one of the program's formatters wrote for a template.

    Only this (and a figure view, which is worded on output) may be printed. ``figure``
    and ``period`` say what the text speaks of; ``relation`` is ``"cung_ky"`` for the
    figure of the same period last year, which "cùng kỳ" in the sentence labels.
    """

    figure: Figure | None
    period: Period | None
    role: Role
    relation: str

    def __new__(
        cls,
        text: str,
        role: Role = Role.TEXT,
        *,
        figure: Figure | None = None,
        period: Period | None = None,
        relation: str = "",
    ) -> Formatted:
        made = super().__new__(cls, text)
        made.figure = figure
        made.period = period if period is not None else figure.period if figure else None
        made.role = role
        made.relation = relation
        return made

    def _same(self, text: str) -> Formatted:
        return Formatted(
            text, self.role, figure=self.figure, period=self.period, relation=self.relation
        )

    # The text methods templates may call keep the text's provenance.
    def upper(self) -> Formatted:
        return self._same(str.upper(self))

    def lower(self) -> Formatted:
        return self._same(str.lower(self))

    def capitalize(self) -> Formatted:
        return self._same(str.capitalize(self))

    def title(self) -> Formatted:
        return self._same(str.title(self))

    def strip(self, chars: str | None = None) -> Formatted:
        return self._same(str.strip(self, chars))


@dataclass(frozen=True)
class Problem:
    """Something a clerk should fix before printing, shown beside the editor."""

    # "missing", "unknown_indicator", "unknown_base", "bad_period", "bad_unit",
    # "undefined", "forbidden", "call", "unformatted", "error", "period"
    kind: str
    text: str  # Vietnamese, one sentence


@dataclass
class RenderResult:
    text: str
    problems: list[Problem] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)  # printed, in order of first use
    comparisons: dict[tuple[str, str, str], list[str]] = field(default_factory=dict)
    # Footnotes the printed text needs, e.g. "same period last year" computed from the
    # predecessors of a merged unit.
    notes: list[str] = field(default_factory=list)

    @property
    def paragraphs(self) -> tuple[str, ...]:
        """Paragraphs are separated by line breaks in the rendered text."""
        return tuple(p for p in (line.strip() for line in self.text.split("\n")) if p)


def figure_key(figure: Figure) -> tuple[str, str, str]:
    return (figure.indicator.code, figure.unit.uid, figure.period.id)


class RenderContext:
    """Everything one render needs; never handed to template code itself."""

    def __init__(self, src: FigureSource, unit: OrgUnit, period: Period) -> None:
        self.src = src
        self.unit = unit
        self.period = period
        self.result = RenderResult("")
        self._used: set[tuple[str, str, str]] = set()

    def problem(self, kind: str, text: str) -> Formatted:
        """Record a problem once; the marker to print in its place."""
        if all(p.text != text for p in self.result.problems):
            self.result.problems.append(Problem(kind, text))
        return Formatted(f"{MISSING_OPEN}{text}{MISSING_CLOSE}", Role.MARKER)

    def printed(self, piece: Formatted) -> None:
        """A piece reached the output: its figure is one the document shows."""
        figure = piece.figure
        if piece.role is not Role.VALUE or figure is None or piece.relation:
            return
        key = figure_key(figure)
        if figure.available and key not in self._used:
            self._used.add(key)
            self.result.figures.append(figure)

    def note_comparison(self, figure: Figure, phrase: str) -> None:
        phrases = self.result.comparisons.setdefault(figure_key(figure), [])
        if phrase not in phrases:
            phrases.append(phrase)


def places(value: object, default: int) -> int:
    if value is None:
        return default
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 6:
        return value
    raise InputError("narrative.bad_places", value=value)


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


def figure_period_name(figure: Figure) -> str:
    """ "quý I/2023", "tính đến 15/2/2023": how a figure's period is written."""
    return format_cutoff_period(figure.period)


class FigureView:
    """``{{ thu }}``, ``{{ thu.so_voi("DT_TP") }}`` … for one figure."""

    def __init__(self, ctx: RenderContext, figure: Figure, relation: str = "") -> None:
        self._ctx = ctx
        self._figure = figure
        self._relation = relation

    # -- helpers (underscore names are invisible to templates) -----------------------
    def _text(self, text: str, role: Role = Role.VALUE) -> Formatted:
        return Formatted(text, role, figure=self._figure, relation=self._relation)

    def _value(self, text: str) -> Formatted:
        """The figure's own amount; an illustrative one says so wherever it prints."""
        if self._figure.illustrative:
            text = f"{text} ({ILLUSTRATIVE})"
        return self._text(text)

    def _missing(self) -> Formatted:
        f = self._figure
        where = f"{f.indicator.name} – {figure_period_name(f)}"
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

    def _comparison_missing(self, what: str) -> Formatted:
        f = self._figure
        return self._ctx.problem(
            "missing", f"thiếu {what}: {f.indicator.name} – {figure_period_name(f)}"
        )

    def _base(self, ma_goc: str) -> tuple[Base, BaseKind] | Formatted:
        """The base of kind ``ma_goc`` for this figure, or the marker saying why not (the
        figure or the base is missing, there is no such kind)."""
        f = self._figure
        if not f.available:
            return self._missing()
        try:
            kind = self._ctx.src.catalogue.base_kind(clean(str(ma_goc)).upper())
        except HbtError:
            return self._ctx.problem("unknown_base", f"không có loại chỉ tiêu giao {ma_goc}")
        base = resolve_base(self._ctx.src, f.indicator.code, f.unit.uid, f.period, kind.code)
        if base is None:
            year = format_period(f.period.year_period())
            return self._ctx.problem(
                "missing", f"thiếu {name_with_period(kind.name, year)}: {f.indicator.name}"
            )
        return base, kind

    def _phrase(self, phrase: str) -> Formatted:
        self._ctx.note_comparison(self._figure, phrase)
        return self._text(phrase)

    def _checked_qualifier(self, text: str, qualifier: str, dong: int, printed: int) -> None:
        strict = qualifier != self._figure.qualifier
        if not qualifier_holds(qualifier, dong, printed, strict=strict):
            raise InputError(
                "narrative.false_qualifier",
                text=text,
                word=qualifier,
                exact=format_money(dong),
                name=self._figure.indicator.name,
            )

    # -- what templates may use ----------------------------------------------------
    def __str__(self) -> str:
        return self.gia_tri

    @property
    def gia_tri(self) -> Formatted:
        f = self._figure
        if not f.available:
            return self._missing()
        text = format_figure_value(f)
        if f.indicator.kind is IndicatorKind.MONEY and f.qualifier:
            assert f.amount is not None
            dong = int(f.amount)
            self._checked_qualifier(
                text, f.qualifier, dong, printed_dong(dong, f.indicator.money_format)
            )
        return self._value(text)

    @property
    def so(self) -> Formatted:
        """The number alone: "11,7%", "215", "4.115 tỷ 081 triệu đồng" (no qualifier)."""
        f = self._figure
        if not f.available:
            return self._missing()
        assert f.amount is not None
        kind = f.indicator.kind
        if kind is IndicatorKind.GROWTH:
            if round_half_up(f.amount, f.decimals) < 0:
                # The magnitude of a fall next to a clerk's "tăng" would print a false
                # sentence: only the phrases that choose the word may print a fall.
                raise InputError(
                    "narrative.fall_as_number",
                    name=f.indicator.name,
                    period=figure_period_name(f),
                    text=format_growth(f.amount, f.decimals, against=""),
                )
            return self._value(format_percent(f.amount, f.decimals))
        if kind is IndicatorKind.PERCENT:
            return self._value(format_percent(f.amount, f.decimals))
        if kind is IndicatorKind.MONEY:
            return self._value(format_figure_value(f, with_qualifier=False))
        return self._value(format_decimal(f.amount, f.decimals))

    def tien(
        self, cach_viet: str = "tỷ triệu", tu_chi_muc: str | None = None, so_le: int | None = None
    ) -> Formatted:
        """Money in the style of this sentence: ``tien('nghìn tỷ', 'hơn')`` → "hơn 1 nghìn
        tỷ đồng", ``tien('tỷ')`` → "1.012 tỷ đồng", ``tien('tỷ', so_le=3)`` → "70,759 tỷ
        đồng". Without ``tu_chi_muc`` the qualifier typed with the figure is kept; either
        must stay true of the rounded amount."""
        f = self._figure
        if not f.available:
            return self._missing()
        if f.indicator.kind is not IndicatorKind.MONEY:
            raise InputError(
                "narrative.not_money", name=f.indicator.name, unit=f.indicator.unit_label
            )
        fmt = money_style_from_words(str(cach_viet), None if so_le is None else places(so_le, 0))
        qualifier = f.qualifier
        if tu_chi_muc is not None and clean(str(tu_chi_muc)):
            qualifier = clean(str(tu_chi_muc)).lower()
            if qualifier not in QUALIFIERS:
                raise InputError(
                    "narrative.bad_qualifier", word=tu_chi_muc, allowed=", ".join(QUALIFIERS)
                )
        assert f.amount is not None
        dong = int(f.amount)
        text = format_money(dong, fmt, qualifier=qualifier)
        if qualifier:
            self._checked_qualifier(text, qualifier, dong, printed_dong(dong, fmt))
        return self._value(text)

    def khi_bang_0(self, cau: str | None = None) -> Formatted:
        """The figure, or for a count that is 0 the usual wording: ``khi_bang_0()`` →
        "không phát sinh trường hợp nào", ``khi_bang_0('không phát sinh vi phạm mới')``."""
        f = self._figure
        if not f.available:
            return self._missing()
        assert f.amount is not None
        if round_half_up(f.amount, f.decimals).is_zero():
            label = f.indicator.unit_label or "trường hợp"
            return self._value(clean(str(cau)) if cau else f"không phát sinh {label} nào")
        return self.gia_tri

    @property
    def ky(self) -> Formatted:
        """The figure's period: "quý I/2023", "tính đến 15/2/2023"."""
        return self._text(figure_period_name(self._figure), Role.LABEL)

    @property
    def ky_dau_cau(self) -> Formatted:
        """The period capitalised to open a sentence: "Tính đến 15/2/2023"."""
        text = figure_period_name(self._figure)
        return self._text(text[:1].upper() + text[1:], Role.LABEL)

    @property
    def ten(self) -> Formatted:
        return self._text(self._figure.indicator.name, Role.TEXT)

    @property
    def co_so_lieu(self) -> bool:
        return self._figure.available

    @property
    def cung_ky(self) -> FigureView:
        return FigureView(self._ctx, self._previous(), relation="cung_ky")

    def _share(self, ma_goc: str) -> tuple[Decimal, BaseKind] | Formatted:
        """The figure as a percent of its base of kind ``ma_goc``, or the marker why not."""
        found = self._base(ma_goc)
        if isinstance(found, Formatted):
            return found
        pct = share_pct(self._figure.amount, found[0].amount)
        if pct is None:
            return self._comparison_missing("chỉ tiêu giao khác 0")
        return pct, found[1]

    def ty_le(self, ma_goc: str, so_le: int | None = None) -> Formatted:
        """The share of a base as a bare percentage: "34%"."""
        found = self._share(ma_goc)
        if isinstance(found, Formatted):
            return found
        pct = found[0]
        return self._text(format_percent(pct, places(so_le, self._figure.indicator.pct_decimals)))

    def so_voi(
        self,
        ma_goc: str,
        ten: str = "đầy đủ",
        dong_tu: str = "đạt",
        so_le: int | None = None,
        co_so_voi: bool = True,
    ) -> Formatted:
        """ "đạt 34% so với dự toán TP và HĐND quận giao"; ``ten="ngắn"`` → "… so với dự
        toán"; ``dong_tu="vượt"`` → "vượt 5% so với dự toán" for 105%."""
        found = self._share(ma_goc)
        if isinstance(found, Formatted):
            return found
        pct, kind = found
        name = kind.short if clean(str(ten)).lower() in ("ngắn", "ngan", "short") else kind.name
        return self._phrase(
            format_share(
                pct,
                places(so_le, self._figure.indicator.pct_decimals),
                base=name,
                verb=str(dong_tu),
                so_voi=bool(co_so_voi),
            )
        )

    def tang_truong(self, so_voi: str = "cùng kỳ", so_le: int | None = None) -> Formatted:
        """Growth against the same period last year: "tăng 59% so với cùng kỳ"."""
        f = self._figure
        if not f.available:
            return self._missing()
        if f.indicator.kind is IndicatorKind.GROWTH:
            assert f.amount is not None
            return self._phrase(format_growth(f.amount, places(so_le, f.decimals), against=so_voi))
        previous = self._previous()
        if not previous.available:
            return self._comparison_missing("số liệu cùng kỳ")
        pct = growth_pct(f.amount, previous.amount)
        if pct is None:
            return self._comparison_missing("số liệu cùng kỳ khác 0")
        return self._phrase(
            format_growth(pct, places(so_le, f.indicator.pct_decimals), against=so_voi)
        )

    def chi_so(self, so_voi: str = "cùng kỳ", so_le: int | None = None) -> Formatted:
        """The same comparison as an index: "bằng 125,4% so với cùng kỳ"."""
        f = self._figure
        if not f.available:
            return self._missing()
        assert f.amount is not None
        if f.indicator.kind is IndicatorKind.GROWTH:
            pct: Decimal | None = f.amount + 100
            digits = places(so_le, f.decimals)
        else:
            previous = self._previous()
            if not previous.available:
                return self._comparison_missing("số liệu cùng kỳ")
            pct = index_pct(f.amount, previous.amount)
            digits = places(so_le, f.indicator.pct_decimals)
        if pct is None:
            return self._comparison_missing("số liệu cùng kỳ khác 0")
        return self._phrase(format_index(pct, digits, against=so_voi))

    def tren_tong(self, ma_goc: str = "CHI_TIEU", don_vi_tinh: str | None = None) -> Formatted:
        """Targets met: "20/20 chỉ tiêu"."""
        f = self._figure
        found = self._base(ma_goc)
        if isinstance(found, Formatted):
            return found
        label = f.indicator.unit_label if don_vi_tinh is None else clean(str(don_vi_tinh))
        counts = []
        for amount in (f.amount, found[0].amount):
            assert amount is not None
            if amount != amount.to_integral_value():
                raise InputError(
                    "narrative.count_not_whole",
                    name=f.indicator.name,
                    amount=format_decimal(amount, f.decimals),
                )
            counts.append(int(amount))
        phrase = format_count_of(counts[0], counts[1], label)
        # It prints both amounts: marked like the figures when either is illustrative.
        if f.illustrative or found[0].illustrative:
            phrase = f"{phrase} ({ILLUSTRATIVE})"
        return self._phrase(phrase)

    def diem(self, so_le: int | None = None) -> Formatted:
        """A rate against last year in percentage points: "tăng 2,5 điểm phần trăm"."""
        f = self._figure
        if not f.available:
            return self._missing()
        previous = self._previous()
        diff = points_diff(f.amount, previous.amount)
        if diff is None:
            return self._comparison_missing("số liệu cùng kỳ")
        return self._phrase(format_points(diff, places(so_le, f.decimals)))


# What template code may reach of a figure view: nothing else (no underscores, no
# Python attributes). The list is also what the editor offers and the docs describe.
VIEW_NAMES = frozenset(
    {
        "gia_tri",
        "so",
        "tien",
        "khi_bang_0",
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
    }
)


class MarkerView:
    """What ``so_lieu`` gives when it cannot give a figure (unknown code, bad period):
    every use of it prints the same marker, so one mistake is one problem."""

    def __init__(self, marker: Formatted) -> None:
        self._marker = marker

    @property
    def marker(self) -> Formatted:
        return self._marker

    def __str__(self) -> str:
        return self._marker

    def __getattr__(self, name: str) -> object:
        if name == "co_so_lieu":
            return False
        if name == "cung_ky" or name not in VIEW_NAMES:
            return self
        marker = self._marker

        def same_marker(*_: object, **__: object) -> Formatted:
            return marker

        return same_marker if name not in ("gia_tri", "so", "ky", "ky_dau_cau", "ten") else marker

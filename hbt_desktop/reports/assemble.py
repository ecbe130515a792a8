"""From the database to page content: the bridge between figures and the PDF builders.

Renders the document's templates with today's figures, gathers the key figures and the
charts from the figures the text used, builds the appendix tables by ward, and stamps
every page with a fingerprint of the figures read. The builders then only lay out.

Everything printed here is worded by ``core`` (formatters, narrative); nothing formats a
number on its own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from sqlite_utils import Database

from hbt_desktop.core.catalogue import Indicator, IndicatorKind
from hbt_desktop.core.dates import format_decree_date, format_draft_date, format_place_date
from hbt_desktop.core.derived import index_pct, share_pct
from hbt_desktop.core.documents import DocumentSpec
from hbt_desktop.core.figures import Figure, Origin, resolve, resolve_base
from hbt_desktop.core.narrative import Problem, RenderResult, format_figure_value, render
from hbt_desktop.core.numbers import format_decimal, to_roman
from hbt_desktop.core.periods import Period, format_cutoff_period, format_period
from hbt_desktop.core.starter import issuer_lines, place_of, starter_document, starter_sections
from hbt_desktop.core.text import clean
from hbt_desktop.core.units import OrgUnit
from hbt_desktop.core.values import Status
from hbt_desktop.reports import content as c
from hbt_desktop.reports.decree30_text import outline_numbers
from hbt_desktop.store.documents import load_document
from hbt_desktop.store.source import StoreSource
from hbt_desktop.store.values import all_bases, indicators_with_values, values_in_year

TRIEU = Decimal(1_000_000)
TY = Decimal(1_000_000_000)
WARD_COLUMNS_PER_TABLE = 5
DASH = "–"


@dataclass
class Assembly:
    """Shared state of one build: the source (which records what was read) and problems."""

    db: Database
    unit: OrgUnit
    period: Period
    doc: DocumentSpec
    src: StoreSource
    problems: list[Problem] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    comparisons: dict[tuple[str, str, str], list[str]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # footnotes from the rendered text
    drafted: bool = False  # True when no document was stored and a draft was made

    def render(self, template: str) -> RenderResult:
        result = render(template, self.src, self.unit, self.period)
        for problem in result.problems:
            if problem not in self.problems:
                self.problems.append(problem)
        known = {(f.indicator.code, f.unit.uid, f.period.id) for f in self.figures}
        for figure in result.figures:
            key = (figure.indicator.code, figure.unit.uid, figure.period.id)
            if key not in known:
                known.add(key)
                self.figures.append(figure)
        for key, phrases in result.comparisons.items():
            mine = self.comparisons.setdefault(key, [])
            mine += [p for p in phrases if p not in mine]
        self.notes += [n for n in result.notes if n not in self.notes]
        return result

    def line(self, template: str) -> str:
        return " ".join(self.render(template).paragraphs)


def open_assembly(db: Database, unit_uid: str, period: Period) -> Assembly:
    src = StoreSource(db)
    unit = src.units.get(unit_uid)
    doc = load_document(db, unit_uid, period)
    drafted = doc is None
    if doc is None:
        doc = draft_document(db, src, unit, period)
    return Assembly(db, unit, period, doc, src, drafted=drafted)


def draft_document(db: Database, src: StoreSource, unit: OrgUnit, period: Period) -> DocumentSpec:
    values = values_in_year(db, unit.uid, period.year)
    bases = [b for b in all_bases(db) if b.unit_uid == unit.uid and b.period.year == period.year]
    previous = {
        (v.indicator, v.period.id)
        for v in values
        if resolve(src, v.indicator, unit.uid, v.period.same_period_last_year()).available
    }
    sections = starter_sections(src.catalogue, period, values, bases, previous)
    return starter_document(unit, period, sections)


def _footer(asm: Assembly, printed_at: datetime) -> c.Footer:
    return c.Footer(
        fingerprint=asm.src.fingerprint(),
        printed_at=f"{printed_at:%H:%M} {printed_at.day}/{printed_at.month}/{printed_at.year}",
        readings=asm.src.readings(),
        unit_uid=asm.unit.uid,
        period_id=asm.period.id,
    )


# -- bulletin -------------------------------------------------------------------------


def bulletin_content(
    db: Database,
    unit_uid: str,
    period: Period,
    *,
    printed_at: datetime | None = None,
) -> tuple[c.BulletinContent, list[Problem]]:
    asm = open_assembly(db, unit_uid, period)
    doc = asm.doc
    headline = asm.line(doc.title) if doc.title else format_period(period)
    lead = asm.line(doc.lead)
    sections = []
    for spec in doc.sections:
        if not spec.in_bulletin:
            continue
        photos = tuple(
            c.Photo(p.image, p.caption) for p in doc.photos if p.section_position == spec.position
        )
        sections.append(
            c.Section(spec.heading, asm.render(spec.template).paragraphs, spec.level, photos=photos)
        )
    loose = tuple(c.Photo(p.image, p.caption) for p in doc.photos if p.section_position is None)
    if loose:
        sections.append(c.Section("", (), 1, photos=loose))
    key_figures = tuple(_key_figure(asm, f) for f in asm.figures if f.available)
    charts = _charts(asm)
    notes = tuple(_origin_notes(asm))
    issuer = " ".join(issuer_lines(asm.unit))
    content = c.BulletinContent(
        masthead=doc.masthead or f"BẢN TIN {issuer}",
        issue_line=doc.issue_line or format_period(period),
        headline=headline,
        lead=lead,
        sections=tuple(sections),
        key_figures_title=f"Số liệu chính {format_period(period)}",
        key_figures=key_figures,
        charts=charts,
        footer=_footer(asm, printed_at or datetime.now()),
        notes=notes,
    )
    return content, asm.problems


def _key_figure(asm: Assembly, figure: Figure) -> c.KeyFigure:
    key = (figure.indicator.code, figure.unit.uid, figure.period.id)
    label = f"{figure.indicator.name} ({format_cutoff_period(figure.period)})"
    if figure.unit.uid != asm.unit.uid:
        label += f" – {figure.unit.full_name}"
    value = format_figure_value(figure)
    phrases = asm.comparisons.get(key, [])
    if figure.indicator.kind is IndicatorKind.GROWTH:
        # A growth figure already reads "tăng 11,7%": repeating it as a note adds nothing.
        phrases = [p for p in phrases if not p.startswith(value)]
    return c.KeyFigure(
        label=label,
        value=f"{_status_word(figure)} {value}".strip(),
        note="; ".join(phrases),
    )


def _status_word(figure: Figure) -> str:
    """ "ước" / "dự kiến" before an amount; nothing for an actual figure."""
    if figure.status is None or figure.status is Status.THUC_HIEN:
        return ""
    return "ước" if figure.status is Status.UOC else figure.status.label


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _origin_notes(asm: Assembly, *, sums: bool = True) -> list[str]:
    """Where printed figures came from when it is not plain entry: a sum of the wards
    (left to the appendix footnotes in the report: ``sums=False``), a merged unit's
    predecessors, a district figure that differs from its wards."""
    notes = list(asm.notes)
    for figure in asm.figures:
        if figure.origin is Origin.SUM and figure.available and sums:
            notes.append(
                f"{figure.indicator.name} ({format_cutoff_period(figure.period)}) của "
                f"{figure.unit.full_name} là tổng số liệu của {len(figure.contributors)} "
                "đơn vị trực thuộc."
            )
        elif figure.origin is Origin.PREDECESSORS and figure.note and figure.note not in notes:
            notes.append(figure.note)
        if figure.mismatch is not None:
            notes.append(
                f"Lưu ý: {figure.indicator.name} ({format_cutoff_period(figure.period)}) do "
                f"{figure.unit.full_name} nhập khác tổng các đơn vị trực thuộc "
                f"{format_decimal(figure.mismatch, figure.decimals)} {figure.indicator.unit_label}."
            )
    return notes


def _charts(asm: Assembly) -> tuple[c.BarChart, ...]:
    charts: list[c.BarChart] = []
    money: dict[str, list[Figure]] = {}
    growth: list[Figure] = []
    for figure in asm.figures:
        if not figure.available or figure.unit.uid != asm.unit.uid:
            continue
        if figure.indicator.kind is IndicatorKind.MONEY:
            money.setdefault(figure.indicator.code, []).append(figure)
        elif figure.indicator.kind is IndicatorKind.GROWTH:
            growth.append(figure)
    for figures in money.values():
        charts.append(_money_chart(asm, figures))
    if growth:
        values = tuple(f.amount for f in growth)
        charts.append(
            c.BarChart(
                title=f"Tốc độ tăng so với cùng kỳ, {format_period(asm.period)}",
                unit_label="%",
                categories=tuple(f.indicator.name for f in growth),
                series=(c.ChartSeries(format_period(asm.period), values),),
                value_labels=(
                    tuple(format_decimal(f.amount or 0, f.decimals) + "%" for f in growth),
                ),
            )
        )
    return tuple(charts)


def _money_chart(asm: Assembly, figures: list[Figure]) -> c.BarChart:
    ind = figures[0].indicator
    previous = [
        resolve(asm.src, ind.code, f.unit.uid, f.period.same_period_last_year()) for f in figures
    ]

    def in_ty(amount: Decimal | None) -> Decimal | None:
        return None if amount is None else amount / TY

    def label(amount: Decimal | None) -> str:
        return "" if amount is None else format_decimal(amount / TY, 0)

    this_year = tuple(in_ty(f.amount) for f in figures)
    last_year = tuple(in_ty(p.amount) for p in previous)
    series = [c.ChartSeries(f"Năm {asm.period.year}", this_year)]
    labels = [tuple(label(f.amount) for f in figures)]
    if any(v is not None for v in last_year):
        series.append(c.ChartSeries(f"Cùng kỳ năm {asm.period.year - 1}", last_year))
        labels.append(tuple(label(p.amount) for p in previous))
    notes = []
    for kind in asm.src.catalogue.base_kinds.values():
        base = resolve_base(asm.src, ind.code, asm.unit.uid, asm.period.year_period(), kind.code)
        if base is not None:
            notes.append(
                f"{kind.name[:1].upper()}{kind.name[1:]} năm {asm.period.year}: "
                f"{format_figure_value(_as_figure(figures[0], base.amount))}."
            )
    return c.BarChart(
        title=f"{ind.name} (tỷ đồng)",
        unit_label="tỷ đồng",
        categories=tuple(
            _capital(f"{_status_word(f)} {format_cutoff_period(f.period)}".strip()) for f in figures
        ),
        series=tuple(series),
        value_labels=tuple(labels),
        note=" ".join(notes),
    )


def _as_figure(figure: Figure, amount: Decimal) -> Figure:
    from dataclasses import replace

    return replace(figure, amount=amount, qualifier=None)


# -- Decree 30 report -------------------------------------------------------------------


def report_content(
    db: Database,
    unit_uid: str,
    period: Period,
    *,
    printed_at: datetime | None = None,
) -> tuple[c.ReportContent, list[Problem]]:
    asm = open_assembly(db, unit_uid, period)
    doc = asm.doc
    specs = [spec for spec in doc.sections if spec.in_report]
    parts = []
    for spec, number in zip(specs, outline_numbers([s.level for s in specs]), strict=True):
        heading = f"{number} {spec.heading}" if spec.heading else ""
        parts.append(c.Section(heading, asm.render(spec.template).paragraphs, spec.level))
    intro = asm.render(doc.intro).paragraphs if doc.intro else ()
    summary = asm.line(doc.summary) if doc.summary else format_period(period)
    notes = _origin_notes(asm, sums=False)
    if notes:
        parts.append(c.Section("Ghi chú", tuple(notes), 2))
    appendices = _appendices(asm, doc)
    if appendices:
        parts.append(c.Section("", (_appendix_sentence(asm, doc, appendices),), 1))
    signature = _signature(db, doc)
    content = c.ReportContent(
        parent_body="",
        issuer=issuer_lines(asm.unit),
        number_symbol=doc.number_symbol,
        place_date=format_place_date(
            doc.place or place_of(asm.unit), doc.issue_date, year=period.year
        ),
        doc_type="BÁO CÁO",
        summary=summary,
        intro=intro,
        parts=tuple(parts),
        signature=signature,
        recipients=doc.recipients,
        appendices=appendices,
        footer=_footer(asm, printed_at or datetime.now()),
        kinh_gui=doc.kinh_gui,
        # Until the number, the date and the signer are set, the report is a draft.
        draft=not (clean(doc.number) and doc.issue_date and clean(signature.name)),
    )
    return content, asm.problems


_PHU_LUC = re.compile(r"\{\{\s*phu_luc\s*\}\}")


def _appendix_sentence(asm: Assembly, doc: DocumentSpec, appendices: Sequence[c.Appendix]) -> str:
    """The body's pointer to the appendices (Decree 30: a report with appendices says so
    in its text): the clerk's sentence, where ``{{ phu_luc }}`` is "Phụ lục I, II"."""
    labels = "Phụ lục " + ", ".join(a.label.removeprefix("Phụ lục ") for a in appendices)
    template = doc.appendix_note or "Số liệu chi tiết tại {{ phu_luc }} kèm theo."
    return asm.line(_PHU_LUC.sub(labels, template))


def _signature(db: Database, doc: DocumentSpec) -> c.Signature:
    """The leader who approved the unit's period signs; before approval, the document's
    own signer fields (a draft)."""
    from hbt_desktop.store.approval import approval_for

    approved = approval_for(db, doc.unit_uid, doc.period)
    if approved is not None:
        return c.Signature(
            authority=approved.signer_authority or doc.signer_authority,
            title=approved.signer_title or doc.signer_title,
            name=approved.signer_name,
        )
    return c.Signature(authority=doc.signer_authority, title=doc.signer_title, name=doc.signer_name)


def _appendices(asm: Assembly, doc: DocumentSpec) -> tuple[c.Appendix, ...]:
    # The full date and the issuer's full name (Decree 30, phụ lục); a draft's blanks.
    number = doc.number_symbol.removeprefix("Số:").lstrip(" ")  # a draft's blank stays
    when = (
        format_decree_date(doc.issue_date) if doc.issue_date else format_draft_date(asm.period.year)
    )
    reference = f"(Kèm theo Báo cáo số {number} {when} của Ủy ban nhân dân {asm.unit.full_name})"
    appendices: list[c.Appendix] = []
    main = _main_table(asm)
    if main is not None:
        appendices.append(
            c.Appendix(
                label=f"Phụ lục {to_roman(len(appendices) + 1)}",
                title=f"MỘT SỐ CHỈ TIÊU CHỦ YẾU {format_period(asm.period).upper()}",
                subtitle=reference,
                tables=(main,),
            )
        )
    wards = _ward_tables(asm)
    if wards:
        appendices.append(
            c.Appendix(
                label=f"Phụ lục {to_roman(len(appendices) + 1)}",
                title=f"SỐ LIỆU THEO ĐƠN VỊ TRỰC THUỘC {format_period(asm.period).upper()}",
                subtitle=reference,
                tables=tuple(wards),
            )
        )
    return tuple(appendices)


def _unit_label(figure: Figure) -> str:
    ind = figure.indicator
    if ind.kind is IndicatorKind.MONEY:
        return "triệu đồng"
    return ind.unit_label


def _table_number(figure: Figure, amount: Decimal | None) -> str:
    """A figure in a table cell: money in triệu đồng, grouped; others as typed."""
    if amount is None:
        return DASH
    if figure.indicator.kind is IndicatorKind.MONEY:
        return format_decimal(amount / TRIEU, 0)
    return format_decimal(amount, figure.decimals)


def _main_table(asm: Assembly) -> c.Table | None:
    figures = [f for f in asm.figures if f.unit.uid == asm.unit.uid]
    if not figures:
        return None
    rows = []
    for number, figure in enumerate(figures, start=1):
        ind = figure.indicator
        previous = None
        if ind.kind is not IndicatorKind.GROWTH:
            previous = resolve(
                asm.src, ind.code, asm.unit.uid, figure.period.same_period_last_year()
            )
        base_cell, share_cell = DASH, DASH
        for kind in sorted(asm.src.catalogue.base_kinds.values(), key=lambda k: k.position):
            base = resolve_base(asm.src, ind.code, asm.unit.uid, figure.period, kind.code)
            if base is not None:
                base_cell = _table_number(figure, base.amount)
                pct = share_pct(figure.amount, base.amount)
                share_cell = DASH if pct is None else format_decimal(pct, ind.pct_decimals)
                break
        index_cell = DASH
        if previous is not None and previous.available:
            pct = index_pct(figure.amount, previous.amount)
            index_cell = DASH if pct is None else format_decimal(pct, ind.pct_decimals)
        status = figure.status.label if figure.status else ""
        rows.append(
            (
                str(number),
                ind.name,
                _unit_label(figure),
                f"{format_cutoff_period(figure.period)}" + (f" ({status})" if status else ""),
                _table_number(figure, figure.amount),
                _table_number(figure, previous.amount if previous else None),
                index_cell,
                base_cell,
                share_cell,
            )
        )
    return c.Table(
        title="",
        header=(
            (
                "STT",
                "Chỉ tiêu",
                "Đơn vị tính",
                "Kỳ",
                "Số liệu",
                "Cùng kỳ năm trước",
                "So cùng kỳ (%)",
                "Chỉ tiêu giao",
                "So chỉ tiêu giao (%)",
            ),
        ),
        rows=tuple(rows),
        align=(c.Align.CENTER, c.Align.LEFT, c.Align.CENTER, c.Align.LEFT) + (c.Align.RIGHT,) * 5,
        col_widths_mm=(9, 58, 17, 30, 24, 24, 17, 24, 17),
        footnotes=("Số tiền tính bằng triệu đồng; (–): chưa có số liệu.",),
        landscape=True,
    )


def _ward_tables(asm: Assembly) -> list[c.Table]:
    period = asm.period
    children = asm.src.units.children(asm.unit.uid, period.start, period.nominal_end)
    if not children:
        return []
    additive = [i for i in _indicators_with_child_values(asm, children) if i.additive]
    tables: list[c.Table] = []
    for start in range(0, len(additive), WARD_COLUMNS_PER_TABLE):
        chunk = additive[start : start + WARD_COLUMNS_PER_TABLE]
        totals = [resolve(asm.src, ind.code, asm.unit.uid, period) for ind in chunk]
        per_child = [asm.src.values(ind.code, [u.uid for u in children], period) for ind in chunk]
        rows = []
        for number, child in enumerate(children, start=1):
            cells = []
            for figure, found in zip(totals, per_child, strict=True):
                value = found.get(child.uid)
                cells.append(_table_number(figure, value.amount if value else None))
            rows.append((str(number), child.name, *cells))
        rows.append(
            ("", f"Toàn {asm.unit.kind.value}", *(_table_number(t, t.amount) for t in totals))
        )
        notes = []
        for figure in totals:
            if figure.origin is Origin.SUM and figure.available:
                notes.append(
                    f"{figure.indicator.name}: tổng của {len(figure.contributors)}/{len(children)} đơn vị."
                )
            elif figure.origin is Origin.ENTERED:
                note = f"{figure.indicator.name}: số do {asm.unit.full_name} nhập"
                if figure.mismatch is not None:
                    note += f", khác tổng các đơn vị {_table_number(figure, figure.mismatch)}"
                notes.append(note + ".")
            elif figure.missing:
                notes.append(
                    f"{figure.indicator.name}: chưa đủ số liệu của {len(figure.missing)} đơn vị."
                )
        header = (("STT", "Đơn vị", *(f"{f.indicator.name} ({_unit_label(f)})" for f in totals)),)
        tables.append(
            c.Table(
                title=f"Bảng {len(tables) + 1}",
                header=header,
                rows=tuple(rows),
                align=(c.Align.CENTER, c.Align.LEFT) + (c.Align.RIGHT,) * len(chunk),
                bold_rows=frozenset({len(rows) - 1}),
                footnotes=tuple(notes),
            )
        )
    return tables


def _indicators_with_child_values(asm: Assembly, children: Sequence[OrgUnit]) -> list[Indicator]:
    cat = asm.src.catalogue
    codes = indicators_with_values(asm.db, [u.uid for u in children], asm.period)
    found = [cat.indicators[code] for code in codes if code in cat.indicators]
    return sorted(found, key=lambda i: (cat.sectors[i.sector].position, i.position, i.code))

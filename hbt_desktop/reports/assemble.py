"""From the database to page content: the bridge between figures and the PDF builders.

Renders the document's templates with today's figures, gathers the key figures and the
charts from the figures the text used, builds the appendix tables by ward, and stamps
every page with a fingerprint of the figures read. The builders then only lay out.

Everything printed here is worded by ``core`` (formatters, narrative); nothing formats a
number on its own. Periods are printed honestly: a draft holds only figures of the
document's own period; a key figure, a bar, a table row carries its own period; an
estimate is marked as one; a growth is worded "tăng"/"giảm" or given as an index, never
as a signed number; a figure marked "Số minh họa" (the demo's reconstructed ones) is kept
out of the key figures and marked wherever else it prints. Text that will be set in
paragraphs gets its no-break spaces here (``markup.bind_words``, ``markup.no_widow``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from decimal import Decimal
from functools import cached_property

from sqlite_utils import Database

from hbt_desktop.core.catalogue import Indicator, IndicatorKind
from hbt_desktop.core.dates import format_decree_date, format_draft_date, format_place_date
from hbt_desktop.core.derived import index_pct, share_pct
from hbt_desktop.core.document_fields import APPENDIX_NAMES
from hbt_desktop.core.documents import DocumentSpec
from hbt_desktop.core.figure_view import ILLUSTRATIVE, Problem, RenderResult, format_figure_value
from hbt_desktop.core.figures import Figure, Origin, resolve, resolve_base
from hbt_desktop.core.i18n import register, tr
from hbt_desktop.core.narrative import render
from hbt_desktop.core.numbers import format_decimal, to_roman
from hbt_desktop.core.periods import Period, format_cutoff_period, format_period
from hbt_desktop.core.starter import issuer_lines, place_of, starter_document, starter_sections
from hbt_desktop.core.text import clean
from hbt_desktop.core.units import OrgUnit
from hbt_desktop.core.values import Status
from hbt_desktop.core.wording import format_growth, name_with_period
from hbt_desktop.reports import content as c
from hbt_desktop.reports.decree30_text import outline_numbers
from hbt_desktop.reports.markup import bind_words, no_widow
from hbt_desktop.store.documents import load_document
from hbt_desktop.store.source import StoreSource
from hbt_desktop.store.values import all_bases, indicators_with_values, values_in_year

register(
    {
        "assemble.no_figures": {
            "vi": "Chưa có số liệu nào của {period} cho {unit}: bản nháp không có phần số liệu "
            "(số liệu của kỳ khác chỉ vào văn bản khi mẫu ghi rõ kỳ của nó).",
            "en": "There are no figures of {period} for {unit}: the draft has no figures "
            "(figures of another period enter a document only when a template names its "
            "period).",
        },
    }
)

TRIEU = Decimal(1_000_000)
TY = Decimal(1_000_000_000)
WARD_COLUMNS_PER_TABLE = 5
DASH = "–"
MARK = "*"  # after an illustrative figure in a table cell; the footnote says what it is
ILLUSTRATIVE_NOTE = f"{MARK} Số minh họa, không phải số liệu đã công bố."


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

    def render(self, template: str, names: Mapping[str, str] | None = None) -> RenderResult:
        result = render(template, self.src, self.unit, self.period, names)
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

    def line(self, template: str, names: Mapping[str, str] | None = None) -> str:
        return " ".join(self.render(template, names).paragraphs)

    @cached_property
    def names(self) -> tuple[str, ...]:
        """What must not break across lines: names of places ("Hai Bà Trưng") and the
        mark of an illustrative figure."""
        places = {u.name for u in self.src.units if " " in u.name}
        return (*sorted(places), ILLUSTRATIVE)

    def set_line(self, text: str) -> str:
        """A heading, a caption, a key figure: no-break spaces where a line must not end."""
        return bind_words(text, self.names)

    def set_body(self, paragraphs: Sequence[str]) -> tuple[str, ...]:
        """Body paragraphs: as :meth:`set_line`, and never one word alone on a last line."""
        return tuple(no_widow(self.set_line(p)) for p in paragraphs)


def open_assembly(db: Database, unit_uid: str, period: Period) -> Assembly:
    src = StoreSource(db)
    unit = src.units.get(unit_uid)
    doc = load_document(db, unit_uid, period)
    drafted = doc is None
    if doc is None:
        doc = draft_document(db, src, unit, period)
    asm = Assembly(db, unit, period, doc, src, drafted=drafted)
    if drafted and not doc.sections:
        text = tr("assemble.no_figures", "vi", period=format_period(period), unit=unit.full_name)
        asm.problems.append(Problem("no_figures", text))
    return asm


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
            c.Photo(p.image, asm.set_line(p.caption))
            for p in doc.photos
            if p.section_position == spec.position
        )
        paragraphs = asm.set_body(asm.render(spec.template).paragraphs)
        sections.append(
            c.Section(asm.set_line(spec.heading), paragraphs, spec.level, photos=photos)
        )
    loose = tuple(
        c.Photo(p.image, asm.set_line(p.caption)) for p in doc.photos if p.section_position is None
    )
    if loose:
        sections.append(c.Section("", (), 1, photos=loose))
    # An illustrative figure is no headline: the cards show published figures only.
    key_figures = tuple(
        _key_figure(asm, f) for f in asm.figures if f.available and not f.illustrative
    )
    charts = _charts(asm)
    notes = asm.set_body(_origin_notes(asm))
    issuer = " ".join(issuer_lines(asm.unit))
    content = c.BulletinContent(
        masthead=doc.masthead or f"BẢN TIN {issuer}",
        issue_line=doc.issue_line or format_period(period),
        headline=asm.set_line(headline),
        lead=asm.set_body((lead,))[0] if lead else "",
        sections=tuple(sections),
        key_figures_title=asm.set_line(f"Số liệu chính {format_period(period)}"),
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
        label=asm.set_line(label),
        value=asm.set_line(f"{_status_word(figure)} {value}".strip()),
        note=asm.set_line("; ".join(phrases)),
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
                f"{figure.unit.full_name} nhập {_difference(figure, figure.mismatch)} tổng "
                "các đơn vị trực thuộc."
            )
        if figure.illustrative and figure.available:
            notes.append(
                f"{figure.indicator.name} ({format_cutoff_period(figure.period)}) của "
                f"{figure.unit.full_name} là {ILLUSTRATIVE}, không phải số liệu đã công bố."
            )
    return notes


def _difference(figure: Figure, difference: Decimal) -> str:
    """ "lớn hơn 3 người" / "nhỏ hơn 4 tỷ 200 triệu đồng": a difference worded by its
    direction, never a signed number next to a word."""
    word = "lớn hơn" if difference > 0 else "nhỏ hơn"
    size = replace(figure, amount=abs(difference), qualifier=None)
    return f"{word} {format_figure_value(size)}"


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
        charts.append(_growth_chart(growth))
    return tuple(_set_chart(asm, chart) for chart in charts)


def _set_chart(asm: Assembly, chart: c.BarChart) -> c.BarChart:
    """A chart's words with the no-break spaces of the text ("2 tháng", "quý I/2023")."""
    return replace(
        chart,
        title=asm.set_line(chart.title),
        categories=tuple(asm.set_line(x) for x in chart.categories),
        series=tuple(replace(s, name=asm.set_line(s.name)) for s in chart.series),
        note=asm.set_line(chart.note),
    )


def _estimate(figure: Figure) -> str:
    """The status word of an estimate ("ước thực hiện", "dự kiến"); "" for an actual."""
    if figure.status is None or figure.status is Status.THUC_HIEN:
        return ""
    return figure.status.label


def _period_label(figure: Figure) -> str:
    """A bar's category: its own period, with the status of an estimate ("Ước quý I/2023")."""
    return _capital(f"{_status_word(figure)} {format_cutoff_period(figure.period)}".strip())


def _growth_chart(growth: list[Figure]) -> c.BarChart:
    """Growth against last year, worded on the bars ("tăng 11,7%", "giảm 1,25%") and said
    so in the title; the period is the figures' own (in the title when they share one,
    under each bar otherwise)."""
    periods = {f.period.id for f in growth}
    shared = growth[0].period if len(periods) == 1 else None
    title = "Tăng, giảm so với cùng kỳ năm trước (%)"
    if shared is not None:
        title += f", {format_cutoff_period(shared)}"
    categories = tuple(
        f.indicator.name if shared else f"{f.indicator.name} ({format_cutoff_period(f.period)})"
        for f in growth
    )
    name = _capital(format_cutoff_period(shared)) if shared else "Tăng, giảm so với cùng kỳ"
    return c.BarChart(
        title=title,
        unit_label="%",
        categories=categories,
        series=(
            c.ChartSeries(
                name,
                tuple(f.amount for f in growth),
                estimates=tuple(_estimate(f) for f in growth),
            ),
        ),
        value_labels=(tuple(format_growth(f.amount or 0, f.decimals, against="") for f in growth),),
    )


def _money_chart(asm: Assembly, figures: list[Figure]) -> c.BarChart:
    """One money indicator: a bar per figure the text printed, by its own period, beside
    the same period last year; estimates hatched; the year's targets in the note."""
    ind = figures[0].indicator
    previous = [
        resolve(asm.src, ind.code, f.unit.uid, f.period.same_period_last_year()) for f in figures
    ]

    def in_ty(amount: Decimal | None) -> Decimal | None:
        return None if amount is None else amount / TY

    def label(amount: Decimal | None) -> str:
        return "" if amount is None else format_decimal(amount / TY, 0)

    if len(figures) == 1:  # one bar pair: the legend names both periods exactly
        now = _capital(format_cutoff_period(figures[0].period))
        before = _capital(format_cutoff_period(previous[0].period))
    else:  # each bar's period is under it; the legend says which year
        now = f"Kỳ báo cáo năm {asm.period.year}"
        before = f"Cùng kỳ năm {asm.period.year - 1}"
    if any(p.illustrative for p in previous if p.available):
        before += f" ({ILLUSTRATIVE})"
    series = [
        c.ChartSeries(
            now, tuple(in_ty(f.amount) for f in figures), tuple(_estimate(f) for f in figures)
        )
    ]
    labels = [tuple(label(f.amount) for f in figures)]
    if any(p.available for p in previous):
        series.append(
            c.ChartSeries(
                before,
                tuple(in_ty(p.amount) for p in previous),
                tuple(_estimate(p) if p.available else "" for p in previous),
            )
        )
        labels.append(tuple(label(p.amount) for p in previous))
    notes = []
    year = asm.period.year_period()
    for kind in asm.src.catalogue.base_kinds.values():
        base = resolve_base(asm.src, ind.code, asm.unit.uid, year, kind.code)
        if base is not None:
            amount = format_figure_value(replace(figures[0], amount=base.amount, qualifier=None))
            mark = f" ({ILLUSTRATIVE})" if base.illustrative else ""
            notes.append(
                f"{_capital(name_with_period(kind.name, format_period(year)))}: {amount}{mark}."
            )
    return c.BarChart(
        title=f"{ind.name} (tỷ đồng)",
        unit_label="tỷ đồng",
        categories=tuple(_period_label(f) for f in figures),
        series=tuple(series),
        value_labels=tuple(labels),
        note=" ".join(notes),
    )


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
        paragraphs = asm.set_body(asm.render(spec.template).paragraphs)
        parts.append(c.Section(asm.set_line(heading), paragraphs, spec.level))
    intro = asm.set_body(asm.render(doc.intro).paragraphs) if doc.intro else ()
    summary = asm.set_line(asm.line(doc.summary) if doc.summary else format_period(period))
    notes = asm.set_body(_origin_notes(asm, sums=False))
    if notes:
        parts.append(c.Section("Ghi chú", notes, 2))
    appendices = _appendices(asm, doc)
    if appendices:
        parts.append(c.Section("", (asm.set_line(_appendix_sentence(asm, doc, appendices)),), 1))
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


def _appendix_sentence(asm: Assembly, doc: DocumentSpec, appendices: Sequence[c.Appendix]) -> str:
    """The body's pointer to the appendices (Decree 30: a report with appendices says so
    in its text): the clerk's sentence, where ``{{ phu_luc }}`` is "Phụ lục I, II"."""
    labels = "Phụ lục " + ", ".join(a.label.removeprefix("Phụ lục ") for a in appendices)
    template = doc.appendix_note or "Số liệu chi tiết tại {{ phu_luc }} kèm theo."
    return asm.line(template, {APPENDIX_NAMES: labels})


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


def _table_number(figure: Figure, amount: Decimal | None, *, illustrative: bool = False) -> str:
    """A figure in a table cell: money in triệu đồng, grouped; a growth in words ("tăng
    11,7%", "giảm 1,25%": never a signed number); others as typed. An illustrative figure
    is marked (:data:`MARK`, explained in the table's footnote)."""
    if amount is None:
        return DASH
    if figure.indicator.kind is IndicatorKind.MONEY:
        text = format_decimal(amount / TRIEU, 0)
    elif figure.indicator.kind is IndicatorKind.GROWTH:
        text = format_growth(amount, figure.decimals, against="")
    else:
        text = format_decimal(amount, figure.decimals)
    return text + MARK if illustrative else text


def _index_cell(figure: Figure, previous: Figure | None) -> str:
    """The comparison with last year as an index (cùng kỳ = 100), the form its column
    heading names; for a growth rate that is 100 + the rate."""
    ind = figure.indicator
    if ind.kind is IndicatorKind.GROWTH and figure.amount is not None:
        return format_decimal(figure.amount + 100, figure.decimals)
    if previous is None or not previous.available:
        return DASH
    pct = index_pct(figure.amount, previous.amount)
    return DASH if pct is None else format_decimal(pct, ind.pct_decimals)


def _main_table(asm: Assembly) -> c.Table | None:
    figures = [f for f in asm.figures if f.unit.uid == asm.unit.uid]
    if not figures:
        return None
    rows = []
    marked = False
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
                base_cell = _table_number(figure, base.amount, illustrative=base.illustrative)
                pct = share_pct(figure.amount, base.amount)
                share_cell = DASH if pct is None else format_decimal(pct, ind.pct_decimals)
                break
        status = figure.status.label if figure.status else ""
        cells = (
            _table_number(figure, figure.amount, illustrative=figure.illustrative),
            _table_number(
                figure,
                previous.amount if previous else None,
                illustrative=bool(previous and previous.illustrative),
            ),
        )
        marked = marked or any(cell.endswith(MARK) for cell in (*cells, base_cell))
        rows.append(
            (
                str(number),
                ind.name,
                _unit_label(figure),
                f"{format_cutoff_period(figure.period)}" + (f" ({status})" if status else ""),
                *cells,
                _index_cell(figure, previous),
                base_cell,
                share_cell,
            )
        )
    footnotes = ["Số tiền tính bằng triệu đồng; (–): chưa có số liệu."]
    if marked:
        footnotes.append(ILLUSTRATIVE_NOTE)
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
                "Chỉ số so với cùng kỳ (%)",
                "Chỉ tiêu giao",
                "So chỉ tiêu giao (%)",
            ),
        ),
        rows=tuple(rows),
        align=(c.Align.CENTER, c.Align.LEFT, c.Align.CENTER, c.Align.LEFT) + (c.Align.RIGHT,) * 5,
        col_widths_mm=(9, 58, 17, 30, 24, 24, 17, 24, 17),
        footnotes=tuple(footnotes),
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
        found_values = [v for found in per_child for v in found.values()]
        # All illustrative (the demo's ward tables): the table says so in its title;
        # some: each such cell is marked.
        whole = bool(found_values) and all(v.illustrative for v in found_values)
        rows = []
        for number, child in enumerate(children, start=1):
            cells = []
            for figure, found in zip(totals, per_child, strict=True):
                value = found.get(child.uid)
                mark = bool(value and value.illustrative and not whole)
                cells.append(
                    _table_number(figure, value.amount if value else None, illustrative=mark)
                )
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
                    note += f", {_difference(figure, figure.mismatch)} tổng các đơn vị"
                notes.append(note + ".")
            elif figure.missing:
                notes.append(
                    f"{figure.indicator.name}: chưa đủ số liệu của {len(figure.missing)} đơn vị."
                )
        if whole:
            notes.append(f"Toàn bộ số liệu của bảng là {ILLUSTRATIVE}, không phải số đã công bố.")
        elif any(v.illustrative for v in found_values):
            notes.append(ILLUSTRATIVE_NOTE)
        header = (("STT", "Đơn vị", *(f"{f.indicator.name} ({_unit_label(f)})" for f in totals)),)
        title = f"Bảng {len(tables) + 1}" + (f" ({ILLUSTRATIVE})" if whole else "")
        tables.append(
            c.Table(
                title=title,
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

"""The report (báo cáo) in the layout of Decree 30/2020/NĐ-CP, Appendix I.

Page 1 carries the header block (issuer left, Quốc hiệu and Tiêu ngữ right, number and
place-date on one line under them), the document type and its summary; then the body,
the signature block with the list of recipients, and the appendices, each on new pages
and numbered separately. Comments name the element of Appendix I a size or position comes from.
"""

from __future__ import annotations

import io
from dataclasses import replace
from typing import Any

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Frame,
    HRFlowable,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
)

from hbt_desktop.reports import content
from hbt_desktop.reports import layout as L
from hbt_desktop.reports.content import ReportContent
from hbt_desktop.reports.decree30_text import (
    DRAFT_MARK,
    NOI_NHAN,
    check_report,
    close_body,
    heading_text,
    kinh_gui_lines,
    recipient_lines,
    upper,
)
from hbt_desktop.reports.fonts import register_fonts, require_coverage
from hbt_desktop.reports.markup import para, plain
from hbt_desktop.reports.metadata import RecordedDocTemplate, print_record
from hbt_desktop.reports.output import BuildInfo, Output, build_info, write_pdf
from hbt_desktop.reports.page import (
    PageLog,
    PageSegments,
    SegmentStart,
    canvas_maker,
    report_decorator,
)
from hbt_desktop.reports.photos import PLACEHOLDER_TEXT, photo_flowables
from hbt_desktop.reports.styles import (
    INK,
    LANDSCAPE,
    PARAGRAPH_GAP,
    PORTRAIT,
    REPORT_MARGINS,
    REPORT_TABLE_SIZE,
    RULE_WIDTH,
    SIGNATURE_SPACE,
    ReportStyles,
    report_styles,
)
from hbt_desktop.reports.tables import TableLook, layout_table, table_flowables, table_texts

HEADER_COLUMNS = tuple(w * mm for w in L.HEADER_COLUMNS)
# A layout table whose cells sit flush: text at the top, no padding.
TIGHT = [
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("LEFTPADDING", (0, 0), (-1, -1), 0),
    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ("TOPPADDING", (0, 0), (-1, -1), 0),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
]
SIGNATURE_COLUMNS = tuple(w * mm for w in L.SIGNATURE_COLUMNS)
# The rules clear the dots below (ạ, ệ, ụ) and the descenders of the line above.
RULE_GAP = 5.5
# Room a heading needs under it: its own line, a sub-heading and two lines of text.
HEADING_ROOM = 100.0


def _text_width(margins_width: float) -> float:
    return margins_width - REPORT_MARGINS.left - REPORT_MARGINS.right


PORTRAIT_WIDTH = _text_width(PORTRAIT[0])
LANDSCAPE_WIDTH = _text_width(LANDSCAPE[0])


def _rule(length: float, space_before: float = RULE_GAP, space_after: float = 0) -> HRFlowable:
    return HRFlowable(
        width=length,
        thickness=RULE_WIDTH,
        color=INK,
        hAlign="CENTER",
        spaceBefore=space_before,
        spaceAfter=space_after,
    )


def header_block(doc: content.ReportContent, st: ReportStyles) -> Table:
    """The two-column header: issuer | Quốc hiệu, Tiêu ngữ; number | place and date."""
    left: list[Flowable] = []
    # Decree 30: the parent body (cơ quan chủ quản) regular, the issuer bold, both upper.
    if doc.parent_body.strip():
        left.append(Paragraph(para(upper(doc.parent_body)), st.parent_body))
    left += [Paragraph(para(upper(line)), st.issuer) for line in doc.issuer]
    if doc.issuer:
        longest = max(
            stringWidth(upper(line), st.issuer.fontName, st.issuer.fontSize) for line in doc.issuer
        )
        left.append(_rule(longest * L.ISSUER_RULE))
    motto_width = stringWidth(plain(doc.motto), st.tieu_ngu.fontName, st.tieu_ngu.fontSize)
    right: list[Flowable] = [
        Paragraph(para(upper(doc.national_name)), st.quoc_hieu),
        Paragraph(para(doc.motto), st.tieu_ngu),
        _rule(motto_width),  # as long as the Tiêu ngữ line (Decree 30)
    ]
    rows = [
        [left, right],
        [
            Paragraph(para(doc.number_symbol), st.number),
            Paragraph(para(doc.place_date), st.place_date),
        ],
    ]
    return layout_table(
        rows,
        HEADER_COLUMNS,
        st.fonts.serif,
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            # Centres the rules, which are narrower than their cells.
            ("ALIGN", (0, 0), (-1, -1), "CENTER"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, 0), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 1), (-1, 1), 7),
            # "Số:" is 13 pt and the date 14 pt: lower the number by the difference in
            # leading so both sit on one baseline, as the decree places them.
            ("TOPPADDING", (0, 1), (0, 1), 7 + st.place_date.leading - st.number.leading),
        ],
        hAlign="CENTER",
    )


def title_block(doc: content.ReportContent, st: ReportStyles) -> list[Flowable]:
    """``BÁO CÁO``, the trích yếu and the short rule under it, and the Kính gửi if the
    report is addressed (Decree 30: tên loại, trích yếu, nơi nhận "Kính gửi")."""
    summary_width = min(
        stringWidth(plain(doc.summary), st.summary.fontName, st.summary.fontSize), PORTRAIT_WIDTH
    )
    out: list[Flowable] = [Paragraph(para(upper(doc.doc_type)), st.doc_type)]
    if doc.summary.strip():
        out.append(Paragraph(para(doc.summary), st.summary))
        out.append(_rule(summary_width * L.SUMMARY_RULE))
    lines = kinh_gui_lines(doc.kinh_gui)
    if lines:
        out += [Spacer(1, 12), kinh_gui_block(lines, st)]
    out.append(Spacer(1, 14))
    return out


def kinh_gui_block(lines: list[str], st: ReportStyles) -> Flowable:
    """One addressee: a centred line. Several: "Kính gửi:" with the dashes aligned under
    its colon, the block centred (Decree 30, App. I, II.9.a)."""
    style = st.kinh_gui
    if len(lines) == 1:
        centred = ParagraphStyle(f"{style.name}-centre", parent=style, alignment=TA_CENTER)
        return Paragraph(para(lines[0]), centred)
    label, names = lines[0], lines[1:]
    label_width = stringWidth(label + " ", style.fontName, style.fontSize)
    widest = max(stringWidth(n, style.fontName, style.fontSize) for n in names) + 2
    names_width = min(widest, PORTRAIT_WIDTH - label_width)
    return layout_table(
        [[Paragraph(para(label), style), [Paragraph(para(n), style) for n in names]]],
        (label_width, names_width),
        st.fonts.serif,
        TIGHT,
        hAlign="CENTER",
    )


def table_look(st: ReportStyles) -> TableLook:
    fonts = st.fonts
    return TableLook(
        font=fonts.serif,
        bold_font=fonts.serif_bold,
        italic_font=fonts.serif_italic,
        size=REPORT_TABLE_SIZE,
        leading=REPORT_TABLE_SIZE + 2,
    )


def section_flowables(
    section: content.Section, st: ReportStyles, warnings: list[str]
) -> list[Flowable]:
    heading = st.heading1 if section.level <= 1 else st.heading2
    out: list[Flowable] = []
    if section.heading.strip():
        # Like Word's "keep with next": the heading moves on when fewer than about two
        # lines of its text would follow it, yet the text itself may still break.
        room = HEADING_ROOM if section.level <= 1 else HEADING_ROOM * 0.6
        out += [CondPageBreak(room), Paragraph(para(heading_text(section)), heading)]
    out += [Paragraph(para(text), st.body) for text in section.paragraphs if text.strip()]
    look = table_look(st)
    for table in section.tables:
        # Tables inside the body stay on portrait pages; wide ones belong in an appendix.
        out += table_flowables(
            full_width(table, PORTRAIT_WIDTH), look, PORTRAIT_WIDTH, st.table_title, st.footnote
        )
        out.append(Spacer(1, PARAGRAPH_GAP))
    for photo in section.photos:
        flowable, warning = photo_flowables(
            photo, PORTRAIT_WIDTH * 0.8, 110 * mm, st.caption, st.fonts.serif_italic
        )
        out.append(flowable)
        if warning:
            warnings.append(warning)
    return out


def signature_block(doc: content.ReportContent, st: ReportStyles) -> Table:
    """Recipients left, level with the signer's authority on the right (Decree 30: chữ ký,
    nơi nhận)."""
    left: list[Flowable] = [Paragraph(para(NOI_NHAN), st.noi_nhan)]
    left += [Paragraph(para(line), st.recipient) for line in recipient_lines(doc.recipients)]
    sig = doc.signature
    right: list[Flowable] = [Paragraph(para(upper(line)), st.authority) for line in sig.authority]
    if sig.title.strip():
        right.append(Paragraph(para(upper(sig.title)), st.authority))
    right.append(Spacer(1, SIGNATURE_SPACE))  # hand signature and seal
    right.append(Paragraph(para(sig.name), st.signer))
    return layout_table(
        [[left, right]],
        SIGNATURE_COLUMNS,
        st.fonts.serif,
        TIGHT,
        hAlign="CENTER",
    )


def appendix_flowables(
    appendix: content.Appendix, st: ReportStyles, segments: PageSegments
) -> list[Flowable]:
    """An appendix on new pages, landscape where its tables ask for it (Decree 30: phụ lục)."""

    def orientation(table: content.Table | None) -> str:
        return "landscape" if table is not None and table.landscape else "portrait"

    current = orientation(appendix.tables[0] if appendix.tables else None)
    out: list[Flowable] = [NextPageTemplate(current), PageBreak(), SegmentStart(segments)]
    out.append(Paragraph(para(appendix.label), st.appendix_label))
    if appendix.title.strip():
        out.append(Paragraph(para(appendix.title), st.appendix_title))
    if appendix.subtitle.strip():
        out.append(Paragraph(para(appendix.subtitle), st.appendix_subtitle))
    look = table_look(st)
    for table in appendix.tables:
        wanted = orientation(table)
        if wanted != current:
            out += [NextPageTemplate(wanted), PageBreak()]
            current = wanted
        width = LANDSCAPE_WIDTH if current == "landscape" else PORTRAIT_WIDTH
        out += table_flowables(full_width(table, width), look, width, st.table_title, st.footnote)
        out.append(Spacer(1, PARAGRAPH_GAP * 2))
    return out


def full_width(table: content.Table, width: float) -> content.Table:
    """A table of the report runs the whole width of its frame, landscape or not: given
    column widths are kept in proportion and scaled to it."""
    if not table.col_widths_mm:
        return table
    total = sum(table.col_widths_mm)
    scale = width / mm / total
    return replace(table, col_widths_mm=tuple(w * scale for w in table.col_widths_mm))


def report_story(
    doc: content.ReportContent, st: ReportStyles, segments: PageSegments
) -> tuple[list[Flowable], list[str]]:
    """Every flowable of the report, and the warnings met while making them."""
    warnings: list[str] = []
    story: list[Flowable] = [header_block(doc, st), Spacer(1, 10), *title_block(doc, st)]
    story += [Paragraph(para(text), st.body) for text in doc.intro if text.strip()]
    for section in doc.parts:
        story += section_flowables(section, st, warnings)
    signature: list[Flowable] = [Spacer(1, PARAGRAPH_GAP * 2), signature_block(doc, st)]
    # A signature alone on the last page could be detached and put under another text:
    # keep the last paragraph on the signature's page.
    if story and isinstance(story[-1], Paragraph):
        story[-1:] = [KeepTogether([story[-1], *signature])]
    else:
        story += signature
    for appendix in doc.appendices:
        story += appendix_flowables(appendix, st, segments)
    return story, warnings


def report_texts(doc: content.ReportContent) -> list[str]:
    """Every string the report prints (for the glyph-coverage check)."""
    capitals = [
        doc.parent_body,
        *doc.issuer,
        doc.national_name,
        doc.doc_type,
        *doc.signature.authority,
        doc.signature.title,
    ]
    texts = [
        *(upper(t) for t in capitals),
        *(heading_text(s) for s in doc.parts),
        *kinh_gui_lines(doc.kinh_gui),
        DRAFT_MARK if doc.draft else "",
        doc.parent_body,
        *doc.issuer,
        doc.number_symbol,
        doc.place_date,
        doc.doc_type,
        doc.summary,
        *doc.intro,
        doc.national_name,
        doc.motto,
        NOI_NHAN,
        *recipient_lines(doc.recipients),
        *doc.signature.authority,
        doc.signature.title,
        doc.signature.name,
    ]
    for section in doc.parts:
        texts += [section.heading, *section.paragraphs]
        texts += [t for table in section.tables for t in table_texts(table)]
        texts += [p.caption for p in section.photos]
        if section.photos:
            texts.append(PLACEHOLDER_TEXT)
    for appendix in doc.appendices:
        texts += [appendix.label, appendix.title, appendix.subtitle]
        texts += [t for table in appendix.tables for t in table_texts(table)]
    return texts


def _templates() -> list[PageTemplate]:
    m = REPORT_MARGINS

    def frame(size: tuple[float, float], name: str) -> Frame:
        return Frame(
            m.left,
            m.bottom,
            size[0] - m.left - m.right,
            size[1] - m.top - m.bottom,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id=name,
        )

    return [
        PageTemplate("portrait", [frame(PORTRAIT, "portrait")], pagesize=PORTRAIT),
        PageTemplate("landscape", [frame(LANDSCAPE, "landscape")], pagesize=LANDSCAPE),
    ]


def build_report(
    content: ReportContent,
    out: Output,
    *,
    invariant: bool = False,
    bundled_fonts: bool | None = None,
) -> BuildInfo:
    """Lay out ``content`` as a Decree 30 report and write the PDF to ``out``.

    Refuses with :class:`~hbt_desktop.core.errors.InputError` (nothing written) when a
    character cannot be drawn in the fonts. ``invariant=True`` gives byte-identical
    output for identical input (fixed dates and document id); ``bundled_fonts`` as in
    :func:`~hbt_desktop.reports.fonts.register_fonts`.
    """
    check_report(content)
    doc = close_body(content)
    fonts = register_fonts(bundled_fonts)
    require_coverage(report_texts(doc), fonts.serif_faces)
    st = report_styles(fonts)
    segments = PageSegments()
    log = PageLog()
    buffer = io.BytesIO()
    m = REPORT_MARGINS
    template = RecordedDocTemplate(
        buffer,
        pagesize=PORTRAIT,
        pageTemplates=_templates(),
        leftMargin=m.left,
        rightMargin=m.right,
        topMargin=m.top,
        bottomMargin=m.bottom,
        record=print_record(doc.footer, "report"),
        **_metadata(doc, invariant, fonts.serif),
    )
    story, warnings = report_story(doc, st, segments)
    decorate = report_decorator(fonts, m, segments, DRAFT_MARK if doc.draft else "")
    template.build(story, canvasmaker=canvas_maker(decorate, log))
    write_pdf(buffer.getvalue(), out)
    return build_info(log, fonts, warnings)


def keywords(doc: content.ReportContent) -> str:
    """``Mã số liệu: 3F2A-91C0-7B1D`` (shown under the file's properties)."""
    return plain(f"{doc.footer.label}: {doc.footer.fingerprint}")


def _metadata(doc: content.ReportContent, invariant: bool, font: str) -> dict[str, Any]:
    return {
        "title": plain(f"{doc.doc_type} {doc.summary}".strip()),
        "author": plain(" ".join(doc.issuer)),
        "subject": plain(f"{doc.number_symbol}, {doc.place_date}"),
        "keywords": [keywords(doc)],
        "creator": "hbt-desktop",
        "invariant": 1 if invariant else 0,
        "lang": "vi-VN",
        # The canvas starts every page with a font selection; naming ours keeps
        # Helvetica (a base-14 font without Vietnamese) out of the file entirely.
        "initialFontName": font,
        "displayDocTitle": 1,
    }

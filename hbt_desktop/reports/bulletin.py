"""The district news bulletin (bản tin): a printed newsletter, not a regulated document.

Front page: a red masthead band, the headline and its lead, a framed box of key
figures and the charts; then the article sections with their photos and tables, and
the notes in small print. A running head from page 2 on, and on every page the footer
that ties the paper to the data it was printed from.
"""

from __future__ import annotations

import io
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Frame,
    HRFlowable,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
)

from hbt_desktop.reports import content
from hbt_desktop.reports.charts import aligned_frame, bar_chart_drawing, chart_texts
from hbt_desktop.reports.content import BulletinContent
from hbt_desktop.reports.fonts import register_fonts, require_coverage
from hbt_desktop.reports.markup import para, plain
from hbt_desktop.reports.metadata import RecordedDocTemplate, print_record
from hbt_desktop.reports.output import BuildInfo, Output, build_info, write_pdf
from hbt_desktop.reports.page import FOOTER_FIXED_TEXTS, PageLog, bulletin_decorator, canvas_maker
from hbt_desktop.reports.photos import PLACEHOLDER_TEXT, photo_flowables
from hbt_desktop.reports.styles import (
    BULLETIN_FOOTER_SIZE,
    BULLETIN_GOLD,
    BULLETIN_MARGINS,
    BULLETIN_RED,
    BULLETIN_TABLE_SIZE,
    BULLETIN_TINT,
    PORTRAIT,
    BulletinStyles,
    bulletin_styles,
)
from hbt_desktop.reports.tables import TableLook, layout_table, table_flowables, table_texts

NOTES_TITLE = "Ghi chú"
FRAME_WIDTH = PORTRAIT[0] - BULLETIN_MARGINS.left - BULLETIN_MARGINS.right
# One column of text, as the district's Word-made bulletins have. Photos take the
# column's width but are kept low enough that a page rarely ends half empty before one.
PHOTO_WIDTH = FRAME_WIDTH
PHOTO_MAX_HEIGHT = 85 * mm
HEADING_ROOM = 90.0  # a heading moves to the next page unless ~4 lines fit under it
CHART_HEIGHT = 78 * mm


NO_PADDING = (
    ("LEFTPADDING", (0, 0), (-1, -1), 0),
    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ("TOPPADDING", (0, 0), (-1, -1), 0),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
)


def masthead(doc: BulletinContent, st: BulletinStyles) -> list[Flowable]:
    """The red band with the bulletin's name and the issue, a gold rule under it.

    The name is set on one line when it can be: its size comes down from the style's
    (20 pt) to 15 pt to fit beside the issue line.
    """
    padding = 10
    issue = plain(doc.issue_line)
    issue_width = stringWidth(issue, st.issue_line.fontName, st.issue_line.fontSize)
    issue_col = min(max(issue_width + 2 * padding + 2, 30 * mm), FRAME_WIDTH * 0.35)
    name_col = FRAME_WIDTH - issue_col
    name_style = st.masthead
    name_width = stringWidth(plain(doc.masthead), name_style.fontName, name_style.fontSize)
    room = name_col - 2 * padding - 2
    if name_width > room:
        size = max(15.0, name_style.fontSize * room / name_width)
        name_style = ParagraphStyle(
            "b_masthead_fit", parent=name_style, fontSize=size, leading=size * 1.2
        )
    band = layout_table(
        [
            [
                Paragraph(para(doc.masthead), name_style),
                Paragraph(para(doc.issue_line), st.issue_line),
            ]
        ],
        [name_col, issue_col],
        st.fonts.sans,
        [
            ("BACKGROUND", (0, 0), (-1, -1), BULLETIN_RED),
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("LEFTPADDING", (0, 0), (-1, -1), padding),
            ("RIGHTPADDING", (0, 0), (-1, -1), padding),
            ("TOPPADDING", (0, 0), (-1, -1), 14),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 11),
        ],
    )
    rule = HRFlowable(width="100%", thickness=2.5, color=BULLETIN_GOLD, spaceBefore=0, spaceAfter=8)
    return [band, rule]


def key_figures_box(doc: BulletinContent, st: BulletinStyles) -> Table | None:
    """Label / value / note of each key figure, two to a row, in a framed tinted box."""
    if not doc.key_figures:
        return None

    def card(figure: content.KeyFigure) -> list[Flowable]:
        parts: list[Flowable] = [
            Paragraph(para(figure.label), st.figure_label),
            Paragraph(para(figure.value), st.figure_value),
        ]
        if figure.note.strip():
            parts.append(Paragraph(para(figure.note), st.figure_note))
        return parts

    cards: list[list[Any]] = [card(f) for f in doc.key_figures]
    # An odd last card takes the whole row: the box never shows an empty card.
    lone = len(cards) % 2 == 1
    if lone:
        cards.append([""])
    rows: list[list[Any]] = [[Paragraph(para(doc.key_figures_title), st.box_title), ""]]
    rows += [cards[i : i + 2] for i in range(0, len(cards), 2)]
    commands: list[tuple[Any, ...]] = [
        ("SPAN", (0, 0), (1, 0)),
        ("BACKGROUND", (0, 0), (-1, -1), BULLETIN_TINT),
        ("BOX", (0, 0), (-1, -1), 1.2, BULLETIN_RED),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, BULLETIN_RED),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 9),
        ("RIGHTPADDING", (0, 0), (-1, -1), 9),
        ("TOPPADDING", (0, 0), (-1, -1), 6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
        ("LINEBEFORE", (1, 1), (1, -1), 0.4, BULLETIN_GOLD),
    ]
    for row in range(2, len(rows)):
        commands.append(("LINEABOVE", (0, row), (-1, row), 0.4, BULLETIN_GOLD))
    if lone:
        last = len(rows) - 1
        commands.append(("SPAN", (0, last), (1, last)))
        commands.append(("LINEBEFORE", (1, last), (1, last), 0, BULLETIN_TINT))
    return layout_table(rows, [FRAME_WIDTH / 2] * 2, st.fonts.sans, commands)


def charts_block(doc: BulletinContent, st: BulletinStyles) -> list[Flowable]:
    """Charts two to a row, each half the page wide, their plots on one baseline; a lone
    chart takes the full width."""
    out: list[Flowable] = []
    charts = list(doc.charts)
    gap = 6 * mm
    for i in range(0, len(charts), 2):
        pair = charts[i : i + 2]
        if len(pair) == 1:
            out.append(bar_chart_drawing(pair[0], st.fonts, FRAME_WIDTH, CHART_HEIGHT))
        else:
            half = (FRAME_WIDTH - gap) / 2
            frame = aligned_frame(pair, st.fonts, half)
            drawings = [
                bar_chart_drawing(c, st.fonts, half, CHART_HEIGHT, frame=frame) for c in pair
            ]
            out.append(
                layout_table(
                    [drawings],
                    [half + gap / 2] * 2,
                    st.fonts.sans,
                    [
                        *NO_PADDING,
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("ALIGN", (0, 0), (0, 0), "LEFT"),
                        ("ALIGN", (1, 0), (1, 0), "RIGHT"),
                    ],
                )
            )
        out.append(Spacer(1, 8))
    return out


def table_look(st: BulletinStyles) -> TableLook:
    return TableLook(
        font=st.fonts.sans,
        bold_font=st.fonts.sans_bold,
        italic_font=st.fonts.sans_italic,
        size=BULLETIN_TABLE_SIZE,
        leading=BULLETIN_TABLE_SIZE + 2,
        grid_color=BULLETIN_GOLD,
        header_background=BULLETIN_TINT,
        bold_background=BULLETIN_TINT,
    )


def section_flowables(
    section: content.Section, st: BulletinStyles, warnings: list[str]
) -> list[Flowable]:
    out: list[Flowable] = []
    if section.heading.strip():
        heading = st.heading1 if section.level <= 1 else st.heading2
        out += [CondPageBreak(HEADING_ROOM), Paragraph(para(section.heading), heading)]
    out += [Paragraph(para(text), st.body) for text in section.paragraphs if text.strip()]
    look = table_look(st)
    for table in section.tables:
        out += table_flowables(table, look, FRAME_WIDTH, st.table_title, st.note)
        out.append(Spacer(1, 6))
    for photo in section.photos:
        flowable, warning = photo_flowables(
            photo, PHOTO_WIDTH, PHOTO_MAX_HEIGHT, st.caption, st.fonts.serif_italic
        )
        out.append(flowable)
        if warning:
            warnings.append(warning)
    return out


def notes_block(doc: BulletinContent, st: BulletinStyles) -> list[Flowable]:
    """The small print at the end, kept together so its title never ends a page alone."""
    if not doc.notes:
        return []
    block: list[Flowable] = [
        HRFlowable(width="100%", thickness=0.4, color=BULLETIN_GOLD, spaceBefore=10),
        Paragraph(para(NOTES_TITLE), st.notes_title),
    ]
    block += [Paragraph(para(note), st.note) for note in doc.notes]
    return [KeepTogether(block)]


def bulletin_story(doc: BulletinContent, st: BulletinStyles) -> tuple[list[Flowable], list[str]]:
    warnings: list[str] = []
    story: list[Flowable] = [*masthead(doc, st)]
    story.append(Paragraph(para(doc.headline), st.headline))
    if doc.lead.strip():
        story.append(Paragraph(para(doc.lead), st.lead))
    box = key_figures_box(doc, st)
    if box is not None:
        story += [box, Spacer(1, 10)]
    story += charts_block(doc, st)
    for section in doc.sections:
        story += section_flowables(section, st, warnings)
    story += notes_block(doc, st)
    return story, warnings


def running_title(doc: BulletinContent) -> str:
    return f"{doc.masthead} · {doc.issue_line}"


def bulletin_texts(doc: BulletinContent) -> list[str]:
    """Every string the bulletin prints (for the glyph-coverage check)."""
    texts = [
        doc.masthead,
        doc.issue_line,
        doc.headline,
        doc.lead,
        doc.key_figures_title,
        *doc.notes,
        NOTES_TITLE,
        running_title(doc),
        doc.footer.label,
        doc.footer.fingerprint,
        doc.footer.printed_at,
        *FOOTER_FIXED_TEXTS,
    ]
    for figure in doc.key_figures:
        texts += [figure.label, figure.value, figure.note]
    for chart in doc.charts:
        texts += chart_texts(chart)
    for section in doc.sections:
        texts += [section.heading, *section.paragraphs]
        texts += [t for table in section.tables for t in table_texts(table)]
        texts += [p.caption for p in section.photos]
        if section.photos:
            texts.append(PLACEHOLDER_TEXT)
    return texts


def build_bulletin(
    content: BulletinContent,
    out: Output,
    *,
    invariant: bool = False,
    bundled_fonts: bool | None = None,
) -> BuildInfo:
    """Lay out ``content`` as the news bulletin and write the PDF to ``out``.

    Refuses with :class:`~hbt_desktop.core.errors.InputError` (nothing written) when a
    character cannot be drawn; a photo that cannot be read becomes a grey box and a
    warning in the returned :class:`BuildInfo`.
    """
    doc = content
    fonts = register_fonts(bundled_fonts)
    require_coverage(bulletin_texts(doc), fonts.faces)
    st = bulletin_styles(fonts)
    log = PageLog()
    buffer = io.BytesIO()
    m = BULLETIN_MARGINS
    frame = Frame(
        m.left,
        m.bottom,
        FRAME_WIDTH,
        PORTRAIT[1] - m.top - m.bottom,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    # The footer's fingerprint, with the figures behind it, also travels in the file
    # (verify-print).
    template = RecordedDocTemplate(
        buffer,
        record=print_record(doc.footer, "bulletin"),
        pagesize=PORTRAIT,
        pageTemplates=[PageTemplate("page", [frame], pagesize=PORTRAIT)],
        leftMargin=m.left,
        rightMargin=m.right,
        topMargin=m.top,
        bottomMargin=m.bottom,
        title=plain(doc.headline),
        author=plain(doc.masthead),
        subject=plain(doc.issue_line),
        keywords=[plain(f"{doc.footer.label}: {doc.footer.fingerprint}")],
        creator="hbt-desktop",
        invariant=1 if invariant else 0,
        lang="vi-VN",
        initialFontName=fonts.serif,  # keeps Helvetica out of the file
        displayDocTitle=1,
    )
    story, warnings = bulletin_story(doc, st)
    decorate = bulletin_decorator(
        fonts, m, doc.footer, running_title(doc), BULLETIN_RED, BULLETIN_FOOTER_SIZE
    )
    template.build(story, canvasmaker=canvas_maker(decorate, log))
    write_pdf(buffer.getvalue(), out)
    return build_info(log, fonts, warnings)

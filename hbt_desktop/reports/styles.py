"""Paragraph styles, page geometry and colours of both documents.

The report's sizes, margins and faces come from ``layout.py``, the one table of the
numbers of Decree 30/2020/NĐ-CP, Appendix I (the sizes of the decree's samples, within
the ranges it allows) that the Word writer and the layout test read too, so a report
printed from here looks like one typed in the office's Word template. The bulletin is not
regulated: it has a news look of its own.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from hbt_desktop.reports import layout as L
from hbt_desktop.reports.fonts import FontSet

PORTRAIT = A4
LANDSCAPE = landscape(A4)


@dataclass(frozen=True)
class Margins:
    top: float
    bottom: float
    left: float
    right: float


# Decree 30, App. I (định lề trang), from the one table of its numbers (layout.py).
# Landscape appendix pages keep the same margins, so that the text block sits the same
# way whichever page the clerk turns to.
REPORT_MARGINS = Margins(
    top=L.PAGE.top.value * mm,
    bottom=L.PAGE.bottom.value * mm,
    left=L.PAGE.left.value * mm,
    right=L.PAGE.right.value * mm,
)
BULLETIN_MARGINS = Margins(top=18 * mm, bottom=18 * mm, left=18 * mm, right=18 * mm)

BODY_LEADING = L.BODY_LEADING
PARAGRAPH_GAP = L.PARAGRAPH_GAP
FIRST_LINE_INDENT = L.FIRST_LINE_INDENT * mm
PAGE_NUMBER_SIZE = L.PAGE_NUMBER.size
SIGNATURE_SPACE = L.SIGNATURE_SPACE * mm
REPORT_TABLE_SIZE = L.TABLE.size

INK = colors.black  # Decree 30: black text
RULE_WIDTH = L.RULE_WIDTH  # the solid rules under the Tiêu ngữ, issuer and trích yếu

# Bulletin palette: a deep red band like the district's published bulletin; survives
# printing on the offices' monochrome laser printers as a dark grey with white text.
BULLETIN_RED = colors.HexColor("#9E1B20")
BULLETIN_GOLD = colors.HexColor("#C9A227")
BULLETIN_TINT = colors.HexColor("#F6EFE6")
BULLETIN_GREY = colors.HexColor("#5A5A5A")
PLACEHOLDER_GREY = colors.HexColor("#D9D9D9")


def _style(
    name: str, font: str, size: float, leading: float | None = None, **kw: object
) -> ParagraphStyle:
    return ParagraphStyle(
        name,
        fontName=font,
        fontSize=size,
        leading=leading if leading is not None else round(size * 1.2, 1),
        textColor=kw.pop("textColor", INK),
        **kw,
    )


@dataclass(frozen=True)
class ReportStyles:
    """Every paragraph style of the Decree 30 report."""

    fonts: FontSet
    parent_body: ParagraphStyle
    issuer: ParagraphStyle
    number: ParagraphStyle
    quoc_hieu: ParagraphStyle
    tieu_ngu: ParagraphStyle
    place_date: ParagraphStyle
    doc_type: ParagraphStyle
    summary: ParagraphStyle
    kinh_gui: ParagraphStyle
    body: ParagraphStyle
    heading1: ParagraphStyle
    heading2: ParagraphStyle
    noi_nhan: ParagraphStyle
    recipient: ParagraphStyle
    authority: ParagraphStyle
    signer: ParagraphStyle
    appendix_label: ParagraphStyle
    appendix_title: ParagraphStyle
    appendix_subtitle: ParagraphStyle
    draft_mark: ParagraphStyle
    table_title: ParagraphStyle
    footnote: ParagraphStyle
    caption: ParagraphStyle


def face(fonts: FontSet, element: L.Element) -> str:
    """The registered serif face for an element of the decree's table."""
    if element.bold and element.italic:
        return fonts.serif_bold_italic
    if element.bold:
        return fonts.serif_bold
    return fonts.serif_italic if element.italic else fonts.serif


def report_styles(fonts: FontSet) -> ReportStyles:
    center = {"alignment": TA_CENTER}
    heading = {
        "alignment": TA_JUSTIFY,
        "firstLineIndent": FIRST_LINE_INDENT,
        "spaceBefore": PARAGRAPH_GAP,
        "spaceAfter": PARAGRAPH_GAP,
    }

    def style(name: str, element: L.Element, leading: float, **kw: object) -> ParagraphStyle:
        return _style(name, face(fonts, element), element.size, leading, **kw)

    return ReportStyles(
        fonts=fonts,
        parent_body=style("parent_body", L.PARENT_BODY, 14, **center),
        issuer=style("issuer", L.ISSUER, 14, **center),
        number=style("number", L.NUMBER, 15, **center),
        quoc_hieu=style("quoc_hieu", L.QUOC_HIEU, 14, **center),
        tieu_ngu=style("tieu_ngu", L.TIEU_NGU, 15, **center),
        place_date=style("place_date", L.PLACE_DATE, 16, **center),
        doc_type=style("doc_type", L.DOC_TYPE, 17, spaceBefore=18, **center),
        summary=style("summary", L.SUMMARY, 17, **center),
        kinh_gui=style("kinh_gui", L.KINH_GUI, BODY_LEADING),
        body=style(
            "body",
            L.BODY,
            BODY_LEADING,
            alignment=TA_JUSTIFY,
            firstLineIndent=FIRST_LINE_INDENT,
            spaceAfter=PARAGRAPH_GAP,
        ),
        heading1=style("heading1", L.HEADING_ROMAN, BODY_LEADING, **heading),
        heading2=style("heading2", L.HEADING, BODY_LEADING, **heading),
        noi_nhan=style("noi_nhan", L.NOI_NHAN, 14),
        recipient=style("recipient", L.RECIPIENT, 13),
        authority=style("authority", L.AUTHORITY, 17, **center),
        signer=style("signer", L.SIGNER, 17, **center),
        appendix_label=style("appendix_label", L.APPENDIX_LABEL, 17, **center),
        appendix_title=style("appendix_title", L.APPENDIX_TITLE, 17, **center),
        appendix_subtitle=style(
            "appendix_subtitle", L.APPENDIX_REFERENCE, 17, spaceAfter=10, **center
        ),
        draft_mark=style("draft_mark", L.DRAFT_MARK, 17, **center),
        table_title=_style(
            "table_title",
            fonts.serif_bold,
            REPORT_TABLE_SIZE + 1,
            16,
            spaceBefore=6,
            spaceAfter=4,
            **center,
        ),
        footnote=_style("footnote", fonts.serif_italic, 12, 14, spaceBefore=2),
        caption=_style("caption", fonts.serif_italic, 12, 14, spaceAfter=PARAGRAPH_GAP, **center),
    )


@dataclass(frozen=True)
class BulletinStyles:
    """Every paragraph style of the news bulletin."""

    fonts: FontSet
    masthead: ParagraphStyle
    issue_line: ParagraphStyle
    headline: ParagraphStyle
    lead: ParagraphStyle
    box_title: ParagraphStyle
    figure_label: ParagraphStyle
    figure_value: ParagraphStyle
    figure_note: ParagraphStyle
    heading1: ParagraphStyle
    heading2: ParagraphStyle
    body: ParagraphStyle
    caption: ParagraphStyle
    table_title: ParagraphStyle
    notes_title: ParagraphStyle
    note: ParagraphStyle


BULLETIN_BODY_SIZE = 11.5
BULLETIN_TABLE_SIZE = 9.5
BULLETIN_FOOTER_SIZE = 7.5


def bulletin_styles(fonts: FontSet) -> BulletinStyles:
    sans, sans_bold = fonts.sans, fonts.sans_bold
    white = colors.white
    return BulletinStyles(
        fonts=fonts,
        masthead=_style("b_masthead", sans_bold, 20, 24, textColor=white),
        issue_line=_style("b_issue", sans, 9.5, 12, textColor=white, alignment=TA_RIGHT),
        headline=_style("b_headline", fonts.serif_bold, 22, 26.5, spaceBefore=4, spaceAfter=8),
        lead=_style("b_lead", fonts.serif_bold, 12.5, 17, alignment=TA_JUSTIFY, spaceAfter=10),
        box_title=_style("b_box_title", sans_bold, 10.5, 13, textColor=BULLETIN_RED),
        figure_label=_style("b_fig_label", sans, 9, 11, textColor=BULLETIN_GREY),
        figure_value=_style("b_fig_value", fonts.serif_bold, 14, 17, textColor=BULLETIN_RED),
        figure_note=_style("b_fig_note", fonts.serif_italic, 9.5, 12),
        heading1=_style(
            "b_h1",
            sans_bold,
            13,
            16,
            textColor=BULLETIN_RED,
            spaceBefore=10,
            spaceAfter=5,
        ),
        heading2=_style("b_h2", sans_bold, 11.5, 14, spaceBefore=6, spaceAfter=3),
        body=_style(
            "b_body", fonts.serif, BULLETIN_BODY_SIZE, 15.5, alignment=TA_JUSTIFY, spaceAfter=6
        ),
        caption=_style(
            "b_caption",
            fonts.serif_italic,
            9.5,
            12,
            alignment=TA_CENTER,
            spaceBefore=3,
            spaceAfter=10,
            textColor=BULLETIN_GREY,
        ),
        table_title=_style("b_table_title", sans_bold, 10, 12.5, spaceBefore=6, spaceAfter=3),
        notes_title=_style("b_notes_title", sans_bold, 8.5, 11, spaceBefore=10, spaceAfter=2),
        note=_style(
            "b_note", fonts.serif_italic, 8.5, 10.5, alignment=TA_LEFT, textColor=BULLETIN_GREY
        ),
    )

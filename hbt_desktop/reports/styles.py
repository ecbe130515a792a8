"""Paragraph styles, page geometry and colours of both documents.

The report's sizes are those of the samples in Decree 30/2020/NĐ-CP, Appendix I (the
decree allows a range for most elements; the samples use the values below), so a report
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

from hbt_desktop.reports.fonts import FontSet

PORTRAIT = A4
LANDSCAPE = landscape(A4)


@dataclass(frozen=True)
class Margins:
    top: float
    bottom: float
    left: float
    right: float


# Decree 30, App. I (định lề trang): top and bottom 20–25 mm, left 30–35 mm (binding), right 15–20 mm.
# Landscape appendix pages keep the same margins, so that the text block sits the same
# way whichever page the clerk turns to.
REPORT_MARGINS = Margins(top=20 * mm, bottom=20 * mm, left=30 * mm, right=15 * mm)
BULLETIN_MARGINS = Margins(top=18 * mm, bottom=18 * mm, left=18 * mm, right=18 * mm)

# Decree 30, App. I (sample sizes, in order of the elements on the page).
QUOC_HIEU_SIZE = 12  # 12–13, bold, upper case
TIEU_NGU_SIZE = 13  # 13–14, bold
PARENT_BODY_SIZE = 12  # 12–13, regular, upper case
ISSUER_SIZE = 12  # 12–13, bold, upper case
NUMBER_SIZE = 13  # "Số: …" is 13
PLACE_DATE_SIZE = 14  # 13–14, italic
DOC_TYPE_SIZE = 14  # "BÁO CÁO" 13–14, bold
SUMMARY_SIZE = 14  # trích yếu 13–14, bold
BODY_SIZE = 14  # 13–14
# Line spacing single to 1.5 lines; Times at 14 pt is 16.1 pt single-spaced. 17 pt keeps
# a page of figures compact while staying inside the range.
BODY_LEADING = 17
PARAGRAPH_GAP = 6  # "at least 6 pt" between paragraphs
FIRST_LINE_INDENT = 10 * mm  # 1 cm (or 1.27 cm)
SIGNATURE_SIZE = 14  # authority, title and name, 13–14 bold
NOI_NHAN_SIZE = 12  # "Nơi nhận:" 12 bold italic
RECIPIENT_SIZE = 11  # recipients 11 regular
PAGE_NUMBER_SIZE = 14  # 13–14, regular, centred in the top margin
APPENDIX_SIZE = 14  # "Phụ lục I" 14 bold
SIGNATURE_SPACE = 25 * mm  # room for the hand signature and the seal
REPORT_TABLE_SIZE = 12  # tables are not regulated; 12 pt fits 5–6 columns of figures
FOOTER_SIZE = 8  # our fingerprint line, kept discreet in the bottom margin

INK = colors.black  # Decree 30: black text
RULE_WIDTH = 0.6  # the solid rules under the Tiêu ngữ, issuer and trích yếu

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
    table_title: ParagraphStyle
    footnote: ParagraphStyle
    caption: ParagraphStyle


def report_styles(fonts: FontSet) -> ReportStyles:
    serif, bold, italic = fonts.serif, fonts.serif_bold, fonts.serif_italic
    center = {"alignment": TA_CENTER}
    heading = {
        "alignment": TA_JUSTIFY,
        "firstLineIndent": FIRST_LINE_INDENT,
        "spaceBefore": PARAGRAPH_GAP,
        "spaceAfter": PARAGRAPH_GAP,
    }
    return ReportStyles(
        fonts=fonts,
        parent_body=_style("parent_body", serif, PARENT_BODY_SIZE, 14, **center),
        issuer=_style("issuer", bold, ISSUER_SIZE, 14, **center),
        number=_style("number", serif, NUMBER_SIZE, 15, **center),
        quoc_hieu=_style("quoc_hieu", bold, QUOC_HIEU_SIZE, 14, **center),
        tieu_ngu=_style("tieu_ngu", bold, TIEU_NGU_SIZE, 15, **center),
        place_date=_style("place_date", italic, PLACE_DATE_SIZE, 16, **center),
        doc_type=_style("doc_type", bold, DOC_TYPE_SIZE, 17, spaceBefore=18, **center),
        summary=_style("summary", bold, SUMMARY_SIZE, 17, **center),
        body=_style(
            "body",
            serif,
            BODY_SIZE,
            BODY_LEADING,
            alignment=TA_JUSTIFY,
            firstLineIndent=FIRST_LINE_INDENT,
            spaceAfter=PARAGRAPH_GAP,
        ),
        heading1=_style("heading1", bold, BODY_SIZE, BODY_LEADING, **heading),
        heading2=_style("heading2", bold, BODY_SIZE, BODY_LEADING, **heading),
        noi_nhan=_style("noi_nhan", fonts.serif_bold_italic, NOI_NHAN_SIZE, 14),
        recipient=_style("recipient", serif, RECIPIENT_SIZE, 13),
        authority=_style("authority", bold, SIGNATURE_SIZE, 17, **center),
        signer=_style("signer", bold, SIGNATURE_SIZE, 17, **center),
        appendix_label=_style("appendix_label", bold, APPENDIX_SIZE, 17, **center),
        appendix_title=_style("appendix_title", bold, APPENDIX_SIZE, 17, **center),
        appendix_subtitle=_style(
            "appendix_subtitle", italic, APPENDIX_SIZE, 17, spaceAfter=10, **center
        ),
        table_title=_style(
            "table_title",
            bold,
            REPORT_TABLE_SIZE + 1,
            16,
            spaceBefore=6,
            spaceAfter=4,
            **center,
        ),
        footnote=_style("footnote", italic, 12, 14, spaceBefore=2),
        caption=_style("caption", italic, 12, 14, spaceAfter=PARAGRAPH_GAP, **center),
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

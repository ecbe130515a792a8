"""The numbers of Decree 30/2020/NĐ-CP, Appendix I, for the report: one table for all.

The PDF builder (``styles.py``, ``decree30.py``), the Word writer (``docx_report.py``)
and the test that measures printed pages read their sizes, margins and positions from
here, so the two outputs agree with each other and with what is checked. Each element
has the size the decree's sample uses and the range the decree allows; lengths are in
millimetres and sizes in points, as the decree writes them. No reportlab here.
"""

from __future__ import annotations

from dataclasses import dataclass

MM = 72 / 25.4  # points per millimetre


@dataclass(frozen=True)
class Element:
    """One element of the page: its size (pt), the range allowed, its face and case."""

    size: float
    low: float
    high: float
    bold: bool = False
    italic: bool = False
    upper: bool = False  # the decree writes it in capitals


@dataclass(frozen=True)
class Range:
    """A length the decree allows within bounds (mm); ``value`` is the one used."""

    value: float
    low: float
    high: float


@dataclass(frozen=True)
class PageRules:
    width: float = 210.0  # A4, mm
    height: float = 297.0
    top: Range = Range(20, 20, 25)  # định lề trang
    bottom: Range = Range(20, 20, 25)
    left: Range = Range(30, 30, 35)
    right: Range = Range(15, 15, 20)

    @property
    def text_width(self) -> float:
        return self.width - self.left.value - self.right.value

    @property
    def landscape_text_width(self) -> float:
        return self.height - self.left.value - self.right.value


PAGE = PageRules()

# In the order of the elements on the page; the sample sizes 12/13/12/13/13/14/14/14/14/12/11.
QUOC_HIEU = Element(12, 12, 13, bold=True, upper=True)
TIEU_NGU = Element(13, 13, 14, bold=True)
PARENT_BODY = Element(12, 12, 13, upper=True)
ISSUER = Element(12, 12, 13, bold=True, upper=True)
NUMBER = Element(13, 13, 13)
PLACE_DATE = Element(14, 13, 14, italic=True)
DOC_TYPE = Element(14, 13, 14, bold=True, upper=True)
SUMMARY = Element(14, 13, 14, bold=True)
KINH_GUI = Element(14, 13, 14)
BODY = Element(14, 13, 14)
HEADING_ROMAN = Element(14, 13, 14, bold=True, upper=True)  # "I. KẾT QUẢ …"
HEADING = Element(14, 13, 14, bold=True)  # "1. …", "a) …" as the clerk writes them
AUTHORITY = Element(14, 13, 14, bold=True, upper=True)  # TM. / KT. and the title
SIGNER = Element(14, 13, 14, bold=True)
NOI_NHAN = Element(12, 12, 12, bold=True, italic=True)
RECIPIENT = Element(11, 11, 11)
PAGE_NUMBER = Element(14, 13, 14)
APPENDIX_LABEL = Element(14, 14, 14, bold=True)  # "Phụ lục I"
APPENDIX_TITLE = Element(14, 13, 14, bold=True, upper=True)
APPENDIX_REFERENCE = Element(14, 13, 14, italic=True)  # "(Kèm theo Báo cáo số …)"
DRAFT_MARK = Element(14, 13, 14, bold=True, upper=True)  # "DỰ THẢO", in a box
TABLE = Element(12, 11, 14)  # tables are not regulated; 12 pt fits 5–9 columns

# Body paragraphs (II.6): first-line indent 1 cm or 1.27 cm, at least 6 pt between
# paragraphs, line spacing from single to 1.5 lines.
FIRST_LINE_INDENT = 10.0  # mm
PARAGRAPH_GAP = 6.0  # pt
BODY_LEADING = 17.0  # pt; Times at 14 pt is 16.1 pt single-spaced, 24.2 pt at 1.5 lines
SINGLE_SPACING = 1.15  # a line of Times is 1.15 × its size
MAX_SPACING = 1.5

# The rules under the issuer and under the trích yếu are 1/3–1/2 of the line above;
# the one under the Tiêu ngữ is as long as the Tiêu ngữ.
SHORT_RULE = (1 / 3, 1 / 2)
ISSUER_RULE = 0.4
SUMMARY_RULE = 1 / 3
RULE_WIDTH = 0.6  # pt
SIGNATURE_SPACE = 30.0  # mm left blank for the hand signature and the seal

# The header's two columns: the issuer's narrower, the Quốc hiệu's wide enough for it
# on one line (88 mm in Times bold 12 pt); together the text width.
HEADER_COLUMNS = (68.0, 97.0)  # mm
SIGNATURE_COLUMNS = (72.0, 93.0)  # mm: Nơi nhận | signer

# Accepted as "Times New Roman": the font itself, or one made with its metrics.
TIMES_FAMILIES = ("TimesNewRoman", "Times New Roman", "Tinos", "LiberationSerif")

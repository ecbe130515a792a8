"""The Decree 30 layout, measured on a printed PDF: one check for every renderer.

``check_report_layout(pdf, draft=…)`` reads the page with PyMuPDF — where each piece of
text stands, its size, face and case, the rules and boxes drawn — and compares it with
the decree's numbers (``hbt_desktop.reports.layout``, the table the builders use too).
It returns the violations in words, so the same check measures the reportlab PDF and the
PDF LibreOffice makes of the Word file; an empty list means the layout holds.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

import pymupdf

from hbt_desktop.reports import layout as L
from hbt_desktop.reports.decree30_text import LETTERS

MM = L.MM
TOL = 3.0  # pt: how far a position may stray (rounding, hinting, Word's line boxes)
TOP, BOTTOM = L.PAGE.top.value * MM, L.PAGE.bottom.value * MM
LEFT, RIGHT = L.PAGE.left.value * MM, L.PAGE.right.value * MM
QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"
ROMAN = re.compile(r"^(?:Phần\s+)?([IVXLC]+)\.(?:\s|$)")
PART = re.compile(r"^Phần\s+[IVXLC]+\.")
ARABIC = re.compile(r"^(\d+)\.\s")
LETTER = re.compile(r"^([a-zđ])\)\s")
FINAL_DATE = re.compile(r"ngày (0[1-9]|[12]\d|3[01]) tháng (0[12]|[3-9]|1[0-2]) năm \d{4}$")
DRAFT_DATE = re.compile(r"ngày\s{3,}tháng\s{3,}năm \d{4}$")
FINAL_NUMBER = re.compile(r"^Số: (0[1-9]|[1-9]\d+)/\S+$")
DRAFT_NUMBER = re.compile(r"^Số:\s{3,}/\S+$")
REFERENCE = re.compile(
    r"^\(Kèm theo Báo cáo số (?P<number>.+?) (?P<date>ngày.+?năm \d{4}) của "
    r"Ủy ban nhân dân .+\)$"
)
ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


@dataclass
class Line:
    """Text on one baseline of one page, joined from the spans PyMuPDF finds."""

    page: int
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    baseline: float
    size: float
    bold: bool
    italic: bool
    fonts: frozenset[str]

    @property
    def centre(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def width(self) -> float:
        return self.x1 - self.x0


@dataclass(frozen=True)
class Segment:
    """A horizontal rule (a stroked line or a hairline rectangle)."""

    page: int
    x0: float
    x1: float
    y: float

    @property
    def centre(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def length(self) -> float:
        return self.x1 - self.x0


@dataclass(frozen=True)
class Box:
    page: int
    rect: pymupdf.Rect


@dataclass
class Page:
    number: int  # from 1
    width: float
    height: float
    lines: list[Line]
    rules: list[Segment]
    boxes: list[Box]

    @property
    def landscape(self) -> bool:
        return self.width > self.height

    @property
    def centre(self) -> float:
        return LEFT + (self.width - LEFT - RIGHT) / 2

    def inside(self) -> list[Line]:
        """The lines inside the text frame (not in a margin)."""
        return [
            ln
            for ln in self.lines
            if ln.top >= TOP - TOL and ln.bottom <= self.height - BOTTOM + TOL
        ]


def _style(span: dict[str, object]) -> tuple[bool, bool, str]:
    font = str(span["font"]).split("+", 1)[-1]
    flags = int(str(span["flags"]))
    bold = "bold" in font.lower() or bool(flags & 16)
    italic = "italic" in font.lower() or "oblique" in font.lower() or bool(flags & 2)
    return bold, italic, font


def _lines(page: pymupdf.Page, number: int) -> list[Line]:
    spans = []
    for block in page.get_text("dict")["blocks"]:
        for line in block.get("lines", []):
            for span in line["spans"]:
                if span["text"].strip():
                    spans.append(span)
    # One visual line: spans on one baseline with no wide gap between them (the header's
    # two columns and the signature block's are separate lines).
    spans.sort(key=lambda s: (round(s["origin"][1]), s["bbox"][0]))
    out: list[Line] = []
    for span in spans:
        bold, italic, font = _style(span)
        x0, y0, x1, y1 = span["bbox"]
        base = span["origin"][1]
        size = round(float(span["size"]), 1)
        last = out[-1] if out else None
        if (
            last is not None
            and abs(last.baseline - base) < 1.5
            and 0 <= x0 - last.x1 < max(size, last.size) * 1.5
        ):
            gap = " " if x0 - last.x1 > size * 0.15 and not last.text.endswith(" ") else ""
            last.text += gap + span["text"]
            last.x1, last.top, last.bottom = x1, min(last.top, y0), max(last.bottom, y1)
            last.bold, last.italic = last.bold and bold, last.italic and italic
            last.size = max(last.size, size)
            last.fonts = last.fonts | {font}
            continue
        out.append(
            Line(number, span["text"], x0, y0, x1, y1, base, size, bold, italic, frozenset({font}))
        )
    for line in out:
        line.text = line.text.strip()
    out.sort(key=lambda ln: (ln.baseline, ln.x0))
    return out


def _drawings(page: pymupdf.Page, number: int) -> tuple[list[Segment], list[Box]]:
    rules, boxes = [], []
    for drawing in page.get_drawings():
        for item in drawing["items"]:
            if item[0] == "l":
                p, q = item[1], item[2]
                if abs(p.y - q.y) < 0.5 and abs(p.x - q.x) > 2:
                    rules.append(Segment(number, min(p.x, q.x), max(p.x, q.x), p.y))
                elif abs(p.x - q.x) < 0.5 and abs(p.y - q.y) > 2:
                    # A frame drawn side by side (Word's paragraph border): kept as a box
                    # edge, matched with the others in :meth:`Checker.framed`.
                    boxes.append(Box(number, pymupdf.Rect(p.x, min(p.y, q.y), p.x, max(p.y, q.y))))
            elif item[0] == "re":
                rect = item[1]
                if rect.height < 1.5 and rect.width > 2:
                    rules.append(Segment(number, rect.x0, rect.x1, (rect.y0 + rect.y1) / 2))
                elif rect.height > 5 and rect.width > 5:
                    boxes.append(Box(number, rect))
    return rules, boxes


def read_pages(pdf: Path | bytes) -> list[Page]:
    document = pymupdf.open(stream=pdf) if isinstance(pdf, bytes) else pymupdf.open(pdf)
    pages = []
    for index, page in enumerate(document, start=1):
        rules, boxes = _drawings(page, index)
        pages.append(
            Page(index, page.rect.width, page.rect.height, _lines(page, index), rules, boxes)
        )
    return pages


def _in(value: float, element: L.Element) -> bool:
    return element.low - 0.3 <= value <= element.high + 0.3


def _describe(line: Line) -> str:
    return f"«{line.text[:50]}» (trang {line.page})"


class Checker:
    def __init__(self, pages: list[Page], draft: bool) -> None:
        self.pages = pages
        self.draft = draft
        self.problems: list[str] = []
        self.kinh_gui: list[Line] = []  # "Kính gửi:" and a single addressee on its line
        self.kinh_gui_lines: list[Line] = []  # several addressees, one "- …;" line each

    def fail(self, text: str) -> None:
        self.problems.append(text)

    def element(self, line: Line, element: L.Element, name: str) -> None:
        """Size, face and case of one element as the decree's table gives them."""
        if not _in(line.size, element):
            self.fail(f"{name} {_describe(line)} cỡ {line.size}, phải {element.low}–{element.high}")
        if line.bold != element.bold:
            self.fail(f"{name} {_describe(line)} {'không ' if element.bold else ''}phải in đậm")
        if line.italic != element.italic:
            self.fail(
                f"{name} {_describe(line)} {'không ' if element.italic else ''}phải in nghiêng"
            )
        if element.upper and line.text != line.text.upper():
            self.fail(f"{name} {_describe(line)} phải viết hoa")

    def written(
        self,
        text: str,
        final: re.Pattern[str],
        blank: re.Pattern[str],
        name: str,
        *,
        search: bool = False,
    ) -> None:
        plain = text.replace("\xa0", " ")
        ok = [final] + ([blank] if self.draft else [])
        if not any(p.search(plain) if search else p.match(plain) for p in ok):
            self.fail(
                f"{name} «{text}» không đúng cách viết{'' if self.draft else ' của văn bản đã ban hành'}"
            )

    def near(self, a: float, b: float, what: str, tol: float = TOL) -> None:
        if abs(a - b) > tol:
            self.fail(f"{what}: lệch {abs(a - b):.1f} pt")

    # -- the whole file ---------------------------------------------------------------

    def run(self) -> list[str]:
        if not self.pages:
            return ["tệp không có trang nào"]
        self.paper_fonts_and_margins()
        starts = self.appendix_starts()
        self.page_numbers(starts)
        body_pages = self.pages[: starts[0] - 1] if starts else self.pages
        header_end = self.header(self.pages[0])
        self.draft_mark()
        signature = self.signature(body_pages)
        if header_end is not None and signature is not None:
            self.body(body_pages, header_end, signature, bool(starts))
        for start in starts:
            self.appendix(self.pages[start - 1])
        for page in self.pages:
            if page.landscape:
                self.full_width(page)
        return self.problems

    def paper_fonts_and_margins(self) -> None:
        a4 = (L.PAGE.width * MM, L.PAGE.height * MM)
        for page in self.pages:
            size = sorted((page.width, page.height))
            if abs(size[0] - a4[0]) > 1 or abs(size[1] - a4[1]) > 1:
                self.fail(
                    f"trang {page.number} không phải khổ A4 ({page.width:.0f}×{page.height:.0f} pt)"
                )
            for line in page.lines:
                odd = [f for f in line.fonts if not f.replace(" ", "").startswith(L.TIMES_FAMILIES)]
                if odd:
                    self.fail(
                        f"{_describe(line)} in bằng phông {', '.join(sorted(odd))}, không phải Times New Roman"
                    )
                if line.x0 < LEFT - TOL or line.x1 > page.width - RIGHT + TOL:
                    self.fail(f"{_describe(line)} ra ngoài lề trái/phải")
            for rule in page.rules:
                if rule.x0 < LEFT - TOL or rule.x1 > page.width - RIGHT + TOL:
                    self.fail(f"đường kẻ ở trang {page.number} ra ngoài lề trái/phải")
            below = [ln for ln in page.lines if ln.bottom > page.height - BOTTOM + TOL]
            for line in below:
                self.fail(f"{_describe(line)} nằm ở lề dưới (Nghị định 30 không cho in gì ở lề)")

    def appendix_starts(self) -> list[int]:
        starts = []
        for page in self.pages[1:]:
            inside = page.inside()
            if inside and inside[0].text.startswith("Phụ lục"):
                starts.append(page.number)
        return starts

    def page_numbers(self, starts: Sequence[int]) -> None:
        """None on the first page of the report or of an appendix; from the second page of
        each, its number alone, centred in the top margin, 13–14 pt regular."""
        segment_start = 1
        for page in self.pages:
            if page.number in starts:
                segment_start = page.number
            expected = page.number - segment_start + 1
            top = [ln for ln in page.lines if ln.top < TOP - TOL]
            if page.number == 1 and self.draft:
                top = [ln for ln in top if ln.text != "DỰ THẢO"]
            if expected == 1:
                for line in top:
                    self.fail(
                        f"{_describe(line)} ở lề trên của trang đầu (không được đánh số, không in gì)"
                    )
                continue
            if [ln.text for ln in top] != [str(expected)]:
                self.fail(
                    f"lề trên trang {page.number}: {[ln.text for ln in top]}, phải chỉ có số trang {expected}"
                )
                continue
            number = top[0]
            self.element(number, L.PAGE_NUMBER, "số trang")
            self.near(number.centre, page.centre, f"số trang {page.number} không ở giữa")
            if number.bottom > TOP:
                self.fail(f"số trang {page.number} không nằm trong lề trên")

    # -- page 1 -----------------------------------------------------------------------

    def find(self, page: Page, test: object, name: str) -> Line | None:
        for line in page.lines:
            if (callable(test) and test(line.text)) or line.text == test:
                return line
        self.fail(f"không thấy {name} ở trang {page.number}")
        return None

    def rule_between(self, page: Page, above: float, below: float) -> list[Segment]:
        return [r for r in page.rules if above < r.y < below]

    def header(self, page: Page) -> float | None:
        """Quốc hiệu, Tiêu ngữ and their rule; issuer and its rule; number and date;
        BÁO CÁO and the trích yếu with its rule. Returns where the header ends."""
        quoc = self.find(page, QUOC_HIEU, "Quốc hiệu")
        motto = self.find(page, TIEU_NGU, "Tiêu ngữ")
        number = self.find(page, lambda t: t.startswith("Số:"), "số, ký hiệu")
        date = self.find(page, lambda t: ", ngày" in t, "địa danh, ngày tháng")
        kind = self.find(page, "BÁO CÁO", "tên loại BÁO CÁO")
        if not (quoc and motto and number and date and kind):
            return None
        self.element(quoc, L.QUOC_HIEU, "Quốc hiệu")
        self.element(motto, L.TIEU_NGU, "Tiêu ngữ")
        if quoc.centre <= page.centre:
            self.fail("Quốc hiệu phải ở bên phải")
        self.near(motto.centre, quoc.centre, "Tiêu ngữ không ở giữa dưới Quốc hiệu")
        if not quoc.baseline < motto.baseline < number.baseline:
            self.fail("Tiêu ngữ phải ở dưới Quốc hiệu, trên số và ngày")
        rules = [
            r for r in self.rule_between(page, motto.baseline, date.top) if r.x0 > page.centre - 20
        ]
        if not rules:
            self.fail("thiếu đường kẻ dưới Tiêu ngữ")
        else:
            self.near(
                rules[0].length, motto.width, "đường kẻ dưới Tiêu ngữ không dài bằng dòng chữ", 4
            )
            self.near(rules[0].centre, motto.centre, "đường kẻ dưới Tiêu ngữ không cân giữa")
        issuer = [
            ln
            for ln in page.lines
            if ln.baseline < number.top and ln.x1 < page.centre + 10 and ln.top < motto.bottom + 30
        ]
        bold_issuer = [ln for ln in issuer if ln.bold]
        if not bold_issuer:
            self.fail("thiếu tên cơ quan ban hành (in đậm, bên trái)")
        else:
            for line in issuer:
                self.element(line, L.ISSUER if line.bold else L.PARENT_BODY, "tên cơ quan")
            self.near(
                issuer[0].baseline, quoc.baseline, "tên cơ quan không ngang hàng Quốc hiệu", 2
            )
            widest = max(bold_issuer, key=lambda ln: ln.width)
            under = [
                r
                for r in self.rule_between(page, bold_issuer[-1].baseline, number.top)
                if r.x1 < page.centre + 10
            ]
            if not under:
                self.fail("thiếu đường kẻ dưới tên cơ quan ban hành")
            else:
                ratio = under[0].length / widest.width
                if not L.SHORT_RULE[0] - 0.03 <= ratio <= L.SHORT_RULE[1] + 0.03:
                    self.fail(f"đường kẻ dưới tên cơ quan dài {ratio:.2f} dòng chữ, phải 1/3–1/2")
                self.near(
                    under[0].centre, widest.centre, "đường kẻ dưới tên cơ quan không cân giữa"
                )
            self.near(number.centre, widest.centre, "số, ký hiệu không ở giữa dưới tên cơ quan")
        self.element(number, L.NUMBER, "số, ký hiệu")
        self.element(date, L.PLACE_DATE, "địa danh, ngày tháng")
        self.near(number.baseline, date.baseline, "số và ngày tháng không cùng một dòng", 1.5)
        self.near(date.centre, motto.centre, "ngày tháng không ở giữa dưới Tiêu ngữ")
        # A final document writes the full date and the number (below 10 with a zero); a
        # draft may leave either blank for the office to fill in by hand.
        self.written(date.text, FINAL_DATE, DRAFT_DATE, "ngày tháng", search=True)
        self.written(number.text, FINAL_NUMBER, DRAFT_NUMBER, "số, ký hiệu")
        self.element(kind, L.DOC_TYPE, "tên loại")
        self.near(kind.centre, page.centre, "tên loại BÁO CÁO không ở giữa")
        if kind.top < date.bottom:
            self.fail("tên loại phải ở dưới số và ngày tháng")
        summary = []
        for line in page.lines:
            if (line.baseline > kind.baseline and line.bold and not summary) or (
                summary and line.bold and line.baseline - summary[-1].baseline < line.size * 1.6
            ):
                if line.baseline > kind.baseline:
                    summary.append(line)
            elif summary:
                break
        end = kind.bottom
        if summary:
            for line in summary:
                self.element(line, L.SUMMARY, "trích yếu")
                self.near(line.centre, page.centre, "trích yếu không ở giữa")
            below = self.rule_between(page, summary[-1].baseline, summary[-1].baseline + 25)
            if not below:
                self.fail("thiếu đường kẻ dưới trích yếu")
            else:
                widest = max(ln.width for ln in summary)
                ratio = below[0].length / widest
                if not L.SHORT_RULE[0] - 0.03 <= ratio <= L.SHORT_RULE[1] + 0.03:
                    self.fail(f"đường kẻ dưới trích yếu dài {ratio:.2f} dòng chữ, phải 1/3–1/2")
                self.near(below[0].centre, page.centre, "đường kẻ dưới trích yếu không cân giữa")
                end = below[0].y
        self.kinh_gui = [ln for ln in page.lines if ln.text.startswith("Kính gửi")]
        for line in self.kinh_gui:
            self.element(line, L.KINH_GUI, "Kính gửi")
            if line.top < end:
                self.fail("Kính gửi phải ở dưới trích yếu")
        if self.kinh_gui:
            label = self.kinh_gui[0]
            following = [
                ln
                for ln in page.lines
                if ln.baseline > label.baseline
                and ln.text.startswith("- ")
                and ln.baseline - label.baseline < 6 * label.size
                and ln.x0 > label.x0 + 10
            ]
            end = max([label.bottom, *(ln.bottom for ln in following)])
            self.kinh_gui_lines = following
        return end

    def draft_mark(self) -> None:
        marks = [ln for p in self.pages for ln in p.lines if ln.text == "DỰ THẢO"]
        if not self.draft:
            for line in marks:
                self.fail(
                    f"văn bản đã đủ số, ngày và người ký nhưng còn chữ DỰ THẢO {_describe(line)}"
                )
            return
        first = [ln for ln in marks if ln.page == 1]
        if not first:
            self.fail("dự thảo phải có chữ DỰ THẢO ở đầu trang 1")
            return
        mark = first[0]
        self.element(mark, L.DRAFT_MARK, "chữ DỰ THẢO")
        page = self.pages[0]
        if not self.framed(page, mark):
            self.fail("chữ DỰ THẢO phải ở trong khung")
        if mark.centre < page.centre or mark.bottom > TOP + 30:
            self.fail("chữ DỰ THẢO phải ở góc trên bên phải trang 1")

    @staticmethod
    def framed(page: Page, line: Line) -> bool:
        """True when a rectangle, or four strokes (top, bottom, left, right), enclose it."""
        for box in page.boxes:
            r = box.rect
            if (
                r.x0 <= line.x0 + 1
                and r.x1 >= line.x1 - 1
                and r.y0 <= line.top + 1
                and r.y1 >= line.bottom - 1
            ):
                return True
        near = 20.0
        top = [
            r
            for r in page.rules
            if line.top - near < r.y <= line.top + 1 and r.x0 <= line.x0 and r.x1 >= line.x1
        ]
        bottom = [
            r
            for r in page.rules
            if line.bottom - 1 <= r.y < line.bottom + near and r.x0 <= line.x0 and r.x1 >= line.x1
        ]
        sides = [
            b.rect
            for b in page.boxes
            if b.rect.width < 0.5 and b.rect.y0 <= line.top + 1 and b.rect.y1 >= line.bottom - 1
        ]
        left = [r for r in sides if line.x0 - near < r.x0 <= line.x0 + 1]
        right = [r for r in sides if line.x1 - 1 <= r.x0 < line.x1 + near]
        return bool(top and bottom and left and right)

    # -- body -------------------------------------------------------------------------

    def body(self, pages: Sequence[Page], start: float, signature: Line, appendices: bool) -> None:
        lines = [
            ln
            for p in pages
            for ln in p.inside()
            if (p.number > 1 or ln.top > start)
            and (
                p.number < signature.page
                or (p.number == signature.page and ln.baseline < signature.top)
            )
            and ln not in self.kinh_gui
            and ln not in self.kinh_gui_lines
        ]
        if not lines:
            self.fail("báo cáo không có phần nội dung")
            return
        for line in lines:
            if line.size < L.TABLE.low - 0.3:
                self.fail(f"{_describe(line)} cỡ {line.size}: chữ quá nhỏ trong văn bản")
        # Body text is every regular line outside the tables (whose size is free).
        text_lines = [ln for ln in lines if not self.in_table(ln)]
        regular = [ln for ln in text_lines if not ln.bold and not ln.italic]
        for line in regular:
            if not _in(line.size, L.BODY):
                self.fail(f"nội dung {_describe(line)} cỡ {line.size}, phải 13–14")
        indents = (LEFT, LEFT + L.FIRST_LINE_INDENT * MM, LEFT + 12.7 * MM)
        for line in regular:
            if min(abs(line.x0 - x) for x in indents) > 1.5 and line.text != "./.":
                self.fail(f"dòng {_describe(line)} không bắt đầu ở lề trái hay thụt đầu dòng 1 cm")
        self.spacing(regular)
        self.margin_ranges(regular)
        self.headings([ln for ln in text_lines if ln.bold])
        last = lines[-1]
        if not last.text.endswith("./."):
            self.fail(f"nội dung phải kết thúc bằng «./.»; dòng cuối là {_describe(last)}")
        if appendices and "Phụ lục" not in " ".join(ln.text for ln in lines):
            self.fail("báo cáo có phụ lục nhưng phần nội dung không dẫn tới phụ lục")

    def in_table(self, line: Line) -> bool:
        """True for text between two rules of a grid that span it (a table's cell)."""
        rules = self.pages[line.page - 1].rules

        def spans(r: Segment) -> bool:
            return r.x0 <= line.x0 + 1 and r.x1 >= line.x1 - 1

        above = any(spans(r) and 0 <= line.top - r.y + 1 < 80 for r in rules)
        below = any(spans(r) and 0 <= r.y - line.bottom + 1 < 80 for r in rules)
        return above and below

    def margin_ranges(self, lines: Sequence[Line]) -> None:
        """The text block's edges are where the decree's margins put them: the left one
        30–35 mm from the edge, the right one (justified lines reach it) 15–20 mm."""
        page_rule = L.PAGE
        for page in self.pages:
            mine = [ln for ln in lines if ln.page == page.number and not page.landscape]
            if len(mine) < 3:
                continue
            left = min(ln.x0 for ln in mine) / MM
            right = (page.width - max(ln.x1 for ln in mine)) / MM
            if not page_rule.left.low - 0.5 <= left <= page_rule.left.high + 0.5:
                self.fail(f"lề trái trang {page.number} là {left:.0f} mm, phải 30–35 mm")
            if not page_rule.right.low - 0.5 <= right <= page_rule.right.high + 0.5:
                self.fail(f"lề phải trang {page.number} là {right:.0f} mm, phải 15–20 mm")

    def spacing(self, lines: Sequence[Line]) -> None:
        gaps = []
        for a, b in pairwise(lines):
            if (
                a.page == b.page
                and 0 < b.baseline - a.baseline < 3 * a.size
                and abs(a.size - b.size) < 0.5
            ):
                gaps.append((b.baseline - a.baseline, a))
        for gap, line in gaps:
            if gap < line.size * L.SINGLE_SPACING * 0.97:
                self.fail(
                    f"dòng sau {_describe(line)} cách {gap:.1f} pt: dãn dòng dưới một dòng đơn"
                )
        if gaps:
            usual = sorted(g for g, _ in gaps)[len(gaps) // 2]
            size = gaps[0][1].size
            if usual > size * L.SINGLE_SPACING * L.MAX_SPACING * 1.02:
                self.fail(f"dãn dòng {usual:.1f} pt: quá 1,5 dòng")

    def headings(self, bold: Sequence[Line]) -> None:
        """Roman headings in capitals; Arabic and lettered sub-levels numbered in order,
        restarting under each heading above them."""
        roman, arabic, letter = 0, 0, 0
        previous: Line | None = None
        in_roman = False
        for line in bold:
            if (
                in_roman
                and previous is not None
                and line.page == previous.page
                and 0 < line.baseline - previous.baseline < line.size * 1.6
            ):
                if line.text != line.text.upper():
                    self.fail(f"đề mục La Mã phải viết hoa cả dòng {_describe(line)}")
                previous = line
                continue
            in_roman = False
            previous = line
            if PART.match(line.text):
                roman, arabic, letter = 0, 0, 0
                in_roman = True
                if line.text != line.text.upper():
                    self.fail(f"đề mục «Phần» phải viết hoa {_describe(line)}")
            elif match := ROMAN.match(line.text):
                value = _roman(match[1])
                if value != roman + 1:
                    self.fail(f"đề mục {_describe(line)}: sau mục {roman} phải là mục {roman + 1}")
                roman, arabic, letter = value, 0, 0
                in_roman = True
                self.element(line, L.HEADING_ROMAN, "đề mục La Mã")
            elif match := ARABIC.match(line.text):
                value = int(match[1])
                if value != arabic + 1:
                    self.fail(
                        f"đề mục {_describe(line)}: sau khoản {arabic} phải là khoản {arabic + 1}"
                    )
                arabic, letter = value, 0
            elif match := LETTER.match(line.text):
                index = LETTERS.index(match[1])
                if index != letter:
                    self.fail(
                        f"đề mục {_describe(line)}: điểm phải theo thứ tự a), b), c), d), đ)…"
                    )
                letter = index + 1

    # -- signature --------------------------------------------------------------------

    def signature(self, pages: Sequence[Page]) -> Line | None:
        found = [(p, ln) for p in pages for ln in p.lines if ln.text == "Nơi nhận:"]
        if not found:
            self.fail("không thấy «Nơi nhận:»")
            return None
        page, noi_nhan = found[-1]
        self.element(noi_nhan, L.NOI_NHAN, "Nơi nhận")
        self.near(noi_nhan.x0, LEFT, "«Nơi nhận:» không ở lề trái")
        left = [ln for ln in page.lines if ln.baseline > noi_nhan.baseline and ln.x1 < page.centre]
        entries: list[list[Line]] = []
        for line in left:
            if line.text.startswith("- "):
                entries.append([line])
            elif entries and line.baseline - entries[-1][-1].baseline < line.size * 1.6:
                entries[-1].append(line)
        texts = [" ".join(ln.text for ln in entry) for entry in entries]
        for entry in entries:
            for line in entry:
                self.element(line, L.RECIPIENT, "nơi nhận")
        for i, text in enumerate(texts):
            end = "." if i == len(texts) - 1 else ";"
            if not text.endswith(end):
                self.fail(f"nơi nhận «{text}» phải kết thúc bằng «{end}»")
        if any(t.startswith("- Như trên") for t in texts) and not self.kinh_gui:
            self.fail("«- Như trên;» chỉ được ghi khi báo cáo có Kính gửi")
        right = [
            ln
            for ln in page.lines
            if ln.baseline >= noi_nhan.baseline - 4 and ln.x0 > page.centre - 30 and ln.bold
        ]
        if not right:
            self.fail("thiếu thẩm quyền và chức vụ người ký")
            return noi_nhan
        self.near(
            right[0].baseline, noi_nhan.baseline, "«Nơi nhận:» không ngang hàng thẩm quyền ký", 4
        )
        # Authority and title run line after line; the name comes after the blank space.
        authority = [right[0]]
        for line in right[1:]:
            if line.baseline - authority[-1].baseline > 2 * line.size:
                break
            authority.append(line)
        names = right[len(authority) :]
        if not names and not self.draft:
            self.fail("thiếu họ tên người ký")
        for line in authority:
            self.element(line, L.AUTHORITY, "thẩm quyền ký")
            self.near(line.centre, authority[0].centre, "thẩm quyền ký không cân giữa")
        # The space for the hand signature and the seal: down to the signer's name, or on
        # a draft without one, free room down to the foot of the frame.
        if names:
            name = names[0]
            self.element(name, L.SIGNER, "họ tên người ký")
            self.near(name.centre, authority[0].centre, "họ tên người ký không ở giữa dưới chức vụ")
            space = name.top - authority[-1].bottom
        else:
            space = page.height - BOTTOM - authority[-1].bottom
        if space < (L.SIGNATURE_SPACE - 3) * MM:
            self.fail(
                f"chỗ ký và đóng dấu chỉ {space / MM:.0f} mm, phải khoảng {L.SIGNATURE_SPACE:.0f} mm"
            )
        return noi_nhan

    # -- appendices -------------------------------------------------------------------

    def appendix(self, page: Page) -> None:
        inside = page.inside()
        label = inside[0]
        self.element(label, L.APPENDIX_LABEL, "số phụ lục")
        self.near(label.centre, page.centre, "«Phụ lục» không ở giữa")
        italic = [ln for ln in inside[1:6] if ln.italic]
        reference = " ".join(ln.text for ln in italic).replace("\xa0", " ")
        match = REFERENCE.match(reference)
        if not match:
            self.fail(
                f"phụ lục ở trang {page.number}: dòng «(Kèm theo Báo cáo số … ngày … tháng … năm … của Ủy ban nhân dân …)» sai: «{reference}»"
            )
            return
        for line in italic:
            self.element(line, L.APPENDIX_REFERENCE, "dòng kèm theo")
        dates = (FINAL_DATE, DRAFT_DATE) if self.draft else (FINAL_DATE,)
        if not any(rule.search(match["date"]) for rule in dates):
            self.fail(f"phụ lục ở trang {page.number}: ngày «{match['date']}» không viết đủ")

    def full_width(self, page: Page) -> None:
        """A landscape table runs the whole width of the frame."""
        widest = max(page.rules, key=lambda r: r.length, default=None)
        if widest is None:
            self.fail(f"trang ngang {page.number} không có bảng")
            return
        self.near(widest.x0, LEFT, f"bảng ở trang ngang {page.number} không sát lề trái")
        self.near(
            widest.x1, page.width - RIGHT, f"bảng ở trang ngang {page.number} không sát lề phải"
        )


def _roman(text: str) -> int:
    total = 0
    for a, b in zip(text, [*text[1:], ""], strict=True):
        value = ROMAN_VALUES[a]
        total += -value if b and ROMAN_VALUES[b] > value else value
    return total


def check_report_layout(pdf: Path | bytes, *, draft: bool = False) -> list[str]:
    """Every way ``pdf`` departs from the Decree 30 layout, in words ([] = none)."""
    return Checker(read_pages(pdf), draft).run()


def text_of(pages: Iterable[Page]) -> str:
    """The words as a reader reads them: a no-break space is a space."""
    return "\n".join(ln.text for p in pages for ln in p.lines).replace("\xa0", " ")

"""The Decree 30 report as a Word file (.docx), for leaders who edit before signing.

The same :class:`~hbt_desktop.reports.content.ReportContent` as the PDF, laid out with
python-docx from the same table of the decree's numbers (``layout.py``) and the same
wording decisions (``decree30_text.py``): A4 with the decree's margins, Times New Roman,
the two-column header with the rules under the issuer and the Tiêu ngữ, the Roman
headings in capitals, the signature block beside Nơi nhận, appendices in sections of
their own (landscape where their tables ask for it) numbered separately. Everything is
ordinary Word text the leader can edit; page numbers are Word fields.

The rules are paragraph borders whose indents make them exactly as long as the decree
asks; widths are measured with the same font metrics as the PDF.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import IO, Any

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import _Cell
from docx.text.paragraph import Paragraph
from reportlab.pdfbase.pdfmetrics import stringWidth

from hbt_desktop.core.provenance import PrintRecord
from hbt_desktop.reports import content
from hbt_desktop.reports import layout as L
from hbt_desktop.reports.decree30 import full_width, keywords, report_texts, table_look
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
from hbt_desktop.reports.fonts import FontSet, register_fonts, require_coverage
from hbt_desktop.reports.markup import plain
from hbt_desktop.reports.metadata import print_record, record_from_xml, xmp_packet
from hbt_desktop.reports.output import Output, write_pdf
from hbt_desktop.reports.styles import report_styles
from hbt_desktop.reports.tables import column_alignments, fit_col_widths, padded_rows

FONT = "Times New Roman"
_ALIGN = {
    content.Align.LEFT: WD_ALIGN_PARAGRAPH.LEFT,
    content.Align.CENTER: WD_ALIGN_PARAGRAPH.CENTER,
    content.Align.RIGHT: WD_ALIGN_PARAGRAPH.RIGHT,
}
RECORD_PART = "/customXml/hbt-desktop-print.xml"


@dataclass(frozen=True)
class Frame:
    """The text block of the current section, in points."""

    width: float


class _Writer:
    def __init__(self, doc: content.ReportContent, fonts: FontSet) -> None:
        self.doc = doc
        self.fonts = fonts
        self.word = Document()
        self.frame = Frame(L.PAGE.text_width * L.MM)
        self.look = table_look(report_styles(fonts))
        self._styles()

    # -- basics ------------------------------------------------------------------------

    def _styles(self) -> None:
        normal = self.word.styles["Normal"]
        normal.font.name = FONT
        normal.font.size = Pt(L.BODY.size)
        fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
        for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(attr), FONT)
        normal.paragraph_format.space_before = Pt(0)
        normal.paragraph_format.space_after = Pt(0)
        self._page(self.word.sections[0], landscape=False)

    def _page(self, section: Any, *, landscape: bool) -> None:
        width, height = Mm(L.PAGE.width), Mm(L.PAGE.height)
        section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = (height, width) if landscape else (width, height)
        section.top_margin = Mm(L.PAGE.top.value)
        section.bottom_margin = Mm(L.PAGE.bottom.value)
        section.left_margin = Mm(L.PAGE.left.value)
        section.right_margin = Mm(L.PAGE.right.value)
        # The page number is centred in the top margin (Decree 30, số trang).
        line = L.PAGE_NUMBER.size * L.SINGLE_SPACING / L.MM
        section.header_distance = Mm(L.PAGE.top.value / 2 - line / 2)
        section.footer_distance = Mm(L.PAGE.bottom.value / 2)
        self.frame = Frame((L.PAGE.landscape_text_width if landscape else L.PAGE.text_width) * L.MM)

    def width(self, text: str, element: L.Element) -> float:
        return float(stringWidth(plain(text), self._face(element), element.size))

    def _face(self, element: L.Element) -> str:
        f = self.fonts
        if element.bold and element.italic:
            return f.serif_bold_italic
        if element.bold:
            return f.serif_bold
        return f.serif_italic if element.italic else f.serif

    def para(
        self,
        where: Any,
        text: str,
        element: L.Element,
        *,
        align: Any = WD_ALIGN_PARAGRAPH.CENTER,
        leading: float | None = None,
        before: float = 0,
        after: float = 0,
        indent: float = 0,
    ) -> Paragraph:
        p: Paragraph = where.add_paragraph()
        fmt = p.paragraph_format
        fmt.alignment = align
        fmt.space_before, fmt.space_after = Pt(before), Pt(after)
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Pt(leading or round(element.size * 1.2, 1))
        if indent:
            fmt.first_line_indent = Pt(indent)
        run = p.add_run(plain(text))
        run.font.size = Pt(element.size)
        run.font.bold = element.bold
        run.font.italic = element.italic
        return p

    def rule(self, where: Any, length: float, room: float, *, before: float = 0) -> None:
        """A solid rule ``length`` points long, centred in ``room``: the bottom border of
        an empty paragraph whose indents leave just that length."""
        p = where.add_paragraph()
        fmt = p.paragraph_format
        side = max(0.0, (room - length) / 2)
        fmt.left_indent, fmt.right_indent = Pt(side), Pt(side)
        fmt.space_before, fmt.space_after = Pt(before), Pt(0)
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Pt(2)
        run = p.add_run()
        run.font.size = Pt(1)
        borders = OxmlElement("w:pBdr")
        bottom = OxmlElement("w:bottom")
        bottom.set(qn("w:val"), "single")
        bottom.set(qn("w:sz"), str(max(2, round(L.RULE_WIDTH * 8))))  # eighths of a point
        bottom.set(qn("w:space"), "1")
        bottom.set(qn("w:color"), "000000")
        borders.append(bottom)
        p._p.get_or_add_pPr().append(borders)

    def layout_table(self, columns: Sequence[float], where: Any = None) -> Any:
        """A borderless table of fixed columns (points), centred, cells without margins."""
        table = (where or self.word).add_table(rows=1, cols=len(columns))
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        _fixed(table, columns)
        _cell_margins(table, 0)
        return table

    # -- the parts of the page ---------------------------------------------------------

    def header(self) -> None:
        d = self.doc
        left_w, right_w = (w * L.MM for w in L.HEADER_COLUMNS)
        table = self.layout_table((left_w, right_w))
        left, right = table.rows[0].cells
        cells_first = {id(left): True, id(right): True}

        def add(cell: _Cell, text: str, element: L.Element, **kw: Any) -> None:
            if cells_first[id(cell)]:
                cells_first[id(cell)] = False
                p = cell.paragraphs[0]
                p._p.getparent().remove(p._p)
            self.para(cell, text, element, **kw)

        if d.parent_body.strip():
            add(left, upper(d.parent_body), L.PARENT_BODY, leading=14)
        for line in d.issuer:
            add(left, upper(line), L.ISSUER, leading=14)
        if d.issuer:
            longest = max(self.width(upper(line), L.ISSUER) for line in d.issuer)
            self.rule(left, longest * L.ISSUER_RULE, left_w, before=2)
        add(right, upper(d.national_name), L.QUOC_HIEU, leading=14)
        add(right, d.motto, L.TIEU_NGU, leading=15)
        self.rule(right, self.width(d.motto, L.TIEU_NGU), right_w, before=2)
        row = table.add_row()
        number, date = row.cells
        for cell in (number, date):
            cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)
        # One exact line height for both: "Số:" (13 pt) and the date (14 pt) then share
        # a baseline, as the decree places them.
        self.para(number, d.number_symbol, L.NUMBER, leading=17, before=6)
        self.para(date, d.place_date, L.PLACE_DATE, leading=17, before=6)

    def title(self) -> None:
        d = self.doc
        self.para(self.word, upper(d.doc_type), L.DOC_TYPE, leading=17, before=18)
        if d.summary.strip():
            self.para(self.word, d.summary, L.SUMMARY, leading=17)
            width = min(self.width(d.summary, L.SUMMARY), self.frame.width)
            self.rule(self.word, width * L.SUMMARY_RULE, self.frame.width, before=2)
        lines = kinh_gui_lines(d.kinh_gui)
        if len(lines) == 1:
            self.para(self.word, lines[0], L.KINH_GUI, leading=L.BODY_LEADING, before=12)
        elif lines:
            label = self.width(lines[0] + " ", L.KINH_GUI)
            names = min(
                max(self.width(n, L.KINH_GUI) for n in lines[1:]) + 4, self.frame.width - label
            )
            self.para(self.word, "", L.KINH_GUI, leading=6)
            table = self.layout_table((label, names))
            first, rest = table.rows[0].cells
            first.paragraphs[0]._p.getparent().remove(first.paragraphs[0]._p)
            rest.paragraphs[0]._p.getparent().remove(rest.paragraphs[0]._p)
            self.para(first, lines[0], L.KINH_GUI, align=WD_ALIGN_PARAGRAPH.LEFT, leading=17)
            for name in lines[1:]:
                self.para(rest, name, L.KINH_GUI, align=WD_ALIGN_PARAGRAPH.LEFT, leading=17)
        self.para(self.word, "", L.BODY, leading=14)

    def body_paragraph(self, text: str) -> None:
        self.para(
            self.word,
            text,
            L.BODY,
            align=WD_ALIGN_PARAGRAPH.JUSTIFY,
            leading=L.BODY_LEADING,
            after=L.PARAGRAPH_GAP,
            indent=L.FIRST_LINE_INDENT * L.MM,
        )

    def section(self, section: content.Section) -> None:
        if section.heading.strip():
            element = L.HEADING_ROMAN if section.level <= 1 else L.HEADING
            text = heading_text(section)
            element = element if text == text.upper() else L.HEADING
            p = self.para(
                self.word,
                text,
                element,
                align=WD_ALIGN_PARAGRAPH.JUSTIFY,
                leading=L.BODY_LEADING,
                # Word keeps the larger of two adjoining spaces where the PDF adds them:
                # twice the gap gives the heading the same room above it in both.
                before=2 * L.PARAGRAPH_GAP,
                after=L.PARAGRAPH_GAP,
                indent=L.FIRST_LINE_INDENT * L.MM,
            )
            p.paragraph_format.keep_with_next = True
        for text in section.paragraphs:
            if text.strip():
                self.body_paragraph(text)
        for table in section.tables:
            self.table(table)
        for photo in section.photos:
            self.photo(photo)

    def photo(self, photo: content.Photo) -> None:
        p = self.word.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        try:
            p.add_run().add_picture(io.BytesIO(photo.image), width=Pt(self.frame.width * 0.8))
        except Exception:  # an unreadable picture: its caption still prints (as in the PDF)
            p.add_run("[ảnh không đọc được]")
        caption = L.Element(12, 12, 12, italic=True)
        self.para(self.word, photo.caption, caption, leading=14, after=L.PARAGRAPH_GAP)

    def table(self, table: content.Table) -> None:
        header, body = padded_rows(table)
        n = len(header[0]) if header else len(body[0]) if body else 0
        if not n:
            return
        if table.title:
            title = L.Element(L.TABLE.size + 1, 13, 13, bold=True)
            self.para(self.word, table.title, title, leading=16, before=6, after=4)
        # The widths the PDF gives the same table, so that both wrap their cells alike.
        widths = fit_col_widths(full_width(table, self.frame.width), self.look, self.frame.width)
        grid = self.word.add_table(rows=len(header) + len(body), cols=n)
        grid.style = "Table Grid"
        grid.alignment = WD_TABLE_ALIGNMENT.CENTER
        grid.autofit = False
        _fixed(grid, widths)
        # The PDF's cell padding, so that the same widths wrap the same words.
        _cell_margins(grid, self.look.padding)
        aligns = column_alignments(table)
        spanned = set()
        for c0, r0, c1, r1 in table.header_spans:
            grid.cell(r0, c0).merge(grid.cell(r1, c1))
            spanned |= {(r, c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)} - {(r0, c0)}
        for r, row in enumerate(header):
            _repeat_header(grid.rows[r])
            for c, text in enumerate(row):
                if (r, c) not in spanned:
                    self.cell(grid.cell(r, c), text, True, WD_ALIGN_PARAGRAPH.CENTER)
        for i, row in enumerate(body):
            bold = i in table.bold_rows
            for c, text in enumerate(row):
                self.cell(grid.cell(len(header) + i, c), text, bold, _ALIGN[aligns[c]])
        note = L.Element(12, 12, 12, italic=True)
        for footnote in table.footnotes:
            self.para(self.word, footnote, note, align=WD_ALIGN_PARAGRAPH.LEFT, leading=14)
        self.para(self.word, "", L.TABLE, leading=L.PARAGRAPH_GAP)

    def cell(self, cell: _Cell, text: str, bold: bool, align: Any) -> None:
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        p = cell.paragraphs[0]
        p.alignment = align
        p.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        p.paragraph_format.line_spacing = Pt(L.TABLE.size + 2)
        run = p.add_run(plain(text))
        run.font.size = Pt(L.TABLE.size)
        run.font.bold = bold

    def signature(self) -> None:
        d = self.doc
        self.para(self.word, "", L.BODY, leading=L.PARAGRAPH_GAP * 2)
        columns = [w * L.MM for w in L.SIGNATURE_COLUMNS]
        table = self.layout_table(columns)
        row = table.rows[0]
        _keep_row(row)
        left, right = row.cells
        for cell in (left, right):
            cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)
        self.para(left, NOI_NHAN, L.NOI_NHAN, align=WD_ALIGN_PARAGRAPH.LEFT, leading=14)
        for line in recipient_lines(d.recipients):
            self.para(left, line, L.RECIPIENT, align=WD_ALIGN_PARAGRAPH.LEFT, leading=13)
        sig = d.signature
        lines = [*sig.authority, *([sig.title] if sig.title.strip() else [])]
        for line in lines or [""]:
            self.para(right, upper(line), L.AUTHORITY, leading=17)
        # The hand signature and the seal go in this space, kept even on a draft.
        self.para(right, sig.name, L.SIGNER, leading=17, before=L.SIGNATURE_SPACE * L.MM)

    def appendix(self, appendix: content.Appendix) -> None:
        first = appendix.tables[0] if appendix.tables else None
        landscape = first is not None and first.landscape
        section = self._new_section(landscape, restart=True)
        del section
        self.para(self.word, appendix.label, L.APPENDIX_LABEL, leading=17)
        if appendix.title.strip():
            self.para(self.word, appendix.title, L.APPENDIX_TITLE, leading=17)
        if appendix.subtitle.strip():
            self.para(self.word, appendix.subtitle, L.APPENDIX_REFERENCE, leading=17, after=10)
        current = landscape
        for table in appendix.tables:
            if table.landscape != current:
                self._new_section(table.landscape, restart=False)
                current = table.landscape
            self.table(table)

    def _new_section(self, landscape: bool, *, restart: bool) -> Any:
        section = self.word.add_section(WD_SECTION.NEW_PAGE)
        self._page(section, landscape=landscape)
        if restart:
            # Each appendix is numbered on its own, its first page without a number.
            number_type = OxmlElement("w:pgNumType")
            number_type.set(qn("w:start"), "1")
            section._sectPr.append(number_type)
            section.different_first_page_header_footer = True
            section.first_page_header.is_linked_to_previous = False
        return section

    def page_numbers(self) -> None:
        """From the second page: the number alone, centred in the top margin; the first
        page has none, and a draft has its "DỰ THẢO" box there."""
        section = self.word.sections[0]
        section.different_first_page_header_footer = True
        p = section.header.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = p.add_run()
        run.font.size = Pt(L.PAGE_NUMBER.size)
        for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
            if kind:
                field = OxmlElement("w:fldChar")
                field.set(qn("w:fldCharType"), kind)
                run._r.append(field)
            else:
                instr = OxmlElement("w:instrText")
                instr.set(qn("xml:space"), "preserve")
                instr.text = f" {text} "
                run._r.append(instr)
        if self.doc.draft:
            first = section.first_page_header.paragraphs[0]
            box = self.width(DRAFT_MARK, L.DRAFT_MARK) + 12
            first.alignment = WD_ALIGN_PARAGRAPH.CENTER
            # The first section is portrait whatever the appendices are.
            first.paragraph_format.left_indent = Pt(L.PAGE.text_width * L.MM - box)
            mark = first.add_run(DRAFT_MARK)
            mark.font.size = Pt(L.DRAFT_MARK.size)
            mark.font.bold = True
            borders = OxmlElement("w:pBdr")
            for side in ("top", "left", "bottom", "right"):
                edge = OxmlElement(f"w:{side}")
                edge.set(qn("w:val"), "single")
                edge.set(qn("w:sz"), str(max(2, round(L.RULE_WIDTH * 8))))
                edge.set(qn("w:space"), "2")
                edge.set(qn("w:color"), "000000")
                borders.append(edge)
            first._p.get_or_add_pPr().append(borders)

    def metadata(self, record: PrintRecord) -> None:
        d = self.doc
        props = self.word.core_properties
        props.title = plain(f"{d.doc_type} {d.summary}".strip())
        props.author = plain(" ".join(d.issuer))
        props.subject = plain(f"{d.number_symbol}, {d.place_date}")
        props.keywords = keywords(d)
        props.language = "vi-VN"
        blob = xmp_packet(record, keywords(d)).encode("utf-8")
        part = Part(PackURI(RECORD_PART), "application/xml", blob, self.word.part.package)
        self.word.part.relate_to(part, RT.CUSTOM_XML)

    def build(self) -> bytes:
        d = self.doc
        self.header()
        self.title()
        for text in d.intro:
            if text.strip():
                self.body_paragraph(text)
        for section in d.parts:
            self.section(section)
        self.signature()
        for appendix in d.appendices:
            self.appendix(appendix)
        self.page_numbers()
        self.metadata(print_record(d.footer, "report"))
        buffer = io.BytesIO()
        self.word.save(buffer)
        return buffer.getvalue()


def _fixed(table: Any, widths: Sequence[float]) -> None:
    """Fixed column widths (Word and LibreOffice otherwise size columns to content)."""
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    table._tbl.tblPr.append(layout)
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Pt(width)
        for cell in column.cells:
            cell.width = Pt(width)


def _cell_margins(table: Any, points: float) -> None:
    margins = OxmlElement("w:tblCellMar")
    for side in ("top", "left", "bottom", "right"):
        edge = OxmlElement(f"w:{side}")
        # Twentieths of a point; less above and below than at the sides, as in the PDF.
        width = points if side in ("left", "right") else points * 0.6
        edge.set(qn("w:w"), str(round(width * 20)))
        edge.set(qn("w:type"), "dxa")
        margins.append(edge)
    table._tbl.tblPr.append(margins)


def _repeat_header(row: Any) -> None:
    element = OxmlElement("w:tblHeader")
    element.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(element)


def _keep_row(row: Any) -> None:
    element = OxmlElement("w:cantSplit")
    element.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(element)


def build_docx(report: content.ReportContent, out: Output) -> None:
    """Write ``report`` as a Word file to ``out`` (whole, or not at all). Refused like the
    PDF: "Như trên" without a Kính gửi, a character the fonts cannot draw."""
    check_report(report)
    doc = close_body(report)
    fonts = register_fonts()
    require_coverage(report_texts(doc), fonts.serif_faces)
    write_pdf(_Writer(doc, fonts).build(), out, suffix=".docx")


def docx_record(stream: IO[bytes]) -> PrintRecord | None:
    """The record a Word file written here carries; ValueError if it is not a Word file."""
    try:
        word = Document(stream)
    except Exception as error:  # python-docx raises several kinds for a bad package
        raise ValueError("not a Word document") from error
    for rel in word.part.rels.values():
        if rel.reltype == RT.CUSTOM_XML and not rel.is_external:
            found = record_from_xml(rel.target_part.blob)
            if found is not None:
                return found
    return None

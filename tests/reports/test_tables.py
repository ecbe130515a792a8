"""content.Table → platypus: alignment, widths, cells and style, mostly without a PDF."""

from __future__ import annotations

import dataclasses
import io

import pytest
from pypdf import PdfReader
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Paragraph, SimpleDocTemplate
from reportlab.platypus import Table as RLTable

from hbt_desktop.reports.content import Align, Table
from hbt_desktop.reports.fonts import register_fonts
from hbt_desktop.reports.tables import (
    TableLook,
    cell_contents,
    column_alignments,
    fit_col_widths,
    padded_rows,
    table_flowables,
    table_style_commands,
)

from .sample_content import ward_table, wide_ward_table

WIDTH = 165 * mm  # the Decree 30 text block


@pytest.fixture(scope="module")
def look() -> TableLook:
    f = register_fonts(bundled=True)
    return TableLook(
        font=f.serif, bold_font=f.serif_bold, italic_font=f.serif_italic, size=12, leading=14
    )


def test_given_alignments_are_kept() -> None:
    assert column_alignments(ward_table())[:3] == (Align.CENTER, Align.LEFT, Align.RIGHT)


def test_columns_of_figures_are_right_aligned_when_the_table_does_not_say() -> None:
    table = Table(
        title="",
        header=(("Phường", "Thu (triệu đồng)", "So với dự toán", "Ghi chú"),),
        rows=(("Bạch Mai", "6.612", "34,3%", "đạt"), ("Minh Khai", "-1.250", "−1,25%", "")),
    )
    assert column_alignments(table) == (Align.LEFT, Align.RIGHT, Align.RIGHT, Align.LEFT)


def test_short_rows_are_padded_to_the_widest() -> None:
    table = Table(title="", header=(("A", "B", "C"),), rows=(("1",), ("1", "2")))
    header, body = padded_rows(table)
    assert header == [["A", "B", "C"]]
    assert body == [["1", "", ""], ["1", "2", ""]]


def test_given_widths_are_used_and_scaled_down_only_when_too_wide(look: TableLook) -> None:
    table = Table(title="", header=(("a", "b"),), rows=(), col_widths_mm=(40, 60))
    assert fit_col_widths(table, look, WIDTH) == pytest.approx([40 * mm, 60 * mm])
    wide = Table(title="", header=(("a", "b"),), rows=(), col_widths_mm=(100, 100))
    assert fit_col_widths(wide, look, WIDTH) == pytest.approx([WIDTH / 2, WIDTH / 2])


def test_fitted_widths_fill_the_text_block(look: TableLook) -> None:
    for table in (ward_table(), wide_ward_table()):
        widths = fit_col_widths(table, look, WIDTH)
        assert sum(widths) == pytest.approx(WIDTH)


def test_figures_and_ward_names_never_wrap(look: TableLook) -> None:
    table = wide_ward_table()  # ten columns squeezed into a portrait text block
    widths = fit_col_widths(table, look, WIDTH)
    _, body = padded_rows(table)
    for row_index, row in enumerate(body):
        font = look.bold_font if row_index in table.bold_rows else look.font
        for col, text in enumerate(row):
            if col == 1 or column_alignments(table)[col] is Align.RIGHT:
                assert stringWidth(text, font, look.size) + 2 * look.padding <= widths[col]


def test_a_header_cell_over_two_rows_counts_for_its_column(look: TableLook) -> None:
    widths = fit_col_widths(ward_table(), look, WIDTH)
    # "STT" spans both header rows; it must not be broken into S / T / T.
    assert widths[0] >= stringWidth("STT", look.bold_font, look.size) + 2 * look.padding


def test_short_headers_stay_on_one_line_before_long_ones_get_room(look: TableLook) -> None:
    widths = fit_col_widths(ward_table(), look, WIDTH)
    for col, text in ((4, "Dự toán"), (5, "Cùng kỳ")):
        assert widths[col] >= stringWidth(text, look.bold_font, look.size) + 2 * look.padding


def test_cells_fit_as_text_or_wrap_as_paragraphs_with_the_right_font_and_alignment(
    look: TableLook,
) -> None:
    table = ward_table()
    widths = fit_col_widths(table, look, WIDTH)
    rows = cell_contents(table, look, widths)
    assert len(rows) == len(table.header) + len(table.rows)
    first = rows[len(table.header)]
    assert all(isinstance(cell, str) for cell in first)  # short figures: plain, fast
    commands = table_style_commands(table, look)
    n_head = len(table.header)
    assert ("FONT", (0, 0), (-1, n_head - 1), look.bold_font, look.size) in commands
    assert ("ALIGN", (2, n_head), (2, -1), "RIGHT") in commands
    assert ("ALIGN", (1, n_head), (1, -1), "LEFT") in commands
    total = n_head + len(table.rows) - 1
    assert ("FONT", (0, total), (-1, total), look.bold_font, look.size) in commands
    assert rows[-1][1] == "Toàn quận"


def test_text_too_long_for_its_column_wraps_in_a_paragraph(look: TableLook) -> None:
    table = Table(title="", header=(("Nội dung",),), rows=(("Một câu rất dài " * 8,),))
    cell = cell_contents(table, look, [60.0])[1][0]
    assert isinstance(cell, Paragraph)
    assert cell.style.fontName == look.font and cell.style.alignment == TA_LEFT


def test_clerk_text_is_escaped_in_cells(look: TableLook) -> None:
    table = Table(title="", header=(("Nội dung",),), rows=(("Thu & chi <dự kiến> " * 4,),))
    cell = cell_contents(table, look, [80.0])[1][0]
    assert isinstance(cell, Paragraph)
    assert cell.getPlainText() == ("Thu & chi <dự kiến> " * 4).strip()


def test_style_sets_the_font_grid_and_spans(look: TableLook) -> None:
    table = ward_table()
    commands = table_style_commands(table, look)
    assert commands[0][0] == "FONT" and commands[0][3] == look.font  # never Helvetica
    assert any(c[0] == "GRID" for c in commands)
    spans = [c[1:] for c in commands if c[0] == "SPAN"]
    assert ((0, 0), (0, 1)) in spans and ((4, 0), (5, 0)) in spans


def test_shading_of_total_rows_is_counted_after_the_header(look: TableLook) -> None:
    shaded = TableLook(
        font=look.font,
        bold_font=look.bold_font,
        italic_font=look.italic_font,
        size=10,
        leading=12,
        bold_background=look.grid_color,
    )
    table = ward_table()
    commands = table_style_commands(table, shaded)
    total_row = len(table.header) + len(table.rows) - 1
    assert ("BACKGROUND", (0, total_row), (-1, total_row), look.grid_color) in commands


def test_flowables_repeat_the_header_and_carry_title_and_footnotes(look: TableLook) -> None:
    title = ParagraphStyle("t", fontName=look.bold_font)
    note = ParagraphStyle("n", fontName=look.italic_font)
    out = table_flowables(ward_table(), look, WIDTH, title, note)
    assert isinstance(out[0], CondPageBreak)  # a title never ends a page alone
    assert isinstance(out[1], Paragraph)
    grid = out[2]
    assert isinstance(grid, RLTable)
    assert grid.repeatRows == 2
    assert out[-1].getPlainText().startswith("Ghi chú:")


def test_a_long_table_repeats_its_header_on_the_next_page(look: TableLook) -> None:
    rows = tuple((str(i), f"Tổ dân phố số {i}", f"{i * 37}") for i in range(1, 121))
    table = Table(title="", header=(("STT", "Đơn vị", "Số hộ"),), rows=rows)
    note = ParagraphStyle("n", fontName=look.italic_font)
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4, initialFontName=look.font).build(
        table_flowables(table, look, WIDTH, None, note)
    )
    pages = PdfReader(io.BytesIO(out.getvalue())).pages
    assert len(pages) >= 2
    assert all("Số hộ" in page.extract_text() for page in pages)


def test_given_widths_are_widened_where_a_word_or_figure_would_not_fit(look: TableLook) -> None:
    table = dataclasses.replace(ward_table(), col_widths_mm=(6, 40, 30, 30, 15, 15))
    widths = fit_col_widths(table, look, WIDTH)
    assert widths[0] >= stringWidth("STT", look.bold_font, look.size) + 2 * look.padding
    assert sum(widths) == pytest.approx(sum(table.col_widths_mm) * mm)
    assert widths[1] < 40 * mm  # the room came from the wide columns


def test_given_widths_that_cannot_hold_the_figures_are_replaced(look: TableLook) -> None:
    table = dataclasses.replace(ward_table(), col_widths_mm=(5, 10, 10, 10, 10, 10))
    widths = fit_col_widths(table, look, WIDTH)
    assert widths[2] >= stringWidth("341.350", look.bold_font, look.size)

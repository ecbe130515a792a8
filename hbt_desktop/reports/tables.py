"""``content.Table`` → platypus flowables.

The pieces that decide what a table looks like (alignment of each column, column widths,
cell paragraphs, style commands) are pure functions of the data, tested without building
a PDF; :func:`table_flowables` only puts them together.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeAlias

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Table, TableStyle

from hbt_desktop.reports import content
from hbt_desktop.reports.markup import para, plain

Align = content.Align
StyleCommand = tuple[object, ...]

# A cell that holds a figure as the formatters write it: "4.115", "11,7%", "-1,25",
# "4.115 tỷ 081 triệu" is text. Used only when a table does not say how to align.
_FIGURE = re.compile(r"^[+\-−]?\d[\d.,\s]*%?$")


@dataclass(frozen=True)
class TableLook:
    """Fonts, sizes and rules of one document's tables."""

    font: str
    bold_font: str
    italic_font: str
    size: float
    leading: float
    grid_color: colors.Color = colors.black
    grid_width: float = 0.5
    padding: float = 3.0
    header_background: colors.Color | None = None
    bold_background: colors.Color | None = None


def column_count(table: content.Table) -> int:
    return max((len(row) for row in (*table.header, *table.rows)), default=0)


def column_alignments(table: content.Table) -> tuple[Align, ...]:
    """One alignment per column: the table's own, else right for columns of figures."""
    n = column_count(table)
    given = tuple(table.align)
    if len(given) >= n:
        return given[:n]
    guessed: list[Align] = list(given)
    for col in range(len(given), n):
        cells = [row[col].strip() for row in table.rows if col < len(row) and row[col].strip()]
        is_figures = bool(cells) and all(_FIGURE.match(cell) for cell in cells)
        guessed.append(Align.RIGHT if is_figures else Align.LEFT)
    return tuple(guessed)


def padded_rows(table: content.Table) -> tuple[list[list[str]], list[list[str]]]:
    """Header and body rows, each as long as the widest row ("" where missing)."""
    n = column_count(table)

    def pad(row: Sequence[str]) -> list[str]:
        return [plain(cell) for cell in row] + [""] * (n - len(row))

    return [pad(r) for r in table.header], [pad(r) for r in table.rows]


def _spanned_cells(table: content.Table) -> set[tuple[int, int]]:
    """(col, header_row) of every header cell inside a merged range."""
    cells = set()
    for c0, r0, c1, r1 in table.header_spans:
        cells |= {(c, r) for c in range(c0, c1 + 1) for r in range(r0, r1 + 1)}
    return cells


def _longest_word(text: str, font: str, size: float) -> float:
    return max((stringWidth(word, font, size) for word in text.split()), default=0.0)


def _span_widths(
    table: content.Table, header: list[list[str]], look: TableLook
) -> list[tuple[int, int, float, float]]:
    """(first_col, last_col, natural, longest word) of the text of each merged header cell."""
    out = []
    for c0, r0, c1, _ in table.header_spans:
        text = header[r0][c0] if r0 < len(header) and c0 < len(header[r0]) else ""
        out.append(
            (
                c0,
                c1,
                stringWidth(text, look.bold_font, look.size),
                _longest_word(text, look.bold_font, look.size),
            )
        )
    return out


def _widen(widths: list[float], c0: int, c1: int, needed: float) -> None:
    """Make columns c0..c1 together at least ``needed`` wide, in proportion."""
    have = sum(widths[c0 : c1 + 1])
    if have < needed:
        for c in range(c0, c1 + 1):
            widths[c] *= needed / have


def _share(low: list[float], high: list[float], room: float) -> list[float]:
    """``low`` plus ``room``, filled like water: the columns that want least are
    satisfied first (a short header such as "Cùng kỳ" stays on one line) and the rest
    share what is left equally."""
    wants = [max(h - lo, 0.0) for lo, h in zip(low, high, strict=True)]
    order = sorted(range(len(wants)), key=lambda i: wants[i])
    given = [0.0] * len(wants)
    left = room
    for position, index in enumerate(order):
        fair = left / (len(order) - position)
        given[index] = min(wants[index], fair)
        left -= given[index]
    return [lo + g for lo, g in zip(low, given, strict=True)]


def column_needs(
    table: content.Table, look: TableLook
) -> tuple[list[float], list[float], list[float]]:
    """Per column, the width (points) at which (1) no word is broken and no figure
    wrapped, (2) no body cell wraps, (3) no header cell wraps either."""
    n = column_count(table)
    header, body = padded_rows(table)
    aligns = column_alignments(table)
    spanned = _spanned_cells(table)
    # The text cell of a span one column wide (e.g. "STT" over two header rows) counts
    # for its column like any other cell.
    single = {(c0, r0) for c0, r0, c1, _ in table.header_spans if c0 == c1}
    pad = 2 * look.padding + 1
    words = [6 * mm] * n
    body_fit = [6 * mm] * n
    full = [6 * mm] * n
    for r, row in enumerate(header):
        for c, text in enumerate(row):
            if (c, r) in spanned and (c, r) not in single:
                continue  # multi-column cells are handled below; the rest are blank
            word = _longest_word(text, look.bold_font, look.size) + pad
            words[c] = max(words[c], word)
            body_fit[c] = max(body_fit[c], word)
            full[c] = max(full[c], stringWidth(text, look.bold_font, look.size) + pad)
    for row_index, row in enumerate(body):
        font = look.bold_font if row_index in table.bold_rows else look.font
        for c, text in enumerate(row):
            width = stringWidth(text, font, look.size) + pad
            body_fit[c] = max(body_fit[c], width)
            full[c] = max(full[c], width)
            # A figure must not wrap even at the tightest step: a Paragraph cannot break
            # "4.115.081", it would run over the next cell.
            if aligns[c] is Align.LEFT:
                width = _longest_word(text, font, look.size) + pad
            words[c] = max(words[c], width)
    for c0, c1, natural, word in _span_widths(table, header, look):
        if c1 > c0:
            _widen(words, c0, c1, word + pad)
            _widen(body_fit, c0, c1, word + pad)
            _widen(full, c0, c1, natural + pad)
    body_fit = [max(a, b) for a, b in zip(words, body_fit, strict=True)]
    full = [max(a, b) for a, b in zip(body_fit, full, strict=True)]
    return words, body_fit, full


def fit_col_widths(table: content.Table, look: TableLook, avail_width: float) -> list[float]:
    """Column widths in points that fit ``avail_width``.

    ``col_widths_mm`` is followed when given (scaled down if wider than the frame), except
    that a column too narrow for its longest word or figure is widened at the expense of
    the others. Otherwise widths are chosen in three steps of need (see
    :func:`column_needs`): the widest step that fits is used and the spare room shared;
    official tables run the full width of the text block.
    """
    n = column_count(table)
    if n == 0:
        return []
    words, body_fit, full = column_needs(table, look)
    if len(table.col_widths_mm) == n:
        given = [w * mm for w in table.col_widths_mm]
        if sum(given) > avail_width:
            given = [w * avail_width / sum(given) for w in given]
        fitted = _respect_minimums(given, words)
        if fitted is not None:
            return fitted

    if sum(full) <= avail_width:
        return [w * avail_width / sum(full) for w in full]
    if sum(body_fit) <= avail_width:
        return _share(body_fit, full, avail_width - sum(body_fit))
    if sum(words) <= avail_width:
        return _share(words, body_fit, avail_width - sum(words))
    # Even unbroken words do not fit: shrink everything (text will overflow cells).
    return [w * avail_width / sum(words) for w in words]


def _respect_minimums(given: list[float], minimum: list[float]) -> list[float] | None:
    """``given`` with every column at least its minimum, the same total, the extra taken
    from the other columns in proportion to their room; None when that is impossible."""
    widths = [max(g, m) for g, m in zip(given, minimum, strict=True)]
    extra = sum(widths) - sum(given)
    if extra <= 0:
        return widths
    room = [w - m for w, m in zip(widths, minimum, strict=True)]
    if sum(room) < extra:
        return None
    return [w - r * extra / sum(room) for w, r in zip(widths, room, strict=True)]


_ALIGN = {Align.LEFT: TA_LEFT, Align.CENTER: TA_CENTER, Align.RIGHT: TA_RIGHT}


def _cell_style(look: TableLook, bold: bool, align: Align) -> ParagraphStyle:
    return ParagraphStyle(
        f"cell-{int(bold)}-{align.value}",
        fontName=look.bold_font if bold else look.font,
        fontSize=look.size,
        leading=look.leading,
        alignment=_ALIGN[align],
    )


Cell: TypeAlias = str | Paragraph


def cell_contents(
    table: content.Table, look: TableLook, widths: Sequence[float]
) -> list[list[Cell]]:
    """Every cell: plain text where it fits on one line, a wrapping Paragraph otherwise.

    A Paragraph per cell costs a line-breaking pass each; an appendix of 18 wards × many
    indicators is mostly short figures, which reportlab draws much faster as plain
    strings. Fonts and alignment of the plain cells come from the style commands.
    """
    header, body = padded_rows(table)
    aligns = column_alignments(table)
    head = _cell_style(look, True, Align.CENTER)
    styles = {(bold, a): _cell_style(look, bold, a) for bold in (False, True) for a in Align}

    def cell(text: str, style: ParagraphStyle, width: float) -> Cell:
        room = width - 2 * look.padding
        if "\n" not in text and stringWidth(text, style.fontName, style.fontSize) <= room:
            return text
        return Paragraph(para(text), style)

    rows: list[list[Cell]] = [
        [cell(t, head, widths[c]) for c, t in enumerate(row)] for row in header
    ]
    for index, row in enumerate(body):
        bold = index in table.bold_rows
        rows.append([cell(t, styles[bold, aligns[c]], widths[c]) for c, t in enumerate(row)])
    return rows


def table_style_commands(table: content.Table, look: TableLook) -> list[StyleCommand]:
    """Grid, padding, header spans and shading, in TableStyle form."""
    n_head = len(table.header)
    commands: list[StyleCommand] = [
        # reportlab sets each cell's font even when the cell holds a Paragraph; left at
        # its default that is Helvetica, a base-14 font without Vietnamese.
        ("FONT", (0, 0), (-1, -1), look.font, look.size),
        ("LEADING", (0, 0), (-1, -1), look.leading),
        ("GRID", (0, 0), (-1, -1), look.grid_width, look.grid_color),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), look.padding),
        ("RIGHTPADDING", (0, 0), (-1, -1), look.padding),
        ("TOPPADDING", (0, 0), (-1, -1), look.padding * 0.6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), look.padding),
    ]
    # Plain-text cells take font and alignment from here (Paragraph cells carry their own).
    if n_head:
        commands.append(("FONT", (0, 0), (-1, n_head - 1), look.bold_font, look.size))
        commands.append(("ALIGN", (0, 0), (-1, n_head - 1), "CENTER"))
    for col, align in enumerate(column_alignments(table)):
        commands.append(("ALIGN", (col, n_head), (col, -1), align.value.upper()))
    for index in sorted(table.bold_rows):
        row = n_head + index
        commands.append(("FONT", (0, row), (-1, row), look.bold_font, look.size))
    if n_head and look.header_background is not None:
        commands.append(("BACKGROUND", (0, 0), (-1, n_head - 1), look.header_background))
    for c0, r0, c1, r1 in table.header_spans:
        commands.append(("SPAN", (c0, r0), (c1, r1)))
    if look.bold_background is not None:
        for index in sorted(table.bold_rows):
            row = n_head + index
            commands.append(("BACKGROUND", (0, row), (-1, row), look.bold_background))
    return commands


def table_flowables(
    table: content.Table,
    look: TableLook,
    avail_width: float,
    title_style: ParagraphStyle | None,
    footnote_style: ParagraphStyle,
    keep_room: float = 90.0,
) -> list[Flowable]:
    """Title, the table (header rows repeated on every page it runs onto), footnotes."""
    # A title must not end a page with its table on the next; a CondPageBreak (rather
    # than keepWithNext, which moves a long table whole to a new page) still lets the
    # table begin under its title and run on.
    out: list[Flowable] = [CondPageBreak(keep_room)]
    if table.title and title_style is not None:
        out.append(Paragraph(para(table.title), title_style))
    margin = 0.0
    if column_count(table):
        widths = fit_col_widths(table, look, avail_width)
        grid = Table(
            cell_contents(table, look, widths),
            colWidths=widths,
            repeatRows=len(table.header),
            hAlign="CENTER",
        )
        grid.setStyle(TableStyle(table_style_commands(table, look)))
        out.append(grid)
        margin = max(0.0, (avail_width - sum(widths)) / 2)
    if margin:
        # Footnotes line up with a table narrower than the page, not with the margin.
        footnote_style = ParagraphStyle(
            f"{footnote_style.name}-inset",
            parent=footnote_style,
            leftIndent=margin,
            rightIndent=margin,
        )
    out += [Paragraph(para(note), footnote_style) for note in table.footnotes]
    return out


def layout_table(
    rows: Sequence[Sequence[Any]],
    col_widths: Sequence[float],
    font: str,
    commands: Sequence[StyleCommand],
    **kwargs: Any,
) -> Table:
    """A platypus Table used for layout (no data grid), with its cell font set to
    ``font`` so that Helvetica never enters the PDF (see :func:`table_style_commands`)."""
    table = Table([list(r) for r in rows], colWidths=list(col_widths), **kwargs)
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), font), *commands]))
    return table


def table_texts(table: content.Table) -> list[str]:
    """Every string a table prints (for the glyph-coverage check)."""
    return [
        table.title,
        *table.footnotes,
        *(c for row in (*table.header, *table.rows) for c in row),
    ]

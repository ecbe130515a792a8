"""The completeness table of a period, printed on one page.

:func:`completeness_table` words the rows (pure, tested without a PDF);
:func:`build_completeness` lays them out with the report's fonts, table look and footer.
"""

from __future__ import annotations

import io
from datetime import datetime

from reportlab.lib.pagesizes import A4, landscape
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph, Spacer

from hbt_desktop.core.periods import format_period
from hbt_desktop.reports import content as c
from hbt_desktop.reports.decree30 import table_look
from hbt_desktop.reports.fonts import register_fonts, require_coverage
from hbt_desktop.reports.markup import para
from hbt_desktop.reports.output import BuildInfo, Output, build_info, write_pdf
from hbt_desktop.reports.page import PageLog, canvas_maker, footer_decorator
from hbt_desktop.reports.styles import REPORT_MARGINS, report_styles
from hbt_desktop.reports.tables import table_flowables, table_texts
from hbt_desktop.store.completeness import Completeness

DASH = "–"


def _when(moment: datetime | None) -> str:
    if moment is None:
        return DASH
    local = moment.astimezone()
    return f"{local:%H:%M} {local.day}/{local.month}/{local.year}"


def completeness_table(table: Completeness) -> c.Table:
    rows = []
    for number, r in enumerate(table.rows, start=1):
        if r.on_time is None:
            timing = "Quá hạn, chưa gửi" if r.overdue else "Chưa gửi"
        else:
            timing = "Đúng hạn" if r.on_time else "Muộn"
        rows.append(
            (
                str(number),
                r.name[:1].upper() + r.name[1:],
                _when(r.first_sent),
                _when(r.last_sent) if r.packages > 1 else DASH,
                timing,
                r.state.label if r.state else DASH,
                str(r.returned) if r.returned else DASH,
                f"{r.missing}/{r.expected}",
            )
        )
    d = table.deadline
    return c.Table(
        title="",
        header=(
            (
                "STT",
                "Đơn vị",
                "Gửi lần đầu",
                "Gửi lần cuối",
                "Thời hạn",
                "Tình trạng gói cuối",
                "Số lần trả lại",
                "Số liệu còn thiếu",
            ),
        ),
        rows=tuple(rows),
        align=(c.Align.CENTER, c.Align.LEFT) + (c.Align.CENTER,) * 6,
        col_widths_mm=(10, 48, 32, 32, 30, 36, 22, 24),
        footnotes=(
            f"Hạn gửi: {d.day}/{d.month}/{d.year}. Đã gửi {table.sent}/{len(table.rows)} "
            f"đơn vị, muộn {table.late}, đủ số liệu {table.complete}.",
        ),
        landscape=True,
    )


def completeness_title(table: Completeness, district_name: str) -> str:
    return (
        f"TÌNH HÌNH GỬI SỐ LIỆU {format_period(table.period).upper()} "
        f"CỦA CÁC ĐƠN VỊ THUỘC {district_name.upper()}"
    )


def build_completeness(
    table: Completeness,
    district_name: str,
    out: Output,
    *,
    printed_at: datetime | None = None,
) -> BuildInfo:
    """Write the completeness table as a one-page landscape PDF."""
    fonts = register_fonts()
    st = report_styles(fonts)
    grid = completeness_table(table)
    title = completeness_title(table, district_name)
    require_coverage([title, *table_texts(grid)], fonts.faces)
    size = landscape(A4)
    m = REPORT_MARGINS
    frame = Frame(m.left, m.bottom, size[0] - m.left - m.right, size[1] - m.top - m.bottom, id="b")
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=size,
        pageTemplates=[PageTemplate("page", [frame], pagesize=size)],
        title=title,
        creator="hbt-desktop",
        lang="vi-VN",
        initialFontName=fonts.serif,
    )
    moment = (printed_at or datetime.now()).astimezone()
    footer = c.Footer(
        fingerprint=f"{table.period.id}",
        printed_at=f"{moment:%H:%M} {moment.day}/{moment.month}/{moment.year}",
        label="Kỳ",
    )
    story = [
        Paragraph(para(title), st.appendix_title),
        Spacer(1, 6),
        *table_flowables(grid, table_look(st), frame.width, None, st.footnote),
    ]
    log = PageLog()
    doc.build(story, canvasmaker=canvas_maker(footer_decorator(fonts, m, footer), log))
    write_pdf(buffer.getvalue(), out)
    return build_info(log, fonts, [])

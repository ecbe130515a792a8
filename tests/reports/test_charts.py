"""Bar charts: Vietnamese axis numbers, given value labels, fonts on every string, gaps."""

from __future__ import annotations

import io
import itertools
from collections.abc import Iterator
from decimal import Decimal

import pytest
from pypdf import PdfReader
from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing, Group, Rect, String
from reportlab.lib import colors

from hbt_desktop.reports.charts import bar_chart_drawing, nice_ticks, vn_number, wrap_words
from hbt_desktop.reports.content import BarChart, ChartSeries
from hbt_desktop.reports.fonts import FontSet, register_fonts

from .pdfcheck import BASE14, page_fonts
from .sample_content import growth_chart, ward_chart


@pytest.fixture(scope="module")
def fonts() -> FontSet:
    return register_fonts(bundled=True)


def walk(node: Drawing | Group) -> Iterator[object]:
    for child in node.contents:
        yield child
        if isinstance(child, Group):
            yield from walk(child)


def strings(drawing: Drawing) -> list[String]:
    return [n for n in walk(drawing) if isinstance(n, String)]


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ("0", "0"),
        ("7", "7"),
        ("4115", "4.115"),
        ("4115.5", "4.115,5"),
        ("1000000", "1.000.000"),
        ("2.5E+3", "2.500"),
        ("15000.000", "15.000"),
        ("0.25", "0,25"),
        ("-1250", "-1.250"),
        ("-0.5", "-0,5"),
        ("12.330", "12,33"),
    ],
)
def test_vn_number_writes_vietnamese_separators(value: str, text: str) -> None:
    assert vn_number(Decimal(value)) == text


def test_nice_ticks_cover_the_data_with_round_steps() -> None:
    assert nice_ticks(Decimal(0), Decimal(59)) == [Decimal(v) for v in (0, 20, 40, 60)]
    ticks = nice_ticks(Decimal("2861"), Decimal("13012"))
    assert ticks[0] == 0 and ticks[-1] >= Decimal("13012")
    steps = {b - a for a, b in itertools.pairwise(ticks)}
    assert len(steps) == 1
    low = nice_ticks(Decimal("-1.25"), Decimal("11.7"))
    assert low[0] <= Decimal("-1.25") and low[-1] >= Decimal("11.7") and Decimal(0) in low


def test_every_string_is_drawn_in_a_registered_font(fonts: FontSet) -> None:
    for chart in (growth_chart(), ward_chart()):
        drawing = bar_chart_drawing(chart, fonts, 250, 220)
        assert strings(drawing)
        assert {s.fontName for s in strings(drawing)} <= set(fonts.faces)
        # The renderer's own starting font, which would otherwise be Helvetica.
        assert drawing.initialFontName in fonts.faces


def test_value_labels_are_the_given_strings_and_ticks_are_vietnamese(fonts: FontSet) -> None:
    chart = ward_chart()
    texts = [s.text for s in strings(bar_chart_drawing(chart, fonts, 480, 240))]
    for row in chart.value_labels:
        for label in row:
            if label:
                assert label in texts
    assert "15.000" in texts and "10.000" in texts  # axis ticks
    assert "Cùng kỳ năm 2022" in texts and "Năm 2023" in texts  # legend
    assert not any("e+" in t.lower() or t.endswith(".0") for t in texts)  # no float noise


def test_no_float_ever_reaches_the_printed_text(fonts: FontSet) -> None:
    chart = BarChart(
        title="Tăng trưởng",
        unit_label="%",
        categories=("A", "B"),
        series=(ChartSeries("Tăng", (Decimal("0.1"), Decimal("0.2"))),),
        value_labels=(("0,1%", "0,2%"),),
    )
    texts = [s.text for s in strings(bar_chart_drawing(chart, fonts, 300, 200))]
    assert "0,1%" in texts and "0,2%" in texts
    assert not any("0.1" in t or "0.2" in t or "0000" in t for t in texts)
    assert "0,05" in texts or "0,1" in texts  # ticks in Vietnamese style


def test_a_missing_value_is_a_gap_not_a_zero_bar(fonts: FontSet) -> None:
    chart = ward_chart()  # Đồng Nhân has no 2023 figure
    drawing = bar_chart_drawing(chart, fonts, 480, 240)
    # Bars are wider than the legend's swatches (one label size, 8.5 pt).
    bars = [r for r in walk(drawing) if isinstance(r, Rect) and r.width > 9]
    values = [v for s in chart.series for v in s.values]
    assert len(bars) == sum(v is not None for v in values) == 11


def test_tick_labels_can_come_from_the_caller(fonts: FontSet) -> None:
    drawing = bar_chart_drawing(
        growth_chart(), fonts, 300, 220, tick_label=lambda d: f"{vn_number(d)} %"
    )
    assert "60 %" in [s.text for s in strings(drawing)]


def test_crowded_labels_turn_vertical_rather_than_overlap(fonts: FontSet) -> None:
    drawing = bar_chart_drawing(ward_chart(), fonts, 240, 220)
    turned = [g for g in walk(drawing) if isinstance(g, Group) and g.transform[1] != 0]
    assert turned  # rotated value labels


def test_long_titles_wrap(fonts: FontSet) -> None:
    lines = wrap_words(
        "Thu ngân sách của 6 phường đến 15/2/2023 so với cùng kỳ", fonts.sans_bold, 10.5, 150
    )
    assert len(lines) >= 2 and " ".join(lines).startswith("Thu ngân sách")


def test_a_chart_in_a_pdf_uses_only_embedded_fonts(fonts: FontSet) -> None:
    out = io.BytesIO()
    renderPDF.drawToFile(bar_chart_drawing(ward_chart(), fonts, 480, 240), out)
    page = PdfReader(io.BytesIO(out.getvalue())).pages[0]
    used = page_fonts(page)
    assert used and all(embedded for _, embedded in used)
    assert not {name for name, _ in used} & BASE14
    assert "Phường Đồng Nhân chưa có số liệu" in page.extract_text()


def _zero_line(drawing: Drawing) -> float:
    """The y of the zero line: the black horizontal rule across the plot."""
    from reportlab.graphics.shapes import Line

    rules = [
        n
        for n in walk(drawing)
        if isinstance(n, Line) and n.y1 == n.y2 and n.strokeColor == colors.black
    ]
    return rules[0].y1


def _bars_bottom(drawing: Drawing) -> float:
    return min(n.y for n in walk(drawing) if isinstance(n, Rect) and n.height > 1)


def test_two_charts_side_by_side_share_one_baseline(fonts: FontSet) -> None:
    from hbt_desktop.reports.charts import aligned_frame

    # Different titles, legends, notes and category labels: alone, their plots differ.
    growth = growth_chart()
    wards = ward_chart()
    alone = [bar_chart_drawing(c, fonts, 250, 220) for c in (growth, wards)]
    assert _zero_line(alone[0]) != _zero_line(alone[1])
    frame = aligned_frame((growth, wards), fonts, 250)
    pair = [bar_chart_drawing(c, fonts, 250, 220, frame=frame) for c in (growth, wards)]
    assert _zero_line(pair[0]) == pytest.approx(_zero_line(pair[1]))


def test_a_fall_in_one_chart_lowers_the_zero_line_of_both(fonts: FontSet) -> None:
    from hbt_desktop.reports.charts import aligned_frame

    fall = BarChart(
        title="Tăng, giảm so với cùng kỳ năm trước (%)",
        unit_label="%",
        categories=("Thương mại - dịch vụ", "Công nghiệp - xây dựng"),
        series=(ChartSeries("2 tháng đầu năm 2023", (Decimal("-1.25"), Decimal("12.33"))),),
        value_labels=(("giảm 1,25%", "tăng 12,33%"),),
    )
    frame = aligned_frame((fall, ward_chart()), fonts, 250)
    pair = [bar_chart_drawing(c, fonts, 250, 220, frame=frame) for c in (fall, ward_chart())]
    assert _zero_line(pair[0]) == pytest.approx(_zero_line(pair[1]))
    assert _bars_bottom(pair[0]) < _zero_line(pair[0])  # the fall is drawn below zero


def test_an_estimate_is_hatched_and_named_in_the_legend(fonts: FontSet) -> None:
    from reportlab.graphics.shapes import Line

    chart = BarChart(
        title="Tổng thu ngân sách trên địa bàn (tỷ đồng)",
        unit_label="tỷ đồng",
        categories=("Tính đến 15/2/2023", "Ước quý I/2023"),
        series=(
            ChartSeries(
                "Kỳ báo cáo năm 2023",
                (Decimal(4115), Decimal(4862)),
                estimates=("", "ước thực hiện"),
            ),
        ),
        value_labels=(("4.115", "4.862"),),
    )
    drawing = bar_chart_drawing(chart, fonts, 250, 220)
    assert "Ước thực hiện (gạch chéo)" in [s.text for s in strings(drawing)]
    hatch = [n for n in walk(drawing) if isinstance(n, Line) and n.x1 != n.x2 and n.y1 != n.y2]
    assert hatch  # diagonal lines: only estimates have them
    actual = bar_chart_drawing(
        BarChart(
            chart.title, chart.unit_label, chart.categories[:1], (ChartSeries("x", (Decimal(1),)),)
        ),
        fonts,
        250,
        220,
    )
    assert not [n for n in walk(actual) if isinstance(n, Line) and n.x1 != n.x2 and n.y1 != n.y2]


def test_a_no_break_space_keeps_its_words_on_one_chart_line(fonts: FontSet) -> None:
    text = "Tăng, giảm so với cùng kỳ năm trước (%), 2\u00a0tháng\u00a0đầu\u00a0năm\u00a02023"
    for width in (120, 160, 200, 240):
        lines = wrap_words(text, fonts.sans_bold, 10.5, width)
        assert sum("2\u00a0tháng" in line for line in lines) == 1
        assert not any(line.endswith("2") for line in lines)

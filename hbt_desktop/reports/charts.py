"""``content.BarChart`` → a reportlab Drawing of grouped vertical bars.

Drawn from plain shapes rather than reportlab's VerticalBarChart widget so that every
string has its font set explicitly (the widget's many labels default to Helvetica, which
drops Vietnamese letters) and so that no printed text ever comes from a float: bar value
labels are the strings given in the content, and axis ticks are chosen and written as
Decimals. Floats are used for geometry only.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from reportlab.graphics.shapes import Drawing, Group, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from hbt_desktop.reports import content
from hbt_desktop.reports.fonts import FontSet
from hbt_desktop.reports.markup import plain

# Distinct both in colour and as greys on a monochrome printer.
PALETTE = (
    colors.HexColor("#9E1B20"),
    colors.HexColor("#C9A227"),
    colors.HexColor("#3F5E7E"),
    colors.HexColor("#9A9A9A"),
    colors.HexColor("#5B8C5A"),
)
GRID = colors.HexColor("#D0D0D0")
TEXT = colors.black
NOTE = colors.HexColor("#555555")


def vn_number(value: Decimal) -> str:
    """A Decimal in Vietnamese style: "." groups thousands, "," before decimals.

    ``vn_number(Decimal("4115.5")) == "4.115,5"``; trailing zeros are dropped
    (``"2.500"`` not ``"2.500,0"``) because axis ticks are round numbers.
    """
    text = format(value.normalize(), "f")
    sign = ""
    if text.startswith("-"):
        sign, text = "-", text[1:]
    whole, _, frac = text.partition(".")
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    out = ".".join(groups)
    if frac.rstrip("0"):
        out += "," + frac.rstrip("0")
    return sign + out if out != "0" else "0"


def nice_ticks(low: Decimal, high: Decimal, target: int = 5) -> list[Decimal]:
    """Round tick values (1, 2 or 5 × 10ⁿ apart) from ≤ min(low, 0) to ≥ max(high, 0)."""
    low, high = min(low, Decimal(0)), max(high, Decimal(0))
    if high == low:
        high = low + 1
    raw = (high - low) / target
    base = Decimal(1).scaleb(raw.adjusted())
    step = next(
        m * base for m in (Decimal(1), Decimal(2), Decimal(5), Decimal(10)) if m * base >= raw
    )
    first = (low / step).to_integral_value(ROUND_FLOOR)
    last = (high / step).to_integral_value(ROUND_CEILING)
    return [(first + i) * step for i in range(int(last - first) + 1)]


def wrap_words(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy word wrap by measured width; a word longer than ``width`` keeps its line.
    Only ordinary spaces break: a no-break space ("2 tháng") keeps its words together."""
    lines: list[str] = []
    current = ""
    for word in (w for w in text.split(" ") if w.strip()):
        trial = f"{current} {word}" if current else word
        if current and stringWidth(trial, font, size) > width:
            lines.append(current)
            current = word
        else:
            current = trial
    if current:
        lines.append(current)
    return lines


@dataclass(frozen=True)
class ChartLook:
    title_font: str
    font: str
    italic_font: str
    title_size: float = 10.5
    label_size: float = 8.5
    value_size: float = 8.0
    note_size: float = 8.0


def chart_look(fonts: FontSet) -> ChartLook:
    return ChartLook(title_font=fonts.sans_bold, font=fonts.sans, italic_font=fonts.sans_italic)


def _text(
    x: float,
    y: float,
    text: str,
    font: str,
    size: float,
    anchor: str = "middle",
    color: colors.Color = TEXT,
) -> String:
    return String(x, y, text, fontName=font, fontSize=size, fillColor=color, textAnchor=anchor)


def _lines_block(
    group: Group,
    lines: Sequence[str],
    x: float,
    top: float,
    font: str,
    size: float,
    anchor: str = "middle",
    color: colors.Color = TEXT,
) -> float:
    """Draw ``lines`` downwards from ``top``; return the y under the last one."""
    leading = size * 1.2
    y = top
    for line in lines:
        y -= leading
        group.add(_text(x, y + size * 0.22, line, font, size, anchor, color))
    return y


@dataclass(frozen=True)
class _Plot:
    """Where the bars go: the plot rectangle and the value scale (geometry only)."""

    left: float
    bottom: float
    width: float
    height: float
    low: Decimal
    high: Decimal
    categories: int
    series: int

    @property
    def slot(self) -> float:
        return self.width / self.categories

    @property
    def bars_width(self) -> float:
        return self.slot * 0.72  # the rest of the slot separates the groups

    @property
    def bar_width(self) -> float:
        return self.bars_width / self.series

    def y_of(self, value: Decimal) -> float:
        return self.bottom + float(value - self.low) / float(self.high - self.low) * self.height


@dataclass(frozen=True)
class Frame:
    """Where a chart's parts go, measured before drawing: the room above and below the
    plot and the share of the plot under the zero line. Two charts set side by side are
    drawn with one frame (:func:`aligned_frame`), so that their plots, and their zero
    lines, share one baseline."""

    above: float  # from the drawing's top down to the top of the plot
    below: float  # from the drawing's bottom up to the bottom of the plot
    zero_share: float  # how much of the plot's height lies below the zero line


@dataclass(frozen=True)
class _Measured:
    title_lines: list[str]
    legend: list[list[_LegendItem]]
    note_lines: list[str]
    cat_lines: list[list[str]]
    ticks: list[Decimal]
    tick_texts: list[str]
    left: float
    labels: dict[tuple[int, int], _BarLabel]
    frame: Frame


def _measure(
    chart: content.BarChart,
    look: ChartLook,
    width: float,
    tick_label: Callable[[Decimal], str],
) -> _Measured:
    title_lines = wrap_words(plain(chart.title), look.title_font, look.title_size, width)
    legend = _legend_rows(chart, look, width)
    title_height = len(title_lines) * look.title_size * 1.2
    legend_height = len(legend) * look.label_size * 1.5 + (8 if legend else 4)
    note_lines = wrap_words(plain(chart.note), look.italic_font, look.note_size, width)
    note_height = len(note_lines) * look.note_size * 1.2 + (6 if note_lines else 0)

    values = [v for s in chart.series for v in s.values if v is not None]
    ticks = nice_ticks(min(values, default=Decimal(0)), max(values, default=Decimal(1)))
    tick_texts = [plain(tick_label(t)) for t in ticks]
    left = max(stringWidth(t, look.font, look.label_size) for t in tick_texts) + 6
    n_cat, n_ser = max(len(chart.categories), 1), max(len(chart.series), 1)
    slot = (width - left - 2) / n_cat
    cat_lines = [
        wrap_words(plain(c), look.font, look.label_size, slot - 4) for c in chart.categories
    ]
    cat_height = max((len(lines) for lines in cat_lines), default=1) * look.label_size * 1.2
    labels = _place_labels(chart, look, slot / n_ser)  # a bar and its share of the gap
    unit_height = look.label_size * 1.4 if plain(chart.unit_label) else 0
    label_room = max((label.extent for label in labels.values()), default=0.0) + 3
    zero_share = float(-ticks[0] / (ticks[-1] - ticks[0]))
    frame = Frame(
        above=title_height + legend_height + unit_height + label_room,
        below=note_height + cat_height + 4,
        zero_share=zero_share,
    )
    return _Measured(
        title_lines, legend, note_lines, cat_lines, ticks, tick_texts, left, labels, frame
    )


def aligned_frame(
    charts: Sequence[content.BarChart],
    fonts: FontSet,
    width: float,
    tick_label: Callable[[Decimal], str] = vn_number,
) -> Frame:
    """The one frame that fits each of ``charts`` drawn ``width`` wide."""
    look = chart_look(fonts)
    frames = [_measure(chart, look, width, tick_label).frame for chart in charts]
    return Frame(
        above=max(f.above for f in frames),
        below=max(f.below for f in frames),
        zero_share=max(f.zero_share for f in frames),
    )


def _scale(ticks: list[Decimal], zero_share: float) -> tuple[Decimal, Decimal, list[Decimal]]:
    """The value range of a plot whose zero line lies at ``zero_share`` of its height
    (at least where its own ticks put it), and the ticks inside that range."""
    low, high = ticks[0], ticks[-1]
    own = float(-low / (high - low))
    if zero_share <= own or zero_share >= 1 or high <= 0:
        return low, high, ticks
    share = Decimal(str(round(zero_share, 6)))  # geometry only; no printed text
    low = -high * share / (1 - share)
    step = ticks[1] - ticks[0] if len(ticks) > 1 else high
    extra = [ticks[0] - step * i for i in range(1, 50) if ticks[0] - step * i >= low]
    return low, high, sorted(extra) + ticks


def bar_chart_drawing(
    chart: content.BarChart,
    fonts: FontSet,
    width: float,
    height: float = 85 * mm,
    tick_label: Callable[[Decimal], str] = vn_number,
    frame: Frame | None = None,
) -> Drawing:
    """The chart at ``width`` × ``height`` points, title on top and note under it.

    ``tick_label`` writes the value-axis ticks (default: Vietnamese number style);
    ``frame`` places the plot as another chart's (see :func:`aligned_frame`). A ``None``
    value leaves a gap (no bar, no label), which is not the same as 0; an estimate is
    drawn hatched and named in the legend.
    """
    look = chart_look(fonts)
    drawing = Drawing(width, height)
    # The renderer starts every drawing in its default font (Helvetica, which has no
    # Vietnamese and would be put in the PDF even if unused): start in ours.
    drawing.initialFontName = look.font
    drawing.initialFontSize = look.label_size
    group = Group()
    drawing.add(group)
    m = _measure(chart, look, width, tick_label)
    frame = frame or m.frame

    # Top: title, then the legend.
    top = _lines_block(group, m.title_lines, width / 2, height, look.title_font, look.title_size)
    top = _draw_legend(group, m.legend, look, width, top - 4)
    # Bottom: the note.
    note_text_height = len(m.note_lines) * look.note_size * 1.2
    _lines_block(
        group,
        m.note_lines,
        0,
        note_text_height,
        look.italic_font,
        look.note_size,
        anchor="start",
        color=NOTE,
    )
    low, high, ticks = _scale(m.ticks, frame.zero_share)
    tick_texts = [plain(tick_label(t)) for t in ticks]
    n_cat, n_ser = max(len(chart.categories), 1), max(len(chart.series), 1)
    plot = _Plot(
        left=m.left,
        bottom=frame.below,
        width=width - m.left - 2,
        height=max(height - frame.above - frame.below, 10),
        low=low,
        high=high,
        categories=n_cat,
        series=n_ser,
    )
    unit = plain(chart.unit_label)
    if unit:
        group.add(
            _text(
                0,
                top - look.label_size,
                unit,
                look.italic_font,
                look.label_size,
                anchor="start",
                color=NOTE,
            )
        )
    _draw_axis(group, plot, ticks, tick_texts, look)
    for c, lines in enumerate(m.cat_lines):
        _lines_block(
            group,
            lines,
            m.left + plot.slot * (c + 0.5),
            plot.bottom - 3,
            look.font,
            look.label_size,
        )
    _draw_bars(group, chart, plot, m.labels)
    return drawing


def _draw_axis(
    group: Group, plot: _Plot, ticks: Sequence[Decimal], texts: Sequence[str], look: ChartLook
) -> None:
    right = plot.left + plot.width
    for tick, text in zip(ticks, texts, strict=True):
        y = plot.y_of(tick)
        group.add(Line(plot.left, y, right, y, strokeColor=GRID, strokeWidth=0.4))
        group.add(
            _text(
                plot.left - 4,
                y - look.label_size * 0.3,
                text,
                look.font,
                look.label_size,
                anchor="end",
            )
        )
    group.add(
        Line(
            plot.left,
            plot.bottom,
            plot.left,
            plot.bottom + plot.height,
            strokeColor=TEXT,
            strokeWidth=0.6,
        )
    )
    zero = plot.y_of(Decimal(0))
    group.add(Line(plot.left, zero, right, zero, strokeColor=TEXT, strokeWidth=0.6))


def _lighter(color: colors.Color, amount: float = 0.6) -> colors.Color:
    return colors.Color(*(c + (1 - c) * amount for c in (color.red, color.green, color.blue)))


def _hatched(x: float, y: float, w: float, h: float, color: colors.Color) -> Group:
    """A rectangle filled light and crossed by diagonal lines: an estimate, which must
    not look like an actual figure even on a grey printer."""
    group = Group(Rect(x, y, w, h, fillColor=_lighter(color), strokeColor=color, strokeWidth=0.5))
    gap = 3.2
    k = y - (x + w)
    while k < y + h - x:
        lo, hi = max(x, y - k), min(x + w, y + h - k)
        if hi > lo:
            group.add(Line(lo, lo + k, hi, hi + k, strokeColor=color, strokeWidth=0.7))
        k += gap
    return group


def _draw_bars(
    group: Group,
    chart: content.BarChart,
    plot: _Plot,
    labels: dict[tuple[int, int], _BarLabel],
) -> None:
    zero = plot.y_of(Decimal(0))
    bar_w = plot.bar_width
    for s, series in enumerate(chart.series):
        color = PALETTE[s % len(PALETTE)]
        for c, value in enumerate(series.values[: plot.categories]):
            if value is None:
                continue  # no figure: a gap, never a zero-height bar
            x = plot.left + plot.slot * (c + 0.5) - plot.bars_width / 2 + s * bar_w
            y = plot.y_of(value)
            box = (x + 0.5, min(y, zero), bar_w - 1, abs(y - zero))
            if c < len(series.estimates) and series.estimates[c]:
                group.add(_hatched(*box, color))
            else:
                group.add(Rect(*box, fillColor=color, strokeColor=None))
            label = labels.get((s, c))
            if label is not None:
                group.add(label.shape(x + bar_w / 2, y, upwards=value >= 0))


@dataclass(frozen=True)
class _BarLabel:
    """A value label over a bar: horizontal when it fits the bar's width, else vertical."""

    text: str
    font: str
    size: float
    vertical: bool

    @property
    def extent(self) -> float:
        """Height it takes above the bar."""
        return stringWidth(self.text, self.font, self.size) if self.vertical else self.size

    def shape(self, x: float, y: float, upwards: bool) -> Group | String:
        if not self.vertical:
            ly = y + 2 if upwards else y - self.size - 1
            return _text(x, ly, self.text, self.font, self.size)
        turned = Group(
            _text(0, 0, self.text, self.font, self.size, anchor="start" if upwards else "end")
        )
        # Rotated a quarter turn the glyphs lie left of their baseline: shift by about
        # half the x-height to centre them on the bar.
        turned.translate(x + self.size * 0.35, y + 2 if upwards else y - 2)
        turned.rotate(90)
        return turned


def _place_labels(
    chart: content.BarChart, look: ChartLook, room: float
) -> dict[tuple[int, int], _BarLabel]:
    """Size and direction of every label; all vertical as soon as one must be, so that
    the labels of one chart read the same way."""
    texts = {
        (s, c): _value_label(chart, s, c)
        for s, series in enumerate(chart.series)
        for c, value in enumerate(series.values)
        if value is not None
    }
    texts = {key: text for key, text in texts.items() if text}
    smallest = 6.5
    sizes = {
        key: _fit_size(text, look.font, look.value_size, room, smallest)
        for key, text in texts.items()
    }
    vertical = any(stringWidth(text, look.font, sizes[key]) > room for key, text in texts.items())
    size = look.value_size if vertical else min(sizes.values(), default=look.value_size)
    return {key: _BarLabel(text, look.font, size, vertical) for key, text in texts.items()}


def _value_label(chart: content.BarChart, series: int, category: int) -> str:
    if series < len(chart.value_labels) and category < len(chart.value_labels[series]):
        return plain(chart.value_labels[series][category])
    return ""


def _fit_size(text: str, font: str, size: float, width: float, smallest: float = 6.0) -> float:
    """The largest size ≤ ``size`` (down to ``smallest``) at which ``text`` fits ``width``."""
    natural = float(stringWidth(text, font, size))
    if natural <= width:
        return size
    return max(smallest, size * width / natural)


@dataclass(frozen=True)
class _LegendItem:
    color: colors.Color
    name: str
    width: float
    hatched: bool = False


def _legend_rows(chart: content.BarChart, look: ChartLook, width: float) -> list[list[_LegendItem]]:
    """Swatches and names: one per series, then one hatched swatch per kind of estimate
    drawn, wrapping to more rows when needed."""
    size = look.label_size

    def item(color: colors.Color, name: str, hatched: bool = False) -> _LegendItem:
        return _LegendItem(color, name, stringWidth(name, look.font, size), hatched)

    items = [item(PALETTE[i % len(PALETTE)], plain(s.name)) for i, s in enumerate(chart.series)]
    for word in legend_estimates(chart):
        items.append(item(NOTE, estimate_legend(word), hatched=True))
    swatch, gap = size, 14.0
    rows: list[list[_LegendItem]] = []
    row_w = 0.0
    for entry in items:
        item_w = swatch + 4 + entry.width
        if not rows or (rows[-1] and row_w + gap + item_w > width):
            rows.append([])
            row_w = 0.0
        row_w += (gap if rows[-1] else 0) + item_w
        rows[-1].append(entry)
    return rows


def estimate_legend(word: str) -> str:
    """The legend's name of the hatched swatch: "Ước thực hiện (gạch chéo)"."""
    return f"{word[:1].upper()}{word[1:]} (gạch chéo)"


def legend_estimates(chart: content.BarChart) -> list[str]:
    """The kinds of estimate the chart draws, in order of first appearance."""
    found: list[str] = []
    for series in chart.series:
        for word in series.estimates:
            if word and plain(word) not in found:
                found.append(plain(word))
    return found


def _draw_legend(
    group: Group, rows: list[list[_LegendItem]], look: ChartLook, width: float, top: float
) -> float:
    size = look.label_size
    swatch, gap = size, 14.0
    y = top
    for row in rows:
        y -= size * 1.5
        total = sum(swatch + 4 + entry.width for entry in row) + gap * (len(row) - 1)
        x = (width - total) / 2
        for entry in row:
            if entry.hatched:
                group.add(_hatched(x, y, swatch, swatch * 0.8, entry.color))
            else:
                group.add(Rect(x, y, swatch, swatch * 0.8, fillColor=entry.color, strokeColor=None))
            group.add(_text(x + swatch + 4, y + 0.5, entry.name, look.font, size, anchor="start"))
            x += swatch + 4 + entry.width + gap
    return y - 4


def chart_texts(chart: content.BarChart) -> list[str]:
    """Every string a chart prints (for the glyph-coverage check), ticks aside."""
    return [
        chart.title,
        chart.unit_label,
        chart.note,
        *chart.categories,
        *(s.name for s in chart.series),
        *(estimate_legend(w) for w in legend_estimates(chart)),
        *(label for row in chart.value_labels for label in row),
    ]

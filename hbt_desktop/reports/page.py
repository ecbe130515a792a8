"""What is drawn on every page around the flowing text: page numbers, the bulletin's
footer, a draft's mark.

The bulletin's "Trang 2/5" needs the page count, which is only known when the last page is laid out.
:class:`PagedCanvas` therefore holds each finished page and draws the page decorations
on all of them when the document is saved (one layout pass, no second build).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from hbt_desktop.reports import content
from hbt_desktop.reports.fonts import FontSet
from hbt_desktop.reports.layout import DRAFT_MARK
from hbt_desktop.reports.markup import plain
from hbt_desktop.reports.styles import PAGE_NUMBER_SIZE, RULE_WIDTH, Margins

# (canvas, page number from 1, page count) — draws one page's decorations.
Decorate = Callable[[Canvas, int, int], None]

FOOTER_GREY = colors.HexColor("#444444")


@dataclass
class PageLog:
    """Filled by the canvas when the document is saved: what ended up in the file."""

    pages: int = 0
    fonts: tuple[str, ...] = ()  # registered face names the PDF uses


class PagedCanvas(Canvas):  # type: ignore[misc]  # reportlab is untyped
    """A canvas that decorates every page once the page count is known."""

    def __init__(self, *args: Any, decorate: Decorate, log: PageLog, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._held_pages: list[dict[str, Any]] = []
        self._decorate = decorate
        self._log = log

    def showPage(self) -> None:  # reportlab's name
        self._held_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        if len(self._code):
            self.showPage()
        total = len(self._held_pages)
        for number, state in enumerate(self._held_pages, start=1):
            self.__dict__.update(state)
            self.saveState()
            self._decorate(self, number, total)
            self.restoreState()
            Canvas.showPage(self)
        self._log.pages = total
        self._log.fonts = tuple(sorted(self._doc.fontMapping))
        Canvas.save(self)


def canvas_maker(decorate: Decorate, log: PageLog) -> Callable[..., PagedCanvas]:
    """What ``doc.build(..., canvasmaker=…)`` wants."""
    return partial(PagedCanvas, decorate=decorate, log=log)


@dataclass
class PageSegments:
    """Pages where numbering restarts: the report at 1, each appendix at its first page.

    Decree 30 (App. I, số trang; phụ lục): pages are numbered from 1, the number of the first
    page is not shown, and each appendix is numbered separately.
    """

    starts: list[int] = field(default_factory=lambda: [1])

    def number(self, page: int) -> int:
        """The printed number of physical ``page`` within its segment."""
        start = self.starts[bisect.bisect_right(self.starts, page) - 1]
        return page - start + 1


class SegmentStart(Flowable):  # type: ignore[misc]
    """Zero-size marker placed first on a new page: numbering restarts there."""

    _ZEROSIZE = 1

    def __init__(self, segments: PageSegments) -> None:
        super().__init__()
        self.segments = segments

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        page = int(self.canv.getPageNumber())
        if page not in self.segments.starts:
            bisect.insort(self.segments.starts, page)


def footer_text(footer: content.Footer, page: int, total: int) -> str:
    """``Mã số liệu: 3F2A-91C0-7B1D · In lúc 20:46 27/11/2026 · Trang 2/5``."""
    return plain(
        f"{footer.label}: {footer.fingerprint} · In lúc {footer.printed_at} · Trang {page}/{total}"
    )


FOOTER_FIXED_TEXTS = ("·", "In lúc", "Trang", ":", "/0123456789")


def report_decorator(
    fonts: FontSet, margins: Margins, segments: PageSegments, draft_mark: str = ""
) -> Decorate:
    """Decree 30 page numbers in the top margin, from the second page of each segment,
    and nothing else; a draft's "DỰ THẢO" box at the top right of its first page.

    The data fingerprint is not printed: the decree allows nothing else in the margins,
    so it travels in the file's metadata (``metadata.py``)."""

    def decorate(canv: Canvas, page: int, total: int) -> None:
        width, height = canv._pagesize
        centre = margins.left + (width - margins.left - margins.right) / 2
        number = segments.number(page)
        canv.setFillColor(colors.black)
        if number > 1:
            # Centred in the top margin, 13–14 pt regular (Decree 30, App. I, số trang).
            canv.setFont(fonts.serif, PAGE_NUMBER_SIZE)
            canv.drawCentredString(
                centre, height - margins.top / 2 - PAGE_NUMBER_SIZE * 0.35, str(number)
            )
        if draft_mark and page == 1:
            draw_draft_mark(
                canv, fonts, width - margins.right, height - margins.top / 2, draft_mark
            )

    return decorate


def draw_draft_mark(canv: Canvas, fonts: FontSet, right: float, middle: float, text: str) -> None:
    """``DỰ THẢO`` in capitals, bold, in a rectangle (Decree 30, App. I, IV, ô số 12:
    chỉ dẫn về dự thảo văn bản), its right edge on the text block's, centred on ``middle``."""
    size = DRAFT_MARK.size
    face = fonts.serif_bold
    pad = size * 0.45
    text_width = float(canv.stringWidth(text, face, size))
    box_width, box_height = text_width + 2 * pad, size + 2 * pad * 0.8
    left, bottom = right - box_width, middle - box_height / 2
    canv.setLineWidth(RULE_WIDTH)
    canv.setStrokeColor(colors.black)
    canv.rect(left, bottom, box_width, box_height, stroke=1, fill=0)
    canv.setFont(face, size)
    canv.drawString(left + pad, bottom + pad * 0.8 + size * 0.22, text)


FOOTER_SIZE = 8


def footer_decorator(fonts: FontSet, margins: Margins, footer: content.Footer) -> Decorate:
    """For the office's own working documents (the completeness table), not regulated by
    the decree: the discreet footer line, small and grey low in the bottom margin."""

    def decorate(canv: Canvas, page: int, total: int) -> None:
        width, _ = canv._pagesize
        centre = margins.left + (width - margins.left - margins.right) / 2
        canv.setFont(fonts.serif, FOOTER_SIZE)
        canv.setFillColor(FOOTER_GREY)
        canv.drawCentredString(centre, margins.bottom * 0.4, footer_text(footer, page, total))

    return decorate


def bulletin_decorator(
    fonts: FontSet,
    margins: Margins,
    footer: content.Footer,
    running_title: str,
    accent: colors.Color,
    size: float,
) -> Decorate:
    """A running head from page 2 on, and on every page a rule with the footer under it."""

    def decorate(canv: Canvas, page: int, total: int) -> None:
        width, height = canv._pagesize
        left, right = margins.left, width - margins.right
        if page > 1:
            y = height - margins.top * 0.62
            canv.setFont(fonts.sans_bold, size)
            canv.setFillColor(accent)
            canv.drawString(left, y, plain(running_title))
            canv.setStrokeColor(accent)
            canv.setLineWidth(0.8)
            canv.line(left, y - 4, right, y - 4)
        y = margins.bottom * 0.55
        canv.setStrokeColor(colors.HexColor("#999999"))
        canv.setLineWidth(0.4)
        canv.line(left, y + size + 2, right, y + size + 2)
        canv.setFont(fonts.sans, size)
        canv.setFillColor(FOOTER_GREY)
        canv.drawString(left, y, footer_text(footer, page, total))

    return decorate

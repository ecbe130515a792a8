"""Printing a built PDF on a real printer, page by page, through Qt's print system.

The PDF made by reportlab is the document of record; printing renders its pages
(QtPdf, the same engine as the on-screen preview) at the printer's resolution, capped
so that an old office PC does not run out of memory on a 1200 dpi laser printer, and
honours the page range chosen in the print dialog.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

MAX_DPI = 300


def print_pdf(document: QPdfDocument, printer: QPrinter) -> int:
    """Send ``document``'s pages to ``printer``; returns how many pages were printed."""
    count = document.pageCount()
    first, last = printer.fromPage(), printer.toPage()
    if first <= 0 or last <= 0:
        first, last = 1, count
    pages = list(range(first - 1, min(last, count)))
    if not pages:
        return 0
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("the printer could not be opened")
    try:
        dpi = min(printer.resolution(), MAX_DPI)
        for n, page in enumerate(pages):
            if n:
                printer.newPage()
            points = document.pagePointSize(page)
            area = painter.viewport()
            # Fit the page into the printable area, keeping its proportions.
            scale = min(area.width() / points.width(), area.height() / points.height())
            width, height = int(points.width() * scale), int(points.height() * scale)
            target = QRect(area.x(), area.y(), width, height)
            pixels = QSize(int(points.width() / 72 * dpi), int(points.height() / 72 * dpi))
            image = document.render(page, pixels)
            painter.drawImage(target, image)
    finally:
        painter.end()
    return len(pages)

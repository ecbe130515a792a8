"""Reading PDFs back in tests: fonts of a page, text with the position of its baseline."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pypdf._page import PageObject

BASE14 = {
    "Courier",
    "Courier-Bold",
    "Courier-Oblique",
    "Courier-BoldOblique",
    "Helvetica",
    "Helvetica-Bold",
    "Helvetica-Oblique",
    "Helvetica-BoldOblique",
    "Times-Roman",
    "Times-Bold",
    "Times-Italic",
    "Times-BoldItalic",
    "Symbol",
    "ZapfDingbats",
}


@dataclass(frozen=True)
class Chunk:
    """A piece of text as pypdf sees it: text, the start of its baseline, size and face."""

    text: str
    x: float
    y: float
    size: float
    font: str  # BaseFont without the subset prefix, e.g. "Tinos-Bold"


def _font_name(font: Any) -> str:
    if not font:
        return ""
    return str(font.get("/BaseFont", "")).lstrip("/").split("+", 1)[-1]


def chunks(page: PageObject) -> list[Chunk]:
    found: list[Chunk] = []

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        if text.strip():
            # reportlab's text matrices are plain translations here.
            found.append(Chunk(text.strip(), cm[4] + tm[4], cm[5] + tm[5], size, _font_name(font)))

    page.extract_text(visitor_text=visit)
    return found


def find(page: PageObject, start: str) -> Chunk:
    matches = [c for c in chunks(page) if c.text.startswith(start)]
    assert matches, f"{start!r} not on the page"
    return matches[0]


def page_fonts(page: PageObject) -> list[tuple[str, bool]]:
    """(BaseFont without subset prefix, embedded?) of every font the page refers to."""
    resources: Any = page["/Resources"].get_object()
    fonts = resources.get("/Font", {})
    out = []
    for ref in fonts.values():
        font = ref.get_object()
        name = _font_name(font)
        descriptor = font.get("/FontDescriptor")
        embedded = descriptor is not None and "/FontFile2" in descriptor.get_object()
        out.append((name, embedded))
    return out

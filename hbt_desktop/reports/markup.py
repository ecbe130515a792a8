"""Clerk text made safe to draw: NFC, invisible characters removed, XML-escaped.

Every string that reaches a PDF passes through here. reportlab draws decomposed (NFD)
Vietnamese with misplaced marks, so text is composed first; Paragraph parses its input
as XML-like markup, so "&" and "<" typed by a clerk must be escaped or they vanish (or
break the build).
"""

from __future__ import annotations

import unicodedata
from xml.sax.saxutils import escape

# Format characters (Cf: zero-width space and joiners, soft hyphen, BOM, bidi marks) are
# invisible; pasted from Word or the web they would otherwise be drawn as missing glyphs.
_INVISIBLE = {"Cf"}


def plain(text: str) -> str:
    """NFC text without invisible format characters, tabs as spaces (for canvas strings)."""
    composed = unicodedata.normalize("NFC", text).replace("\t", " ").replace("\r\n", "\n")
    return "".join(ch for ch in composed if unicodedata.category(ch) not in _INVISIBLE)


def para(text: str) -> str:
    """Paragraph markup that prints ``text`` literally; line breaks are kept."""
    return escape(plain(text)).replace("\n", "<br/>")


def bold(text: str) -> str:
    return f"<b>{para(text)}</b>"


def italic(text: str) -> str:
    return f"<i>{para(text)}</i>"

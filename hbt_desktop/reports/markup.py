"""Clerk text made safe to draw: NFC, invisible characters removed, XML-escaped.

Every string that reaches a PDF passes through here. reportlab draws decomposed (NFD)
Vietnamese with misplaced marks, so text is composed first; Paragraph parses its input
as XML-like markup, so "&" and "<" typed by a clerk must be escaped or they vanish (or
break the build).
"""

from __future__ import annotations

import re
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


# --- line breaking ------------------------------------------------------------------------
#
# A printed line must not end between "2" and "tháng", inside "quý I/2023", between a
# number and its unit ("4.861 tỷ 658 triệu đồng") or inside a place's name ("Hai Bà
# Trưng"). Those spaces become no-break spaces (U+00A0), which reportlab never breaks at
# and which Tinos, Arimo and Times New Roman draw as a space; the text reads and extracts
# the same.

NBSP = "\u00a0"
# Words that take the number after them: "năm 2023", "tháng 2/2023", "quý I/2023", "ngày
# 15/2/2023", "đến 15/2/2023", "số 12". Such a number belongs to them, not to the next
# word ("năm 2023 và …" may break after 2023).
_GOVERNING = frozenset({"năm", "tháng", "quý", "ngày", "đến", "số"})
_MONEY_WORDS = frozenset({"tỷ", "tỉ", "triệu", "nghìn", "ngàn"})
_AFTER_MONEY = frozenset({"đồng", "tỷ", "tỉ"})
_ROMAN = re.compile(r"[IVXLC]+(?:/\d+)?")
_PUNCTUATION = ",.;:!?…)]»”"


def _word(token: str) -> str:
    return token.strip("([«“" + _PUNCTUATION).lower()


def _is_number(token: str) -> bool:
    return token.lstrip("([«“")[:1].isdigit()  # "(2 tháng …)" too


def _keeps_together(before: str, token: str, after: str) -> bool:
    """Whether the space between ``token`` and ``after`` must not break."""
    if not after or token.endswith(tuple(_PUNCTUATION)):
        return False
    word, next_word = _word(token), _word(after)
    if word in _GOVERNING and (_is_number(after) or _ROMAN.fullmatch(after.rstrip(_PUNCTUATION))):
        return True  # "năm 2023", "quý I/2023", "đến 15/2/2023"
    if _ROMAN.fullmatch(token) and _word(before) == "quý" and next_word == "năm":
        return True  # "quý I năm 2023"
    if word in _MONEY_WORDS and (_is_number(after) or next_word in _AFTER_MONEY):
        return True  # "tỷ 081", "triệu đồng", "nghìn tỷ"
    # A number and its word ("2 tháng", "18 phường", "4.115 tỷ"), unless the number is
    # the one a word before it governs; a percentage is complete ("40% so với").
    if not _is_number(token) or token.endswith("%"):
        return False
    return after[:1].isalpha() and _word(before) not in _GOVERNING


def bind_words(text: str, names: tuple[str, ...] = ()) -> str:
    """``text`` with the spaces that must not break made no-break (see above).

    ``names`` are proper names (units' names from the unit tree) kept on one line.
    """
    tokens = text.split(" ")
    out = [tokens[0]]
    for index in range(1, len(tokens)):
        before = tokens[index - 2] if index >= 2 else ""
        together = _keeps_together(before, tokens[index - 1], tokens[index])
        out.append((NBSP if together else " ") + tokens[index])
    joined = "".join(out)
    for name in sorted(names, key=len, reverse=True):
        if " " in name:
            pattern = r"(?<!\w)" + re.escape(name).replace(r"\ ", "[ \u00a0]") + r"(?!\w)"
            joined = re.sub(pattern, name.replace(" ", NBSP), joined)
    return joined


def no_widow(paragraph: str) -> str:
    """The last two words of a body paragraph joined, so that no last line holds one word
    alone (the paragraph's last ordinary space becomes a no-break space)."""
    head, space, tail = paragraph.rstrip().rpartition(" ")
    if not space or not head.strip():
        return paragraph
    return f"{head}{NBSP}{tail}"

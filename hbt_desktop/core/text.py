"""Vietnamese text: normalisation, accent-insensitive search and sorting.

Text can arrive composed (NFC) or decomposed (NFD) — typed with different input methods,
pasted from the web or Word. The two forms look identical but compare unequal and
reportlab draws NFD marks in the wrong place, so every text is made NFC where it enters.

Clerks search without accents (``thu ngan sach`` must find ``thu ngân sách``) and expect
lists in Vietnamese alphabetical order (``Đ`` after ``D``, ``Ă`` and ``Â`` after ``A``),
which neither Python's default sort nor SQLite's ORDER BY give.
"""

from __future__ import annotations

import unicodedata

# Base letters of the Vietnamese alphabet in order. Spaces, digits and punctuation sort
# before every letter (so "Ba Đình" comes before "Bac"); letters outside the alphabet
# (f, j, w, z) after it, by code point.
_ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
_LETTER_RANK = {ch: i for i, ch in enumerate(_ALPHABET)}
# Tone marks in the conventional dictionary order: none, huyền, sắc, hỏi, ngã, nặng.
_TONES = {"\u0300": 1, "\u0301": 2, "\u0309": 3, "\u0303": 4, "\u0323": 5}
# Marks that make a different letter (ă, â, ê, ô, ơ, ư) rather than a tone.
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}


def nfc(text: str) -> str:
    """The composed form of ``text``; the only form stored and printed."""
    return unicodedata.normalize("NFC", text)


def clean(text: str) -> str:
    """NFC, with surrounding whitespace removed and inner runs of spaces collapsed.

    Tabs and non-breaking spaces pasted from Word or Excel become plain spaces; line
    breaks are kept because narrative text has paragraphs.
    """
    if text.isascii() and text.isprintable() and "  " not in text:
        # The common case in files (codes, numbers, dates): nothing to normalise. Checked
        # first because an import cleans every cell of every row.
        return text.strip()
    lines = []
    for line in nfc(text).replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        lines.append(" ".join(line.replace("\u00a0", " ").replace("\u202f", " ").split()))
    return "\n".join(lines).strip()


def fold(text: str) -> str:
    """Lower case without any diacritics, for accent-insensitive search.

    ``fold("Tổng thu NGÂN SÁCH") == "tong thu ngan sach"``; ``đ`` folds to ``d``.
    """
    decomposed = unicodedata.normalize("NFD", text.lower().replace("đ", "d").replace("Đ", "d"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def matches(query: str, text: str) -> bool:
    """True when every word of ``query`` occurs in ``text``, ignoring case and accents."""
    haystack = fold(text)
    return all(word in haystack for word in fold(query).split())


def _split_letter(ch: str) -> tuple[str, int]:
    """A lower-case character's base letter (with ă/â/ê/ô/ơ/ư marks) and its tone."""
    decomposed = unicodedata.normalize("NFD", ch)
    tone = 0
    kept = []
    for part in decomposed:
        if part in _TONES:
            tone = _TONES[part]
        elif not unicodedata.combining(part) or part in _LETTER_MARKS:
            kept.append(part)
    return unicodedata.normalize("NFC", "".join(kept)), tone


def sort_key(text: str) -> tuple[tuple[int, ...], tuple[int, ...], str]:
    """A key that sorts Vietnamese words in dictionary order.

    Primary: letters in alphabet order (tones ignored); secondary: tones; last: the text
    itself so that the order is total and stable.
    """
    primary: list[int] = []
    secondary: list[int] = []
    for ch in nfc(text).lower():
        base, tone = _split_letter(ch)
        rank = _LETTER_RANK.get(base)
        if rank is None:
            code = ord(base[:1] or " ")
            rank = len(_ALPHABET) + code if base.isalpha() else code - 0x110000
        primary.append(rank)
        secondary.append(tone)
    return tuple(primary), tuple(secondary), text

"""Vietnamese typed in the legacy font encodings, TCVN3 (ABC) and VNI, read back as Unicode.

Offices still keep workbooks typed before Unicode: the letters are stored as Latin-1
characters that only a special font draws as Vietnamese, so "Tổng" is stored as «Tæng»
(TCVN3, fonts ``.VnTime``, ``.VnArial`` …) or «Toång» (VNI, fonts ``VNI-Times`` …).
Imported as they are, such names would be garbage; refused, the clerk could do nothing.
So the readers (``csvfile.py``, ``xlsx.py``) convert them here, and the import says what
it converted with a preview (``preview``), e.g. «Tæng thu» → «Tổng thu».

The charts (``legacy_charts.py``) are the published ones: TCVN 5712:1993 (VN3, the ABC
fonts) and VNI Windows. Detection never converts genuine Unicode text: a text is taken
for legacy only if it has no character beyond Latin-1 (real Vietnamese always has some:
đ, ư, ơ, ạ …), every non-ASCII character belongs to the encoding, and at least one of them
is not a letter of Unicode Vietnamese (µ, ¸, æ … in TCVN3; ø, û, ï, ñ … in VNI).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from hbt_desktop.core.i18n import tr
from hbt_desktop.exchange.legacy_charts import TCVN3_CHART, VNI_CHART

Encoding = Literal["TCVN3", "VNI"]
FONTS: dict[Encoding, str] = {"TCVN3": ".VnTime, .VnArial", "VNI": "VNI-Times"}
PREVIEW_EXAMPLES = 3


def _chart(text: str) -> dict[str, str]:
    """{Unicode letter: legacy spelling} from a chart's lines «letter<TAB>legacy»."""
    pairs = {}
    for line in text.strip().splitlines():
        letter, legacy = line.split("\t")
        pairs[unicodedata.normalize("NFC", letter)] = legacy
    return pairs


ENCODE: dict[Encoding, dict[str, str]] = {"TCVN3": _chart(TCVN3_CHART), "VNI": _chart(VNI_CHART)}
DECODE: dict[Encoding, dict[str, str]] = {
    name: {legacy: letter for letter, legacy in chart.items()} for name, chart in ENCODE.items()
}
_LONGEST = {name: max(map(len, table)) for name, table in DECODE.items()}
# The characters each encoding uses, and those of them that Unicode Vietnamese never has
# (the signal that a text is legacy; à, á, â … are letters in both and prove nothing).
_USED = {
    name: {c for code in table for c in code if not c.isascii()} for name, table in DECODE.items()
}
UNICODE_LETTERS = frozenset(
    c
    for letter in ENCODE["VNI"]
    for c in (letter, letter.upper())
    if len(c) == 1 and not c.isascii()
)
_SIGNAL = {name: used - UNICODE_LETTERS for name, used in _USED.items()}


def to_unicode(text: str, encoding: Encoding) -> str:
    """``text`` as typed in ``encoding``, in Unicode (NFC); unknown characters stay."""
    table, longest = DECODE[encoding], _LONGEST[encoding]
    out, i = [], 0
    while i < len(text):
        for size in range(min(longest, len(text) - i), 0, -1):
            letter = table.get(text[i : i + size])
            if letter is not None and (size > 1 or not text[i].isascii()):
                out.append(letter)
                i += size
                break
        else:
            out.append(text[i])
            i += 1
    return unicodedata.normalize("NFC", "".join(out))


def from_unicode(text: str, encoding: Encoding) -> str:
    """``text`` as a legacy font would store it (for tests and round trips)."""
    table = ENCODE[encoding]
    return "".join(table.get(c, c) for c in unicodedata.normalize("NFC", text))


def font_encoding(font: str | None) -> Encoding | None:
    """The encoding a font's name says: ``.VnTime``/``.VnTimeH`` TCVN3, ``VNI-Times`` VNI."""
    name = (font or "").strip().lower()
    if name.startswith(".vn"):
        return "TCVN3"
    if name.startswith(("vni-", "vni ")):
        return "VNI"
    return None


def uppercase_font(font: str | None) -> bool:
    """TCVN3's capitals are a font of their own (``.VnTimeH``) drawing the small letters'
    codes as capitals: text in it is converted, then upper-cased."""
    name = (font or "").strip()
    return font_encoding(name) == "TCVN3" and name.endswith("H")


def could_be(texts: Iterable[str], encoding: Encoding) -> bool:
    """Whether ``texts`` read as legacy ``encoding``: nothing beyond Latin-1, every
    non-ASCII character used by the encoding, and one that Unicode Vietnamese never has."""
    used, signal, seen = _USED[encoding], _SIGNAL[encoding], False
    for text in texts:
        for c in text:
            if c.isascii():
                continue
            if ord(c) > 0xFF or c not in used:
                return False
            seen = seen or c in signal
    return seen


def detect(texts: Sequence[str]) -> Encoding | None:
    """The legacy encoding ``texts`` (a whole file's text) are in, or None (Unicode, or
    ASCII). When both fit, VNI wins if it has marks and every one follows a vowel it can
    sit on (in VNI it always does; in TCVN3 text the letters mostly follow consonants)."""
    fits = [name for name in ENCODE if could_be(texts, name)]
    if len(fits) <= 1:
        return fits[0] if fits else None
    marks = any(c in _VNI_MARKS for t in texts for c in t)
    return "VNI" if marks and all(_marks_on_vowels(t) for t in texts) else "TCVN3"


_VNI_MARKS = frozenset("ùøûõïâáàåãäêéèúüëÙØÛÕÏÂÁÀÅÃÄÊÉÈÚÜË")
_VNI_BASES = frozenset("aeiouyAEIOUYôöÔÖ")


def _marks_on_vowels(text: str) -> bool:
    return all(i > 0 and text[i - 1] in _VNI_BASES for i, c in enumerate(text) if c in _VNI_MARKS)


@dataclass(frozen=True)
class Conversion:
    """What a reader converted: the encoding and a few (as typed, converted) examples."""

    file: str
    encoding: Encoding
    examples: tuple[tuple[str, str], ...]

    def message(self, language: str | None = None) -> str:
        shown = ", ".join(f"«{before}» → «{after}»" for before, after in self.examples)
        return tr(
            "legacy.converted",
            language,
            file=self.file,
            encoding=self.encoding,
            fonts=FONTS[self.encoding],
            examples=shown,
        )


def examples(pairs: Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    """The first few distinct texts that changed, for the preview."""
    found: list[tuple[str, str]] = []
    for before, after in pairs:
        if before != after and (before, after) not in found:
            found.append((before.strip(), after.strip()))
        if len(found) == PREVIEW_EXAMPLES:
            break
    return tuple(found)


def convert_text(text: str) -> tuple[str, Encoding | None]:
    """A whole text file's content, converted if it is legacy (one encoding per file)."""
    encoding = detect([text])
    return (to_unicode(text, encoding), encoding) if encoding else (text, None)


def convert_sheet(
    rows: Sequence[Sequence[str]], fonts: Sequence[Sequence[str | None]]
) -> tuple[list[list[str]], Encoding | None]:
    """A sheet's cells typed in legacy fonts, in Unicode; the rest untouched.

    Decided per sheet and encoding: the cells in that encoding's fonts are converted
    when, together, they read as it (``could_be``); a cell with a letter beyond Latin-1
    is genuine Unicode (pasted into a .VnTime cell) and stays as it is."""
    by_encoding: dict[Encoding, list[str]] = {}
    for texts, row_fonts in zip(rows, fonts, strict=True):
        for text, font in zip(texts, row_fonts, strict=True):
            encoding = font_encoding(font)
            if encoding and not text.isascii() and all(ord(c) <= 0xFF for c in text):
                by_encoding.setdefault(encoding, []).append(text)
    chosen = {name for name, texts in by_encoding.items() if could_be(texts, name)}
    out: list[list[str]] = []
    for texts, row_fonts in zip(rows, fonts, strict=True):
        out.append([_cell(text, font, chosen) for text, font in zip(texts, row_fonts, strict=True)])
    first = next(iter(sorted(chosen)), None)
    return out, first


def _cell(text: str, font: str | None, chosen: set[Encoding]) -> str:
    encoding = font_encoding(font)
    if encoding not in chosen or text.isascii() or any(ord(c) > 0xFF for c in text):
        return text
    assert encoding is not None
    converted = to_unicode(text, encoding)
    return converted.upper() if uppercase_font(font) else converted

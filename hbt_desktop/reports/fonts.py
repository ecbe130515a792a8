"""The fonts every PDF is drawn in, registered once per process.

reportlab's built-in fonts (Helvetica, Times) have no Vietnamese letters and drop them
without a word, so every string in our PDFs is drawn in a registered TrueType font:

- ``HBTSerif`` — Times New Roman, which Decree 30/2020/NĐ-CP (Appendix I) asks for, when
  the machine has it; otherwise the bundled Tinos, which has the same widths, so line and
  page breaks do not move.
- ``HBTSans`` — the bundled Arimo (Arial's widths), for the bulletin's headings.

Each family is registered with ``registerFontFamily`` so that ``<b>``/``<i>`` in markup
pick the real bold and italic faces. Registration reads four TTF files (40–100 ms), so it
is done once and cached. ``HBT_DESKTOP_BUNDLED_FONTS=1`` (or ``bundled=True``) forces the
bundled files, which tests use for reproducible output on any machine.

Before a document is written, :func:`require_coverage` checks every character against the
fonts' character maps: a character the font cannot draw is refused with a clear message
rather than printed as a blank.
"""

from __future__ import annotations

import os
import sys
import threading
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from hbt_desktop.core.errors import InputError
from hbt_desktop.core.resources import resource_path

BUNDLED_ENV = "HBT_DESKTOP_BUNDLED_FONTS"

# The four faces of a family, in the order registerFontFamily takes them.
FACES = ("regular", "bold", "italic", "bold_italic")


@dataclass(frozen=True)
class FontSet:
    """Registered face names of both families, and the file each one came from."""

    serif: str
    serif_bold: str
    serif_italic: str
    serif_bold_italic: str
    sans: str
    sans_bold: str
    sans_italic: str
    sans_bold_italic: str
    files: Mapping[str, Path]  # registered face name -> TTF file
    system_serif: bool  # True when HBTSerif is the machine's Times New Roman

    @property
    def faces(self) -> tuple[str, ...]:
        return tuple(self.files)

    @property
    def serif_faces(self) -> tuple[str, ...]:
        return (self.serif, self.serif_bold, self.serif_italic, self.serif_bold_italic)

    @property
    def sans_faces(self) -> tuple[str, ...]:
        return (self.sans, self.sans_bold, self.sans_italic, self.sans_bold_italic)


def _bundled(prefix: str) -> tuple[Path, ...]:
    names = ("Regular", "Bold", "Italic", "BoldItalic")
    return tuple(resource_path("fonts", f"{prefix}-{name}.ttf") for name in names)


def _system_times_candidates() -> list[tuple[Path, ...]]:
    """Places where Times New Roman's four faces are installed, most likely first."""
    short = ("times.ttf", "timesbd.ttf", "timesi.ttf", "timesbi.ttf")
    underscored = (
        "Times_New_Roman.ttf",
        "Times_New_Roman_Bold.ttf",
        "Times_New_Roman_Italic.ttf",
        "Times_New_Roman_Bold_Italic.ttf",
    )
    spaced = (
        "Times New Roman.ttf",
        "Times New Roman Bold.ttf",
        "Times New Roman Italic.ttf",
        "Times New Roman Bold Italic.ttf",
    )
    dirs: list[tuple[Path, tuple[str, ...]]] = []
    if sys.platform == "win32":
        windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
        dirs.append((windir / "Fonts", short))
        local = os.environ.get("LOCALAPPDATA")
        if local:  # fonts installed "for this user only" since Windows 10 1809
            dirs.append((Path(local) / "Microsoft" / "Windows" / "Fonts", short))
    elif sys.platform == "darwin":
        for base in ("/System/Library/Fonts/Supplemental", "/Library/Fonts"):
            dirs.append((Path(base), spaced))
    else:
        home = Path.home()
        for base in (
            Path("/usr/share/fonts/truetype/msttcorefonts"),  # Debian/Ubuntu ttf-mscorefonts
            Path("/usr/share/fonts/msttcore"),  # Fedora msttcore-fonts
            Path("/usr/share/fonts/TTF"),  # Arch ttf-ms-fonts
            home / ".fonts",
            home / ".local" / "share" / "fonts",
        ):
            dirs += [(base, underscored), (base, short)]
    return [tuple(folder / name for name in names) for folder, names in dirs]


def _system_times() -> tuple[Path, ...] | None:
    for files in _system_times_candidates():
        if all(f.is_file() for f in files):
            return files
    return None


def _wants_bundled(bundled: bool | None) -> bool:
    if bundled is not None:
        return bundled
    return os.environ.get(BUNDLED_ENV, "").strip().lower() in {"1", "true", "yes", "on"}


_lock = threading.RLock()  # re-entered by the fall-back to the bundled fonts
_sets: dict[tuple[Path, ...], FontSet] = {}
_loaded: dict[str, TTFont] = {}  # registered face name -> font, for cmap look-ups


def _register_family(family: str, files: tuple[Path, ...]) -> tuple[str, ...]:
    names = (family, f"{family}-Bold", f"{family}-Italic", f"{family}-BoldItalic")
    fonts = [TTFont(name, str(path)) for name, path in zip(names, files, strict=True)]
    # Only register once all four loaded, so a bad file leaves nothing half-registered.
    for font in fonts:
        pdfmetrics.registerFont(font)
        _loaded[font.fontName] = font
    pdfmetrics.registerFontFamily(
        family, normal=names[0], bold=names[1], italic=names[2], boldItalic=names[3]
    )
    # registerFontFamily maps the family name; map each face name too, so that <b> inside
    # a paragraph whose style names the bold face still resolves.
    for name in names:
        addMapping(name, 0, 0, names[0])
        addMapping(name, 1, 0, names[1])
        addMapping(name, 0, 1, names[2])
        addMapping(name, 1, 1, names[3])
    return names


def register_fonts(bundled: bool | None = None) -> FontSet:
    """Register (once) and return the fonts the PDFs are drawn in.

    ``bundled=None`` reads ``HBT_DESKTOP_BUNDLED_FONTS``. The first set registered in a
    process is named ``HBTSerif``/``HBTSans``; if a caller later asks for the other source
    (only tests do), it is registered beside it under ``HBTSerif2`` … so that documents
    already laid out keep their fonts.
    """
    serif_files: tuple[Path, ...] | None = None
    if not _wants_bundled(bundled):
        serif_files = _system_times()
    system = serif_files is not None
    sans_files = _bundled("Arimo")
    key = (*(serif_files or _bundled("Tinos")), *sans_files)
    with _lock:
        cached = _sets.get(key)
        if cached is not None:
            return cached
        suffix = "" if not _sets else str(len(_sets) + 1)
        try:
            serif = _register_family(f"HBTSerif{suffix}", key[:4])
        except Exception:
            if not system:
                raise
            # The machine's Times New Roman could not be read (damaged, or a version
            # that forbids embedding): the bundled Tinos has the same widths.
            _sets[key] = register_fonts(bundled=True)
            return _sets[key]
        sans = _register_family(f"HBTSans{suffix}", sans_files)
        files = dict(zip((*serif, *sans), key, strict=True))
        font_set = FontSet(
            serif=serif[0],
            serif_bold=serif[1],
            serif_italic=serif[2],
            serif_bold_italic=serif[3],
            sans=sans[0],
            sans_bold=sans[1],
            sans_italic=sans[2],
            sans_bold_italic=sans[3],
            files=files,
            system_serif=system,
        )
        _sets[key] = font_set
        return font_set


def font_info(bundled: bool | None = None) -> dict[str, Path]:
    """Which file each registered face comes from, e.g. ``{"HBTSerif": …/times.ttf}``."""
    return dict(register_fonts(bundled).files)


# Characters that draw nothing and so need no glyph. Format characters (zero-width
# spaces, soft hyphens, BOMs pasted from Word) are removed before drawing.
def _needs_glyph(ch: str) -> bool:
    category = unicodedata.category(ch)
    return not (category in {"Cc", "Cf"} or ch in "\n\r\t")


def missing_glyphs(text: str, face: str) -> set[str]:
    """The characters of ``text`` (taken in NFC) that the registered ``face`` cannot draw."""
    font = _loaded.get(face)
    if font is None:
        raise KeyError(f"{face!r} is not a font registered by hbt_desktop.reports.fonts")
    cmap = font.face.charToGlyph
    return {
        ch
        for ch in set(unicodedata.normalize("NFC", text))
        if _needs_glyph(ch) and ord(ch) not in cmap
    }


def check_coverage(texts: Iterable[str], faces: Iterable[str] | None = None) -> dict[str, set[str]]:
    """Characters missing per face, for every face that misses any.

    ``faces`` defaults to every face of the current font set: a string can end up in any
    face (bold headings, italic captions), and the faces do not all cover the same letters.
    """
    chosen = tuple(faces) if faces is not None else register_fonts().faces
    alphabet: set[str] = set()
    for text in texts:
        alphabet.update(unicodedata.normalize("NFC", text))
    joined = "".join(sorted(alphabet))
    result = {}
    for face in chosen:
        missing = missing_glyphs(joined, face)
        if missing:
            result[face] = missing
    return result


def describe_chars(chars: Iterable[str]) -> str:
    """``"𝔘" (U+1D518), "中" (U+4E2D)`` — visible and unambiguous in an error message."""
    return ", ".join(f"“{ch}” (U+{ord(ch):04X})" for ch in sorted(set(chars)))


def require_coverage(texts: Iterable[str], faces: Iterable[str] | None = None) -> None:
    """Refuse with :class:`InputError` when any character of ``texts`` has no glyph."""
    all_texts = list(texts)
    missing = check_coverage(all_texts, faces)
    if not missing:
        return
    chars: set[str] = set().union(*missing.values())
    sample = next((t for t in all_texts if chars & set(unicodedata.normalize("NFC", t))), "")
    sample = unicodedata.normalize("NFC", sample)
    if len(sample) > 80:
        first = min(i for i, ch in enumerate(sample) if ch in chars)
        start = max(0, first - 30)
        sample = ("…" if start else "") + sample[start : start + 70] + "…"
    raise InputError("reports.glyphs_missing", chars=describe_chars(chars), sample=sample)

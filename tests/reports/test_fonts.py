"""Font registration, choice of files and the glyph-coverage check."""

from __future__ import annotations

import shutil
import time
import unicodedata
from pathlib import Path

import pytest
from reportlab.lib.fonts import tt2ps
from reportlab.pdfbase import pdfmetrics

from hbt_desktop.core import i18n
from hbt_desktop.core.errors import InputError
from hbt_desktop.core.resources import resource_path
from hbt_desktop.reports import fonts
from hbt_desktop.reports.fonts import (
    check_coverage,
    font_info,
    missing_glyphs,
    register_fonts,
    require_coverage,
)

VIETNAMESE = (
    "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
    "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
)


def test_the_bundled_fonts_are_registered_once_as_two_families() -> None:
    first = register_fonts(bundled=True)
    started = time.perf_counter()
    again = register_fonts(bundled=True)
    assert again is first
    assert time.perf_counter() - started < 0.005  # cached: no file is read again
    assert first.serif == "HBTSerif" and first.sans == "HBTSans"
    assert not first.system_serif
    for face in first.faces:
        assert pdfmetrics.getFont(face).fontName == face


def test_the_family_maps_bold_and_italic_so_markup_picks_real_faces() -> None:
    f = register_fonts(bundled=True)
    assert tt2ps(f.serif, 1, 0) == f.serif_bold
    assert tt2ps(f.serif, 0, 1) == f.serif_italic
    assert tt2ps(f.serif, 1, 1) == f.serif_bold_italic
    assert tt2ps(f.sans, 1, 0) == f.sans_bold
    # <i> inside a bold paragraph must reach bold-italic, not plain italic.
    assert tt2ps(f.serif_bold, 1, 1) == f.serif_bold_italic


def test_font_info_names_the_bundled_files() -> None:
    info = font_info(bundled=True)
    assert info["HBTSerif"] == resource_path("fonts", "Tinos-Regular.ttf")
    assert info["HBTSerif-BoldItalic"] == resource_path("fonts", "Tinos-BoldItalic.ttf")
    assert info["HBTSans-Bold"] == resource_path("fonts", "Arimo-Bold.ttf")
    assert all(path.is_file() for path in info.values())


def test_the_environment_variable_forces_the_bundled_fonts(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _fake_times_new_roman(monkeypatch, tmp_path)
    monkeypatch.setenv(fonts.BUNDLED_ENV, "1")
    assert not register_fonts().system_serif
    monkeypatch.setenv(fonts.BUNDLED_ENV, "0")
    assert register_fonts().system_serif


def _fake_times_new_roman(monkeypatch: pytest.MonkeyPatch, folder: Path) -> tuple[Path, ...]:
    """Tinos copied under Windows' Times New Roman file names, found as a system font."""
    names = ("times.ttf", "timesbd.ttf", "timesi.ttf", "timesbi.ttf")
    sources = ("Regular", "Bold", "Italic", "BoldItalic")
    files = tuple(folder / name for name in names)
    for target, source in zip(files, sources, strict=True):
        shutil.copy(resource_path("fonts", f"Tinos-{source}.ttf"), target)
    monkeypatch.setattr(fonts, "_system_times_candidates", lambda: [files])
    return files


def test_times_new_roman_is_preferred_when_the_machine_has_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    files = _fake_times_new_roman(monkeypatch, tmp_path)
    chosen = register_fonts(bundled=False)
    assert chosen.system_serif
    assert chosen.files[chosen.serif] == files[0]
    assert chosen.files[chosen.serif_bold_italic] == files[3]
    # Registered beside the bundled set, so documents laid out with it keep their fonts.
    assert chosen.serif != register_fonts(bundled=True).serif


def test_an_incomplete_times_new_roman_is_not_mixed_with_tinos(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    files = _fake_times_new_roman(monkeypatch, tmp_path)
    files[1].unlink()  # no bold face
    assert fonts._system_times() is None
    assert not register_fonts(bundled=False).system_serif


def test_the_bundled_fonts_cover_every_vietnamese_letter_in_every_face() -> None:
    f = register_fonts(bundled=True)
    for face in f.faces:
        assert missing_glyphs(VIETNAMESE + "0123456789.,;:%-–·/()“”&<>", face) == set()


def test_missing_glyphs_finds_characters_outside_the_font() -> None:
    f = register_fonts(bundled=True)
    assert missing_glyphs("Thu ngân sách 𝔘 中", f.serif) == {"𝔘", "中"}


def test_decomposed_text_is_checked_in_its_composed_form() -> None:
    f = register_fonts(bundled=True)
    nfd = unicodedata.normalize("NFD", "Hạnh phúc Đống Mác")
    assert nfd != unicodedata.normalize("NFC", nfd)
    assert missing_glyphs(nfd, f.serif) == set()


def test_invisible_characters_need_no_glyph() -> None:
    f = register_fonts(bundled=True)
    assert missing_glyphs("Hà\u200bNội\u00ad\ufeff\n\t", f.serif) == set()


def test_check_coverage_reports_per_face() -> None:
    f = register_fonts(bundled=True)
    result = check_coverage(["Hà Nội", "日本"], f.serif_faces)
    assert set(result) == set(f.serif_faces)
    assert all(chars == {"日", "本"} for chars in result.values())
    assert check_coverage(["Hà Nội"], f.serif_faces) == {}


def test_require_coverage_refuses_with_a_message_naming_the_characters() -> None:
    f = register_fonts(bundled=True)
    with pytest.raises(InputError) as caught:
        require_coverage(["Tổng thu 4.115 tỷ", "Ghi chú: 𝔘 là ký tự lạ"], f.serif_faces)
    error = caught.value
    assert error.key == "reports.glyphs_missing"
    assert "U+1D518" in error.message
    assert "𝔘 là ký tự lạ" in error.message  # shows where the character is
    assert "U+1D518" in error.message_in("en")


def test_the_messages_exist_in_both_languages_with_the_same_placeholders() -> None:

    catalog = i18n.catalog()
    for key in ("reports.glyphs_missing", "reports.photo_unreadable"):
        texts = catalog[key]
        assert i18n.placeholders(texts["vi"]) == i18n.placeholders(texts["en"])


def test_missing_glyphs_refuses_an_unknown_face() -> None:
    with pytest.raises(KeyError):
        missing_glyphs("a", "Helvetica")

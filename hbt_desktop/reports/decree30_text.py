"""What the Decree 30 report prints, decided once for both renderers (PDF and Word).

The case of the elements the decree writes in capitals, the numbering of the outline
(mục I, khoản 1, điểm a), the recipients' dashes and punctuation, the "Kính gửi" lines,
the "./." that closes the body and the rule that "- Như trên;" needs a Kính gửi: the
PDF builder (``decree30.py``) and the Word writer (``docx_report.py``) both call these, so
the two files say the same thing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from hbt_desktop.core.errors import InputError
from hbt_desktop.core.i18n import register
from hbt_desktop.core.numbers import to_roman
from hbt_desktop.reports import content
from hbt_desktop.reports.markup import plain

register(
    {
        "report.nhu_tren_without_kinh_gui": {
            "vi": (
                "Nơi nhận có «Như trên» nhưng báo cáo không có Kính gửi: hãy ghi nơi được "
                "kính gửi vào ô Kính gửi, hoặc bỏ dòng «Như trên» khỏi Nơi nhận."
            ),
            "en": (
                "The recipients list «Như trên» but the report has no Kính gửi: fill in "
                "the Kính gửi field, or remove «Như trên» from the recipients."
            ),
        },
    }
)

NOI_NHAN = "Nơi nhận:"
KINH_GUI = "Kính gửi:"
DRAFT_MARK = "DỰ THẢO"
END_MARK = "./."
# The points of a khoản: Vietnamese letters in their order (Decree 30, App. I, II.6.b).
LETTERS = "abcdđeghiklmnopqrstuvxy"
_ROMAN_HEADING = re.compile(r"^(Phần\s+)?[IVXLC]+\.(\s|$)", re.IGNORECASE)


def upper(text: str) -> str:
    """Decree 30 sets the Quốc hiệu, the bodies, the document type and the signer's
    authority and title in capitals: applied here so that "Ủy ban nhân dân" typed in
    lower case still prints as the decree asks (str.upper handles ư, ơ, đ and tones)."""
    return plain(text).upper()


def outline_numbers(levels: Sequence[int]) -> list[str]:
    """The number of each heading of an outline: level 1 "I.", 2 "1.", 3 "a)"; a
    sub-level restarts under each new heading above it (mục, khoản, điểm)."""
    counters = [0, 0, 0]
    out = []
    for level in levels:
        depth = min(max(level, 1), 3) - 1
        counters[depth] += 1
        counters[depth + 1 :] = [0] * (2 - depth)
        n = counters[depth]
        if depth == 0:
            out.append(f"{to_roman(n)}.")
        elif depth == 1:
            out.append(f"{n}.")
        else:
            out.append(f"{LETTERS[(n - 1) % len(LETTERS)]})")
    return out


def heading_text(section: content.Section) -> str:
    """A heading as printed: Roman-numbered ones (mục I, "Phần I") in capitals, as the
    decree's template writes them; the others as the clerk typed them."""
    text = plain(section.heading)
    return text.upper() if _ROMAN_HEADING.match(text) else text


def recipient_lines(recipients: Iterable[str]) -> list[str]:
    """``"- Như trên;"`` … ``"- Lưu: VT, VP."``: a dash before each, ";" after all but
    the last, which ends with "." (Decree 30, App. I, "Nơi nhận"). Punctuation the clerk
    already typed is not doubled."""
    cleaned = [_bare(raw) for raw in recipients]
    cleaned = [text for text in cleaned if text]
    return [f"- {text}{'.' if i == len(cleaned) - 1 else ';'}" for i, text in enumerate(cleaned)]


def _bare(raw: str) -> str:
    text = plain(raw).strip().removeprefix("-").strip()
    return text.rstrip(";,. ").rstrip()


def is_nhu_tren(recipient: str) -> bool:
    return _bare(recipient).casefold() == "như trên"


def kinh_gui_lines(addressees: Iterable[str]) -> list[str]:
    """One addressee: ``["Kính gửi: Ủy ban nhân dân thành phố Hà Nội."]``; several: the
    label, then one ``"- …;"`` line each, the last ending with "." (Decree 30, App. I,
    II.9.a: "Kính gửi" and a single addressee share a line)."""
    names = [_bare(a) for a in addressees]
    names = [n for n in names if n]
    if not names:
        return []
    if len(names) == 1:
        return [f"{KINH_GUI} {names[0]}."]
    return [KINH_GUI, *(f"- {n}{'.' if i == len(names) - 1 else ';'}" for i, n in enumerate(names))]


def check_report(doc: content.ReportContent) -> None:
    """Refuse what the decree does not allow, before anything is laid out."""
    if not any(plain(a).strip() for a in doc.kinh_gui) and any(
        is_nhu_tren(r) for r in doc.recipients
    ):
        raise InputError("report.nhu_tren_without_kinh_gui")


def close_body(doc: content.ReportContent) -> content.ReportContent:
    """The body ends with "./." (Decree 30, App. I, II.6): added to its last paragraph,
    or as a paragraph of its own after a last table or photo."""
    parts = list(doc.parts)
    for index in range(len(parts) - 1, -1, -1):
        section = parts[index]
        texts = [t for t in section.paragraphs if t.strip()]
        if section.tables or section.photos:
            # Tables and photos print after a section's paragraphs: the mark follows them.
            closing = content.Section("", (END_MARK,), section.level)
            return replace(doc, parts=(*parts, closing))
        if texts:
            last = max(i for i, t in enumerate(section.paragraphs) if t.strip())
            paragraphs = list(section.paragraphs)
            paragraphs[last] = _closed(paragraphs[last])
            parts[index] = replace(section, paragraphs=tuple(paragraphs))
            return replace(doc, parts=tuple(parts))
    intro = [t for t in doc.intro if t.strip()]
    if intro:
        return replace(doc, intro=(*intro[:-1], _closed(intro[-1])))
    return doc


def _closed(text: str) -> str:
    stripped = text.rstrip()
    if stripped.endswith(END_MARK):
        return stripped
    return stripped.rstrip(".") + END_MARK

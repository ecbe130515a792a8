"""The period a document's text claims, and figures printed without their own period.

A bulletin or report is about one period — its own, the one in its title. The rule that
keeps a figure of another period from passing for one of the document's:

- every figure a sentence prints is read as a figure of the document's period, unless
  the sentence names another period for it;
- so a figure of another period (quý I in a "2 tháng" bulletin, the figures "tính đến
  15/2/2023" in a "2 tháng đầu năm 2023" document, last year's) may be printed only in a
  sentence that also names *its* period: its ``{{ x.ky }}`` / ``{{ x.ky_dau_cau }}``, or
  the period written out ("quý I/2023", "quý I" in a document of the same year, "tính
  đến 15/2/2023", "tính đến ngày 15/2/2023"); a figure reached as ``.cung_ky`` is named
  by "cùng kỳ";
- two periods are the same when they name the same figures (the same id): "tính đến
  ngày 31/5/2023" and "5 tháng đầu năm 2023" are one period.

"Sentence" means the text between two sentence ends (".", "!", "?", "…" followed by a
space, or a line break). A violation is reported as a Vietnamese problem; ``--strict``
refuses to print while there is one. The rule is documented for clerks in
docs/mau-van-ban.md.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from hbt_desktop.core.dates import format_cutoff, format_date_padded
from hbt_desktop.core.figure_view import Formatted, Role
from hbt_desktop.core.figures import Figure
from hbt_desktop.core.i18n import register
from hbt_desktop.core.periods import Period, format_period

register(
    {
        "period.unlabelled": {
            "vi": "«{name}» trong câu «{sentence}» là số liệu {own}, không phải của kỳ văn "
            "bản ({document}), mà câu không ghi kỳ đó: hãy ghi «{own}» trong câu (ví dụ "
            "{{{{ ….ky }}}}) hoặc dùng số liệu {document}.",
            "en": "«{name}» in the sentence «{sentence}» is a figure of {own}, not of the "
            "document's period ({document}), and the sentence does not say so: write "
            "«{own}» in it (e.g. {{{{ ….ky }}}}) or use the figure of {document}.",
        },
    }
)

SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n")
EXCERPT_CHARS = 70


@dataclass(frozen=True)
class Piece:
    """One formatted text in the rendered output, where it stands."""

    start: int
    end: int
    text: Formatted


def sentences(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence of ``text``."""
    start = 0
    for match in SENTENCE_END.finditer(text):
        yield start, match.start()
        start = match.end()
    yield start, len(text)


@lru_cache(maxsize=1024)
def _name_pattern(period: Period, document_year: int) -> re.Pattern[str]:
    """Every way the period can be written in a sentence, as one pattern."""
    names: set[str] = set()
    same_year = period.year == document_year
    cutoff = period.stated_cutoff
    if cutoff is not None:
        for with_ngay in (False, True):
            names.add(format_cutoff(cutoff, with_ngay=with_ngay))
            if same_year:  # "tính đến 15/2" in a document of that year
                names.add(format_cutoff(cutoff, with_ngay=with_ngay).rsplit("/", 1)[0])
        names.add("tính đến " + format_date_padded(cutoff))
    if period.cutoff is None:  # the period's own names name the same figures
        for padded in (False, True):
            for style in ("slash", "nam"):
                for with_year in (True, False) if same_year else (True,):
                    names.add(
                        format_period(
                            period,
                            padded=padded,
                            quarter_style=style,
                            with_year=with_year,
                            cutoff=False,
                        )
                    )
    alternatives = "|".join(re.escape(n.casefold()) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?![\w/])")


def _plain(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split()).casefold()


def names_period(sentence: str, period: Period, document_year: int) -> bool:
    """True when ``sentence`` writes ``period`` out (any of its usual names)."""
    return _name_pattern(period, document_year).search(_plain(sentence)) is not None


def unlabelled(
    text: str, pieces: Sequence[Piece], document: Period
) -> list[tuple[Figure, str, str]]:
    """(figure, the text printed for it, the sentence) for every figure of another period
    than ``document``'s printed in a sentence that does not name the figure's period."""
    found: list[tuple[Figure, str, str]] = []
    for start, end in sentences(text):
        inside = [p for p in pieces if start <= p.start < end]
        sentence = text[start:end]
        labels = {
            p.text.period.id
            for p in inside
            if p.text.role is Role.LABEL and p.text.period is not None
        }
        for piece in inside:
            figure = piece.text.figure
            if piece.text.role is not Role.VALUE or figure is None:
                continue
            own = figure.period
            if own.id == document.id or own.id in labels:
                continue
            if piece.text.relation == "cung_ky" and "cùng kỳ" in _plain(sentence):
                continue
            if names_period(sentence, own, document.year):
                continue
            found.append((figure, str(piece.text), sentence))
    return found


def excerpt(sentence: str) -> str:
    """The sentence, shortened for a message."""
    sentence = " ".join(sentence.split())
    if len(sentence) <= EXCERPT_CHARS:
        return sentence
    return sentence[: EXCERPT_CHARS - 1].rsplit(" ", 1)[0] + "…"

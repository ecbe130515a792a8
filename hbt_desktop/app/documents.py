"""Documents: the bulletin and the Decree 30 report printed from the database, the check
``--strict`` makes first, a printed copy checked against today's figures, and the
completeness table of the wards. (The text a clerk types is stored by ``app.entry``.)

The page content comes from ``app.assemble`` (database → content); ``reports`` lays it
out. A build in the window runs on the task runner's worker with a connection of its own
(``app.opening.connection``): the window's connection keeps taking edits meanwhile (WAL
lets one writer and readers work at once); the PDF comes back as bytes.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from hbt_desktop.app.assemble import bulletin_content, report_content
from hbt_desktop.app.document_check import document_problems
from hbt_desktop.core.errors import HbtError
from hbt_desktop.core.periods import Period
from hbt_desktop.core.provenance import PrintRecord
from hbt_desktop.reports.bulletin import build_bulletin
from hbt_desktop.reports.completeness import build_completeness
from hbt_desktop.reports.content import ReportContent
from hbt_desktop.reports.decree30 import build_report
from hbt_desktop.reports.output import Output, output_format, write_pdf
from hbt_desktop.store.completeness import completeness
from hbt_desktop.store.guard import unit_label
from hbt_desktop.store.printcheck import Change, compare_print

if TYPE_CHECKING:
    from sqlite_utils import Database


class Kind(StrEnum):
    BULLETIN = "bulletin"
    REPORT = "report"


WORD = ".docx"


class NotPrintable(HbtError):
    """``--strict``: the document still has things to fix (``problems``); nothing was
    written."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("document.strict", count=len(problems))
        self.problems = problems


def output_form(kind: Kind, target: Path) -> str:
    """ ".pdf" or ".docx" for a file name, refusing any other (never a PDF written under a
    .docx name) — asked before anything is read."""
    return output_format(kind.value, target)


# -- printing -------------------------------------------------------------------------------


@dataclass(frozen=True)
class BuiltDocument:
    """A document built for the screen: the PDF, and what the clerk is told of it."""

    kind: Kind
    unit_uid: str
    period: Period
    pdf: bytes
    pages: int
    fingerprint: str
    problems: tuple[str, ...]
    warnings: tuple[str, ...]
    # The report's content, kept so that "Save as" can also write it as a Word file.
    report: ReportContent | None = None


@dataclass(frozen=True)
class Printed:
    """A document written to a file: pages (None for a Word file), fingerprint, and the
    problems and layout warnings found on the way."""

    path: Path
    pages: int | None
    fingerprint: str
    problems: tuple[str, ...]
    warnings: tuple[str, ...]


def _write(
    db: Database,
    kind: Kind,
    unit_uid: str,
    period: Period,
    out: Output,
    *,
    word: bool = False,
    printed_at: datetime | None = None,
) -> tuple[int | None, str, tuple[str, ...], tuple[str, ...], ReportContent | None]:
    """(pages, fingerprint, problems, warnings, the report's content) of a document
    written to ``out``."""
    if kind is Kind.BULLETIN:
        bulletin, problems = bulletin_content(db, unit_uid, period, printed_at=printed_at)
        info = build_bulletin(bulletin, out)
        found = tuple(p.text for p in problems)
        return info.pages, bulletin.footer.fingerprint, found, tuple(info.warnings), None
    report, problems = report_content(db, unit_uid, period, printed_at=printed_at)
    found = tuple(p.text for p in problems)
    if word:
        _word(report, out)
        return None, report.footer.fingerprint, found, (), report
    info = build_report(report, out)
    return info.pages, report.footer.fingerprint, found, tuple(info.warnings), report


def _word(report: ReportContent, out: Output) -> None:
    # Deferred on purpose: python-docx is loaded only for a Word file.
    from hbt_desktop.reports.docx_report import build_docx  # noqa: PLC0415

    build_docx(report, out)


def build_document(db: Database, kind: Kind, unit_uid: str, period: Period) -> BuiltDocument:
    """The document as a PDF in memory, for the preview."""
    buffer = io.BytesIO()
    pages, fingerprint, problems, warnings, report = _write(db, kind, unit_uid, period, buffer)
    assert pages is not None
    return BuiltDocument(
        kind, unit_uid, period, buffer.getvalue(), pages, fingerprint, problems, warnings, report
    )


def save_built(built: BuiltDocument, target: Path) -> Path:
    """The preview's "Save as": its PDF as it was shown, or for the report a Word file
    (``.docx``) of the same content; any other extension is refused."""
    if output_form(built.kind, target) == WORD and built.report is not None:
        _word(built.report, target)
    else:
        write_pdf(built.pdf, target)
    return target


def print_document(
    db: Database,
    kind: Kind,
    unit_uid: str,
    period: Period,
    target: Path,
    *,
    strict: bool = False,
    printed_at: datetime | None = None,
) -> Printed:
    """``hbt-desktop bulletin|report``: the document to a PDF (or the report to Word).
    ``strict`` refuses (:class:`NotPrintable`) while anything needs fixing."""
    word = output_form(kind, target) == WORD
    if strict:
        problems = document_problems(db, unit_uid, period, forms=(kind.value,))
        if problems:
            raise NotPrintable(problems)
    pages, fingerprint, found, warnings, _ = _write(
        db, kind, unit_uid, period, target, word=word, printed_at=printed_at
    )
    return Printed(target, pages, fingerprint, found, warnings)


# -- a printed copy against the figures ----------------------------------------------------


def print_record(path: Path) -> PrintRecord:
    """What a printed file (PDF, Word) says it was made from, refusing a file that carries
    no record or whose record does not match its own fingerprint."""
    # Deferred on purpose: pypdf and python-docx are loaded to read a printed file only.
    from hbt_desktop.reports.printed import read_record  # noqa: PLC0415

    record = read_record(path)
    if record is None:
        raise HbtError("print.no_record", path=path)
    if not record.consistent:
        raise HbtError("print.tampered", path=path, fingerprint=record.fingerprint)
    return record


def changed_since_printed(db: Database, record: PrintRecord) -> list[Change]:
    """The figures of a printed copy whose value, status or qualifier differs today."""
    return compare_print(db, record)


# -- completeness ------------------------------------------------------------------------------


def completeness_pdf(db: Database, district_uid: str, period: Period, out: Output) -> None:
    """The table of which wards have sent their figures for ``period``, as a PDF."""
    table = completeness(db, district_uid, period)
    build_completeness(table, unit_label(db, district_uid), out)

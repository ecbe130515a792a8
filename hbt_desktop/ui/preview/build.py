"""Building a PDF off the GUI thread: a plain function of the database path.

Runs on the task runner's worker thread, so it opens its own connection to the file
(an SQLite connection belongs to the thread that made it) and closes it when done; the
window's connection keeps taking edits meanwhile (WAL lets one writer and readers work
at once). The PDF is returned as bytes: the window shows it, prints it or saves it.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from hbt_desktop.core.periods import Period
from hbt_desktop.reports.content import ReportContent
from hbt_desktop.store.file.connection import open_database


class Kind(StrEnum):
    BULLETIN = "bulletin"
    REPORT = "report"


@dataclass(frozen=True)
class BuiltDocument:
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


def build_document(db_path: Path, kind: Kind, unit_uid: str, period: Period) -> BuiltDocument:
    from hbt_desktop.reports.assemble import bulletin_content, report_content

    db = open_database(db_path, create=False)
    report: ReportContent | None = None
    try:
        buffer = io.BytesIO()
        if kind is Kind.BULLETIN:
            from hbt_desktop.reports.bulletin import build_bulletin

            bulletin, problems = bulletin_content(db, unit_uid, period)
            info = build_bulletin(bulletin, buffer)
            fingerprint = bulletin.footer.fingerprint
        else:
            from hbt_desktop.reports.decree30 import build_report

            report, problems = report_content(db, unit_uid, period)
            info = build_report(report, buffer)
            fingerprint = report.footer.fingerprint
    finally:
        db.conn.close()
    return BuiltDocument(
        kind,
        unit_uid,
        period,
        buffer.getvalue(),
        info.pages,
        fingerprint,
        tuple(p.text for p in problems),
        tuple(info.warnings),
        report,
    )

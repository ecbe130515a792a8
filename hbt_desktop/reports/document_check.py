"""Whether a unit's document for a period can be printed as it claims: the check behind
``--strict``, the editor's "check the document" and the end-to-end tests.

A document fails the check when any of its templates cannot be read, prints a marker
instead of a figure (a missing figure, an unknown name, a method without brackets, a
value no formatter wrote), prints a figure of another period without naming that period
(``core.period_claims``), or is a draft with no figure of its period. Each reason is one
Vietnamese sentence, in the order the document prints them, each once.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from sqlite_utils import Database

from hbt_desktop.core.narrative import TemplateError, check_template
from hbt_desktop.core.periods import Period
from hbt_desktop.reports.assemble import bulletin_content, open_assembly, report_content

Form = Literal["bulletin", "report"]
FORMS: tuple[Form, ...] = ("bulletin", "report")


def document_problems(
    db: Database, unit_uid: str, period: Period, *, forms: Sequence[Form] = FORMS
) -> list[str]:
    """Every reason the document cannot be printed as it claims (empty: it can)."""
    doc = open_assembly(db, unit_uid, period).doc
    parts = [
        ("tiêu đề", doc.title),
        ("sa pô", doc.lead),
        ("phần mở đầu", doc.intro),
        ("trích yếu", doc.summary),
        *((f"phần «{s.heading or s.position + 1}»", s.template) for s in doc.sections),
    ]
    unreadable = []
    for name, template in parts:
        try:
            check_template(template)
        except TemplateError as exc:
            unreadable.append(f"{name[:1].upper()}{name[1:]}: {exc.message_in('vi')}")
    if unreadable:  # nothing can be rendered until these are mended
        return unreadable
    found: list[str] = []
    for form in forms:
        if form == "bulletin":
            problems = bulletin_content(db, unit_uid, period)[1]
        else:
            problems = report_content(db, unit_uid, period)[1]
        found += [p.text for p in problems if p.text not in found]
    return found

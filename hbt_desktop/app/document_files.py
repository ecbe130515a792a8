"""A clerk's document to a file and back: the district sends one template to every ward,
a clerk reuses last quarter's. The forms are in docs/mau-van-ban.md ("Văn bản dưới dạng
tệp"); the extension chooses: ``.txt`` the text form (``document_text``), ``.zip`` or
``.json`` the complete form (``document_complete``).

Import goes to the unit and period the caller names (the file's own are only reported),
and is all or nothing: the file is read and every template checked against this database
(``core.template_check``) before anything is written (:func:`read_document`); then
``app.imports.import_document`` backs the file up and the document is stored in one
transaction (:func:`store_read_document`). What happens to a document already there:

- the complete form replaces it entirely: header, sections and photos;
- the text form replaces its sections and the header fields the file writes; a field the
  file does not write keeps its value (with no document stored: the value of the draft
  the writing screen would show), and the photos stay, each with the section of the same
  heading (or at the end when no section has it any more).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from hbt_desktop.app.assemble import Assembly, open_assembly
from hbt_desktop.core.document_fields import HEADER_FIELDS, FieldKind
from hbt_desktop.core.documents import DocumentSpec, PhotoSpec
from hbt_desktop.core.errors import HbtError, InputError
from hbt_desktop.core.i18n import tr
from hbt_desktop.core.periods import Period, format_period
from hbt_desktop.core.template_check import TemplateChecker
from hbt_desktop.core.text import fold
from hbt_desktop.core.units import OrgUnit
from hbt_desktop.exchange.document_complete import read_complete, write_complete
from hbt_desktop.exchange.document_text import (
    ParsedText,
    decode_text,
    format_text,
    parse_text,
)
from hbt_desktop.exchange.tables import Limits, read_bytes, write_atomically
from hbt_desktop.exchange.where import FileInputError, Where
from hbt_desktop.store.documents import load_document, save_document
from hbt_desktop.store.source import StoreSource

if TYPE_CHECKING:
    from sqlite_utils import Database

_MB = 1024 * 1024
TEXT_LIMITS = Limits(max_file_bytes=2 * _MB)


class Form(StrEnum):
    TEXT = "text"  # .txt
    COMPLETE = "complete"  # .zip, .json


def form_of(path: Path) -> Form:
    """The form a file name asks for; any other extension is refused."""
    suffix = path.suffix.lower()
    if suffix == ".txt":
        return Form.TEXT
    if suffix in (".zip", ".json"):
        return Form.COMPLETE
    raise InputError("document.bad_extension", suffix=path.suffix or path.name)


# -- export ------------------------------------------------------------------------------


@dataclass(frozen=True)
class DocumentExport:
    path: Path
    form: Form
    unit: OrgUnit
    period: Period
    sections: int
    photos: int
    drafted: bool  # no document was stored: the file holds the program's draft

    def message(self, language: str | None = None) -> str:
        note = tr("document.exported_draft", language) if self.drafted else ""
        photos = self.photos
        if self.form is Form.TEXT and self.photos:
            note += tr("document.photos_left_out", language, count=self.photos)
            photos = 0
        return tr(
            "document.exported",
            language,
            unit=self.unit.full_name,
            period=format_period(self.period),
            path=self.path,
            sections=self.sections,
            photos=photos,
            note=note,
        )


def export_document(db: Database, path: Path, unit_uid: str, period: Period) -> DocumentExport:
    """Write the document of ``unit_uid`` and ``period`` to ``path``: the stored one, or
    the draft the writing screen would show when none is stored."""
    form = form_of(path)
    # What printing would use: the stored document, or the draft made from the figures.
    asm = open_assembly(db, unit_uid, period)
    doc, unit = asm.doc, asm.unit
    if form is Form.TEXT:
        text = format_text(doc, unit_name=unit.full_name)

        def write(temp: Path) -> None:
            temp.write_text(text, encoding="utf-8", newline="\n")

        write_atomically(path, write)
    else:
        write_complete(path, doc)
    return DocumentExport(path, form, unit, period, len(doc.sections), len(doc.photos), asm.drafted)


# -- import ------------------------------------------------------------------------------


@dataclass
class DocumentImport:
    """What an import did (or, in a dry run, would do)."""

    file: str
    form: Form
    unit: OrgUnit
    period: Period
    document: DocumentSpec  # as stored (or as it would be)
    replaced: bool  # a document was there before
    dry_run: bool
    kept_fields: list[str] = field(default_factory=list)  # text-form keys kept as they were
    kept_photos: int = 0
    file_unit: str = ""  # where the file says it comes from (only reported)
    file_period: Period | None = None

    def message(self, language: str | None = None) -> str:
        if self.replaced:
            verb = "document.verb_replaced_dry" if self.dry_run else "document.verb_replaced"
        else:
            verb = "document.verb_new_dry" if self.dry_run else "document.verb_new"
        kept = ""
        if self.kept_fields:
            key = "document.kept_fields" if self.replaced else "document.draft_fields"
            kept += tr(key, language, fields=", ".join(self.kept_fields))
        if self.kept_photos:
            kept += tr("document.kept_photos", language, count=self.kept_photos)
        source = ""
        said = [self.file_unit] if self.file_unit and self.file_unit != self.unit.full_name else []
        if self.file_period is not None and self.file_period != self.period:
            said.append(format_period(self.file_period))
        if said:
            source = tr("document.file_source", language, what=", ".join(said))
        return tr(
            "document.imported",
            language,
            verb=tr(verb, language),
            unit=self.unit.full_name,
            period=format_period(self.period),
            file=self.file,
            sections=len(self.document.sections),
            photos=len(self.document.photos),
            kept=kept,
            source=source,
            dry=tr("document.dry", language) if self.dry_run else "",
        )


def read_document(db: Database, path: Path, unit_uid: str, period: Period) -> DocumentImport:
    """Read ``path`` as the document of ``unit_uid`` and ``period``, with every check
    against this database; nothing is written (``app.imports.import_document`` stores it
    after a backup, :func:`store_read_document`).

    Raises :class:`~hbt_desktop.core.errors.HbtError` — the file, the line (or the item)
    and the reason in one sentence — for anything not right.
    """
    path = Path(path)
    form = form_of(path)
    src = StoreSource(db)
    unit = src.units.get(unit_uid)
    checker = TemplateChecker(src, unit, period)
    if form is Form.TEXT:
        parsed = parse_text(decode_text(read_bytes(path, TEXT_LIMITS), path.name), path.name)
        # What the file does not write comes from the document the writing screen shows:
        # the stored one, or the program's draft.
        result = _from_text(parsed, path.name, open_assembly(db, unit_uid, period))
        _check_text(parsed, result.document, checker, path.name)
        return result
    incoming = read_complete(path)
    doc = dataclasses.replace(incoming, unit_uid=unit_uid, period=period, id=None)
    _check_complete(doc, checker, path.name)
    return DocumentImport(
        path.name,
        form,
        unit,
        period,
        doc,
        load_document(db, unit_uid, period) is not None,
        dry_run=True,
        file_unit=_unit_name(src, incoming.unit_uid),
        file_period=incoming.period,
    )


def store_read_document(db: Database, read: DocumentImport) -> DocumentImport:
    """Store a document :func:`read_document` read (replacing the unit's and period's)."""
    stored = dataclasses.replace(read, dry_run=False)
    stored.document.id = save_document(db, stored.document)
    return stored


def _unit_name(src: StoreSource, uid: str) -> str:
    try:
        return src.units.get(uid).full_name
    except HbtError:  # a unit of another database: its uid is all there is to show
        return uid


def _from_text(parsed: ParsedText, file: str, asm: Assembly) -> DocumentImport:
    base = asm.doc
    doc = DocumentSpec(asm.unit.uid, asm.period)
    kept: list[str] = []
    for spec in HEADER_FIELDS:
        if spec.name in parsed.header:
            setattr(doc, spec.name, parsed.header[spec.name])
        else:
            value = getattr(base, spec.name)
            setattr(doc, spec.name, value)
            if value:
                kept.append(spec.key)
    doc.sections = parsed.sections
    doc.photos = _photos_kept(base, doc)  # a draft has none
    return DocumentImport(
        file,
        Form.TEXT,
        asm.unit,
        asm.period,
        doc,
        not asm.drafted,
        dry_run=True,
        kept_fields=kept,
        kept_photos=len(doc.photos),
        file_unit=parsed.unit_text,
        file_period=parsed.period,
    )


def _photos_kept(existing: DocumentSpec, doc: DocumentSpec) -> list[PhotoSpec]:
    """The existing photos, each with the new section of its section's heading (the n-th
    section of a heading for the n-th of that heading), or at the end."""
    new_positions: dict[str, list[int]] = {}
    for position, section in enumerate(doc.sections):
        new_positions.setdefault(fold(section.heading), []).append(position)
    mapping: dict[int, int] = {}
    seen: dict[str, int] = {}
    for position, section in enumerate(existing.sections):
        key = fold(section.heading)
        nth = seen.get(key, 0)
        seen[key] = nth + 1
        if nth < len(new_positions.get(key, [])):
            mapping[position] = new_positions[key][nth]
    kept = []
    for number, photo in enumerate(existing.photos):
        old = photo.section_position
        kept.append(
            dataclasses.replace(
                photo,
                section_position=mapping.get(old) if old is not None else None,
                position=number,
                id=None,
            )
        )
    return kept


def _fault(where: Where, reason: str) -> FileInputError:
    return FileInputError("document.template_fault", where=where, reason=reason)


def _check_text(parsed: ParsedText, doc: DocumentSpec, checker: TemplateChecker, file: str) -> None:
    """Every template the file writes, refused at its line in the file."""
    for spec in HEADER_FIELDS:
        if spec.kind is not FieldKind.TEMPLATE or spec.name not in parsed.header:
            continue
        lines = parsed.lines.get(spec.name) or [0]
        fault = checker.first_fault(str(parsed.header[spec.name]), spec.names)
        if fault is not None:
            line = lines[fault.line - 1] if 0 < fault.line <= len(lines) else lines[0]
            raise _fault(Where(file, row=line or None), fault.text)
    for section, (heading_line, first_line) in zip(doc.sections, parsed.section_lines, strict=True):
        fault = checker.first_fault(section.template)
        if fault is not None:
            line = first_line + fault.line - 1 if fault.line else heading_line
            raise _fault(Where(file, row=line), fault.text)


def _check_complete(doc: DocumentSpec, checker: TemplateChecker, file: str) -> None:
    """Every template of the document, refused at its item and key in the file."""
    place = Where(file, sheet="document", item=True)
    for spec in HEADER_FIELDS:
        if spec.kind is FieldKind.TEMPLATE:
            fault = checker.first_fault(str(getattr(doc, spec.name)), spec.names)
            if fault is not None:
                raise _fault(place.at(column=spec.name), fault.located())
    for number, section in enumerate(doc.sections, start=1):
        fault = checker.first_fault(section.template)
        if fault is not None:
            where = Where(file, sheet="sections", row=number, column="template", item=True)
            raise _fault(where, fault.located())

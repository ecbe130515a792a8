"""A clerk's document to a file and back: the district sends one template to every ward,
a clerk reuses last quarter's. The forms are in docs/mau-van-ban.md ("Văn bản dưới dạng
tệp"); the extension chooses: ``.txt`` the text form (``document_text``), ``.zip`` or
``.json`` the complete form (``document_complete``).

Import goes to the unit and period the caller names (the file's own are only reported),
and is all or nothing: the file is read and every template checked against this database
(``document_check``) before anything is written; then ``before_write`` (the caller's
backup) runs and the document is stored in one transaction. What happens to a document
already there:

- the complete form replaces it entirely: header, sections and photos;
- the text form replaces its sections and the header fields the file writes; a field the
  file does not write keeps its value (with no document stored: the value of the draft
  the writing screen would show), and the photos stay, each with the section of the same
  heading (or at the end when no section has it any more).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from sqlite_utils import Database

from hbt_desktop.core.document_fields import HEADER_FIELDS, FieldKind
from hbt_desktop.core.documents import DocumentSpec, PhotoSpec
from hbt_desktop.core.errors import HbtError, InputError
from hbt_desktop.core.i18n import register, tr
from hbt_desktop.core.periods import Period, format_period
from hbt_desktop.core.text import fold
from hbt_desktop.core.units import OrgUnit
from hbt_desktop.exchange.document_check import TemplateChecker
from hbt_desktop.exchange.document_complete import read_complete, write_complete
from hbt_desktop.exchange.document_text import (
    ParsedText,
    decode_text,
    format_text,
    parse_text,
)
from hbt_desktop.exchange.tables import Limits, read_bytes, write_atomically
from hbt_desktop.exchange.where import FileInputError, Where
from hbt_desktop.reports.assemble import Assembly, open_assembly
from hbt_desktop.store.documents import load_document, save_document
from hbt_desktop.store.source import StoreSource

register(
    {
        "document.bad_extension": {
            "vi": "Không biết dạng tệp «{suffix}»: văn bản xuất ra và nhập vào tệp .txt (dạng "
            "chữ), .zip hoặc .json (dạng đầy đủ, kèm ảnh).",
            "en": "Unknown file type «{suffix}»: documents go to and from .txt (text form), "
            ".zip or .json (complete form, with photos).",
        },
        # The reason is the template check's own sentence; the file and place come first.
        "document.template_fault": {"vi": "{reason}", "en": "{reason}"},
        "document.exported": {
            "vi": "Đã xuất văn bản của {unit}, {period} ra {path} ({sections} mục, {photos} "
            "ảnh){note}.",
            "en": "Exported the document of {unit}, {period} to {path} ({sections} sections, "
            "{photos} photos){note}.",
        },
        "document.exported_draft": {
            "vi": "; văn bản chưa được soạn nên tệp chứa bản nháp chương trình viết từ số liệu",
            "en": "; no document was written yet, so the file holds the program's draft from "
            "the figures",
        },
        "document.photos_left_out": {
            "vi": "; {count} ảnh không có trong dạng chữ, muốn mang theo ảnh hãy xuất ra .zip",
            "en": "; {count} photos are not in the text form, export to .zip to carry them",
        },
        "document.imported": {
            "vi": "{verb} văn bản của {unit}, {period} từ {file}: {sections} mục, {photos} "
            "ảnh{kept}{source}{dry}.",
            "en": "{verb} the document of {unit}, {period} from {file}: {sections} sections, "
            "{photos} photos{kept}{source}{dry}.",
        },
        "document.verb_new": {"vi": "Đã tạo", "en": "Created"},
        "document.verb_replaced": {"vi": "Đã thay", "en": "Replaced"},
        "document.verb_new_dry": {"vi": "Sẽ tạo", "en": "Would create"},
        "document.verb_replaced_dry": {"vi": "Sẽ thay", "en": "Would replace"},
        "document.kept_fields": {
            "vi": "; giữ nguyên {fields} vì tệp không ghi",
            "en": "; kept {fields}, which the file does not give",
        },
        "document.draft_fields": {
            "vi": "; {fields} lấy theo bản nháp chương trình viết sẵn vì tệp không ghi",
            "en": "; {fields} taken from the program's draft, which the file does not give",
        },
        "document.kept_photos": {
            "vi": "; giữ {count} ảnh đã có",
            "en": "; kept the {count} photos already there",
        },
        "document.file_source": {
            "vi": " (tệp ghi {what})",
            "en": " (the file says {what})",
        },
        "document.dry": {
            "vi": " — chạy thử, chưa lưu gì",
            "en": " — dry run, nothing stored",
        },
    }
)

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
        verb = "document.verb_replaced" if self.replaced else "document.verb_new"
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
            verb=tr(verb + ("_dry" if self.dry_run else ""), language),
            unit=self.unit.full_name,
            period=format_period(self.period),
            file=self.file,
            sections=len(self.document.sections),
            photos=len(self.document.photos),
            kept=kept,
            source=source,
            dry=tr("document.dry", language) if self.dry_run else "",
        )


def import_document(
    db: Database,
    path: Path,
    unit_uid: str,
    period: Period,
    *,
    dry_run: bool = False,
    before_write: Callable[[], object] | None = None,
) -> DocumentImport:
    """Read ``path`` and store it as the document of ``unit_uid`` and ``period``.

    Raises :class:`~hbt_desktop.core.errors.HbtError` — the file, the line (or the item)
    and the reason in one sentence — and changes nothing, for anything not right.
    ``before_write`` runs after every check, just before the write (not in a dry run).
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
    else:
        incoming = read_complete(path)
        doc = dataclasses.replace(incoming, unit_uid=unit_uid, period=period, id=None)
        result = DocumentImport(
            path.name,
            form,
            unit,
            period,
            doc,
            load_document(db, unit_uid, period) is not None,
            dry_run,
            file_unit=_unit_name(src, incoming.unit_uid),
            file_period=incoming.period,
        )
        _check_complete(doc, checker, path.name)
    result.dry_run = dry_run
    if not dry_run:
        if before_write is not None:
            before_write()
        result.document.id = save_document(db, result.document)
    return result


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
        dry_run=False,
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

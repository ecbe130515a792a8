"""Reading and writing documents (header data, sections, photos)."""

from __future__ import annotations

import hashlib
import json
from datetime import date

from sqlite_utils import Database

from hbt_desktop.core.documents import DocumentSpec, PhotoSpec, SectionSpec, sniff_image
from hbt_desktop.core.periods import Period, parse_period
from hbt_desktop.store.values import now_utc

_HEADER = (
    "id, unit_uid, period, title, lead, intro, masthead, issue_line, number, symbol, place, "
    "issue_date, summary, signer_authority, signer_title, signer_name, recipients, kinh_gui, "
    "appendix_note"
)


def list_documents(db: Database) -> list[tuple[int, str, Period]]:
    rows = db.execute("SELECT id, unit_uid, period FROM documents").fetchall()
    return sorted(((i, u, parse_period(p)) for i, u, p in rows), key=lambda r: (r[2], r[1]))


def load_document(db: Database, unit_uid: str, period: Period) -> DocumentSpec | None:
    row = db.execute(
        f"SELECT {_HEADER} FROM documents WHERE unit_uid = ? AND period = ?",
        [unit_uid, period.id],
    ).fetchone()
    if row is None:
        return None
    (
        doc_id,
        unit,
        pid,
        title,
        lead,
        intro,
        masthead,
        issue_line,
        number,
        symbol,
        place,
        issue_date,
        summary,
        authority,
        signer_title,
        signer_name,
        recipients,
        kinh_gui,
        appendix_note,
    ) = row
    doc = DocumentSpec(
        id=doc_id,
        unit_uid=unit,
        period=parse_period(pid),
        title=title,
        lead=lead,
        intro=intro,
        masthead=masthead,
        issue_line=issue_line,
        number=number,
        symbol=symbol,
        place=place,
        issue_date=date.fromisoformat(issue_date) if issue_date else None,
        summary=summary,
        signer_authority=tuple(json.loads(authority)),
        signer_title=signer_title,
        signer_name=signer_name,
        recipients=tuple(json.loads(recipients)),
        kinh_gui=tuple(json.loads(kinh_gui)),
        appendix_note=appendix_note,
    )
    for sid, position, heading, level, in_b, in_r, template in db.execute(
        "SELECT id, position, heading, level, in_bulletin, in_report, template FROM sections "
        "WHERE document_id = ? ORDER BY position",
        [doc_id],
    ).fetchall():
        doc.sections.append(
            SectionSpec(heading, template, level, bool(in_b), bool(in_r), position, sid)
        )
    section_pos = {s.id: s.position for s in doc.sections}
    for pid_, section_id, position, caption, mime, sha, image in db.execute(
        "SELECT id, section_id, position, caption, mime, sha256, image FROM photos "
        "WHERE document_id = ? ORDER BY position",
        [doc_id],
    ).fetchall():
        doc.photos.append(
            PhotoSpec(caption, bytes(image), mime, sha, section_pos.get(section_id), position, pid_)
        )
    return doc


def save_document(db: Database, doc: DocumentSpec) -> int:
    """Insert or replace a document with its sections and photos, in one transaction."""
    with db.atomic():
        db.execute(
            "INSERT INTO documents (unit_uid, period, title, lead, intro, masthead, issue_line, "
            "number, symbol, place, issue_date, summary, signer_authority, signer_title, "
            "signer_name, recipients, kinh_gui, appendix_note, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(unit_uid, period) DO UPDATE SET title=excluded.title, "
            "lead=excluded.lead, intro=excluded.intro, masthead=excluded.masthead, "
            "issue_line=excluded.issue_line, number=excluded.number, symbol=excluded.symbol, "
            "place=excluded.place, issue_date=excluded.issue_date, summary=excluded.summary, "
            "signer_authority=excluded.signer_authority, signer_title=excluded.signer_title, "
            "signer_name=excluded.signer_name, recipients=excluded.recipients, "
            "kinh_gui=excluded.kinh_gui, appendix_note=excluded.appendix_note, "
            "updated_at=excluded.updated_at",
            [
                doc.unit_uid,
                doc.period.id,
                doc.title,
                doc.lead,
                doc.intro,
                doc.masthead,
                doc.issue_line,
                doc.number,
                doc.symbol,
                doc.place,
                doc.issue_date.isoformat() if doc.issue_date else None,
                doc.summary,
                json.dumps(list(doc.signer_authority), ensure_ascii=False),
                doc.signer_title,
                doc.signer_name,
                json.dumps(list(doc.recipients), ensure_ascii=False),
                json.dumps(list(doc.kinh_gui), ensure_ascii=False),
                doc.appendix_note,
                now_utc().isoformat(),
            ],
        )
        doc_id = int(
            db.execute(
                "SELECT id FROM documents WHERE unit_uid = ? AND period = ?",
                [doc.unit_uid, doc.period.id],
            ).fetchone()[0]
        )
        db.execute("DELETE FROM photos WHERE document_id = ?", [doc_id])
        db.execute("DELETE FROM sections WHERE document_id = ?", [doc_id])
        section_ids: dict[int, int] = {}
        for position, section in enumerate(doc.sections):
            cursor = db.execute(
                "INSERT INTO sections (document_id, position, heading, level, in_bulletin, "
                "in_report, template) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    doc_id,
                    position,
                    section.heading,
                    section.level,
                    int(section.in_bulletin),
                    int(section.in_report),
                    section.template,
                ],
            )
            section_ids[position] = int(cursor.lastrowid or 0)
        for position, photo in enumerate(doc.photos):
            mime = sniff_image(photo.image)
            db.execute(
                "INSERT INTO photos (document_id, section_id, position, caption, mime, sha256, "
                "image) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    doc_id,
                    section_ids.get(photo.section_position)
                    if photo.section_position is not None
                    else None,
                    position,
                    photo.caption,
                    mime,
                    hashlib.sha256(photo.image).hexdigest(),
                    photo.image,
                ],
            )
    return doc_id


def delete_document(db: Database, unit_uid: str, period: Period) -> None:
    """Remove a document with its sections and photos (the tables cascade)."""
    with db.atomic():
        db.execute("DELETE FROM documents WHERE unit_uid = ? AND period = ?", [unit_uid, period.id])

"""Figures and documents as JSON, exactly: amounts as integer and scale, who and when
included, photos in base64 or by SHA-256.

The exchange package format (``exchange.package``) is made of these, and the district
keeps each received figure and the one it replaced in this form (``store.review``), so
that a figure a package replaced can be put back byte for byte.
"""

from __future__ import annotations

import base64
import json
from datetime import datetime

from hbt_desktop.core.document_fields import HEADER_FIELDS, from_json, to_json
from hbt_desktop.core.documents import DocumentSpec, PhotoSpec, SectionSpec
from hbt_desktop.core.periods import parse_period
from hbt_desktop.core.values import Status, Value, decode, encode


def value_to_dict(value: Value) -> dict[str, object]:
    num, scale = encode(value.amount, value.decimals)
    return {
        "indicator": value.indicator,
        "unit": value.unit_uid,
        "period": value.period.id,
        "num": str(num),
        "scale": scale,
        "decimals": value.decimals,
        "status": value.status.value,
        "qualifier": value.qualifier,
        "comment": value.comment,
        "updated_by": value.updated_by,
        "updated_at": value.updated_at.isoformat() if value.updated_at else None,
    }


def value_from_dict(data: dict[str, object]) -> Value:
    at = data.get("updated_at")
    return Value(
        indicator=str(data["indicator"]),
        unit_uid=str(data["unit"]),
        period=parse_period(str(data["period"])),
        amount=decode(int(str(data["num"])), int(str(data["scale"]))),
        decimals=int(str(data["decimals"])),
        status=Status(str(data["status"])),
        qualifier=str(data["qualifier"]) if data.get("qualifier") else None,
        comment=str(data.get("comment") or ""),
        updated_by=str(data.get("updated_by") or ""),
        updated_at=datetime.fromisoformat(str(at)) if at else None,
    )


def dump_value(value: Value | None) -> str | None:
    if value is None:
        return None
    return json.dumps(value_to_dict(value), ensure_ascii=False, sort_keys=True)


def load_value(text: object) -> Value | None:
    if text is None:
        return None
    return value_from_dict(json.loads(str(text)))


def document_to_dict(doc: DocumentSpec, *, photos_inline: bool = True) -> dict[str, object]:
    """A document as JSON; photos carry their bytes in base64 unless ``photos_inline`` is
    False (a package keeps them as separate members named by their SHA-256). The header
    is every field of ``core.document_fields.HEADER_FIELDS``, under its attribute name."""
    header = {f.name: to_json(f.kind, getattr(doc, f.name)) for f in HEADER_FIELDS}
    return {
        "unit": doc.unit_uid,
        "period": doc.period.id,
        **header,
        "sections": [
            {
                "heading": s.heading,
                "template": s.template,
                "level": s.level,
                "in_bulletin": s.in_bulletin,
                "in_report": s.in_report,
            }
            for s in doc.sections
        ],
        "photos": [
            {
                "caption": p.caption,
                "mime": p.mime,
                "sha256": p.sha256,
                "section": p.section_position,
                **({"image": base64.b64encode(p.image).decode("ascii")} if photos_inline else {}),
            }
            for p in doc.photos
        ],
    }


def document_from_dict(
    data: dict[str, object], images: dict[str, bytes] | None = None
) -> DocumentSpec:
    """The inverse of :func:`document_to_dict`; ``images`` by SHA-256 when not inline.
    A header field the JSON lacks (written before the field existed) keeps its default."""
    doc = DocumentSpec(str(data.get("unit") or ""), parse_period(str(data.get("period") or "")))
    for f in HEADER_FIELDS:
        if f.name in data:
            setattr(doc, f.name, from_json(f.kind, data[f.name]))
    sections = data.get("sections") or []
    assert isinstance(sections, list)
    for position, s in enumerate(sections):
        doc.sections.append(
            SectionSpec(
                str(s["heading"]),
                str(s["template"]),
                int(s["level"]),
                bool(s["in_bulletin"]),
                bool(s["in_report"]),
                position,
            )
        )
    photos = data.get("photos") or []
    assert isinstance(photos, list)
    for position, p in enumerate(photos):
        sha = str(p["sha256"])
        image = base64.b64decode(p["image"]) if "image" in p else (images or {})[sha]
        section = p.get("section")
        doc.photos.append(
            PhotoSpec(
                str(p["caption"]),
                image,
                str(p["mime"]),
                sha,
                int(section) if section is not None else None,
                position,
            )
        )
    return doc

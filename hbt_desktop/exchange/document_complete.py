"""The complete form of a document: every field, section and photo, byte for byte.

The document is the JSON the exchange packages already carry
(``core.json_codec.document_to_dict``, generic over ``core.document_fields``), wrapped
with what the file is::

    {"format": "hbt-desktop-document", "format_version": 1, "app_version": "…",
     "document": {"unit": "W00283-2025", "period": "2026Q3", "number": "45", …,
                  "sections": [{"heading": …, "template": …, "level": 1,
                                "in_bulletin": true, "in_report": true}, …],
                  "photos": [{"caption": …, "mime": "image/jpeg", "sha256": …,
                              "section": 0}, …]}}

in one of two containers, chosen by the file's extension:

- ``.zip`` — ``document.json`` and each photo as the file ``photos/<sha256>.jpg|.png``.
  The form to use: the photos stay pictures anyone can open, nothing is inflated (base64
  makes a photo a third larger), and every byte is checked twice (the zip's CRC, the
  SHA-256 in the manifest).
- ``.json`` — the same JSON with each photo's bytes inline in base64 (``"image"``): one
  text file, for a program that wants one.

Reading is strict, as for any file from outside: the size, the zip's members (names,
count, sizes, compression ratio), every key and type, every photo's SHA-256 and kind
(``core.documents.sniff_image``) are checked before anything is built; text is made NFC.
A file written by a newer version of the form is refused, not half-read.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import io
import json
import re
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from hbt_desktop import __version__
from hbt_desktop.core.document_fields import HEADER_FIELDS, FieldKind
from hbt_desktop.core.documents import SECTION_LEVELS, DocumentSpec, sniff_image
from hbt_desktop.core.errors import HbtError
from hbt_desktop.core.i18n import register
from hbt_desktop.core.json_codec import document_from_dict, document_to_dict
from hbt_desktop.core.periods import parse_period
from hbt_desktop.core.text import nfc
from hbt_desktop.exchange.document_text import MAX_SECTIONS
from hbt_desktop.exchange.jsonfile import as_list, as_object, kind, parse_json, top_object
from hbt_desktop.exchange.tables import Limits, read_bytes, write_atomically
from hbt_desktop.exchange.where import FileInputError, Where
from hbt_desktop.exchange.zipfiles import ZipRefused, read_members

register(
    {
        "docfile.damaged": {
            "vi": "Tệp {file} không phải tệp .zip văn bản của hbt-desktop hoặc đã bị hỏng, bị "
            "cắt cụt khi chép.",
            "en": "{file} is not an hbt-desktop document .zip, or it was damaged or truncated "
            "when copied.",
        },
        "docfile.bad_member": {
            "vi": "Tệp {file} có thành phần «{name}» không thuộc về văn bản (chỉ có "
            "document.json và các ảnh photos/…).",
            "en": "{file} holds a member «{name}» that is not part of a document (only "
            "document.json and photos/…).",
        },
        "docfile.too_big": {
            "vi": "Tệp {file} bị từ chối vì nội dung nén bất thường ({detail}).",
            "en": "{file} is refused because its compressed content is abnormal ({detail}).",
        },
        "docfile.not_document": {
            "vi": "Tệp này không phải văn bản xuất từ hbt-desktop (thiếu «format»: "
            "«hbt-desktop-document»).",
            "en": "This file is not a document exported by hbt-desktop (no «format»: "
            "«hbt-desktop-document»).",
        },
        "docfile.too_new": {
            "vi": "Tệp do phiên bản mới hơn của hbt-desktop viết (dạng {found}, chương trình "
            "này đọc tới dạng {known}); hãy cập nhật chương trình rồi nhập lại.",
            "en": "The file was written by a newer hbt-desktop (form {found}; this one reads up "
            "to {known}); update the program, then import it again.",
        },
        "docfile.missing_key": {
            "vi": "thiếu khóa «{key}».",
            "en": "the key «{key}» is missing.",
        },
        "docfile.bad_level": {
            "vi": "mức của mục phải là 1 (mục) hoặc 2 (mục con), không phải {level}.",
            "en": "a section's level must be 1 (section) or 2 (sub-section), not {level}.",
        },
        "docfile.bad_section_ref": {
            "vi": "ảnh được gắn vào mục thứ {section} (đếm từ 0), nhưng văn bản có {count} mục.",
            "en": "the photo belongs to section {section} (counted from 0), but the document "
            "has {count} sections.",
        },
        "docfile.bad_sha": {
            "vi": "mã SHA-256 của ảnh phải là 64 chữ số hệ mười sáu.",
            "en": "a photo's SHA-256 must be 64 hexadecimal digits.",
        },
        "docfile.bad_base64": {
            "vi": "dữ liệu ảnh (base64) bị hỏng, không giải mã được.",
            "en": "the photo's data (base64) is damaged and cannot be decoded.",
        },
        "docfile.photo_missing": {
            "vi": "ảnh không có trong tệp (thiếu thành phần «{name}»).",
            "en": "the photo is not in the file (the member «{name}» is missing).",
        },
        "docfile.photo_changed": {
            "vi": "ảnh không khớp mã SHA-256 ghi trong tệp: tệp đã bị sửa hoặc bị hỏng.",
            "en": "the photo does not match the SHA-256 in the file: the file was changed or "
            "damaged.",
        },
        "docfile.photo_kind": {
            "vi": "ảnh ghi là {declared} nhưng thật ra là {actual}.",
            "en": "the photo says it is {declared} but it is {actual}.",
        },
        "docfile.too_many": {
            "vi": "văn bản có quá nhiều {what} (tối đa {max}).",
            "en": "the document has too many {what} (at most {max}).",
        },
    }
)

FORMAT = "hbt-desktop-document"
FORMAT_VERSION = 1
MANIFEST = "document.json"
MAX_PHOTOS = 60
_MB = 1024 * 1024
# Photos are at most 15 MB each (core.documents.MAX_PHOTO_BYTES) and do not compress.
LIMITS = Limits(
    max_file_bytes=200 * _MB,
    max_zip_members=MAX_PHOTOS + 1,
    max_unzipped_bytes=250 * _MB,
)
_MEMBER = re.compile(r"document\.json|photos/[0-9a-f]{64}\.(?:jpg|png)")
_SHA = re.compile(r"[0-9a-f]{64}")
_EXT = {"image/jpeg": "jpg", "image/png": "png"}
_MAX_MANIFEST = 20 * _MB

_TOP = {"format": None, "format_version": None, "app_version": None, "document": None}
_SECTION_KEYS: dict[str, type] = {
    "heading": str,
    "template": str,
    "level": int,
    "in_bulletin": bool,
    "in_report": bool,
}
_PHOTO_KEYS = ("caption", "mime", "sha256", "section", "image")
_LINES_OR_TEXT: dict[FieldKind, tuple[str, Callable[[object], bool]]] = {
    FieldKind.TEXT: ("string", lambda v: isinstance(v, str)),
    FieldKind.TEMPLATE: ("string", lambda v: isinstance(v, str)),
    FieldKind.DATE: ("string or null", lambda v: v is None or isinstance(v, str)),
    FieldKind.LINES: (
        "array of strings",
        lambda v: isinstance(v, list) and all(isinstance(x, str) for x in v),
    ),
}


def is_zip(path: Path) -> bool:
    return path.suffix.lower() == ".zip"


# -- writing -------------------------------------------------------------------------------


def write_complete(path: Path, doc: DocumentSpec) -> None:
    """Write ``doc`` to ``path`` (.zip or .json), through a temporary file."""
    inline = not is_zip(path)
    manifest = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "app_version": __version__,
        "document": document_to_dict(doc, photos_inline=inline),
    }
    text = json.dumps(manifest, ensure_ascii=False, indent=1) + "\n"
    if inline:
        data = text.encode("utf-8")
    else:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            members = [(MANIFEST, text.encode("utf-8"), zipfile.ZIP_DEFLATED)]
            # Photos are stored as they are: JPEG and PNG are compressed already.
            members += [
                (f"photos/{p.sha256}.{_EXT[p.mime]}", p.image, zipfile.ZIP_STORED)
                for p in doc.photos
            ]
            written: set[str] = set()
            for name, content, method in members:
                if name in written:  # the same picture twice is one member
                    continue
                written.add(name)
                info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
                info.compress_type = method
                archive.writestr(info, content)
        data = buffer.getvalue()

    def write(temp: Path) -> None:
        temp.write_bytes(data)

    write_atomically(path, write)


# -- reading -------------------------------------------------------------------------------


def read_complete(path: Path) -> DocumentSpec:
    """The document in ``path`` (.zip or .json), with the unit and period it was written
    for; raises :class:`~hbt_desktop.core.errors.HbtError` for anything not right."""
    raw = read_bytes(path, LIMITS)
    where = Where(path.name, item=True)
    if is_zip(path):
        members = _unpack(raw, path.name)
        if MANIFEST not in members:
            raise HbtError("docfile.damaged", file=path.name)
        data = parse_json(members.pop(MANIFEST), where)
    else:
        members = {}
        data = parse_json(raw, where)
    document = _document_object(data, where)
    images = _images(document, members, where, inline=not is_zip(path))
    for name in members:  # a member no photo refers to
        raise HbtError("docfile.bad_member", file=path.name, name=name)
    return document_from_dict(document, images)


def _unpack(raw: bytes, name: str) -> dict[str, bytes]:
    try:
        return read_members(raw, _MEMBER, LIMITS, max_sizes={MANIFEST: _MAX_MANIFEST})
    except ZipRefused as refused:
        raise HbtError(f"docfile.{refused.reason}", file=name, **refused.params) from None


def _document_object(data: object, where: Where) -> dict[str, object]:
    """The ``document`` object of the manifest, every key and type checked, text NFC."""
    top = top_object(data, where, _TOP)
    if top.get("format") != FORMAT:
        raise FileInputError("docfile.not_document", where=where)
    version = top.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise FileInputError(
            "json.bad_type",
            where=where.at(column="format_version"),
            expected="1",
            got=kind(version),
        )
    if version > FORMAT_VERSION:
        raise FileInputError("docfile.too_new", where=where, found=version, known=FORMAT_VERSION)
    place = Where(where.file, sheet="document", item=True)
    fields = {f.name: f for f in HEADER_FIELDS}
    allowed = {"unit": None, "period": None, **fields, "sections": None, "photos": None}
    doc = top_object(top.get("document"), place, allowed)
    out: dict[str, object] = {}
    for key in ("unit", "period"):
        if not isinstance(doc.get(key), str):
            raise _bad(place.at(column=key), "string", doc.get(key))
        out[key] = nfc(str(doc[key]))
    try:
        parse_period(str(out["period"]))
    except HbtError as exc:
        raise FileInputError.of(exc, place.at(column="period")) from None
    for name, value in doc.items():
        spec = fields.get(name)
        if spec is None:
            continue
        expected, ok = _LINES_OR_TEXT[spec.kind]
        if not ok(value):
            raise _bad(place.at(column=name), expected, value)
        out[name] = _nfc(value)
    issue = out.get("issue_date")
    if isinstance(issue, str):
        try:
            date.fromisoformat(issue)
        except ValueError:
            raise FileInputError(
                "date.invalid", where=place.at(column="issue_date"), text=issue
            ) from None
    out["sections"] = _sections(doc.get("sections", []), where)
    out["photos"] = doc.get("photos", [])
    return out


def _sections(value: object, where: Where) -> list[dict[str, object]]:
    items = as_list(value, Where(where.file, sheet="sections", item=True))
    if len(items) > MAX_SECTIONS:
        raise FileInputError(
            "docfile.too_many", where=where.at(column="sections"), what="mục", max=MAX_SECTIONS
        )
    out = []
    for number, item in enumerate(items, start=1):
        place = Where(where.file, sheet="sections", row=number, item=True)
        section = top_object(as_object(item, place), place, _SECTION_KEYS)
        for key, expected in _SECTION_KEYS.items():
            if key not in section:
                raise FileInputError("docfile.missing_key", where=place, key=key)
            value_ = section[key]
            if not isinstance(value_, expected) or (expected is int and isinstance(value_, bool)):
                raise _bad(place.at(column=key), kind_name(expected), value_)
        if section["level"] not in SECTION_LEVELS:
            raise FileInputError(
                "docfile.bad_level", where=place.at(column="level"), level=section["level"]
            )
        out.append({k: _nfc(v) for k, v in section.items()})
    return out


def _images(
    doc: dict[str, object], members: dict[str, bytes], where: Where, *, inline: bool
) -> dict[str, bytes]:
    """Every photo's bytes by SHA-256, each checked; the photo entries are made NFC."""
    items = as_list(doc["photos"], Where(where.file, sheet="photos", item=True))
    if len(items) > MAX_PHOTOS:
        raise FileInputError(
            "docfile.too_many", where=where.at(column="photos"), what="ảnh", max=MAX_PHOTOS
        )
    sections = doc["sections"]
    assert isinstance(sections, list)
    images: dict[str, bytes] = {}
    photos: list[dict[str, object]] = []
    for number, item in enumerate(items, start=1):
        place = Where(where.file, sheet="photos", row=number, item=True)
        photo = top_object(item, place, dict.fromkeys(_PHOTO_KEYS))
        for key in ("caption", "mime", "sha256"):
            if not isinstance(photo.get(key), str):
                raise _bad(place.at(column=key), "string", photo.get(key))
        sha, mime = str(photo["sha256"]), str(photo["mime"])
        if not _SHA.fullmatch(sha):
            raise FileInputError("docfile.bad_sha", where=place.at(column="sha256"))
        section = photo.get("section")
        if section is not None:
            if not isinstance(section, int) or isinstance(section, bool):
                raise _bad(place.at(column="section"), "integer or null", section)
            if not 0 <= section < len(sections):
                raise FileInputError(
                    "docfile.bad_section_ref",
                    where=place.at(column="section"),
                    section=section,
                    count=len(sections),
                )
        # The same picture used twice is one zip member, taken at its first use.
        image = images.get(sha) if not inline else None
        if image is None:
            image = _photo_bytes(photo, members, place, inline=inline, sha=sha, mime=mime)
        if hashlib.sha256(image).hexdigest() != sha:
            raise FileInputError("docfile.photo_changed", where=place)
        try:
            actual = sniff_image(image)
        except HbtError as exc:
            raise FileInputError.of(exc, place) from None
        if actual != mime:
            raise FileInputError("docfile.photo_kind", where=place, declared=mime, actual=actual)
        images[sha] = image
        photos.append({k: _nfc(v) for k, v in photo.items() if k != "image"})
    doc["photos"] = photos
    return images


def _photo_bytes(
    photo: dict[str, object],
    members: dict[str, bytes],
    place: Where,
    *,
    inline: bool,
    sha: str,
    mime: str,
) -> bytes:
    if inline:
        data = photo.get("image")
        if not isinstance(data, str):
            raise _bad(place.at(column="image"), "string (base64)", data)
        try:
            return base64.b64decode(data, validate=True)
        except (binascii.Error, ValueError):
            raise FileInputError("docfile.bad_base64", where=place.at(column="image")) from None
    if "image" in photo:  # a zip keeps photos as members, never inline
        raise _bad(place.at(column="image"), "nothing (the photo is a member)", photo["image"])
    name = f"photos/{sha}.{_EXT.get(mime, 'jpg')}"
    if name not in members:
        raise FileInputError("docfile.photo_missing", where=place, name=name)
    return members.pop(name)


def _nfc(value: object) -> object:
    if isinstance(value, str):
        return nfc(value)
    if isinstance(value, list):
        return [_nfc(v) for v in value]
    return value


def _bad(where: Where, expected: str, value: object) -> FileInputError:
    return FileInputError("json.bad_type", where=where, expected=expected, got=kind(value))


def kind_name(expected: type) -> str:
    return {str: "string", int: "integer", bool: "boolean"}.get(expected, "value")

"""The exchange package: one signed .zip file from a ward office to the district (figures)
or back (a return with reasons).

Members (no others are accepted, and no folders but ``photos/``)::

    manifest.json     what the file is: kind, package id, sender unit, periods, created
                      at, sequence number, app and schema version, catalogue hash,
                      counts, and the SHA-256 of every other member (+ a content hash)
    signer.pub        the sender's Ed25519 public key, 32 raw bytes
    signature.sig     Ed25519 signature of manifest.json's exact bytes, 64 raw bytes
    values.json       figures with status, qualifier, comment, who and when
    documents.json    narrative: document headers and sections; photos by SHA-256
    catalogue.json    the indicators the figures refer to (code, kind, name)
    notes.json        (a return) the reasons, for the package and for single values
    photos/<sha256>.jpg|.png

Reading checks, in this order, before anything is parsed: the file's size; that it is
a zip; the number of members, their names (no path can leave the package: ``../``,
absolute paths, backslashes and unknown names are refused), their declared and unpacked
sizes and compression ratios. Then the signature over the manifest's bytes, and only
then is the manifest parsed; then every member's hash. So a changed byte anywhere makes
the file invalid. Whether the signer is the one recorded for the sender, and whether the
file replays an older one, is for ``exchange.offices`` to decide against the database.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from hbt_desktop import __version__
from hbt_desktop.core.catalogue import Indicator
from hbt_desktop.core.documents import DocumentSpec
from hbt_desktop.core.errors import HbtError
from hbt_desktop.core.i18n import register
from hbt_desktop.core.json_codec import (
    document_from_dict,
    document_to_dict,
    value_from_dict,
    value_to_dict,
)
from hbt_desktop.core.periods import Period, parse_period
from hbt_desktop.core.values import Value
from hbt_desktop.exchange import signing
from hbt_desktop.exchange.tables import DEFAULT_LIMITS, Limits, checked_size, write_atomically
from hbt_desktop.exchange.zipfiles import ZipRefused, read_members
from hbt_desktop.store.file.migrations import SCHEMA_VERSION

register(
    {
        "package.damaged": {
            "vi": "Tệp {file} không phải gói số liệu hbt-desktop hoặc đã bị hỏng, bị cắt cụt "
            "khi chép. Hãy xin đơn vị gửi lại tệp.",
            "en": "{file} is not an hbt-desktop package, or it was damaged or truncated when "
            "copied. Ask the sender for the file again.",
        },
        "package.bad_member": {
            "vi": "Tệp {file} bị từ chối: có thành phần «{name}» không được phép (đường dẫn "
            "ra ngoài gói hoặc tên lạ).",
            "en": "{file} is refused: it holds a member «{name}» that is not allowed (a path "
            "leaving the package, or an unknown name).",
        },
        "package.too_big": {
            "vi": "Tệp {file} bị từ chối vì nội dung nén bất thường ({detail}).",
            "en": "{file} is refused because its compressed content is abnormal ({detail}).",
        },
        "package.unsigned": {
            "vi": "Tệp {file} không có chữ ký số nên không được nhận.",
            "en": "{file} is not signed, so it is not accepted.",
        },
        "package.bad_signature": {
            "vi": "Chữ ký số của tệp {file} không hợp lệ: tệp đã bị sửa hoặc hỏng sau khi "
            "ký. Không nhận tệp này; hãy xin đơn vị gửi lại.",
            "en": "The signature of {file} is not valid: the file was changed or damaged after "
            "it was signed. It is not accepted; ask the sender for it again.",
        },
        "package.bad_manifest": {
            "vi": "Phần mô tả của tệp {file} không đúng định dạng ({detail}).",
            "en": "The manifest of {file} is not in the expected form ({detail}).",
        },
        "package.too_new": {
            "vi": "Tệp {file} do phiên bản mới hơn của hbt-desktop tạo ra (cấu trúc {found}, "
            "chương trình này hiểu tới {known}). Hãy cập nhật chương trình rồi nhận lại tệp.",
            "en": "{file} was made by a newer version of hbt-desktop (schema {found}, this one "
            "knows up to {known}). Update the program, then import the file again.",
        },
        "package.hash_mismatch": {
            "vi": "Thành phần «{name}» của tệp {file} không khớp với chữ ký: tệp đã bị sửa.",
            "en": "The member «{name}» of {file} does not match the signature: the file was "
            "changed.",
        },
        "package.bad_content": {
            "vi": "Nội dung «{name}» của tệp {file} không đọc được ({detail}).",
            "en": "The content «{name}» of {file} cannot be read ({detail}).",
        },
    }
)

FORMAT = "hbt-desktop-package"
FORMAT_VERSION = 1
KIND_FIGURES = "figures"
KIND_RETURN = "return"

MANIFEST = "manifest.json"
SIGNER = "signer.pub"
SIGNATURE = "signature.sig"
VALUES = "values.json"
DOCUMENTS = "documents.json"
CATALOGUE = "catalogue.json"
NOTES = "notes.json"
_ALLOWED = re.compile(
    r"(manifest\.json|signer\.pub|signature\.sig|values\.json|documents\.json|"
    r"catalogue\.json|notes\.json|photos/[0-9a-f]{64}\.(?:jpg|png))"
)
MAX_MANIFEST = 1024 * 1024
_MB = 1024 * 1024


class PackageError(HbtError):
    """A package file refused before anything was stored."""


@dataclass(frozen=True)
class Note:
    """A reason the district gives: for a whole package (``indicator`` "") or one value."""

    period: str
    indicator: str
    reason: str


@dataclass
class Package:
    """A package read and checked as a file (signature and hashes)."""

    file_name: str
    raw: bytes
    sha256: str
    manifest: dict[str, object]
    manifest_bytes: bytes
    signer: bytes  # raw public key
    values: list[Value] = field(default_factory=list)
    documents: list[DocumentSpec] = field(default_factory=list)
    indicators: dict[str, str] = field(default_factory=dict)  # code → kind
    notes: list[Note] = field(default_factory=list)

    @property
    def kind(self) -> str:
        return str(self.manifest["kind"])

    @property
    def package_id(self) -> str:
        return str(self.manifest["package_id"])

    @property
    def unit_uid(self) -> str:
        return str(self.manifest["unit_uid"])

    @property
    def sequence(self) -> int:
        return int(str(self.manifest["sequence"]))

    @property
    def created_at(self) -> datetime:
        return datetime.fromisoformat(str(self.manifest["created_at"]))

    @property
    def periods(self) -> tuple[Period, ...]:
        found = self.manifest.get("periods") or []
        assert isinstance(found, list)
        return tuple(parse_period(str(p)) for p in found)

    @property
    def fingerprint(self) -> str:
        return signing.fingerprint(self.signer)


# -- writing -------------------------------------------------------------------------------


def _dumps(data: object) -> bytes:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1).encode("utf-8")


def content_hash(members: dict[str, str]) -> str:
    lines = "".join(f"{name}:{digest}\n" for name, digest in sorted(members.items()))
    return hashlib.sha256(lines.encode()).hexdigest()


def write_package(
    path: Path,
    key: Ed25519PrivateKey,
    header: dict[str, object],
    *,
    values: list[Value] | None = None,
    documents: list[DocumentSpec] | None = None,
    indicators: list[Indicator] | None = None,
    notes: list[Note] | None = None,
) -> str:
    """Write and sign a package; ``header`` holds the manifest's own fields (kind,
    package_id, unit_uid, periods, created_at, sequence …). Returns the file's SHA-256."""
    members: dict[str, bytes] = {}
    if values is not None:
        members[VALUES] = _dumps([value_to_dict(v) for v in values])
    photos = 0
    if documents is not None:
        docs = []
        for doc in documents:
            docs.append(document_to_dict(doc, photos_inline=False))
            for photo in doc.photos:
                ext = "png" if photo.mime == "image/png" else "jpg"
                members[f"photos/{photo.sha256}.{ext}"] = photo.image
                photos += 1
        members[DOCUMENTS] = _dumps(docs)
    if indicators is not None:
        members[CATALOGUE] = _dumps(
            [{"code": i.code, "kind": i.kind.value, "name": i.name} for i in indicators]
        )
    if notes is not None:
        members[NOTES] = _dumps(
            [{"period": n.period, "indicator": n.indicator, "reason": n.reason} for n in notes]
        )
    digests = {name: hashlib.sha256(data).hexdigest() for name, data in members.items()}
    manifest = {
        **header,
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "app_version": __version__,
        "schema_version": SCHEMA_VERSION,
        "counts": {
            "values": len(values or []),
            "documents": len(documents or []),
            "photos": photos,
            "notes": len(notes or []),
        },
        "members": digests,
        "content_hash": content_hash(digests),
    }
    manifest_bytes = _dumps(manifest)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in [
            (MANIFEST, manifest_bytes),
            (SIGNER, signing.public_bytes(key)),
            (SIGNATURE, signing.sign(key, manifest_bytes)),
            *sorted(members.items()),
        ]:
            # A fixed date: the same content always makes the same bytes.
            info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    data = buffer.getvalue()

    def write(temp: Path) -> None:
        temp.write_bytes(data)

    write_atomically(path, write)
    return hashlib.sha256(data).hexdigest()


# -- reading -------------------------------------------------------------------------------


def read_package(path: Path, *, limits: Limits = DEFAULT_LIMITS) -> Package:
    """Read and check a package file; raises :class:`PackageError` with the reason."""
    path = Path(path)
    name = path.name
    checked_size(path, limits)
    raw = path.read_bytes()
    if len(raw) > limits.max_file_bytes:  # it grew while being read
        raise PackageError("package.too_big", file=name, detail=f"{len(raw) // _MB} MB")
    members = _unpack(raw, name, limits)
    if SIGNATURE not in members or SIGNER not in members:
        raise PackageError("package.unsigned", file=name)
    if MANIFEST not in members:
        raise PackageError("package.damaged", file=name)
    signer, signature, manifest_bytes = members[SIGNER], members[SIGNATURE], members[MANIFEST]
    if len(signer) != 32 or len(signature) != 64:
        raise PackageError("package.bad_signature", file=name)
    if not signing.verify(signer, signature, manifest_bytes):
        raise PackageError("package.bad_signature", file=name)
    manifest = _manifest(manifest_bytes, name)
    listed = manifest["members"]
    assert isinstance(listed, dict)
    own = {MANIFEST, SIGNER, SIGNATURE}
    for member, data in members.items():
        if member in own:
            continue
        if member not in listed or hashlib.sha256(data).hexdigest() != listed[member]:
            raise PackageError("package.hash_mismatch", file=name, name=member)
    for member in listed:
        if member not in members:
            raise PackageError("package.hash_mismatch", file=name, name=member)
    if manifest.get("content_hash") != content_hash({k: str(v) for k, v in listed.items()}):
        raise PackageError("package.hash_mismatch", file=name, name=MANIFEST)
    package = Package(name, raw, hashlib.sha256(raw).hexdigest(), manifest, manifest_bytes, signer)
    _contents(package, members)
    return package


def _unpack(raw: bytes, name: str, limits: Limits) -> dict[str, bytes]:
    """Every member's bytes, after checking names and sizes from the zip's directory."""
    try:
        return read_members(raw, _ALLOWED, limits, max_sizes={MANIFEST: MAX_MANIFEST})
    except ZipRefused as refused:
        raise PackageError(f"package.{refused.reason}", file=name, **refused.params) from None


_REQUIRED = {
    "format": str,
    "format_version": int,
    "kind": str,
    "package_id": str,
    "unit_uid": str,
    "periods": list,
    "created_at": str,
    "sequence": int,
    "schema_version": int,
    "members": dict,
}


def _manifest(data: bytes, name: str) -> dict[str, object]:
    try:
        manifest = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise PackageError("package.bad_manifest", file=name, detail="JSON") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise PackageError("package.bad_manifest", file=name, detail="format")
    for key, kind in _REQUIRED.items():
        if not isinstance(manifest.get(key), kind) or isinstance(manifest.get(key), bool):
            raise PackageError("package.bad_manifest", file=name, detail=key)
    version, schema = int(manifest["format_version"]), int(manifest["schema_version"])
    if version > FORMAT_VERSION or schema > SCHEMA_VERSION:
        raise PackageError(
            "package.too_new",
            file=name,
            found=f"{schema}/{version}",
            known=f"{SCHEMA_VERSION}/{FORMAT_VERSION}",
        )
    if manifest["kind"] not in (KIND_FIGURES, KIND_RETURN):
        raise PackageError("package.bad_manifest", file=name, detail="kind")
    try:
        for period in manifest["periods"]:
            parse_period(str(period))
        datetime.fromisoformat(str(manifest["created_at"]))
    except (HbtError, ValueError):
        raise PackageError("package.bad_manifest", file=name, detail="periods") from None
    return manifest


def _contents(package: Package, members: dict[str, bytes]) -> None:
    def load(member: str) -> list[dict[str, object]]:
        try:
            data = json.loads(members[member].decode("utf-8"))
            if not isinstance(data, list) or not all(isinstance(x, dict) for x in data):
                raise ValueError("not a list of objects")
        except (UnicodeDecodeError, ValueError) as exc:
            raise PackageError(
                "package.bad_content", file=package.file_name, name=member, detail=str(exc)
            ) from None
        return data

    images = {
        n.split("/")[1].split(".")[0]: data
        for n, data in members.items()
        if n.startswith("photos/")
    }
    try:
        if VALUES in members:
            package.values = [value_from_dict(d) for d in load(VALUES)]
        if DOCUMENTS in members:
            package.documents = [document_from_dict(d, images) for d in load(DOCUMENTS)]
        if CATALOGUE in members:
            package.indicators = {str(d["code"]): str(d["kind"]) for d in load(CATALOGUE)}
        if NOTES in members:
            package.notes = [
                Note(str(d["period"]), str(d["indicator"]), str(d["reason"])) for d in load(NOTES)
            ]
    except PackageError:
        raise
    except (HbtError, KeyError, ValueError, TypeError, AssertionError) as exc:
        raise PackageError(
            "package.bad_content", file=package.file_name, name="", detail=type(exc).__name__
        ) from None

"""Ed25519 keys and signatures for exchange packages (the ``cryptography`` package).

Each workstation makes a key pair at set-up. The private key is a PEM file in the user's
data folder (``keys/<station id>.pem``, or ``$HBT_DESKTOP_KEYS``), created with
permissions 0600 on POSIX so that other users of the machine cannot read it, and never
overwritten. The public key travels inside every package and, for first contact, as a
small key file; the receiving office records it after comparing its fingerprint with
the sender (by telephone), and from then on refuses anything not signed by it.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import hashlib
import json
import os
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from hbt_desktop.core.errors import InputError
from hbt_desktop.core.i18n import register
from hbt_desktop.exchange.tables import DEFAULT_LIMITS, read_bytes

register(
    {
        "key.missing": {
            "vi": "Không tìm thấy khóa ký của máy này ({path}). Hãy khôi phục tệp khóa từ bản "
            "sao, hoặc thiết lập lại máy và báo cho quận khóa mới.",
            "en": "This workstation's signing key is missing ({path}). Restore the key file from "
            "a copy, or set the workstation up again and give the district the new key.",
        },
        "key.unreadable": {
            "vi": "Tệp khóa {path} bị hỏng hoặc không phải khóa của hbt-desktop.",
            "en": "The key file {path} is damaged or not an hbt-desktop key.",
        },
        "key.exists": {
            "vi": "Đã có tệp khóa {path}; chương trình không ghi đè khóa.",
            "en": "The key file {path} already exists; keys are never overwritten.",
        },
        "key.bad_file": {
            "vi": "Tệp {file} không phải tệp khóa công khai của hbt-desktop.",
            "en": "{file} is not an hbt-desktop public key file.",
        },
    }
)

KEY_DIR_ENV = "HBT_DESKTOP_KEYS"
PUBLIC_KEY_FORMAT = "hbt-desktop-public-key"


def key_dir() -> Path:
    env = os.environ.get(KEY_DIR_ENV)
    if env:
        return Path(env).expanduser()
    from hbt_desktop.store.file.location import data_dir

    return data_dir() / "keys"


def key_path(station_id: str, folder: Path | None = None) -> Path:
    return (folder or key_dir()) / f"{station_id}.pem"


def generate_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


def public_bytes(key: Ed25519PrivateKey | Ed25519PublicKey) -> bytes:
    public = key.public_key() if isinstance(key, Ed25519PrivateKey) else key
    return public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def encode_key(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def decode_key(text: str) -> bytes | None:
    """Raw public key bytes from base64, or None when it is not a 32-byte key."""
    try:
        raw = base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError, ValueError):
        return None  # "not a key" is the answer; callers refuse with their own message
    return raw if len(raw) == 32 else None


def fingerprint(raw_public: bytes) -> str:
    """What two people read to each other: 20 hex digits in groups of four."""
    digest = hashlib.sha256(b"hbt-desktop-key\n" + raw_public).hexdigest()[:20].upper()
    return " ".join(digest[i : i + 4] for i in range(0, 20, 4))


def same_fingerprint(a: str, b: str) -> bool:
    def norm(text: str) -> str:
        return "".join(ch for ch in text.upper() if ch.isalnum())

    return norm(a) == norm(b)


def save_private_key(key: Ed25519PrivateKey, path: Path) -> None:
    """Write the private key, readable by its owner only; refuse to replace a key."""
    data = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(OSError):  # a folder we cannot narrow still holds a 0600 file
        os.chmod(path.parent, 0o700)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise InputError("key.exists", path=str(path)) from None
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())


def load_private_key(path: Path) -> Ed25519PrivateKey:
    if not path.exists():
        raise InputError("key.missing", path=str(path))
    try:
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except (ValueError, TypeError, OSError):
        raise InputError("key.unreadable", path=str(path)) from None
    if not isinstance(key, Ed25519PrivateKey):
        raise InputError("key.unreadable", path=str(path))
    return key


def sign(key: Ed25519PrivateKey, data: bytes) -> bytes:
    return key.sign(data)


def verify(raw_public: bytes, signature: bytes, data: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(raw_public).verify(signature, data)
    except (InvalidSignature, ValueError):
        return False  # a bad signature is an answer, and the caller refuses the file
    return True


# -- public key files (first contact) -------------------------------------------------------


def write_public_key_file(path: Path, unit_uid: str, unit_name: str, raw_public: bytes) -> None:
    document = {
        "format": PUBLIC_KEY_FORMAT,
        "unit_uid": unit_uid,
        "unit_name": unit_name,
        "public_key": encode_key(raw_public),
        "fingerprint": fingerprint(raw_public),
    }
    path.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def read_public_key_file(path: Path) -> tuple[str, bytes]:
    """(unit uid, raw public key) from a key file written by :func:`write_public_key_file`."""
    data = read_bytes(path, DEFAULT_LIMITS)
    try:
        document = json.loads(data.decode("utf-8")) if len(data) < 64 * 1024 else None
    except (UnicodeDecodeError, ValueError):
        document = None  # refused just below with key.bad_file
    if not isinstance(document, dict) or document.get("format") != PUBLIC_KEY_FORMAT:
        raise InputError("key.bad_file", file=path.name)
    raw = decode_key(str(document.get("public_key", "")))
    unit = document.get("unit_uid")
    if raw is None or not isinstance(unit, str) or not unit:
        raise InputError("key.bad_file", file=path.name)
    return unit, raw

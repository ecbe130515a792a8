"""Done-when of issue 4: a tampered, truncated, unsigned, wrongly signed, replayed,
oversized or path-traversing file, a file for another unit and a file from a newer schema
are each refused with a clear message, and the district's database file is byte for byte
what it was (checked on the closed file)."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from hbt_desktop.core.errors import HbtError
from hbt_desktop.exchange import signing
from hbt_desktop.exchange.offices import export_package, import_package, trust_sender
from hbt_desktop.exchange.package import MANIFEST, SIGNATURE, SIGNER, VALUES, content_hash
from hbt_desktop.exchange.tables import DEFAULT_LIMITS
from hbt_desktop.store.file.connection import open_database
from hbt_desktop.store.review import decide
from hbt_desktop.store.workstation import get_workstation
from tests.offices.conftest import MONEY, Q1, Offices, file_digest

Members = dict[str, bytes]


def _members(data: bytes) -> Members:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {i.filename: archive.read(i) for i in archive.infolist()}


def _zip(members: Members) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _resigned(members: Members, key: object, change: Callable[[dict[str, object]], None]) -> bytes:
    """The package with its manifest changed and signed again by ``key``."""
    manifest = json.loads(members[MANIFEST])
    change(manifest)
    listed = manifest["members"]
    for name, data in members.items():
        if name not in (MANIFEST, SIGNER, SIGNATURE):
            listed[name] = hashlib.sha256(data).hexdigest()
    manifest["content_hash"] = content_hash(listed)
    body = json.dumps(manifest, ensure_ascii=False).encode()
    return _zip(
        {
            **members,
            MANIFEST: body,
            SIGNER: signing.public_bytes(key),  # type: ignore[arg-type]
            SIGNATURE: signing.sign(key, body),  # type: ignore[arg-type]
        }
    )


@pytest.fixture
def setting(offices: Offices, tmp_path: Path) -> dict[str, object]:
    a, q = offices.a, offices.district
    from hbt_desktop.core.values import Value
    from hbt_desktop.store.writes import write_value

    write_value(a.db, Value(MONEY, "PA", Q1, Decimal(5)))
    first = export_package(a.db, tmp_path / "first.hbt", [Q1], user="lap", key_folder=a.keys)
    second = export_package(a.db, tmp_path / "second.hbt", [Q1], user="lap", key_folder=a.keys)
    station = get_workstation(a.db)
    assert station is not None
    key = signing.load_private_key(signing.key_path(station.station_id, a.keys))
    trust_sender(
        q.db, "PA", station.public_key, signing.fingerprint(signing.public_bytes(key)), user="q"
    )
    taken = import_package(q.db, second.path, user="q")
    decide(q.db, taken.import_id, user="q")  # type: ignore[arg-type]
    return {"first": first.path.read_bytes(), "second": second.path.read_bytes(), "key": key}


def _bad_files(setting: dict[str, object]) -> dict[str, tuple[bytes, str]]:
    first, second, key = setting["first"], setting["second"], setting["key"]
    assert isinstance(first, bytes) and isinstance(second, bytes)
    m = _members(second)
    values = json.loads(m[VALUES])
    values[0]["num"] = "999999999"
    bomb = {**m, VALUES: b"0" * (60 * 1024 * 1024)}
    other_key = signing.generate_key()
    flipped = bytearray(second)
    flipped[len(flipped) // 2] ^= 0x01

    def newer(manifest: dict[str, object]) -> None:
        manifest["schema_version"] = int(str(manifest["schema_version"])) + 1

    def other_unit(manifest: dict[str, object]) -> None:
        manifest["unit_uid"] = "P00241"  # a ward of another district

    def bump(manifest: dict[str, object]) -> None:
        manifest["sequence"] = 7

    pb_values = json.loads(m[VALUES])
    pb_values[0]["unit"] = "PB"
    return {
        "tampered value": (
            _zip({**m, VALUES: json.dumps(values).encode()}),
            "package.hash_mismatch",
        ),
        "tampered manifest": (
            _zip({**m, MANIFEST: m[MANIFEST].replace(b'"sequence": 2', b'"sequence": 9')}),
            "package.bad_signature",
        ),
        "a flipped byte": (bytes(flipped), ""),
        "truncated": (second[: len(second) // 2], "package.damaged"),
        "unsigned": (
            _zip({k: v for k, v in m.items() if k not in (SIGNATURE, SIGNER)}),
            "package.unsigned",
        ),
        "wrongly signed": (_resigned(m, other_key, bump), "package.wrong_key"),
        "replayed": (first, "package.replayed"),
        "zip bomb": (_zip(bomb), "package.too_big"),
        "path traversal": (_zip({**m, "../../evil.json": b"{}"}), "package.bad_member"),
        "absolute path": (_zip({**m, "/etc/evil": b"x"}), "package.bad_member"),
        "another unit": (_resigned(m, key, other_unit), "package.other_unit"),
        "another unit's values": (
            _resigned({**m, VALUES: json.dumps(pb_values).encode()}, key, bump),
            "package.value_other_unit",
        ),
        "newer schema": (_resigned(m, key, newer), "package.too_new"),
        "not a zip": (b"PK\x03\x04 not really", "package.damaged"),
    }


def test_every_bad_file_is_refused_and_the_district_file_is_unchanged(
    offices: Offices, setting: dict[str, object], tmp_path: Path
) -> None:
    q = offices.district
    q.close()
    before = file_digest(q.path)
    cases = _bad_files(setting)
    oversized = tmp_path / "oversized.hbt"
    oversized.write_bytes(setting["second"])  # type: ignore[arg-type]
    for name, (data, key) in [*cases.items(), ("oversized", (b"", "file.too_large"))]:
        path = oversized if name == "oversized" else tmp_path / f"{name}.hbt"
        if name != "oversized":
            path.write_bytes(data)
        limits = (
            replace(DEFAULT_LIMITS, max_file_bytes=1000) if name == "oversized" else DEFAULT_LIMITS
        )
        db = open_database(q.path)
        try:
            with pytest.raises(HbtError) as refused:
                import_package(db, path, user="q", limits=limits, before_write=pytest.fail)
        finally:
            db.close()
        if key:
            assert refused.value.key == key, (name, refused.value.key)
        message = refused.value.message
        assert message and "\n" not in message and not message.startswith("["), (name, message)
        assert file_digest(q.path) == before, name
    q.db = open_database(q.path)


def test_every_changed_byte_is_refused(
    offices: Offices, setting: dict[str, object], tmp_path: Path
) -> None:
    data = setting["second"]
    assert isinstance(data, bytes)
    path = tmp_path / "x.hbt"
    for offset in range(0, len(data), max(1, len(data) // 97)):
        changed = bytearray(data)
        changed[offset] ^= 0x20
        path.write_bytes(bytes(changed))
        with pytest.raises(HbtError):
            import_package(offices.district.db, path, user="q", dry_run=True)


def test_an_unknown_sender_is_refused_until_its_fingerprint_is_confirmed(
    offices: Offices, tmp_path: Path
) -> None:
    b, q = offices.b, offices.district
    from decimal import Decimal

    from hbt_desktop.core.values import Value
    from hbt_desktop.exchange.offices import UnknownSender
    from hbt_desktop.store.packages import TrustError
    from hbt_desktop.store.writes import write_value

    write_value(b.db, Value(MONEY, "PB", Q1, Decimal(7)))
    sent = export_package(b.db, tmp_path / "b.hbt", [Q1], user="lap", key_folder=b.keys)
    q.close()
    before = file_digest(q.path)
    q.db = open_database(q.path)
    with pytest.raises(UnknownSender) as first:
        import_package(q.db, sent.path, user="q")
    with pytest.raises(TrustError):
        import_package(q.db, sent.path, user="q", trust_fingerprint="0000 1111 2222 3333 4444")
    q.close()
    assert file_digest(q.path) == before
    q.db = open_database(q.path)
    found = import_package(
        q.db, sent.path, user="q", trust_fingerprint=first.value.fingerprint.lower()
    )
    assert found.import_id is not None


def test_a_return_for_another_ward_is_refused_there(offices: Offices, tmp_path: Path) -> None:
    from hbt_desktop.core.values import Value
    from hbt_desktop.exchange.offices import export_public_key, import_return, return_package
    from hbt_desktop.store.writes import write_value
    from tests.conftest import db_digest

    a, b, q = offices.a, offices.b, offices.district
    write_value(a.db, Value(MONEY, "PA", Q1, Decimal(5)))
    sent = export_package(a.db, tmp_path / "a.hbt", [Q1], user="lap", key_folder=a.keys)
    station = get_workstation(a.db)
    assert station is not None
    raw = signing.decode_key(station.public_key)
    assert raw is not None
    trust_sender(q.db, "PA", station.public_key, signing.fingerprint(raw), user="q")
    found = import_package(q.db, sent.path, user="q")
    back = return_package(
        q.db,
        found.import_id,
        "Sai kỳ",
        tmp_path / "back.hbt",
        user="q",
        key_folder=q.keys,  # type: ignore[arg-type]
    )
    fingerprint = export_public_key(q.db, tmp_path / "q.key")
    before = db_digest(b.db)
    with pytest.raises(HbtError) as refused:
        import_return(b.db, back.path, user="lap", trust_fingerprint=fingerprint)
    assert refused.value.key == "package.not_for_us"
    assert "phường An" in refused.value.message
    assert db_digest(b.db) == before
    # A ward office does not take the district's figures packages either.
    with pytest.raises(HbtError):
        import_package(b.db, sent.path, user="lap")
    assert db_digest(b.db) == before

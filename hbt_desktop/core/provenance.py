"""What a printed document was made from: every figure it read, and their fingerprint.

A document records each figure and base it read as a *reading*: a key naming it
(``("v", indicator, unit uid, period id)`` for a value, ``("b", indicator, unit uid,
period id, base kind)`` for a base) and the state it had (``(num, scale, status,
qualifier)``, ``(num, scale)`` or ``("missing",)``). The fingerprint is a short hash of
all readings; the readings themselves travel in the file's metadata, so that a printed
copy can later be checked against the database figure by figure (``verify-print``).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

Key = tuple[str, ...]
State = tuple[str, ...]
Reading = tuple[Key, State]

RECORD_VERSION = 1
MISSING: State = ("missing",)


def fingerprint(readings: Iterable[Reading], *extra: str) -> str:
    """``3F2A-91C0-7B1D``: two documents with the same fingerprint read the same figures;
    any changed figure changes it. Order does not matter."""
    digest = hashlib.sha256()
    for key, state in sorted(readings):
        digest.update("\x1f".join((*key, "=", *state)).encode())
        digest.update(b"\x1e")
    for text in extra:
        digest.update(text.encode())
        digest.update(b"\x1e")
    code = digest.hexdigest()[:12].upper()
    return f"{code[:4]}-{code[4:8]}-{code[8:]}"


@dataclass(frozen=True)
class PrintRecord:
    """What a printed file carries about its figures (in its metadata)."""

    fingerprint: str
    readings: tuple[Reading, ...]
    unit_uid: str = ""
    period_id: str = ""
    kind: str = "report"

    @property
    def consistent(self) -> bool:
        """True when the readings are those the fingerprint was made from."""
        return fingerprint(self.readings) == self.fingerprint


def encode_record(record: PrintRecord) -> str:
    """Compact JSON (ASCII only: it must survive any metadata encoding)."""
    return json.dumps(
        {
            "v": RECORD_VERSION,
            "fingerprint": record.fingerprint,
            "kind": record.kind,
            "unit": record.unit_uid,
            "period": record.period_id,
            "readings": [[list(key), list(state)] for key, state in sorted(record.readings)],
        },
        separators=(",", ":"),
        ensure_ascii=True,
    )


def decode_record(text: str) -> PrintRecord | None:
    """The record in ``text``, or None when it is not one this program wrote."""
    try:
        data = json.loads(text)
    except ValueError:
        return None
    if not isinstance(data, Mapping) or data.get("v") != RECORD_VERSION:
        return None
    try:
        readings = tuple(
            (tuple(str(k) for k in key), tuple(str(s) for s in state))
            for key, state in data["readings"]
        )
        return PrintRecord(
            fingerprint=str(data["fingerprint"]),
            readings=readings,
            unit_uid=str(data.get("unit", "")),
            period_id=str(data.get("period", "")),
            kind=str(data.get("kind", "report")),
        )
    except (KeyError, TypeError, ValueError):
        return None

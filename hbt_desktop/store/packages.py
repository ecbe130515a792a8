"""Exchange packages on record: keys of other offices, packages sent and received, notes
returned by the district.

The file format itself is ``exchange.package``; the review and the decisions on a
received package are ``store.review``; figures and documents as exact JSON are
``core.json_codec``. Here: the tables.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlite_utils import Database

from hbt_desktop.core.errors import HbtError
from hbt_desktop.core.i18n import register
from hbt_desktop.core.periods import Period, parse_period
from hbt_desktop.store.accounts import AuthError, Session
from hbt_desktop.store.audit import log_event
from hbt_desktop.store.guard import unit_label

register(
    {
        "trust.fingerprint_mismatch": {
            "vi": "Mã nhận dạng khóa vừa nhập ({typed}) không khớp với khóa trong tệp ({actual}). "
            "Khóa không được ghi nhận; hãy gọi điện kiểm tra lại với {unit}.",
            "en": "The fingerprint typed ({typed}) does not match the key in the file ({actual}). "
            "The key was not recorded; telephone {unit} to check again.",
        },
        "trust.already": {
            "vi": "Đã ghi nhận một khóa khác cho {unit} (mã nhận dạng {fingerprint}). Muốn thay "
            "khóa, quản trị viên phải xác nhận thay thế.",
            "en": "A different key is already recorded for {unit} (fingerprint {fingerprint}). "
            "Replacing it needs an administrator's confirmation.",
        },
    }
)


class TrustError(HbtError):
    """A key could not be recorded; nothing was changed."""


def now_text() -> str:
    return datetime.now(UTC).isoformat()


# -- keys of other offices -------------------------------------------------------------------


@dataclass(frozen=True)
class TrustedKey:
    unit_uid: str
    public_key: str  # base64
    fingerprint: str
    source: str  # "fingerprint confirmed" or "key file"
    recorded_at: datetime
    recorded_by: str
    last_sequence: int


def trusted_key(db: Database, unit_uid: str) -> TrustedKey | None:
    row = db.execute(
        "SELECT unit_uid, public_key, fingerprint, source, recorded_at, recorded_by, "
        "last_sequence FROM trusted_keys WHERE unit_uid = ?",
        [unit_uid],
    ).fetchone()
    if row is None:
        return None
    unit, key, fp, source, at, by, seq = row
    return TrustedKey(
        str(unit),
        str(key),
        str(fp),
        str(source),
        datetime.fromisoformat(str(at)),
        str(by),
        int(seq),
    )


def trusted_keys(db: Database) -> list[TrustedKey]:
    uids = [str(r[0]) for r in db.execute("SELECT unit_uid FROM trusted_keys ORDER BY unit_uid")]
    return [k for uid in uids if (k := trusted_key(db, uid)) is not None]


def record_key(
    db: Database,
    unit_uid: str,
    public_key: str,
    fingerprint: str,
    *,
    source: str,
    user: str,
    replace: bool = False,
    by: Session | None = None,
) -> TrustedKey:
    """Record another office's public key (after its fingerprint was confirmed).

    Replacing a different key already recorded (an office with a new computer) is an
    administrator's act (``by``): otherwise anyone could let a forger in."""
    current = trusted_key(db, unit_uid)
    if current is not None and current.public_key == public_key:
        return current
    if current is not None:
        if not replace:
            raise TrustError(
                "trust.already", unit=unit_label(db, unit_uid), fingerprint=current.fingerprint
            )
        if by is None:
            raise AuthError("auth.need_admin", login="—")
        by.require_admin()
    with db.atomic():
        db.execute(
            "INSERT INTO trusted_keys (unit_uid, public_key, fingerprint, source, recorded_at, "
            "recorded_by, last_sequence) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(unit_uid) DO "
            "UPDATE SET public_key=excluded.public_key, fingerprint=excluded.fingerprint, "
            "source=excluded.source, recorded_at=excluded.recorded_at, "
            "recorded_by=excluded.recorded_by",
            [unit_uid, public_key, fingerprint, source, now_text(), user, 0],
        )
        log_event(
            db,
            "key_recorded",
            user,
            {
                "fingerprint": fingerprint,
                "source": source,
                "replaced": current.fingerprint if current else None,
            },
            unit_uid=unit_uid,
        )
    found = trusted_key(db, unit_uid)
    assert found is not None
    return found


def note_sequence(db: Database, unit_uid: str, sequence: int) -> None:
    db.execute(
        "UPDATE trusted_keys SET last_sequence = MAX(last_sequence, ?) WHERE unit_uid = ?",
        [sequence, unit_uid],
    )


# -- packages sent ---------------------------------------------------------------------------


@dataclass(frozen=True)
class SentPackage:
    package_id: str
    kind: str
    sequence: int
    unit_uid: str
    periods: tuple[str, ...]
    created_at: datetime
    created_by: str
    file_name: str
    sha256: str
    counts: dict[str, int]


def record_sent(db: Database, sent: SentPackage) -> None:
    with db.atomic():
        db.execute(
            "INSERT INTO packages_sent (package_id, kind, sequence, unit_uid, periods, "
            "created_at, created_by, file_name, sha256, counts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
            "?, ?)",
            [
                sent.package_id,
                sent.kind,
                sent.sequence,
                sent.unit_uid,
                json.dumps(list(sent.periods)),
                sent.created_at.isoformat(),
                sent.created_by,
                sent.file_name,
                sent.sha256,
                json.dumps(sent.counts, sort_keys=True),
            ],
        )
        log_event(
            db,
            f"{sent.kind}_sent",
            sent.created_by,
            {"package": sent.package_id, "sequence": sent.sequence, "file": sent.file_name},
            unit_uid=sent.unit_uid,
            ref=f"package:{sent.package_id}",
        )


def packages_sent(db: Database) -> list[SentPackage]:
    rows = db.execute(
        "SELECT package_id, kind, sequence, unit_uid, periods, created_at, created_by, "
        "file_name, sha256, counts FROM packages_sent ORDER BY created_at, sequence"
    ).fetchall()
    return [
        SentPackage(
            str(pid),
            str(kind),
            int(seq),
            str(unit),
            tuple(json.loads(str(periods))),
            datetime.fromisoformat(str(at)),
            str(by),
            str(name),
            str(sha),
            dict(json.loads(str(counts))),
        )
        for pid, kind, seq, unit, periods, at, by, name, sha, counts in rows
    ]


# -- notes returned by the district (at a ward office) -------------------------------------


@dataclass(frozen=True)
class ReturnedNote:
    return_id: str
    package_id: str
    unit_uid: str
    period: Period
    indicator: str  # "" = the whole package
    reason: str
    returned_at: datetime
    returned_by: str
    received_at: datetime | None = None


def record_returned(db: Database, notes: Sequence[ReturnedNote]) -> int:
    """Store the district's reasons (once: the same return file again changes nothing)."""
    added = 0
    with db.atomic():
        for n in notes:
            cursor = db.execute(
                "INSERT INTO returned_notes (return_id, package_id, unit_uid, period, indicator, "
                "reason, returned_at, returned_by, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
                "?) ON CONFLICT(return_id, period, indicator) DO NOTHING",
                [
                    n.return_id,
                    n.package_id,
                    n.unit_uid,
                    n.period.id,
                    n.indicator,
                    n.reason,
                    n.returned_at.isoformat(),
                    n.returned_by,
                    now_text(),
                ],
            )
            added += cursor.rowcount if cursor.rowcount and cursor.rowcount > 0 else 0
        if added:
            log_event(
                db,
                "return_received",
                notes[0].returned_by,
                {"return": notes[0].return_id, "package": notes[0].package_id, "notes": added},
                unit_uid=notes[0].unit_uid,
                ref=f"package:{notes[0].package_id}",
            )
    return added


def returned_notes(db: Database, unit_uid: str, period: Period | None = None) -> list[ReturnedNote]:
    """What the district sent back about a unit's figures, newest first. A note with an
    empty ``indicator`` concerns the whole package."""
    sql = (
        "SELECT return_id, package_id, unit_uid, period, indicator, reason, returned_at, "
        "returned_by, received_at FROM returned_notes WHERE unit_uid = ?"
    )
    params: list[object] = [unit_uid]
    if period is not None:
        sql += " AND period = ?"
        params.append(period.id)
    rows = db.execute(sql + " ORDER BY returned_at DESC, id", params).fetchall()
    return [
        ReturnedNote(
            str(r),
            str(p),
            str(u),
            parse_period(str(per)),
            str(i),
            str(reason),
            datetime.fromisoformat(str(at)),
            str(by),
            datetime.fromisoformat(str(got)),
        )
        for r, p, u, per, i, reason, at, by, got in rows
    ]


def open_returned_notes(
    db: Database, unit_uid: str, period: Period
) -> dict[str, list[ReturnedNote]]:
    """The district's reasons still to be answered, by indicator ("" = the whole package):
    those received after the last package this office sent for ``period``. The entry
    screens show them on the affected figures; sending a new package answers them."""
    sent = [
        p.created_at
        for p in packages_sent(db)
        if p.kind == "figures" and p.unit_uid == unit_uid and period.id in p.periods
    ]
    last = max(sent, default=None)
    found: dict[str, list[ReturnedNote]] = {}
    for note in returned_notes(db, unit_uid, period):
        if last is None or note.received_at is None or note.received_at > last:
            found.setdefault(note.indicator, []).append(note)
    return found

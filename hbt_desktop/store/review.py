"""A ward's package at the district: received, reviewed value by value, decided, undone.

Two steps, so that nothing arrives unseen:

1. :func:`receive` keeps the checked package (its signed bytes, its figures and its
   narrative) as *pending*; nothing of the district's figures changes. Receiving the same
   file again changes nothing at all.
2. :func:`decide` accepts everything, or everything but the values rejected with a
   reason. Accepted values go through the single write path (``store.writes``: audited,
   refused when locked) in one transaction, each with the exact figure it replaced.

:func:`review` compares each incoming value with what the district holds now, by the
verdict of ``core.review`` (new, changed, unchanged, conflict).

:func:`rollback` puts back exactly what an accepted package replaced, refusing if any of
those figures changed since. :func:`mark_returned` sends a pending package back.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlite_utils import Database

from hbt_desktop.core.documents import DocumentSpec
from hbt_desktop.core.errors import HbtError
from hbt_desktop.core.i18n import register
from hbt_desktop.core.json_codec import document_from_dict, document_to_dict, dump_value, load_value
from hbt_desktop.core.periods import Period, parse_period
from hbt_desktop.core.review import (
    ItemKey,
    Review,
    ReviewItem,
    State,
    Verdict,
    decided_state,
    item_key,
    key_text,
    verdict,
)
from hbt_desktop.core.text import clean
from hbt_desktop.core.values import Value, same_value
from hbt_desktop.store.audit import How, log_event
from hbt_desktop.store.documents import delete_document, load_document, save_document
from hbt_desktop.store.packages import note_sequence, now_text
from hbt_desktop.store.values import get_value
from hbt_desktop.store.writes import apply_values, delete_value

register(
    {
        "review.unknown_import": {
            "vi": "Không có gói số liệu số {id} trong danh sách đã nhận.",
            "en": "There is no received package number {id}.",
        },
        "review.not_pending": {
            "vi": "Gói số liệu {id} đã được xử lý ({state}); không quyết định lại được.",
            "en": "Package {id} was already dealt with ({state}); it cannot be decided again.",
        },
        "review.need_reason": {
            "vi": "Hãy ghi lý do cho số liệu bị từ chối hoặc trả lại: {key}.",
            "en": "Give a reason for the rejected or returned value: {key}.",
        },
        "review.unknown_item": {
            "vi": "Gói số liệu không có số liệu {key}.",
            "en": "The package has no value {key}.",
        },
        "review.stale": {
            "vi": "Số liệu đã thay đổi từ lúc xem xét gói; hãy xem lại trước khi quyết định.",
            "en": "Figures changed since the package was reviewed; review it again before "
            "deciding.",
        },
        "review.not_accepted": {
            "vi": "Gói số liệu {id} chưa được chấp nhận ({state}) nên không có gì để hoàn tác.",
            "en": "Package {id} was not accepted ({state}), so there is nothing to roll back.",
        },
        "review.changed_since": {
            "vi": "Không hoàn tác được vì {count} số liệu đã được sửa sau khi nhận gói "
            "(ví dụ {key}). Không có gì bị thay đổi.",
            "en": "Cannot roll back: {count} figures were changed after the package was "
            "accepted (e.g. {key}). Nothing was changed.",
        },
    }
)


class ReviewError(HbtError):
    """A decision on a package that cannot be taken; nothing was changed."""


# -- comparing ---------------------------------------------------------------------------


def _last_accepted(db: Database, sender_uid: str, keys: set[ItemKey]) -> dict[ItemKey, Value]:
    """The ward's own figures as the district last accepted them from its packages."""
    found: dict[ItemKey, tuple[int, Value]] = {}
    rows = db.execute(
        "SELECT p.sequence, i.indicator, i.unit_uid, i.period, i.incoming FROM package_items i "
        "JOIN package_imports p ON p.id = i.import_id WHERE p.sender_uid = ? AND "
        "i.decision = 'accepted' AND p.state IN ('accepted', 'partly_accepted')",
        [sender_uid],
    ).fetchall()
    for seq, indicator, unit, period, incoming in rows:
        key = (str(indicator), str(unit), str(period))
        if key in keys and (key not in found or int(seq) > found[key][0]):
            value = load_value(incoming)
            assert value is not None
            found[key] = (int(seq), value)
    return {k: v for k, (_, v) in found.items()}


def compare(db: Database, sender_uid: str, values: Sequence[Value]) -> list[ReviewItem]:
    """The verdict on each incoming value (reads only)."""
    keys = {item_key(v) for v in values}
    last = _last_accepted(db, sender_uid, keys)
    items = []
    for value in values:
        current = get_value(db, value.indicator, value.unit_uid, value.period)
        sent = last.get(item_key(value))
        items.append(ReviewItem(value, current, sent, verdict(value, current, sent)))
    return items


# -- receiving ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Received:
    """What ``exchange`` hands over once a package file has passed every check."""

    package_id: str
    sender_uid: str
    sequence: int
    created_at: datetime
    periods: tuple[Period, ...]
    manifest: str
    raw: bytes
    sha256: str
    file_name: str
    values: tuple[Value, ...]
    documents: tuple[DocumentSpec, ...]


def find_import(db: Database, package_id: str) -> int | None:
    row = db.execute("SELECT id FROM package_imports WHERE package_id = ?", [package_id]).fetchone()
    return int(row[0]) if row else None


def receive(db: Database, package: Received, *, user: str, now: datetime | None = None) -> int:
    """Keep a checked package as pending; returns its number. A package already received
    is not stored again (its number is returned and nothing changes)."""
    existing = find_import(db, package.package_id)
    if existing is not None:
        return existing
    with db.atomic():
        cursor = db.execute(
            "INSERT INTO package_imports (package_id, sender_uid, sequence, created_at, "
            "periods, manifest, raw, sha256, file_name, received_at, received_by, state) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending')",
            [
                package.package_id,
                package.sender_uid,
                package.sequence,
                package.created_at.isoformat(),
                json.dumps([p.id for p in package.periods]),
                package.manifest,
                package.raw,
                package.sha256,
                package.file_name,
                now.astimezone(UTC).isoformat() if now else now_text(),
                user,
            ],
        )
        import_id = int(cursor.lastrowid or 0)
        db.conn.executemany(
            "INSERT INTO package_items (import_id, indicator, unit_uid, period, incoming) "
            "VALUES (?, ?, ?, ?, ?)",
            [(import_id, *item_key(v), dump_value(v)) for v in package.values],
        )
        db.conn.executemany(
            "INSERT INTO package_documents (import_id, period, document) VALUES (?, ?, ?)",
            [
                (import_id, d.period.id, json.dumps(document_to_dict(d), ensure_ascii=False))
                for d in package.documents
            ],
        )
        note_sequence(db, package.sender_uid, package.sequence)
        log_event(
            db,
            "package_received",
            user,
            {
                "package": package.package_id,
                "sequence": package.sequence,
                "values": len(package.values),
                "sha256": package.sha256,
            },
            unit_uid=package.sender_uid,
            ref=f"package:{package.package_id}",
        )
    return import_id


@dataclass(frozen=True)
class ImportRecord:
    id: int
    package_id: str
    sender_uid: str
    sequence: int
    created_at: datetime
    periods: tuple[Period, ...]
    received_at: datetime
    received_by: str
    state: State
    decided_at: datetime | None
    decided_by: str | None
    reason: str
    file_name: str
    sha256: str


_IMPORT_COLUMNS = (
    "id, package_id, sender_uid, sequence, created_at, periods, received_at, received_by, "
    "state, decided_at, decided_by, reason, file_name, sha256"
)


def _record(row: Sequence[object]) -> ImportRecord:
    i, pid, sender, seq, created, periods, rec_at, rec_by, state, d_at, d_by, reason, f, sha = row
    return ImportRecord(
        int(str(i)),
        str(pid),
        str(sender),
        int(str(seq)),
        datetime.fromisoformat(str(created)),
        tuple(parse_period(p) for p in json.loads(str(periods))),
        datetime.fromisoformat(str(rec_at)),
        str(rec_by),
        State(str(state)),
        datetime.fromisoformat(str(d_at)) if d_at else None,
        str(d_by) if d_by else None,
        str(reason),
        str(f),
        str(sha),
    )


def get_import(db: Database, import_id: int) -> ImportRecord:
    row = db.execute(
        f"SELECT {_IMPORT_COLUMNS} FROM package_imports WHERE id = ?", [import_id]
    ).fetchone()
    if row is None:
        raise ReviewError("review.unknown_import", id=import_id)
    return _record(row)


def list_imports(db: Database, sender_uid: str | None = None) -> list[ImportRecord]:
    sql = f"SELECT {_IMPORT_COLUMNS} FROM package_imports"
    params: list[object] = []
    if sender_uid is not None:
        sql += " WHERE sender_uid = ?"
        params.append(sender_uid)
    return [_record(r) for r in db.execute(sql + " ORDER BY id", params).fetchall()]


def raw_package(db: Database, import_id: int) -> bytes:
    """The signed file as it was received (to check it again, or to save it)."""
    row = db.execute("SELECT raw FROM package_imports WHERE id = ?", [import_id]).fetchone()
    if row is None:
        raise ReviewError("review.unknown_import", id=import_id)
    return bytes(row[0])


def _items(db: Database, import_id: int) -> list[tuple[Value, str | None, str, Value | None, int]]:
    rows = db.execute(
        "SELECT incoming, decision, reason, previous, applied FROM package_items "
        "WHERE import_id = ? ORDER BY period, indicator, unit_uid",
        [import_id],
    ).fetchall()
    out = []
    for incoming, decision, reason, previous, applied in rows:
        value = load_value(incoming)
        assert value is not None
        out.append(
            (
                value,
                str(decision) if decision else None,
                str(reason),
                load_value(previous),
                int(applied),
            )
        )
    return out


def review(db: Database, import_id: int) -> Review:
    """The review of a received package as things stand now."""
    record = get_import(db, import_id)
    stored = _items(db, import_id)
    compared = compare(db, record.sender_uid, [v for v, *_ in stored])
    items = [
        ReviewItem(c.incoming, c.current, c.last_sent, c.verdict, decision, reason)
        for c, (_, decision, reason, _, _) in zip(compared, stored, strict=True)
    ]
    docs = [
        document_from_dict(json.loads(str(r[0])))
        for r in db.execute(
            "SELECT document FROM package_documents WHERE import_id = ? ORDER BY period",
            [import_id],
        ).fetchall()
    ]
    return Review(
        record.id,
        record.package_id,
        record.sender_uid,
        record.sequence,
        record.created_at,
        record.periods,
        record.state,
        items,
        docs,
        received_at=record.received_at,
        reason=record.reason,
    )


# -- deciding ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Decided:
    import_id: int
    state: State
    accepted: int
    rejected: int
    written: int  # figures actually changed


def decide(
    db: Database,
    import_id: int,
    *,
    user: str,
    reject: Mapping[ItemKey, str] | None = None,
    token: str | None = None,
    take_documents: bool = True,
) -> Decided:
    """Accept the package's values except those in ``reject`` (key → reason); all or
    nothing. With ``token`` (from the review shown), refuse if anything changed since."""
    reject = dict(reject or {})
    record = get_import(db, import_id)
    if record.state is not State.PENDING:
        raise ReviewError("review.not_pending", id=import_id, state=record.state.label)
    current = review(db, import_id)
    if token is not None and token != current.token:
        raise ReviewError("review.stale")
    keys = {item.key for item in current.items}
    for key, reason in reject.items():
        if key not in keys:
            raise ReviewError("review.unknown_item", key=key_text(key))
        if not clean(reason):
            raise ReviewError("review.need_reason", key=key_text(key))
    ref = f"package:{record.package_id}"
    accepted = [item for item in current.items if item.key not in reject]
    to_write = [item for item in accepted if item.verdict is not Verdict.UNCHANGED]
    with db.atomic():
        apply_values(db, [i.incoming for i in to_write], how=How.PACKAGE, user=user, ref=ref)
        written = {i.key for i in to_write}
        for item in current.items:
            rejected = item.key in reject
            db.execute(
                "UPDATE package_items SET decision = ?, reason = ?, previous = ?, applied = ? "
                "WHERE import_id = ? AND indicator = ? AND unit_uid = ? AND period = ?",
                [
                    "rejected" if rejected else "accepted",
                    clean(reject.get(item.key, "")),
                    dump_value(item.current),
                    int(item.key in written),
                    import_id,
                    *item.key,
                ],
            )
        if accepted and take_documents:
            _take_documents(db, import_id)
        state = decided_state(len(current.items), len(reject))
        db.execute(
            "UPDATE package_imports SET state = ?, decided_at = ?, decided_by = ? WHERE id = ?",
            [state.value, now_text(), user, import_id],
        )
        log_event(
            db,
            "package_decided",
            user,
            {
                "state": state.value,
                "accepted": len(accepted),
                "rejected": {key_text(k): clean(r) for k, r in sorted(reject.items())},
            },
            unit_uid=record.sender_uid,
            ref=ref,
        )
    return Decided(import_id, state, len(accepted), len(reject), len(to_write))


def _take_documents(db: Database, import_id: int) -> None:
    """The ward's narrative replaces the district's copy of it, which is kept for rollback."""
    rows = db.execute(
        "SELECT period, document FROM package_documents WHERE import_id = ?", [import_id]
    ).fetchall()
    for period, text in rows:
        doc = document_from_dict(json.loads(str(text)))
        previous = load_document(db, doc.unit_uid, doc.period)
        db.execute(
            "UPDATE package_documents SET previous = ?, applied = 1 WHERE import_id = ? AND "
            "period = ?",
            [
                json.dumps(document_to_dict(previous), ensure_ascii=False) if previous else None,
                import_id,
                period,
            ],
        )
        save_document(db, doc)


def mark_returned(
    db: Database,
    import_id: int,
    reason: str,
    *,
    user: str,
    notes: Mapping[ItemKey, str] | None = None,
) -> ImportRecord:
    """Send a pending package back to its ward, unapplied, with a reason (and optionally a
    reason per value). The file for the ward is written by ``exchange``."""
    record = get_import(db, import_id)
    if record.state is not State.PENDING:
        raise ReviewError("review.not_pending", id=import_id, state=record.state.label)
    reason = clean(reason)
    if not reason:
        raise ReviewError("review.need_reason", key=record.package_id)
    with db.atomic():
        for key, note in (notes or {}).items():
            db.execute(
                "UPDATE package_items SET reason = ? WHERE import_id = ? AND indicator = ? AND "
                "unit_uid = ? AND period = ?",
                [clean(note), import_id, *key],
            )
        db.execute(
            "UPDATE package_imports SET state = 'returned', reason = ?, decided_at = ?, "
            "decided_by = ? WHERE id = ?",
            [reason, now_text(), user, import_id],
        )
        log_event(
            db,
            "package_returned",
            user,
            {"reason": reason, "notes": {key_text(k): v for k, v in sorted((notes or {}).items())}},
            unit_uid=record.sender_uid,
            ref=f"package:{record.package_id}",
        )
    return get_import(db, import_id)


def item_reasons(db: Database, import_id: int) -> dict[ItemKey, str]:
    """Reasons recorded against single values (rejected or returned)."""
    rows = db.execute(
        "SELECT indicator, unit_uid, period, reason FROM package_items WHERE import_id = ? "
        "AND reason != ''",
        [import_id],
    ).fetchall()
    return {(str(i), str(u), str(p)): str(r) for i, u, p, r in rows}


# -- rolling back ------------------------------------------------------------------------


def rollback(db: Database, import_id: int, *, user: str, reason: str = "") -> int:
    """Put back exactly what an accepted package replaced; returns how many figures.

    Refused, with nothing changed, if any of those figures was changed after the package
    was accepted: undoing it would silently overwrite that later change."""
    record = get_import(db, import_id)
    if record.state not in (State.ACCEPTED, State.PARTLY_ACCEPTED):
        raise ReviewError("review.not_accepted", id=import_id, state=record.state.label)
    applied = [(v, prev) for v, _, _, prev, done in _items(db, import_id) if done]
    changed = [
        v
        for v, _ in applied
        if (now := get_value(db, v.indicator, v.unit_uid, v.period)) is None
        or not same_value(now, v)
    ]
    if changed:
        raise ReviewError(
            "review.changed_since", count=len(changed), key=key_text(item_key(changed[0]))
        )
    ref = f"package:{record.package_id}"
    with db.atomic():
        apply_values(
            db,
            [prev for _, prev in applied if prev is not None],
            how=How.ROLLED_BACK,
            user=user,
            ref=ref,
        )
        for value, prev in applied:
            if prev is None:
                delete_value(
                    db,
                    value.indicator,
                    value.unit_uid,
                    value.period,
                    how=How.ROLLED_BACK,
                    user=user,
                    ref=ref,
                )
        for period, previous in db.execute(
            "SELECT period, previous FROM package_documents WHERE import_id = ? AND applied = 1",
            [import_id],
        ).fetchall():
            if previous is None:
                delete_document(db, record.sender_uid, parse_period(str(period)))
            else:
                save_document(db, document_from_dict(json.loads(str(previous))))
        db.execute(
            "UPDATE package_imports SET state = 'rolled_back', rolled_back_at = ?, "
            "rolled_back_by = ? WHERE id = ?",
            [now_text(), user, import_id],
        )
        log_event(
            db,
            "package_rolled_back",
            user,
            {"reason": clean(reason), "values": len(applied)},
            unit_uid=record.sender_uid,
            ref=ref,
        )
    return len(applied)

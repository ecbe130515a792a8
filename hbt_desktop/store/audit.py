"""The audit trail: every change of a figure or a base, and every act that locks, unlocks,
trusts or decides, appended to one hash-chained log.

Each row holds who, when, how ("typed", "pasted", "imported", "undone", "rolled_back",
"package" …), the cell it concerns, and the state before and after as canonical JSON
(``None`` = no figure). Each row's ``hash`` is SHA-256 of the previous row's hash and the
row's own canonical content (its id included), so that editing, deleting or reordering a
row breaks the chain from there on: :func:`verify_audit` finds it. SQLite triggers refuse
UPDATE and DELETE on the table (defence in depth: a determined editor can drop them, the
chain still tells). :func:`verify_audit` also replays the chain against the figures held
now: a figure changed behind the log's back, or the newest rows cut off, shows up as a
figure that does not match its last logged state.

Rows are written by ``store.writes`` in the same transaction as the change they record,
so a change without its record (or the reverse) cannot be committed.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from json.encoder import encode_basestring

from sqlite_utils import Database

from hbt_desktop.core.periods import Period
from hbt_desktop.core.values import Base, Value, decode, encode
from hbt_desktop.store.values import all_bases, all_values

GENESIS = "0" * 64


class How:
    """How a change was made; free text is allowed, these are the ones the program uses."""

    TYPED = "typed"
    PASTED = "pasted"
    IMPORTED = "imported"
    UNDONE = "undone"
    ROLLED_BACK = "rolled_back"
    PACKAGE = "package"
    ENTRY_SHEET = "entry_sheet"
    BASELINE = "baseline"  # a figure that existed before the log did (migration 0002)
    EVENT = "event"


def value_state(value: Value | None) -> str | None:
    """A figure as canonical JSON (exact amount as integer and scale); None = no figure.

    Written out by hand (it runs for every figure of an import): the text is exactly
    ``json.dumps(state, ensure_ascii=False, sort_keys=True, separators=(",", ":"))``,
    which tests/store/test_audit.py checks.
    """
    if value is None:
        return None
    num, scale = encode(value.amount, value.decimals)
    qualifier = "null" if value.qualifier is None else _text(value.qualifier)
    return (
        f'{{"comment":{_text(value.comment)},"num":"{num}","qualifier":{qualifier},'
        f'"scale":{scale},"status":{_text(value.status.value)}}}'
    )


def base_state(base: Base | None) -> str | None:
    if base is None:
        return None
    num, scale = encode(base.amount, base.decimals)
    return f'{{"comment":{_text(base.comment)},"num":"{num}","scale":{scale}}}'


_text = encode_basestring  # a JSON string, non-ASCII kept as is (ensure_ascii=False)


def _canonical(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _json_list(items: Sequence[object]) -> str:
    """``json.dumps(items, ensure_ascii=False, separators=(",", ":"))`` for a flat list of
    text, integers and None, without building an encoder per row."""
    parts = []
    for item in items:
        if item is None:
            parts.append("null")
        elif isinstance(item, str):
            parts.append(_text(item))
        elif isinstance(item, int) and not isinstance(item, bool):
            parts.append(str(item))
        else:
            parts.append(_canonical(item))
    return "[" + ",".join(parts) + "]"


def _stamp(moment: datetime | None = None) -> str:
    # Microseconds: two changes within a second keep their order in a cell's history.
    return (moment or datetime.now(UTC)).astimezone(UTC).isoformat()


@dataclass(frozen=True)
class Entry:
    """One row to append; ``record`` is "value", "base" or "event"."""

    record: str
    how: str
    user: str
    indicator: str = ""
    unit_uid: str = ""
    period: str = ""
    kind: str = ""  # the kind of base, or the name of an event
    old: str | None = None
    new: str | None = None
    ref: str = ""  # what the change belongs to: a package import, an approval …


_FIELDS = (
    "at",
    "user",
    "how",
    "record",
    "indicator",
    "unit_uid",
    "period",
    "kind",
    "old",
    "new",
    "ref",
)


def row_hash(prev_hash: str, row_id: int, fields: Sequence[object]) -> str:
    """The chain's rule (format v1): SHA-256 over the previous hash, then the row."""
    content = _json_list(["v1", row_id, *fields])
    return hashlib.sha256(f"{prev_hash}\n{content}".encode()).hexdigest()


def _head(db: Database) -> tuple[int, str]:
    row = db.execute("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    return (int(row[0]), str(row[1])) if row else (0, GENESIS)


def head_hash(db: Database) -> str:
    """The newest row's hash ("" for an empty log): what a package records of its sender's
    log, so that a later copy of that log can be matched with what was sent."""
    found = _head(db)
    return "" if found[0] == 0 else found[1]


def append(db: Database, entries: Iterable[Entry], *, at: datetime | None = None) -> int:
    """Append ``entries`` to the chain; the caller holds the transaction. Returns the count."""
    last_id, last_hash = _head(db)
    stamp = _stamp(at)
    rows = []
    for entry in entries:
        last_id += 1
        fields = (
            stamp,
            entry.user,
            entry.how,
            entry.record,
            entry.indicator,
            entry.unit_uid,
            entry.period,
            entry.kind,
            entry.old,
            entry.new,
            entry.ref,
        )
        last_hash_new = row_hash(last_hash, last_id, fields)
        rows.append((last_id, *fields, last_hash, last_hash_new))
        last_hash = last_hash_new
    if rows:
        db.conn.executemany(
            f"INSERT INTO audit_log (id, {', '.join(_FIELDS)}, prev_hash, hash) "
            f"VALUES ({', '.join('?' for _ in range(len(_FIELDS) + 3))})",
            rows,
        )
    return len(rows)


def log_event(
    db: Database,
    name: str,
    user: str,
    details: dict[str, object],
    *,
    unit_uid: str = "",
    period: str = "",
    ref: str = "",
) -> None:
    """Record an act that is not a change of a figure (an approval, a trusted key …)."""
    append(
        db,
        [
            Entry(
                "event",
                How.EVENT,
                user,
                unit_uid=unit_uid,
                period=period,
                kind=name,
                new=_canonical(details),
                ref=ref,
            )
        ],
    )


# -- reading ------------------------------------------------------------------------------


@dataclass(frozen=True)
class HistoryEntry:
    """One change of a cell, for the history shown beside it."""

    id: int
    at: datetime
    user: str
    how: str
    old: dict[str, object] | None
    new: dict[str, object] | None
    ref: str

    @property
    def old_amount(self) -> str | None:
        return _amount_text(self.old)

    @property
    def new_amount(self) -> str | None:
        return _amount_text(self.new)


def _amount_text(state: dict[str, object] | None) -> str | None:
    """The amount of a logged state as exact machine text ("4115081000000", "12.30")."""
    if state is None:
        return None
    return format(decode(int(str(state["num"])), int(str(state["scale"]))), "f")


def _load(text: object) -> dict[str, object] | None:
    if text is None:
        return None
    loaded = json.loads(str(text))
    assert isinstance(loaded, dict)
    return loaded


def cell_history(
    db: Database, indicator: str, unit_uid: str, period: Period, *, kind: str = ""
) -> list[HistoryEntry]:
    """Every logged change of one figure (or, with ``kind``, one base), oldest first."""
    rows = db.execute(
        "SELECT id, at, user, how, old, new, ref FROM audit_log WHERE unit_uid = ? AND "
        "period = ? AND indicator = ? AND record = ? AND kind = ? ORDER BY id",
        [unit_uid, period.id, indicator, "base" if kind else "value", kind],
    ).fetchall()
    return [
        HistoryEntry(
            int(i), datetime.fromisoformat(str(at)), str(u), str(h), _load(o), _load(n), str(r)
        )
        for i, at, u, h, o, n, r in rows
    ]


@dataclass(frozen=True)
class Event:
    id: int
    at: datetime
    user: str
    name: str
    unit_uid: str
    period: str
    details: dict[str, object]
    ref: str


def events(db: Database, *, name: str | None = None, unit_uid: str | None = None) -> list[Event]:
    """Logged acts (approvals, unlocks, decisions …), oldest first."""
    sql = "SELECT id, at, user, kind, unit_uid, period, new, ref FROM audit_log WHERE record = ?"
    params: list[object] = ["event"]
    if name is not None:
        sql += " AND kind = ?"
        params.append(name)
    if unit_uid is not None:
        sql += " AND unit_uid = ?"
        params.append(unit_uid)
    rows = db.execute(sql + " ORDER BY id", params).fetchall()
    return [
        Event(
            int(i),
            datetime.fromisoformat(str(at)),
            str(u),
            str(k),
            str(unit),
            str(p),
            _load(n) or {},
            str(r),
        )
        for i, at, u, k, unit, p, n, r in rows
    ]


# -- verifying ----------------------------------------------------------------------------


@dataclass
class AuditReport:
    """What :func:`verify_audit` found; ``ok`` when the chain and the figures agree."""

    rows: int = 0
    problems: list[str] = field(default_factory=list)
    first_bad_id: int | None = None

    @property
    def ok(self) -> bool:
        return not self.problems


MAX_PROBLEMS = 20


def verify_audit(db: Database) -> AuditReport:
    """Recompute the chain from the first row and compare the log with the stored figures."""
    report = AuditReport()
    expected_prev = GENESIS
    expected_id = 0
    last_state: dict[tuple[str, str, str, str, str], str | None] = {}
    cursor = db.execute(
        f"SELECT id, {', '.join(_FIELDS)}, prev_hash, hash FROM audit_log ORDER BY rowid"
    )
    for row in cursor:
        report.rows += 1
        row_id, *fields = row[: len(_FIELDS) + 1]
        prev_hash, stored_hash = str(row[-2]), str(row[-1])
        expected_id += 1
        if row_id != expected_id:
            _problem(report, int(row_id), f"row {row_id} is out of place (expected {expected_id})")
            expected_id = int(row_id)
        if prev_hash != expected_prev:
            _problem(report, int(row_id), f"row {row_id} does not follow the row before it")
        if row_hash(prev_hash, int(row_id), fields) != stored_hash:
            _problem(report, int(row_id), f"row {row_id} was changed after it was written")
        expected_prev = stored_hash
        record, indicator, unit, period, kind = (str(f) for f in fields[3:8])
        if record in ("value", "base"):
            last_state[(record, indicator, unit, period, kind)] = (
                None if fields[9] is None else str(fields[9])
            )
    _compare_with_figures(db, report, last_state)
    return report


def _problem(report: AuditReport, row_id: int | None, text: str) -> None:
    if report.first_bad_id is None and row_id is not None:
        report.first_bad_id = row_id
    if len(report.problems) < MAX_PROBLEMS:
        report.problems.append(text)


def _compare_with_figures(
    db: Database,
    report: AuditReport,
    logged: dict[tuple[str, str, str, str, str], str | None],
) -> None:
    held: dict[tuple[str, str, str, str, str], str | None] = {}
    for v in all_values(db):
        held[("value", v.indicator, v.unit_uid, v.period.id, "")] = value_state(v)
    for b in all_bases(db):
        held[("base", b.indicator, b.unit_uid, b.period.id, b.kind)] = base_state(b)
    for key in sorted(set(held) | {k for k, state in logged.items() if state is not None}):
        if held.get(key) != logged.get(key):
            record, indicator, unit, period, kind = key
            what = f"{indicator} {unit} {period}" + (f" {kind}" if kind else "")
            _problem(report, None, f"{record} {what} differs from its last logged change")

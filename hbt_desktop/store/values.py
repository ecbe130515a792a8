"""Reading and writing figures (values) and bases.

Every change of a stored figure goes through :func:`write_value`, :func:`delete_value`,
:func:`apply_values`, :func:`write_base` or :func:`delete_base`, each one transaction, so
that there is a single place where history is recorded and where a change can be refused:
each change appends its row to the audit log (``store.audit``: who, when, old → new,
``how``) in the same transaction, and a change is refused (``store.guard``) when the
workstation is a ward office and the figure is another unit's, or when an approval has
locked the unit's period.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal

from sqlite_utils import Database

from hbt_desktop.core.periods import Period, parse_period
from hbt_desktop.core.values import Base, Status, Value, decode, encode, same_base, same_value
from hbt_desktop.store import audit
from hbt_desktop.store.guard import Guard


def now_utc() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def _ts(moment: datetime | None) -> str:
    return (moment or now_utc()).astimezone(UTC).isoformat()


def _parse_ts(text: str) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


_VALUE_COLUMNS = (
    "indicator, unit_uid, period, num, scale, status, qualifier, comment, updated_by, updated_at"
)


def _value_from_row(row: Sequence[object]) -> Value:
    indicator, unit_uid, period, num, scale, status, qualifier, comment, by, at = row
    return Value(
        indicator=str(indicator),
        unit_uid=str(unit_uid),
        period=parse_period(str(period)),
        amount=decode(int(num), int(scale)),  # type: ignore[call-overload]
        decimals=int(scale),  # type: ignore[call-overload]
        status=Status(str(status)),
        qualifier=str(qualifier) if qualifier else None,
        comment=str(comment),
        updated_by=str(by),
        updated_at=_parse_ts(str(at)),
    )


def get_value(db: Database, indicator: str, unit_uid: str, period: Period) -> Value | None:
    row = db.execute(
        f"SELECT {_VALUE_COLUMNS} FROM figure_values "
        "WHERE indicator = ? AND unit_uid = ? AND period = ?",
        [indicator, unit_uid, period.id],
    ).fetchone()
    return _value_from_row(row) if row else None


def values_for_units(
    db: Database, indicator: str, unit_uids: Sequence[str], period: Period
) -> dict[str, Value]:
    if not unit_uids:
        return {}
    marks = ", ".join("?" for _ in unit_uids)
    rows = db.execute(
        f"SELECT {_VALUE_COLUMNS} FROM figure_values "
        f"WHERE indicator = ? AND period = ? AND unit_uid IN ({marks})",
        [indicator, period.id, *unit_uids],
    ).fetchall()
    return {str(r[1]): _value_from_row(r) for r in rows}


def values_for(db: Database, unit_uid: str, period: Period) -> dict[str, Value]:
    """Every value of one unit and period, by indicator code."""
    rows = db.execute(
        f"SELECT {_VALUE_COLUMNS} FROM figure_values WHERE unit_uid = ? AND period = ?",
        [unit_uid, period.id],
    ).fetchall()
    return {str(r[0]): _value_from_row(r) for r in rows}


def values_in_year(db: Database, unit_uid: str, year: int) -> list[Value]:
    """Every value of one unit whose period lies in ``year`` (ids start with the year)."""
    rows = db.execute(
        f"SELECT {_VALUE_COLUMNS} FROM figure_values WHERE unit_uid = ? AND period LIKE ?",
        [unit_uid, f"{year:04d}%"],
    ).fetchall()
    return [_value_from_row(r) for r in rows]


def indicators_with_values(db: Database, unit_uids: Sequence[str], period: Period) -> set[str]:
    """Codes of the indicators for which any of ``unit_uids`` has a value in ``period``."""
    if not unit_uids:
        return set()
    marks = ", ".join("?" for _ in unit_uids)
    rows = db.execute(
        f"SELECT DISTINCT indicator FROM figure_values WHERE period = ? AND unit_uid IN ({marks})",
        [period.id, *unit_uids],
    ).fetchall()
    return {str(r[0]) for r in rows}


def all_values(db: Database) -> list[Value]:
    rows = db.execute(
        f"SELECT {_VALUE_COLUMNS} FROM figure_values ORDER BY period, unit_uid, indicator"
    ).fetchall()
    return [_value_from_row(r) for r in rows]


_UPSERT = (
    "INSERT INTO figure_values (indicator, unit_uid, period, num, scale, status, "
    "qualifier, comment, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
    "ON CONFLICT(indicator, unit_uid, period) DO UPDATE SET num=excluded.num, "
    "scale=excluded.scale, status=excluded.status, qualifier=excluded.qualifier, "
    "comment=excluded.comment, updated_by=excluded.updated_by, "
    "updated_at=excluded.updated_at"
)


def _value_entry(
    how: str, user: str | None, ref: str, key: Value, old: Value | None, new: Value | None
) -> audit.Entry:
    return audit.Entry(
        "value",
        how,
        user if user is not None else (new or old or key).updated_by,
        key.indicator,
        key.unit_uid,
        key.period.id,
        old=audit.value_state(old),
        new=audit.value_state(new),
        ref=ref,
    )


def write_value(
    db: Database,
    value: Value,
    *,
    how: str = audit.How.TYPED,
    user: str | None = None,
    ref: str = "",
) -> Value | None:
    """Store ``value`` (insert or replace the figure of its key); returns the previous one.

    Writing the same figure again changes nothing, not even its timestamp, so that
    re-importing a file is a no-op. The change is logged as ``how`` by ``user`` (default:
    the value's ``updated_by``); it is refused if the workstation may not change it.
    """
    num, scale = encode(value.amount, value.decimals)
    with db.atomic():
        previous = get_value(db, value.indicator, value.unit_uid, value.period)
        if previous is not None and same_value(previous, value):
            return previous
        Guard.load(db).check(value.unit_uid, value.period)
        audit.append(db, [_value_entry(how, user, ref, value, previous, value)])
        db.execute(
            _UPSERT,
            [
                value.indicator,
                value.unit_uid,
                value.period.id,
                num,
                scale,
                value.status.value,
                value.qualifier,
                value.comment,
                value.updated_by,
                _ts(value.updated_at),
            ],
        )
    return previous


def delete_value(
    db: Database,
    indicator: str,
    unit_uid: str,
    period: Period,
    *,
    how: str = audit.How.TYPED,
    user: str | None = None,
    ref: str = "",
) -> Value | None:
    with db.atomic():
        previous = get_value(db, indicator, unit_uid, period)
        if previous is not None:
            Guard.load(db).check(unit_uid, period)
            audit.append(db, [_value_entry(how, user, ref, previous, previous, None)])
            db.execute(
                "DELETE FROM figure_values WHERE indicator = ? AND unit_uid = ? AND period = ?",
                [indicator, unit_uid, period.id],
            )
    return previous


@dataclass(frozen=True)
class ValueChange:
    previous: Value | None
    value: Value
    changed: bool


_CHUNK = 500  # below SQLite's limit on bound parameters


def _stored_for(db: Database, values: Sequence[Value]) -> dict[tuple[str, str, str], Value]:
    """The stored figures for the keys of ``values``, read a period at a time."""
    wanted: dict[str, set[str]] = {}
    for v in values:
        wanted.setdefault(v.period.id, set()).add(v.indicator)
    found: dict[tuple[str, str, str], Value] = {}
    for period, indicators in wanted.items():
        codes = sorted(indicators)
        for start in range(0, len(codes), _CHUNK):
            chunk = codes[start : start + _CHUNK]
            marks = ", ".join("?" for _ in chunk)
            for row in db.execute(
                f"SELECT {_VALUE_COLUMNS} FROM figure_values "
                f"WHERE period = ? AND indicator IN ({marks})",
                [period, *chunk],
            ).fetchall():
                found[(str(row[0]), str(row[1]), str(row[2]))] = _value_from_row(row)
    return found


def apply_values(
    db: Database,
    values: Sequence[Value],
    *,
    how: str = audit.How.IMPORTED,
    user: str | None = None,
    ref: str = "",
) -> list[ValueChange]:
    """Store many values in one transaction (all or nothing), skipping unchanged ones.

    The batch form of :func:`write_value` for imports: existing figures are read a
    period at a time and changes written with one executemany, instead of two queries
    and a statement per value. Returns, for each input, what it replaced and whether it
    changed anything. A key given twice keeps the last value.
    """
    changes: list[ValueChange] = []
    stamps: dict[datetime | None, str] = {}  # a file's rows mostly share a few timestamps
    with db.atomic():
        guard = Guard.load(db)
        stored = _stored_for(db, values)
        rows = []
        entries = []
        for value in values:
            key = (value.indicator, value.unit_uid, value.period.id)
            previous = stored.get(key)
            changed = previous is None or not same_value(previous, value)
            changes.append(ValueChange(previous, value, changed))
            if changed:
                guard.check(value.unit_uid, value.period)
                entries.append(_value_entry(how, user, ref, value, previous, value))
                stored[key] = value
                num, scale = encode(value.amount, value.decimals)
                stamp = stamps.get(value.updated_at)
                if stamp is None:
                    stamp = stamps[value.updated_at] = _ts(value.updated_at)
                rows.append(
                    (
                        value.indicator,
                        value.unit_uid,
                        value.period.id,
                        num,
                        scale,
                        value.status.value,
                        value.qualifier,
                        value.comment,
                        value.updated_by,
                        stamp,
                    )
                )
        audit.append(db, entries)
        db.conn.executemany(_UPSERT, rows)
    return changes


def write_values(
    db: Database,
    values: Iterable[Value],
    *,
    how: str = audit.How.IMPORTED,
    user: str | None = None,
    ref: str = "",
) -> int:
    """Store many values in one transaction (all or nothing); returns how many changed."""
    changes = apply_values(db, list(values), how=how, user=user, ref=ref)
    return sum(change.changed for change in changes)


_BASE_COLUMNS = "indicator, unit_uid, period, kind, num, scale, comment, updated_by, updated_at"


def _base_from_row(row: Sequence[object]) -> Base:
    indicator, unit_uid, period, kind, num, scale, comment, by, at = row
    return Base(
        indicator=str(indicator),
        unit_uid=str(unit_uid),
        period=parse_period(str(period)),
        kind=str(kind),
        amount=decode(int(num), int(scale)),  # type: ignore[call-overload]
        decimals=int(scale),  # type: ignore[call-overload]
        comment=str(comment),
        updated_by=str(by),
        updated_at=_parse_ts(str(at)),
    )


def get_base(db: Database, indicator: str, unit_uid: str, period: Period, kind: str) -> Base | None:
    row = db.execute(
        f"SELECT {_BASE_COLUMNS} FROM bases "
        "WHERE indicator = ? AND unit_uid = ? AND period = ? AND kind = ?",
        [indicator, unit_uid, period.id, kind],
    ).fetchone()
    return _base_from_row(row) if row else None


def bases_for(db: Database, unit_uid: str, period: Period) -> list[Base]:
    rows = db.execute(
        f"SELECT {_BASE_COLUMNS} FROM bases WHERE unit_uid = ? AND period = ? ORDER BY indicator, kind",
        [unit_uid, period.id],
    ).fetchall()
    return [_base_from_row(r) for r in rows]


def all_bases(db: Database) -> list[Base]:
    rows = db.execute(
        f"SELECT {_BASE_COLUMNS} FROM bases ORDER BY period, unit_uid, indicator, kind"
    ).fetchall()
    return [_base_from_row(r) for r in rows]


def _base_entry(
    how: str, user: str | None, ref: str, key: Base, old: Base | None, new: Base | None
) -> audit.Entry:
    return audit.Entry(
        "base",
        how,
        user if user is not None else (new or old or key).updated_by,
        key.indicator,
        key.unit_uid,
        key.period.id,
        key.kind,
        old=audit.base_state(old),
        new=audit.base_state(new),
        ref=ref,
    )


def write_base(
    db: Database,
    base: Base,
    *,
    how: str = audit.How.TYPED,
    user: str | None = None,
    ref: str = "",
) -> Base | None:
    num, scale = encode(base.amount, base.decimals)
    with db.atomic():
        previous = get_base(db, base.indicator, base.unit_uid, base.period, base.kind)
        if previous is not None and same_base(previous, base):
            return previous
        Guard.load(db).check(base.unit_uid, base.period)
        audit.append(db, [_base_entry(how, user, ref, base, previous, base)])
        db.execute(
            "INSERT INTO bases (indicator, unit_uid, period, kind, num, scale, comment, "
            "updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(indicator, unit_uid, period, kind) DO UPDATE SET num=excluded.num, "
            "scale=excluded.scale, comment=excluded.comment, updated_by=excluded.updated_by, "
            "updated_at=excluded.updated_at",
            [
                base.indicator,
                base.unit_uid,
                base.period.id,
                base.kind,
                num,
                scale,
                base.comment,
                base.updated_by,
                _ts(base.updated_at),
            ],
        )
    return previous


def delete_base(
    db: Database,
    indicator: str,
    unit_uid: str,
    period: Period,
    kind: str,
    *,
    how: str = audit.How.TYPED,
    user: str | None = None,
    ref: str = "",
) -> Base | None:
    with db.atomic():
        previous = get_base(db, indicator, unit_uid, period, kind)
        if previous is not None:
            Guard.load(db).check(unit_uid, period)
            audit.append(db, [_base_entry(how, user, ref, previous, previous, None)])
            db.execute(
                "DELETE FROM bases WHERE indicator = ? AND unit_uid = ? AND period = ? AND kind = ?",
                [indicator, unit_uid, period.id, kind],
            )
    return previous


@dataclass(frozen=True)
class PeriodTotal:
    indicator: str
    amount: Decimal
    count: int  # how many units contributed


def period_totals(db: Database, unit_uids: Sequence[str], period: Period) -> dict[str, PeriodTotal]:
    """Sum of every indicator over ``unit_uids`` for one period, exactly.

    SQLite sums the integers of each scale; the scales are combined in Decimal here, so
    no float ever touches a figure.
    """
    if not unit_uids:
        return {}
    marks = ", ".join("?" for _ in unit_uids)
    totals: dict[str, tuple[Decimal, int]] = {}
    for indicator, scale, total, count in db.execute(
        "SELECT indicator, scale, SUM(num), COUNT(*) FROM figure_values "
        f"WHERE period = ? AND unit_uid IN ({marks}) GROUP BY indicator, scale",
        [period.id, *unit_uids],
    ).fetchall():
        amount, n = totals.get(indicator, (Decimal(0), 0))
        totals[indicator] = (amount + decode(int(total), int(scale)), n + int(count))
    return {code: PeriodTotal(code, amount, n) for code, (amount, n) in totals.items()}


def periods_with_data(db: Database) -> list[Period]:
    ids = {
        row[0]
        for table in ("figure_values", "bases", "documents")
        for row in db.execute(f"SELECT DISTINCT period FROM {table}").fetchall()
    }
    return sorted(parse_period(pid) for pid in ids)

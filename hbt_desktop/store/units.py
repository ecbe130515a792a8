"""Reading and writing organisation units and their merger links."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from sqlite_utils import Database

from hbt_desktop.core.units import OrgUnit, Portion, Predecessor, UnitKind, UnitTree


def _date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def load_units(db: Database) -> UnitTree:
    links: dict[str, list[Predecessor]] = {}
    for succ, pred, portion, share in db.execute(
        "SELECT successor_uid, predecessor_uid, portion, share FROM unit_links "
        "ORDER BY successor_uid, predecessor_uid"
    ).fetchall():
        links.setdefault(succ, []).append(
            Predecessor(pred, Portion(portion), Decimal(share) if share else None)
        )
    units = [
        OrgUnit(
            uid=uid,
            code=code,
            name=name,
            kind=UnitKind(kind),
            level=level,
            parent_uid=parent,
            valid_from=_date(vfrom),
            valid_to=_date(vto),
            predecessors=tuple(links.get(uid, ())),
            note=note,
        )
        for uid, code, name, kind, level, parent, vfrom, vto, note in db.execute(
            "SELECT uid, code, name, kind, level, parent_uid, valid_from, valid_to, note FROM units"
        ).fetchall()
    ]
    return UnitTree({u.uid: u for u in units})


def has_units(db: Database) -> bool:
    return db.execute("SELECT 1 FROM units LIMIT 1").fetchone() is not None


def save_units(db: Database, units: Iterable[OrgUnit]) -> int:
    """Insert or update units and replace their predecessor links, in one transaction.

    The whole set is validated as a tree together with what is already stored before
    anything is written.
    """
    incoming = list(units)
    merged = load_units(db).units
    merged.update({u.uid: u for u in incoming})
    UnitTree(merged).validate()
    # Parents first, so the foreign key on parent_uid holds row by row.
    order = _parents_first(incoming, merged)
    with db.atomic():
        for unit in order:
            db.execute(
                "INSERT INTO units (uid, code, name, kind, level, parent_uid, valid_from, "
                "valid_to, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT(uid) DO UPDATE SET code=excluded.code, name=excluded.name, "
                "kind=excluded.kind, level=excluded.level, parent_uid=excluded.parent_uid, "
                "valid_from=excluded.valid_from, valid_to=excluded.valid_to, note=excluded.note",
                [
                    unit.uid,
                    unit.code,
                    unit.name,
                    unit.kind.value,
                    unit.level,
                    unit.parent_uid,
                    _iso(unit.valid_from),
                    _iso(unit.valid_to),
                    unit.note,
                ],
            )
        for unit in order:
            db.execute("DELETE FROM unit_links WHERE successor_uid = ?", [unit.uid])
            for pred in unit.predecessors:
                db.execute(
                    "INSERT INTO unit_links (successor_uid, predecessor_uid, portion, share) "
                    "VALUES (?, ?, ?, ?)",
                    [
                        unit.uid,
                        pred.uid,
                        pred.portion.value,
                        str(pred.share) if pred.share else None,
                    ],
                )
    return len(order)


def _parents_first(units: list[OrgUnit], everything: dict[str, OrgUnit]) -> list[OrgUnit]:
    def depth(unit: OrgUnit) -> int:
        n = 0
        while unit.parent_uid and unit.parent_uid in everything and n < 50:
            unit = everything[unit.parent_uid]
            n += 1
        return n

    return sorted(units, key=depth)

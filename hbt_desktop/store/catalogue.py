"""Reading and writing the indicator catalogue (sectors, indicators, kinds of base)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlite_utils import Database

from hbt_desktop.core.catalogue import (
    Aggregation,
    BaseKind,
    Catalogue,
    Comparison,
    Indicator,
    IndicatorKind,
    Sector,
)
from hbt_desktop.core.errors import InputError
from hbt_desktop.core.money import MoneyStyle


def _date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def load_catalogue(db: Database) -> Catalogue:
    cat = Catalogue()
    for code, name, position, retired in db.execute(
        "SELECT code, name, position, retired_from FROM sectors"
    ).fetchall():
        cat.sectors[code] = Sector(code, name, position, _date(retired))
    for code, name, short, assigner, position, retired in db.execute(
        "SELECT code, name, short, assigner, position, retired_from FROM base_kinds"
    ).fetchall():
        cat.base_kinds[code] = BaseKind(code, name, short, assigner, position, _date(retired))
    for row in db.execute(
        "SELECT code, name, sector, kind, unit_label, decimals, pct_decimals, aggregation, "
        "comparisons, money_style, position, description, retired_from FROM indicators"
    ).fetchall():
        (code, name, sector, kind, label, decimals, pct, agg, comps, style, pos, desc, ret) = row
        cat.indicators[code] = Indicator(
            code=code,
            name=name,
            sector=sector,
            kind=IndicatorKind(kind),
            unit_label=label,
            decimals=decimals,
            pct_decimals=pct,
            aggregation=Aggregation(agg),
            comparisons=frozenset(Comparison(c) for c in comps.split()),
            money_style=MoneyStyle(style),
            position=pos,
            description=desc,
            retired_from=_date(ret),
        )
    return cat


def _has_values(db: Database, indicator: str) -> bool:
    return any(
        db.execute(f"SELECT 1 FROM {table} WHERE indicator = ? LIMIT 1", [indicator]).fetchone()
        for table in ("figure_values", "bases")
    )


def save_catalogue(
    db: Database,
    *,
    sectors: Iterable[Sector] = (),
    indicators: Iterable[Indicator] = (),
    base_kinds: Iterable[BaseKind] = (),
) -> tuple[int, int, int]:
    """Insert or update catalogue entries in one transaction; all or nothing.

    Indicators may name sectors given in the same call or already stored.
    """
    sectors, indicators, base_kinds = list(sectors), list(indicators), list(base_kinds)
    stored = load_catalogue(db)
    known_sectors = set(stored.sectors) | {s.code for s in sectors}
    for ind in indicators:
        if ind.sector not in known_sectors:
            raise InputError("catalogue.unknown_sector", code=ind.code, sector=ind.sector)
        old = stored.indicators.get(ind.code)
        # Stored figures were read and scaled for the old kind (money is integer đồng,
        # a rate is a percentage): reinterpreting them would print wrong numbers.
        if old is not None and old.kind is not ind.kind and _has_values(db, ind.code):
            raise InputError(
                "catalogue.kind_change", code=ind.code, old=old.kind.value, new=ind.kind.value
            )
    with db.atomic():
        for s in sectors:
            db.execute(
                "INSERT INTO sectors (code, name, position, retired_from) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(code) DO UPDATE SET name=excluded.name, position=excluded.position, "
                "retired_from=excluded.retired_from",
                [s.code, s.name, s.position, _iso(s.retired_from)],
            )
        for b in base_kinds:
            db.execute(
                "INSERT INTO base_kinds (code, name, short, assigner, position, retired_from) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(code) DO UPDATE SET name=excluded.name, "
                "short=excluded.short, assigner=excluded.assigner, position=excluded.position, "
                "retired_from=excluded.retired_from",
                [b.code, b.name, b.short, b.assigner, b.position, _iso(b.retired_from)],
            )
        for i in indicators:
            db.execute(
                "INSERT INTO indicators (code, name, sector, kind, unit_label, decimals, "
                "pct_decimals, aggregation, comparisons, money_style, position, description, "
                "retired_from) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT(code) DO UPDATE SET name=excluded.name, sector=excluded.sector, "
                "kind=excluded.kind, unit_label=excluded.unit_label, decimals=excluded.decimals, "
                "pct_decimals=excluded.pct_decimals, aggregation=excluded.aggregation, "
                "comparisons=excluded.comparisons, money_style=excluded.money_style, "
                "position=excluded.position, description=excluded.description, "
                "retired_from=excluded.retired_from",
                [
                    i.code,
                    i.name,
                    i.sector,
                    i.kind.value,
                    i.unit_label,
                    i.decimals,
                    i.pct_decimals,
                    i.aggregation.value,
                    " ".join(sorted(c.value for c in i.comparisons)),
                    i.money_style.value,
                    i.position,
                    i.description,
                    _iso(i.retired_from),
                ],
            )
    return len(sectors), len(indicators), len(base_kinds)

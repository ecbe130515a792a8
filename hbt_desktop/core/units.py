"""Organisation units: an effective-dated tree of city, districts and wards.

Vietnam's units change: wards are merged (2020, 2025), the district level was abolished
on 1 July 2025, and statistics-office codes are reused for different units (00292 was
Quỳnh Lôi, then Bạch Mai). So a unit is identified by a stable ``uid`` chosen when it is
recorded, never by its code; it has a validity interval; and a unit made by a merger
lists its predecessors, wholly or in part, so "the same period last year" can be found
from their records, which are kept.

Everything here is data: adding a unit or recording a merger is a row in a file or a
form in the program, not a code change.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum

from hbt_desktop.core.errors import DataError, InputError
from hbt_desktop.core.text import clean, sort_key


class UnitKind(StrEnum):
    """Kinds of unit, written as in Vietnamese (the word is printed before the name)."""

    TINH = "tỉnh"
    THANH_PHO = "thành phố"
    QUAN = "quận"
    HUYEN = "huyện"
    THI_XA = "thị xã"
    PHUONG = "phường"
    XA = "xã"
    THI_TRAN = "thị trấn"
    DAC_KHU = "đặc khu"


class Portion(StrEnum):
    WHOLE = "whole"  # the predecessor's whole territory went into this unit
    PART = "part"  # only part of it did


@dataclass(frozen=True)
class Predecessor:
    uid: str
    portion: Portion = Portion.WHOLE
    # For a part: the fraction (0 < share ≤ 1) of the predecessor's figures to attribute
    # to this unit when comparing with earlier periods, if the office has decided one.
    share: Decimal | None = None


@dataclass(frozen=True)
class OrgUnit:
    uid: str
    code: str  # statistics-office code; may be reused by a later unit
    name: str  # without the kind: "Nguyễn Du"
    kind: UnitKind
    level: int  # 1 province/city, 2 district, 3 commune/ward
    parent_uid: str | None = None
    valid_from: date | None = None  # None = since before records
    valid_to: date | None = None  # inclusive last day; None = still in force
    predecessors: tuple[Predecessor, ...] = ()
    note: str = ""

    @property
    def full_name(self) -> str:
        """ "phường Nguyễn Du", "quận Hai Bà Trưng", "thành phố Hà Nội"."""
        return f"{self.kind.value} {self.name}"

    @property
    def title_name(self) -> str:
        """Capitalised for the start of a line: "Phường Nguyễn Du"."""
        full = self.full_name
        return full[:1].upper() + full[1:]

    def valid_on(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )

    def overlaps(self, start: date, end: date) -> bool:
        """True when the unit existed on at least one day of [start, end]."""
        return (self.valid_from is None or self.valid_from <= end) and (
            self.valid_to is None or start <= self.valid_to
        )


def make_unit(
    *,
    uid: str,
    code: str,
    name: str,
    kind: str,
    level: int,
    parent_uid: str | None = None,
    valid_from: date | None = None,
    valid_to: date | None = None,
    predecessors: Iterable[Predecessor] = (),
    note: str = "",
) -> OrgUnit:
    """Build a unit from outside data, normalising text and checking each field."""
    uid, code, name = clean(uid), clean(code), clean(name)
    for field_name, value in (("uid", uid), ("code", code), ("name", name)):
        if not value:
            raise InputError("unit.missing_field", field=field_name)
    try:
        unit_kind = UnitKind(clean(kind).lower())
    except ValueError:
        raise InputError(
            "unit.bad_kind", kind=kind, allowed=", ".join(k.value for k in UnitKind)
        ) from None
    if not 1 <= level <= 5:
        raise InputError("unit.bad_level", name=name, level=level, field="level")
    if valid_from and valid_to and valid_to < valid_from:
        raise InputError("unit.bad_interval", name=name, valid_from=valid_from, valid_to=valid_to)
    preds = tuple(predecessors)
    for pred in preds:
        if pred.share is not None and not (Decimal(0) < pred.share <= Decimal(1)):
            raise InputError("unit.bad_share", share=pred.share)
    return OrgUnit(
        uid=uid,
        code=code,
        name=name,
        kind=unit_kind,
        level=level,
        parent_uid=clean(parent_uid) if parent_uid else None,
        valid_from=valid_from,
        valid_to=valid_to,
        predecessors=preds,
        note=clean(note),
    )


@dataclass
class UnitTree:
    """All units ever recorded, with queries that respect validity dates."""

    units: dict[str, OrgUnit] = field(default_factory=dict)

    @classmethod
    def of(cls, units: Iterable[OrgUnit]) -> UnitTree:
        tree = cls({u.uid: u for u in units})
        tree.validate()
        return tree

    def validate(self) -> None:
        for unit in self.units.values():
            if unit.parent_uid is not None and unit.parent_uid not in self.units:
                raise InputError("unit.unknown_parent", name=unit.name, parent=unit.parent_uid)
            for pred in unit.predecessors:
                if pred.uid not in self.units:
                    raise InputError(
                        "unit.unknown_predecessor", name=unit.name, predecessor=pred.uid
                    )
        for unit in self.units.values():
            seen: set[str] = set()
            current: OrgUnit | None = unit
            while current is not None:
                if current.uid in seen:
                    raise InputError("unit.cycle", uid=current.uid)
                seen.add(current.uid)
                current = self.units.get(current.parent_uid) if current.parent_uid else None

    def __iter__(self) -> Iterator[OrgUnit]:
        return iter(self.units.values())

    def __len__(self) -> int:
        return len(self.units)

    def get(self, uid: str) -> OrgUnit:
        try:
            return self.units[uid]
        except KeyError:
            raise DataError("unit.unknown", code=uid, when="") from None

    def sorted(self, units: Iterable[OrgUnit]) -> list[OrgUnit]:
        """Vietnamese alphabetical order of names (codes break ties)."""
        return sorted(units, key=lambda u: (sort_key(u.name), u.code))

    def children(self, uid: str, start: date, end: date | None = None) -> list[OrgUnit]:
        """Direct children that existed during [start, end], ordered by code.

        Bulletins list wards in the statistics office's code order, which is also the
        order the district's own tables use.
        """
        end = end or start
        kids = [u for u in self.units.values() if u.parent_uid == uid and u.overlaps(start, end)]
        return sorted(kids, key=lambda u: (u.code, u.uid))

    def valid_on(self, day: date) -> list[OrgUnit]:
        return [u for u in self.units.values() if u.valid_on(day)]

    def ancestors(self, uid: str) -> list[OrgUnit]:
        """Parent first, up to the root."""
        chain = []
        unit = self.get(uid)
        while unit.parent_uid is not None:
            unit = self.get(unit.parent_uid)
            chain.append(unit)
        return chain

    def by_code(self, code: str, on: date | None = None) -> OrgUnit:
        """The unit with statistics code (or uid) ``code``, valid on ``on`` if given.

        A code that several units carried is refused without a date rather than guessed.
        """
        code = clean(code)
        if code in self.units and on is None:
            return self.units[code]
        matches = [u for u in self.units.values() if code in (u.code, u.uid)]
        if on is not None:
            matches = [u for u in matches if u.valid_on(on)]
        if len(matches) == 1:
            return matches[0]
        if not matches:
            when = "" if on is None else f" ({on.isoformat()})"
            raise DataError("unit.unknown", code=code, when=when)
        raise DataError(
            "unit.code_ambiguous",
            code=code,
            names=", ".join(f"{u.full_name} {_interval(u)}" for u in self.sorted(matches)),
        )

    def successors(self, uid: str) -> list[OrgUnit]:
        return [u for u in self.units.values() if any(p.uid == uid for p in u.predecessors)]


def _interval(unit: OrgUnit) -> str:
    start = unit.valid_from.strftime("%d/%m/%Y") if unit.valid_from else "…"
    end = unit.valid_to.strftime("%d/%m/%Y") if unit.valid_to else "nay"
    return f"({start}–{end})"

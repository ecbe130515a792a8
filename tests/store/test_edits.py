"""Cell edits applied all or none, and undone exactly by the changes they return."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlite_utils import Database

from hbt_desktop.core.access import AccessError
from hbt_desktop.core.edits import BaseChange, BaseKey, Change, ValueChange, ValueKey
from hbt_desktop.core.periods import parse_period
from hbt_desktop.core.values import Base, Value, same_base, same_value
from hbt_desktop.store import audit
from hbt_desktop.store.audit import cell_history
from hbt_desktop.store.edits import apply_changes
from hbt_desktop.store.values import get_base, get_value
from hbt_desktop.store.workstation import StationRole, set_workstation
from hbt_desktop.store.writes import write_base, write_value
from tests.conftest import db_digest

Q1 = parse_period("2023Q1")
YEAR = parse_period("2023")
MONEY = "NS_THU_DIA_BAN"
KIND = "DT_TP_HDND_Q"


def _key(unit: str, code: str = "QS_GIAO_QUAN") -> ValueKey:
    return ValueKey(code, unit, Q1)


def _value(unit: str, amount: int, code: str = "QS_GIAO_QUAN") -> Value:
    return Value(code, unit, Q1, Decimal(amount), updated_by="t")


def _base(unit: str, amount: int) -> Base:
    return Base(MONEY, unit, YEAR, KIND, Decimal(amount), updated_by="t")


def _stored(db: Database, changes: list[Change]) -> list[Value | Base | None]:
    found: list[Value | Base | None] = []
    for change in changes:
        k = change.key
        if isinstance(k, BaseKey):
            found.append(get_base(db, k.indicator, k.unit_uid, k.period, k.kind))
        else:
            found.append(get_value(db, k.indicator, k.unit_uid, k.period))
    return found


def test_the_returned_changes_undo_exactly_what_was_stored(db: Database) -> None:
    write_value(db, _value("P00241", 5))
    write_base(db, _base("P00241", 1_000_000))
    changes: list[Change] = [
        ValueChange(_key("P00241"), _value("P00241", 7)),  # changed
        ValueChange(_key("P00244"), _value("P00244", 3)),  # new
        BaseChange(BaseKey(MONEY, "P00241", YEAR, KIND), None),  # removed
        ValueChange(_key("P00241"), _value("P00241", 9)),  # the same cell again
    ]
    before = _stored(db, changes)
    undo = apply_changes(db, changes, how=audit.How.PASTED, user="lan")
    assert [getattr(s, "amount", None) for s in _stored(db, changes)] == [9, 3, None, 9]
    redo = apply_changes(db, undo, how=audit.How.UNDONE, user="lan")
    after = _stored(db, changes)
    for old, now in zip(before, after, strict=True):
        if isinstance(old, Value):
            assert isinstance(now, Value) and same_value(old, now)
        elif isinstance(old, Base):
            assert isinstance(now, Base) and same_base(old, now)
        else:
            assert now is None
    assert [h.how for h in cell_history(db, "QS_GIAO_QUAN", "P00241", Q1)] == [
        "typed",
        "pasted",
        "pasted",
        "undone",  # back to 7, then to 5: in reverse order
        "undone",
    ]
    apply_changes(db, redo)
    assert [getattr(s, "amount", None) for s in _stored(db, changes)] == [9, 3, None, 9]


@pytest.mark.parametrize(
    "refused",
    [
        ValueChange(_key("P00244"), _value("P00244", 1)),
        ValueChange(_key("Q007"), None),
        BaseChange(BaseKey(MONEY, "Q007", YEAR, KIND), _base("Q007", 2)),
        BaseChange(BaseKey(MONEY, "Q007", YEAR, KIND), None),
    ],
    ids=["value", "value removed", "base", "base removed"],
)
def test_one_refused_change_stores_nothing_at_all(db: Database, refused: Change) -> None:
    write_value(db, _value("Q007", 4))
    write_base(db, _base("Q007", 2_000_000))
    set_workstation(db, StationRole.WARD, "P00241", station_id="s", public_key="k", by=None)
    before = db_digest(db)
    with pytest.raises(AccessError) as err:
        apply_changes(db, [ValueChange(_key("P00241"), _value("P00241", 1)), refused])
    assert err.value.key == "guard.other_unit"
    assert db_digest(db) == before

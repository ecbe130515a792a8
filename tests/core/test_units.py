from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from hbt_desktop.core.errors import DataError, InputError
from hbt_desktop.core.units import Portion, Predecessor, UnitKind, UnitTree, make_unit
from hbt_desktop.store.units import load_units, save_units
from tests.conftest import db_digest


def test_shipped_tree_has_18_wards_in_2023_and_15_in_early_2025(db) -> None:
    tree = load_units(db)
    assert len(tree.children("Q007", date(2023, 2, 28))) == 18
    assert len(tree.children("Q007", date(2025, 3, 1))) == 15
    assert tree.children("Q007", date(2025, 7, 1)) == []


def test_wards_come_in_statistics_code_order(db) -> None:
    names = [u.name for u in load_units(db).children("Q007", date(2023, 1, 1))]
    assert names[:3] == ["Nguyễn Du", "Bạch Đằng", "Phạm Đình Hổ"]
    assert names[-1] == "Trương Định"


def test_reused_code_is_resolved_by_date_and_refused_without_one(db) -> None:
    tree = load_units(db)
    assert tree.by_code("00292", date(2023, 1, 1)).name == "Quỳnh Lôi"
    assert tree.by_code("00292", date(2025, 2, 1)).uid == "P00292-2025"
    assert tree.by_code("00292", date(2026, 1, 1)).uid == "W00292-2025"
    with pytest.raises(DataError) as err:
        tree.by_code("00292")
    assert err.value.key == "unit.code_ambiguous"
    assert "Quỳnh Lôi" in err.value.message


def test_new_wards_of_2025_hang_under_the_city_with_their_predecessors(db) -> None:
    tree = load_units(db)
    hbt = tree.get("W00256-2025")
    assert hbt.parent_uid == "T01"
    assert hbt.full_name == "phường Hai Bà Trưng"
    whole = {p.uid for p in hbt.predecessors if p.portion is Portion.WHOLE}
    assert whole == {"P00259", "P00262"}  # Đồng Nhân, Phố Huế
    assert {u.uid for u in tree.successors("P00271")} == {"W00256-2025", "W00292-2025"}


def test_unknown_code_is_a_clear_refusal(db) -> None:
    with pytest.raises(DataError) as err:
        load_units(db).by_code("99999", date(2023, 1, 1))
    assert "99999" in err.value.message


@pytest.mark.parametrize(
    ("field", "kwargs", "key"),
    [
        ("name", {"name": "  "}, "unit.missing_field"),
        ("kind", {"kind": "làng"}, "unit.bad_kind"),
        (
            "interval",
            {"valid_from": date(2025, 1, 1), "valid_to": date(2024, 1, 1)},
            "unit.bad_interval",
        ),
    ],
)
def test_bad_units_are_refused(field: str, kwargs: dict[str, object], key: str) -> None:
    base: dict[str, object] = {
        "uid": "X1",
        "code": "X1",
        "name": "Thử",
        "kind": "phường",
        "level": 3,
    }
    base.update(kwargs)
    with pytest.raises(InputError) as err:
        make_unit(**base)  # type: ignore[arg-type]
    assert err.value.key == key


def test_share_of_a_part_must_be_a_fraction() -> None:
    with pytest.raises(InputError):
        make_unit(
            uid="X",
            code="X",
            name="X",
            kind="phường",
            level=3,
            predecessors=[Predecessor("P1", Portion.PART, Decimal("1.5"))],
        )


def test_a_merger_is_data(db) -> None:
    """Recording a new ward made of two old ones needs no code: save it and query it."""
    new = make_unit(
        uid="W-TEST",
        code="99001",
        name="Thử Nghiệm",
        kind="phường",
        level=3,
        parent_uid="T01",
        valid_from=date(2027, 1, 1),
        predecessors=[
            Predecessor("W00256-2025"),
            Predecessor("W00283-2025", Portion.PART, Decimal("0.25")),
        ],
    )
    save_units(db, [new])
    tree = load_units(db)
    assert tree.get("W-TEST").predecessors[1].share == Decimal("0.25")
    assert tree.by_code("99001", date(2027, 5, 1)).kind is UnitKind.PHUONG


def test_cycle_and_dangling_parent_are_refused_and_nothing_is_saved(db) -> None:

    before = db_digest(db)
    loop_a = make_unit(uid="A", code="A", name="A", kind="phường", level=3, parent_uid="B")
    loop_b = make_unit(uid="B", code="B", name="B", kind="phường", level=3, parent_uid="A")
    with pytest.raises(InputError) as err:
        save_units(db, [loop_a, loop_b])
    assert err.value.key == "unit.cycle"
    orphan = make_unit(uid="C", code="C", name="C", kind="phường", level=3, parent_uid="NOPE")
    with pytest.raises(InputError):
        save_units(db, [orphan])
    assert db_digest(db) == before


def test_tree_sorts_vietnamese_names() -> None:
    units = [
        make_unit(uid=n, code=n, name=n, kind="phường", level=3)
        for n in ["Đống Mác", "Bạch Mai", "Đồng Tâm", "Bách Khoa", "Cầu Dền"]
    ]
    names = [u.name for u in UnitTree.of(units).sorted(units)]
    assert names == ["Bách Khoa", "Bạch Mai", "Cầu Dền", "Đống Mác", "Đồng Tâm"]

"""The access rule without a database: own unit only on a ward office, approvals lock."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hbt_desktop.core.access import WARD, Access, AccessError, Lock
from hbt_desktop.core.periods import Period

AT = datetime(2025, 4, 2, 7, 30, tzinfo=UTC)
NAMES = {"W1": "phường Nguyễn Du", "W2": "phường Bạch Đằng", "QX": "quận Hai Bà Trưng"}


def label(uid: str) -> str:
    return NAMES.get(uid, uid)


def approval(unit: str, period: Period, covered: set[str], name: str = "Trần Lãnh") -> Lock:
    return Lock(1, unit, period, name, AT, frozenset(covered))


def test_a_ward_office_changes_its_own_unit_and_is_refused_any_other() -> None:
    access = Access.of_station(WARD, "W1", [])
    access.check("W1", Period.quarter(2025, 1), label)
    with pytest.raises(AccessError) as refused:
        access.check("W2", Period.quarter(2025, 1), label)
    assert refused.value.key == "guard.other_unit"
    assert "phường Nguyễn Du" in refused.value.message
    assert "phường Bạch Đằng" in refused.value.message


@pytest.mark.parametrize("role", ["district", None])
def test_the_district_and_a_workstation_never_set_up_change_every_unit(role: str | None) -> None:
    access = Access.of_station(role, "QX" if role else None, [])
    for uid in ("W1", "W2", "QX", "W00283-2026"):
        access.check(uid, Period.month(2026, 7), label)


@pytest.mark.parametrize("role", [WARD, "district", None])
def test_an_approval_locks_every_workstation_alike(role: str | None) -> None:
    lock = approval("QX", Period.year_of(2025), {"QX", "W1", "W2"})
    access = Access.of_station(role, "W1", [lock])
    with pytest.raises(AccessError) as refused:
        access.check("W1", Period.quarter(2025, 3), label)
    assert refused.value.key == "guard.locked"
    assert "Trần Lãnh" in refused.value.message
    assert "phường Nguyễn Du" in refused.value.message


def test_a_ward_office_is_told_it_is_not_its_unit_before_it_is_told_of_a_lock() -> None:
    lock = approval("QX", Period.year_of(2025), {"QX", "W1", "W2"})
    with pytest.raises(AccessError) as refused:
        Access.of_station(WARD, "W1", [lock]).check("W2", Period.quarter(2025, 1), label)
    assert refused.value.key == "guard.other_unit"


def test_an_unlabelled_unit_is_named_by_its_uid() -> None:
    with pytest.raises(AccessError) as refused:
        Access.of_station(WARD, "W1", []).check("W9-2026", Period.month(2026, 7))
    assert "W9-2026" in refused.value.message


periods = st.one_of(
    st.builds(Period.month, st.integers(2023, 2026), st.integers(1, 12)),
    st.builds(Period.quarter, st.integers(2023, 2026), st.integers(1, 4)),
    st.builds(Period.half, st.integers(2023, 2026), st.integers(1, 2)),
    st.builds(Period.first_months, st.integers(2023, 2026), st.integers(1, 12)),
    st.builds(Period.year_of, st.integers(2023, 2026)),
)
units = st.sampled_from(["QX", "W1", "W2", "W3"])


@given(periods, st.sets(units, min_size=1), units, periods)
def test_a_lock_refuses_exactly_the_covered_units_inside_its_dates(
    locked: Period, covered: set[str], unit: str, period: Period
) -> None:
    access = Access.of_station("district", "QX", [approval("QX", locked, covered)])
    inside = unit in covered and locked.start <= period.start and period.end <= locked.end
    try:
        access.check(unit, period, label)
    except AccessError as refused:
        assert inside, refused.message
        assert refused.key == "guard.locked"
    else:
        assert not inside


@given(units, units, periods)
def test_without_locks_only_the_ward_rule_refuses(own: str, unit: str, period: Period) -> None:
    access = Access.of_station(WARD, own, [])
    if unit == own:
        access.check(unit, period, label)
    else:
        with pytest.raises(AccessError):
            access.check(unit, period, label)

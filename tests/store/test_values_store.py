"""Storing figures exactly, and only once."""

from __future__ import annotations

import sqlite3
from decimal import Decimal

import pytest

from hbt_desktop.core.periods import parse_period
from hbt_desktop.core.values import Base, Status, Value
from hbt_desktop.store.values import (
    get_base,
    get_value,
    period_totals,
    periods_with_data,
    values_in_year,
)
from hbt_desktop.store.writes import delete_value, write_base, write_value, write_values
from tests.conftest import db_digest

P = parse_period("2023Q1")


def test_typed_precision_survives_storage(db) -> None:
    write_value(
        db, Value("CNXD_TANG_TRUONG", "Q007", P, Decimal("12.30"), 2, Status.UOC, comment="ước")
    )
    stored = get_value(db, "CNXD_TANG_TRUONG", "Q007", P)
    assert stored is not None
    assert (stored.amount, stored.decimals, stored.status, stored.comment) == (
        Decimal("12.30"),
        2,
        Status.UOC,
        "ước",
    )


def test_money_of_trillions_is_exact(db) -> None:
    write_value(db, Value("NS_THU_DIA_BAN", "Q007", P, Decimal(4_115_081_000_000)))
    assert get_value(db, "NS_THU_DIA_BAN", "Q007", P).amount == Decimal(4_115_081_000_000)  # type: ignore[union-attr]


def test_writing_the_same_figure_again_changes_nothing(db) -> None:
    value = Value("QS_GIAO_QUAN", "P00241", P, Decimal(12))
    assert write_value(db, value) is None
    before = db_digest(db)
    previous = write_value(
        db, Value("QS_GIAO_QUAN", "P00241", P, Decimal(12), updated_by="someone else")
    )
    assert previous is not None and previous.amount == 12
    assert db_digest(db) == before


def test_write_returns_the_previous_value_for_undo(db) -> None:
    write_value(db, Value("QS_GIAO_QUAN", "P00241", P, Decimal(12)))
    previous = write_value(db, Value("QS_GIAO_QUAN", "P00241", P, Decimal(13)))
    assert previous is not None and previous.amount == 12
    assert delete_value(db, "QS_GIAO_QUAN", "P00241", P).amount == 13  # type: ignore[union-attr]
    assert get_value(db, "QS_GIAO_QUAN", "P00241", P) is None


def test_batch_is_all_or_nothing(db) -> None:
    before = db_digest(db)
    good = Value("QS_GIAO_QUAN", "P00241", P, Decimal(12))
    bad = Value("NO_SUCH_INDICATOR", "P00241", P, Decimal(1))
    with pytest.raises(sqlite3.IntegrityError):  # foreign key: unknown indicator
        write_values(db, [good, bad])
    assert db_digest(db) == before


def test_period_totals_are_exact_across_scales(db) -> None:
    write_value(db, Value("VSMT_RAC_THAI", "P00241", P, Decimal("0.1"), 1))
    write_value(db, Value("VSMT_RAC_THAI", "P00244", P, Decimal("0.2"), 1))
    write_value(db, Value("VSMT_RAC_THAI", "P00247", P, Decimal("3"), 0))
    totals = period_totals(db, ["P00241", "P00244", "P00247"], P)
    assert totals["VSMT_RAC_THAI"].amount == Decimal("3.3")
    assert totals["VSMT_RAC_THAI"].count == 3


def test_bases_and_listing(db) -> None:
    year = parse_period("2023")
    write_base(db, Base("NS_THU_DIA_BAN", "Q007", year, "DT_TP", Decimal(12_140_000_000_000)))
    assert get_base(db, "NS_THU_DIA_BAN", "Q007", year, "DT_TP").amount == Decimal(
        12_140_000_000_000
    )  # type: ignore[union-attr]
    write_value(db, Value("QS_GIAO_QUAN", "Q007", P, Decimal(1)))
    assert periods_with_data(db) == [year, P] or set(periods_with_data(db)) == {year, P}
    assert [v.indicator for v in values_in_year(db, "Q007", 2023)] == ["QS_GIAO_QUAN"]
    assert values_in_year(db, "Q007", 2022) == []

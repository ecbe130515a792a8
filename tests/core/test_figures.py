"""Where a printed figure comes from: entered, sum of wards, predecessors."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hbt_desktop.core.figures import Origin, resolve, resolve_base
from hbt_desktop.core.periods import parse_period
from hbt_desktop.core.units import Portion, Predecessor, make_unit
from hbt_desktop.core.values import Base, Status, Value
from hbt_desktop.store.source import StoreSource
from hbt_desktop.store.units import load_units, save_units
from hbt_desktop.store.writes import write_base, write_value

P = parse_period("2023YTD02")


def _wards(db) -> list[str]:  # type: ignore[no-untyped-def]
    return [u.uid for u in load_units(db).children("Q007", date(2023, 1, 1), date(2023, 2, 28))]


def _put(db, indicator: str, uid: str, amount: str, period=P, status=Status.THUC_HIEN) -> None:  # type: ignore[no-untyped-def]
    write_value(db, Value(indicator, uid, period, Decimal(amount), 0, status))


def test_district_total_is_the_sum_of_all_wards_and_says_so(db) -> None:
    for i, uid in enumerate(_wards(db)):
        _put(db, "QS_GIAO_QUAN", uid, str(10 + i))
    figure = resolve(StoreSource(db), "QS_GIAO_QUAN", "Q007", P)
    assert figure.origin is Origin.SUM
    assert figure.amount == sum(Decimal(10 + i) for i in range(18))
    assert len(figure.contributors) == 18 and figure.missing == ()


def test_a_missing_ward_makes_the_total_missing_not_smaller(db) -> None:
    wards = _wards(db)
    for uid in wards[:-1]:
        _put(db, "QS_GIAO_QUAN", uid, "10")
    figure = resolve(StoreSource(db), "QS_GIAO_QUAN", "Q007", P)
    assert figure.amount is None
    assert figure.missing == (wards[-1],)


def test_entered_district_figure_wins_and_a_difference_is_reported(db) -> None:
    for uid in _wards(db):
        _put(db, "QS_GIAO_QUAN", uid, "10")
    _put(db, "QS_GIAO_QUAN", "Q007", "175")
    figure = resolve(StoreSource(db), "QS_GIAO_QUAN", "Q007", P)
    assert figure.origin is Origin.ENTERED and figure.amount == 175
    assert figure.mismatch == Decimal(-5)


def test_rates_are_never_summed(db) -> None:
    for uid in _wards(db):
        _put(db, "CCHC_HO_SO_DUNG_HAN", uid, "98")
    assert not resolve(StoreSource(db), "CCHC_HO_SO_DUNG_HAN", "Q007", P).available


def test_sum_status_is_the_weakest_of_its_parts(db) -> None:
    wards = _wards(db)
    for uid in wards:
        _put(
            db, "QS_GIAO_QUAN", uid, "1", status=Status.UOC if uid == wards[3] else Status.THUC_HIEN
        )
    assert resolve(StoreSource(db), "QS_GIAO_QUAN", "Q007", P).status is Status.UOC


def test_last_year_of_a_merged_ward_comes_from_its_predecessors(db) -> None:
    """Vĩnh Tuy (2025) = parts of old Vĩnh Tuy and Thanh Lương; with shares recorded,
    its 2024 figure is computed and carries a note for the footnote."""
    old = parse_period("2024Q1")
    _put(db, "ASXH_QUA_TET_SUAT", "P00283", "400", period=old)
    _put(db, "ASXH_QUA_TET_SUAT", "P00268", "300", period=old)
    src = StoreSource(db)
    assert resolve(src, "ASXH_QUA_TET_SUAT", "W00283-2025", old).missing  # shares unknown
    unit = load_units(db).get("W00283-2025")
    save_units(
        db,
        [
            make_unit(
                uid=unit.uid,
                code=unit.code,
                name=unit.name,
                kind=unit.kind.value,
                level=unit.level,
                parent_uid=unit.parent_uid,
                valid_from=unit.valid_from,
                predecessors=[
                    Predecessor("P00283", Portion.PART, Decimal("0.5")),
                    Predecessor("P00268", Portion.PART, Decimal("0.2")),
                ],
            )
        ],
    )
    figure = resolve(StoreSource(db), "ASXH_QUA_TET_SUAT", "W00283-2025", old)
    assert figure.origin is Origin.PREDECESSORS
    assert figure.amount == Decimal("260.0")
    assert "Vĩnh Tuy" in figure.note and "Thanh Lương" in figure.note


def test_a_yearly_base_applies_to_every_part_of_the_year(demo_db) -> None:
    src = StoreSource(demo_db)
    base = resolve_base(
        src, "NS_THU_DIA_BAN", "Q007", parse_period("2023YTD02@20230215"), "DT_TP_HDND_Q"
    )
    assert base is not None and base.amount == Decimal(12_140_000_000_000)
    assert (
        resolve_base(src, "NS_THU_DIA_BAN", "Q007", parse_period("2024Q1"), "DT_TP_HDND_Q") is None
    )


def test_a_base_of_the_period_itself_beats_the_years(demo_db) -> None:
    q1 = parse_period("2023Q1")
    write_base(
        demo_db, Base("NS_THU_DIA_BAN", "Q007", q1, "DT_TP_HDND_Q", Decimal(5_000_000_000_000))
    )
    base = resolve_base(StoreSource(demo_db), "NS_THU_DIA_BAN", "Q007", q1, "DT_TP_HDND_Q")
    assert base is not None and base.amount == Decimal(5_000_000_000_000)

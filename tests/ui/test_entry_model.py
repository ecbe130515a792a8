"""The entry grid's item model, tested without a view: rows, cells, flags, saving."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt

from hbt_desktop.core.periods import parse_period
from hbt_desktop.core.values import Status
from hbt_desktop.exchange.seed import open_app_database
from hbt_desktop.store.values import get_base, get_value
from hbt_desktop.ui.entry import grid_model
from hbt_desktop.ui.entry.entry_model import Col, EntryModel
from hbt_desktop.ui.session import Session

CUTOFF = parse_period("2023YTD02@20230215")


def _model(path: Path, period: str = "2023YTD02@20230215") -> tuple[Session, EntryModel]:
    session = Session(open_app_database(path), path)
    session.select(period=parse_period(period), unit_uid="Q007")
    model = EntryModel(session)
    model.reload()
    return session, model


def cells(model: EntryModel, code: str) -> dict[Col, str]:
    row = model.row_of(code)
    return {col: model.index(row, col).data() for col in Col}


def test_rows_are_the_catalogue_in_order_and_filter_by_sector(demo_path: Path) -> None:
    session, model = _model(demo_path)
    cat = session.source.catalogue
    assert model.total_rows() == len(cat.indicators)
    assert model.row_id(0) == "KTXH_CHI_TIEU_HT"  # the first sector's first indicator
    session.select(sector="NS_THU")
    model.reload()
    assert [model.row_id(r) for r in range(model.rowCount())] == [
        "NS_THU_DIA_BAN",
        "NS_THU_THUE_PHI",
        "NS_THU_TIEN_DAT",
    ]


def test_rows_are_fetched_lazily(demo_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(grid_model, "BATCH", 8)
    _, model = _model(demo_path)
    assert model.rowCount() == 8
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 16
    model.ensure_rows(1000)
    assert model.rowCount() == model.total_rows()
    assert not model.canFetchMore(QModelIndex())


def test_cells_show_figures_as_printed_with_derived_percentages(demo_path: Path) -> None:
    _, model = _model(demo_path)
    row = cells(model, "NS_THU_DIA_BAN")
    assert row[Col.VALUE] == "4.115 tỷ 081 triệu đồng"
    assert row[Col.STATUS] == "thực hiện"
    assert row[Col.BASE_KIND] == "dự toán TP và HĐND quận giao"
    kind = model.index(model.row_of("NS_THU_DIA_BAN"), Col.BASE_KIND)
    assert "UBND thành phố" in kind.data(Qt.ItemDataRole.ToolTipRole)  # who assigned it
    assert row[Col.BASE] == "12.140 tỷ đồng"
    assert row[Col.PREVIOUS] == "2.588 tỷ 420 triệu đồng"
    assert (row[Col.SHARE], row[Col.GROWTH], row[Col.INDEX]) == ("34%", "59%", "159%")
    # What the editor opens with reads back to the same figure when typed.
    index = model.index(model.row_of("NS_THU_DIA_BAN"), Col.VALUE)
    assert index.data(Qt.ItemDataRole.EditRole) == "4115 tỷ 081 triệu"


def test_growth_indicator_has_no_derived_columns(demo_path: Path) -> None:
    _, model = _model(demo_path, "2023YTD02")
    row = cells(model, "TMDV_TANG_TRUONG")
    assert row[Col.VALUE] == "11,7%"
    assert row[Col.STATUS] == "ước thực hiện"
    assert (row[Col.SHARE], row[Col.GROWTH], row[Col.INDEX]) == ("–", "–", "–")


def test_flags_computed_columns_are_read_only(demo_path: Path) -> None:
    _, model = _model(demo_path)
    editable = Qt.ItemFlag.ItemIsEditable
    for col in Col:
        flags = model.flags(model.index(0, col))
        expected = col not in (Col.NAME, Col.UNIT, Col.SHARE, Col.GROWTH, Col.INDEX, Col.CHECK)
        assert bool(flags & editable) == expected, col


def test_set_data_saves_through_the_store_and_recomputes(demo_path: Path) -> None:
    session, model = _model(demo_path)
    row = model.row_of("NS_THU_DIA_BAN")
    assert model.setData(model.index(row, Col.VALUE), "6070 tỷ")
    stored = get_value(session.db, "NS_THU_DIA_BAN", "Q007", CUTOFF)
    assert stored is not None and stored.amount == Decimal(6_070_000_000_000)
    assert stored.status is Status.THUC_HIEN  # status kept
    # Share of 12.140 tỷ: exactly 50%; growth recomputed from the same row.
    assert cells(model, "NS_THU_DIA_BAN")[Col.SHARE] == "50%"
    assert model.setData(model.index(row, Col.STATUS), "uoc")
    assert get_value(session.db, "NS_THU_DIA_BAN", "Q007", CUTOFF).status is Status.UOC  # type: ignore[union-attr]
    assert model.setData(model.index(row, Col.QUALIFIER), "tren")
    assert cells(model, "NS_THU_DIA_BAN")[Col.QUALIFIER] == "trên"
    # A base written for the year, of the kind shown in the row.
    assert model.setData(model.index(row, Col.BASE), "12140 tỷ 500 triệu")
    base = get_base(session.db, "NS_THU_DIA_BAN", "Q007", parse_period("2023"), "DT_TP_HDND_Q")
    assert base is not None and base.amount == Decimal(12_140_500_000_000)


def test_base_kind_is_chosen_by_typing_its_name_without_accents(demo_path: Path) -> None:
    session, model = _model(demo_path, "2023Q1")
    row = model.row_of("NS_CHI_TONG")
    assert cells(model, "NS_CHI_TONG")[Col.BASE_KIND] == ""
    assert model.setData(model.index(row, Col.BASE_KIND), "ke hoach von")
    assert cells(model, "NS_CHI_TONG")[Col.BASE_KIND].startswith("kế hoạch vốn")
    assert model.setData(model.index(row, Col.BASE), "500 tỷ")
    base = get_base(session.db, "NS_CHI_TONG", "Q007", parse_period("2023"), "KH_VON")
    assert base is not None and base.amount == Decimal(500_000_000_000)


def test_status_before_a_figure_is_refused_with_a_reason(demo_path: Path) -> None:
    _, model = _model(demo_path)
    index = model.index(model.row_of("NS_CHI_TONG"), Col.STATUS)
    assert not model.setData(index, "ước")
    refusal = model.refusal(index)
    assert refusal is not None and "Hãy nhập số liệu trước" in refusal.message


def test_plausibility_warning_is_shown_but_the_figure_is_saved(demo_path: Path) -> None:
    session, model = _model(demo_path)
    row = model.row_of("NS_THU_DIA_BAN")
    # A slip of a unit: 411.508 tỷ instead of 4.115 tỷ, 160 times last year's figure.
    assert model.setData(model.index(row, Col.VALUE), "411508 tỷ")
    assert get_value(session.db, "NS_THU_DIA_BAN", "Q007", CUTOFF) is not None
    check = cells(model, "NS_THU_DIA_BAN")[Col.CHECK]
    assert "Khác xa số" in check and "2.588 tỷ 420 triệu đồng" in check
    background = model.index(row, Col.VALUE).data(Qt.ItemDataRole.BackgroundRole)
    assert background == grid_model.WARNING_BG


def test_search_ignores_accents_and_spans_sectors(demo_path: Path) -> None:
    session, model = _model(demo_path)
    session.select(sector="YTE")
    model.set_search("thu ngan sach")
    assert [model.row_id(r) for r in range(model.rowCount())] == ["NS_THU_DIA_BAN"]
    model.set_search("TIEM CHUNG")  # case and accents both ignored
    assert [model.row_id(r) for r in range(model.rowCount())] == ["YT_TIEM_CHUNG"]
    model.set_search("")
    assert {model.row_id(r) for r in range(model.rowCount())} == {
        "YT_TIEM_CHUNG",
        "YT_KHAM_BENH",
    }


def test_a_rate_over_100_percent_is_flagged_not_refused(demo_path: Path) -> None:
    session, model = _model(demo_path, "2023Q1")
    row = model.row_of("YT_TIEM_CHUNG")
    assert model.setData(model.index(row, Col.VALUE), "104,5")
    stored = get_value(session.db, "YT_TIEM_CHUNG", "Q007", parse_period("2023Q1"))
    assert stored is not None and stored.amount == Decimal("104.5")
    assert cells(model, "YT_TIEM_CHUNG")[Col.CHECK] == "Tỷ lệ 104,5% lớn hơn 100%."

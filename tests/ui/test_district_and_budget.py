"""The district view (wards beside the total, completeness) and the budget grid."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt

from hbt_desktop.core.periods import parse_period
from hbt_desktop.store.values import get_value
from hbt_desktop.ui.entry.district_model import FIRST_WARD, TOTAL
from hbt_desktop.ui.entry.grid_model import WARNING_BG

Y2M = parse_period("2023YTD02")


def _district(window: Any) -> Any:
    window.session.select(period=Y2M, unit_uid="Q007", sector="QPAN")
    window.go_to_tab(1)
    return window.district


def test_wards_are_columns_beside_the_district_total(window: Any) -> None:
    page = _district(window)
    model = page.district
    assert [w.code for w in model.wards][:3] == ["00241", "00244", "00247"]
    assert model.columnCount() == FIRST_WARD + 18
    assert model.header(FIRST_WARD) == "Nguyễn Du"
    assert model.header(TOTAL) == "Toàn quận"
    row = model.row_of("QS_GIAO_QUAN")
    total = model.index(row, TOTAL)
    assert total.data() == "215"  # the sum of the 18 wards, nobody typed it
    assert total.data(Qt.ItemDataRole.FontRole).italic()
    assert model.index(row, FIRST_WARD).data() == "12"
    # Only additive indicators: a rate cannot be summed over wards.
    window.session.select(sector=None)
    assert model.row_of("YT_TIEM_CHUNG") == -1
    assert model.row_of("TMDV_GTSX") >= 0


def test_completeness_per_ward(window: Any) -> None:
    page = _district(window)
    page.reload()
    completeness = page.completeness
    assert completeness.rowCount() == 18
    assert completeness.index(0, 1).data() == "3/3"
    assert completeness.index(0, 2).data() == "100%"
    # A ward starts reporting a new indicator: every other ward now lacks it.
    window.session.select(sector="GDDT")
    model = page.district
    row = model.row_of("GD_HSG_GIAI")
    assert model.setData(model.index(row, FIRST_WARD), "45")
    assert completeness.index(0, 1).data() == "4/4"
    assert completeness.index(1, 1).data() == "3/4"
    assert completeness.index(1, 2).data() == "75%"
    assert completeness.index(1, 3).data() == "Giải học sinh giỏi"
    total = model.index(row, TOTAL)
    assert total.data() == "thiếu 17"  # no district figure until every ward has one


def test_a_district_figure_unlike_its_wards_is_flagged_not_refused(window: Any) -> None:
    page = _district(window)
    model = page.district
    row = model.row_of("QS_GIAO_QUAN")
    assert model.setData(model.index(row, TOTAL), "220")
    stored = get_value(window.session.db, "QS_GIAO_QUAN", "Q007", Y2M)
    assert stored is not None and stored.amount == Decimal(220)
    total = model.index(row, TOTAL)
    assert total.data() == "220"
    assert total.data(Qt.ItemDataRole.BackgroundRole) == WARNING_BG
    assert "khác tổng các đơn vị trực thuộc (215 người)" in total.data(Qt.ItemDataRole.ToolTipRole)


def test_a_unit_without_wards_says_so(window: Any) -> None:
    page = _district(window)
    window.session.select(unit_uid="P00241")
    assert page.empty.isVisibleTo(page)
    assert page.district.rowCount() == 0


def test_budget_grid_compares_with_every_assigner(window: Any) -> None:
    window.session.select(period=parse_period("2023YTD02@20230215"), unit_uid="Q007")
    window.go_to_tab(2)
    model = window.budget.budget
    codes = [model.row_id(r) for r in range(model.rowCount())]
    assert codes[:3] == ["NS_THU_DIA_BAN", "NS_THU_THUE_PHI", "NS_THU_TIEN_DAT"]
    assert "DTC_GIAI_NGAN" in codes and "TMDV_GTSX" not in codes
    row = model.row_of("NS_THU_DIA_BAN")
    kinds = [k.code for k in model.kinds]
    column = 3 + kinds.index("DT_TP_HDND_Q")
    assert model.index(row, column).data() == "12.140 tỷ đồng · 34%"
    assert "UBND thành phố và HĐND quận" in model.header(column).replace("\n", " ")
    # A second assigner's base beside it; the share follows.
    tp = 3 + kinds.index("DT_TP")
    assert model.setData(model.index(row, tp), "8230 tỷ 162 triệu")
    assert model.index(row, tp).data() == "8.230 tỷ 162 triệu đồng · 50%"
    assert model.index(row, column).data() == "12.140 tỷ đồng · 34%"

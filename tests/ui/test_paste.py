"""Pasting a block copied from a spreadsheet (tab-separated) into the grids."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from hbt_desktop.core.periods import parse_period
from hbt_desktop.core.values import Status
from hbt_desktop.store.values import get_base, get_value
from hbt_desktop.ui.entry.entry_model import Col
from hbt_desktop.ui.entry.grid_model import REFUSED_BG
from hbt_desktop.ui.entry.paste import parse_tsv

from .keys import shortcut

Q1 = parse_period("2023Q1")


def _at(window: Any, sector: str, code: str, column: int) -> Any:
    window.session.select(period=Q1, unit_uid="Q007", sector=sector)
    page = window.entry
    window.go_to_tab(0)
    page.view.setCurrentIndex(page.model.index(page.model.row_of(code), column))
    page.view.setFocus()
    return page


def _paste(text: str) -> None:
    QGuiApplication.clipboard().setText(text)
    shortcut("Ctrl+V")


def _amount(window: Any, code: str) -> Decimal | None:
    value = get_value(window.session.db, code, "Q007", Q1)
    return None if value is None else value.amount


def test_tsv_parsing_handles_excel_quotes_and_the_last_line_break() -> None:
    assert parse_tsv('1.234\t"a\tb"\r\n5\t"say ""hi"""\r\n') == [
        ["1.234", "a\tb"],
        ["5", 'say "hi"'],
    ]
    assert parse_tsv("") == []


def test_block_with_vietnamese_formats(window: Any) -> None:
    page = _at(window, "NS_CHI", "NS_CHI_TONG", Col.VALUE)
    # Three rows × figure, status, qualifier, as Excel copies them from a Vietnamese sheet.
    _paste(
        "1.427.500.000.000\tước thực hiện\ttrên\n"
        "980.250.000.000\tthực hiện\t\n"
        "447.250.000.000\tdự kiến\tkhoảng\n"
    )
    assert _amount(window, "NS_CHI_TONG") == Decimal(1_427_500_000_000)
    assert _amount(window, "NS_CHI_DTPT") == Decimal(980_250_000_000)
    assert _amount(window, "NS_CHI_TX") == Decimal(447_250_000_000)
    chi = get_value(window.session.db, "NS_CHI_TONG", "Q007", Q1)
    assert chi.status is Status.UOC and chi.qualifier == "trên"
    assert get_value(window.session.db, "NS_CHI_TX", "Q007", Q1).status is Status.DU_KIEN
    assert "8" in page.message.text()  # eight non-empty cells pasted


def test_block_with_english_formats(window: Any) -> None:
    _at(window, "QLDT", "TTXD_VI_PHAM_MOI", Col.VALUE)
    # "1,204" alone could be either; "2,345.5" shows the sheet is English.
    _paste("12\r\n1,204\r\n2,345.5\r\n")
    assert _amount(window, "TTXD_VI_PHAM_MOI") == Decimal(12)
    assert _amount(window, "TTXD_XU_LY") == Decimal(1204)
    assert _amount(window, "VSMT_RAC_THAI") == Decimal("2345.5")


def test_block_without_evidence_refuses_ambiguous_cells(window: Any) -> None:
    page = _at(window, "QLDT", "TTXD_VI_PHAM_MOI", Col.VALUE)
    _paste("12\n4.115\n")
    assert _amount(window, "TTXD_VI_PHAM_MOI") is None  # all or nothing
    index = page.model.index(page.model.row_of("TTXD_XU_LY"), Col.VALUE)
    assert index.data(Qt.ItemDataRole.BackgroundRole) == REFUSED_BG


def test_a_refused_cell_stores_nothing_and_is_named(window: Any) -> None:
    page = _at(window, "NS_CHI", "NS_CHI_TONG", Col.VALUE)
    _paste("1427 tỷ\tước\n980 tỷ\tchắc chắn\n")
    assert _amount(window, "NS_CHI_TONG") is None
    assert _amount(window, "NS_CHI_DTPT") is None
    message = page.message.text()
    # One refused cell of four, named by row and column, with the reason.
    assert "1/4" in message and "dòng 2" in message and "«Tình trạng»" in message
    bad = page.model.index(page.model.row_of("NS_CHI_DTPT"), Col.STATUS)
    assert bad.data(Qt.ItemDataRole.BackgroundRole) == REFUSED_BG
    assert "chắc chắn" in bad.data(Qt.ItemDataRole.ToolTipRole)


def test_a_paste_is_one_undo_step(window: Any) -> None:
    _at(window, "NS_CHI", "NS_CHI_TONG", Col.VALUE)
    _paste("100 tỷ\n200 tỷ\n")
    assert _amount(window, "NS_CHI_DTPT") == Decimal(200_000_000_000)
    shortcut("Ctrl+Z")
    assert _amount(window, "NS_CHI_TONG") is None and _amount(window, "NS_CHI_DTPT") is None
    shortcut("Ctrl+Y")
    assert _amount(window, "NS_CHI_TONG") == Decimal(100_000_000_000)


def test_paste_into_the_budget_grid_with_bases_of_two_assigners(window: Any) -> None:
    window.session.select(period=Q1, unit_uid="Q007", sector=None)
    window.go_to_tab(2)
    page = window.budget
    model = page.model
    kinds = [k.code for k in model.kinds]
    row = model.row_of("DTC_GIAI_NGAN")
    first = 3 + kinds.index("DT_TP")
    page.view.setCurrentIndex(model.index(row, first))
    page.view.setFocus()
    _paste("1200 tỷ\t350 tỷ\n")  # dự toán TP giao, then dự toán HĐND quận giao
    year = parse_period("2023")
    tp = get_base(window.session.db, "DTC_GIAI_NGAN", "Q007", year, "DT_TP")
    hdnd = get_base(window.session.db, "DTC_GIAI_NGAN", "Q007", year, kinds[first - 3 + 1])
    assert tp is not None and tp.amount == Decimal(1_200_000_000_000)
    assert hdnd is not None and hdnd.amount == Decimal(350_000_000_000)

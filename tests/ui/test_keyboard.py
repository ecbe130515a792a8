"""Driving the entry grid with the keyboard only, as the issue lists it."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from hbt_desktop.core.periods import parse_period
from hbt_desktop.core.values import Status
from hbt_desktop.store.values import get_value
from hbt_desktop.ui.entry.entry_model import Col

from .keys import focus, press, shortcut, type_text

Y2M = parse_period("2023YTD02")


def _on_budget_rows(window: Any) -> Any:
    """The entry grid on "Chi ngân sách", period 2 tháng đầu năm 2023 (no figures yet)."""
    window.session.select(period=Y2M, unit_uid="Q007", sector="NS_CHI")
    page = window.entry
    window.go_to_tab(0)
    page.view.setCurrentIndex(page.model.index(0, Col.VALUE))
    page.view.setFocus()
    return page


def _value(window: Any, code: str) -> Any:
    return get_value(window.session.db, code, "Q007", Y2M)


def test_typing_starts_editing_and_enter_saves_and_moves_down(window: Any, qtbot: Any) -> None:
    page = _on_budget_rows(window)
    type_text("1250 tỷ")
    assert isinstance(focus(), QLineEdit)  # the first key opened the editor
    press(Qt.Key.Key_Return)
    assert _value(window, "NS_CHI_TONG").amount == Decimal(1_250_000_000_000)
    current = page.view.currentIndex()
    assert (current.row(), current.column()) == (1, Col.VALUE)
    assert page.view.state() != page.view.State.EditingState


def test_tab_and_shift_tab_move_between_typable_cells(window: Any) -> None:
    page = _on_budget_rows(window)
    type_text("900 tỷ")
    press(Qt.Key.Key_Tab)  # stores, then the status cell
    assert page.view.currentIndex().column() == Col.STATUS
    type_text("uoc")
    press(Qt.Key.Key_Tab)
    assert page.view.currentIndex().column() == Col.QUALIFIER
    press(Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert page.view.currentIndex().column() == Col.STATUS
    stored = _value(window, "NS_CHI_TONG")
    assert stored.amount == Decimal(900_000_000_000) and stored.status is Status.UOC
    # From the comment, the last typable column, Tab wraps to the next row's figure.
    page.view.setCurrentIndex(page.model.index(0, Col.COMMENT))
    press(Qt.Key.Key_Tab)
    assert (page.view.currentIndex().row(), page.view.currentIndex().column()) == (1, Col.VALUE)
    # Computed columns are skipped: from "same period last year" Tab goes to the comment.
    page.view.setCurrentIndex(page.model.index(0, Col.PREVIOUS))
    press(Qt.Key.Key_Tab)
    assert page.view.currentIndex().column() == Col.COMMENT
    # Scrolled to the comment, the row is still named under the grid.
    assert page.position.text() == "Tổng chi ngân sách · Ghi chú"


def test_arrows_move_and_escape_cancels(window: Any) -> None:
    page = _on_budget_rows(window)
    press(Qt.Key.Key_Down)
    press(Qt.Key.Key_Right)
    assert (page.view.currentIndex().row(), page.view.currentIndex().column()) == (1, Col.STATUS)
    press(Qt.Key.Key_Left)
    type_text("777")
    press(Qt.Key.Key_Escape)
    assert page.view.state() != page.view.State.EditingState
    assert _value(window, "NS_CHI_DTPT") is None  # nothing stored


def test_f2_edits_the_cell_as_it_is(window: Any) -> None:
    _on_budget_rows(window)
    type_text("12")
    press(Qt.Key.Key_Return)
    press(Qt.Key.Key_Up)
    press(Qt.Key.Key_F2)
    editor = focus()
    assert isinstance(editor, QLineEdit) and editor.text() == "12"
    type_text("5")  # F2 puts the cursor at the end: 12 becomes 125
    press(Qt.Key.Key_Return)
    assert _value(window, "NS_CHI_TONG").amount == Decimal(125)


def test_undo_and_redo_with_the_keyboard_across_saved_edits(window: Any) -> None:
    page = _on_budget_rows(window)
    type_text("100 tỷ")
    press(Qt.Key.Key_Return)
    press(Qt.Key.Key_Up)
    type_text("150 tỷ")
    press(Qt.Key.Key_Return)
    assert _value(window, "NS_CHI_TONG").amount == Decimal(150_000_000_000)
    shortcut("Ctrl+Z")
    assert _value(window, "NS_CHI_TONG").amount == Decimal(100_000_000_000)
    shortcut("Ctrl+Z")
    assert _value(window, "NS_CHI_TONG") is None  # back to no figure at all
    shortcut("Ctrl+Y")
    assert _value(window, "NS_CHI_TONG").amount == Decimal(100_000_000_000)
    shortcut("Ctrl+Y")
    assert _value(window, "NS_CHI_TONG").amount == Decimal(150_000_000_000)
    assert page.model.index(0, Col.VALUE).data() == "150 tỷ đồng"


def test_delete_key_empties_a_cell_and_can_be_undone(window: Any) -> None:
    _on_budget_rows(window)
    type_text("42 tỷ")
    press(Qt.Key.Key_Return)
    press(Qt.Key.Key_Up)
    press(Qt.Key.Key_Delete)
    assert _value(window, "NS_CHI_TONG") is None
    shortcut("Ctrl+Z")
    assert _value(window, "NS_CHI_TONG").amount == Decimal(42_000_000_000)


def test_ctrl_f_finds_an_indicator_and_enter_goes_to_the_grid(window: Any, qtbot: Any) -> None:
    page = _on_budget_rows(window)
    shortcut("Ctrl+F")
    assert focus() is page.search
    type_text("giai ngan")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.row_id(0) == "DTC_GIAI_NGAN"
    press(Qt.Key.Key_Return)
    assert focus() is page.view
    type_text("50 tỷ")
    press(Qt.Key.Key_Return)
    stored = get_value(window.session.db, "DTC_GIAI_NGAN", "Q007", Y2M)
    assert stored is not None and stored.amount == Decimal(50_000_000_000)


def test_tabs_are_reached_with_ctrl_and_a_number(window: Any) -> None:
    _on_budget_rows(window)
    shortcut("Ctrl+4")
    assert window.tabs.currentIndex() == 3
    shortcut("Ctrl+1")
    assert window.tabs.currentIndex() == 0
    assert QApplication.focusWidget() is window.entry.view

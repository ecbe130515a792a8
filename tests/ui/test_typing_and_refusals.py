"""Typing Vietnamese numbers and text into the grid, and a refused entry."""

from __future__ import annotations

import hashlib
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from hbt_desktop.core.access import StationRole
from hbt_desktop.core.periods import parse_period
from hbt_desktop.store.audit import cell_history
from hbt_desktop.store.values import get_value
from hbt_desktop.store.workstation import set_workstation
from hbt_desktop.ui.entry.entry_model import Col
from hbt_desktop.ui.entry.grid_model import REFUSED_BG
from tests.ui.keys import shortcut

from .keys import focus, press, type_text

Q1 = parse_period("2023Q1")


def _db_digest(db: Any) -> str:

    digest = hashlib.sha256()
    for line in db.conn.iterdump():
        digest.update(line.encode())
    return digest.hexdigest()


def _at(window: Any, code: str, column: Col, period: Any = Q1) -> Any:
    window.session.select(period=period, unit_uid="Q007", sector=None)
    page = window.entry
    window.go_to_tab(0)
    page.view.setCurrentIndex(page.model.index(page.model.row_of(code), column))
    page.view.setFocus()
    return page


def test_typing_vietnamese_money_with_a_qualifier(window: Any) -> None:
    _at(window, "NS_CHI_TONG", Col.VALUE)
    type_text("trên 1.427 tỷ 500 triệu")
    press(Qt.Key.Key_Tab)
    stored = get_value(window.session.db, "NS_CHI_TONG", "Q007", Q1)
    assert stored.amount == Decimal(1_427_500_000_000)
    assert stored.qualifier == "trên"
    model = window.entry.model
    row = model.row_of("NS_CHI_TONG")
    assert model.index(row, Col.VALUE).data() == "1.427 tỷ 500 triệu đồng"
    assert model.index(row, Col.QUALIFIER).data() == "trên"


def test_typing_vietnamese_decimals_and_words(window: Any) -> None:
    page = _at(window, "YT_TIEM_CHUNG", Col.VALUE)
    type_text("98,75")
    press(Qt.Key.Key_Tab)
    type_text("ước thực hiện")
    press(Qt.Key.Key_Tab)
    type_text("xấp xỉ")
    press(Qt.Key.Key_Tab)
    page.view.setCurrentIndex(page.model.index(page.view.currentIndex().row(), Col.COMMENT))
    type_text("Số liệu của Trung tâm Y tế quận, đã đối chiếu với phường Đồng Nhân")
    press(Qt.Key.Key_Return)
    stored = get_value(window.session.db, "YT_TIEM_CHUNG", "Q007", Q1)
    assert stored.amount == Decimal("98.75") and stored.decimals == 2
    assert stored.status.label == "ước thực hiện"
    assert stored.qualifier == "xấp xỉ"
    assert stored.comment == "Số liệu của Trung tâm Y tế quận, đã đối chiếu với phường Đồng Nhân"
    row = page.model.row_of("YT_TIEM_CHUNG")
    assert page.model.index(row, Col.VALUE).data() == "98,75%"


def test_negative_growth_typed_with_a_comma(window: Any) -> None:
    _at(window, "CNXD_TANG_TRUONG", Col.VALUE)
    type_text("-1,25")
    press(Qt.Key.Key_Return)
    stored = get_value(window.session.db, "CNXD_TANG_TRUONG", "Q007", Q1)
    assert stored.amount == Decimal("-1.25")


def test_ambiguous_number_is_refused_cell_marked_nothing_saved_focus_stays(window: Any) -> None:
    page = _at(window, "GD_HSG_GIAI", Col.VALUE)
    before = _db_digest(window.session.db)
    type_text("4.115")
    editor = focus()
    press(Qt.Key.Key_Return)
    # The editor is still open, with the text as typed, and has the focus.
    assert focus() is editor and isinstance(editor, QLineEdit)
    assert editor.text() == "4.115"
    assert page.view.state() == page.view.State.EditingState
    # The message says why and what to type.
    assert page.message.isVisible()
    message = page.message.text()
    assert "4115" in message and "4,115" in message
    # The cell is marked, and the database is untouched.
    index = page.model.index(page.model.row_of("GD_HSG_GIAI"), Col.VALUE)
    assert index.data(Qt.ItemDataRole.BackgroundRole) == REFUSED_BG
    assert index.data(Qt.ItemDataRole.ToolTipRole) == message
    assert _db_digest(window.session.db) == before
    assert get_value(window.session.db, "GD_HSG_GIAI", "Q007", Q1) is None
    # Tab is refused the same way: focus stays.
    press(Qt.Key.Key_Tab)
    assert focus() is editor
    # The clerk fixes it as told: the mark goes, the figure is saved.
    editor.selectAll()
    type_text("4115")
    press(Qt.Key.Key_Return)
    assert get_value(window.session.db, "GD_HSG_GIAI", "Q007", Q1).amount == Decimal(4115)
    assert index.data(Qt.ItemDataRole.BackgroundRole) != REFUSED_BG
    assert not page.message.isVisible()


def test_escape_abandons_a_refused_entry(window: Any) -> None:
    page = _at(window, "GD_HSG_GIAI", Col.VALUE)
    type_text("12 giải")
    press(Qt.Key.Key_Return)
    index = page.model.index(page.model.row_of("GD_HSG_GIAI"), Col.VALUE)
    assert page.model.refusal(index) is not None
    press(Qt.Key.Key_Escape)
    assert page.model.refusal(index) is None
    assert page.view.state() != page.view.State.EditingState


def test_leaving_a_refused_cell_with_the_mouse_keeps_what_was_typed(window: Any) -> None:
    page = _at(window, "GD_HSG_GIAI", Col.VALUE)
    type_text("1.5.3")
    page.search.setFocus()  # focus leaves the editor: Qt commits, the store refuses
    index = page.model.index(page.model.row_of("GD_HSG_GIAI"), Col.VALUE)
    refusal = page.model.refusal(index)
    assert refusal is not None and refusal.text == "1.5.3"
    assert index.data() == "1.5.3"  # still visible, to be corrected


def test_a_figure_the_workstation_may_not_change_is_refused_like_a_typo(window: Any) -> None:

    db = window.session.db
    set_workstation(db, StationRole.WARD, "P00241", station_id="test", public_key="", by=None)
    page = _at(window, "GD_HSG_GIAI", Col.VALUE)  # the district's row, on a ward's PC
    before = _db_digest(db)
    type_text("120")
    editor = focus()
    press(Qt.Key.Key_Return)
    assert focus() is editor  # the editor stays, as for a typo
    index = page.model.index(page.model.row_of("GD_HSG_GIAI"), Col.VALUE)
    assert index.data(Qt.ItemDataRole.BackgroundRole) == REFUSED_BG
    assert "Phường Nguyễn Du" in page.message.text() or "Nguyễn Du" in page.message.text()
    assert _db_digest(db) == before
    assert window.session.undo_stack.count() == 0  # nothing to undo: nothing happened


def test_edits_and_undo_are_in_the_audit_trail(window: Any) -> None:

    _at(window, "GD_HSG_GIAI", Col.VALUE)
    type_text("120")
    press(Qt.Key.Key_Return)
    shortcut("Ctrl+Z")
    history = cell_history(window.session.db, "GD_HSG_GIAI", "Q007", Q1)
    assert [h.how for h in history][-2:] == ["typed", "undone"]

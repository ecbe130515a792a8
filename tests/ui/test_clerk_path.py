"""A clerk's morning, keyboard only: the seed bulletin's figures into an empty database,
the revenue sentence written with placeholders, the bulletin printed.

Every step is a key press on whatever has the focus (the test only reads the screen
and the database to check); dialogs are driven the same way while they are open.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QLabel, QWidget

from hbt_desktop.core.periods import parse_period
from hbt_desktop.core.values import Status
from hbt_desktop.store.values import get_base, get_value
from hbt_desktop.ui.entry.entry_model import Col
from hbt_desktop.ui.preview import preview_page

from .keys import focus, press, shortcut, type_text
from .test_narrative_and_print import FakePrintDialog, pdf_text

SEED_SENTENCE = (
    "Tính đến 15/2/2023, tổng số thu ngân sách trên địa bàn quận là 4.115 tỷ 081 triệu "
    "đồng, đạt 34% so với dự toán và tăng 59% so với cùng kỳ"
)
EXACT = "4.115 tỷ 081 triệu đồng, đạt 34% so với dự toán và tăng 59% so với cùng kỳ"


def accel(label: QLabel) -> str:
    """The Alt+letter of a label (its text has "&x"), as the translation put it."""
    match = re.search(r"&(\w)", label.text())
    assert match, label.text()
    return match.group(1)


def with_dialog(qtbot: Any, steps: Callable[[QDialog], None], opener: Callable[[], None]) -> None:
    """Open a modal dialog with ``opener`` and drive it with ``steps`` while it is open."""
    failures: list[BaseException] = []

    def drive() -> None:
        dialog = None
        try:
            qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QDialog))
            dialog = QApplication.activeModalWidget()
            assert isinstance(dialog, QDialog)
            qtbot.waitUntil(lambda: dialog.isAncestorOf(QApplication.focusWidget()))
            steps(dialog)
        except BaseException as exc:
            failures.append(exc)
            if dialog is not None:
                dialog.close()

    owner = QApplication.activeWindow()
    QTimer.singleShot(0, drive)
    opener()
    assert not failures, failures
    if owner is not None and not owner.isActiveWindow():
        # A window manager gives the focus back to the window when a dialog closes;
        # the offscreen platform does not, so do what it would.
        owner.activateWindow()
        qtbot.waitUntil(owner.isActiveWindow)


def tab_to(widget: QWidget) -> None:
    """Press Tab until ``widget`` has the focus, as one does looking at the screen."""
    for _ in range(20):
        if focus() is widget:
            return
        press(Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {widget}")


def choose(combo: QComboBox, data: str) -> None:
    """Pick an item of the focused combo box with the arrow keys."""
    assert focus() is combo
    for _ in range(50):
        target = combo.findData(data)
        assert target >= 0, data
        if combo.currentIndex() == target:
            return
        press(Qt.Key.Key_Down if combo.currentIndex() < target else Qt.Key.Key_Up)
    raise AssertionError(f"could not reach {data}")


def add_period(window: Any, qtbot: Any, name: str) -> None:
    def steps(dialog: QDialog) -> None:
        tab_to(dialog.typed)  # type: ignore[attr-defined]  # past kind, year, number…
        type_text(name)
        press(Qt.Key.Key_Return)

    with_dialog(qtbot, steps, lambda: shortcut("Ctrl+Shift+N"))
    assert window.session.period == parse_period(name)


def select_period(window: Any, period_id: str) -> None:
    shortcut(f"Alt+{accel(window.selection.findChild(QLabel, 'period_label'))}")
    choose(window.selection.period_box, period_id)
    assert window.session.period.id == period_id


def find(window: Any, qtbot: Any, words: str) -> None:
    """Ctrl+F, the words, Enter: the cursor is on the indicator's figure."""
    shortcut("Ctrl+F")
    type_text(words)
    qtbot.waitUntil(lambda: window.entry.model.rowCount() == 1)
    press(Qt.Key.Key_Return)
    assert window.entry.view.currentIndex().column() == Col.VALUE


def pick(qtbot: Any, search: str, period: str | None, downs_to_wording: int) -> None:
    """Ctrl+K, find the indicator, type the period, choose the wording, Enter."""

    def steps(dialog: QDialog) -> None:
        type_text(search)
        press(Qt.Key.Key_Tab)  # the list
        press(Qt.Key.Key_Tab)  # the period
        if period is not None:
            press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # select what is there
            type_text(period)
        press(Qt.Key.Key_Tab)  # the wording
        for _ in range(downs_to_wording):
            press(Qt.Key.Key_Down)
        press(Qt.Key.Key_Return)

    with_dialog(qtbot, steps, lambda: shortcut("Ctrl+K"))


@pytest.mark.slow
def test_keyboard_only_from_empty_period_to_printed_bulletin(
    make_window: Any,
    empty_path: Path,
    qtbot: Any,
    tmp_path: Path,
    dialogs: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = make_window(empty_path)
    db = window.session.db
    window.go_to_tab(0)

    # -- the three periods of the seed bulletin, and the district -------------------------
    add_period(window, qtbot, "quý I/2023")
    add_period(window, qtbot, "2 tháng đầu năm 2023, tính đến 15/2/2023")
    add_period(window, qtbot, "2 tháng đầu năm 2023")
    shortcut(f"Alt+{accel(window.selection.findChild(QLabel, 'unit_label'))}")
    choose(window.selection.unit_box, "Q007")
    assert window.session.unit_uid == "Q007"
    shortcut("Ctrl+1")

    # -- 2 tháng đầu năm 2023: the two growth rates, estimated ----------------------------
    for words, typed in (("tang truong thuong mai", "11,7"), ("tang truong cong nghiep", "12,33")):
        find(window, qtbot, words)
        type_text(typed)
        press(Qt.Key.Key_Tab)
        type_text("ước")
        press(Qt.Key.Key_Return)
    y2m = parse_period("2023YTD02")
    tmdv = get_value(db, "TMDV_TANG_TRUONG", "Q007", y2m)
    assert tmdv.amount == Decimal("11.7") and tmdv.status is Status.UOC
    assert get_value(db, "CNXD_TANG_TRUONG", "Q007", y2m).amount == Decimal("12.33")

    # -- to 15/2/2023: revenue, the 2023 estimate with its assigner, last year --------------
    select_period(window, "2023YTD02@20230215")
    shortcut("Ctrl+1")
    find(window, qtbot, "tong thu ngan sach")
    type_text("4.115 tỷ 081 triệu")
    for _ in range(3):  # status, qualifier, kind of base
        press(Qt.Key.Key_Tab)
    type_text("TP và HĐND")
    press(Qt.Key.Key_Tab)
    type_text("12140 tỷ")
    press(Qt.Key.Key_Tab)
    type_text("2588 tỷ 420 triệu")
    press(Qt.Key.Key_Return)
    cutoff = parse_period("2023YTD02@20230215")
    assert get_value(db, "NS_THU_DIA_BAN", "Q007", cutoff).amount == Decimal(4_115_081_000_000)
    base = get_base(db, "NS_THU_DIA_BAN", "Q007", parse_period("2023"), "DT_TP_HDND_Q")
    assert base is not None and base.amount == Decimal(12_140_000_000_000)
    last_year = get_value(db, "NS_THU_DIA_BAN", "Q007", cutoff.same_period_last_year())
    assert last_year.amount == Decimal(2_588_420_000_000)
    row = window.entry.model.row_of("NS_THU_DIA_BAN")
    shown = [window.entry.model.index(row, c).data() for c in (Col.SHARE, Col.GROWTH)]
    assert shown == ["34%", "59%"]  # computed live, before any printing

    # -- quý I/2023: the estimate, and last year's quarter --------------------------------
    select_period(window, "2023Q1")
    shortcut("Ctrl+1")
    find(window, qtbot, "tong thu ngan sach")
    type_text("4.861 tỷ 658 triệu")
    press(Qt.Key.Key_Tab)
    type_text("uoc")
    for _ in range(4):  # qualifier, kind of base (already shown), base, last year
        press(Qt.Key.Key_Tab)
    type_text("4085 tỷ 350 triệu")
    press(Qt.Key.Key_Return)
    q1 = get_value(db, "NS_THU_DIA_BAN", "Q007", parse_period("2023Q1"))
    assert q1.amount == Decimal(4_861_658_000_000) and q1.status is Status.UOC

    # -- the revenue sentence, in the document of 2 tháng đầu năm 2023 ---------------------
    select_period(window, "2023YTD02")
    shortcut("Ctrl+4")
    shortcut("Ctrl+N")  # a new section; the cursor is in its heading
    type_text("Thu ngân sách")
    shortcut(f"Alt+{accel(window.document.editor.findChild(QLabel, 'text_label'))}")
    editor = window.document.editor.text
    assert focus() is editor
    to_15_2 = "2 tháng đầu năm 2023, tính đến 15/2/2023"
    pick(qtbot, "tong thu ngan sach", to_15_2, 5)  # the period, to open a sentence
    type_text(", tổng số thu ngân sách trên địa bàn quận là ")
    pick(qtbot, "tong thu ngan sach", to_15_2, 0)  # the figure
    type_text(", ")
    pick(qtbot, "tong thu ngan sach", to_15_2, 1)  # share of the base (short name)
    type_text(" và ")
    pick(qtbot, "tong thu ngan sach", to_15_2, 2)  # growth against last year
    type_text(".")
    preview = window.document.editor
    qtbot.waitUntil(lambda: SEED_SENTENCE in preview.preview.toPlainText(), timeout=3000)
    assert preview.problem_texts() == [
        preview.tr("Nothing to fix: every placeholder prints a figure of its period.")
    ]

    # -- print, and keep the PDF ------------------------------------------------------------
    FakePrintDialog.target = str(tmp_path / "printed.pdf")
    monkeypatch.setattr(preview_page, "QPrintDialog", FakePrintDialog)
    shortcut("Ctrl+P")
    qtbot.waitUntil(lambda: Path(FakePrintDialog.target).exists(), timeout=30_000)
    dialogs.save_path = str(tmp_path / "ban-tin.pdf")
    shortcut("Ctrl+Shift+S")
    text = pdf_text((tmp_path / "ban-tin.pdf").read_bytes())
    assert EXACT in text
    assert SEED_SENTENCE in text

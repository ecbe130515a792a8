"""Ward offices and the district through their windows (issue 4): a ward sends its file,
the district confirms the sender's fingerprint, reviews value by value, rejects one value
with a reason, accepts the rest, sees totals and completeness, rolls back; a file is
returned and the ward sees the reasons on its cells; an approval locks the period and an
edit is refused with the reason; a cell's history lists the edits."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox

from hbt_desktop.core.review import State
from hbt_desktop.store.accounts import authenticate
from hbt_desktop.store.review import list_imports
from hbt_desktop.store.values import get_value
from hbt_desktop.store.workstation import StationRole
from hbt_desktop.ui.entry.entry_model import Col
from hbt_desktop.ui.entry.grid_model import REFUSED_BG, RETURNED_BG
from tests.offices.conftest import COUNT, MONEY, PASSWORD, Q1, make_office
from tests.ui.conftest import Dialogs, run_dialog


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    """Two ward offices and their district on files, their keys where the program looks."""
    from hbt_desktop.store.completeness import set_deadline_days

    keys = tmp_path / "keys"
    keys.mkdir(exist_ok=True)
    found = {}
    for name, role, unit in (
        ("quan", StationRole.DISTRICT, "QX"),
        ("an", StationRole.WARD, "PA"),
        ("binh", StationRole.WARD, "PB"),
    ):
        office = make_office(tmp_path / name, name, role, unit)
        if name == "quan":
            set_deadline_days(office.db, 5)
        office.close()
        for pem in office.keys.glob("*.pem"):
            shutil.copy(pem, keys / pem.name)
        found[name] = office.path
    return found


def _type(window: Any, code: str, text: str, column: Col = Col.VALUE) -> bool:
    model = window.entry.model
    return bool(model.setData(model.index(model.row_of(code), column), text))


def _ward_enters(window: Any, unit: str, money: str, count: str) -> None:
    window.session.select(period=Q1, unit_uid=unit, sector=None)
    window.go_to_tab(0)
    assert _type(window, MONEY, money)
    assert _type(window, COUNT, count)


def _send(window: Any, dialogs: Dialogs, target: Path) -> None:
    dialogs.save_path = str(target)
    window.offices.send_action.trigger()
    assert target.exists(), dialogs.shown


def test_a_period_between_a_ward_and_the_district_through_the_windows(
    make_window: Any,
    files: dict[str, Path],
    dialogs: Dialogs,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    from hbt_desktop.ui.offices import common
    from hbt_desktop.ui.offices.completeness_dialog import CompletenessDialog
    from hbt_desktop.ui.offices.imports_dialog import ImportsDialog
    from hbt_desktop.ui.offices.review_dialog import ReviewDialog
    from hbt_desktop.ui.offices.trust_dialog import CONFIRMED, TrustDialog

    # The ward office of An: its role is in the status bar; it enters and sends Q1.
    ward = make_window(files["an"])
    assert ward.station_label.text() == "Máy của phường: phường An"
    assert ward.offices.send_action.isVisible() and not ward.offices.receive_action.isVisible()
    _ward_enters(ward, "PA", "1 tỷ 200 triệu", "12")
    _send(ward, dialogs, tmp_path / "an-q1.hbt")
    fingerprint_shown = dialogs.shown[-1][1]
    assert "2 số liệu" in fingerprint_shown

    # The district receives it: first contact shows the fingerprint, the clerk confirms.
    district = make_window(files["quan"])
    assert district.station_label.text() == "Máy của quận: quận Thử Nghiệm"
    assert district.offices.receive_action.isVisible()
    trusted = run_dialog(monkeypatch, TrustDialog, CONFIRMED)
    reviews = run_dialog(monkeypatch, ReviewDialog, QDialog.DialogCode.Rejected)
    dialogs.open_path = str(tmp_path / "an-q1.hbt")
    district.offices.receive_action.trigger()
    assert len(trusted) == 1
    shown_fingerprint = trusted[0].fingerprint.text()
    assert shown_fingerprint and shown_fingerprint in fingerprint_shown
    backups = list((files["quan"].parent / "backups").glob("*-import.db"))
    assert backups, "a backup is made before the file is taken in"

    # The review: both values new; one is rejected with a reason, the rest accepted.
    review = reviews[0]
    rows = {review.model.item(r).incoming.indicator: r for r in range(review.model.rowCount())}
    assert review.model.index(rows[MONEY], 2).data() == "mới"
    assert review.model.index(rows[MONEY], 4).data() == "1 tỷ 200 triệu đồng"
    assert "2 mới, 0 thay đổi" in review.counts.text()
    review.table.selectRow(rows[COUNT])
    monkeypatch.setattr(common, "ask_reason", lambda *a, **k: "Số doanh nghiệp chưa khớp")
    review.reject_chosen()
    assert "sẽ từ chối: Số doanh nghiệp chưa khớp" in review.model.index(rows[COUNT], 5).data()
    assert review.accept_button.text() == "&Chấp nhận, trừ 1 số liệu bị từ chối"
    review.accept_values()
    q = district.session.db
    assert get_value(q, MONEY, "PA", Q1).amount == Decimal(1_200_000_000)
    assert get_value(q, COUNT, "PA", Q1) is None
    assert "đã ghi 1 số liệu, từ chối 1" in review.outcome.text()
    assert review.review is not None and review.review.state is State.PARTLY_ACCEPTED
    assert not review.accept_button.isEnabled() and review.rollback_button.isEnabled()

    # The district's totals and the completeness table follow.
    district.session.select(period=Q1, unit_uid="QX", sector=None)
    district.go_to_tab(1)
    grid = district.district.model
    row = grid.row_of(MONEY)
    ward_column = 3 + [w.uid for w in grid.wards].index("PA")
    assert grid.index(row, ward_column).data() == "1 tỷ 200 triệu đồng"
    completeness = CompletenessDialog(district, district.session, "QX")
    by_ward = {r[1]: r for r in completeness.rows()}
    assert by_ward["Phường An"][5] == "chấp nhận một phần"
    assert by_ward["Phường An"][7] == "1/2"
    assert by_ward["Phường Bình"][4] in ("chưa gửi", "quá hạn, chưa gửi")
    assert "Đã gửi: 1/2 phường" in completeness.summary.text()
    dialogs.save_path = str(tmp_path / "tinh-hinh.pdf")
    completeness.save_pdf()
    from pypdf import PdfReader

    assert len(PdfReader(tmp_path / "tinh-hinh.pdf").pages) == 1

    # Rolled back from the list of received files: the figure is gone again.
    lists = run_dialog(monkeypatch, ReviewDialog, QDialog.DialogCode.Rejected)
    received = ImportsDialog(district, district.session)
    assert received.tree.topLevelItemCount() == 1
    received.open_review()
    monkeypatch.setattr(common, "ask_reason", lambda *a, **k: "Nhận nhầm tệp")
    lists[0].roll_back()
    assert get_value(q, MONEY, "PA", Q1) is None
    assert list_imports(q)[0].state is State.ROLLED_BACK
    assert "Đã hoàn tác: 1 số liệu" in lists[0].outcome.text()


def test_a_returned_file_shows_its_reasons_on_the_wards_cells(
    make_window: Any,
    files: dict[str, Path],
    dialogs: Dialogs,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    from hbt_desktop.ui.offices import common
    from hbt_desktop.ui.offices.returned_dialog import ReturnedDialog
    from hbt_desktop.ui.offices.review_dialog import ReviewDialog
    from hbt_desktop.ui.offices.trust_dialog import CONFIRMED, TrustDialog

    ward = make_window(files["binh"])
    _ward_enters(ward, "PB", "600 triệu", "11")
    _send(ward, dialogs, tmp_path / "binh-q1.hbt")

    district = make_window(files["quan"])
    run_dialog(monkeypatch, TrustDialog, CONFIRMED)
    reviews = run_dialog(monkeypatch, ReviewDialog, QDialog.DialogCode.Rejected)
    dialogs.open_path = str(tmp_path / "binh-q1.hbt")
    district.offices.receive_action.trigger()
    review = reviews[0]
    rows = {review.model.item(r).incoming.indicator: r for r in range(review.model.rowCount())}
    review.table.selectRow(rows[COUNT])
    reasons = iter(["Số doanh nghiệp phải là 9", "Sửa số doanh nghiệp rồi gửi lại"])
    monkeypatch.setattr(common, "ask_reason", lambda *a, **k: next(reasons))
    review.reject_chosen()
    dialogs.save_path = str(tmp_path / "tra-lai.hbt")
    review.send_back()
    assert (tmp_path / "tra-lai.hbt").exists()
    assert list_imports(district.session.db)[0].state is State.RETURNED
    assert get_value(district.session.db, MONEY, "PB", Q1) is None  # nothing taken

    # At the ward: the district's key is confirmed, the reasons are kept and shown.
    notes = run_dialog(monkeypatch, ReturnedDialog, 0)
    dialogs.open_path = str(tmp_path / "tra-lai.hbt")
    ward.offices.read_return_action.trigger()
    assert [r[1] for r in notes[0].rows()].count("Số doanh nghiệp phải là 9") == 1
    model = ward.entry.model
    count_row = model.row_of(COUNT)
    value = model.index(count_row, Col.VALUE)
    assert value.data(8) == RETURNED_BG  # Qt.BackgroundRole
    assert "Số doanh nghiệp phải là 9" in value.data(3)  # Qt.ToolTipRole
    assert model.index(model.row_of(MONEY), Col.VALUE).data(8) != RETURNED_BG
    assert "Sửa số doanh nghiệp rồi gửi lại" in ward.entry.banner.text()
    assert not ward.entry.banner.isHidden()

    # Sending again answers the reasons: the marks go.
    assert _type(ward, COUNT, "9")
    _send(ward, dialogs, tmp_path / "binh-q1-lan-2.hbt")
    assert model.index(model.row_of(COUNT), Col.VALUE).data(8) != RETURNED_BG
    assert ward.entry.banner.isHidden()


def test_approval_locks_and_an_edit_is_refused_with_the_reason(
    make_window: Any, files: dict[str, Path], dialogs: Dialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hbt_desktop.core.values import Value
    from hbt_desktop.store.writes import write_value
    from hbt_desktop.ui.offices import common, signoff

    window = make_window(files["quan"])
    s = window.session
    write_value(s.db, Value(MONEY, "QX", Q1, Decimal(5_000_000_000)), how="typed")
    s.select(period=Q1, unit_uid="QX", sector=None)
    window.go_to_tab(0)
    # Not a leader: refused by the store, nothing locked.
    s.sign_in(authenticate(s.db, "lap", PASSWORD))
    assert window.user_label.text() == "Đăng nhập: Người lập quan (người lập)"
    window.offices.approve_action.trigger()
    assert "lãnh đạo" in dialogs.shown[-1][1]
    assert window.entry.banner.isHidden()
    # The leader approves: the period is locked, and the grid says so before any typing.
    s.sign_in(authenticate(s.db, "lanhdao", PASSWORD))
    signoff.approve(window)
    banner = window.entry.banner
    assert not banner.isHidden() and "Nguyễn Văn Lãnh đã phê duyệt" in banner.text()
    before = get_value(s.db, MONEY, "QX", Q1)
    assert not _type(window, MONEY, "6 tỷ")
    index = window.entry.model.index(window.entry.model.row_of(MONEY), Col.VALUE)
    assert index.data(8) == REFUSED_BG
    assert "đã được Nguyễn Văn Lãnh phê duyệt" in window.entry.message.text()
    assert get_value(s.db, MONEY, "QX", Q1) == before
    # Unlocked with a reason: typing is accepted again.
    monkeypatch.setattr(common, "ask_reason", lambda *a, **k: "Sửa số thu theo Kho bạc")
    signoff.unlock(window)
    assert window.entry.banner.isHidden()
    assert _type(window, MONEY, "6 tỷ")
    assert get_value(s.db, MONEY, "QX", Q1).amount == Decimal(6_000_000_000)


def test_a_cells_history_lists_who_changed_it_and_how(
    make_window: Any, files: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from hbt_desktop.ui.offices.history_dialog import CellHistoryDialog

    window = make_window(files["an"])
    s = window.session
    s.sign_in(authenticate(s.db, "lap", PASSWORD))
    _ward_enters(window, "PA", "1 tỷ", "12")
    assert _type(window, MONEY, "1 tỷ 500 triệu")
    s.undo_stack.undo()
    page = window.entry
    page.view.setCurrentIndex(page.model.index(page.model.row_of(MONEY), Col.VALUE))
    opened = run_dialog(monkeypatch, CellHistoryDialog, 0)
    menu = page.view.context_menu(page.view.currentIndex())
    history = menu.actions()[0]
    assert history.text() == "&Lịch sử số liệu này…" and history.isEnabled()
    window.history_action.trigger()  # Ctrl+H
    rows = opened[0].rows()
    assert [(r[1], r[2], r[3], r[4]) for r in rows] == [
        ("lap", "gõ vào", "–", "1 tỷ đồng"),
        ("lap", "gõ vào", "1 tỷ đồng", "1 tỷ 500 triệu đồng"),
        ("lap", "hoàn tác", "1 tỷ 500 triệu đồng", "1 tỷ đồng"),
    ]
    assert "Tổng thu ngân sách" in opened[0].findChild(type(opened[0].empty), "what").text()
    # A computed column has no history of its own: the message bar says what to choose.
    page.show_history(page.model.index(0, Col.GROWTH))
    assert "không phải một số liệu được lưu" in page.message.text()


def test_the_setup_dialog_makes_a_ward_office_with_its_first_account(
    make_window: Any, empty_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hbt_desktop.store.workstation import get_workstation
    from hbt_desktop.ui.offices.setup_dialog import SetupDialog

    window = make_window(empty_path)
    assert window.station_label.text() == "Máy chưa được thiết lập"
    opened = run_dialog(monkeypatch, SetupDialog, 0)
    window.offices.greet()  # what the first start does once the window shows
    dialog = opened[0]
    assert dialog.ward_button.isChecked()
    dialog.unit_box.setCurrentIndex(dialog.unit_box.findData("P00241"))
    dialog.account_box.setChecked(True)
    dialog.login.setText("nguyenvana")
    dialog.full_name.setText("Nguyễn Văn A")
    dialog.password.setText("mật khẩu dài 2024")
    dialog.password_again.setText("mật khẩu khác")
    dialog.set_up()
    assert "không giống nhau" in dialog.message.text()
    assert get_workstation(window.session.db) is None
    dialog.password_again.setText("mật khẩu dài 2024")
    dialog.set_up()
    station = get_workstation(window.session.db)
    assert station is not None and station.role.value == "ward" and station.unit_uid == "P00241"
    assert dialog.pages.currentIndex() == 1
    assert len(dialog.fingerprint_label.text().split()) == 5
    assert window.session.signed_in is not None
    assert window.session.user == "nguyenvana"
    assert window.station_label.text().startswith("Máy của phường: phường")
    assert window.user_label.text() == "Đăng nhập: Nguyễn Văn A (người lập)"
    assert window.offices.send_action.isVisible()
    # Changing it again needs an administrator: signed out, the store refuses.
    window.session.sign_in(None)
    again = SetupDialog(window, window.session)
    again.district_button.setChecked(True)
    again.set_up()
    assert "quản trị viên" in again.message.text()
    assert get_workstation(window.session.db).role.value == "ward"


def test_the_setup_dialog_leaves_no_english(
    make_window: Any, empty_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hbt_desktop.ui.offices.accounts_dialog import AccountsDialog
    from hbt_desktop.ui.offices.login_dialog import LoginDialog
    from hbt_desktop.ui.offices.setup_dialog import SetupDialog
    from hbt_desktop.ui.offices.trust_dialog import TrustDialog
    from tests.ui.test_translations import assert_vietnamese, visible_texts

    window = make_window(empty_path)
    texts: list[str] = []
    for dialog in (
        SetupDialog(window, window.session),
        LoginDialog(window, window.session),
        AccountsDialog(window, window.session),
        TrustDialog(window, "phường An", "ABCD EFGH IJKL MNOP QRST"),
    ):
        texts += visible_texts(dialog)
    assert_vietnamese(texts)
    assert "Thiết lập máy này" in texts


def test_a_workstation_with_accounts_asks_to_sign_in_and_refuses_a_wrong_password(
    make_window: Any, files: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from hbt_desktop.ui.offices.login_dialog import LoginDialog

    window = make_window(files["an"])
    asked = run_dialog(monkeypatch, LoginDialog, 0)
    window.offices.greet()  # what the start does once the window shows
    assert len(asked) == 1
    assert window.user_label.text() == f"Chưa đăng nhập ({window.session.computer_user})"
    dialog = LoginDialog(window, window.session)
    dialog.login.setCurrentIndex(dialog.login.findData("lap"))
    dialog.password.setText("sai")
    dialog.sign_in()
    assert dialog.message.text()
    assert window.session.signed_in is None
    dialog.password.setText(PASSWORD)
    dialog.sign_in()
    assert window.session.user == "lap"


def test_an_entry_sheet_goes_out_and_comes_back_from_the_window(
    make_window: Any, files: dict[str, Path], dialogs: Dialogs, tmp_path: Path
) -> None:
    import openpyxl

    window = make_window(files["an"])
    window.session.select(period=Q1, unit_uid="PA", sector=None)
    sheet = tmp_path / "nhap-an.xlsx"
    dialogs.save_path = str(sheet)
    window.offices.sheet_export_action.trigger()
    assert sheet.exists(), dialogs.shown
    book = openpyxl.load_workbook(sheet)
    ws = book["Nhập số liệu"]
    for row in ws.iter_rows(min_row=2):
        if row[1].value == COUNT:
            row[5].value = 14
        if row[1].value == MONEY:
            row[5].value = "nhiều lắm"  # not a number: the whole sheet is refused first
    book.save(sheet)
    dialogs.open_path = str(sheet)
    dialogs.answer = QMessageBox.StandardButton.No  # do not take only the valid rows
    window.offices.sheet_import_action.trigger()
    db = window.session.db
    assert get_value(db, COUNT, "PA", Q1) is None
    assert (tmp_path / "nhap-an.loi.csv").exists()
    assert list((files["an"].parent / "backups").glob("*-import.db"))
    dialogs.answer = QMessageBox.StandardButton.Yes  # now take the valid rows
    window.offices.sheet_import_action.trigger()
    assert get_value(db, COUNT, "PA", Q1).amount == Decimal(14)
    model = window.entry.model
    assert model.index(model.row_of(COUNT), Col.VALUE).data() == "14"

"""Screenshots of the main screens for docs/images/, on a real X display.

    Xvfb :99 -screen 0 1366x768x24 &
    DISPLAY=:99 QT_QPA_PLATFORM=xcb .venv/bin/python docs/make_screenshots.py

Starts the program on a fresh copy of the demo data (nothing of the user's is read or
written), opens each screen as a clerk would see it, and saves one PNG per screen.

The screens of the ward offices and the district are shown on three fresh databases — two
wards of quận Hai Bà Trưng and the district — that exchange real signed files: the first
ward's second file is under review (new, changed, unchanged and conflicting values), the
second ward's file was returned with a reason.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hbt_desktop.core.periods import parse_period  # noqa: E402
from hbt_desktop.ui.app import App  # noqa: E402

if TYPE_CHECKING:
    from sqlite_utils import Database

OUT = ROOT / "docs" / "images"
SIZE = (1366, 740)
PASSWORD = "mật khẩu của ảnh chụp"


def settle(app: QApplication, ms: int = 300) -> None:
    """Let layouts, lazy rows and the PDF viewer finish drawing."""
    loop_done = []
    QTimer.singleShot(ms, lambda: loop_done.append(True))
    while not loop_done:
        app.processEvents()


def save(widget: QWidget, name: str) -> None:
    path = OUT / f"{name}.png"
    widget.grab().save(str(path))
    print(path.relative_to(ROOT))


def setup_dialog(hbt: App) -> None:
    """The first start of a workstation: the set-up dialog, filled in, and its result."""
    from hbt_desktop.ui.offices.setup_dialog import SetupDialog

    dialog = SetupDialog(hbt.window, hbt.session)
    dialog.unit_box.setCurrentIndex(dialog.unit_box.findData("P00241"))
    dialog.account_box.setChecked(True)
    dialog.login.setText("lan.nt")
    dialog.full_name.setText("Nguyễn Thị Lan")
    dialog.password.setText(PASSWORD)
    dialog.password_again.setText(PASSWORD)
    dialog.resize(680, 560)
    dialog.show()
    settle(hbt.qt, 600)
    save(dialog, "thiet-lap-may")
    dialog.close()


# -- ward offices and the district ---------------------------------------------------------

Q1 = "2023Q1"
FIGURES = {  # ward Nguyễn Du's first-quarter figures: code → amount
    "NS_THU_DIA_BAN": 41_250_000_000,
    "NS_THU_THUE_PHI": 36_800_000_000,
    "NS_CHI_TONG": 9_420_000_000,
    "NS_CHI_TX": 7_150_000_000,
    "DN_THANH_LAP": 27,
    "LD_VIEC_LAM": 315,
    "YT_KHAM_BENH": 4_210,
    "VSMT_RAC_THAI": 2_960,
}


def _at(day: int, hour: int, minute: int) -> datetime:
    """A moment of April 2023 in Hà Nội (UTC+7), when the files travelled."""
    return datetime(2023, 4, day, hour - 7, minute, tzinfo=UTC)


def _office(path: Path, role: str, unit: str, login: str, name: str, role_code: str) -> None:
    from hbt_desktop.exchange.offices import set_up_workstation
    from hbt_desktop.exchange.seed import open_app_database
    from hbt_desktop.store.accounts import Account, Role
    from hbt_desktop.store.workstation import StationRole

    db = open_app_database(path)
    admin = Account(login, name, Role(role_code), is_admin=True)
    set_up_workstation(db, StationRole(role), unit, admin=admin, password=PASSWORD)
    db.close()


def _enter(path: Path, unit: str, figures: dict[str, int], user: str) -> None:
    from hbt_desktop.core.periods import parse_period
    from hbt_desktop.core.values import Value
    from hbt_desktop.store.file.connection import open_database
    from hbt_desktop.store.writes import write_values

    db = open_database(path)
    period = parse_period(Q1)
    values = [Value(c, unit, period, Decimal(a), updated_by=user) for c, a in figures.items()]
    write_values(db, values, how="typed", user=user)
    db.close()


def _export(path: Path, out: Path, user: str, when: datetime) -> Path:
    from hbt_desktop.core.periods import parse_period
    from hbt_desktop.exchange.offices import export_package
    from hbt_desktop.store.file.connection import open_database

    db = open_database(path)
    export_package(db, out, [parse_period(Q1)], user=user, now=when)
    db.close()
    return out


def _receive(db: Database, db_path: Path, path: Path, when: datetime) -> int:
    from hbt_desktop.exchange.offices import UnknownSender, import_package
    from hbt_desktop.store.file.backup import backup_before

    def backup() -> None:
        backup_before(db, db_path, "import")

    try:
        found = import_package(db, path, user="quan.tran", now=when, before_write=backup)
    except UnknownSender as first:  # the fingerprint was read out by telephone
        found = import_package(
            db,
            path,
            user="quan.tran",
            trust_fingerprint=first.fingerprint,
            now=when,
            before_write=backup,
        )
    assert found.import_id is not None
    return found.import_id


def offices(folder: Path, qt: QApplication) -> None:  # noqa: PLR0915 - one story, told in order
    """Two wards send their first-quarter figures; the district reviews and decides."""
    os.environ["HBT_DESKTOP_KEYS"] = str(folder / "keys")
    from hbt_desktop.core.periods import parse_period
    from hbt_desktop.core.values import Value
    from hbt_desktop.exchange.offices import return_package
    from hbt_desktop.store.accounts import authenticate
    from hbt_desktop.store.file.backup import create_backup
    from hbt_desktop.store.file.connection import open_database
    from hbt_desktop.store.review import decide
    from hbt_desktop.store.writes import write_value
    from hbt_desktop.ui.entry.grid_model import CellKey
    from hbt_desktop.ui.offices.completeness_dialog import CompletenessDialog
    from hbt_desktop.ui.offices.history_dialog import CellHistoryDialog
    from hbt_desktop.ui.offices.review_dialog import ReviewDialog

    files = folder / "files"
    files.mkdir()
    district, ward, other = folder / "quan.db", folder / "nguyen-du.db", folder / "bach-dang.db"
    _office(district, "district", "Q007", "quan.tran", "Trần Văn Quân", "lanh_dao")
    _office(ward, "ward", "P00241", "lan.nt", "Nguyễn Thị Lan", "lap")
    _office(other, "ward", "P00244", "minh.pv", "Phạm Văn Minh", "lap")
    q1 = parse_period(Q1)

    # Nguyễn Du's first file is accepted; then the ward corrects two figures and adds
    # two, while the district had itself corrected one of the first file's figures.
    _enter(ward, "P00241", FIGURES, "lan.nt")
    first = _export(ward, files / "nguyen-du-1.hbt", "lan.nt", _at(3, 8, 15))
    db = open_database(district)
    create_backup(db, district, reason="start")
    decide(db, _receive(db, district, first, _at(3, 8, 40)), user="quan.tran")
    write_value(
        db,
        Value("YT_KHAM_BENH", "P00241", q1, Decimal(4_260), updated_by="quan.tran"),
        how="typed",
        user="quan.tran",
    )
    db.close()
    _enter(
        ward,
        "P00241",
        {
            "NS_THU_DIA_BAN": 42_050_000_000,
            "NS_CHI_TX": 7_310_000_000,
            "GD_HSG_GIAI": 14,
            "TTXD_VI_PHAM_MOI": 6,
        },
        "lan.nt",
    )
    second = _export(ward, files / "nguyen-du-2.hbt", "lan.nt", _at(4, 13, 50))
    # Bạch Đằng sends late and is returned with a reason.
    _enter(other, "P00244", {"NS_THU_DIA_BAN": 18_700_000_000, "DN_THANH_LAP": 112}, "minh.pv")
    returned = _export(other, files / "bach-dang-1.hbt", "minh.pv", _at(7, 9, 10))
    db = open_database(district)
    import_id = _receive(db, district, second, _at(4, 14, 5))
    late = _receive(db, district, returned, _at(7, 9, 30))
    return_package(
        db,
        late,
        "Số doanh nghiệp thành lập mới gấp 10 lần cùng kỳ, đề nghị phường kiểm tra lại.",
        files / "tra-lai-bach-dang.hbt",
        user="quan.tran",
    )
    db.close()

    app = App(district, folder / "prefs-quan.ini")
    window = app.window
    assert window is not None
    window.resize(*SIZE)
    window.show()
    session = app.session
    session.sign_in(authenticate(session.db, "quan.tran", PASSWORD))
    session.select(period=q1, unit_uid="Q007", sector=None)
    settle(qt)

    review = ReviewDialog(window, session, import_id)
    row = next(
        r for r in range(review.model.rowCount()) if review.model.item(r).verdict.value == "new"
    )
    review.model.rejected[review.model.item(row).key] = "Số giải học sinh giỏi chưa có xác nhận"
    review.model.layoutChanged.emit()
    review.reload()
    review.resize(1300, 520)
    review.show()
    settle(qt, 600)
    save(review, "xem-xet-so-lieu-phuong")
    review.accept_values()
    review.close()

    table = CompletenessDialog(window, session, "Q007")
    table.period_box.setCurrentIndex(table.period_box.findData(Q1))
    table.reload()
    table.resize(1100, 600)
    table.show()
    settle(qt, 600)
    save(table, "tinh-hinh-gui-so-lieu")
    table.close()

    history = CellHistoryDialog(window, session, CellKey("YT_KHAM_BENH", "P00241", q1))
    history.resize(980, 360)
    history.show()
    settle(qt, 600)
    save(history, "lich-su-so-lieu")
    history.close()

    from hbt_desktop.ui.backup.restore_dialog import RestoreDialog

    restore = RestoreDialog(window, session.db, district)
    restore.resize(900, 440)
    restore.show()
    settle(qt, 600)
    save(restore, "khoi-phuc")
    restore.close()
    window.close()
    app.close()


def main() -> None:
    # The clocks of the story are Hà Nội's, whatever machine makes the pictures.
    os.environ["TZ"] = "Asia/Ho_Chi_Minh"
    if hasattr(time, "tzset"):
        time.tzset()
    OUT.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="hbt-shots-"))
    hbt = App(folder / "demo.db", folder / "prefs.ini")
    window = hbt.window
    assert window is not None
    qt = hbt.qt
    window.resize(*SIZE)
    window.show()
    session = window.session
    settle(qt)

    steps: list[tuple[str, Callable[[], QWidget]]] = []

    def entry() -> QWidget:
        session.select(period=parse_period("2023YTD02@20230215"), unit_uid="Q007", sector=None)
        window.go_to_tab(0)
        model = window.entry.model
        row = model.row_of("NS_THU_DIA_BAN")
        window.entry.view.setCurrentIndex(model.index(row, 2))
        window.entry.view.scrollTo(model.index(row, 2))
        return window

    def district() -> QWidget:
        session.select(period=parse_period("2023YTD02"), unit_uid="Q007", sector=None)
        window.go_to_tab(1)
        return window

    def budget() -> QWidget:
        session.select(period=parse_period("2023YTD02@20230215"), unit_uid="Q007", sector=None)
        window.go_to_tab(2)
        return window

    def narrative() -> QWidget:
        session.select(period=parse_period("2023YTD02"), unit_uid="Q007", sector=None)
        window.go_to_tab(3)
        headings = [s.heading for s in window.controller.doc.sections]
        window.document.parts.setCurrentRow(headings.index("Kinh tế, thu ngân sách") + 1)
        return window

    def preview() -> QWidget:
        window.go_to_tab(4)
        window.preview.build()
        while window.preview.result is None or window.preview._building:
            qt.processEvents()
        return window

    def catalogue() -> QWidget:
        from hbt_desktop.ui.admin.catalogue_dialog import CatalogueDialog

        dialog = CatalogueDialog(window, session)
        dialog.resize(1100, 640)
        dialog.show()
        return dialog

    steps = [
        ("nhap-so-lieu", entry),
        ("theo-phuong", district),
        ("ngan-sach", budget),
        ("viet-ban-tin", narrative),
        ("xem-truoc-va-in", preview),
        ("danh-muc", catalogue),
    ]
    for name, show in steps:
        widget = show()
        settle(qt, 600)
        save(widget, name)
    setup_dialog(hbt)
    window.close()
    hbt.close()
    offices(folder, qt)


if __name__ == "__main__":
    main()

"""The data file's safety from the window (issue 5): a damaged file at start is recovered
from the newest backup, the restore dialog lists backups and restores one, a second copy
hands over to the first or opens read-only (and refuses edits), location warnings are
shown, and the program backs up in the background after start and at close."""

from __future__ import annotations

import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from hbt_desktop.core.periods import parse_period
from hbt_desktop.core.values import Value
from hbt_desktop.store.file.backup import create_backup, list_backups
from hbt_desktop.store.file.connection import open_database
from hbt_desktop.store.values import get_value
from hbt_desktop.store.writes import write_value
from hbt_desktop.ui.entry.entry_model import Col
from tests.store.file.test_backup_recovery import scribble_mid_page
from tests.ui.conftest import Dialogs, run_dialog

Q1 = parse_period("2023Q1")
CODE = "NS_THU_DIA_BAN"
ROOT = Path(__file__).resolve().parents[2]


def _write(db: Any, amount: int) -> None:
    write_value(db, Value(CODE, "Q007", Q1, Decimal(amount)), how="typed")


def _amount(db: Any) -> Decimal | None:
    value = get_value(db, CODE, "Q007", Q1)
    return None if value is None else value.amount


@pytest.fixture
def clerk_file(empty_path: Path) -> Path:
    """A data file whose backup holds 1 and which itself holds 2."""
    db = open_database(empty_path)
    _write(db, 1)
    create_backup(db, empty_path, reason="start")
    _write(db, 2)
    db.close()
    return empty_path


def test_a_damaged_file_at_start_is_restored_from_the_newest_backup(
    clerk_file: Path, start: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hbt_desktop.ui.backup.recovery_dialog import RESTORE, RecoveryDialog

    scribble_mid_page(clerk_file)
    offered = run_dialog(monkeypatch, RecoveryDialog, RESTORE)
    app = start(clerk_file)
    dialog = offered[0]
    explanation = dialog.recovery.explanation()
    assert dialog.backups.chosen() == dialog.recovery.offer
    assert "bị hỏng" in explanation and "Bản sao lưu tốt gần nhất" in explanation
    assert app.opened.restored is not None
    assert _amount(app.session.db) == Decimal(1)
    kept = list(clerk_file.parent.glob("hbt.damaged-*"))
    assert kept, "the damaged file is kept aside"
    texts = app.window.notices.texts()
    assert any("Đã khôi phục" in t for t in texts)


def test_quitting_the_recovery_changes_nothing(
    clerk_file: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from hbt_desktop.store.file.recovery import DamagedError
    from hbt_desktop.ui.app import App
    from hbt_desktop.ui.backup.recovery_dialog import QUIT, RecoveryDialog

    scribble_mid_page(clerk_file)
    before = clerk_file.read_bytes()
    run_dialog(monkeypatch, RecoveryDialog, QUIT)
    with pytest.raises(DamagedError):
        App(clerk_file, tmp_path / "prefs.ini")
    assert clerk_file.read_bytes() == before


def test_the_restore_dialog_lists_backups_and_restores_one(
    clerk_file: Path, start: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hbt_desktop.ui.backup.restore_dialog import RestoreDialog

    app = start(clerk_file)
    assert _amount(app.session.db) == Decimal(2)
    old_window = app.window

    def choose_oldest(dialog: RestoreDialog) -> int:
        listed = dialog.backups.backups
        assert [b.reason for b in listed] == ["start"]
        assert "khi mở chương trình" in dialog.backups.item(0).text()
        assert "số liệu" in dialog.backups.item(0).text()
        dialog.backups.setCurrentRow(0)
        dialog._restore_chosen()  # the confirmation (patched) answers Yes
        return int(dialog.result())

    run_dialog(monkeypatch, RestoreDialog, choose_oldest)
    app.window.restore_action.trigger()
    assert _amount(app.session.db) == Decimal(1)
    assert app.window is not old_window  # rebuilt on the restored file
    reasons = sorted(b.reason for b in list_backups(clerk_file))
    assert reasons == ["before-restore", "start"]  # what was replaced is kept
    assert any("Đã khôi phục" in t for t in app.window.notices.texts())


def test_a_refused_restore_leaves_the_file_open_and_says_why(
    clerk_file: Path, start: Any, dialogs: Dialogs, tmp_path: Path
) -> None:
    app = start(clerk_file)
    bogus = tmp_path / "khong-phai.db"
    bogus.write_bytes(b"not a database at all" * 100)
    assert not app.restore(bogus)
    assert "không phải là tệp dữ liệu" in dialogs.shown[-1][1]
    assert _amount(app.session.db) == Decimal(2)


def test_a_second_copy_opens_read_only_and_refuses_edits(
    demo_path: Path, start: Any, dialogs: Dialogs
) -> None:
    from hbt_desktop.store.file.lock import acquire_lock
    from hbt_desktop.ui.notices import Level

    held = acquire_lock(demo_path)  # another copy, on another computer: nobody answers
    try:
        app = start(demo_path)
        window = app.window
        assert app.opened.readonly and window.session.readonly
        assert "đang được mở bởi" in dialogs.shown[0][1]  # the question said who has it
        banner = window.notices.notices()[0]
        assert banner.level is Level.DANGER and "chỉ để xem" in banner.text()
        s = window.session
        s.select(period=parse_period("2023Q1"), unit_uid="Q007", sector=None)
        model = window.entry.model
        before = get_value(s.db, "NS_CHI_TONG", "Q007", parse_period("2023Q1"))
        assert not model.setData(model.index(model.row_of("NS_CHI_TONG"), Col.VALUE), "5 tỷ")
        assert "chỉ để xem" in window.entry.message.text()
        assert get_value(s.db, "NS_CHI_TONG", "Q007", parse_period("2023Q1")) == before
        assert not window.add_period_action.isEnabled()
        assert not window.restore_action.isEnabled()
        assert not window.offices.receive_action.isEnabled()
    finally:
        held.release()


def test_a_second_copy_can_quit_instead(demo_path: Path, dialogs: Dialogs, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QMessageBox

    from hbt_desktop.store.file.lock import acquire_lock
    from hbt_desktop.ui.app import App, StartCancelled

    dialogs.answer = QMessageBox.StandardButton.No
    with acquire_lock(demo_path), pytest.raises(StartCancelled):
        App(demo_path, tmp_path / "prefs.ini")


SECOND_COPY = """
import sys
from pathlib import Path
from hbt_desktop.ui.app import run
sys.exit(run(Path(sys.argv[1])))
"""


def test_a_second_copy_hands_over_to_the_first_and_exits(
    demo_path: Path, start: Any, qtbot: Any, tmp_path: Path
) -> None:
    app = start(demo_path)
    assert app.handover is not None and app.handover.listening
    asked: list[bool] = []
    app.handover.on_request = lambda: asked.append(True)
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(ROOT),
        "HBT_DESKTOP_KEYS": str(tmp_path / "keys"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    child = subprocess.Popen(
        [sys.executable, "-c", SECOND_COPY, str(demo_path)],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        qtbot.waitUntil(lambda: child.poll() is not None, timeout=30_000)
    finally:
        if child.poll() is None:
            child.kill()
    output = child.stdout.read().decode(errors="replace") if child.stdout else ""
    assert child.returncode == 0, output
    assert asked == [True]
    assert app.opened.lock is not None and app.opened.lock.held  # the first copy keeps it


def test_the_handover_pieces_raise_the_window(demo_path: Path, start: Any) -> None:
    app = start(demo_path)
    app.window.showMinimized()
    app.raise_window()
    assert not app.window.isMinimized()


def test_a_location_warning_is_shown_at_start(
    demo_path: Path, start: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hbt_desktop.store.file import recovery
    from hbt_desktop.store.file.location_checks import LocationWarning
    from hbt_desktop.ui.notices import Level

    warning = LocationWarning(
        "network", "location.network", {"path": str(demo_path), "detail": "cifs //may-chu/chung"}
    )
    monkeypatch.setattr(recovery, "check_location", lambda *a, **k: [warning])
    app = start(demo_path)
    # (The demo file also says it is the demo, in a notice of its own.)
    notices = [n for n in app.window.notices.notices() if n.level is not Level.INFO]
    assert [n.level for n in notices] == [Level.WARNING]
    assert notices[0].text() == warning.message
    notices[0].close_notice()
    assert warning.message not in app.window.notices.texts()


def test_backups_after_start_and_at_close(
    demo_path: Path, start: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hbt_desktop.ui.offices.setup_dialog import SetupDialog

    asked = run_dialog(monkeypatch, SetupDialog, 0)  # a new workstation is asked to set up
    app = start(demo_path)
    assert list_backups(demo_path) == []  # not before the window is shown: start-up is fast
    app.after_start()
    app.window.tasks.wait(30_000)
    qtbot.waitUntil(lambda: [b.reason for b in list_backups(demo_path)] == ["start"])
    assert len(asked) == 1
    app.window.session.select(period=Q1, unit_uid="Q007")
    _write(app.session.db, 7)
    app.window.close()
    assert app.close() == []
    assert sorted(b.reason for b in list_backups(demo_path)) == ["close", "start"]
    assert not app.opened.lock.held  # let go of the file

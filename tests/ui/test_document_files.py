"""The writing screen's «Xuất văn bản…» / «Nhập văn bản…», and the demo notice of a first
start with its «Bắt đầu với tệp trống…» (file dialogs and message boxes patched)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from hbt_desktop.core.periods import parse_period
from hbt_desktop.exchange.document_complete import read_complete
from hbt_desktop.store.documents import load_document
from hbt_desktop.store.file.backup import list_backups
from hbt_desktop.store.file.connection import open_database
from hbt_desktop.store.file.settings import holds_demo
from tests.conftest import db_digest
from tests.exchange.test_document_io import everything

Y2M = parse_period("2023YTD02")


def _page(window: Any) -> Any:
    window.session.select(period=Y2M, unit_uid="Q007")
    window.go_to_tab(3)
    return window.document


def _said(dialogs: Any, kind: str) -> list[str]:
    return [text for k, text in dialogs.shown if k == kind]


def _wait_for(qtbot: Any, dialogs: Any, kind: str, count: int = 1) -> str:
    qtbot.waitUntil(lambda: len(_said(dialogs, kind)) >= count, timeout=20_000)
    return _said(dialogs, kind)[count - 1]


def test_export_writes_the_whole_document_with_its_photos(
    window: Any, dialogs: Any, qtbot: Any, tmp_path: Path
) -> None:
    page = _page(window)
    dialogs.save_path = str(tmp_path / "van-ban.zip")
    page.export_button.click()
    told = _wait_for(qtbot, dialogs, "information")
    assert told.startswith("Đã xuất văn bản của quận Hai Bà Trưng, 2 tháng đầu năm 2023")
    stored = load_document(window.session.db, "Q007", Y2M)
    assert stored is not None
    assert everything(read_complete(tmp_path / "van-ban.zip")) == everything(stored)


def test_a_bare_name_takes_the_extension_of_the_chosen_filter(
    window: Any, dialogs: Any, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = _page(window)
    text_filter = page.files._filters()[1]
    assert text_filter.endswith("(*.txt)")
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "mau-quan"), text_filter)
    )
    page.export_button.click()
    _wait_for(qtbot, dialogs, "information")
    written = (tmp_path / "mau-quan.txt").read_text(encoding="utf-8")
    assert "## Kinh tế, thu ngân sách" in written and "người ký: Phan Văn Phúc" in written


def test_import_checks_asks_backs_up_and_shows_the_new_document(
    window: Any, dialogs: Any, qtbot: Any, tmp_path: Path
) -> None:
    page = _page(window)
    source = tmp_path / "mau-quan.txt"
    source.write_text("số: 77\n\n## Một mục mới\nCâu của quận {{ ky }}.\n", encoding="utf-8")
    dialogs.open_path = str(source)
    page.import_button.click()
    question = _wait_for(qtbot, dialogs, "question")
    assert question.startswith("Sẽ thay văn bản của quận Hai Bà Trưng, 2 tháng đầu năm 2023")
    assert "sao lưu" in question
    told = _wait_for(qtbot, dialogs, "information")
    assert told.startswith("Đã thay văn bản")
    doc = window.controller.doc
    assert doc.number == "77" and [s.heading for s in doc.sections] == ["Một mục mới"]
    assert page.parts.count() == 2 and page.isEnabled()
    assert any(b.reason == "import" for b in list_backups(window.session.db_path))
    # The photos stayed (their sections are gone: they now print at the end).
    assert len(doc.photos) == 2


def _import(window: Any, dialogs: Any, qtbot: Any, source: Path, text: str) -> str:
    """Import ``text`` from the writing screen; the digest of the database before."""
    page = _page(window)
    window.controller.flush()
    before = db_digest(window.session.db)
    source.write_text(text, encoding="utf-8")
    dialogs.open_path = str(source)
    page.import_button.click()
    qtbot.waitUntil(lambda: not window.tasks.busy and page.isEnabled(), timeout=20_000)
    return before


def test_import_answered_no_changes_nothing(
    window: Any, dialogs: Any, qtbot: Any, tmp_path: Path
) -> None:
    dialogs.answer = QMessageBox.StandardButton.No
    before = _import(window, dialogs, qtbot, tmp_path / "mau.txt", "số: 77\n")
    assert len(_said(dialogs, "question")) == 1
    assert db_digest(window.session.db) == before
    assert not any(b.reason == "import" for b in list_backups(window.session.db_path))
    assert _said(dialogs, "information") == []


def test_a_wrong_file_is_refused_at_its_line_and_the_screen_stays_usable(
    window: Any, dialogs: Any, qtbot: Any, tmp_path: Path
) -> None:
    before = _import(window, dialogs, qtbot, tmp_path / "sai.txt", "số: 1\nsô hiệu: 2\n")
    shown = [text for kind, text in dialogs.shown if kind in ("warning", "critical")]
    assert shown and shown[-1].startswith("Tệp sai.txt, dòng 2: không có khóa «sô hiệu»")
    assert _said(dialogs, "question") == []
    assert db_digest(window.session.db) == before


# -- the demo at the first start -------------------------------------------------------------


def _demo_notice(app: Any) -> Any:
    found = [n for n in app.window.notices.notices() if n.button is not None]
    return found[0] if found else None


def test_the_first_start_opens_the_demo_and_says_so_without_a_dialog(
    start: Any, dialogs: Any, tmp_path: Path
) -> None:
    app = start(tmp_path / "lan-dau.db")
    assert holds_demo(app.session.db)
    assert load_document(app.session.db, "Q007", Y2M) is not None  # real content to look at
    notice = _demo_notice(app)
    assert notice is not None and notice.isVisible()
    assert notice.text().startswith("Tệp này đang chứa dữ liệu mẫu")
    assert notice.button.text() == "Bắt đầu với tệp trống…"
    assert dialogs.shown == []  # a notice, not a question in the clerk's way


def test_a_file_without_the_demo_says_nothing_about_it(start: Any, empty_path: Path) -> None:
    app = start(empty_path)
    assert _demo_notice(app) is None


def test_starting_empty_answered_no_changes_nothing(
    start: Any, dialogs: Any, demo_path: Path
) -> None:
    app = start(demo_path)
    before = db_digest(app.session.db)
    dialogs.answer = QMessageBox.StandardButton.No
    _demo_notice(app).button.click()
    assert "dữ liệu mẫu" in _said(dialogs, "question")[0]
    assert db_digest(app.session.db) == before and holds_demo(app.session.db)


def test_starting_empty_keeps_the_demo_in_a_backup_and_leaves_only_reference_data(
    start: Any, dialogs: Any, demo_path: Path
) -> None:
    app = start(demo_path)
    _demo_notice(app).button.click()
    question = _said(dialogs, "question")[0]
    assert str(demo_path) in question and "sao lưu trước" in question
    db = app.session.db
    assert not holds_demo(db)
    counts = {
        t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("units", "indicators", "figure_values", "bases", "documents")
    }
    assert counts["units"] > 20 and counts["indicators"] > 20
    assert (counts["figure_values"], counts["bases"], counts["documents"]) == (0, 0, 0)
    # The window was rebuilt on the new file: it says where the demo went, and no longer
    # that it is the demo.
    assert _demo_notice(app) is None
    (said,) = [t for t in app.window.notices.texts() if t.startswith("Đã bắt đầu")]
    backup = Path(said.rsplit("bản sao lưu ", 1)[1].rstrip("."))
    kept = open_database(backup)
    try:
        assert load_document(kept, "Q007", Y2M) is not None and holds_demo(kept)
    finally:
        kept.close()
    assert backup in [b.path for b in list_backups(demo_path)]

"""Photos and header data of the document; help, About, errors; the screenshot option."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from PySide6.QtGui import QImage

from hbt_desktop.core.periods import parse_period
from hbt_desktop.core.resources import resource_path
from hbt_desktop.store.documents import load_document
from hbt_desktop.ui import errors
from hbt_desktop.ui.help import GuideDialog

Y2M = parse_period("2023YTD02")
ROOT = Path(__file__).resolve().parents[2]


def _section(window: Any, heading: str) -> Any:
    window.session.select(period=Y2M, unit_uid="Q007")
    window.go_to_tab(3)
    page = window.document
    headings = [s.heading for s in window.controller.doc.sections]
    page.parts.setCurrentRow(headings.index(heading) + 1)
    return page


def _stored(window: Any) -> Any:
    window.controller.flush()
    return load_document(window.session.db, "Q007", Y2M)


def test_photos_are_added_reordered_captioned_and_removed(window: Any, dialogs: Any) -> None:
    page = _section(window, "Cải cách hành chính")
    photos = page.editor.photos
    assert photos.list.count() == 1
    dialogs.open_path = str(resource_path("demo", "tran-nhan-tong.jpg"))
    photos.add_photo()
    assert photos.list.count() == 2
    photos.caption.setText("")
    photos.caption.textEdited.emit("Lễ hội Chùa Vua")
    photos.move_photo(-1)  # the new photo first
    doc = _stored(window)
    own = [p for p in doc.photos if p.section_position == 3]
    assert [p.caption for p in own] == ["Lễ hội Chùa Vua", "Phố Đại Cồ Việt, quận Hai Bà Trưng"]
    # The picture itself is in the database: the file on disk is no longer needed.
    assert own[0].image == Path(dialogs.open_path).read_bytes()
    dialogs.answer = dialogs.answer.Yes
    photos.list.setCurrentRow(1)
    photos.remove()
    doc = _stored(window)
    assert [p.caption for p in doc.photos if p.section_position == 3] == ["Lễ hội Chùa Vua"]


def test_a_file_that_is_not_a_picture_is_refused(window: Any, dialogs: Any, tmp_path: Path) -> None:
    page = _section(window, "Cải cách hành chính")
    bad = tmp_path / "ghi-chu.jpg"
    bad.write_text("không phải ảnh", encoding="utf-8")
    dialogs.open_path = str(bad)
    page.editor.photos.add_photo()
    assert page.editor.photos.list.count() == 1
    assert dialogs.shown and "không phải JPEG" in dialogs.shown[-1][1]


def test_header_data_is_edited_and_saved(window: Any, qtbot: Any) -> None:
    window.session.select(period=Y2M, unit_uid="Q007")
    window.go_to_tab(3)
    form = window.document.header_form
    form.number.setText("15")
    form.number.textEdited.emit("15")
    form.signer_name.setText("Nguyễn Văn Nam")
    form.signer_name.textEdited.emit("Nguyễn Văn Nam")
    form.recipients.setPlainText("Như trên\nLưu: VT")
    form.kinh_gui.setPlainText("Thường trực Quận ủy\n  \nThường trực HĐND quận")
    form.appendix_note.setText("Chi tiết tại {{ phu_luc }}.")
    form.appendix_note.textEdited.emit("Chi tiết tại {{ phu_luc }}.")
    qtbot.waitUntil(lambda: not window.controller.dirty, timeout=3000)
    doc = load_document(window.session.db, "Q007", Y2M)
    assert doc.number == "15" and doc.signer_name == "Nguyễn Văn Nam"
    assert doc.recipients == ("Như trên", "Lưu: VT")
    assert doc.kinh_gui == ("Thường trực Quận ủy", "Thường trực HĐND quận")
    assert doc.appendix_note == "Chi tiết tại {{ phu_luc }}."
    # The derived place is what an empty field means: the form says so.
    assert form.place.text() == "" and form.place.placeholderText()


def test_sections_are_added_moved_and_removed(window: Any, dialogs: Any) -> None:
    page = _section(window, "Cải cách hành chính")
    before = [s.heading for s in window.controller.doc.sections]
    page.add_section()
    page.editor.heading.setText("Mục thử")
    page.editor.heading.textEdited.emit("Mục thử")
    page.move_section(-1)
    headings = [s.heading for s in _stored(window).sections]
    assert headings.index("Mục thử") == before.index("Cải cách hành chính")
    page.remove_section()
    assert [s.heading for s in _stored(window).sections] == before


def test_user_guide_and_about(window: Any, dialogs: Any) -> None:
    guide = GuideDialog(window)
    text = guide.browser.toPlainText()
    assert "Hướng dẫn sử dụng" in text and "Ctrl+Z" in text
    window.open_about()
    kind, about = dialogs.shown[-1]
    assert kind == "about"
    assert str(window.session.db_path) in about and "1" in about


def test_unexpected_error_is_one_sentence_with_the_log_path(window: Any, dialogs: Any) -> None:
    model = window.entry.model
    window.session.select(period=parse_period("2023Q1"), unit_uid="Q007")
    row = model.row_of("NS_CHI_TONG")
    assert model.setData(model.index(row, 2), "100 tỷ")

    @errors.guarded
    def broken() -> None:
        raise RuntimeError("lỗi lập trình")

    broken()
    kind, text = dialogs.shown[-1]
    assert kind == "critical"
    assert "Đã xảy ra lỗi không mong muốn" in text and "hbt-desktop.log" in text
    assert "lỗi lập trình" not in text  # the details go to the log, not to the clerk
    # The accepted edit is in the database whatever happened after it.
    from hbt_desktop.store.values import get_value

    assert get_value(window.session.db, "NS_CHI_TONG", "Q007", parse_period("2023Q1"))


def test_screenshot_option_renders_the_window_and_exits(demo_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "shot.png"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    result = subprocess.run(
        [sys.executable, "-m", "hbt_desktop", "--db", str(demo_path), "--screenshot", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert image.width() >= 800 and image.height() >= 500

"""The narrative editor's live preview and figure picker; building, saving, printing."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from pypdf import PdfReader
from PySide6.QtCore import Qt, QTimer
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QDialog

from hbt_desktop.core.periods import parse_period
from hbt_desktop.store.documents import load_document
from hbt_desktop.ui.document.figure_picker import FigurePicker, placeholder
from hbt_desktop.ui.preview import preview_page

from .keys import press, shortcut, type_text

SEED_SENTENCE = "4.115 tỷ 081 triệu đồng, đạt 34% so với dự toán và tăng 59% so với cùng kỳ"


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() or "" for page in reader.pages))


def _revenue_section(window: Any) -> Any:
    window.session.select(period=parse_period("2023YTD02"), unit_uid="Q007")
    window.go_to_tab(3)
    page = window.document
    headings = [s.heading for s in window.controller.doc.sections]
    page.parts.setCurrentRow(headings.index("Kinh tế, thu ngân sách") + 1)
    return page


def test_preview_renders_the_sentence_with_todays_figures(window: Any) -> None:
    page = _revenue_section(window)
    assert SEED_SENTENCE in page.editor.preview.toPlainText()
    assert page.editor.problem_texts() == [
        page.editor.tr("Nothing to fix: every placeholder prints a figure of its period.")
    ]


def test_preview_follows_typing_and_lists_missing_figures(window: Any, qtbot: Any) -> None:
    page = _revenue_section(window)
    editor = page.editor
    editor.text.setFocus()
    editor.text.moveCursor(editor.text.textCursor().MoveOperation.End)
    type_text(" Tổng chi ngân sách là ")
    editor.text.insertPlainText("{{ so_lieu('NS_CHI_TONG') }}.")
    qtbot.waitUntil(lambda: "thiếu số liệu" in editor.preview.toPlainText(), timeout=3000)
    assert any("Tổng chi ngân sách" in p for p in editor.problem_texts())
    # The text was saved (after the short pause) with the Vietnamese typed as typed.
    qtbot.waitUntil(lambda: not window.controller.dirty, timeout=3000)
    doc = load_document(window.session.db, "Q007", parse_period("2023YTD02"))
    assert "Tổng chi ngân sách là {{ so_lieu('NS_CHI_TONG') }}." in doc.sections[1].template


def test_figure_picker_finds_without_accents_and_inserts_a_placeholder(
    window: Any, qtbot: Any
) -> None:
    page = _revenue_section(window)
    page.editor.text.setFocus()
    page.editor.text.moveCursor(page.editor.text.textCursor().MoveOperation.End)

    failures: list[BaseException] = []

    def drive() -> None:
        picker = QApplication.activeModalWidget()
        try:
            steer(picker)
        except BaseException as exc:  # never leave a modal dialog open on failure
            failures.append(exc)
            if picker is not None:
                picker.close()

    def steer(picker: Any) -> None:
        assert isinstance(picker, FigurePicker), picker
        qtbot.waitUntil(lambda: QApplication.focusWidget() is picker.search)
        type_text("tong thu ngan sach")
        assert picker.current_code() == "NS_THU_DIA_BAN"
        index = picker.wording.findData("share")
        picker.wording.setCurrentIndex(index)
        picker.kind.setCurrentIndex(picker.kind.findData("DT_TP_HDND_Q"))
        picker.period_box.setCurrentIndex(picker.period_box.findData("2023YTD02@20230215"))
        assert "đạt 34% so với dự toán" in picker.preview.text()
        picker.search.setFocus()
        press(Qt.Key.Key_Return)

    QTimer.singleShot(0, drive)
    shortcut("Ctrl+K")
    assert not failures, failures
    expected = placeholder("NS_THU_DIA_BAN", "2023YTD02@20230215", "share", "DT_TP_HDND_Q")
    assert page.editor.text.toPlainText().endswith(expected)


def test_picker_placeholder_texts() -> None:
    assert placeholder("NS_THU_DIA_BAN", None) == "{{ so_lieu('NS_THU_DIA_BAN') }}"
    assert (
        placeholder("X", "2023Q1", "share", "DT_TP", short=False)
        == "{{ so_lieu('X', '2023Q1').so_voi('DT_TP') }}"
    )
    assert placeholder("X", None, "growth") == "{{ so_lieu('X').tang_truong() }}"


def _build(window: Any, qtbot: Any, kind: int = 0) -> Any:
    window.session.select(period=parse_period("2023YTD02"), unit_uid="Q007")
    page = window.preview
    window.go_to_tab(4)
    page.kind.setCurrentIndex(kind)
    page.build()
    qtbot.waitUntil(lambda: page.result is not None and not page._building, timeout=30_000)
    return page


def test_building_the_bulletin_from_the_window(window: Any, qtbot: Any) -> None:
    page = _build(window, qtbot)
    text = pdf_text(page.result.pdf)
    assert SEED_SENTENCE in text
    assert "ước tăng 11,7%" in text
    assert page.document.pageCount() == page.result.pages >= 2
    assert page.print_button.isEnabled() and page.save_button.isEnabled()


def test_building_the_report_and_saving_it(
    window: Any, qtbot: Any, tmp_path: Path, dialogs: Any
) -> None:
    page = _build(window, qtbot, kind=1)
    assert "BÁO CÁO" in pdf_text(page.result.pdf)
    dialogs.save_path = str(tmp_path / "bao-cao")
    page.save_as()
    saved = tmp_path / "bao-cao.pdf"
    assert saved.read_bytes() == page.result.pdf
    # The leader's copy for editing: a real Word file of the same report.
    dialogs.save_path = str(tmp_path / "bao-cao.docx")
    page.save_as()
    word = tmp_path / "bao-cao.docx"
    assert zipfile.is_zipfile(word)
    assert "BÁO CÁO" in "\n".join(p.text for p in Document(str(word)).paragraphs)
    # Any other extension is refused in one sentence, and nothing is written.
    dialogs.save_path = str(tmp_path / "bao-cao.txt")
    page.save_as()
    assert not (tmp_path / "bao-cao.txt").exists()
    assert "hãy đặt tên tệp có đuôi .pdf hoặc .docx" in dialogs.shown[-1][1]


def test_the_bulletin_is_saved_only_as_pdf(
    window: Any, qtbot: Any, tmp_path: Path, dialogs: Any
) -> None:
    page = _build(window, qtbot)
    dialogs.save_path = str(tmp_path / "ban-tin.docx")
    page.save_as()
    assert not (tmp_path / "ban-tin.docx").exists()
    assert "đuôi .pdf" in dialogs.shown[-1][1]


class FakePrintDialog:
    """Stands in for the system print dialog: 'OK' with the printer writing a PDF file."""

    target = ""

    def __init__(self, printer: QPrinter, parent: Any = None) -> None:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(self.target)
        printer.setResolution(72)

    def setWindowTitle(self, title: str) -> None:
        pass

    def exec(self) -> int:
        return int(QDialog.DialogCode.Accepted)


def test_print_renders_every_page_to_the_printer(
    window: Any, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = _build(window, qtbot)
    FakePrintDialog.target = str(tmp_path / "printed.pdf")
    monkeypatch.setattr(preview_page, "QPrintDialog", FakePrintDialog)
    page.print_document()
    printed = PdfReader(FakePrintDialog.target)
    assert len(printed.pages) == page.result.pages


def test_a_build_does_not_block_the_window(window: Any, qtbot: Any) -> None:
    window.session.select(period=parse_period("2023YTD02"), unit_uid="Q007")
    window.go_to_tab(4)
    window.preview.build()
    # The event loop keeps running while the worker builds: the window still answers.
    assert window.preview._building
    window.go_to_tab(0)
    assert window.tabs.currentIndex() == 0
    qtbot.waitUntil(lambda: window.preview.result is not None, timeout=30_000)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        # a method without brackets: once "<bound method …>" while the list said all was well
        ("{{ so_lieu('NS_THU_DIA_BAN', '2023YTD02@20230215').tang_truong }}", "dấu ngoặc"),
        # a quý I figure in a sentence that does not say quý I
        ("Thu 2 tháng là {{ so_lieu('NS_THU_DIA_BAN', 'quý I/2023') }}.", "không phải của kỳ"),
        # a wrong verb: once Python's English in the preview
        (
            "{{ so_lieu('NS_THU_DIA_BAN', 'quý I/2023').so_voi('DT_TP_HDND_Q', dong_tu='x') }}",
            "Động từ",
        ),
    ],
)
def test_the_editor_lists_what_strict_refuses_in_vietnamese(
    window: Any, qtbot: Any, typed: str, expected: str
) -> None:
    page = _revenue_section(window)
    editor = page.editor
    editor.text.setPlainText(typed)
    qtbot.waitUntil(lambda: any(expected in p for p in editor.problem_texts()), timeout=3000)
    preview = editor.preview.toPlainText()
    assert "<bound" not in preview and "must be" not in preview
    # The whole-document check says the same, for both printed forms.
    page.check_document()
    assert any(expected in p for p in page.problem_texts())


def test_the_document_check_passes_the_demo(window: Any) -> None:
    page = _revenue_section(window)
    page.check_document()
    assert page.problem_texts() == [
        page.tr("Nothing to fix: both documents can be printed as they stand.")
    ]

"""The Vietnamese interface: every string translated, placeholders kept, nothing English
visible on any screen, and English still selectable."""

from __future__ import annotations

import os
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import PySide6
import pytest
from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTabWidget,
    QTreeWidget,
    QWidget,
)

from hbt_desktop.core import i18n
from hbt_desktop.core.errors import InputError
from hbt_desktop.core.periods import parse_period
from hbt_desktop.core.resources import resource_path
from hbt_desktop.ui.admin import forms
from hbt_desktop.ui.admin.catalogue_dialog import CatalogueDialog
from hbt_desktop.ui.admin.units_dialog import MergerDialog, UnitsDialog, unit_form
from hbt_desktop.ui.app import App
from hbt_desktop.ui.document.figure_picker import FigurePicker
from hbt_desktop.ui.help import GuideDialog, SettingsDialog
from hbt_desktop.ui.period_dialog import PeriodDialog
from hbt_desktop.ui.prefs import Prefs
from hbt_desktop.ui.translation import install_language

TS = resource_path("i18n", "hbt_desktop_vi.ts")
QM = resource_path("i18n", "hbt_desktop_vi.qm")
ROOT = Path(__file__).resolve().parents[2]

# Words that are the same in both interfaces (names, key caps, formats).
ALLOWED = {"hbt", "desktop", "pdf", "ctrl", "shift", "alt", "enter", "esc", "tab", "del"}
ALLOWED |= {"pgup", "pgdown", "return", "jpg", "jpeg", "png", "qt", "excel", "xlsx"}
ALLOWED |= {"menu"}  # Vietnamese interfaces say "menu" too
ALLOWED |= {"word", "docx"}  # the program's name: "tệp Word"
ALLOWED |= {"txt", "zip", "json"}  # file types, named as their extensions


def messages() -> list[tuple[str, ET.Element]]:
    root = ET.parse(TS).getroot()
    return [
        (ctx.findtext("name") or "", message)
        for ctx in root.iter("context")
        for message in ctx.iter("message")
    ]


def _translation(message: ET.Element) -> str:
    tr = message.find("translation")
    assert tr is not None
    numerus = tr.findall("numerusform")
    return " ".join(f.text or "" for f in numerus) if numerus else tr.text or ""


def test_every_string_has_a_finished_vietnamese_translation() -> None:
    found = messages()
    assert len(found) > 250
    unfinished = []
    for context, message in found:
        tr = message.find("translation")
        assert tr is not None
        if (
            tr.get("type") in ("unfinished", "vanished", "obsolete")
            or not _translation(message).strip()
        ):
            unfinished.append((context, message.findtext("source")))
    assert unfinished == []


PLACEHOLDER = re.compile(r"\{[a-z_]*\}|%\d|%n|%L\d")


def test_every_translation_keeps_its_placeholders_and_one_accelerator() -> None:
    for context, message in messages():
        source = message.findtext("source") or ""
        target = _translation(message)
        where = f"{context}: {source!r}"
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(target)), where
        # Qt mnemonics: "&x" (but "&&" is a literal ampersand). Same count, ASCII letter.
        marks_source = re.findall(r"(?<!&)&(?!&)(.)", source.replace("&lt;", "<"))
        marks_target = re.findall(r"(?<!&)&(?!&)(.)", target.replace("&lt;", "<"))
        assert len(marks_source) == len(marks_target), where
        assert all(m.isascii() and m.isalnum() for m in marks_target), where


def test_the_committed_qm_is_compiled_from_the_ts(tmp_path: Path) -> None:
    # The running interpreter's own (under Wine, the checkout's .venv is Linux's).
    lrelease = Path(PySide6.__file__).parent / ("lrelease.exe" if os.name == "nt" else "lrelease")
    if not lrelease.exists():
        pytest.skip("PySide6's lrelease is not installed here")
    out = tmp_path / "check.qm"
    subprocess.run([str(lrelease), str(TS), "-qm", str(out)], check=True, capture_output=True)
    assert out.read_bytes() == QM.read_bytes(), "run resources/i18n/update.sh and commit the .qm"


def test_core_messages_follow_the_interface_language(qapp: Any) -> None:

    error = InputError("number.empty")
    install_language("en")
    assert error.message == "No number was entered."
    install_language("vi")
    assert error.message == "Chưa nhập số."
    assert i18n.get_language() == "vi"


# -- what is on the screens ----------------------------------------------------------------


def _english_words() -> set[str]:
    words: set[str] = set()
    for _, message in messages():
        source = message.findtext("source") or ""
        if _translation(message) == source:
            continue
        text = re.sub(r"<[^>]+>|\{[a-z_]*\}", " ", source.replace("&", ""))
        words |= {w.lower() for w in re.findall(r"[A-Za-z]{4,}", text)}
    return words - ALLOWED


def _model_headers(model: QAbstractItemModel | None) -> list[str]:
    if model is None:
        return []
    texts = []
    try:
        columns = model.columnCount()
    except TypeError:  # list models (QListView) have one column and no header to read
        return []
    for section in range(columns):
        value = model.headerData(section, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        if value:
            texts.append(str(value))
    return texts


def visible_texts(widget: QWidget) -> list[str]:
    """Every string the interface itself puts on ``widget`` and its children."""
    texts = [widget.windowTitle(), widget.toolTip()]
    for child in [widget, *widget.findChildren(QWidget)]:
        if isinstance(child, (QLabel, QAbstractButton)):
            texts.append(child.text())
        elif isinstance(child, QGroupBox):
            texts.append(child.title())
        elif isinstance(child, QLineEdit):
            texts.append(child.placeholderText())
        elif isinstance(child, QTabWidget):
            texts += [child.tabText(i) for i in range(child.count())]
        elif isinstance(child, QTreeWidget):
            header = child.headerItem()
            texts += [header.text(i) for i in range(header.columnCount())] if header else []
        if isinstance(child, QAbstractItemView) and not isinstance(child, QTreeWidget):
            texts += _model_headers(child.model())
        if isinstance(child, QComboBox):
            texts += [child.itemText(i) for i in range(child.count())]
        texts.append(child.toolTip())
        for action in child.actions():
            texts += [action.text(), action.toolTip()]
            menu = action.menu()
            if isinstance(menu, QMenu):
                texts += [a.text() for a in menu.actions()]
    return [t for t in texts if t and t.strip()]


def assert_vietnamese(texts: list[str]) -> None:
    english = _english_words()
    sources = {
        m.findtext("source") for _, m in messages() if _translation(m) != m.findtext("source")
    }
    leaks = []
    for text in texts:
        plain = text.replace("&", "")
        if text in sources or plain in sources:
            leaks.append(text)
            continue
        words = {w.lower() for w in re.findall(r"[A-Za-z]{4,}", re.sub(r"<[^>]+>", " ", plain))}
        if words & english:
            leaks.append(f"{text}  ←  {sorted(words & english)}")
    assert leaks == []


def test_no_english_on_the_main_window_and_its_tabs(window: Any, qtbot: Any) -> None:
    window.session.select(period=parse_period("2023YTD02"), unit_uid="Q007")
    texts = []
    for tab in range(window.tabs.count()):
        window.go_to_tab(tab)
        texts += visible_texts(window)
    menu_bar = window.menuBar()
    for action in menu_bar.actions():
        texts.append(action.text())
        menu = action.menu()
        if isinstance(menu, QMenu):
            texts += [a.text() for a in menu.actions() if a.text()]
    window.document.parts.setCurrentRow(2)  # a section: the editor, preview and photos
    texts += visible_texts(window.document)
    window.preview.build()
    qtbot.waitUntil(lambda: window.preview.result is not None, timeout=30_000)
    texts += visible_texts(window.preview)
    texts.append(window.statusBar().findChildren(QLabel)[0].text())
    assert_vietnamese(texts)
    assert "Nhập số liệu" in texts and "Số liệu" in texts  # the check does see the screen


def test_no_english_in_the_dialogs(window: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[QDialog] = []
    monkeypatch.setattr(forms.Form, "ask", lambda self: opened.append(self))  # noqa: PLW0108 - a method
    session = window.session
    cat = session.source.catalogue
    forms.sector_form(window, None)
    forms.sector_form(window, cat.sectors["NS_THU"])
    forms.indicator_form(window, cat, cat.indicators["NS_THU_DIA_BAN"], None)
    forms.indicator_form(window, cat, None, "NS_THU")
    forms.base_kind_form(window, None)
    forms.date_form(window, "Ngừng sử dụng", "Từ ngày", parse_period("2023").start)
    unit_form(window, session, session.source.units.get("P00241"))
    dialogs = [
        *opened,
        CatalogueDialog(window, session),
        UnitsDialog(window, session),
        MergerDialog(window, session),
        PeriodDialog(window, session.period),
        FigurePicker(window, session, session.period),
        GuideDialog(window),
        SettingsDialog(window, "vi"),
    ]
    texts = []
    for dialog in dialogs:
        texts += visible_texts(dialog)
        for tabs in dialog.findChildren(QTabWidget):
            for i in range(tabs.count()):
                tabs.setCurrentIndex(i)
                texts += visible_texts(tabs.widget(i))
    assert_vietnamese(texts)
    assert "Hủy" in texts  # Qt's own Cancel button, translated through our .ts


def test_english_can_be_chosen_and_the_window_follows(
    demo_path: Path, tmp_path: Path, qtbot: Any
) -> None:

    app = App(demo_path, tmp_path / "prefs.ini")
    try:
        assert app.window is not None
        qtbot.addWidget(app.window)
        assert app.window.tabs.tabText(0) == "Nhập số liệu"
        app.change_language("en")
        qtbot.addWidget(app.window)
        assert app.window.tabs.tabText(0) == "Enter figures"
        assert i18n.get_language() == "en"
        assert Prefs(tmp_path / "prefs.ini").language == "en"
    finally:
        if app.window is not None:
            app.window.close()
        install_language("vi")


def test_the_check_itself_catches_a_leak(qapp: Any) -> None:
    with pytest.raises(AssertionError):
        assert_vietnamese(["Nhập số liệu", "Enter figures"])
    with pytest.raises(AssertionError):  # a sentence assembled around an English word
        assert_vietnamese(["Tệp dữ liệu: C:\\hbt.db — Comment"])
    assert_vietnamese(["Phường Đồng Nhân", "4.115 tỷ 081 triệu đồng", "hbt-desktop", "Ctrl+K"])

"""Typing as a clerk does, one key at a time, into whichever widget has the focus.

``qtbot.keyClicks`` aborts the whole test process on any non-ASCII character (see
docs/architecture reference), so text is sent one character at a time as a key event
carrying that character (``Qt.Key_unknown`` + text), which is also what a Vietnamese
input method (Unikey, in its default mode) delivers after composing a letter.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

NONE = Qt.KeyboardModifier.NoModifier


def focus() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def type_text(text: str) -> None:
    for ch in text:
        key = Qt.Key(ord(ch.upper())) if ch.isascii() and ch.isalnum() else Qt.Key.Key_unknown
        if ch == " ":
            key = Qt.Key.Key_Space
        QTest.sendKeyEvent(QTest.KeyAction.Click, focus(), key, ch, NONE)


def press(key: Qt.Key, modifiers: Qt.KeyboardModifier = NONE) -> None:
    QTest.keyClick(focus(), key, modifiers)


def shortcut(sequence: str) -> None:
    """A key combination such as "Ctrl+Z", sent to the focused widget's window."""

    combo = QKeySequence(sequence)[0]
    QTest.keyClick(focus(), combo.key(), combo.keyboardModifiers())

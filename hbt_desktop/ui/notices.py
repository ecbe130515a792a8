"""Notices above the working tabs: what the clerk should know but need not answer now.

A warning about where the data file sits (a network share, a USB stick, a synced
folder, a nearly full disk), what the start-up did (a file restored from a backup), a
window opened read-only, the district's returned file: one line each, in colour, with a
button that closes it. A dialog would stop the clerk before the window is even usable;
a notice stays in view until read and costs nothing at start-up.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QToolButton, QVBoxLayout, QWidget


class Level(StrEnum):
    INFO = "info"
    WARNING = "warning"
    DANGER = "danger"


STYLES = {
    Level.INFO: "background: #cff4fc; color: #055160;",
    Level.WARNING: "background: #fff3cd; color: #664d03;",
    Level.DANGER: "background: #f8d7da; color: #842029;",
}


# A button on a notice: its label and what it does (the notice stays until closed).
Action = tuple[str, Callable[[], None]]


class Notice(QWidget):
    def __init__(
        self, text: str, level: Level, closable: bool = True, action: Action | None = None
    ) -> None:
        super().__init__()
        self.level = level
        self.setObjectName("notice")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(f"QWidget#notice {{ {STYLES[level]} }}")
        self.label = QLabel(text)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setStyleSheet(f"QLabel {{ {STYLES[level]} }}")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.label, 1)
        self.button: QPushButton | None = None
        if action is not None:
            label, slot = action
            self.button = QPushButton(label)
            self.button.clicked.connect(slot)
            layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignTop)
        if closable:
            close = QToolButton()
            close.setText("✕")
            close.setToolTip(self.tr("Close this notice"))
            close.setAutoRaise(True)
            close.clicked.connect(self.close_notice)
            layout.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)

    def text(self) -> str:
        return self.label.text()

    def close_notice(self) -> None:
        self.hide()
        self.deleteLater()


class NoticeBar(QWidget):
    """A column of notices; empty (and taking no room) most of the time."""

    def __init__(self) -> None:
        super().__init__()
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(1)

    def add(
        self,
        text: str,
        level: Level = Level.INFO,
        *,
        closable: bool = True,
        action: Action | None = None,
    ) -> Notice:
        notice = Notice(text, level, closable, action)
        self._layout.addWidget(notice)
        return notice

    def notices(self) -> list[Notice]:
        return [n for n in self.findChildren(Notice) if not n.isHidden()]

    def texts(self) -> list[str]:
        return [n.text() for n in self.notices()]

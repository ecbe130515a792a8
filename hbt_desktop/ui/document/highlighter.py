"""Colours for the template editor: placeholders stand out from the clerk's prose.

``{{ … }}`` (a figure) in blue, ``{% … %}`` (a definition or a condition) in grey, so
that the sentence itself reads easily around them and a broken brace is noticed.
"""

from __future__ import annotations

import re

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument

_FIGURE = re.compile(r"\{\{.*?\}\}")
_STATEMENT = re.compile(r"\{%.*?%\}")


def _format(color: str, bold: bool = False) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(QColor(color))
    if bold:
        fmt.setFontWeight(QFont.Weight.DemiBold)
    return fmt


class TemplateHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._figure = _format("#0b5ed7", bold=True)
        self._statement = _format("#6c757d")

    def highlightBlock(self, text: str) -> None:
        for pattern, fmt in ((_STATEMENT, self._statement), (_FIGURE, self._figure)):
            for match in pattern.finditer(text):
                self.setFormat(match.start(), match.end() - match.start(), fmt)

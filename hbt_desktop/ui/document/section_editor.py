"""One section of the document: heading, narrative text, live preview, what to fix.

The text is a template (``core.narrative``): figures are placeholders that the "insert
figure" picker writes. While the clerk types, the preview shows the sentence rendered
with today's figures — anything that cannot print appears as a red marker — and the list
under it says, in Vietnamese, everything to fix before printing: a placeholder with no
figure, a figure of another period without its period in the sentence, a method written
without brackets, a typo in a name. ``--strict`` refuses exactly these. Rendering waits
for a short pause in typing (``PREVIEW_DELAY_MS``).
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from hbt_desktop.core.documents import DocumentSpec, SectionSpec
from hbt_desktop.core.errors import HbtError
from hbt_desktop.core.narrative import MISSING_CLOSE, MISSING_OPEN, RenderResult, render
from hbt_desktop.core.text import clean
from hbt_desktop.ui.document.figure_picker import pick_figure
from hbt_desktop.ui.document.highlighter import TemplateHighlighter
from hbt_desktop.ui.document.photos_panel import PhotosPanel
from hbt_desktop.ui.errors import guarded
from hbt_desktop.ui.session import Session

PREVIEW_DELAY_MS = 250


def preview_html(result: RenderResult) -> str:
    """Paragraphs as HTML, with missing-figure markers in red."""
    out = []
    for paragraph in result.paragraphs:
        text = html.escape(paragraph)
        opening, closing = html.escape(MISSING_OPEN), html.escape(MISSING_CLOSE)
        text = text.replace(opening, f'<span style="color:#b02a37">{opening}')
        text = text.replace(closing, f"{closing}</span>")
        out.append(f"<p>{text}</p>")
    return "".join(out)


class SectionEditor(QWidget):
    changed = Signal()

    def __init__(self, session: Session) -> None:  # noqa: PLR0915 - lays out the editor
        super().__init__()
        self.session = session
        self.doc: DocumentSpec | None = None
        self.section: SectionSpec | None = None
        self._filling = False
        self.heading = QLineEdit()
        self.level = QComboBox()
        self.level.addItem(self.tr("Section"), 1)
        self.level.addItem(self.tr("Subsection"), 2)
        self.in_bulletin = QCheckBox(self.tr("In the bulletin"))
        self.in_report = QCheckBox(self.tr("In the report"))
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.highlighter = TemplateHighlighter(self.text.document())
        self.insert_button = QPushButton(self.tr("Insert figure… (Ctrl+K)"))
        self.preview = QTextBrowser()
        self.problems = QListWidget()
        self.problems.setMaximumHeight(72)
        self.photos = PhotosPanel()

        form = QFormLayout()
        heading_label = QLabel(self.tr("Hea&ding"))
        heading_label.setObjectName("heading_label")
        heading_label.setBuddy(self.heading)
        options = QHBoxLayout()
        options.addWidget(self.level)
        options.addWidget(self.in_bulletin)
        options.addWidget(self.in_report)
        options.addStretch(1)
        form.addRow(heading_label, self.heading)
        form.addRow("", options)
        text_box = QWidget()
        text_layout = QVBoxLayout(text_box)
        text_layout.setContentsMargins(0, 0, 0, 0)
        text_label = QLabel(self.tr("&Text (figures are placeholders)"))
        text_label.setObjectName("text_label")
        text_label.setBuddy(self.text)
        top = QHBoxLayout()
        top.addWidget(text_label)
        top.addStretch(1)
        top.addWidget(self.insert_button)
        text_layout.addLayout(top)
        text_layout.addWidget(self.text)
        preview_box = QWidget()
        preview_layout = QVBoxLayout(preview_box)
        preview_layout.setContentsMargins(0, 0, 0, 0)
        preview_layout.addWidget(QLabel(self.tr("Preview with today's figures")))
        preview_layout.addWidget(self.preview, 1)
        self.problems_label = QLabel(self.tr("To fix before printing"))
        preview_layout.addWidget(self.problems_label)
        preview_layout.addWidget(self.problems)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(text_box)
        splitter.addWidget(preview_box)
        splitter.addWidget(self.photos)
        splitter.setSizes([300, 300, 130])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(splitter, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.update_preview)
        self.heading.textEdited.connect(self._store)
        self.text.textChanged.connect(self._store)
        self.level.currentIndexChanged.connect(self._store)
        self.in_bulletin.toggled.connect(self._store)
        self.in_report.toggled.connect(self._store)
        self.insert_button.clicked.connect(self.insert_figure)
        self.photos.changed.connect(self.changed)
        shortcut = QShortcut(QKeySequence("Ctrl+K"), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.insert_figure)

    def show_section(self, doc: DocumentSpec | None, section: SectionSpec | None) -> None:
        self.doc, self.section = doc, section
        self._filling = True
        try:
            self.setEnabled(section is not None)
            self.heading.setText(section.heading if section else "")
            self.level.setCurrentIndex(1 if section and section.level == 2 else 0)
            self.in_bulletin.setChecked(bool(section and section.in_bulletin))
            self.in_report.setChecked(bool(section and section.in_report))
            self.text.setPlainText(section.template if section else "")
        finally:
            self._filling = False
        position = doc.sections.index(section) if doc and section else None
        self.photos.show_section(doc, position)
        self.update_preview()

    def _store(self, *_: object) -> None:
        if self._filling or self.section is None:
            return
        s = self.section
        s.heading = clean(self.heading.text())
        s.level = int(self.level.currentData())
        s.in_bulletin = self.in_bulletin.isChecked()
        s.in_report = self.in_report.isChecked()
        s.template = self.text.toPlainText()
        self._timer.start()
        self.changed.emit()

    def update_preview(self) -> None:
        self._timer.stop()
        unit = self.session.unit
        self.problems.clear()
        if self.section is None or unit is None:
            self.preview.clear()
            return
        try:
            result = render(self.section.template, self.session.source, unit, self.session.period)
        except HbtError as exc:
            self.preview.setHtml(f'<p style="color:#b02a37">{html.escape(exc.message)}</p>')
            self.problems.addItem(exc.message)
            return
        self.preview.setHtml(preview_html(result))
        for problem in result.problems:
            self.problems.addItem(problem.text)
        if not result.problems:
            self.problems.addItem(
                self.tr("Nothing to fix: every placeholder prints a figure of its period.")
            )

    @guarded
    def insert_figure(self) -> None:
        if self.section is None:
            return
        text = pick_figure(self.window(), self.session, self.session.period)
        if text:
            self.text.insertPlainText(text)
            self.text.setFocus()

    def problem_texts(self) -> list[str]:
        return [self.problems.item(i).text() for i in range(self.problems.count())]

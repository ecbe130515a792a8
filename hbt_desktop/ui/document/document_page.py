"""The writing screen: the document's parts on the left, the chosen part on the right.

The first entry is the header data (masthead, headline, number and symbol, signer…);
then one entry per section. Sections can be added, removed and moved; the text of each
is edited with a live preview. Everything is saved by the document controller.
"Check the document" runs the check ``--strict`` runs (``reports.document_check``) on
both printed forms and lists what to fix, in Vietnamese.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from hbt_desktop.core.documents import SectionSpec
from hbt_desktop.ui.document.controller import DocumentController
from hbt_desktop.ui.document.file_actions import DocumentFiles
from hbt_desktop.ui.document.header_form import HeaderForm
from hbt_desktop.ui.document.section_editor import SectionEditor
from hbt_desktop.ui.errors import guarded
from hbt_desktop.ui.session import Session
from hbt_desktop.ui.tasks import TaskRunner


class DocumentPage(QWidget):
    def __init__(  # noqa: PLR0915 - lays out the page
        self, session: Session, controller: DocumentController, tasks: TaskRunner | None = None
    ) -> None:
        super().__init__()
        self.session = session
        self.controller = controller
        self.files = DocumentFiles(self, session, controller, tasks or TaskRunner(self))
        self.parts = QListWidget()
        self.parts.setWordWrap(True)
        self.parts.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.add_button = QPushButton(self.tr("Add section (Ctrl+N)"))
        self.remove_button = QPushButton(self.tr("Remove section"))
        self.up_button = QPushButton(self.tr("Up"))
        self.down_button = QPushButton(self.tr("Down"))
        self.export_button = QPushButton(self.tr("Export document…"))
        self.export_button.setToolTip(
            self.tr(
                "Save this document (header, sections, photos) to a file for another unit, "
                "period or computer"
            )
        )
        self.import_button = QPushButton(self.tr("Import document…"))
        self.import_button.setToolTip(
            self.tr(
                "Replace this document with one from a file (.txt, .zip or .json); a "
                "backup is made first"
            )
        )
        self.header_form = HeaderForm()
        self.editor = SectionEditor(session)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.header_form)
        self.stack.addWidget(self.editor)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.check_button = QPushButton(self.tr("Check the document (Ctrl+Shift+K)"))
        self.check_list = QListWidget()
        self.check_list.setWordWrap(True)
        self.check_list.setMaximumHeight(160)
        self.check_list.hide()

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        parts_label = QLabel(self.tr("Parts of the d&ocument"))
        parts_label.setBuddy(self.parts)
        left_layout.addWidget(parts_label)
        left_layout.addWidget(self.parts, 1)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button):
            buttons.addWidget(button)
        moves = QHBoxLayout()
        for button in (self.up_button, self.down_button):
            moves.addWidget(button)
        left_layout.addLayout(buttons)
        left_layout.addLayout(moves)
        left_layout.addWidget(self.check_button)
        left_layout.addWidget(self.check_list)
        files = QHBoxLayout()
        for button in (self.export_button, self.import_button):
            files.addWidget(button)
        left_layout.addLayout(files)
        left_layout.addWidget(self.status)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 4)
        splitter.setSizes([260, 1000])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)

        self.parts.currentRowChanged.connect(self._part_chosen)
        self.add_button.clicked.connect(self.add_section)
        self.remove_button.clicked.connect(self.remove_section)
        self.up_button.clicked.connect(lambda: self.move_section(-1))
        self.down_button.clicked.connect(lambda: self.move_section(1))
        self.check_button.clicked.connect(self.check_document)
        self.export_button.clicked.connect(self.files.export)
        self.import_button.clicked.connect(self.files.import_file)
        self.header_form.changed.connect(self._changed)
        self.editor.changed.connect(self._changed)
        controller.loaded.connect(self._loaded)
        self._shown: tuple[str, str] | None = None
        add = QShortcut(QKeySequence("Ctrl+N"), self)
        add.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        add.activated.connect(self.add_section)
        check = QShortcut(QKeySequence("Ctrl+Shift+K"), self)
        check.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        check.activated.connect(self.check_document)
        controller.saved.connect(self._saved)

    def _label(self, number: int, section: SectionSpec) -> str:
        indent = "    " if section.level == 2 else ""
        heading = section.heading or self.tr("(no heading)")
        return f"{indent}{number}. {heading}"

    def _loaded(self) -> None:
        doc = self.controller.doc
        key = (doc.unit_uid, doc.period.id) if doc else None
        # The same document read again (a draft following new figures): stay where we are.
        self.show_document(self.parts.currentRow() if key == self._shown else 0)
        self._shown = key

    def show_document(self, keep_row: int = 0) -> None:
        doc = self.controller.doc
        self.parts.blockSignals(True)
        self.parts.clear()
        self.parts.addItem(self.tr("Header data (number, signer, recipients…)"))
        if doc is not None:
            for number, section in enumerate(doc.sections, start=1):
                self.parts.addItem(self._label(number, section))
        self.parts.blockSignals(False)
        self.header_form.show_document(doc)
        self.parts.setCurrentRow(max(0, min(keep_row, self.parts.count() - 1)))
        self._part_chosen(self.parts.currentRow())
        if self.controller.drafted:
            self.status.setText(
                self.tr("A draft written from the figures; it is saved when you change it.")
            )
        else:
            self.status.setText("")

    def _part_chosen(self, row: int) -> None:
        self.controller.flush()
        doc = self.controller.doc
        if row <= 0 or doc is None or row - 1 >= len(doc.sections):
            self.stack.setCurrentWidget(self.header_form)
            self.editor.show_section(doc, None)
            return
        self.editor.show_section(doc, doc.sections[row - 1])
        self.stack.setCurrentWidget(self.editor)

    def _changed(self) -> None:
        self.controller.touch()
        row = self.parts.currentRow()
        doc = self.controller.doc
        if doc is not None and 1 <= row <= len(doc.sections):
            item = self.parts.item(row)
            if item is not None:
                item.setText(self._label(row, doc.sections[row - 1]))

    def _saved(self) -> None:
        self.status.setText(self.tr("Saved."))

    def _renumber(self, doc_row: int) -> None:
        doc = self.controller.doc
        if doc is None:
            return
        for i, section in enumerate(doc.sections):
            section.position = i
        self.controller.touch()
        self.show_document(doc_row)

    @guarded
    def add_section(self) -> None:
        doc = self.controller.doc
        if doc is None:
            return
        row = self.parts.currentRow()
        at = row if row >= 1 else len(doc.sections)
        for photo in doc.photos:
            if photo.section_position is not None and photo.section_position >= at:
                photo.section_position += 1
        doc.sections.insert(at, SectionSpec(heading=self.tr("New section"), template=""))
        self._renumber(at + 1)
        self.editor.heading.setFocus()
        self.editor.heading.selectAll()

    @guarded
    def remove_section(self) -> None:
        doc = self.controller.doc
        row = self.parts.currentRow()
        if doc is None or not 1 <= row <= len(doc.sections):
            return
        section = doc.sections[row - 1]
        answer = QMessageBox.question(
            self,
            self.tr("Remove section"),
            self.tr("Remove the section «{heading}» and its photos?").format(
                heading=section.heading or self.tr("(no heading)")
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        at = row - 1
        doc.photos = [p for p in doc.photos if p.section_position != at]
        for photo in doc.photos:
            if photo.section_position is not None and photo.section_position > at:
                photo.section_position -= 1
        del doc.sections[at]
        self._renumber(min(row, len(doc.sections)))

    @guarded
    def move_section(self, step: int) -> None:
        doc = self.controller.doc
        row = self.parts.currentRow()
        if doc is None or not 1 <= row <= len(doc.sections):
            return
        a, b = row - 1, row - 1 + step
        if not 0 <= b < len(doc.sections):
            return
        doc.sections[a], doc.sections[b] = doc.sections[b], doc.sections[a]
        for photo in doc.photos:
            if photo.section_position == a:
                photo.section_position = b
            elif photo.section_position == b:
                photo.section_position = a
        self._renumber(b + 1)

    @guarded
    def check_document(self) -> None:
        """List what must be fixed before the bulletin and the report can be printed."""
        unit = self.session.unit
        if self.controller.doc is None or unit is None:
            return
        self.controller.flush()
        from hbt_desktop.reports.document_check import document_problems

        found = document_problems(self.session.db, unit.uid, self.session.period)
        self.check_list.clear()
        for text in found:
            self.check_list.addItem(text)
        if not found:
            self.check_list.addItem(
                self.tr("Nothing to fix: both documents can be printed as they stand.")
            )
        self.check_list.show()

    def problem_texts(self) -> list[str]:
        return [self.check_list.item(i).text() for i in range(self.check_list.count())]

    def focus_editor(self) -> None:
        if self.stack.currentWidget() is self.editor:
            self.editor.text.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.parts.setFocus(Qt.FocusReason.OtherFocusReason)

"""The writing screen's «Export document…» and «Import document…»: the document as a file.

Each is one ``app`` call run by the window's task runner, on a connection of its own (an
SQLite connection belongs to the thread that made it). An import is first run dry —
every check, nothing stored — and the clerk is told what it would do and asked; only
then is it run for real, after a backup (``app.imports``), and the screen reads the
document again. While an import runs the writing screen takes no typing, so nothing
typed can be overwritten.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from hbt_desktop.app.exports import export_document_file
from hbt_desktop.app.imports import import_document
from hbt_desktop.app.opening import DataFile
from hbt_desktop.core.periods import Period, format_period
from hbt_desktop.ui.document.controller import DocumentController
from hbt_desktop.ui.errors import guarded
from hbt_desktop.ui.session import Session
from hbt_desktop.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from sqlite_utils import Database

    from hbt_desktop.app.changes import Done
    from hbt_desktop.app.document_files import DocumentExport, DocumentImport


class DocumentFiles(QObject):
    """The two actions, for the writing screen ``page``."""

    def __init__(
        self, page: QWidget, session: Session, controller: DocumentController, tasks: TaskRunner
    ) -> None:
        super().__init__(page)
        self.page = page
        self.session = session
        self.controller = controller
        self.tasks = tasks
        self._source = Path()  # the file being imported, between the dry run and the import

    def _filters(self) -> list[str]:
        return [
            self.tr("Complete document, with photos (*.zip)"),
            self.tr("Text form, to edit in any editor (*.txt)"),
            self.tr("Complete document as one JSON file (*.json)"),
        ]

    @guarded
    def export(self) -> None:
        s = self.session
        unit = s.unit
        if unit is None:
            return
        self.controller.flush()
        period = s.period
        filters = self._filters()
        suggested = f"van-ban-{unit.code}-{period.id.replace('@', '-')}.zip"
        path, chosen = QFileDialog.getSaveFileName(
            self.page,
            self.tr("Export the document of {unit}, {period}").format(
                unit=unit.full_name, period=format_period(period)
            ),
            suggested,
            ";;".join(filters),
        )
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() not in (".zip", ".txt", ".json"):
            # The dialog's chosen filter decides when the clerk typed a bare name.
            index = filters.index(chosen) if chosen in filters else 0
            target = target.with_name(target.name + (".zip", ".txt", ".json")[index])
        self.tasks.on_file(
            s.db_path,
            lambda db: export_document_file(db, target, unit.uid, period),
            self._exported,
            self.tr("Exporting the document…"),
        )

    def _exported(self, done: DocumentExport) -> None:
        QMessageBox.information(self.page, self.tr("Export document"), done.message())

    @guarded
    def import_file(self) -> None:
        s = self.session
        s.require_writable()
        unit = s.unit
        if unit is None:
            return
        path, _ = QFileDialog.getOpenFileName(
            self.page,
            self.tr("Import a document into {unit}, {period}").format(
                unit=unit.full_name, period=format_period(s.period)
            ),
            "",
            self.tr("Documents (*.txt *.zip *.json)"),
        )
        if not path:
            return
        self.controller.flush()  # what was typed a moment ago is in the backup
        source, period = Path(path), s.period
        self._source = source
        self._run(source, unit.uid, period, self._ask, dry_run=True)

    def _run(
        self,
        source: Path,
        unit_uid: str,
        period: Period,
        on_done: Callable[[Done[DocumentImport]], None],
        *,
        dry_run: bool,
    ) -> None:
        path = self.session.db_path

        def run(db: Database) -> Done[DocumentImport]:
            return import_document(DataFile(db, path), source, unit_uid, period, dry_run=dry_run)

        # No typing into the document while the file is read and stored.
        self.page.setEnabled(False)
        self.tasks.finished.connect(
            lambda: self.page.setEnabled(True), Qt.ConnectionType.SingleShotConnection
        )
        self.tasks.on_file(path, run, on_done, self.tr("Reading the document file…"))

    def _ask(self, done: Done[DocumentImport]) -> None:
        preview = done.value
        question = self.tr(
            "{summary}\n\nA backup of the data file is made first, so the document as it is now "
            "can be restored. Import the file?"
        ).format(summary=preview.message())
        answer = QMessageBox.question(self.page, self.tr("Import document"), question)
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._run(self._source, preview.unit.uid, preview.period, self._imported, dry_run=False)

    def _imported(self, done: Done[DocumentImport]) -> None:
        self.session.changed(done.changes)  # the writing screen and the preview follow
        QMessageBox.information(self.page, self.tr("Import document"), done.value.message())

"""The writing screen's «Export document…» and «Import document…»: the document as a file.

Each is one ``exchange.document_io`` call run by the window's task runner, on a
connection of its own (an SQLite connection belongs to the thread that made it). An
import is first run dry — every check, nothing stored — and the clerk is told what it
would do and asked; only then is it run for real, after a backup
(``store.backup.backup_before``), and the screen reads the document again. While an
import runs the writing screen takes no typing, so nothing typed can be overwritten.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from hbt_desktop.core.periods import Period, format_period
from hbt_desktop.ui.document.controller import DocumentController
from hbt_desktop.ui.errors import guarded
from hbt_desktop.ui.session import Session
from hbt_desktop.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from hbt_desktop.exchange.document_io import DocumentExport, DocumentImport


def _export(db_path: Path, target: Path, unit_uid: str, period: Period) -> DocumentExport:
    from hbt_desktop.exchange.document_io import export_document
    from hbt_desktop.store.file.connection import open_database

    db = open_database(db_path)
    try:
        return export_document(db, target, unit_uid, period)
    finally:
        db.close()


def _import(
    db_path: Path, source: Path, unit_uid: str, period: Period, *, dry_run: bool
) -> DocumentImport:
    from hbt_desktop.exchange.document_io import import_document
    from hbt_desktop.store.file.backup import backup_before
    from hbt_desktop.store.file.connection import open_database

    db = open_database(db_path)
    try:
        return import_document(
            db,
            source,
            unit_uid,
            period,
            dry_run=dry_run,
            before_write=lambda: backup_before(db, db_path, "import"),
        )
    finally:
        db.close()


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
        self.tasks.run(
            lambda: _export(s.db_path, target, unit.uid, period),
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
        self._run(lambda: _import(s.db_path, source, unit.uid, period, dry_run=True), self._ask)

    def _run(
        self, func: Callable[[], DocumentImport], on_done: Callable[[DocumentImport], None]
    ) -> None:
        # No typing into the document while the file is read and stored.
        self.page.setEnabled(False)
        self.tasks.finished.connect(
            lambda: self.page.setEnabled(True), Qt.ConnectionType.SingleShotConnection
        )
        self.tasks.run(func, on_done, self.tr("Reading the document file…"))

    def _ask(self, preview: DocumentImport) -> None:
        question = self.tr(
            "{summary}\n\nA backup of the data file is made first, so the document as it is now "
            "can be restored. Import the file?"
        ).format(summary=preview.message())
        answer = QMessageBox.question(self.page, self.tr("Import document"), question)
        if answer != QMessageBox.StandardButton.Yes:
            return
        db_path, source = self.session.db_path, self._source
        self._run(
            lambda: _import(db_path, source, preview.unit.uid, preview.period, dry_run=False),
            self._imported,
        )

    def _imported(self, done: DocumentImport) -> None:
        self.controller.reload()
        self.controller.saved.emit()  # the preview is out of date
        QMessageBox.information(self.page, self.tr("Import document"), done.message())

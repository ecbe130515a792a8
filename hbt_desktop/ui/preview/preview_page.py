"""Preview and print: build the bulletin or the report, look at it, print or save it.

The build runs in the background (the window keeps working; a busy bar shows only if it
takes more than half a second). The result opens in the in-app PDF viewer; Print goes
through the system print dialog to a real printer, Save as PDF writes the file (whole,
or not at all). When figures or text change after a build, the page says the preview is
out of date and builds again when shown.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hbt_desktop.core.periods import format_cutoff_period
from hbt_desktop.ui.document.controller import DocumentController
from hbt_desktop.ui.errors import guarded
from hbt_desktop.ui.preview.build import BuiltDocument, Kind, build_document
from hbt_desktop.ui.preview.printing import print_pdf
from hbt_desktop.ui.session import Session
from hbt_desktop.ui.tasks import TaskRunner


class PreviewPage(QWidget):
    built = Signal()

    def __init__(self, session: Session, controller: DocumentController, tasks: TaskRunner) -> None:
        super().__init__()
        self.session = session
        self.controller = controller
        self.tasks = tasks
        self.result: BuiltDocument | None = None
        self.stale = True
        self._building = False
        self._again = False
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Bulletin"), Kind.BULLETIN.value)
        self.kind.addItem(self.tr("Report (Decree 30)"), Kind.REPORT.value)
        self.build_button = QPushButton(self.tr("Build preview (F5)"))
        self.print_button = QPushButton(self.tr("Print… (Ctrl+P)"))
        self.save_button = QPushButton(self.tr("Save as…"))
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #842029;")
        self.problems.hide()
        self.document = QPdfDocument(self)
        self.view = QPdfView()
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.zoom = QComboBox()
        self.zoom.addItem(self.tr("Actual size"), "100")
        self.zoom.addItem(self.tr("Whole page"), "page")
        self.zoom.addItem(self.tr("Page width"), "width")
        self.zoom.currentIndexChanged.connect(self._zoom)
        self._zoom()
        self._buffer: QBuffer | None = None
        self._bytes = QByteArray()

        bar = QHBoxLayout()
        kind_label = QLabel(self.tr("Docu&ment:"))
        kind_label.setBuddy(self.kind)
        for widget in (
            kind_label,
            self.kind,
            self.build_button,
            self.print_button,
            self.save_button,
            self.zoom,
        ):
            bar.addWidget(widget)
        bar.addWidget(self.info, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.problems)
        layout.addWidget(self.view, 1)

        self.kind.currentIndexChanged.connect(lambda *_: self.build())
        self.build_button.clicked.connect(self.build)
        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(self.save_as)
        session.figures_changed.connect(self._outdated)
        session.selection_changed.connect(self._outdated)
        controller.saved.connect(self._outdated)
        self._enable()

    def _zoom(self, *_: object) -> None:
        choice = str(self.zoom.currentData())
        if choice == "page":
            self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        elif choice == "width":
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        else:
            self.view.setZoomMode(QPdfView.ZoomMode.Custom)
            self.view.setZoomFactor(1.0)

    @property
    def building(self) -> bool:
        return self._building

    def current_kind(self) -> Kind:
        return Kind(str(self.kind.currentData()))

    def _enable(self) -> None:
        ready = self.result is not None
        self.print_button.setEnabled(ready)
        self.save_button.setEnabled(ready)

    def _outdated(self, *_: object) -> None:
        self.stale = True
        if self.result is not None:
            self.info.setText(self.tr("The figures or the text changed: press F5 to build again."))
        if self.isVisible():
            self.build()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.stale:
            self.build()

    @guarded
    def build(self) -> None:
        """Build the chosen document in the background (again, if one is running)."""
        if self._building:
            self._again = True
            return
        s = self.session
        if not s.unit_uid:
            return
        self.controller.flush()  # the text typed a moment ago must be in the build
        self._building = True
        self.stale = False
        self.info.setText(self.tr("Building…"))
        kind, uid, period, path = self.current_kind(), s.unit_uid, s.period, s.db_path
        self.tasks.run(
            lambda: build_document(path, kind, uid, period),
            self._built,
            self.tr("Building the document…"),
        )
        self.tasks.finished.connect(self._task_over, Qt.ConnectionType.SingleShotConnection)

    def _task_over(self) -> None:
        self._building = False
        if self._again:
            self._again = False
            self.build()

    def _built(self, result: BuiltDocument) -> None:
        self.result = result
        self._bytes = QByteArray(result.pdf)
        old = self._buffer
        self._buffer = QBuffer(self._bytes, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        if old is not None:
            old.close()
            old.deleteLater()
        name = self.kind.currentText()
        self.info.setText(
            self.tr("{document}, {period}: {pages} pages, data fingerprint {fingerprint}.").format(
                document=name,
                period=format_cutoff_period(result.period),
                pages=result.pages,
                fingerprint=result.fingerprint,
            )
        )
        lines = list(result.problems) + list(result.warnings)
        self.problems.setText("\n".join(lines[:8]))
        self.problems.setVisible(bool(lines))
        self._enable()
        self.built.emit()

    @guarded
    def print_document(self) -> None:
        if self.result is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.kind.currentText())
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        pages = print_pdf(self.document, printer)
        self.info.setText(self.tr("Sent {pages} pages to the printer.").format(pages=pages))

    @guarded
    def save_as(self) -> None:
        """Save the PDF, or for the report a Word file (.docx) the leader can edit; a name
        with any other extension is refused in one sentence, nothing written."""
        if self.result is None:
            return
        pdf_filter = self.tr("PDF files (*.pdf)")
        word_filter = self.tr("Word documents (*.docx)")
        report = self.result.report
        filters = [pdf_filter] + ([word_filter] if report is not None else [])
        suggested = f"{self.result.kind.value}-{self.result.period.id.replace('@', '-')}.pdf"
        path, chosen = QFileDialog.getSaveFileName(
            self, self.tr("Save as"), suggested, ";;".join(filters)
        )
        if not path:
            return
        target = Path(path)
        if not target.suffix:  # the clerk typed a bare name: the chosen kind of file
            target = target.with_suffix(".docx" if chosen == word_filter else ".pdf")
        # reportlab and python-docx: loaded when needed.
        from hbt_desktop.reports.output import output_format, write_pdf

        if output_format(self.result.kind.value, target) == ".docx" and report is not None:
            from hbt_desktop.reports.docx_report import build_docx

            build_docx(report, target)
        else:
            write_pdf(self.result.pdf, target)
        self.info.setText(self.tr("Saved {path}.").format(path=target))

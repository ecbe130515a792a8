"""Completeness of a period at the district: which wards sent their figures, when, on
time or late, how many expected values are still missing, and which files were returned.

Printed as one landscape page (``reports.completeness``), the table a district clerk
takes to the leader. A ward's line opens the review of its latest file.
"""

from __future__ import annotations

import io
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hbt_desktop.app.documents import completeness_pdf
from hbt_desktop.core.periods import Period, format_period
from hbt_desktop.store.completeness import Completeness, WardCompleteness, completeness
from hbt_desktop.ui.errors import guarded
from hbt_desktop.ui.offices.common import current_row, tree_rows, when_text
from hbt_desktop.ui.offices.review_dialog import ReviewDialog
from hbt_desktop.ui.preview.printing import print_pdf
from hbt_desktop.ui.session import Session
from hbt_desktop.ui.tasks import TaskRunner

GOOD_BG = QBrush(QColor("#d1e7dd"))
LATE_BG = QBrush(QColor("#fff3cd"))
MISSING_BG = QBrush(QColor("#f8d7da"))
EMPTY = "–"


class CompletenessDialog(QDialog):
    def __init__(  # noqa: PLR0915 - lays out the dialog
        self, parent: QWidget | None, session: Session, tasks: TaskRunner, district_uid: str
    ) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.session = session
        self.district_uid = district_uid
        self.table: Completeness | None = None
        district = session.source.units.get(district_uid)
        self.district_name = district.full_name
        self.setWindowTitle(self.tr("Completeness of the wards' figures"))
        self.resize(1120, 600)
        self.period_box = QComboBox()
        for period in session.periods():
            self.period_box.addItem(format_period(period), period.id)
        self.period_box.setCurrentIndex(max(self.period_box.findData(session.period.id), 0))
        self.period_box.activated.connect(lambda *_: self.reload())
        top = QHBoxLayout()
        heading = QLabel(self.tr("Wards of {district}").format(district=district.full_name))
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        top.addWidget(heading)
        top.addStretch(1)
        period_label = QLabel(self.tr("&Period:"))
        period_label.setBuddy(self.period_box)
        top.addWidget(period_label)
        top.addWidget(self.period_box)
        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setHeaderLabels(
            [
                self.tr("No."),
                self.tr("Ward"),
                self.tr("First sent"),
                self.tr("Last sent"),
                self.tr("Deadline"),
                self.tr("Latest file"),
                self.tr("Returned"),
                self.tr("Missing values"),
            ]
        )
        self.tree.itemDoubleClicked.connect(lambda *_: self.open_review())
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.info = QLabel()
        self.info.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.review_button = QPushButton(self.tr("&Open the review"))
        self.pdf_button = QPushButton(self.tr("Save as &PDF…"))
        self.print_button = QPushButton(self.tr("&Print…"))
        for button in (self.review_button, self.pdf_button, self.print_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.review_button.clicked.connect(self.open_review)
        self.pdf_button.clicked.connect(self.save_pdf)
        self.print_button.clicked.connect(self.print_table)
        self.tree.currentItemChanged.connect(lambda *_: self._enable())
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.info)
        layout.addWidget(buttons)
        self.reload()

    def period(self) -> Period:
        wanted = str(self.period_box.currentData())
        return next((p for p in self.session.periods() if p.id == wanted), self.session.period)

    def reload(self) -> None:
        table = completeness(self.session.db, self.district_uid, self.period())
        self.table = table
        self.tree.clear()
        for number, row in enumerate(table.rows, start=1):
            item = QTreeWidgetItem(
                [
                    str(number),
                    row.name[:1].upper() + row.name[1:],
                    when_text(row.first_sent) if row.sent else EMPTY,
                    when_text(row.last_sent) if row.packages > 1 else EMPTY,
                    self._timing(row),
                    row.state.label if row.state else EMPTY,
                    str(row.returned) if row.returned else EMPTY,
                    f"{row.missing}/{row.expected}",
                ]
            )
            timing, missing = self._colours(row)
            if timing is not None:
                item.setBackground(4, timing)
            if missing is not None:
                item.setBackground(7, missing)
            for column in (0, 2, 3, 4, 6, 7):
                item.setTextAlignment(column, Qt.AlignmentFlag.AlignCenter)
            self.tree.addTopLevelItem(item)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        d = table.deadline
        self.summary.setText(
            self.tr(
                "Deadline {deadline}. Sent: {sent} of {count} wards, {late} late; complete: "
                "{complete}."
            ).format(
                deadline=f"{d.day}/{d.month}/{d.year}",
                sent=table.sent,
                count=len(table.rows),
                late=table.late,
                complete=table.complete,
            )
        )
        self._enable()

    def _timing(self, row: WardCompleteness) -> str:
        if row.on_time is None:
            return self.tr("overdue, not sent") if row.overdue else self.tr("not sent yet")
        return self.tr("on time") if row.on_time else self.tr("late")

    @staticmethod
    def _colours(row: WardCompleteness) -> tuple[QBrush | None, QBrush | None]:
        """(deadline cell, missing cell): green when fine, yellow late or incomplete, red
        overdue — a ward that sent nothing is red once, in its deadline cell."""
        if not row.sent:
            return (MISSING_BG if row.overdue else None), None
        timing = GOOD_BG if row.on_time else LATE_BG
        return timing, (GOOD_BG if not row.missing else LATE_BG)

    def rows(self) -> list[list[str]]:
        return tree_rows(self.tree)

    def _chosen(self) -> WardCompleteness | None:
        index = current_row(self.tree)
        if self.table is None or index < 0:
            return None
        return self.table.rows[index]

    def _enable(self) -> None:
        row = self._chosen()
        self.review_button.setEnabled(row is not None and row.last_import_id is not None)

    @guarded
    def open_review(self) -> None:
        row = self._chosen()
        if row is None or row.last_import_id is None:
            return
        ReviewDialog(self, self.session, self.tasks, row.last_import_id).exec()
        self.reload()

    def pdf_bytes(self) -> bytes:
        buffer = io.BytesIO()
        completeness_pdf(self.session.db, self.district_uid, self.period(), buffer)
        return buffer.getvalue()

    @guarded
    def save_pdf(self) -> None:
        suggested = f"tinh-hinh-gui-so-lieu-{self.period().id.replace('@', '-')}.pdf"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save as PDF"), suggested, self.tr("PDF files (*.pdf)")
        )
        if not path:
            return
        target = Path(path) if path.lower().endswith(".pdf") else Path(path + ".pdf")
        completeness_pdf(self.session.db, self.district_uid, self.period(), target)
        self.info.setText(self.tr("Saved {path}.").format(path=target))

    @guarded
    def print_table(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.windowTitle())
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        document = QPdfDocument(self)
        data = QByteArray(self.pdf_bytes())
        buffer = QBuffer(data, self)
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        document.load(buffer)
        pages = print_pdf(document, printer)
        self.info.setText(self.tr("Sent {pages} pages to the printer.").format(pages=pages))

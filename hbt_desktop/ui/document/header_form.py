"""The document's header data: bulletin masthead and headline, and the Decree 30 report's
number and symbol, place and date, summary, addressees (Kính gửi), signer, recipients and
the sentence pointing to the appendices. Until number, date and signer are filled in,
the report prints as a draft ("DỰ THẢO", blanks for the office to fill by hand).

Headline, lead, summary and introduction are templates like the sections (``{{ ky }}``
becomes the period's name). Signer authority lines and recipients are one per line, as
they print ("TM. ỦY BAN NHÂN DÂN" / "KT. CHỦ TỊCH").
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from hbt_desktop.core.documents import DocumentSpec
from hbt_desktop.core.periods import Period
from hbt_desktop.core.text import clean


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line for line in (clean(x) for x in text.splitlines()) if line)


class _Lines(QPlainTextEdit):
    """A few lines of plain text; Tab moves on instead of typing a tab."""

    def __init__(self, rows: int = 3) -> None:
        super().__init__()
        self.setTabChangesFocus(True)
        self.setFixedHeight(self.fontMetrics().lineSpacing() * rows + 12)


class HeaderForm(QScrollArea):
    changed = Signal()

    def __init__(self) -> None:  # noqa: PLR0915 - lays out the whole form
        super().__init__()
        self.doc: DocumentSpec | None = None
        self._filling = False
        self.masthead = QLineEdit()
        self.issue_line = QLineEdit()
        self.title = QLineEdit()
        self.lead = _Lines(3)
        self.number = QLineEdit()
        self.symbol = QLineEdit()
        self.place = QLineEdit()
        self.dated = QCheckBox(self.tr("Dated"))
        self.issue_date = QDateEdit()
        self.issue_date.setDisplayFormat("dd/MM/yyyy")
        self.issue_date.setCalendarPopup(True)
        self.summary = QLineEdit()
        self.intro = _Lines(3)
        self.authority = _Lines(2)
        self.signer_title = QLineEdit()
        self.signer_name = QLineEdit()
        self.recipients = _Lines(5)
        self.kinh_gui = _Lines(3)
        self.appendix_note = QLineEdit()
        self.place.setPlaceholderText(self.tr("Empty: the unit's own name (Decree 30)"))
        self.appendix_note.setPlaceholderText(
            self.tr("Empty: the program's sentence; {{ phu_luc }} lists the appendices")
        )

        bulletin = QGroupBox(self.tr("Bulletin"))
        b = QFormLayout(bulletin)
        b.addRow(self.tr("Masthead"), self.masthead)
        b.addRow(self.tr("Issue line"), self.issue_line)
        b.addRow(self.tr("Headline"), self.title)
        b.addRow(self.tr("Lead"), self.lead)
        report = QGroupBox(self.tr("Report (Decree 30)"))
        r = QFormLayout(report)
        r.addRow(self.tr("Number"), self.number)
        r.addRow(self.tr("Symbol"), self.symbol)
        r.addRow(self.tr("Place"), self.place)
        date_row = QHBoxLayout()
        date_row.addWidget(self.dated)
        date_row.addWidget(self.issue_date, 1)
        r.addRow(self.tr("Date"), date_row)
        r.addRow(self.tr("Summary"), self.summary)
        r.addRow(self.tr("Addressees (one per line)"), self.kinh_gui)
        r.addRow(self.tr("Introduction"), self.intro)
        r.addRow(self.tr("Signing authority (one per line)"), self.authority)
        r.addRow(self.tr("Signer's title"), self.signer_title)
        r.addRow(self.tr("Signer's name"), self.signer_name)
        r.addRow(self.tr("Recipients (one per line)"), self.recipients)
        r.addRow(self.tr("Sentence pointing to the appendices"), self.appendix_note)
        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.addWidget(bulletin)
        layout.addWidget(report)
        layout.addStretch(1)
        self.setWidget(inner)
        self.setWidgetResizable(True)
        for line in (
            self.masthead,
            self.issue_line,
            self.title,
            self.number,
            self.symbol,
            self.place,
            self.summary,
            self.signer_title,
            self.signer_name,
            self.appendix_note,
        ):
            line.textEdited.connect(self._store)
        for box in (self.lead, self.intro, self.authority, self.recipients, self.kinh_gui):
            box.textChanged.connect(self._store)
        self.dated.toggled.connect(self._store)
        self.dated.toggled.connect(self.issue_date.setEnabled)
        self.issue_date.dateChanged.connect(self._store)

    def show_document(self, doc: DocumentSpec | None) -> None:
        self.doc = doc
        self._filling = True
        try:
            self.setEnabled(doc is not None)
            d = doc or DocumentSpec("", Period.year_of(2000))  # empty fields, disabled
            self.masthead.setText(d.masthead)
            self.issue_line.setText(d.issue_line)
            self.title.setText(d.title)
            self.lead.setPlainText(d.lead)
            self.number.setText(d.number)
            self.symbol.setText(d.symbol)
            self.place.setText(d.place)
            self.dated.setChecked(d.issue_date is not None)
            self.issue_date.setEnabled(d.issue_date is not None)
            day = d.issue_date or date.today()
            self.issue_date.setDate(QDate(day.year, day.month, day.day))
            self.summary.setText(d.summary)
            self.intro.setPlainText(d.intro)
            self.authority.setPlainText("\n".join(d.signer_authority))
            self.signer_title.setText(d.signer_title)
            self.signer_name.setText(d.signer_name)
            self.recipients.setPlainText("\n".join(d.recipients))
            self.kinh_gui.setPlainText("\n".join(d.kinh_gui))
            self.appendix_note.setText(d.appendix_note)
        finally:
            self._filling = False

    def _store(self, *_: object) -> None:
        if self._filling or self.doc is None:
            return
        d = self.doc
        d.masthead = clean(self.masthead.text())
        d.issue_line = clean(self.issue_line.text())
        d.title = clean(self.title.text())
        d.lead = clean(self.lead.toPlainText())
        d.number = clean(self.number.text())
        d.symbol = clean(self.symbol.text())
        d.place = clean(self.place.text())
        q = self.issue_date.date()
        d.issue_date = date(q.year(), q.month(), q.day()) if self.dated.isChecked() else None
        d.summary = clean(self.summary.text())
        d.intro = clean(self.intro.toPlainText())
        d.signer_authority = _lines(self.authority.toPlainText())
        d.signer_title = clean(self.signer_title.text())
        d.signer_name = clean(self.signer_name.text())
        d.recipients = _lines(self.recipients.toPlainText())
        d.kinh_gui = _lines(self.kinh_gui.toPlainText())
        d.appendix_note = clean(self.appendix_note.text())
        self.changed.emit()

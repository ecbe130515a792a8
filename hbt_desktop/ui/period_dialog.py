"""Adding a reporting period: pick its kind and number, or type its Vietnamese name.

Every period is built by ``core.periods`` (``Period.month``, ``first_months``,
``with_cutoff``… or ``parse_period`` for typed names such as "quý I/2023, tính đến
15/2/2023"), so the dialog can only produce canonical periods; the line under the fields
shows the name the period will carry in the bulletin, or why it cannot be made.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from hbt_desktop.core.errors import HbtError
from hbt_desktop.core.periods import Period, format_period, parse_period
from hbt_desktop.ui.errors import guarded

# (key, first number, last number); the key picks the Period constructor.
KINDS = (
    ("month", 1, 12),
    ("quarter", 1, 4),
    ("half", 1, 2),
    ("year", 0, 0),
    ("first", 2, 11),
    ("last", 2, 11),
)


class PeriodDialog(QDialog):
    def __init__(self, parent: QWidget | None, around: Period) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add a reporting period"))
        self.result_period: Period | None = None
        self.kind = QComboBox()
        labels = {
            "month": self.tr("Month"),
            "quarter": self.tr("Quarter"),
            "half": self.tr("Half year"),
            "year": self.tr("Year"),
            "first": self.tr("First months of the year"),
            "last": self.tr("Last months of the year"),
        }
        for key, _, _ in KINDS:
            self.kind.addItem(labels[key], key)
        self.year = QSpinBox()
        self.year.setRange(1900, 2199)
        self.year.setValue(around.year)
        self.number = QSpinBox()
        self.use_cutoff = QCheckBox(self.tr("Figures counted up to a date (cut-off)"))
        self.cutoff = QDateEdit()
        self.cutoff.setDisplayFormat("dd/MM/yyyy")
        self.cutoff.setCalendarPopup(True)
        self.cutoff.setDate(QDate(around.year, around.start.month, 15))
        self.cutoff.setEnabled(False)
        self.typed = QLineEdit()
        self.typed.setPlaceholderText(self.tr("or type it, e.g. quý I/2023, tính đến 15/2/2023"))
        self.preview = QLabel()
        self.preview.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        form = QFormLayout()
        form.addRow(self.tr("&Kind"), self.kind)
        form.addRow(self.tr("&Year"), self.year)
        form.addRow(self.tr("&Number"), self.number)
        form.addRow(self.use_cutoff)
        form.addRow(self.tr("&Cut-off date"), self.cutoff)
        form.addRow(self.tr("&Name"), self.typed)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.preview)
        layout.addWidget(self.buttons)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        for signal in (
            self.year.valueChanged,
            self.number.valueChanged,
            self.use_cutoff.toggled,
            self.cutoff.dateChanged,
            self.typed.textChanged,
        ):
            signal.connect(self._update)
        self.use_cutoff.toggled.connect(self.cutoff.setEnabled)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        self.kind.setCurrentIndex(4 if around.kind.value == "ytd" else 1)
        self._kind_changed()

    def _kind_changed(self) -> None:
        _, low, high = KINDS[self.kind.currentIndex()]
        self.number.setEnabled(high > 0)
        self.number.setRange(low, max(high, low))
        self._update()

    def build(self) -> Period:
        """The period the fields describe; raises HbtError when it cannot exist."""
        if self.typed.text().strip():
            return parse_period(self.typed.text())
        key = str(self.kind.currentData())
        year, n = self.year.value(), self.number.value()
        builders = {
            "month": lambda: Period.month(year, n),
            "quarter": lambda: Period.quarter(year, n),
            "half": lambda: Period.half(year, n),
            "year": lambda: Period.year_of(year),
            "first": lambda: Period.first_months(year, n),
            "last": lambda: Period.last_months(year, n),
        }
        period = builders[key]()
        if self.use_cutoff.isChecked():
            d = self.cutoff.date()
            period = period.with_cutoff(date(d.year(), d.month(), d.day()))
        return period

    def _update(self) -> None:
        try:
            period = self.build()
        except HbtError as exc:
            self.preview.setStyleSheet("color: #842029;")
            self.preview.setText(exc.message)
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
            return
        self.preview.setStyleSheet("")
        self.preview.setText(
            self.tr("The period will be named: {name}").format(name=format_period(period))
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)

    @guarded
    def _accept(self) -> None:
        self.result_period = self.build()
        self.accept()


def ask_period(parent: QWidget | None, around: Period) -> Period | None:
    dialog = PeriodDialog(parent, around)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        return dialog.result_period
    return None

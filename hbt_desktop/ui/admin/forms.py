"""Small forms of the catalogue screen: a sector, an indicator, a kind of base, a date.

Each form only collects text; the object is built by core's checked constructors
(``make_sector``, ``make_indicator``, ``make_base_kind``), so a form can never store
what an import file could not. A refusal keeps the form open with the message shown.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from hbt_desktop.core.catalogue import (
    Aggregation,
    BaseKind,
    Catalogue,
    Comparison,
    Indicator,
    IndicatorKind,
    Sector,
    make_base_kind,
    make_indicator,
    make_sector,
)
from hbt_desktop.core.errors import HbtError
from hbt_desktop.core.money import MoneyStyle

translate = QCoreApplication.translate


class Form(QDialog):
    """A dialog with a form, a message line and OK/Cancel; ``build`` makes the object."""

    def __init__(self, parent: QWidget | None, title: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #842029;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        self.result_object: Any = None
        self.build: Callable[[], Any] = lambda: None

    def _accept(self) -> None:
        try:
            self.result_object = self.build()
        except HbtError as exc:
            self.message.setText(exc.message)
            return
        self.accept()

    def ask(self) -> Any:
        return self.result_object if self.exec() == QDialog.DialogCode.Accepted else None


def sector_form(parent: QWidget | None, old: Sector | None) -> Sector | None:
    form = Form(parent, form_title(parent, "sector", old is not None))
    code = QLineEdit(old.code if old else "")
    code.setEnabled(old is None)  # codes are keys of stored figures: never renamed
    name = QLineEdit(old.name if old else "")
    position = QSpinBox()
    position.setRange(0, 100_000)
    position.setValue(old.position if old else 1000)
    form.form.addRow(translate("Forms", "Code"), code)
    form.form.addRow(translate("Forms", "Name"), name)
    form.form.addRow(translate("Forms", "Order"), position)
    form.build = lambda: make_sector(
        code=code.text(),
        name=name.text(),
        position=position.value(),
        retired_from=old.retired_from if old else None,
    )
    result: Sector | None = form.ask()
    return result


def base_kind_form(parent: QWidget | None, old: BaseKind | None) -> BaseKind | None:
    form = Form(parent, form_title(parent, "base", old is not None))
    code = QLineEdit(old.code if old else "")
    code.setEnabled(old is None)
    name = QLineEdit(old.name if old else "")
    short = QLineEdit(old.short if old else "")
    assigner = QLineEdit(old.assigner if old else "")
    position = QSpinBox()
    position.setRange(0, 100_000)
    position.setValue(old.position if old else 1000)
    form.form.addRow(translate("Forms", "Code"), code)
    form.form.addRow(translate("Forms", "Full name (as printed)"), name)
    form.form.addRow(translate("Forms", "Short name"), short)
    form.form.addRow(translate("Forms", "Assigned by"), assigner)
    form.form.addRow(translate("Forms", "Order"), position)
    form.build = lambda: make_base_kind(
        code=code.text(),
        name=name.text(),
        short=short.text(),
        assigner=assigner.text(),
        position=position.value(),
        retired_from=old.retired_from if old else None,
    )
    result: BaseKind | None = form.ask()
    return result


def indicator_form(
    parent: QWidget | None, catalogue: Catalogue, old: Indicator | None, sector: str | None
) -> Indicator | None:
    form = Form(parent, form_title(parent, "indicator", old is not None))
    code = QLineEdit(old.code if old else "")
    code.setEnabled(old is None)
    name = QLineEdit(old.name if old else "")
    name.setMinimumWidth(380)
    sectors = QComboBox()
    for s in catalogue.sector_list():
        sectors.addItem(s.name, s.code)
    sectors.setCurrentIndex(max(sectors.findData(old.sector if old else sector or ""), 0))
    kind = QComboBox()
    kind_names = {
        IndicatorKind.MONEY: translate("Forms", "Money (đồng)"),
        IndicatorKind.NUMBER: translate("Forms", "Number (people, cases…)"),
        IndicatorKind.PERCENT: translate("Forms", "Rate in percent"),
        IndicatorKind.GROWTH: translate("Forms", "Growth rate in percent"),
    }
    for k, label in kind_names.items():
        kind.addItem(label, k.value)
    kind.setCurrentIndex(max(kind.findData(old.kind.value if old else "number"), 0))
    unit_label = QLineEdit(old.unit_label if old else "")
    decimals = QSpinBox()
    decimals.setRange(0, 6)
    decimals.setValue(old.decimals if old else 0)
    pct = QSpinBox()
    pct.setRange(0, 6)
    pct.setValue(old.pct_decimals if old else 1)
    additive = QCheckBox(translate("Forms", "The district figure is the sum of its wards"))
    additive.setChecked(old.aggregation is Aggregation.SUM if old else True)
    comparison_names = {
        Comparison.SHARE: translate("Forms", "share of a base"),
        Comparison.GROWTH: translate("Forms", "growth"),
        Comparison.INDEX: translate("Forms", "index"),
        Comparison.COUNT_OF: translate("Forms", "k of n"),
        Comparison.POINTS: translate("Forms", "percentage points"),
    }
    boxes: dict[Comparison, QCheckBox] = {}
    row = QHBoxLayout()
    for comp, label in comparison_names.items():
        box = QCheckBox(label)
        box.setChecked(bool(old and comp in old.comparisons))
        boxes[comp] = box
        row.addWidget(box)
    style = QComboBox()
    style_names = {
        MoneyStyle.TY_TRIEU: "4.115 tỷ 081 triệu",
        MoneyStyle.TY_DECIMAL: "70,759 tỷ",
        MoneyStyle.TY: "11.406 tỷ",
        MoneyStyle.NGHIN_TY: "4,6 nghìn tỷ",
        MoneyStyle.TRIEU: "748.870 triệu",
        MoneyStyle.DONG: "1.234.567 đồng",
    }
    for st, example in style_names.items():
        style.addItem(example, st.value)
    style.setCurrentIndex(max(style.findData(old.money_style.value if old else "ty_trieu"), 0))
    description = QLineEdit(old.description if old else "")
    position = QSpinBox()
    position.setRange(0, 100_000)
    position.setValue(old.position if old else 1000)
    form.form.addRow(translate("Forms", "Code"), code)
    form.form.addRow(translate("Forms", "Name"), name)
    form.form.addRow(translate("Forms", "Sector"), sectors)
    form.form.addRow(translate("Forms", "Kind"), kind)
    form.form.addRow(translate("Forms", "Unit of measure"), unit_label)
    form.form.addRow(translate("Forms", "Decimals of the figure"), decimals)
    form.form.addRow(translate("Forms", "Decimals of percentages"), pct)
    form.form.addRow("", additive)
    form.form.addRow(translate("Forms", "Comparisons"), row)
    form.form.addRow(translate("Forms", "Money written as"), style)
    form.form.addRow(translate("Forms", "Description"), description)
    form.form.addRow(translate("Forms", "Order"), position)
    form.build = lambda: make_indicator(
        code=code.text(),
        name=name.text(),
        sector=str(sectors.currentData()),
        kind=str(kind.currentData()),
        unit_label=unit_label.text(),
        decimals=decimals.value(),
        pct_decimals=pct.value(),
        aggregation="sum" if additive.isChecked() else "none",
        comparisons=frozenset(c for c, box in boxes.items() if box.isChecked()),
        money_style=str(style.currentData()),
        position=position.value(),
        description=description.text(),
        retired_from=old.retired_from if old else None,
    )
    result: Indicator | None = form.ask()
    return result


def date_form(parent: QWidget | None, title: str, label: str, default: date) -> date | None:
    form = Form(parent, title)
    edit = QDateEdit(QDate(default.year, default.month, default.day))
    edit.setDisplayFormat("dd/MM/yyyy")
    edit.setCalendarPopup(True)
    form.form.addRow(label, edit)

    def build() -> date:
        q = edit.date()
        return date(q.year(), q.month(), q.day())

    form.build = build
    result: date | None = form.ask()
    return result


def form_title(parent: QWidget | None, what: str, editing: bool) -> str:
    titles = {
        ("sector", False): translate("Forms", "Add a sector"),
        ("sector", True): translate("Forms", "Rename a sector"),
        ("indicator", False): translate("Forms", "Add an indicator"),
        ("indicator", True): translate("Forms", "Edit an indicator"),
        ("base", False): translate("Forms", "Add a kind of base"),
        ("base", True): translate("Forms", "Edit a kind of base"),
    }
    return titles[(what, editing)]

"""The units screen: every unit ever recorded, adding a unit, recording a merger.

Units are never deleted or renumbered: a unit that ceases to exist gets its last day,
and its figures stay so that "the same period last year" of the unit that replaced it
can still be computed. A merger is recorded as a new unit, valid from the effective
date, listing its predecessors — whole, or in part with the share of their figures the
office decided — and the whole predecessors end the day before.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hbt_desktop.app.reference import save_units
from hbt_desktop.core.errors import InputError
from hbt_desktop.core.numbers import Convention, parse_number
from hbt_desktop.core.units import OrgUnit, Portion, Predecessor, UnitKind, make_unit
from hbt_desktop.ui.admin.forms import Form, translate
from hbt_desktop.ui.collation import vi_sorted
from hbt_desktop.ui.errors import guarded
from hbt_desktop.ui.session import Session

LEVEL_OF = {
    UnitKind.TINH: 1,
    UnitKind.THANH_PHO: 1,
    UnitKind.QUAN: 2,
    UnitKind.HUYEN: 2,
    UnitKind.THI_XA: 2,
    UnitKind.PHUONG: 3,
    UnitKind.XA: 3,
    UnitKind.THI_TRAN: 3,
    UnitKind.DAC_KHU: 3,
}


def _day(d: date | None) -> str:
    return f"{d.day:02d}/{d.month:02d}/{d.year}" if d else ""


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


def new_uid(existing: set[str], kind: UnitKind, code: str, start: date | None) -> str:
    """A stable id for a new unit: its code and the year it starts ("P00292-2025")."""
    prefix = {1: "T", 2: "Q", 3: "P"}.get(LEVEL_OF.get(kind, 3), "U")
    base = f"{prefix}{code}" + (f"-{start.year}" if start else "")
    uid, n = base, 2
    while uid in existing:
        uid, n = f"{base}-{n}", n + 1
    return uid


class UnitFields:
    """Code, name, kind and parent of a unit, shared by the two forms."""

    def __init__(self, form: Form, units: list[OrgUnit], old: OrgUnit | None) -> None:
        self.code = QLineEdit(old.code if old else "")
        self.name = QLineEdit(old.name if old else "")
        self.kind = QComboBox()
        for k in UnitKind:
            self.kind.addItem(k.value, k.value)
        self.kind.setCurrentIndex(max(self.kind.findData(old.kind.value if old else "phường"), 0))
        self.parent = QComboBox()
        self.parent.addItem(translate("Units", "(none)"), "")
        for unit in vi_sorted(units, key=lambda u: u.full_name):
            if unit.level < 3:
                self.parent.addItem(f"{unit.title_name} {_span(unit)}", unit.uid)
        self.parent.setCurrentIndex(
            max(self.parent.findData(old.parent_uid or "" if old else ""), 0)
        )
        form.form.addRow(translate("Units", "Statistics code"), self.code)
        form.form.addRow(translate("Units", "Name (without «phường», «quận»)"), self.name)
        form.form.addRow(translate("Units", "Kind"), self.kind)
        form.form.addRow(translate("Units", "Belongs to"), self.parent)

    def kind_value(self) -> UnitKind:
        return UnitKind(str(self.kind.currentData()))


def _span(unit: OrgUnit) -> str:
    start = _day(unit.valid_from) or "…"
    end = _day(unit.valid_to) or translate("Units", "now")
    return f"({start}–{end})"


def unit_form(parent: QWidget | None, session: Session, old: OrgUnit | None) -> OrgUnit | None:
    units = list(session.source.units)
    title = translate("Units", "Edit a unit") if old else translate("Units", "Add a unit")
    form = Form(parent, title)
    fields = UnitFields(form, [u for u in units if not old or u.uid != old.uid], old)
    starts = QCheckBox(translate("Units", "Valid from"))
    start = QDateEdit(_qdate(old.valid_from if old and old.valid_from else date.today()))
    ends = QCheckBox(translate("Units", "Valid until (last day)"))
    end = QDateEdit(_qdate(old.valid_to if old and old.valid_to else date.today()))
    for box, edit, value in (
        (starts, start, old and old.valid_from),
        (ends, end, old and old.valid_to),
    ):
        edit.setDisplayFormat("dd/MM/yyyy")
        edit.setCalendarPopup(True)
        box.setChecked(bool(value))
        edit.setEnabled(bool(value))
        box.toggled.connect(edit.setEnabled)
        row = QHBoxLayout()
        row.addWidget(box)
        row.addWidget(edit, 1)
        form.form.addRow(row)
    note = QLineEdit(old.note if old else "")
    form.form.addRow(translate("Units", "Note"), note)
    existing = {u.uid for u in units}

    def build() -> OrgUnit:
        kind = fields.kind_value()
        valid_from = _pydate(start.date()) if starts.isChecked() else None
        uid = old.uid if old else new_uid(existing, kind, fields.code.text().strip(), valid_from)
        return make_unit(
            uid=uid,
            code=fields.code.text(),
            name=fields.name.text(),
            kind=kind.value,
            level=LEVEL_OF.get(kind, 3),
            parent_uid=str(fields.parent.currentData()) or None,
            valid_from=valid_from,
            valid_to=_pydate(end.date()) if ends.isChecked() else None,
            predecessors=old.predecessors if old else (),
            note=note.text(),
        )

    form.build = build
    result: OrgUnit | None = form.ask()
    return result


class MergerDialog(Form):
    """A new unit made of predecessors, from an effective date."""

    def __init__(self, parent: QWidget | None, session: Session) -> None:
        super().__init__(parent, translate("Units", "Record a merger"))
        self.session = session
        self.resize(760, 560)
        self.units = list(session.source.units)
        self.fields = UnitFields(self, self.units, None)
        self.effective = QDateEdit(_qdate(date(date.today().year + 1, 1, 1)))
        self.effective.setDisplayFormat("dd/MM/yyyy")
        self.effective.setCalendarPopup(True)
        self.form.addRow(translate("Units", "Effective from"), self.effective)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [
                translate("Units", "Predecessor"),
                translate("Units", "Code"),
                translate("Units", "Whole or part"),
                translate("Units", "Share (0–1) for a part"),
                translate("Units", "Ends the day before"),
            ]
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        self.form.addRow(self.table)
        self.effective.dateChanged.connect(lambda *_: self._candidates())
        self._candidates()

        def build() -> list[OrgUnit]:
            return self.make_units()

        self.build = build

    def _candidates(self) -> None:
        day_before = _pydate(self.effective.date()) - timedelta(days=1)
        found = vi_sorted(
            [u for u in self.units if u.level >= 2 and u.valid_on(day_before)], key=lambda u: u.name
        )
        self.table.setRowCount(len(found))
        self.candidates = found
        for row, unit in enumerate(found):
            name = QTableWidgetItem(unit.title_name)
            name.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            name.setCheckState(Qt.CheckState.Unchecked)
            self.table.setItem(row, 0, name)
            code = QTableWidgetItem(unit.code)
            code.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.table.setItem(row, 1, code)
            portion = QComboBox()
            portion.addItem(translate("Units", "whole"), Portion.WHOLE.value)
            portion.addItem(translate("Units", "part"), Portion.PART.value)
            self.table.setCellWidget(row, 2, portion)
            self.table.setItem(row, 3, QTableWidgetItem(""))
            ends = QTableWidgetItem("")
            ends.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            ends.setCheckState(Qt.CheckState.Checked)
            self.table.setItem(row, 4, ends)
        self.table.resizeColumnsToContents()

    def make_units(self) -> list[OrgUnit]:
        effective = _pydate(self.effective.date())
        predecessors: list[Predecessor] = []
        ended: list[OrgUnit] = []
        for row, unit in enumerate(self.candidates):
            item = self.table.item(row, 0)
            if item is None or item.checkState() != Qt.CheckState.Checked:
                continue
            box = self.table.cellWidget(row, 2)
            portion = (
                Portion(str(box.currentData())) if isinstance(box, QComboBox) else Portion.WHOLE
            )
            share_item = self.table.item(row, 3)
            share_text = share_item.text().strip() if share_item else ""
            share: Decimal | None = None
            if share_text:
                share = parse_number(share_text, convention=Convention.TYPED).value
            predecessors.append(Predecessor(unit.uid, portion, share))
            ends = self.table.item(row, 4)
            if ends is not None and ends.checkState() == Qt.CheckState.Checked:
                ended.append(replace(unit, valid_to=effective - timedelta(days=1)))
        if not predecessors:
            raise InputError("unit.missing_field", field=translate("Units", "predecessors"))
        kind = self.fields.kind_value()
        code = self.fields.code.text().strip()
        new = make_unit(
            uid=new_uid({u.uid for u in self.units}, kind, code, effective),
            code=code,
            name=self.fields.name.text(),
            kind=kind.value,
            level=LEVEL_OF.get(kind, 3),
            parent_uid=str(self.fields.parent.currentData()) or None,
            valid_from=effective,
            predecessors=predecessors,
        )
        return [new, *ended]


class UnitsDialog(QDialog):
    def __init__(self, parent: QWidget | None, session: Session) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Administrative units"))
        self.resize(980, 620)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(
            [
                self.tr("Unit"),
                self.tr("Code"),
                self.tr("Valid"),
                self.tr("Made from"),
                self.tr("Note"),
            ]
        )
        self.tree.setAlternatingRowColors(True)
        self.add_button = QPushButton(self.tr("Add unit…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.merge_button = QPushButton(self.tr("Record a merger…"))
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.merge_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        layout.addWidget(close)
        self.add_button.clicked.connect(lambda: self.edit(None))
        self.edit_button.clicked.connect(lambda: self.edit(self.current_uid()))
        self.merge_button.clicked.connect(self.merge)
        self.tree.itemActivated.connect(lambda *_: self.edit(self.current_uid()))
        self.fill()

    def current_uid(self) -> str | None:
        item = self.tree.currentItem()
        return str(item.data(0, Qt.ItemDataRole.UserRole)) if item else None

    def fill(self) -> None:
        units = self.session.source.units
        items: dict[str, QTreeWidgetItem] = {}
        self.tree.clear()
        by_parent: dict[str | None, list[OrgUnit]] = {}
        for unit in units:
            by_parent.setdefault(unit.parent_uid, []).append(unit)

        def add(parent_uid: str | None, holder: QTreeWidgetItem | None) -> None:
            for unit in vi_sorted(by_parent.get(parent_uid, []), key=lambda u: u.name):
                preds = ", ".join(
                    units.get(p.uid).name + ("" if p.portion is Portion.WHOLE else "*")
                    for p in unit.predecessors
                )
                item = QTreeWidgetItem([unit.title_name, unit.code, _span(unit), preds, unit.note])
                item.setData(0, Qt.ItemDataRole.UserRole, unit.uid)
                if unit.valid_to is not None and unit.valid_to < date.today():
                    for col in range(5):
                        item.setForeground(col, Qt.GlobalColor.gray)
                if holder is None:
                    self.tree.addTopLevelItem(item)
                else:
                    holder.addChild(item)
                items[unit.uid] = item
                add(unit.uid, item)

        add(None, None)
        self.tree.expandAll()
        for col in range(4):
            self.tree.resizeColumnToContents(col)

    def _save(self, units: list[OrgUnit]) -> None:
        self.session.changed(save_units(self.session.db, units).changes)
        self.fill()

    @guarded
    def edit(self, uid: str | None) -> None:
        old = self.session.source.units.get(uid) if uid else None
        unit = unit_form(self, self.session, old)
        if unit is not None:
            self._save([unit])

    @guarded
    def merge(self) -> None:
        dialog = MergerDialog(self, self.session)
        units = dialog.ask()
        if units:
            self._save(units)

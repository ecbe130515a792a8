"""Catalogue and units screens: add, rename, retire, record a merger — history kept."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QDialog, QLineEdit

from hbt_desktop.core.periods import parse_period
from hbt_desktop.core.units import Portion
from hbt_desktop.store.catalogue import load_catalogue
from hbt_desktop.store.units import load_units
from hbt_desktop.store.values import get_value
from hbt_desktop.ui.admin import forms
from hbt_desktop.ui.admin.catalogue_dialog import CatalogueDialog
from hbt_desktop.ui.admin.units_dialog import MergerDialog, UnitsDialog


@pytest.fixture
def fill_forms(monkeypatch: pytest.MonkeyPatch) -> Callable[[Callable[[QDialog], None]], None]:
    """Replace a form's exec with ``fill(form)`` then OK, as a clerk would type and press."""

    def use(fill: Callable[[QDialog], None]) -> None:
        def fake_exec(self: forms.Form) -> int:
            fill(self)
            self._accept()
            return int(self.result())

        monkeypatch.setattr(forms.Form, "exec", fake_exec)

    return use


def _edits(form: QDialog) -> list[QLineEdit]:
    return [e for e in form.findChildren(QLineEdit) if e.parent() is form]


def test_add_and_rename_a_sector(window: Any, fill_forms: Any) -> None:
    dialog = CatalogueDialog(window, window.session)
    fill_forms(lambda f: (_edits(f)[0].setText("du_lich"), _edits(f)[1].setText("Du lịch")))
    dialog.sectors.add_button.click()
    cat = load_catalogue(window.session.db)
    assert cat.sectors["DU_LICH"].name == "Du lịch"
    # The new sector is offered at once in the main window.
    assert window.selection.sector_box.findData("DU_LICH") >= 0
    items = dialog.sectors.tree.findItems("DU_LICH", Qt.MatchFlag.MatchExactly, 0)
    dialog.sectors.tree.setCurrentItem(items[0])
    fill_forms(lambda f: _edits(f)[1].setText("Du lịch - dịch vụ"))
    dialog.sectors.edit_button.click()
    assert load_catalogue(window.session.db).sectors["DU_LICH"].name == "Du lịch - dịch vụ"


def test_a_refused_form_stays_open_with_the_reason(
    window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[str] = []

    def fake_exec(self: forms.Form) -> int:
        _edits(self)[0].setText("có dấu")  # a code must be plain capitals
        self._accept()
        seen.append(self.message.text())
        return int(QDialog.DialogCode.Rejected)

    monkeypatch.setattr(forms.Form, "exec", fake_exec)
    assert forms.sector_form(window, None) is None
    assert "không hợp lệ" in seen[0]


def test_add_an_indicator_and_enter_a_figure_for_it(window: Any, fill_forms: Any) -> None:
    dialog = CatalogueDialog(window, window.session)

    def fill(form: QDialog) -> None:
        edits = _edits(form)
        edits[0].setText("DL_LUOT_KHACH")
        edits[1].setText("Lượt khách du lịch")
        edits[2].setText("lượt")
        combos = form.findChildren(QComboBox)
        combos[0].setCurrentIndex(combos[0].findData("VHXH"))

    fill_forms(fill)
    dialog.indicators.add_button.click()
    ind = load_catalogue(window.session.db).indicators["DL_LUOT_KHACH"]
    assert (ind.sector, ind.unit_label, ind.additive) == ("VHXH", "lượt", True)
    model = window.entry.model
    window.session.select(sector="VHXH")
    row = model.row_of("DL_LUOT_KHACH")
    assert row >= 0
    assert model.setData(model.index(row, 2), "12500")


def test_retire_an_indicator_keeps_its_figures(window: Any, fill_forms: Any) -> None:
    dialog = CatalogueDialog(window, window.session)
    dialog.indicators.filter.setText("tang truong thuong mai")
    assert dialog.indicators.tree.topLevelItemCount() == 1
    dialog.indicators.tree.setCurrentItem(dialog.indicators.tree.topLevelItem(0))

    def fill(form: QDialog) -> None:
        form.findChildren(QDateEdit)[0].setDate(QDate(2024, 1, 1))

    fill_forms(fill)
    dialog.indicators.retire_button.click()
    ind = load_catalogue(window.session.db).indicators["TMDV_TANG_TRUONG"]
    assert ind.retired_from == date(2024, 1, 1)
    y2m = parse_period("2023YTD02")
    assert get_value(window.session.db, "TMDV_TANG_TRUONG", "Q007", y2m) is not None
    model = window.entry.model
    window.session.select(period=y2m, sector=None)
    assert model.row_of("TMDV_TANG_TRUONG") >= 0  # 2023 still shows it
    window.session.add_period(parse_period("2024Q1"))
    window.session.select(period=parse_period("2024Q1"))
    assert model.row_of("TMDV_TANG_TRUONG") == -1  # new periods no longer list it
    dialog.indicators.restore_button.click()
    assert load_catalogue(window.session.db).indicators["TMDV_TANG_TRUONG"].retired_from is None


def test_record_a_merger_with_its_effective_date(window: Any) -> None:
    session = window.session
    dialog = MergerDialog(window, session)
    dialog.effective.setDate(QDate(2024, 7, 1))
    dialog.fields.code.setText("00999")
    dialog.fields.name.setText("Thanh Nhàn Mới")
    dialog.fields.parent.setCurrentIndex(dialog.fields.parent.findData("Q007"))
    names = [u.uid for u in dialog.candidates]
    for uid, portion, share in (("P00271", "whole", ""), ("P00268", "part", "0,4")):
        row = names.index(uid)
        dialog.table.item(row, 0).setCheckState(Qt.CheckState.Checked)
        combo = dialog.table.cellWidget(row, 2)
        combo.setCurrentIndex(combo.findData(portion))
        dialog.table.item(row, 3).setText(share)
        if portion == "part":
            dialog.table.item(row, 4).setCheckState(Qt.CheckState.Unchecked)
    units = dialog.make_units()
    UnitsDialog(window, session)._save(units)
    tree = load_units(session.db)
    new = tree.get("P00999-2024")
    assert new.valid_from == date(2024, 7, 1) and new.parent_uid == "Q007"
    preds = {p.uid: p for p in new.predecessors}
    assert preds["P00271"].portion is Portion.WHOLE
    assert preds["P00268"].portion is Portion.PART and preds["P00268"].share == Decimal("0.4")
    assert tree.get("P00271").valid_to == date(2024, 6, 30)  # ended the day before
    assert tree.get("P00268").valid_to == date(2025, 6, 30)  # a part: it goes on
    # The unit list of a period after the merger has the new ward, not the old one.
    after = [u.uid for u in session.units_in(parse_period("2024Q4"))]
    assert "P00999-2024" in after and "P00271" not in after


def test_add_a_unit(window: Any, fill_forms: Any) -> None:
    def fill(form: QDialog) -> None:
        edits = _edits(form)
        edits[0].setText("00300")
        edits[1].setText("Thử Nghiệm")
        combos = form.findChildren(QComboBox)
        combos[1].setCurrentIndex(combos[1].findData("Q007"))
        form.findChildren(QCheckBox)[0].setChecked(True)
        form.findChildren(QDateEdit)[0].setDate(QDate(2023, 1, 1))

    fill_forms(fill)
    dialog = UnitsDialog(window, window.session)
    dialog.add_button.click()
    unit = load_units(window.session.db).get("P00300-2023")
    assert unit.name == "Thử Nghiệm" and unit.valid_from == date(2023, 1, 1)

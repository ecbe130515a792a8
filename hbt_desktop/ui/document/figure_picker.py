"""The "insert figure" picker: find an indicator, choose the period and the wording.

The clerk types part of the name without accents ("thu ngan sach"), picks the period
(the document's by default, or one that has figures), and what to write: the figure,
its share of a base, its growth or index against last year, or its period. The picker
writes the placeholder (``{{ so_lieu('NS_THU_DIA_BAN', '2023YTD02@20230215') }}`` …)
into the text and shows beforehand how it will read with today's figures.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hbt_desktop.core.catalogue import Comparison, IndicatorKind
from hbt_desktop.core.errors import HbtError
from hbt_desktop.core.figures import resolve_base
from hbt_desktop.core.narrative import render
from hbt_desktop.core.periods import Period, format_cutoff_period, parse_period
from hbt_desktop.core.text import clean, matches
from hbt_desktop.store.values import value_history
from hbt_desktop.ui.collation import vi_sorted
from hbt_desktop.ui.session import Session

log = logging.getLogger(__name__)

WORDINGS = ("value", "share", "growth", "index", "period", "period_start")


def _quote(text: str) -> str:
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def placeholder(
    code: str,
    period_id: str | None,
    wording: str = "value",
    base_kind: str | None = None,
    short: bool = True,
) -> str:
    """The template text for one figure; ``period_id`` None means the document's period."""
    args = _quote(code) + (f", {_quote(period_id)}" if period_id else "")
    figure = f"so_lieu({args})"
    tail = {
        "value": "",
        "share": f".so_voi({_quote(base_kind or '')}" + (", ten='ngắn')" if short else ")"),
        "growth": ".tang_truong()",
        "index": ".chi_so()",
        "period": ".ky",
        "period_start": ".ky_dau_cau",
    }[wording]
    return "{{ " + figure + tail + " }}"


class FigurePicker(QDialog):
    def __init__(self, parent: QWidget | None, session: Session, period: Period) -> None:
        super().__init__(parent)
        self.session = session
        self.period = period
        self.setWindowTitle(self.tr("Insert a figure"))
        self.resize(620, 520)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Type part of the name, accents optional"))
        self.list = QListWidget()
        self.period_box = QComboBox()
        self.period_box.setEditable(True)
        self.wording = QComboBox()
        for key, label in (
            ("value", self.tr("The figure")),
            ("share", self.tr("Share of a base (đạt …% so với …)")),
            ("growth", self.tr("Growth against last year (tăng …%)")),
            ("index", self.tr("Index against last year (bằng …%)")),
            ("period", self.tr("The period of the figure")),
            ("period_start", self.tr("The period, capitalised to open a sentence")),
        ):
            self.wording.addItem(label, key)
        self.kind = QComboBox()
        for kind in sorted(session.source.catalogue.base_kinds.values(), key=lambda k: k.position):
            self.kind.addItem(kind.name, kind.code)
        self.short = QCheckBox(self.tr("Short name of the base (dự toán)"))
        self.short.setChecked(True)
        self.preview = QLabel()
        self.preview.setWordWrap(True)
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Insert"))
        form = QFormLayout()
        form.addRow(self.tr("&Period"), self.period_box)
        form.addRow(self.tr("&Wording"), self.wording)
        form.addRow(self.tr("&Base"), self.kind)
        form.addRow("", self.short)
        layout = QVBoxLayout(self)
        find = QLabel(self.tr("&Find"))
        find.setBuddy(self.search)
        layout.addWidget(find)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("It will read:")))
        layout.addWidget(self.preview)
        layout.addWidget(self.buttons)
        self.indicators = vi_sorted(
            session.source.catalogue.indicators.values(), key=lambda i: i.name
        )
        self.search.textChanged.connect(self._filter)
        self.list.currentItemChanged.connect(self._indicator_changed)
        for signal in (
            self.period_box.currentTextChanged,
            self.wording.currentIndexChanged,
            self.kind.currentIndexChanged,
            self.short.toggled,
        ):
            signal.connect(self._update)
        self.search.returnPressed.connect(self._accept_if_ready)
        self.buttons.accepted.connect(self._accept_if_ready)
        self.buttons.rejected.connect(self.reject)
        self.text = ""
        self._filter()
        self.search.setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.search.setFocus(Qt.FocusReason.OtherFocusReason)

    def _filter(self) -> None:
        query = clean(self.search.text())
        self.list.clear()
        for ind in self.indicators:
            if query and not (matches(query, ind.name) or matches(query, ind.code)):
                continue
            item = QListWidgetItem(f"{ind.name}  ({ind.code})")
            item.setData(Qt.ItemDataRole.UserRole, ind.code)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)

    def current_code(self) -> str | None:
        item = self.list.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item else None

    def _indicator_changed(self) -> None:
        code = self.current_code()
        self.period_box.blockSignals(True)
        self.period_box.clear()
        self.period_box.addItem(format_cutoff_period(self.period), self.period.ref)
        if code:
            s = self.session
            seen = {self.period.id}
            history = value_history(s.db, s.unit_uid, [code]).get(code, [])
            for value in reversed(history):
                if value.period.id not in seen:
                    seen.add(value.period.id)
                    self.period_box.addItem(format_cutoff_period(value.period), value.period.id)
            ind = s.source.catalogue.indicator(code)
            growth_only = ind.kind is IndicatorKind.GROWTH
            self.kind.setEnabled(Comparison.SHARE in ind.comparisons or not growth_only)
        self.period_box.blockSignals(False)
        self._update()

    def chosen_period(self) -> Period:
        index = self.period_box.currentIndex()
        text = self.period_box.currentText()
        if index >= 0 and self.period_box.itemText(index) == text:
            return parse_period(str(self.period_box.itemData(index)))
        return parse_period(text)

    def expression(self) -> str:
        code = self.current_code()
        if code is None:
            return ""
        period = self.chosen_period()
        wording = str(self.wording.currentData())
        return placeholder(
            code,
            None if period == self.period else period.ref,
            wording,
            str(self.kind.currentData()),
            self.short.isChecked(),
        )

    def _prefer_stored_base(self) -> None:
        """Choose a kind of base that is stored for this figure, if the chosen one is not."""
        code, unit = self.current_code(), self.session.unit
        if code is None or unit is None:
            return
        try:
            period = self.chosen_period()
        except HbtError as exc:
            # The period box holds text that is not a period yet (the clerk is typing
            # one): keep the kind chosen; _update shows the refusal in the preview line.
            log.debug("no base preferred while the period reads %r: %s", exc.params, exc.key)
            return
        src = self.session.source

        def stored(kind: str) -> bool:
            return resolve_base(src, code, unit.uid, period, kind) is not None

        if stored(str(self.kind.currentData())):
            return
        for i in range(self.kind.count()):
            if stored(str(self.kind.itemData(i))):
                self.kind.blockSignals(True)
                self.kind.setCurrentIndex(i)
                self.kind.blockSignals(False)
                return

    def _update(self) -> None:
        self._prefer_stored_base()
        wording = str(self.wording.currentData())
        self.kind.setVisible(wording == "share")
        self.short.setVisible(wording == "share")
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        try:
            text = self.expression()
        except HbtError as exc:
            self.preview.setText(exc.message)
            ok.setEnabled(False)
            return
        if not text:
            self.preview.setText(
                QCoreApplication.translate("FigurePicker", "No indicator matches.")
            )
            ok.setEnabled(False)
            return
        unit = self.session.unit
        if unit is not None:
            result = render(text, self.session.source, unit, self.period)
            self.preview.setText(result.text)
        ok.setEnabled(True)

    def _accept_if_ready(self) -> None:
        try:
            self.text = self.expression()
        except HbtError as exc:
            self.preview.setText(exc.message)
            return
        if self.text:
            self.accept()


def pick_figure(parent: QWidget | None, session: Session, period: Period) -> str:
    """The placeholder text the clerk chose, or "" if cancelled."""
    picker = FigurePicker(parent, session, period)
    if picker.exec() == QDialog.DialogCode.Accepted:
        return picker.text
    return ""

"""The catalogue screen: sectors, indicators and kinds of base, without touching code.

Add, rename (edit) and retire each of them. Nothing is ever deleted: an item that is no
longer used is *retired* from a date — new periods no longer list it, while its stored
figures, and every document printed from them, stay as they were. Codes are keys of
stored figures and cannot be changed once created. Lists are in Vietnamese
alphabetical order; the indicator list filters as one types, accents optional.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hbt_desktop.app.changes import Done
from hbt_desktop.app.reference import save_catalogue
from hbt_desktop.core.catalogue import BaseKind, Indicator, Sector
from hbt_desktop.core.text import matches
from hbt_desktop.ui.admin.forms import base_kind_form, date_form, indicator_form, sector_form
from hbt_desktop.ui.collation import vi_sorted
from hbt_desktop.ui.errors import guarded
from hbt_desktop.ui.session import Session

Item = Sector | Indicator | BaseKind


def _day(d: date | None) -> str:
    return f"{d.day:02d}/{d.month:02d}/{d.year}" if d else ""


class ListTab(QWidget):
    """A list with Add / Edit / Retire / Restore buttons under it."""

    def __init__(self, headers: list[str], filterable: bool = False) -> None:
        super().__init__()
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(headers)
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.filter = QLineEdit()
        self.filter.setClearButtonEnabled(True)
        self.filter.setVisible(filterable)
        self.add_button = QPushButton()
        self.edit_button = QPushButton()
        self.retire_button = QPushButton()
        self.restore_button = QPushButton()
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.retire_button, self.restore_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)

    def current_code(self) -> str | None:
        item = self.tree.currentItem()
        return str(item.data(0, Qt.ItemDataRole.UserRole)) if item else None

    def fill(self, rows: list[tuple[str, list[str], bool]]) -> None:
        """``rows``: (code, cells, retired)."""
        wanted = self.current_code()
        self.tree.clear()
        for code, texts, retired in rows:
            item = QTreeWidgetItem(texts)
            item.setData(0, Qt.ItemDataRole.UserRole, code)
            if retired:
                for col in range(len(texts)):
                    item.setForeground(col, Qt.GlobalColor.gray)
            self.tree.addTopLevelItem(item)
            if code == wanted:
                self.tree.setCurrentItem(item)
        first = self.tree.topLevelItem(0)
        if self.tree.currentItem() is None and first is not None:
            self.tree.setCurrentItem(first)
        for col in range(self.tree.columnCount() - 1):
            self.tree.resizeColumnToContents(col)


class CatalogueDialog(QDialog):
    def __init__(self, parent: QWidget | None, session: Session) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Catalogue: sectors, indicators, kinds of base"))
        self.resize(1000, 620)
        self.sectors = ListTab(
            [self.tr("Code"), self.tr("Sector"), self.tr("Order"), self.tr("Retired from")]
        )
        self.indicators = ListTab(
            [
                self.tr("Code"),
                self.tr("Indicator"),
                self.tr("Sector"),
                self.tr("Unit"),
                self.tr("Sum of wards"),
                self.tr("Retired from"),
            ],
            filterable=True,
        )
        self.indicators.filter.setPlaceholderText(
            self.tr("Find: part of the name, accents optional")
        )
        self.bases = ListTab(
            [
                self.tr("Code"),
                self.tr("Kind of base"),
                self.tr("Assigned by"),
                self.tr("Retired from"),
            ]
        )
        for tab in (self.sectors, self.indicators, self.bases):
            tab.edit_button.setText(self.tr("Rename or edit…"))
            tab.retire_button.setText(self.tr("Retire…"))
            tab.restore_button.setText(self.tr("Use again"))
        self.sectors.add_button.setText(self.tr("Add sector…"))
        self.indicators.add_button.setText(self.tr("Add indicator…"))
        self.bases.add_button.setText(self.tr("Add kind of base…"))
        self.tabs = QTabWidget()
        self.tabs.addTab(self.indicators, self.tr("&Indicators"))
        self.tabs.addTab(self.sectors, self.tr("&Sectors"))
        self.tabs.addTab(self.bases, self.tr("&Kinds of base"))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(close)

        self.sectors.add_button.clicked.connect(lambda: self.edit_sector(None))
        self.sectors.edit_button.clicked.connect(
            lambda: self.edit_sector(self.sectors.current_code())
        )
        self.indicators.add_button.clicked.connect(lambda: self.edit_indicator(None))
        self.indicators.edit_button.clicked.connect(
            lambda: self.edit_indicator(self.indicators.current_code())
        )
        self.bases.add_button.clicked.connect(lambda: self.edit_base(None))
        self.bases.edit_button.clicked.connect(lambda: self.edit_base(self.bases.current_code()))
        for tab, kind in (
            (self.sectors, "sector"),
            (self.indicators, "indicator"),
            (self.bases, "base"),
        ):
            tab.retire_button.clicked.connect(
                lambda *_, k=kind, t=tab: self.retire(k, t.current_code())
            )
            tab.restore_button.clicked.connect(
                lambda *_, k=kind, t=tab: self.restore(k, t.current_code())
            )
            tab.tree.itemActivated.connect(lambda *_, t=tab: t.edit_button.click())
        self.indicators.filter.textChanged.connect(lambda *_: self.fill())
        self.fill()

    def fill(self) -> None:
        cat = self.session.source.catalogue
        self.sectors.fill(
            [
                (
                    s.code,
                    [s.code, s.name, str(s.position), _day(s.retired_from)],
                    s.retired_from is not None,
                )
                for s in cat.sector_list()
            ]
        )
        query = self.indicators.filter.text()
        shown = [
            i
            for i in cat.indicators.values()
            if not query or matches(query, i.name) or matches(query, i.code)
        ]
        rows = []
        for ind in vi_sorted(shown, key=lambda i: i.name):
            sector = cat.sectors[ind.sector].name if ind.sector in cat.sectors else ind.sector
            additive = self.tr("yes") if ind.additive else self.tr("no")
            cells = [ind.code, ind.name, sector, ind.unit_label, additive, _day(ind.retired_from)]
            rows.append((ind.code, cells, ind.retired_from is not None))
        self.indicators.fill(rows)
        self.bases.fill(
            [
                (
                    b.code,
                    [b.code, b.name, b.assigner, _day(b.retired_from)],
                    b.retired_from is not None,
                )
                for b in vi_sorted(cat.base_kinds.values(), key=lambda b: b.name)
            ]
        )

    def _saved(self, done: Done[object]) -> None:
        self.session.changed(done.changes)
        self.fill()

    @guarded
    def edit_sector(self, code: str | None) -> None:
        cat = self.session.source.catalogue
        sector = sector_form(self, cat.sectors.get(code) if code else None)
        if sector is not None:
            self._saved(save_catalogue(self.session.db, sectors=[sector]))

    @guarded
    def edit_indicator(self, code: str | None) -> None:
        cat = self.session.source.catalogue
        old = cat.indicators.get(code) if code else None
        indicator = indicator_form(self, cat, old, self.session.sector)
        if indicator is not None:
            self._saved(save_catalogue(self.session.db, indicators=[indicator]))

    @guarded
    def edit_base(self, code: str | None) -> None:
        cat = self.session.source.catalogue
        kind = base_kind_form(self, cat.base_kinds.get(code) if code else None)
        if kind is not None:
            self._saved(save_catalogue(self.session.db, base_kinds=[kind]))

    def _item(self, kind: str, code: str) -> Item | None:
        cat = self.session.source.catalogue
        if kind == "sector":
            return cat.sectors.get(code)
        if kind == "indicator":
            return cat.indicators.get(code)
        return cat.base_kinds.get(code)

    def _store(self, item: Item) -> None:
        db = self.session.db
        if isinstance(item, Sector):
            self._saved(save_catalogue(db, sectors=[item]))
        elif isinstance(item, Indicator):
            self._saved(save_catalogue(db, indicators=[item]))
        else:
            self._saved(save_catalogue(db, base_kinds=[item]))

    @guarded
    def retire(self, kind: str, code: str | None) -> None:
        item = self._item(kind, code) if code else None
        if item is None:
            return
        day = date_form(
            self,
            self.tr("Retire «{name}»").format(name=item.name),
            self.tr("Not used for periods from"),
            date.today(),
        )
        if day is not None:
            self._store(replace(item, retired_from=day))

    @guarded
    def restore(self, kind: str, code: str | None) -> None:
        item = self._item(kind, code) if code else None
        if item is not None and item.retired_from is not None:
            self._store(replace(item, retired_from=None))

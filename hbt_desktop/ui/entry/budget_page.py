"""The budget grid: revenue, spending and disbursement beside every assigner's base."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel

from hbt_desktop.ui.entry.budget_model import BudgetModel
from hbt_desktop.ui.entry.pages import GridPage
from hbt_desktop.ui.session import Session


class BudgetPage(GridPage):
    def __init__(self, session: Session) -> None:
        budget = BudgetModel(session)
        super().__init__(budget, 1, searchable=False)
        self.budget = budget
        self.budget.modelReset.connect(self._sizes)
        row = QHBoxLayout()
        self.hint = QLabel(
            self.tr(
                "Each base column holds the amount assigned for the year and the share "
                "reached; type an amount to record that assigner's base."
            )
        )
        self.hint.setWordWrap(True)
        row.addWidget(self.hint)
        self.layout_.insertLayout(0, row)

    def _sizes(self) -> None:
        header = self.view.horizontalHeader()
        header.resizeSection(0, 240)
        header.resizeSection(1, 190)
        header.resizeSection(2, 100)
        for col in range(3, self.budget.columnCount()):
            header.resizeSection(col, 185)
        header.setMinimumHeight(self.fontMetrics().lineSpacing() * 3 + 10)

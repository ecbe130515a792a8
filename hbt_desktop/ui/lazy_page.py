"""A tab whose page is built the first time it is shown.

Start-up time is what the clerk feels every morning: the writing and printing screens
pull in the template engine, the PDF viewer and the printing module, and the ward and
budget grids read the database — none of it is needed until their tab is opened.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

W = TypeVar("W", bound=QWidget)


class LazyPage(QWidget, Generic[W]):
    def __init__(self, factory: Callable[[], W], on_built: Callable[[W], None]) -> None:
        super().__init__()
        self._factory = factory
        self._on_built = on_built
        self._page: W | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    @property
    def built(self) -> bool:
        return self._page is not None

    def page(self) -> W:
        if self._page is None:
            self._page = self._factory()
            self._layout.addWidget(self._page)
            # Shown now, not after the next event: the caller may give it the focus.
            self._page.setVisible(True)
            self._on_built(self._page)
        return self._page

    def showEvent(self, event: QShowEvent) -> None:
        self.page()
        super().showEvent(event)

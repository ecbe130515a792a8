"""The document of the chosen unit and period, kept in step with the database.

Opening a unit and period with no stored document starts from the program's draft
(``reports.assemble.draft_document``: one sentence per figure), exactly what printing
would use, and stores it as soon as the clerk changes anything. Edits to the text are
saved after a short pause in typing (``SAVE_DELAY_MS``) and at once when the clerk
leaves the editor, changes unit or period, prints, or closes the window.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from hbt_desktop.ui.session import Session

if TYPE_CHECKING:
    from hbt_desktop.core.documents import DocumentSpec

SAVE_DELAY_MS = 400


class DocumentController(QObject):
    loaded = Signal()  # a different document is being edited
    saved = Signal()

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.doc: DocumentSpec | None = None
        self.drafted = False
        self.dirty = False
        self.active = False  # nothing is read until the writing screen is first opened
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)
        session.selection_changed.connect(self.load)
        session.structure_changed.connect(self.load)
        session.figures_changed.connect(self._figures_changed)

    def activate(self) -> None:
        self.active = True
        self.load()

    def load(self) -> None:
        self.flush()
        if not self.active:
            return
        s = self.session
        unit = s.unit
        if unit is None:
            self.doc = None
            self.loaded.emit()
            return
        if self.doc is not None and (self.doc.unit_uid, self.doc.period) == (unit.uid, s.period):
            return  # same document (only the sector changed)
        from hbt_desktop.store.documents import load_document

        doc = load_document(s.db, unit.uid, s.period)
        self.drafted = doc is None
        if doc is None:
            # reportlab comes with reports: loaded only when a draft is needed.
            from hbt_desktop.reports.assemble import draft_document
            from hbt_desktop.store.source import StoreSource

            src = StoreSource(s.db)
            doc = draft_document(s.db, src, src.units.get(unit.uid), s.period)
        self.doc = doc
        self.dirty = False
        self.loaded.emit()

    def _figures_changed(self, *_: object) -> None:
        # An untouched draft is only a suggestion made from the figures: write it again
        # from the new figures, as printing would.
        if self.drafted and not self.dirty:
            self.reload()

    def reload(self) -> None:
        """Read the document again even if the selection is the same."""
        self.flush()
        self.doc = None
        self.load()

    def touch(self) -> None:
        """The clerk changed something: save it after a pause in typing."""
        if self.doc is None:
            return
        if self.session.readonly:
            # The editors of a read-only window do not take typing (main_window._freeze);
            # a change made some other way is not saved, and the session says why.
            self.session.require_writable()
        self.dirty = True
        self._timer.start()

    def flush(self) -> None:
        if not self.dirty or self.doc is None:
            return
        self._timer.stop()
        from hbt_desktop.store.documents import save_document

        self.doc.id = save_document(self.session.db, self.doc)
        self.dirty = False
        self.drafted = False
        self.session.last_saved = datetime.now(UTC)
        self.session.saved.emit()
        self.saved.emit()

"""The document of the chosen unit and period, kept in step with the database.

Opening a unit and period with no stored document starts from the program's draft
(``app.assemble.document_to_edit``: one sentence per figure), exactly what printing
would use, and stores it as soon as the clerk changes anything. Edits to the text are
saved after a short pause in typing (``SAVE_DELAY_MS``) and at once when the clerk
leaves the editor, changes unit or period, prints, or closes the window.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from hbt_desktop.app.entry import save_document
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
        session.documents_changed.connect(self._stored_elsewhere)

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
        # Deferred on purpose: the templates (Jinja2) and the page content come with the
        # writing screen, which is built when first opened, not at start.
        from hbt_desktop.app.assemble import document_to_edit  # noqa: PLC0415

        self.doc, self.drafted = document_to_edit(s.db, unit.uid, s.period)
        self.dirty = False
        self.loaded.emit()

    def _figures_changed(self, *_: object) -> None:
        # An untouched draft is only a suggestion made from the figures: write it again
        # from the new figures, as printing would.
        if self.drafted and not self.dirty:
            self.reload()

    def _stored_elsewhere(self) -> None:
        # A document was stored by an action (an import, a ward's file accepted): show it,
        # unless the clerk is typing in this one (what they type is kept and saved).
        if not self.dirty:
            self.reload()
            self.saved.emit()  # the preview is out of date

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
        done = save_document(self.session.db, self.doc)
        self.doc.id = done.value
        self.dirty = False
        self.drafted = False
        # Its own save is no news to the document shown: only the time saved and the
        # preview (``saved``) follow it, not a reload (documents_changed).
        self.session.last_saved = datetime.now(UTC)
        self.session.saved.emit()
        self.saved.emit()

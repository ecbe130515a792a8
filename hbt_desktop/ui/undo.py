"""Undo and redo of saved edits.

Every accepted edit is already in the database when its command reaches the stack
(``Session.apply`` writes first, then pushes), so a failing write never leaves a command
on the stack that did not happen. Undo writes back the states the edit replaced, through
the same store functions, in one transaction; redo writes the edit again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtGui import QUndoCommand

from hbt_desktop.core.edits import Change
from hbt_desktop.store import audit


class EditCommand(QUndoCommand):
    def __init__(
        self,
        text: str,
        changes: Sequence[Change],
        undo_changes: Sequence[Change],
        write: Callable[[Sequence[Change], str], list[Change]],
        how: str,
    ) -> None:
        super().__init__(text)
        self._changes = list(changes)
        self._undo = list(undo_changes)
        self._write = write
        self._how = how
        self._first = True  # the edit was written before it was pushed

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._write(self._changes, self._how)

    def undo(self) -> None:
        self._write(self._undo, audit.How.UNDONE)

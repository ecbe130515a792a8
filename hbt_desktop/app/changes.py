"""What a user action changed, so that every screen refreshes what it shows of it.

Each function of ``app`` is one user action; it returns a :class:`Done` with its result
and its :class:`Changes` (Anki's ``OpChanges``): the window hands the changes to its
session, which tells the screens (``ui.session.Session.changed``). The command line
prints the result and the notices.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, TypeVar

T_co = TypeVar("T_co", covariant=True)  # a Done of a Review is a Done of an object

ANY: None = None  # for ``Changes.figures``: any figure may have changed


@dataclass(frozen=True)
class Changes:
    """The kinds of stored thing a user action changed."""

    # The indicator codes whose figures (or bases) were written; None: any of them.
    figures: frozenset[str] | None = frozenset()
    structure: bool = False  # the catalogue or the units
    document: bool = False  # the text of a document
    locks: bool = False  # checked, approved or unlocked: what may still change
    station: bool = False  # what this workstation is
    accounts: bool = False
    packages: bool = False  # files received, decided on, returned, or keys recorded
    settings: bool = False  # the periods offered, the second backup folder …

    @property
    def any_figures(self) -> bool:
        return self.figures is None or bool(self.figures)

    @property
    def anything(self) -> bool:
        return self != NOTHING

    def __or__(self, other: Changes) -> Changes:
        figures = (
            None if self.figures is None or other.figures is None else self.figures | other.figures
        )
        return Changes(
            figures,
            self.structure or other.structure,
            self.document or other.document,
            self.locks or other.locks,
            self.station or other.station,
            self.accounts or other.accounts,
            self.packages or other.packages,
            self.settings or other.settings,
        )


NOTHING = Changes()
FIGURES = Changes(figures=ANY)


@dataclass(frozen=True)
class Done(Generic[T_co]):
    """One user action done: its result, what it changed, anything the clerk should be
    told besides (a backup that could not be copied to the second folder …), and the
    backup made before it, if it made one (an import)."""

    value: T_co
    changes: Changes = NOTHING
    notices: tuple[str, ...] = field(default=())
    backup: Path | None = None

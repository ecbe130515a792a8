"""The open database and what the clerk is working on: unit, period, sector.

Screens get the session passed in (no global main window to reach into) and listen to
its signals: ``selection_changed`` when the unit, period or sector changes,
``figures_changed`` with the indicator codes whose figures were written (or None when
anything may have changed), ``structure_changed`` after the catalogue or the units were
edited. Every figure write of every screen goes through :meth:`Session.apply`, which
stores it at once (one transaction) and puts it on the undo stack.

Who is working: the signed-in account (``signed_in``, a ``store.accounts.Session``) when
the workstation has accounts, else the computer's user name — that name is what the
audit trail records. A session opened read-only (another copy of the program has the
file) refuses every write with one sentence saying why, before the store is reached.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import logging
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack
from sqlite_utils import Database

from hbt_desktop.core.edits import Change
from hbt_desktop.core.errors import HbtError
from hbt_desktop.core.i18n import register
from hbt_desktop.core.periods import Period, parse_period
from hbt_desktop.core.units import OrgUnit
from hbt_desktop.store import audit
from hbt_desktop.store.edits import apply_changes
from hbt_desktop.store.file.settings import get_setting, set_setting
from hbt_desktop.store.guard import station
from hbt_desktop.store.source import StoreSource
from hbt_desktop.store.values import last_change, periods_with_data
from hbt_desktop.ui.undo import EditCommand

if TYPE_CHECKING:
    # Only for the type: store.accounts loads argon2, which start-up does not need.
    from hbt_desktop.store.accounts import Session as SignedIn

log = logging.getLogger(__name__)

EXTRA_PERIODS_KEY = "ui_extra_periods"  # periods a clerk added before entering figures

register(
    {
        "ui.read_only": {
            "vi": "Cửa sổ này chỉ để xem: tệp dữ liệu {path} đang được mở ở một cửa sổ "
            "hbt-desktop khác. Hãy nhập, sửa ở cửa sổ đó; ở đây không lưu được gì.",
            "en": "This window is for reading only: the data file {path} is open in another "
            "hbt-desktop window. Enter and change figures there; nothing can be saved here.",
        },
    }
)


class ReadOnlyError(HbtError):
    """A write in a window opened read-only; nothing was stored."""


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in a locked-down profile: stay anonymous
        return ""


class Session(QObject):
    selection_changed = Signal()
    figures_changed = Signal(object)  # frozenset[str] of indicator codes, or None
    structure_changed = Signal()
    saved = Signal()
    account_changed = Signal()  # signed in or out
    station_changed = Signal()  # the workstation was set up or changed

    def __init__(self, db: Database, db_path: Path, *, readonly: bool = False) -> None:
        super().__init__()
        self.db = db
        self.db_path = db_path
        self.readonly = readonly
        self.source = StoreSource(db, remember=False)
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(1000)  # a day of edits; older ones stay saved, not undoable
        self.computer_user = _user()
        self.signed_in: SignedIn | None = None
        self._station = station(db)
        self.last_saved: datetime | None = last_change(db)
        self.sector: str | None = None
        self.unit_uid, self.period = self._initial_selection()

    # -- selection ---------------------------------------------------------------------

    def _initial_selection(self) -> tuple[str, Period]:
        periods = self.periods()
        period = periods[0] if periods else Period.year_of(datetime.now().year)
        wanted = get_setting(self.db, "current_period")
        if wanted:
            with contextlib.suppress(HbtError):
                period = parse_period(wanted)
        units = self.units_in(period)
        uid = get_setting(self.db, "current_unit") or ""
        if uid not in {u.uid for u in units}:
            uid = units[0].uid if units else ""
        return uid, period

    # -- who and where ----------------------------------------------------------------

    @property
    def user(self) -> str:
        """The name the audit trail records for this session's changes."""
        return self.signed_in.login if self.signed_in is not None else self.computer_user

    def sign_in(self, account: SignedIn | None) -> None:
        self.signed_in = account
        self.account_changed.emit()

    @property
    def station(self) -> tuple[str, str] | None:
        """(role, unit uid) of this workstation — "ward" or "district" — or None."""
        return self._station

    def station_saved(self) -> None:
        self._station = station(self.db)
        self.station_changed.emit()

    def require_writable(self) -> None:
        if self.readonly:
            raise ReadOnlyError("ui.read_only", path=self.db_path)

    def units_in(self, period: Period) -> list[OrgUnit]:
        """Units that existed during ``period``, in tree order (level, then code)."""
        found = [u for u in self.source.units if u.overlaps(period.start, period.end)]
        return sorted(found, key=lambda u: (u.level, u.code))

    @property
    def unit(self) -> OrgUnit | None:
        try:
            return self.source.units.get(self.unit_uid) if self.unit_uid else None
        except HbtError:
            # The chosen unit was removed from the list of units (another window, an
            # import): the screens show "no unit" until another is chosen.
            log.info("the chosen unit %s is no longer in the list of units", self.unit_uid)
            return None

    def select(
        self,
        *,
        unit_uid: str | None = None,
        period: Period | None = None,
        sector: str | bool | None = False,
    ) -> None:
        """Change what the screens show; ``sector=None`` means all sectors."""
        changed = False
        if period is not None and period != self.period:
            self.period = period
            if not self.readonly:  # remembered in the file; a read-only window only looks
                # ``ref``: a cut-off typed on the period's last day is kept (core.periods).
                set_setting(self.db, "current_period", period.ref)
            changed = True
            valid = {u.uid for u in self.units_in(period)}
            if self.unit_uid not in valid and unit_uid is None:
                unit_uid = next(iter(u.uid for u in self.units_in(period)), "")
        if unit_uid is not None and unit_uid != self.unit_uid:
            self.unit_uid = unit_uid
            if unit_uid and not self.readonly:
                set_setting(self.db, "current_unit", unit_uid)
            changed = True
        if sector is not False and sector != self.sector:
            self.sector = sector if isinstance(sector, str) else None
            changed = True
        if changed:
            self.selection_changed.emit()

    # -- periods -----------------------------------------------------------------------

    def extra_periods(self) -> list[Period]:
        raw = get_setting(self.db, EXTRA_PERIODS_KEY) or "[]"
        found = []
        for pid in json.loads(raw):
            try:
                found.append(parse_period(str(pid)))
            except HbtError:
                continue  # an id this version cannot read is skipped, not fatal
        return found

    def add_period(self, period: Period) -> None:
        self.require_writable()
        ids = [p.ref for p in self.extra_periods()]
        if period.ref not in ids:
            ids.append(period.ref)
            set_setting(self.db, EXTRA_PERIODS_KEY, json.dumps(ids))

    def periods(self) -> list[Period]:
        """Periods with data or added by the clerk, newest first."""
        found = set(periods_with_data(self.db)) | set(self.extra_periods())
        if getattr(self, "period", None) is not None:
            found.add(self.period)
        return sorted(found, reverse=True)

    # -- writing -----------------------------------------------------------------------

    def _write(self, changes: Sequence[Change], how: str) -> list[Change]:
        undo = apply_changes(self.db, changes, how=how, user=self.user)
        self.last_saved = datetime.now(UTC)
        self.saved.emit()
        self.figures_changed.emit(frozenset(c.key.indicator for c in changes))
        return undo

    def apply(self, changes: Sequence[Change], text: str, how: str = audit.How.TYPED) -> None:
        """Store ``changes`` now (one transaction) and make them undoable as one step.

        Raises the store's refusal (HbtError) when the workstation may not make them;
        then nothing is stored and nothing goes on the undo stack.
        """
        if not changes:
            return
        self.require_writable()
        undo = self._write(changes, how)
        self.undo_stack.push(EditCommand(text, changes, undo, self._write, how))

    def figures_stored(self) -> None:
        """Figures were stored outside the grids (a package accepted or rolled back, an
        entry sheet): every screen reads them again."""
        self.last_saved = datetime.now(UTC)
        self.saved.emit()
        self.figures_changed.emit(None)

    def structure_saved(self) -> None:
        """The catalogue or the units were saved: reread them everywhere."""
        self.source.reload()
        self.last_saved = datetime.now(UTC)
        self.saved.emit()
        self.structure_changed.emit()
        self.figures_changed.emit(None)

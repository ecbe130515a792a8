"""Opening the clerk's data file: open (locked, checked, recovered if damaged, migrated
after a backup), the unit and period it opens on, a new file, the demo, an empty file in
place of the demo, the check.

The window and the command line open the file the same way (:func:`open_file`); they
differ only in what they ask the clerk: which backup to restore if the file is damaged
(``choose``), and whether to look at it read-only when another copy of the program has
it (``read_only_if_in_use``). A worker thread opens a connection of its own
(:func:`connection`): an SQLite connection belongs to the thread that made it.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from hbt_desktop.app.changes import FIGURES, NOTHING, Changes, Done
from hbt_desktop.core.errors import HbtError
from hbt_desktop.core.periods import Period
from hbt_desktop.store.catalogue import load_catalogue
from hbt_desktop.store.file.backup import BackupError, backup_on_start
from hbt_desktop.store.file.check import CheckResult, check_database
from hbt_desktop.store.file.connection import open_database
from hbt_desktop.store.file.lock import InUseError
from hbt_desktop.store.file.recovery import (
    OpenedDatabase,
    Recovery,
    RecoveryChoice,
    open_or_recover,
    restore_opened,
)
from hbt_desktop.store.file.restore import RestoreResult
from hbt_desktop.store.file.settings import get_setting, set_setting
from hbt_desktop.store.units import has_units, load_units

if TYPE_CHECKING:
    from sqlite_utils import Database


@dataclass(frozen=True)
class DataFile:
    """The open data file as a user action needs it: the connection, and where the file
    is (a backup is made beside it)."""

    db: Database
    path: Path


def file_of(opened: OpenedDatabase) -> DataFile:
    return DataFile(opened.db, opened.path)


def seed_if_new(db: Database) -> None:
    """A brand-new file gets the reference data (units, catalogue) and the demo."""
    if has_units(db):
        return
    # Deferred on purpose: the importers (spreadsheets, the catalogue's checks) cost a
    # third of the window's start, and only a brand-new file needs them.
    from hbt_desktop.exchange.seed import seed_new_database  # noqa: PLC0415

    seed_new_database(db)


def open_file(
    path: Path,
    *,
    choose: Callable[[Recovery], RecoveryChoice | None] | None = None,
    read_only_if_in_use: Callable[[HbtError], bool] | None = None,
    start_backup: bool = True,
) -> OpenedDatabase:
    """Open the clerk's data file as the program starts (``store.file.recovery``).

    ``choose`` is asked what to do with a damaged or vanished file (without it, the
    refusal says how to restore it). When another copy of the program has the file,
    ``read_only_if_in_use`` is asked with that refusal: True opens it read-only (no lock,
    no check, no backup), False — or no question — refuses. A new file gets the
    reference data and the demo.
    """
    try:
        return open_or_recover(path, seed=seed_if_new, choose=choose, start_backup=start_backup)
    except InUseError as exc:
        if read_only_if_in_use is None or not read_only_if_in_use(exc):
            raise
        return open_or_recover(path, readonly=True)


def close_file(opened: OpenedDatabase, *, backup: bool = True) -> tuple[str, ...]:
    """Close the data file as the program ends: the backup at close (unless nothing
    changed since the newest), the lock let go of. Never raises for a failed backup;
    returns what the clerk should be told."""
    outcome = opened.close(backup=backup)
    return tuple(outcome.messages) if outcome is not None else ()


@contextmanager
def connection(path: Path) -> Iterator[Database]:
    """A connection of its own to the open data file, for work done on another thread
    (a document built, a file imported); closed when the work is done."""
    db = open_database(path, create=False)
    try:
        yield db
    finally:
        db.close()


def backup_at_start(path: Path) -> tuple[str, ...]:
    """The daily backup the window makes once it is shown, on a connection of its own;
    what the clerk should be told (its failure is told, not fatal)."""
    with connection(path) as db:
        try:
            outcome = backup_on_start(db, path)
        except BackupError as exc:
            return (exc.message,)
    return tuple(outcome.messages) if outcome is not None else ()


# -- where the program opens -------------------------------------------------------------

# Where the unit and period chosen last are kept (the demo sets them, the CLI reads them).
CURRENT_UNIT, CURRENT_PERIOD = "current_unit", "current_period"


def remembered_selection(db: Database) -> tuple[str | None, str | None]:
    """(unit uid, period id) the program was last left on, as stored."""
    return get_setting(db, CURRENT_UNIT), get_setting(db, CURRENT_PERIOD)


def remember_selection(
    db: Database, *, unit_uid: str | None = None, period: Period | None = None
) -> Done[None]:
    """Keep the unit and period chosen, to open on them next time. ``period.ref``: a
    cut-off typed on the period's last day is kept as typed (core.periods)."""
    if unit_uid:
        set_setting(db, CURRENT_UNIT, unit_uid)
    if period is not None:
        set_setting(db, CURRENT_PERIOD, period.ref)
    return Done(None, NOTHING)


# -- new files ------------------------------------------------------------------------------


def new_file(path: Path) -> tuple[int, int]:
    """Create ``path`` with the reference data (units, catalogue) and nothing else: no demo.

    Refused, with nothing touched, when the file exists and is not empty (``new`` never
    overwrites) or when backups of a file of that name are beside it (the clerk is told how
    to restore it instead). Returns (units, indicators) of the new file.
    """
    if path.exists() and path.stat().st_size > 0:
        raise HbtError("seed.exists", path=path)
    # Deferred as in seed_if_new: the importers are for new files only.
    from hbt_desktop.exchange.seed import load_reference  # noqa: PLC0415

    def seed(db: Database) -> None:
        if has_units(db):  # made by someone else in between: leave it alone
            raise HbtError("seed.exists", path=path)
        load_reference(db)

    opened = open_or_recover(path, seed=seed, start_backup=False)
    try:
        return len(load_units(opened.db)), len(load_catalogue(opened.db).indicators)
    finally:
        opened.close(backup=False)


def load_demo(file: DataFile) -> Done[None]:
    """The seed bulletin's figures, bases, text and photos, loaded again."""
    from hbt_desktop.exchange.seed import load_demo as load  # noqa: PLC0415

    load(file.db)
    return Done(None, FIGURES | Changes(document=True, settings=True))


def start_empty(opened: OpenedDatabase) -> tuple[OpenedDatabase, RestoreResult]:
    """An empty data file (reference data only, as :func:`new_file` makes) in place of the
    open one — the demo —, which is backed up first (as by a restore) and can be
    restored. Returns the file opened again and what was done; on a refusal the open
    file is unchanged (``store.file.recovery.restore_opened``)."""
    with tempfile.TemporaryDirectory(prefix="hbt-desktop-new-") as folder:
        fresh = Path(folder) / opened.path.name
        new_file(fresh)
        return restore_opened(opened, fresh)


def check_file(path: Path) -> CheckResult:
    """``hbt-desktop check``: the thorough check of the file, which is not created."""
    db = open_database(path, create=False)
    try:
        return check_database(db)
    finally:
        db.close()

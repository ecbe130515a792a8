"""Every import: figures (DHIS2 dataValueSets), the catalogue and the units as files,
filled-in entry sheets, a ward's package at the district, the district's return at the
ward, a document.

Each one backs the data file up before it writes (:func:`_backup_first`, the one place
that does it): a file that turns out to be wrong can always be undone by restoring the
copy made just before it, as the user guide promises. The backup is refused — and then
nothing is imported — when it cannot be made. A dry run checks everything and writes
nothing, so it makes no backup.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Literal, TypeVar

from hbt_desktop.app import document_files, offices
from hbt_desktop.app.changes import FIGURES, NOTHING, Changes, Done
from hbt_desktop.app.document_files import DocumentImport
from hbt_desktop.app.opening import DataFile
from hbt_desktop.core.periods import Period
from hbt_desktop.core.review import Review
from hbt_desktop.exchange.catalogue_io import import_catalogue
from hbt_desktop.exchange.entry_sheet import SheetImport, import_entry_sheet
from hbt_desktop.exchange.legacy_files import preview
from hbt_desktop.exchange.report import ImportReport
from hbt_desktop.exchange.tables import DEFAULT_LIMITS, Limits
from hbt_desktop.exchange.units_io import import_units
from hbt_desktop.exchange.values_io import import_values
from hbt_desktop.store.file.backup import backup_before
from hbt_desktop.store.packages import ReturnedNote

if TYPE_CHECKING:
    from sqlite_utils import Database

T = TypeVar("T")
Table = Literal["values", "catalogue", "units"]
TABLES: tuple[Table, ...] = ("values", "catalogue", "units")

_IMPORTERS: dict[Table, Callable[..., ImportReport]] = {
    "values": import_values,
    "catalogue": import_catalogue,
    "units": import_units,
}
# What each kind of file changes when imported: figures; or the catalogue and the units,
# by which every figure is shown.
_CHANGES: dict[Table, Changes] = {
    "values": FIGURES,
    "catalogue": FIGURES | Changes(structure=True),
    "units": FIGURES | Changes(structure=True),
}


@dataclass(frozen=True)
class _Backup:
    path: Path | None
    notices: tuple[str, ...]  # e.g. a second folder that could not be reached


_NONE = _Backup(None, ())


def _backup_first(file: DataFile) -> _Backup:
    """The backup before an import writes. Refuses the import when it cannot be made."""
    outcome = backup_before(file.db, file.path, "import")
    return _Backup(outcome.backup.path if outcome.backup else None, tuple(outcome.messages))


def _done(value: T, changes: Changes, backup: _Backup) -> Done[T]:
    return Done(value, changes, backup.notices, backup.path)


def import_file(
    file: DataFile,
    what: Table,
    source: Path,
    *,
    dry_run: bool = False,
    limits: Limits = DEFAULT_LIMITS,
) -> Done[ImportReport]:
    """Figures (also DHIS2's), the catalogue or the units from a .csv, .json or .xlsx
    file: all or nothing (``exchange``'s importers)."""
    converted = legacy_text(source)
    backup = _NONE if dry_run else _backup_first(file)
    report = _IMPORTERS[what](file.db, source, dry_run=dry_run, limits=limits)
    done = _done(report, NOTHING if dry_run else _CHANGES[what], backup)
    if converted is None:
        return done
    return dataclasses.replace(done, notices=(converted, *done.notices))


def legacy_text(source: Path) -> str | None:
    """A file typed in TCVN3 or VNI fonts is converted by the readers: what its text
    becomes, as a preview to tell the clerk (None: Unicode text, nothing converted)."""
    converted = preview(source)
    return converted.message() if converted is not None else None


def import_sheet(
    file: DataFile,
    source: Path,
    *,
    user: str,
    take_valid_rows: bool = False,
    now: datetime | None = None,
) -> Done[SheetImport]:
    """A filled-in entry sheet: stored if every row is valid, or (``take_valid_rows``)
    the valid rows; the errors are written beside the file."""
    backup = _backup_first(file)
    result = import_entry_sheet(
        file.db, source, user=user, take_valid_rows=take_valid_rows, now=now
    )
    return _done(result, FIGURES if result.stored else NOTHING, backup)


def _trusting(db: Database, key_file: Path | None, user: str) -> None:
    """First contact by key file: the sender's key is recorded before its file is read."""
    if key_file is not None:
        offices.trust_key_file(db, key_file, user=user)


def receive_package(
    file: DataFile,
    source: Path,
    *,
    user: str,
    dry_run: bool = False,
    trust_fingerprint: str | None = None,
    key_file: Path | None = None,
    limits: Limits = DEFAULT_LIMITS,
    now: datetime | None = None,
) -> Done[Review]:
    """At the district: a ward's package checked and kept as pending; its review.

    The same file again returns its review (``already_received``) and changes nothing;
    a dry run returns what keeping it would show. First contact needs the sender's
    fingerprint confirmed (``trust_fingerprint``) or its key file (``key_file``);
    without either it is refused with the fingerprint (``app.offices.UnknownSender``).
    """
    _trusting(file.db, None if dry_run else key_file, user)
    checked = offices.check_package(
        file.db, source, trust_fingerprint=trust_fingerprint, limits=limits
    )
    if dry_run or checked.received_before is not None:
        return Done(checked.review(file.db))
    backup = _backup_first(file)
    found = offices.keep_package(file.db, checked, user=user, now=now)
    return _done(found, Changes(packages=True), backup)


def read_return(
    file: DataFile,
    source: Path,
    *,
    user: str,
    trust_fingerprint: str | None = None,
    key_file: Path | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> Done[list[ReturnedNote]]:
    """At the ward office: the district's return file, whose reasons the entry screens
    show on the figures concerned; the same file again changes nothing."""
    _trusting(file.db, key_file, user)
    checked = offices.check_return(
        file.db, source, trust_fingerprint=trust_fingerprint, limits=limits
    )
    if checked.read_before:
        return Done(offices.keep_return(file.db, checked, user=user))
    backup = _backup_first(file)
    notes = offices.keep_return(file.db, checked, user=user)
    return _done(notes, Changes(packages=True), backup)


def import_document(
    file: DataFile, source: Path, unit_uid: str, period: Period, *, dry_run: bool = False
) -> Done[DocumentImport]:
    """A document file (.txt, .zip, .json) as the document of ``unit_uid`` and ``period``,
    every template checked first (``app.document_files``)."""
    read = document_files.read_document(file.db, source, unit_uid, period)
    if dry_run:
        return Done(read)
    backup = _backup_first(file)
    stored = document_files.store_read_document(file.db, read)
    return _done(stored, Changes(document=True), backup)

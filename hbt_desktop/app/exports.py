"""Files out: figures (DHIS2 dataValueSets), the catalogue, the units, an entry sheet to
fill in, a document. Each writes a file (whole, or not at all) and changes nothing in
the data file, so each returns what it wrote rather than a ``Done``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from hbt_desktop.app.document_files import DocumentExport, export_document
from hbt_desktop.app.imports import Table
from hbt_desktop.core.periods import Period
from hbt_desktop.exchange.catalogue_io import export_catalogue
from hbt_desktop.exchange.entry_sheet import export_entry_sheet
from hbt_desktop.exchange.units_io import export_units
from hbt_desktop.exchange.values_io import export_values

if TYPE_CHECKING:
    from sqlite_utils import Database


def export_file(
    db: Database,
    what: Table,
    target: Path,
    *,
    unit_uids: Sequence[str] | None = None,
    periods: Sequence[Period] | None = None,
) -> int:
    """Figures (of ``unit_uids`` and ``periods``, default all), the catalogue or the
    units to a .csv, .json or .xlsx file; how many rows were written."""
    if what == "values":
        return export_values(db, target, unit_uids=unit_uids, periods=periods)
    if what == "catalogue":
        return export_catalogue(db, target)
    return export_units(db, target)


def export_sheet(db: Database, target: Path, unit_uid: str, period: Period) -> int:
    """The entry sheet of a unit and period, to fill in and import back; how many rows."""
    return export_entry_sheet(db, target, unit_uid, period)


def export_document_file(
    db: Database, target: Path, unit_uid: str, period: Period
) -> DocumentExport:
    """The document of a unit and period (the stored one, or the draft the writing screen
    would show) as a .txt, .zip or .json file."""
    return export_document(db, target, unit_uid, period)

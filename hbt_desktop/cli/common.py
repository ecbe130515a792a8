"""What the commands share: opening the data file as the program does, the unit and
period a command is about, and how answers and warnings are printed (who acts:
``cli.signing_in``).

An answer goes to stdout; a warning or a refusal to stderr, one sentence each, in the
language chosen (``--lang``). The data file is closed, and its lock let go of, when the
command ends (``closing``, from ``cli.main``).
"""

from __future__ import annotations

import sys
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING

from hbt_desktop.app.changes import Done
from hbt_desktop.app.opening import (
    DataFile,
    close_file,
    file_of,
    open_file,
    remembered_selection,
)
from hbt_desktop.core.errors import HbtError
from hbt_desktop.core.i18n import tr
from hbt_desktop.core.periods import Period, parse_period
from hbt_desktop.store.file.location import default_db_path
from hbt_desktop.store.units import load_units

if TYPE_CHECKING:
    from sqlite_utils import Database


def say(text: str) -> None:
    print(text)


def warn(text: str) -> None:
    print(tr("cli.problem", None, text=text), file=sys.stderr)


def told(done: Done[object]) -> None:
    """The notices of an action done (a backup not copied to the second folder …)."""
    for notice in done.notices:
        warn(notice)


def data_path(args: object) -> Path:
    return default_db_path(getattr(args, "db", None))


def open_data(args: object, closing: ExitStack, *, write: bool = True) -> DataFile:
    """The clerk's data file, opened as the program opens it at start (lock, quick check,
    daily backup). A command that only reads falls back to read-only when another copy
    of the program has the file. What the start found (a location warning, a failed
    backup) is printed as warnings."""

    def read_only(exc: HbtError) -> bool:
        if write:
            return False
        print(tr("cli.readonly", None, who=exc.params["who"]), file=sys.stderr)
        return True

    opened = open_file(data_path(args), read_only_if_in_use=read_only)
    closing.callback(close_file, opened, backup=False)
    for notice in [*opened.messages, *(w.message for w in opened.warnings)]:
        warn(notice)
    return file_of(opened)


def chosen_document(db: Database, unit: str | None, period: str | None) -> tuple[str, Period]:
    """(unit uid, period) named by --unit/--period, or else those the program was left
    on; refused when neither says."""
    remembered_unit, remembered_period = remembered_selection(db)
    period_text = period or remembered_period
    unit_text = unit or remembered_unit
    if not period_text or not unit_text:
        raise HbtError("cli.no_document")
    found = parse_period(period_text)
    return load_units(db).by_code(unit_text, found.nominal_end).uid, found


def unit_and_period(db: Database, unit: str, period: str) -> tuple[str, Period]:
    """(unit uid, period) of --unit CODE --period PERIOD, both given."""
    found = parse_period(period)
    return load_units(db).by_code(unit, found.nominal_end).uid, found


def keys_folder(args: object) -> Path | None:
    keys = getattr(args, "keys", None)
    return Path(keys) if keys else None

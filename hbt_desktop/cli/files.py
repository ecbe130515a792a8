"""The commands of files in and out: ``import``/``export`` of figures, catalogue and
units, ``dhis2`` (the same, as DHIS2 dataValueSets), ``sheet`` (the Excel entry sheet).
Each is one call into ``app``; every import backs the file up first (``app.imports``)."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Mapping
from contextlib import ExitStack
from pathlib import Path

from hbt_desktop.app.exports import export_file, export_sheet
from hbt_desktop.app.imports import Table, import_file, import_sheet
from hbt_desktop.cli.common import (
    open_data,
    say,
    told,
    unit_and_period,
)
from hbt_desktop.cli.parser import EXIT_OK, EXIT_REFUSED
from hbt_desktop.cli.signing_in import who
from hbt_desktop.core.errors import HbtError
from hbt_desktop.core.i18n import tr
from hbt_desktop.core.periods import parse_period
from hbt_desktop.store.units import load_units


def _import(args: argparse.Namespace, closing: ExitStack, what: Table) -> int:
    file = open_data(args, closing)
    done = import_file(file, what, Path(args.file), dry_run=args.dry_run)
    told(done)
    report = done.value
    say(
        tr(
            "cli.imported",
            None,
            what=what,
            new=report.new,
            changed=report.changed,
            unchanged=report.unchanged,
            dry=tr("cli.dry") if args.dry_run else "",
        )
    )
    return EXIT_OK


def _export(args: argparse.Namespace, closing: ExitStack, what: Table) -> int:
    file = open_data(args, closing, write=False)
    target = Path(args.file)
    uids = periods = None
    if what == "values":
        units = load_units(file.db)
        periods = [parse_period(p) for p in args.period] if args.period else None
        uids = [units.by_code(u).uid for u in args.unit] if args.unit else None
    count = export_file(file.db, what, target, unit_uids=uids, periods=periods)
    say(tr("cli.exported", None, count=count, path=target))
    return EXIT_OK


def cmd_import(args: argparse.Namespace, closing: ExitStack) -> int:
    return _import(args, closing, args.what)


def cmd_export(args: argparse.Namespace, closing: ExitStack) -> int:
    return _export(args, closing, args.what)


def cmd_dhis2(args: argparse.Namespace, closing: ExitStack) -> int:
    # The same as «import values» / «export values»: DHIS2 dataValueSets.
    if args.action == "import":
        return _import(args, closing, "values")
    return _export(args, closing, "values")


def cmd_sheet(args: argparse.Namespace, closing: ExitStack) -> int:
    if args.action == "export":
        file = open_data(args, closing, write=False)
        if not args.unit or not args.period:
            raise HbtError("cli.no_document")
        unit, period = unit_and_period(file.db, args.unit, args.period)
        count = export_sheet(file.db, Path(args.file), unit, period)
        say(tr("cli.exported", None, count=count, path=args.file))
        return EXIT_OK
    file = open_data(args, closing)
    done = import_sheet(
        file, Path(args.file), user=who(file.db, args.as_user), take_valid_rows=args.valid_rows
    )
    told(done)
    say(done.value.summary())
    return EXIT_OK if done.value.stored or not done.value.errors else EXIT_REFUSED


COMMANDS: Mapping[str, Callable[[argparse.Namespace, ExitStack], int]] = {
    "import": cmd_import,
    "export": cmd_export,
    "dhis2": cmd_dhis2,
    "sheet": cmd_sheet,
}

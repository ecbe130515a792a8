"""The commands of files: ``import``/``export`` of figures, catalogue and units,
``dhis2`` (the same, as DHIS2 dataValueSets), ``sheet`` (the Excel entry sheet), the
data file itself (``new``, ``demo``, ``check``) and its backups (``backup``,
``restore``). Each is one call into ``app``; every import backs the file up first
(``app.imports``)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Mapping
from contextlib import ExitStack
from pathlib import Path

from hbt_desktop.app.backups import back_up_now, backup_named, restore_file, set_second_folder
from hbt_desktop.app.exports import export_file, export_sheet
from hbt_desktop.app.imports import Table, import_file, import_sheet
from hbt_desktop.app.opening import check_file, load_demo, new_file
from hbt_desktop.cli.common import (
    data_path,
    open_data,
    say,
    told,
    unit_and_period,
    who,
)
from hbt_desktop.cli.parser import EXIT_OK, EXIT_REFUSED
from hbt_desktop.core.errors import HbtError
from hbt_desktop.core.i18n import tr
from hbt_desktop.core.periods import parse_period
from hbt_desktop.store.file.backup import (
    BackupInfo,
    contents_text,
    default_backup_dir,
    list_backups,
)
from hbt_desktop.store.file.verify import FileReport
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


def cmd_demo(args: argparse.Namespace, closing: ExitStack) -> int:
    file = open_data(args, closing)
    load_demo(file)
    say(tr("cli.demo_loaded", None, path=file.path))
    return EXIT_OK


def cmd_new(args: argparse.Namespace, closing: ExitStack) -> int:
    path = data_path(args)
    units, indicators = new_file(path)
    say(tr("cli.created", None, path=path, units=units, indicators=indicators))
    return EXIT_OK


def cmd_check(args: argparse.Namespace, closing: ExitStack) -> int:
    path = data_path(args)
    result = check_file(path)
    if result.problems:
        detail = "; ".join(result.problems)
        print(tr("cli.check_bad", None, path=path, detail=detail), file=sys.stderr)
        return EXIT_REFUSED
    say(tr("cli.check_ok", None, path=path, version=result.schema_version, values=result.values))
    return EXIT_OK


def cmd_backup(args: argparse.Namespace, closing: ExitStack) -> int:
    if args.action == "list":
        path = data_path(args)
        found = list_backups(path)
        if not found:
            say(tr("cli.no_backups", None, folder=default_backup_dir(path)))
        for info in found:
            say(tr("cli.backup_line", None, summary=info.summary(), path=info.path))
        return EXIT_OK
    file = open_data(args, closing, write=args.action == "mirror")
    if args.action == "mirror":
        if not args.off and not args.folder:
            raise HbtError("cli.usage", detail="backup mirror FOLDER | --off")
        folder = set_second_folder(file, None if args.off else Path(args.folder)).value
        say(tr("cli.mirror_off") if folder is None else tr("cli.mirror_set", None, folder=folder))
        return EXIT_OK
    done = back_up_now(file)
    told(done)
    assert done.value.backup is not None
    say(tr("backup.made", None, path=done.value.backup.path))
    return EXIT_OK


def _confirm_restore(
    args: argparse.Namespace, source: Path
) -> Callable[[FileReport, BackupInfo | None], bool]:
    def confirm(incoming: FileReport, current: BackupInfo | None) -> bool:
        say(
            tr(
                "cli.restore_preview",
                None,
                source=source,
                incoming=contents_text(incoming.values, incoming.units, incoming.documents),
                current=current.contents() if current else tr("backup.contents_unknown"),
            )
        )
        if args.yes:
            return True
        if not sys.stdin.isatty():
            raise HbtError("cli.restore_needs_yes")
        answer = input(tr("cli.restore_ask")).strip().casefold()
        return answer in {"có", "co", "c", "yes", "y"}

    return confirm


def cmd_restore(args: argparse.Namespace, closing: ExitStack) -> int:
    path = data_path(args)
    source = backup_named(path, args.backup)
    result = restore_file(path, source, confirm=_confirm_restore(args, source))
    say(result.message())
    return EXIT_OK


COMMANDS: Mapping[str, Callable[[argparse.Namespace, ExitStack], int]] = {
    "import": cmd_import,
    "export": cmd_export,
    "dhis2": cmd_dhis2,
    "sheet": cmd_sheet,
    "demo": cmd_demo,
    "new": cmd_new,
    "check": cmd_check,
    "backup": cmd_backup,
    "restore": cmd_restore,
}

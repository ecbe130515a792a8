"""The commands of the data file itself: ``new``, ``demo``, ``check``, and its backups:
``backup``, ``restore``. Each is one call into ``app`` (``app.opening``, ``app.backups``)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Mapping
from contextlib import ExitStack
from pathlib import Path

from hbt_desktop.app.backups import back_up_now, backup_named, restore_file, set_second_folder
from hbt_desktop.app.opening import check_file, load_demo, new_file
from hbt_desktop.cli.common import data_path, open_data, say, told
from hbt_desktop.cli.parser import EXIT_OK, EXIT_REFUSED
from hbt_desktop.core.errors import HbtError
from hbt_desktop.core.i18n import tr
from hbt_desktop.store.file.backup import (
    BackupInfo,
    contents_text,
    default_backup_dir,
    list_backups,
)
from hbt_desktop.store.file.verify import FileReport


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
    "demo": cmd_demo,
    "new": cmd_new,
    "check": cmd_check,
    "backup": cmd_backup,
    "restore": cmd_restore,
}

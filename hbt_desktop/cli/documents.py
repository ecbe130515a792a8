"""The commands of documents: ``bulletin`` and ``report`` (print to a file),
``verify-print`` (a printed copy against today's figures), ``document export|import``
(a document as a file). Each is one call into ``app``."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Mapping
from contextlib import ExitStack
from pathlib import Path

from hbt_desktop.app.document_files import form_of
from hbt_desktop.app.documents import (
    Kind,
    NotPrintable,
    changed_since_printed,
    output_form,
    print_document,
    print_record,
)
from hbt_desktop.app.exports import export_document_file
from hbt_desktop.app.imports import import_document
from hbt_desktop.cli.common import chosen_document, open_data, say, told, warn
from hbt_desktop.cli.parser import EXIT_CHANGED, EXIT_OK
from hbt_desktop.core.errors import HbtError
from hbt_desktop.core.i18n import tr


def cmd_print(args: argparse.Namespace, closing: ExitStack) -> int:
    kind, out = Kind(args.command), Path(args.out)
    # Refused before anything is read: a PDF must never be written under a .docx name.
    output_form(kind, out)
    file = open_data(args, closing, write=False)
    unit_uid, period = chosen_document(file.db, args.unit, args.period)
    try:
        printed = print_document(file.db, kind, unit_uid, period, out, strict=args.strict)
    except NotPrintable as refused:
        for problem in refused.problems:
            warn(problem)
        raise
    for text in (*printed.problems, *printed.warnings):
        warn(text)
    if printed.pages is None:
        say(tr("cli.wrote_docx", None, path=out, fingerprint=printed.fingerprint))
    else:
        say(tr("cli.wrote", None, path=out, pages=printed.pages, fingerprint=printed.fingerprint))
    return EXIT_OK


def cmd_verify_print(args: argparse.Namespace, closing: ExitStack) -> int:
    """Whether the figures a printed file was made from are still those in the database,
    and if not, which changed since (from the readings its metadata carries)."""
    path = Path(args.file)
    record = print_record(path)  # refused before the data file is opened
    file = open_data(args, closing, write=False)
    changes = changed_since_printed(file.db, record)
    fingerprint = record.fingerprint
    if not changes:
        count = len(record.readings)
        say(tr("cli.print_same", None, path=path, fingerprint=fingerprint, count=count))
        return EXIT_OK
    say(tr("cli.print_changed", None, path=path, fingerprint=fingerprint, count=len(changes)))
    for change in changes:
        say(
            tr(
                "cli.print_changed_line",
                None,
                figure=change.figure,
                then=change.then,
                now=change.now,
            )
        )
    return EXIT_CHANGED


def cmd_document(args: argparse.Namespace, closing: ExitStack) -> int:
    """``document export|import FILE --unit U --period P``: the unit and period are always
    named (an import replaces that document, so it is never guessed from the settings)."""
    target = Path(args.file)
    form_of(target)  # an unknown extension is refused before the data file is opened
    if not args.unit or not args.period:
        raise HbtError("cli.document_needs")
    if args.action == "export":
        if args.dry_run:
            raise HbtError("cli.dry_export")
        file = open_data(args, closing, write=False)
        unit_uid, period = chosen_document(file.db, args.unit, args.period)
        say(export_document_file(file.db, target, unit_uid, period).message())
        return EXIT_OK
    file = open_data(args, closing)
    unit_uid, period = chosen_document(file.db, args.unit, args.period)
    done = import_document(file, target, unit_uid, period, dry_run=args.dry_run)
    say(done.value.message())
    told(done)
    if done.value.replaced and done.backup is not None:
        say(tr("cli.backup_before", None, path=done.backup))
    return EXIT_OK


COMMANDS: Mapping[str, Callable[[argparse.Namespace, ExitStack], int]] = {
    "bulletin": cmd_print,
    "report": cmd_print,
    "verify-print": cmd_verify_print,
    "document": cmd_document,
}

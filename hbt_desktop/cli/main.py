"""``hbt-desktop``: the window, or one command, then an exit code.

``hbt-desktop`` alone opens the window. Every command takes ``--db PATH`` (default: the
user's data folder, or $HBT_DESKTOP_DB). A refusal is one sentence on stderr in
Vietnamese (``--lang en`` for English) and exit code 2, with nothing written; an
unexpected error is logged in full and told in one sentence (exit code 1).

The parser (``cli.parser``) is built at every start and imports almost nothing; the
module that runs a command is imported when that command runs (:func:`_command`), so
that ``--version``, ``--help`` and the window do not pay for every command's layers.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import logging.handlers
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from hbt_desktop.cli.parser import (
    DATAFILE,
    DOCUMENTS,
    EXIT_REFUSED,
    EXIT_UNEXPECTED,
    FILES,
    OFFICES,
    build_parser,
    package_argument,
)
from hbt_desktop.core import i18n
from hbt_desktop.core.errors import HbtError
from hbt_desktop.core.i18n import tr

log = logging.getLogger("hbt_desktop")

Command = Callable[[argparse.Namespace, contextlib.ExitStack], int]


def _commands(family: str) -> Mapping[str, Command]:
    """The commands of one family, by name — their module imported now (deferred on
    purpose: each brings the database layers, spreadsheets, signatures or reportlab)."""
    if family == FILES:
        from hbt_desktop.cli import files  # noqa: PLC0415

        return files.COMMANDS
    if family == DATAFILE:
        from hbt_desktop.cli import datafile  # noqa: PLC0415

        return datafile.COMMANDS
    if family == DOCUMENTS:
        from hbt_desktop.cli import documents  # noqa: PLC0415

        return documents.COMMANDS
    assert family == OFFICES, family
    from hbt_desktop.cli import offices  # noqa: PLC0415

    return offices.COMMANDS


def _window(args: argparse.Namespace) -> int:
    # Deferred on purpose: Qt is loaded for the window only, never for a command.
    from hbt_desktop.store.file.location import default_db_path  # noqa: PLC0415
    from hbt_desktop.ui.app import run  # noqa: PLC0415

    package = Path(args.package) if args.package else None
    return run(default_db_path(args.db), screenshot=args.screenshot, package=package)


def setup_logging() -> Path:
    """A rotating log file in the user's log folder; the path is shown in error messages."""
    # Deferred on purpose: platformdirs is not needed by --version and --help, which
    # end while the arguments are read.
    from hbt_desktop.store.file.location import log_dir  # noqa: PLC0415

    folder = log_dir()
    problem: OSError | None = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            folder / "hbt-desktop.log", maxBytes=2_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError as exc:  # a read-only profile must not stop the program; log to stderr
        handler = logging.StreamHandler()
        problem = exc
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    if not any(isinstance(h, type(handler)) for h in root.handlers):
        root.addHandler(handler)
    root.setLevel(logging.INFO)
    if problem is not None:
        log.warning("cannot write the log file in %s (%s): logging to stderr", folder, problem)
    return folder / "hbt-desktop.log"


def _language(argv: Sequence[str]) -> None:
    """The language, known before the parser is built (its help is translated)."""
    if "--lang" in argv[:-1]:
        chosen = argv[list(argv).index("--lang") + 1]
        i18n.set_language(chosen if chosen in i18n.LANGUAGES else "vi")
    elif os.environ.get("HBT_DESKTOP_LANG") in i18n.LANGUAGES:
        i18n.set_language(os.environ["HBT_DESKTOP_LANG"])


def utf8_output() -> None:
    """Print in UTF-8 whatever the console, pipe or file: on Windows a pipe or a file gets
    the ANSI code page (cp1252), which has no «ỷ», and the first Vietnamese sentence would
    crash the command. (A real Windows console already takes Unicode.)"""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        encoding = str(getattr(stream, "encoding", "") or "").lower().replace("-", "")
        if reconfigure is not None and encoding != "utf8":
            reconfigure(encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    utf8_output()
    argv = list(sys.argv[1:] if argv is None else argv)
    _language(argv)
    parser = build_parser()
    argv, package = package_argument(parser, argv)
    args = parser.parse_args(argv)
    args.package = package
    if args.lang:
        i18n.set_language(args.lang)
    log_path = setup_logging()
    try:
        if args.command is None:
            return _window(args)
        command = _commands(args.family)[args.command]
        with contextlib.ExitStack() as closing:  # the data file, closed when it ends
            return command(args, closing)
    except HbtError as exc:
        log.info("refused: %s (%s)", exc.key, exc.params)
        print(exc.message, file=sys.stderr)
        return EXIT_REFUSED
    except Exception:
        log.exception("unexpected error in %s (argv %s)", args.command or "gui", argv)
        print(tr("cli.unexpected", None, log=log_path), file=sys.stderr)
        return EXIT_UNEXPECTED

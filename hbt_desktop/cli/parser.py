"""What the command line looks like: every command, its options and their help, and the
exit codes. Built at every start (``--version`` and ``--help`` included), so it imports
nothing but the message catalogue; each command names the module that runs it
(``family``), which ``cli.main`` imports only when that command runs.

Every help text is a message of the catalogue (``cli.help.…``), in the language chosen;
tests/test_cli_docs.py checks that every command and option has one and is described in
the README or docs/.
"""

from __future__ import annotations

import argparse
from typing import Any, NoReturn

from hbt_desktop import version
from hbt_desktop.core.i18n import tr

EXIT_OK, EXIT_UNEXPECTED, EXIT_REFUSED = 0, 1, 2
EXIT_CHANGED = 3  # verify-print: the figures printed are no longer those in the database

# The module of cli/ that runs each family of commands.
FILES, DATAFILE, DOCUMENTS, OFFICES = "files", "datafile", "documents", "offices"

SubParsers = Any  # argparse's _SubParsersAction, which it does not name publicly


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_REFUSED, tr("cli.usage", None, detail=message) + "\n")


class _VersionAction(argparse.Action):
    """``--version``, looked up only when asked: the parser is built at every start."""

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> NoReturn:
        parser.exit(EXIT_OK, f"hbt-desktop {version()}\n")


def _shared(default: object) -> Parser:
    options = Parser(add_help=False)
    options.add_argument("--db", metavar="PATH", default=default, help=tr("cli.help.db"))
    options.add_argument("--lang", choices=["vi", "en"], default=default, help=tr("cli.help.lang"))
    return options


def build_parser() -> Parser:
    # --db and --lang may come before or after the command; the command's copy must not
    # reset a value given before it, so there it has no default at all.
    common = _shared(argparse.SUPPRESS)
    parser = Parser(
        prog="hbt-desktop", parents=[_shared(None)], description=tr("cli.help.description")
    )
    parser.add_argument("--version", action=_VersionAction, nargs=0, help=tr("cli.help.version"))
    parser.add_argument("--screenshot", metavar="FILE.png", help=tr("cli.help.screenshot"))
    sub = parser.add_subparsers(dest="command", parser_class=Parser)
    _documents(sub, common)
    _files(sub, common)
    _offices(sub, common)
    return parser


def _add(sub: SubParsers, common: Parser, name: str, family: str, help_text: str) -> Parser:
    p: Parser = sub.add_parser(name, parents=[common], help=help_text, description=help_text)
    p.set_defaults(family=family)
    return p


def _unit_period(p: Parser, *, required: bool = False) -> None:
    p.add_argument("--unit", metavar="MÃ", required=required, help=tr("cli.help.unit"))
    p.add_argument("--period", metavar="KỲ", required=required, help=tr("cli.help.period"))


def _units_periods(p: Parser) -> None:
    p.add_argument("--unit", metavar="MÃ", action="append", help=tr("cli.help.units"))
    p.add_argument("--period", metavar="KỲ", action="append", help=tr("cli.help.periods"))


def _as_user(p: Parser, *, required: bool = False) -> None:
    p.add_argument("--as", dest="as_user", metavar="TÊN", required=required, help=tr("cli.help.as"))


def _keys(p: Parser) -> None:
    p.add_argument("--keys", metavar="FOLDER", help=tr("cli.help.keys"))


# -- documents --------------------------------------------------------------------------


def _documents(sub: SubParsers, common: Parser) -> None:
    for name, help_text, out in (
        ("bulletin", tr("cli.help.bulletin"), "FILE.pdf"),
        ("report", tr("cli.help.report"), "FILE.pdf|FILE.docx"),
    ):
        p = _add(sub, common, name, DOCUMENTS, help_text)
        p.add_argument("--out", required=True, metavar=out, help=tr("cli.help.out_document"))
        _unit_period(p)
        p.add_argument("--strict", action="store_true", help=tr("cli.help.strict"))

    p = _add(sub, common, "verify-print", DOCUMENTS, tr("cli.help.verify-print"))
    p.add_argument("file", metavar="FILE.pdf", help=tr("cli.help.printed_file"))

    p = _add(sub, common, "document", DOCUMENTS, tr("cli.help.document"))
    p.add_argument("action", choices=["export", "import"], help=tr("cli.help.document.action"))
    p.add_argument("file", metavar="FILE", help=tr("cli.help.document.file"))
    _unit_period(p)
    p.add_argument("--dry-run", action="store_true", help=tr("cli.help.document.dry_run"))


# -- files --------------------------------------------------------------------------------


def _files(sub: SubParsers, common: Parser) -> None:
    p = _add(sub, common, "import", FILES, tr("cli.help.import"))
    p.add_argument("what", choices=["values", "catalogue", "units"], help=tr("cli.help.what"))
    p.add_argument("file", metavar="FILE", help=tr("cli.help.table_file"))
    p.add_argument("--dry-run", action="store_true", help=tr("cli.help.dry_run"))

    p = _add(sub, common, "export", FILES, tr("cli.help.export"))
    p.add_argument("what", choices=["values", "catalogue", "units"], help=tr("cli.help.what"))
    p.add_argument("file", metavar="FILE", help=tr("cli.help.table_file"))
    _units_periods(p)

    p = _add(sub, common, "dhis2", FILES, tr("cli.help.dhis2"))
    p.add_argument("action", choices=["export", "import"], help=tr("cli.help.dhis2.action"))
    p.add_argument("file", metavar="FILE", help=tr("cli.help.dhis2.file"))
    _units_periods(p)
    p.add_argument("--dry-run", action="store_true", help=tr("cli.help.dry_run"))

    p = _add(sub, common, "sheet", FILES, tr("cli.help.sheet"))
    p.add_argument("action", choices=["export", "import"], help=tr("cli.help.sheet.action"))
    p.add_argument("file", metavar="FILE.xlsx", help=tr("cli.help.sheet.file"))
    _unit_period(p)
    p.add_argument("--valid-rows", action="store_true", help=tr("cli.help.sheet.valid_rows"))
    _as_user(p)

    _add(sub, common, "demo", DATAFILE, tr("cli.help.demo"))
    _add(sub, common, "new", DATAFILE, tr("cli.help.new"))
    _add(sub, common, "check", DATAFILE, tr("cli.help.check"))

    p = _add(sub, common, "backup", DATAFILE, tr("cli.help.backup"))
    p.add_argument("action", choices=["list", "now", "mirror"], help=tr("cli.help.backup.action"))
    p.add_argument("folder", nargs="?", metavar="FOLDER", help=tr("cli.help.backup.folder"))
    p.add_argument("--off", action="store_true", help=tr("cli.help.backup.off"))

    p = _add(sub, common, "restore", DATAFILE, tr("cli.help.restore"))
    p.add_argument("backup", metavar="BACKUP", help=tr("cli.help.restore.backup"))
    p.add_argument("--yes", action="store_true", help=tr("cli.help.restore.yes"))


# -- ward offices and the district --------------------------------------------------------


def _offices(sub: SubParsers, common: Parser) -> None:
    p = _add(sub, common, "setup", OFFICES, tr("cli.help.setup"))
    p.add_argument(
        "--role", choices=["ward", "district"], required=True, help=tr("cli.help.setup.role")
    )
    p.add_argument("--unit", required=True, metavar="MÃ", help=tr("cli.help.setup.unit"))
    p.add_argument("--admin", metavar="TÊN", help=tr("cli.help.setup.admin"))
    p.add_argument("--name", default="", help=tr("cli.help.setup.name"))
    _as_user(p)
    _keys(p)

    p = _add(sub, common, "user", OFFICES, tr("cli.help.user"))
    p.add_argument("action", choices=["add", "passwd", "list"], help=tr("cli.help.user.action"))
    p.add_argument("login", nargs="?", metavar="TÊN", help=tr("cli.help.user.login"))
    p.add_argument("--name", default="", help=tr("cli.help.user.name"))
    p.add_argument("--role", default="lap", help=tr("cli.help.user.role"))
    p.add_argument("--title", default="", help=tr("cli.help.user.title"))
    p.add_argument("--authority", action="append", default=[], help=tr("cli.help.user.authority"))
    p.add_argument("--admin", action="store_true", help=tr("cli.help.user.admin"))
    _as_user(p)

    for name, help_text in (
        ("approve", tr("cli.help.approve")),
        ("checked", tr("cli.help.checked")),
        ("unlock", tr("cli.help.unlock")),
    ):
        p = _add(sub, common, name, OFFICES, help_text)
        _unit_period(p, required=True)
        if name == "unlock":
            p.add_argument("--reason", required=True, help=tr("cli.help.unlock.reason"))
        _as_user(p, required=True)

    p = _add(sub, common, "package", OFFICES, tr("cli.help.package"))
    p.add_argument(
        "action",
        choices=[
            "export",
            "import",
            "list",
            "review",
            "accept",
            "rollback",
            "return",
            "key",
            "trust",
        ],
        help=tr("cli.help.package.action"),
    )
    p.add_argument("target", nargs="?", metavar="FILE|ID", help=tr("cli.help.package.target"))
    p.add_argument("--period", action="append", metavar="KỲ", help=tr("cli.help.package.period"))
    p.add_argument("--out", metavar="FILE", help=tr("cli.help.package.out"))
    p.add_argument("--dry-run", action="store_true", help=tr("cli.help.package.dry_run"))
    p.add_argument("--trust", metavar="FINGERPRINT", help=tr("cli.help.package.trust"))
    p.add_argument(
        "--reject",
        action="append",
        default=[],
        metavar="'MÃ KỲ=lý do'",
        help=tr("cli.help.package.reject"),
    )
    p.add_argument(
        "--note",
        action="append",
        default=[],
        metavar="'MÃ KỲ=lý do'",
        help=tr("cli.help.package.note"),
    )
    p.add_argument("--reason", default="", help=tr("cli.help.package.reason"))
    p.add_argument("--replace", action="store_true", help=tr("cli.help.package.replace"))
    _as_user(p)
    _keys(p)

    p = _add(sub, common, "audit", OFFICES, tr("cli.help.audit"))
    p.add_argument("action", choices=["verify", "history"], help=tr("cli.help.audit.action"))
    _unit_period(p)
    p.add_argument("--indicator", metavar="MÃ", help=tr("cli.help.audit.indicator"))

    p = _add(sub, common, "completeness", OFFICES, tr("cli.help.completeness"))
    p.add_argument("--period", required=True, metavar="KỲ", help=tr("cli.help.period"))
    p.add_argument("--unit", metavar="MÃ", help=tr("cli.help.completeness.unit"))
    p.add_argument("--out", metavar="FILE.pdf", help=tr("cli.help.completeness.out"))


def package_argument(parser: Parser, argv: list[str]) -> tuple[list[str], str | None]:
    """``hbt-desktop PATH.hbt``: a ward's package double-clicked in Windows Explorer (the
    installer's file association) opens the window on its review. Only a last argument that
    is no option's value and follows no command: ``package import PATH.hbt`` stays a command."""
    if not argv or not argv[-1].lower().endswith(".hbt"):
        return argv, None
    if len(argv) > 1 and argv[-2] in {"--db", "--lang", "--screenshot"}:
        return argv, None
    commands = {
        name
        for action in parser._actions
        if isinstance(action, argparse._SubParsersAction)
        for name in action.choices
    }
    if any(arg in commands for arg in argv[:-1]):
        return argv, None
    return argv[:-1], argv[-1]

"""The command line: a thin layer, one core/store call per command.

``hbt-desktop`` alone opens the window. Every subcommand takes ``--db PATH`` (default:
the user's data folder, or $HBT_DESKTOP_DB). Refusals are one sentence on stderr in
Vietnamese (``--lang en`` for English) and a non-zero exit; nothing is written.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import logging.handlers
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from hbt_desktop import version
from hbt_desktop.core import i18n
from hbt_desktop.core.errors import HbtError
from hbt_desktop.core.i18n import register, tr

if TYPE_CHECKING:
    from sqlite_utils import Database

    from hbt_desktop.core.periods import Period

log = logging.getLogger("hbt_desktop")

EXIT_OK, EXIT_UNEXPECTED, EXIT_REFUSED = 0, 1, 2
EXIT_CHANGED = 3  # verify-print: the figures printed are no longer those in the database

register(
    {
        "cli.usage": {
            "vi": "Lệnh không hợp lệ: {detail}. Gõ «hbt-desktop --help» để xem hướng dẫn.",
            "en": "Invalid command: {detail}. Type «hbt-desktop --help» for help.",
        },
        "cli.unexpected": {
            "vi": "Đã xảy ra lỗi không mong muốn; chi tiết được ghi vào {log}.",
            "en": "Something unexpected went wrong; the details are in {log}.",
        },
        "cli.no_document": {
            "vi": "Chưa chọn đơn vị và kỳ báo cáo: hãy ghi --unit MÃ và --period KỲ (ví dụ --period 2023Q1).",
            "en": "No unit and period chosen: give --unit CODE and --period PERIOD (e.g. --period 2023Q1).",
        },
        "cli.wrote": {
            "vi": "Đã ghi {path} ({pages} trang, mã số liệu {fingerprint}).",
            "en": "Wrote {path} ({pages} pages, data fingerprint {fingerprint}).",
        },
        "cli.wrote_docx": {
            "vi": "Đã ghi {path} (tệp Word, mã số liệu {fingerprint}).",
            "en": "Wrote {path} (a Word file, data fingerprint {fingerprint}).",
        },
        "cli.print_same": {
            "vi": "Bản in {path} (mã số liệu {fingerprint}) vẫn khớp với dữ liệu: {count} số liệu đã in không thay đổi.",
            "en": "The print {path} (data fingerprint {fingerprint}) still matches the data: none of its {count} figures changed.",
        },
        "cli.print_changed": {
            "vi": "Bản in {path} (mã số liệu {fingerprint}) không còn khớp với dữ liệu: {count} số liệu đã thay đổi kể từ khi in.",
            "en": "The print {path} (data fingerprint {fingerprint}) no longer matches the data: {count} figures changed since it was printed.",
        },
        "cli.print_changed_line": {
            "vi": "- {figure}: khi in là {then}, nay là {now}.",
            "en": "- {figure}: {then} when printed, now {now}.",
        },
        "cli.print_no_record": {
            "vi": "Tệp {path} không mang mã số liệu của hbt-desktop: tệp không được in từ chương trình này, hoặc đã được lưu lại bằng một chương trình khác làm mất thông tin đó.",
            "en": "The file {path} carries no hbt-desktop data fingerprint: it was not printed by this program, or was saved again by another program that dropped it.",
        },
        "cli.print_tampered": {
            "vi": "Thông tin số liệu trong tệp {path} không khớp với mã số liệu {fingerprint} của nó: tệp có thể đã bị sửa, không dùng để đối chiếu được.",
            "en": "The figures recorded in {path} do not match its data fingerprint {fingerprint}: the file may have been altered and cannot be checked.",
        },
        "cli.problem": {"vi": "Cảnh báo: {text}", "en": "Warning: {text}"},
        "cli.strict": {
            "vi": "Không in vì văn bản còn {count} chỗ phải sửa (liệt kê ở trên): thiếu số liệu, "
            "số liệu không ghi kỳ của nó hoặc mẫu viết sai.",
            "en": "Not printed: the document has {count} things to fix (listed above): missing "
            "figures, figures without their own period, or template mistakes.",
        },
        "cli.demo_loaded": {
            "vi": "Đã nạp lại dữ liệu mẫu vào {path}.",
            "en": "Demo data reloaded into {path}.",
        },
        "cli.check_ok": {
            "vi": "Tệp dữ liệu {path} nguyên vẹn (cấu trúc phiên bản {version}, {values} số liệu).",
            "en": "Data file {path} is intact (schema {version}, {values} figures).",
        },
        "cli.check_bad": {
            "vi": "Tệp dữ liệu {path} có lỗi: {detail}",
            "en": "Data file {path} has problems: {detail}",
        },
        "cli.imported": {
            "vi": "{what}: {new} mới, {changed} thay đổi, {unchanged} không đổi{dry}.",
            "en": "{what}: {new} new, {changed} changed, {unchanged} unchanged{dry}.",
        },
        "cli.dry": {"vi": " (chạy thử, chưa lưu)", "en": " (dry run, nothing stored)"},
        "cli.exported": {
            "vi": "Đã xuất {count} dòng ra {path}.",
            "en": "Exported {count} rows to {path}.",
        },
        "cli.readonly": {
            "vi": "Mở tệp ở chế độ chỉ đọc vì {who} đang dùng nó.",
            "en": "Opened the file read-only because {who} has it open.",
        },
        "cli.no_backups": {
            "vi": "Chưa có bản sao lưu nào trong {folder}.",
            "en": "There are no backups in {folder} yet.",
        },
        "cli.backup_line": {"vi": "{summary}\n    {path}", "en": "{summary}\n    {path}"},
        "cli.restore_preview": {
            "vi": "Khôi phục từ {source}: {incoming}. Dữ liệu hiện tại ({current}) sẽ được "
            "sao lưu trước.",
            "en": "Restore from {source}: {incoming}. The current data ({current}) is backed "
            "up first.",
        },
        "cli.restore_ask": {
            "vi": "Khôi phục? Gõ «có» để đồng ý: ",
            "en": "Restore? Type «yes» to go ahead: ",
        },
        "cli.restore_needs_yes": {
            "vi": "Chưa khôi phục: thêm --yes để khôi phục mà không hỏi. Dữ liệu hiện tại không "
            "bị thay đổi.",
            "en": "Not restored: add --yes to restore without being asked. The current data "
            "was not changed.",
        },
        "cli.mirror_set": {
            "vi": "Từ nay mỗi bản sao lưu tự động cũng được chép vào {folder}.",
            "en": "From now on every automatic backup is also copied to {folder}.",
        },
        "cli.created": {
            "vi": "Đã tạo tệp dữ liệu mới {path}: {units} đơn vị, {indicators} chỉ tiêu trong "
            "danh mục, chưa có số liệu và văn bản nào (không có dữ liệu mẫu).",
            "en": "Created the new data file {path}: {units} units, {indicators} indicators in "
            "the catalogue, no figures or documents yet (no demo data).",
        },
        "cli.document_needs": {
            "vi": "Hãy ghi rõ đơn vị và kỳ của văn bản: --unit MÃ --period KỲ (ví dụ --unit "
            "00283 --period 2026Q3).",
            "en": "Name the document's unit and period: --unit CODE --period PERIOD (e.g. "
            "--unit 00283 --period 2026Q3).",
        },
        "cli.dry_export": {
            "vi": "--dry-run chỉ dùng khi nhập văn bản (document import).",
            "en": "--dry-run is for importing a document (document import) only.",
        },
        "cli.backup_before": {
            "vi": "Văn bản cũ được giữ trong bản sao lưu {path}.",
            "en": "The previous document is kept in the backup {path}.",
        },
        "cli.mirror_off": {
            "vi": "Thôi chép bản sao lưu sang thư mục thứ hai.",
            "en": "Backups are no longer copied to a second folder.",
        },
    }
)


def _t(vi: str, en: str) -> str:
    return en if i18n.get_language() == "en" else vi


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_REFUSED, tr("cli.usage", None, detail=message) + "\n")


class _VersionAction(argparse.Action):
    """``--version``, looked up only when asked: the parser is built at every start."""

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> NoReturn:
        parser.exit(EXIT_OK, f"hbt-desktop {version()}\n")


def build_parser() -> argparse.ArgumentParser:
    def shared(default: object) -> _Parser:
        options = _Parser(add_help=False)
        options.add_argument(
            "--db", metavar="PATH", default=default, help=_t("tệp dữ liệu", "database file")
        )
        options.add_argument(
            "--lang",
            choices=["vi", "en"],
            default=default,
            help=_t("ngôn ngữ thông báo", "language"),
        )
        return options

    # --db and --lang may come before or after the subcommand; the subcommand's copy must
    # not reset a value given before it, so there it has no default at all.
    common = shared(argparse.SUPPRESS)
    parser = _Parser(
        prog="hbt-desktop",
        parents=[shared(None)],
        description=_t(
            "Nhập số liệu và in bản tin, báo cáo của quận, phường.",
            "Enter figures and print bulletins and reports of a district and its wards.",
        ),
    )
    parser.add_argument(
        "--version",
        action=_VersionAction,
        nargs=0,
        help=_t("in số phiên bản rồi thoát", "show the version and exit"),
    )
    parser.add_argument(
        "--screenshot",
        metavar="FILE.png",
        help=_t("chụp cửa sổ chính rồi thoát", "save a screenshot and exit"),
    )
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    for name, vi, en, out in (
        ("bulletin", "in bản tin ra PDF", "print the bulletin to PDF", "FILE.pdf"),
        (
            "report",
            "in báo cáo theo Nghị định 30 ra PDF hoặc Word (.docx)",
            "print the Decree 30 report to PDF or Word (.docx)",
            "FILE.pdf|FILE.docx",
        ),
    ):
        p = sub.add_parser(name, parents=[common], help=_t(vi, en))
        p.add_argument("--out", required=True, metavar=out)
        p.add_argument("--period", metavar="KỲ", help=_t("ví dụ 2023Q1, 2023YTD02", "e.g. 2023Q1"))
        p.add_argument(
            "--unit", metavar="MÃ", help=_t("mã đơn vị, ví dụ 007", "unit code, e.g. 007")
        )
        p.add_argument(
            "--strict",
            action="store_true",
            help=_t(
                "không in nếu còn chỗ phải sửa (thiếu số liệu, sai kỳ, mẫu viết sai)",
                "refuse to print while something needs fixing (missing figures, wrong "
                "periods, template mistakes)",
            ),
        )

    for name, vi, en in (
        ("import", "nhập tệp số liệu, danh mục hoặc đơn vị", "import values, catalogue or units"),
        (
            "export",
            "xuất số liệu, danh mục hoặc đơn vị ra tệp",
            "export values, catalogue or units",
        ),
    ):
        p = sub.add_parser(name, parents=[common], help=_t(vi, en))
        p.add_argument("what", choices=["values", "catalogue", "units"])
        p.add_argument("file", metavar="FILE", help=".csv, .json, .xlsx")
        if name == "import":
            p.add_argument("--dry-run", action="store_true", help=_t("chỉ kiểm tra", "check only"))
        else:
            p.add_argument("--unit", metavar="MÃ", action="append")
            p.add_argument("--period", metavar="KỲ", action="append")

    p = sub.add_parser(
        "verify-print",
        parents=[common],
        help=_t(
            "đối chiếu một bản in (PDF, Word) với số liệu hiện có",
            "check a printed file (PDF, Word) against the figures in the database",
        ),
    )
    p.add_argument("file", metavar="FILE.pdf")
    sub.add_parser("demo", parents=[common], help=_t("nạp lại dữ liệu mẫu", "reload the demo data"))
    sub.add_parser(
        "new",
        parents=[common],
        help=_t(
            "tạo tệp dữ liệu mới chỉ có đơn vị và danh mục, không có dữ liệu mẫu",
            "create a new data file with units and catalogue only, no demo data",
        ),
    )
    p = sub.add_parser(
        "document",
        parents=[common],
        help=_t(
            "xuất văn bản (bản tin, báo cáo) ra tệp hoặc nhập văn bản từ tệp",
            "export a document (bulletin, report) to a file or import one from a file",
        ),
    )
    p.add_argument("action", choices=["export", "import"])
    p.add_argument(
        "file",
        metavar="FILE",
        help=_t(".txt (dạng chữ), .zip hoặc .json (dạng đầy đủ, kèm ảnh)", ".txt, .zip, .json"),
    )
    p.add_argument("--unit", metavar="MÃ", help=_t("mã đơn vị, ví dụ 00283", "unit code"))
    p.add_argument("--period", metavar="KỲ", help=_t("ví dụ 2026Q3", "e.g. 2026Q3"))
    p.add_argument(
        "--dry-run",
        action="store_true",
        help=_t("chỉ kiểm tra tệp, không lưu (khi nhập)", "check only (import)"),
    )
    sub.add_parser(
        "check", parents=[common], help=_t("kiểm tra tệp dữ liệu", "check the data file")
    )

    p = sub.add_parser("backup", parents=[common], help=_t("sao lưu và xem bản sao lưu", "backups"))
    p.add_argument("action", choices=["list", "now", "mirror"])
    p.add_argument(
        "folder",
        nargs="?",
        metavar="FOLDER",
        help=_t("thư mục thứ hai (với mirror)", "second folder (with mirror)"),
    )
    p.add_argument(
        "--off", action="store_true", help=_t("thôi chép sang thư mục thứ hai", "stop mirroring")
    )
    p = sub.add_parser(
        "restore",
        parents=[common],
        help=_t("khôi phục từ một bản sao lưu", "restore from a backup"),
    )
    p.add_argument("backup", metavar="BACKUP", help=_t("tệp sao lưu", "backup file"))
    p.add_argument("--yes", action="store_true", help=_t("không hỏi lại", "do not ask"))
    # Ward offices and the district: set-up, accounts, sign-off, packages, audit (issue 4).
    from hbt_desktop.cli_offices import add_commands

    add_commands(sub, common)
    return parser


# -- commands ----------------------------------------------------------------------------


# What main() closes when the command ends: the database, and with it the file lock.
_cleanup = contextlib.ExitStack()


def _open(args: argparse.Namespace, *, write: bool = True) -> tuple[Path, Database]:
    """Open the clerk's database as the program does at start (lock, quick check, daily
    backup); a command that only reads falls back to read-only when another copy has it.
    What the start-up found (a location warning, a failed backup) goes to stderr."""
    from hbt_desktop.exchange.seed import seed_new_database
    from hbt_desktop.store.file.location import default_db_path
    from hbt_desktop.store.file.lock import InUseError
    from hbt_desktop.store.file.recovery import open_or_recover

    path = default_db_path(args.db)
    try:
        opened = open_or_recover(path, seed=seed_new_database)
    except InUseError as exc:
        if write:
            raise
        opened = open_or_recover(path, readonly=True)
        print(tr("cli.readonly", None, who=exc.params["who"]), file=sys.stderr)
    _cleanup.callback(opened.close, backup=False)
    for notice in [*opened.messages, *(w.message for w in opened.warnings)]:
        print(tr("cli.problem", None, text=notice), file=sys.stderr)
    return path, opened.db


def _unit_and_period(db: Database, args: argparse.Namespace) -> tuple[str, Period]:
    from hbt_desktop.core.periods import parse_period
    from hbt_desktop.store.file.settings import get_setting
    from hbt_desktop.store.units import load_units

    period_text = args.period or get_setting(db, "current_period")
    unit_text = args.unit or get_setting(db, "current_unit")
    if not period_text or not unit_text:
        raise HbtError("cli.no_document")
    period = parse_period(period_text)
    unit = load_units(db).by_code(unit_text, period.nominal_end)
    return unit.uid, period


def cmd_print(args: argparse.Namespace) -> int:
    from hbt_desktop.reports.assemble import bulletin_content, report_content
    from hbt_desktop.reports.content import BulletinContent, ReportContent
    from hbt_desktop.reports.output import output_format

    out = Path(args.out)
    # Refused before anything is read: a PDF must never be written under a .docx name.
    kind = output_format(args.command, out)
    _, db = _open(args, write=False)
    unit_uid, period = _unit_and_period(db, args)
    if args.strict:
        from hbt_desktop.reports.document_check import document_problems

        refusals = document_problems(db, unit_uid, period, forms=(args.command,))
        for text in refusals:
            print(tr("cli.problem", None, text=text), file=sys.stderr)
        if refusals:
            raise HbtError("cli.strict", count=len(refusals))
    content: BulletinContent | ReportContent
    if args.command == "bulletin":
        content, problems = bulletin_content(db, unit_uid, period)
    else:
        content, problems = report_content(db, unit_uid, period)
    for problem in problems:
        print(tr("cli.problem", None, text=problem.text), file=sys.stderr)
    if isinstance(content, BulletinContent):
        from hbt_desktop.reports.bulletin import build_bulletin

        info = build_bulletin(content, out)
    elif kind == ".docx":
        from hbt_desktop.reports.docx_report import build_docx

        build_docx(content, out)
        print(tr("cli.wrote_docx", None, path=out, fingerprint=content.footer.fingerprint))
        return EXIT_OK
    else:
        from hbt_desktop.reports.decree30 import build_report

        info = build_report(content, out)
    for warning in info.warnings:
        print(tr("cli.problem", None, text=warning), file=sys.stderr)
    print(tr("cli.wrote", None, path=out, pages=info.pages, fingerprint=content.footer.fingerprint))
    return EXIT_OK


def cmd_verify_print(args: argparse.Namespace) -> int:
    """Whether the figures a printed file was made from are still those in the database,
    and if not, which changed since (from the readings its metadata carries)."""
    from hbt_desktop.reports.metadata import read_record
    from hbt_desktop.store.printcheck import compare_print

    path = Path(args.file)
    record = read_record(path)
    if record is None:
        raise HbtError("cli.print_no_record", path=path)
    if not record.consistent:
        raise HbtError("cli.print_tampered", path=path, fingerprint=record.fingerprint)
    _, db = _open(args, write=False)
    changes = compare_print(db, record)
    if not changes:
        print(
            tr(
                "cli.print_same",
                None,
                path=path,
                fingerprint=record.fingerprint,
                count=len(record.readings),
            )
        )
        return EXIT_OK
    print(
        tr("cli.print_changed", None, path=path, fingerprint=record.fingerprint, count=len(changes))
    )
    for change in changes:
        print(
            tr(
                "cli.print_changed_line",
                None,
                figure=change.figure,
                then=change.then,
                now=change.now,
            )
        )
    return EXIT_CHANGED


def cmd_import(args: argparse.Namespace) -> int:
    from hbt_desktop import exchange
    from hbt_desktop.store.file.backup import backup_before

    path, db = _open(args)
    if not args.dry_run:
        backup_before(db, path, "import")
    importer = {
        "values": exchange.import_values,
        "catalogue": exchange.import_catalogue,
        "units": exchange.import_units,
    }[args.what]
    # Typed in TCVN3 or VNI fonts: the readers convert it; say so, with a preview.
    from hbt_desktop.exchange.legacy_text import preview

    converted = preview(Path(args.file))
    if converted is not None:
        print(converted.message())
    report = importer(db, Path(args.file), dry_run=args.dry_run)
    print(
        tr(
            "cli.imported",
            None,
            what=args.what,
            new=report.new,
            changed=report.changed,
            unchanged=report.unchanged,
            dry=tr("cli.dry") if args.dry_run else "",
        )
    )
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from hbt_desktop import exchange

    _, db = _open(args, write=False)
    path = Path(args.file)
    if args.what == "values":
        from hbt_desktop.core.periods import parse_period
        from hbt_desktop.store.units import load_units

        units = load_units(db)
        periods = [parse_period(p) for p in args.period] if args.period else None
        uids = [units.by_code(u).uid for u in args.unit] if args.unit else None
        count = exchange.export_values(db, path, unit_uids=uids, periods=periods)
    elif args.what == "catalogue":
        count = exchange.export_catalogue(db, path)
    else:
        count = exchange.export_units(db, path)
    print(tr("cli.exported", None, count=count, path=path))
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from hbt_desktop.exchange.seed import load_demo

    path, db = _open(args)
    load_demo(db)
    print(tr("cli.demo_loaded", None, path=path))
    return EXIT_OK


def cmd_new(args: argparse.Namespace) -> int:
    from hbt_desktop.exchange.seed import new_database
    from hbt_desktop.store.file.location import default_db_path

    path = default_db_path(args.db)
    units, indicators = new_database(path)
    print(tr("cli.created", None, path=path, units=units, indicators=indicators))
    return EXIT_OK


def cmd_document(args: argparse.Namespace) -> int:
    """``document export|import FILE --unit U --period P``: the unit and period are always
    named (an import replaces that document, so it is never guessed from the settings)."""
    from hbt_desktop.exchange.document_io import export_document, form_of, import_document
    from hbt_desktop.store.file.backup import BackupOutcome, backup_before

    file = Path(args.file)
    form_of(file)  # an unknown extension is refused before the data file is opened
    if not args.unit or not args.period:
        raise HbtError("cli.document_needs")
    if args.action == "export":
        if args.dry_run:
            raise HbtError("cli.dry_export")
        _, db = _open(args, write=False)
        unit_uid, period = _unit_and_period(db, args)
        print(export_document(db, file, unit_uid, period).message())
        return EXIT_OK
    path, db = _open(args)
    unit_uid, period = _unit_and_period(db, args)
    backups: list[BackupOutcome] = []
    done = import_document(
        db,
        file,
        unit_uid,
        period,
        dry_run=args.dry_run,
        before_write=lambda: backups.append(backup_before(db, path, "import")),
    )
    print(done.message())
    for outcome in backups:
        for message in outcome.messages:
            print(tr("cli.problem", None, text=message), file=sys.stderr)
        if done.replaced and outcome.backup is not None:
            print(tr("cli.backup_before", None, path=outcome.backup.path))
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from hbt_desktop.store.file.check import check_database
    from hbt_desktop.store.file.connection import open_database
    from hbt_desktop.store.file.location import default_db_path

    path = default_db_path(args.db)
    db = open_database(path, create=False)
    result = check_database(db)
    if result.problems:
        print(
            tr("cli.check_bad", None, path=path, detail="; ".join(result.problems)), file=sys.stderr
        )
        return EXIT_REFUSED
    print(tr("cli.check_ok", None, path=path, version=result.schema_version, values=result.values))
    return EXIT_OK


def cmd_backup(args: argparse.Namespace) -> int:
    from hbt_desktop.store.file import backup
    from hbt_desktop.store.file.location import default_db_path

    if args.action == "list":
        path = default_db_path(args.db)
        found = backup.list_backups(path)
        if not found:
            print(tr("cli.no_backups", None, folder=backup.default_backup_dir(path)))
        for info in found:
            print(tr("cli.backup_line", None, summary=info.summary(), path=info.path))
        return EXIT_OK
    path, db = _open(args, write=args.action == "mirror")
    if args.action == "mirror":
        if not args.off and not args.folder:
            raise HbtError("cli.usage", detail="backup mirror FOLDER | --off")
        backup.set_mirror_folder(db, None if args.off else Path(args.folder).resolve())
        print(
            tr("cli.mirror_off")
            if args.off
            else tr("cli.mirror_set", None, folder=Path(args.folder).resolve())
        )
        return EXIT_OK
    outcome = backup.backup_now(db, path)
    assert outcome.backup is not None
    for message in outcome.messages:
        print(tr("cli.problem", None, text=message), file=sys.stderr)
    print(tr("backup.made", None, path=outcome.backup.path))
    return EXIT_OK


def _confirm_restore(args: argparse.Namespace, source: Path) -> Callable[..., bool]:
    from hbt_desktop.store.file.backup import BackupInfo, contents_text
    from hbt_desktop.store.file.verify import FileReport

    def confirm(incoming: FileReport, current: BackupInfo | None) -> bool:
        print(
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


def cmd_restore(args: argparse.Namespace) -> int:
    from hbt_desktop.store.file.location import default_db_path
    from hbt_desktop.store.file.restore import find_backup, restore_backup

    path = default_db_path(args.db)
    source = find_backup(path, args.backup)
    result = restore_backup(path, source, confirm=_confirm_restore(args, source))
    print(result.message())
    return EXIT_OK


def cmd_gui(args: argparse.Namespace) -> int:
    from hbt_desktop.store.file.location import default_db_path
    from hbt_desktop.ui.app import run

    package = Path(args.package) if getattr(args, "package", None) else None
    return run(default_db_path(args.db), screenshot=args.screenshot, package=package)


def package_argument(argv: list[str]) -> tuple[list[str], str | None]:
    """``hbt-desktop PATH.hbt``: a ward's package double-clicked in Windows Explorer (the
    installer's file association) opens the window on its review. Only a last argument that
    is no option's value and follows no command: ``package import PATH.hbt`` stays a command."""
    if not argv or not argv[-1].lower().endswith(".hbt"):
        return argv, None
    if len(argv) > 1 and argv[-2] in {"--db", "--lang", "--screenshot"}:
        return argv, None
    if any(arg in COMMANDS for arg in argv[:-1]):
        return argv, None
    return argv[:-1], argv[-1]


COMMANDS: dict[str | None, Callable[[argparse.Namespace], int]] = {
    None: cmd_gui,
    "bulletin": cmd_print,
    "report": cmd_print,
    "verify-print": cmd_verify_print,
    "import": cmd_import,
    "export": cmd_export,
    "demo": cmd_demo,
    "new": cmd_new,
    "document": cmd_document,
    "check": cmd_check,
    "backup": cmd_backup,
    "restore": cmd_restore,
}


def _office_commands() -> None:
    from hbt_desktop.cli_offices import office_commands

    COMMANDS.update(office_commands())


_office_commands()


def setup_logging() -> Path:
    """A rotating log file in the user's log folder; the path is shown in error messages."""
    from hbt_desktop.store.file.location import log_dir

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
    # The language must be known before the parser is built (its help is translated).
    if "--lang" in argv[:-1]:
        i18n.set_language(
            argv[argv.index("--lang") + 1]
            if argv[argv.index("--lang") + 1] in i18n.LANGUAGES
            else "vi"
        )
    elif os.environ.get("HBT_DESKTOP_LANG") in i18n.LANGUAGES:
        i18n.set_language(os.environ["HBT_DESKTOP_LANG"])
    argv, package = package_argument(argv)
    args = build_parser().parse_args(argv)
    args.package = package
    if args.lang:
        i18n.set_language(args.lang)
    log_path = setup_logging()
    try:
        return COMMANDS[args.command](args)
    except HbtError as exc:
        log.info("refused: %s (%s)", exc.key, exc.params)
        print(exc.message, file=sys.stderr)
        return EXIT_REFUSED
    except Exception:
        log.exception("unexpected error in %s (argv %s)", args.command or "gui", argv)
        print(tr("cli.unexpected", None, log=log_path), file=sys.stderr)
        return EXIT_UNEXPECTED
    finally:
        _cleanup.close()

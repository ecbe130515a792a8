"""Command-line commands for ward offices and the district (issue 4), kept beside cli.py.

Each command opens the database like the program does (``cli._open``) and makes one
call into ``exchange``/``store``; refusals reach the clerk as one translated sentence and
exit code 2 (``cli.main``). Passwords are read from ``$HBT_DESKTOP_PASSWORD`` (and a new
account's from ``$HBT_DESKTOP_NEW_PASSWORD``) or asked for without echo.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from hbt_desktop.core.errors import HbtError
from hbt_desktop.core.i18n import register, tr

if TYPE_CHECKING:
    from sqlite_utils import Database

    from hbt_desktop.core.review import ItemKey, Review
    from hbt_desktop.store.accounts import Session

register(
    {
        "cli.need_password": {
            "vi": "Cần mật khẩu: đặt biến môi trường {env} hoặc chạy lệnh trong cửa sổ dòng lệnh.",
            "en": "A password is needed: set the environment variable {env} or run the command "
            "in a terminal.",
        },
        "cli.password_prompt": {"vi": "Mật khẩu của {login}: ", "en": "Password of {login}: "},
        "cli.set_up": {
            "vi": "Đã thiết lập máy là máy của {role} {unit}. Mã nhận dạng khóa: {fingerprint} "
            "(tệp khóa riêng: {key}).",
            "en": "This workstation is now the {role} {unit}. Key fingerprint: {fingerprint} "
            "(private key file: {key}).",
        },
        "cli.user_added": {
            "vi": "Đã thêm tài khoản {login} ({role}).",
            "en": "Account {login} ({role}) added.",
        },
        "cli.password_set": {
            "vi": "Đã đổi mật khẩu của {login}.",
            "en": "The password of {login} was changed.",
        },
        "cli.approved": {
            "vi": "{unit}, {period}: đã phê duyệt ({name}); số liệu đã được khóa.",
            "en": "{unit}, {period}: approved ({name}); the figures are locked.",
        },
        "cli.unlocked": {
            "vi": "{unit}, {period}: đã mở khóa. Lý do: {reason}",
            "en": "{unit}, {period}: unlocked. Reason: {reason}",
        },
        "cli.package_written": {
            "vi": "Đã ghi gói số liệu {path} (số {sequence}, {values} số liệu, {documents} văn "
            "bản).",
            "en": "Wrote the package {path} (number {sequence}, {values} figures, {documents} "
            "documents).",
        },
        "cli.review_head": {
            "vi": "Gói {id} của {unit} (số {sequence}, lập lúc {created}) — {state}{dry}: "
            "{new} mới, {changed} thay đổi, {unchanged} không đổi, {conflict} xung đột.",
            "en": "Package {id} from {unit} (number {sequence}, made {created}) — {state}{dry}: "
            "{new} new, {changed} changed, {unchanged} unchanged, {conflict} conflicts.",
        },
        "cli.review_again": {
            "vi": "Tệp này đã được nhận trước đây; không có gì thay đổi.",
            "en": "This file was received before; nothing changed.",
        },
        "cli.review_next": {
            "vi": 'Để chấp nhận: hbt-desktop package accept {id} [--reject "CHỈ_TIÊU KỲ=lý do"]; '
            'để trả lại: hbt-desktop package return {id} --reason "…" --out TỆP.',
            "en": 'To accept: hbt-desktop package accept {id} [--reject "INDICATOR PERIOD=reason"]; '
            'to send back: hbt-desktop package return {id} --reason "…" --out FILE.',
        },
        "cli.decided": {
            "vi": "Gói {id}: {state}; {written} số liệu được ghi, {rejected} bị từ chối.",
            "en": "Package {id}: {state}; {written} figures written, {rejected} rejected.",
        },
        "cli.rolled_back": {
            "vi": "Đã hoàn tác gói {id}: {count} số liệu trở lại như trước khi nhận.",
            "en": "Rolled back package {id}: {count} figures are back to what they were.",
        },
        "cli.returned": {
            "vi": "Đã trả lại gói {id}; gửi tệp {path} cho đơn vị.",
            "en": "Package {id} was sent back; give the file {path} to the office.",
        },
        "cli.return_notes": {
            "vi": "Quận trả lại số liệu: {count} ghi chú.",
            "en": "The district sent figures back: {count} notes.",
        },
        "cli.bad_reject": {
            "vi": "Không hiểu «{text}»; viết «MÃ_CHỈ_TIÊU KỲ=lý do», ví dụ "
            "«NS_THU_DIA_BAN 2023Q1=chưa khớp Kho bạc».",
            "en": "Cannot read «{text}»; write «INDICATOR PERIOD=reason», e.g. "
            "«NS_THU_DIA_BAN 2023Q1=does not match the treasury».",
        },
        "cli.key_written": {
            "vi": "Đã ghi tệp khóa công khai {path} (mã nhận dạng {fingerprint}).",
            "en": "Wrote the public key file {path} (fingerprint {fingerprint}).",
        },
        "cli.key_trusted": {
            "vi": "Đã ghi nhận khóa của {unit} (mã nhận dạng {fingerprint}).",
            "en": "Recorded the key of {unit} (fingerprint {fingerprint}).",
        },
        "cli.audit_ok": {
            "vi": "Nhật ký thay đổi nguyên vẹn: {rows} dòng, khớp với số liệu đang lưu.",
            "en": "The change log is intact: {rows} rows, matching the stored figures.",
        },
        "cli.audit_bad": {
            "vi": "Nhật ký thay đổi đã bị sửa hoặc không khớp số liệu: {detail}",
            "en": "The change log was tampered with or does not match the figures: {detail}",
        },
        "cli.completeness_written": {
            "vi": "Đã ghi bảng tình hình gửi số liệu {path}.",
            "en": "Wrote the completeness table {path}.",
        },
    }
)

PASSWORD_ENV = "HBT_DESKTOP_PASSWORD"
NEW_PASSWORD_ENV = "HBT_DESKTOP_NEW_PASSWORD"


def _t(vi: str, en: str) -> str:
    from hbt_desktop.core import i18n

    return en if i18n.get_language() == "en" else vi


def _password(login: str, env: str = PASSWORD_ENV) -> str:
    if os.environ.get(env):
        return os.environ[env]
    if not sys.stdin.isatty():
        raise HbtError("cli.need_password", env=env)
    return getpass.getpass(tr("cli.password_prompt", None, login=login))


def _open(args: argparse.Namespace, *, write: bool = True) -> tuple[Path, Database]:
    from hbt_desktop import cli

    return cli._open(args, write=write)


def _session(db: Database, login: str | None) -> Session | None:
    from hbt_desktop.store.accounts import authenticate

    if not login:
        return None
    return authenticate(db, login, _password(login))


def _who(db: Database, args: argparse.Namespace) -> str:
    """The account acting: authenticated with --as, or else the system user's name."""
    session = _session(db, getattr(args, "as_user", None))
    return session.login if session else f"cli:{getpass.getuser()}"


def _unit_period(db: Database, args: argparse.Namespace) -> tuple[str, object]:
    from hbt_desktop.core.periods import parse_period
    from hbt_desktop.store.units import load_units

    period = parse_period(args.period)
    return load_units(db).by_code(args.unit, period.nominal_end).uid, period


def _keys(args: argparse.Namespace) -> Path | None:
    return Path(args.keys) if getattr(args, "keys", None) else None


# -- parsers ------------------------------------------------------------------------------


def _as_user(p: argparse.ArgumentParser, required: bool = False) -> None:
    p.add_argument(
        "--as",
        dest="as_user",
        metavar="TÊN",
        required=required,
        help=_t("tài khoản thực hiện", "the account acting"),
    )


def _keys_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--keys", metavar="FOLDER", help=_t("thư mục khóa", "key folder"))


def add_commands(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    _add_station_commands(sub, common)
    _add_package_command(sub, common)
    _add_report_commands(sub, common)


def _add_station_commands(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "setup", parents=[common], help=_t("thiết lập máy phường/quận", "set up the workstation")
    )
    p.add_argument("--role", choices=["ward", "district"], required=True)
    p.add_argument("--unit", required=True, metavar="MÃ")
    p.add_argument("--admin", metavar="TÊN", help=_t("tài khoản quản trị đầu tiên", "first admin"))
    p.add_argument("--name", default="", help=_t("họ tên quản trị", "admin's full name"))
    _as_user(p)
    _keys_option(p)

    p = sub.add_parser("user", parents=[common], help=_t("tài khoản", "accounts"))
    p.add_argument("action", choices=["add", "passwd", "list"])
    p.add_argument("login", nargs="?", metavar="TÊN")
    p.add_argument("--name", default="")
    p.add_argument("--role", default="lap", help="lap | kiem_tra | lanh_dao")
    p.add_argument("--title", default="", help=_t("chức vụ, ví dụ PHÓ CHỦ TỊCH", "title"))
    p.add_argument("--authority", action="append", default=[], help="TM. ỦY BAN NHÂN DÂN")
    p.add_argument("--admin", action="store_true")
    _as_user(p)

    for name, vi, en in (
        ("approve", "phê duyệt số liệu một kỳ", "approve a unit's period"),
        ("checked", "xác nhận đã kiểm tra số liệu", "record that the figures were checked"),
        ("unlock", "mở khóa số liệu đã phê duyệt", "unlock an approved period"),
    ):
        p = sub.add_parser(name, parents=[common], help=_t(vi, en))
        p.add_argument("--unit", required=True, metavar="MÃ")
        p.add_argument("--period", required=True, metavar="KỲ")
        if name == "unlock":
            p.add_argument("--reason", required=True)
        _as_user(p, required=True)


def _add_package_command(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("package", parents=[common], help=_t("gói số liệu", "exchange packages"))
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
    )
    p.add_argument("target", nargs="?", metavar="FILE|ID")
    p.add_argument("--period", action="append", metavar="KỲ")
    p.add_argument("--out", metavar="FILE")
    p.add_argument("--dry-run", action="store_true")
    p.add_argument(
        "--trust",
        metavar="FINGERPRINT",
        help=_t("mã nhận dạng đã đối chiếu", "the fingerprint confirmed"),
    )
    p.add_argument("--reject", action="append", default=[], metavar="'MÃ KỲ=lý do'")
    p.add_argument("--note", action="append", default=[], metavar="'MÃ KỲ=lý do'")
    p.add_argument("--reason", default="")
    p.add_argument(
        "--replace",
        action="store_true",
        help=_t("thay khóa đã ghi nhận", "replace the recorded key"),
    )
    _as_user(p)
    _keys_option(p)


def _add_report_commands(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("audit", parents=[common], help=_t("nhật ký thay đổi", "the change log"))
    p.add_argument("action", choices=["verify", "history"])
    p.add_argument("--unit", metavar="MÃ")
    p.add_argument("--period", metavar="KỲ")
    p.add_argument("--indicator", metavar="MÃ")

    p = sub.add_parser("dhis2", parents=[common], help="DHIS2 dataValueSets (JSON, CSV)")
    p.add_argument("action", choices=["export", "import"])
    p.add_argument("file", metavar="FILE")
    p.add_argument("--unit", action="append", metavar="MÃ")
    p.add_argument("--period", action="append", metavar="KỲ")
    p.add_argument("--dry-run", action="store_true")

    p = sub.add_parser(
        "completeness", parents=[common], help=_t("tình hình gửi số liệu", "who has sent")
    )
    p.add_argument("--period", required=True, metavar="KỲ")
    p.add_argument(
        "--unit",
        metavar="MÃ",
        help=_t("mã quận (mặc định: máy này)", "district code (default: this one)"),
    )
    p.add_argument("--out", metavar="FILE.pdf")

    p = sub.add_parser("sheet", parents=[common], help=_t("sổ Excel nhập số liệu", "entry sheet"))
    p.add_argument("action", choices=["export", "import"])
    p.add_argument("file", metavar="FILE.xlsx")
    p.add_argument("--unit", metavar="MÃ")
    p.add_argument("--period", metavar="KỲ")
    p.add_argument(
        "--valid-rows",
        action="store_true",
        help=_t("chỉ lấy dòng đúng", "take only the valid rows"),
    )
    _as_user(p)


# -- commands -----------------------------------------------------------------------------


def cmd_setup(args: argparse.Namespace) -> int:
    from hbt_desktop.exchange.offices import set_up_workstation
    from hbt_desktop.store.accounts import Account, Role, has_accounts
    from hbt_desktop.store.guard import unit_label
    from hbt_desktop.store.units import load_units
    from hbt_desktop.store.workstation import StationRole

    _, db = _open(args)
    unit = load_units(db).by_code(args.unit).uid
    admin = None
    password = ""
    if not has_accounts(db) and args.admin:
        admin = Account(args.admin, args.name or args.admin, Role.LAP, is_admin=True)
        password = _password(args.admin)
    result = set_up_workstation(
        db,
        StationRole(args.role),
        unit,
        admin=admin,
        password=password,
        by=_session(db, args.as_user),
        key_folder=_keys(args),
    )
    role = tr(f"station.role.{args.role}")
    print(
        tr(
            "cli.set_up",
            None,
            role=role,
            unit=unit_label(db, unit),
            fingerprint=result.fingerprint,
            key=result.key_file,
        )
    )
    return 0


def cmd_user(args: argparse.Namespace) -> int:
    from hbt_desktop.store.accounts import (
        Account,
        create_account,
        list_accounts,
        parse_role,
        set_password,
    )

    _, db = _open(args, write=args.action != "list")
    if args.action == "list":
        for account in list_accounts(db):
            admin = " (admin)" if account.is_admin else ""
            print(f"{account.login}\t{account.role.label}{admin}\t{account.full_name}")
        return 0
    if not args.login:
        raise HbtError("cli.usage", detail="user add|passwd LOGIN")
    by = _session(db, args.as_user)
    if args.action == "add":
        role = parse_role(args.role)
        account = Account(
            args.login, args.name or args.login, role, args.title, tuple(args.authority), args.admin
        )
        create_account(db, account, _password(args.login, NEW_PASSWORD_ENV), by=by)
        print(tr("cli.user_added", None, login=args.login, role=role.label))
        return 0
    if by is None:
        raise HbtError("cli.usage", detail="user passwd LOGIN --as LOGIN")
    set_password(db, by, args.login, _password(args.login, NEW_PASSWORD_ENV))
    print(tr("cli.password_set", None, login=args.login))
    return 0


def cmd_sign_off(args: argparse.Namespace) -> int:
    from hbt_desktop.core.periods import Period, format_period
    from hbt_desktop.store.approval import approve, mark_checked, unlock
    from hbt_desktop.store.guard import unit_label

    _, db = _open(args)
    unit, period = _unit_period(db, args)
    assert isinstance(period, Period)
    session = _session(db, args.as_user)
    assert session is not None
    label, when = unit_label(db, unit), format_period(period)
    if args.command == "unlock":
        unlock(db, session, unit, period, args.reason)
        print(tr("cli.unlocked", None, unit=label, period=when, reason=args.reason))
    elif args.command == "checked":
        mark_checked(db, session, unit, period)
        print(f"{label}, {when}: {session.account.full_name} ✓")
    else:
        approve(db, session, unit, period)
        print(tr("cli.approved", None, unit=label, period=when, name=session.account.full_name))
    return 0


def _keyed(texts: list[str], db: Database, unit: str) -> dict[ItemKey, str]:
    """'NS_THU_DIA_BAN 2023Q1=reason' → {(indicator, unit, period): reason}."""
    from hbt_desktop.core.periods import parse_period

    out: dict[ItemKey, str] = {}
    for text in texts:
        head, sep, reason = text.partition("=")
        parts = head.split()
        if not sep or len(parts) != 2:
            raise HbtError("cli.bad_reject", text=text)
        out[(parts[0], unit, parse_period(parts[1]).id)] = reason.strip()
    return out


def _print_review(db: Database, found: Review, *, dry: bool) -> None:
    from hbt_desktop.core.review import Verdict
    from hbt_desktop.store.guard import unit_label

    print(
        tr(
            "cli.review_head",
            None,
            id=found.import_id if found.import_id is not None else "—",
            unit=unit_label(db, found.sender_uid),
            sequence=found.sequence,
            created=f"{found.created_at.astimezone():%H:%M %d/%m/%Y}",
            state=found.state.label,
            dry=tr("cli.dry") if dry else "",
            new=found.count(Verdict.NEW),
            changed=found.count(Verdict.CHANGED),
            unchanged=found.count(Verdict.UNCHANGED),
            conflict=found.count(Verdict.CONFLICT),
        )
    )
    for item in found.items:
        old = "—" if item.current is None else format(item.current.amount, "f")
        new = format(item.incoming.amount, "f")
        decision = f"  [{item.decision}{': ' + item.reason if item.reason else ''}]"
        print(
            f"  {item.verdict.value:9} {item.incoming.indicator} {item.incoming.period.id}: "
            f"{old} → {new}{decision if item.decision else ''}"
        )


def cmd_package(args: argparse.Namespace) -> int:  # noqa: PLR0911, PLR0912 - one branch per action
    from hbt_desktop.exchange import offices
    from hbt_desktop.store import review as reviews
    from hbt_desktop.store.guard import unit_label

    action = args.action
    path, db = _open(args, write=action not in ("list", "review", "key"))
    if action == "list":
        for record in reviews.list_imports(db):
            print(
                f"{record.id}\t{unit_label(db, record.sender_uid)}\t#{record.sequence}\t"
                f"{' '.join(p.id for p in record.periods)}\t{record.state.label}\t"
                f"{record.received_at.astimezone():%H:%M %d/%m/%Y}"
            )
        return 0
    if action == "key":
        out = Path(args.out or args.target or "")
        fingerprint = offices.export_public_key(db, out)
        print(tr("cli.key_written", None, path=out, fingerprint=fingerprint))
        return 0
    if not args.target and action != "export":
        raise HbtError("cli.usage", detail=f"package {action} FILE|ID")
    user = _who(db, args)
    if action == "trust":
        trusted = offices.trust_key_file(
            db,
            Path(args.target),
            user=user,
            replace=args.replace,
            by=_session(db, args.as_user) if args.replace else None,
        )
        print(
            tr(
                "cli.key_trusted",
                None,
                unit=unit_label(db, trusted.unit_uid),
                fingerprint=trusted.fingerprint,
            )
        )
        return 0
    if action == "export":
        from hbt_desktop.core.periods import parse_period

        if not args.period or not args.out:
            raise HbtError("cli.usage", detail="package export --period KỲ --out FILE")
        done = offices.export_package(
            db,
            Path(args.out),
            [parse_period(p) for p in args.period],
            user=user,
            key_folder=_keys(args),
        )
        print(
            tr(
                "cli.package_written",
                None,
                path=done.path,
                sequence=done.sequence,
                values=done.values,
                documents=done.documents,
            )
        )
        return 0
    if action == "import":
        return _import(args, db, path, user)
    import_id = int(args.target)
    if action == "review":
        _print_review(db, reviews.review(db, import_id), dry=False)
        return 0
    sender = reviews.get_import(db, import_id).sender_uid
    if action == "accept":
        decided = reviews.decide(db, import_id, user=user, reject=_keyed(args.reject, db, sender))
        print(
            tr(
                "cli.decided",
                None,
                id=import_id,
                state=decided.state.label,
                written=decided.written,
                rejected=decided.rejected,
            )
        )
    elif action == "rollback":
        count = reviews.rollback(db, import_id, user=user, reason=args.reason)
        print(tr("cli.rolled_back", None, id=import_id, count=count))
    else:  # return
        if not args.out:
            raise HbtError("cli.usage", detail="package return ID --reason … --out FILE")
        done = offices.return_package(
            db,
            import_id,
            args.reason,
            Path(args.out),
            user=user,
            notes=_keyed(args.note, db, sender),
            key_folder=_keys(args),
        )
        print(tr("cli.returned", None, id=import_id, path=done.path))
    return 0


def _import(args: argparse.Namespace, db: Database, path: Path, user: str) -> int:
    from hbt_desktop.exchange import offices
    from hbt_desktop.store.file.backup import backup_before
    from hbt_desktop.store.workstation import StationRole, require_workstation

    file = Path(args.target)
    if require_workstation(db).role is StationRole.WARD:
        notes = offices.import_return(db, file, user=user, trust_fingerprint=args.trust)
        print(tr("cli.return_notes", None, count=len(notes)))
        for note in notes:
            print(f"  {note.indicator or '*'} {note.period.id}: {note.reason}")
        return 0
    found = offices.import_package(
        db,
        file,
        user=user,
        dry_run=args.dry_run,
        trust_fingerprint=args.trust,
        before_write=lambda: backup_before(db, path, "import"),
    )
    _print_review(db, found, dry=args.dry_run)
    if found.already_received:
        print(tr("cli.review_again"))
    elif found.import_id is not None:
        print(tr("cli.review_next", None, id=found.import_id))
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    from hbt_desktop.store.audit import cell_history, verify_audit

    _, db = _open(args, write=False)
    if args.action == "verify":
        report = verify_audit(db)
        if not report.ok:
            print(tr("cli.audit_bad", None, detail="; ".join(report.problems)), file=sys.stderr)
            return 2
        print(tr("cli.audit_ok", None, rows=report.rows))
        return 0
    if not (args.unit and args.period and args.indicator):
        raise HbtError("cli.usage", detail="audit history --unit MÃ --period KỲ --indicator MÃ")
    from hbt_desktop.core.periods import Period

    unit, period = _unit_period(db, args)
    assert isinstance(period, Period)
    for entry in cell_history(db, args.indicator, unit, period):
        print(
            f"{entry.at.astimezone():%H:%M:%S %d/%m/%Y}\t{entry.user}\t{entry.how}\t"
            f"{entry.old_amount or '—'} → {entry.new_amount or '—'}"
        )
    return 0


def cmd_dhis2(args: argparse.Namespace) -> int:
    from hbt_desktop import cli

    # The same functions as «import values» / «export values»: DHIS2 dataValueSets.
    args.what = "values"
    return cli.cmd_import(args) if args.action == "import" else cli.cmd_export(args)


def cmd_completeness(args: argparse.Namespace) -> int:
    from hbt_desktop.core.periods import parse_period
    from hbt_desktop.store.completeness import completeness, completeness_json
    from hbt_desktop.store.guard import unit_label
    from hbt_desktop.store.units import load_units
    from hbt_desktop.store.workstation import StationRole, require_workstation

    _, db = _open(args, write=False)
    period = parse_period(args.period)
    if args.unit:
        district = load_units(db).by_code(args.unit, period.nominal_end).uid
    else:
        district = require_workstation(db, StationRole.DISTRICT).unit_uid
    table = completeness(db, district, period)
    if args.out:
        from hbt_desktop.reports.completeness import build_completeness

        build_completeness(table, unit_label(db, district), Path(args.out))
        print(tr("cli.completeness_written", None, path=args.out))
    else:
        print(completeness_json(table))
    return 0


def cmd_sheet(args: argparse.Namespace) -> int:
    from hbt_desktop.exchange import entry_sheet

    if args.action == "export":
        _, db = _open(args, write=False)
        unit, period = _unit_period(db, args)
        count = entry_sheet.export_entry_sheet(db, Path(args.file), unit, period)  # type: ignore[arg-type]
        print(tr("cli.exported", None, count=count, path=args.file))
        return 0
    _, db = _open(args)
    result = entry_sheet.import_entry_sheet(
        db, Path(args.file), user=_who(db, args), take_valid_rows=args.valid_rows
    )
    print(result.summary())
    return 0 if result.stored or not result.errors else 2


def office_commands() -> dict[str | None, Callable[[argparse.Namespace], int]]:
    return {
        "setup": cmd_setup,
        "user": cmd_user,
        "approve": cmd_sign_off,
        "checked": cmd_sign_off,
        "unlock": cmd_sign_off,
        "package": cmd_package,
        "audit": cmd_audit,
        "dhis2": cmd_dhis2,
        "completeness": cmd_completeness,
        "sheet": cmd_sheet,
    }

"""The commands of ward offices and the district (docs/offices.md): ``setup``, ``user``,
``checked``/``approve``/``unlock``, ``package``, ``audit``, ``completeness``.

Each opens the data file as the program does and makes one call into ``app``. Passwords
are read from ``$HBT_DESKTOP_PASSWORD`` (and a new account's from
``$HBT_DESKTOP_NEW_PASSWORD``) or asked for without echo.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Mapping
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING

from hbt_desktop.app import offices, signoff
from hbt_desktop.app.accounts import add_account, change_password
from hbt_desktop.app.documents import completeness_pdf
from hbt_desktop.app.imports import read_return, receive_package
from hbt_desktop.app.opening import DataFile
from hbt_desktop.cli.common import (
    keys_folder,
    open_data,
    say,
    told,
    unit_and_period,
)
from hbt_desktop.cli.parser import EXIT_OK, EXIT_REFUSED
from hbt_desktop.cli.signing_in import NEW_PASSWORD_ENV, password, signed_in, who
from hbt_desktop.core.access import StationRole
from hbt_desktop.core.errors import HbtError
from hbt_desktop.core.i18n import tr
from hbt_desktop.core.periods import format_period, parse_period
from hbt_desktop.core.review import ItemKey, Review, Verdict
from hbt_desktop.store.accounts import Account, Role, has_accounts, list_accounts, parse_role
from hbt_desktop.store.audit import cell_history, verify_audit
from hbt_desktop.store.completeness import completeness, completeness_json
from hbt_desktop.store.guard import unit_label
from hbt_desktop.store.review import get_import, list_imports, review
from hbt_desktop.store.units import load_units
from hbt_desktop.store.workstation import require_workstation

if TYPE_CHECKING:
    from sqlite_utils import Database

# -- the workstation and its accounts ----------------------------------------------------


def cmd_setup(args: argparse.Namespace, closing: ExitStack) -> int:
    file = open_data(args, closing)
    db = file.db
    unit = load_units(db).by_code(args.unit).uid
    admin = None
    secret = ""
    if not has_accounts(db) and args.admin:
        admin = Account(args.admin, args.name or args.admin, Role.LAP, is_admin=True)
        secret = password(args.admin)
    done = offices.set_up_workstation(
        db,
        StationRole(args.role),
        unit,
        admin=admin,
        password=secret,
        by=signed_in(db, args.as_user),
        key_folder=keys_folder(args),
    ).value
    say(
        tr(
            "cli.set_up",
            None,
            role=StationRole(args.role).label,
            unit=unit_label(db, unit),
            fingerprint=done.fingerprint,
            key=done.key_file,
        )
    )
    return EXIT_OK


def cmd_user(args: argparse.Namespace, closing: ExitStack) -> int:
    db = open_data(args, closing, write=args.action != "list").db
    if args.action == "list":
        for account in list_accounts(db):
            admin = " (admin)" if account.is_admin else ""
            say(f"{account.login}\t{account.role.label}{admin}\t{account.full_name}")
        return EXIT_OK
    if not args.login:
        raise HbtError("cli.usage", detail="user add|passwd LOGIN")
    by = signed_in(db, args.as_user)
    if args.action == "add":
        role = parse_role(args.role)
        account = Account(
            args.login, args.name or args.login, role, args.title, tuple(args.authority), args.admin
        )
        add_account(db, account, password(args.login, NEW_PASSWORD_ENV), by=by)
        say(tr("cli.user_added", None, login=args.login, role=role.label))
        return EXIT_OK
    if by is None:
        raise HbtError("cli.usage", detail="user passwd LOGIN --as LOGIN")
    change_password(db, by, args.login, password(args.login, NEW_PASSWORD_ENV))
    say(tr("cli.password_set", None, login=args.login))
    return EXIT_OK


# -- sign-off ----------------------------------------------------------------------------


def cmd_sign_off(args: argparse.Namespace, closing: ExitStack) -> int:
    db = open_data(args, closing).db
    unit, period = unit_and_period(db, args.unit, args.period)
    by = signed_in(db, args.as_user)
    assert by is not None  # --as is required
    label, when, name = unit_label(db, unit), format_period(period), by.account.full_name
    if args.command == "unlock":
        signoff.unlock(db, by, unit, period, args.reason)
        say(tr("cli.unlocked", None, unit=label, period=when, reason=args.reason))
    elif args.command == "checked":
        signoff.mark_checked(db, by, unit, period)
        say(tr("cli.checked", None, unit=label, period=when, name=name))
    else:
        signoff.approve(db, by, unit, period)
        say(tr("cli.approved", None, unit=label, period=when, name=name))
    return EXIT_OK


# -- packages ------------------------------------------------------------------------------


def _keyed(texts: list[str], unit: str) -> dict[ItemKey, str]:
    """'NS_THU_DIA_BAN 2023Q1=reason' → {(indicator, unit, period): reason}."""
    out: dict[ItemKey, str] = {}
    for text in texts:
        head, sep, reason = text.partition("=")
        parts = head.split()
        if not sep or len(parts) != 2:
            raise HbtError("cli.bad_reject", text=text)
        out[(parts[0], unit, parse_period(parts[1]).id)] = reason.strip()
    return out


def _print_review(db: Database, found: Review, *, dry: bool) -> None:
    say(
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
        say(
            f"  {item.verdict.value:9} {item.incoming.indicator} {item.incoming.period.id}: "
            f"{old} → {new}{decision if item.decision else ''}"
        )


def _list(file: DataFile) -> None:
    for record in list_imports(file.db):
        say(
            f"{record.id}\t{unit_label(file.db, record.sender_uid)}\t#{record.sequence}\t"
            f"{' '.join(p.id for p in record.periods)}\t{record.state.label}\t"
            f"{record.received_at.astimezone():%H:%M %d/%m/%Y}"
        )


def _key(args: argparse.Namespace, file: DataFile) -> None:
    out = Path(args.out or args.target or "")
    fingerprint = offices.export_public_key(file.db, out)
    say(tr("cli.key_written", None, path=out, fingerprint=fingerprint))


def _trust(args: argparse.Namespace, file: DataFile, user: str) -> None:
    db = file.db
    by = signed_in(db, args.as_user) if args.replace else None
    trusted = offices.trust_key_file(db, Path(args.target), user=user, replace=args.replace, by=by)
    unit = unit_label(db, trusted.value.unit_uid)
    say(tr("cli.key_trusted", None, unit=unit, fingerprint=trusted.value.fingerprint))


def _export(args: argparse.Namespace, file: DataFile, user: str) -> None:
    if not args.period or not args.out:
        raise HbtError("cli.usage", detail="package export --period KỲ --out FILE")
    periods = [parse_period(p) for p in args.period]
    done = offices.export_package(
        file.db, Path(args.out), periods, user=user, key_folder=keys_folder(args)
    ).value
    say(
        tr(
            "cli.package_written",
            None,
            path=done.path,
            sequence=done.sequence,
            values=done.values,
            documents=done.documents,
        )
    )


def _import(args: argparse.Namespace, file: DataFile, user: str) -> None:
    """At the district a ward's package; at a ward office the district's return."""
    source = Path(args.target)
    if require_workstation(file.db).role is StationRole.WARD:
        returned = read_return(file, source, user=user, trust_fingerprint=args.trust)
        told(returned)
        say(tr("cli.return_notes", None, count=len(returned.value)))
        for note in returned.value:
            say(f"  {note.indicator or '*'} {note.period.id}: {note.reason}")
        return
    received = receive_package(
        file, source, user=user, dry_run=args.dry_run, trust_fingerprint=args.trust
    )
    told(received)
    found = received.value
    _print_review(file.db, found, dry=args.dry_run)
    if found.already_received:
        say(tr("cli.review_again"))
    elif found.import_id is not None:
        say(tr("cli.review_next", None, id=found.import_id))


def _decide(args: argparse.Namespace, file: DataFile, user: str) -> None:
    """review, accept, rollback or return the package numbered ``args.target``."""
    db, import_id = file.db, int(args.target)
    if args.action == "review":
        _print_review(db, review(db, import_id), dry=False)
        return
    sender = get_import(db, import_id).sender_uid
    if args.action == "accept":
        reject = _keyed(args.reject, sender)
        decided = offices.decide(db, import_id, user=user, reject=reject).value
        say(
            tr(
                "cli.decided",
                None,
                id=import_id,
                state=decided.state.label,
                written=decided.written,
                rejected=decided.rejected,
            )
        )
    elif args.action == "rollback":
        count = offices.rollback(db, import_id, user=user, reason=args.reason).value
        say(tr("cli.rolled_back", None, id=import_id, count=count))
    else:  # return
        if not args.out:
            raise HbtError("cli.usage", detail="package return ID --reason … --out FILE")
        done = offices.return_package(
            db,
            import_id,
            args.reason,
            Path(args.out),
            user=user,
            notes=_keyed(args.note, sender),
            key_folder=keys_folder(args),
        ).value
        say(tr("cli.returned", None, id=import_id, path=done.path))


def cmd_package(args: argparse.Namespace, closing: ExitStack) -> int:
    action = args.action
    file = open_data(args, closing, write=action not in ("list", "review", "key"))
    if action == "list":
        _list(file)
        return EXIT_OK
    if action == "key":
        _key(args, file)
        return EXIT_OK
    if not args.target and action != "export":
        raise HbtError("cli.usage", detail=f"package {action} FILE|ID")
    user = who(file.db, args.as_user)
    run = {"trust": _trust, "export": _export, "import": _import}.get(action, _decide)
    run(args, file, user)
    return EXIT_OK


# -- the change log and completeness -----------------------------------------------------


def cmd_audit(args: argparse.Namespace, closing: ExitStack) -> int:
    db = open_data(args, closing, write=False).db
    if args.action == "verify":
        report = verify_audit(db)
        if not report.ok:
            detail = "; ".join(report.problems)
            print(tr("cli.audit_bad", None, detail=detail), file=sys.stderr)
            return EXIT_REFUSED
        say(tr("cli.audit_ok", None, rows=report.rows))
        return EXIT_OK
    if not (args.unit and args.period and args.indicator):
        raise HbtError("cli.usage", detail="audit history --unit MÃ --period KỲ --indicator MÃ")
    unit, period = unit_and_period(db, args.unit, args.period)
    for entry in cell_history(db, args.indicator, unit, period):
        say(
            f"{entry.at.astimezone():%H:%M:%S %d/%m/%Y}\t{entry.user}\t{entry.how}\t"
            f"{entry.old_amount or '—'} → {entry.new_amount or '—'}"
        )
    return EXIT_OK


def cmd_completeness(args: argparse.Namespace, closing: ExitStack) -> int:
    db = open_data(args, closing, write=False).db
    period = parse_period(args.period)
    if args.unit:
        district = load_units(db).by_code(args.unit, period.nominal_end).uid
    else:
        district = require_workstation(db, StationRole.DISTRICT).unit_uid
    if args.out:
        completeness_pdf(db, district, period, Path(args.out))
        say(tr("cli.completeness_written", None, path=args.out))
    else:
        say(completeness_json(completeness(db, district, period)))
    return EXIT_OK


COMMANDS: Mapping[str, Callable[[argparse.Namespace, ExitStack], int]] = {
    "setup": cmd_setup,
    "user": cmd_user,
    "approve": cmd_sign_off,
    "checked": cmd_sign_off,
    "unlock": cmd_sign_off,
    "package": cmd_package,
    "audit": cmd_audit,
    "completeness": cmd_completeness,
}

"""Ward offices and the district: set-up, keys, packages out, the checks of packages
in, returns, the decision on a package — the functions the screens and the command line
call.

A ward office exports its figures for one or more periods as a signed package
(:func:`export_package`); the district takes it in two steps: ``app.imports.
receive_package`` checks the file against everything it knows (:func:`check_package`,
which writes nothing) and, after a backup, keeps it as pending (:func:`keep_package`),
returning the review; :func:`decide` accepts or rejects. The district can send a package
back with a reason (:func:`return_package`), which the ward reads
(``app.imports.read_return``: :func:`check_return`, then :func:`keep_return`) to see the
reasons on its figures. A file refused here leaves the database exactly as it was: every
check runs before the first write.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from hbt_desktop.app.changes import FIGURES, Changes, Done
from hbt_desktop.core.access import StationRole
from hbt_desktop.core.errors import HbtError
from hbt_desktop.core.periods import Period, parse_period
from hbt_desktop.core.review import ItemKey, Review, State
from hbt_desktop.exchange import signing
from hbt_desktop.exchange.package import (
    KIND_FIGURES,
    KIND_RETURN,
    Note,
    Package,
    PackageError,
    read_package,
    write_package,
)
from hbt_desktop.exchange.tables import DEFAULT_LIMITS, Limits
from hbt_desktop.store.accounts import Account, SignedIn, create_account, has_accounts
from hbt_desktop.store.audit import head_hash
from hbt_desktop.store.catalogue import load_catalogue
from hbt_desktop.store.documents import load_document
from hbt_desktop.store.guard import subtree, unit_label
from hbt_desktop.store.packages import (
    ReturnedNote,
    SentPackage,
    TrustedKey,
    TrustError,
    note_sequence,
    record_key,
    record_returned,
    record_sent,
    returned_notes,
    trusted_key,
)
from hbt_desktop.store.review import (
    Decided,
    Received,
    compare,
    find_import,
    get_import,
    item_reasons,
    mark_returned,
    receive,
    review,
)
from hbt_desktop.store.review import decide as decide_in_store
from hbt_desktop.store.review import rollback as rollback_in_store
from hbt_desktop.store.units import load_units
from hbt_desktop.store.values import values_for
from hbt_desktop.store.workstation import (
    Workstation,
    get_workstation,
    require_workstation,
    set_workstation,
    take_sequence,
)

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from sqlite_utils import Database


class UnknownSender(PackageError):
    """First contact: the sender's key is not recorded yet. The screen shows the
    fingerprint, the clerk compares it by telephone, then calls :func:`trust_sender`."""

    def __init__(self, unit_uid: str, public_key: str, fingerprint: str, unit: str) -> None:
        super().__init__("package.unknown_sender", unit=unit, fingerprint=fingerprint)
        self.unit_uid = unit_uid
        self.public_key = public_key
        self.fingerprint = fingerprint


# -- set-up --------------------------------------------------------------------------------


@dataclass(frozen=True)
class SetupResult:
    workstation: Workstation
    fingerprint: str
    key_file: Path


def set_up_workstation(
    db: Database,
    role: StationRole,
    unit_uid: str,
    *,
    admin: Account | None = None,
    password: str = "",
    by: SignedIn | None = None,
    key_folder: Path | None = None,
) -> Done[SetupResult]:
    """Make this workstation a ward office or the district: a key pair (kept if one was
    made before), the role, and — on a workstation without accounts — its administrator.
    Changing an existing set-up needs an administrator signed in, ``by``."""
    current = get_workstation(db)
    if current is not None:
        station_id = current.station_id
        path = signing.key_path(station_id, key_folder)
        public = signing.public_bytes(signing.load_private_key(path))
    else:
        station_id = uuid.uuid4().hex
        path = signing.key_path(station_id, key_folder)
        key = signing.generate_key()
        public = signing.public_bytes(key)
    with db.atomic():
        first_admin = None
        if not has_accounts(db) and admin is not None:
            first_admin = create_account(db, admin, password, by=None)
        found = set_workstation(
            db,
            role,
            unit_uid,
            station_id=station_id,
            public_key=signing.encode_key(public),
            by=by,
            user=first_admin.login if first_admin else "",
        )
        if current is None:
            # Written last, inside the transaction: a refused set-up leaves no key behind.
            signing.save_private_key(key, path)
    done = SetupResult(found, signing.fingerprint(public), path)
    return Done(done, Changes(station=True, accounts=first_admin is not None, locks=True))


def own_fingerprint(db: Database) -> str:
    """The fingerprint of this workstation's key, read to another office by telephone."""
    raw = signing.decode_key(require_workstation(db).public_key)
    return signing.fingerprint(raw) if raw else ""


def export_public_key(db: Database, path: Path) -> str:
    """Write this workstation's public key file (for first contact); returns its fingerprint."""
    station = require_workstation(db)
    raw = signing.decode_key(station.public_key)
    assert raw is not None
    signing.write_public_key_file(path, station.unit_uid, unit_label(db, station.unit_uid), raw)
    return signing.fingerprint(raw)


def _confirmed(db: Database, unit_uid: str, public_key: str, confirmed_fingerprint: str) -> str:
    """The key's fingerprint, refusing when the one the clerk confirmed differs."""
    raw = signing.decode_key(public_key)
    assert raw is not None
    actual = signing.fingerprint(raw)
    if not signing.same_fingerprint(confirmed_fingerprint, actual):
        raise TrustError(
            "trust.fingerprint_mismatch",
            typed=confirmed_fingerprint,
            actual=actual,
            unit=unit_label(db, unit_uid),
        )
    return actual


def trust_sender(
    db: Database,
    unit_uid: str,
    public_key: str,
    confirmed_fingerprint: str,
    *,
    user: str,
    replace: bool = False,
    by: SignedIn | None = None,
) -> Done[TrustedKey]:
    """Record another office's key once its fingerprint was confirmed by the clerk
    (replacing a different key needs an administrator signed in, ``by``)."""
    actual = _confirmed(db, unit_uid, public_key, confirmed_fingerprint)
    trusted = record_key(
        db,
        unit_uid,
        public_key,
        actual,
        source="fingerprint confirmed",
        user=user,
        replace=replace,
        by=by,
    )
    return Done(trusted, Changes(packages=True))


def trust_key_file(
    db: Database, path: Path, *, user: str, replace: bool = False, by: SignedIn | None = None
) -> Done[TrustedKey]:
    """Record another office's key from its key file (brought on a USB stick by hand)."""
    unit_uid, raw = signing.read_public_key_file(path)
    trusted = record_key(
        db,
        unit_uid,
        signing.encode_key(raw),
        signing.fingerprint(raw),
        source="key file",
        user=user,
        replace=replace,
        by=by,
    )
    return Done(trusted, Changes(packages=True))


# -- a ward office sends -----------------------------------------------------------------


def catalogue_hash(db: Database) -> str:
    cat = load_catalogue(db)
    lines = sorted(
        f"{i.code}:{i.kind.value}:{i.aggregation.value}" for i in cat.indicators.values()
    )
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()


@dataclass(frozen=True)
class Exported:
    path: Path
    package_id: str
    sequence: int
    values: int
    documents: int
    sha256: str


def export_package(
    db: Database,
    path: Path,
    periods: Sequence[Period],
    *,
    user: str,
    key_folder: Path | None = None,
    now: datetime | None = None,
) -> Done[Exported]:
    """Write this ward office's figures and narrative for ``periods`` as a signed package."""
    station = require_workstation(db, StationRole.WARD)
    key = signing.load_private_key(signing.key_path(station.station_id, key_folder))
    unit = station.unit_uid
    values = [v for p in sorted(set(periods)) for v in values_for(db, unit, p).values()]
    documents = [d for p in sorted(set(periods)) if (d := load_document(db, unit, p))]
    if not values and not documents:
        raise HbtError("package.nothing", unit=unit_label(db, unit))
    cat = load_catalogue(db)
    indicators = [cat.indicators[c] for c in sorted({v.indicator for v in values})]
    sequence = take_sequence(db)
    package_id = uuid.uuid4().hex
    created = (now or datetime.now(UTC)).astimezone(UTC)
    org = load_units(db).get(unit)
    header: dict[str, object] = {
        "kind": KIND_FIGURES,
        "package_id": package_id,
        "unit_uid": unit,
        "unit_code": org.code,
        "unit_name": org.full_name,
        "periods": sorted({p.id for p in periods}),
        "created_at": created.isoformat(),
        "created_by": user,
        "sequence": sequence,
        "catalogue_hash": catalogue_hash(db),
        "audit_head": head_hash(db),
    }
    sha = write_package(
        path, key, header, values=values, documents=documents, indicators=indicators
    )
    counts = {"values": len(values), "documents": len(documents)}
    record_sent(
        db,
        SentPackage(
            package_id,
            KIND_FIGURES,
            sequence,
            unit,
            tuple(sorted({p.id for p in periods})),
            created,
            user,
            path.name,
            sha,
            counts,
        ),
    )
    # The reasons the district returned are answered by this file: the grids show it.
    done = Exported(path, package_id, sequence, len(values), len(documents), sha)
    return Done(done, Changes(packages=True))


# -- the district receives -------------------------------------------------------------


def _check_trust(db: Database, package: Package, trust_fingerprint: str | None) -> bool:
    """True when the sender's key must be recorded (first contact, confirmed)."""
    known = trusted_key(db, package.unit_uid)
    encoded = signing.encode_key(package.signer)
    if known is None:
        if trust_fingerprint:
            _confirmed(db, package.unit_uid, encoded, trust_fingerprint)  # refuses a mismatch
            return True
        raise UnknownSender(
            package.unit_uid, encoded, package.fingerprint, unit_label(db, package.unit_uid)
        )
    if known.public_key != encoded:
        raise PackageError(
            "package.wrong_key",
            file=package.file_name,
            unit=unit_label(db, package.unit_uid),
            fingerprint=package.fingerprint,
            known=known.fingerprint,
        )
    return False


def _record_signer(db: Database, package: Package, user: str) -> None:
    """First contact, confirmed by telephone: the sender's key is recorded with its file."""
    record_key(
        db,
        package.unit_uid,
        signing.encode_key(package.signer),
        package.fingerprint,
        source="fingerprint confirmed",
        user=user,
    )


def _check_figures(db: Database, package: Package, station: Workstation) -> None:
    name = package.file_name
    sender = package.unit_uid
    if package.kind != KIND_FIGURES:
        raise PackageError("package.wrong_kind", file=name)
    ours = subtree(db, station.unit_uid) - {station.unit_uid}
    if sender not in ours:
        raise PackageError(
            "package.other_unit",
            file=name,
            unit=unit_label(db, sender),
            office=unit_label(db, station.unit_uid),
        )
    periods = {p.id for p in package.periods}
    for value in package.values:
        if value.unit_uid != sender or value.period.id not in periods:
            raise PackageError(
                "package.value_other_unit",
                file=name,
                unit=unit_label(db, sender),
                key=f"{value.indicator} {value.unit_uid} {value.period.id}",
            )
    for doc in package.documents:
        if doc.unit_uid != sender or doc.period.id not in periods:
            raise PackageError(
                "package.value_other_unit",
                file=name,
                unit=unit_label(db, sender),
                key=f"{doc.unit_uid} {doc.period.id}",
            )
    cat = load_catalogue(db)
    for value in package.values:
        known = cat.indicators.get(value.indicator)
        kind = package.indicators.get(value.indicator)
        if known is None or (kind is not None and kind != known.kind.value):
            raise PackageError("package.unknown_indicator", file=name, code=value.indicator)


def _check_replay(db: Database, package: Package) -> int | None:
    """The import already made of this very file, or None; refuses an older file."""
    existing = find_import(db, package.package_id)
    if existing is not None:
        if get_import(db, existing).sha256 != package.sha256:
            raise PackageError("package.id_reused", file=package.file_name)
        return existing
    known = trusted_key(db, package.unit_uid)
    if known is not None and package.sequence <= known.last_sequence:
        raise PackageError(
            "package.replayed",
            file=package.file_name,
            unit=unit_label(db, package.unit_uid),
            sequence=package.sequence,
            last=known.last_sequence,
        )
    return None


@dataclass(frozen=True)
class CheckedPackage:
    """A ward's package that passed every check at the district, not yet kept."""

    package: Package
    record_key: bool  # first contact, fingerprint confirmed: the key is recorded with it
    received_before: int | None  # this very file was received before, as this import

    def review(self, db: Database) -> Review:
        """What keeping it would do (or, for a file received before, what it did)."""
        if self.received_before is not None:
            found = review(db, self.received_before)
            found.already_received = True
            return found
        package = self.package
        return Review(
            None,
            package.package_id,
            package.unit_uid,
            package.sequence,
            package.created_at,
            package.periods,
            State.PENDING,
            compare(db, package.unit_uid, package.values),
            list(package.documents),
        )


def check_package(
    db: Database,
    path: Path,
    *,
    trust_fingerprint: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> CheckedPackage:
    """Step one at the district: every check of a ward's file (signature, hashes, sender's
    key, unit, periods, catalogue, replay), before anything is written; a refused file
    raises. ``trust_fingerprint``: the sender's fingerprint, confirmed by telephone, for
    a first file."""
    station = require_workstation(db, StationRole.DISTRICT)
    package = read_package(Path(path), limits=limits)
    _check_figures(db, package, station)
    record_new_key = _check_trust(db, package, trust_fingerprint)
    return CheckedPackage(package, record_new_key, _check_replay(db, package))


def keep_package(
    db: Database, checked: CheckedPackage, *, user: str, now: datetime | None = None
) -> Review:
    """Keep a checked package as pending (with the sender's key on first contact) and
    return its review. ``now``: when it was received, for the completeness table."""
    if checked.received_before is not None:
        return checked.review(db)
    package = checked.package
    with db.atomic():
        if checked.record_key:
            _record_signer(db, package, user)
        import_id = receive(db, _received(package), user=user, now=now)
    return review(db, import_id)


def _received(package: Package) -> Received:
    return Received(
        package.package_id,
        package.unit_uid,
        package.sequence,
        package.created_at,
        package.periods,
        package.manifest_bytes.decode("utf-8"),
        package.raw,
        package.sha256,
        package.file_name,
        tuple(package.values),
        tuple(package.documents),
    )


# -- the district sends back, the ward reads the reasons ---------------------------------


def return_package(
    db: Database,
    import_id: int,
    reason: str,
    path: Path,
    *,
    user: str,
    notes: Mapping[ItemKey, str] | None = None,
    key_folder: Path | None = None,
) -> Done[Exported]:
    """Send a pending package back to its ward with a reason (and reasons per value):
    marks it returned and writes the signed return file for the ward."""
    station = require_workstation(db, StationRole.DISTRICT)
    # The key is read first: a missing key refuses before anything is marked.
    key = signing.load_private_key(signing.key_path(station.station_id, key_folder))
    with db.atomic():
        mark_returned(db, import_id, reason, user=user, notes=notes)
        done = _write_return_file(db, station, key, import_id, path, user=user)
    return Done(done, Changes(packages=True))


def _write_return_file(
    db: Database,
    station: Workstation,
    key: Ed25519PrivateKey,
    import_id: int,
    path: Path,
    *,
    user: str,
) -> Exported:
    record = get_import(db, import_id)
    periods = sorted({p.id for p in record.periods})
    notes = [Note(p, "", record.reason) for p in periods]
    notes += [Note(k[2], k[0], r) for k, r in sorted(item_reasons(db, import_id).items())]
    sequence = take_sequence(db)
    created = datetime.now(UTC)
    header: dict[str, object] = {
        "kind": KIND_RETURN,
        # One return per package: writing the file again gives the ward the same notes.
        "package_id": f"return-{record.package_id}",
        "answers": record.package_id,
        "unit_uid": station.unit_uid,
        "to_unit": record.sender_uid,
        "periods": periods,
        "created_at": created.isoformat(),
        "created_by": user,
        "sequence": sequence,
    }
    sha = write_package(path, key, header, notes=notes)
    record_sent(
        db,
        SentPackage(
            str(header["package_id"]),
            KIND_RETURN,
            sequence,
            station.unit_uid,
            tuple(periods),
            created,
            user,
            path.name,
            sha,
            {"notes": len(notes)},
        ),
    )
    return Exported(path, str(header["package_id"]), sequence, 0, 0, sha)


@dataclass(frozen=True)
class CheckedReturn:
    """The district's return file that passed every check at the ward, not yet kept."""

    package: Package
    record_key: bool  # first contact, fingerprint confirmed
    notes: tuple[ReturnedNote, ...]
    read_before: bool  # this return was read before: keeping it changes nothing


def check_return(
    db: Database,
    path: Path,
    *,
    trust_fingerprint: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> CheckedReturn:
    """At the ward office: every check of the district's return file, before anything is
    written; a refused file raises."""
    station = require_workstation(db, StationRole.WARD)
    package = read_package(Path(path), limits=limits)
    name = package.file_name
    if package.kind != KIND_RETURN:
        raise PackageError("package.wrong_kind", file=name)
    to_unit = str(package.manifest.get("to_unit", ""))
    if to_unit != station.unit_uid:
        raise PackageError(
            "package.not_for_us",
            file=name,
            unit=unit_label(db, to_unit),
            office=unit_label(db, station.unit_uid),
        )
    if station.unit_uid not in subtree(db, package.unit_uid) or (
        package.unit_uid == station.unit_uid
    ):
        raise PackageError(
            "package.other_unit",
            file=name,
            unit=unit_label(db, package.unit_uid),
            office=unit_label(db, station.unit_uid),
        )
    record_new_key = _check_trust(db, package, trust_fingerprint)
    answers = str(package.manifest.get("answers", ""))
    read_before = answers in {n.return_id for n in returned_notes(db, station.unit_uid)}
    known = trusted_key(db, package.unit_uid)
    if not read_before and known is not None and package.sequence <= known.last_sequence:
        raise PackageError(
            "package.replayed",
            file=name,
            unit=unit_label(db, package.unit_uid),
            sequence=package.sequence,
            last=known.last_sequence,
        )
    returned_by = str(package.manifest.get("created_by", ""))
    notes = tuple(
        ReturnedNote(
            answers,
            answers,
            station.unit_uid,
            parse_period(n.period),
            n.indicator,
            n.reason,
            package.created_at,
            returned_by,
        )
        for n in package.notes
    )
    return CheckedReturn(package, record_new_key, notes, read_before)


def keep_return(db: Database, checked: CheckedReturn, *, user: str) -> list[ReturnedNote]:
    """Keep a checked return's reasons, which the entry screens show on the affected
    figures; returns them as kept. A return read before changes nothing."""
    package = checked.package
    answers = str(package.manifest.get("answers", ""))
    unit = require_workstation(db, StationRole.WARD).unit_uid
    if not checked.read_before:
        with db.atomic():
            if checked.record_key:
                _record_signer(db, package, user)
            record_returned(db, checked.notes)
            note_sequence(db, package.unit_uid, package.sequence)
    return [n for n in returned_notes(db, unit) if n.return_id == answers]


# -- the district decides ----------------------------------------------------------------


def decide(
    db: Database,
    import_id: int,
    *,
    user: str,
    reject: Mapping[ItemKey, str] | None = None,
    token: str | None = None,
) -> Done[Decided]:
    """Accept a pending package's values but those in ``reject`` (key → reason), all or
    nothing, with the ward's report text; with ``token`` (from the review shown),
    refused if anything changed since (``store.review.decide``)."""
    decided = decide_in_store(db, import_id, user=user, reject=reject, token=token)
    return Done(decided, FIGURES | Changes(document=True, packages=True))


def rollback(db: Database, import_id: int, *, user: str, reason: str = "") -> Done[int]:
    """Put back exactly the figures an accepted package replaced; how many."""
    count = rollback_in_store(db, import_id, user=user, reason=reason)
    return Done(count, FIGURES | Changes(packages=True))

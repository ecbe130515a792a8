"""Ward offices and the district: set-up, packages out and in, returns — the functions the
screens and the command line call.

A ward office exports its figures for one or more periods as a signed package
(:func:`export_package`); the district imports it in two steps (:func:`import_package`
checks the file against everything it knows and keeps it as pending, returning the
review; ``store.review.decide`` accepts or rejects) and can send it back with a reason
(:func:`return_package`), which the ward imports (:func:`import_return`) to see the
reasons on its figures. A file refused here leaves the database exactly as it was: every
check runs before the first write.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlite_utils import Database

from hbt_desktop.core.errors import HbtError
from hbt_desktop.core.i18n import register
from hbt_desktop.core.periods import Period
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
from hbt_desktop.store.accounts import Account, Role, Session, create_account, has_accounts
from hbt_desktop.store.audit import head_hash
from hbt_desktop.store.catalogue import load_catalogue
from hbt_desktop.store.documents import load_document
from hbt_desktop.store.guard import subtree, unit_label
from hbt_desktop.store.packages import (
    ReturnedNote,
    SentPackage,
    TrustedKey,
    record_key,
    record_returned,
    record_sent,
    returned_notes,
    trusted_key,
)
from hbt_desktop.store.review import (
    Received,
    compare,
    find_import,
    get_import,
    item_reasons,
    mark_returned,
    raw_package,
    receive,
    review,
)
from hbt_desktop.store.units import load_units
from hbt_desktop.store.values import values_for
from hbt_desktop.store.workstation import (
    StationRole,
    Workstation,
    get_workstation,
    require_workstation,
    set_workstation,
    take_sequence,
)

register(
    {
        "package.unknown_sender": {
            "vi": "Lần đầu nhận tệp của {unit}. Mã nhận dạng khóa trong tệp là {fingerprint}. "
            'Hãy gọi điện cho {unit} để đối chiếu mã này, rồi xác nhận (--trust "{fingerprint}") '
            "hoặc nạp tệp khóa của đơn vị.",
            "en": "First file from {unit}. The key fingerprint in the file is {fingerprint}. "
            'Telephone {unit} to compare it, then confirm it (--trust "{fingerprint}") or '
            "load the office's key file.",
        },
        "package.wrong_key": {
            "vi": "Tệp {file} không được ký bằng khóa đã ghi nhận của {unit} (mã trong tệp "
            "{fingerprint}, mã đã ghi nhận {known}). Không nhận tệp này.",
            "en": "{file} is not signed with the key recorded for {unit} (fingerprint in the "
            "file {fingerprint}, recorded {known}). It is not accepted.",
        },
        "package.other_unit": {
            "vi": "Tệp {file} là số liệu của {unit}, không phải đơn vị thuộc {office}. Không "
            "nhận tệp này.",
            "en": "{file} holds the figures of {unit}, which is not a unit of {office}. It is "
            "not accepted.",
        },
        "package.not_for_us": {
            "vi": "Tệp {file} gửi cho {unit}, không phải cho {office}.",
            "en": "{file} is addressed to {unit}, not to {office}.",
        },
        "package.value_other_unit": {
            "vi": "Tệp {file} của {unit} lại chứa số liệu của đơn vị khác hoặc kỳ khác ({key}). "
            "Không nhận tệp này.",
            "en": "{file} from {unit} holds a figure of another unit or period ({key}). It is "
            "not accepted.",
        },
        "package.unknown_indicator": {
            "vi": "Tệp {file} có chỉ tiêu {code} mà danh mục ở đây không có hoặc khác loại. "
            "Hãy cập nhật danh mục trước.",
            "en": "{file} has the indicator {code}, which the catalogue here lacks or has as "
            "another kind. Update the catalogue first.",
        },
        "package.replayed": {
            "vi": "Tệp {file} là tệp cũ của {unit} (số {sequence}); đã nhận tệp số {last} mới "
            "hơn. Không nhận lại tệp cũ.",
            "en": "{file} is an older file of {unit} (number {sequence}); number {last}, a newer "
            "one, was already received. The older file is not accepted.",
        },
        "package.id_reused": {
            "vi": "Tệp {file} mang mã gói đã nhận trước đây nhưng nội dung khác. Không nhận "
            "tệp này.",
            "en": "{file} carries the id of a package received before, with other content. It "
            "is not accepted.",
        },
        "package.wrong_kind": {
            "vi": "Tệp {file} không phải loại tệp nhận được trên máy này.",
            "en": "{file} is not a kind of file this workstation takes.",
        },
        "package.nothing": {
            "vi": "Không có số liệu nào của {unit} cho kỳ đã chọn để xuất.",
            "en": "{unit} has no figures for the chosen periods to export.",
        },
    }
)


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
    by: Session | None = None,
    key_folder: Path | None = None,
) -> SetupResult:
    """Make this workstation a ward office or the district: a key pair (kept if one was
    made before), the role, and — on a workstation without accounts — its administrator.
    Changing an existing set-up needs an administrator's session ``by``."""
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
    return SetupResult(found, signing.fingerprint(public), path)


def own_key(db: Database, key_folder: Path | None = None) -> tuple[Workstation, bytes]:
    station = require_workstation(db)
    key = signing.load_private_key(signing.key_path(station.station_id, key_folder))
    return station, signing.public_bytes(key)


def export_public_key(db: Database, path: Path) -> str:
    """Write this workstation's public key file (for first contact); returns its fingerprint."""
    station = require_workstation(db)
    raw = signing.decode_key(station.public_key)
    assert raw is not None
    signing.write_public_key_file(path, station.unit_uid, unit_label(db, station.unit_uid), raw)
    return signing.fingerprint(raw)


def trust_sender(
    db: Database,
    unit_uid: str,
    public_key: str,
    confirmed_fingerprint: str,
    *,
    user: str,
    replace: bool = False,
    by: Session | None = None,
) -> TrustedKey:
    """Record another office's key once its fingerprint was confirmed by the clerk
    (replacing a different key needs an administrator's session ``by``)."""
    from hbt_desktop.store.packages import TrustError

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
    return record_key(
        db,
        unit_uid,
        public_key,
        actual,
        source="fingerprint confirmed",
        user=user,
        replace=replace,
        by=by,
    )


def trust_key_file(
    db: Database, path: Path, *, user: str, replace: bool = False, by: Session | None = None
) -> TrustedKey:
    """Record another office's key from its key file (brought on a USB stick by hand)."""
    unit_uid, raw = signing.read_public_key_file(path)
    return record_key(
        db,
        unit_uid,
        signing.encode_key(raw),
        signing.fingerprint(raw),
        source="key file",
        user=user,
        replace=replace,
        by=by,
    )


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
) -> Exported:
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
    return Exported(path, package_id, sequence, len(values), len(documents), sha)


# -- the district receives -------------------------------------------------------------


def _check_trust(db: Database, package: Package, trust_fingerprint: str | None) -> bool:
    """True when the sender's key must be recorded (first contact, confirmed)."""
    known = trusted_key(db, package.unit_uid)
    encoded = signing.encode_key(package.signer)
    if known is None:
        if trust_fingerprint and signing.same_fingerprint(trust_fingerprint, package.fingerprint):
            return True
        if trust_fingerprint:
            trust_sender(db, package.unit_uid, encoded, trust_fingerprint, user="")  # raises
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


def import_package(
    db: Database,
    path: Path,
    *,
    user: str,
    dry_run: bool = False,
    trust_fingerprint: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    before_write: Callable[[], object] | None = None,
    now: datetime | None = None,
) -> Review:
    """Step one at the district: check the file and keep it as pending; the review.
    (``now``: when it was received, for the completeness table; default the clock.)

    Every check (signature, hashes, sender's key, unit, periods, catalogue, replay) runs
    before anything is written; a refused file raises and changes nothing. The same file
    again returns its review (``already_received``) and changes nothing. ``dry_run``
    returns the review without keeping anything; ``before_write`` runs (e.g. a backup)
    just before the first write.
    """
    station = require_workstation(db, StationRole.DISTRICT)
    package = read_package(Path(path), limits=limits)
    _check_figures(db, package, station)
    record_new_key = _check_trust(db, package, trust_fingerprint)
    existing = _check_replay(db, package)
    if existing is not None:
        found = review(db, existing)
        found.already_received = True
        return found
    if dry_run:
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
    if before_write is not None:
        before_write()
    with db.atomic():
        if record_new_key:
            record_key(
                db,
                package.unit_uid,
                signing.encode_key(package.signer),
                package.fingerprint,
                source="fingerprint confirmed",
                user=user,
            )
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
) -> Exported:
    """Send a pending package back to its ward with a reason (and reasons per value):
    marks it returned and writes the signed return file for the ward."""
    require_workstation(db, StationRole.DISTRICT)
    signing.load_private_key(  # refuse before marking anything if the key is missing
        signing.key_path(require_workstation(db).station_id, key_folder)
    )
    with db.atomic():
        mark_returned(db, import_id, reason, user=user, notes=notes)
        return write_return_file(db, import_id, path, user=user, key_folder=key_folder)


def write_return_file(
    db: Database,
    import_id: int,
    path: Path,
    *,
    user: str,
    key_folder: Path | None = None,
) -> Exported:
    """(Again) write the return file of a returned package."""
    station = require_workstation(db, StationRole.DISTRICT)
    key = signing.load_private_key(signing.key_path(station.station_id, key_folder))
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


def import_return(
    db: Database,
    path: Path,
    *,
    user: str,
    trust_fingerprint: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> list[ReturnedNote]:
    """At the ward office: read the district's return file and keep its reasons, which the
    entry screens show on the affected figures. The same file again changes nothing."""
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
    already = {n.return_id for n in returned_notes(db, station.unit_uid)}
    known = trusted_key(db, package.unit_uid)
    if answers not in already and known is not None and package.sequence <= known.last_sequence:
        raise PackageError(
            "package.replayed",
            file=name,
            unit=unit_label(db, package.unit_uid),
            sequence=package.sequence,
            last=known.last_sequence,
        )
    from hbt_desktop.core.periods import parse_period

    returned_by = str(package.manifest.get("created_by", ""))
    notes = [
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
    ]
    if answers in already:
        return [n for n in returned_notes(db, station.unit_uid) if n.return_id == answers]
    with db.atomic():
        if record_new_key:
            record_key(
                db,
                package.unit_uid,
                signing.encode_key(package.signer),
                package.fingerprint,
                source="fingerprint confirmed",
                user=user,
            )
        record_returned(db, notes)
        from hbt_desktop.store.packages import note_sequence

        note_sequence(db, package.unit_uid, package.sequence)
    return [n for n in returned_notes(db, station.unit_uid) if n.return_id == answers]


def saved_package(db: Database, import_id: int, path: Path) -> Path:
    """Write a received package's signed bytes back to a file (to keep or re-check)."""
    path.write_bytes(raw_package(db, import_id))
    return path


__all__ = [
    "Exported",
    "Role",
    "SetupResult",
    "UnknownSender",
    "export_package",
    "export_public_key",
    "import_package",
    "import_return",
    "return_package",
    "set_up_workstation",
    "trust_key_file",
    "trust_sender",
    "write_return_file",
]

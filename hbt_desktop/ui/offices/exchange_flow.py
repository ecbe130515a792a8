"""The exchange between ward offices and the district, as the Exchange menu runs it.

Each function is one clerk's action: choose a file, run one ``app`` call in the
background (the task runner, with the busy indicator of the status bar), tell the
session what changed, say what was done. Every import from here backs the data file up
first (``app.imports``): a file that turns out to be wrong can always be undone by
restoring the copy made just before it. Each flow takes what it uses — the window its
dialogs belong to (``parent``), the session, the document controller, the task runner —
never the whole main window.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from hbt_desktop.app import exports, imports, offices
from hbt_desktop.app.offices import UnknownSender
from hbt_desktop.app.opening import DataFile
from hbt_desktop.core.access import StationRole
from hbt_desktop.core.errors import HbtError
from hbt_desktop.core.periods import format_period
from hbt_desktop.store.guard import unit_label
from hbt_desktop.store.workstation import require_workstation
from hbt_desktop.ui.document.controller import DocumentController
from hbt_desktop.ui.offices.completeness_dialog import CompletenessDialog
from hbt_desktop.ui.offices.imports_dialog import ImportsDialog
from hbt_desktop.ui.offices.returned_dialog import ReturnedDialog
from hbt_desktop.ui.offices.review_dialog import ReviewDialog
from hbt_desktop.ui.offices.trust_dialog import CONFIRMED, KEY_FILE, TrustDialog
from hbt_desktop.ui.session import Session
from hbt_desktop.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from sqlite_utils import Database

    from hbt_desktop.app.changes import Done
    from hbt_desktop.app.offices import Exported
    from hbt_desktop.core.review import Review
    from hbt_desktop.exchange.entry_sheet import SheetImport
    from hbt_desktop.store.packages import ReturnedNote

PACKAGES = "hbt-desktop (*.hbt)"
T = TypeVar("T")


translate = QCoreApplication.translate


def _station(session: Session, role: StationRole) -> str:
    """This workstation's unit, refusing when it is not set up (or not as ``role``)."""
    return require_workstation(session.db, role).unit_uid


def _with_path(path: str, suffix: str) -> Path:
    return Path(path) if path.lower().endswith(suffix) else Path(path + suffix)


@dataclass(frozen=True)
class Trust:
    """The clerk's answer at first contact: the fingerprint confirmed by telephone, or
    the other office's key file."""

    fingerprint: str | None = None
    key_file: Path | None = None


def confirm_sender(parent: QWidget, exc: UnknownSender) -> Trust | None:
    """First contact: the fingerprint confirmed, a key file chosen, or None (cancelled)."""
    unit = str(exc.params.get("unit", exc.unit_uid))
    dialog = TrustDialog(parent, unit, exc.fingerprint)
    code = dialog.exec()
    if code == CONFIRMED:
        return Trust(fingerprint=exc.fingerprint)
    if code == KEY_FILE and dialog.key_file is not None:
        return Trust(key_file=dialog.key_file)
    return None


def _received_file(
    parent: QWidget,
    tasks: TaskRunner,
    session: Session,
    receive: Callable[[Database, Trust], T],
    on_done: Callable[[T], None],
    label: str,
) -> None:
    """Run ``receive`` in the background; at first contact ask the clerk about the
    sender's key and run it again with the answer."""

    def attempt(trust: Trust) -> None:
        tasks.on_file(session.db_path, lambda db: receive(db, trust), on_done, label, first_contact)

    def first_contact(error: BaseException) -> bool:
        if not isinstance(error, UnknownSender):
            return False
        answer = confirm_sender(parent, error)
        if answer is not None:
            attempt(answer)
        return True

    attempt(Trust())


# -- a ward office ---------------------------------------------------------------------------


def send_package(
    parent: QWidget, session: Session, controller: DocumentController, tasks: TaskRunner
) -> None:
    """Gửi số liệu cho quận: the chosen period's figures and report text as a signed file."""
    session.require_writable()
    uid = _station(session, StationRole.WARD)
    controller.flush()  # the report text typed a moment ago goes with the figures
    unit = session.source.units.get(uid)
    period = session.period
    suggested = f"{unit.code}-{period.id.replace('@', '-')}.hbt"
    path, _ = QFileDialog.getSaveFileName(
        parent,
        translate("Exchange", "Send the figures of {unit}, {period} to the district").format(
            unit=unit.full_name, period=format_period(period)
        ),
        suggested,
        PACKAGES,
    )
    if not path:
        return
    target, user = _with_path(path, ".hbt"), session.user

    def send(db: Database) -> tuple[Done[Exported], str]:
        return offices.export_package(db, target, [period], user=user), offices.own_fingerprint(db)

    def sent(result: tuple[Done[Exported], str]) -> None:
        done, fingerprint = result
        session.changed(done.changes)
        QMessageBox.information(
            parent,
            translate("Exchange", "Figures sent"),
            translate(
                "Exchange",
                "Written {path}: {values} figures and {documents} report texts of {period} "
                "(file number {sequence}). Take it to the district on a USB stick or send it "
                "by e-mail. If it is the first file the district gets from this office, read "
                "them this key fingerprint by telephone: {fingerprint}",
            ).format(
                path=done.value.path,
                values=done.value.values,
                documents=done.value.documents,
                period=format_period(period),
                sequence=done.value.sequence,
                fingerprint=fingerprint,
            ),
        )

    tasks.on_file(session.db_path, send, sent, translate("Exchange", "Signing the file…"))


def read_return(parent: QWidget, session: Session, tasks: TaskRunner) -> None:
    """At the ward: the district's returned file, whose reasons are shown on the cells."""
    session.require_writable()
    _station(session, StationRole.WARD)
    path, _ = QFileDialog.getOpenFileName(
        parent, translate("Exchange", "Open the file returned by the district"), "", PACKAGES
    )
    if not path:
        return
    source, path_, user = Path(path), session.db_path, session.user

    def receive(db: Database, trust: Trust) -> Done[list[ReturnedNote]]:
        return imports.read_return(
            DataFile(db, path_),
            source,
            user=user,
            trust_fingerprint=trust.fingerprint,
            key_file=trust.key_file,
        )

    def received(done: Done[list[ReturnedNote]]) -> None:
        session.changed(done.changes)
        QMessageBox.information(
            parent,
            translate("Exchange", "Returned by the district"),
            translate(
                "Exchange",
                "The district returned the figures with {count} reasons. The figures "
                "concerned are marked in orange on the entry screen; correct them and send "
                "the figures again.",
            ).format(count=len(done.value)),
        )
        ReturnedDialog(parent, session).exec()

    label = translate("Exchange", "Reading the returned file…")
    _received_file(parent, tasks, session, receive, received, label)


# -- the district ----------------------------------------------------------------------------


def receive_package(
    parent: QWidget, session: Session, tasks: TaskRunner, path: Path | None = None
) -> None:
    """Nhận số liệu từ phường: check the file and keep it as pending, then the review.
    ``path`` is a file opened from Windows Explorer (``hbt-desktop PATH.hbt``); otherwise
    the clerk chooses it."""
    session.require_writable()
    _station(session, StationRole.DISTRICT)
    if path is None:
        chosen, _ = QFileDialog.getOpenFileName(
            parent, translate("Exchange", "Receive figures from a ward"), "", PACKAGES
        )
        if not chosen:
            return
        path = Path(chosen)
    receive_file(parent, session, tasks, path)


def receive_file(parent: QWidget, session: Session, tasks: TaskRunner, source: Path) -> None:
    """Step one for ``source``: checked and kept as pending, a backup first; its review."""
    path, user = session.db_path, session.user

    def receive(db: Database, trust: Trust) -> Done[Review]:
        return imports.receive_package(
            DataFile(db, path),
            source,
            user=user,
            trust_fingerprint=trust.fingerprint,
            key_file=trust.key_file,
        )

    def received(done: Done[Review]) -> None:
        session.changed(done.changes)
        found = done.value
        if found.already_received:
            QMessageBox.information(
                parent,
                translate("Exchange", "Received before"),
                translate(
                    "Exchange",
                    "This file was received before; nothing changed. Its review opens again.",
                ),
            )
        if found.import_id is not None:
            ReviewDialog(parent, session, tasks, found.import_id).exec()

    label = translate("Exchange", "Checking the ward's file…")
    _received_file(parent, tasks, session, receive, received, label)


def received_files(parent: QWidget, session: Session, tasks: TaskRunner) -> None:
    ImportsDialog(parent, session, tasks).exec()


def show_completeness(parent: QWidget, session: Session, tasks: TaskRunner) -> None:
    station = session.station
    district = station[1] if station and station[0] is StationRole.DISTRICT else session.unit_uid
    if not district:
        raise HbtError("ui.need_station")
    CompletenessDialog(parent, session, tasks, district).exec()


def show_returned(parent: QWidget, session: Session) -> None:
    ReturnedDialog(parent, session).exec()


# -- keys ------------------------------------------------------------------------------------


def show_own_key(parent: QWidget, session: Session) -> None:
    fingerprint = offices.own_fingerprint(session.db)
    answer = QMessageBox.question(
        parent,
        translate("Exchange", "This workstation's key"),
        translate(
            "Exchange",
            "The fingerprint of this workstation's key is:\n\n{fingerprint}\n\nRead it to "
            "the other office by telephone when they receive your first file. Save the key "
            "file too, to give it to them on a USB stick?",
        ).format(fingerprint=fingerprint),
    )
    if answer != QMessageBox.StandardButton.Yes:
        return
    path, _ = QFileDialog.getSaveFileName(
        parent,
        translate("Exchange", "Save the key file"),
        "khoa-cong-khai.key",
        translate("Exchange", "Key files (*.key)"),
    )
    if path:
        offices.export_public_key(session.db, _with_path(path, ".key"))


def trust_key(parent: QWidget, session: Session) -> None:
    session.require_writable()
    path, _ = QFileDialog.getOpenFileName(
        parent,
        translate("Exchange", "Record another office's key file"),
        "",
        translate("Exchange", "Key files (*.key)"),
    )
    if not path:
        return
    done = offices.trust_key_file(session.db, Path(path), user=session.user)
    session.changed(done.changes)
    trusted = done.value
    QMessageBox.information(
        parent,
        translate("Exchange", "Key recorded"),
        translate("Exchange", "The key of {unit} is recorded (fingerprint {fingerprint}).").format(
            unit=unit_label(session.db, trusted.unit_uid), fingerprint=trusted.fingerprint
        ),
    )


# -- entry sheets ----------------------------------------------------------------------------


def export_sheet(parent: QWidget, session: Session, tasks: TaskRunner) -> None:
    unit = session.unit
    if unit is None:
        return
    period = session.period
    suggested = f"nhap-{unit.code}-{period.id.replace('@', '-')}.xlsx"
    path, _ = QFileDialog.getSaveFileName(
        parent,
        translate("Exchange", "Export an entry sheet for {unit}, {period}").format(
            unit=unit.full_name, period=format_period(period)
        ),
        suggested,
        translate("Exchange", "Excel workbooks (*.xlsx)"),
    )
    if not path:
        return
    target = _with_path(path, ".xlsx")

    def written(count: int) -> None:
        QMessageBox.information(
            parent,
            translate("Exchange", "Entry sheet"),
            translate(
                "Exchange",
                "Written {path} with {count} indicators. Fill in the three yellow columns, "
                "then import it back (Exchange menu).",
            ).format(path=target, count=count),
        )

    tasks.on_file(
        session.db_path,
        lambda db: exports.export_sheet(db, target, unit.uid, period),
        written,
        translate("Exchange", "Writing the entry sheet…"),
    )


def import_sheet(parent: QWidget, session: Session, tasks: TaskRunner) -> None:
    session.require_writable()
    path, _ = QFileDialog.getOpenFileName(
        parent,
        translate("Exchange", "Import a filled-in entry sheet"),
        "",
        translate("Exchange", "Excel workbooks (*.xlsx)"),
    )
    if not path:
        return
    if not confirm_legacy_text(parent, Path(path)):
        return
    source, path_, user = Path(path), session.db_path, session.user
    label = translate("Exchange", "Reading the entry sheet…")

    def run(take_valid_rows: bool) -> None:
        tasks.on_file(
            path_,
            lambda db: imports.import_sheet(
                DataFile(db, path_), source, user=user, take_valid_rows=take_valid_rows
            ),
            lambda done: imported(done, take_valid_rows),
            label,
        )

    def imported(done: Done[SheetImport], took_valid_rows: bool) -> None:
        session.changed(done.changes)
        result = done.value
        if result.errors and not result.stored and not took_valid_rows:
            answer = QMessageBox.question(
                parent,
                translate("Exchange", "Entry sheet"),
                translate(
                    "Exchange",
                    "{summary}\n\nTake only the valid rows now, and correct the others later?",
                ).format(summary=result.summary()),
            )
            if answer == QMessageBox.StandardButton.Yes:
                run(take_valid_rows=True)
            return
        QMessageBox.information(parent, translate("Exchange", "Entry sheet"), result.summary())

    run(take_valid_rows=False)


def confirm_legacy_text(parent: QWidget, path: Path) -> bool:
    """A file typed in TCVN3/VNI fonts: show what its text becomes, and go on if asked."""
    converted = imports.legacy_text(path)
    if converted is None:
        return True
    answer = QMessageBox.question(
        parent,
        translate("Exchange", "Old Vietnamese fonts"),
        translate("Exchange", "{preview}\n\nImport the file with the converted text?").format(
            preview=converted
        ),
    )
    return answer == QMessageBox.StandardButton.Yes

"""The exchange between ward offices and the district, as the menu's actions run it.

Each function is one clerk's action from the Exchange menu: choose a file, call
``exchange``/``store`` once, say what was done. Every import from here is preceded by a
backup (``store.file.backup.backup_before``): a file that turns out to be wrong can always be
undone by restoring the copy made just before it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from hbt_desktop.core.errors import HbtError
from hbt_desktop.core.periods import format_period

if TYPE_CHECKING:
    from hbt_desktop.exchange.offices import UnknownSender
    from hbt_desktop.ui.main_window import MainWindow

PACKAGES = "hbt-desktop (*.hbt)"


translate = QCoreApplication.translate


def _station(window: MainWindow, role: str) -> str:
    """This workstation's unit, refusing when it is not set up (or not as ``role``)."""
    from hbt_desktop.store.workstation import StationRole, require_workstation

    return require_workstation(window.session.db, StationRole(role)).unit_uid


def _backup(window: MainWindow) -> None:
    from hbt_desktop.store.file.backup import backup_before

    s = window.session
    backup_before(s.db, s.db_path, "import")


def own_fingerprint(window: MainWindow) -> str:
    from hbt_desktop.exchange import signing
    from hbt_desktop.store.workstation import require_workstation

    raw = signing.decode_key(require_workstation(window.session.db).public_key)
    return signing.fingerprint(raw) if raw else ""


def _with_path(path: str, suffix: str) -> Path:
    return Path(path) if path.lower().endswith(suffix) else Path(path + suffix)


# -- a ward office ---------------------------------------------------------------------------


def send_package(window: MainWindow) -> None:
    """Gửi số liệu cho quận: the chosen period's figures and report text as a signed file."""
    from hbt_desktop.exchange.offices import export_package

    s = window.session
    s.require_writable()
    uid = _station(window, "ward")
    window.controller.flush()  # the report text typed a moment ago goes with the figures
    unit = s.source.units.get(uid)
    period = s.period
    suggested = f"{unit.code}-{period.id.replace('@', '-')}.hbt"
    path, _ = QFileDialog.getSaveFileName(
        window,
        translate("Exchange", "Send the figures of {unit}, {period} to the district").format(
            unit=unit.full_name, period=format_period(period)
        ),
        suggested,
        PACKAGES,
    )
    if not path:
        return
    done = export_package(s.db, _with_path(path, ".hbt"), [period], user=s.user)
    QMessageBox.information(
        window,
        translate("Exchange", "Figures sent"),
        translate(
            "Exchange",
            "Written {path}: {values} figures and {documents} report texts of {period} "
            "(file number {sequence}). Take it to the district on a USB stick or send it by "
            "e-mail. If it is the first file the district gets from this office, read them "
            "this key fingerprint by telephone: {fingerprint}",
        ).format(
            path=done.path,
            values=done.values,
            documents=done.documents,
            period=format_period(period),
            sequence=done.sequence,
            fingerprint=own_fingerprint(window),
        ),
    )
    window.reload_pages()  # the district's returned reasons are answered by this file


def read_return(window: MainWindow) -> None:
    """At the ward: the district's returned file, whose reasons are shown on the cells."""
    from hbt_desktop.exchange.offices import import_return

    s = window.session
    s.require_writable()
    _station(window, "ward")
    path, _ = QFileDialog.getOpenFileName(
        window, translate("Exchange", "Open the file returned by the district"), "", PACKAGES
    )
    if not path:
        return
    _backup(window)
    trust: str | None = None
    while True:
        try:
            notes = import_return(s.db, Path(path), user=s.user, trust_fingerprint=trust)
            break
        except _unknown_sender() as exc:
            answer = confirm_sender(window, exc)
            if answer is None:
                return
            trust = answer or None
    window.reload_pages()
    QMessageBox.information(
        window,
        translate("Exchange", "Returned by the district"),
        translate(
            "Exchange",
            "The district returned the figures with {count} reasons. The figures concerned "
            "are marked in orange on the entry screen; correct them and send the figures "
            "again.",
        ).format(count=len(notes)),
    )
    from hbt_desktop.ui.offices.returned_dialog import ReturnedDialog

    ReturnedDialog(window, s).exec()


# -- the district ----------------------------------------------------------------------------


def _unknown_sender() -> type[UnknownSender]:
    from hbt_desktop.exchange.offices import UnknownSender

    return UnknownSender


def confirm_sender(window: MainWindow, exc: UnknownSender) -> str | None:
    """First contact: the fingerprint confirmed ("…"), a key file recorded (""), or None."""
    from hbt_desktop.exchange.offices import trust_key_file
    from hbt_desktop.ui.offices.trust_dialog import CONFIRMED, KEY_FILE, TrustDialog

    unit = str(exc.params.get("unit", exc.unit_uid))
    dialog = TrustDialog(window, unit, exc.fingerprint)
    code = dialog.exec()
    if code == CONFIRMED:
        return exc.fingerprint
    if code == KEY_FILE and dialog.key_file is not None:
        s = window.session
        trust_key_file(s.db, dialog.key_file, user=s.user)
        return ""
    return None


def receive_file(window: MainWindow, path: Path) -> int | None:
    """Step one: check the ward's file and keep it as pending; its number, or None."""
    from hbt_desktop.exchange.offices import import_package

    s = window.session
    trust: str | None = None
    while True:
        try:
            found = import_package(
                s.db,
                path,
                user=s.user,
                trust_fingerprint=trust,
                before_write=lambda: _backup(window),
            )
            break
        except _unknown_sender() as exc:
            answer = confirm_sender(window, exc)
            if answer is None:
                return None
            trust = answer or None
    if found.already_received:
        QMessageBox.information(
            window,
            translate("Exchange", "Received before"),
            translate(
                "Exchange",
                "This file was received before; nothing changed. Its review opens again.",
            ),
        )
    return found.import_id


def receive_package(window: MainWindow, path: Path | None = None) -> None:
    """Nhận số liệu từ phường: check the file, then the review screen. ``path`` is a file
    opened from Windows Explorer (``hbt-desktop PATH.hbt``); otherwise the clerk chooses."""
    from hbt_desktop.ui.offices.review_dialog import ReviewDialog

    s = window.session
    s.require_writable()
    _station(window, "district")
    if path is None:
        chosen, _ = QFileDialog.getOpenFileName(
            window, translate("Exchange", "Receive figures from a ward"), "", PACKAGES
        )
        if not chosen:
            return
        path = Path(chosen)
    import_id = receive_file(window, path)
    if import_id is not None:
        ReviewDialog(window, s, import_id).exec()


def received_files(window: MainWindow) -> None:
    from hbt_desktop.ui.offices.imports_dialog import ImportsDialog

    ImportsDialog(window, window.session).exec()


def show_completeness(window: MainWindow) -> None:
    from hbt_desktop.ui.offices.completeness_dialog import CompletenessDialog

    s = window.session
    station = s.station
    district = station[1] if station and station[0] == "district" else s.unit_uid
    if not district:
        raise HbtError("ui.need_station")
    CompletenessDialog(window, s, district).exec()


def show_returned(window: MainWindow) -> None:
    from hbt_desktop.ui.offices.returned_dialog import ReturnedDialog

    ReturnedDialog(window, window.session).exec()


# -- keys ------------------------------------------------------------------------------------


def show_own_key(window: MainWindow) -> None:
    from hbt_desktop.exchange.offices import export_public_key

    s = window.session
    fingerprint = own_fingerprint(window)
    answer = QMessageBox.question(
        window,
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
        window,
        translate("Exchange", "Save the key file"),
        "khoa-cong-khai.key",
        translate("Exchange", "Key files (*.key)"),
    )
    if path:
        export_public_key(s.db, _with_path(path, ".key"))


def trust_key(window: MainWindow) -> None:
    from hbt_desktop.exchange.offices import trust_key_file
    from hbt_desktop.store.guard import unit_label

    s = window.session
    s.require_writable()
    path, _ = QFileDialog.getOpenFileName(
        window,
        translate("Exchange", "Record another office's key file"),
        "",
        translate("Exchange", "Key files (*.key)"),
    )
    if not path:
        return
    trusted = trust_key_file(s.db, Path(path), user=s.user)
    QMessageBox.information(
        window,
        translate("Exchange", "Key recorded"),
        translate("Exchange", "The key of {unit} is recorded (fingerprint {fingerprint}).").format(
            unit=unit_label(s.db, trusted.unit_uid), fingerprint=trusted.fingerprint
        ),
    )


# -- entry sheets ----------------------------------------------------------------------------


def export_sheet(window: MainWindow) -> None:
    from hbt_desktop.exchange.entry_sheet import export_entry_sheet

    s = window.session
    unit = s.unit
    if unit is None:
        return
    suggested = f"nhap-{unit.code}-{s.period.id.replace('@', '-')}.xlsx"
    path, _ = QFileDialog.getSaveFileName(
        window,
        translate("Exchange", "Export an entry sheet for {unit}, {period}").format(
            unit=unit.full_name, period=format_period(s.period)
        ),
        suggested,
        translate("Exchange", "Excel workbooks (*.xlsx)"),
    )
    if not path:
        return
    target = _with_path(path, ".xlsx")
    count = export_entry_sheet(s.db, target, unit.uid, s.period)
    QMessageBox.information(
        window,
        translate("Exchange", "Entry sheet"),
        translate(
            "Exchange",
            "Written {path} with {count} indicators. Fill in the three yellow columns, then "
            "import it back (Exchange menu).",
        ).format(path=target, count=count),
    )


def import_sheet(window: MainWindow) -> None:
    from hbt_desktop.exchange.entry_sheet import import_entry_sheet

    s = window.session
    s.require_writable()
    path, _ = QFileDialog.getOpenFileName(
        window,
        translate("Exchange", "Import a filled-in entry sheet"),
        "",
        translate("Exchange", "Excel workbooks (*.xlsx)"),
    )
    if not path:
        return
    if not confirm_legacy_text(window, Path(path)):
        return
    _backup(window)
    result = import_entry_sheet(s.db, Path(path), user=s.user)
    if result.errors and not result.stored:
        answer = QMessageBox.question(
            window,
            translate("Exchange", "Entry sheet"),
            translate(
                "Exchange",
                "{summary}\n\nTake only the valid rows now, and correct the others later?",
            ).format(summary=result.summary()),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        result = import_entry_sheet(s.db, Path(path), user=s.user, take_valid_rows=True)
    s.figures_stored()
    QMessageBox.information(window, translate("Exchange", "Entry sheet"), result.summary())


def confirm_legacy_text(window: MainWindow, path: Path) -> bool:
    """A file typed in TCVN3/VNI fonts: show what its text becomes, and go on if asked."""
    from hbt_desktop.exchange.legacy_text import preview

    converted = preview(path)
    if converted is None:
        return True
    answer = QMessageBox.question(
        window,
        translate("Exchange", "Old Vietnamese fonts"),
        translate("Exchange", "{preview}\n\nImport the file with the converted text?").format(
            preview=converted.message()
        ),
    )
    return answer == QMessageBox.StandardButton.Yes

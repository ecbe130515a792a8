"""Every import from the screens leaves a backup first, as those of the command line do
(tests/test_import_backups.py): an entry sheet, a ward's package at the district, the
district's return at the ward, a document. Each is run as the clerk runs it, through the
menus and the background task runner."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox

from hbt_desktop.app.exports import export_sheet
from hbt_desktop.app.imports import receive_package
from hbt_desktop.app.offices import (
    export_package,
    export_public_key,
    return_package,
    trust_key_file,
)
from hbt_desktop.app.opening import DataFile
from hbt_desktop.core.access import StationRole
from hbt_desktop.core.periods import parse_period
from hbt_desktop.core.values import Value
from hbt_desktop.store.file.connection import open_database
from hbt_desktop.store.writes import write_values
from hbt_desktop.ui.offices.returned_dialog import ReturnedDialog
from hbt_desktop.ui.offices.review_dialog import ReviewDialog
from hbt_desktop.ui.offices.trust_dialog import CONFIRMED, TrustDialog
from tests.offices.conftest import COUNT, Q1, make_office
from tests.test_import_backups import Case, assert_backed_up_first, fill_sheet
from tests.ui.conftest import Dialogs, run_dialog, settle


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    """Phường An and its district on files, their keys where the program looks."""
    keys = tmp_path / "keys"
    keys.mkdir(exist_ok=True)
    found = {}
    for name, role, unit in (("quan", StationRole.DISTRICT, "QX"), ("an", StationRole.WARD, "PA")):
        office = make_office(tmp_path / name, name, role, unit)
        office.close()
        for pem in office.keys.glob("*.pem"):
            shutil.copy(pem, keys / pem.name)
        found[name] = office.path
    return found


def _sent(files: dict[str, Path], tmp_path: Path) -> Path:
    """An's first quarter, sent as a file."""
    db = open_database(files["an"])
    write_values(db, [Value(COUNT, "PA", Q1, Decimal(12), updated_by="lap")])
    package = export_package(db, tmp_path / "an.hbt", [Q1], user="lap").value.path
    db.close()
    return package


def from_the_menu(window: Any, action: Any, dialogs: Dialogs, source: Path) -> Case:
    """The import of ``source`` by the menu ``action``, run to its end (background)."""
    dialogs.open_path = str(source)

    def run() -> None:
        action.trigger()
        settle(window)

    return Case(window.session.db_path, run)


def test_an_entry_sheet(
    make_window: Any, files: dict[str, Path], dialogs: Dialogs, tmp_path: Path
) -> None:
    sheet = tmp_path / "nhap.xlsx"
    db = open_database(files["an"])
    export_sheet(db, sheet, "PA", Q1)  # (its export from the window: test_offices_screens)
    db.close()
    fill_sheet(sheet, {COUNT: 14})
    window = make_window(files["an"])
    action = window.offices.sheet_import_action
    assert_backed_up_first(from_the_menu(window, action, dialogs, sheet))


def test_a_wards_package_at_the_district(
    make_window: Any,
    files: dict[str, Path],
    dialogs: Dialogs,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:

    package = _sent(files, tmp_path)
    district = make_window(files["quan"])
    run_dialog(monkeypatch, TrustDialog, CONFIRMED)  # the fingerprint read by telephone
    reviews = run_dialog(monkeypatch, ReviewDialog, QDialog.DialogCode.Rejected)
    action = district.offices.receive_action
    assert_backed_up_first(from_the_menu(district, action, dialogs, package))
    assert len(reviews) == 1


def test_the_districts_return_at_the_ward(
    make_window: Any,
    files: dict[str, Path],
    dialogs: Dialogs,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:

    package = _sent(files, tmp_path)
    db = open_database(files["quan"])
    ward_key = tmp_path / "an.key"
    an = open_database(files["an"])
    export_public_key(an, ward_key)
    an.close()
    trust_key_file(db, ward_key, user="quan")
    received = receive_package(DataFile(db, files["quan"]), package, user="quan").value
    assert received.import_id is not None
    returned = tmp_path / "tra-lai.hbt"
    return_package(db, received.import_id, "Thiếu số liệu", returned, user="quan")
    db.close()

    ward = make_window(files["an"])
    run_dialog(monkeypatch, TrustDialog, CONFIRMED)
    shown = run_dialog(monkeypatch, ReturnedDialog, 0)
    action = ward.offices.read_return_action
    assert_backed_up_first(from_the_menu(ward, action, dialogs, returned))
    assert len(shown) == 1


def test_a_document(window: Any, dialogs: Dialogs, qtbot: Any, tmp_path: Path) -> None:
    window.session.select(period=parse_period("2023YTD02"), unit_uid="Q007")
    window.go_to_tab(3)
    page = window.document
    window.controller.flush()
    source = tmp_path / "mau-quan.txt"
    source.write_text("số: 77\n\n## Một mục mới\nCâu của quận {{ ky }}.\n", encoding="utf-8")
    dialogs.open_path = str(source)
    dialogs.answer = QMessageBox.StandardButton.Yes  # "import it?" — yes

    def run() -> None:
        page.import_button.click()
        settle(window)

    assert_backed_up_first(Case(window.session.db_path, run))
    assert window.controller.doc.number == "77"

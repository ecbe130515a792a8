"""Every import leaves a backup first: values, catalogue, units, DHIS2 files, entry sheets,
ward packages at the district, the district's returns at the ward, documents.

The user guide promises it for every import ("a file that turns out to be wrong can
always be undone by restoring the copy made just before it"). Each case runs one import
the way a clerk does and checks that a backup made for the import holds the file exactly
as it was before, and that the import did change the file (so the backup is not simply
the state after).
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from hbt_desktop.cli.main import main
from hbt_desktop.core.access import StationRole
from hbt_desktop.core.values import Value
from hbt_desktop.store.file.backup import list_backups
from hbt_desktop.store.writes import write_values
from tests.offices.conftest import (
    COUNT,
    PASSWORD,
    Q1,
    _quick_password_hashes,  # noqa: F401 - the fixture, used by every test here
    make_office,
)


def file_state(path: Path) -> str:
    """A hash of every row of every table of a closed database file."""
    digest = hashlib.sha256()
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        for line in conn.iterdump():
            digest.update(line.encode())
    finally:
        conn.close()
    return digest.hexdigest()


def import_backups(path: Path) -> list[Path]:
    return [info.path for info in list_backups(path) if info.reason == "import"]


@dataclass
class Case:
    db: Path  # the data file the import goes into
    run: Callable[[], None]  # the import, as the clerk runs it


def assert_backed_up_first(case: Case) -> None:
    before = file_state(case.db)
    known = set(import_backups(case.db))
    case.run()
    made = [p for p in import_backups(case.db) if p not in known]
    assert made, "no backup was made for the import"
    assert file_state(case.db) != before, "the import changed nothing: nothing to check"
    assert any(file_state(p) == before for p in made), "no backup holds the file as it was"


def cli(*args: str) -> None:
    assert main(list(args)) == 0


# -- from the command line ---------------------------------------------------------------


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    path = tmp_path / "demo.db"
    cli("demo", "--db", str(path))
    return path


def _exported(db: Path, what: str, target: Path) -> Path:
    cli("export", what, str(target), "--db", str(db))
    return target


def test_import_values(demo: Path, tmp_path: Path) -> None:
    values = tmp_path / "v.csv"
    values.write_text(
        "dataelement,period,orgunit,value\nDN_THANH_LAP,2023Q3,Q007,17\n", encoding="utf-8"
    )
    assert_backed_up_first(
        Case(demo, lambda: cli("import", "values", str(values), "--db", str(demo)))
    )


def test_import_values_as_dhis2(demo: Path, tmp_path: Path) -> None:
    values = tmp_path / "v.json"
    values.write_text(
        '{"dataValues": [{"dataElement": "DN_THANH_LAP", "period": "2023Q3", '
        '"orgUnit": "Q007", "value": "18"}]}',
        encoding="utf-8",
    )
    assert_backed_up_first(
        Case(demo, lambda: cli("dhis2", "import", str(values), "--db", str(demo)))
    )


@pytest.mark.parametrize(("what", "name"), [("catalogue", "Doanh nghiệp"), ("units", "Nguyễn Du")])
def test_import_catalogue_and_units(demo: Path, tmp_path: Path, what: str, name: str) -> None:
    """The catalogue or the units exported, one name changed, imported back."""
    exported = _exported(demo, what, tmp_path / f"{what}.json")
    text = exported.read_text(encoding="utf-8")
    assert name in text
    exported.write_text(text.replace(name, name + " Mới", 1), encoding="utf-8")
    assert_backed_up_first(
        Case(demo, lambda: cli("import", what, str(exported), "--db", str(demo)))
    )


def test_import_document(demo: Path, tmp_path: Path) -> None:
    text = tmp_path / "doc.txt"
    place = ("--unit", "007", "--period", "2023YTD02")
    cli("document", "export", str(text), *place, "--db", str(demo))
    content = text.read_text(encoding="utf-8")
    text.write_text(content.replace("BẢN TIN", "BẢN TIN MỚI", 1), encoding="utf-8")
    assert_backed_up_first(
        Case(demo, lambda: cli("document", "import", str(text), *place, "--db", str(demo)))
    )


def fill_sheet(sheet: Path, figures: dict[str, object]) -> None:
    """Type ``figures`` (indicator code → what the clerk types) in an exported entry
    sheet's figure column, as a clerk fills it in Excel."""
    book = openpyxl.load_workbook(sheet)
    filled = set()
    for row in book["Nhập số liệu"].iter_rows(min_row=2):
        if row[1].value in figures:
            row[5].value = figures[str(row[1].value)]
            filled.add(row[1].value)
    assert filled == set(figures), filled
    book.save(sheet)


def test_import_entry_sheet(demo: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "nhap.xlsx"
    cli("sheet", "export", str(sheet), "--unit", "007", "--period", "2023Q3", "--db", str(demo))
    fill_sheet(sheet, {COUNT: 23})
    assert_backed_up_first(
        Case(demo, lambda: cli("sheet", "import", str(sheet), "--db", str(demo)))
    )


@pytest.fixture
def ward_and_district(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """Phường An has sent its first quarter; the district has its key and the file."""
    monkeypatch.setenv("HBT_DESKTOP_PASSWORD", PASSWORD)
    ward = make_office(tmp_path / "an", "an", StationRole.WARD, "PA")
    district = make_office(tmp_path / "quan", "quan", StationRole.DISTRICT, "QX")
    write_values(ward.db, [Value(COUNT, "PA", Q1, Decimal(12), updated_by="lap")])
    ward.close()
    district.close()
    monkeypatch.setenv("HBT_DESKTOP_KEYS", str(ward.keys))
    cli("package", "key", "--out", str(tmp_path / "an.key"), "--db", str(ward.path))
    cli(
        "package",
        "export",
        "--period",
        "2023Q1",
        "--out",
        str(tmp_path / "an.hbt"),
        "--db",
        str(ward.path),
    )
    monkeypatch.setenv("HBT_DESKTOP_KEYS", str(district.keys))
    cli("package", "key", "--out", str(tmp_path / "quan.key"), "--db", str(district.path))
    cli("package", "trust", str(tmp_path / "an.key"), "--db", str(district.path))
    return ward.path, district.path


def test_the_district_imports_a_ward_package(
    ward_and_district: tuple[Path, Path], tmp_path: Path
) -> None:
    _, district = ward_and_district
    package = tmp_path / "an.hbt"
    assert_backed_up_first(
        Case(district, lambda: cli("package", "import", str(package), "--db", str(district)))
    )


def test_the_ward_imports_the_districts_return(
    ward_and_district: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ward, district = ward_and_district
    returned = tmp_path / "tra-lai.hbt"
    cli("package", "import", str(tmp_path / "an.hbt"), "--db", str(district))
    cli(
        "package",
        "return",
        "1",
        "--reason",
        "thiếu số",
        "--out",
        str(returned),
        "--db",
        str(district),
    )
    monkeypatch.setenv("HBT_DESKTOP_KEYS", str(tmp_path / "an" / "keys"))
    cli("package", "trust", str(tmp_path / "quan.key"), "--db", str(ward))
    assert_backed_up_first(
        Case(ward, lambda: cli("package", "import", str(returned), "--db", str(ward)))
    )

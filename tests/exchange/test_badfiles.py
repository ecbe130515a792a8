"""Every file of the bad-file corpus is refused with the right reason, at the right
place, in Vietnamese — and the database is exactly as it was."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlite_utils import Database

from hbt_desktop.core.errors import InputError
from hbt_desktop.exchange.catalogue_io import import_catalogue
from hbt_desktop.exchange.report import ImportReport
from hbt_desktop.exchange.units_io import import_units
from hbt_desktop.exchange.values_io import import_values
from hbt_desktop.exchange.where import FileInputError
from hbt_desktop.store.units import load_units
from hbt_desktop.store.values import all_values
from tests.exchange.badfiles import make_badfiles
from tests.exchange.conftest import BADFILES, digest

Importer = Callable[..., ImportReport]

# file, importer, key, row, column ("" = the refusal is about the whole file or row)
CASES: list[tuple[str, Importer, str, int | None, str]] = [
    ("formula_injection.csv", import_values, "values.bad_number", 3, "value"),
    ("wrong_column.csv", import_values, "table.unknown_column", None, ""),
    ("wrong_type.json", import_values, "json.bad_type", 2, "value"),
    ("duplicate_key.json", import_values, "json.duplicate_key", None, ""),
    ("unknown_indicator.csv", import_values, "values.unknown_indicator", 3, "dataelement"),
    ("unit_not_valid.csv", import_values, "values.unit_not_valid", 3, "orgunit"),
    ("money_fraction.csv", import_values, "money.not_whole", 3, "value"),
    ("vn_formatted.csv", import_values, "values.bad_number", 3, "value"),
    ("duplicate.csv", import_values, "values.duplicate", 3, ""),
    ("malformed.csv", import_values, "csv.malformed", 3, ""),
    ("not_utf8.csv", import_values, "csv.not_utf8", None, ""),
    ("truncated.xlsx", import_values, "xlsx.damaged", None, ""),
    ("zip_bomb.xlsx", import_values, "xlsx.zip_bomb", None, ""),
    ("billion_laughs.xlsx", import_values, "xlsx.unsafe_xml", None, ""),
    ("percent_cell.xlsx", import_values, "xlsx.percent_cell", 3, "value"),
    ("xls_renamed.xlsx", import_values, "xlsx.ole", None, ""),
    ("units_unknown_parent.csv", import_units, "unit.unknown_parent", 3, "parent_uid"),
    ("units_bad_date.csv", import_units, "date.impossible", 2, "valid_from"),
    ("indicators_bad_decimals.csv", import_catalogue, "catalogue.bad_decimals", 3, "decimals"),
    ("indicators_unknown_sector.csv", import_catalogue, "catalogue.unknown_sector", 2, "sector"),
]


@pytest.mark.parametrize(
    ("name", "importer", "key", "row", "column"), CASES, ids=[c[0] for c in CASES]
)
def test_bad_file_is_refused_in_place_and_changes_nothing(
    full_db: Database, name: str, importer: Importer, key: str, row: int | None, column: str
) -> None:
    before = digest(full_db)
    with pytest.raises(InputError) as caught:
        importer(full_db, BADFILES / name)
    err = caught.value
    assert err.key == key
    message = err.message_in("vi")
    assert name in message
    assert isinstance(err, FileInputError)
    assert (err.where.row, err.where.column) == (row, column)
    if row is not None:
        place = f"mục thứ {row}" if name.endswith(".json") else f"dòng {row}"
        assert place in message
    if column:
        assert f"«{column}»" in message
    assert err.message_in("en") != message  # the English text exists and differs
    assert digest(full_db) == before
    # A dry run refuses the same way.
    with pytest.raises(InputError) as again:
        importer(full_db, BADFILES / name, dry_run=True)
    assert again.value.key == key
    assert digest(full_db) == before


def test_a_60_mb_file_is_refused_before_it_is_read(full_db: Database, tmp_path: Path) -> None:
    big = tmp_path / "big.csv"
    with big.open("wb") as fh:
        fh.write(make_badfiles.HEADER.encode() + b"\r\n")
        fh.truncate(60 * 1024 * 1024)
    before = digest(full_db)
    for importer in (import_values, import_units, import_catalogue):
        with pytest.raises(InputError) as caught:
            importer(full_db, big)
        assert caught.value.key == "file.too_large"
        assert "60 MB" in caught.value.message_in("vi")
    assert digest(full_db) == before


def test_decomposed_vietnamese_is_stored_composed(full_db: Database) -> None:
    import_values(full_db, BADFILES / "nfd_values.csv")
    stored = next(v for v in all_values(full_db) if v.indicator == "CNXD_GTSX")
    assert stored.qualifier == "trên"  # NFC, so it is one of the known qualifiers
    assert stored.comment == "Số ước tính, chưa chính thức"
    assert stored.updated_by == "cán bộ"
    import_units(full_db, BADFILES / "nfd_units.csv")
    unit = load_units(full_db).get("W99999-2026")
    assert (unit.name, unit.kind.value, unit.note) == ("Đồng Tâm Mới", "phường", "Đơn vị thử")


def test_the_corpus_script_makes_every_file(tmp_path: Path) -> None:
    written = {p.name for p in make_badfiles.main(tmp_path)}
    committed = {p.name for p in BADFILES.iterdir() if p.suffix != ".py"}
    assert written == committed
    covered = {case[0] for case in CASES} | {"nfd_values.csv", "nfd_units.csv"}
    assert covered == committed

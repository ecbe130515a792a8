"""Values and bases in DHIS2 dataValueSets shape: round trips, strictness, all-or-nothing."""

from __future__ import annotations

import csv
import json
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from sqlite_utils import Database

from hbt_desktop.core.errors import InputError
from hbt_desktop.core.periods import Period, parse_period
from hbt_desktop.core.values import Base, Status, Value
from hbt_desktop.exchange import export_values, import_values
from hbt_desktop.exchange.seed import load_reference
from hbt_desktop.exchange.values_io import COLUMNS
from hbt_desktop.exchange.where import FileInputError
from hbt_desktop.store.values import all_bases, all_values, get_value
from hbt_desktop.store.writes import write_base, write_value
from tests.exchange.conftest import digest

FORMATS = ("csv", "json", "xlsx")
HEADER = ",".join(COLUMNS)


def _tricky(db: Database) -> None:
    """Figures that a careless format would bend: a fall, trailing zeros, a qualifier,
    formula-like and apostrophe comments, a forecast, a big amount, a base."""
    q2 = Period.quarter(2023, 2)
    for value in (
        Value("CNXD_TANG_TRUONG", "Q007", q2, Decimal("-1.25"), 2, Status.UOC),
        Value("TMDV_TANG_TRUONG", "Q007", q2, Decimal("11.70"), 2, comment="=1+1"),
        Value("YT_TIEM_CHUNG", "Q007", q2, Decimal("98.5"), 1, comment="'quoted"),
        Value(
            "NS_THU_DIA_BAN",
            "Q007",
            q2,
            Decimal(7_743_000_000_000),
            0,
            Status.DU_KIEN,
            "trên",
            "-giảm so với dự kiến\ndòng thứ hai",
        ),
        Value("NS_CHI_TONG", "Q007", q2, Decimal(123_456_789_012_345_678), 0, comment="@x"),
        Value("GD_HSG_GIAI", "P00241", Period.year_of(2022), Decimal(877), 0),
    ):
        write_value(db, value)
    write_base(db, Base("NS_CHI_TONG", "Q007", Period.year_of(2023), "DT_NAM", Decimal(10**13)))


def _values(db: Database) -> list[tuple[object, ...]]:
    return sorted(
        (
            v.indicator,
            v.unit_uid,
            v.period.id,
            v.amount,
            v.decimals,
            v.status,
            v.qualifier,
            v.comment,
        )
        for v in all_values(db)
    )


def _bases(db: Database) -> list[tuple[object, ...]]:
    return sorted(
        (b.indicator, b.unit_uid, b.period.id, b.kind, b.amount, b.decimals, b.comment)
        for b in all_bases(db)
    )


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_then_import_gives_identical_figures(
    full_db: Database, empty_db: Database, fmt: str, tmp_path: Path
) -> None:
    _tricky(full_db)
    target = empty_db
    load_reference(target)
    path = tmp_path / f"values.{fmt}"
    count = export_values(full_db, path)
    assert count == len(all_values(full_db)) + len(all_bases(full_db))
    report = import_values(target, path)
    assert (report.new, report.changed, report.unchanged) == (count, 0, 0)
    assert _values(target) == _values(full_db)
    assert _bases(target) == _bases(full_db)
    stamp = {(v.indicator, v.period.id): (v.updated_by, v.updated_at) for v in all_values(full_db)}
    assert {
        (v.indicator, v.period.id): (v.updated_by, v.updated_at) for v in all_values(target)
    } == stamp
    # Importing the same file again changes nothing at all.
    before = digest(target)
    again = import_values(target, path)
    assert (again.new, again.changed, again.unchanged) == (0, 0, count)
    assert again.changes == []
    assert digest(target) == before


def test_the_csv_is_dhis2_shaped_and_excel_safe(full_db: Database, tmp_path: Path) -> None:
    _tricky(full_db)
    path = tmp_path / "v.csv"
    export_values(full_db, path)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    assert list(rows[0]) == list(COLUMNS)
    by_key = {(r["dataelement"], r["period"], r["categoryoptioncombo"]): r for r in rows}
    fall = by_key["CNXD_TANG_TRUONG", "2023Q2", "default"]
    assert (fall["value"], fall["decimals"], fall["status"]) == ("-1.25", "2", "uoc")
    assert by_key["TMDV_TANG_TRUONG", "2023Q2", "default"]["comment"] == "'=1+1"
    assert by_key["NS_CHI_TONG", "2023Q2", "default"]["comment"] == "'@x"
    money = by_key["NS_THU_DIA_BAN", "2023Q2", "default"]
    assert (money["value"], money["qualifier"]) == ("7743000000000", "trên")
    assert money["comment"].startswith("'-giảm")
    base = by_key["NS_CHI_TONG", "2023", "BASE:DT_NAM"]
    assert (base["value"], base["status"], base["qualifier"]) == ("10000000000000", "", "")
    assert {r["period"] for r in rows} >= {"2023YTD02@20230215", "2023Q1", "2023YTD02"}


def test_the_json_is_a_dhis2_data_value_set(full_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "v.json"
    export_values(full_db, path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert set(doc) == {"dataSet", "completeDate", "period", "orgUnit", "dataValues"}
    item = next(v for v in doc["dataValues"] if v["period"] == "2023YTD02@20230215")
    assert item == {
        "dataElement": "NS_THU_DIA_BAN",
        "period": "2023YTD02@20230215",
        "orgUnit": "Q007",
        "categoryOptionCombo": "default",
        "attributeOptionCombo": "default",
        "value": "4115081000000",
        "storedBy": item["storedBy"],
        "created": item["lastUpdated"],
        "lastUpdated": item["lastUpdated"],
        "comment": "",
        "followup": False,
        "status": "thuc_hien",
        "qualifier": None,
        "decimals": 0,
    }
    growth = next(v for v in doc["dataValues"] if v["dataElement"] == "CNXD_TANG_TRUONG")
    assert (growth["value"], growth["decimals"], growth["status"]) == ("12.33", 2, "uoc")


def test_the_workbook_has_numbers_notes_and_a_guide(full_db: Database, tmp_path: Path) -> None:
    _tricky(full_db)
    path = tmp_path / "v.xlsx"
    export_values(full_db, path)
    book = openpyxl.load_workbook(path)
    ws = book["dataValues"]
    header = [c.value for c in ws[1]]
    assert header == list(COLUMNS)
    assert "đồng" in ws.cell(1, header.index("value") + 1).comment.text
    cells = {
        (ws.cell(r, 1).value, ws.cell(r, 2).value, ws.cell(r, 3).value): ws.cell(r, 6)
        for r in range(2, ws.max_row + 1)
    }
    fall = cells["CNXD_TANG_TRUONG", "2023Q2", "Q007"]
    assert (fall.data_type, fall.number_format, Decimal(str(fall.value))) == (
        "n",
        "0.00",
        Decimal("-1.25"),
    )
    money = cells["NS_THU_DIA_BAN", "2023YTD02@20230215", "Q007"]
    assert (money.data_type, money.number_format, money.value) == ("n", "0", 4115081000000)
    huge = cells["NS_CHI_TONG", "2023Q2", "Q007"]  # 18 digits: more than Excel keeps
    assert (huge.data_type, huge.value) == ("s", "123456789012345678")
    assert [r[0].value for r in book["Hướng dẫn"].iter_rows(min_row=2)][: len(COLUMNS)] == list(
        COLUMNS
    )


def test_export_filters_by_unit_and_exact_period(full_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "v.csv"
    n = export_values(full_db, path, unit_uids=["Q007"], periods=["2023Q1", Period.year_of(2023)])
    rows = list(csv.DictReader(path.read_text(encoding="utf-8-sig").splitlines()))
    assert n == len(rows) == 3  # NS_THU_DIA_BAN 2023Q1 and two bases for the year
    assert {r["orgunit"] for r in rows} == {"Q007"}
    assert {r["period"] for r in rows} == {"2023Q1", "2023"}
    assert export_values(full_db, tmp_path / "none.csv", unit_uids=[]) == 0


def _csv(tmp_path: Path, *lines: str, header: str = HEADER, name: str = "v.csv") -> Path:
    path = tmp_path / name
    path.write_text("\n".join([header, *lines]) + "\n", encoding="utf-8")
    return path


def test_a_dry_run_reports_without_storing(full_db: Database, tmp_path: Path) -> None:
    path = _csv(
        tmp_path,
        "NS_THU_DIA_BAN,2023Q1,Q007,default,default,4900000000000,,,,false,uoc,,0",
        "NS_THU_DIA_BAN,2023Q2,Q007,default,default,5000000000000,,,,false,uoc,,0",
        "QS_GIAO_QUAN,2023,Q007,BASE:CHI_TIEU,default,215,,,Số minh họa.,false,,,",
    )
    before = digest(full_db)
    report = import_values(full_db, path, dry_run=True)
    assert (report.new, report.changed, report.unchanged, report.dry_run) == (1, 1, 1, True)
    change = next(c for c in report.changes if c.old is not None)
    assert isinstance(change.old, Value) and isinstance(change.new, Value)
    assert (change.old.amount, change.new.amount, change.row) == (
        Decimal(4_861_658_000_000),
        Decimal(4_900_000_000_000),
        2,
    )
    assert change.key == "NS_THU_DIA_BAN Q007 2023Q1"
    assert report.by_record["base"].unchanged == 1
    assert digest(full_db) == before
    done = import_values(full_db, path)
    assert (done.new, done.changed, done.unchanged, done.dry_run) == (1, 1, 1, False)
    stored = get_value(full_db, "NS_THU_DIA_BAN", "Q007", parse_period("2023Q1"))
    assert stored is not None and stored.amount == Decimal(4_900_000_000_000)


def test_older_dhis2_columns_and_json_defaults(ref_db: Database, tmp_path: Path) -> None:
    header = "dataelement,period,orgunit,catoptcombo,attroptcombo,value,storedby,lastupdated,comment,followup,deleted"
    path = _csv(
        tmp_path,
        "DN_THANH_LAP,202302,P00241,default,default,12,dhis,2023-03-01T08:00:00.000+0000,,false,false",
        header=header,
    )
    report = import_values(ref_db, path)
    assert report.new == 1
    stored = get_value(ref_db, "DN_THANH_LAP", "P00241", Period.month(2023, 2))
    assert stored is not None and stored.updated_by == "dhis"
    assert (
        stored.updated_at is not None
        and stored.updated_at.isoformat() == "2023-03-01T08:00:00+00:00"
    )
    doc = {
        "period": "2023Q1",
        "orgUnit": "P00244",
        "dataValues": [
            {"dataElement": "DN_THANH_LAP", "value": 3},
            {"dataElement": "CNXD_TANG_TRUONG", "value": 12.30, "orgUnit": "Q007"},
        ],
    }
    jpath = tmp_path / "v.json"
    jpath.write_text(json.dumps(doc).replace("12.3", "12.30"), encoding="utf-8")
    assert import_values(ref_db, jpath).new == 2
    growth = get_value(ref_db, "CNXD_TANG_TRUONG", "Q007", Period.quarter(2023, 1))
    assert growth is not None and (growth.amount, growth.decimals) == (Decimal("12.30"), 2)
    assert get_value(ref_db, "DN_THANH_LAP", "P00244", Period.quarter(2023, 1)) is not None


ROW = "{code},2023Q2,{unit},{coc},default,{value},,,,false,{status},{qualifier},{decimals}"


def _row(**fields: str) -> str:
    base = {
        "code": "CNXD_TANG_TRUONG",
        "unit": "Q007",
        "coc": "default",
        "value": "1.5",
        "status": "",
        "qualifier": "",
        "decimals": "",
    }
    return ROW.format(**{**base, **fields})


@pytest.mark.parametrize(
    ("fields", "key", "column"),
    [
        ({"value": "4.115.081"}, "values.bad_number", "value"),
        ({"value": '"12,33"'}, "values.bad_number", "value"),
        ({"value": "1 000"}, "values.bad_number", "value"),
        ({"value": "1e6"}, "values.bad_number", "value"),
        ({"value": "+5"}, "values.bad_number", "value"),
        ({"value": "12.33%"}, "values.bad_number", "value"),
        (
            {"value": "4115081000000", "code": "NS_THU_DIA_BAN", "decimals": "2"},
            "values.money_decimals",
            "decimals",
        ),
        ({"value": "-5", "code": "DN_THANH_LAP"}, "value.negative", "value"),
        ({"value": "1.2345678"}, "number.too_precise", "value"),
        ({"value": "1" * 19}, "number.too_long", "value"),
        ({"value": ""}, "values.empty_cell", "value"),
        ({"decimals": "1", "value": "1.25"}, "values.decimals_too_few", "decimals"),
        ({"decimals": "7"}, "values.bad_decimals", "decimals"),
        ({"decimals": "two"}, "values.bad_decimals", "decimals"),
        ({"status": "xong"}, "value.bad_status", "status"),
        ({"qualifier": "tầm"}, "value.bad_qualifier", "qualifier"),
        ({"coc": "BASE:KHONG_CO"}, "values.unknown_base_kind", "categoryoptioncombo"),
        ({"coc": "HllvX50cXC0"}, "values.bad_category", "categoryoptioncombo"),
        ({"coc": "BASE:DT_NAM", "status": "uoc"}, "values.base_extra", "status"),
        ({"unit": "00241"}, "values.unknown_unit", "orgunit"),
        ({"unit": "P00265-X"}, "values.unknown_unit", "orgunit"),
    ],
)
def test_rows_are_refused_with_their_place(
    full_db: Database, tmp_path: Path, fields: dict[str, str], key: str, column: str
) -> None:
    path = _csv(tmp_path, _row(), _row(**fields).replace("2023Q2", "2023Q3"))
    before = digest(full_db)
    with pytest.raises(FileInputError) as caught:
        import_values(full_db, path)
    assert (caught.value.key, caught.value.where.row, caught.value.where.column) == (key, 3, column)
    assert f"dòng 3, cột «{column}»" in caught.value.message_in("vi")
    assert digest(full_db) == before


@pytest.mark.parametrize(
    ("line", "key", "column"),
    [
        (_row().replace("2023Q2", "quý V/2023"), "period.bad_quarter", "period"),
        (_row().replace("2023Q2", "2023Q1@20230431"), "period.bad_cutoff", "period"),
        (
            _row().replace(",default,1.5", ",other,1.5"),
            "values.bad_attribute",
            "attributeoptioncombo",
        ),
        (_row().replace(",false,", ",maybe,"), "values.bad_followup", "followup"),
        (
            _row().replace("Q007,", "P00265,").replace("2023Q2", "2025Q1"),
            "values.unit_not_valid",
            "orgunit",
        ),
    ],
)
def test_other_columns_are_checked(
    full_db: Database, tmp_path: Path, line: str, key: str, column: str
) -> None:
    path = _csv(tmp_path, line)
    before = digest(full_db)
    with pytest.raises(FileInputError) as caught:
        import_values(full_db, path)
    assert (caught.value.key, caught.value.where.row, caught.value.where.column) == (key, 2, column)
    assert f"dòng 2, cột «{column}»" in caught.value.message_in("vi")
    assert digest(full_db) == before


def test_deletions_and_bad_times_are_refused(full_db: Database, tmp_path: Path) -> None:
    header = HEADER + ",deleted"
    path = _csv(tmp_path, _row() + ",true", header=header)
    before = digest(full_db)
    with pytest.raises(InputError) as deleted:
        import_values(full_db, path)
    assert deleted.value.key == "values.deleted"
    assert "dòng 2, cột «deleted»" in deleted.value.message_in("vi")
    line = _row().replace(",,,,false", ",,15/2/2023,,false")
    with pytest.raises(InputError) as when:
        import_values(full_db, _csv(tmp_path, line))
    assert when.value.key == "values.bad_timestamp"
    assert "dòng 2, cột «lastupdated»" in when.value.message_in("vi")
    assert digest(full_db) == before


def test_machine_format_is_read_exactly(ref_db: Database, tmp_path: Path) -> None:
    path = _csv(
        tmp_path,
        _row(value="4.115"),  # a growth rate of four point one one five percent
        _row(code="NS_THU_DIA_BAN", value="4115081000000.00"),  # whole: accepted
        _row(code="DN_THANH_LAP", value="0012"),
        _row(code="YT_TIEM_CHUNG", value="98.50", decimals="3"),
    )
    assert import_values(ref_db, path).new == 4
    got = {v.indicator: (v.amount, v.decimals) for v in all_values(ref_db)}
    assert got == {
        "CNXD_TANG_TRUONG": (Decimal("4.115"), 3),
        "NS_THU_DIA_BAN": (Decimal(4_115_081_000_000), 0),
        "DN_THANH_LAP": (Decimal(12), 0),
        "YT_TIEM_CHUNG": (Decimal("98.5"), 3),
    }


def test_a_file_without_rows_or_values(ref_db: Database, tmp_path: Path) -> None:
    with pytest.raises(InputError) as empty:
        import_values(ref_db, _csv(tmp_path))
    assert empty.value.key == "table.no_rows"
    path = tmp_path / "v.json"
    path.write_text('{"dataSet": ""}', encoding="utf-8")
    with pytest.raises(InputError) as nothing:
        import_values(ref_db, path)
    assert nothing.value.key == "table.no_rows"
    path.write_text('{"orgUnit": ["Q007"], "dataValues": []}', encoding="utf-8")
    with pytest.raises(FileInputError) as typed:
        import_values(ref_db, path)
    assert (typed.value.key, typed.value.where.column) == ("json.bad_type", "orgUnit")


def test_messages_follow_the_language(full_db: Database, tmp_path: Path) -> None:
    from hbt_desktop.core import i18n

    path = _csv(tmp_path, _row(value="4.115.081"))
    with pytest.raises(InputError) as caught:
        import_values(full_db, path)
    i18n.set_language("en")
    assert str(caught.value).startswith("File v.csv, row 2, column «value»: «4.115.081» is not")
    i18n.set_language("vi")
    assert str(caught.value).startswith("Tệp v.csv, dòng 2, cột «value»: «4.115.081» không")


def test_a_change_older_than_the_stored_figure_is_flagged(
    full_db: Database, tmp_path: Path
) -> None:
    line = "NS_THU_DIA_BAN,2023Q1,Q007,default,default,4900000000000,phường,{at},,false,uoc,,0"
    old_file = _csv(tmp_path, line.format(at="2020-01-01T00:00:00+07:00"))
    (change,) = import_values(full_db, old_file, dry_run=True).changes
    assert change.older_than_stored
    new_file = _csv(tmp_path, line.format(at="2999-01-01T00:00:00+07:00"), name="new.csv")
    (change,) = import_values(full_db, new_file, dry_run=True).changes
    assert not change.older_than_stored

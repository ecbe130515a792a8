"""Figures and bases in and out, in DHIS2's dataValueSets shape.

DHIS2 (and anything that reads its format) can take the figures as they are: a value is
a ``dataValue`` whose ``dataElement`` is the indicator code, ``orgUnit`` the unit's uid
and ``period`` the period id (``core/periods.py``). A base (dự toán, kế hoạch…) is a
``dataValue`` whose ``categoryOptionCombo`` is ``BASE:<kind of base>``. hbt-desktop adds
``status``, ``qualifier`` and ``decimals``, which DHIS2 ignores. The formats are
documented in docs/file-formats.md.

An import reads the whole file, checks every row and then stores everything in one
transaction through the write path (``store.writes.apply_values``/``apply_bases``) — or nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from sqlite_utils import Database

from hbt_desktop.core.periods import Period, parse_period
from hbt_desktop.core.values import Base, Value
from hbt_desktop.exchange import jsonfile
from hbt_desktop.exchange.formats import Contents, read_tables, write_file
from hbt_desktop.exchange.report import ImportReport, transaction
from hbt_desktop.exchange.tables import DEFAULT_LIMITS, Cell, Limits, Record, Sheet, Table
from hbt_desktop.exchange.values_rows import BASE_PREFIX, DEFAULT, Context, parse_rows
from hbt_desktop.exchange.where import FileInputError, Where
from hbt_desktop.store.catalogue import load_catalogue
from hbt_desktop.store.units import load_units
from hbt_desktop.store.values import all_bases, all_values
from hbt_desktop.store.writes import apply_bases, apply_values

SHEET = "dataValues"
# DHIS2's CSV column order (DHIS2 reads CSV by position), then hbt-desktop's own.
COLUMNS = (
    "dataelement",
    "period",
    "orgunit",
    "categoryoptioncombo",
    "attributeoptioncombo",
    "value",
    "storedby",
    "lastupdated",
    "comment",
    "followup",
    "status",
    "qualifier",
    "decimals",
)
# Older DHIS2 exports name two columns differently and add two more.
ALIASES = {"catoptcombo": "categoryoptioncombo", "attroptcombo": "attributeoptioncombo"}
ACCEPTED = (*COLUMNS, *ALIASES, "created", "deleted")
REQUIRED = ("dataelement", "period", "orgunit", "value")
NUMERIC = frozenset({"value", "decimals"})
JSON_TOP = ("dataSet", "completeDate", "period", "orgUnit")
JSON_CELLS = {
    "dataelement": jsonfile.TEXT,
    "period": jsonfile.INTEGER,  # "2023" may arrive as the number 2023
    "orgunit": jsonfile.TEXT,
    "categoryoptioncombo": jsonfile.TEXT,
    "attributeoptioncombo": jsonfile.TEXT,
    "value": jsonfile.NUMBER,
    "storedby": jsonfile.TEXT,
    "created": jsonfile.TEXT,
    "lastupdated": jsonfile.TEXT,
    "comment": jsonfile.TEXT,
    "followup": jsonfile.BOOLEAN,
    "deleted": jsonfile.BOOLEAN,
    "status": jsonfile.TEXT,
    "qualifier": jsonfile.TEXT,
    "decimals": jsonfile.INTEGER,
}

# For people who open the workbook: a note on each header cell and a «Hướng dẫn» sheet.
GUIDE = {
    "dataelement": "Mã chỉ tiêu trong danh mục, ví dụ NS_THU_DIA_BAN.",
    "period": "Mã kỳ: 2023 (năm), 2023S1 / 2023S2 (6 tháng đầu / cuối năm), 2023Q1 (quý I), "
    "202302 (tháng 2), 2023YTD02 (2 tháng đầu năm), 2023L09 (9 tháng cuối năm); thêm "
    "@NămThángNgày cho ngày tính đến, ví dụ 2023YTD02@20230215.",
    "orgunit": "Mã định danh (uid) của đơn vị, ví dụ Q007, P00241, W00283-2025 — không phải "
    "mã thống kê, vì mã thống kê có thể được dùng lại cho đơn vị khác.",
    "categoryoptioncombo": "«default» cho số liệu; «BASE:mã loại chỉ tiêu giao» cho số giao "
    "(dự toán, kế hoạch), ví dụ BASE:DT_TP.",
    "attributeoptioncombo": "Luôn là «default».",
    "value": "Số viết kiểu máy: chữ số, dấu trừ ở đầu nếu âm, dấu chấm thập phân; không có "
    "dấu phân cách hàng nghìn. Tiền ghi bằng đồng nguyên: 4.115 tỷ 081 triệu đồng ghi "
    "4115081000000. Tỷ lệ 12,33% ghi 12.33; giảm 1,25% ghi -1.25.",
    "storedby": "Người nhập số liệu.",
    "lastupdated": "Thời điểm sửa lần cuối (ISO 8601), ví dụ 2023-02-15T10:20:30+00:00.",
    "comment": "Ghi chú.",
    "followup": "Cột của DHIS2; luôn là false.",
    "status": "Tình trạng: thuc_hien (thực hiện), uoc (ước thực hiện), du_kien (dự kiến). "
    "Để trống với số giao.",
    "qualifier": "Từ chỉ mức do cán bộ chọn: trên, hơn, gần, xấp xỉ, khoảng; để trống nếu "
    "không có.",
    "decimals": "Số chữ số thập phân khi in (0–6), ví dụ 2 để in 12,30. Với tiền luôn là 0.",
}
APOSTROPHE_NOTE = (
    "'",
    "Ô chữ bắt đầu bằng = + - @ được thêm dấu ' ở đầu để Excel không coi là công thức; "
    "khi nhập lại, chương trình bỏ dấu ' này.",
)


def import_values(
    db: Database, path: Path, *, dry_run: bool = False, limits: Limits = DEFAULT_LIMITS
) -> ImportReport:
    """Import the values and bases of a .csv, .json or .xlsx file, all or nothing."""
    path = Path(path)
    contents = read_tables(
        path,
        sheets=(SHEET,),
        json_cells={SHEET: JSON_CELLS},
        numeric=NUMERIC,
        json_extra=JSON_TOP,
        limits=limits,
    )
    top = _top(contents, path)
    table = _table(contents, path)
    context = Context(
        load_catalogue(db), load_units(db), top.get("period", ""), top.get("orgUnit", "")
    )
    parsed = parse_rows(table, context)
    report = ImportReport(path.name, dry_run)
    values = [row for row in parsed if isinstance(row.item, Value)]
    with transaction(db, dry_run=dry_run):
        # Values go through the store's batch path (one read per period, one executemany):
        # 100 000 figures must import in seconds, not minutes.
        changes = apply_values(db, [row.item for row in values])  # type: ignore[misc]
        for row, change in zip(values, changes, strict=True):
            report.note(
                row.record, row.key, change.previous, row.item, row.row, same=not change.changed
            )
        bases = [row for row in parsed if isinstance(row.item, Base)]
        written = apply_bases(db, [row.item for row in bases])  # type: ignore[misc]
        for row, base in zip(bases, written, strict=True):
            report.note(
                row.record, row.key, base.previous, row.item, row.row, same=not base.changed
            )
    return report


def _top(contents: Contents, path: Path) -> dict[str, str]:
    """The JSON document's own keys; ``period`` and ``orgUnit`` apply to items without."""
    out = {}
    for key, value in contents.top.items():
        text = jsonfile.as_integer(value)
        if text is None:
            raise FileInputError(
                "json.bad_type",
                where=Where(path.name, column=key, item=True),
                expected="string",
                got=jsonfile.kind(value),
            )
        out[key] = text
    return out


def _table(contents: Contents, path: Path) -> Table:
    table = next(iter(contents.tables.values()), None)
    if table is None:  # a JSON document without "dataValues"
        raise FileInputError("table.no_rows", where=Where(path.name, item=True))
    table = _renamed(table)
    if contents.kind != "json":
        # In JSON the document may give period and orgUnit once for every item.
        table.check_columns(ACCEPTED, REQUIRED)
    else:
        table.check_columns(ACCEPTED)
    table.require_rows()
    return table


def _renamed(table: Table) -> Table:
    """Older DHIS2 column names as today's."""
    if not any(alias in table.columns for alias in ALIASES):
        return table
    for alias, name in ALIASES.items():
        if alias in table.columns and name in table.columns:
            raise FileInputError("table.duplicate_column", where=table.where, column=name)
    columns = tuple(ALIASES.get(c, c) for c in table.columns)
    records = tuple(
        Record(r.number, {ALIASES.get(k, k): v for k, v in r.cells.items()}) for r in table.records
    )
    return Table(table.where, columns, records)


# --- export ------------------------------------------------------------------------------


def export_values(
    db: Database,
    path: Path,
    *,
    unit_uids: Iterable[str] | None = None,
    periods: Iterable[Period | str] | None = None,
) -> int:
    """Write the values and bases of ``unit_uids`` and ``periods`` (all when None) to
    a .csv, .json or .xlsx file; returns how many were written. A period matches by its
    exact id: ``2023Q1`` does not include ``2023YTD02@20230215``."""
    path = Path(path)
    uids = set(unit_uids) if unit_uids is not None else None
    pids = (
        {p.id if isinstance(p, Period) else parse_period(p).id for p in periods}
        if periods is not None
        else None
    )

    def wanted(item: Value | Base) -> bool:
        return (uids is None or item.unit_uid in uids) and (pids is None or item.period.id in pids)

    items: list[Value | Base] = [v for v in all_values(db) if wanted(v)]
    items += [b for b in all_bases(db) if wanted(b)]
    rows = [_row(item) for item in items]
    sheet = Sheet(SHEET, COLUMNS, rows, numeric=NUMERIC, comments=GUIDE)
    document = {
        "dataSet": "",
        "completeDate": "",
        "period": "",
        "orgUnit": "",
        "dataValues": [_json_item(row, item) for row, item in zip(rows, items, strict=True)],
    }
    guide = [*GUIDE.items(), APOSTROPHE_NOTE]
    write_file(path, [sheet], json_data=document, guide=guide)
    return len(rows)


def _row(item: Value | Base) -> dict[str, Cell]:
    if isinstance(item, Base):
        category, status, qualifier = f"{BASE_PREFIX}{item.kind}", "", ""
    else:
        category, status, qualifier = DEFAULT, item.status.value, item.qualifier or ""
    return {
        "dataelement": item.indicator,
        "period": item.period.id,
        "orgunit": item.unit_uid,
        "categoryoptioncombo": category,
        "attributeoptioncombo": DEFAULT,
        "value": format(item.amount, "f"),
        "storedby": item.updated_by,
        "lastupdated": item.updated_at.isoformat() if item.updated_at else "",
        "comment": item.comment,
        "followup": False,
        "status": status,
        "qualifier": qualifier,
        "decimals": item.decimals,
    }


def _json_item(row: Mapping[str, Cell], item: Value | Base) -> dict[str, object]:
    return {
        "dataElement": row["dataelement"],
        "period": row["period"],
        "orgUnit": row["orgunit"],
        "categoryOptionCombo": row["categoryoptioncombo"],
        "attributeOptionCombo": row["attributeoptioncombo"],
        "value": row["value"],  # a string, as DHIS2 writes it
        "storedBy": row["storedby"],
        # hbt-desktop keeps one time per figure, that of its last change.
        "created": row["lastupdated"],
        "lastUpdated": row["lastupdated"],
        "comment": row["comment"],
        "followup": False,
        "status": row["status"] or None,
        "qualifier": row["qualifier"] or None,
        "decimals": item.decimals,
    }

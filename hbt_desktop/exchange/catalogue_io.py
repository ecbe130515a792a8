"""The indicator catalogue (sectors, kinds of base, indicators) in and out of files.

- CSV: either one kind of record per file — the shipped ``resources/reference/
  sectors.csv``, ``base_kinds.csv`` and ``indicators.csv`` are such files — or all of
  them in one file with a ``record`` column (``sector``, ``base_kind``, ``indicator``),
  which is what :func:`export_catalogue` writes. For a file without a ``record``
  column the kind is the caller's ``entity`` or, failing that, the file name's start
  (``indicators-2026.csv``).
- XLSX: one sheet per kind, named ``sectors``, ``base_kinds``, ``indicators``.
- JSON: ``{"sectors": [...], "base_kinds": [...], "indicators": [...]}``.

An import checks every row, then stores everything through ``store.catalogue.
save_catalogue`` in one transaction, or nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hbt_desktop.core.catalogue import BaseKind, Catalogue, Indicator, Sector
from hbt_desktop.core.errors import HbtError, InputError
from hbt_desktop.exchange import jsonfile, rows
from hbt_desktop.exchange.entities import Entity, Parsed, parse_entity
from hbt_desktop.exchange.formats import Contents, read_tables, write_file
from hbt_desktop.exchange.report import ImportReport, transaction
from hbt_desktop.exchange.tables import DEFAULT_LIMITS, Limits, Record, Sheet, Table
from hbt_desktop.exchange.where import FileInputError, Where
from hbt_desktop.store.catalogue import load_catalogue, save_catalogue

if TYPE_CHECKING:
    from sqlite_utils import Database


def _iso(value: object) -> str | None:
    return str(value) or None


def _sector_json(s: Sector) -> dict[str, object]:
    row = rows.sector_to_row(s)
    return {**row, "position": s.position, "retired_from": _iso(row["retired_from"])}


def _base_kind_json(b: BaseKind) -> dict[str, object]:
    row = rows.base_kind_to_row(b)
    return {**row, "position": b.position, "retired_from": _iso(row["retired_from"])}


def _indicator_json(i: Indicator) -> dict[str, object]:
    row = rows.indicator_to_row(i)
    return {
        **row,
        "decimals": i.decimals,
        "pct_decimals": i.pct_decimals,
        "comparisons": row["comparisons"].split(),
        "position": i.position,
        "retired_from": _iso(row["retired_from"]),
    }


_T, _I, _W = jsonfile.TEXT, jsonfile.INTEGER, jsonfile.WORDS
SECTORS: Entity[Sector] = Entity(
    name="sectors",
    record="sector",
    columns=rows.SECTOR_COLUMNS,
    required=("code", "name"),
    build=rows.sector_from_row,
    key=lambda s: s.code,
    to_row=rows.sector_to_row,
    to_json=_sector_json,
    json_cells={"code": _T, "name": _T, "position": _I, "retired_from": _T},
    numeric=frozenset({"position"}),
    dates=("retired_from",),
    codes=("code",),
)
BASE_KINDS: Entity[BaseKind] = Entity(
    name="base_kinds",
    record="base_kind",
    columns=rows.BASE_KIND_COLUMNS,
    required=("code", "name"),
    build=rows.base_kind_from_row,
    key=lambda b: b.code,
    to_row=rows.base_kind_to_row,
    to_json=_base_kind_json,
    json_cells={
        "code": _T,
        "name": _T,
        "short": _T,
        "assigner": _T,
        "position": _I,
        "retired_from": _T,
    },
    numeric=frozenset({"position"}),
    dates=("retired_from",),
    codes=("code",),
)
INDICATORS: Entity[Indicator] = Entity(
    name="indicators",
    record="indicator",
    columns=rows.INDICATOR_COLUMNS,
    required=("code", "name", "sector", "kind"),
    build=rows.indicator_from_row,
    key=lambda i: i.code,
    to_row=rows.indicator_to_row,
    to_json=_indicator_json,
    json_cells={
        "code": _T,
        "name": _T,
        "sector": _T,
        "kind": _T,
        "unit_label": _T,
        "decimals": _I,
        "pct_decimals": _I,
        "aggregation": _T,
        "comparisons": _W,
        "money_style": _T,
        "position": _I,
        "description": _T,
        "retired_from": _T,
    },
    numeric=frozenset({"decimals", "pct_decimals", "position"}),
    dates=("retired_from",),
    codes=("code", "sector"),
)
ENTITIES: tuple[Entity[Any], ...] = (SECTORS, BASE_KINDS, INDICATORS)
NUMERIC = frozenset(c for e in ENTITIES for c in e.numeric)
RECORD = "record"
# The columns of a combined CSV file: every entity's, in the indicators' order.
COMBINED_COLUMNS = (
    RECORD,
    *rows.INDICATOR_COLUMNS[:-3],
    "short",
    "assigner",
    *rows.INDICATOR_COLUMNS[-3:],
)

GUIDE = (
    ("record", "Loại bản ghi (chỉ trong tệp CSV gộp): sector, base_kind hoặc indicator."),
    ("code", "Mã: chữ in hoa không dấu, số và dấu gạch dưới, tối đa 40 ký tự; ví dụ NS_THU."),
    ("name", "Tên đầy đủ, như in trong báo cáo."),
    ("sector", "Chỉ tiêu: mã lĩnh vực chứa chỉ tiêu."),
    (
        "kind",
        "Chỉ tiêu: money (tiền, đồng), number (số lượng), percent (tỷ lệ %), "
        "growth (tốc độ tăng %, số âm là giảm).",
    ),
    ("unit_label", "Chỉ tiêu: đơn vị tính in sau số: đồng, người, giải, %…"),
    ("decimals", "Chỉ tiêu: số chữ số thập phân khi in giá trị (0–6)."),
    ("pct_decimals", "Chỉ tiêu: số chữ số thập phân của tỷ lệ so sánh (0–6)."),
    ("aggregation", "Chỉ tiêu: sum (số quận là tổng các phường) hoặc none."),
    (
        "comparisons",
        "Chỉ tiêu: các so sánh, cách nhau bằng dấu cách: share, growth, index, count_of, points.",
    ),
    ("money_style", "Chỉ tiêu tiền: ty_trieu, ty_decimal, ty, nghin_ty, trieu, dong."),
    ("short", "Loại chỉ tiêu giao: tên ngắn, ví dụ «dự toán»."),
    ("assigner", "Loại chỉ tiêu giao: cơ quan giao, ví dụ «UBND thành phố»."),
    ("position", "Thứ tự sắp xếp (số nguyên)."),
    ("description", "Chỉ tiêu: mô tả."),
    (
        "retired_from",
        "Ngày ngừng sử dụng (năm-tháng-ngày, ví dụ 2025-07-01); để trống nếu còn dùng.",
    ),
)


def entity_named(name: str) -> Entity[Any]:
    for entity in ENTITIES:
        if name.lower() in (entity.name, entity.record):
            return entity
    allowed = ", ".join(e.name for e in ENTITIES)
    raise InputError("catalogue_io.unknown_entity", entity=name, allowed=allowed)


def import_catalogue(
    db: Database,
    path: Path,
    *,
    dry_run: bool = False,
    entity: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> ImportReport:
    """Import sectors, kinds of base and indicators from a file, all or nothing.

    ``entity`` ("sectors", "base_kinds", "indicators") says what a CSV file without a
    ``record`` column, or a workbook with one sheet of another name, holds.
    """
    path = Path(path)
    chosen = entity_named(entity) if entity else None
    wanted = (chosen,) if chosen else ENTITIES
    contents = read_tables(
        path,
        sheets=[e.name for e in wanted],
        json_cells={e.name: e.json_cells for e in wanted},
        numeric=NUMERIC,
        single_sheet_ok=chosen is not None,
        limits=limits,
    )
    parsed = _parse(_groups(contents, path, chosen))
    _check_sectors(db, parsed)
    report = ImportReport(path.name, dry_run)
    stored = load_catalogue(db)
    fresh = {e.name: _note(report, e, parsed[e.name], stored) for e in ENTITIES}
    with transaction(db, dry_run=dry_run):
        try:
            save_catalogue(
                db,
                sectors=fresh[SECTORS.name],
                base_kinds=fresh[BASE_KINDS.name],
                indicators=fresh[INDICATORS.name],
            )
        except HbtError as err:  # an indicator's kind cannot change once it has figures
            table, record = parsed[INDICATORS.name].locate(str(err.params.get("code", "")))
            raise FileInputError.of(err, table.place(record, "kind")) from err
    return report


class _Group:
    """The rows of one entity, the table they came from and the parsed items."""

    def __init__(self, table: Table, records: tuple[Record, ...]) -> None:
        self.table, self.records = table, records
        self.items: list[Parsed[Any]] = []

    def locate(self, code: str) -> tuple[Table, Record | None]:
        rows_by_code = {entity_key(p.item): p.row for p in self.items}
        number = rows_by_code.get(code)
        return self.table, next((r for r in self.records if r.number == number), None)


def entity_key(item: object) -> str:
    return str(getattr(item, "code", ""))


def _groups(contents: Contents, path: Path, chosen: Entity[Any] | None) -> dict[str, _Group]:
    """Each entity's table and rows, checked for their columns."""
    groups: dict[str, _Group] = {}
    if contents.kind == "csv":
        table = contents.tables[""]
        if RECORD in table.columns:
            return _split_by_record(table)
        entity = chosen or _entity_of_file(path)
        table.check_columns(entity.columns, entity.required)
        table.require_rows()
        return {entity.name: _Group(table, table.records)}
    for name, table in contents.tables.items():
        entity = entity_named(name)
        table.check_columns(entity.columns, entity.required)
        groups[entity.name] = _Group(table, table.records)
    if not any(g.records for g in groups.values()):
        raise FileInputError("table.no_rows", where=Where(path.name, item=contents.kind == "json"))
    return groups


def _entity_of_file(path: Path) -> Entity[Any]:
    stem = path.stem.lower()
    for entity in ENTITIES:
        if stem.startswith(entity.name):
            return entity
    raise FileInputError("catalogue_io.which_entity", where=Where(path.name))


def _split_by_record(table: Table) -> dict[str, _Group]:
    table.check_columns(COMBINED_COLUMNS, (RECORD,))
    by_entity: dict[str, list[Record]] = {}
    allowed = ", ".join(e.record for e in ENTITIES)
    for record in table.records:
        text = record.get(RECORD)
        try:
            entity = entity_named(text)
        except InputError:
            raise FileInputError(
                "catalogue_io.bad_record",
                where=table.place(record, RECORD),
                text=text,
                allowed=allowed,
            ) from None
        for column, cell in record.cells.items():
            if cell and column != RECORD and column not in entity.columns:
                raise FileInputError(
                    "catalogue_io.foreign_cell",
                    where=table.place(record, column),
                    record=entity.record,
                )
        by_entity.setdefault(entity.name, []).append(record)
    table.require_rows()
    groups = {}
    for name, records in by_entity.items():
        table.check_columns(COMBINED_COLUMNS, (RECORD, *entity_named(name).required))
        groups[name] = _Group(table, tuple(records))
    return groups


def _parse(groups: dict[str, _Group]) -> dict[str, _Group]:
    for entity in ENTITIES:
        group = groups.setdefault(entity.name, _Group(Table(Where(""), (), ()), ()))
        group.items = parse_entity(entity, group.table, group.records)
    return groups


def _check_sectors(db: Database, parsed: dict[str, _Group]) -> None:
    """Every indicator's sector is in the file or already stored (placed at its cell)."""
    known = set(load_catalogue(db).sectors) | {p.item.code for p in parsed[SECTORS.name].items}
    group = parsed[INDICATORS.name]
    for p in group.items:
        if p.item.sector not in known:
            _, record = group.locate(p.item.code)
            raise FileInputError(
                "catalogue.unknown_sector",
                where=group.table.place(record, "sector"),
                code=p.item.code,
                sector=p.item.sector,
            )


def _note(report: ImportReport, entity: Entity[Any], group: _Group, stored: Catalogue) -> list[Any]:
    """Record each item in the report; return those that are new or changed."""
    by_entity: dict[str, dict[str, Any]] = {
        SECTORS.name: dict(stored.sectors),
        BASE_KINDS.name: dict(stored.base_kinds),
        INDICATORS.name: dict(stored.indicators),
    }
    existing = by_entity[entity.name]
    fresh = []
    for p in group.items:
        old = existing.get(entity.key(p.item))
        same = old == p.item
        report.note(entity.record, entity.key(p.item), old, p.item, p.row, same=same)
        if not same:
            fresh.append(p.item)
    return fresh


# --- export ------------------------------------------------------------------------------


def export_catalogue(db: Database, path: Path, *, entity: str | None = None) -> int:
    """Write the catalogue to a .csv, .json or .xlsx file; returns how many records.

    A CSV file holds every kind with a ``record`` column, or only ``entity`` in the
    shipped reference format.
    """
    path = Path(path)
    catalogue = load_catalogue(db)
    items: dict[str, list[Any]] = {
        SECTORS.name: catalogue.sector_list(),
        BASE_KINDS.name: sorted(catalogue.base_kinds.values(), key=lambda b: (b.position, b.code)),
        INDICATORS.name: sorted(
            catalogue.indicators.values(), key=lambda i: (i.sector, i.position, i.code)
        ),
    }
    chosen: Sequence[Entity[Any]] = (entity_named(entity),) if entity else ENTITIES
    sheets = [
        Sheet(e.name, e.columns, e.sheet_rows(items[e.name]), numeric=e.numeric) for e in chosen
    ]
    if path.suffix.lower() == ".csv" and len(chosen) > 1:
        combined = [
            {RECORD: e.record, **row} for e in chosen for row in e.sheet_rows(items[e.name])
        ]
        sheets = [Sheet("catalogue", COMBINED_COLUMNS, combined, numeric=NUMERIC)]
    document = {e.name: [e.to_json(item) for item in items[e.name]] for e in chosen}
    write_file(path, sheets, json_data=document, guide=GUIDE)
    return sum(len(items[e.name]) for e in chosen)

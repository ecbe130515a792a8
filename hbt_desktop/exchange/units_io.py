"""Organisation units in and out of files: CSV, XLSX (sheet ``units``), JSON ``{"units": […]}``.

The CSV columns are those of the shipped ``resources/reference/units.csv``; a merger
is written in the ``predecessors`` column as ``UID:whole`` or ``UID:part[:share]``,
separated by ``;``. An import checks every row and the whole tree (every parent and
predecessor known, no loop) and stores everything through ``store.units.save_units``
in one transaction, or nothing.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from hbt_desktop.core.errors import HbtError
from hbt_desktop.core.units import OrgUnit, UnitTree
from hbt_desktop.exchange import jsonfile, rows
from hbt_desktop.exchange.entities import Entity, Parsed, parse_entity
from hbt_desktop.exchange.formats import read_tables, write_file
from hbt_desktop.exchange.report import ImportReport, transaction
from hbt_desktop.exchange.tables import DEFAULT_LIMITS, Limits, Sheet, Table
from hbt_desktop.exchange.where import FileInputError, Where
from hbt_desktop.store.units import load_units, save_units

if TYPE_CHECKING:
    from sqlite_utils import Database

_LINK_KEYS = {"uid", "portion", "share"}


def _links(value: object) -> str | None:
    """JSON predecessors — ``[{"uid": "P00286", "portion": "whole"}, …]`` or the CSV
    text — as the CSV text."""
    if not isinstance(value, list):
        return jsonfile.as_text(value)
    parts = []
    for link in value:
        if not isinstance(link, dict) or not set(link) <= _LINK_KEYS:
            return None
        uid, portion, share = link.get("uid"), link.get("portion", "whole"), link.get("share")
        if not isinstance(uid, str) or not isinstance(portion, str):
            return None
        if share is None:
            parts.append(f"{uid}:{portion}")
        elif isinstance(share, str | Decimal | int) and not isinstance(share, bool):
            parts.append(f"{uid}:{portion}:{share}")
        else:
            return None
    return "; ".join(parts)


def _unit_json(unit: OrgUnit) -> dict[str, object]:
    return {
        "uid": unit.uid,
        "code": unit.code,
        "name": unit.name,
        "kind": unit.kind.value,
        "level": unit.level,
        "parent_uid": unit.parent_uid,
        "valid_from": unit.valid_from.isoformat() if unit.valid_from else None,
        "valid_to": unit.valid_to.isoformat() if unit.valid_to else None,
        "predecessors": [
            {
                "uid": p.uid,
                "portion": p.portion.value,
                "share": format(p.share, "f") if p.share is not None else None,
            }
            for p in unit.predecessors
        ],
        "note": unit.note,
    }


_T = jsonfile.TEXT
UNITS: Entity[OrgUnit] = Entity(
    name="units",
    record="unit",
    columns=rows.UNIT_COLUMNS,
    required=("code", "name", "kind"),
    build=rows.unit_from_row,
    key=lambda u: u.uid,
    to_row=rows.unit_to_row,
    to_json=_unit_json,
    json_cells={
        "uid": _T,
        "code": _T,  # a string: the number 1 would have lost the zero of "01"
        "name": _T,
        "kind": _T,
        "level": jsonfile.INTEGER,
        "parent_uid": _T,
        "valid_from": _T,
        "valid_to": _T,
        "predecessors": ("array of {uid, portion, share}", _links),
        "note": _T,
    },
    numeric=frozenset({"level"}),
    dates=("valid_from", "valid_to"),
)

GUIDE = (
    (
        "uid",
        "Mã định danh bền vững của đơn vị, không bao giờ dùng lại (ví dụ P00241, "
        "W00283-2025). Để trống thì lấy theo mã thống kê.",
    ),
    ("code", "Mã thống kê (có thể được dùng lại cho đơn vị khác sau sáp nhập), ví dụ 00241."),
    ("name", "Tên, không có chữ chỉ loại: «Nguyễn Du»."),
    ("kind", "Loại: thành phố, tỉnh, quận, huyện, thị xã, phường, xã, thị trấn, đặc khu."),
    ("level", "Cấp: 1 tỉnh/thành phố, 2 quận/huyện, 3 phường/xã."),
    ("parent_uid", "Mã định danh của đơn vị cấp trên."),
    (
        "valid_from",
        "Ngày bắt đầu hiệu lực (năm-tháng-ngày, ví dụ 2025-07-01); để trống nếu "
        "có từ trước khi có số liệu.",
    ),
    ("valid_to", "Ngày cuối cùng còn hiệu lực; để trống nếu còn hiệu lực."),
    (
        "predecessors",
        "Đơn vị tiền thân khi sáp nhập: UID:whole (toàn bộ) hoặc UID:part "
        "(một phần), thêm :tỷ lệ nếu đã chia số liệu (ví dụ P00283:part:0.4); cách nhau bằng ;",
    ),
    ("note", "Ghi chú."),
)


def import_units(
    db: Database, path: Path, *, dry_run: bool = False, limits: Limits = DEFAULT_LIMITS
) -> ImportReport:
    """Import units (and their merger links) from a file, all or nothing."""
    path = Path(path)
    contents = read_tables(
        path,
        sheets=(UNITS.name,),
        json_cells={UNITS.name: UNITS.json_cells},
        numeric=UNITS.numeric,
        limits=limits,
    )
    table = next(iter(contents.tables.values()), None)
    if table is None:
        raise FileInputError("table.no_rows", where=Where(path.name, item=True))
    table.check_columns(UNITS.columns, UNITS.required)
    table.require_rows()
    parsed = parse_entity(UNITS, table, table.records)
    stored = load_units(db)
    _check_tree(table, parsed, stored)
    report = ImportReport(path.name, dry_run)
    fresh = []
    for p in parsed:
        old = stored.units.get(p.item.uid)
        same = old is not None and _comparable(old) == _comparable(p.item)
        report.note(UNITS.record, p.item.uid, old, p.item, p.row, same=same)
        if not same:
            fresh.append(p.item)
    with transaction(db, dry_run=dry_run):
        save_units(db, fresh)
    return report


def _comparable(unit: OrgUnit) -> OrgUnit:
    # The store keeps predecessors ordered by uid; a file may list them in any order.
    return replace(unit, predecessors=tuple(sorted(unit.predecessors, key=lambda p: p.uid)))


def _check_tree(table: Table, parsed: list[Parsed[OrgUnit]], stored: UnitTree) -> None:
    """Levels, parents and predecessors known (in the file or stored), no loops —
    each refusal placed at its row and column."""
    merged = dict(stored.units)
    merged.update({p.item.uid: p.item for p in parsed})
    records = {r.number: r for r in table.records}
    for p in parsed:
        unit, record = p.item, records[p.row]
        links = [("parent_uid", unit.parent_uid)] if unit.parent_uid else []
        links += [("predecessors", pred.uid) for pred in unit.predecessors]
        for column, uid in links:
            if uid not in merged:
                raise FileInputError(
                    "unit.unknown_parent",
                    where=table.place(record, column),
                    name=unit.name,
                    parent=uid,
                )
    try:
        UnitTree(merged).validate()
    except HbtError as err:  # a loop in the tree, reported with the uid where it closes
        row = next((p.row for p in parsed if p.item.uid == err.params.get("uid")), None)
        raise FileInputError.of(err, table.place(records.get(row or 0), "parent_uid")) from err


def export_units(db: Database, path: Path) -> int:
    """Write every unit to a .csv, .json or .xlsx file; returns how many."""
    path = Path(path)
    units = sorted(load_units(db), key=lambda u: (u.level, u.code, u.uid))
    sheet = Sheet(UNITS.name, UNITS.columns, UNITS.sheet_rows(units), numeric=UNITS.numeric)
    document = {UNITS.name: [_unit_json(u) for u in units]}
    write_file(path, [sheet], json_data=document, guide=GUIDE)
    return len(units)


__all__ = ["UNITS", "export_units", "import_units"]

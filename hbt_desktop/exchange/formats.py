"""Reading a file into tables and writing tables to a file, chosen by the file's extension.

``.csv`` (also ``.txt``/``.tsv``: Excel's «Unicode text»), ``.json`` and ``.xlsx``. The
formats themselves live in ``csvfile.py``, ``jsonfile.py`` and ``xlsx.py``; the rules
they share (limits, row numbering, escaping against formula injection) in ``tables.py``.
The formats are documented for clerks in docs/file-formats.md.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from hbt_desktop.core.errors import InputError
from hbt_desktop.exchange import csvfile, jsonfile, xlsx
from hbt_desktop.exchange.jsonfile import Converter
from hbt_desktop.exchange.tables import DEFAULT_LIMITS, Limits, Sheet, Table
from hbt_desktop.exchange.where import Where

FileKind = Literal["csv", "json", "xlsx"]
JsonCells = Mapping[str, tuple[str, Converter]]


def file_kind(path: Path) -> FileKind:
    suffix = path.suffix.lower()
    if suffix in (".csv", ".txt", ".tsv"):
        return "csv"
    if suffix == ".json":
        return "json"
    if suffix == ".xlsx":
        return "xlsx"
    if suffix == ".xls":
        raise InputError("file.old_excel", file=path.name)
    raise InputError("file.unknown_type", file=path.name, suffix=suffix or "—")


@dataclass(frozen=True)
class Contents:
    """What a file held. ``tables`` are keyed by the wanted sheet (or JSON list) name;
    a CSV file's one table is keyed ``""``. ``top`` holds a JSON document's other
    top-level keys."""

    kind: FileKind
    tables: dict[str, Table]
    top: dict[str, object] = field(default_factory=dict)


def read_tables(
    path: Path,
    *,
    sheets: Sequence[str],
    json_cells: Mapping[str, JsonCells],
    numeric: Collection[str] = (),
    json_extra: Collection[str] = (),
    single_sheet_ok: bool = True,
    limits: Limits = DEFAULT_LIMITS,
) -> Contents:
    """Read ``path`` whole.

    ``sheets`` are the sheet names (XLSX) and list keys (JSON) the format knows;
    ``json_cells`` the accepted keys of each JSON list's objects; ``json_extra`` other
    accepted top-level JSON keys; ``numeric`` the columns that hold numbers (see
    ``tables.py`` on formula injection).
    """
    kind = file_kind(path)
    if kind == "csv":
        return Contents(kind, {"": csvfile.read_csv(path, numeric=numeric, limits=limits)})
    if kind == "xlsx":

        def choose(names: Sequence[str]) -> Sequence[str]:
            return xlsx.pick_sheets(names, sheets, Where(path.name), single_ok=single_sheet_ok)

        found = xlsx.read_xlsx(path, choose=choose, numeric=numeric, limits=limits)
        by_lower = {s.lower(): s for s in sheets}
        return Contents(kind, {by_lower.get(n.lower(), sheets[0]): t for n, t in found.items()})
    where = Where(path.name, item=True)
    allowed = dict.fromkeys([*sheets, *json_extra])
    document = jsonfile.top_object(jsonfile.read_json(path, limits=limits), where, allowed)
    tables = {
        name: jsonfile.json_table(
            document[name], Where(path.name, sheet=name, item=True), json_cells[name], limits=limits
        )
        for name in sheets
        if name in document
    }
    top = {k: v for k, v in document.items() if k not in sheets}
    return Contents(kind, tables, top)


def write_file(
    path: Path,
    sheets: Sequence[Sheet],
    *,
    json_data: object,
    guide: Sequence[tuple[str, str]] = (),
) -> None:
    """Write ``sheets`` as CSV (exactly one sheet) or XLSX, or ``json_data`` as JSON."""
    kind = file_kind(path)
    if kind == "json":
        jsonfile.write_json(path, json_data)
    elif kind == "xlsx":
        xlsx.write_xlsx(path, sheets, guide)
    else:
        if len(sheets) != 1:
            raise ValueError("a CSV file holds exactly one table")
        csvfile.write_csv(path, sheets[0])


__all__ = [
    "DEFAULT_LIMITS",
    "Contents",
    "FileKind",
    "Limits",
    "Sheet",
    "Table",
    "file_kind",
    "read_tables",
    "write_file",
]

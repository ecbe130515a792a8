"""XLSX workbooks, read defensively and written for people.

An .xlsx file is a zip of XML parts, so before openpyxl parses anything the zip itself
is checked: the number of parts, their total unpacked size and each part's compression
ratio (a zip bomb unpacks a few kilobytes into gigabytes). Python's ``zipfile`` never
unpacks more than a part's declared size, so checking the declared sizes is enough.

XML can declare entities that expand exponentially ("billion laughs") or fetch outside
files. openpyxl parses through defusedxml when it is installed (it is a dependency);
:func:`defused` checks that this is in effect and reading refuses to start otherwise.
On top of that every XML part is scanned for a DOCTYPE before parsing: Excel and
LibreOffice never write one, so a workbook that has one is refused outright.

Cells are read as the clerk sees them (``data_only``: a formula gives its last computed
value). A number formatted as a percentage is refused: Excel stores ``12,33%`` as
0.1233, and reading that as 0.1233 would be off by a factor of a hundred.
"""

from __future__ import annotations

import logging
import math
import zipfile
from collections.abc import Callable, Collection, Iterator, Sequence
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any

from hbt_desktop.core.text import clean, nfc
from hbt_desktop.exchange.legacy_text import convert_sheet
from hbt_desktop.exchange.tables import (
    DEFAULT_LIMITS,
    Cell,
    Limits,
    Sheet,
    Table,
    build_table,
    cell_text,
    checked_size,
    is_canonical_number,
    write_atomically,
)
from hbt_desktop.exchange.where import FileInputError, Where

log = logging.getLogger(__name__)

GUIDE_SHEET = "Hướng dẫn"
# Excel keeps 15 significant digits; an integer up to 2**53 is still exact as a double.
_EXCEL_DIGITS = 15
_EXACT_INTEGER = 2**53
# A part smaller than this cannot be a bomb, whatever its ratio.
_RATIO_FLOOR = 1024 * 1024
_DOCTYPE_MARKS = tuple(
    mark.encode(encoding)
    for mark in ("<!DOCTYPE", "<!ENTITY")
    for encoding in ("utf-8", "utf-16-le", "utf-16-be")
)


def defused() -> bool:
    """True when openpyxl parses workbooks through defusedxml."""
    from openpyxl.xml import functions  # noqa: PLC0415

    module = getattr(functions.iterparse, "__module__", "") or ""
    return module.startswith("defusedxml")


# --- reading -----------------------------------------------------------------------------

SheetChooser = Callable[[Sequence[str]], Sequence[str]]


def read_xlsx(
    path: Path,
    *,
    choose: SheetChooser,
    numeric: Collection[str] = (),
    limits: Limits = DEFAULT_LIMITS,
) -> dict[str, Table]:
    """The sheets ``choose`` picks from the workbook's sheet names, as tables."""
    where = Where(path.name)
    checked_size(path, limits)
    with path.open("rb") as fh:
        if fh.read(4) == b"\xd0\xcf\x11\xe0":  # OLE2: .xls, or an encrypted .xlsx
            raise FileInputError("xlsx.ole", where=where)
    check_zip(path, where, limits)
    if not defused():
        raise FileInputError("xlsx.unsafe_parser", where=where)
    import openpyxl  # noqa: PLC0415

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises anything from KeyError to ParseError
        log.warning("cannot open %s as xlsx: %r", path, exc)
        raise FileInputError("xlsx.damaged", where=where) from None
    try:
        names = [nfc(str(name)) for name in book.sheetnames]
        tables = {}
        for name in choose(names):
            sheet_where = Where(path.name, sheet=name)
            rows = _rows(book[book.sheetnames[names.index(name)]], sheet_where)
            try:
                tables[name] = build_table(sheet_where, rows, numeric=numeric, limits=limits)
            except FileInputError:
                raise
            except Exception as exc:  # a part that only fails when its rows are parsed
                log.warning("cannot read sheet %s of %s: %r", name, path, exc)
                raise FileInputError("xlsx.damaged", where=sheet_where) from None
        return tables
    finally:
        book.close()


def check_zip(path: Path, where: Where, limits: Limits) -> None:
    """Refuse a file that is no zip, or a zip that unpacks to far more than it holds."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            if len(members) > limits.max_zip_members:
                _bomb(where, f"{len(members)} parts")
            total = sum(m.file_size for m in members)
            if total > limits.max_unzipped_bytes:
                _bomb(where, f"{total // (1024 * 1024)} MB unpacked")
            for member in members:
                ratio = member.file_size / max(member.compress_size, 1)
                if member.file_size > _RATIO_FLOOR and ratio > limits.max_ratio:
                    _bomb(where, f"{member.filename}: 1:{ratio:.0f}")
            for member in members:
                if member.filename.endswith((".xml", ".rels", ".vml")):
                    _scan_xml(archive, member, where)
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        EOFError,
        ValueError,
        NotImplementedError,  # an unknown compression method
        RuntimeError,  # an encrypted part
    ):
        raise FileInputError("xlsx.damaged", where=where) from None


def _bomb(where: Where, detail: str) -> None:
    raise FileInputError("xlsx.zip_bomb", where=where, detail=detail)


def _scan_xml(archive: zipfile.ZipFile, member: zipfile.ZipInfo, where: Where) -> None:
    tail = b""
    with archive.open(member) as part:
        while chunk := part.read(1024 * 1024):
            window = tail + chunk
            if any(mark in window for mark in _DOCTYPE_MARKS):
                raise FileInputError("xlsx.unsafe_xml", where=where, part=member.filename)
            tail = window[-32:]


def _rows(worksheet: Any, where: Where) -> Iterator[tuple[int, list[str]]]:
    from openpyxl.utils import get_column_letter  # noqa: PLC0415

    header: list[str] = []  # for naming the column of a refused cell
    number = 0
    numbers: list[int] = []
    rows: list[list[str]] = []
    fonts: list[list[str | None]] = []
    for row in worksheet.iter_rows():
        number += 1
        texts = []
        for index, cell in enumerate(row):
            real_row = getattr(cell, "row", None)
            if isinstance(real_row, int):
                number = real_row
            name = header[index] if index < len(header) else ""
            place = where.at(row=number, column=name or get_column_letter(index + 1))
            texts.append(_cell(cell, place))
        if not header and any(t.strip() for t in texts):
            header = [clean(t).lower() for t in texts]
        numbers.append(number)
        rows.append(texts)
        fonts.append([_font(cell) for cell in row])
    # Text typed in the TCVN3 (.VnTime) or VNI (VNI-Times) fonts, in Unicode: decided
    # per sheet, so the whole sheet is read before its rows go on.
    converted, _ = convert_sheet(rows, fonts)
    yield from zip(numbers, converted, strict=True)


def _font(cell: Any) -> str | None:
    name = getattr(getattr(cell, "font", None), "name", None)
    return name if isinstance(name, str) else None


def _cell(cell: Any, where: Where) -> str:
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, str | bool):
        return cell_text(value)
    if isinstance(value, int | float):
        if "%" in str(getattr(cell, "number_format", "") or ""):
            raise FileInputError("xlsx.percent_cell", where=where)
        return _number(value, where)
    if isinstance(value, date | time):
        return _temporal(value)
    return clean(str(value))


def _temporal(value: date | time) -> str:
    """A date cell as an ISO date; a datetime at midnight (Excel's dates) as its date."""
    if isinstance(value, datetime) and value.time() == time(0):
        return value.date().isoformat()
    return value.isoformat()


def _number(value: int | float, where: Where) -> str:
    if isinstance(value, int):
        return str(value)
    if not math.isfinite(value):
        raise FileInputError("xlsx.damaged", where=where)
    if abs(value) >= _EXACT_INTEGER:
        # Beyond 2**53 a double no longer holds every integer: the cell may already
        # differ from what was typed.
        raise FileInputError("xlsx.imprecise_number", where=where, value=repr(value))
    if value.is_integer():
        return str(int(value))
    # repr() is the shortest text that reads back as the same double: what Excel shows.
    return format(Decimal(repr(value)), "f")


def pick_sheets(
    names: Sequence[str], wanted: Sequence[str], where: Where, *, single_ok: bool
) -> list[str]:
    """The sheets of ``wanted`` present in ``names`` (matched ignoring case).

    The guide sheet is skipped; any other sheet is refused, since its rows would
    otherwise be silently ignored. With ``single_ok`` a workbook whose only sheet has
    another name is read as the first wanted sheet.
    """
    lowered = {w.lower(): w for w in wanted}
    data_sheets = [n for n in names if n.lower() != GUIDE_SHEET.lower()]
    if single_ok and len(data_sheets) == 1 and data_sheets[0].lower() not in lowered:
        return data_sheets
    for name in data_sheets:
        if name.lower() not in lowered:
            raise FileInputError(
                "xlsx.unknown_sheet", where=where, sheet=name, allowed=", ".join(wanted)
            )
    if not data_sheets:
        raise FileInputError(
            "xlsx.missing_sheet", where=where, sheet=wanted[0], found=", ".join(names) or "—"
        )
    return data_sheets


# --- writing -----------------------------------------------------------------------------


def write_xlsx(path: Path, sheets: Sequence[Sheet], guide: Sequence[tuple[str, str]] = ()) -> None:
    """One sheet per :class:`Sheet`, plus a «Hướng dẫn» sheet of (column, explanation).

    Text cells are always string cells (openpyxl would otherwise turn ``=…`` into a
    formula) and are escaped like CSV cells; numbers in numeric columns are number cells
    shown with their own decimals, unless Excel could not hold them exactly.
    """
    from openpyxl import Workbook  # noqa: PLC0415
    from openpyxl.cell import WriteOnlyCell  # noqa: PLC0415
    from openpyxl.comments import Comment  # noqa: PLC0415
    from openpyxl.styles import Font  # noqa: PLC0415

    book = Workbook(write_only=True)
    bold = Font(bold=True)
    for sheet in sheets:
        ws = book.create_sheet(sheet.name)
        header = []
        for column in sheet.columns:
            cell = WriteOnlyCell(ws, value=column)
            cell.font = bold
            if column in sheet.comments:
                cell.comment = Comment(sheet.comments[column], "hbt-desktop", 160, 320)
            header.append(cell)
        ws.append(header)
        for row in sheet.rows:
            ws.append([_write_cell(ws, WriteOnlyCell, sheet, c, row.get(c)) for c in sheet.columns])
    if guide:
        ws = book.create_sheet(GUIDE_SHEET)
        ws.append([WriteOnlyCell(ws, value="Cột"), WriteOnlyCell(ws, value="Ý nghĩa")])
        for column, text in guide:
            ws.append([_text_cell(ws, WriteOnlyCell, column), _text_cell(ws, WriteOnlyCell, text)])
    write_atomically(path, book.save)


def _write_cell(ws: Any, make: Any, sheet: Sheet, column: str, value: Cell) -> Any:
    text = sheet.text(column, value)
    if column in sheet.numeric and is_canonical_number(text) and _fits_excel(text):
        _, _, fraction = text.partition(".")
        cell = make(ws, value=int(text) if not fraction else Decimal(text))
        cell.number_format = "0." + "0" * len(fraction) if fraction else "0"
        return cell
    return _text_cell(ws, make, text)


def _text_cell(ws: Any, make: Any, text: str) -> Any:
    cell = make(ws, value=text)
    cell.data_type = "s"  # never a formula, whatever the text starts with
    return cell


def _fits_excel(text: str) -> bool:
    digits = text.lstrip("-").replace(".", "").lstrip("0")
    return len(digits) <= _EXCEL_DIGITS

"""The entry sheet: an .xlsx workbook a clerk fills in, for one unit and one period.

Exported with Vietnamese headings, one row per indicator in use: its code, name and unit,
last year's figure for the same period (from the predecessors for a merged unit), the
figure held now, status and comment to fill in, and "So cùng kỳ (%)" computed by the
program — a number, not a formula, so the workbook does exactly what the program says and
nothing else. Everything but the three input columns is locked (sheet protection, no
password: it guards against slips, not against a determined user — the import checks
every cell anyway).

Imported back with the safety checks of every workbook (size, zip bomb, XML entities:
``exchange.xlsx``); a typed cell is read by ``core.values.read_entry`` exactly as if it
had been typed in the program ("4.115 tỷ 081 triệu", "trên 7.743 tỷ", "12,5"), a number
cell as the number it holds. When a row is wrong, an error report (one line per problem:
row, indicator, column, reason) is written next to the file, and nothing is stored —
unless the clerk chose to take only the valid rows. Blank figure cells are left alone (a
figure is removed in the program, not by clearing a cell).
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from hbt_desktop.core.catalogue import Indicator, IndicatorKind
from hbt_desktop.core.derived import index_pct
from hbt_desktop.core.errors import HbtError, InputError
from hbt_desktop.core.figures import resolve
from hbt_desktop.core.i18n import register, tr
from hbt_desktop.core.numbers import Convention
from hbt_desktop.core.periods import Period, format_period, parse_period
from hbt_desktop.core.text import clean
from hbt_desktop.core.values import MAX_SCALE, Status, Value, parse_status, read_entry
from hbt_desktop.exchange import csvfile, xlsx
from hbt_desktop.exchange.tables import (
    DEFAULT_LIMITS,
    Cell,
    Limits,
    Sheet,
    checked_size,
    escape_text,
)
from hbt_desktop.exchange.where import FileInputError, Where
from hbt_desktop.store.audit import How
from hbt_desktop.store.catalogue import load_catalogue
from hbt_desktop.store.source import StoreSource
from hbt_desktop.store.units import load_units
from hbt_desktop.store.values import values_for
from hbt_desktop.store.writes import apply_values

log = logging.getLogger(__name__)

register(
    {
        "sheet.not_entry_sheet": {
            "vi": "Tệp {file} không phải sổ nhập số liệu của hbt-desktop (thiếu trang «{sheet}» "
            "hoặc dòng tiêu đề đã bị sửa). Hãy xuất lại sổ từ chương trình.",
            "en": "{file} is not an hbt-desktop entry sheet (the sheet «{sheet}» is missing or "
            "its header row was changed). Export the sheet again from the program.",
        },
        "sheet.unknown_indicator": {
            "vi": "Không có chỉ tiêu mã «{code}» trong danh mục.",
            "en": "There is no indicator «{code}» in the catalogue.",
        },
        "sheet.twice": {
            "vi": "Chỉ tiêu {code} có hai dòng trong sổ.",
            "en": "Indicator {code} appears on two rows.",
        },
        "sheet.not_whole": {
            "vi": "Số tiền phải là số đồng nguyên, nhận được {value}.",
            "en": "Money must be a whole number of đồng, got {value}.",
        },
        "sheet.summary_ok": {
            "vi": "Sổ {file}: {stored} số liệu thay đổi, {unchanged} không đổi.",
            "en": "Sheet {file}: {stored} figures changed, {unchanged} unchanged.",
        },
        "sheet.summary_errors": {
            "vi": "Sổ {file} có {errors} lỗi (xem {report}); {stored} số liệu được lưu từ các "
            "dòng đúng.",
            "en": "Sheet {file} has {errors} errors (see {report}); {stored} figures were "
            "stored from the valid rows.",
        },
        "sheet.summary_refused": {
            "vi": "Sổ {file} có {errors} lỗi nên chưa lưu gì; danh sách lỗi ở {report}. Sửa "
            "rồi nhập lại, hoặc chọn chỉ lấy các dòng đúng.",
            "en": "Sheet {file} has {errors} errors, so nothing was stored; they are listed in "
            "{report}. Correct them and import again, or choose to take only the valid rows.",
        },
    }
)

SHEET = "Nhập số liệu"
INFO_SHEET = "Thông tin"
COLUMNS = (
    "STT",
    "Mã chỉ tiêu",
    "Chỉ tiêu",
    "Đơn vị tính",
    "Cùng kỳ năm trước",
    "Số liệu kỳ này",
    "Tình trạng",
    "Ghi chú",
    "So cùng kỳ (%)",
)
INPUT = ("Số liệu kỳ này", "Tình trạng", "Ghi chú")
STATUS_WORDS = {s.label: s for s in Status}
REPORT_SUFFIX = ".loi.csv"
_EXACT_INTEGER = 2**53


def _indicators(db: Database, period: Period) -> list[Indicator]:
    cat = load_catalogue(db)
    active = [
        i
        for i in cat.indicators.values()
        if i.retired_from is None or i.retired_from > period.start
    ]
    return sorted(active, key=lambda i: (cat.sectors[i.sector].position, i.position, i.code))


def _unit_label(ind: Indicator) -> str:
    return "đồng" if ind.kind is IndicatorKind.MONEY else ind.unit_label


def _number(amount: Decimal | None) -> int | Decimal | str | None:
    """A figure as an Excel number when Excel can hold it exactly, else as text."""
    if amount is None:
        return None
    digits = len(amount.as_tuple().digits)
    if digits > 15:
        return format(amount, "f")
    return int(amount) if amount == amount.to_integral_value() else amount


# -- export --------------------------------------------------------------------------------


def export_entry_sheet(
    db: Database,
    path: Path,
    unit_uid: str,
    period: Period,
    *,
    indicators: list[str] | None = None,
) -> int:
    """Write the entry sheet of ``unit_uid`` for ``period``; returns the number of rows."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill, Protection
    from openpyxl.worksheet.datavalidation import DataValidation

    unit = load_units(db).get(unit_uid)
    chosen = _indicators(db, period)
    if indicators is not None:
        chosen = [i for i in chosen if i.code in set(indicators)]
    held = values_for(db, unit_uid, period)
    src = StoreSource(db)
    last = period.same_period_last_year()
    book = Workbook()
    ws = book.active
    ws.title = SHEET
    bold = Font(bold=True)
    ws.append(list(COLUMNS))
    for cell in ws[1]:
        cell.font = bold
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    ws["A1"].comment = Comment(
        f"{unit.title_name}, {format_period(period)}. Chỉ nhập vào ba cột có nền vàng; các cột "
        "khác do chương trình tính và đã khóa.",
        "hbt-desktop",
    )
    fill = PatternFill("solid", fgColor="FFF7D6")
    for number, ind in enumerate(chosen, start=1):
        previous = resolve(src, ind.code, unit_uid, last)
        value = held.get(ind.code)
        pct = index_pct(value.amount if value else None, previous.amount)
        ws.append(
            [
                number,
                ind.code,
                ind.name,
                _unit_label(ind),
                _number(previous.amount),
                _number(value.amount) if value else None,
                (value.status if value else Status.THUC_HIEN).label,
                value.comment if value else "",
                None if pct is None else round(float(pct), ind.pct_decimals or 1),
            ]
        )
        row = ws.max_row
        for column, cell in enumerate(ws[row], start=1):
            if isinstance(cell.value, str):
                cell.value = escape_text(cell.value) if column in (3, 8) else cell.value
                cell.data_type = "s"  # never a formula
            if COLUMNS[column - 1] in INPUT:
                cell.protection = Protection(locked=False)
                cell.fill = fill
        for column in (5, 6):
            ws.cell(row, column).number_format = "#,##0.######"
    statuses = DataValidation(
        type="list", formula1='"' + ",".join(STATUS_WORDS) + '"', allow_blank=True
    )
    ws.add_data_validation(statuses)
    if chosen:
        statuses.add(f"G2:G{ws.max_row}")
    for letter, width in zip("ABCDEFGHI", (5, 20, 48, 12, 18, 18, 14, 30, 12), strict=True):
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = "C2"
    ws.protection.sheet = True
    info = book.create_sheet(INFO_SHEET)
    for row in (
        ("Mục", "Giá trị"),
        ("Mã đơn vị", unit.uid),
        ("Đơn vị", unit.title_name),
        ("Mã kỳ", period.id),
        ("Kỳ", format_period(period)),
        ("Lập lúc", datetime.now(UTC).isoformat(timespec="seconds")),
    ):
        info.append(list(row))
        for cell in info[info.max_row]:
            cell.data_type = "s"
    info.protection.sheet = True
    from hbt_desktop.exchange.tables import write_atomically

    write_atomically(path, book.save)
    return len(chosen)


# -- import --------------------------------------------------------------------------------


@dataclass(frozen=True)
class RowError:
    row: int
    code: str
    column: str
    message: str


@dataclass
class SheetImport:
    """What an entry-sheet import found and did."""

    file: str
    unit_uid: str
    period: Period
    values: list[Value] = field(default_factory=list)  # read from valid rows
    errors: list[RowError] = field(default_factory=list)
    stored: int = 0
    unchanged: int = 0
    report: Path | None = None

    def summary(self) -> str:
        if not self.errors:
            return tr(
                "sheet.summary_ok",
                None,
                file=self.file,
                stored=self.stored,
                unchanged=self.unchanged,
            )
        key = "sheet.summary_errors" if self.stored else "sheet.summary_refused"
        return tr(
            key,
            None,
            file=self.file,
            errors=len(self.errors),
            report=self.report.name if self.report else "",
            stored=self.stored,
        )


def report_path(path: Path) -> Path:
    return path.with_name(path.stem + REPORT_SUFFIX)


def import_entry_sheet(
    db: Database,
    path: Path,
    *,
    user: str,
    take_valid_rows: bool = False,
    dry_run: bool = False,
    limits: Limits = DEFAULT_LIMITS,
    now: datetime | None = None,
) -> SheetImport:
    """Read a filled-in entry sheet; store it if every row is valid (or, with
    ``take_valid_rows``, the valid rows). Refusals of the write path (another unit's
    sheet on a ward office, an approved period) raise and store nothing."""
    path = Path(path)
    book = _open_book(path, limits)
    try:
        unit_uid, period = _info(book, path)
        result = SheetImport(path.name, unit_uid, period)
        _read_rows(db, book, path, result, now or datetime.now(UTC), user)
    finally:
        book.close()
    report = report_path(path)
    if result.errors:
        _write_report(report, result.errors)
        result.report = report
        if not take_valid_rows:
            return result
    elif report.exists():
        report.unlink()  # a report from an earlier try would now mislead
    if dry_run:
        return result
    changes = apply_values(db, result.values, how=How.ENTRY_SHEET, user=user, ref=path.name)
    result.stored = sum(c.changed for c in changes)
    result.unchanged = len(changes) - result.stored
    return result


def _open_book(path: Path, limits: Limits) -> Any:
    where = Where(path.name)
    checked_size(path, limits)
    with path.open("rb") as fh:
        if fh.read(4) == b"\xd0\xcf\x11\xe0":
            raise FileInputError("xlsx.ole", where=where)
    xlsx.check_zip(path, where, limits)
    if not xlsx.defused():
        raise FileInputError("xlsx.unsafe_parser", where=where)
    import openpyxl

    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises anything from KeyError to ParseError
        log.warning("cannot open %s as xlsx: %r", path, exc)
        raise FileInputError("xlsx.damaged", where=where) from None


def _info(book: Any, path: Path) -> tuple[str, Period]:
    if INFO_SHEET not in book.sheetnames or SHEET not in book.sheetnames:
        raise InputError("sheet.not_entry_sheet", file=path.name, sheet=INFO_SHEET)
    found = {
        clean(str(row[0])): clean(str(row[1]))
        for row in book[INFO_SHEET].iter_rows(min_row=2, max_col=2, values_only=True)
        if row and row[0] is not None and row[1] is not None
    }
    if "Mã đơn vị" not in found or "Mã kỳ" not in found:
        raise InputError("sheet.not_entry_sheet", file=path.name, sheet=INFO_SHEET)
    return found["Mã đơn vị"], parse_period(found["Mã kỳ"])


def _read_rows(
    db: Database, book: Any, path: Path, result: SheetImport, now: datetime, user: str
) -> None:
    cat = load_catalogue(db)
    load_units(db).get(result.unit_uid)  # refuses a sheet of a unit not recorded here
    rows = book[SHEET].iter_rows()
    header = [clean(str(c.value or "")) for c in next(rows, [])]
    if tuple(header[: len(COLUMNS)]) != COLUMNS:
        raise InputError("sheet.not_entry_sheet", file=path.name, sheet=SHEET)
    seen: set[str] = set()
    for number, cells in enumerate(rows, start=2):
        by_name = dict(zip(COLUMNS, cells, strict=False))
        code = clean(str(_value(by_name.get("Mã chỉ tiêu")) or ""))
        figure = by_name.get("Số liệu kỳ này")
        if not code and _blank(figure):
            continue
        try:
            ind = cat.indicators.get(code)
            if ind is None:
                raise InputError("sheet.unknown_indicator", code=code)
            if code in seen:
                raise InputError("sheet.twice", code=code)
            seen.add(code)
            if _blank(figure):
                continue
            amount, decimals, qualifier = _figure(ind, figure)
        except HbtError as exc:
            result.errors.append(RowError(number, code, "Số liệu kỳ này", exc.message))
            continue
        try:
            status_text = clean(str(_value(by_name.get("Tình trạng")) or ""))
            status = parse_status(status_text) if status_text else Status.THUC_HIEN
        except HbtError as exc:
            result.errors.append(RowError(number, code, "Tình trạng", exc.message))
            continue
        comment = clean(str(_value(by_name.get("Ghi chú")) or ""))
        if comment.startswith("'"):
            from hbt_desktop.exchange.tables import unescape_text

            comment = unescape_text(comment)
        result.values.append(
            Value(
                code,
                result.unit_uid,
                result.period,
                amount,
                decimals,
                status,
                qualifier,
                comment,
                user,
                now,
            )
        )


def _value(cell: Any) -> Any:
    return None if cell is None else cell.value


def _blank(cell: Any) -> bool:
    value = _value(cell)
    return value is None or (isinstance(value, str) and not value.strip())


def _figure(ind: Indicator, cell: Any) -> tuple[Decimal, int, str | None]:
    """(amount, decimals, qualifier) of a figure cell, typed text or an Excel number."""
    value = cell.value
    if isinstance(value, str):
        entry = read_entry(ind, value, convention=Convention.TYPED)
        return entry.amount, entry.decimals, entry.qualifier
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InputError("number.invalid", text=str(value))
    if "%" in str(getattr(cell, "number_format", "") or ""):
        raise InputError("xlsx.percent_cell")
    if isinstance(value, float):
        if not math.isfinite(value) or abs(value) >= _EXACT_INTEGER:
            raise InputError("xlsx.imprecise_number", value=repr(value))
        amount = Decimal(repr(value)).normalize()
        if amount == amount.to_integral_value():
            amount = amount.quantize(Decimal(1))
    else:
        if abs(value) >= _EXACT_INTEGER:
            raise InputError("xlsx.imprecise_number", value=repr(value))
        amount = Decimal(value)
    if ind.kind is IndicatorKind.MONEY:
        if amount != amount.to_integral_value():
            raise InputError("sheet.not_whole", value=format(amount, "f"))
        return amount, 0, None
    # The cell's own decimals, and at least the indicator's usual precision.
    exponent = amount.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    if places > MAX_SCALE:
        raise InputError("value.too_precise", text=format(amount, "f"), max=MAX_SCALE)
    if amount < 0 and ind.kind is not IndicatorKind.GROWTH:
        raise InputError("value.negative", text=format(amount, "f"), indicator=ind.name)
    return amount, max(places, ind.decimals), None


def _write_report(path: Path, errors: list[RowError]) -> None:
    columns = ("Dòng", "Mã chỉ tiêu", "Cột", "Lỗi")
    rows: list[dict[str, Cell]] = [
        {"Dòng": e.row, "Mã chỉ tiêu": e.code, "Cột": e.column, "Lỗi": e.message} for e in errors
    ]
    csvfile.write_csv(path, Sheet("loi", columns, rows, numeric=frozenset({"Dòng"})))

"""CSV files: what Excel and LibreOffice write, read strictly; written for Excel.

Read: UTF-8 with or without BOM, or UTF-16 with BOM (Excel's «Unicode text»); the
delimiter is ``,``, ``;`` (Excel with Vietnamese regional settings) or tab, whichever
the header line uses most. Text typed in the legacy Vietnamese font encodings TCVN3 and
VNI (saved as ANSI bytes or as UTF-8) is recognised and converted to Unicode
(``legacy_text.py``); anything else that is not UTF-8 (Windows-1258 …) is refused with
the way to save UTF-8.

Written: UTF-8 with a BOM, so that Excel on Windows shows Vietnamese letters instead of
mojibake, comma-separated, CRLF line ends, text cells escaped against formula injection
(``tables.py``).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Collection, Iterator
from pathlib import Path

from hbt_desktop.core.errors import InputError
from hbt_desktop.exchange import legacy_text
from hbt_desktop.exchange.tables import (
    DEFAULT_LIMITS,
    Limits,
    Sheet,
    Table,
    build_table,
    read_bytes,
    write_atomically,
)
from hbt_desktop.exchange.where import FileInputError, Where


def read_csv(
    path: Path, *, numeric: Collection[str] = (), limits: Limits = DEFAULT_LIMITS
) -> Table:
    where = Where(path.name)
    text = decode_text(read_bytes(path, limits), path.name)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text), strict=True)
    return build_table(where, _numbered(reader, where), numeric=numeric, limits=limits)


def _numbered(reader: Iterator[list[str]], where: Where) -> Iterator[tuple[int, list[str]]]:
    # A record is one spreadsheet row even when a quoted cell spans several lines.
    number = 0
    while True:
        number += 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error:
            raise FileInputError("csv.malformed", where=where.at(row=number)) from None
        yield number, row


def decode_text(data: bytes, file: str, *, convert: bool = True) -> str:
    """The file's text; typed in TCVN3 or VNI, converted to Unicode (unless ``convert``
    is off: the import's preview compares before and after)."""
    where = Where(file)
    try:
        text = _decode(data, where)
    except FileInputError as exc:
        # Legacy fonts' text saved by old Excel is ANSI bytes, not UTF-8: Latin-1 reads
        # them as the characters the fonts draw; taken only if they are TCVN3 or VNI.
        ansi = data.decode("latin-1")
        if exc.key != "csv.not_utf8" or legacy_text.detect([ansi]) is None:
            raise
        text = ansi
    return legacy_text.convert_text(text)[0] if convert else text


def _decode(data: bytes, where: Where) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise FileInputError("csv.not_utf8", where=where) from None
    if data.startswith(b"PK\x03\x04"):
        raise FileInputError("csv.is_xlsx", where=where)
    if data.startswith(b"\xd0\xcf\x11\xe0"):  # the OLE2 container of .xls files
        raise InputError("file.old_excel", file=where.file)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FileInputError("csv.not_utf8", where=where) from None
    if "\x00" in text:
        raise FileInputError("csv.binary", where=where)
    return text


def _delimiter(text: str) -> str:
    first = next((line for line in text.splitlines() if line.strip()), "")
    counts = {d: first.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])  # on a tie, the first: the comma
    return best if counts[best] else ","


def write_csv(path: Path, sheet: Sheet) -> None:
    def write(target: Path) -> None:
        with target.open("w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh, lineterminator="\r\n")
            writer.writerow(sheet.columns)
            for row in sheet.rows:
                writer.writerow([sheet.text(c, row.get(c)) for c in sheet.columns])

    write_atomically(path, write)

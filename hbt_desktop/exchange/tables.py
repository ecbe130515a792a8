"""Tables of text read from files, and the rules every file format shares.

Every import reads its whole file into :class:`Table` objects first — text cells with
their spreadsheet row numbers — and only then interprets them, so that a bad file is
refused before anything is stored, with the place of the first problem.

Shared safety rules: the file's size is checked before a byte is parsed
(:class:`Limits`); the number of rows and columns and the length of a cell are bounded
while reading; all text is made NFC (``core.text.clean``), so composed and decomposed
Vietnamese compare equal.

Formula injection. A spreadsheet program runs a cell that starts with ``=``, ``+``,
``-`` or ``@`` as a formula (``=HYPERLINK(…)``, DDE ``=cmd|…``). When writing CSV or
XLSX every *text* cell that starts with such a character (or with tab, CR, or their
full-width forms) gets a leading apostrophe ``'``, and so does a text cell that already
starts with an apostrophe, so that the escaping can be undone exactly: the readers
remove one leading apostrophe that is followed by one of those characters, in text
columns only. *Numeric* columns (declared by each format: ``value``, ``decimals``,
``level`` …) hold only canonical numbers (``4115081000000``, ``-1.25``), which a
spreadsheet reads as numbers, never as formulas; they are written without an
apostrophe and read back as they are, so a negative growth rate round-trips.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from hbt_desktop.core.errors import InputError
from hbt_desktop.core.text import clean, nfc
from hbt_desktop.exchange.where import FileInputError, Where

Cell = str | int | Decimal | bool | None
_MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """What an import accepts before refusing a file as too big or suspicious."""

    max_file_bytes: int = 50 * _MB
    max_rows: int = 200_000
    max_columns: int = 200
    max_cell_chars: int = 32_767  # Excel's own limit for one cell
    max_zip_members: int = 1_000
    max_unzipped_bytes: int = 400 * _MB
    # XML compresses 5-20 times; a ratio far above that is a zip bomb, not a workbook.
    max_ratio: int = 200


DEFAULT_LIMITS = Limits()


# --- escaping against formula injection --------------------------------------------------

_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
_CANONICAL_NUMBER = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")


def escape_text(text: str) -> str:
    """``=1+1`` → ``'=1+1``; ``'x`` → ``''x`` (so that unescaping is exact)."""
    return "'" + text if text.startswith((*_TRIGGERS, "'")) else text


def unescape_text(text: str) -> str:
    """The inverse of :func:`escape_text`; an apostrophe typed before a letter stays."""
    if text.startswith("'") and text[1:].startswith((*_TRIGGERS, "'")):
        return text[1:]
    return text


def is_canonical_number(text: str) -> bool:
    """Digits with an optional ``-`` and ``.`` decimal part: the machine format."""
    return _CANONICAL_NUMBER.fullmatch(text) is not None


def cell_text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


# --- reading -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Record:
    """One data row: its number as the clerk sees it and its cells by column name."""

    number: int
    cells: Mapping[str, str]

    def get(self, column: str) -> str:
        return self.cells.get(column, "")


@dataclass(frozen=True)
class Table:
    """Rows of text read from one CSV file, one sheet or one JSON list."""

    where: Where  # the file and the sheet (or JSON list)
    columns: tuple[str, ...]
    records: tuple[Record, ...]

    def place(self, record: Record | None = None, column: str = "") -> Where:
        return self.where.at(row=record.number if record else None, column=column)

    def check_columns(self, allowed: Collection[str], required: Collection[str] = ()) -> None:
        """Refuse unknown columns — a misspelt optional column would silently lose its
        data — and missing required ones."""
        for column in self.columns:
            if column not in allowed:
                raise FileInputError(
                    "table.unknown_column",
                    where=self.where,
                    column=column,
                    allowed=", ".join(allowed),
                )
        missing = [c for c in required if c not in self.columns]
        if missing:
            raise FileInputError(
                "table.missing_column",
                where=self.where,
                columns=", ".join(missing),
                found=", ".join(self.columns) or "—",
            )

    def require_rows(self) -> None:
        if not self.records:
            raise FileInputError("table.no_rows", where=self.where)


def build_table(
    where: Where,
    rows: Iterable[tuple[int, Sequence[str]]],
    *,
    numeric: Collection[str] = (),
    limits: Limits = DEFAULT_LIMITS,
) -> Table:
    """A table from numbered raw rows; the first non-blank row is the header.

    Text cells are unescaped (see the module documentation) and cleaned; blank rows are
    dropped (Excel leaves them at the end of sheets).
    """
    header: list[str] | None = None
    records: list[Record] = []
    for count, (number, raw) in enumerate(rows, start=1):
        if count > limits.max_rows + 1:
            raise FileInputError("file.too_many_rows", where=where, max=limits.max_rows)
        cells = list(raw)
        while cells and not cells[-1].strip():
            cells.pop()
        if not cells:
            continue
        if len(cells) > limits.max_columns:
            raise FileInputError(
                "file.too_many_columns", where=where.at(row=number), max=limits.max_columns
            )
        if header is None:
            header = _header(where.at(row=number), cells)
        else:
            records.append(_record(where, number, header, cells, numeric, limits))
    if header is None:
        raise FileInputError("table.empty", where=where)
    return Table(where, tuple(h for h in header if h), tuple(records))


def _header(where: Where, cells: list[str]) -> list[str]:
    names = [clean(c).lower() for c in cells]
    seen: set[str] = set()
    for name in names:
        if name in seen:
            raise FileInputError("table.duplicate_column", where=where, column=name)
        if name:
            seen.add(name)
    return names


def _record(
    where: Where,
    number: int,
    header: list[str],
    cells: list[str],
    numeric: Collection[str],
    limits: Limits,
) -> Record:
    # Runs for every row of an import: the place of an error (a new Where) is built only
    # when there is one, and cleaning takes clean()'s fast path for plain ASCII cells.
    if len(cells) > len(header):
        raise FileInputError(
            "table.extra_cells", where=where.at(row=number), count=len(cells), columns=len(header)
        )
    joined = "".join(cells)
    if (
        joined.isascii()
        and joined.isprintable()
        and "  " not in joined
        and "'" not in joined
        and len(joined) <= limits.max_cell_chars
        and all(header[: len(cells)])
    ):
        # Most rows of a machine-written file: plain ASCII cells (codes, numbers, dates),
        # every column named, none too long, nothing to unescape. For those, clean() is
        # strip() (its own fast path), and the row as a whole proves it in one pass
        # instead of one test per cell. Any other row takes the checks below.
        return Record(number, dict(zip(header, map(str.strip, cells), strict=False)))
    out: dict[str, str] = {}
    for index, raw in enumerate(cells):
        name = header[index]
        if len(raw) > limits.max_cell_chars:
            raise FileInputError(
                "file.cell_too_long",
                where=where.at(row=number, column=name or str(index + 1)),
                max=limits.max_cell_chars,
            )
        if not name:
            if raw.strip():
                raise FileInputError(
                    "table.unnamed_column", where=where.at(row=number), index=index + 1
                )
            continue
        text = unescape_text(nfc(raw)) if raw.startswith("'") and name not in numeric else raw
        out[name] = clean(text)
    return Record(number, out)


def checked_size(path: Path, limits: Limits) -> int:
    """The size of ``path``, refusing a missing, unreadable or too large file."""
    if not path.exists():
        raise InputError("file.missing", file=path.name)
    if not path.is_file() or not os.access(path, os.R_OK):
        raise InputError("file.unreadable", file=path.name)
    size = path.stat().st_size
    if size > limits.max_file_bytes:
        raise _too_large(path, size, limits)
    return size


def read_bytes(path: Path, limits: Limits) -> bytes:
    """The file's bytes, refused before reading if it is too large."""
    size = checked_size(path, limits)
    with path.open("rb") as fh:
        # One byte more than announced: a file that grows while being read is refused
        # rather than silently cut.
        data = fh.read(size + 1)
    if len(data) > limits.max_file_bytes:
        raise _too_large(path, len(data), limits)
    return data


def _too_large(path: Path, size: int, limits: Limits) -> InputError:
    return InputError(
        "file.too_large",
        file=path.name,
        size=f"{size / _MB:.0f}",
        max=f"{limits.max_file_bytes / _MB:.0f}",
    )


# --- writing -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Sheet:
    """Rows to write as one CSV file or one XLSX sheet. ``numeric`` columns hold
    canonical numbers; ``comments`` are notes on the header cells (XLSX only)."""

    name: str
    columns: Sequence[str]
    rows: Sequence[Mapping[str, Cell]]
    numeric: frozenset[str] = frozenset()
    comments: Mapping[str, str] = field(default_factory=dict)

    def text(self, column: str, value: Cell) -> str:
        """A cell as text to write, escaped unless it is a number in a numeric column."""
        text = cell_text(value)
        if column in self.numeric and is_canonical_number(text):
            return text
        return escape_text(text)


def write_atomically(path: Path, write: Callable[[Path], None]) -> None:
    """Write through a temporary file in the same folder, then rename it: an export that
    fails half-way never leaves a truncated file in place of a good one."""
    try:
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise InputError("file.write_failed", file=path.name, reason=exc.strerror) from exc
    os.close(fd)
    temp = Path(name)
    try:
        write(temp)
        with temp.open("rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(temp, path)
    except OSError as exc:
        raise InputError("file.write_failed", file=path.name, reason=exc.strerror) from exc
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()

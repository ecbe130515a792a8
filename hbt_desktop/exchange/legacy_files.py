"""What an import of a file typed in TCVN3 or VNI fonts will convert: a preview for the
clerk, read with the same readers and the same rule (``legacy_text``) the import uses."""

from __future__ import annotations

import re
from pathlib import Path

from hbt_desktop.exchange.csvfile import decode_text
from hbt_desktop.exchange.legacy_text import (
    Conversion,
    Encoding,
    convert_sheet,
    detect,
    examples,
    to_unicode,
)


def preview(path: Path) -> Conversion | None:
    """What reading ``path`` converts from a legacy encoding (None: nothing), for the
    import's message; the readers convert the same way (one rule, here)."""
    suffix = path.suffix.lower()
    if suffix in (".csv", ".txt", ".tsv"):
        try:
            raw = path.read_bytes()
            text = decode_text(raw, path.name, convert=False)
        except (OSError, ValueError):
            return None
        encoding = detect([text])
        if encoding is None:
            return None
        # Field by field: the preview shows the converted names, not whole rows of codes.
        fields = [f for line in text.splitlines() for f in re.split(r"[,;\t]", line)]
        pairs = ((f, to_unicode(f, encoding)) for f in fields)
        return Conversion(path.name, encoding, examples(pairs))
    if suffix == ".xlsx":
        return _xlsx_preview(path)
    return None


def _xlsx_preview(path: Path) -> Conversion | None:
    # Deferred on purpose: openpyxl is loaded only for a spreadsheet.
    import openpyxl  # noqa: PLC0415

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception:  # the reader itself says what is wrong with the file
        return None
    pairs: list[tuple[str, str]] = []
    found: Encoding | None = None
    try:
        for sheet in book.worksheets:
            rows: list[list[str]] = []
            fonts: list[list[str | None]] = []
            for row in sheet.iter_rows():
                rows.append([c.value if isinstance(c.value, str) else "" for c in row])
                fonts.append([getattr(getattr(c, "font", None), "name", None) for c in row])
            converted, encoding = convert_sheet(rows, fonts)
            found = found or encoding
            for before, after in zip(rows, converted, strict=True):
                pairs += zip(before, after, strict=True)
    finally:
        book.close()
    return Conversion(path.name, found, examples(pairs)) if found else None

"""JSON files: parsed exactly, checked for type, turned into tables of text.

A number with a fraction is read as Decimal, never float (``12.33`` stays 12.33);
``NaN``/``Infinity`` and a key given twice in one object (which ``json`` would silently
resolve to the last one) are refused. A list of objects becomes a :class:`Table` whose
row numbers are the items' positions, so the same row parsers serve CSV, XLSX and JSON.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from decimal import Decimal
from pathlib import Path

from hbt_desktop.core.i18n import register
from hbt_desktop.core.text import clean
from hbt_desktop.exchange.tables import (
    DEFAULT_LIMITS,
    Limits,
    Record,
    Table,
    read_bytes,
    write_atomically,
)
from hbt_desktop.exchange.where import FileInputError, Where

register(
    {
        "json.invalid": {
            "vi": "Tệp không phải JSON hợp lệ (lỗi ở dòng {line}, ký tự {col}).",
            "en": "The file is not valid JSON (error at line {line}, character {col}).",
        },
        "json.not_utf8": {
            "vi": "Tệp JSON phải là văn bản UTF-8.",
            "en": "A JSON file must be UTF-8 text.",
        },
        "json.duplicate_key": {
            "vi": "Khóa «{key}» lặp lại trong cùng một đối tượng.",
            "en": "The key «{key}» appears twice in the same object.",
        },
        "json.too_deep": {
            "vi": "Cấu trúc JSON lồng nhau quá sâu.",
            "en": "The JSON structure is nested too deeply.",
        },
        "json.bad_constant": {
            "vi": "JSON chứa «{name}», không phải một số.",
            "en": "The JSON contains «{name}», which is not a number.",
        },
        "json.bad_type": {
            "vi": "Giá trị phải có kiểu {expected} nhưng lại là {got}.",
            "en": "The value must be of type {expected} but it is {got}.",
        },
        "json.unknown_key": {
            "vi": "Không nhận khóa «{key}». Các khóa hợp lệ: {allowed}.",
            "en": "Unknown key «{key}». Valid keys: {allowed}.",
        },
    }
)

# A converter returns the cell's text, or None when the JSON value has the wrong type.
Converter = Callable[[object], str | None]


def read_json(path: Path, *, limits: Limits = DEFAULT_LIMITS) -> object:
    return parse_json(read_bytes(path, limits), Where(path.name, item=True))


def parse_json(data: bytes, where: Where) -> object:
    """JSON text (UTF-8, with or without BOM) parsed exactly, as :func:`read_json` reads
    a file: for JSON that comes inside another file (a zip's member)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FileInputError("json.not_utf8", where=where) from None

    def pairs(items: list[tuple[str, object]]) -> dict[str, object]:
        out: dict[str, object] = {}
        for key, value in items:
            if key in out:
                raise FileInputError("json.duplicate_key", where=where, key=key)
            out[key] = value
        return out

    def constant(name: str) -> object:
        raise FileInputError("json.bad_constant", where=where, name=name)

    try:
        return json.loads(
            text, parse_float=Decimal, parse_constant=constant, object_pairs_hook=pairs
        )
    except json.JSONDecodeError as exc:
        raise FileInputError("json.invalid", where=where, line=exc.lineno, col=exc.colno) from None
    except RecursionError:
        raise FileInputError("json.too_deep", where=where) from None


def write_json(path: Path, data: object) -> None:
    def default(value: object) -> object:
        if isinstance(value, Decimal):
            return format(value, "f")
        raise TypeError(f"cannot write {type(value).__name__} to JSON")

    def write(target: Path) -> None:
        text = json.dumps(data, ensure_ascii=False, indent=1, default=default)
        target.write_text(text + "\n", encoding="utf-8")

    write_atomically(path, write)


def top_object(data: object, where: Where, allowed: Mapping[str, object]) -> dict[str, object]:
    """The document's top-level object, with no key outside ``allowed``."""
    obj = as_object(data, where)
    for key in obj:
        if key not in allowed:
            raise FileInputError(
                "json.unknown_key", where=where, key=key, allowed=", ".join(allowed)
            )
    return obj


def as_object(value: object, where: Where) -> dict[str, object]:
    if not isinstance(value, dict):
        raise FileInputError("json.bad_type", where=where, expected="object", got=kind(value))
    return value


def as_list(value: object, where: Where) -> list[object]:
    if not isinstance(value, list):
        raise FileInputError("json.bad_type", where=where, expected="array", got=kind(value))
    return value


def json_table(
    items: object,
    where: Where,
    cells: Mapping[str, tuple[str, Converter]],
    *,
    limits: Limits = DEFAULT_LIMITS,
) -> Table:
    """The JSON list ``items`` (named ``where.sheet``) of objects as a table.

    ``cells`` maps each accepted key, in lower case, to the JSON type expected (for the
    message) and a converter to text. Keys match case-insensitively, so DHIS2's
    ``dataElement`` is the CSV column ``dataelement``; other keys are refused.
    """
    values = as_list(items, Where(where.file, column=where.sheet, item=True))
    if len(values) > limits.max_rows:
        raise FileInputError("file.too_many_rows", where=where, max=limits.max_rows)
    records: list[Record] = []
    columns: dict[str, None] = {}
    for number, item in enumerate(values, start=1):
        place = where.at(row=number)
        out: dict[str, str] = {}
        for key, raw in as_object(item, place).items():
            name = clean(key).lower()
            if name not in cells:
                raise FileInputError(
                    "table.unknown_column", where=place, column=key, allowed=", ".join(cells)
                )
            if name in out:
                raise FileInputError("table.duplicate_column", where=place, column=key)
            expected, convert = cells[name]
            text = convert(raw)
            if text is None:
                raise FileInputError(
                    "json.bad_type", where=place.at(column=key), expected=expected, got=kind(raw)
                )
            if len(text) > limits.max_cell_chars:
                raise FileInputError(
                    "file.cell_too_long", where=place.at(column=key), max=limits.max_cell_chars
                )
            out[name] = clean(text)
            columns[name] = None
        if any(out.values()):
            records.append(Record(number, out))
    return Table(where, tuple(columns), tuple(records))


def kind(value: object) -> str:
    """The JSON type of a parsed value, as JSON calls it."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | Decimal):
        return "number"
    if isinstance(value, str):
        return "string"
    return "array" if isinstance(value, list) else "object"


# --- converters --------------------------------------------------------------------------


def as_text(value: object) -> str | None:
    """A string; null means empty."""
    if value is None:
        return ""
    return value if isinstance(value, str) else None


def as_integer(value: object) -> str | None:
    """A whole number, or a string (checked later with the column's own message)."""
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, int | str):
        return None
    return str(value)


def as_number(value: object) -> str | None:
    """A number or a string holding one (DHIS2 writes values as strings)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return None
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value) if isinstance(value, int | str) else None


def as_boolean(value: object) -> str | None:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value if isinstance(value, str) else None


def as_words(value: object) -> str | None:
    """A list of words (``["share", "growth"]``) or the words in one string."""
    if isinstance(value, list):
        return " ".join(value) if all(isinstance(v, str) for v in value) else None
    return as_text(value)


TEXT = ("string", as_text)
INTEGER = ("integer", as_integer)
NUMBER = ("number", as_number)
BOOLEAN = ("boolean", as_boolean)
WORDS = ("array of strings", as_words)

"""Where in a file a refusal applies: file, sheet, row and column.

An import refuses a file with the precise reason (``number.invalid``,
``values.unknown_indicator`` …) *and* the place, so that a clerk can open the file and
go straight to the cell. :class:`FileInputError` keeps the reason's key and parameters
(tests and callers match on ``err.key``) and adds a :class:`Where`; its message is the
place followed by the reason, both rendered in the same language.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from hbt_desktop.core.errors import HbtError, InputError
from hbt_desktop.core.i18n import get_language, tr


@dataclass(frozen=True)
class Where:
    """A place in a file. ``row`` is the spreadsheet row number (the header is row 1) or,
    for JSON (``item=True``), the 1-based position in the list named ``sheet``."""

    file: str
    sheet: str = ""
    row: int | None = None
    column: str = ""
    item: bool = False

    def at(self, *, row: int | None = None, column: str = "") -> Where:
        return replace(self, row=self.row if row is None else row, column=column or self.column)

    def render(self, language: str | None = None) -> str:
        lang = language or get_language()
        parts = [tr("where.file", lang, file=self.file)]
        if self.item:
            # JSON: items of a list and keys of an object, not rows and columns.
            if self.row is not None:
                parts.append(tr("where.item", lang, row=self.row, sheet=self.sheet))
            elif self.sheet:
                parts.append(tr("where.list", lang, sheet=self.sheet))
        else:
            if self.sheet:
                parts.append(tr("where.sheet", lang, sheet=self.sheet))
            if self.row is not None:
                parts.append(tr("where.row", lang, row=self.row))
        if self.column:
            key = "where.key" if self.item else "where.column"
            parts.append(tr(key, lang, column=self.column))
        return ", ".join(parts)


class FileInputError(InputError):
    """An :class:`InputError` located in a file. ``key``/``params`` are the reason."""

    def __init__(self, key: str, /, *, where: Where, **params: object) -> None:
        super().__init__(key, **params)
        self.where = where

    @classmethod
    def of(cls, err: HbtError, where: Where) -> FileInputError:
        """``err`` (raised by a parser that knows nothing of files) placed at ``where``.

        An error that already has a place keeps its row and column where ``where``
        has none.
        """
        if isinstance(err, FileInputError):
            where = where.at(row=err.where.row, column=err.where.column or where.column)
        return cls(err.key, where=where, **err.params)

    @property
    def message(self) -> str:
        return self.message_in(get_language())

    def message_in(self, language: str) -> str:
        reason = tr(self.key, language, **self.params)
        return tr("where.message", language, where=self.where.render(language), reason=reason)

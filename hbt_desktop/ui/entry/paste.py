"""Pasting a block copied from Excel (tab-separated text) into a grid.

The separators of the whole block are decided once, by ``core.numbers.infer_convention``
over its numeric cells: a block from a Vietnamese sheet ("4.115.081", "12,33") is read
the Vietnamese way, one from an English sheet ("4,115,081", "12.33") the English way,
and a block with no evidence either way refuses every cell that could be read both ways.
Each cell is then read like a typed one (``read_entry``).

A block is all or nothing: if any cell is refused, nothing is stored, every refused
cell is marked with its reason, and the message names them. A clerk can fix the sheet or
the cells and paste again; half a block stored would be a table that silently mixes old
and new figures. Empty cells in the block leave the grid's cell as it is.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex

from hbt_desktop.core.edits import Change
from hbt_desktop.core.errors import HbtError, InputError
from hbt_desktop.core.numbers import Convention, infer_convention
from hbt_desktop.store import audit
from hbt_desktop.ui.entry.grid_model import GridModel, Overlay


def parse_tsv(text: str) -> list[list[str]]:
    """Rows of cells of a clipboard text. Excel quotes cells that hold a tab, a line
    break or a quote; the csv module undoes that. A trailing line break ends the last
    row (Excel always adds one)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.endswith("\n"):
        text = text[:-1]
    if not text:
        return []
    reader = csv.reader(io.StringIO(text), delimiter="\t", quotechar='"')
    return [list(row) for row in reader]


@dataclass
class PastePlan:
    changes: list[Change] = field(default_factory=list)
    refused: list[tuple[QModelIndex, str, str]] = field(default_factory=list)  # index, text, why
    cells: int = 0
    convention: Convention = Convention.UNKNOWN
    overlay: Overlay = field(default_factory=Overlay)


def plan_paste(model: GridModel[Any], top: int, left: int, block: list[list[str]]) -> PastePlan:
    """What pasting ``block`` with its top-left cell at (``top``, ``left``) would store."""
    plan = PastePlan()
    if not block:
        return plan
    width = max(len(r) for r in block)
    if left + width > model.columnCount():
        width = model.columnCount() - left  # cells beyond the last column are refused below
    model.ensure_rows(top + len(block))
    left_rows = model.rowCount() - top
    if len(block) > left_rows:
        raise InputError("grid.past_end", rows=len(block), left=left_rows)
    numeric = model.numeric_columns()
    evidence = [text for row in block for c, text in enumerate(row) if left + c in numeric]
    plan.convention = infer_convention(evidence) or Convention.UNKNOWN
    overlay = Overlay()
    for r, row in enumerate(block):
        for c, text in enumerate(row):
            if not text.strip():
                continue
            column = left + c
            if column >= model.columnCount():
                continue
            index = model.index(top + r, column)
            plan.cells += 1
            try:
                if not model.column_editable(column):
                    raise InputError("grid.read_only", column=model.header(column))
                model.plan(model.row_data(top + r), column, text, plan.convention, overlay)
            except HbtError as exc:
                plan.refused.append((index, text, exc.message))
    plan.changes = overlay.merged()
    plan.overlay = overlay
    return plan


def apply_paste(model: GridModel[Any], top: int, left: int, text: str) -> str:
    """Paste ``text`` into ``model``; returns the sentence for the message bar."""
    block = parse_tsv(text)
    plan = plan_paste(model, top, left, block)
    if plan.refused:
        for index, cell_text, why in plan.refused:
            model.mark_refused(index, cell_text, why)
        first_index, _first_text, first_why = plan.refused[0]
        message = QCoreApplication.translate(
            "Paste",
            "Nothing was pasted: {count} of {cells} cells cannot be read. "
            "First, row {row}, «{column}»: {why}",
        )
        return message.format(
            count=len(plan.refused),
            cells=plan.cells,
            row=first_index.row() + 1,
            column=model.header(first_index.column()),
            why=first_why,
        )
    for r, row in enumerate(block):
        for c, cell in enumerate(row):
            if cell.strip() and left + c < model.columnCount():
                model.clear_refusal(model.index(top + r, left + c))
    label = QCoreApplication.translate("Paste", "Paste of {count} cells").format(count=plan.cells)
    try:
        model.session.apply(plan.changes, label, how=audit.How.PASTED)
    except HbtError as exc:  # refused by the store as a whole: nothing was stored
        message = QCoreApplication.translate("Paste", "Nothing was pasted: {why}")
        return message.format(why=exc.message)
    model.after_paste(plan.overlay)
    return QCoreApplication.translate("Paste", "Pasted {count} cells.").format(count=plan.cells)

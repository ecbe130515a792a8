"""The completeness table of the real district (18 wards) prints on one page."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pypdf import PdfReader
from sqlite_utils import Database

from hbt_desktop.core.periods import parse_period
from hbt_desktop.reports.completeness import build_completeness, completeness_table
from hbt_desktop.store.completeness import completeness


def test_eighteen_wards_on_one_page(db: Database, tmp_path: Path) -> None:
    table = completeness(db, "Q007", parse_period("2023Q1"), today=date(2023, 4, 1))
    assert len(table.rows) == 18 and table.deadline == date(2023, 4, 5)
    rows = completeness_table(table).rows
    assert rows[0][1] == "Phường Nguyễn Du" and rows[0][4] == "Chưa gửi"
    out = tmp_path / "c.pdf"
    assert build_completeness(table, "quận Hai Bà Trưng", out).pages == 1
    text = PdfReader(out).pages[0].extract_text()
    assert "QUẬN HAI BÀ TRƯNG" in text and "Trương Định" in text

"""Figures of another unit and period — a ward directly under the city in 2026 — with a
catalogue, unit data and values brought in from files, print correctly with no code
change; and changing one figure through an import changes every sentence, table and
the fingerprint."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from hbt_desktop.cli import main
from hbt_desktop.reports.metadata import read_record

from .ward2026 import make_ward_db, write_ward_files


def _text(pdf: Path) -> str:
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(pdf).pages))


def _fingerprint(pdf: Path) -> str:
    """The bulletin prints it in its footer; the report carries it in its metadata."""
    found = re.search(r"Mã số liệu: ([0-9A-F-]{14})", PdfReader(pdf).pages[0].extract_text())
    if found:
        return found.group(1)
    record = read_record(pdf)
    assert record is not None
    return record.fingerprint


@pytest.fixture(scope="module")
def ward_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return write_ward_files(tmp_path_factory.mktemp("files"))


@pytest.fixture(scope="module")
def ward_db(ward_files: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_ward_db(ward_files, tmp_path_factory.mktemp("db") / "ward.db")


def _print(db: Path, command: str, out: Path) -> str:
    assert (
        main(
            [
                command,
                "--db",
                str(db),
                "--out",
                str(out),
                "--unit",
                "00283",
                "--period",
                "quý I/2026",
            ]
        )
        == 0
    )
    return _text(out)


@pytest.mark.parametrize("command", ["bulletin", "report"])
def test_a_2026_ward_prints_every_kind_of_wording(
    ward_db: Path, tmp_path: Path, command: str
) -> None:
    text = _print(ward_db, command, tmp_path / f"{command}.pdf")
    for phrase in (
        "70,759 tỷ đồng",  # decimal tỷ
        "4,6 nghìn tỷ đồng",  # nghìn tỷ
        "trên 7.743 tỷ đồng",  # the clerk's qualifier
        "giảm 1,25% so với cùng kỳ",  # a fall, from the predecessors' figures
        "bằng 125,4% so với cùng kỳ",  # an index
        "đạt 28,3% so với dự toán thành phố giao cho phường",
        "quý I/2026",
    ):
        assert phrase in text, phrase
    assert "tăng -" not in text and "[thiếu" not in text


def test_the_report_is_issued_by_the_ward_and_footnotes_the_merger(
    ward_db: Path, tmp_path: Path
) -> None:
    note = (
        "được tính từ số liệu của các đơn vị trước khi sắp xếp: phường Thanh Lương, phường Vĩnh Tuy"
    )
    text = _print(ward_db, "report", tmp_path / "r.pdf")
    assert "PHƯỜNG VĨNH TUY" in text
    assert "QUẬN" not in text  # no district level in 2026
    assert note in text
    assert note in _print(ward_db, "bulletin", tmp_path / "b.pdf")


def test_changing_one_figure_by_import_changes_every_use_and_the_fingerprint(
    ward_db: Path, ward_files: dict[str, Path], tmp_path: Path
) -> None:
    before = {c: _print(ward_db, c, tmp_path / f"before-{c}.pdf") for c in ("bulletin", "report")}
    prints_before = {c: _fingerprint(tmp_path / f"before-{c}.pdf") for c in ("bulletin", "report")}
    assert main(["import", "values", str(ward_files["change"]), "--db", str(ward_db)]) == 0
    after = {c: _print(ward_db, c, tmp_path / f"after-{c}.pdf") for c in ("bulletin", "report")}
    for command in ("bulletin", "report"):
        assert "giảm 1,25% so với cùng kỳ" in before[command]
        assert "giảm 1,25%" not in after[command]
        assert "tăng 12,50% so với cùng kỳ" in after[command]  # 900 against 800
        assert "900 hộ" in after[command] and "790 hộ" not in after[command]
        assert _fingerprint(tmp_path / f"after-{command}.pdf") != prints_before[command]
    # The report's appendix table carries the new figure too.
    assert after["report"].count("900") >= 2  # in the sentence and in Phụ lục I

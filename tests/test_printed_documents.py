"""The issue's promise, end to end: a new database prints the seed bulletin's figures
exactly as the seed writes them, in both documents, with every font embedded."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from hbt_desktop.cli import main
from hbt_desktop.reports.metadata import read_record

SEED_PHRASES = [
    "4.115 tỷ 081 triệu đồng",
    "đạt 34% so với dự toán",
    "tăng 59% so với cùng kỳ",
    "4.861 tỷ 658 triệu đồng",
    "đạt 40% so với dự toán TP và HĐND quận giao",
    "tăng 19% so với cùng kỳ năm ngoái",
    "ước tăng 11,7%",
    "ước tăng 12,33% so với cùng kỳ",
    "quý I/2023",
    "Tính đến 15/2/2023",
    "2 tháng đầu năm 2023",
    "đạt 100% chỉ tiêu",
    "18 phường",
    "4 đoàn công tác",
    "Lễ kỷ niệm 1983 năm cuộc khởi nghĩa Hai Bà Trưng",
]


def pdf_text(path: Path) -> str:
    reader = PdfReader(path)
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    return re.sub(r"\s+", " ", text)


def embedded_fonts(path: Path) -> list[tuple[str, bool]]:
    """(font name, has an embedded font file) for every font on every page."""
    fonts = []
    for page in PdfReader(path).pages:
        resources = page.get("/Resources")
        if resources is None:
            continue
        for ref in (resources.get_object().get("/Font") or {}).values():
            font = ref.get_object()
            descriptors = [font.get("/FontDescriptor")]
            for child in font.get("/DescendantFonts") or []:
                descriptors.append(child.get_object().get("/FontDescriptor"))
            has_file = any(
                d is not None
                and any(k in d.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3"))
                for d in descriptors
            )
            fonts.append((str(font.get("/BaseFont")), has_file))
    return fonts


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("print")
    db = folder / "NEW.db"
    out = {"bulletin": folder / "b.pdf", "report": folder / "r.pdf"}
    for command, path in out.items():
        assert main([command, "--db", str(db), "--out", str(path)]) == 0
    return out


@pytest.mark.parametrize("document", ["bulletin", "report"])
def test_every_seed_figure_is_printed_as_the_seed_writes_it(
    printed: dict[str, Path], document: str
) -> None:
    text = pdf_text(printed[document])
    missing = [phrase for phrase in SEED_PHRASES if phrase not in text]
    assert missing == []
    assert text == unicodedata.normalize("NFC", text)
    assert "[thiếu" not in text and "None" not in text


@pytest.mark.parametrize("document", ["bulletin", "report"])
def test_every_font_is_embedded(printed: dict[str, Path], document: str) -> None:
    fonts = embedded_fonts(printed[document])
    assert fonts, "no fonts found"
    assert all(has_file for _, has_file in fonts), fonts
    assert not any(
        name.lstrip("/").split("+")[-1] in {"Helvetica", "Times-Roman", "Courier"}
        for name, _ in fonts
    )


def test_report_has_the_decree_30_furniture(printed: dict[str, Path]) -> None:
    reader = PdfReader(printed["report"])
    first = re.sub(r"\s+", " ", reader.pages[0].extract_text())
    for phrase in (
        "ỦY BAN NHÂN DÂN",
        "QUẬN HAI BÀ TRƯNG",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 12/BC-UBND",
        "Quận Hai Bà Trưng, ngày 05 tháng 3 năm 2023",
        "BÁO CÁO",
        "Kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội 2 tháng đầu năm 2023",
    ):
        assert phrase in first, phrase
    whole = pdf_text(printed["report"])
    for phrase in (
        "Nơi nhận:",
        "TM. ỦY BAN NHÂN DÂN",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Phan Văn Phúc",
        "Phụ lục I",
        "Toàn quận",
    ):
        assert phrase in whole, phrase


def test_every_bulletin_page_carries_the_fingerprint_and_the_report_its_metadata(
    printed: dict[str, Path],
) -> None:
    pages = [p.extract_text() for p in PdfReader(printed["bulletin"]).pages]
    codes = {
        m
        for page in pages
        for m in re.findall(r"Mã số liệu: ([0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4})", page)
    }
    assert len(codes) == 1
    assert all("Mã số liệu" in page for page in pages)
    # Decree 30 allows nothing in the report's margins: its fingerprint is in its
    # metadata, with every figure it read.
    assert not any("Mã số liệu" in p.extract_text() for p in PdfReader(printed["report"]).pages)
    record = read_record(printed["report"])
    assert record is not None and record.consistent
    assert {key[1] for key, _ in record.readings} >= {"NS_THU_DIA_BAN", "TMDV_TANG_TRUONG"}

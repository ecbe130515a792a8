"""``verify-print``: a printed report (PDF or Word) checked against the database, naming
the figures changed since it was printed; and ``report --out`` writes what its name says."""

from __future__ import annotations

import dataclasses
import hashlib
import io
import zipfile
from pathlib import Path

import pytest
from docx import Document
from reportlab.pdfgen.canvas import Canvas

from hbt_desktop.cli import EXIT_CHANGED, main
from hbt_desktop.core.provenance import PrintRecord, decode_record, encode_record, fingerprint
from hbt_desktop.reports.docx_report import build_docx, docx_record

from .reports.sample_content import report_content
from .ward2026 import HEADER, _row


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    db = tmp_path / "demo.db"
    assert main(["demo", "--db", str(db)]) == 0
    return db


def _verify(db: Path, file: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["verify-print", "--db", str(db), str(file)])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("suffix", [".pdf", ".docx"])
def test_a_print_matches_until_a_figure_changes_and_then_names_it(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str
) -> None:
    printed = tmp_path / f"bao-cao{suffix}"
    assert main(["report", "--db", str(demo), "--out", str(printed)]) == 0
    code, out, _ = _verify(demo, printed, capsys)
    assert code == 0 and "vẫn khớp với dữ liệu" in out
    change = tmp_path / "change.csv"
    change.write_text(
        HEADER
        + "\n"
        + _row("NS_THU_DIA_BAN", "2023YTD02@20230215", "Q007", "4200000000000")
        + "\n",
        encoding="utf-8",
    )
    assert main(["import", "values", str(change), "--db", str(demo)]) == 0
    before = hashlib.sha256(demo.read_bytes()).hexdigest()
    code, out, _ = _verify(demo, printed, capsys)
    assert code == EXIT_CHANGED
    assert "không còn khớp với dữ liệu: 1 số liệu đã thay đổi" in out
    assert (
        "- Tổng thu ngân sách trên địa bàn, quận Hai Bà Trưng, tính đến 15/2/2023: "
        "khi in là 4.115.081.000.000 đồng, nay là 4.200.000.000.000 đồng."
    ) in out
    assert hashlib.sha256(demo.read_bytes()).hexdigest() == before  # only read


def test_the_bulletin_is_checked_too(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bulletin = tmp_path / "ban-tin.pdf"
    assert main(["bulletin", "--db", str(demo), "--out", str(bulletin)]) == 0
    code, out, _ = _verify(demo, bulletin, capsys)
    assert code == 0 and "vẫn khớp với dữ liệu" in out


def test_a_file_without_a_fingerprint_is_told_so(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other_pdf = tmp_path / "khac.pdf"
    canvas = Canvas(str(other_pdf))
    canvas.drawString(100, 700, "Not from hbt-desktop")
    canvas.save()
    plain_word = tmp_path / "khac.docx"
    Document().save(str(plain_word))
    for file in (other_pdf, plain_word):
        code, out, err = _verify(demo, file, capsys)
        assert code == 2 and out == ""
        assert "không mang mã số liệu của hbt-desktop" in err
        assert err.count("\n") == 1


@pytest.mark.parametrize("content", [b"", b"not a pdf", b"%PDF-1.4 broken", b"PK\x03\x04junk"])
def test_an_unreadable_file_is_refused_in_one_sentence(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes
) -> None:
    file = tmp_path / "hong.pdf"
    file.write_bytes(content)
    code, out, err = _verify(demo, file, capsys)
    assert code == 2 and out == ""
    assert err.startswith("Không đọc được tệp") and err.count("\n") == 1


def test_a_record_altered_after_printing_is_refused(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sample = report_content()
    readings = (
        (("v", "NS_THU_DIA_BAN", "Q007", "2023YTD02@20230215"), ("4115081", "6", "thuc_hien", "")),
    )
    footer = dataclasses.replace(
        sample.footer, fingerprint=fingerprint(readings), readings=readings
    )
    good = tmp_path / "good.docx"
    build_docx(dataclasses.replace(sample, footer=footer), good)
    record = docx_record(io.BytesIO(good.read_bytes()))
    assert record is not None and record.consistent and record.readings == readings
    # The same file with one recorded value changed by hand, the fingerprint left alone.
    altered = tmp_path / "altered.docx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(altered, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename.startswith("customXml/"):
                data = data.replace(b'"4115081"', b'"4200000"')
            dst.writestr(item, data)
    code, _, err = _verify(demo, altered, capsys)
    assert code == 2 and "có thể đã bị sửa" in err


def test_records_round_trip_and_foreign_text_is_no_record() -> None:
    record = PrintRecord(
        "AAAA-BBBB-CCCC", ((("v", "X", "U", "2023Q1"), ("1", "0", "uoc", "trên")),), "U", "2023Q1"
    )
    assert decode_record(encode_record(record)) == record
    for text in ("", "{}", "[1]", '{"v": 1}', '{"v": 2, "readings": []}', "not json"):
        assert decode_record(text) is None


@pytest.mark.parametrize("name", ["x.docx.pdf.txt", "x", "x.doc", "x.PDFX", "x.odt"])
def test_an_unknown_extension_is_refused_and_nothing_is_written(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    target = tmp_path / name
    capsys.readouterr()
    assert main(["report", "--db", str(demo), "--out", str(target)]) == 2
    err = capsys.readouterr().err
    assert "hãy đặt tên tệp có đuôi .pdf hoặc .docx" in err and err.count("\n") == 1
    assert not target.exists()


def test_report_out_docx_writes_a_real_word_file(demo: Path, tmp_path: Path) -> None:
    target = tmp_path / "BAO-CAO.DOCX"
    assert main(["report", "--db", str(demo), "--out", str(target)]) == 0
    assert zipfile.is_zipfile(target) and not target.read_bytes().startswith(b"%PDF")
    word = Document(str(target))
    # Word keeps the no-break spaces that hold "4.115 tỷ 081 triệu đồng" on one line.
    text = "\n".join(p.text for p in word.paragraphs).replace("\xa0", " ")
    assert "BÁO CÁO" in text and "4.115 tỷ 081 triệu đồng" in text
    assert word.core_properties.keywords.startswith("Mã số liệu: ")
    bulletin = tmp_path / "ban-tin.docx"
    assert main(["bulletin", "--db", str(demo), "--out", str(bulletin)]) == 2
    assert not bulletin.exists()

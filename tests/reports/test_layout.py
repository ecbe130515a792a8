"""The printed report measured against Decree 30 (``layout_check``): the demo report, a
report of a 2026 ward directly under the city, drafts of both and a fully set one; and
the check itself, shown to catch each defect it is there for."""

from __future__ import annotations

import dataclasses
import io
import re
from datetime import date
from pathlib import Path

import pytest

from hbt_desktop.cli import main
from hbt_desktop.core.errors import InputError
from hbt_desktop.reports import decree30
from hbt_desktop.reports.content import Section
from hbt_desktop.reports.page import footer_decorator
from hbt_desktop.reports.styles import REPORT_MARGINS
from hbt_desktop.store.documents import load_document, save_document
from hbt_desktop.store.file.connection import open_database
from hbt_desktop.store.units import load_units

from ..ward2026 import make_ward_db, write_ward_files
from .layout_check import check_report_layout, read_pages, text_of
from .sample_content import FOOTER, report_content

WARD = ["--unit", "00283", "--period", "quý I/2026"]


def _report(db: Path, out: Path, *args: str) -> Path:
    assert main(["report", "--db", str(db), "--out", str(out), *args]) == 0
    return out


def _edit(db_path: Path, unit_code: str, period_text: str, **fields: object) -> None:
    """Change header fields of the stored document (made by printing once if needed)."""
    from hbt_desktop.core.periods import parse_period
    from hbt_desktop.reports.assemble import open_assembly

    db = open_database(db_path)
    try:
        period = parse_period(period_text)
        uid = load_units(db).by_code(unit_code, period.nominal_end).uid
        doc = load_document(db, uid, period) or open_assembly(db, uid, period).doc
        save_document(db, dataclasses.replace(doc, **fields))
    finally:
        db.close()


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    assert main(["demo", "--db", str(db)]) == 0
    return db


@pytest.fixture(scope="module")
def ward_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    files = write_ward_files(tmp_path_factory.mktemp("files"))
    return make_ward_db(files, tmp_path_factory.mktemp("ward") / "ward.db")


def test_the_demo_report_meets_the_decree(demo_db: Path, tmp_path: Path) -> None:
    pdf = _report(demo_db, tmp_path / "r.pdf")
    assert check_report_layout(pdf, draft=False) == []
    text = text_of(read_pages(pdf))
    # The place is where the issuing body sits: the district names itself.
    assert "Quận Hai Bà Trưng, ngày 05 tháng 3 năm 2023" in text
    assert "Hà Nội, ngày" not in text


def test_a_2026_ward_report_is_a_draft_that_meets_the_decree(ward_db: Path, tmp_path: Path) -> None:
    pdf = _report(ward_db, tmp_path / "r.pdf", *WARD)
    assert check_report_layout(pdf, draft=True) == []
    text = text_of(read_pages(pdf)).replace("\xa0", " ")
    assert re.search(r"Số: {4,}/BC-UBND", text)
    assert re.search(r"Phường Vĩnh Tuy, ngày {4,}tháng {4,}năm 2026", text)
    # The print date is never put in as the issue date.
    today = date.today()
    assert f"ngày {today.day:02d} tháng" not in text
    assert "QUẬN" not in text and "Hà Nội" not in text


def test_a_2026_ward_report_with_every_field_set_prints_without_the_mark(
    ward_db: Path, tmp_path: Path
) -> None:
    _edit(
        ward_db,
        "00283",
        "quý I/2026",
        number="5",
        issue_date=date(2026, 4, 2),
        signer_name="Nguyễn Thị Lan",
    )
    try:
        pdf = _report(ward_db, tmp_path / "r.pdf", *WARD)
        assert check_report_layout(pdf, draft=False) == []
        text = text_of(read_pages(pdf))
        assert "Số: 05/BC-UBND" in text
        assert "Phường Vĩnh Tuy, ngày 02 tháng 4 năm 2026" in text
        assert "ngày 02 tháng 4 năm 2026 của Ủy ban nhân dân phường Vĩnh Tuy" in text
        assert "DỰ THẢO" not in text
    finally:
        _edit(ward_db, "00283", "quý I/2026", number="", issue_date=None, signer_name="")


@pytest.mark.parametrize(
    "cleared",
    [{"number": ""}, {"issue_date": None}, {"signer_name": ""}],
    ids=["no number", "no date", "no signer"],
)
def test_a_draft_of_the_demo_report_meets_the_decree(
    demo_db: Path, tmp_path: Path, cleared: dict[str, object]
) -> None:
    _edit(demo_db, "007", "2023YTD02", **cleared)
    try:
        pdf = _report(demo_db, tmp_path / "r.pdf")
        assert check_report_layout(pdf, draft=True) == []
    finally:
        _edit(
            demo_db,
            "007",
            "2023YTD02",
            number="12",
            issue_date=date(2023, 3, 5),
            signer_name="Phan Văn Phúc",
        )


def test_a_place_typed_on_the_document_overrides_the_units(demo_db: Path, tmp_path: Path) -> None:
    _edit(demo_db, "007", "2023YTD02", place="Hai Bà Trưng")
    try:
        text = text_of(read_pages(_report(demo_db, tmp_path / "r.pdf")))
        assert "Hai Bà Trưng, ngày 05 tháng 3 năm 2023" in text
        assert "Quận Hai Bà Trưng, ngày" not in text
    finally:
        _edit(demo_db, "007", "2023YTD02", place="")


def test_kinh_gui_prints_and_nhu_tren_is_refused_without_it(demo_db: Path, tmp_path: Path) -> None:
    _edit(
        demo_db,
        "007",
        "2023YTD02",
        kinh_gui=("Thường trực Quận ủy", "Thường trực HĐND quận"),
        recipients=("Như trên", "Lưu: VT, VP"),
    )
    pdf = _report(demo_db, tmp_path / "r.pdf")
    assert check_report_layout(pdf, draft=False) == []
    text = text_of(read_pages(pdf))
    assert "Kính gửi:" in text and "- Thường trực HĐND quận." in text and "- Như trên;" in text
    _edit(demo_db, "007", "2023YTD02", kinh_gui=())
    refused = tmp_path / "refused.pdf"
    assert main(["report", "--db", str(demo_db), "--out", str(refused)]) == 2
    assert not refused.exists()
    _edit(demo_db, "007", "2023YTD02", recipients=("Thường trực Quận ủy", "Lưu: VT, VP"))


def test_nhu_tren_without_kinh_gui_is_one_vietnamese_sentence() -> None:
    doc = dataclasses.replace(report_content(), kinh_gui=())
    with pytest.raises(InputError) as caught:
        decree30.build_report(doc, io.BytesIO())
    message = caught.value.message
    assert caught.value.key == "report.nhu_tren_without_kinh_gui"
    assert message.count(".") == 1 and message.endswith(".") and "Kính gửi" in message


def test_the_sample_report_with_kinh_gui_and_two_appendices_meets_the_decree() -> None:
    out = io.BytesIO()
    decree30.build_report(report_content(), out, invariant=True)
    assert check_report_layout(out.getvalue(), draft=False) == []


# -- the check catches what it is there for ------------------------------------------


def _problems(doc: object = None, **patches: object) -> list[str]:
    out = io.BytesIO()
    with pytest.MonkeyPatch.context() as mp:
        for name, value in patches.items():
            mp.setattr(decree30, name, value)
        decree30.build_report(doc or report_content(), out, invariant=True)
    return check_report_layout(out.getvalue(), draft=False)


def test_the_check_finds_a_footer_in_the_margin() -> None:
    def with_footer(fonts, margins, segments, draft_mark=""):  # type: ignore[no-untyped-def]
        footer = footer_decorator(fonts, margins, FOOTER)
        numbers = decree30_decorator(fonts, margins, segments, draft_mark)

        def decorate(canv, page, total):  # type: ignore[no-untyped-def]
            numbers(canv, page, total)
            footer(canv, page, total)

        return decorate

    decree30_decorator = decree30.report_decorator
    problems = _problems(report_decorator=with_footer)
    assert any("lề dưới" in p for p in problems)


def test_the_check_finds_a_body_without_the_closing_mark() -> None:
    problems = _problems(close_body=lambda doc: doc)
    assert any("./." in p for p in problems)


def test_the_check_finds_roman_headings_not_in_capitals() -> None:
    problems = _problems(heading_text=lambda section: section.heading)
    assert any("viết hoa" in p for p in problems)


def test_the_check_finds_headings_out_of_order() -> None:
    base = report_content()
    parts = (
        Section("I. Kinh tế", ("Đoạn một.",), 1),
        Section("1. Thu ngân sách", ("Đoạn hai.",), 2),
        Section("3. Chi ngân sách", ("Đoạn ba.",), 2),
        Section("III. Đô thị", ("Đoạn bốn.",), 1),
        Section("a) Trật tự xây dựng", ("Đoạn năm.",), 3),
        Section("c) Vệ sinh môi trường", ("Đoạn sáu.",), 3),
    )
    problems = _problems(dataclasses.replace(base, parts=parts))
    assert any("khoản 2" in p for p in problems)
    assert any("mục 2" in p for p in problems)
    assert any("điểm" in p for p in problems)


def test_the_check_finds_nhu_tren_without_kinh_gui() -> None:
    doc = dataclasses.replace(report_content(), kinh_gui=())
    problems = _problems(doc, check_report=lambda doc: None)
    assert any("Như trên" in p for p in problems)


def test_the_check_finds_a_landscape_table_narrower_than_the_frame() -> None:
    base = report_content()
    wide = base.appendices[1]
    narrow = dataclasses.replace(wide.tables[0], col_widths_mm=(8, 30) + (18,) * 8)
    doc = dataclasses.replace(
        base, appendices=(base.appendices[0], dataclasses.replace(wide, tables=(narrow,)))
    )
    assert _problems(doc) == []  # scaled to the frame by the builder
    problems = _problems(doc, full_width=lambda table, width: table)
    assert any("sát lề" in p for p in problems)


def test_the_check_finds_wrong_margins_and_sizes(monkeypatch: pytest.MonkeyPatch) -> None:
    narrow = dataclasses.replace(REPORT_MARGINS, left=REPORT_MARGINS.left - 25)
    monkeypatch.setattr(decree30, "REPORT_MARGINS", narrow)
    problems = _problems()
    assert any("ra ngoài lề trái" in p for p in problems)
    # A right margin wider than the decree's 15–20 mm: the text block stops short.
    wide = dataclasses.replace(REPORT_MARGINS, right=REPORT_MARGINS.right + 10 * 72 / 25.4)
    monkeypatch.setattr(decree30, "REPORT_MARGINS", wide)
    assert any("lề phải" in p for p in _problems())


def test_the_check_finds_sizes_and_faces_off_the_decrees_table() -> None:
    original = decree30.report_styles

    def off(fonts):  # type: ignore[no-untyped-def]
        styles = original(fonts)
        styles.body.fontSize = 12  # the decree: 13–14
        styles.noi_nhan.fontName = fonts.serif_bold  # the decree: bold italic
        return styles

    problems = _problems(report_styles=off)
    assert any(p.startswith("nội dung") and "cỡ 12" in p for p in problems)
    assert any("Nơi nhận" in p and "nghiêng" in p for p in problems)


def test_the_check_tells_a_draft_from_a_final_document(ward_db: Path, tmp_path: Path) -> None:
    pdf = _report(ward_db, tmp_path / "r.pdf", *WARD)
    problems = check_report_layout(pdf, draft=False)
    assert any("DỰ THẢO" in p for p in problems)
    final = io.BytesIO()
    decree30.build_report(report_content(), final, invariant=True)
    assert any("DỰ THẢO" in p for p in check_report_layout(final.getvalue(), draft=True))

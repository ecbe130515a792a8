"""Done-when of issue 4: three databases — two ward offices and their district — through a
whole period. The wards enter figures and export; the district reviews, accepts one ward
and returns the other with a reason; that ward sees the reason, corrects and re-sends;
the district accepts, approves and prints. The district's totals and the completeness
table are checked at every step."""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlite_utils import Database

from hbt_desktop.core.access import AccessError
from hbt_desktop.core.documents import DocumentSpec, PhotoSpec, SectionSpec, sniff_image
from hbt_desktop.core.figures import Origin, resolve
from hbt_desktop.core.periods import Period
from hbt_desktop.core.review import State, Verdict
from hbt_desktop.core.values import Value
from hbt_desktop.exchange.offices import (
    UnknownSender,
    export_package,
    export_public_key,
    import_package,
    import_return,
    return_package,
    trust_key_file,
)
from hbt_desktop.reports.assemble import report_content
from hbt_desktop.reports.completeness import build_completeness
from hbt_desktop.reports.decree30 import build_report
from hbt_desktop.store.accounts import authenticate
from hbt_desktop.store.approval import approve
from hbt_desktop.store.audit import cell_history, verify_audit
from hbt_desktop.store.completeness import Completeness, completeness
from hbt_desktop.store.documents import load_document, save_document
from hbt_desktop.store.packages import open_returned_notes, returned_notes
from hbt_desktop.store.review import decide, review
from hbt_desktop.store.source import StoreSource
from hbt_desktop.store.values import get_value
from hbt_desktop.store.writes import write_value
from tests.offices.conftest import COUNT, MONEY, PASSWORD, Q1, Offices

PHOTO = Path(__file__).resolve().parents[2] / "resources" / "demo" / "dai-co-viet.jpg"
APRIL = lambda day: datetime(2023, 4, day, 9, 0, tzinfo=UTC)  # noqa: E731


def _enter(db: Database, unit: str, money: int, count: int) -> None:
    for code, amount in ((MONEY, money), (COUNT, count)):
        write_value(db, Value(code, unit, Q1, Decimal(amount), updated_by="lap"), how="typed")


def _total(db: Database, code: str) -> Decimal | None:
    figure = resolve(StoreSource(db), code, "QX", Q1)
    return figure.amount


def _rows(table: Completeness) -> dict[str, tuple[object, ...]]:
    return {r.unit_uid: (r.on_time, r.state, r.returned, r.missing, r.packages) for r in table.rows}


def test_a_whole_period_between_two_wards_and_the_district(
    offices: Offices, tmp_path: Path
) -> None:
    a, b, q = offices.a, offices.b, offices.district
    out = tmp_path / "files"
    out.mkdir()
    today = date(2023, 4, 20)

    # Nothing has arrived: both wards missing everything; no district total.
    table = completeness(q.db, "QX", Q1, today=today)
    assert table.deadline == date(2023, 4, 5)
    assert _rows(table) == {
        "PA": (None, None, 0, 2, 0),
        "PB": (None, None, 0, 2, 0),
    }
    assert all(r.overdue for r in table.rows)
    assert _total(q.db, MONEY) is None

    # The wards enter their figures (the ward of An also its narrative, with a photo).
    _enter(a.db, "PA", 1_200_000_000, 12)
    _enter(b.db, "PB", 600_000_000, 11)  # a mistake: the count should be 9
    image = PHOTO.read_bytes()
    doc = DocumentSpec("PA", Q1, title="Phường An quý I/2023")
    doc.sections.append(SectionSpec("Kinh tế", "Thu ngân sách đạt kế hoạch.", position=0))
    doc.photos.append(
        PhotoSpec(
            "Lễ ra quân",
            image,
            sniff_image(image),
            hashlib.sha256(image).hexdigest(),
            0,
        )
    )
    save_document(a.db, doc)
    # A ward office cannot type another unit's figures.
    with pytest.raises(AccessError):
        write_value(a.db, Value(MONEY, "PB", Q1, Decimal(1)))

    file_a = export_package(a.db, out / "an-q1.hbt", [Q1], user="lap", key_folder=a.keys)
    file_b = export_package(b.db, out / "binh-q1.hbt", [Q1], user="lap", key_folder=b.keys)
    assert (file_a.values, file_a.documents, file_a.sequence) == (2, 1, 1)

    # First contact with An: the fingerprint is shown and confirmed by telephone.
    with pytest.raises(UnknownSender) as first:
        import_package(q.db, file_a.path, user="quan")
    fingerprint = first.value.fingerprint
    assert fingerprint in first.value.message
    seen = import_package(
        q.db, file_a.path, user="quan", trust_fingerprint=fingerprint, now=APRIL(3)
    )
    assert [i.verdict for i in seen.items] == [Verdict.NEW, Verdict.NEW]
    assert seen.state is State.PENDING and seen.documents[0].photos[0].image == image
    # With Bình the key came on a USB stick as a key file.
    export_public_key(b.db, out / "binh.key")
    trust_key_file(q.db, out / "binh.key", user="quan")
    seen_b = import_package(q.db, file_b.path, user="quan", now=APRIL(4))
    assert seen_b.count(Verdict.NEW) == 2

    # Pending packages change nothing yet.
    table = completeness(q.db, "QX", Q1, today=today)
    assert _rows(table) == {
        "PA": (True, State.PENDING, 0, 2, 1),
        "PB": (True, State.PENDING, 0, 2, 1),
    }
    assert get_value(q.db, MONEY, "PA", Q1) is None

    # An is accepted as a whole: its figures and narrative arrive, the total still waits.
    decided = decide(q.db, seen.import_id, user="quan", token=review(q.db, seen.import_id).token)  # type: ignore[arg-type]
    assert (decided.state, decided.written) == (State.ACCEPTED, 2)
    assert get_value(q.db, MONEY, "PA", Q1).amount == 1_200_000_000  # type: ignore[union-attr]
    assert [h.how for h in cell_history(q.db, MONEY, "PA", Q1)] == ["package"]
    narrative = load_document(q.db, "PA", Q1)
    assert narrative is not None and narrative.photos[0].image == image
    assert _total(q.db, MONEY) is None
    figure = resolve(StoreSource(q.db), MONEY, "QX", Q1)
    assert figure.origin is Origin.SUM and figure.missing == ("PB",)

    # Bình is returned with a reason, and a reason on the wrong figure.
    returned = return_package(
        q.db,
        seen_b.import_id,  # type: ignore[arg-type]
        "Số doanh nghiệp thành lập mới chưa khớp sổ đăng ký.",
        out / "binh-tra-lai.hbt",
        user="quan",
        notes={(COUNT, "PB", Q1.id): "Sổ đăng ký ghi 9 doanh nghiệp."},
        key_folder=q.keys,
    )
    table = completeness(q.db, "QX", Q1, today=today)
    assert _rows(table)["PA"] == (True, State.ACCEPTED, 0, 0, 1)
    assert _rows(table)["PB"] == (True, State.RETURNED, 1, 2, 1)
    assert _total(q.db, MONEY) is None

    # The ward of Bình sees the reasons on its figures (the district's key confirmed once).
    district_key = export_public_key(q.db, out / "quan.key")
    notes = import_return(b.db, returned.path, user="lap", trust_fingerprint=district_key)
    assert import_return(b.db, returned.path, user="lap") == notes  # again: nothing new
    on_count = [n for n in returned_notes(b.db, "PB", Q1) if n.indicator == COUNT]
    assert on_count[0].reason == "Sổ đăng ký ghi 9 doanh nghiệp."
    assert any(
        "chưa khớp sổ" in n.reason for n in returned_notes(b.db, "PB", Q1) if not n.indicator
    )

    assert set(open_returned_notes(b.db, "PB", Q1)) == {"", COUNT}

    # It corrects the figure and sends again (number 2), which answers the notes.
    write_value(b.db, Value(COUNT, "PB", Q1, Decimal(9), updated_by="lap"))
    file_b2 = export_package(b.db, out / "binh-q1-2.hbt", [Q1], user="lap", key_folder=b.keys)
    assert file_b2.sequence == 2
    assert open_returned_notes(b.db, "PB", Q1) == {}
    seen_b2 = import_package(q.db, file_b2.path, user="quan", now=APRIL(10))
    assert {i.incoming.indicator: i.verdict for i in seen_b2.items} == {
        MONEY: Verdict.NEW,
        COUNT: Verdict.NEW,
    }
    decide(q.db, seen_b2.import_id, user="quan")  # type: ignore[arg-type]
    assert _total(q.db, MONEY) == 1_800_000_000
    assert _total(q.db, COUNT) == 21
    table = completeness(q.db, "QX", Q1, today=today)
    assert _rows(table) == {
        "PA": (True, State.ACCEPTED, 0, 0, 1),
        "PB": (True, State.ACCEPTED, 1, 0, 2),  # on time: first sent 4/4, before 5/4
    }
    assert table.complete == 2
    info = build_completeness(table, "quận Thử Nghiệm", out / "completeness.pdf")
    assert info.pages == 1
    text = " ".join(PdfReader(out / "completeness.pdf").pages[0].extract_text().split())
    for phrase in (
        "Phường An",
        "Phường Bình",
        "Đúng hạn",
        "đã chấp nhận",
        "0/2",
        "Hạn gửi: 5/4/2023",
    ):
        assert phrase in text, phrase

    # The leader approves; the report is signed by the approval and shows the totals.
    leader = authenticate(q.db, "lanhdao", PASSWORD)
    approve(q.db, leader, "QX", Q1)
    content, _ = report_content(q.db, "QX", Q1)
    assert content.signature.name == "Nguyễn Văn Lãnh"
    build_report(content, out / "bao-cao.pdf")
    report = re.sub(
        r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(out / "bao-cao.pdf").pages)
    )
    assert "Nguyễn Văn Lãnh" in report
    assert "1.800" in report  # the district total in triệu đồng, in the wards' table

    # Approved: a late package from An is received but cannot change the locked figures.
    write_value(a.db, Value(COUNT, "PA", Q1, Decimal(13), updated_by="lap"))
    late = export_package(a.db, out / "an-q1-2.hbt", [Q1], user="lap", key_folder=a.keys)
    late_review = import_package(q.db, late.path, user="quan", now=APRIL(12))
    assert {i.incoming.indicator: i.verdict for i in late_review.items}[COUNT] is Verdict.CHANGED
    with pytest.raises(AccessError, match="Nguyễn Văn Lãnh"):
        decide(q.db, late_review.import_id, user="quan")  # type: ignore[arg-type]
    assert _total(q.db, COUNT) == 21

    # The merged ward's "same period last year" comes from its predecessors, footnoted.
    ward_report, _ = report_content(q.db, "PB", Q1)
    # Printed paragraphs carry no-break spaces ("Bình Một" stays on one line): read as spaces.
    notes_text = " ".join(p for part in ward_report.parts for p in part.paragraphs).replace(
        "\u00a0", " "
    )
    previous = resolve(StoreSource(q.db), MONEY, "PB", Period.quarter(2022, 1))
    assert previous.origin is Origin.PREDECESSORS and previous.amount == 500_000_000
    assert "được tính từ số liệu của các đơn vị trước khi sắp xếp" in notes_text
    assert "phường Bình Hai, phường Bình Một" in notes_text or "phường Bình Một" in notes_text

    for office in (a, b, q):
        assert verify_audit(office.db).ok

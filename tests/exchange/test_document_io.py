"""A document to a file and into another database, unit or period: the complete form
comes back exactly (photos byte for byte), the text form as the clerk wrote it, and a
file that is not right is refused at its place with the database left as it was."""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import io
import json
import tempfile
import unicodedata
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlite_utils import Database

from hbt_desktop.core.document_fields import HEADER_FIELDS
from hbt_desktop.core.documents import DocumentSpec, PhotoSpec, SectionSpec
from hbt_desktop.core.errors import HbtError
from hbt_desktop.core.periods import parse_period
from hbt_desktop.exchange.document_complete import read_complete, write_complete
from hbt_desktop.exchange.document_io import export_document, import_document
from hbt_desktop.exchange.where import FileInputError
from hbt_desktop.store.documents import load_document, save_document
from tests.exchange.conftest import digest

DEMO = ("Q007", parse_period("2023YTD02"))
WARD, Q3 = "W00283-2025", parse_period("2026Q3")


def everything(doc: DocumentSpec) -> tuple[object, ...]:
    """Every field a clerk can set, generically over the header table."""
    return (
        tuple(getattr(doc, f.name) for f in HEADER_FIELDS),
        tuple((s.heading, s.template, s.level, s.in_bulletin, s.in_report) for s in doc.sections),
        tuple((p.caption, p.image, p.mime, p.sha256, p.section_position) for p in doc.photos),
    )


def demo_doc(db: Database) -> DocumentSpec:
    doc = load_document(db, *DEMO)
    assert doc is not None and len(doc.photos) == 2
    return doc


# -- the complete form ----------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".zip", ".json"])
def test_the_complete_form_comes_back_exactly_in_another_database_and_period(
    full_db: Database, ref_db: Database, tmp_path: Path, suffix: str
) -> None:
    # Every header field set, the two the demo leaves empty included.
    original = dataclasses.replace(
        demo_doc(full_db),
        kinh_gui=("Ủy ban nhân dân Thành phố Hà Nội", "Sở Tài chính"),
        appendix_note="Chi tiết tại {{ phu_luc }} kèm theo.",
    )
    save_document(full_db, original)
    original = demo_doc(full_db)
    path = tmp_path / f"van-ban{suffix}"
    done = export_document(full_db, path, *DEMO)
    assert (done.sections, done.photos, done.drafted) == (5, 2, False)
    result = import_document(ref_db, path, WARD, Q3)
    stored = load_document(ref_db, WARD, Q3)
    assert stored is not None
    assert everything(stored) == everything(original)
    # The photos are the very bytes that were stored, not a re-encoding.
    assert [hashlib.sha256(p.image).hexdigest() for p in stored.photos] == [
        p.sha256 for p in original.photos
    ]
    assert not result.replaced
    message = result.message()
    assert "Đã tạo văn bản của phường Vĩnh Tuy, quý III/2026" in message
    # The file's own unit and period are told, not used.
    assert "tệp ghi quận Hai Bà Trưng, 2 tháng đầu năm 2023" in message


def test_the_zip_keeps_photos_as_pictures_one_can_open(full_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "van-ban.zip"
    export_document(full_db, path, *DEMO)
    with zipfile.ZipFile(path) as archive:
        names = sorted(archive.namelist())
        photos = {n: archive.read(n) for n in names if n.startswith("photos/")}
        manifest = json.loads(archive.read("document.json"))
    assert names[0] == "document.json" and len(photos) == 2
    for name, data in photos.items():
        assert name == f"photos/{hashlib.sha256(data).hexdigest()}.jpg"
        assert data.startswith(b"\xff\xd8\xff")
    assert manifest["format"] == "hbt-desktop-document"
    assert all("image" not in p for p in manifest["document"]["photos"])


_JPEG, _PNG = b"\xff\xd8\xff\xe0", b"\x89PNG\r\n\x1a\n"
_ANY = st.text(max_size=40)  # any text, spaces and line breaks included: kept exactly


@st.composite
def complete_documents(draw: st.DrawFn) -> DocumentSpec:
    sections = draw(
        st.lists(
            st.builds(
                SectionSpec,
                heading=_ANY,
                template=_ANY,
                level=st.sampled_from([1, 2]),
                in_bulletin=st.booleans(),
                in_report=st.booleans(),
            ),
            max_size=3,
        )
    )
    doc = DocumentSpec(WARD, Q3, sections=sections)
    for spec in HEADER_FIELDS:
        kind = spec.kind.value
        value: object = (
            draw(st.lists(_ANY, max_size=3).map(tuple))
            if kind == "lines"
            else draw(st.one_of(st.none(), st.dates(date(1990, 1, 1), date(2099, 12, 31))))
            if kind == "date"
            else draw(_ANY)
        )
        setattr(doc, spec.name, value)
    for position in range(draw(st.integers(0, 3))):
        magic, mime = draw(st.sampled_from([(_JPEG, "image/jpeg"), (_PNG, "image/png")]))
        image = magic + draw(st.binary(max_size=64))
        at = draw(st.one_of(st.none(), st.integers(0, len(sections) - 1))) if sections else None
        sha = hashlib.sha256(image).hexdigest()
        doc.photos.append(PhotoSpec(draw(_ANY), image, mime, sha, at, position))
    return doc


def _nfc(doc: DocumentSpec) -> tuple[object, ...]:
    """What the file must give back: text made NFC (where it enters), the rest as is."""

    def norm(value: object) -> object:
        if isinstance(value, str):
            return unicodedata.normalize("NFC", value)
        if isinstance(value, tuple):
            return tuple(norm(v) for v in value)
        return value

    return tuple(norm(part) for part in everything(doc))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc=complete_documents(), suffix=st.sampled_from([".zip", ".json"]))
def test_any_document_survives_the_complete_form(doc: DocumentSpec, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"d{suffix}"
        write_complete(path, doc)
        back = read_complete(path)
    assert _nfc(back) == _nfc(doc)
    assert (back.unit_uid, back.period) == (doc.unit_uid, doc.period)


# -- complete files that are not right -------------------------------------------------------


def _manifest(full_db: Database, tmp_path: Path, suffix: str) -> dict[str, Any]:
    path = tmp_path / f"good{suffix}"
    export_document(full_db, path, *DEMO)
    if suffix == ".json":
        return json.loads(path.read_text(encoding="utf-8"))
    with zipfile.ZipFile(path) as archive:
        return json.loads(archive.read("document.json"))


def _zip(path: Path, members: dict[str, bytes], method: int = zipfile.ZIP_STORED) -> Path:
    with zipfile.ZipFile(path, "w", method) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def _photos(full_db: Database) -> dict[str, bytes]:
    return {f"photos/{p.sha256}.jpg": p.image for p in demo_doc(full_db).photos}


Mutate = Callable[[dict[str, Any]], None]


def _set(*keys: object, value: object) -> Mutate:
    def mutate(manifest: dict[str, Any]) -> None:
        target = manifest
        for key in keys[:-1]:
            target = target[key]
        target[keys[-1]] = value

    return mutate


def _drop(*keys: object) -> Mutate:
    def mutate(manifest: dict[str, Any]) -> None:
        target = manifest
        for key in keys[:-1]:
            target = target[key]
        del target[keys[-1]]

    return mutate


MANIFEST_CASES: list[tuple[str, Mutate, str]] = [
    ("not ours", _set("format", value="something-else"), "docfile.not_document"),
    ("newer form", _set("format_version", value=2), "docfile.too_new"),
    ("extra top key", _set("extra", value=1), "json.unknown_key"),
    ("unknown field", _set("document", "tieu_de", value="x"), "json.unknown_key"),
    ("number not text", _set("document", "number", value=12), "json.bad_type"),
    ("lines not a list", _set("document", "recipients", value="Lưu: VT"), "json.bad_type"),
    ("bad date", _set("document", "issue_date", value="05/03/2023"), "date.invalid"),
    ("bad period", _set("document", "period", value="quý V/2023"), "period.bad_quarter"),
    ("level 3", _set("document", "sections", 0, "level", value=3), "docfile.bad_level"),
    ("level as text", _set("document", "sections", 0, "level", value="1"), "json.bad_type"),
    ("flag not bool", _set("document", "sections", 0, "in_report", value=1), "json.bad_type"),
    ("no template", _drop("document", "sections", 0, "template"), "docfile.missing_key"),
    (
        "photo of no section",
        _set("document", "photos", 0, "section", value=9),
        "docfile.bad_section_ref",
    ),
    ("sha not hex", _set("document", "photos", 0, "sha256", value="xyz"), "docfile.bad_sha"),
    (
        "sha of another",
        _set("document", "photos", 0, "sha256", value="0" * 64),
        "docfile.photo_missing",
    ),
    (
        "mime wrong",
        _set("document", "photos", 0, "mime", value="image/png"),
        "docfile.photo_missing",
    ),
]


@pytest.mark.parametrize(
    ("case", "mutate", "key"), MANIFEST_CASES, ids=[c[0] for c in MANIFEST_CASES]
)
def test_a_zip_with_a_wrong_manifest_is_refused_and_nothing_changes(
    full_db: Database, ref_db: Database, tmp_path: Path, case: str, mutate: Mutate, key: str
) -> None:
    manifest = _manifest(full_db, tmp_path, ".zip")
    mutate(manifest)
    path = _zip(
        tmp_path / "bad.zip",
        {"document.json": json.dumps(manifest).encode(), **_photos(full_db)},
    )
    before = digest(ref_db)
    with pytest.raises(HbtError) as caught:
        import_document(ref_db, path, WARD, Q3, before_write=pytest.fail)
    assert caught.value.key == key
    assert caught.value.message.startswith(("Tệp bad.zip", "Tệp này"))
    assert digest(ref_db) == before


def _jpeg_of_other_bytes(full_db: Database) -> dict[str, bytes]:
    first = demo_doc(full_db).photos[0]
    return {
        f"photos/{first.sha256}.jpg": first.image[:-1] + b"\x00",
        **dict(list(_photos(full_db).items())[1:]),
    }


ZIP_CASES: list[tuple[str, Callable[[Database, Path, bytes], dict[str, bytes]], str]] = [
    (
        "photo changed",
        lambda db, _, m: {"document.json": m, **_jpeg_of_other_bytes(db)},
        "docfile.photo_changed",
    ),
    ("photo missing", lambda db, _, m: {"document.json": m}, "docfile.photo_missing"),
    (
        "member outside",
        lambda db, _, m: {"document.json": m, **_photos(db), "../evil.txt": b"x"},
        "docfile.bad_member",
    ),
    (
        "unused member",
        lambda db, _, m: {"document.json": m, **_photos(db), f"photos/{'a' * 64}.png": _PNG},
        "docfile.bad_member",
    ),
    ("no manifest", lambda db, _, m: _photos(db), "docfile.damaged"),
    (
        "manifest not json",
        lambda db, _, m: {"document.json": b"{not json", **_photos(db)},
        "json.invalid",
    ),
]


@pytest.mark.parametrize(("case", "members", "key"), ZIP_CASES, ids=[c[0] for c in ZIP_CASES])
def test_a_zip_with_wrong_members_is_refused_and_nothing_changes(
    full_db: Database,
    ref_db: Database,
    tmp_path: Path,
    case: str,
    members: Callable[[Database, Path, bytes], dict[str, bytes]],
    key: str,
) -> None:
    manifest = json.dumps(_manifest(full_db, tmp_path, ".zip")).encode()
    path = _zip(tmp_path / "bad.zip", members(full_db, tmp_path, manifest))
    before = digest(ref_db)
    with pytest.raises(HbtError) as caught:
        import_document(ref_db, path, WARD, Q3, before_write=pytest.fail)
    assert caught.value.key == key
    assert digest(ref_db) == before


def test_a_photo_that_is_not_a_picture_is_refused_by_the_photo_check(
    full_db: Database, ref_db: Database, tmp_path: Path
) -> None:
    manifest = _manifest(full_db, tmp_path, ".json")
    text = b"GIF89a not a jpeg"
    photo = manifest["document"]["photos"][0]
    photo.update(image=base64.b64encode(text).decode(), sha256=hashlib.sha256(text).hexdigest())
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(HbtError) as caught:
        import_document(ref_db, path, WARD, Q3)
    assert caught.value.key == "photo.bad_image"


@pytest.mark.parametrize(
    ("garble", "key"),
    [("!!!", "docfile.bad_base64"), (None, "json.bad_type")],
)
def test_inline_photo_data_must_be_base64(
    full_db: Database, ref_db: Database, tmp_path: Path, garble: object, key: str
) -> None:
    manifest = _manifest(full_db, tmp_path, ".json")
    manifest["document"]["photos"][0]["image"] = garble
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(HbtError) as caught:
        import_document(ref_db, path, WARD, Q3)
    assert caught.value.key == key


def test_a_file_that_is_not_a_zip_and_a_zip_bomb_are_refused(
    ref_db: Database, tmp_path: Path
) -> None:
    garbage = tmp_path / "garbage.zip"
    garbage.write_bytes(b"PK\x03\x04 truncated")
    with pytest.raises(HbtError) as caught:
        import_document(ref_db, garbage, WARD, Q3)
    assert caught.value.key == "docfile.damaged"
    sha = "b" * 64
    bomb = _zip(
        tmp_path / "bomb.zip",
        {"document.json": b"{}", f"photos/{sha}.jpg": b"\0" * (8 * 1024 * 1024)},
        zipfile.ZIP_DEFLATED,
    )
    with pytest.raises(HbtError) as caught:
        import_document(ref_db, bomb, WARD, Q3)
    assert caught.value.key == "docfile.too_big"


def test_a_template_fault_in_the_complete_form_names_the_section_and_its_line(
    full_db: Database, ref_db: Database, tmp_path: Path
) -> None:
    manifest = _manifest(full_db, tmp_path, ".json")
    manifest["document"]["sections"][1]["template"] = (
        "Thu ngân sách\nlà {{ so_lieu('NS_THU_DIA_BAM') }}."
    )
    path = tmp_path / "typo.json"
    path.write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    before = digest(ref_db)
    with pytest.raises(FileInputError) as caught:
        import_document(ref_db, path, WARD, Q3, before_write=pytest.fail)
    message = caught.value.message
    assert message.startswith("Tệp typo.json, mục thứ 2 trong «sections», khóa «template»: ")
    assert "dòng 2 của mẫu" in message and "NS_THU_DIA_BAM" in message
    assert digest(ref_db) == before


# -- the text form into the database -----------------------------------------------------------


def test_the_text_form_keeps_what_it_does_not_write_and_the_photos(
    full_db: Database, tmp_path: Path
) -> None:
    before = demo_doc(full_db)
    path = tmp_path / "mau-quan.txt"
    path.write_text(
        "số: 15\nnơi nhận:\n- UBND các phường;\n- Lưu: VT.\n\n"
        "## Cải cách hành chính\nMột câu mới.\n"
        "## Mục mới\n{{ ky }}.\n"
        "## Công tác xây dựng Đảng và an sinh xã hội\nCâu khác.\n",
        encoding="utf-8",
    )
    result = import_document(full_db, path, *DEMO)
    doc = load_document(full_db, *DEMO)
    assert doc is not None and result.replaced
    assert doc.number == "15" and doc.recipients == ("UBND các phường;", "Lưu: VT.")
    # Not written in the file: kept as they were.
    assert (doc.signer_name, doc.summary, doc.issue_date) == (
        before.signer_name,
        before.summary,
        before.issue_date,
    )
    assert "người ký" in result.kept_fields and "số" not in result.kept_fields
    # The sections are the file's; each photo stays with the section of its heading.
    assert [s.heading for s in doc.sections] == [
        "Cải cách hành chính",
        "Mục mới",
        "Công tác xây dựng Đảng và an sinh xã hội",
    ]
    by_caption = {p.caption: p.section_position for p in doc.photos}
    old = {p.caption: before.sections[p.section_position].heading for p in before.photos}
    assert {c: doc.sections[i].heading for c, i in by_caption.items()} == old
    assert [p.image for p in doc.photos] == [p.image for p in before.photos]
    assert "giữ 2 ảnh đã có" in result.message()


def test_a_photo_whose_heading_is_gone_goes_to_the_end(full_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "khac.txt"
    path.write_text("## Một mục khác hẳn\nx\n", encoding="utf-8")
    import_document(full_db, path, *DEMO)
    doc = load_document(full_db, *DEMO)
    assert doc is not None and [p.section_position for p in doc.photos] == [None, None]


def test_a_dry_run_says_what_it_would_do_and_changes_nothing(
    full_db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "thu.txt"
    path.write_text("số: 99\n## Mục\nx\n", encoding="utf-8")
    before = digest(full_db)
    result = import_document(full_db, path, *DEMO, dry_run=True, before_write=pytest.fail)
    assert digest(full_db) == before
    assert result.message().startswith("Sẽ thay văn bản của quận Hai Bà Trưng")
    assert "chạy thử, chưa lưu gì" in result.message()


# Each template fault, and the line of the file it must name.
TEMPLATE_FAULTS = [
    ("tiêu đề: {{ ky }\n", 1, "cú pháp"),
    ("sapo: Một câu.\n  {{ so_lieu('NS_THU_DIA_BAM') }}\n", 2, "NS_THU_DIA_BAM"),
    ("## A\nx\n{% set thu = so_lieu('NS_THU_DIA_BAN') %}\n{{ thu_nhap }}\n", 4, "thu_nhap"),
    ("## A\n\n\n{{ so_lieu('NS_THU_DIA_BAN', 'quý V/2026') }}\n", 4, "quý V/2026"),
    ("## A\n{% set t = so_lieu('NS_THU_DIA_BAN') %}{{ t.so_voi('DT_XYZ') }}\n", 2, "DT_XYZ"),
    ("## A\n{% set t = so_lieu('DN_THANH_LAP') %}\n{{ t.tang_truongg() }}\n", 3, "tang_truongg"),
    ("## A\n{{ so_lieu('QS_GIAO_QUAN', don_vi='99999') }}\n", 2, "99999"),
    ("## A\nx\n## B\n{% for x in y %}{% endfor %}\n", 3, "không được phép"),
]


@pytest.mark.parametrize(("text", "line", "names"), TEMPLATE_FAULTS)
def test_a_template_fault_is_refused_at_its_line_and_nothing_changes(
    ref_db: Database, tmp_path: Path, text: str, line: int, names: str
) -> None:
    path = tmp_path / "loi.txt"
    path.write_text(text, encoding="utf-8")
    before = digest(ref_db)
    with pytest.raises(FileInputError) as caught:
        import_document(ref_db, path, WARD, Q3, before_write=pytest.fail)
    message = caught.value.message
    assert message.startswith(f"Tệp loi.txt, dòng {line}: ")
    assert names in message
    assert digest(ref_db) == before


def test_a_figure_not_entered_yet_is_no_fault_of_the_file(ref_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "mau.txt"
    path.write_text("## Đầu tư công\nGiải ngân {{ so_lieu('DTC_GIAI_NGAN') }}.\n", encoding="utf-8")
    import_document(ref_db, path, WARD, Q3)
    assert load_document(ref_db, WARD, Q3) is not None


@pytest.mark.parametrize("name", ["van-ban.docx", "van-ban.TXT.bak", "van-ban"])
def test_an_unknown_extension_is_refused_both_ways(
    full_db: Database, tmp_path: Path, name: str
) -> None:
    path = tmp_path / name
    path.write_text("số: 1\n", encoding="utf-8")
    before = digest(full_db)
    for call in (export_document, import_document):
        with pytest.raises(HbtError) as caught:
            call(full_db, path, *DEMO)
        assert caught.value.key == "document.bad_extension"
    assert digest(full_db) == before and path.read_text(encoding="utf-8") == "số: 1\n"


def test_a_text_file_over_the_size_limit_is_refused(ref_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "lon.txt"
    path.write_bytes(b"## A\n" + b"x" * (2 * 1024 * 1024 + 1))
    with pytest.raises(HbtError) as caught:
        import_document(ref_db, path, WARD, Q3)
    assert caught.value.key == "file.too_large"


def test_with_no_document_the_draft_is_exported_and_imports_back(
    ref_db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "nhap.txt"
    done = export_document(ref_db, path, WARD, Q3)
    assert done.drafted and "bản nháp" in done.message()
    result = import_document(ref_db, path, WARD, Q3)
    doc = load_document(ref_db, WARD, Q3)
    assert doc is not None and not result.replaced
    # A draft is never dated by the machine's clock (Decree 30: the office dates it).
    assert doc.issue_date is None and doc.symbol == "BC-UBND"


def test_the_text_export_says_photos_are_left_out(full_db: Database, tmp_path: Path) -> None:
    done = export_document(full_db, tmp_path / "chu.txt", *DEMO)
    assert "2 ảnh không có trong dạng chữ" in done.message()
    assert "# 2 ảnh không có trong tệp chữ này" in (tmp_path / "chu.txt").read_text("utf-8")


def test_an_export_that_cannot_be_written_leaves_no_half_file(
    full_db: Database, tmp_path: Path
) -> None:
    with pytest.raises(HbtError) as caught:
        export_document(full_db, tmp_path / "no-such-folder" / "x.zip", *DEMO)
    assert caught.value.key == "file.write_failed"


def test_the_zip_export_is_the_same_bytes_every_time(full_db: Database, tmp_path: Path) -> None:
    export_document(full_db, tmp_path / "a.zip", *DEMO)
    export_document(full_db, tmp_path / "b.zip", *DEMO)
    assert (tmp_path / "a.zip").read_bytes() == (tmp_path / "b.zip").read_bytes()
    assert io.BytesIO((tmp_path / "a.zip").read_bytes()).getbuffer().nbytes > 0


def test_into_a_period_without_a_document_the_text_form_takes_the_rest_from_the_draft(
    ref_db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "chi-cac-muc.txt"
    path.write_text("người ký: Trần Văn C\n## Kinh tế\nMột câu.\n", encoding="utf-8")
    result = import_document(ref_db, path, WARD, Q3)
    doc = load_document(ref_db, WARD, Q3)
    assert doc is not None and not result.replaced
    assert doc.signer_name == "Trần Văn C" and [s.heading for s in doc.sections] == ["Kinh tế"]
    # As the writing screen would have shown it before any typing.
    assert (doc.symbol, doc.signer_authority) == ("BC-UBND", ("TM. ỦY BAN NHÂN DÂN",))
    assert "ký hiệu" in result.kept_fields and "người ký" not in result.kept_fields
    assert "lấy theo bản nháp chương trình viết sẵn vì tệp không ghi" in result.message()

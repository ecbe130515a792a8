"""The text form of a document: what a person writes is read as they meant it, what the
program writes reads back the same, and everything else is refused at its line."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hbt_desktop.core.document_fields import HEADER_FIELDS, FieldKind
from hbt_desktop.core.documents import DocumentSpec, SectionSpec
from hbt_desktop.core.errors import HbtError
from hbt_desktop.core.periods import parse_period
from hbt_desktop.core.text import fold
from hbt_desktop.exchange.document_text import decode_text, format_text, parse_text
from hbt_desktop.exchange.where import FileInputError

Q3 = parse_period("2026Q3")

WRITTEN = """\
# Báo cáo quý III/2026 của phường Vĩnh Tuy
đơn vị: phường Vĩnh Tuy
kỳ: quý III/2026
tên loại: Báo cáo
số: 45
ký hiệu: BC-UBND
ngày: 5/10/2026
trích yếu: Tình hình kinh tế - xã hội {{ ky }}
kính gửi: Ủy ban nhân dân Thành phố Hà Nội
mở đầu: Ủy ban nhân dân phường Vĩnh Tuy báo cáo
  tình hình kinh tế - xã hội {{ ky }} như sau:
thẩm quyền ký:
- TM. ỦY BAN NHÂN DÂN
- KT. CHỦ TỊCH
chức vụ: PHÓ CHỦ TỊCH
người ký: Nguyễn Thị Thu Hà
nơi nhận: Như trên;
nơi nhận: Thường trực Đảng ủy phường;
  - Lưu: VT, VP.

## Kinh tế
{% set thu = so_lieu('NS_THU_DIA_BAN') %}
Tổng thu ngân sách là {{ thu }}.

### Cải cách hành chính [báo cáo]
Mục con chỉ in trong báo cáo.
## Văn hóa [bản tin]
## Ghi chú nội bộ [không in]
\\## không phải đầu mục
"""


def test_a_document_written_by_hand_is_read_as_meant() -> None:
    parsed = parse_text(WRITTEN, "vinh-tuy.txt")
    h = parsed.header
    assert h["number"] == "45" and h["symbol"] == "BC-UBND"
    assert h["issue_date"] == date(2026, 10, 5)
    assert h["kinh_gui"] == ("Ủy ban nhân dân Thành phố Hà Nội",)
    # A value goes on in the indented lines below it: one line, one paragraph.
    assert h["intro"] == (
        "Ủy ban nhân dân phường Vĩnh Tuy báo cáo\ntình hình kinh tế - xã hội {{ ky }} như sau:"
    )
    assert h["signer_authority"] == ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH")
    # Repeated keys, "- " items and indented items all add lines.
    assert h["recipients"] == ("Như trên;", "Thường trực Đảng ủy phường;", "Lưu: VT, VP.")
    # Keys the file does not write are not in the header (the import keeps them).
    assert "masthead" not in h and "place" not in h
    assert parsed.unit_text == "phường Vĩnh Tuy" and parsed.period == Q3
    shape = [(s.heading, s.level, s.in_bulletin, s.in_report) for s in parsed.sections]
    assert shape == [
        ("Kinh tế", 1, True, True),
        ("Cải cách hành chính", 2, False, True),
        ("Văn hóa", 1, True, False),
        ("Ghi chú nội bộ", 1, False, False),
    ]
    assert parsed.sections[0].template == (
        "{% set thu = so_lieu('NS_THU_DIA_BAN') %}\nTổng thu ngân sách là {{ thu }}."
    )
    assert parsed.sections[2].template == ""
    assert parsed.sections[3].template == "## không phải đầu mục"  # the "\" escape is taken off
    # Heading line and first template line, for refusals that name the line.
    assert parsed.section_lines[0] == (21, 22)
    assert parsed.lines["intro"] == [10, 11]


def test_keys_are_read_without_accents_or_case() -> None:
    parsed = parse_text(
        "SO: 7\nky hieu: BC-UBND\nNGUOI KY: Lê Văn B\nnoi nhan:\n- Lưu: VT\n", "x.txt"
    )
    assert parsed.header == {
        "number": "7",
        "symbol": "BC-UBND",
        "signer_name": "Lê Văn B",
        "recipients": ("Lưu: VT",),
    }


def test_an_empty_value_clears_the_field_and_an_empty_date_is_a_draft() -> None:
    parsed = parse_text("số:\nngày:\nnơi nhận:\n", "x.txt")
    assert parsed.header == {"number": "", "issue_date": None, "recipients": ()}


def test_bom_crlf_nfd_and_tabs_are_accepted() -> None:
    plain = parse_text(WRITTEN, "a.txt")
    messy = unicodedata.normalize("NFD", WRITTEN).replace("\n  ", "\n\t").replace("\n", "\r\n")
    data = b"\xef\xbb\xbf" + messy.encode("utf-8")
    again = parse_text(decode_text(data, "a.txt"), "a.txt")
    assert again.header == plain.header
    assert [(s.heading, s.template) for s in again.sections] == [
        (s.heading, s.template) for s in plain.sections
    ]
    assert all(unicodedata.is_normalized("NFC", s.template) for s in again.sections)
    # Notepad's «Unicode» (UTF-16 with a byte-order mark) too.
    utf16 = parse_text(decode_text(WRITTEN.encode("utf-16"), "a.txt"), "a.txt")
    assert utf16.header == plain.header


# One line of the file made wrong; (text, key of the reason, line it names).
REFUSED = [
    ("sô hiệu: 12\n", "doctext.unknown_key", 1),
    ("số: 1\nký hiệu: BC\nsố: 2\n", "doctext.duplicate_key", 3),
    ("kỳ: quý III/2026\nkỳ: quý IV/2026\n", "doctext.duplicate_key", 2),
    ("số: 1\nngày: 31/02/2026\n", "date.impossible", 2),
    ("ngày: 10/15/2026\n", "date.us_order", 1),
    ("ngày: hôm nay\n", "date.invalid", 1),
    ("ngày: 5/10/26\n", "date.two_digit_year", 1),
    ("ngày: 5/10/2026\n  5/11/2026\n", "doctext.single_line", 2),
    ("- Như trên;\n", "doctext.item_without_key", 1),
    ("số: 4\n- Như trên;\n", "doctext.item_without_key", 2),
    ("  viết tiếp\n", "doctext.continuation_without_key", 1),
    ("Tổng thu ngân sách đạt 5 tỷ đồng\n", "doctext.not_a_key", 1),
    ("tên loại: Tờ trình\n", "doctext.bad_kind", 1),
    ("kỳ: quý V/2026\n", "period.bad_quarter", 1),
    ("số: 1\n\n## Kinh tế\nabc\n#### Chi tiết\n", "doctext.bad_level", 5),
    ("## Kinh tế [bảng]\n", "doctext.bad_flag", 1),
    ("## Kinh tế []\n", "doctext.bad_flag", 1),
    ("số: 1\nhết\x07\n", "doctext.not_text", 2),
]


@pytest.mark.parametrize(("text", "key", "line"), REFUSED)
def test_a_wrong_line_is_refused_with_its_number_in_one_sentence(
    text: str, key: str, line: int
) -> None:
    with pytest.raises(HbtError) as caught:
        parse_text(text, "sai.txt")
    err = caught.value
    assert err.key == key
    message = err.message
    if isinstance(err, FileInputError):
        assert err.where.row == line
        assert message.startswith(f"Tệp sai.txt, dòng {line}: ")
    else:
        assert f"dòng {line}" in message
    assert message.count("\n") == 0 and message.rstrip().endswith((".", ")"))


def test_period_errors_are_the_period_parsers_own() -> None:
    with pytest.raises(HbtError) as caught:
        parse_period("quý V/2026")
    assert caught.value.key == "period.bad_quarter"


@pytest.mark.parametrize("text", ["", "\n\n", "# chỉ có ghi chú\n# hai dòng\n"])
def test_a_file_with_no_document_is_refused(text: str) -> None:
    with pytest.raises(FileInputError) as caught:
        parse_text(text, "trong.txt")
    assert caught.value.key == "doctext.empty"


def test_text_that_is_not_utf8_is_refused_with_the_way_to_save_it() -> None:
    # "số: 1 / người ký: …" as Windows-1258 writes it: "ô" then a combining acute.
    data = b"s\xf4\xec: 1\nng\xfd\xf5\xcci k\xfd: A\n"
    with pytest.raises(HbtError) as caught:
        decode_text(data, "cu.txt")
    assert caught.value.key == "doctext.not_utf8"
    assert "UTF-8" in caught.value.message


def test_too_many_sections_are_refused() -> None:
    text = "".join(f"## Mục {n}\nx\n" for n in range(301))
    with pytest.raises(FileInputError) as caught:
        parse_text(text, "dai.txt")
    assert caught.value.key == "doctext.too_many_sections"


# -- what the program writes reads back the same ------------------------------------------

_WORD = st.text(
    alphabet=st.sampled_from("aăâbcdđeêghiklmnoôơpqrstuưvxyÀÁẠẢÃĐƯỜỨ0123456789-;:,.()/{}'%[]#\\"),
    min_size=1,
    max_size=8,
)
_LINE = st.lists(_WORD, min_size=1, max_size=6).map(" ".join)
_TEXT = st.one_of(st.just(""), _LINE)
_PARAGRAPHS = st.lists(_LINE, max_size=3).map("\n".join)
_ITEMS = st.lists(_LINE, max_size=4).map(tuple)
_DATES = st.one_of(st.none(), st.dates(date(1990, 1, 1), date(2099, 12, 31)))
_VALUES = {
    FieldKind.TEXT: _TEXT,
    FieldKind.TEMPLATE: _PARAGRAPHS,
    FieldKind.LINES: _ITEMS,
    FieldKind.DATE: _DATES,
}
# A template line may start with "#" or "\#" (the form escapes it) or with spaces.
_TEMPLATE_LINE = st.one_of(_LINE, _LINE.map(lambda t: "#" + t), _LINE.map(lambda t: "  " + t))
_SECTIONS = st.lists(
    st.builds(
        SectionSpec,
        heading=_TEXT,
        template=st.lists(_TEMPLATE_LINE, max_size=4).map("\n".join),
        level=st.sampled_from([1, 2]),
        in_bulletin=st.booleans(),
        in_report=st.booleans(),
    ),
    max_size=5,
)


@st.composite
def documents(draw: st.DrawFn) -> DocumentSpec:
    doc = DocumentSpec("W00283-2025", Q3, sections=draw(_SECTIONS))
    for spec in HEADER_FIELDS:
        setattr(doc, spec.name, draw(_VALUES[spec.kind]))
    return doc


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc=documents())
def test_every_field_and_section_reads_back_as_written(doc: DocumentSpec) -> None:
    text = format_text(doc, unit_name="phường Vĩnh Tuy")
    parsed = parse_text(text, "x.txt")
    assert parsed.header == {f.name: getattr(doc, f.name) for f in HEADER_FIELDS}
    assert [
        (s.heading, s.template, s.level, s.in_bulletin, s.in_report) for s in parsed.sections
    ] == [(s.heading, s.template, s.level, s.in_bulletin, s.in_report) for s in doc.sections]
    assert parsed.period == doc.period and parsed.unit_text == "phường Vĩnh Tuy"


@pytest.mark.parametrize(
    "period", ["2026Q3", "2026YTD08@20260815", "2026", "202609", "2026S1", "2026L09"]
)
def test_the_period_written_reads_back(period: str) -> None:
    doc = DocumentSpec("W00283-2025", parse_period(period))
    assert parse_text(format_text(doc, unit_name="phường X"), "x.txt").period == doc.period


@pytest.mark.parametrize(
    ("heading", "bulletin", "report"),
    [("Phụ lục [1]", True, True), ("Tin [bản tin]", True, True), ("Ảnh [2]", True, False)],
)
def test_a_heading_that_ends_with_brackets_keeps_them(
    heading: str, bulletin: bool, report: bool
) -> None:
    doc = DocumentSpec("W00283-2025", Q3, sections=[SectionSpec(heading, "x", 1, bulletin, report)])
    (section,) = parse_text(format_text(doc, unit_name="phường X"), "x.txt").sections
    assert (section.heading, section.in_bulletin, section.in_report) == (heading, bulletin, report)


def test_the_labels_of_the_writing_screen_are_read_as_the_keys() -> None:
    parsed = parse_text(
        "Họ tên người ký: Lê Văn B\nSa-pô: Một câu.\nNgày ban hành: 1/10/2026\n"
        "Quyền hạn ký: TM. ỦY BAN NHÂN DÂN\n",
        "x.txt",
    )
    assert parsed.header == {
        "signer_name": "Lê Văn B",
        "lead": "Một câu.",
        "issue_date": date(2026, 10, 1),
        "signer_authority": ("TM. ỦY BAN NHÂN DÂN",),
    }
    with pytest.raises(FileInputError) as caught:
        parse_text("người ký: A\nhọ tên người ký: B\n", "x.txt")
    assert caught.value.key == "doctext.duplicate_key" and caught.value.where.row == 2


def test_keys_and_aliases_are_distinct_without_accents() -> None:
    names = [fold(n) for f in HEADER_FIELDS for n in (f.key, *f.aliases)]
    names += [fold(k) for k in ("đơn vị", "kỳ", "tên loại")]
    assert len(names) == len(set(names))


_LINES_OF_ANYTHING = st.lists(
    st.one_of(
        st.text(max_size=30),
        st.sampled_from(["## ", "### ", "#### x", "- ", "  ", "\t", "số:", "ngày:", "nơi nhận:"]),
        _LINE.map(lambda t: "## " + t),
        _LINE.map(lambda t: "  " + t),
    ),
    max_size=12,
).map("\n".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_LINES_OF_ANYTHING, data=st.binary(max_size=64))
def test_any_text_is_read_or_refused_with_a_sentence_never_a_crash(text: str, data: bytes) -> None:
    for attempt in (lambda: parse_text(text, "x.txt"), lambda: decode_text(data, "x.txt")):
        try:
            attempt()
        except HbtError as exc:
            assert exc.message and "[doctext." not in exc.message

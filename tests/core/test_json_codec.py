"""Figures and documents as exact JSON: what is written reads back the same, for all inputs."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, date, datetime, timedelta, timezone

from hypothesis import given
from hypothesis import strategies as st

from hbt_desktop.core.documents import DocumentSpec, PhotoSpec, SectionSpec
from hbt_desktop.core.json_codec import (
    document_from_dict,
    document_to_dict,
    dump_value,
    load_value,
    value_from_dict,
    value_to_dict,
)
from hbt_desktop.core.numbers import QUALIFIERS
from hbt_desktop.core.periods import Period
from hbt_desktop.core.values import MAX_SCALE, Status, Value, encode

periods = st.one_of(
    st.builds(Period.month, st.integers(2020, 2030), st.integers(1, 12)),
    st.builds(Period.quarter, st.integers(2020, 2030), st.integers(1, 4)),
    st.builds(Period.year_of, st.integers(2020, 2030)),
)
texts = st.text(max_size=20)
values = st.builds(
    Value,
    indicator=st.sampled_from(["NS_THU_DIA_BAN", "CNXD_TANG_TRUONG", "QS_GIAO_QUAN"]),
    unit_uid=st.sampled_from(["Q007", "P00241", "W00283-2026"]),
    period=periods,
    amount=st.decimals(
        min_value=-(10**16), max_value=10**16, places=4, allow_nan=False, allow_infinity=False
    ),
    decimals=st.integers(0, MAX_SCALE),
    status=st.sampled_from(list(Status)),
    qualifier=st.none() | st.sampled_from(QUALIFIERS),
    comment=texts,
    updated_by=texts,
    updated_at=st.none()
    | st.datetimes(
        min_value=datetime(2000, 1, 1),
        max_value=datetime(2100, 1, 1),
        timezones=st.sampled_from([UTC, timezone(timedelta(hours=7))]),
    ),
)


@given(values)
def test_a_value_reads_back_exactly_who_and_when_included(value: Value) -> None:
    back = value_from_dict(value_to_dict(value))
    assert back == value
    assert encode(back.amount, back.decimals) == encode(value.amount, value.decimals)
    assert back.updated_at == value.updated_at
    assert load_value(dump_value(value)) == value


@given(values)
def test_the_text_of_a_value_is_json_with_the_amount_as_integer_text(value: Value) -> None:
    text = dump_value(value)
    assert text is not None
    data = json.loads(text)
    num, scale = encode(value.amount, value.decimals)
    assert (data["num"], data["scale"]) == (str(num), scale)  # never a float
    assert text == dump_value(load_value(text))  # stable: the same figure, the same bytes


def test_no_value_is_no_text() -> None:
    assert dump_value(None) is None
    assert load_value(None) is None


PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def _document() -> DocumentSpec:
    doc = DocumentSpec(
        "P00241",
        Period.quarter(2025, 2),
        title="Báo cáo tình hình kinh tế - xã hội",
        issue_date=date(2025, 7, 3),
        signer_authority=("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"),
        signer_name="Nguyễn Văn Lãnh",
        recipients=("UBND quận;", "Lưu: VT."),
    )
    doc.sections += [
        SectionSpec("I. Kinh tế", "Thu ngân sách đạt {{ NS_THU_DIA_BAN }}.", 1, True, True, 0),
        SectionSpec("1. Xây dựng", "", 2, False, True, 1),
    ]
    doc.photos.append(
        PhotoSpec("Lễ ra quân", PNG, "image/png", hashlib.sha256(PNG).hexdigest(), 1, 0)
    )
    return doc


def test_a_document_reads_back_with_its_sections_and_photos_inline() -> None:
    doc = _document()
    data = json.loads(json.dumps(document_to_dict(doc), ensure_ascii=False))
    assert document_from_dict(data) == doc


def test_a_document_whose_photos_travel_apart_reads_back_with_them() -> None:
    doc = _document()
    data = document_to_dict(doc, photos_inline=False)
    assert all("image" not in photo for photo in data["photos"])
    images = {p.sha256: p.image for p in doc.photos}
    assert document_from_dict(data, images) == doc


def test_an_empty_document_reads_back_empty() -> None:
    doc = DocumentSpec("Q007", Period.month(2026, 7))
    assert document_from_dict(document_to_dict(doc)) == doc

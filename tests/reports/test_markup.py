"""Line breaking of printed text: what must stay on one line (reports.markup)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hbt_desktop.reports.markup import NBSP, bind_words, no_widow

NAMES = ("Hai Bà Trưng", "Phạm Đình Hổ", "Bạch Mai")


@pytest.mark.parametrize(
    ("text", "bound"),
    [
        ("trong 2 tháng đầu năm 2023", ["2 tháng", "năm 2023"]),
        ("ước thực hiện quý I/2023 là", ["quý I/2023"]),
        ("quý IV năm 2023", ["quý IV năm 2023"]),
        ("là 4.861 tỷ 658 triệu đồng đạt", ["4.861 tỷ 658 triệu đồng"]),
        ("hơn 1 nghìn tỷ đồng", ["1 nghìn tỷ đồng"]),
        ("70,759 tỷ đồng", ["70,759 tỷ đồng"]),
        ("748.870 triệu đồng", ["748.870 triệu đồng"]),
        ("tính đến ngày 15/2/2023, tổng", ["ngày 15/2/2023"]),
        ("với 18 phường để", ["18 phường"]),
        ("khởi nghĩa Hai Bà Trưng… ANCT", ["Hai Bà Trưng"]),
        ("phường Phạm Đình Hổ và", ["Phạm Đình Hổ"]),
    ],
)
def test_what_must_not_break(text: str, bound: list[str]) -> None:
    out = bind_words(text, NAMES)
    for words in bound:
        assert words.replace(" ", NBSP) in out, (words, out.replace(NBSP, "_"))


@pytest.mark.parametrize(
    ("text", "free"),
    [
        ("đạt 40% so với dự toán", "40% so"),  # a percentage is complete
        ("năm 2023 và các năm", "2023 và"),  # the year belongs to "năm", not to "và"
        ("tháng 2/2023 tăng mạnh", "2/2023 tăng"),
        ("Hai Bà Trưng là", "Trưng là"),
    ],
)
def test_what_may_still_break(text: str, free: str) -> None:
    assert free in bind_words(text, NAMES)


def test_a_body_paragraph_never_ends_with_one_word_alone() -> None:
    assert no_widow("Một câu có năm chữ.") == f"Một câu có năm{NBSP}chữ."
    assert no_widow("Một") == "Một"
    assert no_widow("") == ""


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(
                [
                    "2",
                    "tháng",
                    "quý",
                    "I/2023",
                    "4.115",
                    "tỷ",
                    "081",
                    "triệu",
                    "đồng",
                    "năm",
                    "2023,",
                    "Hai",
                    "Bà",
                    "Trưng",
                    "%",
                    "40%",
                    "ngày",
                    "15/2/2023",
                    "IV",
                ]
            ),
            st.text(min_size=1, max_size=6).filter(lambda t: " " not in t and NBSP not in t),
        ),
        max_size=20,
    ).map(" ".join)
)
def test_binding_only_turns_spaces_into_no_break_spaces(text: str) -> None:
    out = no_widow(bind_words(text, NAMES))
    assert out.replace(NBSP, " ") == text.rstrip() or out.replace(NBSP, " ") == text
    assert len(out) in (len(text), len(text.rstrip()))

"""Only text the program formatted is printed, and every error a template can cause is
one Vietnamese sentence (core.narrative, core.figure_view)."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from hbt_desktop.core.narrative import TemplateError, check_template, render
from hbt_desktop.core.periods import parse_period
from hbt_desktop.core.values import Status, Value
from hbt_desktop.store.source import StoreSource
from hbt_desktop.store.writes import write_value

P = parse_period("2 tháng đầu năm 2023")
Q1 = "{% set q1 = so_lieu('NS_THU_DIA_BAN', 'quý I/2023') %}"
# Words of Python's and Jinja's own (English) messages: none may reach a clerk.
ENGLISH = re.compile(
    r"\b(unexpected|expected|token|got|must|object|attribute|argument|undefined|unsafe|"
    r"callable|bound|method|function|none|true|false|error|not supported|instance|"
    r"template|tag|keyword|positional|missing|required)\b",
    re.IGNORECASE,
)


def _render(db, text: str):  # type: ignore[no-untyped-def]
    src = StoreSource(db)
    return render(text, src, src.units.get("Q007"), P)


@pytest.mark.parametrize(
    ("template", "kind", "words"),
    [
        (Q1 + "{{ q1.tang_truong }}", "unformatted", "tang_truong(…)"),
        (Q1 + "{{ q1.so_voi }}", "unformatted", "so_voi(…)"),
        ("{{ so_lieu }}", "unformatted", "so_lieu(…)"),
        (Q1 + "{{ q1.co_so_lieu }}", "unformatted", "{% if %}"),
        ("{{ 4115 }}", "unformatted", "«4115»"),
        ("{{ 3.5 }}", "unformatted", "«3.5»"),
        ("{{ 'bốn nghìn tỷ' }}", "unformatted", "«bốn nghìn tỷ»"),
        ("{% set x = 'chữ' %}{{ x }}", "unformatted", "«chữ»"),
        (Q1 + "{{ q1 ~ ' đồng' }}", "unformatted", "gõ thẳng"),
        ("{{ (1, 2) }}", "unformatted", "không cho ra chữ"),
        ("{{ chua_co }}", "undefined", "chưa rõ: chua_co"),
        ("{{ chua_co.ky }}", "undefined", "chưa rõ: chua_co"),
        ("{{ chua_co('x') }}", "undefined", "chưa rõ: chua_co"),
        (Q1 + "{{ q1._figure }}", "forbidden", "«_figure»"),
        (Q1 + "{{ q1.khong_co() }}", "forbidden", "«khong_co»"),
        ("{{ ky.format('x') }}", "forbidden", "«format»"),
        (Q1 + "{{ q1.so_voi() }}", "call", "cần ghi ma_goc"),
        (Q1 + "{{ q1.so_voi('DT_TP', abc=1) }}", "call", "không có tham số «abc»"),
        (Q1 + "{{ q1.tang_truong('a', 1, 2) }}", "call", "nhiều nhất 2 giá trị"),
        ("{{ so_lieu() }}", "call", "so_lieu('NS_THU_DIA_BAN')"),
        (Q1 + "{{ q1.so_voi('DT_TP_HDND_Q', dong_tu='hoàn thành') }}", "error", "đạt, bằng, vượt"),
        (Q1 + "{{ q1.so_voi('DT_TP_HDND_Q', dong_tu='vượt') }}", "error", "chưa vượt"),
        (Q1 + "{{ q1.so_voi('DT_TP_HDND_Q', so_le=9) }}", "error", "so_le"),
        (Q1 + "{{ q1.tien('triệu tỷ') }}", "error", "tỷ triệu, tỷ, nghìn tỷ"),
        (Q1 + "{{ q1.tien('nghìn tỷ', 'tầm') }}", "error", "«tầm»"),
        ("{{ so_lieu('QS_GIAO_QUAN').tien() }}", "error", "chỉ dùng cho chỉ tiêu tính bằng tiền"),
        (Q1 + "{% if q1 > 5 %}x{% endif %}", "error", "không tính được"),
        (Q1 + "{% if q1.so > 5 %}x{% endif %}", "error", "không tính được"),
    ],
)
def test_what_cannot_be_printed_is_one_vietnamese_problem(
    demo_db, template: str, kind: str, words: str
) -> None:
    result = _render(demo_db, template)
    assert [p.kind for p in result.problems] == [kind], result.problems
    text = result.problems[0].text
    assert words in text
    assert not ENGLISH.search(text.replace("so_lieu", "")), text
    # The marker is printed in its place; nothing of Python's leaks into the text.
    assert text in result.text
    assert "<" not in result.text and "True" not in result.text and "None" not in result.text


@pytest.mark.parametrize(
    "template",
    [
        "{{ so_lieu('X' }}",
        "{{ }}",
        "{% if %}",
        "{% if ky %}không đóng",
        "{% endif %}",
        "{{ ky",
        "{% foo %}",
        "{{ ky $ }}",
        "{# ghi chú",
        "{% for x in ky %}{% endfor %}",
        "{{ ky | upper }}",
        "{{ ky[0] }}",
        "{{ 1 + 2 }}",
        "{% macro m() %}{% endmacro %}",
        "{{ {'a': 1} }}",
        "{{ -ky }}",
        "{% set x %}khối{% endset %}",
    ],
)
def test_a_template_that_cannot_be_used_is_refused_in_vietnamese(template: str) -> None:
    with pytest.raises(TemplateError) as err:
        check_template(template)
    message = err.value.message_in("vi")
    assert not ENGLISH.search(message.replace("Mẫu văn bản", "")), message


def test_a_syntax_error_says_where_and_what(demo_db) -> None:
    with pytest.raises(TemplateError) as err:
        check_template("Dòng một\n{{ so_lieu('X' }}")
    assert err.value.message_in("vi") == "Mẫu văn bản có lỗi ở dòng 2: «}» đặt không đúng chỗ"


def test_the_problems_are_vietnamese_in_an_english_session_too(demo_db) -> None:
    from hbt_desktop.core import i18n

    i18n.set_language("en")
    result = _render(demo_db, Q1 + "{{ q1.tang_truong }}")
    assert "dấu ngoặc" in result.text  # the document is Vietnamese whatever the screens are


# --- money in the style of one sentence ---------------------------------------------------


@pytest.mark.parametrize(
    ("call", "printed"),
    [
        ("tien('nghìn tỷ', 'gần')", "gần 5 nghìn tỷ đồng"),
        ("tien('nghìn tỷ', 'hơn', so_le=2)", "hơn 4,86 nghìn tỷ đồng"),
        ("tien('nghìn tỷ', 'khoảng', so_le=1)", "khoảng 4,9 nghìn tỷ đồng"),
        ("tien('tỷ')", "4.862 tỷ đồng"),
        ("tien('tỷ', so_le=1)", "4.861,7 tỷ đồng"),
        ("tien('triệu')", "4.861.658 triệu đồng"),
        ("tien()", "4.861 tỷ 658 triệu đồng"),
        ("tien('tỉ')", "4.862 tỉ đồng"),
    ],
)
def test_money_style_and_qualifier_chosen_per_sentence(demo_db, call: str, printed: str) -> None:
    result = _render(demo_db, Q1 + "Quý I/2023 ước {{ q1." + call + " }}.")
    assert result.problems == []
    assert result.text == f"Quý I/2023 ước {printed}."


@pytest.mark.parametrize(
    "call",
    ["tien('nghìn tỷ', 'hơn')", "tien('nghìn tỷ', 'trên', so_le=1)", "tien('tỷ triệu', 'gần')"],
)
def test_a_qualifier_the_rounding_makes_false_is_refused(demo_db, call: str) -> None:
    result = _render(demo_db, Q1 + "Quý I/2023 ước {{ q1." + call + " }}.")
    assert [p.kind for p in result.problems] == ["error"]
    assert "không đúng với số liệu 4.861 tỷ 658 triệu đồng" in result.problems[0].text


def test_the_same_figure_in_a_headline_and_in_a_table_style(db) -> None:
    value = Value("NS_THU_DIA_BAN", "Q007", P, Decimal(1_012_000_000_000), 0, Status.THUC_HIEN)
    write_value(db, value)
    text = _render(
        db,
        "{% set t = so_lieu('NS_THU_DIA_BAN') %}{{ t.tien('nghìn tỷ', 'hơn') }}; "
        "{{ t.tien('tỷ') }}; {{ t }}.",
    ).text
    assert text == "hơn 1 nghìn tỷ đồng; 1.012 tỷ đồng; 1.012 tỷ đồng."


# --- a zero count, a fall, an illustrative figure -----------------------------------------


def test_a_zero_count_is_worded_as_the_bulletins_do(db) -> None:
    write_value(db, Value("TTXD_VI_PHAM_MOI", "Q007", P, Decimal(0)))
    write_value(db, Value("AN_TAI_NAN_GT", "Q007", P, Decimal(3)))
    text = _render(
        db,
        "{{ so_lieu('TTXD_VI_PHAM_MOI').khi_bang_0('không phát sinh vi phạm mới') }}; "
        "{{ so_lieu('TTXD_VI_PHAM_MOI').khi_bang_0() }}; {{ so_lieu('AN_TAI_NAN_GT').khi_bang_0() }}.",
    ).text
    assert text == "không phát sinh vi phạm mới; không phát sinh trường hợp nào; 3 vụ."


def test_the_size_of_a_fall_is_never_printed_alone(db) -> None:
    write_value(db, Value("TMDV_TANG_TRUONG", "Q007", P, Decimal("-1.25"), 2))
    result = _render(
        db,
        "{% set t = so_lieu('TMDV_TANG_TRUONG') %}{{ t }}; {{ t.tang_truong() }}; tăng {{ t.so }}.",
    )
    assert result.text.startswith("giảm 1,25%; giảm 1,25% so với cùng kỳ; tăng [")
    assert [p.kind for p in result.problems] == ["error"]
    assert "là mức giảm" in result.problems[0].text


def test_an_illustrative_figure_says_so_where_it_prints(demo_db) -> None:
    text = _render(
        demo_db,
        "{% set q = so_lieu('QS_GIAO_QUAN') %}{{ q }}; {{ q.so }}; "
        "{{ q.so_voi('CHI_TIEU', ten='ngắn', co_so_voi=False) }}.",
    ).text
    # The recruits of the demo are illustrative; the published share is printed as is.
    assert text == "215 người (số minh họa); 215 (số minh họa); đạt 100% chỉ tiêu."


def test_every_name_a_template_may_use_is_documented_for_clerks() -> None:
    from pathlib import Path

    from hbt_desktop.core.figure_view import VIEW_NAMES

    docs = (Path(__file__).parents[2] / "docs" / "mau-van-ban.md").read_text(encoding="utf-8")
    missing = [name for name in sorted(VIEW_NAMES) if f".{name}" not in docs]
    assert missing == []
    for rule in ("Kỳ của văn bản và kỳ của từng số liệu", "Chỉ in chữ do chương trình viết"):
        assert rule in docs


@pytest.mark.parametrize(
    ("base", "call", "printed"),
    [
        (10 * 10**12, "so_voi('DT_TP', ten='ngắn', co_so_voi=False)", "đạt 49% dự toán"),
        (
            4 * 10**12,
            "so_voi('DT_TP', dong_tu='vượt', co_so_voi=False)",
            "vượt 22% dự toán TP giao",
        ),
        (4 * 10**12, "so_voi('DT_TP', dong_tu='vượt')", "vượt 22% so với dự toán TP giao"),
    ],
)
def test_shares_without_so_voi_and_as_an_excess(
    demo_db, base: int, call: str, printed: str
) -> None:
    from hbt_desktop.core.values import Base
    from hbt_desktop.store.writes import write_base

    write_base(
        demo_db, Base("NS_THU_DIA_BAN", "Q007", parse_period("năm 2023"), "DT_TP", Decimal(base))
    )
    result = _render(demo_db, Q1 + "Quý I/2023 {{ q1." + call + " }}.")
    assert result.problems == []
    assert result.text == f"Quý I/2023 {printed}."

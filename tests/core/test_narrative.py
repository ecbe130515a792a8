"""Clerk templates: figures in sentences, visible markers, and the sandbox."""

from __future__ import annotations

from decimal import Decimal

import pytest

from hbt_desktop.core.narrative import TemplateError, check_template, render
from hbt_desktop.core.periods import parse_period
from hbt_desktop.core.values import Status, Value
from hbt_desktop.store.source import StoreSource
from hbt_desktop.store.writes import write_value

P = parse_period("2 tháng đầu năm 2023")

REVENUE = (
    "{% set thu = so_lieu('NS_THU_DIA_BAN', '2023YTD02@20230215') %}"
    "{% set q1 = so_lieu('NS_THU_DIA_BAN', 'quý I/2023') %}"
    "{{ thu.ky_dau_cau }}, tổng số thu ngân sách trên địa bàn quận là {{ thu }}, "
    "{{ thu.so_voi('DT_TP_HDND_Q', ten='ngắn') }} và {{ thu.tang_truong() }}; "
    "ước thực hiện {{ q1.ky }} là {{ q1 }} {{ q1.so_voi('DT_TP_HDND_Q') }}, "
    "{{ q1.tang_truong(so_voi='cùng kỳ năm ngoái') }}."
)
SEED_SENTENCE = (
    "Tính đến 15/2/2023, tổng số thu ngân sách trên địa bàn quận là 4.115 tỷ 081 triệu đồng, "
    "đạt 34% so với dự toán và tăng 59% so với cùng kỳ; ước thực hiện quý I/2023 là "
    "4.861 tỷ 658 triệu đồng đạt 40% so với dự toán TP và HĐND quận giao, tăng 19% so với "
    "cùng kỳ năm ngoái."
)


def _render(db, text: str):  # type: ignore[no-untyped-def]
    src = StoreSource(db)
    return render(text, src, src.units.get("Q007"), P)


def test_the_seed_revenue_sentence_comes_out_of_a_template(demo_db) -> None:
    result = _render(demo_db, REVENUE)
    assert result.text == SEED_SENTENCE
    assert result.problems == []


def test_changing_a_figure_changes_the_sentence(demo_db) -> None:
    write_value(
        demo_db,
        Value(
            "NS_THU_DIA_BAN",
            "Q007",
            parse_period("2023YTD02@20230215"),
            Decimal(2_000_000_000_000),
            0,
            Status.THUC_HIEN,
        ),
    )
    text = _render(demo_db, REVENUE).text
    assert "là 2.000 tỷ đồng, đạt 16% so với dự toán và giảm 23% so với cùng kỳ" in text


def test_growth_index_and_count_wording(demo_db) -> None:
    text = _render(
        demo_db,
        "{% set t = so_lieu('TMDV_TANG_TRUONG') %}ước {{ t }}; {{ t.chi_so() }}. "
        "{% set q = so_lieu('QS_GIAO_QUAN') %}{{ q }}, {{ q.so_voi('CHI_TIEU', ten='ngắn', co_so_voi=False) }}, "
        "{{ q.tren_tong('CHI_TIEU') }}. {{ so_phuong }} phường, {{ ky }}.",
    ).text
    assert text == (
        "ước tăng 11,7%; bằng 111,7% so với cùng kỳ. 215 người (số minh họa), đạt 100% "
        "chỉ tiêu, 215/215 người (số minh họa). 18 phường, 2 tháng đầu năm 2023."
    )


def test_a_missing_figure_is_a_visible_marker_and_a_problem(demo_db) -> None:
    result = _render(demo_db, "Giải ngân: {{ so_lieu('DTC_GIAI_NGAN') }}.")
    assert "[thiếu số liệu: Giải ngân vốn đầu tư công" in result.text
    assert "None" not in result.text
    assert [p.kind for p in result.problems] == ["missing"]


def test_missing_comparisons_unknown_names_and_codes_are_markers(demo_db) -> None:
    result = _render(
        demo_db,
        "{% set t = so_lieu('TMDV_TANG_TRUONG') %}{{ so_lieu('QS_GIAO_QUAN').tang_truong() }} "
        "{{ so_lieu('KHONG_CO') }} {{ bien_la }} {{ so_lieu('QS_GIAO_QUAN', 'quý 9/2023') }} "
        "{{ so_lieu('QS_GIAO_QUAN').so_voi('KHONG_CO') }}",
    )
    assert "[thiếu số liệu cùng kỳ" in result.text
    assert "[không có chỉ tiêu KHONG_CO]" in result.text
    assert "[chưa rõ: bien_la]" in result.text
    assert "[kỳ «quý 9/2023» không đọc được" in result.text
    assert "[không có loại chỉ tiêu giao KHONG_CO]" in result.text
    assert {p.kind for p in result.problems} >= {
        "missing",
        "unknown_indicator",
        "bad_period",
        "unknown_base",
    }


def test_a_ward_sum_missing_wards_are_named(db) -> None:
    write_value(db, Value("QS_GIAO_QUAN", "P00241", P, Decimal(3)))
    text = _render(db, "{{ so_lieu('QS_GIAO_QUAN') }}").text
    assert "chưa có: Bạch Đằng, Phạm Đình Hổ" in text and "và 12 đơn vị khác" in text


def test_another_unit_by_code(demo_db) -> None:
    assert _render(demo_db, "{{ so_lieu('QS_GIAO_QUAN', don_vi='00241') }}").text == (
        "12 người (số minh họa)"
    )


@pytest.mark.parametrize(
    "template",
    [
        "{% for i in range(10) %}x{% endfor %}",
        "{% macro m() %}{% endmacro %}",
        "{% include 'x' %}",
        "{% import 'x' as y %}",
        "{{ 'a' | upper }}",
    ],
)
def test_statements_beyond_a_sentence_are_refused(template: str) -> None:
    with pytest.raises(TemplateError) as err:
        check_template(template)
    assert err.value.key in {"narrative.forbidden", "narrative.syntax"}


@pytest.mark.parametrize(
    "attack",
    [
        "{{ so_lieu('NS_THU_DIA_BAN')._ctx.src.db }}",
        "{{ so_lieu('NS_THU_DIA_BAN').__class__.__init__.__globals__ }}",
        "{{ so_lieu.__globals__ }}",
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ so_lieu('NS_THU_DIA_BAN')._figure.unit }}",
        "{{ cycler }}{{ lipsum }}{{ range }}",
    ],
)
def test_templates_cannot_reach_python_internals(demo_db, attack: str) -> None:
    try:
        result = _render(demo_db, attack)
    except TemplateError as exc:  # refused before rendering (e.g. subscripts) is fine
        assert exc.key == "narrative.forbidden"
        return
    assert "Database" not in result.text and "function" not in result.text
    assert "<" not in result.text and "sqlite" not in result.text.lower()


def test_a_bad_argument_is_a_marker_in_its_place_not_a_crash(demo_db) -> None:
    result = _render(
        demo_db,
        "Trước. {{ so_lieu('NS_THU_DIA_BAN', 'quý I/2023').so_voi('DT_TP_HDND_Q', so_le='x') }} "
        "Sau: {{ ky }}.",
    )
    assert result.text == (
        "Trước. [so_le phải là số nguyên từ 0 đến 6, không phải «x».] Sau: 2 tháng đầu năm 2023."
    )
    assert [p.kind for p in result.problems] == ["error"]


def test_syntax_errors_say_where(demo_db) -> None:
    with pytest.raises(TemplateError) as err:
        _render(demo_db, "Dòng một\n{{ so_lieu('X' }}")
    assert err.value.key == "narrative.syntax"
    assert "dòng 2" in err.value.message


def test_nfd_template_text_renders_nfc(demo_db) -> None:
    import unicodedata

    nfd = unicodedata.normalize("NFD", "Thu ngân sách {{ ky }}")
    text = _render(demo_db, nfd).text
    assert text == unicodedata.normalize("NFC", text)
    assert text == "Thu ngân sách 2 tháng đầu năm 2023"


def test_only_harmless_text_methods(demo_db) -> None:
    assert _render(demo_db, "{{ ten_don_vi.upper() }}").text == "HAI BÀ TRƯNG"
    result = _render(demo_db, "{{ ky.center(10) }}{{ ky.format() }}")
    assert [p.kind for p in result.problems] == ["forbidden", "forbidden"]
    assert result.text == (
        "[«center» không dùng được trong mẫu văn bản][«format» không dùng được trong mẫu văn bản]"
    )

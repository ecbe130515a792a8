"""The period a document's text claims: a figure of another period is printed only in a
sentence that names that period (core.period_claims)."""

from __future__ import annotations

import pytest

from hbt_desktop.core.narrative import render
from hbt_desktop.core.periods import Period, parse_period
from hbt_desktop.store.source import StoreSource

TWO_MONTHS = parse_period("2 tháng đầu năm 2023")
THU = "{% set thu = so_lieu('NS_THU_DIA_BAN', '2023YTD02@20230215') %}"
Q1 = "{% set q1 = so_lieu('NS_THU_DIA_BAN', 'quý I/2023') %}"


def _problems(db, text: str, period: Period = TWO_MONTHS) -> list[str]:  # type: ignore[no-untyped-def]
    src = StoreSource(db)
    result = render(text, src, src.units.get("Q007"), period)
    return [p.text for p in result.problems if p.kind == "period"]


@pytest.mark.parametrize(
    "sentence",
    [
        # the seed's own sentence: both figures carry their period
        THU + Q1 + "{{ thu.ky_dau_cau }}, tổng thu là {{ thu }}, {{ thu.so_voi('DT_TP_HDND_Q') }}; "
        "ước thực hiện {{ q1.ky }} là {{ q1 }}.",
        Q1 + "Ước thực hiện quý I/2023 là {{ q1 }}.",
        Q1 + "Ước thực hiện quý I năm 2023 là {{ q1 }}.",
        Q1 + "Quý I, thu ước {{ q1 }}.",  # the document's year is understood
        Q1 + "Thu ước {{ q1 }} ({{ q1.ky.upper() }}).",  # the label may follow, in capitals
        THU + "Tính đến 15/2/2023, tổng thu là {{ thu }}.",
        THU + "Tổng thu tính đến ngày 15/2/2023 là {{ thu }}.",
        THU + "Tính đến 15/2, tổng thu là {{ thu }}.",
        THU + "Cùng kỳ, thu được {{ thu.cung_ky }}.",
        THU + "Thu {{ thu.cung_ky.ky }} là {{ thu.cung_ky }}.",
        # figures of the document's period need no label
        "Giá trị sản xuất thương mại - dịch vụ ước {{ so_lieu('TMDV_TANG_TRUONG') }}.",
        "Thu {{ so_lieu('NS_THU_DIA_BAN', '2 tháng đầu năm 2023') }}.",
    ],
)
def test_a_figure_with_its_period_in_the_sentence_passes(demo_db, sentence: str) -> None:
    assert _problems(demo_db, sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        Q1 + "Tổng thu ngân sách 2 tháng đầu năm đạt {{ q1 }}.",
        Q1 + "Thu {{ q1.so_voi('DT_TP_HDND_Q') }}.",  # a comparison speaks of the figure too
        Q1 + "Thu quý II/2023 là {{ q1 }}.",
        Q1 + "Quý I/2023 thu khá. Thu đạt {{ q1 }}.",  # the label is in another sentence
        THU + "Tổng thu là {{ thu }}.",
        THU + "Tính đến 16/2/2023, tổng thu là {{ thu }}.",
        THU + "Năm trước thu được {{ thu.cung_ky }}.",
        THU + "Tính đến 15/2/2022, thu là {{ thu }}.",  # the right day of another year
    ],
)
def test_a_figure_of_another_period_without_its_label_is_a_problem(demo_db, sentence: str) -> None:
    problems = _problems(demo_db, sentence)
    assert len(problems) == 1
    assert "không phải của kỳ văn bản (2 tháng đầu năm 2023)" in problems[0]


def test_the_problem_names_the_figure_its_period_and_the_sentence(demo_db) -> None:
    (problem,) = _problems(demo_db, Q1 + "Tổng thu đạt {{ q1 }}.")
    assert "4.861 tỷ 658 triệu đồng" in problem and "quý I/2023" in problem
    assert "«Tổng thu đạt 4.861 tỷ 658 triệu đồng.»" in problem


def test_a_year_report_may_not_print_quarter_figures_as_the_years(demo_db) -> None:
    year = parse_period("năm 2023")
    assert _problems(demo_db, Q1 + "Năm 2023, tổng thu ước {{ q1 }}.", year)
    assert _problems(demo_db, Q1 + "Trong quý I, tổng thu ước {{ q1 }}.", year) == []


def test_a_month_end_cutoff_document_names_the_same_figures_as_its_period(demo_db) -> None:
    # "tính đến ngày 28/2/2023" is the two months: their figures are the document's own.
    stated = parse_period("tính đến ngày 28/2/2023")
    assert stated.id == TWO_MONTHS.id
    text = "Thương mại - dịch vụ ước {{ so_lieu('TMDV_TANG_TRUONG', '2 tháng đầu năm 2023') }}."
    assert _problems(demo_db, text, stated) == []

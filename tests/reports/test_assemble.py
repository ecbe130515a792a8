"""From the database to page content: periods printed honestly, estimates and
illustrative figures marked, growth worded, line breaks bound (reports.assemble)."""

from __future__ import annotations

from decimal import Decimal

from hbt_desktop.core.periods import parse_period
from hbt_desktop.core.values import Base, Status, Value
from hbt_desktop.reports.assemble import bulletin_content, report_content
from hbt_desktop.reports.content import BulletinContent, ReportContent
from hbt_desktop.reports.markup import NBSP
from hbt_desktop.store.writes import write_base, write_value

TWO_MONTHS = parse_period("2 tháng đầu năm 2023")
TY = 10**9


def _text(content: BulletinContent | ReportContent) -> str:
    """Every paragraph of a content, no-break spaces read as spaces."""
    sections = content.sections if isinstance(content, BulletinContent) else content.parts
    return " ".join(p for s in sections for p in s.paragraphs).replace(NBSP, " ")


def _plain(text: str) -> str:
    return text.replace(NBSP, " ")


def _money(db, code: str, period: str, ty: int, status: Status = Status.THUC_HIEN) -> None:  # type: ignore[no-untyped-def]
    write_value(db, Value(code, "Q007", parse_period(period), Decimal(ty * TY), 0, status))


# --- drafts hold the document's own period only -----------------------------------------


def test_a_year_draft_takes_no_two_month_or_quarter_figures(demo_db) -> None:
    year = parse_period("năm 2023")
    _money(demo_db, "NS_CHI_TONG", "năm 2023", 9_000)
    for build in (bulletin_content, report_content):
        content, problems = build(demo_db, "Q007", year)
        text = _text(content)
        assert "9.000 tỷ đồng" in text and "năm 2023" in text
        # The demo's 2-month, cut-off and quý I figures stay out of the year's document.
        for other in ("4.115 tỷ", "4.861 tỷ", "11,7%", "tính đến 15/2/2023", "quý I/2023"):
            assert other not in text, other
        assert [p for p in problems if p.kind == "period"] == []


def test_a_cutoff_draft_takes_no_figure_of_the_whole_months(db) -> None:
    cut = parse_period("5 tháng đầu năm 2023, tính đến 15/5/2023")
    _money(db, "NS_THU_DIA_BAN", "5 tháng đầu năm 2023", 7_000)
    _money(db, "NS_THU_DIA_BAN", "5 tháng đầu năm 2023, tính đến 15/5/2023", 6_500)
    content, problems = bulletin_content(db, "Q007", cut)
    text = _text(content)
    assert "6.500 tỷ đồng" in text and "tính đến 15/5/2023" in text
    assert "7.000 tỷ" not in text
    assert problems == []


def test_a_month_end_cutoff_document_prints_the_date_the_clerk_wrote(db) -> None:
    stated = parse_period("tính đến ngày 31/5/2023")
    _money(db, "NS_THU_DIA_BAN", "5 tháng đầu năm 2023", 7_000)
    content, problems = bulletin_content(db, "Q007", stated)
    assert "tính đến 31/5/2023" in _text(content)
    assert "tính đến 31/5/2023" in content.key_figures_title.replace(NBSP, " ")
    assert problems == []


def test_a_draft_with_no_figure_of_its_period_says_so(demo_db) -> None:
    _, problems = report_content(demo_db, "Q007", parse_period("quý III/2023"))
    assert [p.kind for p in problems] == ["no_figures"]
    assert "Chưa có số liệu nào của quý III/2023" in problems[0].text


# --- the demo: published figures only, the rest marked ------------------------------------


def test_the_demo_prints_with_no_problem_at_all(demo_db) -> None:
    for build in (bulletin_content, report_content):
        _, problems = build(demo_db, "Q007", TWO_MONTHS)
        assert problems == []


def test_illustrative_figures_are_not_headline_cards(demo_db) -> None:
    content, _ = bulletin_content(demo_db, "Q007", TWO_MONTHS)
    labels = [k.label.replace(NBSP, " ") for k in content.key_figures]
    assert len(labels) == 4
    assert not any("Thanh niên nhập ngũ" in label for label in labels)  # the demo's recruits
    assert any("là số minh họa" in _plain(n) for n in content.notes)


def test_the_money_chart_names_its_periods_marks_estimates_and_illustrative_bars(demo_db) -> None:
    content, _ = bulletin_content(demo_db, "Q007", TWO_MONTHS)
    money = next(c for c in content.charts if c.unit_label == "tỷ đồng")
    assert tuple(map(_plain, money.categories)) == ("Tính đến 15/2/2023", "Ước quý I/2023")
    now, before = money.series
    assert _plain(now.name) == "Kỳ báo cáo năm 2023" and now.estimates == ("", "ước thực hiện")
    assert _plain(before.name) == "Cùng kỳ năm 2022 (số minh họa)"
    assert _plain(money.note) == (
        "Dự toán TP và HĐND quận giao năm 2023: 12.140 tỷ đồng (số minh họa)."
    )


def test_a_base_named_for_its_year_is_not_written_twice(demo_db) -> None:
    write_base(
        demo_db, Base("NS_THU_DIA_BAN", "Q007", parse_period("năm 2023"), "DT_NAM", Decimal(10**13))
    )
    content, _ = bulletin_content(demo_db, "Q007", TWO_MONTHS)
    money = next(c for c in content.charts if c.unit_label == "tỷ đồng")
    assert "Dự toán năm 2023: 10.000 tỷ đồng." in _plain(money.note)
    assert "năm năm" not in _plain(money.note)


def test_growth_is_worded_in_charts_and_tables_and_a_fall_is_never_signed(demo_db) -> None:
    write_value(demo_db, Value("TMDV_TANG_TRUONG", "Q007", TWO_MONTHS, Decimal("-1.25"), 2))
    bulletin, _ = bulletin_content(demo_db, "Q007", TWO_MONTHS)
    growth = next(c for c in bulletin.charts if c.unit_label == "%")
    assert _plain(growth.title).startswith("Tăng, giảm so với cùng kỳ năm trước (%)")
    assert growth.value_labels == (("giảm 1,25%", "tăng 12,33%"),)
    report, _ = report_content(demo_db, "Q007", TWO_MONTHS)
    (table,) = report.appendices[0].tables
    assert "Chỉ số so với cùng kỳ (%)" in table.header[0]
    first = table.rows[0]
    assert first[4] == "giảm 1,25%" and first[6] == "98,75"
    cells = [cell for row in table.rows for cell in row]
    assert not any(cell.startswith(("-", "−")) for cell in cells)


def test_illustrative_cells_and_ward_tables_are_marked(demo_db) -> None:
    report, _ = report_content(demo_db, "Q007", TWO_MONTHS)
    main, wards = report.appendices
    (table,) = main.tables
    revenue = table.rows[2]
    assert revenue[4] == "4.115.081"  # published: unmarked
    assert revenue[5] == "2.588.420*" and revenue[7] == "12.140.000*"
    assert "* Số minh họa, không phải số liệu đã công bố." in table.footnotes
    assert all("(số minh họa)" in t.title for t in wards.tables)


def test_a_difference_between_entered_and_summed_is_worded_not_signed(demo_db) -> None:
    write_value(demo_db, Value("QS_GIAO_QUAN", "Q007", TWO_MONTHS, Decimal(210)))
    content, _ = bulletin_content(demo_db, "Q007", TWO_MONTHS)
    (note,) = [n for n in content.notes if n.startswith("Lưu ý")]
    assert "nhỏ hơn 5 người" in note.replace(NBSP, " ")
    assert "-5" not in note


# --- line breaks ------------------------------------------------------------------------


def test_printed_paragraphs_keep_units_periods_and_names_on_one_line(demo_db) -> None:
    content, _ = bulletin_content(demo_db, "Q007", TWO_MONTHS)
    text = " ".join(p for s in content.sections for p in s.paragraphs)
    for bound in ("2 tháng", "quý I/2023", "4.861 tỷ 658 triệu đồng", "Hai Bà Trưng", "18 phường"):
        assert bound.replace(" ", NBSP) in text, bound
    assert f"2{NBSP}tháng" in content.headline
    # Key figures and charts are set the same way: "(2 tháng …)" never breaks after "(2".
    assert all(f"(2{NBSP}tháng" in k.label for k in content.key_figures[:2])
    growth = next(c for c in content.charts if c.unit_label == "%")
    assert f"2{NBSP}tháng" in growth.title
    for section in content.sections:
        for paragraph in section.paragraphs:
            last_space = max(paragraph.rfind(" "), paragraph.rfind(NBSP))
            assert paragraph[last_space] == NBSP, paragraph[-30:]

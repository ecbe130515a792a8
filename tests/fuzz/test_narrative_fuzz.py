"""A clerk's template, whatever it says, is rendered or refused with one message.

``check_template`` and ``render`` may raise :class:`TemplateError` (which the editor shows
beside the text) and nothing else; ``render`` returns text, never ``None``. The text is
arbitrary, or built from the pieces of the template language, the placeholders of
docs/mau-van-ban.md and the usual ways out of a sandbox.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hbt_desktop.core.narrative import RenderResult, TemplateError, check_template, render
from hbt_desktop.core.periods import parse_period
from tests.core.test_template_values import ENGLISH


def vietnamese_only(message: str) -> bool:
    """No English words of Python's or Jinja's, outside what the message quotes «…»."""
    return not ENGLISH.search(re.sub(r"«[^»]*»", "", message))


FUZZ = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])

PIECES = [
    "{{",
    "}}",
    "{%",
    "%}",
    "{#",
    "#}",
    " set ",
    " if ",
    " elif ",
    " else ",
    " endif ",
    " for x in ky ",
    " endfor ",
    " macro m() ",
    " import 'os' as os ",
    " include 'x' ",
    "=",
    "(",
    ")",
    "[",
    "]",
    ",",
    ".",
    "|",
    "~",
    " and ",
    " or ",
    " not ",
    " is ",
    " in ",
    "==",
    "<",
    "+",
    "*",
    "**",
    "/",
    "'",
    '"',
    "so_lieu",
    "so_lieu('NS_THU_DIA_BAN')",
    "so_lieu('NS_THU_DIA_BAN', 'quý I/2023')",
    "so_lieu('KHONG_CO')",
    "so_lieu('NS_THU_DIA_BAN', 'quý 9/2023')",
    "so_lieu('NS_THU_DIA_BAN', don_vi='99999')",
    ".cung_ky",
    ".tang_truong()",
    ".tang_truong(so_voi='x', so_le='y')",
    ".so_voi('DT_TP_HDND_Q', ten='ngắn')",
    ".ty_le('CHI_TIEU', so_le=-1)",
    ".tren_tong()",
    ".chi_so(so_le=99)",
    ".diem()",
    ".tien('nghìn tỷ', 'hơn')",
    ".tien('tỷ', so_le=3)",
    ".khi_bang_0()",
    ".so_voi('DT_TP_HDND_Q', dong_tu='vượt')",
    ".tang_truong",
    ".co_so_lieu",
    ".gia_tri",
    ".ky_dau_cau",
    "ky",
    "ky_day_du",
    "nam",
    "don_vi",
    "so_phuong",
    "ngay_cuoi_ky",
    ".__class__",
    ".__mro__",
    ".__subclasses__()",
    ".__globals__",
    "__builtins__",
    "self",
    "cycler",
    "lipsum",
    "namespace",
    "range(10)",
    ".upper()",
    ".format(ky)",
    ".replace('a', 'b')",
    "0",
    "1",
    "-1",
    "3.5",
    "'chuỗi'",
    "\n",
    "Tổng thu ngân sách ",
    "đạt ",
]

TEMPLATE_TEXT = st.one_of(
    st.text(max_size=200),
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=3)), max_size=25).map("".join),
)


@pytest.fixture(scope="module")
def source():  # type: ignore[no-untyped-def]
    from hbt_desktop.exchange.seed import load_demo, load_reference
    from hbt_desktop.store.file.connection import memory_database
    from hbt_desktop.store.source import StoreSource

    db = memory_database()
    load_reference(db)
    load_demo(db)
    src = StoreSource(db)
    return src, src.units.get("Q007"), parse_period("2 tháng đầu năm 2023")


@FUZZ
@given(text=TEMPLATE_TEXT)
def test_checking_any_text_accepts_or_refuses_it(text: str) -> None:
    try:
        check_template(text)
    except TemplateError as err:
        assert err.message_in("vi") and err.message_in("en")
        assert vietnamese_only(err.message_in("vi").replace("Mẫu văn bản", ""))


@FUZZ
@given(text=TEMPLATE_TEXT)
def test_rendering_any_text_gives_text_or_one_template_error(source, text: str) -> None:  # type: ignore[no-untyped-def]
    src, unit, period = source
    try:
        result = render(text, src, unit, period)
    except TemplateError as err:
        assert err.message_in("vi") and err.message_in("en")
        return
    assert isinstance(result, RenderResult)
    assert isinstance(result.text, str)
    assert all(p.text for p in result.problems)
    assert all(vietnamese_only(p.text) for p in result.problems), result.problems
    # Nothing of Python's insides comes out as text.
    assert "<class" not in result.text and "<function" not in result.text
    assert "<bound" not in result.text and "True" not in result.text.split()


@pytest.mark.parametrize(
    "text",
    [
        "{{ ky.__class__.__mro__[1].__subclasses__() }}",
        "{{ so_lieu.__globals__ }}",
        "{{ so_lieu('NS_THU_DIA_BAN').__class__.__init__.__globals__ }}",
        "{{ ky.format.__self__ }}",
        "{% for x in ky %}{{ x }}{% endfor %}",
        "{{ (ky ~ ky) * 1000000 }}",
        "{{ cycler.__init__.__globals__.os }}",
    ],
)
def test_known_ways_out_of_the_sandbox_are_closed(source, text: str) -> None:  # type: ignore[no-untyped-def]
    src, unit, period = source
    try:
        result = render(text, src, unit, period)
    except TemplateError:
        return
    assert "<class" not in result.text and "os" not in result.text.split()


def test_a_template_cannot_ask_for_a_huge_string(source) -> None:  # type: ignore[no-untyped-def]
    src, unit, period = source
    try:
        result = render("{{ ky.center(99999999999999) }}", src, unit, period)
    except TemplateError:
        return
    assert len(result.text) < 1_000_000

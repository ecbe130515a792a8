"""The template check knows exactly the names the renderer offers: one list of each."""

from __future__ import annotations

import pytest
from sqlite_utils import Database

from hbt_desktop.core.figure_view import VIEW_NAMES
from hbt_desktop.core.narrative import TEMPLATE_NAMES, render
from hbt_desktop.core.periods import parse_period
from hbt_desktop.core.template_check import TemplateChecker
from hbt_desktop.store.source import StoreSource

PERIOD = parse_period("2023Q1")


@pytest.fixture
def checker(demo_db: Database) -> TemplateChecker:
    src = StoreSource(demo_db)
    return TemplateChecker(src, src.units.get("Q007"), PERIOD)


@pytest.mark.parametrize("name", sorted(TEMPLATE_NAMES - {"so_lieu"}))
def test_every_name_the_renderer_offers_is_known_and_renders(
    checker: TemplateChecker, name: str
) -> None:
    template = "{{ " + name + " }}"
    assert checker.faults(template) == []
    rendered = render(template, checker.src, checker.unit, checker.period)
    assert rendered.problems == [] and rendered.text


@pytest.mark.parametrize("attribute", sorted(VIEW_NAMES))
def test_every_attribute_of_a_figure_is_known(checker: TemplateChecker, attribute: str) -> None:
    template = "{% set thu = so_lieu('NS_THU_DIA_BAN') %}{{ thu.ATTR }}".replace("ATTR", attribute)
    unknown = f"không có cách viết «thu.{attribute}»"
    assert not [f for f in checker.faults(template) if unknown in f.text]


@pytest.mark.parametrize(
    ("template", "word"),
    [
        ("{{ ky_day }}", "ky_day"),  # a name one letter short of one offered
        ("{{ so_phuongg }}", "so_phuongg"),
        ("{% set t = so_lieu('DN_THANH_LAP') %}{{ t.tien_te }}", "t.tien_te"),
    ],
)
def test_a_name_or_attribute_near_one_offered_is_a_fault_with_its_line(
    checker: TemplateChecker, template: str, word: str
) -> None:
    faults = checker.faults("\n" + template)
    assert any(word in f.text and f.line == 2 for f in faults), faults

"""Every message a clerk can see exists in Vietnamese and English with the same blanks."""

from __future__ import annotations

import importlib
import pkgutil

import hbt_desktop
from hbt_desktop.core import i18n


def _import_everything_but_qt() -> None:
    for module in pkgutil.walk_packages(hbt_desktop.__path__, "hbt_desktop."):
        if not module.name.startswith("hbt_desktop.ui") and not module.name.endswith("__main__"):
            importlib.import_module(module.name)


def test_every_message_has_both_languages_with_the_same_placeholders() -> None:
    _import_everything_but_qt()
    catalog = i18n.catalog()
    assert len(catalog) > 50
    for key, texts in catalog.items():
        assert texts["vi"].strip() and texts["en"].strip(), key
        assert i18n.placeholders(texts["vi"]) == i18n.placeholders(texts["en"]), key


def test_a_missing_key_still_shows_something() -> None:
    assert i18n.tr("no.such.key", None, a=1) == "[no.such.key] a=1"


def test_language_switch() -> None:
    i18n.register({"test.hello": {"vi": "Xin chào {name}", "en": "Hello {name}"}})
    assert i18n.tr("test.hello", None, name="An") == "Xin chào An"
    i18n.set_language("en")
    assert i18n.tr("test.hello", None, name="An") == "Hello An"

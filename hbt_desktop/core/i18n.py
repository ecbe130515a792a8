"""User-visible messages outside Qt, in Vietnamese first and English on request.

The Qt screens translate their own strings with Qt's .ts/.qm files. Every other message a
clerk can see — a refused number, a bad file, a command's answer — is raised or printed
by code that must not import Qt (core, store, exchange, reports, app, cli) and is looked
up here by its key: ``InputError("number.empty")``, ``tr("cli.wrote", path=…)``.

The catalogue is one data file per language, ``resources/i18n/messages_vi.json`` and
``messages_en.json`` (key → text), read the first time a message is needed. Every key
therefore resolves whatever modules were imported, in whatever order;
tests/core/test_messages.py checks that every key the code uses is in both files with the
same ``{placeholders}``.
"""

from __future__ import annotations

import json
import string
from functools import cache

from hbt_desktop.core.resources import resource_path

LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"

_language = DEFAULT_LANGUAGE


@cache
def _texts(language: str) -> dict[str, str]:
    path = resource_path("i18n", f"messages_{language}.json")
    loaded: dict[str, str] = json.loads(path.read_text(encoding="utf-8"))
    return loaded


def catalog() -> dict[str, dict[str, str]]:
    """Every message, key → {language: text} (for tests and translators)."""
    keys = set().union(*(_texts(language) for language in LANGUAGES))
    return {
        key: {lang: _texts(lang)[key] for lang in LANGUAGES if key in _texts(lang)}
        for key in sorted(keys)
    }


def has_message(key: str) -> bool:
    return key in _texts(DEFAULT_LANGUAGE)


def set_language(language: str) -> None:
    global _language  # noqa: PLW0603 - one process-wide language, like QLocale.setDefault
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; choose one of {LANGUAGES}")
    _language = language


def get_language() -> str:
    return _language


def placeholders(text: str) -> set[str]:
    """The ``{name}`` fields of a message text."""
    return {field for _, field, _, _ in string.Formatter().parse(text) if field}


def tr(key: str, language: str | None = None, /, **params: object) -> str:
    """The message ``key`` in ``language`` (default: the current one), filled in."""
    text = _texts(language or _language).get(key) or _texts(DEFAULT_LANGUAGE).get(key)
    if text is None:
        # A missing key is a programming error (tests/core/test_messages.py looks for
        # them), but the clerk must still see something that can be reported.
        return f"[{key}] " + ", ".join(f"{k}={v}" for k, v in params.items())
    return text.format(**params)

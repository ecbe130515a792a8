"""User-visible messages outside Qt, in Vietnamese first and English on request.

The Qt interface translates its own strings with Qt's .ts/.qm files. Messages that come
from the domain, the store or the command line (a refused number, a bad file) are
raised deep inside code that must not import Qt, so they are looked up here instead.

Every module registers its own messages next to the code that raises them::

    register({
        "number.empty": {"vi": "Chưa nhập số.", "en": "No number was typed."},
    })

and raises ``InputError("number.empty")``. A test checks that every key has both
languages with the same ``{placeholders}``.
"""

from __future__ import annotations

import string
from collections.abc import Mapping

LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"

_catalog: dict[str, dict[str, str]] = {}
_language = DEFAULT_LANGUAGE


def register(entries: Mapping[str, Mapping[str, str]]) -> None:
    """Add messages to the catalogue. A key may be registered once only."""
    for key, texts in entries.items():
        if key in _catalog and _catalog[key] != dict(texts):
            raise ValueError(f"message key registered twice with different texts: {key}")
        missing = [lang for lang in LANGUAGES if lang not in texts]
        if missing:
            raise ValueError(f"message {key} lacks {missing}")
        _catalog[key] = dict(texts)


def catalog() -> dict[str, dict[str, str]]:
    """A copy of every registered message (for tests and translators)."""
    return {key: dict(texts) for key, texts in _catalog.items()}


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
    texts = _catalog.get(key)
    if texts is None:
        # A missing key is a programming error, but the clerk must still see something
        # that can be reported rather than a crash.
        return f"[{key}] " + ", ".join(f"{k}={v}" for k, v in params.items())
    text = texts.get(language or _language) or texts[DEFAULT_LANGUAGE]
    return text.format(**params)

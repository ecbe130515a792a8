"""Errors that reach a clerk as one clear sentence.

Every refusal the program makes on purpose (a number that cannot be read, a file that is
not what it claims, a database that is too new) is an :class:`HbtError` carrying a message
key and its parameters, so the same error can be shown in Vietnamese or English, logged,
and tested by key rather than by wording.
"""

from __future__ import annotations

from hbt_desktop.core.i18n import tr


class HbtError(Exception):
    """A refusal with a translatable message. ``str(err)`` is the current-language text."""

    def __init__(self, key: str, /, **params: object) -> None:
        self.key = key
        self.params = params
        super().__init__(key)

    @property
    def message(self) -> str:
        return tr(self.key, None, **self.params)

    def message_in(self, language: str) -> str:
        return tr(self.key, language, **self.params)

    def __str__(self) -> str:
        return self.message


class InputError(HbtError):
    """Something a person typed or a file supplied cannot be accepted as it is."""


class AmbiguousInput(InputError):
    """Input that could mean two different things; ``readings`` holds each possibility."""

    def __init__(self, key: str, /, readings: tuple[object, ...] = (), **params: object) -> None:
        super().__init__(key, **params)
        self.readings = readings


class DataError(HbtError):
    """The stored data cannot answer (missing unit, unknown indicator, period mismatch)."""

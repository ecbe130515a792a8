"""Per-machine preferences: language, window layout, last sector and tab.

What describes the data (the unit and period being worked on) is kept in the database
(``store.file.settings``) so that it travels with the file; how this PC shows it is kept
here, in an INI file in the user's config folder. Tests pass their own file.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from hbt_desktop.ui.translation import DEFAULT_LANGUAGE, LANGUAGES


def default_prefs_path() -> Path:
    from platformdirs import user_config_path  # only when no file is given: start-up time

    return user_config_path("hbt-desktop", appauthor=False) / "hbt-desktop.ini"


class Prefs:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_prefs_path()
        self._qs = QSettings(str(self.path), QSettings.Format.IniFormat)

    def _str(self, key: str, default: str = "") -> str:
        value = self._qs.value(key, default)
        return value if isinstance(value, str) else default

    @property
    def language(self) -> str:
        lang = self._str("ui/language", DEFAULT_LANGUAGE)
        return lang if lang in LANGUAGES else DEFAULT_LANGUAGE

    @language.setter
    def language(self, value: str) -> None:
        self._qs.setValue("ui/language", value)

    def bytes(self, key: str) -> QByteArray | None:
        value = self._qs.value(key)
        return value if isinstance(value, QByteArray) else None

    def set_bytes(self, key: str, value: QByteArray) -> None:
        self._qs.setValue(key, value)

    def text(self, key: str, default: str = "") -> str:
        return self._str(key, default)

    def set_text(self, key: str, value: str) -> None:
        self._qs.setValue(key, value)

    def sync(self) -> None:
        self._qs.sync()

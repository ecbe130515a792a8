"""Vietnamese alphabetical order for lists shown to clerks (Đ after D, Ă/Â after A).

Qt's QCollator uses the system's collation (ICU on Linux, the Windows API on Windows),
which knows Vietnamese; Python's default sort and SQLite's ORDER BY do not.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from PySide6.QtCore import QCollator, QLocale

T = TypeVar("T")

_collator: QCollator | None = None


def collator() -> QCollator:
    global _collator  # noqa: PLW0603 - one shared, immutable-in-use collator
    if _collator is None:
        _collator = QCollator(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
        _collator.setNumericMode(True)  # "Phường 2" before "Phường 10"
    return _collator


def vi_sorted(items: Iterable[T], key: Callable[[T], str]) -> list[T]:
    coll = collator()
    return sorted(items, key=lambda item: coll.sortKey(key(item)))

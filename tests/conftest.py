"""Shared test set-up.

Qt runs offscreen for every test (set once here, before any Qt import, as Picard does),
and the interface speaks Vietnamese unless a test says otherwise.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Tests must never read or write a clerk's real database.
os.environ.pop("HBT_DESKTOP_DB", None)

from collections.abc import Iterator

import pytest

from hbt_desktop.core import i18n


@pytest.fixture(autouse=True)
def _vietnamese_by_default() -> Iterator[None]:
    i18n.set_language("vi")
    yield
    i18n.set_language("vi")

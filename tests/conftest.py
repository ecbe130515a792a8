"""Shared test set-up.

Qt runs offscreen for every test (set once here, before any Qt import, as Picard does),
and the interface speaks Vietnamese unless a test says otherwise.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Tests must never read or write a clerk's real database.
os.environ.pop("HBT_DESKTOP_DB", None)

import hashlib
import subprocess
import sys
from collections.abc import Iterator

import pytest

from hbt_desktop.core import i18n
from hbt_desktop.exchange.seed import load_demo, load_reference
from hbt_desktop.store.file.connection import memory_database


@pytest.fixture(autouse=True)
def _vietnamese_by_default() -> Iterator[None]:
    i18n.set_language("vi")
    yield
    i18n.set_language("vi")


@pytest.fixture
def db():  # type: ignore[no-untyped-def]
    """A fresh in-memory database with the shipped reference data (units, catalogue)."""
    database = memory_database()
    load_reference(database)
    return database


@pytest.fixture
def demo_db(db):  # type: ignore[no-untyped-def]
    """The reference data plus the seed bulletin's demo figures and text."""
    load_demo(db)
    return db


def db_digest(database) -> str:  # type: ignore[no-untyped-def]
    """A hash of every row of every table: equal digests mean an unchanged database."""
    digest = hashlib.sha256()
    for line in database.conn.iterdump():
        digest.update(line.encode())
    return digest.hexdigest()


@pytest.fixture
def live_pid() -> Iterator[int]:
    """The pid of another process that runs on this computer for the test's length (not
    os.getppid(): under Wine the parent of a Windows process is no Windows process)."""
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
    try:
        yield child.pid
    finally:
        child.kill()
        child.wait()

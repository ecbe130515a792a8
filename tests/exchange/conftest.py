"""Fixtures for the exchange tests: fresh databases and a digest of their whole content."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlite_utils import Database

from hbt_desktop.exchange.seed import load_demo, load_reference
from hbt_desktop.store.file.connection import memory_database

BADFILES = Path(__file__).parent / "badfiles"


def digest(db: Database) -> str:
    """A hash of every row of every table: equal digests mean an unchanged database."""
    h = hashlib.sha256()
    for line in db.conn.iterdump():
        h.update(line.encode())
    return h.hexdigest()


@pytest.fixture
def ref_db() -> Database:
    """A fresh database with the shipped units and catalogue."""
    db = memory_database()
    load_reference(db)
    return db


@pytest.fixture
def full_db(ref_db: Database) -> Database:
    """The reference data plus the demo bulletin's figures and bases."""
    load_demo(ref_db)
    return ref_db


@pytest.fixture
def empty_db() -> Database:
    return memory_database()


@pytest.fixture
def badfile() -> Callable[[str], Path]:
    def path(name: str) -> Path:
        found = BADFILES / name
        assert found.exists(), f"missing corpus file {name}; run badfiles/make_badfiles.py"
        return found

    return path

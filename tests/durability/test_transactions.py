"""One user action, one transaction: accepted means committed, a batch is all or nothing."""

from __future__ import annotations

import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest
from sqlite_utils import Database

from hbt_desktop.core.periods import parse_period
from hbt_desktop.core.values import Status, Value
from hbt_desktop.exchange.seed import seed_new_database
from hbt_desktop.store.file.recovery import open_or_recover
from hbt_desktop.store.values import get_value
from hbt_desktop.store.writes import write_value, write_values

P = parse_period("quý I/2023")


def _value(unit: str, amount: int) -> Value:
    return Value("NS_THU_DIA_BAN", unit, P, Decimal(amount), 0, Status.THUC_HIEN)


@pytest.fixture
def opened(tmp_path: Path):  # type: ignore[no-untyped-def]
    o = open_or_recover(tmp_path / "hbt.db", seed=seed_new_database)
    yield o
    o.close(backup=False)


def _other_connection(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path)


def test_the_program_opens_its_file_in_wal_with_full_sync(opened) -> None:  # type: ignore[no-untyped-def]
    db: Database = opened.db
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL: fsync at every commit


def test_an_accepted_edit_is_committed_when_write_value_returns(opened) -> None:  # type: ignore[no-untyped-def]
    write_value(opened.db, _value("Q007", 41))
    assert not opened.db.conn.in_transaction
    other = _other_connection(opened.path)
    assert other.execute(
        "SELECT num FROM figure_values WHERE unit_uid='Q007' AND period=? "
        "AND indicator='NS_THU_DIA_BAN'",
        [P.id],
    ).fetchone() == (41,)
    other.close()


def test_a_batch_with_a_bad_value_in_the_middle_stores_nothing(opened) -> None:  # type: ignore[no-untyped-def]
    db: Database = opened.db
    before = get_value(db, "NS_THU_DIA_BAN", "P00241", P)
    batch = [_value("P00241", 1), _value("NO_SUCH_UNIT", 2), _value("P00244", 3)]
    with pytest.raises(sqlite3.IntegrityError):
        write_values(db, batch)
    assert not db.conn.in_transaction
    assert get_value(db, "NS_THU_DIA_BAN", "P00241", P) == before
    assert get_value(db, "NS_THU_DIA_BAN", "P00244", P) is None


def test_write_value_inside_a_larger_action_joins_its_transaction(opened) -> None:  # type: ignore[no-untyped-def]
    db: Database = opened.db

    class Abandon(Exception):
        pass

    with pytest.raises(Abandon), db.atomic():
        write_value(db, _value("P00247", 5))  # a savepoint inside the outer transaction
        assert db.conn.in_transaction
        raise Abandon
    assert get_value(db, "NS_THU_DIA_BAN", "P00247", P) is None


def test_a_batch_is_one_commit(opened) -> None:  # type: ignore[no-untyped-def]
    db: Database = opened.db
    statements: list[str] = []
    db.conn.set_trace_callback(statements.append)
    write_values(db, [_value(u, 9) for u in ("P00241", "P00244", "P00247")])
    db.conn.set_trace_callback(None)
    assert [s for s in statements if s.strip().upper() in {"BEGIN", "COMMIT"}] == [
        "BEGIN",
        "COMMIT",
    ]

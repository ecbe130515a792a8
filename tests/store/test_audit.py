"""The audit trail: every change of a figure is logged with who, when, how and old → new,
the log refuses edits, and `verify_audit` finds an edited, deleted or reordered row and a
figure changed behind the log's back."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlite_utils import Database

from hbt_desktop.core.periods import parse_period
from hbt_desktop.core.values import Base, Value, encode
from hbt_desktop.store.audit import cell_history, verify_audit
from hbt_desktop.store.writes import (
    apply_values,
    delete_base,
    delete_value,
    write_base,
    write_value,
)

P = parse_period("2023Q1")
KEY = ("QS_GIAO_QUAN", "P00241", P)


def _value(amount: int, by: str = "lan") -> Value:
    return Value("QS_GIAO_QUAN", "P00241", P, Decimal(amount), updated_by=by)


def test_each_change_is_logged_with_who_how_and_old_to_new(db: Database) -> None:
    write_value(db, _value(12), how="typed")
    write_value(db, _value(13, "minh"), how="pasted")
    write_value(db, _value(13, "minh"), how="pasted")  # unchanged: not logged
    delete_value(db, *KEY, how="undone", user="minh")
    apply_values(db, [_value(15, "tệp")], how="imported", ref="file.csv")
    history = cell_history(db, *KEY)
    assert [(h.how, h.user, h.old_amount, h.new_amount) for h in history] == [
        ("typed", "lan", None, "12"),
        ("pasted", "minh", "12", "13"),
        ("undone", "minh", "13", None),
        ("imported", "tệp", None, "15"),
    ]
    assert history[-1].ref == "file.csv"
    assert history[0].at <= history[-1].at
    assert verify_audit(db).ok


def test_bases_are_logged_too(db: Database) -> None:
    year = parse_period("2023")
    write_base(db, Base("NS_THU_DIA_BAN", "Q007", year, "DT_TP", Decimal(10), updated_by="a"))
    delete_base(db, "NS_THU_DIA_BAN", "Q007", year, "DT_TP", user="b")
    history = cell_history(db, "NS_THU_DIA_BAN", "Q007", year, kind="DT_TP")
    assert [(h.user, h.old_amount, h.new_amount) for h in history] == [
        ("a", None, "10"),
        ("b", "10", None),
    ]
    assert verify_audit(db).ok


def test_the_log_refuses_update_and_delete(db: Database) -> None:
    write_value(db, _value(12))
    import sqlite3

    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        db.execute("UPDATE audit_log SET user = 'x'")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        db.execute("DELETE FROM audit_log")


def _without_triggers(db: Database) -> None:
    # What someone editing the file by hand would do first.
    db.execute("DROP TRIGGER audit_log_no_update")
    db.execute("DROP TRIGGER audit_log_no_delete")


def _filled(db: Database) -> int:
    for amount in (1, 2, 3, 4):
        write_value(db, _value(amount))
    return int(db.execute("SELECT MAX(id) FROM audit_log").fetchone()[0])


def test_verify_finds_an_edited_row(db: Database) -> None:
    last = _filled(db)
    assert verify_audit(db).ok
    _without_triggers(db)
    db.execute("UPDATE audit_log SET user = 'someone else' WHERE id = ?", [last - 2])
    report = verify_audit(db)
    assert not report.ok and report.first_bad_id == last - 2


def test_verify_finds_a_deleted_row(db: Database) -> None:
    last = _filled(db)
    _without_triggers(db)
    db.execute("DELETE FROM audit_log WHERE id = ?", [last - 1])
    report = verify_audit(db)
    assert not report.ok and report.first_bad_id == last


def test_verify_finds_reordered_rows(db: Database) -> None:
    last = _filled(db)
    _without_triggers(db)
    db.execute("UPDATE audit_log SET id = -1 WHERE id = ?", [last])
    db.execute("UPDATE audit_log SET id = ? WHERE id = ?", [last, last - 1])
    db.execute("UPDATE audit_log SET id = ? WHERE id = -1", [last - 1])
    assert not verify_audit(db).ok


def test_verify_finds_a_figure_changed_behind_the_logs_back(db: Database) -> None:
    _filled(db)
    db.execute("UPDATE figure_values SET num = 99 WHERE indicator = 'QS_GIAO_QUAN'")
    report = verify_audit(db)
    assert not report.ok
    assert "QS_GIAO_QUAN P00241 2023Q1" in report.problems[0]


def test_verify_finds_the_newest_rows_cut_off(db: Database) -> None:
    last = _filled(db)
    _without_triggers(db)
    db.execute("DELETE FROM audit_log WHERE id = ?", [last])
    assert not verify_audit(db).ok


@given(
    amount=st.decimals(min_value=-(10**12), max_value=10**12, places=3, allow_nan=False),
    comment=st.text(max_size=20),
    qualifier=st.one_of(st.none(), st.sampled_from(["trên", "gần", 'x"\\\n'])),
    fields=st.lists(st.one_of(st.none(), st.text(max_size=8), st.integers()), max_size=6),
)
def test_the_hand_written_json_is_canonical_json(
    amount: Decimal, comment: str, qualifier: str | None, fields: list[object]
) -> None:
    import json

    from hbt_desktop.store.audit import _json_list, base_state, value_state

    value = Value("X", "U", P, amount, 3, comment=comment, qualifier=qualifier)
    num, scale = encode(amount, 3)
    expected = {
        "num": str(num),
        "scale": scale,
        "status": "thuc_hien",
        "qualifier": qualifier,
        "comment": comment,
    }
    dump = {"ensure_ascii": False, "sort_keys": True, "separators": (",", ":")}
    assert value_state(value) == json.dumps(expected, **dump)  # type: ignore[arg-type]
    base = Base("X", "U", P, "K", amount, 3, comment=comment)
    assert base_state(base) == json.dumps(
        {"num": str(num), "scale": scale, "comment": comment},
        **dump,  # type: ignore[arg-type]
    )
    assert _json_list(fields) == json.dumps(fields, ensure_ascii=False, separators=(",", ":"))


@given(
    texts=st.lists(st.text(max_size=12), min_size=6, max_size=6),
    old=st.one_of(st.none(), st.text(max_size=12)),
    new=st.one_of(st.none(), st.text(max_size=12)),
)
def test_the_batch_hash_is_the_chain_rule(
    texts: list[str], old: str | None, new: str | None
) -> None:
    """What append() writes, verify_audit recomputes to the same hashes, whatever the
    text (quotes, control characters, Vietnamese) and with or without a state."""
    from hbt_desktop.store import audit
    from hbt_desktop.store.file.connection import memory_database

    fresh = memory_database()
    user, how, indicator, unit, period, ref = texts
    with fresh.conn:
        audit.append(
            fresh,
            [
                audit.Entry("event", how, user, indicator, unit, period, "k", old, new, ref),
                audit.Entry("event", how, user, indicator, unit, period, "k", new, old, ref),
            ],
        )
    assert verify_audit(fresh).rows == 2
    assert verify_audit(fresh).ok

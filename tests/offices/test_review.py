"""The district's two steps on a package: review value by value (new, changed old → new,
unchanged, conflict), then accept all or reject single values with a reason. Re-importing
the same file changes nothing; an accepted package rolls back to the exact figures it
replaced; nothing is overwritten silently."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from sqlite_utils import Database

from hbt_desktop.core.review import State, Verdict
from hbt_desktop.core.values import Status, Value
from hbt_desktop.exchange import signing
from hbt_desktop.exchange.offices import Exported, export_package, import_package, trust_sender
from hbt_desktop.store.audit import cell_history, verify_audit
from hbt_desktop.store.file.connection import open_database
from hbt_desktop.store.review import ReviewError, decide, list_imports, review, rollback
from hbt_desktop.store.values import get_value
from hbt_desktop.store.workstation import get_workstation
from hbt_desktop.store.writes import write_value
from tests.conftest import db_digest
from tests.offices.conftest import COUNT, MONEY, Q1, Office, Offices, file_digest


def _figures(db: Database) -> list[tuple[object, ...]]:
    """Every stored figure, with who changed it and when: what "exact" means."""
    return db.execute("SELECT * FROM figure_values ORDER BY indicator, unit_uid, period").fetchall()


def _send(office: Office, tmp_path: Path, name: str, **amounts: int) -> Exported:
    for code, amount in amounts.items():
        write_value(
            office.db,
            Value(
                code,
                office.unit,
                Q1,
                Decimal(amount),
                status=Status.UOC,
                comment=name,
                updated_by="lap",
                updated_at=datetime(2023, 4, 1, tzinfo=UTC),
            ),
        )
    return export_package(
        office.db, tmp_path / f"{name}.hbt", [Q1], user="lap", key_folder=office.keys
    )


def _trust(offices: Offices) -> None:
    station = get_workstation(offices.a.db)
    assert station is not None
    raw = signing.decode_key(station.public_key)
    assert raw is not None
    trust_sender(offices.district.db, "PA", station.public_key, signing.fingerprint(raw), user="q")


def test_reimporting_the_same_file_changes_nothing(offices: Offices, tmp_path: Path) -> None:
    _trust(offices)
    q = offices.district
    sent = _send(offices.a, tmp_path, "one", **{MONEY: 100, COUNT: 3})
    first = import_package(q.db, sent.path, user="q")
    before = db_digest(q.db)
    again = import_package(q.db, sent.path, user="q")
    assert again.already_received and again.import_id == first.import_id
    assert db_digest(q.db) == before
    decide(q.db, first.import_id, user="q")  # type: ignore[arg-type]
    q.close()
    on_disk = file_digest(q.path)
    q.db = open_database(q.path)
    after = import_package(q.db, sent.path, user="q")
    assert after.state is State.ACCEPTED and after.count(Verdict.UNCHANGED) == 2
    q.close()
    assert file_digest(q.path) == on_disk
    q.reopen()
    assert len(list_imports(q.db)) == 1


def test_a_dry_run_changes_nothing(offices: Offices, tmp_path: Path) -> None:
    _trust(offices)
    q = offices.district
    sent = _send(offices.a, tmp_path, "one", **{MONEY: 100})
    before = db_digest(q.db)
    found = import_package(q.db, sent.path, user="q", dry_run=True)
    assert found.import_id is None and found.count(Verdict.NEW) == 1
    assert db_digest(q.db) == before


def test_rollback_restores_the_exact_previous_figures(offices: Offices, tmp_path: Path) -> None:
    _trust(offices)
    q = offices.district
    one = import_package(
        q.db, _send(offices.a, tmp_path, "one", **{MONEY: 100, COUNT: 3}).path, user="q"
    )
    decide(q.db, one.import_id, user="q")  # type: ignore[arg-type]
    before = _figures(q.db)
    two = import_package(
        q.db, _send(offices.a, tmp_path, "two", **{MONEY: 150, COUNT: 3}).path, user="q"
    )
    verdicts = {i.incoming.indicator: i.verdict for i in two.items}
    assert verdicts == {MONEY: Verdict.CHANGED, COUNT: Verdict.CHANGED}  # the comment changed too
    changed = next(i for i in two.items if i.incoming.indicator == MONEY)
    assert (changed.current.amount, changed.incoming.amount) == (100, 150)  # type: ignore[union-attr]
    decide(q.db, two.import_id, user="q")  # type: ignore[arg-type]
    assert _figures(q.db) != before
    assert rollback(q.db, two.import_id, user="q", reason="nhầm tệp") == 2  # type: ignore[arg-type]
    assert _figures(q.db) == before
    assert [h.how for h in cell_history(q.db, MONEY, "PA", Q1)] == [
        "package",
        "package",
        "rolled_back",
    ]
    assert review(q.db, two.import_id).state is State.ROLLED_BACK  # type: ignore[arg-type]
    with pytest.raises(ReviewError):
        rollback(q.db, two.import_id, user="q")  # type: ignore[arg-type]
    # Rolling back the first one removes figures that did not exist before it.
    rollback(q.db, one.import_id, user="q")  # type: ignore[arg-type]
    assert get_value(q.db, MONEY, "PA", Q1) is None
    assert verify_audit(q.db).ok


def test_rollback_refuses_to_overwrite_a_later_change(offices: Offices, tmp_path: Path) -> None:
    _trust(offices)
    q = offices.district
    one = import_package(q.db, _send(offices.a, tmp_path, "one", **{MONEY: 100}).path, user="q")
    decide(q.db, one.import_id, user="q")  # type: ignore[arg-type]
    write_value(q.db, Value(MONEY, "PA", Q1, Decimal(101), updated_by="quận"))
    before = db_digest(q.db)
    with pytest.raises(ReviewError) as refused:
        rollback(q.db, one.import_id, user="q")  # type: ignore[arg-type]
    assert refused.value.key == "review.changed_since"
    assert db_digest(q.db) == before


def test_the_districts_own_change_is_a_conflict(offices: Offices, tmp_path: Path) -> None:
    _trust(offices)
    q = offices.district
    one = import_package(
        q.db, _send(offices.a, tmp_path, "one", **{MONEY: 100, COUNT: 3}).path, user="q"
    )
    decide(q.db, one.import_id, user="q")  # type: ignore[arg-type]
    # The district corrects the ward's money figure itself.
    write_value(q.db, Value(MONEY, "PA", Q1, Decimal(120), updated_by="quận"))
    two = import_package(
        q.db, _send(offices.a, tmp_path, "two", **{MONEY: 130, COUNT: 4}).path, user="q"
    )
    verdicts = {i.incoming.indicator: i.verdict for i in two.items}
    assert verdicts == {MONEY: Verdict.CONFLICT, COUNT: Verdict.CHANGED}
    conflict = next(i for i in two.items if i.verdict is Verdict.CONFLICT)
    assert (conflict.last_sent.amount, conflict.current.amount, conflict.incoming.amount) == (  # type: ignore[union-attr]
        100,
        120,
        130,
    )
    # Reject the conflicting value with a reason; a reason is required.
    key = conflict.key
    with pytest.raises(ReviewError):
        decide(q.db, two.import_id, user="q", reject={key: " "})  # type: ignore[arg-type]
    result = decide(
        q.db,
        two.import_id,
        user="q",
        reject={key: "Quận đã hiệu chỉnh theo Kho bạc."},  # type: ignore[arg-type]
    )
    assert (result.state, result.accepted, result.rejected) == (State.PARTLY_ACCEPTED, 1, 1)
    assert get_value(q.db, MONEY, "PA", Q1).amount == 120  # type: ignore[union-attr]
    assert get_value(q.db, COUNT, "PA", Q1).amount == 4  # type: ignore[union-attr]
    decided = review(q.db, two.import_id)  # type: ignore[arg-type]
    assert {i.incoming.indicator: (i.decision, i.reason) for i in decided.items}[MONEY] == (
        "rejected",
        "Quận đã hiệu chỉnh theo Kho bạc.",
    )
    with pytest.raises(ReviewError):
        decide(q.db, two.import_id, user="q")  # type: ignore[arg-type]


def test_a_decision_on_an_outdated_review_is_refused(offices: Offices, tmp_path: Path) -> None:
    _trust(offices)
    q = offices.district
    one = import_package(q.db, _send(offices.a, tmp_path, "one", **{MONEY: 100}).path, user="q")
    token = one.token
    write_value(q.db, Value(MONEY, "PA", Q1, Decimal(5), updated_by="quận"))
    before = db_digest(q.db)
    with pytest.raises(ReviewError) as refused:
        decide(q.db, one.import_id, user="q", token=token)  # type: ignore[arg-type]
    assert refused.value.key == "review.stale"
    assert db_digest(q.db) == before


def test_replacing_a_recorded_key_needs_the_administrator(offices: Offices) -> None:
    from hbt_desktop.store.accounts import AuthError, authenticate
    from hbt_desktop.store.packages import TrustError, trusted_key
    from tests.offices.conftest import PASSWORD

    _trust(offices)
    q = offices.district
    new = signing.public_bytes(signing.generate_key())
    encoded, fingerprint = signing.encode_key(new), signing.fingerprint(new)
    with pytest.raises(TrustError):
        trust_sender(q.db, "PA", encoded, fingerprint, user="q")
    with pytest.raises(AuthError):
        trust_sender(
            q.db,
            "PA",
            encoded,
            fingerprint,
            user="q",
            replace=True,
            by=authenticate(q.db, "lanhdao", PASSWORD),
        )
    trust_sender(
        q.db,
        "PA",
        encoded,
        fingerprint,
        user="q",
        replace=True,
        by=authenticate(q.db, "quantri", PASSWORD),
    )
    assert trusted_key(q.db, "PA").fingerprint == fingerprint  # type: ignore[union-attr]

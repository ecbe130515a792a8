"""The review rules without a database: the verdict on each incoming value, the state a
decision leaves a package in, and the token that refuses a decision taken on a stale screen."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hbt_desktop.core.periods import Period
from hbt_desktop.core.review import (
    Review,
    ReviewItem,
    State,
    Verdict,
    decided_state,
    item_key,
    key_text,
    verdict,
)
from hbt_desktop.core.values import Status, Value, same_value

Q2 = Period.quarter(2025, 2)


def v(amount: int | str, **extra: object) -> Value:
    return Value("NS_THU_DIA_BAN", "P00241", Q2, Decimal(amount), **extra)


@pytest.mark.parametrize(
    ("incoming", "current", "last_sent", "expected"),
    [
        (v(5), None, None, Verdict.NEW),
        (v(5), v(5), None, Verdict.UNCHANGED),  # the district typed the same figure
        (v(5), v(5), v(3), Verdict.UNCHANGED),
        (v(7), v(5), v(5), Verdict.CHANGED),  # a rise over what the ward last sent
        (v(3), v(5), v(5), Verdict.CHANGED),  # a fall too
        (v(5, status=Status.UOC), v(5), v(5), Verdict.CHANGED),  # the status is the change
        (v(7), v(6), v(5), Verdict.CONFLICT),  # the district changed the ward's figure
        (v(7), v(6), None, Verdict.CONFLICT),  # the district entered one of its own
        (v(7), None, v(5), Verdict.CONFLICT),  # the district removed what the ward sent
        (
            v(5, updated_by="phường", updated_at=datetime(2025, 7, 1, tzinfo=UTC)),
            v(5),
            v(4),
            Verdict.UNCHANGED,
        ),  # who and when are not the figure
    ],
)
def test_the_verdict_on_one_value(
    incoming: Value, current: Value | None, last_sent: Value | None, expected: Verdict
) -> None:
    assert verdict(incoming, current, last_sent) is expected


amounts = st.integers(min_value=-3, max_value=3).map(Decimal)
figures = st.builds(
    lambda amount, status, comment: v(amount, status=status, comment=comment),
    amounts,
    st.sampled_from([Status.THUC_HIEN, Status.UOC]),
    st.sampled_from(["", "ước"]),
)


@given(figures, st.none() | figures, st.none() | figures)
def test_every_value_gets_the_one_verdict_its_case_calls_for(
    incoming: Value, current: Value | None, last_sent: Value | None
) -> None:
    found = verdict(incoming, current, last_sent)
    if current is not None and same_value(current, incoming):
        assert found is Verdict.UNCHANGED
    elif current is None and last_sent is None:
        assert found is Verdict.NEW
    elif current is not None and last_sent is not None and same_value(current, last_sent):
        assert found is Verdict.CHANGED
    else:
        assert found is Verdict.CONFLICT


@given(figures, st.none() | figures, st.none() | figures)
def test_only_an_unchanged_verdict_leaves_the_district_figure_as_it_is(
    incoming: Value, current: Value | None, last_sent: Value | None
) -> None:
    found = verdict(incoming, current, last_sent)
    takes_nothing = current is not None and same_value(current, incoming)
    assert (found is Verdict.UNCHANGED) is takes_nothing
    # Never "new" over a figure the district holds, never "changed" over none.
    if current is not None:
        assert found is not Verdict.NEW
    else:
        assert found is not Verdict.CHANGED


@pytest.mark.parametrize(
    ("items", "rejected", "state"),
    [
        (3, 0, State.ACCEPTED),
        (3, 1, State.PARTLY_ACCEPTED),
        (3, 3, State.REJECTED),
        (1, 1, State.REJECTED),
        (0, 0, State.ACCEPTED),  # a package of text only: its narrative is taken
    ],
)
def test_the_state_a_decision_leaves(items: int, rejected: int, state: State) -> None:
    assert decided_state(items, rejected) is state


def test_every_state_has_a_vietnamese_label() -> None:
    labels = {s.label for s in State}
    assert len(labels) == len(State)
    assert not any(label.startswith("[") for label in labels)


def _review(current: Value | None) -> Review:
    incoming = v(7)
    item = ReviewItem(incoming, current, v(5), verdict(incoming, current, v(5)))
    return Review(
        1, "pkg-1", "P00241", 4, datetime(2025, 7, 1, tzinfo=UTC), (Q2,), State.PENDING, [item]
    )


def test_the_token_changes_when_what_was_shown_changes_and_only_then() -> None:
    shown = _review(v(5))
    assert _review(v(5)).token == shown.token
    assert _review(v(6)).token != shown.token  # the district's figure changed meanwhile
    assert _review(None).token != shown.token
    other = dataclasses.replace(shown, package_id="pkg-2")
    assert other.token != shown.token


def test_an_item_is_keyed_by_indicator_unit_and_period() -> None:
    assert item_key(v(1)) == ("NS_THU_DIA_BAN", "P00241", "2025Q2")
    assert key_text(item_key(v(1))) == "NS_THU_DIA_BAN P00241 2025Q2"

"""Session.changed: each kind of change an action reports reaches the screens' signal."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from hbt_desktop.app.changes import Changes
from hbt_desktop.exchange.seed import open_app_database
from hbt_desktop.ui.session import Session


@pytest.fixture
def session(demo_path: Path) -> Session:
    return Session(open_app_database(demo_path), demo_path)


def _heard(session: Session) -> dict[str, list[Any]]:
    heard: dict[str, list[Any]] = {}
    for name in (
        "figures_changed",
        "structure_changed",
        "locks_changed",
        "packages_changed",
        "documents_changed",
        "station_changed",
        "saved",
    ):
        heard[name] = []
        getattr(session, name).connect(lambda *args, n=name: heard[n].append(args))
    return heard


@pytest.mark.parametrize(
    ("changes", "signals"),
    [
        (Changes(figures=frozenset({"DN_THANH_LAP"})), {"figures_changed", "saved"}),
        (Changes(figures=None), {"figures_changed", "saved"}),
        (Changes(structure=True), {"structure_changed", "saved"}),
        (Changes(locks=True), {"locks_changed", "saved"}),
        (Changes(packages=True), {"packages_changed", "saved"}),
        (Changes(document=True), {"documents_changed", "saved"}),
        (Changes(station=True), {"station_changed", "saved"}),
        (Changes(), set()),
    ],
)
def test_each_change_reaches_its_signal(
    session: Session, changes: Changes, signals: set[str]
) -> None:
    heard = _heard(session)
    session.changed(changes)
    assert {name for name, calls in heard.items() if calls} == signals
    if changes.figures:
        assert heard["figures_changed"] == [(changes.figures,)]

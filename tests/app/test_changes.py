"""What an action changed, combined; and each kind reaches the screens' signals."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from hbt_desktop.app.changes import ANY, FIGURES, NOTHING, Changes

figures = st.one_of(st.none(), st.frozensets(st.sampled_from(["A", "B", "C"]), max_size=3))
changes = st.builds(
    Changes,
    figures,
    st.booleans(),
    st.booleans(),
    st.booleans(),
    st.booleans(),
    st.booleans(),
    st.booleans(),
    st.booleans(),
)


@given(changes, changes)
def test_combined_changes_hold_both(a: Changes, b: Changes) -> None:
    both = a | b
    for name in ("structure", "document", "locks", "station", "accounts", "packages", "settings"):
        assert getattr(both, name) == (getattr(a, name) or getattr(b, name))
    if a.figures is ANY or b.figures is ANY:
        assert both.figures is ANY
    else:
        assert both.figures == a.figures | b.figures
    assert both == b | a
    assert a | NOTHING == a


def test_nothing_is_nothing_and_figures_are_any() -> None:
    assert not NOTHING.anything and not NOTHING.any_figures
    assert FIGURES.anything and FIGURES.any_figures and FIGURES.figures is ANY
    assert Changes(figures=frozenset({"A"})).any_figures

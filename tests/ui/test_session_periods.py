"""The chosen period survives a restart exactly as the clerk wrote it, a cut-off on the
period's last day included ("tính đến ngày 31/5/2023")."""

from __future__ import annotations

from pathlib import Path

from hbt_desktop.core.periods import format_cutoff_period, parse_period
from hbt_desktop.exchange.seed import open_app_database
from hbt_desktop.ui.session import Session


def test_a_month_end_cutoff_is_kept_as_the_current_and_an_added_period(demo_path: Path) -> None:
    stated = parse_period("5 tháng đầu năm 2023, tính đến ngày 31/5/2023")
    session = Session(open_app_database(demo_path), demo_path)
    session.add_period(stated)
    session.select(period=parse_period("5 tháng đầu năm 2023"))
    session.select(period=stated)  # the same figures, another wording: still a change
    assert session.period == stated
    session.db.conn.close()

    again = Session(open_app_database(demo_path), demo_path)
    assert again.period == stated
    assert format_cutoff_period(again.period) == "tính đến 31/5/2023"
    # Both wordings are offered: the clerk's and the one figures are stored under.
    names = {format_cutoff_period(p) for p in again.periods()}
    assert "tính đến 31/5/2023" in names
    again.db.conn.close()

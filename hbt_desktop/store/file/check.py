"""A database health check: SQLite's own checks plus this program's invariants."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlite_utils import Database

from hbt_desktop.core.errors import HbtError
from hbt_desktop.core.periods import parse_period
from hbt_desktop.store.file.connection import schema_state


@dataclass
class CheckResult:
    schema_version: int
    values: int
    problems: list[str] = field(default_factory=list)


def check_database(db: Database) -> CheckResult:
    user_version, _ = schema_state(db)
    problems: list[str] = []
    integrity = [str(r[0]) for r in db.execute("PRAGMA integrity_check").fetchall()]
    if integrity != ["ok"]:
        problems += integrity[:10]
    for table, rowid, parent, _ in db.execute("PRAGMA foreign_key_check").fetchall()[:10]:
        problems.append(f"{table} row {rowid} points to a missing {parent}")
    # Figures are stored under canonical period ids; any other id would hide them from
    # comparisons ("cùng kỳ") and totals.
    for table in ("figure_values", "bases", "documents"):
        for (pid,) in db.execute(f"SELECT DISTINCT period FROM {table}").fetchall():
            try:
                canonical = parse_period(str(pid)).id
            except HbtError as exc:
                problems.append(f"{table}: period {pid!r}: {exc.message}")
                continue
            if canonical != pid:
                problems.append(f"{table}: period {pid!r} is not canonical ({canonical})")
    count = int(db.execute("SELECT COUNT(*) FROM figure_values").fetchone()[0])
    return CheckResult(user_version, count, problems)

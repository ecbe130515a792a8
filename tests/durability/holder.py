"""A copy of the program holding a database open, driven line by line (two-process tests).

``python holder.py DB`` opens DB as the program does at start, prints ``ready``, then for
each line on stdin: ``write N`` stores N as a figure and prints ``ok N`` once stored;
``quit`` closes the file (backup, lock released) and exits.
"""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

from hbt_desktop.core.periods import parse_period
from hbt_desktop.core.values import Status, Value
from hbt_desktop.exchange.seed import seed_new_database
from hbt_desktop.store.file.recovery import open_or_recover
from hbt_desktop.store.writes import write_value

UNITS = ["Q007", "P00241", "P00244", "P00247"]


def figure(n: int) -> Value:
    """Figure number ``n``: a distinct key per n, the value n itself."""
    period = parse_period(f"{2020 + n // 48}{n % 12 + 1:02d}")
    indicator = ["NS_THU_DIA_BAN", "NS_CHI_TONG", "LD_VIEC_LAM", "YT_KHAM_BENH"][n // 12 % 4]
    return Value(indicator, UNITS[0], period, Decimal(n), 0, Status.THUC_HIEN)


def main() -> None:
    opened = open_or_recover(Path(sys.argv[1]), seed=seed_new_database)
    print("ready", flush=True)
    for line in sys.stdin:
        command = line.split()
        if command[0] == "write":
            n = int(command[1])
            write_value(opened.db, figure(n))
            print(f"ok {n}", flush=True)
        elif command[0] == "quit":
            opened.close()
            print("closed", flush=True)
            return


if __name__ == "__main__":
    main()

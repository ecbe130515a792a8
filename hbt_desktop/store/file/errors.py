"""The refusal of the file's life: a database that cannot be used as asked.

Its own module because every step of the file's life raises it — opening, locking,
checking a file before a restore — and those steps import one another in one direction
only (``connection`` takes a backup before migrating; a backup checks its copy with
``verify`` and looks at ``lock``), which a home in any one of them would break.
"""

from __future__ import annotations

from hbt_desktop.core.errors import HbtError
from hbt_desktop.core.i18n import register

register(
    {
        "db.not_sqlite": {
            "vi": "Tệp {path} không phải là tệp dữ liệu hbt-desktop (không phải SQLite). Tệp không bị thay đổi.",
            "en": "{path} is not an hbt-desktop data file (not SQLite). It was not changed.",
        },
        "db.cannot_open": {
            "vi": "Không mở được tệp dữ liệu {path}: {reason}",
            "en": "Could not open the data file {path}: {reason}",
        },
    }
)


class StoreError(HbtError):
    """The database cannot be used as asked; the file was left as it was."""

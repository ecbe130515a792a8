"""Settings kept in the database file itself, so that they travel with the data.

Per-machine preferences (window layout, language) belong to Qt's QSettings in the UI;
what describes the data (the last document worked on, the office's spelling "tỷ"/"tỉ")
is stored here.
"""

from __future__ import annotations

from sqlite_utils import Database


def get_setting(db: Database, key: str, default: str | None = None) -> str | None:
    row = db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    return str(row[0]) if row else default


def set_setting(db: Database, key: str, value: str) -> None:
    with db.atomic():
        db.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, value],
        )


# Set while the file holds the demo data (``exchange.seed.load_demo``): the window says so
# and offers to start with an empty file.
DEMO_SETTING = "demo_data"


def holds_demo(db: Database) -> bool:
    return get_setting(db, DEMO_SETTING) == "1"

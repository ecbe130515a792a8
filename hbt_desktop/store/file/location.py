"""Where the clerk's files live: the database, backups and logs.

Default: the user's data folder (``%LOCALAPPDATA%\\hbt-desktop`` on Windows,
``~/.local/share/hbt-desktop`` on Linux), found by platformdirs so the program never
writes into Program Files. ``--db PATH`` on the command line, or the environment
variable ``HBT_DESKTOP_DB``, chooses another file.
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path, user_log_path

APP = "hbt-desktop"
ENV_DB = "HBT_DESKTOP_DB"
DB_FILENAME = "hbt-desktop.db"


def data_dir() -> Path:
    return user_data_path(APP, appauthor=False)


def log_dir() -> Path:
    return user_log_path(APP, appauthor=False)


def default_db_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The database to open: ``explicit`` if given, else $HBT_DESKTOP_DB, else the default."""
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get(ENV_DB)
    if env:
        return Path(env).expanduser()
    return data_dir() / DB_FILENAME

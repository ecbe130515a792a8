"""File operations that must survive a power cut and a Windows antivirus.

- ``fsync``: SQLite fsyncs its own database and WAL, but a file written by the backup API
  or ``VACUUM INTO`` is not fsynced when its connection closes, and a rename is not
  durable until the directory entry is: a backup that "exists" after a power cut could
  otherwise be empty or missing.
- ``replace``: ``os.replace`` is atomic on one volume on Windows and POSIX, but on
  Windows it fails with ``PermissionError`` while another program (an antivirus scanning
  the new file, the search indexer, a backup agent) has the file open. Those holds last
  milliseconds to a few seconds, so we retry with backoff before giving up.
"""

from __future__ import annotations

import functools
import logging
import os
import sys
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

log = logging.getLogger(__name__)

# About 6 s in all: long enough for an antivirus scan of a small file, short enough that a
# clerk waiting on a restore is told what is wrong.
RETRY_DELAYS = (0.05, 0.1, 0.2, 0.4, 0.8, 1.5, 3.0)


def fsync_file(path: Path) -> None:
    """Force ``path``'s contents to the disk."""
    # Windows' FlushFileBuffers needs a handle opened for writing; "r+b" works on both.
    with path.open("r+b") as fh:
        os.fsync(fh.fileno())


def fsync_dir(path: Path) -> None:
    """Make a rename or a new file in directory ``path`` durable (POSIX only).

    Windows cannot open a directory as a file and makes NTFS metadata changes durable
    through its journal, so there is nothing to do there.
    """
    if sys.platform == "win32":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def retry_on_permission(
    action: Callable[[], object],
    *,
    what: str,
    delays: tuple[float, ...] = RETRY_DELAYS,
    sleep: Callable[[float], None] = time.sleep,
) -> None:
    """Run ``action``; on ``PermissionError`` wait and try again, then let the error out."""
    for attempt, delay in enumerate((*delays, None)):
        try:
            action()
            return
        except PermissionError as exc:
            if delay is None:
                log.warning("%s still refused after %d attempts: %s", what, attempt + 1, exc)
                raise
            log.info("%s refused (%s); retrying in %.2f s", what, exc, delay)
            sleep(delay)


def replace(
    src: Path,
    dst: Path,
    *,
    delays: tuple[float, ...] = RETRY_DELAYS,
    sleep: Callable[[float], None] = time.sleep,
) -> None:
    """Atomically put ``src`` in place of ``dst`` (same folder), durably, retrying locks."""
    retry_on_permission(
        lambda: os.replace(src, dst), what=f"replace {dst}", delays=delays, sleep=sleep
    )
    fsync_dir(dst.parent)


def aside_name(path: Path, label: str, when: datetime | None = None) -> Path:
    """A free name beside ``path`` that says why and when it was moved: never an existing file.

    ``hbt-desktop.db`` → ``hbt-desktop.damaged-20250314-081500.db``; the -wal and -shm
    files keep their suffix after it (``….db-wal``) so the three still belong together.
    """
    stamp = f"{(when or datetime.now()):%Y%m%d-%H%M%S}"
    base = path.name
    stem, dot, ext = base.partition(".")
    for n in range(1000):
        extra = f"-{n}" if n else ""
        candidate = path.with_name(f"{stem}.{label}-{stamp}{extra}{dot}{ext}")
        if not any(candidate.with_name(candidate.name + s).exists() for s in ("", "-wal", "-shm")):
            return candidate
    raise FileExistsError(path)  # a thousand moves in one second: something is looping


def move_aside(path: Path, label: str, when: datetime | None = None) -> Path | None:
    """Rename ``path`` (and its -wal/-shm) to a free timestamped name; never overwrites.

    Returns the new name of the main file, or None when there was no main file.
    """
    target = aside_name(path, label, when)
    moved: Path | None = None
    # The WAL first: a main file renamed without its WAL would lose the commits in it,
    # while a WAL moved without its main file is simply ignored by SQLite.
    for suffix in ("-wal", "-shm", ""):
        src = path.with_name(path.name + suffix)
        if not src.exists():
            continue
        dst = target.with_name(target.name + suffix)
        retry_on_permission(functools.partial(src.rename, dst), what=f"move {src} aside")
        if not suffix:
            moved = dst
        log.warning("moved %s aside to %s", src, dst)
    fsync_dir(path.parent)
    return moved

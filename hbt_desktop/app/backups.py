"""Backups on request, the second backup folder, and restoring a backup.

The automatic backups (at start, at close, before an import or a migration) are made
where those happen (``app.opening``, ``app.imports``, ``store.file``); these are the ones
a clerk asks for. A restore always backs up the data it replaces first.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from hbt_desktop.app.changes import Changes, Done
from hbt_desktop.app.opening import DataFile, seed_if_new
from hbt_desktop.store.file.backup import (
    BackupInfo,
    BackupOutcome,
    backup_now,
    set_mirror_folder,
)
from hbt_desktop.store.file.recovery import OpenedDatabase, restore_opened
from hbt_desktop.store.file.restore import RestoreResult, find_backup, restore_backup
from hbt_desktop.store.file.verify import FileReport

Confirm = Callable[[FileReport, BackupInfo | None], bool]


def back_up_now(file: DataFile) -> Done[BackupOutcome]:
    """A backup now, copied to the second folder if one is set (its failure is a notice)."""
    outcome = backup_now(file.db, file.path)
    return Done(outcome, notices=tuple(outcome.messages))


def set_second_folder(file: DataFile, folder: Path | None) -> Done[Path | None]:
    """From now on every automatic backup is also copied to ``folder`` (None: no more)."""
    chosen = folder.resolve() if folder is not None else None
    set_mirror_folder(file.db, chosen)
    return Done(chosen, Changes(settings=True))


def backup_named(path: Path, name: str) -> Path:
    """The backup ``name`` names: a path, or a backup's name in the file's backup folder."""
    return find_backup(path, name)


def restore_file(path: Path, source: Path, *, confirm: Confirm) -> RestoreResult:
    """``hbt-desktop restore``: the backup ``source`` in place of the file at ``path``,
    which is not open here; ``confirm`` is shown what each holds first."""
    return restore_backup(path, source, confirm=confirm)


def restore_open_file(opened: OpenedDatabase, source: Path) -> tuple[OpenedDatabase, RestoreResult]:
    """The window's restore: the backup ``source`` in place of the open file, which is
    opened again (use the returned one). A refusal leaves the open file as it was."""
    return restore_opened(opened, source, seed=seed_if_new)

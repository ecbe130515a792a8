"""One copy of the program per database file.

SQLite's own locks keep two writers from corrupting the file, but two copies of the
program open on the same file would each show the clerk a screen that the other one
changes underneath it: a figure typed in one window is overwritten from the other one's
stale grid, and nobody is told. So the program that opens a file for writing holds an OS
lock on a sidecar ``<file>.lock`` for its whole life, with who holds it written inside
(pid, computer, user, since when). A second copy is refused with that description and
can open the file read-only, or (the GUI) hand over to the first one.

Why a sidecar and an OS lock rather than "a file exists": the OS drops the lock when the
holder dies (crash, power cut, kill), so a lock is never left stale on a local disk. Where
the file system cannot lock at all (some network shares), the written description is used
instead, and a holder on this computer whose process is gone is treated as stale.

The lock file is never deleted: deleting it on release would let a third process lock
a fresh file while a second one still holds the old, unlinked one. It is emptied instead.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import getpass
import hashlib
import json
import logging
import os
import socket
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from hbt_desktop import __version__
from hbt_desktop.core.i18n import tr
from hbt_desktop.store.file.errors import StoreError

if sys.platform == "win32":  # the OS lock: msvcrt's byte-range lock on Windows, flock elsewhere
    import msvcrt
else:
    import fcntl

log = logging.getLogger(__name__)

LOCK_SUFFIX = ".lock"
# Windows locks are mandatory and byte-ranged: lock one byte far past the description so
# that another copy can still read who holds the file.
_WIN_LOCK_OFFSET = 1 << 30


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + LOCK_SUFFIX)


def handover_key(db_path: Path) -> str:
    """A name both copies of the program derive from the file, for the GUI's handover
    channel (e.g. a ``QLocalServer``): the same file, however it was spelt, the same name."""
    resolved = str(Path(db_path).resolve())
    if sys.platform == "win32":
        resolved = resolved.casefold()  # C:\Data and c:\data are one file on Windows
    return "hbt-desktop-" + hashlib.sha256(resolved.encode("utf-8")).hexdigest()[:20]


@dataclass(frozen=True)
class LockHolder:
    """Who holds a database file, as written in its lock file."""

    pid: int | None
    host: str
    user: str
    since: str  # ISO time, local
    version: str = ""

    def describe(self, language: str | None = None) -> str:
        since = self.since
        with contextlib.suppress(ValueError):  # an unreadable time is shown as written
            since = f"{datetime.fromisoformat(self.since):%H:%M %d/%m/%Y}"
        return tr(
            "lock.who",
            language,
            user=self.user or "?",
            host=self.host or "?",
            pid=self.pid if self.pid is not None else "?",
            since=since,
        )

    def to_json(self) -> str:
        return json.dumps(
            {
                "program": "hbt-desktop",
                "pid": self.pid,
                "host": self.host,
                "user": self.user,
                "since": self.since,
                "version": self.version,
            },
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, text: str) -> LockHolder | None:
        """The holder described by ``text``, or None for an empty or unreadable file."""
        try:
            data = json.loads(text)
        except ValueError:  # half-written by a crash, or not ours: describes nobody
            return None
        if not isinstance(data, dict):
            return None
        pid = data.get("pid")
        return cls(
            pid=pid if isinstance(pid, int) and not isinstance(pid, bool) else None,
            host=str(data.get("host", "")),
            user=str(data.get("user", "")),
            since=str(data.get("since", "")),
            version=str(data.get("version", "")),
        )


class InUseError(StoreError):
    """Another copy of the program has the file open for writing."""

    def __init__(self, db_path: Path, holder: LockHolder | None) -> None:
        who = holder.describe() if holder else tr("lock.who_unknown")
        super().__init__("lock.in_use", path=str(db_path), who=who)
        self.holder = holder
        self.db_path = db_path

    def who(self, language: str | None = None) -> str:
        return self.holder.describe(language) if self.holder else tr("lock.who_unknown", language)

    @property
    def message(self) -> str:
        return self.message_in(None)

    def message_in(self, language: str | None) -> str:
        return tr("lock.in_use", language, path=self.db_path, who=self.who(language))


def this_holder() -> LockHolder:
    try:
        user = getpass.getuser()
    except (KeyError, OSError) as exc:  # no user name in a locked-down profile
        log.info("no user name for the lock file: %s", exc)
        user = ""
    return LockHolder(
        pid=os.getpid(),
        host=socket.gethostname(),
        user=user,
        since=datetime.now().replace(microsecond=0).isoformat(),
        version=__version__,
    )


def pid_alive(pid: int) -> bool:
    """Whether a process ``pid`` runs on this computer."""
    if pid <= 0:
        return False
    if sys.platform == "win32":
        return _win_pid_alive(pid)
    try:
        os.kill(pid, 0)  # signal 0 only checks; on Windows os.kill would terminate it
    except ProcessLookupError:  # the answer: no such process
        return False
    except PermissionError:  # exists, owned by someone else
        return True
    return True


def _win_pid_alive(pid: int) -> bool:  # pragma: no cover - Windows only
    kernel32: Any = ctypes.windll.kernel32  # type: ignore[attr-defined]
    process_query_limited_information = 0x1000
    still_active = 259
    handle = kernel32.OpenProcess(process_query_limited_information, False, pid)
    if not handle:
        # Access denied means it exists; anything else (invalid parameter) means gone.
        return bool(kernel32.GetLastError() == 5)
    try:
        code = ctypes.c_ulong()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return bool(code.value == still_active)
    finally:
        kernel32.CloseHandle(handle)


class LockUnsupported(OSError):
    """The file system refuses locks altogether (some network shares, some FUSE mounts)."""


def _os_lock(fh: IO[bytes]) -> bool:
    """Try to lock ``fh`` without waiting: True if locked, False if someone else holds it."""
    if sys.platform == "win32":  # pragma: no cover - Windows only
        fh.seek(_WIN_LOCK_OFFSET)
        try:
            msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError as exc:
            # Held, whatever the errno: Windows (and Wine, and SMB servers) answer a
            # conflicting byte-range lock with EACCES, EDEADLK or others; taking an odd
            # one for "cannot lock here" would make the lock advisory and let two copies
            # write the same file. A share that truly cannot lock is rare on Windows.
            log.info("%s is locked by another program (errno %s)", fh.name, exc.errno)
            return False
        finally:
            fh.seek(0)
        return True
    # flock, not fcntl/lockf: POSIX record locks belong to the process and vanish when
    # *any* descriptor of the file is closed — reading the lock file to describe the
    # holder would silently drop our own lock.
    try:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
            return False
        raise LockUnsupported(exc.errno, str(exc)) from exc
    return True


def _os_unlock(fh: IO[bytes]) -> None:
    if sys.platform == "win32":  # pragma: no cover - Windows only
        fh.seek(_WIN_LOCK_OFFSET)
        msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)
        fh.seek(0)
        return
    fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


def read_holder(db_path: Path) -> LockHolder | None:
    """The description in ``db_path``'s lock file (which may be stale): None if none."""
    try:
        text = lock_path(db_path).read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:  # never locked: nobody holds it
        return None
    except OSError as exc:
        log.info("cannot read %s: %s", lock_path(db_path), exc)
        return None
    return LockHolder.from_json(text) if text.strip() else None


class DatabaseLock:
    """The lock on one database file, held until :meth:`release` (or process exit)."""

    def __init__(self, db_path: Path, fh: IO[bytes], holder: LockHolder, *, os_locked: bool):
        self.db_path = db_path
        self.holder = holder
        self._fh: IO[bytes] | None = fh
        self._os_locked = os_locked

    @property
    def held(self) -> bool:
        return self._fh is not None

    def release(self) -> None:
        fh, self._fh = self._fh, None
        if fh is None:
            return
        try:
            # Empty it, so that a reader sees nobody; then let the OS lock go.
            fh.seek(0)
            fh.truncate()
            fh.flush()
            if self._os_locked:
                _os_unlock(fh)
        except OSError as exc:  # the lock goes with the handle anyway
            log.warning("releasing %s: %s", lock_path(self.db_path), exc)
        finally:
            fh.close()

    def __enter__(self) -> DatabaseLock:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()


def acquire_lock(db_path: Path, *, force: bool = False) -> DatabaseLock:
    """Lock ``db_path`` for this process, or raise :class:`InUseError` saying who has it.

    ``force`` takes over a lock that only the written description claims (a file system
    without locks, a holder on another computer that the clerk says is gone); it never
    breaks a live OS lock.
    """
    path = lock_path(db_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        # "a+b" creates without truncating: the current holder's description stays readable.
        fh: IO[bytes] = path.open("a+b")
    except OSError as exc:
        raise StoreError("lock.cannot_create", path=str(path), reason=exc.strerror) from exc
    os_locked = False
    try:
        try:
            if not _os_lock(fh):
                fh.close()
                raise InUseError(db_path, read_holder(db_path))
            os_locked = True
        except LockUnsupported as exc:
            log.warning("%s cannot be locked (%s): relying on its description", path, exc)
            holder = read_holder(db_path)
            if holder is not None and not force and _claims_it(holder):
                fh.close()
                raise InUseError(db_path, holder) from None
        me = this_holder()
        fh.seek(0)
        fh.truncate()
        fh.write(me.to_json().encode("utf-8"))
        fh.flush()
        return DatabaseLock(db_path, fh, me, os_locked=os_locked)
    except InUseError:
        raise
    except OSError as exc:
        fh.close()
        raise StoreError("lock.cannot_create", path=str(path), reason=exc.strerror) from exc


def _claims_it(holder: LockHolder) -> bool:
    """Whether a written description (with no OS lock behind it) still counts."""
    if holder.host != socket.gethostname():
        return True  # another computer: we cannot see its processes, so believe it
    if holder.pid is None:
        return True  # no process to check: believe it
    if holder.pid == os.getpid():
        return False  # left by this very process (a lock released without emptying)
    if pid_alive(holder.pid):
        return True
    log.warning("stale lock of %s (process %s is gone): taking over", holder.host, holder.pid)
    return False


def probe(db_path: Path) -> LockHolder | None:
    """Who holds ``db_path`` now (None if nobody): lock and release at once to find out."""
    try:
        with acquire_lock(db_path):
            return None
    except InUseError as exc:
        return exc.holder or LockHolder(None, "", "", "")

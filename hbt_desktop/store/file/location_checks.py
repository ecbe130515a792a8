"""Warnings about where the database file sits.

SQLite's locking and its WAL need a local disk: on a network share the shared-memory
index of the WAL does not work across computers and byte-range locks are unreliable, so two
computers writing one file can corrupt it. A removable drive can be pulled out in the
middle of a commit. A cloud-synced folder (OneDrive, Dropbox, Google Drive) copies the
file while it is being written and makes "conflicted copies". A full disk makes every
commit and every backup fail. None of these stops the program; the clerk is warned.

The operating system is asked through a :class:`Probe` whose functions can be replaced,
so that every rule is tested on any machine.
"""

from __future__ import annotations

import ctypes
import logging
import os
import shutil
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path, PurePath, PurePosixPath, PureWindowsPath

from hbt_desktop.core.i18n import tr
from hbt_desktop.core.numbers import format_decimal

log = logging.getLogger(__name__)

MB = 1024 * 1024
# Below FULL a backup (a copy of the whole file) may not fit; below LOW it soon will not.
DISK_FULL_BYTES = 100 * MB
DISK_LOW_BYTES = 1024 * MB
# Room for the file, its WAL and a few backups of it.
DISK_FILE_FACTOR_FULL = 2
DISK_FILE_FACTOR_LOW = 5
MESSAGES = {  # LocationWarning.kind → what the clerk is told
    "network": "location.network",
    "removable": "location.removable",
    "cloud": "location.cloud",
    "disk_low": "location.disk_low",
    "disk_full": "location.disk_full",
}

NETWORK_FS = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb",
        "smb3",
        "smbfs",
        "sshfs",
        "9p",
        "afs",
        "ceph",
        "glusterfs",
        "lustre",
        "davfs",
        "ncpfs",
        "coda",
    }
)
# GetDriveTypeW results.
DRIVE_REMOVABLE = 2
DRIVE_REMOTE = 4

_CLOUD_FOLDERS = {
    "dropbox": "Dropbox",
    "google drive": "Google Drive",
    "googledrive": "Google Drive",
    "my drive": "Google Drive",
    "drive của tôi": "Google Drive",
    "icloud drive": "iCloud Drive",
    "iclouddrive": "iCloud Drive",
    "box sync": "Box",
    "pcloud drive": "pCloud",
}
_ONEDRIVE_ENV = ("OneDrive", "OneDriveConsumer", "OneDriveCommercial")


@dataclass(frozen=True)
class LocationWarning:
    """One thing the clerk should know about where the file is, as a message key."""

    kind: str  # "network", "removable", "cloud", "disk_low", "disk_full"
    key: str
    params: Mapping[str, object] = field(default_factory=dict)

    @property
    def message(self) -> str:
        return tr(self.key, None, **self.params)

    def message_in(self, language: str) -> str:
        return tr(self.key, language, **self.params)


def _win_drive_type(root: str) -> int:  # pragma: no cover - Windows only
    return int(ctypes.windll.kernel32.GetDriveTypeW(root))  # type: ignore[attr-defined]


def _read_mounts() -> str:
    return Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")


def _linux_removable(device: str) -> bool:
    """Whether block ``device`` (e.g. ``/dev/sdb1``) is removable or on a USB bus."""
    name = Path(os.path.realpath(device)).name
    sys_dev = Path("/sys/class/block") / name
    if not sys_dev.exists():
        return False
    real = Path(os.path.realpath(sys_dev))
    # A partition's sysfs folder sits inside its disk's folder.
    disk = real.parent if (real / "partition").exists() else real
    try:
        if (disk / "removable").read_text().strip() == "1":
            return True
    except OSError as exc:
        log.info("cannot read %s: %s", disk / "removable", exc)
    # USB hard disks say removable=0, yet are unplugged like sticks.
    return "/usb" in str(real)


def _disk_usage(path: Path) -> tuple[int, int]:
    usage = shutil.disk_usage(path)
    return usage.free, usage.total


@dataclass(frozen=True)
class Probe:
    """How the operating system is asked; every field can be replaced in tests."""

    platform: str = sys.platform
    env: Mapping[str, str] = field(default_factory=lambda: dict(os.environ))
    drive_type: Callable[[str], int] = _win_drive_type
    mounts: Callable[[], str] = _read_mounts
    removable_device: Callable[[str], bool] = _linux_removable
    disk_usage: Callable[[Path], tuple[int, int]] = _disk_usage  # (free, total)
    file_size: Callable[[Path], int] = lambda p: p.stat().st_size if p.exists() else 0


# -- the rules, pure ----------------------------------------------------------------------


def windows_kind(path: str, drive_type: Callable[[str], int]) -> tuple[str, str] | None:
    """("network"|"removable", detail) for a Windows path, from its form and drive type."""
    text = path.replace("/", "\\")
    if text.startswith("\\\\?\\UNC\\"):
        text = "\\\\" + text[len("\\\\?\\UNC\\") :]
    elif text.startswith(("\\\\?\\", "\\\\.\\")):
        text = text[4:]
    if text.startswith("\\\\"):
        share = "\\".join(text.split("\\")[:4])
        return "network", share
    drive = PureWindowsPath(text).drive
    if len(drive) == 2 and drive[1] == ":":
        kind = drive_type(drive + "\\")
        if kind == DRIVE_REMOTE:
            return "network", drive
        if kind == DRIVE_REMOVABLE:
            return "removable", drive
    return None


def _unescape_mount(field_text: str) -> str:
    # /proc/mounts writes space, tab, newline and backslash as octal escapes.
    for code, char in (("\\040", " "), ("\\011", "\t"), ("\\012", "\n"), ("\\134", "\\")):
        field_text = field_text.replace(code, char)
    return field_text


def mount_of(path: PurePath, mounts_text: str) -> tuple[str, str, str] | None:
    """(device, mount point, fs type) of the mount holding ``path`` (absolute, resolved)."""
    best: tuple[str, str, str] | None = None
    for line in mounts_text.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        device, point, fstype = _unescape_mount(parts[0]), _unescape_mount(parts[1]), parts[2]
        point_path = type(path)(point)  # /proc/mounts is POSIX, whatever runs the check
        if (path == point_path or point_path in path.parents) and (
            best is None or len(point) >= len(best[1])
        ):
            best = (device, point, fstype)
    return best


def linux_kind(
    path: PurePath, mounts_text: str, removable_device: Callable[[str], bool]
) -> tuple[str, str] | None:
    mount = mount_of(path, mounts_text)
    if mount is None:
        return None
    device, point, fstype = mount
    if fstype in NETWORK_FS or fstype.startswith(("fuse.", "nfs")):
        return "network", f"{fstype} {device}"
    if device.startswith("/dev/") and removable_device(device):
        return "removable", point
    return None


def cloud_service(path: PurePath, env: Mapping[str, str]) -> str | None:
    """The sync service whose folder holds ``path``, if any."""
    for var in _ONEDRIVE_ENV:
        root = env.get(var)
        if root and _is_within(path, root):
            return "OneDrive"
    for part in path.parts:
        folded = part.casefold()
        if folded.startswith("onedrive"):
            return "OneDrive"
        if folded in _CLOUD_FOLDERS:
            return _CLOUD_FOLDERS[folded]
    return None


def _is_within(path: PurePath, root: str) -> bool:
    flavour = type(path)
    root_path = flavour(root)
    if isinstance(path, PureWindowsPath):
        return str(path).casefold().startswith(str(root_path).casefold().rstrip("\\") + "\\")
    return root_path == path or root_path in path.parents


def disk_warning(free: int, file_size: int) -> str | None:
    """ "disk_full", "disk_low" or None for ``free`` bytes beside a file of ``file_size``."""
    if free < max(DISK_FULL_BYTES, DISK_FILE_FACTOR_FULL * file_size):
        return "disk_full"
    if free < max(DISK_LOW_BYTES, DISK_FILE_FACTOR_LOW * file_size):
        return "disk_low"
    return None


def human_size(size: int) -> str:
    """``1,5 GB``, ``230 MB`` — Vietnamese decimal comma."""
    if size >= 1024 * MB:
        return f"{format_decimal(Decimal(size) / (1024 * MB), 1)} GB"
    if size >= MB:
        return f"{format_decimal(size // MB, 0)} MB"
    return f"{format_decimal(size // 1024, 0)} KB"


# -- the check ------------------------------------------------------------------------------


def check_location(db_path: Path, probe: Probe | None = None) -> list[LocationWarning]:
    """Every warning about ``db_path``'s location; a probe that fails is skipped (logged)."""
    probe = probe or Probe()
    warnings: list[LocationWarning] = []
    shown = str(db_path)
    # A path for another platform (a test) is taken as written; a real one made absolute.
    text = os.path.abspath(db_path) if probe.platform == sys.platform else str(db_path)
    # The flavour of the probed platform, not of the one running the check (a test on Windows
    # of the Linux rules, or the reverse).
    flavour = PureWindowsPath if probe.platform == "win32" else PurePosixPath
    pure: PurePath = flavour(text)

    try:
        if probe.platform == "win32":
            found = windows_kind(text, probe.drive_type)
        elif probe.platform.startswith("linux"):
            real = flavour(os.path.realpath(text)) if probe.platform == sys.platform else pure
            found = linux_kind(real, probe.mounts(), probe.removable_device)
        else:
            found = None
    except OSError as exc:
        log.warning("cannot tell what kind of drive holds %s: %s", db_path, exc)
        found = None
    if found:
        kind, detail = found
        params: dict[str, object] = {"path": shown}
        if kind == "network":
            params["detail"] = detail
        warnings.append(LocationWarning(kind, MESSAGES[kind], params))

    service = cloud_service(pure, probe.env)
    if service:
        warnings.append(
            LocationWarning("cloud", "location.cloud", {"path": shown, "service": service})
        )

    folder = db_path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    try:
        free, _total = probe.disk_usage(folder)
        size = sum(probe.file_size(db_path.with_name(db_path.name + s)) for s in ("", "-wal"))
    except OSError as exc:
        log.warning("cannot measure free space for %s: %s", db_path, exc)
    else:
        level = disk_warning(free, size)
        if level:
            warnings.append(
                LocationWarning(level, MESSAGES[level], {"path": shown, "free": human_size(free)})
            )
    return warnings

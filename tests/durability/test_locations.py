"""Warnings about where the database sits, with the operating system's answers faked."""

from __future__ import annotations

import sys
from pathlib import Path, PurePosixPath, PureWindowsPath

import pytest

from hbt_desktop.core.i18n import placeholders, tr
from hbt_desktop.store.file.location_checks import (
    DRIVE_REMOTE,
    DRIVE_REMOVABLE,
    MB,
    Probe,
    check_location,
    cloud_service,
    disk_warning,
    human_size,
    linux_kind,
    mount_of,
    windows_kind,
)

FIXED = 3
# check_location on a POSIX path string needs a POSIX Path to hold it.
posix_paths = pytest.mark.skipif(sys.platform == "win32", reason="POSIX paths")
PLENTY = (50_000 * MB, 100_000 * MB)

MOUNTS = """\
/dev/sda2 / ext4 rw,relatime 0 0
/dev/sdb1 /media/lan/USB\\040KINGSTON vfat rw 0 0
//192.168.1.10/chung /mnt/chung cifs rw 0 0
nas:/export /srv/nas nfs4 rw 0 0
lan@may2:/home/lan /home/lan/may2 fuse.sshfs rw 0 0
/dev/sdc1 /mnt/o-ngoai ext4 rw 0 0
"""


def _probe(**kwargs: object) -> Probe:
    defaults: dict[str, object] = {
        "platform": "linux",
        "env": {},
        "drive_type": lambda root: FIXED,
        "mounts": lambda: MOUNTS,
        "removable_device": lambda dev: dev == "/dev/sdb1",
        "disk_usage": lambda p: PLENTY,
        "file_size": lambda p: 5 * MB,
    }
    defaults.update(kwargs)
    return Probe(**defaults)  # type: ignore[arg-type]


def _kinds(path: str, **kwargs: object) -> list[str]:
    return [w.kind for w in check_location(Path(path), _probe(**kwargs))]


# -- Windows -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        r"\\may-chu\du-lieu\hbt.db",
        "//may-chu/du-lieu/hbt.db",
        r"\\?\UNC\may-chu\du-lieu\hbt.db",
    ],
)
def test_windows_unc_paths_are_network(path: str) -> None:
    assert windows_kind(path, lambda root: FIXED) == ("network", r"\\may-chu\du-lieu")


def test_windows_drive_types() -> None:
    types = {"Z:\\": DRIVE_REMOTE, "E:\\": DRIVE_REMOVABLE, "C:\\": FIXED}
    ask = types.__getitem__
    assert windows_kind(r"Z:\hbt\hbt.db", ask) == ("network", "Z:")
    assert windows_kind(r"E:\hbt.db", ask) == ("removable", "E:")
    assert windows_kind(r"C:\Users\lan\hbt.db", ask) is None
    assert windows_kind(r"\\?\C:\Users\lan\hbt.db", ask) is None


def test_windows_warnings_through_check_location() -> None:
    assert _kinds(r"Z:\hbt.db", platform="win32", drive_type=lambda r: DRIVE_REMOTE) == ["network"]
    assert _kinds(r"E:\hbt.db", platform="win32", drive_type=lambda r: DRIVE_REMOVABLE) == [
        "removable"
    ]
    onedrive = {"OneDrive": r"C:\Users\lan\OneDrive - UBND"}
    assert _kinds(
        r"C:\Users\lan\OneDrive - UBND\So lieu\hbt.db", platform="win32", env=onedrive
    ) == ["cloud"]
    assert _kinds(r"C:\Users\lan\Documents\hbt.db", platform="win32", env=onedrive) == []


# -- Linux -------------------------------------------------------------------------------------


def test_the_deepest_mount_holds_the_file_and_escapes_are_read() -> None:
    assert mount_of(PurePosixPath("/media/lan/USB KINGSTON/hbt.db"), MOUNTS) == (
        "/dev/sdb1",
        "/media/lan/USB KINGSTON",
        "vfat",
    )
    assert mount_of(PurePosixPath("/home/lan/hbt.db"), MOUNTS)[1] == "/"  # type: ignore[index]


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("/mnt/chung/hbt.db", "network"),
        ("/srv/nas/phuong/hbt.db", "network"),
        ("/home/lan/may2/hbt.db", "network"),
        ("/media/lan/USB KINGSTON/hbt.db", "removable"),
        ("/mnt/o-ngoai/hbt.db", None),
        ("/home/lan/hbt.db", None),
    ],
)
def test_linux_mount_kinds(path: str, kind: str | None) -> None:
    found = linux_kind(PurePosixPath(path), MOUNTS, lambda dev: dev == "/dev/sdb1")
    assert (found[0] if found else None) == kind


@posix_paths
def test_linux_warnings_through_check_location() -> None:
    assert _kinds("/mnt/chung/hbt.db") == ["network"]
    assert _kinds("/media/lan/USB KINGSTON/hbt.db") == ["removable"]
    assert _kinds("/home/lan/hbt.db") == []


def test_this_machine_is_probed_without_error(tmp_path: Path) -> None:
    # Whatever this machine is, the real probes answer without raising.
    warnings = check_location(tmp_path / "hbt.db")
    assert all(w.message for w in warnings)


@posix_paths
def test_a_failing_probe_is_skipped_not_fatal() -> None:
    def broken() -> str:
        raise PermissionError(13, "denied")

    def no_usage(path: Path) -> tuple[int, int]:
        raise OSError(5, "I/O error")

    assert _kinds("/home/lan/hbt.db", mounts=broken, disk_usage=no_usage) == []


# -- cloud folders -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "service"),
    [
        (PureWindowsPath(r"C:\Users\lan\Dropbox\hbt.db"), "Dropbox"),
        (PureWindowsPath(r"G:\My Drive\hbt.db"), "Google Drive"),
        (PureWindowsPath(r"C:\Users\lan\OneDrive\Tài liệu\hbt.db"), "OneDrive"),
        (PurePosixPath("/home/lan/Dropbox/hbt.db"), "Dropbox"),
        (PurePosixPath("/home/lan/Documents/hbt.db"), None),
    ],
)
def test_cloud_folders(path: PurePosixPath, service: str | None) -> None:
    assert cloud_service(path, {}) == service


def test_onedrive_is_found_by_its_environment_variable() -> None:
    env = {"OneDriveCommercial": r"D:\Du lieu dong bo"}
    assert cloud_service(PureWindowsPath(r"d:\du lieu dong bo\hbt.db"), env) == "OneDrive"
    assert cloud_service(PureWindowsPath(r"D:\Du lieu khac\hbt.db"), env) is None


# -- free space --------------------------------------------------------------------------------


def test_disk_thresholds() -> None:
    assert disk_warning(50 * MB, 1 * MB) == "disk_full"
    assert disk_warning(500 * MB, 1 * MB) == "disk_low"
    assert disk_warning(5000 * MB, 1 * MB) is None
    # A big file needs room for itself, its WAL and its backups.
    assert disk_warning(1500 * MB, 1000 * MB) == "disk_full"
    assert disk_warning(3000 * MB, 1000 * MB) == "disk_low"


@posix_paths
def test_disk_warning_message_says_how_much_is_left() -> None:
    (warning,) = check_location(Path("/home/lan/hbt.db"), _probe(disk_usage=lambda p: (60 * MB, 0)))
    assert warning.kind == "disk_full"
    assert "60 MB" in warning.message and "giải phóng" in warning.message
    assert "60 MB" in warning.message_in("en")
    assert human_size(int(1.5 * 1024 * MB)) == "1,5 GB"


def test_warnings_have_both_languages_with_the_same_placeholders() -> None:
    for kind in ("network", "removable", "cloud", "disk_low", "disk_full"):
        vi = tr(f"location.{kind}", "vi", path="p", detail="d", service="s", free="f")
        en = tr(f"location.{kind}", "en", path="p", detail="d", service="s", free="f")
        assert vi != en and "p" in vi
    from hbt_desktop.core.i18n import catalog

    for key, texts in catalog().items():
        if key.startswith("location."):
            assert placeholders(texts["vi"]) == placeholders(texts["en"])

"""What issue 16 found on Windows (under Wine), each checked here on Linux as far as Linux
can; the whole suite and the installed program then run under Wine
(`python3 packaging/build.py wine-tests`, `python3 packaging/build.py windows`)."""

from __future__ import annotations

import ast
import errno
import os
import subprocess
import sys
import types
from pathlib import Path, PurePosixPath, PureWindowsPath

import pytest
from platformdirs.windows import Windows

from hbt_desktop.cli.main import main
from hbt_desktop.cli.parser import build_parser, package_argument
from hbt_desktop.store.file import location_checks, lock
from hbt_desktop.ui import app
from tests.packaging.test_build_script import ROOT, build


def test_the_spec_asks_for_utf8_mode_as_the_bootloader_spells_it() -> None:
    """PyInstaller's bootloader knows «X utf8»; «X utf8_mode=1» was silently ignored."""
    tree = ast.parse((ROOT / "packaging" / "hbt-desktop.spec").read_text(encoding="utf-8"))
    (options,) = [
        ast.literal_eval(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign)
        and any(getattr(t, "id", "") == "python_options" for t in node.targets)
    ]
    names = [name for name, _, kind in options if kind == "OPTION"]
    assert "X utf8" in names
    for name in names:  # the bootloader's X options; anything else is ignored silently
        assert name.split()[0] != "X" or name.split()[1].split("=")[0] in {"utf8", "dev"}


def _in_cp1252(args: list[str], tmp_path: Path) -> subprocess.CompletedProcess[bytes]:
    env = {
        **os.environ,
        "PYTHONIOENCODING": "cp1252",  # what a Windows pipe or file gets
        "PYTHONUTF8": "0",
        "PYTHONPATH": str(ROOT),
        "HOME": str(tmp_path),
        "XDG_STATE_HOME": str(tmp_path / "state"),
    }
    return subprocess.run(args, env=env, capture_output=True, check=False, timeout=120)


def test_the_command_line_prints_vietnamese_into_a_cp1252_pipe(tmp_path: Path) -> None:
    code = "import sys; from hbt_desktop.cli.main import main; sys.exit(main())"
    done = _in_cp1252(
        [sys.executable, "-c", code, "demo", "--db", str(tmp_path / "x.db")], tmp_path
    )
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    assert "Đã nạp lại dữ liệu mẫu" in done.stdout.decode("utf-8")
    refused = _in_cp1252([sys.executable, "-c", code, "no-such-command"], tmp_path)
    assert refused.returncode == 2
    assert "Lệnh không hợp lệ" in refused.stderr.decode("utf-8")


def test_the_build_script_prints_into_a_cp1252_pipe(tmp_path: Path) -> None:
    done = _in_cp1252([sys.executable, str(ROOT / "packaging" / "build.py")], tmp_path)
    assert done.returncode == 2, done.stderr.decode("utf-8", "replace")  # its usage
    assert "4.115 tỷ 081 triệu đồng" in done.stdout.decode("utf-8")
    assert b"Traceback" not in done.stderr


@pytest.mark.skipif(os.name == "nt", reason="the Wine paths (Z:…) are made on the Linux side")
def test_smoke_and_suite_keep_windows_data_out_of_the_users_profile(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    host = build.Host(prefix=tmp_path / "prefix")
    env = build.smoke_env(tmp_path, host)
    local = env["WIN_PD_OVERRIDE_LOCAL_APPDATA"]
    assert local.startswith("Z:\\") and env["WIN_PD_OVERRIDE_APPDATA"].startswith("Z:\\")
    # platformdirs' Windows rules honour the override before asking Windows.
    monkeypatch.setenv("WIN_PD_OVERRIDE_LOCAL_APPDATA", local)
    found = Windows("hbt-desktop", appauthor=False).user_data_dir
    assert PureWindowsPath(found) == PureWindowsPath(local, "hbt-desktop")


def _fake_msvcrt(result: Exception | None) -> types.ModuleType:
    module = types.ModuleType("msvcrt")
    module.LK_NBLCK, module.LK_UNLCK = 2, 0  # type: ignore[attr-defined]

    def locking(fd: int, mode: int, size: int) -> None:
        if mode == 2 and result is not None:
            raise result

    module.locking = locking  # type: ignore[attr-defined]
    return module


@pytest.mark.parametrize("code", [errno.EACCES, errno.EDEADLK, errno.ENOSYS, errno.EINVAL, 0])
def test_any_failure_to_lock_on_windows_means_held(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    """Under Wine msvcrt.locking answered errno 0 and 38: the lock went advisory."""
    monkeypatch.setattr(sys, "platform", "win32")
    # lock.py imports msvcrt at the top on Windows only: give it one on Linux.
    monkeypatch.setattr(lock, "msvcrt", _fake_msvcrt(OSError(code, "refused")), raising=False)
    with pytest.raises(lock.InUseError):
        lock.acquire_lock(tmp_path / "hbt.db")


def test_a_windows_lock_that_succeeds_is_held(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(lock, "msvcrt", _fake_msvcrt(None), raising=False)
    with lock.acquire_lock(tmp_path / "hbt.db") as held:
        assert held.held


def test_the_linux_mount_rules_hold_when_checked_on_windows(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """On Windows PurePath is PureWindowsPath: /proc/mounts' points must not become it."""
    monkeypatch.setattr(location_checks, "PurePath", PureWindowsPath)
    mounts = "/dev/sda1 / ext4 rw 0 0\n/dev/sdb1 /media/lan/USB\\040KINGSTON vfat rw 0 0\n"
    found = location_checks.mount_of(PurePosixPath("/media/lan/USB KINGSTON/hbt.db"), mounts)
    assert found == ("/dev/sdb1", "/media/lan/USB KINGSTON", "vfat")


def test_a_package_given_alone_opens_the_window_on_its_review(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The .hbt association runs `hbt-desktop.exe "PATH.hbt"`."""

    seen: list[object] = []
    monkeypatch.setattr(app, "run", lambda db, **kw: seen.append(kw["package"]) or 0)
    package = tmp_path / "00241-2023Q3.HBT"
    assert main(["--db", str(tmp_path / "quan.db"), str(package)]) == 0
    assert seen == [package]
    parser = build_parser()
    assert package_argument(parser, ["package", "import", "p.hbt"]) == (
        ["package", "import", "p.hbt"],
        None,
    )
    assert package_argument(parser, ["--db", "x.hbt"]) == (["--db", "x.hbt"], None)
    assert package_argument(parser, ["--db", "q.db", "p.hbt"]) == (["--db", "q.db"], "p.hbt")

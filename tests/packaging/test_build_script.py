"""The packaging scripts without building anything (freezing takes a minute and is the
separate command `python3 packaging/build.py linux`): the installer template fills
completely and keeps the clerk's data, and the smoke test's checks accept a good
document and refuse a bad one."""

from __future__ import annotations

import importlib.util
import re
import shutil
import sys
import tomllib
from pathlib import Path

import pytest
from PIL import Image

from hbt_desktop.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
# Loaded from its file under its own name: "build" is also a PyPI package's name.
_spec = importlib.util.spec_from_file_location(
    "hbt_packaging_build", ROOT / "packaging" / "build.py"
)
assert _spec is not None and _spec.loader is not None
build = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = build  # its dataclasses look their module up there
_spec.loader.exec_module(build)

TEMPLATE = ROOT / "packaging" / "windows" / "hbt-desktop.nsi.in"


def _filled(source: str = r"D:\a\hbt\dist\hbt-desktop", out: str = "setup.exe") -> str:
    return build.installer_script(source, out)


def test_the_installer_template_fills_completely() -> None:
    script = _filled()
    assert not re.findall(r"@[A-Z_]+@", script)
    assert 'VIProductVersion "0.1.0.0"' in script or "VIProductVersion" in script
    with pytest.raises(SystemExit):
        build.fill_template("AppVersion=@APP_VERSION@ @NEW_FIELD@", {"APP_VERSION": "1"})


def test_per_user_vietnamese_only_with_the_association_and_the_floor() -> None:
    script = _filled()
    assert "RequestExecutionLevel user" in script
    assert 'InstallDir "$LOCALAPPDATA\\Programs\\${APP_NAME}"' in script
    languages = re.findall(r'MUI_LANGUAGE "(\w+)"', script)
    assert languages == ["Vietnamese"]  # no second language: nothing falls back to English
    for text in re.findall(r"^LangString \w+ \$\{LANG_VIETNAMESE\} \"(.*)\"$", script, re.M):
        assert any(c in text for c in "ăâđêôơư"), text  # every own sentence in Vietnamese
    assert 'WriteRegStr HKCU "Software\\Classes\\.hbt"' in script
    assert '"$INSTDIR\\${APP_EXE}" "%1"' in script
    assert "${AtLeastWin10}" in script and "${RunningX64}" in script


def test_no_delete_reaches_the_data_folder() -> None:
    """The database lives in %LOCALAPPDATA%\\hbt-desktop; only $INSTDIR may be deleted."""
    for line in _filled().splitlines():
        command = line.strip().split(" ", 1)
        if command[0] in {"Delete", "RMDir"}:
            target = command[1].split('"')[1]
            assert target.startswith(("$INSTDIR", "$SMPROGRAMS", "$DESKTOP")), line


@pytest.mark.skipif(shutil.which("makensis") is None, reason="NSIS is not installed")
def test_the_installer_compiles_without_a_warning(tmp_path: Path) -> None:
    """makensis -WX: a warning (a string missing in Vietnamese, an unknown instruction,
    a section tag it cannot read — Inno Setup's «Invalid section tag» of issue 16) fails."""
    app = tmp_path / "hbt-desktop"
    (app / "_internal").mkdir(parents=True)
    for name in ("hbt-desktop.exe", "hbt-desktop-cli.exe", "_internal/python311.dll"):
        (app / name).write_bytes(b"MZ stand-in")
    setup = tmp_path / "hbt-desktop-0.1.0-setup.exe"
    done = build.compile_installer(_filled(str(app), str(setup)), tmp_path / "x.nsi")
    assert done.returncode == 0, done.stdout + done.stderr
    assert setup.stat().st_size > 50_000
    # A 32-bit installer (PE machine i386): only that one starts on a 32-bit Windows and
    # can refuse it in Vietnamese; the program it installs is 64-bit.
    data = setup.read_bytes()
    header = int.from_bytes(data[0x3C:0x40], "little")
    assert data[header : header + 4] == b"PE\0\0"
    assert int.from_bytes(data[header + 4 : header + 6], "little") == 0x014C


def test_version_numbers_for_windows() -> None:
    assert build.numeric_version("0.1.0") == "0.1.0.0"
    assert build.numeric_version("2") == "2.0.0.0"
    assert build.numeric_version("1.4.2.post3+local") == "1.4.2.0"


def test_the_spec_reads_pyproject_and_finds_its_files() -> None:
    spec = (ROOT / "packaging" / "hbt-desktop.spec").read_text(encoding="utf-8")
    compile(spec, "hbt-desktop.spec", "exec")  # valid Python
    assert "tomllib" in spec and '["project"]' in spec
    assert (ROOT / "docs" / "huong-dan-su-dung.md").is_file()
    assert (ROOT / "packaging" / "launcher.py").is_file()
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "pyinstaller" in " ".join(project["project"]["optional-dependencies"]["packaging"])


def test_the_smoke_checks_accept_the_bulletin_and_refuse_a_blank(tmp_path: Path) -> None:

    pdf = tmp_path / "b.pdf"
    assert main(["bulletin", "--db", str(tmp_path / "hbt.db"), "--out", str(pdf)]) == 0
    assert "all embedded" in build.check_pdf(pdf, build.BULLETIN_FIGURE)
    with pytest.raises(SystemExit):
        build.check_pdf(pdf, "1.000 tỷ đồng không có")
    blank = tmp_path / "blank.png"
    Image.new("RGB", build.WINDOW_SIZE, "white").save(blank)
    with pytest.raises(SystemExit):
        build.check_png(blank)


def test_the_windows_python_gets_the_pinned_set_less_what_wine_cannot_import() -> None:
    """Every package pinned for both systems and for Windows only goes into the Windows
    Python, each with its hashes, except NOT_UNDER_WINE (numpy aborts under Wine 8); the
    program itself never bundles those (the spec excludes them)."""
    wb = build.windows_build
    sections = wb.constraint_sections()
    pinned = wb.pins(sections[wb.BOTH_SECTION] + sections[wb.WINDOWS_SECTION])
    entries = wb.windows_entries()
    assert wb.pins(entries) == {k: v for k, v in pinned.items() if k not in wb.NOT_UNDER_WINE}
    assert all("--hash=sha256:" in entry for entry in entries)
    assert {"pyside6-essentials", "pefile", "pywin32-ctypes"} <= set(wb.pins(entries))
    spec = (ROOT / "packaging" / "hbt-desktop.spec").read_text(encoding="utf-8")
    for name in wb.NOT_UNDER_WINE:
        assert name in pinned  # a real pin, not a stale name
        assert f'"{name}",' in spec  # excluded from the program

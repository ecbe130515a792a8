"""The packaging scripts without building anything (freezing takes a minute and is the
separate command `python3 packaging/build.py linux`): the installer template fills
completely and keeps the clerk's data, and the smoke test's checks accept a good
document and refuse a bad one."""

from __future__ import annotations

import importlib.util
import re
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# Loaded from its file under its own name: "build" is also a PyPI package's name.
_spec = importlib.util.spec_from_file_location(
    "hbt_packaging_build", ROOT / "packaging" / "build.py"
)
assert _spec is not None and _spec.loader is not None
build = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = build  # its dataclasses look their module up there
_spec.loader.exec_module(build)

TEMPLATE = ROOT / "packaging" / "windows" / "hbt-desktop.iss.in"


def _filled() -> str:
    return build.fill_template(
        TEMPLATE.read_text(encoding="utf-8"),
        {
            "APP_NAME": "hbt-desktop",
            "APP_VERSION": "1.2.0rc1",
            "APP_VERSION_NUMERIC": build.numeric_version("1.2.0rc1"),
            "SOURCE_DIR": r"D:\a\hbt\dist\hbt-desktop",
            "OUTPUT_DIR": r"D:\a\hbt\dist\installer",
            "VIETNAMESE_ISL": r"C:\isl\Vietnamese.isl",
            "ICON_FILE": r"D:\a\hbt\packaging\windows\hbt-desktop.ico",
        },
    )


def _section(script: str, name: str) -> list[str]:
    lines, inside = [], False
    for line in script.splitlines():
        if line.startswith("["):
            inside = line.strip() == f"[{name}]"
            continue
        if inside and line.strip() and not line.startswith(";"):
            lines.append(line)
    return lines


def test_the_installer_template_fills_completely() -> None:
    script = _filled()
    assert not re.findall(r"@[A-Z_]+@", script)
    assert "VersionInfoVersion=1.2.0.0" in script
    assert '#define AppVersion "1.2.0rc1"' in script
    with pytest.raises(SystemExit):
        build.fill_template("AppVersion=@APP_VERSION@ @NEW_FIELD@", {"APP_VERSION": "1"})


def test_per_user_vietnamese_and_one_app_id_forever() -> None:
    setup = _section(_filled(), "Setup")
    assert "PrivilegesRequired=lowest" in setup
    assert r"DefaultDirName={localappdata}\Programs\{#AppName}" in setup
    # Changing the AppId would install a second copy beside the first instead of upgrading.
    assert "AppId={{C3181E65-63DD-4976-884E-37A9F7110C43}" in setup
    languages = _section(_filled(), "Languages")
    assert languages[0].startswith('Name: "vietnamese"')
    assert any("{autodesktop}" in line for line in _section(_filled(), "Icons"))
    assert any("{autoprograms}" in line for line in _section(_filled(), "Icons"))


def test_no_delete_reaches_the_data_folder() -> None:
    """The database lives in %LOCALAPPDATA%\\hbt-desktop; only {app} may be deleted."""
    script = _filled()
    for section in ("InstallDelete", "UninstallDelete"):
        for line in _section(script, section):
            name = re.search(r'Name: "([^"]+)"', line)
            assert name is not None and name.group(1).startswith("{app}"), line


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
    from PIL import Image

    from hbt_desktop.cli import main

    pdf = tmp_path / "b.pdf"
    assert main(["bulletin", "--db", str(tmp_path / "hbt.db"), "--out", str(pdf)]) == 0
    assert "all embedded" in build.check_pdf(pdf, build.BULLETIN_FIGURE)
    with pytest.raises(SystemExit):
        build.check_pdf(pdf, "1.000 tỷ đồng không có")
    blank = tmp_path / "blank.png"
    Image.new("RGB", build.WINDOW_SIZE, "white").save(blank)
    with pytest.raises(SystemExit):
        build.check_png(blank)

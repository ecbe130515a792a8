#!/usr/bin/env python3
"""Set up hbt-desktop from a fresh checkout with nothing but python3, then run it.

    python3 packaging/bootstrap.py run    # install, then start the app on its demo data
    python3 packaging/bootstrap.py test   # install with dev tools, then run every check

Standard library only, because it runs before anything is installed. As root on
Debian/Ubuntu it installs the system libraries Qt needs (and python3-venv when the
interpreter lacks it); otherwise it tells you which `apt-get install` to run.
Everything Python goes into `.venv/` beside this checkout.
"""

from __future__ import annotations

import functools
import hashlib
import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"


class Need(NamedTuple):
    """A system library or tool, found by what it provides — a shared library's soname
    (``libcups.so.2``), a command (``pdftoppm``) or a file — so that a release that renames
    its package (``libcups2`` → ``libcups2t64`` on Debian 13 and Ubuntu 24.04) neither makes
    a present library look missing nor runs apt at every start. ``packages``: the names
    Debian and Ubuntu releases give the package that installs it, the first apt knows is
    installed when it is missing."""

    provides: str
    packages: tuple[str, ...]


def need(provides: str, *packages: str) -> Need:
    return Need(provides, packages)


# Qt refuses to load even QtCore without these on a bare Debian machine (checked on
# this project's machines; see docs/developers.md). The offscreen platform used by the
# tests needs only this set.
QT_RUNTIME = [
    need("libEGL.so.1", "libegl1"),
    need("libGL.so.1", "libgl1"),
    need("libX11.so.6", "libx11-6"),
    need("libdbus-1.so.3", "libdbus-1-3"),
    need("libfontconfig.so.1", "libfontconfig1"),
    need("libfreetype.so.6", "libfreetype6"),
    need("libglib-2.0.so.0", "libglib2.0-0t64", "libglib2.0-0"),
    need("libxkbcommon.so.0", "libxkbcommon0"),
]
# A real X display adds the xcb platform plugin's libraries; libcups2 serves printing.
QT_DISPLAY = [
    need("libxcb-cursor.so.0", "libxcb-cursor0"),
    need("libxcb-icccm.so.4", "libxcb-icccm4"),
    need("libxcb-image.so.0", "libxcb-image0"),
    need("libxcb-keysyms.so.1", "libxcb-keysyms1"),
    need("libxcb-render-util.so.0", "libxcb-render-util0"),
    need("libxcb-render.so.0", "libxcb-render0"),
    need("libxcb-shape.so.0", "libxcb-shape0"),
    need("libxcb-util.so.1", "libxcb-util1"),
    need("libxcb-xkb.so.1", "libxcb-xkb1"),
    need("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
    need("libcups.so.2", "libcups2t64", "libcups2"),
]
# Tests render PDFs to images with pdftoppm when it is there, and take screenshots on Xvfb.
# nsis: the installer script is compiled by a test (tests/packaging) on every run.
TEST_TOOLS = [
    need("pdftoppm", "poppler-utils"),
    need("Xvfb", "xvfb"),
    need("xauth", "xauth"),
    need("makensis", "nsis"),
]
# The Word (.docx) report is converted to PDF with `soffice --headless` and measured with
# the same Decree 30 layout check as the PDF report; the GUI-less Writer is enough. Tinos
# (fonts-croscore) is what fontconfig gives LibreOffice for "Times New Roman", with its
# metrics; without it the page would be set in DejaVu Serif and measure differently.
OFFICE_TOOLS = [
    need("soffice", "libreoffice-writer-nogui"),
    need("/usr/share/fonts/truetype/croscore/Tinos-Regular.ttf", "fonts-croscore"),
]


def say(message: str) -> None:
    print(f"[bootstrap] {message}", flush=True)


def run(cmd: list[str], **kwargs: object) -> None:
    say(" ".join(cmd))
    subprocess.run(cmd, check=True, **kwargs)  # type: ignore[call-overload]


def installed(name: str) -> bool:
    probe = subprocess.run(
        ["dpkg-query", "-W", "-f=${Status}", name], capture_output=True, text=True, check=False
    )
    return "install ok installed" in probe.stdout


def known_to_apt(name: str) -> bool:
    probe = subprocess.run(["apt-cache", "show", name], capture_output=True, check=False)
    return probe.returncode == 0


@functools.cache
def _linker_cache() -> str:
    probe = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True, check=False)
    return probe.stdout


def present(item: Need | str) -> bool:
    """Whether the machine has it: a :class:`Need` by what it provides, a plain package
    name (the Windows route's tools, ``wine32:i386``) by dpkg."""
    if isinstance(item, str):
        return installed(item)
    what = item.provides
    if ".so." in what:
        return any(line.split(" (")[0].strip() == what for line in _linker_cache().splitlines())
    if what.startswith("/"):
        return Path(what).exists()
    return shutil.which(what) is not None


def missing_debian_packages(items: Sequence[Need | str]) -> list[Need | str]:
    return [item for item in items if not present(item)]


def package_name(item: Need | str) -> str:
    """This release's name of the package (apt-cache answers without root, from its lists)."""
    if isinstance(item, str):
        return item
    return next((n for n in item.packages if known_to_apt(n)), item.packages[-1])


def ensure_debian_packages(packages: Sequence[Need | str]) -> None:
    if sys.platform != "linux" or shutil.which("apt-get") is None:
        return
    missing = missing_debian_packages(packages)
    if not missing:
        return
    names = [package_name(item) for item in missing]
    if os.geteuid() != 0:
        say("these system packages are missing; install them first:")
        say("  sudo apt-get install -y " + " ".join(names))
        sys.exit(1)
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    lock = ["-o", "DPkg::Lock::Timeout=600"]  # another apt (an update) may hold the lock
    run(["apt-get", *lock, "update", "-qq"], env=env)
    # Asked again after the update: on a fresh machine apt knew no package before it.
    names = [package_name(item) for item in missing]
    run(["apt-get", *lock, "install", "-y", "-qq", "--no-install-recommends", *names], env=env)


def venv_python() -> Path:
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def ensure_venv() -> None:
    if venv_python().exists():
        return
    result = subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=False)
    if result.returncode == 0:
        return
    # Debian's python3 ships without ensurepip; python3-venv brings it.
    shutil.rmtree(VENV, ignore_errors=True)
    version = f"python{sys.version_info.major}.{sys.version_info.minor}-venv"
    ensure_debian_packages(["python3-venv", version])
    run([sys.executable, "-m", "venv", str(VENV)])


def ensure_installed(extra: str) -> None:
    """pip-install the project (editable) unless pyproject.toml is unchanged since last time."""
    spec = f".[{extra}]" if extra else "."
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + spec.encode()).hexdigest()
    stamp = VENV / f".installed-{extra or 'app'}"
    if stamp.exists() and stamp.read_text() == digest:
        return
    py = str(venv_python())
    run([py, "-m", "pip", "install", "--quiet", "--upgrade", "pip"], cwd=ROOT)
    run([py, "-m", "pip", "install", "--quiet", "-e", spec], cwd=ROOT)
    stamp.write_text(digest)


def main(argv: list[str]) -> int:
    # Checked at run time on purpose: this file is run by whatever python3 the machine has.
    if sys.version_info < (3, 11):  # noqa: UP036
        say(f"hbt-desktop needs Python 3.11 or newer; this is {sys.version.split()[0]}.")
        return 1
    if not argv or argv[0] not in {"run", "test"}:
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    if command == "run":
        ensure_debian_packages(QT_RUNTIME + QT_DISPLAY)
        ensure_venv()
        ensure_installed("")
        exe = VENV / ("Scripts" if os.name == "nt" else "bin") / "hbt-desktop"
        return subprocess.run([str(exe), *rest], check=False).returncode
    ensure_debian_packages(QT_RUNTIME + QT_DISPLAY + TEST_TOOLS + OFFICE_TOOLS)
    ensure_venv()
    ensure_installed("dev")
    py = str(venv_python())
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    steps = [
        [py, "-m", "ruff", "check", "."],
        [py, "-m", "ruff", "format", "--check", "."],
        [py, "-m", "mypy"],
        [py, "-m", "pytest", *rest],
    ]
    for step in steps:
        say(" ".join(step[1:]))
        if subprocess.run(step, cwd=ROOT, env=env, check=False).returncode != 0:
            say("FAILED: " + " ".join(step[1:]))
            return 1
    say("all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

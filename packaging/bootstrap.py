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

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"

# Qt refuses to load even QtCore without these on a bare Debian machine (checked on
# this project's machines; see docs/developers.md). The offscreen platform used by the
# tests needs only this set.
QT_RUNTIME = [
    "libegl1",
    "libgl1",
    "libx11-6",
    "libdbus-1-3",
    "libfontconfig1",
    "libfreetype6",
    # Debian 13 and Ubuntu 24.04 renamed these for the 64-bit time_t transition.
    "libglib2.0-0|libglib2.0-0t64",
    "libxkbcommon0",
]
# A real X display adds the xcb platform plugin's libraries; libcups2 serves printing.
QT_DISPLAY = [
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-image0",
    "libxcb-keysyms1",
    "libxcb-render-util0",
    "libxcb-render0",
    "libxcb-shape0",
    "libxcb-util1",
    "libxcb-xkb1",
    "libxkbcommon-x11-0",
    "libcups2|libcups2t64",
]
# Tests render PDFs to images with pdftoppm when it is there, and take screenshots on Xvfb.
# nsis: the installer script is compiled by a test (tests/packaging) on every run.
TEST_TOOLS = ["poppler-utils", "xvfb", "xauth", "nsis"]
# The Word (.docx) report is converted to PDF with `soffice --headless` and measured with
# the same Decree 30 layout check as the PDF report; the GUI-less Writer is enough. Tinos
# (fonts-croscore) is what fontconfig gives LibreOffice for "Times New Roman", with its
# metrics; without it the page would be set in DejaVu Serif and measure differently.
OFFICE_TOOLS = ["libreoffice-writer-nogui", "fonts-croscore"]


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


def missing_debian_packages(packages: list[str]) -> list[str]:
    """The entries of ``packages`` none of whose names is installed. An entry is one
    package or alternatives ``a|b``: the same library under the name of each release
    (``libcups2`` on Debian 12, ``libcups2t64`` on Debian 13 and Ubuntu 24.04)."""
    return [entry for entry in packages if not any(map(installed, entry.split("|")))]


def ensure_debian_packages(packages: list[str]) -> None:
    if sys.platform != "linux" or shutil.which("apt-get") is None:
        return
    missing = missing_debian_packages(packages)
    if not missing:
        return
    # This release's name of each (apt-cache answers without root, from its lists).
    names = [next((n for n in e.split("|") if known_to_apt(n)), e.split("|")[0]) for e in missing]
    if os.geteuid() != 0:
        say("these system packages are missing; install them first:")
        say("  sudo apt-get install -y " + " ".join(names))
        sys.exit(1)
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    lock = ["-o", "DPkg::Lock::Timeout=600"]  # another apt (an update) may hold the lock
    run(["apt-get", *lock, "update", "-qq"], env=env)
    # Asked again after the update: on a fresh machine apt knew no package before it.
    names = [next((n for n in e.split("|") if known_to_apt(n)), e.split("|")[0]) for e in missing]
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

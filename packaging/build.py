#!/usr/bin/env python3
"""Build the program an office PC runs, and check it.

    python3 packaging/build.py linux       # set up .venv, freeze into dist/hbt-desktop/, smoke test
    python3 packaging/build.py smoke       # smoke test the existing dist/hbt-desktop/ again
    python3 packaging/build.py windows     # on Linux (through Wine) or on Windows: freeze,
                                           # smoke test, installer, smoke test of the installer
    python3 packaging/build.py wine-tests  # on Linux: the test suite under Wine, Windows Python
    python3 packaging/build.py lock        # pin the packaged set again (constraints.txt)

Freezing needs the network once, for the packages of the pinned set (constraints.txt, with
their hashes); the program it makes never uses the network. The smoke test runs the frozen
program as a clerk's PC would, offscreen, on a fresh database and with no fonts installed
on the system (an empty fontconfig configuration on Linux):

- the fonts, data, translation, user guide and the guide's pictures are in the folder;
- ``--version`` says the version written in pyproject.toml;
- ``bulletin`` writes the demo bulletin: its text has "4.115 tỷ 081 triệu đồng" and every
  font in it is embedded (a PDF that leans on the printer's fonts loses Vietnamese);
- ``report`` writes the Decree 30 report, likewise;
- the figures go out to an .xlsx file and back, and a ward office is set up with a
  password and a signing key (what the program imports only when first needed);
- ``--screenshot`` renders the main window: a PNG of the window's size, not one colour;
- the log says the reference-count guard is on (the frozen program bundles Python 3.11).
The files are kept in dist/smoke/ to be looked at. ``windows`` then installs, upgrades and
uninstalls the installer in a throw-away Wine prefix (packaging/README.md).

Standard library only until .venv exists; then it runs again inside .venv for the checks.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Unpack

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import bootstrap  # noqa: E402  (the README's set-up script, beside this one)
import windows_build  # noqa: E402  (the Windows route from Linux, beside this one)

DIST = ROOT / "dist"
WORK = ROOT / "build"
SPEC = HERE / "hbt-desktop.spec"
SMOKE = DIST / "smoke"
BULLETIN_FIGURE = "4.115 tỷ 081 triệu đồng"  # total budget revenue in the demo bulletin
REPORT_TITLE = "BÁO CÁO"  # the Decree 30 report's name of document type
WINDOW_SIZE = (1280, 760)  # MainWindow's first size, before any saved geometry
# PyInstaller reads ELF files with binutils' objdump on Linux.
BUILD_TOOLS = [bootstrap.need("objdump", "binutils")]
# Windows' platform plugins: without them Qt stops at start with a message box (a windowed
# program then waits for a click that never comes: issue 16's "runaway" starter).
QT_PLATFORMS = ("qwindows.dll", "qoffscreen.dll")


def say(message: str) -> None:
    print(f"[build] {message}", flush=True)


def utf8_output() -> None:
    """This script's own Vietnamese output, in UTF-8 into whatever pipe (cp1252 on Windows)."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="backslashreplace")


def project() -> dict[str, str]:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return {"name": data["name"], "version": data["version"]}


def app_dir() -> Path:
    return DIST / project()["name"]


def cli_exe(windows: bool) -> Path:
    """The starter that prints: on Windows the console one, elsewhere the only one."""
    name = project()["name"]
    return app_dir() / (f"{name}-cli.exe" if windows else name)


@dataclass(frozen=True)
class Host:
    """Where the frozen program runs: here, or (``prefix``) under Wine in that prefix."""

    prefix: Path | None = None

    @property
    def windows(self) -> bool:
        return self.prefix is not None or os.name == "nt"

    def path(self, path: Path) -> str:
        return windows_build.winpath(path) if self.prefix is not None else str(path)

    def run(
        self, args: Sequence[str | Path], **options: Unpack[windows_build.RunOptions]
    ) -> subprocess.CompletedProcess[str]:
        texts = [a if isinstance(a, str) else self.path(a) for a in args]
        if self.prefix is not None:
            return windows_build.run_windows(texts, self.prefix, **options)
        env = options.pop("env", None)
        options.pop("display", None)  # a real display is the caller's here
        full = None if env is None else {**os.environ, **env}
        return windows_build.run_piped(texts, env=full, **options)


def in_venv() -> bool:
    return Path(sys.prefix).resolve() == bootstrap.VENV.resolve()


def reexec_in_venv(argv: list[str]) -> int:
    """Set up .venv as the README does (plus PyInstaller), then run this script in it."""
    if sys.platform == "linux":
        windows = argv[0] in {"windows", "wine-tests"}
        tools = windows_build.TOOLS if windows else []
        if windows:
            windows_build.ensure_foreign_architecture()
        bootstrap.ensure_debian_packages(bootstrap.QT_RUNTIME + BUILD_TOOLS + tools)
    bootstrap.ensure_venv()
    # dev: pypdf and Pillow read the smoke test's PDF and PNG; packaging: PyInstaller.
    bootstrap.ensure_installed("dev,packaging")
    py = str(bootstrap.venv_python())
    script = str(Path(__file__).resolve())
    env = dict(os.environ, PYTHONUTF8="1")
    return subprocess.run([py, script, *argv], cwd=ROOT, env=env, check=False).returncode


def pin_packaged_set() -> None:
    """The packages that go into the program, at the versions and hashes of
    constraints.txt: two builds on different days bundle the same Qt."""
    sections = windows_build.constraint_sections()
    entries = sections[windows_build.BOTH_SECTION]
    if os.name == "nt":  # PyInstaller's Windows-only dependencies, pinned too
        entries += sections[windows_build.WINDOWS_SECTION]
    windows_build.pip_pinned(sys.executable, "install", entries)


# -- freezing -------------------------------------------------------------------------------


def freeze(host: Host, python: Path | None = None) -> tuple[float, int]:
    """Run PyInstaller on the spec (with the Windows ``python`` under Wine, if given);
    returns (seconds, bytes of the folder)."""
    shutil.rmtree(app_dir(), ignore_errors=True)
    say(f"freezing {project()['name']} {project()['version']} with PyInstaller …")
    started = time.perf_counter()
    interpreter: str | Path = python if python is not None else sys.executable
    done = host.run(
        [
            interpreter,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            DIST,
            "--workpath",
            WORK / "pyinstaller",
            SPEC,
        ],
        cwd=ROOT,
        timeout=1800,
    )
    # Windows 10's own C runtime (api-ms-win-crt-*) is not bundled, rightly: not a warning.
    noise = re.compile(r"WARNING: Library not found: could not resolve 'api-ms-win-")
    for line in (done.stdout + done.stderr).splitlines():
        if line.strip() and not noise.search(line):
            print(line, flush=True)
    if done.returncode != 0:
        raise SystemExit(f"[build] FAILED: PyInstaller exited with {done.returncode}")
    seconds = time.perf_counter() - started
    # PyInstaller links some libraries into place: count each file once, as `du` does.
    size = sum(p.stat().st_size for p in app_dir().rglob("*") if p.is_file() and not p.is_symlink())
    say(f"built {app_dir().relative_to(ROOT)} in {seconds:.0f} s, {size / 1e6:.0f} MB")
    return seconds, size


# -- the smoke test ---------------------------------------------------------------------------


EMPTY_FONTCONFIG = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<!-- No <dir>: fontconfig finds no font at all, as on a PC with none installed. -->
<fontconfig>
  <cachedir>{cache}</cachedir>
</fontconfig>
"""


def smoke_env(folder: Path, host: Host) -> dict[str, str]:
    """A clean user (own home, data, log and settings folders), offscreen, no system fonts."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("HBT_DESKTOP_", "QT_", "FONTCONFIG_", "PYTHON", "WIN_PD_"))
    }
    home = folder / "home"
    home.mkdir(exist_ok=True)
    env.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_STATE_HOME=str(home / "state"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_CACHE_HOME=str(home / "cache"),
        QT_QPA_PLATFORM="offscreen",
    )
    if host.windows:
        env.update(windows_profile(home / "local", home / "roaming", host))
    if sys.platform == "linux" and not host.windows:
        conf = folder / "fonts-empty.conf"
        conf.write_text(EMPTY_FONTCONFIG.format(cache=folder / "fc-cache"), encoding="utf-8")
        env["FONTCONFIG_FILE"] = str(conf)
    return env


def windows_profile(local: Path, roaming: Path, host: Host) -> dict[str, str]:
    """Data, logs and settings of a Windows program in these folders instead of the user's.

    platformdirs ignores LOCALAPPDATA/APPDATA (it asks Windows, and Wine sets them from its
    own profile anyway); from version 4.8 on it honours WIN_PD_OVERRIDE_<folder> first."""
    local.mkdir(parents=True, exist_ok=True)
    roaming.mkdir(parents=True, exist_ok=True)
    return {
        "WIN_PD_OVERRIDE_LOCAL_APPDATA": host.path(local),
        "WIN_PD_OVERRIDE_APPDATA": host.path(roaming),
        "LOCALAPPDATA": host.path(local),
        "APPDATA": host.path(roaming),
    }


def run_frozen(
    host: Host,
    exe: Path,
    args: Sequence[str | Path],
    env: dict[str, str],
    folder: Path,
    *,
    display: bool = False,
) -> str:
    say("  $ " + " ".join([exe.name, *(a if isinstance(a, str) else a.name for a in args)]))
    done = host.run([exe, *args], env=env, cwd=folder, timeout=300, display=display)
    output = (done.stdout + done.stderr).strip()
    if done.returncode != 0:
        raise SystemExit(f"[build] FAILED ({done.returncode}): {exe.name} {args}\n{output}")
    return output


def check_pdf(path: Path, must_contain: str | None) -> str:
    from pypdf import PdfReader

    reader = PdfReader(path)
    text = unicodedata.normalize("NFC", "\n".join(p.extract_text() or "" for p in reader.pages))
    if must_contain is not None and must_contain not in re.sub(r"\s+", " ", text):
        raise SystemExit(f"[build] FAILED: {path.name} does not contain «{must_contain}»")
    fonts: dict[str, bool] = {}
    for page in reader.pages:
        resources = page.get("/Resources")
        font_dict = resources.get_object().get("/Font") if resources else None
        for ref in (font_dict.get_object() if font_dict else {}).values():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            embedded = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            fonts[str(font.get("/BaseFont"))] = embedded
    missing = sorted(name for name, embedded in fonts.items() if not embedded)
    if not fonts or missing:
        raise SystemExit(f"[build] FAILED: {path.name}: fonts not embedded: {missing or 'none'}")
    return f"{len(reader.pages)} pages, {len(fonts)} fonts, all embedded"


def check_png(path: Path) -> str:
    from PIL import Image

    if not path.is_file():
        raise SystemExit(f"[build] FAILED: no screenshot at {path}")
    with Image.open(path) as image:
        size = image.size
        colours = image.convert("RGB").getcolors(maxcolors=1 << 20) or []
    if size != WINDOW_SIZE:
        raise SystemExit(f"[build] FAILED: screenshot is {size}, expected {WINDOW_SIZE}")
    # A blank or failed grab is one colour; a window whose text is drawn (anti-aliased
    # letters) has hundreds. Empty boxes instead of letters would pass this count: the
    # picture must also be looked at (dist/smoke/main-window.png).
    if len(colours) < 50:
        raise SystemExit(f"[build] FAILED: screenshot has only {len(colours)} colours")
    return f"{size[0]}×{size[1]}, {len(colours)} colours"


def check_bundled_files(host: Host) -> str:
    """The files the program reads at run time are in the frozen folder: the fonts, the
    reference and demo data, the translation, the user guide and every picture it shows
    (and on Windows Qt's platform plugins)."""
    resources = app_dir() / "_internal" / "resources"
    guide = resources / "docs" / "huong-dan-su-dung.md"
    needed = [
        resources / "fonts" / "Arimo-Regular.ttf",
        resources / "fonts" / "Tinos-Regular.ttf",
        resources / "fonts" / "OFL.txt",
        resources / "reference" / "indicators.csv",
        resources / "demo" / "demo.json",
        resources / "i18n" / "hbt_desktop_vi.qm",
        guide,
    ]
    if host.windows:
        platforms = app_dir() / "_internal" / "PySide6" / "plugins" / "platforms"
        needed += [platforms / name for name in QT_PLATFORMS]
    if guide.is_file():
        pictures = set(re.findall(r"images/[\w.-]+", guide.read_text(encoding="utf-8")))
        needed += [guide.parent / picture for picture in sorted(pictures)]
    missing = [str(p.relative_to(app_dir())) for p in needed if not p.is_file()]
    if missing:
        raise SystemExit(f"[build] FAILED: missing from the frozen folder: {missing}")
    return f"{len(needed)} files present (fonts, data, translation, guide and its pictures)"


def smoke(host: Host) -> None:
    exe = cli_exe(host.windows)
    if not exe.exists():
        raise SystemExit(f"[build] no frozen program at {exe}: run `build.py linux` first")
    say(f"smoke test of {app_dir().relative_to(ROOT)} (offscreen, no system fonts)")
    say(f"  resources: {check_bundled_files(host)}")
    shutil.rmtree(SMOKE, ignore_errors=True)
    SMOKE.mkdir(parents=True)
    with tempfile.TemporaryDirectory(prefix="hbt-smoke-") as tmp:
        folder = Path(tmp)
        env = smoke_env(folder, host)
        db = folder / "smoke.db"  # a fresh database: the program seeds it with the demo

        expected = f"{project()['name']} {project()['version']}"
        got = run_frozen(host, exe, ["--version"], env, folder)
        if got != expected:
            raise SystemExit(f"[build] FAILED: --version says {got!r}, expected {expected!r}")
        say(f"  version: {got}")

        bulletin = SMOKE / "bulletin.pdf"
        run_frozen(host, exe, ["--db", db, "bulletin", "--out", bulletin], env, folder)
        say(f"  bulletin: {check_pdf(bulletin, BULLETIN_FIGURE)}; has «{BULLETIN_FIGURE}»")
        report = SMOKE / "report.pdf"
        run_frozen(host, exe, ["--db", db, "report", "--out", report], env, folder)
        say(f"  report: {check_pdf(report, None)}")

        # What the program loads only when first needed, run once in the frozen build:
        # spreadsheets (openpyxl, defusedxml), passwords (argon2), signing keys
        # (cryptography's Ed25519).
        sheet = folder / "values.xlsx"
        run_frozen(host, exe, ["--db", db, "export", "values", sheet], env, folder)
        run_frozen(host, exe, ["--db", db, "import", "values", sheet, "--dry-run"], env, folder)
        office = dict(env, HBT_DESKTOP_PASSWORD="mật khẩu 2023", HBT_DESKTOP_KEYS=host.path(folder))
        ward: list[str | Path] = ["--db", folder / "ward.db"]
        setup = ["setup", *ward, "--role", "ward", "--unit", "00241", "--admin", "qt"]
        run_frozen(host, exe, [*setup, "--name", "Quản Trị"], office, folder)
        key = ["package", "key", "--out", folder / "ward.key", *ward]
        run_frozen(host, exe, key, office, folder)
        say("  spreadsheet out and back, a ward set up with a password and a signing key: ok")

        shot = SMOKE / "main-window.png"
        # Under Wine on Qt's windows platform on a virtual screen: Windows Qt's offscreen
        # platform ran on after writing the picture, memory growing (issue 16, finding 7).
        wine = host.prefix is not None
        shot_env = {k: v for k, v in env.items() if not (wine and k == "QT_QPA_PLATFORM")}
        run_frozen(host, exe, ["--db", db, "--screenshot", shot], shot_env, folder, display=wine)
        say(f"  screenshot: {check_png(shot)}")

        logs = [p.read_text(encoding="utf-8") for p in folder.rglob("hbt-desktop.log")]
        if not any("refcount guard applied (Python 3.11" in t for t in logs):
            raise SystemExit("[build] FAILED: the log does not say the refcount guard is on")
        say("  refcount guard: on (the bundled Python is 3.11)")
    say(f"smoke test passed; look at {SMOKE.relative_to(ROOT)}/main-window.png and the PDFs")


# -- the Windows installer ---------------------------------------------------------------------


def numeric_version(version: str) -> str:
    """Windows file versions are four numbers: 0.1.0 -> 0.1.0.0, 1.2.0rc1 -> 1.2.0.0."""
    numbers = [int(n) for n in re.findall(r"\d+", version.split("+", maxsplit=1)[0])[:3]]
    return ".".join(str(n) for n in [*numbers, 0, 0, 0, 0][:4])


def fill_template(template: str, fields: dict[str, str]) -> str:
    """Replace ``@NAME@`` fields; a field left unfilled is a mistake, not a literal."""
    text = template
    for key, value in fields.items():
        text = text.replace(f"@{key}@", value)
    left = sorted(set(re.findall(r"@[A-Z_]+@", text)))
    if left:
        raise SystemExit(f"[build] unfilled fields in the installer template: {left}")
    return text


def find_makensis() -> Path:
    found = shutil.which("makensis")
    candidates = [Path(found)] if found else []
    for base in (os.environ.get("PROGRAMFILES(X86)"), os.environ.get("PROGRAMFILES")):
        if base:
            candidates.append(Path(base) / "NSIS" / "makensis.exe")
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    raise SystemExit(
        "[build] NSIS (makensis) not found: `apt-get install nsis`, or NSIS 3 on Windows"
    )


def installer_script(source_dir: str, output_file: str) -> str:
    """The NSIS script for this version, from the template."""
    meta = project()
    fields = {
        "APP_NAME": meta["name"],
        "APP_VERSION": meta["version"],
        "APP_VERSION_NUMERIC": numeric_version(meta["version"]),
        "SOURCE_DIR": source_dir,
        "OUTPUT_FILE": output_file,
        "ICON_FILE": str(HERE / "windows" / "hbt-desktop.ico"),
    }
    template = (HERE / "windows" / "hbt-desktop.nsi.in").read_text(encoding="utf-8")
    return fill_template(template, fields)


def compile_installer(script_text: str, script: Path) -> subprocess.CompletedProcess[str]:
    """makensis on ``script_text``; -WX: a warning (a message left in English) fails."""
    script.parent.mkdir(parents=True, exist_ok=True)
    # makensis reads a script as UTF-8 only with a byte-order mark (Vietnamese messages).
    script.write_text(script_text, encoding="utf-8-sig")
    return subprocess.run(
        [str(find_makensis()), "-V2", "-WX", "-INPUTCHARSET", "UTF8", str(script)],
        capture_output=True,
        text=True,
        check=False,
    )


def installer() -> Path:
    meta = project()
    out = DIST / "installer"
    out.mkdir(parents=True, exist_ok=True)
    setup = out / f"{meta['name']}-{meta['version']}-setup.exe"
    script = WORK / "windows" / "hbt-desktop.nsi"
    done = compile_installer(installer_script(str(app_dir()), str(setup)), script)
    if done.returncode != 0:
        raise SystemExit(f"[build] FAILED: makensis\n{done.stdout}\n{done.stderr}")
    say(f"installer: {setup.relative_to(ROOT)} ({setup.stat().st_size / 1e6:.0f} MB)")
    return setup


# -- the installer's smoke test (in a throw-away Wine prefix) ------------------------------------


def installed_smoke(setup: Path) -> None:
    """Install per user, silently; print the bulletin and the report with the installed
    command line; start the window, screenshot, exit; install again over it (upgrade);
    uninstall; the data folder is kept. Then: an older Windows is refused."""
    name, version = project()["name"], project()["version"]
    say(f"installer smoke test in a throw-away Wine prefix: {setup.name}")
    with windows_build.throwaway_prefix("install") as prefix:
        host = Host(prefix)
        install(host, setup)
        (local,) = (prefix / "drive_c" / "users").glob("*/AppData/Local")
        app, data = local / "Programs" / name, local / name
        for exe in (f"{name}.exe", f"{name}-cli.exe", "uninstall.exe"):
            if not (app / exe).is_file():
                raise SystemExit(f"[build] FAILED: {exe} not installed in {app}")
        say(f"  installed per user in {app.relative_to(prefix)}: {check_version_resource(app)}")
        say(f"  .hbt opens with: {check_association(host)}")
        with tempfile.TemporaryDirectory(prefix="hbt-installed-") as tmp:
            folder = Path(tmp)
            env = {"QT_QPA_PLATFORM": "offscreen"}
            cli = app / f"{name}-cli.exe"
            bulletin = SMOKE / "installed-bulletin.pdf"
            run_frozen(host, cli, ["bulletin", "--out", bulletin], env, folder)
            found = check_pdf(bulletin, BULLETIN_FIGURE)
            say(f"  bulletin from the installed program: {found}; has «{BULLETIN_FIGURE}»")
            report = SMOKE / "installed-report.pdf"
            run_frozen(host, cli, ["report", "--out", report], env, folder)
            found = check_pdf(report, REPORT_TITLE)
            say(f"  report from the installed program: {found}; has «{REPORT_TITLE}»")
            if not (data / f"{name}.db").is_file():
                raise SystemExit(f"[build] FAILED: no database in the data folder {data}")
            shot = SMOKE / "installed-main-window.png"
            say(f"  the window: {windowed_screenshot(host, app / f'{name}.exe', shot)}")

            install(host, setup)  # the same version again over it: the upgrade path
            got = run_frozen(host, cli, ["--version"], env, folder)
            if got != f"{name} {version}" or not (data / f"{name}.db").is_file():
                raise SystemExit(f"[build] FAILED after the upgrade: {got!r}")
            say("  installed again over it (upgrade): same folder, data kept")

            done = host.run([app / "uninstall.exe", "/S"], timeout=300)
            windows_build.wait_for_wine(prefix)
            left = sorted(p.name for p in app.rglob("*")) if app.exists() else []
            if done.returncode != 0 or left:
                raise SystemExit(f"[build] FAILED: uninstall ({done.returncode}) left {left}")
            if not (data / f"{name}.db").is_file():
                raise SystemExit("[build] FAILED: the uninstaller removed the data folder")
            if "hbt-desktop.package" in registry(host, r"HKCU\Software\Classes\.hbt"):
                raise SystemExit("[build] FAILED: the .hbt association outlived the uninstall")
            say(f"  uninstalled: program folder gone, data kept in {data.relative_to(prefix)}")
    for label, arch, version in REFUSED_WINDOWS:
        with windows_build.throwaway_prefix(arch, windows_version=version, arch=arch) as prefix:
            say(f"  {label}: {check_refused(Host(prefix), setup)}")
    say("installer smoke test passed")


# Windows the installer must refuse, as Wine prefixes: (what, architecture, winecfg -v).
REFUSED_WINDOWS = [
    ("64-bit Windows 7 (winecfg -v win7)", "win64", "win7"),
    ("32-bit Windows 10 (a win32 prefix)", "win32", "win10"),
]


def check_refused(host: Host, setup: Path) -> str:
    """The installer, run silently, ends with the refusal's exit code and installs nothing
    (its Vietnamese sentence is the message box a silent run does not show: the template's
    OldWindows, checked to be Vietnamese by tests/packaging)."""
    assert host.prefix is not None
    done = host.run([setup, "/S"], timeout=300)
    windows_build.wait_for_wine(host.prefix)
    users = host.prefix / "drive_c" / "users"
    installed = list(users.glob(f"*/AppData/Local/Programs/{project()['name']}"))
    if done.returncode != REFUSED or installed:
        raise SystemExit(f"[build] FAILED: not refused ({done.returncode}), installed {installed}")
    return f"refused (exit code {REFUSED}), nothing installed"


REFUSED = 3  # the installer's exit code for a refusal (hbt-desktop.nsi.in)


def install(host: Host, setup: Path) -> None:
    assert host.prefix is not None
    done = host.run([setup, "/S"], timeout=600)
    windows_build.wait_for_wine(host.prefix)
    if done.returncode != 0:
        raise SystemExit(f"[build] FAILED: {setup.name} /S exited with {done.returncode}")


def registry(host: Host, key: str) -> str:
    done = host.run(["reg", "query", key, "/s"], timeout=120)
    return done.stdout if done.returncode == 0 else ""


def check_association(host: Host) -> str:
    found = registry(host, r"HKCU\Software\Classes\hbt-desktop.package\shell\open\command")
    if "hbt-desktop.package" not in registry(host, r"HKCU\Software\Classes\.hbt"):
        raise SystemExit("[build] FAILED: .hbt is not associated with hbt-desktop")
    command = next((line for line in found.splitlines() if "%1" in line), "")
    if f"{project()['name']}.exe" not in command:
        raise SystemExit(f"[build] FAILED: the .hbt open command is {found!r}")
    return command.split("REG_SZ", 1)[-1].strip()


def check_version_resource(app: Path) -> str:
    """The exe says its product name and version (Explorer → Properties → Details)."""
    name, version = project()["name"], project()["version"]
    data = (app / f"{name}.exe").read_bytes()
    wanted = [
        "ProductName\0".encode("utf-16-le") + b"\0\0" * 0,
        f"{name}\0".encode("utf-16-le"),
        "ProductVersion\0".encode("utf-16-le"),
        f"{version}\0".encode("utf-16-le"),
    ]
    missing = [w.decode("utf-16-le").strip("\0") for w in wanted if w not in data]
    if missing:
        raise SystemExit(f"[build] FAILED: the exe's version resource lacks {missing}")
    return f"version resource {name} {version}"


def windowed_screenshot(host: Host, exe: Path, shot: Path) -> str:
    """The windowed starter on a virtual screen: it must write its picture and exit by
    itself. Bounded: a starter still running after 3 minutes fails the build (issue 16
    saw one run on with memory growing; it was Wine aborting on a missing function and a
    Qt message box nobody could close, see packaging/README.md)."""
    started = time.perf_counter()
    try:
        done = host.run([exe, "--screenshot", shot], timeout=180, display=True)
    except subprocess.TimeoutExpired:
        raise SystemExit("[build] FAILED: the windowed program did not exit in 3 minutes") from None
    finally:
        if host.prefix is not None:
            windows_build.end_wine(host.prefix)
    if done.returncode != 0:
        raise SystemExit(f"[build] FAILED: the window exited with {done.returncode}")
    return f"{check_png(shot)}, exited by itself in {time.perf_counter() - started:.0f} s"


# -- the test suite under Wine ---------------------------------------------------------------------


def wine_tests(python: Path, host: Host, args: Sequence[str]) -> int:
    """The whole suite with the Windows Python; a new user profile of its own."""
    with tempfile.TemporaryDirectory(prefix="hbt-wine-tests-") as tmp:
        env = windows_profile(Path(tmp) / "local", Path(tmp) / "roaming", host)
        # UTF-8 for pytest's own report only (not PYTHONUTF8: the tests must meet Windows'
        # ANSI code page, as the clerks' programs do, and found bugs by it).
        env.update(
            QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1", PYTHONIOENCODING="utf-8"
        )
        say("the test suite under Wine, with the Windows Python 3.11 and the Windows wheels")
        done = host.run(
            [python, "-m", "pytest", "-p", "no:cacheprovider", *args],
            env=env,
            cwd=ROOT,
            timeout=3600,
            stream=True,
        )
    return done.returncode


# -- the Windows program from Linux ------------------------------------------------------------


def project_wheel() -> Path:
    """The project as a wheel: its metadata goes into the Windows Python (for the version)."""
    out = WORK / "wheel"
    shutil.rmtree(out, ignore_errors=True)
    windows_build.pip(sys.executable, "wheel", "--quiet", "--no-deps", "-w", str(out), str(ROOT))
    (wheel,) = out.glob("*.whl")
    return wheel


def windows_on_linux() -> tuple[Host, Path]:
    """The Windows CPython with the pinned wheels, and the build's Wine prefix."""
    python = windows_build.windows_python(sys.executable, project_wheel())
    prefix = windows_build.make_prefix(windows_build.CACHE / "wine-build")
    return Host(prefix), python


# -- pinning the packaged set ----------------------------------------------------------------------


# What the Wine run needs beyond the program: the test tools (never bundled), PyInstaller,
# and the Windows-only dependencies pip cannot see from Linux (sys_platform markers).
TEST_TOOLS = {"mypy", "ruff"}  # run on Linux only: not pinned for Windows
WINDOWS_ONLY = ["pefile", "pywin32-ctypes", "colorama"]
# Linux wheels a Debian 12 / Ubuntu 22.04+ machine can install (glibc 2.35 or later).
LINUX_PLATFORMS = [
    *(f"manylinux_2_{minor}_x86_64" for minor in range(35, 4, -1)),
    "manylinux2014_x86_64",
    "manylinux1_x86_64",
    "linux_x86_64",
]


def lock() -> int:
    """Write constraints.txt again: the newest versions the requirements allow, resolved
    for Windows, each with the hashes of its Windows and Linux wheels."""
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = data["optional-dependencies"]
    wanted = [*data["dependencies"], *extras["packaging"]]
    wanted += [r for r in extras["dev"] if re.split(r"[<>=\[ ]", r)[0] not in TEST_TOOLS]
    python = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        win, linux = Path(tmp) / "win", Path(tmp) / "linux"
        windows_build.pip(
            python,
            "download",
            "--quiet",
            "-d",
            str(win),
            *windows_build.WIN_PLATFORM,
            *wanted,
            *WINDOWS_ONLY,
        )
        found = {}
        for wheel in win.glob("*.whl"):
            name, version = wheel.name.split("-")[:2]
            found[windows_build.normalise(name)] = version
        both = sorted(n for n in found if n not in WINDOWS_ONLY)
        platforms = [arg for p in LINUX_PLATFORMS for arg in ("--platform", p)]
        windows_build.pip(
            python,
            "download",
            "--quiet",
            "--no-deps",
            "-d",
            str(linux),
            "--only-binary=:all:",
            "--python-version",
            "3.11",
            *platforms,
            *(f"{n}=={found[n]}" for n in both),
        )
        hashes: dict[str, set[str]] = {}
        for wheel in [*win.glob("*.whl"), *linux.glob("*.whl")]:
            name = windows_build.normalise(wheel.name.split("-")[0])
            hashes.setdefault(name, set()).add(hashlib.sha256(wheel.read_bytes()).hexdigest())
    old = windows_build.constraint_sections()[windows_build.PYTHON_SECTION]

    def entry(name: str) -> str:
        lines = [f"{name}=={found[name]}"] + [
            f"    --hash=sha256:{h}" for h in sorted(hashes[name])
        ]
        return " \\\n".join(lines)

    text = CONSTRAINTS_HEADER + "# [python]\n" + "\n".join(old) + "\n\n# [both]\n"
    text += "\n".join(entry(n) for n in both) + "\n\n# [windows]\n"
    text += "\n".join(entry(n) for n in sorted(WINDOWS_ONLY)) + "\n"
    windows_build.CONSTRAINTS.write_text(text, encoding="utf-8")
    say(f"pinned {len(found)} packages in {windows_build.CONSTRAINTS.relative_to(ROOT)}")
    return 0


CONSTRAINTS_HEADER = """\
# The packaged set, pinned: what the Linux and the Windows freezes bundle, and what the test
# suite runs on under Wine. Two builds on different days bundle the same Qt.
# Written by `python3 packaging/build.py lock` (newest versions pyproject.toml allows,
# resolved for Windows; each with the hashes of its Windows and Linux wheels). Sections:
#   [python]  the Windows CPython (python.org's signed embeddable 3.11.9 amd64 zip)
#   [both]    installed into .venv for the Linux freeze, and the Windows wheels for Wine
#   [windows] Windows-only dependencies (pip evaluates sys_platform for the host: by hand)

"""


# -- the command -------------------------------------------------------------------------------


def main(argv: list[str]) -> int:
    utf8_output()
    targets = {"linux", "windows", "smoke", "wine-tests", "lock"}
    if not argv or argv[0] not in targets:
        print(__doc__)
        return 2
    if argv[0] == "lock":
        return lock()
    if not in_venv():
        return reexec_in_venv(argv)
    target = argv[0]
    if target == "linux" and sys.platform != "linux":
        raise SystemExit("[build] `linux` builds on Linux; on Windows use `windows`")
    if target == "wine-tests":
        host, python = windows_on_linux()
        return wine_tests(python, host, argv[1:])
    pin_packaged_set()
    if target == "windows" and sys.platform == "linux":
        started = time.perf_counter()
        host, python = windows_on_linux()
        seconds, size = freeze(host, python)
        smoke(host)
        installed_smoke(installer())
        say(f"done: Windows program and installer in {time.perf_counter() - started:.0f} s")
        return 0
    host = Host()
    if target != "smoke":
        seconds, size = freeze(host)
    smoke(host)
    if target == "windows":
        installer()
        say("the installer's own smoke test runs through Wine on Linux (packaging/README.md)")
    if target != "smoke":
        say(f"done: {app_dir().relative_to(ROOT)} — {size / 1e6:.0f} MB, frozen in {seconds:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

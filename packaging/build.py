#!/usr/bin/env python3
"""Build the program an office PC runs, and check it.

    python3 packaging/build.py linux     # set up .venv, freeze into dist/hbt-desktop/, smoke test
    python3 packaging/build.py smoke     # smoke test the existing dist/hbt-desktop/ again
    py packaging\\build.py windows        # on Windows: freeze, smoke test, then the installer

Freezing needs the network once, to pip-install PyInstaller into .venv (the `packaging`
extra); the program it makes never uses the network. The smoke test runs the frozen
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
The files are kept in dist/smoke/ to be looked at.

Standard library only until .venv exists; then it runs again inside .venv for the checks.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import bootstrap  # noqa: E402  (the README's set-up script, beside this one)

DIST = ROOT / "dist"
WORK = ROOT / "build"
SPEC = HERE / "hbt-desktop.spec"
SMOKE = DIST / "smoke"
BULLETIN_FIGURE = "4.115 tỷ 081 triệu đồng"  # total budget revenue in the demo bulletin
WINDOW_SIZE = (1280, 760)  # MainWindow's first size, before any saved geometry
# PyInstaller reads ELF files with binutils' objdump on Linux.
BUILD_TOOLS = ["binutils"]
# The unofficial Vietnamese messages of Inno Setup are not installed with it; they live in
# Inno Setup's source repository. Pinned to one commit so the installer's wording does not
# change under us.
VIETNAMESE_ISL_URL = (
    "https://raw.githubusercontent.com/jrsoftware/issrc/"
    "09b24879e5be49278ef223dc3d1b07c856369ea2/Files/Languages/Unofficial/Vietnamese.isl"
)


def say(message: str) -> None:
    print(f"[build] {message}", flush=True)


def project() -> dict[str, str]:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return {"name": data["name"], "version": data["version"]}


def app_dir() -> Path:
    return DIST / project()["name"]


def cli_exe() -> Path:
    """The starter that prints: on Windows the console one, elsewhere the only one."""
    name = project()["name"]
    if os.name == "nt":
        return app_dir() / f"{name}-cli.exe"
    return app_dir() / name


def in_venv() -> bool:
    return Path(sys.prefix).resolve() == bootstrap.VENV.resolve()


def reexec_in_venv(argv: list[str]) -> int:
    """Set up .venv as the README does (plus PyInstaller), then run this script in it."""
    if sys.platform == "linux":
        bootstrap.ensure_debian_packages(bootstrap.QT_RUNTIME + BUILD_TOOLS)
    bootstrap.ensure_venv()
    # dev: pypdf and Pillow read the smoke test's PDF and PNG; packaging: PyInstaller.
    bootstrap.ensure_installed("dev,packaging")
    py = str(bootstrap.venv_python())
    script = str(Path(__file__).resolve())
    return subprocess.run([py, script, *argv], cwd=ROOT, check=False).returncode


# -- freezing -------------------------------------------------------------------------------


def freeze() -> tuple[float, int]:
    """Run PyInstaller on the spec; returns (seconds, bytes of the folder)."""
    shutil.rmtree(app_dir(), ignore_errors=True)
    say(f"freezing {project()['name']} {project()['version']} with PyInstaller …")
    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            str(DIST),
            "--workpath",
            str(WORK / "pyinstaller"),
            str(SPEC),
        ],
        cwd=ROOT,
        check=True,
    )
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


def smoke_env(folder: Path) -> dict[str, str]:
    """A clean user (own home, data, log and settings folders), offscreen, no system fonts."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("HBT_DESKTOP_", "QT_", "FONTCONFIG_", "PYTHON"))
    }
    home = folder / "home"
    home.mkdir()
    env.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_STATE_HOME=str(home / "state"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_CACHE_HOME=str(home / "cache"),
        QT_QPA_PLATFORM="offscreen",
    )
    if os.name == "nt":
        env.update(LOCALAPPDATA=str(home / "local"), APPDATA=str(home / "roaming"))
    if sys.platform == "linux":
        conf = folder / "fonts-empty.conf"
        conf.write_text(EMPTY_FONTCONFIG.format(cache=folder / "fc-cache"), encoding="utf-8")
        env["FONTCONFIG_FILE"] = str(conf)
    return env


def run_frozen(args: list[str], env: dict[str, str], folder: Path) -> str:
    cmd = [str(cli_exe()), *args]
    say("  $ " + " ".join([cli_exe().name, *args]))
    done = subprocess.run(
        cmd,
        env=env,
        cwd=folder,
        capture_output=True,
        encoding="utf-8",  # the frozen program runs in Python's UTF-8 mode (the spec)
        errors="replace",
        timeout=300,
        check=False,
    )
    output = (done.stdout + done.stderr).strip()
    if done.returncode != 0:
        raise SystemExit(f"[build] FAILED ({done.returncode}): {' '.join(cmd)}\n{output}")
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


def check_bundled_files() -> str:
    """The files the program reads at run time are in the frozen folder: the fonts, the
    reference and demo data, the translation, the user guide and every picture it shows."""
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
    if guide.is_file():
        pictures = set(re.findall(r"images/[\w.-]+", guide.read_text(encoding="utf-8")))
        needed += [guide.parent / picture for picture in sorted(pictures)]
    missing = [str(p.relative_to(app_dir())) for p in needed if not p.is_file()]
    if missing:
        raise SystemExit(f"[build] FAILED: missing from the frozen folder: {missing}")
    return f"{len(needed)} files present (fonts, data, translation, guide and its pictures)"


def smoke() -> None:
    if not cli_exe().exists():
        raise SystemExit(f"[build] no frozen program at {cli_exe()}: run `build.py linux` first")
    say(f"smoke test of {app_dir().relative_to(ROOT)} (offscreen, no system fonts)")
    say(f"  resources: {check_bundled_files()}")
    shutil.rmtree(SMOKE, ignore_errors=True)
    SMOKE.mkdir(parents=True)
    with tempfile.TemporaryDirectory(prefix="hbt-smoke-") as tmp:
        folder = Path(tmp)
        env = smoke_env(folder)
        db = folder / "smoke.db"  # a fresh database: the program seeds it with the demo

        expected = f"{project()['name']} {project()['version']}"
        got = run_frozen(["--version"], env, folder)
        if got != expected:
            raise SystemExit(f"[build] FAILED: --version says {got!r}, expected {expected!r}")
        say(f"  version: {got}")

        bulletin = SMOKE / "bulletin.pdf"
        run_frozen(["--db", str(db), "bulletin", "--out", str(bulletin)], env, folder)
        say(f"  bulletin: {check_pdf(bulletin, BULLETIN_FIGURE)}; has «{BULLETIN_FIGURE}»")
        report = SMOKE / "report.pdf"
        run_frozen(["--db", str(db), "report", "--out", str(report)], env, folder)
        say(f"  report: {check_pdf(report, None)}")

        # What the program loads only when first needed, run once in the frozen build:
        # spreadsheets (openpyxl, defusedxml), passwords (argon2), signing keys
        # (cryptography's Ed25519).
        sheet = folder / "values.xlsx"
        run_frozen(["--db", str(db), "export", "values", str(sheet)], env, folder)
        run_frozen(["--db", str(db), "import", "values", str(sheet), "--dry-run"], env, folder)
        office = dict(env, HBT_DESKTOP_PASSWORD="mật khẩu 2023", HBT_DESKTOP_KEYS=str(folder))
        ward = ["--db", str(folder / "ward.db")]
        setup = ["setup", *ward, "--role", "ward", "--unit", "00241", "--admin", "qt"]
        run_frozen([*setup, "--name", "Quản Trị"], office, folder)
        run_frozen(["package", "key", "--out", str(folder / "ward.key"), *ward], office, folder)
        say("  spreadsheet out and back, a ward set up with a password and a signing key: ok")

        shot = SMOKE / "main-window.png"
        run_frozen(["--db", str(db), "--screenshot", str(shot)], env, folder)
        say(f"  screenshot: {check_png(shot)}")

        logs = [p.read_text(encoding="utf-8") for p in folder.rglob("hbt-desktop.log")]
        if sys.version_info < (3, 12) and not any("refcount guard applied" in t for t in logs):
            raise SystemExit("[build] FAILED: the log does not say the refcount guard is on")
        if sys.version_info < (3, 12):
            say(f"  refcount guard: on (bundled Python {sys.version.split()[0]})")
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


def find_iscc() -> Path:
    found = shutil.which("iscc") or shutil.which("ISCC.exe")
    candidates = [Path(found)] if found else []
    for base in (os.environ.get("PROGRAMFILES(X86)"), os.environ.get("PROGRAMFILES")):
        if base:
            candidates.append(Path(base) / "Inno Setup 6" / "ISCC.exe")
    local = os.environ.get("LOCALAPPDATA")
    if local:
        candidates.append(Path(local) / "Programs" / "Inno Setup 6" / "ISCC.exe")
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    raise SystemExit("[build] Inno Setup 6 (ISCC.exe) not found: install it first")


def vietnamese_isl(iscc: Path) -> Path:
    """Inno Setup's Vietnamese messages: beside ISCC if installed there, a copy in
    packaging/windows/, or fetched once from Inno Setup's repository (build time only)."""
    for candidate in (
        iscc.parent / "Languages" / "Unofficial" / "Vietnamese.isl",
        iscc.parent / "Languages" / "Vietnamese.isl",
        HERE / "windows" / "Vietnamese.isl",
        WORK / "windows" / "Vietnamese.isl",
    ):
        if candidate.is_file():
            return candidate
    import urllib.request

    target = WORK / "windows" / "Vietnamese.isl"
    target.parent.mkdir(parents=True, exist_ok=True)
    say(f"fetching Inno Setup's Vietnamese messages from {VIETNAMESE_ISL_URL}")
    with urllib.request.urlopen(VIETNAMESE_ISL_URL, timeout=60) as response:
        data = response.read()
    if b"LanguageName=" not in data:
        raise SystemExit("[build] the downloaded Vietnamese.isl is not an Inno Setup file")
    target.write_bytes(data)
    return target


def installer() -> Path:
    meta = project()
    iscc = find_iscc()
    out = DIST / "installer"
    out.mkdir(parents=True, exist_ok=True)
    fields = {
        "APP_NAME": meta["name"],
        "APP_VERSION": meta["version"],
        "APP_VERSION_NUMERIC": numeric_version(meta["version"]),
        "SOURCE_DIR": str(app_dir()),
        "OUTPUT_DIR": str(out),
        "VIETNAMESE_ISL": str(vietnamese_isl(iscc)),
        "ICON_FILE": str(HERE / "windows" / "hbt-desktop.ico"),
    }
    template = (HERE / "windows" / "hbt-desktop.iss.in").read_text(encoding="utf-8")
    script = WORK / "windows" / "hbt-desktop.iss"
    script.parent.mkdir(parents=True, exist_ok=True)
    # Inno Setup reads a script as UTF-8 only with a byte-order mark (Vietnamese messages).
    script.write_text(fill_template(template, fields), encoding="utf-8-sig")
    say(f"compiling {script.relative_to(ROOT)} with {iscc}")
    subprocess.run([str(iscc), "/Q", str(script)], check=True)
    setup = out / f"{meta['name']}-{meta['version']}-setup.exe"
    say(f"installer: {setup} ({setup.stat().st_size / 1e6:.0f} MB)")
    return setup


# -- the command -------------------------------------------------------------------------------


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"linux", "windows", "smoke"}:
        print(__doc__)
        return 2
    if not in_venv():
        return reexec_in_venv(argv)
    target = argv[0]
    if target == "linux" and sys.platform != "linux":
        raise SystemExit("[build] `linux` builds on Linux; on Windows use `windows`")
    if target == "windows" and os.name != "nt":
        raise SystemExit("[build] the installer is built on Windows (see packaging/README.md)")
    if target != "smoke":
        seconds, size = freeze()
    smoke()
    if target == "windows":
        installer()
    if target != "smoke":
        say(f"done: {app_dir().relative_to(ROOT)} — {size / 1e6:.0f} MB, frozen in {seconds:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Speed of the desktop window (not a test): start-up, a cell edit, scrolling big grids.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_gui.py

1. Start to a usable main window — a fresh interpreter until the window is shown with
   its first rows read and the event loop idle — against a bare PySide6 QMainWindow
   started the same way in the same run (goal: at most 2× and under 1 s).
2. A cell edit to saved: ``setData`` on the entry grid until ``write_value`` has
   committed (WAL, synchronous=FULL: fsynced) and the row is recomputed (goal: p99 under
   16 ms, one frame).
3. Scrolling 500 indicators × 18 wards, page by page, each page painted: the time per
   page and the longest stall (rows are fetched lazily as the view reaches them).
Results are printed as a table; ``--markdown`` prints the table for the README.

``benchmarks/run.py`` puts the start-up figures, from source and frozen, the cell edit
and the peak memory with a 3-million-value file into the one table of every bench.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

RUNS = 5
EDITS = 500
INDICATORS = 500

BARE = """
import time, sys
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setCentralWidget(QLabel("hbt-desktop"))
window.resize(1280, 760)
window.show()
app.processEvents()
print("READY", flush=True)
"""

# The same bare window plus the two imports every run of the program pays before it can
# read its database: sqlite-utils (with click, dateutil, pluggy) and importlib.metadata
# (the package version, read in hbt_desktop/__init__.py). Shows how much of the
# difference is the data layer rather than the window.
BARE_DATA = "import importlib.metadata, sqlite_utils\n" + BARE

APP = """
import sys
from pathlib import Path
from hbt_desktop.ui.app import App
app = App(Path(sys.argv[1]), Path(sys.argv[2]))
app.window.show()
app.qt.processEvents()
assert app.window.entry.model.rowCount() > 0
print("READY", flush=True)
"""


def _start_time(script: str, *args: str, cache: Path) -> float:
    # Compiled bytecode is cached, as in an installed or frozen program (this checkout
    # may run with PYTHONDONTWRITEBYTECODE); the cache lives in the temporary folder.
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(ROOT),
        "PYTHONPYCACHEPREFIX": str(cache),
    }
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", script, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
        cwd=ROOT,
    )
    assert child.stdout is not None
    line = child.stdout.readline()
    elapsed = time.perf_counter() - started
    child.kill()
    child.wait()
    if line.strip() != "READY":
        raise RuntimeError(f"the child did not start: {line!r}")
    return elapsed


# A bare window measured the way the frozen program can be: started, shown, grabbed into
# a PNG after the same delay as ``hbt-desktop --screenshot`` (ui/app.py), the time taken
# until the PNG exists, less the delay.
BARE_SHOT = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setCentralWidget(QLabel("hbt-desktop"))
window.resize(1280, 760)
window.show()
def grab():
    window.grab().save(sys.argv[1])
    app.quit()
QTimer.singleShot(int(sys.argv[2]), grab)
app.exec()
"""


def _clean_env(folder: Path, cache: Path) -> dict[str, str]:
    """Offscreen, with its own home, data, log and settings folders (nothing of the
    user's read or written) and a bytecode cache, as an installed program has."""
    home = folder / "home"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HBT_DESKTOP_", "QT_"))}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        PYTHONPATH=str(ROOT),
        PYTHONPYCACHEPREFIX=str(cache),
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_STATE_HOME=str(home / "state"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_CACHE_HOME=str(home / "cache"),
    )
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _shot_time(cmd: list[str], png: Path, env: dict[str, str], delay_s: float) -> float:
    png.unlink(missing_ok=True)
    started = time.perf_counter()
    child = subprocess.Popen(
        cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=ROOT
    )
    while not png.exists():
        if child.poll() is not None or time.perf_counter() - started > 120:
            child.kill()
            raise RuntimeError(f"no screenshot from {cmd[0]} (exit {child.returncode})")
        time.sleep(0.002)
    elapsed = time.perf_counter() - started
    child.wait(timeout=120)  # closing (the backup at close) is not part of starting
    return elapsed - delay_s


def bench_frozen_start(folder: Path, frozen: Path) -> dict[str, float]:
    """Start to a usable window of the frozen program (``hbt-desktop --screenshot``),
    against a bare window and the same command from source, all timed to the PNG."""
    from hbt_desktop.ui.app import SCREENSHOT_DELAY_MS

    db = _demo_db(folder)
    cache = folder / "pycache"
    env = _clean_env(folder, cache)
    delay = SCREENSHOT_DELAY_MS / 1000
    bare, source, frozen_times = [], [], []
    for n in range(RUNS + 1):
        copies = [folder / f"shot-{n}-{i}.db" for i in range(2)]
        for copy in copies:
            shutil.copyfile(db, copy)
        png = folder / "shot.png"
        bare_cmd = [sys.executable, "-c", BARE_SHOT, str(png), str(SCREENSHOT_DELAY_MS)]
        source_cmd = [sys.executable, "-m", "hbt_desktop", "--db", str(copies[0])]
        frozen_cmd = [str(frozen), "--db", str(copies[1])]
        times = [
            _shot_time(cmd, png, env, delay)
            for cmd in (
                bare_cmd,
                [*source_cmd, "--screenshot", str(png)],
                [*frozen_cmd, "--screenshot", str(png)],
            )
        ]
        if n:  # the first round fills the caches (bytecode, the disk's)
            bare.append(times[0])
            source.append(times[1])
            frozen_times.append(times[2])
    return {
        "bare": statistics.median(bare),
        "source": statistics.median(source),
        "frozen": statistics.median(frozen_times),
    }


PEAK = """
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication

def peak_mb():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

if sys.argv[1] == "bare":
    from PySide6.QtWidgets import QMainWindow, QTableView
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setCentralWidget(QTableView())
    window.resize(1280, 760)
    window.show()
    app.processEvents()
    print(f"PEAK {peak_mb():.1f}", flush=True)
    raise SystemExit(0)
from hbt_desktop.core.periods import parse_period
from hbt_desktop.ui.app import App
hbt = App(Path(sys.argv[1]), Path(sys.argv[2]))
window = hbt.window
window.resize(1280, 760)
window.show()
window.session.select(period=parse_period(sys.argv[3]), unit_uid="Q007", sector=None)
window.go_to_tab(1)  # Theo phường: every ward's figure of every indicator
page = window.district
QApplication.processEvents()
view = page.view
while page.model.canFetchMore(view.rootIndex()):  # the clerk scrolls to the last row
    page.model.fetchMore(view.rootIndex())
    view.scrollToBottom()
    view.viewport().repaint()
QApplication.processEvents()
rows = page.model.rowCount()
print(f"PEAK {peak_mb():.1f} ROWS {rows}", flush=True)
"""


def bench_memory(folder: Path, big_db: Path, period: str) -> dict[str, float]:
    """Peak resident memory (VmHWM) of the window with ``big_db`` open and its ward grid
    scrolled to the end, against a bare window with an empty table, each in a fresh
    process."""
    env = _clean_env(folder, folder / "pycache")
    found: dict[str, float] = {}
    for name, args in (
        ("bare", ["bare"]),
        ("app", [str(big_db), str(folder / "peak.ini"), period]),
    ):
        done = subprocess.run(
            [sys.executable, "-c", PEAK, *args],
            capture_output=True,
            text=True,
            env=env,
            cwd=ROOT,
            timeout=1200,
            check=False,
        )
        line = next((ln for ln in done.stdout.splitlines() if ln.startswith("PEAK")), "")
        if not line:
            raise RuntimeError(f"the memory child failed: {done.stderr[-2000:]}")
        words = line.split()
        found[name] = float(words[1])
        if len(words) > 3:
            found["rows"] = float(words[3])
    return found


def _demo_db(folder: Path) -> Path:
    from hbt_desktop.exchange.seed import open_app_database

    path = folder / "demo.db"
    open_app_database(path).conn.close()
    return path


def bench_start(folder: Path) -> dict[str, float]:
    db = _demo_db(folder)
    bare, data, ours = [], [], []
    cache = folder / "pycache"
    for n in range(RUNS + 1):  # alternated, so that a busy moment hits all three
        copy = folder / f"start-{n}.db"
        shutil.copyfile(db, copy)
        times = (
            _start_time(BARE, cache=cache),
            _start_time(BARE_DATA, cache=cache),
            _start_time(APP, str(copy), str(folder / f"prefs-{n}.ini"), cache=cache),
        )
        if n:  # the first round only fills the bytecode cache
            bare.append(times[0])
            data.append(times[1])
            ours.append(times[2])
    return {
        "bare": statistics.median(bare),
        "data": statistics.median(data),
        "app": statistics.median(ours),
    }


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def bench_edit(folder: Path) -> dict[str, float]:
    from PySide6.QtWidgets import QApplication

    from hbt_desktop.core.periods import parse_period
    from hbt_desktop.ui.app import App
    from hbt_desktop.ui.entry.entry_model import Col

    db = _demo_db(folder)
    app = App(db, folder / "edit.ini")
    window = app.window
    assert window is not None
    window.show()
    window.session.select(period=parse_period("2023Q1"), unit_uid="Q007", sector=None)
    model = window.entry.model
    rows = model.rowCount()
    money = [r for r in range(rows) if model.row_data(r).indicator.kind.value == "money"]
    times = []
    for n in range(EDITS):
        row = money[n % len(money)]
        text = f"{100 + n} tỷ {n % 1000:03d} triệu"
        started = time.perf_counter()
        assert model.setData(model.index(row, Col.VALUE), text)
        times.append(time.perf_counter() - started)
        QApplication.processEvents()
    window.close()
    return {
        "p50": statistics.median(times),
        "p99": _percentile(times, 0.99),
        "max": max(times),
    }


def bench_raw_write(folder: Path) -> dict[str, float]:
    """The floor under a cell edit: one figure upserted and committed by a bare sqlite3
    connection in the same mode (WAL, synchronous=FULL: an fsync per commit)."""
    import sqlite3

    db = _demo_db(folder)
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    times = []
    for n in range(EDITS):
        started = time.perf_counter()
        conn.execute("BEGIN")
        conn.execute(
            "INSERT INTO figure_values (indicator, unit_uid, period, num, scale, status, "
            "updated_at) VALUES ('NS_THU_DIA_BAN', 'Q007', '2023Q1', ?, 0, 'thuc_hien', '') "
            "ON CONFLICT(indicator, unit_uid, period) DO UPDATE SET num = excluded.num",
            [100 + n],
        )
        conn.execute("COMMIT")
        times.append(time.perf_counter() - started)
    conn.close()
    return {"p50": statistics.median(times), "p99": _percentile(times, 0.99)}


def _big_db(folder: Path) -> Path:
    """500 additive indicators, every one with a figure for each of the 18 wards."""
    from hbt_desktop.core.catalogue import make_indicator
    from hbt_desktop.core.periods import parse_period
    from hbt_desktop.core.values import Value
    from hbt_desktop.exchange.seed import open_app_database
    from hbt_desktop.store.catalogue import save_catalogue
    from hbt_desktop.store.units import load_units
    from hbt_desktop.store.writes import write_values

    path = folder / "big.db"
    db = open_app_database(path, demo=False)
    indicators = [
        make_indicator(
            code=f"BENCH_{i:03d}",
            name=f"Chỉ tiêu thử nghiệm số {i}",
            sector="TONG_HOP",
            kind="number",
            unit_label="người",
            comparisons="growth index",
            position=1000 + i,
        )
        for i in range(INDICATORS)
    ]
    save_catalogue(db, indicators=indicators)
    period = parse_period("2023Q1")
    wards = load_units(db).children("Q007", period.start, period.end)
    assert len(wards) == 18
    values = [
        Value(ind.code, ward.uid, period, Decimal(100 + (i * 7 + w) % 900))
        for i, ind in enumerate(indicators)
        for w, ward in enumerate(wards)
    ]
    write_values(db, values)
    db.conn.close()
    return path


def bench_scroll(folder: Path) -> dict[str, float]:
    from PySide6.QtWidgets import QApplication

    from hbt_desktop.core.periods import parse_period
    from hbt_desktop.ui.app import App

    app = App(_big_db(folder), folder / "scroll.ini")
    window = app.window
    assert window is not None
    window.resize(1366, 740)
    window.show()
    results: dict[str, float] = {}
    for name, tab, page in (("district", 1, window.district), ("entry", 0, window.entry)):
        window.session.select(period=parse_period("2023Q1"), unit_uid="Q007", sector="TONG_HOP")
        window.go_to_tab(tab)
        QApplication.processEvents()
        view = page.view
        bar = view.verticalScrollBar()
        steps = []
        while True:
            started = time.perf_counter()
            bar.setValue(bar.value() + bar.pageStep())  # fetches rows at the end of the list
            view.viewport().repaint()  # the page as the clerk sees it, painted now
            steps.append(time.perf_counter() - started)
            if bar.value() >= bar.maximum() and not page.model.canFetchMore(view.rootIndex()):
                break
        assert page.model.rowCount() >= INDICATORS
        results[f"{name}_pages"] = len(steps)
        results[f"{name}_median"] = statistics.median(steps)
        results[f"{name}_max"] = max(steps)
        results[f"{name}_columns"] = page.model.columnCount()
    window.close()
    return results


def main() -> None:
    markdown = "--markdown" in sys.argv
    with tempfile.TemporaryDirectory(prefix="hbt-bench-") as tmp:
        folder = Path(tmp)
        start = bench_start(folder)
        edit = bench_edit(folder)
        scroll = bench_scroll(folder)
    ms = 1000.0
    rows = [
        ("start: bare PySide6 QMainWindow", f"{start['bare'] * ms:.0f} ms", ""),
        (
            "start: bare window + sqlite-utils and importlib.metadata imports",
            f"{start['data'] * ms:.0f} ms",
            f"{start['data'] / start['bare']:.2f}× bare",
        ),
        (
            "start: hbt-desktop main window",
            f"{start['app'] * ms:.0f} ms",
            f"{start['app'] / start['bare']:.2f}× bare (goal ≤ 2×, < 1 s)",
        ),
        ("cell edit to saved, p50", f"{edit['p50'] * ms:.2f} ms", f"{EDITS} edits"),
        ("cell edit to saved, p99", f"{edit['p99'] * ms:.2f} ms", "goal < 16 ms"),
        ("cell edit to saved, max", f"{edit['max'] * ms:.2f} ms", ""),
    ]
    for name in ("district", "entry"):
        cols = int(scroll[f"{name}_columns"])
        rows.append(
            (
                f"scroll {name} grid ({INDICATORS} rows × {cols} columns), per page",
                f"{scroll[f'{name}_median'] * ms:.1f} ms",
                f"{int(scroll[f'{name}_pages'])} pages",
            )
        )
        rows.append(
            (f"scroll {name} grid, longest stall", f"{scroll[f'{name}_max'] * ms:.1f} ms", "")
        )
    if markdown:
        print("| measure | result | note |\n|---|---|---|")
        for row in rows:
            print("| " + " | ".join(row) + " |")
        return
    width = max(len(r[0]) for r in rows)
    for name, value, note in rows:
        print(f"{name:<{width}}  {value:>10}  {note}")


if __name__ == "__main__":
    main()

"""Run every benchmark and print one table.

    python3 benchmarks/run.py            # everything (~4 min: builds a 3 M-value file)
    python3 benchmarks/run.py --quick    # without the 3 M-value file (~1.5 min)
    python3 benchmarks/run.py --record   # also save the results as the reference

On a fresh clone it first sets up .venv/ as packaging/bootstrap.py does (with the dev
tools: pypdf reads the PDFs' page counts), then runs itself there.

Each line is a measurement and its baseline from the same run, on the same machine, in
the same conditions; the ratio is what is compared between runs, because this machine's
speed varies with what else runs on it. With a reference (benchmarks/recorded.json), a
ratio more than 20 % worse than recorded is called out and the command exits with 1.

The frozen program is measured when `python3 packaging/build.py linux` has built it
(dist/hbt-desktop/); otherwise its line says "not built".
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))


def _in_project_env() -> bool:
    try:
        import pypdf  # noqa: F401
        import PySide6  # noqa: F401
    except ImportError:
        return False
    return True


if __name__ == "__main__" and not _in_project_env():
    # A fresh clone: set up .venv as the README's commands do, then run there.
    sys.path.insert(0, str(ROOT / "packaging"))
    import bootstrap

    if sys.platform == "linux":
        bootstrap.ensure_debian_packages(bootstrap.QT_RUNTIME)
    bootstrap.ensure_venv()
    bootstrap.ensure_installed("dev")
    python = str(bootstrap.venv_python())
    os.execv(python, [python, str(Path(__file__).resolve()), *sys.argv[1:]])

from benchmarks import bench_core, bench_gui  # noqa: E402
from benchmarks.bench_core import Result  # noqa: E402

RECORDED = HERE / "recorded.json"
TOLERANCE = 0.20
FROZEN = (
    ROOT / "dist" / "hbt-desktop" / ("hbt-desktop-cli.exe" if os.name == "nt" else "hbt-desktop")
)


def _fmt(value: float, unit: str) -> str:
    if math.isnan(value):
        return "–"
    if unit == "s":
        return f"{value * 1000:,.1f} ms".replace(",", " ")
    if unit == "MB":
        return f"{value:,.0f} MB".replace(",", " ")
    return f"{value:,.0f} {unit}".replace(",", " ")


def worse(result: Result, reference: float) -> bool:
    """Rates are better when higher; times and memory when lower."""
    if result.higher_is_better:
        return result.ratio < reference * (1 - TOLERANCE)
    return result.ratio > reference * (1 + TOLERANCE)


def gui_results(folder: Path, quick: bool) -> list[Result]:
    """The window's figures, from bench_gui.py (the same functions as its own table)."""
    results = []
    start = bench_gui.bench_start(folder)
    results.append(
        Result(
            "start_source",
            "start to usable window, from source",
            start["app"],
            start["bare"],
            "s",
            "≤ 2×, < 1 s",
            start["app"] <= 2 * start["bare"] and start["app"] < 1.0,
            "baseline: a bare PySide6 QMainWindow started the same way (fresh interpreter, "
            f"until shown and idle; median of {bench_gui.RUNS}); a bare window that also "
            f"imports sqlite-utils takes {start['data'] * 1000:.0f} ms",
        )
    )
    if FROZEN.exists():
        frozen = bench_gui.bench_frozen_start(folder, FROZEN)
        results.append(
            Result(
                "start_frozen",
                "start to usable window, frozen (dist/hbt-desktop)",
                frozen["frozen"],
                frozen["bare"],
                "s",
                "≤ 2×, < 1 s",
                frozen["frozen"] <= 2 * frozen["bare"] and frozen["frozen"] < 1.0,
                "`hbt-desktop --screenshot` timed until its PNG exists, less the 400 ms the "
                "program waits before grabbing; baseline: a bare window from source timed the "
                f"same way; the same command from source: {frozen['source'] * 1000:.0f} ms",
            )
        )
    else:
        results.append(
            Result(
                "start_frozen",
                "start to usable window, frozen",
                math.nan,
                math.nan,
                "s",
                "≤ 2×, < 1 s",
                False,
                "build it with `python3 packaging/build.py linux`, then run this again",
                skipped="not built",
            )
        )
    edit = bench_gui.bench_edit(folder)
    raw = bench_gui.bench_raw_write(folder)
    results.append(
        Result(
            "cell_edit",
            f"cell edit to saved, median of {bench_gui.EDITS} (goal on the p99)",
            edit["p50"],
            raw["p50"],
            "s",
            "p99 < 16 ms",
            edit["p99"] < 0.016,
            "parsed, checked, stored with its audit row, fsynced, row recomputed; baseline: "
            "the same upsert and commit by bare sqlite3 (WAL, synchronous=FULL). Medians are "
            f"compared (the tails are mostly the machine's noise): p99 {edit['p99'] * 1000:.1f} "
            f"ms vs {raw['p99'] * 1000:.1f} ms, longest {edit['max'] * 1000:.1f} ms",
        )
    )
    return results


def memory_result(folder: Path) -> Result:
    memory = bench_gui.bench_memory(folder, folder / "big.db", bench_core.big_database_period())
    return Result(
        "peak_memory_3m",
        "peak memory, 3 M-value file open, ward grid scrolled to the end",
        memory["app"],
        memory["bare"],
        "MB",
        "< 300 MB",
        memory["app"] < 300,
        f"VmHWM of the window's process ({memory.get('rows', 0):.0f} indicator rows × 18 "
        "wards fetched); baseline: a bare window with an empty table",
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="leave out the 3 M-value file")
    parser.add_argument("--record", action="store_true", help="save as the new reference")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="hbt-bench-") as tmp:
        folder = Path(tmp)
        results = gui_results(folder, args.quick)
        results += bench_core.run_all(folder, quick=args.quick)
        if not args.quick:
            results.append(memory_result(folder))
    recorded = json.loads(RECORDED.read_text(encoding="utf-8")) if RECORDED.exists() else {}
    print("| measurement | ours | baseline | ratio | goal | met | vs recorded |")
    print("|---|---|---|---|---|---|---|")
    regressions = 0
    for r in results:
        if r.skipped:
            print(f"| {r.name} | {r.skipped} | – | – | {r.goal} | – | – |")
            continue
        ref = recorded.get(r.key, {}).get("ratio")
        if ref is None:
            flag = "–"
        elif worse(r, ref):
            flag = f"**REGRESSION** (was {ref:.2f}×)"
            regressions += 1
        else:
            flag = f"ok (was {ref:.2f}×)"
        print(
            f"| {r.name} | {_fmt(r.value, r.unit)} | {_fmt(r.baseline, r.unit)} | "
            f"{r.ratio:.2f}× | {r.goal} | {'yes' if r.ok else '**NO**'} | {flag} |"
        )
    print()
    for r in results:
        if r.note:
            print(f"- {r.name}: {r.note}")
    if regressions:
        print(f"\n{regressions} REGRESSION(S): more than {TOLERANCE:.0%} worse than recorded.")
    if args.record:
        for r in results:
            if not r.skipped:
                recorded[r.key] = {"ratio": round(r.ratio, 3), "value": round(r.value, 4)}
        RECORDED.write_text(
            json.dumps(recorded, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
    return 1 if regressions else 0


if __name__ == "__main__":
    raise SystemExit(main())

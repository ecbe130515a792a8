"""Run the benchmarks and print one table.

    .venv/bin/python benchmarks/run.py            # everything (a few minutes: builds a 3 M-value file)
    .venv/bin/python benchmarks/run.py --quick    # skip the 3 M-value database
    .venv/bin/python benchmarks/run.py --record   # also save the ratios as the new reference

Each line is a measurement and its baseline from the same run; the ratio is what is
compared between runs. With a recorded reference (benchmarks/recorded.json), a ratio more
than 20 % worse than recorded is called out.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from benchmarks.bench_core import Result, run_all  # noqa: E402

RECORDED = HERE / "recorded.json"
TOLERANCE = 0.20


def _fmt(value: float, unit: str) -> str:
    if unit == "s":
        return f"{value * 1000:,.1f} ms".replace(",", " ")
    return f"{value:,.0f} {unit}".replace(",", " ")


def worse(result: Result, reference: float) -> bool:
    """Rates are better when higher; times when lower."""
    if result.unit == "s":
        return result.ratio > reference * (1 + TOLERANCE)
    return result.ratio < reference * (1 - TOLERANCE)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--record", action="store_true")
    args = parser.parse_args(argv)
    results = run_all(quick=args.quick)
    recorded = json.loads(RECORDED.read_text()) if RECORDED.exists() else {}
    print("| measurement | ours | baseline | ratio | goal | met | vs recorded |")
    print("|---|---|---|---|---|---|---|")
    regressions = 0
    for r in results:
        ref = recorded.get(r.name)
        flag = (
            "–"
            if ref is None
            else (f"REGRESSION (was {ref:.2f})" if worse(r, ref) else f"ok (was {ref:.2f})")
        )
        regressions += flag.startswith("REGRESSION")
        print(
            f"| {r.name} | {_fmt(r.value, r.unit)} | {_fmt(r.baseline, r.unit)} | {r.ratio:.2f}× | "
            f"{r.goal} | {'yes' if r.ok else 'NO'} | {flag} |"
        )
    for r in results:
        if r.note:
            print(f"  - {r.name}: {r.note}")
    if args.record:
        recorded.update({r.name: round(r.ratio, 3) for r in results})
        RECORDED.write_text(json.dumps(recorded, indent=2, ensure_ascii=False) + "\n")
    return 1 if regressions else 0


if __name__ == "__main__":
    raise SystemExit(main())

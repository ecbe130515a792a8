"""Speed of the parts below the GUI, each as a ratio to a baseline measured in the same run.

    .venv/bin/python benchmarks/run.py          # every bench, one table

These machines are noisy, so no figure is compared with a fixed time in a test: each
measurement is paired with a baseline doing comparable raw work in the same process, and
both take the best of several repeats.
"""

from __future__ import annotations

import random
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from sqlite_utils import Database

from hbt_desktop.core.periods import Period, parse_period


@dataclass
class Result:
    name: str
    value: float  # seconds, or a rate
    baseline: float
    unit: str  # "s" or "values/s"
    goal: str
    ok: bool
    note: str = ""

    @property
    def ratio(self) -> float:
        return self.value / self.baseline if self.baseline else float("nan")


def best_of(fn: Callable[[], object], repeat: int = 5) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


# -- documents --------------------------------------------------------------------------


def _plain_same_pages(content: object, out: Path) -> None:
    """The baseline: the same finished text, photos and tables set with plain platypus
    (defaults, same fonts), without the database, templates, charts or page furniture."""
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Image, Paragraph, SimpleDocTemplate, Table

    from hbt_desktop.reports import content as c
    from hbt_desktop.reports.fonts import register_fonts

    fonts = register_fonts(True)
    style = ParagraphStyle("p", fontName=fonts.serif, fontSize=13, leading=17)
    story: list[object] = []

    def para(text: str) -> None:
        if text:
            story.append(Paragraph(text.replace("&", "&amp;").replace("<", "&lt;"), style))

    def table(t: c.Table) -> None:
        rows = [list(r) for r in (*t.header, *t.rows)]
        story.append(Table(rows, style=[("FONT", (0, 0), (-1, -1), fonts.serif, 9)], repeatRows=1))

    if isinstance(content, c.BulletinContent):
        for text in (content.masthead, content.headline, content.lead):
            para(text)
        for kf in content.key_figures:
            para(f"{kf.label}: {kf.value} {kf.note}")
    elif isinstance(content, c.ReportContent):
        for text in (
            *content.issuer,
            content.national_name,
            content.motto,
            content.summary,
            *content.intro,
        ):
            para(text)
    for section in content.sections if isinstance(content, c.BulletinContent) else content.parts:  # type: ignore[attr-defined]
        para(section.heading)
        for text in section.paragraphs:
            para(text)
        for photo in section.photos:
            story.append(Image(io.BytesIO(photo.image), width=160 * 2.83, height=96 * 2.83))
            para(photo.caption)
        for t in section.tables:
            table(t)
    if isinstance(content, c.ReportContent):
        for appendix in content.appendices:
            para(appendix.title)
            for t in appendix.tables:
                table(t)
    SimpleDocTemplate(str(out), pagesize=A4).build(story)  # type: ignore[arg-type]


def bench_documents(folder: Path) -> list[Result]:
    from pypdf import PdfReader

    from hbt_desktop.exchange.seed import seed_new_database
    from hbt_desktop.reports.assemble import bulletin_content, report_content
    from hbt_desktop.reports.bulletin import build_bulletin
    from hbt_desktop.reports.decree30 import build_report
    from hbt_desktop.reports.fonts import register_fonts
    from hbt_desktop.store.connection import memory_database

    register_fonts(True)  # once, as the program does: not part of either timing
    db = memory_database()
    seed_new_database(db)
    period = parse_period("2023YTD02")
    results = []
    for name, content_of, build in (
        ("bulletin (demo)", bulletin_content, build_bulletin),
        ("report (demo)", report_content, build_report),
    ):
        out = folder / f"{name.split()[0]}.pdf"

        finished: list[object] = []

        def make(content_of=content_of, build=build, out=out, finished=finished) -> None:  # type: ignore[no-untyped-def]
            content, _ = content_of(db, "Q007", period)
            build(content, out, bundled_fonts=True)
            finished[:] = [content]

        ours = best_of(make)
        pages = len(PdfReader(out).pages)
        plain = folder / "plain.pdf"
        base = best_of(lambda finished=finished, plain=plain: _plain_same_pages(finished[0], plain))
        ratio = ours / base
        results.append(
            Result(
                f"{name}: database to {pages}-page PDF",
                ours,
                base,
                "s",
                "≤ 1.5×",
                ratio <= 1.5,
                f"baseline: the same text, photos and tables set with plain platypus "
                f"({len(PdfReader(plain).pages)} pages)",
            )
        )
    return results


# -- import -----------------------------------------------------------------------------


BENCH_INDICATORS = 100


def _bench_catalogue(db: Database) -> None:
    from hbt_desktop.core.catalogue import make_indicator
    from hbt_desktop.store.catalogue import save_catalogue

    save_catalogue(
        db,
        indicators=[
            make_indicator(
                code=f"BENCH_{i:03d}", name=f"Chỉ tiêu thử {i}", sector="TONG_HOP", kind="number"
            )
            for i in range(BENCH_INDICATORS)
        ],
    )


def _values_csv(path: Path, count: int, wards: list[str]) -> int:
    """A DHIS2-style CSV of ``count`` values: bench indicators × wards × months 2020–2024."""
    rng = random.Random(7)
    lines = [
        "dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,storedby,"
        "lastupdated,comment,followup,status,qualifier,decimals"
    ]
    for i in range(BENCH_INDICATORS):
        for year in range(2020, 2025):
            for month in range(1, 13):
                for ward in wards:
                    if len(lines) > count:
                        break
                    lines.append(
                        f"BENCH_{i:03d},{year}{month:02d},{ward},default,default,"
                        f"{rng.randint(0, 900)},bench,2024-01-01T00:00:00+00:00,,false,"
                        "thuc_hien,,0"
                    )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines) - 1


def bench_import(folder: Path, count: int = 100_000) -> list[Result]:
    from datetime import date

    from hbt_desktop import exchange
    from hbt_desktop.exchange.seed import load_reference
    from hbt_desktop.store.connection import open_database
    from hbt_desktop.store.units import load_units

    seed_db = open_database(folder / "seed.db")
    load_reference(seed_db)
    wards = [
        u.uid
        for u in load_units(seed_db).children("Q007", date(2020, 1, 1), date(2024, 12, 31))
        if u.valid_to is None or u.valid_to >= date(2024, 12, 31)
    ]
    csv_path = folder / "values.csv"
    rows = _values_csv(csv_path, count, wards)

    def ours() -> None:
        target = folder / "import.db"
        for suffix in ("", "-wal", "-shm"):
            Path(str(target) + suffix).unlink(missing_ok=True)
        db = open_database(target)
        load_reference(db)
        _bench_catalogue(db)
        start = time.perf_counter()
        exchange.import_values(db, csv_path)
        timings.append(time.perf_counter() - start)
        db.conn.close()

    def raw() -> None:
        # The same file into the same schema (indexes, foreign keys, WAL, synchronous=FULL)
        # by a bare script: csv.reader and one executemany, no checks at all.
        import csv

        target = folder / "raw.db"
        for suffix in ("", "-wal", "-shm"):
            Path(str(target) + suffix).unlink(missing_ok=True)
        db = open_database(target)
        load_reference(db)
        _bench_catalogue(db)
        conn = db.conn
        start = time.perf_counter()
        with csv_path.open(encoding="utf-8", newline="") as fh:
            reader = csv.reader(fh)
            next(reader)
            rows = [(d[0], d[2], d[1], int(d[5]), 0, d[10], d[7]) for d in reader]
        with conn:
            conn.executemany(
                "INSERT INTO figure_values (indicator, unit_uid, period, num, scale, status, "
                "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                rows,
            )
        raw_timings.append(time.perf_counter() - start)
        conn.close()

    timings: list[float] = []
    raw_timings: list[float] = []
    for _ in range(3):
        ours()
        raw()
    ours_rate = rows / min(timings)
    raw_rate = rows / min(raw_timings)
    return [
        Result(
            f"import {rows} values (DHIS2 CSV, validated, one transaction)",
            ours_rate,
            raw_rate,
            "values/s",
            "≥ 0.5× rate",
            ours_rate / raw_rate >= 0.5,
            "baseline: sqlite3 executemany of the same rows, one transaction",
        )
    ]


# -- district total over 3 million values --------------------------------------------------


def build_big_database(path: Path, target: int = 3_000_000) -> tuple[list[str], Period]:
    """A database of ``target`` values: 600 indicators × 18 wards × monthly periods."""
    from datetime import date

    from hbt_desktop.core.catalogue import make_indicator
    from hbt_desktop.exchange.seed import load_reference
    from hbt_desktop.store.catalogue import save_catalogue
    from hbt_desktop.store.connection import open_database
    from hbt_desktop.store.units import load_units

    db = open_database(path)
    load_reference(db)
    save_catalogue(
        db,
        indicators=[
            make_indicator(
                code=f"BIG_{i:03d}", name=f"Chỉ tiêu thử {i}", sector="TONG_HOP", kind="number"
            )
            for i in range(600)
        ],
    )
    wards = [u.uid for u in load_units(db).children("Q007", date(2020, 1, 1), date(2024, 12, 31))]
    periods = [f"{y}{m:02d}" for y in range(2000, 2025) for m in range(1, 13)]
    rng = random.Random(3)
    n = 0
    with db.conn:
        for period in periods:
            if n >= target:
                break
            rows = []
            for i in range(600):
                for ward in wards:
                    rows.append(
                        (
                            f"BIG_{i:03d}",
                            ward,
                            period,
                            rng.randint(0, 10**6),
                            0,
                            "thuc_hien",
                            "",
                            "",
                            "2024-01-01T00:00:00+00:00",
                        )
                    )
            db.conn.executemany(
                "INSERT INTO figure_values (indicator, unit_uid, period, num, scale, status, comment, "
                "updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
            )
            n += len(rows)
    db.conn.close()
    return wards, parse_period("201006")


def bench_district_total(folder: Path) -> list[Result]:
    from hbt_desktop.store.connection import open_database
    from hbt_desktop.store.values import period_totals

    path = folder / "big.db"
    wards, period = build_big_database(path)
    db = open_database(path)
    count = int(db.execute("SELECT COUNT(*) FROM figure_values").fetchone()[0])
    totals: dict[str, object] = {}

    def ours() -> None:
        totals.update(period_totals(db, wards, period))

    def raw() -> None:
        db.execute("SELECT num FROM figure_values WHERE period = ?", [period.id]).fetchall()

    ours_t = best_of(ours, 7)
    raw_t = best_of(raw, 7)
    sample = next(iter(totals.values()))
    assert isinstance(getattr(sample, "amount", None), Decimal)
    return [
        Result(
            f"district totals of {len(totals)} indicators, one period, {count / 1e6:.1f} M values in the file",
            ours_t,
            raw_t,
            "s",
            "< 100 ms",
            ours_t < 0.1,
            "baseline: raw SELECT of the period's rows",
        )
    ]


def run_all(quick: bool = False) -> list[Result]:
    with tempfile.TemporaryDirectory(prefix="hbt-bench-") as tmp:
        folder = Path(tmp)
        results = bench_documents(folder)
        results += bench_import(folder)
        if not quick:
            results += bench_district_total(folder)
        return results

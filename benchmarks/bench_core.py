"""Speed of the parts below the GUI, each as a ratio to a baseline measured in the same run.

    .venv/bin/python benchmarks/run.py          # every bench, one table

These machines are noisy, so no figure is compared with a fixed time in a test: each
measurement is paired with a baseline doing comparable raw work in the same process, and
both take the best of several repeats.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from hbt_desktop.core.periods import Period, parse_period


@dataclass
class Result:
    key: str  # stable name in recorded.json (the shown name carries counts that may change)
    name: str
    value: float  # seconds, megabytes, or a rate
    baseline: float
    unit: str  # "s", "MB" or "values/s"
    goal: str
    ok: bool
    note: str = ""
    skipped: str = ""  # why there is no measurement (e.g. "not built")

    @property
    def ratio(self) -> float:
        return self.value / self.baseline if self.baseline else float("nan")

    @property
    def higher_is_better(self) -> bool:
        return self.unit.endswith("/s")


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
    from hbt_desktop.store.file.connection import memory_database

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
                f"{name.split()[0]}_pdf",
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


# -- a 100-page annual report ------------------------------------------------------------

# Sectors of the shipped catalogue that the generated indicators are spread over.
ANNUAL_SECTORS = ("TMDV", "CNXD", "NS_THU", "NS_CHI", "DTC", "QLDT", "GDDT", "YTE", "VHXH", "QPAN")
# With the shipped indicators, this many more make the district's annual report run to
# about 100 pages through its appendix of ward tables (five indicators to a table).
ANNUAL_EXTRA_INDICATORS = 580


def build_annual_database(path: Path) -> tuple[int, int]:
    """A district's year: every additive indicator (the shipped catalogue and
    ``ANNUAL_EXTRA_INDICATORS`` more, a third of them money) × 18 wards × 12 months, the
    year's figure of each (the sum of its months) and last year's. Returns (indicators,
    values)."""
    from datetime import date

    from hbt_desktop.core.catalogue import make_indicator
    from hbt_desktop.exchange.seed import load_reference
    from hbt_desktop.store.catalogue import load_catalogue, save_catalogue
    from hbt_desktop.store.file.connection import open_database
    from hbt_desktop.store.units import load_units

    db = open_database(path)
    load_reference(db)
    save_catalogue(
        db,
        indicators=[
            make_indicator(
                code=f"NAM_{i:04d}",
                name=f"Chỉ tiêu thống kê năm số {i}",
                sector=ANNUAL_SECTORS[i % len(ANNUAL_SECTORS)],
                kind="money" if i % 3 == 0 else "number",
                unit_label="" if i % 3 == 0 else "người",
                position=1000 + i,
            )
            for i in range(ANNUAL_EXTRA_INDICATORS)
        ],
    )
    catalogue = load_catalogue(db)
    codes = [code for code, ind in catalogue.indicators.items() if ind.additive]
    wards = [u.uid for u in load_units(db).children("Q007", date(2023, 1, 1), date(2023, 12, 31))]
    rng = random.Random(11)
    stamp = "2024-01-15T08:00:00+00:00"
    rows = []
    for code in codes:
        scale = 10**6 if catalogue.indicators[code].kind.value == "money" else 1
        for ward in wards:
            months = [rng.randint(1, 900) * scale for _ in range(12)]
            for month, amount in enumerate(months, start=1):
                rows.append((code, ward, f"2023{month:02d}", amount, stamp))
            rows.append((code, ward, "2023", sum(months), stamp))
            rows.append((code, ward, "2022", sum(months) * 9 // 10, stamp))
    with db.conn:
        db.conn.executemany(
            "INSERT INTO figure_values (indicator, unit_uid, period, num, scale, status, "
            "updated_at) VALUES (?, ?, ?, ?, 0, 'thuc_hien', ?)",
            rows,
        )
    db.conn.close()
    return len(codes), len(rows)


def bench_annual_report(folder: Path) -> list[Result]:
    from pypdf import PdfReader

    from hbt_desktop.reports.assemble import report_content
    from hbt_desktop.reports.decree30 import build_report
    from hbt_desktop.reports.fonts import register_fonts
    from hbt_desktop.store.file.connection import open_database

    register_fonts(True)
    path = folder / "annual.db"
    indicators, values = build_annual_database(path)
    db = open_database(path)
    year = parse_period("2023")
    out, plain = folder / "annual.pdf", folder / "annual-plain.pdf"
    finished: list[object] = []

    def make() -> None:
        content, _ = report_content(db, "Q007", year)
        build_report(content, out, bundled_fonts=True)
        finished[:] = [content]

    ours = best_of(make, 5)
    pages = len(PdfReader(out).pages)
    base = best_of(lambda: _plain_same_pages(finished[0], plain), 5)
    db.conn.close()
    return [
        Result(
            "annual_report",
            f"annual report with every ward's appendix tables: database to {pages}-page PDF",
            ours,
            base,
            "s",
            "< 3 s",
            ours < 3.0,
            f"{indicators} indicators × 18 wards × 12 months + the year and last year "
            f"({values} figures); baseline: the same text and tables set with plain platypus "
            f"({len(PdfReader(plain).pages)} pages)",
        )
    ]


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
    from hbt_desktop.store.file.connection import open_database
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
    stages = _import_stages(folder, csv_path)
    return [
        Result(
            "import_100k",
            f"import {rows} values (DHIS2 CSV, validated, audit trail, one transaction)",
            ours_rate,
            raw_rate,
            "values/s",
            "≥ 0.5× rate",
            ours_rate / raw_rate >= 0.5,
            "baseline: csv.reader and one sqlite3 executemany of the same rows into the same "
            "table, one transaction, no checks, no audit trail. Where our time goes (same run, "
            "CPU): " + ", ".join(f"{k} {v:.2f} s" for k, v in stages.items()),
        )
    ]


def _import_stages(folder: Path, csv_path: Path) -> dict[str, float]:
    """The import's stages timed apart (process CPU time, less disturbed by a busy
    machine): reading the file, checking every row, storing (figures and audit rows)."""
    from hbt_desktop.exchange import values_io
    from hbt_desktop.exchange.formats import read_tables
    from hbt_desktop.exchange.seed import load_reference
    from hbt_desktop.exchange.values_rows import Context, parse_rows
    from hbt_desktop.store import audit
    from hbt_desktop.store.catalogue import load_catalogue
    from hbt_desktop.store.file.connection import open_database
    from hbt_desktop.store.units import load_units
    from hbt_desktop.store.writes import apply_values

    target = folder / "stages.db"
    for suffix in ("", "-wal", "-shm"):
        Path(str(target) + suffix).unlink(missing_ok=True)
    db = open_database(target)
    load_reference(db)
    _bench_catalogue(db)
    clock = time.process_time
    started = clock()
    contents = read_tables(
        csv_path,
        sheets=(values_io.SHEET,),
        json_cells={values_io.SHEET: values_io.JSON_CELLS},
        numeric=values_io.NUMERIC,
        json_extra=values_io.JSON_TOP,
    )
    read = clock() - started
    started = clock()
    context = Context(load_catalogue(db), load_units(db), "", "")
    parsed = parse_rows(values_io._table(contents, csv_path), context)
    checked = clock() - started
    real_append = audit.append
    spent = [0.0]

    def timed_append(*args: Any, **kwargs: Any) -> int:
        began = clock()
        try:
            return real_append(*args, **kwargs)
        finally:
            spent[0] += clock() - began

    audit.append = timed_append  # type: ignore[assignment]
    try:
        started = clock()
        with db.conn:
            apply_values(db, [row.item for row in parsed])  # type: ignore[misc]
        stored = clock() - started
    finally:
        audit.append = real_append  # type: ignore[assignment]
    db.conn.close()
    return {
        "reading the file": read,
        "checking 100 000 rows": checked,
        "storing the figures": stored - spent[0],
        "the audit trail (hash chain + rows)": spent[0],
    }


# -- district total over 3 million values --------------------------------------------------


BIG_INDICATORS = 1100


def _big_periods() -> list[str]:
    """Every period a district reports while its 18 wards exist (1/2020 – 6/2025): months,
    quarters, year-to-date and years, in time order."""
    periods = []
    for year in range(2020, 2026):
        last = 6 if year == 2025 else 12
        for month in range(1, last + 1):
            periods.append(f"{year}{month:02d}")
            if month > 1:
                periods.append(f"{year}YTD{month:02d}")
            if month % 3 == 0:
                periods.append(f"{year}Q{month // 3}")
        if last == 12:
            periods.append(str(year))
    return periods


def build_big_database(path: Path, target: int = 3_000_000) -> tuple[list[str], Period]:
    """A district's file after years of use, ``target`` figures: ``BIG_INDICATORS``
    indicators × its 18 wards × the periods of 2020 onwards, until ``target`` is reached."""
    from datetime import date

    from hbt_desktop.core.catalogue import make_indicator
    from hbt_desktop.exchange.seed import load_reference
    from hbt_desktop.store.catalogue import save_catalogue
    from hbt_desktop.store.file.connection import open_database
    from hbt_desktop.store.units import load_units

    db = open_database(path)
    load_reference(db)
    save_catalogue(
        db,
        indicators=[
            make_indicator(
                code=f"BIG_{i:04d}", name=f"Chỉ tiêu thử {i}", sector="TONG_HOP", kind="number"
            )
            for i in range(BIG_INDICATORS)
        ],
    )
    wards = [u.uid for u in load_units(db).children("Q007", date(2020, 1, 1), date(2025, 6, 30))]
    rng = random.Random(3)
    n = 0
    with db.conn:
        for period in _big_periods():
            if n >= target:
                break
            rows = [
                (f"BIG_{i:04d}", ward, period, rng.randint(0, 10**6), "2024-01-01T00:00:00+00:00")
                for i in range(BIG_INDICATORS)
                for ward in wards
            ]
            db.conn.executemany(
                "INSERT INTO figure_values (indicator, unit_uid, period, num, scale, status, "
                "updated_at) VALUES (?, ?, ?, ?, 0, 'thuc_hien', ?)",
                rows,
            )
            n += len(rows)
    db.conn.close()
    period = parse_period(big_database_period())
    assert period.id in _big_periods(), "the benches read a period the file has"
    return wards, period


def bench_district_total(path: Path, wards: list[str], period: Period) -> list[Result]:
    from hbt_desktop.store.file.connection import open_database
    from hbt_desktop.store.values import period_totals

    db = open_database(path)
    count = int(db.execute("SELECT COUNT(*) FROM figure_values").fetchone()[0])
    totals: dict[str, object] = {}

    def ours() -> None:
        totals.update(period_totals(db, wards, period))

    def raw() -> None:
        db.execute("SELECT num FROM figure_values WHERE period = ?", [period.id]).fetchall()

    ours_t = best_of(ours, 15)
    raw_t = best_of(raw, 15)
    sample = next(iter(totals.values()))
    assert isinstance(getattr(sample, "amount", None), Decimal)
    return [
        Result(
            "district_total_3m",
            f"district totals of {len(totals)} indicators, one period, {count / 1e6:.1f} M values in the file",
            ours_t,
            raw_t,
            "s",
            "< 100 ms",
            ours_t < 0.1,
            "baseline: raw SELECT of the period's rows",
        )
    ]


def run_all(folder: Path, quick: bool = False) -> list[Result]:
    """The benches below the window; ``quick`` leaves out the 3-million-value file."""
    results = bench_documents(folder)
    results += bench_annual_report(folder)
    results += bench_import(folder)
    if not quick:
        wards, period = build_big_database(folder / "big.db")
        results += bench_district_total(folder / "big.db", wards, period)
    return results


def big_database_period() -> str:
    """The month whose totals and grid the 3-million-value benches read."""
    return "2023Q2"

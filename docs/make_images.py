"""Render the demo bulletin and report to PNG for the README (docs/images/).

    .venv/bin/python docs/make_images.py

Builds a fresh demo database in a temporary folder, prints both documents through the
command line exactly as a clerk would, and renders chosen pages with pypdfium2.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pypdfium2 as pdfium

from hbt_desktop.cli import main

IMAGES = Path(__file__).resolve().parent / "images"
PAGES = {
    "bulletin": [(1, "bulletin-page1.png"), (2, "bulletin-page2.png")],
    "report": [(1, "report-page1.png"), (2, "report-page2.png"), (4, "report-appendix-wards.png")],
}


def render(pdf: Path, page: int, target: Path, scale: float = 1.4) -> None:
    document = pdfium.PdfDocument(str(pdf))
    image = document[page - 1].render(scale=scale).to_pil()
    image.save(target, optimize=True)


def make() -> None:
    IMAGES.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "demo.db"
        for command, pages in PAGES.items():
            pdf = Path(tmp) / f"{command}.pdf"
            if main([command, "--db", str(db), "--out", str(pdf)]) != 0:
                raise SystemExit(f"{command} failed")
            for page, name in pages:
                render(pdf, page, IMAGES / name)
                print(IMAGES / name)


if __name__ == "__main__":
    make()

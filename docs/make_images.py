"""Render the demo bulletin and report to PNG for the README (docs/images/).

    .venv/bin/python docs/make_images.py

Builds a fresh demo database in a temporary folder, prints both documents through the
command line exactly as a clerk would, and renders chosen pages with pypdfium2 — every
page of the bulletin (bulletin-page1.png, bulletin-page2.png, …).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pypdfium2 as pdfium

from hbt_desktop.cli import main

IMAGES = Path(__file__).resolve().parent / "images"
# None: every page, named "<command>-page<n>.png".
PAGES: dict[str, list[tuple[int, str]] | None] = {
    "bulletin": None,
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
        for command, chosen in PAGES.items():
            pdf = Path(tmp) / f"{command}.pdf"
            if main([command, "--db", str(db), "--out", str(pdf)]) != 0:
                raise SystemExit(f"{command} failed")
            pages = chosen
            if pages is None:
                count = len(pdfium.PdfDocument(str(pdf)))
                pages = [(n, f"{command}-page{n}.png") for n in range(1, count + 1)]
            for page, name in pages:
                render(pdf, page, IMAGES / name)
                print(IMAGES / name)


if __name__ == "__main__":
    make()

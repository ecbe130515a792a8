"""Render every page of the demo bulletin and report, of a draft report and of the report
as a Word file, to PNG for the README (docs/images/).

    .venv/bin/python docs/make_images.py

Builds a fresh demo database in a temporary folder and prints the documents through the
command line exactly as a clerk would; the draft is the demo report with its number,
date and signer cleared (what the office prints before the leader signs); the Word file
is opened and turned into PDF by LibreOffice headless when it is installed, as the test
of its layout does. Pages are rendered with pypdfium2; images left from a longer
document of an earlier run are removed.
"""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
import tempfile
from pathlib import Path

import pypdfium2 as pdfium

from hbt_desktop.cli import main
from hbt_desktop.core.periods import parse_period
from hbt_desktop.store.documents import load_document, save_document
from hbt_desktop.store.file.connection import open_database

IMAGES = Path(__file__).resolve().parent / "images"
DEMO_UNIT, DEMO_PERIOD = "Q007", "2023YTD02"


def render(pdf: Path, prefix: str, scale: float = 1.4) -> None:
    """``{prefix}-page{n}.png`` for every page; older pages beyond the last are removed."""
    document = pdfium.PdfDocument(str(pdf))
    for old in IMAGES.glob(f"{prefix}-page*.png"):
        old.unlink()
    for index in range(len(document)):
        target = IMAGES / f"{prefix}-page{index + 1}.png"
        document[index].render(scale=scale).to_pil().save(target, optimize=True)
        print(target)


def print_document(db: Path, command: str, out: Path) -> Path:
    if main([command, "--db", str(db), "--out", str(out)]) != 0:
        raise SystemExit(f"{command} failed")
    return out


def make_draft(db_path: Path) -> None:
    """The demo report before the leader signs: no number, no date, no signer yet."""
    db = open_database(db_path)
    try:
        doc = load_document(db, DEMO_UNIT, parse_period(DEMO_PERIOD))
        assert doc is not None
        save_document(db, dataclasses.replace(doc, number="", issue_date=None, signer_name=""))
    finally:
        db.close()


def word_to_pdf(docx: Path, folder: Path) -> Path | None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("LibreOffice is not installed: the Word pages are not rendered")
        return None
    profile = f"-env:UserInstallation={(folder / 'lo-profile').as_uri()}"
    subprocess.run(
        [soffice, profile, "--headless", "--convert-to", "pdf", "--outdir", str(folder), str(docx)],
        check=True,
        capture_output=True,
        timeout=240,
    )
    return folder / f"{docx.stem}.pdf"


def make() -> None:
    IMAGES.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = folder / "demo.db"
        render(print_document(db, "bulletin", folder / "bulletin.pdf"), "bulletin")
        render(print_document(db, "report", folder / "report.pdf"), "report")
        word = word_to_pdf(print_document(db, "report", folder / "report-word.docx"), folder)
        if word is not None:
            render(word, "report-word")
        make_draft(db)
        render(print_document(db, "report", folder / "report-draft.pdf"), "report-draft")


if __name__ == "__main__":
    make()

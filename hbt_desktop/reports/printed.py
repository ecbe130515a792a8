"""A printed file's record read back (``verify-print``): from a PDF's XMP metadata or a
Word file's custom XML part (``reports.metadata`` writes them).
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from pypdf import PdfReader
from pypdf.errors import PdfReadError

from hbt_desktop.core.errors import InputError
from hbt_desktop.core.provenance import PrintRecord
from hbt_desktop.reports.docx_report import docx_record
from hbt_desktop.reports.metadata import record_from_xml


def read_record(path: Path) -> PrintRecord | None:
    """The record a printed file carries; None when it carries none (a file from another
    program, or saved again by one that dropped the metadata). An unreadable file is
    refused in one sentence."""
    data = _read(path)
    if data.startswith(b"%PDF"):
        return _pdf_record(path, data)
    if data.startswith(b"PK"):
        try:
            return docx_record(io.BytesIO(data))
        except ValueError as error:
            raise InputError("print.unreadable", path=str(path)) from error
    raise InputError("print.unreadable", path=str(path))


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise InputError("print.unreadable", path=str(path)) from error


def _pdf_record(path: Path, data: bytes) -> PrintRecord | None:
    try:
        root: Any = PdfReader(io.BytesIO(data)).trailer["/Root"]
        metadata = root.get_object().get("/Metadata")
        if metadata is None:
            return None
        return record_from_xml(metadata.get_object().get_data())
    except (PdfReadError, KeyError, ValueError, OSError) as error:
        raise InputError("print.unreadable", path=str(path)) from error

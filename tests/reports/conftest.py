"""Shared set-up for the PDF tests: bundled fonts, built documents, text with positions.

The bundled fonts are forced (HBT_DESKTOP_BUNDLED_FONTS=1) so that the output is the same
on a machine with Times New Roman installed as on one without. Each document is built
once per session and read back with pypdf.
"""

from __future__ import annotations

import io
import os

os.environ["HBT_DESKTOP_BUNDLED_FONTS"] = "1"

from dataclasses import dataclass

import pytest
from pypdf import PdfReader

from hbt_desktop.reports.bulletin import build_bulletin
from hbt_desktop.reports.decree30 import build_report
from hbt_desktop.reports.output import BuildInfo

from .sample_content import bulletin_content, report_content


@dataclass(frozen=True)
class Built:
    data: bytes
    info: BuildInfo

    @property
    def reader(self) -> PdfReader:
        return PdfReader(io.BytesIO(self.data))


@pytest.fixture(scope="session")
def report() -> Built:
    out = io.BytesIO()
    info = build_report(report_content(), out, invariant=True)
    return Built(out.getvalue(), info)


@pytest.fixture(scope="session")
def bulletin() -> Built:
    out = io.BytesIO()
    info = build_bulletin(bulletin_content(), out, invariant=True)
    return Built(out.getvalue(), info)

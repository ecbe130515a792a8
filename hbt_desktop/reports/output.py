"""What a build returns, and how the finished PDF reaches its destination.

The document is laid out in memory and written only once complete: a failed build (a
refused character, a layout error) never leaves a half-written file where the clerk's
previous good copy was.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from hbt_desktop.reports.fonts import FontSet
from hbt_desktop.reports.page import PageLog

Output = str | Path | BinaryIO


@dataclass(frozen=True)
class BuildInfo:
    """The outcome of building one PDF."""

    pages: int
    fonts: dict[str, Path]  # registered face name -> the TTF file it was drawn from
    warnings: tuple[str, ...] = ()  # e.g. a photo that could not be read (clerk language)
    system_fonts: bool = False  # True when Times New Roman came from the machine


def build_info(log: PageLog, fonts: FontSet, warnings: list[str]) -> BuildInfo:
    used = {name: fonts.files[name] for name in log.fonts if name in fonts.files}
    return BuildInfo(
        pages=log.pages,
        fonts=used,
        warnings=tuple(warnings),
        system_fonts=fonts.system_serif,
    )


def write_pdf(data: bytes, out: Output) -> None:
    """Write ``data`` to a path (atomically: temporary file then rename) or a binary stream."""
    if isinstance(out, str | Path):
        target = Path(out)
        fd, tmp = tempfile.mkstemp(prefix=".~", suffix=".pdf", dir=target.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return
    out.write(data)

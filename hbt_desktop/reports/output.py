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

from reportlab import rl_config

from hbt_desktop.core.errors import HbtError
from hbt_desktop.core.i18n import get_language, register
from hbt_desktop.reports.fonts import FontSet
from hbt_desktop.reports.page import PageLog

Output = str | Path | BinaryIO

# reportlab wraps image data in ASCII85 by default, in pure Python: for the bulletin's
# photos that was half the build time and a quarter more bytes. PDF streams are binary
# anyway; every viewer and printer reads them.
rl_config.useA85 = 0

register(
    {
        "reports.unknown_extension": {
            "vi": "Không ghi được {what} ra tệp «{name}»: hãy đặt tên tệp có đuôi {allowed}.",
            "en": "Cannot write the {what} to «{name}»: give the file name the extension {allowed}.",
        },
        "reports.cannot_write": {
            "vi": (
                "Không ghi được tệp {path} ({reason}). Nếu tệp đang mở trong chương trình "
                "đọc PDF, hãy đóng lại; hoặc chọn thư mục khác rồi in lại."
            ),
            "en": (
                "Could not write {path} ({reason}). If the file is open in a PDF reader, "
                "close it; or choose another folder, then print again."
            ),
        },
    }
)


# What each document can be written as: the bulletin is a PDF; the report a PDF or a Word
# file for the leader to edit.
FORMATS = {"bulletin": (".pdf",), "report": (".pdf", ".docx")}
_NAMES = {"bulletin": ("bản tin", "bulletin"), "report": ("báo cáo", "report")}


def output_format(document: str, path: Path) -> str:
    """``".pdf"`` or ``".docx"``, from the name the clerk gave; any other extension is
    refused in one sentence (never a PDF written under a .docx name)."""
    suffix = path.suffix.lower()
    allowed = FORMATS[document]
    if suffix in allowed:
        return suffix
    vi, en = _NAMES[document]
    english = get_language() == "en"
    raise HbtError(
        "reports.unknown_extension",
        what=en if english else vi,
        name=path.name,
        allowed=(" or " if english else " hoặc ").join(allowed),
    )


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


def write_pdf(data: bytes, out: Output, *, suffix: str = ".pdf") -> None:
    """Write ``data`` to a path (atomically: temporary file then rename) or a binary stream;
    ``suffix`` names the temporary file's kind (a Word file is written the same way).

    A path that cannot be written is refused with one sentence the clerk can act on; the
    usual cause on Windows is the previous copy still open in a PDF reader.
    """
    if not isinstance(out, str | Path):
        out.write(data)
        return
    target = Path(out)
    try:
        fd, tmp = tempfile.mkstemp(prefix=".~", suffix=suffix, dir=target.parent)
    except OSError as error:
        raise HbtError("reports.cannot_write", path=str(target), reason=error.strerror) from error
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except OSError as error:
        Path(tmp).unlink(missing_ok=True)
        raise HbtError("reports.cannot_write", path=str(target), reason=error.strerror) from error
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise

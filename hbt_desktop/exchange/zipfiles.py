"""Reading a zip that comes from outside: every member's bytes, after checking the zip's
directory first — names (a path can never leave the zip: each name must match the
caller's pattern in full, so ``../``, absolute paths and backslashes are refused), no
name twice, the number of members, the declared and unpacked sizes, the compression
ratio (a zip bomb unpacks a few kilobytes into gigabytes), no encryption, only stored or
deflated members — and reading each member no further than its declared size. Used by
the exchange packages and by the document files; each turns :class:`ZipRefused` into
its own message.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from collections.abc import Mapping

from hbt_desktop.exchange.tables import Limits

_MB = 1024 * 1024


class ZipRefused(Exception):
    """Why a zip is not read: ``reason`` is "damaged", "bad_member" (``name``) or
    "too_big" (``detail``); ``params`` are those for the caller's message."""

    def __init__(self, reason: str, **params: str) -> None:
        super().__init__(reason)
        self.reason = reason
        self.params = params


def read_members(
    raw: bytes,
    allowed: re.Pattern[str],
    limits: Limits,
    *,
    max_sizes: Mapping[str, int] | None = None,
) -> dict[str, bytes]:
    """The members of the zip ``raw`` by name; ``max_sizes`` bounds single members."""
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            infos = archive.infolist()
            _check_directory(infos, allowed, limits, max_sizes or {})
            members: dict[str, bytes] = {}
            for info in infos:
                with archive.open(info) as member:
                    data = member.read(info.file_size + 1)
                if len(data) != info.file_size:
                    raise ZipRefused("damaged")
                members[info.filename] = data
            return members
    except ZipRefused:
        raise
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        zlib.error,
        struct.error,
        EOFError,
        ValueError,
        OSError,
        NotImplementedError,
        RuntimeError,
    ):
        # CRC errors, truncation, an unknown compression: all "damaged".
        raise ZipRefused("damaged") from None


def _check_directory(
    infos: list[zipfile.ZipInfo],
    allowed: re.Pattern[str],
    limits: Limits,
    max_sizes: Mapping[str, int],
) -> None:
    if len(infos) > limits.max_zip_members:
        raise ZipRefused("too_big", detail=f"{len(infos)} > {limits.max_zip_members}")
    seen: set[str] = set()
    for info in infos:
        if not allowed.fullmatch(info.filename) or info.filename in seen:
            raise ZipRefused("bad_member", name=info.filename)
        seen.add(info.filename)
        if info.flag_bits & 0x1 or info.compress_type not in (
            zipfile.ZIP_STORED,
            zipfile.ZIP_DEFLATED,
        ):
            raise ZipRefused("damaged")
    total = sum(i.file_size for i in infos)
    if total > limits.max_unzipped_bytes:
        raise ZipRefused("too_big", detail=f"{total // _MB} MB")
    for info in infos:
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > _MB and ratio > limits.max_ratio:
            raise ZipRefused("too_big", detail=f"{info.filename}: 1:{ratio:.0f}")
        if info.file_size > max_sizes.get(info.filename, info.file_size):
            raise ZipRefused("too_big", detail=info.filename)

"""hbt-desktop: offline figures, Vietnamese bulletins and Decree 30 reports for district and ward offices."""

from __future__ import annotations

import os
import sys
from functools import cache

DISTRIBUTION = "hbt-desktop"
SOURCE_VERSION = "0.0.0+source"  # a source tree that was never installed


@cache
def version() -> str:
    """The installed version, looked up the first time something needs it.

    Not at import: ``importlib.metadata`` pulls in the email package and costs ~70 ms of
    every start of the window, which never shows the version. The installed
    distribution's folder is named ``hbt_desktop-<version>.dist-info`` (the packaging
    standard fixes that form; the frozen build copies it), so that name is read first;
    anything unusual (two such folders, none) is left to ``importlib.metadata``.
    """
    prefix = DISTRIBUTION.replace("-", "_") + "-"
    found: set[str] = set()
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:  # a zip file or a folder that is gone
            continue
        found.update(
            name[len(prefix) : -len(".dist-info")]
            for name in names
            if name.startswith(prefix) and name.endswith(".dist-info")
        )
    if len(found) == 1:
        return found.pop()
    from importlib.metadata import PackageNotFoundError  # noqa: PLC0415
    from importlib.metadata import version as metadata_version  # noqa: PLC0415

    try:
        return metadata_version(DISTRIBUTION)
    except PackageNotFoundError:
        return SOURCE_VERSION


def __getattr__(name: str) -> str:
    # ``from hbt_desktop import __version__`` keeps working, paying for the lookup only
    # in the modules that ask.
    if name == "__version__":
        return version()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

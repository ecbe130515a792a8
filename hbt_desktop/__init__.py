"""hbt-desktop: offline figures, Vietnamese bulletins and Decree 30 reports for district and ward offices."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("hbt-desktop")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"

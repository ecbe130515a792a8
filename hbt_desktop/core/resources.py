"""Where the shipped files (fonts, reference data, demo data, translations) are.

Three ways the program runs, three places ``resources/`` ends up:
- from a source checkout or an editable install: ``<checkout>/resources``;
- from a wheel: copied into the package as ``hbt_desktop/resources`` (pyproject.toml);
- frozen by PyInstaller: ``<sys._MEIPASS>/resources`` (packaging/hbt-desktop.spec).
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path


@cache
def resources_dir() -> Path:
    package = Path(__file__).resolve().parent.parent
    candidates = []
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        candidates.append(Path(frozen_root) / "resources")
    candidates += [package / "resources", package.parent / "resources"]
    for candidate in candidates:
        if (candidate / "fonts").is_dir():
            return candidate
    raise FileNotFoundError(
        "hbt-desktop's resources folder is missing; looked in "
        + ", ".join(str(c) for c in candidates)
    )


def resource_path(*parts: str) -> Path:
    """A file under ``resources/``, e.g. ``resource_path("fonts", "Tinos-Regular.ttf")``."""
    return resources_dir().joinpath(*parts)

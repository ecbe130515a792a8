"""The frozen program's entry point (packaging/hbt-desktop.spec).

Not ``hbt_desktop/__main__.py``: PyInstaller puts the entry script's folder on the
import path, and that folder must not be the package itself (``core`` would then also
be importable as a top-level module, twice loaded under two names).
"""

from __future__ import annotations

import sys

from hbt_desktop.cli.main import main

if __name__ == "__main__":
    sys.exit(main())

"""A guard against a reference-counting bug of the Qt bindings on Python 3.11.

PySide6 6.12's wheels (one binary for Python 3.10 and later, "abi3") return ``None``
from every C++ function that returns nothing, and ``True``/``False`` from signal
emissions, without taking a new reference — correct on Python 3.12 and later, where
these objects are immortal (PEP 683), wrong on 3.11, where each such call takes one
reference away. A cell edit costs about a hundred references of ``None``; Python 3.11
starts with about twenty thousand, so after some hundred edits the interpreter aborts
with "Fatal Python error: none_dealloc" — the program dies in the middle of the
clerk's work (nothing typed is lost: every accepted cell is already stored, but the
crash is unacceptable).

On Python 3.11 this guard does by hand what 3.12 does by design: it gives these
singletons a reference count so large that no realistic run can wear it down (2**40
references; a busy day costs well under a million). The objects are never freed in
any case — they are static singletons of the interpreter — so nothing else changes.
On 3.12 and later it does nothing. Remove it once Python 3.11 is no longer supported
or the bindings are fixed (tests/ui/test_refcount_guard.py shows the leak).
"""

from __future__ import annotations

import ctypes
import logging
import sys

RESERVE = 1 << 40
# The singletons Python 3.12 made immortal that C extensions commonly return.
_SINGLETONS: tuple[object, ...] = (None, True, False, Ellipsis, NotImplemented, ())

log = logging.getLogger(__name__)

_applied = False


def needed() -> bool:
    return sys.version_info < (3, 12) and sys.implementation.name == "cpython"


def apply() -> None:
    """Top up the singletons' reference counts once per process (Python < 3.12 only)."""
    global _applied  # noqa: PLW0603 - once per process, like the interpreter state it patches
    if _applied or not needed():
        return
    for obj in _SINGLETONS:
        # ob_refcnt is the first field of every object in CPython 3.11 (PyObject_HEAD).
        ctypes.c_ssize_t.from_address(id(obj)).value += RESERVE
    _applied = True
    # Said in the log so that a frozen build (which bundles its own Python) can be
    # checked for it: packaging/build.py's smoke test reads this line.
    log.info("refcount guard applied (Python %s)", sys.version.split()[0])

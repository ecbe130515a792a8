"""The PySide6 desktop interface. The only package that imports Qt."""

from hbt_desktop.ui import refcount_guard

# Before any Qt call: see refcount_guard for the bug this protects against.
refcount_guard.apply()

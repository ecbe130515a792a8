"""The life of the database file: opening and migrating it, backups, restore, recovery, the
lock, checks of its soundness and of where it lives. Nothing here reads figures or
documents as such; the queries beside this package (``store.values``, ``store.units`` …) do.
"""

"""The life of the database file: opening and migrating it, backups, restore, recovery, the
lock, checks of its soundness and of where it lives, and the settings kept in it.

Nothing here reads figures or documents as such — the queries beside this package
(``store.values``, ``store.units`` …) do — and nothing here imports them: the queries may
use the file, the file knows nothing of what they ask.
"""

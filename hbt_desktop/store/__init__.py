"""The SQLite file, and the only package with SQL: the life of the file in ``store.file``
(opening, migrations, backups, restore, recovery, the lock), the queries beside it.

The queries read and write what the rules of ``core`` need (``core.access``,
``core.review``, ``core.values``): the store fetches the rows and asks the rule. Figures
change only through ``store.writes``.
"""

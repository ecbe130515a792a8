"""One function per user action, no Qt: the only layer the screens (ui/) and the command
line (cli/) call, besides the read-only queries of the store listed in
tests/test_architecture.py (``READ_ONLY``).

A module per family of actions: ``opening`` (open, recover, new, demo, check),
``backups``, ``imports`` (every import backs the file up first, there), ``exports``,
``offices`` (ward ↔ district), ``signoff``, ``accounts``, ``entry`` (what the clerk
types: figures, a document's text), ``reference`` (catalogue, units), ``documents``
(printing) with ``assemble`` (database → page content) and ``document_files``.

An action that changes the data file returns a :class:`~hbt_desktop.app.changes.Done`:
its value, the :class:`~hbt_desktop.app.changes.Changes` the screens refresh from, and
notices for the clerk; one that only reads or writes a file returns its result. Every
refusal is an :class:`~hbt_desktop.core.errors.HbtError` with a message key. An action
takes the database connection (``db``), or — when it backs the file up — the data file
(:class:`~hbt_desktop.app.opening.DataFile`); a window runs the slower ones on its task
runner with a connection of its own (``ui.tasks.TaskRunner.on_file``).
"""

"""The command line, ``hbt-desktop`` (docs/dong-lenh.md): ``parser`` (every command and
option), ``main`` (runs one command, or opens the window), ``common`` (what the commands
share), and a module per family of commands — ``files``, ``datafile``, ``documents``,
``offices`` — each command one call into ``app`` — and ``signing_in`` (who acts)."""

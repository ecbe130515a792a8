"""The command line: ``hbt-desktop`` and its commands (``main``)."""

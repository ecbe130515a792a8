"""Nothing goes wrong silently: every ``except`` in the store, the use-case layer and the
command line either raises, logs, uses what it caught, or says in a comment why nothing
needs saying.

(The same rule over the whole package found a few sites in ui/, reports/ and core/ that
are reported to their owners; see the durability report.)
"""

from __future__ import annotations

import ast
import logging
from pathlib import Path

from hbt_desktop.cli import datafile
from hbt_desktop.cli import main as cli
from hbt_desktop.cli.parser import EXIT_UNEXPECTED

PACKAGE = Path(__file__).resolve().parents[2] / "hbt_desktop"
CHECKED = sorted(p for part in ("store", "app", "cli") for p in (PACKAGE / part).rglob("*.py"))
LOGGING = {"exception", "error", "warning", "info", "debug", "critical"}


def _is_visible(handler: ast.ExceptHandler, lines: list[str]) -> bool:
    for node in ast.walk(handler):
        if isinstance(node, ast.Raise):
            return True
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in LOGGING
        ):
            return True
        if handler.name and isinstance(node, ast.Name) and node.id == handler.name:
            return True  # what was caught is used: turned into a message or a result
    first_body = handler.body[0].lineno if handler.body else handler.lineno
    return "#" in lines[handler.lineno - 1] or "#" in lines[first_body - 1]


def silent_handlers(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    return [
        f"{path.name}:{node.lineno}: {lines[node.lineno - 1].strip()}"
        for node in ast.walk(ast.parse(text))
        if isinstance(node, ast.ExceptHandler) and not _is_visible(node, lines)
    ]


def test_no_silent_except_in_the_store_the_use_cases_or_the_command_line() -> None:
    assert len(CHECKED) > 35, "found the modules to check"
    assert [s for path in CHECKED for s in silent_handlers(path)] == []


def test_the_rule_catches_a_silent_except(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "try:\n    x = 1\nexcept OSError:\n    pass\n"
        "try:\n    x = 1\nexcept OSError:  # a why\n    pass\n"
        "try:\n    x = 1\nexcept OSError as e:\n    log.warning('%s', e)\n",
        encoding="utf-8",
    )
    assert silent_handlers(sample) == ["sample.py:3: except OSError:"]


def test_unexpected_errors_reach_the_log_with_context(tmp_path: Path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]

    def boom(args, closing):  # type: ignore[no-untyped-def]
        raise ZeroDivisionError("deep inside")

    monkeypatch.setitem(datafile.COMMANDS, "check", boom)  # type: ignore[index]
    log_file = tmp_path / "hbt-desktop.log"
    monkeypatch.setattr(cli, "setup_logging", lambda: log_file)
    handler = logging.FileHandler(log_file, encoding="utf-8")
    logging.getLogger().addHandler(handler)
    try:
        assert cli.main(["check", "--db", str(tmp_path / "x.db")]) == EXIT_UNEXPECTED
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and str(log_file) in err  # one sentence, where the log is
    logged = log_file.read_text(encoding="utf-8")
    assert "unexpected error in check" in logged and "ZeroDivisionError: deep inside" in logged
    assert "x.db" in logged  # the command line it ran, for whoever reads the log

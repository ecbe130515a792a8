"""The layering rules of docs/developers.md, checked on the source text.

Qt only in hbt_desktop/ui; SQL only in hbt_desktop/store; core imports neither store nor
reports nor exchange. Checked by reading the files (not by importing) so that a violation
is found even in a module no test imports.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "hbt_desktop"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def _modules(subpackage: str | None = None) -> list[Path]:
    root = PACKAGE / subpackage if subpackage else PACKAGE
    return sorted(root.rglob("*.py"))


def test_pyside6_is_imported_only_under_ui() -> None:
    leaks = [
        str(path.relative_to(PACKAGE))
        for path in _modules()
        if path.relative_to(PACKAGE).parts[0] != "ui"
        and any(name.split(".")[0] in {"PySide6", "shiboken6"} for name in _imports(path))
    ]
    assert leaks == []


def test_core_has_no_sql_store_or_reports() -> None:
    forbidden = (
        "sqlite3",
        "sqlite_utils",
        "hbt_desktop.store",
        "hbt_desktop.reports",
        "hbt_desktop.exchange",
        "hbt_desktop.ui",
        "reportlab",
    )
    offenders = {
        str(path.relative_to(PACKAGE)): sorted(n for n in _imports(path) if n.startswith(forbidden))
        for path in _modules("core")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_reports_and_exchange_do_not_import_ui() -> None:
    for sub in ("reports", "exchange", "store"):
        for path in _modules(sub):
            assert not any(n.startswith("hbt_desktop.ui") for n in _imports(path)), path


SQL = re.compile(r"\b(SELECT|INSERT|UPDATE|DELETE)\b.*\b(FROM|INTO|SET)\b")


def test_sql_text_lives_only_in_store() -> None:
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in _modules()
        if path.relative_to(PACKAGE).parts[0] != "store"
        and any(SQL.search(line) for line in path.read_text(encoding="utf-8").splitlines())
    ]
    assert offenders == []


def test_the_test_itself_catches_a_leak(tmp_path: Path) -> None:
    leaky = tmp_path / "leak.py"
    leaky.write_text("from PySide6.QtCore import QObject\n", encoding="utf-8")
    assert "PySide6.QtCore" in _imports(leaky)


def test_the_life_of_the_file_imports_nothing_of_the_queries() -> None:
    """store/file/ (opening, migrations, backups …) uses core and itself only: the queries
    beside it may use the file, never the reverse."""
    offenders = {
        str(path.relative_to(PACKAGE)): sorted(
            n
            for n in _imports(path)
            if n.startswith("hbt_desktop.")
            and not n.startswith(("hbt_desktop.core", "hbt_desktop.store.file"))
            and n != "hbt_desktop"  # __version__
        )
        for path in _modules("store/file")
    }
    assert len(offenders) > 5, "found the modules to check"
    assert {k: v for k, v in offenders.items() if v} == {}

"""The shape of the package (README, "Developer notes"), checked on the source text.

Read, not imported, so that a violation is found even in a module no test imports.
Every import form is read: ``import a.b``, ``from a import b`` (``b`` a module or a
name), relative imports, ``importlib.import_module("…")`` and ``__import__("…")``;
an import under ``if TYPE_CHECKING:`` is known as one (it never runs), an import inside
a function as one (it runs later). The rules:

- the layers import downwards only: core < store < exchange, reports < app < ui, cli;
  within the store, its file's life (``store/file``) knows nothing of the queries;
- no import cycle anywhere, counting the imports inside functions;
- Qt only in ui/; SQL text only in store/, whatever its case and across lines;
  ``sqlite3``/``sqlite_utils`` only in store/ (elsewhere under TYPE_CHECKING only);
  each heavy library in the one layer that uses it;
- ui/ and cli/ call ``app`` and read through the read-only queries of the store listed
  in :data:`READ_ONLY` (the one place they are listed), nothing else of the store,
  exchange or reports;
- an import inside a function is one of :data:`DEFERRED`, each kept for a reason;
- a package's ``__init__`` re-exports nothing (each name is imported one way).

Each rule is shown failing on a planted violation (the ``test_…_is_caught`` tests).
"""

from __future__ import annotations

import ast
import re
import textwrap
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "hbt_desktop"
ROOT = "hbt_desktop"

# Lower imports higher never; equal ranks do not import each other (exchange and
# reports are siblings; ui and cli too, but the command line starts the window).
RANKS = {"core": 0, "store": 1, "exchange": 2, "reports": 2, "app": 3, "ui": 4, "cli": 4}
ACROSS = {("cli", "hbt_desktop.ui.app")}  # ``hbt-desktop`` with no command opens the window

# What ui/ and cli/ may take from the store: queries that only read, and the types they
# and the app's actions return. Everything that writes goes through ``app``.
READ_ONLY: Mapping[str, frozenset[str]] = {
    # accounts: who may sign in, what an account is
    "hbt_desktop.store.accounts": frozenset(
        {
            "Account",
            "Role",
            "SignedIn",
            "get_account",
            "has_accounts",
            "list_accounts",
            "parse_role",
        }
    ),
    # the change log
    "hbt_desktop.store.audit": frozenset({"HistoryEntry", "cell_history", "verify_audit"}),
    # which wards have sent
    "hbt_desktop.store.completeness": frozenset(
        {"Completeness", "WardCompleteness", "completeness", "completeness_json"}
    ),
    # backups: the list of them and what each holds
    "hbt_desktop.store.file.backup": frozenset(
        {
            "BackupInfo",
            "BackupOutcome",
            "contents_text",
            "default_backup_dir",
            "list_backups",
            "mirror_folder",
            "read_backup",
        }
    ),
    "hbt_desktop.store.file.connection": frozenset({"schema_state"}),
    "hbt_desktop.store.file.location": frozenset({"default_db_path", "log_dir"}),
    "hbt_desktop.store.file.lock": frozenset({"handover_key"}),
    "hbt_desktop.store.file.migrations": frozenset({"SCHEMA_VERSION"}),
    "hbt_desktop.store.file.recovery": frozenset({"OpenedDatabase", "Recovery", "RecoveryChoice"}),
    "hbt_desktop.store.file.settings": frozenset({"holds_demo"}),
    "hbt_desktop.store.file.verify": frozenset({"FileReport"}),
    # the workstation, approvals in force, names of units
    "hbt_desktop.store.guard": frozenset({"active_locks", "station", "unit_label"}),
    "hbt_desktop.store.workstation": frozenset({"require_workstation"}),
    # files received and returned
    "hbt_desktop.store.packages": frozenset({"ReturnedNote", "open_returned_notes"}),
    "hbt_desktop.store.review": frozenset(
        {"Decided", "ImportRecord", "get_import", "list_imports", "review"}
    ),
    # figures and units as the grids show them
    "hbt_desktop.store.source": frozenset({"StoreSource"}),
    "hbt_desktop.store.units": frozenset({"load_units"}),
    "hbt_desktop.store.values": frozenset(
        {
            "bases_for_indicators",
            "filled_indicators",
            "last_change",
            "periods_with_data",
            "value_history",
            "values_for_indicators",
            "values_matrix",
        }
    ),
}

# The imports kept inside functions, by what they import (a module, or a prefix ending in
# "."), and why. Everything else is imported at the top of its module.
DEFERRED: Mapping[str, str] = {
    # Start-up time of the window: it shows the first tab; the other tabs, the dialogs of
    # the menus and the flows of the Exchange and Sign-off menus are loaded when opened.
    "hbt_desktop.ui.": "a screen or menu flow, loaded when first opened",
    "hbt_desktop.app.assemble": "the writing screen's draft (Jinja2 templates), when opened",
    "hbt_desktop.store.accounts": "password hashing (argon2), once the window is on screen",
    "hbt_desktop.store.packages": "a ward's returned notes (with password hashing), for a ward",
    # Start-up time of the command line: --version, --help and the window build only the
    # parser; a command's module (with its layers) is loaded when that command runs.
    "hbt_desktop.cli.": "a command's module, loaded when that command runs",
    "hbt_desktop.store.file.location": "platformdirs, once --version and --help are past",
    # Only a brand-new data file needs the importers and the shipped reference data.
    "hbt_desktop.exchange.seed": "the reference data, for a new file only",
    # Heavy libraries for one kind of file: python-docx, pypdf, openpyxl.
    "hbt_desktop.reports.docx_report": "python-docx, for a Word file only",
    "hbt_desktop.reports.printed": "pypdf and python-docx, for verify-print only",
    "openpyxl": "an .xlsx file only (openpyxl costs ~170 ms to import)",
    # The installed version, read when asked (importlib.metadata costs ~70 ms).
    "importlib.metadata": "the version, when asked",
}

# Each heavy library lives in one layer (the others reach it through that layer).
LIBRARIES = {
    "PySide6": "ui",
    "shiboken6": "ui",
    "reportlab": "reports",
    "docx": "reports",
    "pypdf": "reports",
    "openpyxl": "exchange",
    "cryptography": "exchange",
    "argon2": "store",
    "jinja2": "core",
}
DATABASE_LIBRARIES = ("sqlite3", "sqlite_utils")

SQL = re.compile(
    r"\b(?:select\s+(?:distinct\s+)?[\w*.,()\s]+?\s+from\s+\w+"
    r"|insert\s+(?:or\s+\w+\s+)?into\s+\w+"
    r"|update\s+\w+\s+set\s+\w+\s*="
    r"|delete\s+from\s+\w+"
    r"|create\s+(?:unique\s+)?(?:table|index|trigger|view)\b"
    r"|drop\s+(?:table|index|trigger|view)\b"
    r"|alter\s+table\s+\w+"
    r"|pragma\s+\w+)",
    re.IGNORECASE | re.DOTALL,
)


# -- reading the source ------------------------------------------------------------------


@dataclass(frozen=True)
class Import:
    source: str  # the importing module
    target: str  # the module imported (a name imported from it is in ``names``)
    names: tuple[str, ...]
    line: int
    deferred: bool  # inside a function
    type_only: bool  # under ``if TYPE_CHECKING:``


@dataclass
class Tree:
    """The modules of a package folder, their imports and string texts."""

    root: Path
    package: str = ROOT
    modules: dict[str, Path] = field(default_factory=dict)
    imports: list[Import] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)  # importlib with a computed name

    @classmethod
    def read(cls, root: Path, package: str = ROOT) -> Tree:
        tree = cls(root, package)
        for path in sorted(root.rglob("*.py")):
            tree.modules[tree.module_of(path)] = path
        for module, path in tree.modules.items():
            tree._read_imports(module, ast.parse(path.read_text(encoding="utf-8")))
        return tree

    def module_of(self, path: Path) -> str:
        parts = [self.package, *path.relative_to(self.root).with_suffix("").parts]
        return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)

    def is_package(self, module: str) -> bool:
        return self.modules.get(module, Path()).name == "__init__.py"

    def layer(self, module: str) -> str | None:
        parts = module.split(".")
        return parts[1] if len(parts) > 1 and parts[0] == self.package else None

    def _resolve(self, module: str, node: ast.ImportFrom) -> str:
        if not node.level:
            return node.module or ""
        base = module.split(".")
        if not self.is_package(module):
            base = base[:-1]
        base = base[: len(base) - (node.level - 1)]
        return ".".join([*base, *([node.module] if node.module else [])])

    def _read_imports(self, module: str, tree: ast.Module) -> None:
        def visit(node: ast.AST, deferred: bool, type_only: bool) -> None:
            if isinstance(node, ast.If) and _is_type_checking(node.test):
                for child in node.body:
                    visit(child, deferred, True)
                for child in node.orelse:
                    visit(child, deferred, type_only)
                return
            if isinstance(node, ast.Import):
                for alias in node.names:
                    self._add(module, alias.name, (), node.lineno, deferred, type_only)
            elif isinstance(node, ast.ImportFrom):
                base = self._resolve(module, node)
                for alias in node.names:
                    sub = f"{base}.{alias.name}"
                    if sub in self.modules:  # ``from package import module``
                        self._add(module, sub, (), node.lineno, deferred, type_only)
                    else:
                        self._add(module, base, (alias.name,), node.lineno, deferred, type_only)
            elif isinstance(node, ast.Call) and _dynamic_import(node):
                first = node.args[0] if node.args else None
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    self._add(module, first.value, (), node.lineno, deferred, type_only)
                else:
                    self.unreadable.append(f"{module}:{node.lineno}")
            inner = deferred or isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
            for child in ast.iter_child_nodes(node):
                visit(child, inner, type_only)

        for statement in tree.body:
            visit(statement, False, False)

    def _add(
        self,
        source: str,
        target: str,
        names: tuple[str, ...],
        line: int,
        deferred: bool,
        type_only: bool,
    ) -> None:
        self.imports.append(Import(source, target, names, line, deferred, type_only))

    def ours(self, imp: Import) -> bool:
        return imp.target == self.package or imp.target.startswith(self.package + ".")

    def texts(self) -> Iterable[tuple[str, int, str]]:
        """(module, line, text) of every string expression that is not a docstring; a
        string split over several lines (implicitly, or with +) is one text."""
        for module, path in self.modules.items():
            tree = ast.parse(path.read_text(encoding="utf-8"))
            docstrings = {id(d) for d in _docstrings(tree)}
            inside: set[int] = set()
            for node in ast.walk(tree):
                if id(node) in inside or id(node) in docstrings:
                    continue
                text = _string_of(node)
                if text is not None:
                    inside.update(id(n) for n in ast.walk(node))
                    yield module, getattr(node, "lineno", 0), text


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _dynamic_import(node: ast.Call) -> bool:
    func = node.func
    if isinstance(func, ast.Name):
        return func.id in {"__import__", "import_module"}
    return isinstance(func, ast.Attribute) and func.attr == "import_module"


def _docstrings(tree: ast.Module) -> list[ast.expr]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.append(body[0].value)
    return found


def _string_of(node: ast.AST) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "x" for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _string_of(node.left), _string_of(node.right)
        if left is not None and right is not None:
            return left + right
    return None


# -- the rules -------------------------------------------------------------------------------

Rule = Callable[[Tree], list[str]]


def layering(tree: Tree) -> list[str]:
    """Every import of the package points to its own layer or a lower one."""
    found = []
    for imp in tree.imports:
        source, target = tree.layer(imp.source), tree.layer(imp.target)
        if not tree.ours(imp) or source is None or target is None or source == target:
            continue
        if source not in RANKS or target not in RANKS:
            continue  # the package's own __init__ / __main__
        if (source, imp.target) in ACROSS:
            continue
        if RANKS[target] >= RANKS[source]:
            found.append(f"{imp.source}:{imp.line} imports {imp.target} ({source} → {target})")
    return found


def the_file_knows_nothing_of_the_queries(tree: Tree) -> list[str]:
    """store/file/ (opening, migrations, backups …) imports core and itself only."""
    own = f"{tree.package}.store.file"
    return [
        f"{imp.source}:{imp.line} imports {imp.target}"
        for imp in tree.imports
        if imp.source.startswith(own)
        and tree.ours(imp)
        and imp.target != tree.package
        and not imp.target.startswith((own, f"{tree.package}.core"))
    ]


def cycles(tree: Tree) -> list[str]:
    """Import cycles among the package's modules (imports that run: at the top of a
    module or inside a function; not those under TYPE_CHECKING)."""
    graph: dict[str, set[str]] = {m: set() for m in tree.modules}
    for imp in tree.imports:
        if tree.ours(imp) and not imp.type_only and imp.target in graph:
            graph[imp.source].add(imp.target)
    return [" → ".join(sorted(group)) for group in _strongly_connected(graph) if len(group) > 1]


def _strongly_connected(graph: Mapping[str, set[str]]) -> list[list[str]]:
    """Tarjan's algorithm, iteratively."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []
    counter = 0
    for start in graph:
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    group = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.append(member)
                        if member == node:
                            break
                    groups.append(group)
            elif child not in index:
                index[child] = low[child] = counter
                counter += 1
                stack.append(child)
                on_stack.add(child)
                work.append((child, iter(sorted(graph[child]))))
            elif child in on_stack:
                low[node] = min(low[node], index[child])
    return groups


def qt_only_in_ui(tree: Tree) -> list[str]:
    return [
        f"{imp.source}:{imp.line} imports {imp.target}"
        for imp in tree.imports
        if tree.layer(imp.source) != "ui" and imp.target.split(".")[0] in {"PySide6", "shiboken6"}
    ]


def libraries_in_their_layer(tree: Tree) -> list[str]:
    """A heavy library is imported in its own layer only (at run time)."""
    found = []
    for imp in tree.imports:
        home = LIBRARIES.get(imp.target.split(".")[0])
        if home is not None and not imp.type_only and tree.layer(imp.source) != home:
            found.append(f"{imp.source}:{imp.line} imports {imp.target} (it belongs to {home})")
    return found


def database_only_in_store(tree: Tree) -> list[str]:
    """sqlite3 and sqlite_utils at run time in store/ only (a type may be named elsewhere
    under TYPE_CHECKING)."""
    return [
        f"{imp.source}:{imp.line} imports {imp.target}"
        for imp in tree.imports
        if imp.target.split(".")[0] in DATABASE_LIBRARIES
        and not imp.type_only
        and tree.layer(imp.source) != "store"
    ]


def sql_only_in_store(tree: Tree) -> list[str]:
    return [
        f"{module}:{line}: {SQL.search(text).group(0)!r}"  # type: ignore[union-attr]
        for module, line, text in tree.texts()
        if tree.layer(module) != "store" and SQL.search(text)
    ]


def screens_and_commands_read_only_queries(tree: Tree) -> list[str]:
    """ui/ and cli/ call app/; of the store they take only what READ_ONLY lists; of
    exchange and reports nothing (but the types of what app returns, for type hints)."""
    found = []
    for imp in tree.imports:
        if tree.layer(imp.source) not in {"ui", "cli"} or not tree.ours(imp):
            continue
        target = tree.layer(imp.target)
        where = f"{imp.source}:{imp.line} imports {imp.target}"
        if target == "store":
            allowed = READ_ONLY.get(imp.target.replace(tree.package, ROOT, 1), frozenset())
            extra = sorted(set(imp.names) - allowed) if imp.names else ["(the module)"]
            if extra:
                found.append(f"{where}: {', '.join(extra)}")
        elif target in {"exchange", "reports"} and not imp.type_only:
            found.append(where)
    return found


def deferred_imports_listed(tree: Tree) -> list[str]:
    """An import inside a function imports one of DEFERRED, each kept for its reason."""

    def listed(target: str) -> bool:
        name = target.replace(tree.package, ROOT, 1)
        return any(
            name == d or name.startswith(d if d.endswith(".") else d + ".") for d in DEFERRED
        )

    return [
        f"{imp.source}:{imp.line} imports {imp.target} inside a function"
        for imp in tree.imports
        if imp.deferred and not imp.type_only and not listed(imp.target)
    ]


# The one package __init__ that runs something: the Qt reference-count guard, before any Qt.
INIT_IMPORTS = {"hbt_desktop.ui": {"hbt_desktop.ui.refcount_guard"}}


def packages_re_export_nothing(tree: Tree) -> list[str]:
    """A package's __init__ imports nothing: every name is imported from its own module,
    one way (a facade that re-exported the importers gave two)."""
    return [
        f"{imp.source}:{imp.line} imports {imp.target}"
        for imp in tree.imports
        if tree.is_package(imp.source)
        and tree.ours(imp)
        and not imp.type_only
        and imp.target not in INIT_IMPORTS.get(imp.source.replace(tree.package, ROOT, 1), set())
    ]


RULES: dict[str, Rule] = {
    "facades": packages_re_export_nothing,
    "layering": layering,
    "file": the_file_knows_nothing_of_the_queries,
    "cycles": cycles,
    "qt": qt_only_in_ui,
    "libraries": libraries_in_their_layer,
    "database": database_only_in_store,
    "sql": sql_only_in_store,
    "read_only": screens_and_commands_read_only_queries,
    "deferred": deferred_imports_listed,
}


# -- the package keeps them ----------------------------------------------------------------


@pytest.fixture(scope="module")
def package() -> Tree:
    tree = Tree.read(PACKAGE)
    # Found what it checks: every layer, the modules of each, their imports.
    layers = {tree.layer(m) for m in tree.modules}
    assert set(RANKS) <= layers, layers
    assert len(tree.modules) > 180
    assert sum(1 for i in tree.imports if tree.ours(i)) > 1000
    assert sum(1 for i in tree.imports if i.deferred) > 20  # and the deferred ones
    assert sum(1 for i in tree.imports if i.type_only) > 20  # and the type-only ones
    assert sum(1 for _ in tree.texts()) > 3000  # and the string texts
    return tree


@pytest.mark.parametrize("name", list(RULES))
def test_the_package_keeps_the_rule(package: Tree, name: str) -> None:
    assert RULES[name](package) == []


def test_no_import_name_is_computed(package: Tree) -> None:
    """An importlib call with a computed name could not be checked: there is none."""
    assert package.unreadable == []


def test_sql_is_found_where_it_is(package: Tree) -> None:
    """The SQL rule sees the store's SQL (so that it would see it anywhere else)."""
    store = [
        m for m, _, text in package.texts() if package.layer(m) == "store" and SQL.search(text)
    ]
    assert len(store) > 100


def test_every_read_only_query_exists(package: Tree) -> None:
    """READ_ONLY names only what its modules define (so that it says what is used)."""
    for module, names in READ_ONLY.items():
        source = package.modules[module].read_text(encoding="utf-8")
        defined = {
            n.name
            for n in ast.walk(ast.parse(source))
            if isinstance(n, ast.FunctionDef | ast.ClassDef)
        } | set(re.findall(r"^([A-Z_]+)\s*=", source, re.M))
        assert names <= defined, (module, names - defined)


# -- each rule catches what it is for --------------------------------------------------------


def planted(tmp_path: Path, files: Mapping[str, str]) -> Tree:
    """A package ``hbt_desktop`` of the given files (path → source) in ``tmp_path``."""
    root = tmp_path / ROOT
    for name, source in {"__init__.py": "", **files}.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        for folder in path.relative_to(root).parents:
            (root / folder / "__init__.py").touch()
        path.write_text(textwrap.dedent(source), encoding="utf-8")
    return Tree.read(root)


CLEAN = {
    "core/rules.py": "X = 1\n",
    "store/values.py": "from hbt_desktop.core import rules\nQ = 'SELECT 1 FROM units'\n",
    "app/actions.py": "from hbt_desktop.store import values\n",
    "ui/screen.py": "from hbt_desktop.app import actions\nfrom PySide6.QtWidgets import QLabel\n",
}


@pytest.mark.parametrize(
    ("rule", "files", "caught"),
    [
        # a lower layer importing a higher one, in every form of import
        ("layering", {"core/bad.py": "from hbt_desktop.store import values\n"}, "core.bad"),
        ("layering", {"store/bad.py": "from ..app import actions\n"}, "store.bad"),
        ("layering", {"store/bad.py": "import hbt_desktop.ui.screen\n"}, "store.bad"),
        (
            "layering",
            {
                "core/bad.py": "import importlib\nm = importlib.import_module('hbt_desktop.app.actions')\n"
            },
            "core.bad",
        ),
        ("layering", {"exchange/bad.py": "from hbt_desktop.reports import page\n"}, "exchange.bad"),
        ("layering", {"ui/bad.py": "from hbt_desktop.cli import main\n"}, "ui.bad"),
        ("file", {"store/file/bad.py": "from hbt_desktop.store import values\n"}, "store.file.bad"),
        # a cycle, hidden in a function
        (
            "cycles",
            {
                "app/one.py": "from hbt_desktop.app import two\n",
                "app/two.py": "def f():\n    from hbt_desktop.app import one\n",
            },
            "hbt_desktop.app.one → hbt_desktop.app.two",
        ),
        ("qt", {"app/bad.py": "from PySide6.QtCore import QObject\n"}, "app.bad"),
        ("libraries", {"app/bad.py": "import reportlab.platypus\n"}, "app.bad"),
        ("database", {"app/bad.py": "from sqlite_utils import Database\n"}, "app.bad"),
        ("database", {"ui/bad.py": "import sqlite3\n"}, "ui.bad"),
        # SQL in any case, and split over lines
        ("sql", {"app/bad.py": "Q = 'select name from units'\n"}, "app.bad"),
        ("sql", {"app/bad.py": "Q = ('SELECT name '\n     'FROM units')\n"}, "app.bad"),
        ("sql", {"ui/bad.py": "Q = 'Update units ' + 'SET name = ?'\n"}, "ui.bad"),
        ("sql", {"ui/bad.py": "Q = f'''\ndelete\nfrom {table}\n'''\n"}, "ui.bad"),
        # a screen writing through the store, or reaching into exchange
        (
            "read_only",
            {"ui/bad.py": "from hbt_desktop.store.values import write_values\n"},
            "ui.bad",
        ),
        ("read_only", {"cli/bad.py": "from hbt_desktop.store import writes\n"}, "cli.bad"),
        ("read_only", {"ui/bad.py": "from hbt_desktop.exchange import values_io\n"}, "ui.bad"),
        (
            "deferred",
            {"app/bad.py": "def f():\n    from hbt_desktop.store import values\n"},
            "app.bad",
        ),
    ],
)
def test_each_rule_catches_a_planted_violation(
    tmp_path: Path, rule: str, files: dict[str, str], caught: str
) -> None:
    tree = planted(tmp_path, {**CLEAN, **files})
    assert RULES[rule](planted(tmp_path / "clean", CLEAN)) == []  # the clean tree passes
    found = RULES[rule](tree)
    assert any(caught in f for f in found), found


@pytest.mark.parametrize(
    "files",
    [
        # What the rules allow: a type named under TYPE_CHECKING, a read-only query,
        # a listed deferred import, a docstring that says "select … from".
        {
            "app/ok.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from sqlite_utils import Database\n"
        },
        {"ui/ok.py": "from hbt_desktop.store.values import values_for_indicators\n"},
        {"cli/ok.py": "def f():\n    from hbt_desktop.ui.app import run\n"},
        {"app/ok.py": '"""Select the unit from the list."""\n'},
    ],
)
def test_what_the_rules_allow(tmp_path: Path, files: dict[str, str]) -> None:
    tree = planted(tmp_path, {**CLEAN, **files})
    assert {name: rule(tree) for name, rule in RULES.items() if rule(tree)} == {}

"""Every message a clerk can see outside the screens resolves from the one catalogue.

The keys are read from the source (every ``tr("…")`` and every ``…Error("…")`` of an
``HbtError`` class, wherever it is raised) and looked up in a fresh interpreter that
imports nothing but ``core.i18n``: a key never depends on which modules happen to have
been imported. Each resolves in Vietnamese and English, with the same placeholders, and
a call that names its parameters gives every placeholder its text. Keys are written out
where they are used (never built from pieces), so that this reading finds them all, and
the catalogue holds no message that nothing uses.
"""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from hbt_desktop.core import i18n
from hbt_desktop.core.resources import resource_path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "hbt_desktop"
KEY = re.compile(r"^[a-z][a-z0-9_]*(?:\.[a-z0-9_-]+)+$")


@dataclass(frozen=True)
class Use:
    key: str
    where: str
    params: frozenset[str] | None  # the parameters the call names; None: not all known


def _error_classes(trees: dict[Path, ast.Module]) -> set[str]:
    """HbtError and every class of the package derived from it, by name."""
    bases: dict[str, set[str]] = {}
    for tree in trees.values():
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                names = {
                    b.id if isinstance(b, ast.Name) else getattr(b, "attr", "") for b in node.bases
                }
                bases.setdefault(node.name, set()).update(names)
    found = {"HbtError"}
    while True:
        more = {name for name, parents in bases.items() if parents & found} - found
        if not more:
            return found
        found |= more


def _tr_names(tree: ast.Module) -> set[str]:
    """The names ``core.i18n.tr`` goes by in a module (``tr``, or an alias)."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "hbt_desktop.core.i18n":
            names |= {a.asname or a.name for a in node.names if a.name == "tr"}
    return names


def _calls_a_key(node: ast.Call, errors: set[str], tr_names: set[str]) -> bool:
    """A call whose first argument is a message key: ``tr(…)`` (as imported here, or
    ``i18n.tr``), or an error class of the package (``HbtError(…)``, ``store.StoreError(…)``).
    Qt's ``self.tr`` is not one."""
    func = node.func
    if isinstance(func, ast.Name):
        return func.id in errors | tr_names
    if isinstance(func, ast.Attribute):
        if func.attr == "tr":
            return isinstance(func.value, ast.Name) and func.value.id == "i18n"
        return func.attr in errors
    return False


def source_trees() -> dict[Path, ast.Module]:
    trees = {p: ast.parse(p.read_text(encoding="utf-8")) for p in sorted(PACKAGE.rglob("*.py"))}
    assert len(trees) > 150, "found the package's modules"
    return trees


def key_uses() -> list[Use]:
    trees = source_trees()
    errors = _error_classes(trees)
    uses = []
    for path, tree in trees.items():
        tr_names = _tr_names(tree)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            if not _calls_a_key(node, errors, tr_names):
                continue
            first = node.args[0]
            if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
                continue
            named = {k.arg for k in node.keywords}
            params = None if None in named else frozenset(n for n in named if n)
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            uses.append(Use(first.value, where, params))
    return uses


def test_the_reading_finds_the_keys_it_should() -> None:
    found = {u.key for u in key_uses()}
    # A refusal of the core, one of a store file, a CLI answer, one raised by a screen.
    assert {"number.invalid", "db.too_new", "cli.wrote", "ui.read_only"} <= found
    assert len(found) > 300


LOOKUP = """
import json, sys
from hbt_desktop.core import i18n
keys = json.loads(sys.stdin.read())
catalog = i18n.catalog()
out = {}
for key in keys:
    texts = catalog.get(key, {})
    out[key] = {
        language: sorted(i18n.placeholders(texts[language])) if language in texts else None
        for language in i18n.LANGUAGES
    }
loaded = sorted(m for m in sys.modules if m.startswith("hbt_desktop"))
print(json.dumps({"found": out, "loaded": loaded}))
"""


def test_every_key_used_resolves_in_a_fresh_interpreter_in_both_languages() -> None:
    uses = key_uses()
    keys = sorted({u.key for u in uses})
    done = subprocess.run(
        [sys.executable, "-c", LOOKUP],
        input=json.dumps(keys),
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    answer = json.loads(done.stdout)
    # Nothing but the catalogue itself was imported to answer.
    assert set(answer["loaded"]) <= {
        "hbt_desktop",
        "hbt_desktop.core",
        "hbt_desktop.core.i18n",
        "hbt_desktop.core.resources",
    }
    missing = {f"{u.key} ({u.where})" for u in uses if None in answer["found"][u.key].values()}
    assert missing == set()
    differ = [k for k, t in answer["found"].items() if t["vi"] != t["en"]]
    assert differ == []
    unfilled = {
        f"{u.key} ({u.where}): {sorted(set(answer['found'][u.key]['vi']) - u.params)}"
        for u in uses
        if u.params is not None and not set(answer["found"][u.key]["vi"]) <= u.params
    }
    assert unfilled == set()


def test_no_key_is_built_from_pieces() -> None:
    """``f"review.state.{state}"`` would hide its keys from the reading above: a key is
    written whole (a dict from the value to its key where one is chosen at run time)."""
    spaces = {key.split(".")[0] for key in i18n.catalog()}
    built = []
    for path, tree in source_trees().items():
        for node in ast.walk(tree):
            if isinstance(node, ast.JoinedStr) and node.values:
                head = node.values[0]
                if isinstance(head, ast.Constant) and isinstance(head.value, str):
                    space, dot, _ = head.value.partition(".")
                    if dot and space in spaces and re.fullmatch(r"[a-z0-9_]+", space):
                        built.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert built == []


def test_every_message_is_used_and_every_key_like_text_is_a_message() -> None:
    catalog = i18n.catalog()
    spaces = {key.split(".")[0] for key in catalog}
    written: dict[str, str] = {}
    for path, tree in source_trees().items():
        for node in ast.walk(tree):
            text = node.value if isinstance(node, ast.Constant) else None
            if isinstance(text, str) and KEY.match(text) and text.split(".")[0] in spaces:
                written.setdefault(text, f"{path.relative_to(ROOT)}:{node.lineno}")
    # File names that share a word with a family of messages are not keys.
    files = {k for k in written if k.endswith(".json")}
    unknown = {k: w for k, w in written.items() if k not in catalog and k not in files}
    assert unknown == {}
    assert sorted(set(catalog) - set(written)) == []


def test_both_files_hold_the_same_keys_with_the_same_placeholders() -> None:
    files = {
        lang: json.loads(resource_path("i18n", f"messages_{lang}.json").read_text("utf-8"))
        for lang in i18n.LANGUAGES
    }
    assert len(files["vi"]) > 300
    assert set(files["vi"]) == set(files["en"])
    for key, text in files["vi"].items():
        assert text.strip() and files["en"][key].strip(), key
        assert i18n.placeholders(text) == i18n.placeholders(files["en"][key]), key
    # Kept sorted, so that a new message goes in one obvious place and merges stay small.
    assert list(files["vi"]) == sorted(files["vi"]) and list(files["en"]) == sorted(files["en"])


def test_a_missing_key_still_shows_something() -> None:
    assert i18n.tr("no.such.key", None, a=1) == "[no.such.key] a=1"


@pytest.mark.parametrize(
    ("language", "text"), [("vi", "Không có tệp dữ liệu x."), ("en", "There is no data file at x.")]
)
def test_language_switch(language: str, text: str) -> None:
    i18n.set_language(language)
    assert i18n.tr("db.missing", None, path="x") == text

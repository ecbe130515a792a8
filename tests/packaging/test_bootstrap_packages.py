"""bootstrap.py finds the system libraries by what they provide, not by one package name:
a release that renames a package (Debian 13's ``libcups2t64``) neither makes a present
library look missing — which made a clerk's non-root set-up stop, asking for packages
already there — nor sends apt to install under a name the release does not know."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "hbt_bootstrap", ROOT / "packaging" / "bootstrap.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


bootstrap = _load()

LDCONFIG = """\
3 libs found in cache `/etc/ld.so.cache'
\tlibcups.so.2 (libc6,x86-64) => /lib/x86_64-linux-gnu/libcups.so.2
\tlibglib-2.0.so.0 (libc6,x86-64) => /lib/x86_64-linux-gnu/libglib-2.0.so.0
\tlibEGL.so.1 (libc6,x86-64) => /lib/x86_64-linux-gnu/libEGL.so.1
"""


@pytest.fixture
def machine(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[list[str]]]:
    """A machine whose linker cache holds three libraries, whose apt knows only the
    t64 names (Debian 13), and on which dpkg knows no package at all."""
    calls: dict[str, list[list[str]]] = {"run": []}
    known = {"libcups2t64", "libglib2.0-0t64", "libxkbcommon0"}

    def fake(cmd: list[str], **_: object) -> subprocess.CompletedProcess[str]:
        if cmd[:2] == ["ldconfig", "-p"]:
            return subprocess.CompletedProcess(cmd, 0, LDCONFIG, "")
        if cmd[:2] == ["apt-cache", "show"]:
            return subprocess.CompletedProcess(cmd, 0 if cmd[2] in known else 100, "", "")
        if cmd[0] == "dpkg-query":
            return subprocess.CompletedProcess(cmd, 1, "", "no packages found")
        raise AssertionError(cmd)

    bootstrap._linker_cache.cache_clear()
    monkeypatch.setattr(bootstrap.subprocess, "run", fake)
    monkeypatch.setattr(bootstrap, "run", lambda cmd, **_: calls["run"].append(cmd))
    return calls


def test_a_library_present_under_any_package_name_is_not_missing(machine: object) -> None:
    libraries = [n for n in bootstrap.QT_RUNTIME + bootstrap.QT_DISPLAY if ".so." in n.provides]
    present = {n.provides for n in libraries if bootstrap.present(n)}
    # dpkg knows none of the names here, yet the three libraries are found.
    assert present == {"libcups.so.2", "libglib-2.0.so.0", "libEGL.so.1"}


def test_a_missing_library_is_installed_under_the_name_this_release_knows(
    machine: dict[str, list[list[str]]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bootstrap.shutil, "which", lambda _: "/usr/bin/apt-get")
    # The suite also runs on Windows (under Wine), where the apt path is skipped and
    # there is no geteuid; the rule under test is the same, so the Debian machine is
    # planted whole: its platform and its root user.
    monkeypatch.setattr(bootstrap.sys, "platform", "linux")
    monkeypatch.setattr(bootstrap.os, "geteuid", lambda: 0, raising=False)
    bootstrap.ensure_debian_packages(
        [
            bootstrap.need("libcups.so.2", "libcups2t64", "libcups2"),
            bootstrap.need("libxkbcommon.so.0", "libxkbcommon0"),
        ]
    )
    install = machine["run"][-1]
    assert install[-1:] == ["libxkbcommon0"]  # the present libcups is not asked for


def test_nothing_is_run_when_everything_is_there(
    machine: dict[str, list[list[str]]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bootstrap.shutil, "which", lambda _: "/usr/bin/x")
    monkeypatch.setattr(bootstrap.sys, "platform", "linux")  # Wine too: see above
    bootstrap.ensure_debian_packages(
        [
            bootstrap.need("libcups.so.2", "libcups2t64", "libcups2"),
            bootstrap.need("pdftoppm", "poppler-utils"),
        ]
    )
    assert machine["run"] == []  # no apt at every start


def test_every_need_names_a_package_and_what_it_provides() -> None:
    lists = (
        bootstrap.QT_RUNTIME,
        bootstrap.QT_DISPLAY,
        bootstrap.TEST_TOOLS,
        bootstrap.OFFICE_TOOLS,
    )
    for item in (n for group in lists for n in group):
        assert item.provides and item.packages, item


def test_the_package_name_falls_back_to_the_oldest_when_apt_knows_none(machine: object) -> None:
    assert (
        bootstrap.package_name(bootstrap.need("libfoo.so.1", "libfoo1t64", "libfoo1")) == "libfoo1"
    )

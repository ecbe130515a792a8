"""Set-up for the interface tests: a database file per test, Vietnamese, no real dialogs.

Every test gets its own copy of a database made once per session (reference data and the
demo, or reference data only), its own preferences file, the Vietnamese translator
installed, and message boxes / file dialogs patched so that nothing waits for a click
(Vorta's approach). What a message box would have said is recorded in ``dialogs``.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from hbt_desktop.exchange.seed import load_demo, load_reference
from hbt_desktop.store.file.connection import open_database


def _make(path: Path, demo: bool) -> Path:
    db = open_database(path)
    load_reference(db)
    if demo:
        load_demo(db)
    db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.conn.close()
    return path


@pytest.fixture(scope="session")
def _templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("ui-db")
    return {
        "demo": _make(folder / "demo.db", demo=True),
        "empty": _make(folder / "empty.db", demo=False),
    }


def _copy(template: Path, target: Path) -> Path:
    shutil.copyfile(template, target)
    return target


@pytest.fixture
def demo_path(_templates: dict[str, Path], tmp_path: Path) -> Path:
    return _copy(_templates["demo"], tmp_path / "hbt.db")


@pytest.fixture
def empty_path(_templates: dict[str, Path], tmp_path: Path) -> Path:
    return _copy(_templates["empty"], tmp_path / "hbt.db")


@dataclass
class Dialogs:
    shown: list[tuple[str, str]] = field(default_factory=list)
    answer: QMessageBox.StandardButton = QMessageBox.StandardButton.Yes
    save_path: str = ""
    open_path: str = ""


@pytest.fixture(autouse=True)
def dialogs(monkeypatch: pytest.MonkeyPatch, qapp: QApplication) -> Iterator[Dialogs]:
    """No modal dialog ever blocks a test; the interface speaks Vietnamese."""
    from PySide6.QtWidgets import QFileDialog

    from hbt_desktop.ui import errors
    from hbt_desktop.ui.app import load_fonts
    from hbt_desktop.ui.translation import install_language

    record = Dialogs()

    def box(kind: str) -> Any:
        def show(parent: Any, title: str, text: str, *args: Any, **kwargs: Any) -> Any:
            record.shown.append((kind, text))
            return record.answer

        return show

    for kind in ("warning", "critical", "information", "question", "about"):
        monkeypatch.setattr(QMessageBox, kind, box(kind))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (record.save_path, ""))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (record.open_path, ""))
    load_fonts(qapp)
    install_language("vi")
    reporter = errors.ErrorReporter()
    errors.set_reporter(reporter)
    yield record
    install_language("vi")


@pytest.fixture
def make_window(qtbot: Any, tmp_path: Path) -> Iterator[Any]:
    """``make_window(db_path)`` opens the main window on that file, as the program does."""
    from hbt_desktop.exchange.seed import open_app_database
    from hbt_desktop.ui.main_window import MainWindow
    from hbt_desktop.ui.prefs import Prefs
    from hbt_desktop.ui.session import Session

    windows: list[Any] = []

    def make(path: Path) -> MainWindow:
        session = Session(open_app_database(path), path)
        window = MainWindow(session, Prefs(tmp_path / "prefs.ini"))
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()  # offscreen, a new window is not active by itself
        qtbot.waitUntil(window.isActiveWindow)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.tasks.wait(30_000)
        window.controller.flush()


@pytest.fixture
def window(make_window: Any, demo_path: Path) -> Any:
    return make_window(demo_path)


@pytest.fixture(autouse=True)
def _keys_and_quick_hashes(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Signing keys in the test's folder, never the clerk's; cheap password hashes.

    Real argon2id costs ~0.3 s a hash on a 2-core machine; tests/store/test_accounts.py
    checks the real parameters.
    """
    from argon2 import PasswordHasher

    from hbt_desktop.store import accounts

    monkeypatch.setenv("HBT_DESKTOP_KEYS", str(tmp_path / "keys"))
    monkeypatch.setattr(
        accounts, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    )


def run_dialog(monkeypatch: pytest.MonkeyPatch, cls: type, answer: Any = 0) -> list[Any]:
    """Make ``cls.exec`` return ``answer`` (or call it with the dialog) without blocking;
    returns the dialogs that were opened, to look at."""
    opened: list[Any] = []

    def exec_(self: Any) -> Any:
        opened.append(self)
        return answer(self) if callable(answer) else answer

    monkeypatch.setattr(cls, "exec", exec_)
    return opened


@pytest.fixture
def start(tmp_path: Path, qtbot: Any) -> Iterator[Any]:
    """``start(path)``: the program's App on ``path``, closed (file let go) at the end."""
    from hbt_desktop.ui.app import App

    apps: list[App] = []

    def make(path: Path) -> App:
        app = App(path, tmp_path / "prefs.ini")
        assert app.window is not None
        qtbot.addWidget(app.window)
        app.window.show()
        qtbot.waitExposed(app.window)
        apps.append(app)
        return app

    yield make
    for app in apps:
        if app.window is not None:
            app.window.tasks.wait(30_000)
        app.close()

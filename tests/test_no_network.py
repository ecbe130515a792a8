"""The program never opens a network connection: the main flows, with sockets refused.

The offices it serves are offline and their PCs may have no network at all; a connection
attempt would at best hang until a timeout. Every flow a clerk runs — creating the demo
database, printing the bulletin and the report, importing and exporting figures, a signed
package from a ward to the district, the window with a print preview — runs here with
Python's sockets for the internet refused, and each attempt is recorded, so that one
swallowed by an ``except OSError`` still fails the test.

Local sockets (AF_UNIX, ``socket.socketpair``) are allowed: they never leave the machine.
Qt's C++ code does not go through Python's ``socket`` module; the only Qt network classes
the program uses are QLocalServer/QLocalSocket (the single-instance handover: a socket
file or a named pipe), which the last test checks by reading the sources.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from hbt_desktop.cli.main import main

INTERNET = {socket.AF_INET, socket.AF_INET6}


class NetworkAttempt(OSError):
    """Raised where a connection would have started."""


@pytest.fixture
def attempts(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Refuse internet sockets, name resolution and connections; list what was tried."""
    tried: list[str] = []
    real_socket = socket.socket

    class GuardedSocket(real_socket):  # type: ignore[misc,valid-type]
        def __init__(
            self, family: int = -1, type: int = -1, proto: int = -1, fileno: int | None = None
        ) -> None:
            # As in socket.socket: no family and no file descriptor means AF_INET.
            effective = socket.AF_INET if family == -1 and fileno is None else family
            if effective in INTERNET:
                tried.append(f"socket({socket.AddressFamily(effective).name})")
                raise NetworkAttempt("network sockets are disabled in this test")
            super().__init__(family, type, proto, fileno)

    def refuse(name: str) -> Any:
        def refused(*args: object, **kwargs: object) -> Any:
            tried.append(f"{name}{args!r}")
            raise NetworkAttempt(f"{name} is disabled in this test")

        return refused

    real_socketpair = socket.socketpair

    def local_pair(*args: Any, **kwargs: Any) -> tuple[socket.socket, socket.socket]:
        # Where the OS has no socketpair (Windows), Python makes one from two AF_INET
        # sockets on 127.0.0.1 through the module's `socket` name: local all the same.
        with monkeypatch.context() as inner:
            inner.setattr(socket, "socket", real_socket)
            return real_socketpair(*args, **kwargs)

    monkeypatch.setattr(socket, "socket", GuardedSocket)
    monkeypatch.setattr(socket, "socketpair", local_pair)
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    monkeypatch.setattr(socket, "gethostbyname", refuse("gethostbyname"))
    monkeypatch.setattr(socket, "gethostbyname_ex", refuse("gethostbyname_ex"))
    yield tried
    assert tried == [], f"network connections were attempted: {tried}"


def test_the_guard_catches_an_attempt(attempts: list[str]) -> None:
    import urllib.request  # noqa: PLC0415 - imported once the socket guard is in place

    with pytest.raises(OSError):
        urllib.request.urlopen("http://192.0.2.1/", timeout=1)  # TEST-NET-1: never routed
    assert attempts
    attempts.clear()  # seen; the fixture's final check is for the real flows
    # A local socket is not the network.
    left, right = socket.socketpair()
    left.close()
    right.close()
    assert attempts == []


def test_demo_database_documents_and_figures(attempts: list[str], tmp_path: Path) -> None:
    db = str(tmp_path / "hbt.db")
    assert main(["demo", "--db", db]) == 0  # creates the file, reference and demo data
    assert main(["check", "--db", db]) == 0
    assert main(["bulletin", "--db", db, "--out", str(tmp_path / "b.pdf")]) == 0
    assert main(["report", "--db", db, "--out", str(tmp_path / "r.pdf")]) == 0
    assert (tmp_path / "b.pdf").stat().st_size > 10_000
    for suffix in ("csv", "json", "xlsx"):
        exported = tmp_path / f"values.{suffix}"
        assert main(["export", "values", str(exported), "--db", db]) == 0
        assert main(["import", "values", str(exported), "--db", db]) == 0
    assert main(["backup", "now", "--db", db]) == 0
    assert attempts == []


def test_a_package_from_a_ward_to_the_district(
    attempts: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HBT_DESKTOP_PASSWORD", "mật khẩu quản trị")
    paths = {"ward": str(tmp_path / "phuong.db"), "district": str(tmp_path / "quan.db")}
    for name, role, unit in (("ward", "ward", "00241"), ("district", "district", "007")):
        monkeypatch.setenv("HBT_DESKTOP_KEYS", str(tmp_path / f"keys-{name}"))
        setup = ["setup", "--db", paths[name], "--role", role, "--unit", unit]
        assert main([*setup, "--admin", "qt", "--name", "Quản Trị"]) == 0
    values = tmp_path / "values.csv"
    values.write_text(
        "dataelement,period,orgunit,value\nQS_GIAO_QUAN,2023Q3,P00241,17\n", encoding="utf-8"
    )
    package, key = tmp_path / "p.hbt", tmp_path / "ward.key"
    monkeypatch.setenv("HBT_DESKTOP_KEYS", str(tmp_path / "keys-ward"))
    ward = ["--db", paths["ward"]]
    assert main(["dhis2", "import", str(values), *ward]) == 0
    assert main(["package", "key", "--out", str(key), *ward]) == 0
    assert main(["package", "export", "--period", "2023Q3", "--out", str(package), *ward]) == 0
    monkeypatch.setenv("HBT_DESKTOP_KEYS", str(tmp_path / "keys-district"))
    district = ["--db", paths["district"]]
    assert main(["package", "trust", str(key), *district]) == 0
    assert main(["package", "import", str(package), *district]) == 0
    assert main(["package", "accept", "1", *district]) == 0
    assert main(["audit", "verify", *district]) == 0
    assert attempts == []


def test_the_window_and_a_print_preview(attempts: list[str], tmp_path: Path, qtbot: Any) -> None:
    from hbt_desktop.core.periods import parse_period  # noqa: PLC0415 - imported once the socket guard is in place
    from hbt_desktop.ui.app import App  # noqa: PLC0415 - imported once the socket guard is in place

    app = App(tmp_path / "hbt.db", tmp_path / "prefs.ini")  # a new file: seeded at start
    window = app.window
    assert window is not None
    qtbot.addWidget(window)
    window.show()
    window.session.select(period=parse_period("2023YTD02"), unit_uid="Q007")
    window.go_to_tab(4)
    window.preview.build()
    qtbot.waitUntil(lambda: window.preview.result is not None, timeout=60_000)
    assert window.preview.result is not None and window.preview.result.pages >= 2
    window.tasks.wait(30_000)
    window.controller.flush()
    assert attempts == []


def test_only_local_sockets_in_the_sources() -> None:
    """Qt's own sockets are invisible to the patches above: no Qt class that can reach
    another computer (QTcpSocket, QNetworkAccessManager …) is used anywhere."""
    import re  # noqa: PLC0415 - imported once the socket guard is in place

    package = Path(__file__).resolve().parent.parent / "hbt_desktop"
    allowed = {"QLocalServer", "QLocalSocket"}
    for source in package.rglob("*.py"):
        text = source.read_text(encoding="utf-8")
        for match in re.finditer(r"from PySide6\.QtNetwork import (\([^)]*\)|[^\n]+)", text):
            names = {n.strip(" ()\n") for n in match.group(1).split(",")} - {""}
            assert names <= allowed, f"{source.name} imports {names - allowed} from QtNetwork"
        for forbidden in ("urllib.request", "http.client", "import requests", "import httpx"):
            assert forbidden not in text, f"{source.name} uses {forbidden}"

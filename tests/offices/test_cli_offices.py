"""The same functions from the command line: set-up, accounts, packages in two steps,
rollback, approval, completeness, `audit verify` detecting an edited row, DHIS2 files —
refusals as one sentence and exit code 2."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from hbt_desktop.cli.main import main


@pytest.fixture
def two(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    monkeypatch.setenv("HBT_DESKTOP_PASSWORD", "mật khẩu quản trị")
    monkeypatch.setenv("HBT_DESKTOP_NEW_PASSWORD", "mật khẩu lãnh đạo")
    paths = {"ward": tmp_path / "phuong.db", "district": tmp_path / "quan.db"}
    for name, role, unit in (("ward", "ward", "00241"), ("district", "district", "007")):
        monkeypatch.setenv("HBT_DESKTOP_KEYS", str(tmp_path / f"keys-{name}"))
        code = main(
            [
                "setup",
                "--db",
                str(paths[name]),
                "--role",
                role,
                "--unit",
                unit,
                "--admin",
                "qt",
                "--name",
                "Quản Trị",
            ]
        )
        assert code == 0
    return paths


def _as(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, office: str) -> None:
    monkeypatch.setenv("HBT_DESKTOP_KEYS", str(tmp_path / f"keys-{office}"))


def test_packages_from_the_command_line(
    two: dict[str, Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    ward, district = str(two["ward"]), str(two["district"])
    values = tmp_path / "values.csv"
    values.write_text(
        "dataelement,period,orgunit,value\nQS_GIAO_QUAN,2023Q3,P00241,17\n", encoding="utf-8"
    )
    _as(monkeypatch, tmp_path, "ward")
    assert main(["dhis2", "import", str(values), "--db", ward]) == 0
    exported = tmp_path / "out.json"
    assert main(["dhis2", "export", str(exported), "--period", "2023Q3", "--db", ward]) == 0
    assert '"dataElement": "QS_GIAO_QUAN"' in exported.read_text(encoding="utf-8")
    assert main(["package", "key", "--out", str(tmp_path / "ward.key"), "--db", ward]) == 0
    package = tmp_path / "p.hbt"
    assert (
        main(["package", "export", "--period", "2023Q3", "--out", str(package), "--db", ward]) == 0
    )
    _as(monkeypatch, tmp_path, "district")
    capsys.readouterr()
    # Not trusted yet: one sentence with the fingerprint, nothing stored.
    assert main(["package", "import", str(package), "--db", district]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "--trust" in err
    assert main(["package", "trust", str(tmp_path / "ward.key"), "--db", district]) == 0
    assert main(["package", "import", str(package), "--db", district, "--dry-run"]) == 0
    assert main(["package", "import", str(package), "--db", district]) == 0
    out = capsys.readouterr().out
    assert "1 mới" in out and "package accept 1" in out
    assert main(["package", "import", str(package), "--db", district]) == 0
    assert "đã được nhận trước đây" in capsys.readouterr().out
    assert main(["package", "accept", "1", "--db", district]) == 0
    assert (
        main(
            [
                "completeness",
                "--period",
                "2023Q3",
                "--db",
                district,
                "--out",
                str(tmp_path / "c.pdf"),
            ]
        )
        == 0
    )
    assert (tmp_path / "c.pdf").exists()
    assert main(["package", "rollback", "1", "--reason", "nhầm", "--db", district]) == 0
    assert main(["package", "list", "--db", district]) == 0
    assert "đã hoàn tác" in capsys.readouterr().out
    # A leader approves; the figures are locked.
    assert (
        main(
            [
                "user",
                "add",
                "ld",
                "--role",
                "lanh_dao",
                "--name",
                "Lê Lãnh Đạo",
                "--as",
                "qt",
                "--db",
                district,
            ]
        )
        == 0
    )
    monkeypatch.setenv("HBT_DESKTOP_PASSWORD", "mật khẩu lãnh đạo")
    assert (
        main(["approve", "--unit", "007", "--period", "2023Q3", "--as", "ld", "--db", district])
        == 0
    )
    assert main(["package", "import", str(package), "--db", district]) == 0  # (seen before)
    # A changed byte: refused in one sentence.
    bad = tmp_path / "bad.hbt"
    data = bytearray(package.read_bytes())
    data[len(data) // 3] ^= 0xFF
    bad.write_bytes(bytes(data))
    capsys.readouterr()
    assert main(["package", "import", str(bad), "--db", district]) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


def test_audit_verify_detects_an_edited_row(
    two: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    district = str(two["district"])
    assert main(["audit", "verify", "--db", district]) == 0
    assert "nguyên vẹn" in capsys.readouterr().out
    with sqlite3.connect(district) as conn:
        conn.execute("DROP TRIGGER audit_log_no_update")
        conn.execute("UPDATE audit_log SET user = 'kẻ gian' WHERE id = 3")
    assert main(["audit", "verify", "--db", district]) == 2
    err = capsys.readouterr().err
    assert "row 3" in err and len(err.strip().splitlines()) == 1


def test_only_the_administrator_changes_the_role(
    two: dict[str, Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    ward = str(two["ward"])
    _as(monkeypatch, tmp_path, "ward")
    capsys.readouterr()
    assert main(["setup", "--db", ward, "--role", "district", "--unit", "007"]) == 2
    assert "quản trị" in capsys.readouterr().err
    assert main(["setup", "--db", ward, "--role", "district", "--unit", "007", "--as", "qt"]) == 0

"""The command line's backups, restore and start-up check: one sentence each, nothing lost."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from hbt_desktop.cli import main
from hbt_desktop.store.file.backup import list_backups
from hbt_desktop.store.file.lock import acquire_lock


@pytest.fixture
def demo_db(tmp_path: Path) -> Path:
    path = tmp_path / "hbt.db"
    assert main(["demo", "--db", str(path)]) == 0
    return path


def _count(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT COUNT(*) FROM figure_values").fetchone()[0])
    finally:
        conn.close()


def test_the_first_start_makes_a_backup_and_the_list_shows_it(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["backup", "list", "--db", str(demo_db)]) == 0
    out = capsys.readouterr().out
    assert "khi mở chương trình" in out and "60 số liệu, 24 đơn vị, 1 văn bản" in out


def test_backup_now_and_restore_with_yes(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["backup", "now", "--db", str(demo_db)]) == 0
    made = capsys.readouterr().out
    assert made.startswith("Đã sao lưu vào")
    backup = list_backups(demo_db)[0].path
    conn = sqlite3.connect(demo_db)
    conn.execute("DELETE FROM figure_values")
    conn.commit()
    conn.close()
    assert _count(demo_db) == 0
    assert main(["restore", backup.name, "--db", str(demo_db), "--yes"]) == 0
    out = capsys.readouterr().out
    assert "Đã khôi phục" in out and "trước khi khôi phục" in out
    assert _count(demo_db) == 60


def test_restore_without_yes_and_without_a_terminal_changes_nothing(
    demo_db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    backup = list_backups(demo_db)[0].path
    before = demo_db.read_bytes()
    assert main(["restore", str(backup), "--db", str(demo_db)]) == 2
    assert "--yes" in capsys.readouterr().err
    assert demo_db.read_bytes() == before


def test_restore_of_a_garbage_file_is_one_sentence(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 40)
    before = demo_db.read_bytes()
    assert main(["--lang", "en", "restore", str(junk), "--db", str(demo_db), "--yes"]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "was not changed" in err
    assert demo_db.read_bytes() == before


def test_a_damaged_file_stops_every_command_with_the_way_out(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with demo_db.open("r+b") as fh:
        fh.truncate(demo_db.stat().st_size // 2)
    capsys.readouterr()
    out = tmp_path / "x.csv"
    assert main(["export", "values", str(out), "--db", str(demo_db)]) == 2
    err = capsys.readouterr().err
    assert "bị hỏng" in err and "hbt-desktop restore" in err
    assert not out.exists()
    backup = list_backups(demo_db)[0].path
    assert main(["restore", str(backup), "--db", str(demo_db), "--yes"]) == 0
    said = capsys.readouterr().out
    assert "giữ lại" in said  # the damaged file is kept, and the clerk is told where
    assert list(demo_db.parent.glob("hbt.damaged-*.db"))
    assert main(["export", "values", str(out), "--db", str(demo_db)]) == 0


def test_import_is_backed_up_first(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "in.csv"
    data.write_text("dataelement,period,orgunit,value\nNS_THU_DIA_BAN,2023Q3,Q007,5\n")
    before = len(list_backups(demo_db))
    assert main(["import", "values", str(data), "--db", str(demo_db), "--dry-run"]) == 0
    assert len(list_backups(demo_db)) == before  # a dry run changes nothing, needs no backup
    assert main(["import", "values", str(data), "--db", str(demo_db)]) == 0
    after = list_backups(demo_db)
    assert len(after) == before + 1 and after[0].reason == "import"
    assert after[0].values == 60  # the data as it was before the import


def test_a_command_refused_because_the_file_is_in_use(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    with acquire_lock(demo_db):
        assert main(["demo", "--db", str(demo_db)]) == 2
    assert "đang được mở bởi" in capsys.readouterr().err


def test_mirror_setting(demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    usb = tmp_path / "usb"
    assert main(["backup", "mirror", str(usb), "--db", str(demo_db)]) == 0
    assert main(["backup", "now", "--db", str(demo_db)]) == 0
    assert len(list(usb.glob("hbt-*.db"))) == 1
    assert main(["backup", "mirror", "--off", "--db", str(demo_db)]) == 0
    assert "Thôi chép" in capsys.readouterr().out

"""``new``, ``demo`` and ``document export|import`` on the command line: a new file has the
reference data and no demo and never replaces a file; a document import backs up first,
says where, and a refused one changes nothing and makes no backup."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from hbt_desktop.cli import main
from hbt_desktop.core.document_fields import HEADER_FIELDS
from hbt_desktop.core.periods import parse_period
from hbt_desktop.store.documents import list_documents, load_document
from hbt_desktop.store.file.backup import backup_now, list_backups
from hbt_desktop.store.file.connection import open_database
from hbt_desktop.store.file.settings import holds_demo
from tests.conftest import db_digest

ROOT = Path(__file__).resolve().parent.parent
Y2M = parse_period("2023YTD02")
DEMO = ["--unit", "007", "--period", "2023YTD02"]


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _counts(path: Path) -> dict[str, int]:
    db = open_database(path)
    try:
        return {
            table: int(db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
            for table in (
                "units",
                "indicators",
                "base_kinds",
                "figure_values",
                "bases",
                "documents",
            )
        } | {"demo": int(holds_demo(db))}
    finally:
        db.close()


def test_new_makes_a_file_with_the_reference_data_and_no_demo(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "moi.db"
    assert main(["--db", str(path), "new"]) == 0
    counts = _counts(path)
    assert counts["units"] > 20 and counts["indicators"] > 20 and counts["base_kinds"] > 5
    assert (counts["figure_values"], counts["bases"], counts["documents"], counts["demo"]) == (
        0,
        0,
        0,
        0,
    )
    out = capsys.readouterr().out
    assert f"Đã tạo tệp dữ liệu mới {path}" in out and "không có dữ liệu mẫu" in out


def test_demo_loads_the_demo_and_marks_the_file(tmp_path: Path) -> None:
    path = tmp_path / "mau.db"
    assert main(["--db", str(path), "new"]) == 0
    assert main(["--db", str(path), "demo"]) == 0
    counts = _counts(path)
    assert counts["figure_values"] > 0 and counts["documents"] == 1 and counts["demo"] == 1


@pytest.mark.parametrize("made_by", ["demo", "new"])
def test_new_never_replaces_a_file_that_holds_anything(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], made_by: str
) -> None:
    path = tmp_path / "co-roi.db"
    assert main(["--db", str(path), made_by]) == 0
    before = _sha(path)
    capsys.readouterr()
    assert main(["--db", str(path), "new"]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "không bao giờ ghi đè" in err
    assert _sha(path) == before


def test_new_refuses_a_file_that_is_not_a_database_without_touching_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "ghi-chu.db"
    path.write_text("không phải tệp dữ liệu", encoding="utf-8")
    assert main(["--db", str(path), "new"]) == 2
    assert path.read_text(encoding="utf-8") == "không phải tệp dữ liệu"


def test_new_on_an_empty_file_fills_it(tmp_path: Path) -> None:
    path = tmp_path / "rong.db"
    path.touch()
    assert main(["--db", str(path), "new"]) == 0
    assert _counts(path)["units"] > 20


def test_new_where_backups_of_the_name_exist_says_how_to_restore(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "cu.db"
    assert main(["--db", str(path), "demo"]) == 0
    db = open_database(path)
    backup_now(db, path)
    db.close()
    path.unlink()
    capsys.readouterr()
    assert main(["--db", str(path), "new"]) == 2
    assert "restore" in capsys.readouterr().err
    assert not path.exists()


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    path = tmp_path / "hbt.db"
    assert main(["--db", str(path), "demo"]) == 0
    return path


def test_export_then_import_backs_up_first_and_says_where(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = tmp_path / "van-ban.txt"
    assert main(["--db", str(demo), "document", "export", str(text), *DEMO]) == 0
    assert "Đã xuất văn bản của quận Hai Bà Trưng" in capsys.readouterr().out
    text.write_text(text.read_text("utf-8").replace("số: 12", "số: 13"), encoding="utf-8")
    assert main(["--db", str(demo), "document", "import", str(text), *DEMO]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Đã thay văn bản của quận Hai Bà Trưng, 2 tháng đầu năm 2023")
    kept = re.search(r"Văn bản cũ được giữ trong bản sao lưu (\S+\.db)\.", out)
    assert kept, out
    backup = open_database(Path(kept.group(1)))
    old = load_document(backup, "Q007", Y2M)
    backup.close()
    db = open_database(demo)
    new = load_document(db, "Q007", Y2M)
    db.close()
    assert old is not None and new is not None
    assert (old.number, new.number) == ("12", "13")


def test_a_refused_import_changes_nothing_and_makes_no_backup(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "sai.txt"
    bad.write_text("số: 1\nngày: 30/02/2026\n", encoding="utf-8")
    db = open_database(demo)
    before, backups = db_digest(db), len(list_backups(demo))
    db.close()
    capsys.readouterr()
    assert main(["--db", str(demo), "document", "import", str(bad), *DEMO]) == 2
    err = capsys.readouterr().err.strip()
    assert (
        err
        == 'Tệp sai.txt, dòng 2: Ngày "30/02/2026" không có thật; hãy kiểm tra lại ngày và tháng.'
    )
    db = open_database(demo)
    assert db_digest(db) == before
    db.close()
    assert len(list_backups(demo)) == backups


def test_a_dry_run_stores_nothing(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = tmp_path / "day-du.zip"
    assert main(["--db", str(demo), "document", "export", str(archive), *DEMO]) == 0
    argv = ["document", "import", str(archive), "--unit", "00283", "--period", "2026Q3"]
    assert main(["--db", str(demo), *argv, "--dry-run"]) == 0
    assert "Sẽ tạo văn bản của phường Vĩnh Tuy" in capsys.readouterr().out
    db = open_database(demo)
    assert len(list_documents(db)) == 1
    db.close()
    assert main(["--db", str(demo), *argv]) == 0
    db = open_database(demo)
    assert len(list_documents(db)) == 2
    db.close()


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["document", "export", "x.docx", *DEMO], "Không biết dạng tệp «.docx»"),
        (["document", "import", "x.doc", *DEMO], "Không biết dạng tệp «.doc»"),
        (["document", "export", "x.txt", "--unit", "007"], "--unit MÃ --period KỲ"),
        (["document", "import", "x.txt"], "--unit MÃ --period KỲ"),
        (["document", "export", "x.txt", *DEMO, "--dry-run"], "--dry-run chỉ dùng khi nhập"),
        (["document", "import", "thieu.txt", *DEMO], "thieu.txt"),
    ],
)
def test_wrong_document_commands_are_one_sentence_and_nothing_written(
    demo: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    said: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    db = open_database(demo)
    before = db_digest(db)
    db.close()
    capsys.readouterr()
    assert main(["--db", str(demo), *argv]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and said in err
    assert not any(tmp_path.glob("x.*"))
    db = open_database(demo)
    assert db_digest(db) == before
    db.close()


def test_the_guide_names_every_key_of_the_text_form() -> None:
    guide = (ROOT / "docs" / "mau-van-ban.md").read_text(encoding="utf-8")
    table = guide[guide.index("| khóa | nghĩa | in ở |") :]
    missing = [f.key for f in HEADER_FIELDS if f"| `{f.key}` |" not in table]
    assert missing == []

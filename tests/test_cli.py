"""The command line: options in any place, one clear sentence on refusal, nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest

from hbt_desktop.cli import main


@pytest.fixture
def demo_file(tmp_path: Path) -> Path:
    path = tmp_path / "demo.db"
    assert main(["check", "--db", str(path)]) == 2  # not created by check
    assert main(["demo", "--db", str(path)]) == 0
    return path


@pytest.mark.parametrize("before", [True, False])
def test_db_option_before_or_after_the_subcommand(
    tmp_path: Path, before: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "x.db"
    argv = ["--db", str(path), "demo"] if before else ["demo", "--db", str(path)]
    assert main(argv) == 0
    assert path.exists()
    assert str(path) in capsys.readouterr().out


def test_bad_period_is_one_sentence_and_no_file(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "x.pdf"
    assert (
        main(["bulletin", "--db", str(demo_file), "--out", str(out), "--period", "quý 5/2023"]) == 2
    )
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "quý" in err
    assert not out.exists()


def test_unknown_unit_in_english(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "x.pdf"
    code = main(
        [
            "--lang",
            "en",
            "report",
            "--db",
            str(demo_file),
            "--out",
            str(out),
            "--unit",
            "99999",
            "--period",
            "2023Q1",
        ]
    )
    assert code == 2
    assert "There is no unit with code 99999" in capsys.readouterr().err
    assert not out.exists()


def test_a_ward_with_no_text_prints_a_draft_and_warns(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "ward.pdf"
    assert (
        main(
            [
                "bulletin",
                "--db",
                str(demo_file),
                "--out",
                str(out),
                "--unit",
                "00241",
                "--period",
                "2 tháng đầu năm 2023",
            ]
        )
        == 0
    )
    assert out.exists()
    from pypdf import PdfReader

    text = " ".join(p.extract_text() for p in PdfReader(out).pages)
    assert "Thanh niên nhập ngũ" in text and "12 người" in text


def test_strict_refuses_when_figures_are_missing(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from hbt_desktop.core.periods import parse_period
    from hbt_desktop.store.file.connection import open_database
    from hbt_desktop.store.writes import delete_value

    db = open_database(demo_file)
    delete_value(db, "NS_THU_DIA_BAN", "Q007", parse_period("2023Q1"))
    db.conn.close()
    out = tmp_path / "x.pdf"
    assert main(["bulletin", "--db", str(demo_file), "--out", str(out), "--strict"]) == 2
    err = capsys.readouterr().err
    assert "thiếu số liệu: Tổng thu ngân sách trên địa bàn – quý I/2023" in err
    assert not out.exists()
    assert main(["bulletin", "--db", str(demo_file), "--out", str(out)]) == 0  # prints with markers
    assert out.exists()


def test_check_reports_an_intact_file(demo_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--db", str(demo_file)]) == 0
    assert "nguyên vẹn" in capsys.readouterr().out


def test_usage_errors_are_translated(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["bulletin"])
    assert exit_info.value.code == 2
    assert "Lệnh không hợp lệ" in capsys.readouterr().err

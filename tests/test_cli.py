"""The sign-detect command line, in-process and once as a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from sign_detect.cli import main
from sign_detect.simulate import simulate_cohort, write_cohort


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("cohort")
    write_cohort(simulate_cohort(12, days=150, seed=3), directory)
    return directory


def _rank_args(d: Path) -> list[str]:
    return [
        "rank",
        "--checkins",
        str(d / "checkins.csv"),
        "--attendance",
        str(d / "attendance.csv"),
    ]


def test_rank_prints_a_table_and_writes_csv_with_bom(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "ranking.csv"
    assert main([*_rank_args(data_dir), "--top", "5", "--out", str(out), "--quiet"]) == 0
    printed = capsys.readouterr().out
    assert "ranking as of 2025-06-04" in printed and "graduate_id" in printed
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    table = pd.read_csv(out, encoding="utf-8-sig")
    assert list(table.columns) == [
        *["graduate_id", "rank", "risk", "level", "reasons"],
        *["as_of", "left_out"],
    ]
    assert len(table) == 5


def test_rank_writes_json_with_reason_lists(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "ranking.json"
    assert main([*_rank_args(data_dir), "--as-of", "2025-05-01", "--out", str(out)]) == 0
    records = json.loads(out.read_text(encoding="utf-8"))
    assert all(isinstance(r["reasons"], list) for r in records)


def test_bad_input_exits_2_with_the_row_message(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "attendance.csv"
    bad.write_text("graduate_id,date,status\nG0001,2025-04-01,holiday\n", encoding="utf-8")
    args = ["rank", "--checkins", str(data_dir / "checkins.csv"), "--attendance", str(bad)]
    assert main(args) == 2
    assert "line 2, column status: 'holiday'" in capsys.readouterr().err


def test_signs_reads_arguments_and_stdin(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main(["signs", "眠れない"]) == 0
    assert json.loads(capsys.readouterr().out)["detected"] == ["sleep"]
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO("疲れはない\n上司が怖い\n"))
    assert main(["signs", "--no-hits"]) == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [x["detected"] for x in lines] == [[], ["supervisor"]]
    assert "hits" not in lines[0]


def test_backtest_command(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = [
        "backtest",
        "--checkins",
        str(data_dir / "checkins.csv"),
        "--attendance",
        str(data_dir / "attendance.csv"),
        "--outcomes",
        str(data_dir / "outcomes.csv"),
        "--every",
        "14",
    ]
    assert main(args) == 0
    assert "attendance_only" in capsys.readouterr().out


def test_module_entry_point_runs_as_a_subprocess(data_dir: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "sign_detect", *_rank_args(data_dir), "--top", "3"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("\n") >= 4


def test_rank_reads_an_office_alias_file(data_dir: Path, tmp_path: Path) -> None:
    attendance = pd.read_csv(data_dir / "attendance.csv")
    attendance["status"] = attendance["status"].replace({"absent": "病欠"})
    renamed = tmp_path / "attendance.csv"
    attendance.to_csv(renamed, index=False)
    aliases = tmp_path / "aliases.toml"
    aliases.write_text('[status]\nabsent = ["病欠"]\n', encoding="utf-8")
    args = ["rank", "--checkins", str(data_dir / "checkins.csv"), "--attendance", str(renamed)]
    assert main([*args, "--quiet"]) == 2
    assert main([*args, "--aliases", str(aliases), "--quiet"]) == 0

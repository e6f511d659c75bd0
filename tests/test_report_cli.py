"""The command line outputs staff see: report, .xlsx, as-of and left-out, crisis, --version."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

import sign_detect
from sign_detect.cli import main
from sign_detect.simulate import simulate_cohort, write_cohort


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("cohort")
    write_cohort(simulate_cohort(12, days=200, seed=5), directory)
    return directory


def _args(d: Path, command: str = "rank") -> list[str]:
    return [
        command,
        "--checkins",
        str(d / "checkins.csv"),
        "--attendance",
        str(d / "attendance.csv"),
        "--outcomes",
        str(d / "outcomes.csv"),
        "--as-of",
        "2025-07-01",
    ]


def _left_out(d: Path) -> int:
    outcomes = pd.read_csv(d / "outcomes.csv", parse_dates=["date"])
    return int(outcomes.loc[outcomes["date"] <= "2025-07-01", "graduate_id"].nunique())


def test_report_writes_one_html_page(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    assert main([*_args(data_dir, "report"), "--top", "3", "--out", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "基準日" in page and "2025-07-01" in page
    assert "2025-06-03 時点との比較" in page


def test_report_since_and_a_bad_out_name(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "report.html"
    args = [*_args(data_dir, "report"), "--since", "2025-05-01", "--top", "1", "--out", str(out)]
    assert main(args) == 0
    assert "2025-05-01 時点との比較" in out.read_text(encoding="utf-8")
    assert main([*_args(data_dir, "report"), "--out", str(tmp_path / "report.pdf")]) == 2
    assert ".html" in capsys.readouterr().err


def test_rank_csv_and_json_say_their_as_of_date_and_who_was_left_out(
    data_dir: Path, tmp_path: Path
) -> None:
    left = _left_out(data_dir)
    csv, js = tmp_path / "r.csv", tmp_path / "r.json"
    assert main([*_args(data_dir), "--out", str(csv), "--quiet"]) == 0
    table = pd.read_csv(csv, encoding="utf-8-sig")
    assert set(table["as_of"]) == {"2025-07-01"} and set(table["left_out"]) == {left}
    assert set(table["level"]) <= {"high", "medium", "low"}
    assert main([*_args(data_dir), "--out", str(js), "--quiet"]) == 0
    records = json.loads(js.read_text(encoding="utf-8"))
    assert {(r["as_of"], r["left_out"]) for r in records} == {("2025-07-01", left)}


def test_rank_xlsx_is_the_formatted_workbook(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "ranking.xlsx"
    assert main([*_args(data_dir), "--out", str(out), "--quiet"]) == 0
    book = load_workbook(out)
    assert book.sheetnames == ["順位 2025-07-01", "理由と対応"]
    sheet = book.worksheets[0]
    assert sheet.freeze_panes == "A3" and sheet["C2"].value == "レベル"
    assert f"退職・休職した{_left_out(data_dir)}人を除く" in sheet["A1"].value


@pytest.mark.parametrize(
    ("text", "crisis"), [("もう死にたいと思う", True), ("死にたいとは思わない", False)]
)
def test_signs_shows_crisis_at_the_top_level(
    text: str, crisis: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["signs", "--no-hits", text]) == 0
    assert json.loads(capsys.readouterr().out)["crisis"] is crisis


def test_version_and_japanese_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"sign-detect {sign_detect.__version__}"
    for command in ("rank", "backtest", "signs", "report"):
        assert main([command, "--help"]) == 0
        printed = capsys.readouterr().out
        assert "例: sign-detect" in printed, command


def test_report_as_a_subprocess(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    args = [*_args(data_dir, "report"), "--top", "2", "--out", str(out)]
    done = subprocess.run(
        [sys.executable, "-m", "sign_detect", *args], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert out.exists() and "written" in done.stdout


def test_report_reads_the_office_words_and_actions(data_dir: Path, tmp_path: Path) -> None:
    checkins = pd.read_csv(data_dir / "checkins.csv")
    checkins["channel"] = checkins["channel"].replace({"phone": "コール"})
    (tmp_path / "checkins.csv").write_text(checkins.to_csv(index=False), encoding="utf-8")
    (tmp_path / "aliases.toml").write_text('[channel]\nphone = ["コール"]\n', encoding="utf-8")
    action = "担当者二人で今日中に電話する"
    (tmp_path / "actions.toml").write_text(
        f'[reasons.crisis]\naction = "{action}"\n', encoding="utf-8"
    )
    out = tmp_path / "report.html"
    args = [*_args(data_dir, "report"), "--checkins", str(tmp_path / "checkins.csv")]
    args += ["--top", "1", "--out", str(out)]
    assert main(args) == 2  # コール is not a channel without the office's words
    args += [
        "--aliases",
        str(tmp_path / "aliases.toml"),
        "--actions",
        str(tmp_path / "actions.toml"),
    ]
    assert main(args) == 0
    assert out.exists()


def test_report_keeps_going_past_bad_rows_with_a_quarantine_file(
    data_dir: Path, tmp_path: Path
) -> None:
    checkins = tmp_path / "checkins.csv"
    text = (data_dir / "checkins.csv").read_text(encoding="utf-8-sig").splitlines()
    bad_row = "G0001,2025/13/45,phone,ok,S01"
    checkins.write_text("\n".join([*text, bad_row]) + "\n", encoding="utf-8")
    out, skipped = tmp_path / "report.html", tmp_path / "skipped.csv"
    args = [
        "report", "--checkins", str(checkins), "--attendance", str(data_dir / "attendance.csv"),
        "--top", "2", "--out", str(out), "--errors", "quarantine", "--quarantine", str(skipped),
    ]  # fmt: skip
    assert main(args) == 0
    assert out.exists() and "2025/13/45" in skipped.read_text(encoding="utf-8-sig")

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


def _with_bad_rows(data_dir: Path, tmp_path: Path) -> Path:
    """The cohort's attendance plus two bad rows (an unknown status, an impossible date)."""
    bad = tmp_path / "attendance.csv"
    text = (data_dir / "attendance.csv").read_text(encoding="utf-8")
    bad.write_text(text + "G0001,2025-04-01,holiday\nG0002,2025-13-01,present\n", "utf-8")
    return bad


def _lines(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def test_rank_quarantines_bad_rows_into_a_csv_without_notes(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = _with_bad_rows(data_dir, tmp_path)
    checkins = tmp_path / "checkins.csv"
    notes = (data_dir / "checkins.csv").read_text(encoding="utf-8")
    checkins.write_text(notes + "G0003,2025-05-02,電報,職場の空気が重くて息が詰まる,S01\n", "utf-8")
    args = ["rank", "--checkins", str(checkins), "--attendance", str(bad), "--quiet"]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "--errors quarantine --quarantine FILE" in err and 'errors="quarantine"' not in err
    quarantine = tmp_path / "skipped.csv"
    assert main([*args, "--quarantine", str(quarantine)]) == 0
    assert quarantine.read_bytes().startswith(b"\xef\xbb\xbf")
    table = pd.read_csv(quarantine, encoding="utf-8-sig")
    assert list(table.columns) == ["file", "line", "column", "value", "reason"]
    assert sorted(zip(table["file"].map(lambda f: Path(f).name), table["line"], strict=True)) == [
        ("attendance.csv", _lines(bad) - 1),
        ("attendance.csv", _lines(bad)),
        ("checkins.csv", _lines(checkins)),
    ]
    assert "息が詰まる" not in quarantine.read_text(encoding="utf-8-sig")
    captured = capsys.readouterr()
    assert "3 invalid rows skipped" in captured.err and "息が詰まる" not in captured.err
    assert "ranking as of" in captured.out


def test_backtest_quarantines_bad_rows(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    quarantine = tmp_path / "skipped.csv"
    args = [
        "backtest",
        "--checkins",
        str(data_dir / "checkins.csv"),
        "--attendance",
        str(_with_bad_rows(data_dir, tmp_path)),
        "--outcomes",
        str(data_dir / "outcomes.csv"),
        "--every",
        "28",
        "--quiet",
    ]
    assert main(args) == 2
    assert main([*args, "--errors", "quarantine"]) == 2  # where would the rows go?
    assert "needs --quarantine FILE" in capsys.readouterr().err
    assert main([*args, "--errors", "quarantine", "--quarantine", str(quarantine)]) == 0
    assert len(pd.read_csv(quarantine, encoding="utf-8-sig")) == 2


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (
            ["--out", "ranking.txt"],
            "--out ranking.txt: use a file name ending in .csv, .xlsx, .json",
        ),
        (["--out", "no_such_folder/ranking.csv"], "the folder no_such_folder does not exist"),
        (["--top", "0"], "--top must be 1 or more, got 0"),
        (["--top", "-3"], "--top must be 1 or more, got -3"),
        (
            ["--quarantine", "skipped.txt"],
            "--quarantine skipped.txt: use a file name ending in .csv",
        ),
    ],
)
def test_bad_arguments_are_refused_before_any_work(
    data_dir: Path,
    extra: list[str],
    message: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    monkeypatch.chdir(tmp_path)

    def no_work(*args: object, **kwargs: object) -> None:
        raise AssertionError("data were read before the arguments were checked")

    monkeypatch.setattr("sign_detect.cli.load_checkins", no_work)
    assert main([*_rank_args(data_dir), *extra]) == 2
    captured = capsys.readouterr()
    assert message in captured.err and captured.out == ""
    assert not list(tmp_path.iterdir())


def test_outputs_never_overwrite_an_input(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    attendance = tmp_path / "attendance.csv"
    attendance.write_bytes((data_dir / "attendance.csv").read_bytes())
    before = attendance.read_bytes()
    args = ["rank", "--checkins", str(data_dir / "checkins.csv"), "--attendance", str(attendance)]
    assert main([*args, "--quarantine", str(attendance)]) == 2
    assert (
        main([*args, "--out", str(tmp_path / "r.csv"), "--quarantine", str(tmp_path / "r.csv")])
        == 2
    )
    assert "would overwrite" in capsys.readouterr().err
    assert attendance.read_bytes() == before and not (tmp_path / "r.csv").exists()


def _write(tmp_path: Path, name: str, content: str | bytes) -> str:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(
    ("option", "name", "content"),
    [
        ("--checkins", "missing.csv", None),
        ("--attendance", "folder", "dir"),
        ("--config", "office.toml", "[rules\n"),
        ("--config", "office.toml", "[rules.absense]\nweight = 1\n"),
        ("--aliases", "aliases.toml", "status = 3\n[status\n"),
        ("--model", "model.json", "{"),
        ("--model", "model.json", '{"format": "pickle"}'),
        ("--graduates", "graduates.csv", b""),
    ],
)
def test_every_bad_input_file_exits_2_naming_the_file(
    data_dir: Path,
    tmp_path: Path,
    option: str,
    name: str,
    content: str | None,
    capsys: pytest.CaptureFixture[str],
) -> None:
    if content == "dir":
        (tmp_path / name).mkdir()
        path = str(tmp_path / name)
    elif content is None:
        path = str(tmp_path / name)
    else:
        path = _write(tmp_path, name, content)
    args = {
        "--checkins": str(data_dir / "checkins.csv"),
        "--attendance": str(data_dir / "attendance.csv"),
    }
    args[option] = path
    argv = ["rank", *[x for pair in args.items() for x in pair], "--quiet"]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("sign-detect: error: ") and name in err
    assert "unexpected" not in err


def test_a_bad_as_of_exits_2_naming_the_option(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*_rank_args(data_dir), "--as-of", "2025-99-01", "--quiet"]) == 2
    assert "--as-of" in capsys.readouterr().err


def test_help_and_argparse_errors_return_codes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rank", "--help"]) == 0
    assert main(["rank", "--top", "many"]) == 2
    assert main([]) == 2

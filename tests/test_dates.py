"""Dates: era boundaries, dates in the future, as_of in every form, dates before hired_on."""

from __future__ import annotations

import datetime as dt
import io
import sys
from pathlib import Path

import pandas as pd
import pytest

from sign_detect import InputValidationError, InputWarning, load_attendance, load_checkins
from sign_detect.cli import main
from sign_detect.features.build import resolve_as_of
from sign_detect.io.dates import ACCEPTED_FORMS, check_date, date_problem, parse_date, parse_dates
from sign_detect.io.loaders import load_inputs


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("令和元年5月1日", dt.date(2019, 5, 1)),
        ("平成31年4月30日", dt.date(2019, 4, 30)),
        ("昭和64年1月7日", dt.date(1989, 1, 7)),
        ("平成元年1月8日", dt.date(1989, 1, 8)),
        ("H1.1.8", dt.date(1989, 1, 8)),
        ("R1.5.1", dt.date(2019, 5, 1)),
    ],
)
def test_dates_inside_their_era_are_accepted(text: str, expected: dt.date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("R1.4.30", "令和 began on 2019-05-01"),
        ("令和元年4月30日", "令和 began on 2019-05-01"),
        ("平成31年5月1日", "平成 ended on 2019-04-30"),
        ("S64.1.8", "昭和 ended on 1989-01-07"),
        ("平成元年1月7日", "平成 began on 1989-01-08"),
    ],
)
def test_dates_outside_their_era_are_refused_with_the_reason(text: str, why: str) -> None:
    assert parse_date(text) is None
    assert why in date_problem(text)
    frame = pd.DataFrame({"graduate_id": ["G1"], "date": [text], "status": ["出勤"]})
    _, quarantine = load_attendance(frame, errors="quarantine")
    assert why in quarantine["reason"].iloc[0]


def test_no_such_day_is_named() -> None:
    assert date_problem("2025-02-30") == "no such day in the calendar"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("２０２５/４/１", (dt.date(2025, 4, 1), "")),
        ("20250401", (dt.date(2025, 4, 1), "")),
        ("2025-04-01 00:00:00", (dt.date(2025, 4, 1), "")),
        ("R7.2.29", (None, "no such day in the calendar")),
        ("来週の月曜", (None, f"unparseable date (accepted: {ACCEPTED_FORMS})")),
    ],
)  # fmt: skip
def test_check_date_gives_the_date_or_the_reason(
    text: str, expected: tuple[dt.date | None, str]
) -> None:
    assert check_date(text) == expected
    assert text not in check_date(text)[1]  # reasons never quote the value


def test_parse_dates_keeps_the_index_and_marks_bad_values_nat() -> None:
    values = pd.Series(["R7.4.1", None, "2025/4/1", "bad", "R7.4.1"], index=[5, 6, 7, 8, 9])
    parsed = parse_dates(values)
    assert parsed.index.tolist() == [5, 6, 7, 8, 9] and parsed.dtype == "datetime64[ns]"
    assert parsed.isna().tolist() == [False, True, False, True, False]
    assert (parsed.dropna() == pd.Timestamp("2025-04-01")).all()
    stamps = pd.Series([pd.Timestamp("2025-04-01 13:45"), pd.Timestamp("2025-04-02")])
    assert parse_dates(stamps).tolist() == list(pd.to_datetime(["2025-04-01", "2025-04-02"]))


@pytest.mark.parametrize("future", ["令和99年4月1日", "2030-04-01", "2025/12/03"])
def test_a_date_after_tomorrow_is_an_invalid_row(future: str) -> None:
    frame = pd.DataFrame(
        {"graduate_id": ["G1", "G1"], "date": ["2025-11-30", future], "status": ["出勤"] * 2}
    )
    good, quarantine = load_attendance(frame, errors="quarantine", today="2025-12-01")
    assert good["date"].tolist() == [pd.Timestamp("2025-11-30")]
    assert "date in the future (after 2025-12-01, today)" in quarantine["reason"].iloc[0]


def test_tomorrow_is_still_accepted() -> None:
    frame = pd.DataFrame({"graduate_id": ["G1"], "date": ["2025-12-02"], "status": ["出勤"]})
    assert len(load_attendance(frame, today=dt.date(2025, 12, 1))) == 1


def test_a_future_date_never_moves_the_default_as_of(tmp_path: Path) -> None:
    checkins = tmp_path / "c.csv"
    checkins.write_text(
        "graduate_id,date,channel,note\nG1,2025-04-01,電話,特になし\nG1,令和99年4月1日,電話,特になし\n",
        encoding="utf-8",
    )
    good, quarantine = load_checkins(checkins, errors="quarantine")
    assert resolve_as_of(None, good) == pd.Timestamp("2025-04-01")
    assert quarantine["line"].tolist() == [3]
    attendance = tmp_path / "a.csv"
    attendance.write_text("graduate_id,date,status\nG1,2025-04-01,出勤\n", encoding="utf-8")
    args = ["rank", "--checkins", str(checkins), "--attendance", str(attendance), "--quiet"]
    assert main(args) == 2


@pytest.mark.parametrize(
    "form",
    ["令和7年9月1日", "R7.9.1", "2025/9/1", "2025年9月1日", "２０２５－０９－０１", "20250901"],
)
def test_as_of_takes_every_date_form(form: str) -> None:
    assert resolve_as_of(form) == pd.Timestamp("2025-09-01")


def test_as_of_that_is_not_a_date_says_why() -> None:
    with pytest.raises(ValueError, match="平成 ended on 2019-04-30"):
        resolve_as_of("平成31年5月1日")


def test_cli_as_of_in_the_japanese_era(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    checkins = tmp_path / "c.csv"
    checkins.write_text("graduate_id,date,channel,note\nG1,2025-08-01,電話,眠れない\n", "utf-8")
    attendance = tmp_path / "a.csv"
    attendance.write_text("graduate_id,date,status\nG1,2025-08-01,出勤\n", encoding="utf-8")
    args = ["rank", "--checkins", str(checkins), "--attendance", str(attendance), "--quiet"]
    assert main([*args, "--as-of", "令和7年9月1日"]) == 0
    assert "as of 2025-09-01" in capsys.readouterr().out


def test_rows_before_hired_on_are_kept_and_reported(tmp_path: Path) -> None:
    graduates = pd.DataFrame({"graduate_id": ["G1", "G2"], "hired_on": ["2025-04-01", "R7.4.1"]})
    checkins = pd.DataFrame(
        {
            "graduate_id": ["G1", "G1"],
            "date": ["2025-03-20", "2025-04-10"],
            "channel": ["面談", "電話"],
            "note": ["入社前の面談", "眠れない"],
        }
    )
    attendance = pd.DataFrame(
        {"graduate_id": ["G2", "G2"], "date": ["2025-03-31", "2025-04-01"], "status": ["出勤"] * 2}
    )
    with pytest.warns(InputWarning) as record:
        inputs = load_inputs(checkins, attendance, graduates)
    messages = [str(w.message) for w in record]
    assert len(messages) == 2
    assert "(check-ins): 1 rows are dated before the graduate's hired_on" in messages[0]
    assert "(attendance): 1 rows" in messages[1]
    assert len(inputs.checkins) == 2 and len(inputs.attendance) == 2
    assert inputs.warnings["line"].tolist() == [0, 0]
    assert inputs.warnings["value"].tolist() == ["2025-03-20", "2025-03-31"]
    assert "入社前" not in inputs.warnings.to_csv()
    assert all("hired_on (2025-04-01)" in r for r in inputs.warnings["reason"])


def test_signs_decodes_cp932_from_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    raw = io.TextIOWrapper(io.BytesIO("最近眠れない\n食欲がない\n".encode("cp932")))
    monkeypatch.setattr(sys, "stdin", raw)
    assert main(["signs", "--no-hits"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 2
    assert '"sleep"' in out[0] and '"appetite"' in out[1]


def test_validation_errors_name_dates_outside_the_era_in_files(tmp_path: Path) -> None:
    path = tmp_path / "era.csv"
    path.write_text("graduate_id,date,status\nG1,S64.1.8,出勤\n", encoding="cp932")
    with pytest.raises(InputValidationError, match=r"line 2, column date: 'S64.1.8': 昭和 ended"):
        load_attendance(path)

"""Loading and validation: encodings, date forms, bad rows, quarantine."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sign_detect import (
    ConfigError,
    InputFileError,
    InputValidationError,
    MissingColumnsError,
    load_attendance,
    load_checkins,
    load_graduates,
    load_outcomes,
)

CHECKINS_CSV = (
    "graduate_id,date,channel,note,staff_id\n"
    "G001,2025-04-01,電話,なんだか最近、眠りが浅い気がする,S01\n"
    "G001,2025/4/8,LINE,疲れが溜まってきたかも…,S01\n"
    "G002,令和7年4月3日,職場訪問,新しい上司の指示が、少し分かりにくい,S02\n"
)


def _write(tmp_path: Path, name: str, text: str, encoding: str) -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp932", "shift_jis"])
def test_every_encoding_loads_to_the_same_frame(tmp_path: Path, encoding: str) -> None:
    reference = load_checkins(_write(tmp_path, "ref.csv", CHECKINS_CSV, "utf-8"))
    frame = load_checkins(_write(tmp_path, f"{encoding}.csv", CHECKINS_CSV, encoding))
    pd.testing.assert_frame_equal(frame, reference)
    assert frame["note"].iloc[1] == "疲れが溜まってきたかも…"
    assert frame["channel"].tolist() == ["phone", "line", "visit"]


def test_undecodable_bytes_give_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.csv"
    path.write_bytes(b"graduate_id,date,channel,note\nG1,2025-04-01,phone,\x82\xff\xfe\n")
    with pytest.raises(ValueError, match=r"broken\.csv.*UTF-8 or CP932"):
        load_checkins(path)


@pytest.mark.parametrize(
    "text",
    [
        "2025-04-01",
        "2025/4/1",
        "2025/04/01",
        "2025年4月1日",
        "令和7年4月1日",
        "R7.4.1",
        "r7/4/1",
        "２０２５－０４－０１",
        "２０２５年４月１日",
        "20250401",
        "2025-04-01 00:00:00",
    ],
)
def test_every_date_form_is_understood(text: str) -> None:
    frame = load_attendance(
        pd.DataFrame({"graduate_id": ["G1"], "date": [text], "status": ["出勤"]})
    )
    assert frame["date"].iloc[0] == pd.Timestamp("2025-04-01")


def test_era_first_year_and_heisei() -> None:
    frame = load_outcomes(
        pd.DataFrame(
            {
                "graduate_id": ["G1", "G2"],
                "date": ["令和元年5月1日", "H31.4.30"],
                "event": ["退職", "休職"],
            }
        )
    )
    assert frame["date"].tolist() == [pd.Timestamp("2019-05-01"), pd.Timestamp("2019-04-30")]
    assert frame["event"].tolist() == ["resigned", "leave_of_absence"]


@pytest.mark.parametrize(
    ("raw", "status"),
    [
        ("出勤", "present"),
        ("欠勤", "absent"),
        ("遅刻", "late"),
        ("早退", "early_leave"),
        ("有給", "paid_leave"),
        ("有休", "paid_leave"),
        ("Early-Leave", "early_leave"),
        (" absent ", "absent"),
    ],
)
def test_japanese_statuses_are_mapped(raw: str, status: str) -> None:
    frame = load_attendance(
        pd.DataFrame({"graduate_id": ["G1"], "date": ["2025-04-01"], "status": [raw]})
    )
    assert frame["status"].iloc[0] == status


@pytest.mark.parametrize(
    ("raw", "channel"),
    [
        ("電話", "phone"),
        ("LINE", "line"),
        ("訪問", "visit"),
        ("職場訪問", "visit"),
        ("面談", "interview"),
        ("メール", "email"),
        ("email", "email"),
    ],
)
def test_japanese_channels_are_mapped(raw: str, channel: str) -> None:
    frame = load_checkins(
        pd.DataFrame(
            {"graduate_id": ["G1"], "date": ["2025-04-01"], "channel": [raw], "note": ["特になし"]}
        )
    )
    assert frame["channel"].iloc[0] == channel


BAD_ATTENDANCE = (
    "graduate_id,date,status,worked_hours\n"
    "G1,2025-04-01,出勤,8\n"  # line 2: good
    ",2025-04-02,出勤,8\n"  # line 3: missing id
    "G1,2025-13-01,出勤,8\n"  # line 4: bad date
    "G1,2025-04-03,holiday,8\n"  # line 5: unknown status
    "G1,2025-04-04,出勤,eight\n"  # line 6: bad hours
    "G2,2025-04-01,出勤,8\n"  # line 7: conflict with line 8
    "G2,2025-04-01,欠勤,0\n"  # line 8
    "G3,2025-04-01,出勤,8\n"  # line 9: good
    "G3,2025-04-01,出勤,8\n"  # line 10: exact duplicate of line 9
)


def test_every_bad_row_is_named_with_file_line_column_and_reason(tmp_path: Path) -> None:
    path = _write(tmp_path, "attendance.csv", BAD_ATTENDANCE, "cp932")
    with pytest.raises(InputValidationError) as info:
        load_attendance(path)
    err = info.value
    assert isinstance(err, ValueError)
    assert "attendance.csv" in str(err)
    report = err.rows.set_index("line")
    assert sorted(report.index) == [3, 4, 5, 6, 7, 8, 10]
    assert report.loc[3, "reason"] == "missing graduate_id"
    assert report.loc[4, "column"] == "date" and report.loc[4, "value"] == "2025-13-01"
    assert "accepted: present, absent, late, early_leave, paid_leave" in report.loc[5, "reason"]
    assert report.loc[6, "column"] == "worked_hours"
    assert "different values" in report.loc[7, "reason"]
    assert report.loc[10, "reason"] == "exact duplicate of line 9"
    assert "line 5, column status: 'holiday'" in str(err)


def test_quarantine_returns_good_rows_and_a_report(tmp_path: Path) -> None:
    path = _write(tmp_path, "attendance.csv", BAD_ATTENDANCE, "utf-8")
    good, quarantine = load_attendance(path, errors="quarantine")
    assert good["graduate_id"].tolist() == ["G1", "G3"]
    assert len(good) + len(quarantine) == BAD_ATTENDANCE.count("\n") - 1
    assert list(quarantine.columns) == ["source", "line", "column", "value", "reason"]


def test_error_message_shows_the_first_rows_and_counts_the_rest() -> None:
    raw = pd.DataFrame({"graduate_id": ["G1"] * 30, "date": ["bad"] * 30, "status": ["出勤"] * 30})
    with pytest.raises(InputValidationError, match=r"and 10 more invalid rows"):
        load_attendance(raw)


def test_line_numbers_follow_multi_line_notes_and_blank_lines(tmp_path: Path) -> None:
    text = (
        "graduate_id,date,channel,note\n"
        'G1,2025-04-01,phone,"一行目\n二行目"\n'
        "\n"
        "G1,2025-04-02,fax,特になし\n"
    )
    _, quarantine = load_checkins(_write(tmp_path, "c.csv", text, "utf-8"), errors="quarantine")
    assert quarantine["line"].tolist() == [5]


def test_xlsx_rows_are_numbered_as_excel_shows_them(tmp_path: Path) -> None:
    path = tmp_path / "checkins.xlsx"
    pd.DataFrame(
        {
            "graduate_id": ["G1", "G2"],
            "date": [pd.Timestamp("2025-04-01"), "not a date"],
            "channel": ["電話", "面談"],
            "note": ["眠れない", ""],
        }
    ).to_excel(path, index=False)
    good, quarantine = load_checkins(path, errors="quarantine")
    assert good["date"].tolist() == [pd.Timestamp("2025-04-01")]
    assert quarantine["line"].tolist() == [3]


@pytest.mark.parametrize("suffix", [".tsv", ".parquet"])
def test_tsv_and_parquet_load_like_csv(tmp_path: Path, suffix: str) -> None:
    reference = load_checkins(_write(tmp_path, "ref.csv", CHECKINS_CSV, "utf-8"))
    path = tmp_path / f"checkins{suffix}"
    raw = pd.read_csv(tmp_path / "ref.csv", dtype=str)
    if suffix == ".tsv":
        raw.to_csv(path, sep="\t", index=False)
    else:
        raw.to_parquet(path)
    pd.testing.assert_frame_equal(load_checkins(path), reference)


def test_missing_column_names_the_column_and_what_was_found() -> None:
    raw = pd.DataFrame({"graduate_id": ["G1"], "date": ["2025-04-01"], "freitext": ["x"]})
    with pytest.raises(MissingColumnsError, match=r"\['channel', 'note'\].*found.*'freitext'"):
        load_checkins(raw)


def test_empty_notes_are_kept_and_huge_notes_are_reported() -> None:
    raw = pd.DataFrame(
        {
            "graduate_id": ["G1", "G1", "G1"],
            "date": ["2025-04-01"] * 3,
            "channel": ["phone", "line", "visit"],
            "note": ["", None, "眠" * 30_000],
        }
    )
    good, quarantine = load_checkins(raw, errors="quarantine")
    assert good["note"].tolist() == ["", ""]
    assert "text too long (30000 characters" in quarantine["reason"].iloc[0]
    assert "眠" not in str(quarantine["value"].iloc[0])  # the report never quotes a note


def test_duplicate_note_rows_are_reported_without_their_text() -> None:
    raw = pd.DataFrame(
        {
            "graduate_id": ["G1", "G1"],
            "date": ["2025-04-01"] * 2,
            "channel": ["phone"] * 2,
            "note": ["夜眠れない"] * 2,
        }
    )
    with pytest.raises(InputValidationError) as info:
        load_checkins(raw)
    message = str(info.value)
    assert "row 1, column (whole row): 'G1 2025-04-01 phone': exact duplicate of row 0" in message
    assert "眠れない" not in str(info.value)


def test_several_checkins_on_one_day_are_normal() -> None:
    raw = pd.DataFrame(
        {
            "graduate_id": ["G1", "G1"],
            "date": ["2025-04-01"] * 2,
            "channel": ["phone", "line"],
            "note": ["朝の電話", "夕方のLINE"],
        }
    )
    assert len(load_checkins(raw)) == 2


def test_dataframe_input_keeps_its_index_labels() -> None:
    raw = pd.DataFrame(
        {"graduate_id": ["G1", "G2"], "date": ["2025-04-01", "x"], "status": ["出勤", "出勤"]},
        index=[10, 20],
    )
    good, quarantine = load_attendance(raw, errors="quarantine")
    assert good.index.tolist() == [10]
    assert quarantine["line"].tolist() == [20]


def test_graduates_table_maps_disability_types_and_rejects_repeated_ids() -> None:
    raw = pd.DataFrame(
        {
            "graduate_id": ["G1", "G2", "G2"],
            "hired_on": ["R6.10.1", "", ""],
            "disability_type": ["精神", "発達", "知的"],
        }
    )
    good, quarantine = load_graduates(raw, errors="quarantine")
    assert good["disability_type"].tolist() == ["mental"]
    assert len(quarantine) == 2


def test_errors_argument_is_checked() -> None:
    with pytest.raises(ValueError, match="errors must be"):
        load_checkins(pd.DataFrame(), errors="ignore")  # type: ignore[call-overload]


_cell = st.one_of(
    st.sampled_from(["", "G1", "2025-04-01", "出勤", "absent", "R7.4.1", "8", "x"]),
    st.text(max_size=6),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(_cell, _cell, _cell, _cell), max_size=25))
def test_rows_in_equal_good_plus_quarantined(rows: list[tuple[str, str, str, str]]) -> None:
    raw = pd.DataFrame(
        rows, columns=["graduate_id", "date", "status", "worked_hours"], dtype=object
    )
    good, quarantine = load_attendance(raw, errors="quarantine")
    assert len(good) + len(quarantine) == len(raw)
    assert set(good.index).isdisjoint(set(quarantine["line"]))


def test_excel_style_crlf_cp932_with_a_quoted_line_break(tmp_path: Path) -> None:
    text = (
        "graduate_id,date,channel,note\r\n"
        "G1,2025/4/1,電話,眠れない\r\n"
        'G2,R7.4.2,LINE,"一行目\r\n二行目"\r\n'
        "G3,bad,面談,特になし\r\n"
    )
    good, quarantine = load_checkins(
        _write(tmp_path, "excel.csv", text, "cp932"), errors="quarantine"
    )
    assert good["graduate_id"].tolist() == ["G1", "G2"]
    assert good["note"].iloc[1] == "一行目\r\n二行目"
    assert quarantine["line"].tolist() == [5]


def test_an_office_can_add_its_own_words_for_statuses_and_channels(tmp_path: Path) -> None:
    raw = pd.DataFrame(
        {
            "graduate_id": ["G1", "G1"],
            "date": ["2025-04-01", "2025-04-02"],
            "status": ["病欠", "出勤"],
        }
    )
    with pytest.raises(InputValidationError, match="'病欠'"):
        load_attendance(raw)
    assert load_attendance(raw, aliases={"status": {"absent": ["病欠"]}})["status"].tolist() == [
        "absent",
        "present",
    ]
    office = tmp_path / "office_aliases.toml"
    office.write_text('[channel]\nphone = ["携帯"]\n', encoding="utf-8")
    checkins = pd.DataFrame(
        {"graduate_id": ["G1"], "date": ["2025-04-01"], "channel": ["携帯"], "note": ["特になし"]}
    )
    assert load_checkins(checkins, aliases=office)["channel"].tolist() == ["phone"]
    with pytest.raises(ValueError, match="unknown field 'chanel'"):
        load_checkins(checkins, aliases={"chanel": {"phone": ["携帯"]}})


def test_japanese_headers_of_an_office_export_are_read(tmp_path: Path) -> None:
    path = tmp_path / "記録.csv"
    pd.DataFrame(
        {
            "利用者ID": ["G1", "G2"],
            "日付": ["2025/4/1", "令和7年4月2日"],
            "連絡手段": ["電話", "LINE"],
            "内容": ["眠れないとのこと", "特に変わりなし"],
            "担当者": ["S1", "S2"],
        }
    ).to_csv(path, index=False, encoding="cp932")
    checkins = load_checkins(path)
    assert checkins["graduate_id"].tolist() == ["G1", "G2"]
    assert checkins["channel"].tolist() == ["phone", "line"]
    assert checkins["note"].tolist() == ["眠れないとのこと", "特に変わりなし"]
    assert checkins["staff_id"].tolist() == ["S1", "S2"]


def test_two_headers_for_one_column_are_named() -> None:
    day = ["2025-04-01"]
    raw = pd.DataFrame({"graduate_id": ["G1"], "日付": day, "記録日": day, "status": ["出勤"]})
    with pytest.raises(InputFileError, match="日付 and 記録日 would both be 'date'"):
        load_attendance(raw)


def test_an_office_adds_its_own_header_words() -> None:
    raw = pd.DataFrame({"支援対象者": ["G1"], "date": ["2025-04-01"], "status": ["出勤"]})
    with pytest.raises(MissingColumnsError, match="支援対象者"):
        load_attendance(raw)
    office = {"columns": {"graduate_id": ["支援対象者"]}}
    assert load_attendance(raw, aliases=office)["graduate_id"].tolist() == ["G1"]


def test_short_note_text_in_a_code_or_id_column_is_never_shown() -> None:
    frame = pd.DataFrame(
        {"graduate_id": ["G1"], "date": ["2025-04-01"], "status": ["体調不良で休み"]}
    )
    with pytest.raises(InputValidationError) as info:
        load_attendance(frame)
    assert "体調不良" not in str(info.value) and "<text of 7 characters>" in str(info.value)
    notes = pd.DataFrame(
        {"graduate_id": ["母が眠れないらしい"], "date": ["2025-04-01"], "channel": ["phone"],
         "note": ["ok"]}
    )  # fmt: skip
    with pytest.raises(InputValidationError, match="looks like note text") as info:
        load_checkins(notes)
    assert "眠れない" not in str(info.value)


@pytest.mark.parametrize(
    ("aliases", "message"),
    [
        ({"status": {"absent": ["病欠", 3]}}, "list of words"),
        ({"status": {"absent": "病欠"}}, "list of words"),
        ({"status": {"abesnt": ["病欠"]}}, "unknown code 'abesnt'"),
    ],
)
def test_an_office_alias_file_is_checked(aliases: dict, message: str) -> None:  # type: ignore[type-arg]
    frame = pd.DataFrame({"graduate_id": ["G1"], "date": ["2025-04-01"], "status": ["病欠"]})
    with pytest.raises(ConfigError, match=message):
        load_attendance(frame, aliases=aliases)

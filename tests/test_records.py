"""The table contract: record classes, their cell kinds, and the loaders that read them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest
from pydantic import ValidationError

from sign_detect import (
    AttendanceDay,
    CheckIn,
    Graduate,
    MissingColumnsError,
    Outcome,
    load_attendance,
    load_checkins,
    load_graduates,
    load_outcomes,
)
from sign_detect.io.records import (
    ATTENDANCE_STATUSES,
    Choice,
    Day,
    Hours,
    Identifier,
    Label,
    Record,
    Text,
    table_spec,
)

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "samples"
LOADERS: dict[type[Record], Callable[..., pd.DataFrame]] = {
    CheckIn: load_checkins,
    AttendanceDay: load_attendance,
    Graduate: load_graduates,
    Outcome: load_outcomes,
}
GOOD: dict[type[Record], dict[str, object]] = {
    CheckIn: {"graduate_id": "G1", "date": "2025-04-01", "channel": "電話", "note": "眠れない"},
    AttendanceDay: {"graduate_id": "G1", "date": "2025-04-01", "status": "出勤"},
    Graduate: {"graduate_id": "G1"},
    Outcome: {"graduate_id": "G1", "date": "2025-09-01", "event": "退職"},
}


def test_checkin_maps_japanese_values_and_dates() -> None:
    record = CheckIn(graduate_id="G1", date="R7.4.1", channel="職場訪問", note="眠りが浅い")
    assert record.date == dt.date(2025, 4, 1) and record.channel == "visit"


def test_other_records() -> None:
    assert Graduate(graduate_id="G1", disability_type="精神").disability_type == "mental"
    assert Outcome(graduate_id="G1", date="2025/9/1", event="休職").event == "leave_of_absence"
    day = AttendanceDay(graduate_id="G1", date="2025-04-01", status="有休", worked_hours="７.５")
    assert day.status == "paid_leave" and day.worked_hours == 7.5


@pytest.mark.parametrize(
    ("record", "columns"),
    [
        (
            CheckIn,
            [
                ("graduate_id", True),
                ("date", True),
                ("channel", True),
                ("note", True),
                ("staff_id", False),
            ],
        ),
        (
            AttendanceDay,
            [
                ("graduate_id", True),
                ("date", True),
                ("status", True),
                ("scheduled_hours", False),
                ("worked_hours", False),
            ],
        ),
        (
            Graduate,
            [
                ("graduate_id", True),
                ("hired_on", False),
                ("disability_type", False),
                ("employer", False),
            ],
        ),
        (Outcome, [("graduate_id", True), ("date", True), ("event", True)]),
    ],
)
def test_the_table_spec_is_read_from_the_record(
    record: type[Record], columns: list[tuple[str, bool]]
) -> None:
    spec = table_spec(record)
    assert [(c.name, c.required) for c in spec.columns] == columns
    assert spec.names == tuple(record.model_fields)


def test_each_field_declares_its_cell_kind() -> None:
    cells = {c.name: c.cell for c in table_spec(AttendanceDay).columns}
    assert isinstance(cells["graduate_id"], Identifier)
    assert isinstance(cells["date"], Day) and cells["date"].event
    assert isinstance(cells["status"], Choice)
    assert cells["status"].accepted == ATTENDANCE_STATUSES
    assert isinstance(cells["worked_hours"], Hours)
    kinds = {c.name: type(c.cell) for c in table_spec(CheckIn).columns}
    assert kinds["note"] is Text and kinds["staff_id"] is Label
    hired_on = table_spec(Graduate).columns[1].cell
    assert isinstance(hired_on, Day) and not hired_on.event  # a hiring date may lie ahead


def test_unique_keys_live_on_the_record() -> None:
    assert table_spec(AttendanceDay).unique_key == ("graduate_id", "date")
    assert table_spec(Graduate).unique_key == ("graduate_id",)
    assert table_spec(CheckIn).unique_key == ()  # several contacts a day are kept


@pytest.mark.parametrize("record", list(LOADERS))
def test_the_loader_requires_the_records_required_fields(record: type[Record]) -> None:
    required = table_spec(record).required
    with pytest.raises(MissingColumnsError) as caught:
        LOADERS[record](pd.DataFrame({"unrelated": ["x"]}))
    assert caught.value.missing == list(required)
    with pytest.raises(ValidationError):
        record.model_validate({})


# (record, column, bad value): the record and the loader must give the same reason.
BAD_CELLS = [
    (CheckIn, "graduate_id", "  "),
    (CheckIn, "date", "2025-02-30"),
    (CheckIn, "date", "平成31年5月1日"),
    (CheckIn, "date", ""),
    (CheckIn, "channel", "fax"),
    (CheckIn, "channel", ""),
    (AttendanceDay, "status", "holiday"),
    (AttendanceDay, "worked_hours", "25"),
    (AttendanceDay, "scheduled_hours", "八時間"),
    (Graduate, "hired_on", "R1.4.30"),
    (Graduate, "disability_type", "不明"),
    (Outcome, "event", "転職"),
]


@pytest.mark.parametrize(("record", "column", "value"), BAD_CELLS)
def test_records_reject_a_cell_with_the_loaders_reason(
    record: type[Record], column: str, value: str
) -> None:
    row = {**GOOD[record], column: value}
    _, report = LOADERS[record](pd.DataFrame([row]), errors="quarantine")
    reason = report["reason"].iloc[0]
    with pytest.raises(ValidationError) as caught:
        record.model_validate(row)
    errors = caught.value.errors()
    assert [e["loc"] for e in errors] == [(column,)]
    assert errors[0]["msg"] == f"Value error, {reason}"


def test_records_read_cells_like_the_loaders() -> None:
    row = {**GOOD[CheckIn], "graduate_id": " 123.0 ", "note": "  空白も残す ", "staff_id": " "}
    record = CheckIn.model_validate(row)
    loaded = load_checkins(pd.DataFrame([row])).iloc[0]
    assert record.graduate_id == loaded["graduate_id"] == "123"  # Excel's float IDs
    assert record.note == loaded["note"] == "  空白も残す "  # notes are kept as written
    assert record.staff_id is None and loaded["staff_id"] is None


def test_a_blank_optional_cell_is_none() -> None:
    graduate = Graduate(graduate_id="G1", hired_on="", disability_type=None, employer=" ")
    assert (graduate.hired_on, graduate.disability_type, graduate.employer) == (None, None, None)
    assert (
        AttendanceDay(
            graduate_id="G1", date="2025-04-01", status="出勤", worked_hours=float("nan")
        ).worked_hours
        is None
    )


def test_a_note_may_be_blank_but_the_column_is_required() -> None:
    assert CheckIn(**{**GOOD[CheckIn], "note": ""}).note == ""
    without = {k: v for k, v in GOOD[CheckIn].items() if k != "note"}
    with pytest.raises(ValidationError, match="note"):
        CheckIn.model_validate(without)


def test_record_errors_never_show_the_input() -> None:
    slid = "上司に相談したら、少し楽になったとのこと"  # a note slid into the channel column
    with pytest.raises(ValidationError) as caught:
        CheckIn(graduate_id="G1", date="2025-04-01", channel=slid, note="眠れない")
    assert slid not in str(caught.value) and "眠れない" not in str(caught.value)
    assert "unknown channel" in str(caught.value)


def test_an_office_alias_table_replaces_the_shipped_one() -> None:
    status = table_spec(AttendanceDay).columns[2].cell
    assert isinstance(status, Choice)
    assert status.parse("病欠", "status", True)[0] is None
    office = Choice(status.accepted, status.aliases_field, aliases={"病欠": "absent"})
    assert office.parse("病欠", "status", True) == ("absent", "")


@pytest.mark.parametrize("record", list(LOADERS))
def test_every_loaded_sample_row_is_a_valid_record(record: type[Record]) -> None:
    name = {
        CheckIn: "checkins",
        AttendanceDay: "attendance",
        Graduate: "graduates",
        Outcome: "outcomes",
    }[record]
    frame = LOADERS[record](SAMPLES / f"{name}.csv")
    for row in frame.head(200).to_dict(orient="records"):
        validated = record.model_validate(row).model_dump()
        for column, value in validated.items():
            loaded = row[column]
            if isinstance(loaded, pd.Timestamp):
                loaded = loaded.date()
            assert value == loaded or (value is None and pd.isna(loaded)), column

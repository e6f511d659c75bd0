"""Pydantic records: the same contract as the table loaders, one row at a time."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from sign_detect import AttendanceDay, CheckIn, Graduate, Outcome, load_checkins


def test_checkin_maps_japanese_values_and_dates() -> None:
    record = CheckIn(graduate_id="G1", date="R7.4.1", channel="職場訪問", note="眠りが浅い")
    assert record.date == dt.date(2025, 4, 1) and record.channel == "visit"


def test_records_reject_what_the_loaders_reject() -> None:
    with pytest.raises(ValidationError, match="accepted: phone, line"):
        CheckIn(graduate_id="G1", date="2025-04-01", channel="fax")
    with pytest.raises(ValidationError, match="graduate_id is blank"):
        AttendanceDay(graduate_id=" ", date="2025-04-01", status="出勤")
    with pytest.raises(ValidationError, match="less than or equal to 24"):
        AttendanceDay(graduate_id="G1", date="2025-04-01", status="出勤", worked_hours=25)


def test_other_records() -> None:
    assert Graduate(graduate_id="G1", disability_type="精神").disability_type == "mental"
    assert Outcome(graduate_id="G1", date="2025/9/1", event="休職").event == "leave_of_absence"


def test_loaded_rows_validate_as_records() -> None:
    import pandas as pd

    frame = load_checkins(
        pd.DataFrame(
            {
                "graduate_id": ["G1"],
                "date": ["2025年4月1日"],
                "channel": ["メール"],
                "note": ["特になし"],
            }
        )
    )
    row = frame.iloc[0].to_dict()
    assert CheckIn.model_validate({**row, "date": row["date"].date()}).channel == "email"

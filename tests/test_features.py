"""Point-in-time features: no future data leaks in; each person compared with their usual."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from sklearn.base import clone

from sign_detect import FEATURE_NAMES, FeatureBuilder, build_features, rank_graduates
from sign_detect.simulate import Cohort

AS_OF = pd.Timestamp("2025-06-02")


def _past(frame: pd.DataFrame) -> pd.DataFrame:
    return frame[frame["date"] <= AS_OF]


def _future_rows(cohort: Cohort) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Append rows dated after AS_OF that would change every feature if they leaked in."""
    ids = cohort.attendance["graduate_id"].unique()
    days = pd.date_range(AS_OF + pd.Timedelta(days=1), periods=30, freq="D")
    attendance = pd.DataFrame(
        [(g, d, "absent", 7.5, 0.0) for g in ids for d in days],
        columns=["graduate_id", "date", "status", "scheduled_hours", "worked_hours"],
    )
    checkins = pd.DataFrame(
        [(g, d, "phone", "全然眠れないし、もう辞めたい", "S01") for g in ids for d in days[::3]],
        columns=["graduate_id", "date", "channel", "note", "staff_id"],
    )
    return (
        pd.concat([_past(cohort.checkins), checkins], ignore_index=True),
        pd.concat([_past(cohort.attendance), attendance], ignore_index=True),
    )


def test_rows_after_as_of_do_not_change_any_feature(small_cohort: Cohort) -> None:
    before = build_features(
        _past(small_cohort.checkins), _past(small_cohort.attendance), as_of=AS_OF
    )
    checkins, attendance = _future_rows(small_cohort)
    after = build_features(checkins, attendance, as_of=AS_OF)
    pd.testing.assert_frame_equal(before, after)


def test_one_row_per_graduate_with_a_record_by_as_of(small_cohort: Cohort) -> None:
    features = build_features(small_cohort.checkins, small_cohort.attendance, as_of=AS_OF)
    seen = set(small_cohort.checkins.loc[small_cohort.checkins["date"] <= AS_OF, "graduate_id"])
    seen |= set(
        small_cohort.attendance.loc[small_cohort.attendance["date"] <= AS_OF, "graduate_id"]
    )
    assert set(features.index) == seen
    assert list(features.columns) == FEATURE_NAMES
    assert features.index.name == "graduate_id"


def _person(statuses: dict[str, str], notes: dict[str, str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    attendance = pd.DataFrame(
        {"graduate_id": "G1", "date": list(statuses), "status": list(statuses.values())}
    )
    checkins = pd.DataFrame(
        {"graduate_id": "G1", "date": list(notes), "channel": "line", "note": list(notes.values())}
    )
    return checkins, attendance


def _workdays(start: str, end: str) -> list[str]:
    return [d.date().isoformat() for d in pd.bdate_range(start, end)]


def test_attendance_features_count_recent_absences_against_the_usual() -> None:
    days = _workdays("2025-01-06", "2025-06-27")
    statuses = dict.fromkeys(days, "present")
    for d in ["2025-06-10", "2025-06-11", "2025-06-17", "2025-06-24"]:
        statuses[d] = "absent"
    statuses["2025-06-26"] = "late"
    statuses["2025-06-27"] = "absent"
    checkins, attendance = _person(statuses, {"2025-06-20": "特に変わりなし"})
    f = build_features(checkins, attendance, as_of="2025-06-27").loc["G1"]
    assert f["att_absent_28d"] == 5
    assert f["att_absent_excess_28d"] > 4  # no absence in the 24 weeks before
    assert f["att_spells_84d"] == 4 and f["att_absent_days_84d"] == 5
    assert f["att_bradford_84d"] == 4**2 * 5
    assert f["att_absent_streak"] == 1
    assert f["att_late_28d"] == 1


def test_checkin_features_see_new_signs_and_a_silent_person() -> None:
    notes = {d: "特に変わりなし" for d in _workdays("2025-01-06", "2025-05-01")[::5]}
    notes["2025-05-20"] = "最近、眠りが浅い気がする"
    notes["2025-05-27"] = "夜中に目が覚めてしまう"
    checkins, attendance = _person({"2025-05-27": "present"}, notes)
    f = build_features(checkins, attendance, as_of="2025-06-01").loc["G1"]
    assert f["sign_sleep_n28d"] == 2 and f["sign_sleep_nbase"] == 0
    assert f["sign_sleep_new"] == 1 and f["sign_new_categories"] == 1
    assert f["sign_categories_28d"] == 1
    assert f["contact_usual_gap"] == pytest.approx(7, abs=1)
    later = build_features(checkins, attendance, as_of="2025-07-15").loc["G1"]
    assert later["contact_days_since"] == 49
    assert later["contact_gap_ratio"] > 5


def test_graduate_table_adds_tenure_and_prior(small_cohort: Cohort) -> None:
    features = build_features(
        small_cohort.checkins,
        small_cohort.attendance,
        as_of=AS_OF,
        graduates=small_cohort.graduates,
    )
    assert features["tenure_days"].notna().any()
    assert features["prior_1y_separation"].between(0, 1).all()


def test_as_of_accepts_strings_dates_and_timestamps(small_cohort: Cohort) -> None:
    forms = ["2025-06-02", AS_OF.date(), AS_OF]
    cohort = small_cohort
    frames = [build_features(cohort.checkins, cohort.attendance, as_of=f) for f in forms]
    for frame in frames[1:]:
        pd.testing.assert_frame_equal(frame, frames[0])
    with pytest.raises(ValueError, match="as_of"):
        build_features(small_cohort.checkins, small_cohort.attendance, as_of="not a date")


@pytest.fixture(scope="module")
def queries(small_cohort: Cohort) -> pd.DataFrame:
    ids = sorted(small_cohort.attendance["graduate_id"].unique())[:6]
    return pd.DataFrame(
        {"graduate_id": ids * 2, "as_of": ["2025-05-01"] * 6 + ["2025-06-02"] * 6},
        index=range(100, 112),
    )


def test_transformer_matches_build_features(small_cohort: Cohort, queries: pd.DataFrame) -> None:
    builder = FeatureBuilder(checkins=small_cohort.checkins, attendance=small_cohort.attendance)
    out = builder.set_output(transform="pandas").fit_transform(queries)
    assert list(out.columns) == FEATURE_NAMES and list(out.index) == list(queries.index)
    direct = build_features(small_cohort.checkins, small_cohort.attendance, as_of="2025-06-02")
    expected = direct.loc[queries["graduate_id"].iloc[6:]].to_numpy()
    np.testing.assert_allclose(out.iloc[6:].to_numpy(), expected, equal_nan=True)


def test_transformer_conventions(small_cohort: Cohort, queries: pd.DataFrame) -> None:
    builder = FeatureBuilder(checkins=small_cohort.checkins, attendance=small_cohort.attendance)
    assert builder.get_params()["checkins"] is small_cohort.checkins
    fitted_twice = clone(builder).fit(queries).transform(queries)
    np.testing.assert_array_equal(builder.fit_transform(queries), fitted_twice)
    assert list(builder.get_feature_names_out()) == FEATURE_NAMES
    with pytest.raises(ValueError, match="graduate_id"):
        builder.transform(pd.DataFrame({"id": ["G1"]}))


def test_transform_before_fit_is_an_error(queries: pd.DataFrame) -> None:
    from sklearn.exceptions import NotFittedError

    with pytest.raises(NotFittedError):
        FeatureBuilder().transform(queries)


def test_unanswered_attempts_are_not_contacts_and_are_counted() -> None:
    notes = {d: "特に変わりなし" for d in _workdays("2025-01-06", "2025-05-30")[::5]}
    notes["2025-06-09"] = "電話するも応答なし。留守電にメッセージを残す。"
    notes["2025-06-16"] = "LINE送信、既読つかず。"
    notes["2025-06-23"] = "電話がつながらず、後日再度連絡する。"
    checkins, attendance = _person({"2025-05-30": "present"}, notes)
    f = build_features(checkins, attendance, as_of="2025-06-30").loc["G1"]
    assert f["contact_unanswered_run"] == 3 and f["contact_unanswered_28d"] == 3
    assert f["contact_days_since"] >= 31  # the attempts did not reset the gap
    ranking = rank_graduates(checkins, attendance, as_of="2025-06-30")
    assert "連絡がつかない: 最後に話せてから3回応答なし" in ranking.iloc[0]["reasons"]
    answered = dict(notes, **{"2025-06-27": "電話で近況確認。特に変わりなし"})
    checkins, attendance = _person({"2025-05-30": "present"}, answered)
    f = build_features(checkins, attendance, as_of="2025-06-30").loc["G1"]
    assert f["contact_unanswered_run"] == 0 and f["contact_unanswered_28d"] == 3

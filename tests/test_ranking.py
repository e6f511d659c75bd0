"""Ranking with reasons, the default scorer's configuration, and the trainable model."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from sign_detect import (
    FEATURE_NAMES,
    ConfigError,
    RiskModel,
    ScorerConfig,
    build_features,
    rank_graduates,
)
from sign_detect.risk.scorer import explain_row, score_features
from sign_detect.simulate import Cohort

AS_OF = "2025-06-30"


def _two_people() -> tuple[pd.DataFrame, pd.DataFrame]:
    """G1 starts to report poor sleep and fatigue and misses days; G2 stays well."""
    days = pd.bdate_range("2025-01-06", AS_OF)
    attendance = pd.DataFrame(
        [(g, d, "present") for g in ("G1", "G2") for d in days],
        columns=["graduate_id", "date", "status"],
    )
    late = attendance["date"].isin(pd.to_datetime(["2025-06-16", "2025-06-23", "2025-06-27"]))
    attendance.loc[late & (attendance["graduate_id"] == "G1"), "status"] = "absent"
    notes = []
    for d in pd.date_range("2025-01-07", AS_OF, freq="7D"):
        notes.append(("G2", d, "phone", "特に変わりなく過ごしている"))
        recent = d >= pd.Timestamp("2025-06-01")
        notes.append(("G1", d, "line", "全然眠れなくて疲れが取れない" if recent else "仕事は順調"))
    checkins = pd.DataFrame(notes, columns=["graduate_id", "date", "channel", "note"])
    return checkins, attendance


def test_the_person_with_signs_ranks_first_with_reasons() -> None:
    checkins, attendance = _two_people()
    ranking = rank_graduates(checkins, attendance, as_of=AS_OF)
    assert list(ranking.columns) == ["graduate_id", "rank", "risk", "level", "reasons"]
    assert ranking["graduate_id"].tolist() == ["G1", "G2"]
    top = ranking.iloc[0]
    assert top["rank"] == 1 and top["level"] == "high" and 0 < top["risk"] <= 1
    reasons = top["reasons"]
    assert "睡眠の訴え: 直近4週で4回(それ以前の24週は0回)" in reasons
    assert any(r.startswith("サインが続いている: 直近8週で") for r in reasons)
    assert any(r.startswith("欠勤: 直近4週で3日") for r in reasons)
    assert ranking.iloc[1]["reasons"] == [] and ranking.iloc[1]["risk"] == 0.0


def test_every_point_of_risk_has_a_reason(small_cohort: Cohort) -> None:
    features = build_features(small_cohort.checkins, small_cohort.attendance, as_of=AS_OF)
    config = ScorerConfig.default()
    scored = score_features(features, config)
    for gid, row in features.iterrows():
        found = explain_row(row, config)
        assert len(found) == len(scored.loc[gid, "reasons"])
        assert (scored.loc[gid, "risk"] > 0) == bool(found)


def test_as_of_defaults_to_latest_date_and_excludes_later_graduates() -> None:
    checkins, attendance = _two_people()
    newcomer = pd.DataFrame({"graduate_id": ["G3"], "date": ["2025-07-10"], "status": ["present"]})
    attendance = pd.concat([attendance, newcomer], ignore_index=True)
    assert "G3" not in set(rank_graduates(checkins, attendance, as_of=AS_OF)["graduate_id"])
    assert "G3" in set(rank_graduates(checkins, attendance)["graduate_id"])


def test_ties_are_broken_by_graduate_id() -> None:
    checkins, attendance = _two_people()
    checkins = checkins[checkins["graduate_id"] == "G2"]
    twins = pd.concat(
        [
            attendance[attendance["graduate_id"] == "G2"].assign(graduate_id=g)
            for g in ("G9", "G2", "G5")
        ]
    )
    ranking = rank_graduates(checkins, twins, as_of=AS_OF)
    assert ranking["graduate_id"].tolist() == ["G2", "G5", "G9"]


def test_people_who_already_left_are_not_ranked() -> None:
    checkins, attendance = _two_people()
    outcomes = pd.DataFrame({"graduate_id": ["G1"], "date": ["2025-06-01"], "event": ["退職"]})
    ranking = rank_graduates(checkins, attendance, as_of=AS_OF, outcomes=outcomes)
    assert ranking["graduate_id"].tolist() == ["G2"]


def test_an_office_can_reweight_rules_and_reword_reasons(tmp_path: Path) -> None:
    office = tmp_path / "office.toml"
    office.write_text(
        '[rules.absence]\nweight = 0.0\n[signs]\nreason = "{label}のサイン {recent}件"\n',
        encoding="utf-8",
    )
    checkins, attendance = _two_people()
    ranking = rank_graduates(
        checkins, attendance, as_of=AS_OF, config=ScorerConfig.from_toml(office)
    )
    reasons = ranking.iloc[0]["reasons"]
    assert "睡眠のサイン 4件" in reasons
    assert not any(r.startswith("欠勤") for r in reasons)


def test_invalid_scorer_config_is_named(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[rules.absense]\nweight = 1.0\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"bad\.toml.*absense"):
        ScorerConfig.from_toml(bad)


def test_risk_model_round_trips_through_json(small_cohort: Cohort, tmp_path: Path) -> None:
    features = build_features(small_cohort.checkins, small_cohort.attendance, as_of=AS_OF)
    labels = (features["att_absent_rate_28d"] > features["att_absent_rate_28d"].median()).astype(
        int
    )
    model = RiskModel().fit(features, labels)
    path = tmp_path / "model.json"
    model.save(path)
    assert "import" not in path.read_text(encoding="utf-8")
    loaded = RiskModel.load(path)
    pd.testing.assert_series_equal(model.predict_risk(features), loaded.predict_risk(features))
    ranking = rank_graduates(
        small_cohort.checkins, small_cohort.attendance, as_of=AS_OF, model=loaded
    )
    assert ranking["risk"].between(0, 1).all()


def test_risk_model_rejects_other_files(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_text('{"format": "pickle"}', encoding="utf-8")
    with pytest.raises(ConfigError, match="not a sign_detect RiskModel"):
        RiskModel.load(path)
    with pytest.raises(ValueError, match="not fitted"):
        RiskModel().predict_risk(pd.DataFrame(columns=FEATURE_NAMES))


def test_an_office_passes_its_own_status_words_to_the_ranking() -> None:
    checkins, attendance = _two_people()
    attendance["status"] = attendance["status"].replace({"absent": "病欠"})
    with pytest.raises(ValueError, match="病欠"):
        rank_graduates(checkins, attendance, as_of=AS_OF)
    office = {"status": {"absent": ["病欠"]}}
    ranking = rank_graduates(checkins, attendance, as_of=AS_OF, aliases=office)
    expected = rank_graduates(*_two_people(), as_of=AS_OF)
    pd.testing.assert_frame_equal(ranking, expected)


def test_a_crisis_word_puts_the_person_first_with_a_plain_reason() -> None:
    checkins, attendance = _two_people()
    late = pd.DataFrame(
        [("G2", pd.Timestamp("2025-06-29"), "line", "もう消えたい")],
        columns=["graduate_id", "date", "channel", "note"],
    )
    ranking = rank_graduates(pd.concat([checkins, late]), attendance, as_of=AS_OF)
    top = ranking.iloc[0]
    assert top["graduate_id"] == "G2" and top["level"] == "high"
    assert top["reasons"][0].startswith("危機的な発言")


# A person who goes quiet must rise, not sink.
QUIET_AS_OF = "2025-09-30"


def _person(
    graduate_id: str, start: str, end: str, *, tired_from: str | None = None, absent_last: int = 0
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Weekly calls and every working day recorded from ``start`` to ``end``."""
    days = pd.bdate_range(start, end)
    attendance = pd.DataFrame({"graduate_id": graduate_id, "date": days, "status": "present"})
    if absent_last:
        attendance.loc[attendance.index[-absent_last:], "status"] = "absent"
    notes = [
        (
            graduate_id,
            d,
            "phone",
            "最近ちょっと疲れ気味かもしれない"
            if tired_from and d >= pd.Timestamp(tired_from)
            else "職場にもだいぶ慣れてきた",
        )
        for d in pd.date_range(start, end, freq="7D")
    ]
    return pd.DataFrame(notes, columns=["graduate_id", "date", "channel", "note"]), attendance


def _cohort(*people: tuple[pd.DataFrame, pd.DataFrame]) -> tuple[pd.DataFrame, pd.DataFrame]:
    return (
        pd.concat([p[0] for p in people], ignore_index=True),
        pd.concat([p[1] for p in people], ignore_index=True),
    )


def test_seven_months_of_silence_outranks_two_people_with_mild_tiredness() -> None:
    checkins, attendance = _cohort(
        _person("QUIET", "2024-10-01", "2025-02-14", absent_last=2),
        _person("TIRED1", "2024-10-01", QUIET_AS_OF, tired_from="2025-09-10"),
        _person("TIRED2", "2024-10-01", QUIET_AS_OF, tired_from="2025-09-12"),
    )
    ranking = rank_graduates(checkins, attendance, as_of=QUIET_AS_OF)
    top = ranking.iloc[0]
    assert top["graduate_id"] == "QUIET" and top["level"] == "high"
    assert top["reasons"][0] == "最終連絡から231日、勤怠の記録も228日なし"
    assert {"TIRED1", "TIRED2"} == set(ranking["graduate_id"].iloc[1:])


def test_reasons_from_attendance_that_stopped_long_ago_are_marked_stale() -> None:
    checkins, attendance = _person("QUIET", "2024-10-01", "2025-02-14", absent_last=2)
    reasons = rank_graduates(checkins, attendance, as_of=QUIET_AS_OF).iloc[0]["reasons"]
    assert not any("続いている" in r for r in reasons)
    assert "連続欠勤: 記録の最後の2日(最終記録 2025-02-14)" in reasons
    recent = rank_graduates(checkins, attendance, as_of="2025-02-14").iloc[0]["reasons"]
    assert "連続欠勤: 直近2日続いている" in recent


@pytest.mark.parametrize(
    ("start", "end"),
    [("2025-01-06", "2025-03-10"), ("2025-03-03", "2025-03-14"), ("2024-09-02", "2025-03-14")],
)
def test_data_that_stop_long_before_as_of_never_give_zero_risk(start: str, end: str) -> None:
    checkins, attendance = _person("SHORT", start, end)
    top = rank_graduates(checkins, attendance, as_of=QUIET_AS_OF).iloc[0]
    assert top["risk"] > 0.9 and top["level"] == "high"
    assert top["reasons"][0].startswith("最終連絡から") and "勤怠の記録も" in top["reasons"][0]


def test_silence_is_judged_on_the_one_kind_of_record_a_person_has() -> None:
    checkins, attendance = _person("X", "2025-01-06", "2025-03-10")
    only_notes = rank_graduates(checkins, attendance.iloc[:0], as_of=QUIET_AS_OF).iloc[0]
    assert only_notes["reasons"][0] == "最終連絡から204日(勤怠の記録なし)"
    only_days = rank_graduates(checkins.iloc[:0], attendance, as_of=QUIET_AS_OF).iloc[0]
    assert only_days["reasons"] == ["勤怠の記録が204日なし(連絡の記録なし)"]


def test_a_person_in_touch_gets_no_silence_reason_and_an_office_tunes_silence() -> None:
    checkins, attendance = _person("X", "2025-01-06", "2025-08-29")
    reasons = rank_graduates(checkins, attendance, as_of="2025-09-12").iloc[0]["reasons"]
    assert not any(r.startswith("最終連絡から") for r in reasons)
    assert rank_graduates(checkins, attendance, as_of="2025-10-10").iloc[0]["level"] == "high"
    patient = ScorerConfig.from_mapping(
        {"rules": {"silence": {"min_days": 60}, "contact_gap": {"weight": 0.0}}},
        base=ScorerConfig.default(),
    )
    later = rank_graduates(checkins, attendance, as_of="2025-10-10", config=patient)
    assert later.iloc[0]["reasons"] == []


def test_a_person_back_from_leave_is_listed_again() -> None:
    checkins, attendance = _person("BACK", "2025-01-06", QUIET_AS_OF)
    gap = attendance["date"].between("2025-04-01", "2025-06-30")
    attendance = attendance[~gap]
    outcomes = pd.DataFrame({"graduate_id": ["BACK"], "date": ["2025-04-01"], "event": ["休職"]})
    on_leave = rank_graduates(checkins, attendance, as_of="2025-05-30", outcomes=outcomes)
    assert on_leave.empty
    back = rank_graduates(checkins, attendance, as_of=QUIET_AS_OF, outcomes=outcomes)
    assert back["graduate_id"].tolist() == ["BACK"]
    resigned = outcomes.assign(event="退職")
    assert rank_graduates(checkins, attendance, as_of=QUIET_AS_OF, outcomes=resigned).empty


def test_an_office_rewords_the_stale_note_and_moves_its_cut_off() -> None:
    checkins, attendance = _person("QUIET", "2024-10-01", "2025-02-14", absent_last=2)
    office = ScorerConfig.from_mapping(
        {"stale": {"note": "(勤怠は{date}まで)"}}, base=ScorerConfig.default()
    )
    ranking = rank_graduates(checkins, attendance, as_of=QUIET_AS_OF, config=office)
    reasons = ranking.iloc[0]["reasons"]
    assert "連続欠勤: 記録の最後の2日(勤怠は2025-02-14まで)" in reasons
    lenient = ScorerConfig.from_mapping({"stale": {"after_days": 400}}, base=ScorerConfig.default())
    ranking = rank_graduates(checkins, attendance, as_of=QUIET_AS_OF, config=lenient)
    reasons = ranking.iloc[0]["reasons"]
    assert "連続欠勤: 直近2日続いている" in reasons
    with pytest.raises(ConfigError, match="stale"):
        ScorerConfig.from_mapping({"stale": {"after": 3}}, base=ScorerConfig.default())

"""The default risk scorer: rules declare their columns, configs are checked, rows at once."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from sign_detect import FEATURE_NAMES, ConfigError, build_features
from sign_detect.errors import MissingColumnsError
from sign_detect.features.spec import ATTENDANCE, CHECKIN
from sign_detect.risk import scorer as risk_scoring
from sign_detect.risk.rules import RULES, sign_columns
from sign_detect.risk.scorer import ScorerConfig, explain_keyed, score_features
from sign_detect.simulate import Cohort

AS_OF = pd.Timestamp("2025-09-30")


def _row(**values: float) -> pd.DataFrame:
    """One feature row: nothing happening (0), with ``values`` set."""
    row = dict.fromkeys(FEATURE_NAMES, 0.0)
    row.update(values)
    return pd.DataFrame([row], index=pd.Index(["G1"], name="graduate_id"))


NAN = float("nan")


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ({}, []),
        (
            {"sign_crisis_28d": 1},
            ["危機的な発言(死にたい・自傷など): 直近4週で1回。本人と早急に連絡を"],
        ),
        (
            {"sign_sleep_n28d": 3, "sign_sleep_28d": 2.4},
            ["睡眠の訴え: 直近4週で3回(それ以前の24週は0回)"],
        ),
        (
            {"contact_days_since": 60, "att_days_since_record": NAN},
            ["最終連絡から60日(勤怠の記録なし)"],
        ),
        (
            {"contact_days_since": NAN, "att_days_since_record": 45},
            ["勤怠の記録が45日なし(連絡の記録なし)"],
        ),
        (
            {"contact_days_since": 50, "att_days_since_record": 40},
            ["最終連絡から50日、勤怠の記録も40日なし"],
        ),
        (
            {"att_absent_streak": 3, "att_days_since_record": 20},
            ["連続欠勤: 記録の最後の3日(最終記録 2025-09-10)"],
        ),
        (
            {
                "att_days_28d": 20,
                "att_absent_28d": 4,
                "att_absent_excess_28d": 3.5,
                "att_absent_rate_base": 0.05,
                "att_hours_ratio_28d": 1.0,
            },
            ["欠勤: 直近4週で4日(普段の約4倍)"],
        ),
        (
            {"contact_days_since": 21, "contact_usual_gap": 7, "contact_gap_ratio": 3},
            ["連絡が途絶えがち: 最終連絡から21日(普段は約7日おき)"],
        ),
        ({"att_days_28d": 20, "att_hours_ratio_28d": 0.7}, ["勤務時間: 直近4週は予定の70%"]),
        ({"att_days_28d": 4, "att_hours_ratio_28d": 0.7}, []),  # too few days to judge
        ({"sign_sleep_new": 1, "sign_mood_new": 1}, ["初めて見られるサイン: 睡眠、気分"]),
    ],
)
def test_each_rule_writes_its_reason(values: dict[str, float], expected: list[str]) -> None:
    scored = score_features(_row(**values), ScorerConfig.default(), AS_OF)
    assert scored.loc["G1", "reasons"] == expected
    assert (scored.loc["G1", "points"] > 0) == bool(expected)


def test_reasons_come_most_points_first_and_points_make_the_risk() -> None:
    row = _row(sign_crisis_28d=1, sign_sleep_n28d=3, sign_sleep_28d=2.4)
    scored = score_features(row, ScorerConfig.default())
    assert scored.loc["G1", "reasons"][0].startswith("危機的な発言")
    keyed = explain_keyed(row.iloc[0], ScorerConfig.default())
    assert [key for _, key, _ in keyed] == ["crisis", "sign_sleep"]
    points = scored.loc["G1", "points"]
    assert points == sum(p for p, _, _ in keyed) == 3.0 + 0.9
    assert scored.loc["G1", "risk"] == round(1 - math.exp(-points), 4)
    assert scored.loc["G1", "level"] == "high"


def test_a_stale_reason_without_a_date_says_how_long_ago() -> None:
    row = _row(att_absent_streak=3, att_days_since_record=20)
    assert score_features(row, ScorerConfig.default())["reasons"].iloc[0] == [
        "連続欠勤: 記録の最後の3日(最終記録 20日前)"
    ]


def test_all_rows_at_once_equal_each_row_alone(small_cohort: Cohort) -> None:
    features = pd.concat(
        [
            build_features(small_cohort.checkins, small_cohort.attendance, as_of=as_of)
            for as_of in ("2025-04-01", "2025-06-15", "2025-08-20")
        ]
    ).reset_index()
    features.loc[::7, "att_days_since_record"] = np.nan  # people without attendance
    features.loc[::5, "contact_usual_gap"] = np.nan
    config = ScorerConfig.default()
    together = score_features(features, config, AS_OF)
    alone = pd.concat(
        [score_features(features.iloc[[i]], config, AS_OF) for i in range(len(features))]
    )
    pd.testing.assert_frame_equal(together, alone)
    assert together["reasons"].map(len).gt(0).any()


@pytest.mark.parametrize("name", sorted(RULES))
def test_a_rule_reads_only_the_columns_it_declares(name: str) -> None:
    rule = RULES[name]
    columns = {c: np.array([2.0, 40.0, np.nan]) for c in rule.columns}
    options = {"min_days": 10, "enabled": True}
    values = rule.value(columns, **{o: options[o] for o in rule.options})
    assert values.shape == (3,)
    rule.fields({c: v[1] for c, v in columns.items()})  # a KeyError if it read another


def test_every_column_a_config_reads_is_a_feature() -> None:
    config = ScorerConfig.default()
    assert set(config.columns()) <= set(FEATURE_NAMES)
    assert set(sign_columns("sleep")) <= set(config.columns())
    assert CHECKIN.crisis in config.columns() and ATTENDANCE.days_since_record in config.columns()


def _office_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "office_scorer.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_an_unknown_rule_names_the_file_and_the_rule(tmp_path: Path) -> None:
    path = _office_file(tmp_path, "[rules.sleepless]\nweight = 1.0\nscale = 1.0\nreason = 'x'\n")
    with pytest.raises(
        ConfigError, match=r"office_scorer\.toml: unknown rule\(s\) \['sleepless'\]"
    ):
        ScorerConfig.from_toml(path)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[rules.silence]\nmin_dayz = 30\n", r"rules\.silence: unknown key 'min_dayz'"),
        ("[rules.hours]\nenabled = true\n", r"rules\.hours: unknown key 'enabled'"),
    ],
)
def test_a_mistyped_option_is_refused_when_the_file_loads(
    tmp_path: Path, text: str, message: str
) -> None:
    with pytest.raises(ConfigError, match=rf"office_scorer\.toml: {message}"):
        ScorerConfig.from_toml(_office_file(tmp_path, text))


def test_a_rule_without_its_option_is_refused() -> None:
    base = ScorerConfig.default().model_dump()
    del base["rules"]["contact_gap"]["min_days"]
    with pytest.raises(
        ConfigError, match=r"office\.toml: rules\.contact_gap: missing option 'min_days'"
    ):
        ScorerConfig.from_mapping(base, where="office.toml")


def test_a_rule_reading_a_column_the_specification_lacks_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As if the specification had dropped a feature that the silence rule still reads.
    known = risk_scoring._KNOWN_COLUMNS - {"att_days_since_record"}
    monkeypatch.setattr(risk_scoring, "_KNOWN_COLUMNS", known)
    path = _office_file(tmp_path, "[levels]\nhigh = 0.6\n")
    with pytest.raises(ConfigError) as caught:
        ScorerConfig.from_toml(path)
    message = str(caught.value)
    assert "office_scorer.toml" in message
    assert "rules.silence reads 'att_days_since_record'" in message
    assert "rules.absence reads 'att_days_since_record'" in message  # the stale wording


def test_features_without_a_column_the_rules_read_raise_a_clear_error() -> None:
    features = _row().drop(columns=["contact_gap_ratio", "sign_mood_nbase"])
    with pytest.raises(MissingColumnsError, match="score_features") as caught:
        score_features(features, ScorerConfig.default())
    assert set(caught.value.missing) == {"contact_gap_ratio", "sign_mood_nbase"}


def test_a_config_without_a_sign_weight_scores_without_its_columns() -> None:
    base = ScorerConfig.default().model_dump()
    del base["signs"]["weights"]["mood"]
    config = ScorerConfig.from_mapping(base)
    features = _row(sign_mood_n28d=3, sign_mood_28d=2.0).drop(columns=["sign_mood_nbase"])
    assert score_features(features, config).loc["G1", "reasons"] == []

"""Backtest: metrics, lead time, the time split of the trained model, calibration, tables
over time and the fairness audit."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from sklearn.ensemble import HistGradientBoostingClassifier

from sign_detect import (
    BacktestReport,
    ScorerConfig,
    SignScorer,
    backtest,
    save_model,
    simulate_cohort,
    training_set,
)
from sign_detect.cli import main
from sign_detect.features.build import FEATURE_NAMES
from sign_detect.risk.audit import MIN_GROUP_PEOPLE, TOLERANCE, fairness_audit, main_staff
from sign_detect.risk.calibration import reliability_table
from sign_detect.risk.scorer import score_features
from sign_detect.risk.time_splits import holdout_split, time_splits
from sign_detect.simulate import Cohort, write_cohort

DATES = pd.date_range("2025-03-03", "2025-10-27", freq="14D")


@pytest.fixture(scope="module")
def cohort() -> Cohort:
    return simulate_cohort(120, days=300, seed=21)


@pytest.fixture(scope="module")
def report(cohort: Cohort, scorer: SignScorer) -> BacktestReport:
    return backtest(
        cohort.checkins, cohort.attendance, cohort.outcomes, DATES,
        graduates=cohort.graduates, scorer=scorer,
    )  # fmt: skip


def test_all_scorers_are_compared_on_the_same_rows(report) -> None:  # type: ignore[no-untyped-def]
    table = report.table
    assert list(table.index) == [
        "default", "attendance_only", "text_only", "risk_model", "default_prior_on",
    ]  # fmt: skip
    assert table["rows"].nunique() == 1 and table["positives"].min() > 0
    assert table["roc_auc"].between(0, 1).all()


def test_scores_beat_chance_on_a_simulated_cohort(report) -> None:  # type: ignore[no-untyped-def]
    assert report.table.loc["default", "roc_auc"] > 0.7
    assert report.table.loc["text_only", "roc_auc"] > 0.7


def test_lead_time_is_days_before_the_crisis(report) -> None:  # type: ignore[no-untyped-def]
    leads = report.leads
    assert (leads["lead_days"] >= 0).all()
    # Only crises whose 84-day lead window lies inside the test period are measured.
    first_test = report.rows["as_of"].min()
    assert (leads["crisis"] >= first_test + pd.Timedelta(days=84)).all()
    assert (report.table["lead_crises"] <= report.table["positives"]).all()
    assert set(leads["scorer"]) == set(report.table.index)
    flagged = leads[leads["lead_days"] > 0]
    assert not flagged.empty


def test_model_is_trained_only_on_dates_before_the_test_period(report) -> None:  # type: ignore[no-untyped-def]
    first_test = report.rows["as_of"].min()
    assert first_test > pd.Timestamp("2025-03-03")


def test_backtest_needs_two_dates() -> None:
    cohort = simulate_cohort(5, days=60, seed=1)
    with pytest.raises(ValueError, match="two as-of dates"):
        backtest(cohort.checkins, cohort.attendance, cohort.outcomes, ["2025-02-01"])


def test_training_set_keeps_only_dates_with_known_labels(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from sign_detect import RiskModel, training_set

    cohort = simulate_cohort(60, days=200, seed=8)
    dates = pd.date_range("2025-03-01", "2025-07-20", freq="14D")
    X, y = training_set(cohort.checkins, cohort.attendance, cohort.outcomes, dates, horizon_days=56)
    last = max(cohort.checkins["date"].max(), cohort.attendance["date"].max())
    assert X.index.names == ["as_of", "graduate_id"] and y.index.equals(X.index)
    assert (X.index.get_level_values("as_of") + pd.Timedelta(days=56) <= last).all()
    assert set(y.unique()) == {0, 1}
    model = RiskModel().fit(X, y)
    model.save(tmp_path / "model.json")
    assert RiskModel.load(tmp_path / "model.json").predict_risk(X).between(0, 1).all()


def test_precision_and_recall_per_date_match_the_rows(report: BacktestReport) -> None:
    per_date = report.per_date
    assert set(per_date["scorer"]) == set(report.table.index)
    first = per_date.iloc[0]
    rows = report.rows[report.rows["as_of"] == first["as_of"]]
    flagged = rows[f"{first['scorer']}_flag"]
    assert first["flagged"] == flagged.sum()
    assert first["precision_at_k"] == pytest.approx(rows.loc[flagged, "label"].mean())
    assert first["recall"] == pytest.approx(flagged[rows["label"] == 1].mean())
    assert per_date.groupby("scorer")["as_of"].nunique().eq(report.rows["as_of"].nunique()).all()


def test_calibration_table_and_brier_for_the_probability_scorers(report: BacktestReport) -> None:
    calibration = report.calibration
    assert set(calibration["scorer"]) == {"default", "risk_model"}
    for _, part in calibration.groupby("scorer"):
        assert part["n"].sum() == len(report.rows)
    inside = calibration["mean_predicted"].between(calibration["lower"], calibration["upper"])
    assert inside.all()
    brier = report.table["brier"]
    assert brier[["default", "risk_model"]].notna().all()
    assert brier[["attendance_only", "text_only"]].isna().all()


def test_reliability_table_refuses_scores_that_are_not_probabilities() -> None:
    with pytest.raises(ValueError, match="between 0 and 1"):
        reliability_table([0, 1], [0.5, 3.0])


def test_the_audit_covers_every_attribute_with_groups_of_five_or_more(
    report: BacktestReport,
) -> None:
    audit = report.audit
    assert set(audit["attribute"]) == {"disability_type", "employer", "staff_id"}
    assert (audit["people"] >= MIN_GROUP_PEOPLE).all()
    low, high = TOLERANCE
    for rate in ("fnr", "fpr"):
        ratio = audit[f"{rate}_ratio"]
        assert (audit[f"{rate}_disparity"] == ((ratio < low) | (ratio > high))).all()
        reference = audit[audit["group"] == audit[f"{rate}_reference"]]
        assert reference[f"{rate}_ratio"].dropna().eq(1.0).all()
    assert any("under 5 people not shown" in note for note in report.notes)
    assert "audit by disability_type" in report.audit_summary()


def test_the_audit_shows_what_the_disability_prior_changes(report: BacktestReport) -> None:
    """Both scorers are audited by disability type; the prior moves the risks (whether it
    also changes who is flagged depends on the cohort)."""
    by_type = report.audit[report.audit["attribute"] == "disability_type"]
    assert {"default", "default_prior_on"} <= set(by_type["scorer"])
    assert not np.allclose(report.rows["default"], report.rows["default_prior_on"])
    assert (report.rows["default_prior_on"] >= report.rows["default"]).all()  # it only adds


def test_the_disability_prior_is_opt_in() -> None:
    row = pd.DataFrame([dict.fromkeys(FEATURE_NAMES, 0.0)], index=pd.Index(["G1"]))
    row["prior_1y_separation"] = 0.507
    off = score_features(row, ScorerConfig.default())
    on_config = ScorerConfig.from_mapping(
        {"rules": {"disability_prior": {"enabled": True}}}, base=ScorerConfig.default()
    )
    on = score_features(row, on_config)
    assert off.loc["G1", "points"] == 0 and off.loc["G1", "reasons"] == []
    assert on.loc["G1", "points"] > 0 and "障害種別" in on.loc["G1", "reasons"][0]


def test_main_staff_is_who_wrote_most_notes() -> None:
    checkins = pd.DataFrame(
        {"graduate_id": ["G1"] * 4 + ["G2"] * 2, "staff_id": ["S2", "S1", "S2", "S2", "S3", "S1"]}
    )
    assert main_staff(checkins).to_dict() == {"G1": "S2", "G2": "S1"}


def test_groups_under_five_people_are_not_shown_but_counted() -> None:
    rows = pd.DataFrame(
        {
            "graduate_id": [f"G{i}" for i in range(9)],
            "label": [1, 0, 1, 0, 1, 0, 1, 0, 1],
            "default_flag": [True, False, False, True, True, False, True, False, False],
        }
    )
    groups = pd.DataFrame({"employer": ["E1"] * 6 + ["E2"] * 3}, index=rows["graduate_id"])
    audit, hidden = fairness_audit(rows, groups, ["default"])
    assert list(audit["group"]) == ["E1"] and hidden == 1


def test_flag_high_follows_the_level_the_ranking_shows(cohort: Cohort, scorer: SignScorer) -> None:
    report = backtest(
        cohort.checkins, cohort.attendance, cohort.outcomes, DATES[:8], scorer=scorer,
        flag="high",
    )  # fmt: skip
    rows = report.rows
    assert (rows.loc[rows["default"] >= 0.55, "default_flag"]).all()
    assert report.flag == "high" and "level high" in str(report)
    with pytest.raises(ValueError, match="top_k"):
        backtest(cohort.checkins, cohort.attendance, cohort.outcomes, DATES, flag="top")


def test_any_classifier_trains_in_the_backtest_without_a_graduates_table(
    cohort: Cohort, scorer: SignScorer
) -> None:
    # Without a graduates table tenure and the prior are all NaN, which used to crash
    # HistGradientBoostingClassifier.
    report = backtest(
        cohort.checkins, cohort.attendance, cohort.outcomes, DATES, scorer=scorer,
        model=HistGradientBoostingClassifier(max_iter=20),
    )  # fmt: skip
    assert isinstance(report.model, HistGradientBoostingClassifier)
    assert 0 <= report.table.loc["risk_model", "roc_auc"] <= 1


def test_the_cli_backtest_evaluates_a_saved_model_and_prints_the_audit(
    cohort: Cohort, scorer: SignScorer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    X, y = training_set(
        cohort.checkins, cohort.attendance, cohort.outcomes, DATES[:6], scorer=scorer
    )
    model_path = tmp_path / "boosted.skops"
    save_model(HistGradientBoostingClassifier(max_iter=10).fit(X.fillna(0), y), model_path)
    write_cohort(cohort, tmp_path)
    args = ["backtest", "--quiet", "--audit", "--model", str(model_path), "--every", "21"]
    for table in ("checkins", "attendance", "outcomes", "graduates"):
        args += [f"--{table}", str(tmp_path / f"{table}.csv")]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "risk_model" in out and "evaluated as it is" in out
    assert "audit by staff_id" in out and "audit by disability_type" in out


def test_time_splits_never_train_on_labels_that_reach_the_validation_dates() -> None:
    as_of = pd.Series(pd.date_range("2025-01-06", periods=30, freq="7D").repeat(3))
    for train, val in time_splits(as_of, n_splits=3, gap_days=28):
        assert (as_of[train] + pd.Timedelta(days=28) < as_of[val].min()).all()
    train_mask, test_mask = holdout_split(as_of, share=0.3, gap_days=28)
    assert (as_of[train_mask] + pd.Timedelta(days=28) < as_of[test_mask].min()).all()
    assert as_of[test_mask].nunique() == 9

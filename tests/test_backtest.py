"""Backtest: metrics, lead time and the time split of the trained model."""

from __future__ import annotations

import pandas as pd
import pytest

from sign_detect import backtest, simulate_cohort


@pytest.fixture(scope="module")
def report():  # type: ignore[no-untyped-def]
    cohort = simulate_cohort(120, days=300, seed=21)
    dates = pd.date_range("2025-03-03", "2025-10-27", freq="14D")
    return backtest(cohort.checkins, cohort.attendance, cohort.outcomes, dates)


def test_all_scorers_are_compared_on_the_same_rows(report) -> None:  # type: ignore[no-untyped-def]
    table = report.table
    assert list(table.index) == ["default", "attendance_only", "text_only", "risk_model"]
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
    X, y = training_set(cohort.checkins, cohort.attendance, cohort.outcomes, dates, 56)
    last = max(cohort.checkins["date"].max(), cohort.attendance["date"].max())
    assert X.index.names == ["as_of", "graduate_id"] and y.index.equals(X.index)
    assert (X.index.get_level_values("as_of") + pd.Timedelta(days=56) <= last).all()
    assert set(y.unique()) == {0, 1}
    model = RiskModel().fit(X, y)
    model.save(tmp_path / "model.json")
    assert RiskModel.load(tmp_path / "model.json").predict_risk(X).between(0, 1).all()

"""Synthetic cohorts: deterministic, valid by our own contracts, and shaped like the domain."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from sign_detect import (
    load_attendance,
    load_checkins,
    load_graduates,
    load_outcomes,
    score_notes,
    simulate_cohort,
    write_cohort,
)


def test_same_seed_same_cohort_other_seed_other_cohort() -> None:
    assert simulate_cohort(10, days=90, seed=5) == simulate_cohort(10, days=90, seed=5)
    assert simulate_cohort(10, days=90, seed=5) != simulate_cohort(10, days=90, seed=6)


def test_written_cohort_loads_cleanly(tmp_path: Path) -> None:
    paths = write_cohort(simulate_cohort(15, days=120, seed=2), tmp_path)
    for loader, name in (
        (load_checkins, "checkins"),
        (load_attendance, "attendance"),
        (load_graduates, "graduates"),
        (load_outcomes, "outcomes"),
    ):
        frame, quarantine = loader(paths[name], errors="quarantine")
        assert quarantine.empty, quarantine.head()
        assert len(frame) == len(pd.read_csv(paths[name]))


def test_retention_parameter_sets_the_crisis_share() -> None:
    low = simulate_cohort(300, days=365, retention_1y=0.3, seed=1).outcomes
    high = simulate_cohort(300, days=365, retention_1y=0.9, seed=1).outcomes
    assert len(low) > 2 * len(high)


def test_signs_come_before_attendance_disruption() -> None:
    cohort = simulate_cohort(200, days=365, seed=9)
    signs = score_notes(cohort.checkins).filter(like="sign_").drop(columns="sign_hits").sum(axis=1)
    notes = cohort.checkins.assign(sign=signs > 0)
    crisis = cohort.outcomes.set_index("graduate_id")["date"]
    notes = notes[notes["graduate_id"].isin(crisis.index)]
    notes["days_before"] = (notes["graduate_id"].map(crisis) - notes["date"]).dt.days
    att = cohort.attendance[cohort.attendance["graduate_id"].isin(crisis.index)].copy()
    att["days_before"] = (att["graduate_id"].map(crisis) - att["date"]).dt.days
    sign_rate_early = notes.loc[notes["days_before"].between(29, 56), "sign"].mean()
    sign_rate_stable = notes.loc[notes["days_before"] > 120, "sign"].mean()
    absent_early = (att.loc[att["days_before"].between(29, 56), "status"] == "absent").mean()
    absent_late = (att.loc[att["days_before"].between(1, 14), "status"] == "absent").mean()
    assert sign_rate_early > 2 * sign_rate_stable  # notes change 4-8 weeks before
    assert absent_late > 2 * absent_early  # attendance breaks down later


def test_invalid_parameters_are_rejected() -> None:
    with pytest.raises(ValueError, match="retention_1y"):
        simulate_cohort(5, retention_1y=0.0)
    assert isinstance(simulate_cohort(3, days=30).attendance, pd.DataFrame)

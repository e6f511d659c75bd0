"""Attendance features per graduate as of a date, each compared with the person's usual.

Only rows dated on or before ``as_of`` are read. Windows end at ``as_of`` (inclusive):
the recent window is the last 28 days, the person's baseline is the 24 weeks before it.
Rates are per recorded working day, so part-time schedules compare fairly.

Research behind the choices: repeated short absences (several 1-3 day spells) predict long
absence, which a Bradford-style score (spells² × days) captures; Monday absences alone are
a weak signal (kept as a feature, weighted low by the scorer).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .spec import ATTENDANCE, UNPLANNED
from .windows import rows_as_of, window

__all__ = ["ATTENDANCE_FEATURES", "attendance_features"]

A = ATTENDANCE
#: Every attendance feature, in column order (see :mod:`sign_detect.features.spec`).
ATTENDANCE_FEATURES: list[str] = A.names


def _status_counts(frame: pd.DataFrame) -> pd.DataFrame:
    counts = pd.crosstab(frame["graduate_id"], frame["status"])
    for status in (*A.counted, "present"):
        if status not in counts.columns:
            counts[status] = 0
    counts["days"] = counts.sum(axis=1)
    return counts


def _spells(past: pd.DataFrame) -> pd.DataFrame:
    """Absence spells: runs of consecutive recorded absent days, with start dates."""
    ordered = past.sort_values(["graduate_id", "date"], kind="stable")
    absent = ordered["status"].eq("absent").to_numpy()
    same = ordered["graduate_id"].eq(ordered["graduate_id"].shift()).to_numpy()
    previous_absent = np.r_[False, absent[:-1]] & same
    starts = absent & ~previous_absent
    run_id = np.cumsum(starts)
    spells = pd.DataFrame(
        {
            "graduate_id": ordered["graduate_id"].to_numpy()[absent],
            "run": run_id[absent],
            "date": ordered["date"].to_numpy()[absent],
        }
    )
    return (
        spells.groupby(["graduate_id", "run"], sort=False)
        .agg(start=("date", "min"), end=("date", "max"), days=("date", "size"))
        .reset_index()
    )


def _current_streak(past: pd.DataFrame) -> pd.Series:
    """Consecutive absent records ending at each graduate's latest record."""
    ordered = past.sort_values(["graduate_id", "date"], kind="stable")
    rev = ordered.iloc[::-1]
    not_absent = rev["status"].ne("absent")
    # Within each graduate (latest first), count absents before the first non-absent.
    seen_break = not_absent.groupby(rev["graduate_id"], sort=False).cummax()
    return (~seen_break).groupby(rev["graduate_id"], sort=False).sum().astype(float)


def attendance_features(
    attendance: pd.DataFrame, as_of: pd.Timestamp, graduates: pd.Index | None = None
) -> pd.DataFrame:
    """Attendance features as of ``as_of`` (inclusive), one row per graduate.

    Parameters
    ----------
    attendance : DataFrame
        Validated attendance (see :func:`sign_detect.load_attendance`).
    as_of : Timestamp
        Nothing dated after this day is read.
    graduates : Index, optional
        Rows to return (graduates without attendance get their defaults).

    Returns
    -------
    DataFrame
        Index ``graduate_id``, columns :data:`ATTENDANCE_FEATURES`.
    """
    past, index = rows_as_of(attendance, as_of, graduates)
    out = pd.DataFrame(index=index)
    for w in A.windows:
        counts = _status_counts(window(past, as_of, w)).reindex(index, fill_value=0)
        out[A.days(w)] = counts["days"].astype(float)
        for s in UNPLANNED:
            out[A.rate(s, w)] = (counts[s] / counts["days"].where(counts["days"] > 0)).fillna(0.0)
        if w == A.recent:
            recent = counts
            for s in A.counted:
                out[A.count(s)] = counts[s].astype(float)
    base = _status_counts(window(past, as_of, A.baseline, end_days=A.recent)).reindex(
        index, fill_value=0
    )
    for s in UNPLANNED:
        # Laplace-smoothed usual rate: one event in 40 days is assumed before any history.
        rate = (base[s] + 0.5) / (base["days"] + 20.0)
        out[A.base_rate(s)] = rate
        out[A.excess(s)] = recent[s] - rate * recent["days"]
    out[A.streak] = _current_streak(past).reindex(index, fill_value=0.0)
    spells = _spells(window(past, as_of, A.spells_window))
    per_person = spells.groupby("graduate_id").agg(n=("days", "size"), days=("days", "sum"))
    per_person = per_person.reindex(index, fill_value=0)
    out[A.spells] = per_person["n"].astype(float)
    out[A.absent_days] = per_person["days"].astype(float)
    out[A.bradford] = per_person["n"] ** 2 * per_person["days"]
    mondays = spells[pd.to_datetime(spells["start"]).dt.day_of_week == 0]
    out[A.monday_absent] = (
        mondays.groupby("graduate_id").size().reindex(index, fill_value=0).astype(float)
    )
    recent_rows = window(past, as_of, A.recent)
    hours = recent_rows.groupby("graduate_id")[["scheduled_hours", "worked_hours"]].sum(min_count=1)
    ratio = hours["worked_hours"] / hours["scheduled_hours"].where(hours["scheduled_hours"] > 0)
    out[A.hours_ratio] = ratio.reindex(index).fillna(1.0).clip(0, 2)
    last = past.groupby("graduate_id")["date"].agg(["max", "min"]).reindex(index)
    out[A.days_since_record] = (as_of - last["max"]).dt.days.astype(float).fillna(np.nan)
    out[A.history_days] = (as_of - last["min"]).dt.days.astype(float).fillna(0.0)
    out.index.name = "graduate_id"
    return out[ATTENDANCE_FEATURES].astype(float)

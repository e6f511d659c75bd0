"""Timelines for the top N of a ranking: one at a time (before) vs in bulk (after).

Before (the first sessions' ``plot_timeline``): every person's notes scored again and the
weekly risk line computed with one feature computation per person and week. After
(``plot_timelines``): notes scored once for the caseload, and the weekly risk of all N
people computed in one feature pass. Both draw the same figures; ratios are within one
run. Figures are drawn but not saved (saving costs the same either way).

    python benchmarks/timelines.py [--graduates 60] [--days 270] [--top 10]
"""

from __future__ import annotations

import argparse
import time

import pandas as pd

from sign_detect import simulate_cohort
from sign_detect.features.build import features_as_of, resolve_as_of
from sign_detect.features.checkins import score_checkins
from sign_detect.report.plot import _draw_timeline, _weeks, plot_timelines, weekly_risk
from sign_detect.risk.ranking import rank_scored
from sign_detect.risk.scorer import ScorerConfig, score_features


def risk_one_at_a_time(
    scored: pd.DataFrame, attendance: pd.DataFrame, gid: str, weeks: pd.DatetimeIndex
) -> pd.Series:
    """The former risk line: one feature computation per week for one person."""
    index = pd.Index([gid], name="graduate_id")
    values = [
        score_features(
            features_as_of(scored, attendance, day, index=index), ScorerConfig.default()
        )["risk"].iloc[0]
        for day in weeks
    ]
    return pd.Series(values, index=weeks)


def before(
    checkins: pd.DataFrame, attendance: pd.DataFrame, ids: list[str], stamp: pd.Timestamp
) -> tuple[float, float]:
    """Seconds for all people, and of them the risk lines."""
    start, risk_time = time.perf_counter(), 0.0
    for gid in ids:
        mine_c = checkins[(checkins["graduate_id"] == gid) & (checkins["date"] <= stamp)]
        mine_a = attendance[(attendance["graduate_id"] == gid) & (attendance["date"] <= stamp)]
        scored = score_checkins(mine_c)
        first = pd.concat([scored["date"], mine_a["date"]]).min()
        t = time.perf_counter()
        risk = risk_one_at_a_time(scored, mine_a, gid, _weeks(first, stamp))
        risk_time += time.perf_counter() - t
        _draw_timeline(gid, scored, mine_a, risk, stamp)
    return time.perf_counter() - start, risk_time


def after(
    scored: pd.DataFrame, attendance: pd.DataFrame, ids: list[str], stamp: pd.Timestamp
) -> tuple[float, float]:
    start = time.perf_counter()
    plot_timelines(scored, attendance, ids, stamp)
    total = time.perf_counter() - start
    mine = scored[scored["graduate_id"].isin(ids)]
    first = pd.concat(
        [mine["date"], attendance.loc[attendance["graduate_id"].isin(ids), "date"]]
    ).min()
    t = time.perf_counter()
    weekly_risk(scored, attendance, ids, _weeks(first, stamp))
    return total, time.perf_counter() - t


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--graduates", type=int, default=60)
    parser.add_argument("--days", type=int, default=270)
    parser.add_argument("--top", type=int, default=10)
    args = parser.parse_args()
    cohort = simulate_cohort(args.graduates, days=args.days, seed=3)
    stamp = resolve_as_of(None, cohort.checkins, cohort.attendance)
    t = time.perf_counter()
    scored = score_checkins(cohort.checkins)
    scoring = time.perf_counter() - t
    ids = rank_scored(scored, cohort.attendance, stamp)["graduate_id"].head(args.top).tolist()
    _draw_timeline(
        ids[0], scored.iloc[:0], cohort.attendance.iloc[:0], pd.Series(dtype=float), stamp
    )  # font warm-up
    old_total, old_risk = before(cohort.checkins, cohort.attendance, ids, stamp)
    new_total, new_risk = after(scored, cohort.attendance, ids, stamp)
    n = len(ids)
    print(f"{args.graduates} simulated graduates, {args.days} days; top {n} as of {stamp.date()}")
    print(f"caseload scored once: {scoring:.2f} s (shared with the ranking; not counted below)")
    print(f"{'':28}{'before':>10}{'after':>10}{'ratio':>8}")
    _line("seconds per person", old_total / n, new_total / n)
    _line("  of which the risk line", old_risk / n, new_risk / n)


def _line(label: str, old: float, new: float) -> None:
    print(f"{label:28}{old:>10.3f}{new:>10.3f}{old / new:>7.1f}x")


if __name__ == "__main__":
    main()

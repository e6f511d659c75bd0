"""Ranking at scale: 10,000 graduates with a year of data.

Generates a synthetic cohort (not timed), writes it as CSV, then times each stage of a
batch ranking: loading + validation, text scoring, features, scoring; and reports the
process's peak memory (max RSS). Stage times are compared with each other in the same run.

    python benchmarks/rank_scale.py [--graduates 10000] [--days 365]
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

from sign_detect import load_attendance, load_checkins, simulate_cohort, write_cohort
from sign_detect.features.build import features_as_of, resolve_as_of
from sign_detect.features.checkins import score_checkins
from sign_detect.risk.scorer import ScorerConfig, score_features


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--graduates", type=int, default=10_000)
    parser.add_argument("--days", type=int, default=365)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        cohort = simulate_cohort(args.graduates, days=args.days, seed=0)
        paths = write_cohort(cohort, Path(tmp))
        n_notes, n_days = len(cohort.checkins), len(cohort.attendance)
        del cohort
        print(
            f"cohort: {args.graduates:,} graduates, {n_notes:,} notes, {n_days:,} attendance "
            f"rows (generated in {time.perf_counter() - start:.0f} s, not counted)"
        )
        base_rss = peak_rss_mib()
        times: dict[str, float] = {}
        t = time.perf_counter()
        checkins = load_checkins(paths["checkins"])
        attendance = load_attendance(paths["attendance"])
        times["loading + validation"] = time.perf_counter() - t
        t = time.perf_counter()
        scored = score_checkins(checkins)
        times["text scoring"] = time.perf_counter() - t
        del checkins
        t = time.perf_counter()
        as_of = resolve_as_of(None, scored, attendance)
        features = features_as_of(scored, attendance, as_of)
        times["features"] = time.perf_counter() - t
        t = time.perf_counter()
        ranked = score_features(features, ScorerConfig.default()).sort_values("risk")
        times["scoring + ranking"] = time.perf_counter() - t
    total = sum(times.values())
    for stage, seconds in times.items():
        print(f"  {stage:<22} {seconds:7.1f} s  ({seconds / total:5.1%})")
    ratio = (times["features"] + times["scoring + ranking"]) / times["text scoring"]
    print(f"features + scoring / text scoring = {ratio:.2f} (target < 1)")
    print(
        f"ranked {len(ranked):,} graduates; peak RSS {peak_rss_mib():,.0f} MiB "
        f"(after generating the cohort: {base_rss:,.0f} MiB; target: whole run < 3 GiB)"
    )


if __name__ == "__main__":
    main()

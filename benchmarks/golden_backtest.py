"""Digest of a 500-graduate simulated backtest, to show a refactor leaves it unchanged.

Too slow for the test suite: run it before and after a change and compare the digests.
The digest is the sha256 of the report table (and of the per-row scores and flags), as
CSV with every float written in full.

    python benchmarks/golden_backtest.py [--graduates 500] [--days 365] [--seed 0]
"""

from __future__ import annotations

import argparse
import hashlib
import time

import pandas as pd

from sign_detect import backtest, simulate_cohort


def digest(frame: pd.DataFrame) -> str:
    """sha256 of a table written as CSV (floats in full, index included)."""
    return hashlib.sha256(frame.to_csv().encode("utf-8")).hexdigest()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--graduates", type=int, default=500)
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    start = time.perf_counter()
    cohort = simulate_cohort(args.graduates, days=args.days, seed=args.seed)
    first = pd.Timestamp("2025-01-06") + pd.Timedelta(days=56)
    dates = pd.date_range(first, first + pd.Timedelta(days=args.days - 56), freq="7D")
    report = backtest(
        cohort.checkins, cohort.attendance, cohort.outcomes,
        as_of_dates=dates, graduates=cohort.graduates,
    )
    print(report.table.round(4).to_string())
    print(f"table sha256 {digest(report.table)}")
    print(f"rows  sha256 {digest(report.rows)}")
    print(f"elapsed {time.perf_counter() - start:.0f} s")


if __name__ == "__main__":
    main()

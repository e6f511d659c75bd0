"""Time windows that end at an as-of date: the one place the point-in-time cut is made."""

from __future__ import annotations

import pandas as pd

__all__ = ["rows_as_of", "window"]


def rows_as_of(
    frame: pd.DataFrame, as_of: pd.Timestamp, graduates: pd.Index | None
) -> tuple[pd.DataFrame, pd.Index]:
    """Rows dated on or before ``as_of``, and the graduates to report (given, or those seen)."""
    past = frame[frame["date"] <= as_of]
    if graduates is None:
        graduates = pd.Index(past["graduate_id"].unique(), name="graduate_id")
    return past, graduates


def window(frame: pd.DataFrame, as_of: pd.Timestamp, days: int, end_days: int = 0) -> pd.DataFrame:
    """Rows in the ``days``-day window ending ``end_days`` before ``as_of`` (inclusive end)."""
    hi = as_of - pd.Timedelta(days=end_days)
    return frame[(frame["date"] > hi - pd.Timedelta(days=days)) & (frame["date"] <= hi)]

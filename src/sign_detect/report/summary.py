"""What every staff output states besides the ranking: as-of date, who was left out, changes.

Examples
--------
>>> import pandas as pd
>>> from sign_detect.report.summary import change_since, left_out_count
>>> outcomes = pd.DataFrame({"graduate_id": ["G1", "G2"],
...                          "date": pd.to_datetime(["2025-05-01", "2025-09-01"]),
...                          "event": ["resigned", "leave_of_absence"]})
>>> left_out_count(outcomes, pd.Timestamp("2025-06-30"))
1
>>> now = pd.DataFrame({"graduate_id": ["G3", "G4", "G5"], "rank": [1, 2, 3],
...                     "level": ["high", "medium", "low"]})
>>> before = pd.DataFrame({"graduate_id": ["G4", "G5"], "rank": [2, 1],
...                        "level": ["high", "low"]})
>>> change_since(now, before)["change"].tolist()
['新規', '低下', '']
"""

from __future__ import annotations

import pandas as pd

from ..risk.ranking import still_supported

__all__ = ["LEVEL_LABELS", "change_since", "left_out_count"]

#: Japanese level names shown to staff.
LEVEL_LABELS = {"high": "高", "medium": "中", "low": "低"}
_ORDER = {"low": 0, "medium": 1, "high": 2}


def left_out_count(
    outcomes: pd.DataFrame | None,
    as_of: pd.Timestamp,
    attendance: pd.DataFrame | None = None,
) -> int:
    """People not ranked because they resigned, or are on leave, on ``as_of`` (the same
    rule as the ranking's: someone back at work after a leave is ranked again)."""
    if outcomes is None or not len(outcomes):
        return 0
    named = pd.Index(outcomes.loc[outcomes["date"] <= as_of, "graduate_id"].unique())
    return len(named) - len(still_supported(named, outcomes, as_of, attendance))


def change_since(ranking: pd.DataFrame, previous: pd.DataFrame | None) -> pd.DataFrame:
    """``previous_rank``, ``previous_level`` and ``change`` (新規 / 上昇 / 低下 / '') per row.

    新規: not ranked at the earlier date; 上昇 / 低下: the level rose / fell; '' otherwise.
    """
    out = pd.DataFrame(index=ranking.index)
    if previous is None:
        out["previous_rank"] = pd.NA
        out["previous_level"] = None
        out["change"] = ""
        return out
    before = previous.set_index("graduate_id")
    prev_rank = ranking["graduate_id"].map(before["rank"])
    prev_level = ranking["graduate_id"].map(before["level"].astype(str))
    now = ranking["level"].astype(str).map(_ORDER).astype(float)
    then = prev_level.map(_ORDER).astype(float)
    change = pd.Series("", index=ranking.index, dtype=object)
    change[now > then] = "上昇"
    change[now < then] = "低下"
    change[prev_rank.isna()] = "新規"
    out["previous_rank"] = prev_rank.astype("Int64")
    out["previous_level"] = prev_level
    out["change"] = change
    return out

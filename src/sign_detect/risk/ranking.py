"""Rank graduates by risk as of a date, with the reasons behind each rank, from notes
scored once (:meth:`Caseload.rank` and :func:`~sign_detect.rank_graduates` call this).

Examples
--------
>>> import pandas as pd
>>> from sign_detect import simulate_cohort
>>> from sign_detect.features.checkins import score_checkins
>>> cohort = simulate_cohort(n_graduates=8, days=150, seed=5)
>>> scored = score_checkins(cohort.checkins)
>>> ranking = rank_scored(scored, cohort.attendance, pd.Timestamp("2025-05-01"))
>>> list(ranking.columns)
['graduate_id', 'rank', 'risk', 'level', 'reasons']
>>> ranking["rank"].tolist() == list(range(1, len(ranking) + 1))
True
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from ..features.build import active_graduates, features_as_of
from ..features.spec import CHECKIN
from .model import predict_risk
from .scorer import ScorerConfig, level_of, score_features

__all__ = ["LEVELS", "RANKING_COLUMNS", "rank_scored", "still_supported"]

RANKING_COLUMNS = ["graduate_id", "rank", "risk", "level", "reasons"]
#: ``level`` is an ordered categorical: ``low < medium < high``.
LEVELS = pd.CategoricalDtype(["low", "medium", "high"], ordered=True)


#: Attendance statuses that mean the person worked that day (a return from leave).
_WORKED = ("present", "late", "early_leave")


def still_supported(
    index: pd.Index,
    outcomes: pd.DataFrame | None,
    as_of: pd.Timestamp,
    attendance: pd.DataFrame | None = None,
) -> pd.Index:
    """Graduates still supported at ``as_of``: the ones in ``index`` who neither resigned
    nor are on leave then.

    A resignation on or before ``as_of`` ends support. A leave of absence does too, unless
    ``attendance`` shows the person working (present, late or early leave) after the leave
    began and on or before ``as_of``: someone back from leave is listed again.
    """
    if outcomes is None or not len(outcomes):
        return index
    past = outcomes[outcomes["date"] <= as_of]
    gone = set(past.loc[past["event"] == "resigned", "graduate_id"])
    leave = past[past["event"] != "resigned"].groupby("graduate_id")["date"].max()
    if attendance is not None and len(leave):
        worked = attendance[(attendance["date"] <= as_of) & attendance["status"].isin(_WORKED)]
        last_worked = worked.groupby("graduate_id")["date"].max().reindex(leave.index)
        leave = leave[~(last_worked > leave)]
    gone |= set(leave.index)
    return index[~index.isin(list(gone))]


def rank_scored(
    scored: pd.DataFrame,
    attendance: pd.DataFrame,
    as_of: pd.Timestamp,
    *,
    graduates: pd.DataFrame | None = None,
    outcomes: pd.DataFrame | None = None,
    model: Any = None,
    config: ScorerConfig | None = None,
) -> pd.DataFrame:
    """Rank from already scored check-ins (:func:`score_checkins`) and validated tables.

    People with a word of self-harm or suicide in their notes of the last 4 weeks come
    first and are ``high`` whatever their other points (also under a trained model).
    """
    index = still_supported(
        active_graduates(scored, attendance, as_of), outcomes, as_of, attendance
    )
    features = features_as_of(scored, attendance, as_of, graduates, index)
    config = config or ScorerConfig.default()
    result = score_features(features, config, as_of)
    if model is not None and getattr(model, "chosen_", "model") != "default":
        stacked = features.assign(default_points=result["points"])  # computed once
        result["risk"] = predict_risk(model, stacked)  # rounded after sorting: no false ties
        result["level"] = result["risk"].map(lambda r: level_of(r, config.levels))
    # A word of self-harm or suicide in the last 4 weeks comes first, whatever the points.
    crisis = features[CHECKIN.crisis] > 0
    result.loc[crisis, "level"] = "high"
    result["_crisis"] = crisis
    result = result.reset_index()
    result = result.sort_values(
        ["_crisis", "risk", "graduate_id"], ascending=[False, False, True], kind="stable"
    )
    result["rank"] = range(1, len(result) + 1)
    result["risk"] = result["risk"].round(4)
    result["level"] = result["level"].astype(LEVELS)
    return result[RANKING_COLUMNS].reset_index(drop=True)

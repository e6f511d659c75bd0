"""Rank graduates by risk as of a date, with the reasons behind each rank.

Examples
--------
>>> from sign_detect import rank_graduates, simulate_cohort
>>> cohort = simulate_cohort(n_graduates=8, days=150, seed=5)
>>> ranking = rank_graduates(cohort.checkins, cohort.attendance, as_of="2025-05-01")
>>> list(ranking.columns)
['graduate_id', 'rank', 'risk', 'level', 'reasons']
>>> ranking["rank"].tolist() == list(range(1, len(ranking) + 1))
True
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from .checkin_features import score_checkins
from .feature_spec import CHECKIN
from .features import AsOf, active_graduates, features_as_of, resolve_as_of
from .loaders import AliasSource, load_inputs
from .model import predict_risk
from .reading import Source
from .risk_scoring import ScorerConfig, level_of, score_features
from .text_scoring import SignScorer

__all__ = ["LEVELS", "RANKING_COLUMNS", "rank_graduates", "rank_scored"]

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


def rank_graduates(
    checkins: pd.DataFrame | Source,
    attendance: pd.DataFrame | Source,
    as_of: AsOf = None,
    graduates: pd.DataFrame | Source | None = None,
    model: Any = None,
    *,
    outcomes: pd.DataFrame | Source | None = None,
    config: ScorerConfig | None = None,
    scorer: SignScorer | None = None,
    aliases: AliasSource | None = None,
) -> pd.DataFrame:
    """Rank graduates by risk as of a date.

    Parameters
    ----------
    checkins, attendance : DataFrame or path
        Validated with :func:`load_checkins` / :func:`load_attendance` (bad rows raise).
    as_of : date, ``YYYY-MM-DD`` or Timestamp, optional
        Defaults to the latest date in the data. Nothing dated later is read.
    graduates : DataFrame or path, optional
        The graduate table (tenure, disability type).
    model : RiskModel or fitted classifier, optional
        A trained :class:`RiskModel` or any fitted scikit-learn classifier with
        ``predict_proba`` (fitted on feature columns, see :func:`load_model`); its
        probability replaces the default scorer's risk. A RiskModel whose ``fit`` kept
        the default ranking (``chosen_ == "default"``) leaves the default risk and levels.
        Reasons still come from the default scorer's rules.
    outcomes : DataFrame or path, optional
        Graduates who resigned on or before ``as_of`` are left out, and so are those on
        leave then (a person who worked again after the leave began is listed).
    config : ScorerConfig, optional
        An office's weights, thresholds and reason texts (default: ``data/scorer.toml``).
    scorer : SignScorer, optional
        Text scorer with an office's lexicon.
    aliases : path or mapping, optional
        An office's own words for channels and statuses (see :func:`load_checkins`).

    Returns
    -------
    DataFrame
        ``graduate_id``, ``rank`` (1 = most at risk), ``risk`` (0-1), ``level``
        (ordered categorical :data:`LEVELS`: low < medium < high) and ``reasons``
        (Japanese sentences, most important first).
        People with a word of self-harm or suicide in the last 4 weeks come first.
        Every graduate with a record (a note or an attendance day) on or before
        ``as_of`` who is still supported is listed, however long ago that record was: a
        person who has gone quiet rises with the reason 「最終連絡からN日、勤怠の記録もN日なし」.
        Graduates with no record on or before ``as_of`` are not listed; ties are broken
        by ``graduate_id``.
    """
    inputs = load_inputs(checkins, attendance, graduates, outcomes, aliases=aliases)
    checkins_df, attendance_df = inputs.checkins, inputs.attendance
    graduates_df, outcomes_df = inputs.graduates, inputs.outcomes
    stamp = resolve_as_of(as_of, checkins_df, attendance_df)
    scored = score_checkins(checkins_df, scorer=scorer)
    return rank_scored(
        scored,
        attendance_df,
        stamp,
        graduates=graduates_df,
        outcomes=outcomes_df,
        model=model,
        config=config,
    )

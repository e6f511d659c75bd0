"""Backtest: does the scorer see trouble earlier than attendance alone?

At each as-of date, graduates still supported (no resignation or leave yet) are scored
with nothing dated after that day; the label is "a crisis (resignation or leave) within
``horizon_days``". Scorers compared on the same rows in one run:

* ``default``: the transparent default scorer (:mod:`sign_detect.risk_scoring`);
* ``attendance_only``: recent absence, late and early-leave rates;
* ``text_only``: recent small-sign strength in notes;
* ``risk_model``: :class:`~sign_detect.model.RiskModel` trained on the earlier as-of dates
  whose label windows close before the test period starts (a time split).

Metrics are taken on the test dates (the later part), where every scorer can be compared.

Examples
--------
>>> from sign_detect import backtest, simulate_cohort
>>> cohort = simulate_cohort(n_graduates=80, days=300, seed=4)
>>> dates = pd.date_range("2025-03-01", "2025-10-01", freq="14D")
>>> report = backtest(cohort.checkins, cohort.attendance, cohort.outcomes, dates)
>>> list(report.table.index)
['default', 'attendance_only', 'text_only', 'risk_model']
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score

from .checkin_features import score_checkins
from .features import AsOf, resolve_as_of
from .loaders import AliasSource, load_inputs
from .model import RiskModel
from .reading import Source
from .risk_scoring import ScorerConfig, score_features
from .text_scoring import SignScorer
from .training import labelled_features

__all__ = ["BacktestReport", "backtest"]

SCORERS = ["default", "attendance_only", "text_only", "risk_model"]


@dataclass(frozen=True)
class BacktestReport:
    """Results of :func:`backtest`.

    Attributes
    ----------
    table : DataFrame
        One row per scorer: ``roc_auc``, ``pr_auc``, ``precision_at_k``, ``recall_at_k``,
        ``median_lead_days``, ``flagged_crises`` (share flagged before the crisis),
        ``brier`` (risk_model only), the row counts and ``lead_crises`` (crises whose
        lead time could be measured in full).
    rows : DataFrame
        Every (as_of, graduate) row with its label, each scorer's score and top-k flag.
    leads : DataFrame
        One row per (crisis, scorer): ``lead_days`` (0 = not flagged at the last date before).
    horizon_days, k_share : int, float
        The settings used.
    notes : tuple of str
        What could not be evaluated and why (e.g. too few crises to train the model).
    """

    table: pd.DataFrame
    rows: pd.DataFrame
    leads: pd.DataFrame
    horizon_days: int
    k_share: float
    notes: tuple[str, ...] = ()

    def __str__(self) -> str:
        shown = self.table.copy()
        return (
            f"backtest: crisis within {self.horizon_days} days; k = {self.k_share:.0%} of the "
            f"active caseload per date\n"
            + shown.round(3).to_string()
            + "".join(f"\nnote: {n}" for n in self.notes)
        )


def _baselines(features: pd.DataFrame) -> dict[str, pd.Series]:
    attendance = (
        features["att_absent_rate_28d"]
        + 0.5 * features["att_late_rate_28d"]
        + 0.5 * features["att_early_leave_rate_28d"]
    )
    return {"attendance_only": attendance, "text_only": features["sign_total_28d"]}


def _flag_top_k(rows: pd.DataFrame, column: str, k_share: float) -> pd.Series:
    ranks = rows.groupby("as_of")[column].rank(method="first", ascending=False)
    sizes = rows.groupby("as_of")[column].transform("size")
    k = np.ceil(sizes * k_share)
    return ranks <= k


def _lead_times(
    rows: pd.DataFrame, outcomes: pd.DataFrame, scorers: list[str], observable_from: pd.Timestamp
) -> pd.DataFrame:
    """Lead time per crisis and scorer, for crises whose lead window is fully observed.

    A crisis soon after the first evaluated date could show at most a few weeks of lead,
    whatever the scorer: such crises (before ``observable_from``) are left out rather
    than counted with a truncated lead.
    """
    first = outcomes.groupby("graduate_id")["date"].min()
    records = []
    positives = rows.loc[rows["label"] == 1, "graduate_id"].unique()
    for gid in positives:
        crisis = first[gid]
        if crisis < observable_from:
            continue
        history = rows[(rows["graduate_id"] == gid) & (rows["as_of"] < crisis)].sort_values("as_of")
        for scorer in scorers:
            flags = history[f"{scorer}_flag"].to_numpy()
            lead = 0
            if len(flags) and flags[-1]:
                start = len(flags) - 1
                while start > 0 and flags[start - 1]:
                    start -= 1
                lead = int((crisis - history["as_of"].iloc[start]).days)
            records.append(
                {"graduate_id": gid, "crisis": crisis, "scorer": scorer, "lead_days": lead}
            )
    return pd.DataFrame(records, columns=["graduate_id", "crisis", "scorer", "lead_days"])


def _metrics(rows: pd.DataFrame, leads: pd.DataFrame, scorer: str) -> dict[str, float]:
    y, score, flag = rows["label"], rows[scorer], rows[f"{scorer}_flag"]
    both = y.nunique() == 2
    scorer_leads = leads.loc[leads["scorer"] == scorer, "lead_days"]
    return {
        "roc_auc": roc_auc_score(y, score) if both else math.nan,
        "pr_auc": average_precision_score(y, score) if both else math.nan,
        "precision_at_k": float(y[flag].mean()) if flag.any() else math.nan,
        "recall_at_k": float(flag[y == 1].mean()) if (y == 1).any() else math.nan,
        "median_lead_days": float(scorer_leads.median()) if len(scorer_leads) else math.nan,
        "flagged_crises": float((scorer_leads > 0).mean()) if len(scorer_leads) else math.nan,
        "brier": brier_score_loss(y, score) if scorer == "risk_model" and both else math.nan,
        "rows": float(len(rows)),
        "positives": float(y.sum()),
        "lead_crises": float(len(scorer_leads)),
    }


def backtest(
    checkins: pd.DataFrame | Source,
    attendance: pd.DataFrame | Source,
    outcomes: pd.DataFrame | Source,
    as_of_dates: Iterable[AsOf],
    horizon_days: int = 56,
    *,
    graduates: pd.DataFrame | Source | None = None,
    config: ScorerConfig | None = None,
    scorer: SignScorer | None = None,
    k_share: float = 0.1,
    train_share: float = 0.5,
    progress: bool = False,
    lead_window_days: int = 84,
    aliases: AliasSource | None = None,
) -> BacktestReport:
    """Evaluate crisis prediction within ``horizon_days`` over several as-of dates.

    Parameters
    ----------
    checkins, attendance, outcomes : DataFrame or path
        Validated by the loaders.
    as_of_dates : iterable of dates
        Evaluation dates (weekly is typical). The first ``train_share`` of them train the
        RiskModel (only those whose label window closes before the first test date); all
        scorers are compared on the rest.
    horizon_days : int
        Crisis window after each as-of date.
    k_share : float
        Share of the active caseload flagged per date (precision@k, recall@k, lead time).
    progress : bool
        Show a progress bar over the as-of dates on stderr.
    lead_window_days : int
        Lead time is measured only for crises at least this many days after the first
        test date, so that every scorer could show that much lead (no left-censoring).
    aliases : path or mapping, optional
        An office's own words for channels and statuses (see :func:`load_checkins`).

    Returns
    -------
    BacktestReport
    """
    inputs = load_inputs(checkins, attendance, graduates, outcomes, aliases=aliases)
    checkins_df, attendance_df, graduates_df = inputs.checkins, inputs.attendance, inputs.graduates
    outcomes_df = inputs.outcomes
    assert outcomes_df is not None
    dates = sorted({resolve_as_of(d) for d in as_of_dates})
    if len(dates) < 2:
        raise ValueError("backtest needs at least two as-of dates")
    config = config or ScorerConfig.default()
    scored = score_checkins(checkins_df, scorer=scorer)
    rows = labelled_features(
        scored, attendance_df, outcomes_df, dates, horizon_days, graduates_df, progress=progress
    )
    rows["default"] = score_features(rows, config)["risk"].to_numpy()
    for name, values in _baselines(rows).items():
        rows[name] = values
    n_train = max(1, int(len(dates) * train_share))
    test_start = dates[n_train] if n_train < len(dates) else dates[-1]
    train_mask = rows["as_of"] + pd.Timedelta(days=horizon_days) < test_start
    test = rows[rows["as_of"] >= test_start].copy()
    train = rows[train_mask]
    notes: list[str] = []
    if train["label"].nunique() == 2:
        model = RiskModel().fit(train, train["label"])
        test["risk_model"] = model.predict_risk(test).to_numpy()
        scorers = SCORERS
    else:
        scorers = SCORERS[:-1]
        notes.append(
            f"risk_model not evaluated: the {len(train)} training rows before "
            f"{test_start.date()} hold no crisis within {horizon_days} days"
        )
    for name in scorers:
        test[f"{name}_flag"] = _flag_top_k(test, name, k_share)
    observable_from = test_start + pd.Timedelta(days=lead_window_days)
    leads = _lead_times(test, outcomes_df, scorers, observable_from)
    table = pd.DataFrame({name: _metrics(test, leads, name) for name in scorers}).T
    table.index.name = "scorer"
    keep = ["graduate_id", "as_of", "label", *scorers, *(f"{s}_flag" for s in scorers)]
    return BacktestReport(
        table=table,
        rows=test[keep].reset_index(drop=True),
        leads=leads,
        horizon_days=horizon_days,
        k_share=k_share,
        notes=tuple(notes),
    )

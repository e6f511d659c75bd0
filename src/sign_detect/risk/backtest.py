"""Backtest: does the scorer see trouble earlier than attendance alone?

At each as-of date, graduates still supported (no resignation or leave yet) are scored
with nothing dated after that day; the label is "a crisis (resignation or leave) within
``horizon_days``". Scorers compared on the same rows in one run:

* ``default``: the transparent default scorer (:mod:`sign_detect.risk.scorer`);
* ``attendance_only``: recent absence, late and early-leave rates;
* ``text_only``: recent small-sign strength in notes;
* ``risk_model``: :class:`~sign_detect.risk.model.RiskModel` (or the classifier passed as
  ``model=``) trained on the earlier as-of dates whose label windows close before the
  test period starts (a time split); a fitted classifier is evaluated as it is;
* ``default_prior_on`` (or ``_off``): the default scorer with the disability-type prior
  switched the other way, when the graduates table gives disability types, so the audit
  shows what the prior changes.

Metrics are taken on the test dates (the later part), where every scorer can be compared.
The report also holds precision@k and recall per date, a reliability table (calibration)
and a fairness audit by disability type, employer and staff member.

Examples
--------
>>> from sign_detect import Caseload, simulate_cohort
>>> cohort = simulate_cohort(n_graduates=80, days=300, seed=4)
>>> caseload = Caseload(cohort.checkins, cohort.attendance, outcomes=cohort.outcomes)
>>> dates = pd.date_range("2025-03-01", "2025-10-01", freq="14D")
>>> report = caseload.backtest(dates)            # 検証: 危機の何日前に気づけたか
>>> list(report.table.index)
['default', 'attendance_only', 'text_only', 'risk_model']
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
import pandas as pd
from sklearn.base import clone
from sklearn.exceptions import NotFittedError
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.utils.validation import check_is_fitted

from ..errors import ParameterError
from ..features.build import FEATURE_NAMES, AsOf, resolve_as_of
from ..features.spec import ATTENDANCE, CHECKIN, GRADUATE, RECENT
from ..io.loaders import Inputs
from .audit import MIN_GROUP_PEOPLE, audit_groups, fairness_audit
from .calibration import per_date_table, reliability_table
from .model import STACKED_FEATURE, ModelNotBetterWarning, RiskModel, predict_risk
from .scorer import ScorerConfig, level_of, score_features
from .training import labelled_features

__all__ = ["BacktestReport", "backtest_scored"]

SCORERS = ["default", "attendance_only", "text_only", "risk_model"]
#: Scorers whose score is a probability-like 0-1 risk: Brier score and reliability table.
PROBABILITY_SCORERS = ["default", "risk_model"]


@dataclass(frozen=True)
class BacktestReport:
    """Results of :func:`backtest`.

    Attributes
    ----------
    table : DataFrame
        One row per scorer: ``roc_auc``, ``pr_auc``, ``precision_at_k``, ``recall_at_k``,
        ``median_lead_days``, ``flagged_crises`` (share flagged before the crisis),
        ``brier`` (0-1 risks: default and risk_model), the row counts and
        ``lead_crises`` (crises whose lead time could be measured in full).
    rows : DataFrame
        Every (as_of, graduate) row with its label, each scorer's score and flag.
    leads : DataFrame
        One row per (crisis, scorer): ``lead_days`` (0 = not flagged at the last date before).
    horizon_days, k_share : int, float
        The settings used.
    notes : tuple of str
        What could not be evaluated and why, and what the trained model chose.
    per_date : DataFrame
        ``as_of``, ``scorer``, ``rows``, ``positives``, ``flagged``, ``precision_at_k``,
        ``recall`` per test date.
    calibration : DataFrame
        Reliability table per 0-1 scorer (``scorer``, ``bin``, ``lower``, ``upper``,
        ``n``, ``mean_predicted``, ``observed_rate``).
    audit : DataFrame
        Fairness audit (:func:`sign_detect.risk.audit.fairness_audit`) of the flags by
        disability type, employer and main staff member; groups under 5 people not shown.
    flag : str
        The flagging rule: ``"top_k"`` or ``"high"`` (level high, as the ranking shows it).
    model : estimator or None
        The trained (or given) model behind ``risk_model``.
    """

    table: pd.DataFrame
    rows: pd.DataFrame
    leads: pd.DataFrame
    horizon_days: int
    k_share: float
    notes: tuple[str, ...] = ()
    per_date: pd.DataFrame = field(default_factory=pd.DataFrame)
    calibration: pd.DataFrame = field(default_factory=pd.DataFrame)
    audit: pd.DataFrame = field(default_factory=pd.DataFrame)
    flag: str = "top_k"
    model: Any = None

    def __str__(self) -> str:
        rule = f"k = {self.k_share:.0%} of the active caseload per date"
        if self.flag == "high":
            rule = "flag = level high (default and model; top k for the baselines)"
        return (
            f"backtest: crisis within {self.horizon_days} days; {rule}\n"
            + self.table.round(3).to_string()
            + "".join(f"\nnote: {n}" for n in self.notes)
        )

    def audit_summary(self) -> str:
        """The audit as text: one block per attribute, disparities marked with ``!``."""
        if self.audit.empty:
            return f"audit: no group of {MIN_GROUP_PEOPLE} or more people to show"
        shown = self.audit.copy()
        for rate in ("fnr", "fpr"):
            mark = shown[f"{rate}_disparity"].map({True: "!", False: ""})
            shown[f"{rate}_ratio"] = shown[f"{rate}_ratio"].round(2).astype(str) + mark
        columns = ["group", "scorer", "people", "positives", "fnr", "fpr", "fnr_ratio", "fpr_ratio"]
        blocks = [
            f"audit by {attribute} (ratio to the largest group; ! outside 0.8-1.25):\n"
            + part[columns].round(3).to_string(index=False)
            for attribute, part in shown.groupby("attribute", sort=False)
        ]
        return "\n".join(blocks)


def _baselines(features: pd.DataFrame) -> dict[str, pd.Series]:
    attendance = (
        features[ATTENDANCE.rate("absent", RECENT)]
        + 0.5 * features[ATTENDANCE.rate("late", RECENT)]
        + 0.5 * features[ATTENDANCE.rate("early_leave", RECENT)]
    )
    return {"attendance_only": attendance, "text_only": features[CHECKIN.total]}


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
    probability = scorer in PROBABILITY_SCORERS and both
    return {
        "roc_auc": roc_auc_score(y, score) if both else math.nan,
        "pr_auc": average_precision_score(y, score) if both else math.nan,
        "precision_at_k": float(y[flag].mean()) if flag.any() else math.nan,
        "recall_at_k": float(flag[y == 1].mean()) if (y == 1).any() else math.nan,
        "median_lead_days": float(scorer_leads.median()) if len(scorer_leads) else math.nan,
        "flagged_crises": float((scorer_leads > 0).mean()) if len(scorer_leads) else math.nan,
        "brier": brier_score_loss(y, score) if probability else math.nan,
        "rows": float(len(rows)),
        "positives": float(y.sum()),
        "lead_crises": float(len(scorer_leads)),
    }


def _is_fitted(model: Any) -> bool:
    try:
        check_is_fitted(model)
    except NotFittedError:
        return False
    return True


def _fit_model(model: Any, train: pd.DataFrame) -> Any:
    """Clone and fit on the training rows (the model's own notes go to the report)."""
    estimator = clone(model)
    if isinstance(estimator, RiskModel):
        X = train
    else:  # all-NaN columns (no graduates table: tenure, prior) break some estimators
        X = train[[c for c in FEATURE_NAMES if train[c].notna().any()]]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ModelNotBetterWarning)
        return estimator.fit(X, train["label"].to_numpy())


def _model_notes(model: Any) -> list[str]:
    if not isinstance(model, RiskModel) or not hasattr(model, "chosen_"):
        return []
    kept = "the default scorer's ranking" if model.chosen_ == "default" else "the trained model"
    notes = [
        f"risk_model: fit() kept {kept} (C={model.C_:g}; held-out ROC-AUC model "
        f"{model.roc_auc_model_:.3f}, default {model.roc_auc_default_:.3f}; "
        f"calibrated: {'yes' if model.calibration_ else 'no'})"
    ]
    return notes + ([model.not_better_reason_] if model.not_better_reason_ else [])


def _prior_switched(config: ScorerConfig) -> tuple[str, ScorerConfig]:
    enabled = bool((config.rules["disability_prior"].model_extra or {}).get("enabled", False))
    switched = ScorerConfig.from_mapping(
        {"rules": {"disability_prior": {"enabled": not enabled}}}, base=config
    )
    return ("default_prior_off" if enabled else "default_prior_on"), switched


def _flags(
    test: pd.DataFrame, scorers: list[str], k_share: float, flag: str, config: ScorerConfig
) -> None:
    crisis = test[CHECKIN.crisis] > 0
    for name in scorers:
        if flag == "high" and (name.startswith("default") or name == "risk_model"):
            levels = test[name].map(lambda r: level_of(r, config.levels))
            test[f"{name}_flag"] = (levels == "high") | crisis
        else:
            test[f"{name}_flag"] = _flag_top_k(test, name, k_share)


def _calibration(test: pd.DataFrame, scorers: list[str]) -> pd.DataFrame:
    frames = [
        reliability_table(test["label"], test[name]).assign(scorer=name)
        for name in scorers
        if name in PROBABILITY_SCORERS
    ]
    table = pd.concat(frames, ignore_index=True)
    return table[["scorer", *table.columns.drop("scorer")]]


def _score_model(
    rows: pd.DataFrame,
    test: pd.DataFrame,
    model: Any,
    train_mask: pd.Series,
    test_start: Any,
    horizon_days: int,
    config: ScorerConfig,
) -> tuple[Any, list[str]]:
    """Train (or take) the model and write ``test["risk_model"]``; returns it and notes."""
    if model is not None and _is_fitted(model):
        test["risk_model"] = predict_risk(model, test).to_numpy()
        return model, ["risk_model: the given fitted model, evaluated as it is"]
    train = rows[train_mask]
    if train["label"].nunique() < 2:
        return None, [
            f"risk_model not evaluated: the {len(train)} training rows before "
            f"{test_start.date()} hold no crisis within {horizon_days} days"
        ]
    base = model if model is not None else RiskModel(config=config, horizon_days=horizon_days)
    fitted = _fit_model(base, train)
    test["risk_model"] = predict_risk(fitted, test).to_numpy()
    return fitted, _model_notes(fitted)


def backtest_scored(
    inputs: Inputs,
    scored: pd.DataFrame,
    as_of_dates: Iterable[AsOf],
    *,
    horizon_days: int = 56,
    config: ScorerConfig | None = None,
    model: Any = None,
    k_share: float = 0.1,
    flag: Literal["top_k", "high"] = "top_k",
    train_share: float = 0.5,
    progress: bool = False,
    lead_window_days: int = 84,
) -> BacktestReport:
    """The backtest of validated tables whose notes are already scored.

    ``inputs`` must hold outcomes; ``scored`` is :func:`score_checkins` of
    ``inputs.checkins``. The options are those of :func:`sign_detect.risk.backtest`, which
    (like :meth:`Caseload.backtest`) calls this.
    """
    if flag not in ("top_k", "high"):
        raise ParameterError(f"flag must be 'top_k' or 'high', got {flag!r}")
    outcomes_df = inputs.outcomes
    if outcomes_df is None:
        raise ParameterError("backtest needs outcomes (resignations and leaves) to score against")
    dates = sorted({resolve_as_of(d) for d in as_of_dates})
    if len(dates) < 2:
        raise ParameterError("backtest needs at least two as-of dates")
    config = config or ScorerConfig.default()
    rows = labelled_features(
        scored,
        inputs.attendance,
        outcomes_df,
        dates,
        horizon_days,
        inputs.graduates,
        progress=progress,
    )
    default = score_features(rows, config)
    rows["default"], rows[STACKED_FEATURE] = (
        default["risk"].to_numpy(),
        default["points"].to_numpy(),
    )
    for name, values in _baselines(rows).items():
        rows[name] = values
    scorers = SCORERS[:-1]
    if rows[GRADUATE.prior].notna().any():
        name, switched = _prior_switched(config)
        rows[name] = score_features(rows, switched)["risk"].to_numpy()
        scorers.append(name)
    n_train = max(1, int(len(dates) * train_share))
    test_start = dates[n_train] if n_train < len(dates) else dates[-1]
    train_mask = rows["as_of"] + pd.Timedelta(days=horizon_days) < test_start
    test = rows[rows["as_of"] >= test_start].copy()
    fitted, notes = _score_model(rows, test, model, train_mask, test_start, horizon_days, config)
    if "risk_model" in test:
        scorers.insert(3, "risk_model")
    _flags(test, scorers, k_share, flag, config)
    observable_from = test_start + pd.Timedelta(days=lead_window_days)
    leads = _lead_times(test, outcomes_df, scorers, observable_from)
    table = pd.DataFrame({name: _metrics(test, leads, name) for name in scorers}).T
    table.index.name = "scorer"
    audited = [s for s in scorers if s.startswith("default") or s == "risk_model"]
    audit, hidden = fairness_audit(test, audit_groups(inputs.graduates, inputs.checkins), audited)
    if hidden:
        notes.append(f"audit: {hidden} group(s) under {MIN_GROUP_PEOPLE} people not shown")
    keep = ["graduate_id", "as_of", "label", *scorers, *(f"{s}_flag" for s in scorers)]
    return BacktestReport(
        table=table,
        rows=test[keep].reset_index(drop=True),
        leads=leads,
        horizon_days=horizon_days,
        k_share=k_share,
        notes=tuple(notes),
        per_date=per_date_table(test, scorers),
        calibration=_calibration(test, scorers),
        audit=audit,
        flag=flag,
        model=fitted,
    )

"""A trainable risk model for offices that have outcomes (resignations, leaves).

:class:`RiskModel` is a scikit-learn classifier: ``Pipeline(signed log, median imputer,
StandardScaler, LogisticRegression)`` on the point-in-time features, made robust for
offices with dozens of crises rather than thousands:

* **stacking**: the default scorer's points (:mod:`sign_detect.risk.scorer`) enter as
  one more feature, so the model starts from the transparent ranking and learns
  corrections to it;
* **time-ordered validation**: with ``C="auto"`` the regularisation is chosen on
  expanding-window folds over the as-of dates (never shuffled across time, label windows
  purged);
* **fallback**: ``fit`` compares the model with the default scorer on the latest held-out
  as-of dates; when the model is not better it warns (:class:`ModelNotBetterWarning`)
  and, with ``fallback="default"``, keeps the default ranking (a monotone, calibrated
  map of the default points); a win must hold in most bootstrap resamples of the
  held-out people, not only on the one sample;
* **calibration**: with enough held-out crises (see ``min_calibration_positives``) the
  probabilities are recalibrated on the held-out dates (Platt scaling, which keeps the
  ranking).

Any other fitted classifier with ``predict_proba`` works where a model is accepted
(:func:`predict_risk`). Save and load of a RiskModel use plain JSON, validated field by
field (:mod:`sign_detect.risk.model_files`): loading never executes code.

Examples
--------
>>> import numpy as np, pandas as pd
>>> from sign_detect import RiskModel
>>> rng = np.random.default_rng(0)
>>> X = pd.DataFrame(rng.random((200, 3)), columns=["a", "b", "c"])
>>> y = (X["a"] + 0.2 * rng.random(200) > 0.8).astype(int)
>>> model = RiskModel().fit(X, y)
>>> model.predict_proba(X).shape, model.chosen_
((200, 2), 'model')
>>> bool(model.predict_risk(X).between(0, 1).all())
True
"""

from __future__ import annotations

import math
import os
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import FunctionTransformer, StandardScaler
from sklearn.utils.multiclass import check_classification_targets, type_of_target
from sklearn.utils.validation import check_is_fitted, validate_data

from ..errors import InsufficientDataError, MissingColumnsError, ParameterError
from ..features.build import FEATURE_NAMES
from ..features.spec import GRADUATE
from .comparison import auc_win_share
from .scorer import ScorerConfig, score_features
from .time_splits import holdout_split, time_splits

__all__ = [
    "DEFAULT_FEATURES",
    "STACKED_FEATURE",
    "ModelNotBetterWarning",
    "RiskModel",
    "predict_risk",
    "signed_log",
]

#: Features used by default: all but the disability-type prior (opt-in: pass ``features=``).
DEFAULT_FEATURES: list[str] = [f for f in FEATURE_NAMES if f != GRADUATE.prior]
#: Name of the stacked column: the default scorer's points.
STACKED_FEATURE = "default_points"
#: C used when ``C="auto"`` cannot be validated (no as-of dates, too few dates or crises):
#: strong shrinkage, which keeps a stacked model close to the default ranking.
FALLBACK_C = 0.01


class ModelNotBetterWarning(UserWarning):
    """The trained model did not beat the default scorer on the held-out as-of dates."""


def signed_log(values: np.ndarray) -> np.ndarray:
    """``sign(x) * log1p(|x|)``: tames counts and ratios with long tails."""
    return np.sign(values) * np.log1p(np.abs(values))


def make_pipeline(C: float) -> Pipeline:
    """The linear model's pipeline: signed log, median imputer, scaler, logistic regression."""
    return Pipeline(
        [
            ("signed_log", FunctionTransformer(signed_log, feature_names_out="one-to-one")),
            ("impute", SimpleImputer(strategy="median", keep_empty_features=True)),
            ("scale", StandardScaler()),
            ("logistic", LogisticRegression(C=C, max_iter=2000)),
        ]
    )


@dataclass(frozen=True)
class _Design:
    """What ``fit`` and ``predict`` read: the numeric matrix, its columns and as-of dates."""

    matrix: np.ndarray
    columns: list[str]
    as_of: pd.Series | None
    groups: np.ndarray | None


def _as_of_dates(design: _Design) -> pd.Series:
    """The rows' as-of dates; ``fit`` chooses ``C`` and compares only when rows have them."""
    if design.as_of is None:
        raise InsufficientDataError("the feature rows have no as_of column or index level")
    return design.as_of


def _key_of(X: Any, name: str) -> pd.Series | None:
    """A column or index level of ``X`` (``as_of``, ``graduate_id``), if it has one."""
    if not isinstance(X, pd.DataFrame):
        return None
    if name in (X.index.names or []):
        return pd.Series(X.index.get_level_values(name))
    if name in X.columns:
        return pd.Series(X[name].to_numpy())
    return None


def _default_points(X: pd.DataFrame, config: ScorerConfig | None) -> np.ndarray:
    if STACKED_FEATURE in X.columns:
        return X[STACKED_FEATURE].to_numpy(dtype=float)
    scored = score_features(X[FEATURE_NAMES], config or ScorerConfig.default())
    return scored["points"].to_numpy(dtype=float)


def _auc(y: np.ndarray, score: np.ndarray) -> float:
    return float(roc_auc_score(y, score)) if len(np.unique(y)) == 2 else math.nan


def _standardised(z: np.ndarray, reference: np.ndarray) -> np.ndarray:
    return (z - np.mean(reference)) / (np.std(reference) or 1.0)


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return np.asarray(1.0 / (1.0 + np.exp(-z)))


class RiskModel(ClassifierMixin, BaseEstimator):
    """Probability of a crisis within the horizon, from point-in-time features.

    Parameters
    ----------
    C : float or "auto", default "auto"
        Inverse L2 regularisation strength. ``"auto"`` picks one of ``Cs`` by
        time-ordered validation over the as-of dates (``FALLBACK_C`` = 0.01 when the
        rows carry no as-of dates or no fold holds both classes).
    Cs : sequence of float
        Candidates for ``C="auto"``.
    features : list of str, optional
        Feature columns. Default: :data:`DEFAULT_FEATURES` when ``X`` holds every
        feature (the disability-type prior is opt-in: pass it here), else every column.
    stacking : bool, default True
        Add the default scorer's points as a feature (when ``X`` holds every feature
        of :data:`~sign_detect.FEATURE_NAMES`, or a ``default_points`` column).
    fallback : {"default", None}, default "default"
        When stacked and the model is not confidently better than the default scorer on
        the held-out dates (see ``min_confidence``): ``"default"`` keeps the default
        ranking (warns);
        ``None`` keeps the trained model (still warns). A model that could not be
        compared (too few dates or crises) also falls back.
    min_gain : float, default 0.0
        ROC-AUC margin the model must exceed the default scorer by on held-out dates.
    min_confidence : float, default 0.9
        The model is kept only when it beats the default scorer (by ``min_gain``) in at
        least this share of bootstrap resamples of the held-out people
        (:func:`sign_detect.risk.comparison.auc_win_share`; people are resampled whole when
        the rows carry ``graduate_id``), so a lucky win on a few crises does not count.
    min_heldout_crises : int, default 10
        Fewer people (rows without ``graduate_id``) with a crisis ahead on the held-out
        dates than this, and the model is not compared at all: it counts as not better.
    holdout_share : float, default 0.3
        Share of the latest as-of dates held out for the comparison and calibration.
    horizon_days : int, default 56
        Label window of the rows; training rows whose window reaches the validation
        dates are purged.
    min_calibration_positives : int, default 20
        Calibrate (Platt scaling on the held-out dates) only with at least this many
        held-out crises and non-crises; otherwise the logistic fit's own probabilities
        are kept.
    config : ScorerConfig, optional
        The default scorer's configuration for the stacked points (shipped default).

    Attributes
    ----------
    classes_, n_features_in_, feature_names_in_
        As in scikit-learn.
    pipeline_ : Pipeline
        The fitted linear pipeline (on ``columns_``).
    columns_ : list of str
        Columns entering the pipeline: the features (model) or only ``default_points``.
    chosen_ : {"model", "default"}
        What ``fit`` kept.
    C_ : float
        The regularisation used.
    validation_scores_ : dict of float to float
        Mean ROC-AUC of each candidate C over the time-ordered folds (empty when no
        fold had crises on both sides of its purge gap: then ``FALLBACK_C``).
    roc_auc_model_, roc_auc_default_ : float
        Held-out ROC-AUCs of the trained model and the default scorer (NaN when they
        could not be measured).
    confidence_ : float
        Share of bootstrap resamples of the held-out people in which the model beat
        the default scorer (NaN when not compared).
    heldout_dates_ : int
        Number of held-out as-of dates (0 when none).
    calibration_ : tuple of float or None
        ``(slope, intercept)`` applied to the decision function, or None.
    not_better_reason_ : str or None
        Why the model was not shown to beat the default scorer (also warned), or None.
    """

    def __init__(
        self,
        *,
        C: float | Literal["auto"] = "auto",
        Cs: Sequence[float] = (0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0),
        features: list[str] | None = None,
        stacking: bool = True,
        fallback: Literal["default"] | None = "default",
        min_gain: float = 0.0,
        min_confidence: float = 0.9,
        min_heldout_crises: int = 10,
        holdout_share: float = 0.3,
        horizon_days: int = 56,
        min_calibration_positives: int = 20,
        config: ScorerConfig | None = None,
    ):
        self.C = C
        self.Cs = Cs
        self.features = features
        self.stacking = stacking
        self.fallback = fallback
        self.min_gain = min_gain
        self.min_confidence = min_confidence
        self.min_heldout_crises = min_heldout_crises
        self.holdout_share = holdout_share
        self.horizon_days = horizon_days
        self.min_calibration_positives = min_calibration_positives
        self.config = config

    # -- input ------------------------------------------------------------------------
    def _feature_columns(self, X: pd.DataFrame) -> list[str]:
        if self.features is not None:
            missing = [c for c in self.features if c not in X.columns]
            if missing:
                raise MissingColumnsError("features", missing, [str(c) for c in X.columns])
            return list(self.features)
        if set(FEATURE_NAMES) <= set(X.columns):
            return list(DEFAULT_FEATURES)
        return [c for c in X.columns if c not in ("as_of", STACKED_FEATURE)]

    def _can_stack(self, X: Any) -> bool:
        return (
            self.stacking
            and isinstance(X, pd.DataFrame)
            and (STACKED_FEATURE in X.columns or set(FEATURE_NAMES) <= set(X.columns))
        )

    def _design(self, X: Any, y: Any = None, *, reset: bool) -> tuple[_Design, Any]:
        as_of = _key_of(X, "as_of")
        if reset:
            stack = self._can_stack(X)
            frame = X[self._feature_columns(X)] if isinstance(X, pd.DataFrame) else X
        else:
            stack = self.stacked_
            names = getattr(self, "feature_names_in_", [])
            wanted = [str(n) for n in names]
            usable = isinstance(X, pd.DataFrame) and wanted and set(wanted) <= set(X.columns)
            frame = X[wanted] if usable else X
        if y is None:
            matrix = validate_data(self, frame, reset=reset, ensure_all_finite="allow-nan")
        else:
            matrix, y = validate_data(self, frame, y, reset=reset, ensure_all_finite="allow-nan")
        matrix = np.asarray(matrix, dtype=float)
        columns = [str(c) for c in getattr(self, "feature_names_in_", range(matrix.shape[1]))]
        if stack:
            matrix = np.column_stack([matrix, _default_points(X, self.config)])
            columns.append(STACKED_FEATURE)
        groups = _key_of(X, "graduate_id")
        return _Design(matrix, columns, as_of, None if groups is None else groups.to_numpy()), y

    # -- fit --------------------------------------------------------------------------
    def fit(self, X: pd.DataFrame | np.ndarray, y: pd.Series | np.ndarray) -> RiskModel:
        """Fit on feature rows (past as-of dates only) and 0/1 crisis labels.

        Rows indexed (or with a column) ``as_of``, as :func:`~sign_detect.training_set`
        returns them, enable the time-ordered choice of ``C``, the comparison with the
        default scorer and the calibration.
        """
        self._check_params()
        design, y = self._design(X, y, reset=True)
        check_classification_targets(y)
        self.classes_, y_codes = np.unique(y, return_inverse=True)
        if len(self.classes_) < 2:
            raise InsufficientDataError(
                "labels need at least 2 classes (crises and non-crises) to fit a model; "
                f"got one class: {self.classes_[0]}"
            )
        self.stacked_ = design.columns[-1:] == [STACKED_FEATURE]
        binary = type_of_target(y) == "binary"
        timed = binary and design.as_of is not None and design.as_of.nunique() >= 3
        self.validation_scores_: dict[float, float] = {}
        self.C_ = self._choose_C(design, y_codes) if timed else self._fixed_C()
        self.chosen_: str = "model"
        self.calibration_: tuple[float, float] | None = None
        self.roc_auc_model_ = self.roc_auc_default_ = self.confidence_ = math.nan
        self.heldout_dates_ = 0
        self.not_better_reason_: str | None = None
        if timed:
            self._compare(design, y_codes)
        elif self.stacked_ and binary:
            self._not_better("the rows carry fewer than 3 as-of dates, so nothing was held out")
        keep = self._kept_columns(design)
        self.columns_ = [design.columns[i] for i in keep]
        self.pipeline_ = make_pipeline(self.C_).fit(design.matrix[:, keep], y_codes)
        self.calibration_ = self._folded(self.calibration_, design.matrix[:, keep])
        if self.not_better_reason_:
            warnings.warn(self.not_better_reason_, ModelNotBetterWarning, stacklevel=2)
        return self

    def _check_params(self) -> None:
        problems = []
        if self.fallback not in ("default", None):
            problems.append(f"fallback must be 'default' or None, got {self.fallback!r}")
        if not (self.C == "auto" or (isinstance(self.C, int | float) and self.C > 0)):
            problems.append(f"C must be 'auto' or a positive number, got {self.C!r}")
        if not 0 < self.holdout_share < 1:
            problems.append(f"holdout_share must be between 0 and 1, got {self.holdout_share!r}")
        if not 0 <= self.min_confidence <= 1.01:
            problems.append(f"min_confidence must be between 0 and 1, got {self.min_confidence!r}")
        if problems:
            raise ParameterError("; ".join(problems))

    def _fixed_C(self) -> float:
        return FALLBACK_C if self.C == "auto" else float(self.C)

    def _kept_columns(self, design: _Design) -> list[int]:
        n = design.matrix.shape[1]
        return [n - 1] if self.chosen_ == "default" else list(range(n))

    def _choose_C(self, design: _Design, y: np.ndarray) -> float:
        if self.C != "auto":
            return float(self.C)
        dates = _as_of_dates(design)
        early, _ = holdout_split(dates, share=self.holdout_share, gap_days=self.horizon_days)
        X, y_early, as_of = design.matrix[early], y[early], dates[early]
        scores: dict[float, list[float]] = {float(c): [] for c in self.Cs}
        folds = time_splits(as_of.reset_index(drop=True), n_splits=3, gap_days=self.horizon_days)
        for train, val in folds:
            if len(np.unique(y_early[train])) < 2 or len(np.unique(y_early[val])) < 2:
                continue
            for c in scores:
                model = make_pipeline(c).fit(X[train], y_early[train])
                scores[c].append(_auc(y_early[val], model.decision_function(X[val])))
        self.validation_scores_ = {c: float(np.mean(s)) for c, s in scores.items() if s}
        means = self.validation_scores_
        return max(means, key=lambda c: (means[c], -c)) if means else FALLBACK_C

    def _compare(self, design: _Design, y: np.ndarray) -> None:
        """Model vs default scorer on the latest held-out dates; sets chosen_ and calibration_."""
        dates = _as_of_dates(design)
        early, late = holdout_split(dates, share=self.holdout_share, gap_days=self.horizon_days)
        self.heldout_dates_ = int(dates[late].nunique())
        if len(np.unique(y[early])) < 2 or len(np.unique(y[late])) < 2:
            if self.stacked_:
                self._not_better(
                    "the held-out or the earlier dates hold no crisis, so the model could "
                    "not be compared with the default scorer"
                )
            return
        model = make_pipeline(self.C_).fit(design.matrix[early], y[early])
        self.roc_auc_model_ = _auc(y[late], model.decision_function(design.matrix[late]))
        if self.stacked_:
            self._judge(design, y, late, model.decision_function(design.matrix[late]))
        if self.chosen_ == "default":
            model = make_pipeline(self.C_).fit(design.matrix[early][:, -1:], y[early])
        keep = self._kept_columns(design)
        own = model.decision_function(design.matrix[early][:, keep])
        held_out = model.decision_function(design.matrix[late][:, keep])
        self.calibration_ = self._platt(_standardised(held_out, own), y[late])

    def _judge(self, design: _Design, y: np.ndarray, late: np.ndarray, score: np.ndarray) -> None:
        """Keep the model only when it beats the default points confidently."""
        default = design.matrix[late, -1]
        self.roc_auc_default_ = _auc(y[late], default)
        groups = None if design.groups is None else design.groups[late]
        people = len(np.unique(groups[y[late] == 1])) if groups is not None else y[late].sum()
        if people < self.min_heldout_crises:
            self._not_better(
                f"the latest {self.heldout_dates_} as-of dates hold {people} people with a "
                f"crisis ahead; at least {self.min_heldout_crises} are needed to trust a "
                f"difference (held-out ROC-AUC {self.roc_auc_model_:.3f} vs "
                f"{self.roc_auc_default_:.3f} for the default scorer)"
            )
            return
        self.confidence_ = auc_win_share(y[late], score, default, groups, margin=self.min_gain)
        if not self.confidence_ >= self.min_confidence:
            self._not_better(
                f"held-out ROC-AUC {self.roc_auc_model_:.3f} vs {self.roc_auc_default_:.3f} "
                f"for the default scorer over the latest {self.heldout_dates_} as-of dates "
                f"(better in {self.confidence_:.0%} of resamples; "
                f"{self.min_confidence:.0%} needed)"
            )

    def _not_better(self, why: str) -> None:
        keep = self.fallback == "default"
        if keep:
            self.chosen_ = "default"
        action = "keeping the default scorer's ranking" if keep else "keeping the trained model"
        self.not_better_reason_ = (
            f"RiskModel is not better than the default scorer: {why}; {action}"
        )

    def _folded(
        self, platt: tuple[float, float] | None, matrix: np.ndarray
    ) -> tuple[float, float] | None:
        """Platt's map (learnt on standardised log-odds) on the final model's own log-odds.

        Standardising each model's log-odds on its own training rows makes the map learnt
        for the model trained on the earlier dates fit the model refitted on all dates,
        even when their regularisation shrinks them differently.
        """
        if platt is None:
            return None
        z = self.pipeline_.decision_function(matrix)
        center, spread = float(np.mean(z)), float(np.std(z)) or 1.0
        slope, intercept = platt
        return slope / spread, intercept - slope * center / spread

    def _platt(self, decision: np.ndarray, y: np.ndarray) -> tuple[float, float] | None:
        positives = int(y.sum())
        if min(positives, len(y) - positives) < self.min_calibration_positives:
            return None
        platt = LogisticRegression(C=1e6, max_iter=1000).fit(decision[:, None], y)
        slope, intercept = float(platt.coef_[0, 0]), float(platt.intercept_[0])
        return (slope, intercept) if slope > 0 else None

    # -- predict ----------------------------------------------------------------------
    def _kept_matrix(self, X: Any) -> np.ndarray:
        check_is_fitted(self, "pipeline_")
        design, _ = self._design(X, reset=False)
        return design.matrix[:, self._kept_columns(design)]

    def decision_function(self, X: pd.DataFrame | np.ndarray) -> np.ndarray:
        """Log-odds of the fitted pipeline (before calibration)."""
        matrix = self._kept_matrix(X)
        return np.asarray(self.pipeline_.decision_function(matrix))

    def predict_proba(self, X: pd.DataFrame | np.ndarray) -> np.ndarray:
        """Class probabilities, columns in the order of ``classes_`` (calibrated if fitted so)."""
        matrix = self._kept_matrix(X)
        if self.calibration_ is None:
            return np.asarray(self.pipeline_.predict_proba(matrix))
        slope, intercept = self.calibration_
        p = _sigmoid(slope * self.pipeline_.decision_function(matrix) + intercept)
        return np.column_stack([1.0 - p, p])

    def predict(self, X: pd.DataFrame | np.ndarray) -> np.ndarray:
        """The most probable class per row."""
        proba = self.predict_proba(X)
        return np.asarray(self.classes_[np.argmax(proba, axis=1)])

    def predict_risk(self, X: pd.DataFrame) -> pd.Series:
        """Probability of a crisis (the last class) per row, as a Series (index kept)."""
        index = X.index if isinstance(X, pd.DataFrame) else None
        return pd.Series(self.predict_proba(X)[:, -1], index=index, name="risk")

    def __sklearn_tags__(self):  # type: ignore[no-untyped-def]
        tags = super().__sklearn_tags__()
        tags.input_tags.allow_nan = True
        return tags

    # -- persistence: JSON only -------------------------------------------------------
    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the fitted model as JSON (numbers and names: loading it runs no code)."""
        from .model_files import write_risk_model

        write_risk_model(self, path)

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> RiskModel:
        """Read and validate a model written by :meth:`save` (raises ConfigError)."""
        from .model_files import read_risk_model

        return read_risk_model(path)


def predict_risk(model: Any, features: pd.DataFrame) -> pd.Series:
    """Crisis probability per feature row from any fitted classifier with ``predict_proba``.

    The classifier gets the columns it was fitted on (``feature_names_in_``), else
    :data:`~sign_detect.FEATURE_NAMES`; the probability of class ``1`` (else of the last
    class) is returned with the features' index.
    """
    if isinstance(model, RiskModel):
        return model.predict_risk(features)
    if not hasattr(model, "predict_proba"):
        raise ParameterError(f"model must be a fitted classifier with predict_proba, got {model!r}")
    check_is_fitted(model)
    names = getattr(model, "feature_names_in_", None)
    columns = [str(c) for c in names] if names is not None else FEATURE_NAMES
    missing = [c for c in columns if c not in features.columns]
    if missing:
        raise MissingColumnsError("features", missing, [str(c) for c in features.columns])
    proba = np.asarray(model.predict_proba(features[columns]))
    classes = list(getattr(model, "classes_", []))
    column = classes.index(1) if 1 in classes else proba.shape[1] - 1
    return pd.Series(proba[:, column], index=features.index, name="risk")

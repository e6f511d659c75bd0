"""A trainable risk model for offices that have outcomes (resignations, leaves).

Logistic regression on the point-in-time features (signed log1p, median imputation,
standardisation). Logistic regression is fit by log-loss, so its probabilities are
calibrated on the training distribution; the backtest reports the Brier score to check
them on later dates. Save and load use plain JSON (numbers and names only): loading a
model never executes code.

Examples
--------
>>> import numpy as np, pandas as pd
>>> from sign_detect import FEATURE_NAMES, RiskModel
>>> rng = np.random.default_rng(0)
>>> X = pd.DataFrame(rng.random((200, len(FEATURE_NAMES))), columns=FEATURE_NAMES)
>>> y = (X["sign_sleep_28d"] + 0.2 * rng.random(200) > 0.8).astype(int)
>>> model = RiskModel().fit(X, y)
>>> bool(model.predict_risk(X).between(0, 1).all())
True
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression

from .errors import ConfigError
from .features import FEATURE_NAMES

__all__ = ["RiskModel"]

_FORMAT = "sign_detect.RiskModel/1"


def _signed_log(values: np.ndarray) -> np.ndarray:
    return np.sign(values) * np.log1p(np.abs(values))


class RiskModel:
    """Calibrated probability of a crisis within the horizon, from features.

    Parameters
    ----------
    C : float
        Inverse L2 regularisation strength of the logistic regression.
    features : list of str, optional
        Feature columns used (default: all of :data:`FEATURE_NAMES`).
    """

    def __init__(self, *, C: float = 0.3, features: list[str] | None = None):
        self.C = C
        self.features = list(features) if features is not None else list(FEATURE_NAMES)
        self.medians_: np.ndarray | None = None
        self.means_: np.ndarray | None = None
        self.scales_: np.ndarray | None = None
        self.coef_: np.ndarray | None = None
        self.intercept_: float = 0.0

    def _matrix(self, features: pd.DataFrame) -> np.ndarray:
        missing = [c for c in self.features if c not in features.columns]
        if missing:
            raise ValueError(f"features are missing columns {missing!r}")
        return _signed_log(features[self.features].to_numpy(dtype=float))

    def fit(self, features: pd.DataFrame, labels: pd.Series | np.ndarray) -> RiskModel:
        """Fit on feature rows (from past as-of dates only) and 0/1 crisis labels."""
        X = self._matrix(features)
        y = np.asarray(labels, dtype=int)
        if len(np.unique(y)) < 2:
            raise ValueError("labels need both crises (1) and non-crises (0) to fit a model")
        medians = pd.DataFrame(X).median(skipna=True).to_numpy(dtype=float)  # no all-NaN warning
        self.medians_ = np.where(np.isnan(medians), 0.0, medians)
        X = np.where(np.isnan(X), self.medians_, X)
        self.means_ = X.mean(axis=0)
        scales = X.std(axis=0)
        self.scales_ = np.where(scales > 0, scales, 1.0)
        lr = LogisticRegression(C=self.C, max_iter=2000)
        lr.fit((X - self.means_) / self.scales_, y)
        self.coef_ = lr.coef_[0]
        self.intercept_ = float(lr.intercept_[0])
        return self

    def _standardised(self, features: pd.DataFrame) -> np.ndarray:
        if (
            self.coef_ is None
            or self.medians_ is None
            or self.means_ is None
            or self.scales_ is None
        ):
            raise ValueError("this RiskModel is not fitted yet; call fit() or RiskModel.load()")
        X = self._matrix(features)
        X = np.where(np.isnan(X), self.medians_, X)
        return (X - self.means_) / self.scales_

    def predict_risk(self, features: pd.DataFrame) -> pd.Series:
        """Probability of a crisis within the horizon, one per row (index kept)."""
        z = self._standardised(features) @ self.coef_ + self.intercept_
        return pd.Series(1.0 / (1.0 + np.exp(-z)), index=features.index, name="risk")

    def contributions(self, features: pd.DataFrame) -> pd.DataFrame:
        """Each feature's contribution to the log-odds, per row."""
        assert self.coef_ is not None
        return pd.DataFrame(
            self._standardised(features) * self.coef_, index=features.index, columns=self.features
        )

    # -- persistence: JSON only -------------------------------------------------------
    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the model as JSON (no pickle: loading it cannot run code)."""
        if self.coef_ is None:
            raise ValueError("cannot save an unfitted RiskModel")
        assert self.medians_ is not None and self.means_ is not None and self.scales_ is not None
        payload = {
            "format": _FORMAT,
            "C": self.C,
            "features": self.features,
            "medians": self.medians_.tolist(),
            "means": self.means_.tolist(),
            "scales": self.scales_.tolist(),
            "coef": self.coef_.tolist(),
            "intercept": self.intercept_,
        }
        Path(path).write_text(json.dumps(payload, ensure_ascii=False, indent=1), encoding="utf-8")

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> RiskModel:
        """Read a model written by :meth:`save`."""
        try:
            payload = json.loads(Path(path).read_text(encoding="utf-8"))
            if payload.get("format") != _FORMAT:
                raise ConfigError(f"{path}: not a sign_detect RiskModel file")
            model = cls(C=float(payload["C"]), features=[str(f) for f in payload["features"]])
            n = len(model.features)
            arrays = {
                k: np.asarray(payload[k], dtype=float)
                for k in ("medians", "means", "scales", "coef")
            }
        except (KeyError, TypeError, ValueError, json.JSONDecodeError) as err:
            raise ConfigError(f"{path}: unreadable RiskModel file: {err}") from err
        if any(a.shape != (n,) for a in arrays.values()):
            raise ConfigError(f"{path}: arrays do not match the {n} features")
        model.medians_, model.means_ = arrays["medians"], arrays["means"]
        model.scales_, model.coef_ = arrays["scales"], arrays["coef"]
        model.intercept_ = float(payload["intercept"])
        return model

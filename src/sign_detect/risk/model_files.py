"""Model files: validated JSON for :class:`RiskModel`, skops for other classifiers.

A RiskModel file holds numbers and names only; every field is validated (finite numbers,
positive scales, lengths that match the feature list, no numbers written as strings, no
unknown keys) before a model is built from it. Files larger than
:data:`MAX_JSON_BYTES` are refused before reading, and error messages name the file and
at most a few fields, never the file's contents.

Other fitted classifiers (e.g. a Pipeline with HistGradientBoostingClassifier) are saved
with `skops <https://skops.readthedocs.io>`_ (``pip install 'sign_detect[models]'``);
loading accepts only scikit-learn's and numpy's types and the explicit list
:data:`TRUSTED_TYPES`, so a file cannot make the loader run other code.

:func:`save_model` and :func:`load_model` pick the format by suffix (``.json`` or
``.skops``), as the command line's ``--model`` does.

Examples
--------
>>> import numpy as np, pandas as pd, tempfile, pathlib
>>> from sign_detect import RiskModel, load_model
>>> rng = np.random.default_rng(1)
>>> X = pd.DataFrame(rng.random((80, 2)), columns=["a", "b"])
>>> model = RiskModel().fit(X, (X["a"] > 0.6).astype(int))
>>> path = pathlib.Path(tempfile.mkdtemp()) / "model.json"
>>> model.save(path)
>>> bool(np.allclose(load_model(path).predict_proba(X), model.predict_proba(X)))
True
"""

from __future__ import annotations

import math
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    FiniteFloat,
    ValidationError,
    model_validator,
)
from sklearn.pipeline import Pipeline
from sklearn.utils.validation import check_is_fitted

from ..errors import ConfigError, ParameterError
from .scorer import ScorerConfig

if TYPE_CHECKING:
    from .model import RiskModel

__all__ = ["MAX_JSON_BYTES", "TRUSTED_TYPES", "load_model", "save_model"]

FORMAT_V1 = "sign_detect.RiskModel/1"
FORMAT: Literal["sign_detect.RiskModel/2"] = "sign_detect.RiskModel/2"
#: A RiskModel file over this size is refused unread (one with every feature is ~15 KB).
MAX_JSON_BYTES = 2_000_000
#: Types a .skops file may hold beyond skops' defaults (scikit-learn estimators, numpy).
TRUSTED_TYPES = [
    "numpy.dtype",
    "sklearn.ensemble._hist_gradient_boosting.predictor.TreePredictor",
    "sklearn.tree._tree.Tree",
    "sign_detect.risk.model.signed_log",
]
_SHOWN_ERRORS = 5
_MAX_MESSAGE = 600


class _Strict(BaseModel):
    model_config = ConfigDict(
        strict=True, extra="forbid", allow_inf_nan=False, frozen=True, hide_input_in_errors=True
    )


class RiskModelFile(_Strict):
    """The JSON document :meth:`RiskModel.save` writes (format 2; format 1 is read too)."""

    format: Literal["sign_detect.RiskModel/1", "sign_detect.RiskModel/2"]
    C: FiniteFloat = Field(gt=0)
    features: list[str] = Field(min_length=1, max_length=10_000)
    columns: list[str] | None = None
    stacked: bool = False
    chosen: Literal["model", "default"] = "model"
    medians: list[FiniteFloat]
    means: list[FiniteFloat]
    scales: list[FiniteFloat]
    coef: list[FiniteFloat]
    intercept: FiniteFloat
    classes: list[int] = Field(default=[0, 1], min_length=2, max_length=2)
    calibration: tuple[FiniteFloat, FiniteFloat] | None = None
    roc_auc_model: FiniteFloat | None = Field(default=None, ge=0, le=1)
    roc_auc_default: FiniteFloat | None = Field(default=None, ge=0, le=1)
    confidence: FiniteFloat | None = Field(default=None, ge=0, le=1)
    heldout_dates: int = Field(default=0, ge=0)
    scorer_config: dict[str, Any] | None = None

    @model_validator(mode="after")
    def _consistent(self) -> RiskModelFile:
        columns = self.pipeline_columns()
        n = len(columns)
        for name in ("medians", "means", "scales", "coef"):
            if len(getattr(self, name)) != n:
                raise ValueError(f"{name} has {len(getattr(self, name))} values for {n} columns")
        if any(s <= 0 for s in self.scales):
            raise ValueError("scales must be > 0")
        if len(set(self.features)) != len(self.features) or self.classes[0] >= self.classes[1]:
            raise ValueError("features must be unique and classes increasing")
        if self.columns is not None and self.columns != columns:
            raise ValueError("columns do not match features, stacked and chosen")
        return self

    def pipeline_columns(self) -> list[str]:
        from .model import STACKED_FEATURE

        if self.chosen == "default":
            return [STACKED_FEATURE]
        return self.features + ([STACKED_FEATURE] if self.stacked else [])


def _bounded(err: ValidationError) -> str:
    lines = []
    for item in err.errors(include_input=False, include_url=False)[:_SHOWN_ERRORS]:
        where = ".".join(str(p) for p in item["loc"])[:80] or "(file)"
        lines.append(f"  {where}: {str(item['msg'])[:160]}")
    more = err.error_count() - _SHOWN_ERRORS
    if more > 0:
        lines.append(f"  ... and {more} more problems")
    return "\n".join(lines)


def _read_bounded(path: Path, limit: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > limit:
            raise ConfigError(
                f"{path}: {size:,} bytes is too large for a model file (limit {limit:,})"
            )
        return path.read_bytes()
    except OSError as err:
        raise ConfigError(f"{path}: cannot read the model file ({type(err).__name__})") from err


def _parse(path: Path) -> RiskModelFile:
    raw = _read_bounded(path, MAX_JSON_BYTES)
    try:
        return RiskModelFile.model_validate_json(raw)
    except ValidationError as err:
        if any(e["type"] == "json_invalid" for e in err.errors()):
            raise ConfigError(
                f"{path}: not valid JSON (or nested too deeply, or NaN/Infinity written as numbers)"
            ) from None
        if any(e["loc"] == ("format",) for e in err.errors()):
            raise ConfigError(f"{path}: not a sign_detect RiskModel file") from None
        raise ConfigError(f"{path}: invalid RiskModel file:\n{_bounded(err)}") from None
    except RecursionError:
        raise ConfigError(f"{path}: not a RiskModel file (nested too deeply)") from None


def _restore_pipeline(doc: RiskModelFile) -> Pipeline:
    from .model import make_pipeline

    n = len(doc.medians)
    pipeline = make_pipeline(doc.C)
    pipeline.named_steps["signed_log"].fit(np.zeros((1, n)))
    pipeline.named_steps["impute"].fit(np.asarray([doc.medians], dtype=float))
    scaler = pipeline.named_steps["scale"]
    scaler.mean_ = np.asarray(doc.means, dtype=float)
    scaler.scale_ = np.asarray(doc.scales, dtype=float)
    scaler.var_ = scaler.scale_**2
    scaler.n_features_in_, scaler.n_samples_seen_ = n, 1
    logistic = pipeline.named_steps["logistic"]
    logistic.coef_ = np.asarray([doc.coef], dtype=float)
    logistic.intercept_ = np.asarray([doc.intercept], dtype=float)
    logistic.classes_ = np.asarray([0, 1])
    logistic.n_features_in_, logistic.n_iter_ = n, np.asarray([0])
    return pipeline


def _scorer_config(doc: RiskModelFile, path: Path) -> ScorerConfig | None:
    if doc.scorer_config is None:
        return None
    try:
        return ScorerConfig.from_mapping(doc.scorer_config, where=f"{path}: scorer_config")
    except ConfigError as err:  # bounded: the message may quote the file's texts
        raise ConfigError(str(err)[:_MAX_MESSAGE]) from None


def read_risk_model(path: str | os.PathLike[str]) -> RiskModel:
    """Build a fitted :class:`RiskModel` from a validated JSON file (raises ConfigError)."""
    from .model import RiskModel

    path = Path(path)
    doc = _parse(path)
    model = RiskModel(C=doc.C, features=list(doc.features), stacking=doc.stacked)
    model.config = _scorer_config(doc, path)
    model.classes_ = np.asarray(doc.classes)
    model.feature_names_in_ = np.asarray(doc.features, dtype=object)
    model.n_features_in_ = len(doc.features)
    model.stacked_, model.chosen_, model.C_ = doc.stacked, str(doc.chosen), doc.C
    model.calibration_ = doc.calibration
    model.columns_ = doc.pipeline_columns()
    model.roc_auc_model_ = math.nan if doc.roc_auc_model is None else doc.roc_auc_model
    model.roc_auc_default_ = math.nan if doc.roc_auc_default is None else doc.roc_auc_default
    model.confidence_ = math.nan if doc.confidence is None else doc.confidence
    model.heldout_dates_, model.not_better_reason_ = doc.heldout_dates, None
    model.validation_scores_ = {}
    model.pipeline_ = _restore_pipeline(doc)
    return model


def _finite_or_none(value: float) -> float | None:
    return None if math.isnan(value) else value


def write_risk_model(model: RiskModel, path: str | os.PathLike[str]) -> None:
    """Write a fitted binary :class:`RiskModel` fitted on named feature columns."""
    check_is_fitted(model, "pipeline_")
    names = getattr(model, "feature_names_in_", None)
    if names is None or len(model.classes_) != 2:
        raise ParameterError(
            "only a binary RiskModel fitted on a DataFrame (named feature columns) can be saved"
        )
    steps = model.pipeline_.named_steps
    doc = RiskModelFile(
        format=FORMAT,
        C=float(model.C_),
        features=[str(n) for n in names],
        columns=list(model.columns_),
        stacked=bool(model.stacked_),
        chosen="default" if model.chosen_ == "default" else "model",
        medians=steps["impute"].statistics_.tolist(),
        means=steps["scale"].mean_.tolist(),
        scales=steps["scale"].scale_.tolist(),
        coef=steps["logistic"].coef_[0].tolist(),
        intercept=float(steps["logistic"].intercept_[0]),
        classes=[int(c) for c in model.classes_],
        calibration=model.calibration_,
        roc_auc_model=_finite_or_none(model.roc_auc_model_),
        roc_auc_default=_finite_or_none(model.roc_auc_default_),
        confidence=_finite_or_none(model.confidence_),
        heldout_dates=model.heldout_dates_,
        scorer_config=model.config.model_dump() if model.config is not None else None,
    )
    Path(path).write_text(doc.model_dump_json(indent=1), encoding="utf-8")


def _skops() -> Any:
    try:
        import skops.io
    except ImportError as err:
        raise ConfigError(
            "saving or loading a .skops model needs skops: pip install 'sign_detect[models]'"
        ) from err
    return skops.io


def _load_skops(path: Path) -> Any:
    sio = _skops()
    if not path.is_file():
        raise ConfigError(f"{path}: no such model file")
    try:
        untrusted = [t for t in sio.get_untrusted_types(file=path) if t not in TRUSTED_TYPES]
        if untrusted:
            shown = ", ".join(untrusted[:_SHOWN_ERRORS])
            raise ConfigError(f"{path}: the model file holds types that are not trusted: {shown}")
        return sio.load(path, trusted=TRUSTED_TYPES)
    except ConfigError:
        raise
    except Exception as err:
        raise ConfigError(f"{path}: unreadable .skops model file ({type(err).__name__})") from err


def load_model(path: str | os.PathLike[str]) -> Any:
    """A fitted classifier from ``.json`` (RiskModel) or ``.skops`` (any scikit-learn one).

    Raises
    ------
    ConfigError
        Unknown suffix, invalid or untrusted file, or not a fitted classifier with
        ``predict_proba``; the message names the file.
    """
    from .model import RiskModel

    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".json":
        return RiskModel.load(path)
    if suffix != ".skops":
        raise ConfigError(f"{path}: a model file must end in .json (RiskModel) or .skops")
    model = _load_skops(path)
    if not hasattr(model, "predict_proba"):
        raise ConfigError(f"{path}: holds a {type(model).__name__}, not a classifier")
    try:
        check_is_fitted(model)
    except Exception as err:
        raise ConfigError(f"{path}: holds an unfitted {type(model).__name__}") from err
    return model


def save_model(model: Any, path: str | os.PathLike[str]) -> None:
    """Save a fitted classifier: a RiskModel as ``.json``, any other as ``.skops``."""
    from .model import RiskModel

    path = Path(path)
    suffix = path.suffix.lower()
    if isinstance(model, RiskModel) and suffix == ".json":
        model.save(path)
    elif suffix == ".skops" and not isinstance(model, RiskModel):
        _skops().dump(model, path)
    else:
        raise ParameterError(f"{path}: save a RiskModel as .json and other classifiers as .skops")

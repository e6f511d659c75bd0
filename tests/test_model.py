"""RiskModel as a scikit-learn classifier; model files; any classifier in ranking and CLI."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from scipy.stats import spearmanr
from sklearn.base import clone
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.impute import SimpleImputer
from sklearn.metrics import brier_score_loss
from sklearn.model_selection import GridSearchCV, TimeSeriesSplit
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import FunctionTransformer
from sklearn.utils.estimator_checks import parametrize_with_checks

from sign_detect import (
    FEATURE_NAMES,
    ConfigError,
    ModelNotBetterWarning,
    RiskModel,
    SignScorer,
    load_model,
    rank_graduates,
    save_model,
    training_set,
)
from sign_detect.cli import main
from sign_detect.risk.model import (
    DEFAULT_FEATURES,
    FALLBACK_C,
    STACKED_FEATURE,
    predict_risk,
    signed_log,
)
from sign_detect.risk.time_splits import time_splits
from sign_detect.simulate import Cohort, simulate_cohort, write_cohort

DATES = pd.date_range("2025-03-03", "2025-08-25", freq="14D")

# RiskModel passes every check; none is expected to fail (array-API checks are skipped
# by scikit-learn itself unless SCIPY_ARRAY_API is set).
EXPECTED_FAILED_CHECKS: dict[str, str] = {}


@parametrize_with_checks([RiskModel()], expected_failed_checks=lambda _: EXPECTED_FAILED_CHECKS)
def test_risk_model_passes_the_scikit_learn_checks(estimator, check) -> None:  # type: ignore[no-untyped-def]
    check(estimator)


@pytest.fixture(scope="module")
def cohort() -> Cohort:
    return simulate_cohort(70, days=300, seed=31)


@pytest.fixture(scope="module")
def training(cohort: Cohort, scorer: SignScorer) -> tuple[pd.DataFrame, pd.Series]:
    return training_set(cohort.checkins, cohort.attendance, cohort.outcomes, DATES, scorer=scorer)


def _fit(model: RiskModel, X: pd.DataFrame, y: pd.Series | np.ndarray) -> RiskModel:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ModelNotBetterWarning)
        return model.fit(X, y)


def _synthetic(signal_in: str, seed: int = 0, dates: int = 16, per_date: int = 60) -> tuple:  # type: ignore[type-arg]
    """Rows over as-of dates where either ``default_points`` or feature ``a`` carries y."""
    rng = np.random.default_rng(seed)
    n = dates * per_date
    index = pd.MultiIndex.from_arrays(
        [
            np.repeat(pd.date_range("2025-01-06", periods=dates, freq="14D"), per_date),
            [f"G{i:03d}" for i in range(per_date)] * dates,
        ],
        names=["as_of", "graduate_id"],
    )
    y = (rng.random(n) < 0.25).astype(int)
    strong = y * 1.5 + rng.normal(size=n)
    X = pd.DataFrame(
        {"a": rng.normal(size=n), "b": rng.normal(size=n), STACKED_FEATURE: rng.random(n)},
        index=index,
    )
    if signal_in == "default":
        X[STACKED_FEATURE] = np.exp(strong)  # points are >= 0
    else:
        X["a"] = strong
    return X, pd.Series(y, index=index)


def test_clone_and_params_round_trip() -> None:
    model = RiskModel(C=0.1, fallback=None, features=["a"])
    twin = clone(model)
    assert twin.get_params() == model.get_params()
    assert twin.set_params(C=1.0).C == 1.0 and model.C == 0.1


def test_fit_on_training_set_is_a_fitted_classifier(training: tuple) -> None:  # type: ignore[type-arg]
    X, y = training
    model = _fit(RiskModel(), X, y)
    assert list(model.classes_) == [0, 1]
    assert model.n_features_in_ == len(DEFAULT_FEATURES)
    assert "prior_1y_separation" not in model.feature_names_in_  # the prior is opt-in
    assert model.stacked_ and model.chosen_ in ("model", "default")
    assert model.C_ in (*model.Cs, 0.3)
    proba = model.predict_proba(X)
    assert proba.shape == (len(X), 2) and np.allclose(proba.sum(axis=1), 1)
    assert set(model.predict(X)) <= {0, 1}
    assert model.decision_function(X).shape == (len(X),)


def test_json_round_trip_gives_the_same_probabilities(
    training: tuple,  # type: ignore[type-arg]
    tmp_path: Path,
) -> None:
    X, y = training
    model = _fit(RiskModel(features=FEATURE_NAMES), X, y)
    path = tmp_path / "model.json"
    model.save(path)
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["format"] == "sign_detect.RiskModel/2"
    assert document["features"] == FEATURE_NAMES
    loaded = RiskModel.load(path)
    np.testing.assert_allclose(loaded.predict_proba(X), model.predict_proba(X))
    assert loaded.chosen_ == model.chosen_ and loaded.C_ == model.C_


def test_a_format_1_file_still_loads(tmp_path: Path) -> None:
    rng = np.random.default_rng(3)
    n = len(FEATURE_NAMES)
    coef, means, scales = rng.normal(size=n), rng.normal(size=n), rng.random(n) + 0.5
    payload = {
        "format": "sign_detect.RiskModel/1", "C": 0.3, "features": FEATURE_NAMES,
        "medians": [0.0] * n, "means": means.tolist(), "scales": scales.tolist(),
        "coef": coef.tolist(), "intercept": -1.0,
    }  # fmt: skip
    path = tmp_path / "old.json"
    path.write_text(json.dumps(payload), encoding="utf-8")
    X = pd.DataFrame(rng.random((5, n)), columns=FEATURE_NAMES)
    z = ((signed_log(X.to_numpy()) - means) / scales) @ coef - 1.0
    np.testing.assert_allclose(RiskModel.load(path).predict_risk(X), 1 / (1 + np.exp(-z)))


def test_fallback_keeps_the_default_ranking_when_the_model_is_not_better() -> None:
    X, y = _synthetic("default")
    with pytest.warns(ModelNotBetterWarning, match="keeping the default"):
        model = RiskModel().fit(X, y)
    assert model.chosen_ == "default" and model.columns_ == [STACKED_FEATURE]
    assert model.roc_auc_default_ >= model.roc_auc_model_
    rho = spearmanr(model.predict_risk(X), X[STACKED_FEATURE]).statistic
    assert rho == pytest.approx(1.0)


def test_fallback_none_keeps_the_trained_model_but_still_warns() -> None:
    X, y = _synthetic("default")
    with pytest.warns(ModelNotBetterWarning, match="keeping the trained model"):
        model = RiskModel(fallback=None).fit(X, y)
    assert model.chosen_ == "model" and STACKED_FEATURE in model.columns_


def test_a_model_that_beats_the_default_is_kept_without_warning() -> None:
    X, y = _synthetic("feature")
    with warnings.catch_warnings():
        warnings.simplefilter("error", ModelNotBetterWarning)
        model = RiskModel().fit(X, y)
    assert model.chosen_ == "model"
    assert model.roc_auc_model_ > model.roc_auc_default_
    assert model.heldout_dates_ == 5


def test_calibration_needs_enough_held_out_crises_and_keeps_the_ranking() -> None:
    X, y = _synthetic("feature")
    calibrated = RiskModel().fit(X, y)
    raw = RiskModel(min_calibration_positives=10**6).fit(X, y)
    assert calibrated.calibration_ is not None and raw.calibration_ is None
    assert spearmanr(calibrated.predict_risk(X), raw.predict_risk(X)).statistic == pytest.approx(1)
    # Calibrated on held-out dates: mean risk near the crisis rate, probabilities sharper
    # than those of the shrunk logistic fit (lower Brier score).
    assert abs(calibrated.predict_risk(X).mean() - y.mean()) < 0.05
    assert brier_score_loss(y, calibrated.predict_risk(X)) < brier_score_loss(
        y, raw.predict_risk(X)
    )


def test_no_as_of_dates_means_no_comparison_and_a_warning() -> None:
    X, y = _synthetic("feature")
    with pytest.warns(ModelNotBetterWarning, match="fewer than 3 as-of dates"):
        model = RiskModel().fit(X.reset_index(drop=True), y.to_numpy())
    assert model.chosen_ == "default" and np.isnan(model.roc_auc_model_)


def test_works_in_grid_search_with_time_ordered_splits(training: tuple) -> None:  # type: ignore[type-arg]
    X, y = training
    as_of = X.index.get_level_values("as_of")
    assert as_of.is_monotonic_increasing  # rows come in time order
    for cv in (TimeSeriesSplit(n_splits=3), list(time_splits(as_of, n_splits=3, gap_days=56))):
        search = GridSearchCV(
            Pipeline([("model", RiskModel(fallback=None))]),
            {"model__C": [0.03, 0.3]},
            cv=cv,
            scoring="roc_auc",
            error_score="raise",
        )
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ModelNotBetterWarning)
            search.fit(X, y)
        assert search.best_params_["model__C"] in (0.03, 0.3)
        assert 0 <= search.best_score_ <= 1


def _bad_model_files(good: dict) -> dict[str, str]:  # type: ignore[type-arg]
    text = json.dumps(good)
    nan = dict(good, coef=["NaN", *good["coef"][1:]])
    return {
        "nan weight": text.replace(str(good["coef"][0]), "NaN", 1),
        "infinite weight": text.replace(str(good["coef"][0]), "Infinity", 1),
        "zero scale": json.dumps(dict(good, scales=[0.0, *good["scales"][1:]])),
        "number as string": json.dumps(nan),
        "intercept as string": json.dumps(dict(good, intercept="1.5")),
        "missing key": json.dumps({k: v for k, v in good.items() if k != "coef"}),
        "extra key": json.dumps(dict(good, code="__import__('os')")),
        "wrong length": json.dumps(dict(good, means=good["means"][:-1])),
        "nested": "[" * 100_000 + "]" * 100_000,
        "not json": "this is not a model",
        "negative C": json.dumps(dict(good, C=-1.0)),
        "bad scorer config": json.dumps(dict(good, scorer_config={"levels": "x" * 100_000})),
    }


@pytest.fixture(scope="module")
def good_file(tmp_path_factory: pytest.TempPathFactory) -> dict:  # type: ignore[type-arg]
    X, y = _synthetic("feature")
    path = tmp_path_factory.mktemp("good") / "model.json"
    _fit(RiskModel(), X, y).save(path)
    return dict(json.loads(path.read_text(encoding="utf-8")))


@pytest.mark.parametrize(
    "case",
    ["nan weight", "infinite weight", "zero scale", "number as string", "intercept as string",
     "missing key", "extra key", "wrong length", "nested", "not json", "negative C",
     "bad scorer config"],
)  # fmt: skip
def test_invalid_model_files_raise_a_config_error_naming_the_file(
    case: str,
    good_file: dict,  # type: ignore[type-arg]
    tmp_path: Path,
) -> None:
    path = tmp_path / "bad-model.json"
    path.write_text(_bad_model_files(good_file)[case], encoding="utf-8")
    with pytest.raises(ConfigError, match=r"bad-model\.json") as info:
        RiskModel.load(path)
    assert len(str(info.value)) < 1000
    assert "__import__" not in str(info.value)


@pytest.mark.parametrize(
    ("name", "edit", "message"),
    [
        ("huge.json", lambda good: json.dumps(dict(good, coef=[1.0] * 600_000)), "too large"),
        ("nan.json", lambda good: json.dumps(good).replace('"intercept": ', '"intercept": NaN, '),
         "NaN/Infinity"),
    ],
)  # fmt: skip
def test_the_cli_exits_2_with_a_short_message_on_a_bad_model_file(
    name: str,
    edit,  # type: ignore[no-untyped-def]
    message: str,
    good_file: dict,  # type: ignore[type-arg]
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = tmp_path / name
    path.write_text(edit(good_file), encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        RiskModel.load(path)
    samples = Path(__file__).parents[1] / "data" / "samples"
    args = [
        "rank",
        "--checkins",
        str(samples / "checkins.csv"),
        "--attendance",
        str(samples / "attendance.csv"),
        "--model",
        str(path),
    ]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert name in err and len(err) < 500


def test_predict_risk_refuses_an_object_without_predict_proba() -> None:
    with pytest.raises(TypeError, match="predict_proba"):
        predict_risk(object(), pd.DataFrame(columns=FEATURE_NAMES))


# -- any classifier: HistGradientBoosting in a Pipeline, no graduates table ---------------


@pytest.fixture(scope="module")
def boosted(training: tuple) -> Pipeline:  # type: ignore[type-arg]
    X, y = training
    assert X["tenure_days"].isna().all() and X["prior_1y_separation"].isna().all()
    return make_pipeline(
        SimpleImputer(strategy="median"), HistGradientBoostingClassifier(max_iter=30)
    ).fit(X, y)


def test_a_boosted_pipeline_ranks_through_rank_graduates(
    boosted: Pipeline, cohort: Cohort, scorer: SignScorer
) -> None:
    ranking = rank_graduates(
        cohort.checkins, cohort.attendance, as_of="2025-09-01", model=boosted, scorer=scorer
    )
    assert ranking["risk"].between(0, 1).all() and len(ranking) > 10
    assert ranking["rank"].tolist() == list(range(1, len(ranking) + 1))


def test_other_classifiers_round_trip_through_skops_and_the_cli(
    boosted: Pipeline,
    cohort: Cohort,
    training: tuple,  # type: ignore[type-arg]
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    X, _ = training
    path = tmp_path / "boosted.skops"
    save_model(boosted, path)
    loaded = load_model(path)
    np.testing.assert_allclose(loaded.predict_proba(X), boosted.predict_proba(X))
    write_cohort(cohort, tmp_path / "data")
    args = [
        "rank", "--checkins", str(tmp_path / "data" / "checkins.csv"),
        "--attendance", str(tmp_path / "data" / "attendance.csv"),
        "--model", str(path), "--top", "3", "--quiet",
    ]  # fmt: skip
    assert main(args) == 0
    assert "ranking as of" in capsys.readouterr().out


def _custom_step(values: np.ndarray) -> np.ndarray:
    return values


def test_skops_files_with_untrusted_types_are_refused(
    training: tuple,  # type: ignore[type-arg]
    tmp_path: Path,
) -> None:
    X, y = training
    model = make_pipeline(
        FunctionTransformer(_custom_step), SimpleImputer(keep_empty_features=True),
        HistGradientBoostingClassifier(max_iter=5),
    ).fit(X, y)  # fmt: skip
    path = tmp_path / "custom.skops"
    save_model(model, path)
    with pytest.raises(ConfigError, match=r"custom\.skops.*not trusted.*_custom_step"):
        load_model(path)


@pytest.mark.parametrize("name", ["model.pkl", "model.skops"])
def test_model_files_by_suffix(name: str, tmp_path: Path) -> None:
    path = tmp_path / name
    path.write_bytes(b"not a model")
    with pytest.raises(ConfigError, match=name.replace(".", r"\.")):
        load_model(path)
    with pytest.raises(ValueError, match="json"):
        save_model(RiskModel(), tmp_path / "x.skops")


def test_a_model_that_kept_the_default_ranks_exactly_as_the_default(
    training: tuple,  # type: ignore[type-arg]
    cohort: Cohort,
    scorer: SignScorer,
) -> None:
    X, y = training
    model = _fit(RiskModel(min_confidence=1.01), X, y)  # never confident: keeps the default
    assert model.chosen_ == "default"
    args = (cohort.checkins, cohort.attendance)
    with_model = rank_graduates(*args, as_of="2025-09-01", model=model, scorer=scorer)
    pd.testing.assert_frame_equal(
        with_model, rank_graduates(*args, as_of="2025-09-01", scorer=scorer)
    )


def test_skops_files_need_the_models_extra(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setitem(__import__("sys").modules, "skops.io", None)
    monkeypatch.setitem(__import__("sys").modules, "skops", None)
    with pytest.raises(ConfigError, match=r"sign_detect\[models\]"):
        load_model(tmp_path / "x.skops")


def test_a_few_people_with_crises_cannot_make_the_model_win() -> None:
    X, y = _synthetic("feature")
    people = X.index.get_level_values("graduate_id")
    y = y.where(people.isin(["G001", "G002", "G003"]), 0)  # three people ever in crisis
    with pytest.warns(ModelNotBetterWarning, match=r"[0-3] people with a crisis ahead"):
        model = RiskModel().fit(X, y)
    assert model.chosen_ == "default" and np.isnan(model.confidence_)


@pytest.mark.parametrize(
    ("params", "message"),
    [({"fallback": "defualt"}, "fallback"), ({"C": -1.0}, "C must"),
     ({"holdout_share": 1.5}, "holdout_share"), ({"min_confidence": 2.0}, "min_confidence")],
)  # fmt: skip
def test_invalid_parameters_are_named_at_fit(params: dict, message: str) -> None:  # type: ignore[type-arg]
    X, y = _synthetic("feature")
    with pytest.raises(ValueError, match=message):
        RiskModel(**params).fit(X, y)


def test_c_is_chosen_on_time_ordered_folds_when_the_history_allows() -> None:
    X, y = _synthetic("feature", dates=40, per_date=30)
    model = _fit(RiskModel(), X, y)
    scores = model.validation_scores_
    assert set(scores) == set(model.Cs)
    assert max(scores, key=lambda c: (scores[c], -c)) == model.C_
    short = _fit(RiskModel(), *_synthetic("feature", dates=6))
    assert short.validation_scores_ == {} and short.C_ == FALLBACK_C

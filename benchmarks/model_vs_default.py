"""Does a RiskModel trained on early outcomes rank later dates at least as well as the default?

For simulated cohorts of several sizes and seeds: features at weekly as-of dates over a
year; the model trains on the rows whose label window closes before the last third of
the dates starts, and every scorer is measured (ROC-AUC) on the last third:

* ``default``: the label-free default scorer;
* ``model``: ``RiskModel()`` as ``fit`` chooses (stacking, C by time-ordered validation,
  fallback to the default ranking when it is not better on held-out dates);
* ``raw``: the same without the fallback (``fallback=None``);
* ``plain``: the model as it was before stacking (86 features, ``C=0.3``, no fallback).

The goal: ``model`` >= ``default`` - 0.01 in every setting.

    python benchmarks/model_vs_default.py [--sizes 30 100 500] [--seeds 0 1 2] [--days 365]
"""

from __future__ import annotations

import argparse
import time
import warnings

import pandas as pd
from sklearn.metrics import roc_auc_score

from sign_detect import FEATURE_NAMES, ModelNotBetterWarning, RiskModel, simulate_cohort
from sign_detect.features.checkins import score_checkins
from sign_detect.risk.model import STACKED_FEATURE
from sign_detect.risk.scorer import ScorerConfig, score_features
from sign_detect.risk.training import labelled_features
from sign_detect.text.scoring import SignScorer

HORIZON = 56
TOLERANCE = 0.01


def _rows(size: int, seed: int, days: int, scorer: SignScorer) -> pd.DataFrame:
    cohort = simulate_cohort(size, days=days, seed=seed)
    first = pd.Timestamp("2025-01-06") + pd.Timedelta(days=56)
    dates = list(pd.date_range(first, first + pd.Timedelta(days=days - 56 - HORIZON), freq="7D"))
    scored = score_checkins(cohort.checkins, scorer=scorer)
    rows = labelled_features(
        scored, cohort.attendance, cohort.outcomes, dates, HORIZON, cohort.graduates
    )
    rows[STACKED_FEATURE] = score_features(rows, ScorerConfig.default())["points"].to_numpy()
    return rows


def _auc(model: RiskModel, train: pd.DataFrame, test: pd.DataFrame) -> tuple[float, RiskModel]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ModelNotBetterWarning)
        model.fit(train, train["label"])
    return float(roc_auc_score(test["label"], model.predict_risk(test))), model


def _setting(size: int, seed: int, days: int, scorer: SignScorer) -> dict[str, object]:
    rows = _rows(size, seed, days, scorer)
    dates = sorted(rows["as_of"].unique())
    test_start = dates[2 * len(dates) // 3]
    train = rows[rows["as_of"] + pd.Timedelta(days=HORIZON) < test_start]
    test = rows[rows["as_of"] >= test_start]
    result: dict[str, object] = {
        "size": size, "seed": seed, "train_rows": len(train),
        "train_crises": int(train["label"].sum()), "test_rows": len(test),
        "test_positives": int(test["label"].sum()),
        "default": float(roc_auc_score(test["label"], test[STACKED_FEATURE])),
    }  # fmt: skip
    if train["label"].nunique() < 2 or test["label"].nunique() < 2:
        return result | {"chosen": "not trainable"}
    result["model"], fitted = _auc(RiskModel(), train, test)
    result["chosen"], result["C"] = fitted.chosen_, fitted.C_
    result["raw"], _ = _auc(RiskModel(fallback=None), train, test)
    plain = RiskModel(C=0.3, stacking=False, fallback=None, features=FEATURE_NAMES)
    result["plain"], _ = _auc(plain, train.drop(columns=STACKED_FEATURE), test)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[30, 100, 500])
    parser.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    parser.add_argument("--days", type=int, default=365)
    args = parser.parse_args()
    start = time.perf_counter()
    scorer = SignScorer()
    results = [_setting(n, s, args.days, scorer) for n in args.sizes for s in args.seeds]
    table = pd.DataFrame(results).set_index(["size", "seed"])
    if "model" not in table:
        table["model"] = float("nan")
    table["model_minus_default"] = table["model"] - table["default"]
    with pd.option_context("display.width", 160):
        print(table.round(3).to_string())
    trained = table.dropna(subset=["model"])
    worst = trained["model_minus_default"].min()
    ok = bool((trained["model_minus_default"] >= -TOLERANCE).all())
    print(
        f"\nRiskModel (as fit() chooses) vs default, ROC-AUC on later dates: worst "
        f"{worst:+.3f}; goal >= -{TOLERANCE} in every trainable setting: "
        f"{'met' if ok else 'NOT met'} ({len(trained)} of {len(table)} settings trainable)"
    )
    print(f"raw trained model (no fallback) minus default: mean "
          f"{(trained['raw'] - trained['default']).mean():+.3f}, worst "
          f"{(trained['raw'] - trained['default']).min():+.3f}")  # fmt: skip
    print(f"elapsed {time.perf_counter() - start:.0f} s")


if __name__ == "__main__":
    main()

"""Calibration and tables over time: is a 20% risk a crisis one time in five?

:func:`reliability_table` bins predicted probabilities and puts the observed crisis rate
beside each bin's mean prediction (the reliability curve, as a table); the Brier score
is the mean squared gap between prediction and outcome. :func:`per_date_table` gives
precision@k and recall per as-of date, so a good average cannot hide bad weeks.

Examples
--------
>>> import numpy as np
>>> from sign_detect.risk.calibration import reliability_table
>>> y = np.array([0, 0, 0, 1, 0, 1, 1, 1])
>>> p = np.array([0.05, 0.1, 0.2, 0.3, 0.6, 0.7, 0.9, 0.95])
>>> reliability_table(y, p, bins=2)[["n", "observed_rate"]].to_numpy().tolist()
[[4.0, 0.25], [4.0, 0.75]]
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..errors import ParameterError

__all__ = ["RELIABILITY_COLUMNS", "per_date_table", "rate", "reliability_table"]

RELIABILITY_COLUMNS = ["bin", "lower", "upper", "n", "mean_predicted", "observed_rate"]


def rate(count: pd.Series, total: pd.Series) -> pd.Series:
    """``count / total``, NaN where ``total`` is 0 (a rate over nothing is unknown)."""
    return count / total.where(total > 0)


def reliability_table(
    labels: pd.Series | np.ndarray, probabilities: pd.Series | np.ndarray, *, bins: int = 10
) -> pd.DataFrame:
    """Equal-width bins over [0, 1]: rows, mean predicted probability, observed rate.

    Empty bins are left out. Probabilities outside [0, 1] raise ``ParameterError``.
    """
    y = np.asarray(labels, dtype=float)
    p = np.asarray(probabilities, dtype=float)
    if len(p) and (np.nanmin(p) < 0 or np.nanmax(p) > 1):
        raise ParameterError("a reliability table needs probabilities between 0 and 1")
    edges = np.linspace(0.0, 1.0, bins + 1)
    which = np.clip(np.digitize(p, edges[1:-1], right=True), 0, bins - 1)
    frame = pd.DataFrame({"bin": which, "y": y, "p": p})
    grouped = frame.groupby("bin").agg(
        n=("y", "size"), mean_predicted=("p", "mean"), observed_rate=("y", "mean")
    )
    grouped["n"] = grouped["n"].astype(float)
    grouped["lower"] = edges[grouped.index]
    grouped["upper"] = edges[grouped.index + 1]
    return grouped.reset_index()[RELIABILITY_COLUMNS]


def per_date_table(rows: pd.DataFrame, scorers: list[str]) -> pd.DataFrame:
    """Precision@k and recall of the flags (``<scorer>_flag``) per as-of date and scorer.

    ``recall`` is the share of that date's rows with a crisis ahead that were flagged
    (NaN on a date with none).
    """
    frames = []
    for scorer in scorers:
        flag = rows[f"{scorer}_flag"].astype(bool)
        label = rows["label"].astype(bool)
        by_date = pd.DataFrame(
            {"as_of": rows["as_of"], "flag": flag, "hit": flag & label, "label": label}
        ).groupby("as_of")
        table = by_date.agg(
            rows=("flag", "size"),
            positives=("label", "sum"),
            flagged=("flag", "sum"),
            hits=("hit", "sum"),
        )
        table["precision_at_k"] = rate(table["hits"], table["flagged"])
        table["recall"] = rate(table["hits"], table["positives"])
        table.insert(0, "scorer", scorer)
        frames.append(table.reset_index())
    return pd.concat(frames, ignore_index=True).drop(columns="hits")

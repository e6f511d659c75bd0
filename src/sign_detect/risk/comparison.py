"""Is one ranking better than another on held-out rows, or only lucky?

:func:`auc_win_share` resamples the held-out people with replacement (a cluster
bootstrap: a person's rows over several as-of dates stay together, since they are not
independent) and counts how often the candidate's ROC-AUC beats the reference's by more
than a margin. :class:`~sign_detect.RiskModel` keeps a trained model only when this
share is high, so a small office's handful of crises cannot make a lucky model win.

Examples
--------
>>> import numpy as np
>>> from sign_detect.risk.comparison import auc_win_share
>>> rng = np.random.default_rng(0)
>>> y = rng.random(400) < 0.2
>>> good, noise = y + rng.normal(size=400), rng.normal(size=400)
>>> auc_win_share(y, good, noise) > 0.95, auc_win_share(y, noise, good) < 0.05
(True, True)
"""

from __future__ import annotations

import numpy as np
from sklearn.metrics import roc_auc_score

__all__ = ["auc_win_share"]


def auc_win_share(
    labels: np.ndarray,
    candidate: np.ndarray,
    reference: np.ndarray,
    groups: np.ndarray | None = None,
    *,
    margin: float = 0.0,
    n_resamples: int = 200,
    seed: int = 0,
) -> float:
    """Share of bootstrap resamples where ``candidate``'s ROC-AUC > ``reference``'s + margin.

    ``groups`` (e.g. graduate ids) are resampled as wholes; without them, rows are.
    Resamples holding one class only are skipped; NaN when none holds both.
    """
    y = np.asarray(labels).astype(int)
    a, b = np.asarray(candidate, dtype=float), np.asarray(reference, dtype=float)
    keys = np.arange(len(y)) if groups is None else np.asarray(groups)
    ids, codes = np.unique(keys, return_inverse=True)
    members = [np.flatnonzero(codes == i) for i in range(len(ids))]
    rng = np.random.default_rng(seed)
    wins = trials = 0
    for _ in range(n_resamples):
        rows = np.concatenate([members[i] for i in rng.integers(0, len(ids), len(ids))])
        if y[rows].min() == y[rows].max():
            continue
        trials += 1
        wins += roc_auc_score(y[rows], a[rows]) > roc_auc_score(y[rows], b[rows]) + margin
    return wins / trials if trials else float("nan")

"""Time-ordered splits over as-of dates: never shuffle across time.

Rows that share an as-of date stay together, validation dates always come after training
dates, and a training row whose label window (``as_of + gap_days``) reaches into the
validation period is left out (purged), so no label of the validation period leaks into
training.

Examples
--------
>>> import pandas as pd
>>> from sign_detect.risk.time_splits import holdout_split, time_splits
>>> as_of = pd.Series(pd.date_range("2025-01-06", periods=10, freq="7D").repeat(2))
>>> train, test = holdout_split(as_of, share=0.3, gap_days=14)
>>> as_of[train].max().date(), as_of[test].min().date()
(datetime.date(2025, 2, 3), datetime.date(2025, 2, 24))
>>> [len(val) for _, val in time_splits(as_of, n_splits=3, gap_days=0)]
[6, 4, 4]
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pandas as pd

__all__ = ["holdout_split", "time_splits"]


def _dates(as_of: pd.Series | pd.Index | np.ndarray) -> np.ndarray:
    return pd.to_datetime(pd.Series(np.asarray(as_of))).to_numpy()


def _purged(stamps: np.ndarray, start: np.datetime64, gap_days: int) -> np.ndarray:
    return np.asarray(stamps + np.timedelta64(gap_days, "D") < start)


def holdout_split(
    as_of: pd.Series | pd.Index | np.ndarray, *, share: float, gap_days: int
) -> tuple[np.ndarray, np.ndarray]:
    """Boolean masks ``(train, test)``: the latest ``share`` of the dates are the test.

    At least one date is held out; training rows are purged by ``gap_days``.
    """
    stamps = _dates(as_of)
    unique = np.unique(stamps)
    n_test = min(len(unique) - 1, max(1, round(len(unique) * share)))
    start = unique[len(unique) - n_test]
    return _purged(stamps, start, gap_days), stamps >= start


def time_splits(
    as_of: pd.Series | pd.Index | np.ndarray, *, n_splits: int, gap_days: int
) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """Expanding-window folds over the dates: ``(train_indices, validation_indices)``.

    The dates are cut into ``n_splits + 1`` consecutive blocks; fold *i* validates on
    block *i + 1* and trains on every earlier row whose label window closes before it.
    Folds with no training row left after purging are skipped.
    """
    stamps = _dates(as_of)
    blocks = np.array_split(np.unique(stamps), n_splits + 1)
    for block in blocks[1:]:
        if not len(block):
            continue
        train = np.flatnonzero(_purged(stamps, block[0], gap_days))
        val = np.flatnonzero((stamps >= block[0]) & (stamps <= block[-1]))
        if len(train):
            yield train, val

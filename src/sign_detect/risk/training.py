"""Labelled feature rows for training and evaluation: features at many as-of dates, each
with "a crisis (resignation or leave) within the horizon" as its label.

Examples
--------
>>> import pandas as pd
>>> from sign_detect import Caseload, RiskModel, simulate_cohort
>>> cohort = simulate_cohort(n_graduates=80, days=300, seed=4)
>>> caseload = Caseload(cohort.checkins, cohort.attendance, outcomes=cohort.outcomes)
>>> dates = pd.date_range("2025-03-01", "2025-09-01", freq="14D")
>>> X, y = caseload.training_set(dates)          # 過去の基準日ごとの特徴量とラベル
>>> model = RiskModel().fit(X, y)
>>> X.index.names
FrozenList(['as_of', 'graduate_id'])
"""

from __future__ import annotations

import sys
from collections.abc import Iterable

import pandas as pd

from ..errors import InsufficientDataError, ParameterError
from ..features.build import AsOf, active_graduates, features_as_of, resolve_as_of
from ..io.loaders import Inputs
from .ranking import still_supported

__all__ = ["labelled_features", "labelled_training_set"]


def _labels(
    index: pd.Index, outcomes: pd.DataFrame, as_of: pd.Timestamp, horizon: int
) -> pd.Series:
    crisis = outcomes.groupby("graduate_id")["date"].min().reindex(index)
    upcoming = (crisis > as_of) & (crisis <= as_of + pd.Timedelta(days=horizon))
    return upcoming.astype(int)


def _maybe_progress(dates: list[pd.Timestamp], enabled: bool) -> Iterable[pd.Timestamp]:
    if not enabled:
        return dates
    from tqdm import tqdm

    return tqdm(dates, desc="as-of dates", file=sys.stderr, leave=False)


def labelled_features(
    scored: pd.DataFrame,
    attendance: pd.DataFrame,
    outcomes: pd.DataFrame,
    dates: list[pd.Timestamp],
    horizon_days: int,
    graduates: pd.DataFrame | None = None,
    *,
    progress: bool = False,
) -> pd.DataFrame:
    """Features of every graduate still supported at each date, plus ``label`` and ``as_of``.

    ``scored`` comes from :func:`score_checkins` (notes are scored once for all dates).
    """
    frames = []
    for as_of in _maybe_progress(dates, progress):
        index = still_supported(
            active_graduates(scored, attendance, as_of), outcomes, as_of, attendance
        )
        if not len(index):
            continue
        frame = features_as_of(scored, attendance, as_of, graduates, index)
        frame["label"] = _labels(index, outcomes, as_of, horizon_days)
        frame["as_of"] = as_of
        frames.append(frame.reset_index())
    if not frames:
        raise InsufficientDataError("no graduate is active at any of the as-of dates")
    return pd.concat(frames, ignore_index=True)


def labelled_training_set(
    inputs: Inputs,
    scored: pd.DataFrame,
    as_of_dates: Iterable[AsOf],
    *,
    horizon_days: int = 56,
) -> tuple[pd.DataFrame, pd.Series]:
    """Features and labels from validated tables and their notes scored once.

    ``inputs`` must hold outcomes; ``scored`` is :func:`score_checkins` of
    ``inputs.checkins``. Dates whose label window reaches past the last date in the data
    are dropped: their labels are not known yet. :meth:`Caseload.training_set` and
    :func:`~sign_detect.training_set` call this.

    Returns
    -------
    (DataFrame, Series)
        Features indexed by ``(as_of, graduate_id)``, and 0/1 labels with the same index.
    """
    if inputs.outcomes is None:
        raise ParameterError("training_set needs outcomes (resignations and leaves) for labels")
    last = resolve_as_of(None, inputs.checkins, inputs.attendance, inputs.outcomes)
    dates = sorted({resolve_as_of(d) for d in as_of_dates})
    known = [d for d in dates if d + pd.Timedelta(days=horizon_days) <= last]
    if not known:
        raise InsufficientDataError(
            f"no as-of date has its {horizon_days}-day label window inside the data"
        )
    rows = labelled_features(
        scored, inputs.attendance, inputs.outcomes, known, horizon_days, inputs.graduates
    )
    rows = rows.set_index(["as_of", "graduate_id"])
    return rows.drop(columns="label"), rows["label"]

"""Point-in-time features per graduate: attendance + check-ins + (optional) graduate table.

Nothing dated after ``as_of`` is read. Notes are scored once (a :class:`Caseload` keeps
them) and the scored table is reused for every as-of date.

Examples
--------
>>> import pandas as pd
>>> from sign_detect import simulate_cohort
>>> from sign_detect.features.checkins import score_checkins
>>> cohort = simulate_cohort(n_graduates=5, days=120, seed=2)
>>> scored = score_checkins(cohort.checkins)
>>> features = features_as_of(scored, cohort.attendance, pd.Timestamp("2025-04-01"))
>>> features.index.name, "sign_sleep_28d" in features.columns
('graduate_id', True)
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils.validation import check_is_fitted

from ..errors import InsufficientDataError, ParameterError
from ..io.dates import date_problem, parse_date
from ..io.loaders import Inputs, load_inputs
from ..io.reading import Source
from ..text.scoring import SignScorer
from .attendance import attendance_features
from .checkins import checkin_features, score_checkins
from .spec import FEATURE_NAMES, GRADUATE

if TYPE_CHECKING:
    from ..caseload import Caseload

__all__ = [
    "FEATURE_NAMES",
    "FeatureBuilder",
    "active_graduates",
    "features_as_of",
    "resolve_as_of",
]

#: 1-year job retention by disability type (JEED, 2017); a prior, not a verdict.
RETENTION_1Y = {"mental": 0.493, "developmental": 0.715, "intellectual": 0.680, "physical": 0.608}

GRADUATE_FEATURES = GRADUATE.names

AsOf = str | dt.date | pd.Timestamp | None


def resolve_as_of(as_of: AsOf, *frames: pd.DataFrame) -> pd.Timestamp:
    """``as_of`` as a day-precision Timestamp; ``None`` means the latest date in ``frames``.

    A string may take any form the data accept (2025-09-30, 2025/9/30, 2025年9月30日,
    令和7年9月30日, R7.9.30). The loaders report dates later than tomorrow, so a typing
    error in the data never moves the default.
    """
    if as_of is None:
        dates = [f["date"].max() for f in frames if f is not None and len(f)]
        if not dates:
            raise InsufficientDataError("as_of is None and there are no dated rows to take it from")
        return pd.Timestamp(max(dates)).normalize()
    if isinstance(as_of, str):
        day = parse_date(as_of)
        if day is None:
            raise ParameterError(f"as_of: {date_problem(as_of)}, got {as_of!r}")
        return pd.Timestamp(day)
    try:
        stamp = pd.Timestamp(as_of)
    except (ValueError, TypeError) as err:
        raise ParameterError(
            f"as_of must be a date, 'YYYY-MM-DD' or a Timestamp, got {as_of!r}"
        ) from err
    if stamp is pd.NaT:
        raise ParameterError(f"as_of must be a date, got {as_of!r}")
    return stamp.normalize()


def _graduate_features(
    graduates: pd.DataFrame | None, index: pd.Index, as_of: pd.Timestamp
) -> pd.DataFrame:
    out = pd.DataFrame(index=index, columns=GRADUATE_FEATURES, dtype=float)
    if graduates is None or not len(graduates):
        return out
    table = graduates.drop_duplicates("graduate_id").set_index("graduate_id").reindex(index)
    if "hired_on" in table:
        hired = pd.to_datetime(table["hired_on"])
        out[GRADUATE.tenure] = (as_of - hired).dt.days.where(hired <= as_of).astype(float)
    if "disability_type" in table:
        out[GRADUATE.prior] = 1.0 - table["disability_type"].map(RETENTION_1Y).astype(float)
    return out


def active_graduates(
    scored: pd.DataFrame, attendance: pd.DataFrame, as_of: pd.Timestamp
) -> pd.Index:
    """Graduates with any record on or before ``as_of`` (sorted)."""
    ids = pd.concat(
        [
            scored.loc[scored["date"] <= as_of, "graduate_id"],
            attendance.loc[attendance["date"] <= as_of, "graduate_id"],
        ]
    ).unique()
    return pd.Index(sorted(ids), name="graduate_id")


def features_as_of(
    scored: pd.DataFrame,
    attendance: pd.DataFrame,
    as_of: pd.Timestamp,
    graduates: pd.DataFrame | None = None,
    index: pd.Index | None = None,
) -> pd.DataFrame:
    """Features from already scored check-ins (see :func:`score_checkins`)."""
    index = index if index is not None else active_graduates(scored, attendance, as_of)
    parts = [
        attendance_features(attendance, as_of, index),
        checkin_features(scored, as_of, index),
        _graduate_features(graduates, index, as_of),
    ]
    out = pd.concat(parts, axis=1)
    out.index.name = "graduate_id"
    return out[FEATURE_NAMES]


class FeatureBuilder(TransformerMixin, BaseEstimator):
    """scikit-learn transformer: rows of ``(graduate_id, as_of)`` -> point-in-time features.

    ``fit`` validates the tables and scores every note once; ``transform`` then computes
    features for any query rows, grouping them by as-of date. Given a
    :class:`~sign_detect.Caseload` instead, ``fit`` reads its notes scored once: clones
    (``GridSearchCV`` folds) share that caseload and never score the notes again.

    Parameters
    ----------
    checkins, attendance : DataFrame or path
        The data the features are computed from.
    graduates : DataFrame or path, optional
        The optional graduate table.
    scorer : SignScorer, optional
        Text scorer (default lexicon and grammar).
    caseload : Caseload, optional
        Use this caseload's tables and scored notes (then leave the others unset).

    Examples
    --------
    >>> import pandas as pd
    >>> from sign_detect import FeatureBuilder, simulate_cohort
    >>> cohort = simulate_cohort(n_graduates=4, days=90, seed=3)
    >>> queries = pd.DataFrame({"graduate_id": ["G0001", "G0002"],
    ...                         "as_of": ["2025-03-01", "2025-03-08"]})
    >>> builder = FeatureBuilder(checkins=cohort.checkins, attendance=cohort.attendance)
    >>> builder.set_output(transform="pandas").fit_transform(queries).shape[0]
    2
    """

    def __init__(
        self,
        *,
        checkins: pd.DataFrame | Source | None = None,
        attendance: pd.DataFrame | Source | None = None,
        graduates: pd.DataFrame | Source | None = None,
        scorer: SignScorer | None = None,
        caseload: Caseload | None = None,
    ):
        self.checkins = checkins
        self.attendance = attendance
        self.graduates = graduates
        self.scorer = scorer
        self.caseload = caseload

    def fit(self, X: pd.DataFrame | None = None, y: object = None) -> FeatureBuilder:
        inputs, self.scored_ = self._scored_inputs()
        self.attendance_ = inputs.attendance
        self.graduates_ = inputs.graduates
        self.feature_names_out_ = np.asarray(FEATURE_NAMES, dtype=object)
        self.n_features_in_ = 2
        return self

    def _scored_inputs(self) -> tuple[Inputs, pd.DataFrame]:
        """The validated tables and their scored notes (the caseload's, when given)."""
        if self.caseload is None:
            if self.checkins is None or self.attendance is None:
                raise ParameterError("FeatureBuilder needs checkins= and attendance=, or caseload=")
            inputs = load_inputs(self.checkins, self.attendance, self.graduates)
            return inputs, score_checkins(inputs.checkins, scorer=self.scorer)
        tables = ("checkins", "attendance", "graduates", "scorer")
        given = [name for name in tables if getattr(self, name) is not None]
        if given:
            raise ParameterError(f"FeatureBuilder: give caseload= or {', '.join(given)}=, not both")
        return self.caseload.inputs, self.caseload.scored

    def transform(self, X: pd.DataFrame) -> np.ndarray:
        check_is_fitted(self, "scored_")
        queries = _queries(X)
        out = np.full((len(queries), len(FEATURE_NAMES)), np.nan)
        for stamp, rows in queries.groupby("as_of", sort=True):
            index = pd.Index(rows["graduate_id"].unique(), name="graduate_id")
            table = features_as_of(
                self.scored_, self.attendance_, pd.Timestamp(str(stamp)), self.graduates_, index
            )
            out[rows["position"].to_numpy()] = table.loc[rows["graduate_id"]].to_numpy()
        return out

    def get_feature_names_out(self, input_features: object = None) -> np.ndarray:
        check_is_fitted(self, "feature_names_out_")
        return self.feature_names_out_

    def __sklearn_tags__(self):  # type: ignore[no-untyped-def]
        tags = super().__sklearn_tags__()
        tags.input_tags.two_d_array = False
        tags.input_tags.string = True
        tags.requires_fit = True
        return tags


def _queries(X: pd.DataFrame) -> pd.DataFrame:
    if not isinstance(X, pd.DataFrame) or not {"graduate_id", "as_of"} <= set(X.columns):
        raise ParameterError("X must be a DataFrame with columns 'graduate_id' and 'as_of'")
    queries = pd.DataFrame(
        {
            "graduate_id": X["graduate_id"].astype(str).to_numpy(),
            "as_of": pd.to_datetime(X["as_of"]).dt.normalize().to_numpy(),
            "position": np.arange(len(X)),
        }
    )
    if queries["as_of"].isna().any():
        raise ParameterError("X['as_of'] has missing or unparseable dates")
    return queries

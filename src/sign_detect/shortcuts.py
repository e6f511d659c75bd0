"""One-call shortcuts: build a :class:`~sign_detect.Caseload` and ask it one thing.

Each function validates the tables, scores the notes and answers once. To ask several
things of the same data (rankings at many dates, a backtest, timelines), build one
:class:`~sign_detect.Caseload` instead: its notes are scored once for all of them.
Every function takes the data first and every option by keyword.

Examples
--------
>>> from sign_detect import rank_graduates, simulate_cohort
>>> cohort = simulate_cohort(n_graduates=8, days=150, seed=5)
>>> ranking = rank_graduates(cohort.checkins, cohort.attendance, as_of="2025-05-01")
>>> list(ranking.columns)
['graduate_id', 'rank', 'risk', 'level', 'reasons']
>>> ranking["rank"].tolist() == list(range(1, len(ranking) + 1))
True
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Literal

import pandas as pd

from .caseload import Caseload
from .features.build import AsOf
from .io.loaders import AliasSource
from .io.reading import Source
from .risk.backtest import BacktestReport
from .risk.scorer import ScorerConfig
from .text.scoring import SignScorer

if TYPE_CHECKING:
    from .report import Actions

__all__ = ["backtest", "build_features", "build_report", "rank_graduates", "training_set"]

Table = pd.DataFrame | Source


def rank_graduates(
    checkins: Table,
    attendance: Table,
    *,
    as_of: AsOf = None,
    graduates: Table | None = None,
    outcomes: Table | None = None,
    model: Any = None,
    config: ScorerConfig | None = None,
    scorer: SignScorer | None = None,
    aliases: AliasSource | None = None,
) -> pd.DataFrame:
    """Rank graduates by risk as of a date: ``Caseload(...).rank(as_of, model=model)``.

    Parameters
    ----------
    checkins, attendance : DataFrame or path
        Validated with :func:`load_checkins` / :func:`load_attendance` (bad rows raise).
    as_of : date, ``YYYY-MM-DD`` or Timestamp, optional
        Defaults to the latest date in the data. Nothing dated later is read.
    graduates : DataFrame or path, optional
        The graduate table (tenure, disability type).
    outcomes : DataFrame or path, optional
        Graduates who resigned on or before ``as_of`` are left out, and so are those on
        leave then (a person who worked again after the leave began is listed).
    model : RiskModel or fitted classifier, optional
        A trained :class:`RiskModel` or any fitted scikit-learn classifier with
        ``predict_proba`` (fitted on feature columns, see :func:`load_model`); its
        probability replaces the default scorer's risk. A RiskModel whose ``fit`` kept
        the default ranking (``chosen_ == "default"``) leaves the default risk and levels.
        Reasons still come from the default scorer's rules.
    config : ScorerConfig, optional
        An office's weights, thresholds and reason texts (default: ``data/scorer.toml``).
    scorer : SignScorer, optional
        Text scorer with an office's lexicon.
    aliases : path or mapping, optional
        An office's own words for channels and statuses (see :func:`load_checkins`).

    Returns
    -------
    DataFrame
        ``graduate_id``, ``rank`` (1 = most at risk), ``risk`` (0-1), ``level``
        (ordered categorical :data:`~sign_detect.risk.ranking.LEVELS`: low < medium < high)
        and ``reasons`` (Japanese sentences, most important first).
        People with a word of self-harm or suicide in the last 4 weeks come first.
        Every graduate with a record (a note or an attendance day) on or before
        ``as_of`` who is still supported is listed, however long ago that record was: a
        person who has gone quiet rises with the reason 「最終連絡からN日、勤怠の記録もN日なし」.
        Graduates with no record on or before ``as_of`` are not listed; ties are broken
        by ``graduate_id``.
    """
    caseload = Caseload(
        checkins, attendance, graduates, outcomes, scorer=scorer, config=config, aliases=aliases
    )
    return caseload.rank(as_of, model=model)


def build_features(
    checkins: Table,
    attendance: Table,
    *,
    as_of: AsOf = None,
    graduates: Table | None = None,
    scorer: SignScorer | None = None,
    aliases: AliasSource | None = None,
) -> pd.DataFrame:
    """Features per graduate as of a date: ``Caseload(...).features(as_of)``.

    Parameters
    ----------
    checkins, attendance : DataFrame or path
        Validated by :func:`load_checkins` / :func:`load_attendance` (bad rows raise).
    as_of : date, ``YYYY-MM-DD`` or Timestamp, optional
        Defaults to the latest date in the data. Nothing dated later is read.
    graduates : DataFrame or path, optional
        Adds tenure and the disability-type retention prior.
    scorer : SignScorer, optional
        Text scorer with an office's lexicon.
    aliases : path or mapping, optional
        An office's own words for channels and statuses (see :func:`load_checkins`).

    Returns
    -------
    DataFrame
        One row per graduate with a record on or before ``as_of``; index ``graduate_id``;
        columns :data:`FEATURE_NAMES`.

    Examples
    --------
    >>> from sign_detect import build_features, simulate_cohort
    >>> cohort = simulate_cohort(n_graduates=5, days=120, seed=2)
    >>> features = build_features(cohort.checkins, cohort.attendance, as_of="2025-04-01")
    >>> features.index.name, "sign_sleep_28d" in features.columns
    ('graduate_id', True)
    """
    caseload = Caseload(checkins, attendance, graduates, scorer=scorer, aliases=aliases)
    return caseload.features(as_of)


def training_set(
    checkins: Table,
    attendance: Table,
    outcomes: Table,
    as_of_dates: Iterable[AsOf],
    *,
    horizon_days: int = 56,
    graduates: Table | None = None,
    scorer: SignScorer | None = None,
    aliases: AliasSource | None = None,
) -> tuple[pd.DataFrame, pd.Series]:
    """Features and labels to fit a :class:`~sign_detect.risk.model.RiskModel` on past dates:
    ``Caseload(...).training_set(as_of_dates, horizon_days=...)``.

    The label of a row is "a crisis (resignation or leave) within ``horizon_days``".
    Dates whose label window reaches past the last date in the data are dropped: their
    labels are not known yet. ``aliases`` (an office's own words for channels and
    statuses) is passed to the loaders.

    Returns
    -------
    (DataFrame, Series)
        Features indexed by ``(as_of, graduate_id)``, and 0/1 labels with the same index.

    Examples
    --------
    >>> import pandas as pd
    >>> from sign_detect import RiskModel, simulate_cohort, training_set
    >>> cohort = simulate_cohort(n_graduates=80, days=300, seed=4)
    >>> dates = pd.date_range("2025-03-01", "2025-09-01", freq="14D")
    >>> X, y = training_set(cohort.checkins, cohort.attendance, cohort.outcomes, dates)
    >>> X.index.names
    FrozenList(['as_of', 'graduate_id'])
    """
    caseload = Caseload(checkins, attendance, graduates, outcomes, scorer=scorer, aliases=aliases)
    return caseload.training_set(as_of_dates, horizon_days=horizon_days)


def backtest(
    checkins: Table,
    attendance: Table,
    outcomes: Table,
    as_of_dates: Iterable[AsOf],
    *,
    horizon_days: int = 56,
    graduates: Table | None = None,
    config: ScorerConfig | None = None,
    scorer: SignScorer | None = None,
    model: Any = None,
    k_share: float = 0.1,
    flag: Literal["top_k", "high"] = "top_k",
    train_share: float = 0.5,
    progress: bool = False,
    lead_window_days: int = 84,
    aliases: AliasSource | None = None,
) -> BacktestReport:
    """Evaluate crisis prediction within ``horizon_days`` over several as-of dates:
    ``Caseload(...).backtest(as_of_dates, ...)``.

    Parameters
    ----------
    checkins, attendance, outcomes : DataFrame or path
        Validated by the loaders.
    as_of_dates : iterable of dates
        Evaluation dates (weekly is typical). The first ``train_share`` of them train the
        model (only those whose label window closes before the first test date); all
        scorers are compared on the rest.
    horizon_days : int
        Crisis window after each as-of date.
    graduates : DataFrame or path, optional
        Tenure, disability type and employer (for the model and the audit).
    config : ScorerConfig, optional
        The default scorer's configuration.
    scorer : SignScorer, optional
        Text scorer with an office's lexicon.
    model : classifier, optional
        An unfitted scikit-learn classifier with ``predict_proba`` is cloned and trained
        on the early dates (default: ``RiskModel()``); a fitted one is evaluated as is.
    k_share : float
        Share of the active caseload flagged per date (precision@k, recall@k, lead time).
    flag : {"top_k", "high"}
        Flagging rule for metrics and the audit: the top ``k_share`` per date, or level
        ``high`` as the ranking shows it (default scorer and model; crisis words always
        flag; the baselines keep top k).
    train_share : float
        Share of the as-of dates that train the model.
    progress : bool
        Show a progress bar over the as-of dates on stderr.
    lead_window_days : int
        Lead time is measured only for crises at least this many days after the first
        test date, so that every scorer could show that much lead (no left-censoring).
    aliases : path or mapping, optional
        An office's own words for channels and statuses (see :func:`load_checkins`).

    Returns
    -------
    BacktestReport

    Examples
    --------
    >>> import pandas as pd
    >>> from sign_detect import backtest, simulate_cohort
    >>> cohort = simulate_cohort(n_graduates=80, days=300, seed=4)
    >>> dates = pd.date_range("2025-03-01", "2025-10-01", freq="14D")
    >>> report = backtest(cohort.checkins, cohort.attendance, cohort.outcomes, dates)
    >>> list(report.table.index)
    ['default', 'attendance_only', 'text_only', 'risk_model']
    """
    caseload = Caseload(
        checkins, attendance, graduates, outcomes, scorer=scorer, config=config, aliases=aliases
    )
    return caseload.backtest(
        as_of_dates,
        horizon_days=horizon_days,
        model=model,
        k_share=k_share,
        flag=flag,
        train_share=train_share,
        progress=progress,
        lead_window_days=lead_window_days,
    )


def build_report(
    checkins: Table,
    attendance: Table,
    *,
    graduates: Table | None = None,
    outcomes: Table | None = None,
    as_of: AsOf = None,
    since: AsOf = None,
    scorer: SignScorer | None = None,
    config: ScorerConfig | None = None,
    model: Any = None,
    aliases: AliasSource | None = None,
    actions: Actions | None = None,
    evidence: bool = False,
    top: int | None = None,
    timelines: bool = True,
) -> str:
    """The staff report (HTML) of a caseload as of a date: ``Caseload(...).report(...)``.

    Parameters
    ----------
    checkins, attendance : DataFrame or path
        Validated by the loaders (bad rows raise, naming file, line and column).
    graduates, outcomes : DataFrame or path, optional
        As for :func:`rank_graduates`; people who left on or before ``as_of`` are counted
        on the page, not ranked.
    as_of : date, optional
        Default: the latest date in the data.
    since : date, optional
        The earlier date for 新規・上昇・低下 (default: four weeks before ``as_of``).
    scorer, config, model, aliases :
        An office's lexicon, scorer settings, trained model and words for the tables.
    actions : Actions, optional
        Suggested early actions (default: ``data/actions.toml``).
    evidence : bool
        Show the words that fired and the date of the note (note text: off by default).
    top : int, optional
        Show only the first ``top`` people.
    timelines : bool
        Draw timelines of flagged people (needs the ``plot`` extra).

    Returns
    -------
    str
        The HTML page; write it with ``Path(...).write_text(page, encoding="utf-8")``.

    Examples
    --------
    >>> from sign_detect import build_report, simulate_cohort
    >>> cohort = simulate_cohort(n_graduates=6, days=120, seed=4)
    >>> page = build_report(cohort.checkins, cohort.attendance, as_of="2025-04-20",
    ...                     timelines=False)
    >>> "基準日" in page and "2025-04-20" in page
    True
    """
    caseload = Caseload(
        checkins, attendance, graduates, outcomes, scorer=scorer, config=config, aliases=aliases
    )
    return caseload.report(
        as_of=as_of,
        since=since,
        model=model,
        actions=actions,
        evidence=evidence,
        top=top,
        timelines=timelines,
    )

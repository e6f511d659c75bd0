"""One object for a run: the validated tables of a caseload and its notes, scored once.

A :class:`Caseload` is built once from files or DataFrames (validated by the loaders,
an office's aliases applied). Its notes are scored the first time something needs them
and never again; rankings at any date, features, training sets, backtests, timelines and
the staff report are all read from that one scored table.

Examples
--------
>>> import sign_detect as sd
>>> cohort = sd.simulate_cohort(n_graduates=8, days=150, seed=5)
>>> caseload = sd.Caseload(cohort.checkins, cohort.attendance, outcomes=cohort.outcomes)
>>> caseload.as_of_default.date().isoformat()
'2025-06-04'
>>> ranking = caseload.rank("2025-05-01", top=3)   # 5月1日時点の上位3人
>>> list(ranking.columns), len(ranking)
(['graduate_id', 'rank', 'risk', 'level', 'reasons'], 3)
>>> caseload.features("2025-04-01").index.name    # 同じ採点結果から特徴量
'graduate_id'
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal

import pandas as pd

from .errors import ParameterError, empty_report
from .features.build import AsOf, features_as_of, resolve_as_of
from .features.checkins import SIGN_COLUMNS, score_checkins
from .io.loaders import (
    AliasSource,
    Errors,
    Inputs,
    load_attendance,
    load_checkins,
    load_graduates,
    load_inputs,
    load_outcomes,
)
from .io.reading import Source
from .risk.backtest import BacktestReport, backtest_scored
from .risk.ranking import rank_scored
from .risk.scorer import ScorerConfig
from .risk.training import labelled_training_set
from .text.scoring import SignScorer

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from .report import Actions

__all__ = ["Caseload"]

#: The loader of each table, in the order of :class:`Inputs`.
_LOADERS: dict[str, Callable[..., Any]] = {
    "checkins": load_checkins,
    "attendance": load_attendance,
    "graduates": load_graduates,
    "outcomes": load_outcomes,
}


class Caseload:
    """The validated tables of one run and their notes, scored once.

    Parameters
    ----------
    checkins, attendance : DataFrame or path
        Validated by :func:`load_checkins` / :func:`load_attendance` (bad rows raise,
        naming file, line and column; see :meth:`from_files` to quarantine them instead).
    graduates : DataFrame or path, optional
        The graduate table (tenure, disability type, employer).
    outcomes : DataFrame or path, optional
        Resignations and leaves: people who left are not ranked; needed by
        :meth:`training_set` and :meth:`backtest`.
    scorer : SignScorer, optional
        Text scorer with an office's lexicon (default lexicon and grammar).
    config : ScorerConfig, optional
        An office's weights, thresholds and reason texts (default: ``data/scorer.toml``);
        methods taking ``config=`` use this one unless given another.
    aliases : path or mapping, optional
        An office's own words for channels, statuses and column headers.

    Attributes
    ----------
    inputs : Inputs
        The validated tables (``checkins``, ``attendance``, ``graduates``, ``outcomes``)
        and ``warnings`` (rows kept but doubtful: dated before ``hired_on``).
    quarantine : DataFrame
        Rows skipped by :meth:`from_files` with ``errors="quarantine"`` (source, line,
        column, value, reason; never note text); empty otherwise.
    scored : DataFrame
        :func:`~sign_detect.features.checkins.score_checkins` of the check-ins, computed
        on first use and kept (no note text).

    Examples
    --------
    >>> import sign_detect as sd
    >>> cohort = sd.simulate_cohort(n_graduates=6, days=120, seed=4)
    >>> caseload = sd.Caseload(cohort.checkins, cohort.attendance)
    >>> rankings = {day: caseload.rank(day) for day in ["2025-03-01", "2025-04-01"]}
    >>> len(caseload.scored) == len(cohort.checkins)   # 採点は1回だけ
    True
    """

    def __init__(
        self,
        checkins: pd.DataFrame | Source,
        attendance: pd.DataFrame | Source,
        graduates: pd.DataFrame | Source | None = None,
        outcomes: pd.DataFrame | Source | None = None,
        *,
        scorer: SignScorer | None = None,
        config: ScorerConfig | None = None,
        aliases: AliasSource | None = None,
    ) -> None:
        inputs = load_inputs(checkins, attendance, graduates, outcomes, aliases=aliases)
        self._setup(inputs, empty_report(), scorer, config)

    def _setup(
        self,
        inputs: Inputs,
        quarantine: pd.DataFrame,
        scorer: SignScorer | None,
        config: ScorerConfig | None,
    ) -> None:
        self.inputs = inputs
        self.quarantine = quarantine
        self.scorer = scorer
        self.config = config

    @classmethod
    def from_inputs(
        cls,
        inputs: Inputs,
        *,
        quarantine: pd.DataFrame | None = None,
        scorer: SignScorer | None = None,
        config: ScorerConfig | None = None,
    ) -> Caseload:
        """A caseload from tables already validated by the loaders (not validated again).

        ``quarantine`` is the loaders' report of the rows they skipped, kept as
        :attr:`quarantine`.
        """
        caseload = cls.__new__(cls)
        caseload._setup(
            inputs, empty_report() if quarantine is None else quarantine, scorer, config
        )
        return caseload

    @classmethod
    def from_files(
        cls,
        checkins: Source | pd.DataFrame,
        attendance: Source | pd.DataFrame,
        graduates: Source | pd.DataFrame | None = None,
        outcomes: Source | pd.DataFrame | None = None,
        *,
        aliases: AliasSource | None = None,
        errors: Errors = "raise",
        scorer: SignScorer | None = None,
        config: ScorerConfig | None = None,
    ) -> Caseload:
        """Load a caseload from files (CSV, TSV, .xlsx, .parquet) or DataFrames.

        Parameters
        ----------
        checkins, attendance, graduates, outcomes : path or DataFrame
            As for :class:`Caseload`.
        aliases : path or mapping, optional
            An office's own words for channels, statuses and column headers.
        errors : {"raise", "quarantine"}
            ``"raise"``: bad rows raise :class:`~sign_detect.errors.InputValidationError`
            naming file, line and column. ``"quarantine"``: the valid rows are used and
            every skipped row is listed in :attr:`quarantine`.
        scorer, config :
            As for :class:`Caseload`.

        Examples
        --------
        >>> import tempfile
        >>> import sign_detect as sd
        >>> cohort = sd.simulate_cohort(n_graduates=5, days=90, seed=1)
        >>> files = sd.write_cohort(cohort, tempfile.mkdtemp())   # checkins.csv など4つ
        >>> caseload = sd.Caseload.from_files(
        ...     files["checkins"], files["attendance"], outcomes=files["outcomes"],
        ...     errors="quarantine")                              # 不正な行は除外して一覧に
        >>> len(caseload.quarantine), len(caseload.checkins) == len(cohort.checkins)
        (0, True)
        """
        if errors == "raise":
            return cls(
                checkins,
                attendance,
                graduates,
                outcomes,
                scorer=scorer,
                config=config,
                aliases=aliases,
            )
        if errors != "quarantine":
            raise ParameterError(f"errors must be 'raise' or 'quarantine', got {errors!r}")
        sources = dict(zip(_LOADERS, (checkins, attendance, graduates, outcomes), strict=True))
        loaded = {
            name: _LOADERS[name](source, errors="quarantine", aliases=aliases)
            for name, source in sources.items()
            if source is not None
        }
        quarantine = pd.concat([report for _, report in loaded.values()], ignore_index=True)
        inputs = Inputs(**{name: table for name, (table, _) in loaded.items()})
        return cls.from_inputs(inputs, quarantine=quarantine, scorer=scorer, config=config)

    # -- the tables --------------------------------------------------------------------

    def _config(self, config: ScorerConfig | None) -> ScorerConfig | None:
        return config if config is not None else self.config

    @property
    def checkins(self) -> pd.DataFrame:
        """The validated check-ins (with note text)."""
        return self.inputs.checkins

    @property
    def attendance(self) -> pd.DataFrame:
        """The validated attendance."""
        return self.inputs.attendance

    @property
    def graduates(self) -> pd.DataFrame | None:
        """The validated graduate table, if given."""
        return self.inputs.graduates

    @property
    def outcomes(self) -> pd.DataFrame | None:
        """The validated outcomes, if given."""
        return self.inputs.outcomes

    @cached_property
    def _scored_with_hits(self) -> pd.DataFrame:
        return score_checkins(self.inputs.checkins, scorer=self.scorer, hits=True)

    @cached_property
    def scored(self) -> pd.DataFrame:
        """The check-ins scored once: keys, channel, note length, ``unanswered``,
        ``sign_*`` and ``crisis`` (no note text)."""
        return self._scored_with_hits.drop(columns="sign_hits")

    def signs(self) -> pd.DataFrame:
        """Per note, as :func:`~sign_detect.score_notes` gives it, from the notes scored once:
        ``sign_<category>``, ``sign_hits`` (the words that fired: note text, shown only
        because it is asked for) and ``crisis``; the check-ins' index."""
        columns = [*SIGN_COLUMNS, "sign_hits", "crisis"]
        table = self._scored_with_hits[columns]
        return table.set_axis(self.inputs.checkins.index)

    @cached_property
    def as_of_default(self) -> pd.Timestamp:
        """The latest date in the check-ins and attendance: the default ``as_of``."""
        return resolve_as_of(None, self.inputs.checkins, self.inputs.attendance)

    def resolve_as_of(self, as_of: AsOf = None) -> pd.Timestamp:
        """``as_of`` as a day-precision Timestamp (``None``: :attr:`as_of_default`)."""
        return self.as_of_default if as_of is None else resolve_as_of(as_of)

    # -- what is read from it ----------------------------------------------------------

    def features(self, as_of: AsOf = None) -> pd.DataFrame:
        """Point-in-time features per graduate as of a date (default: the latest date).

        Returns
        -------
        DataFrame
            One row per graduate with a record on or before ``as_of``; index
            ``graduate_id``; columns :data:`~sign_detect.FEATURE_NAMES`.
        """
        stamp = self.resolve_as_of(as_of)
        return features_as_of(self.scored, self.inputs.attendance, stamp, self.inputs.graduates)

    def rank(
        self,
        as_of: AsOf = None,
        *,
        model: Any = None,
        config: ScorerConfig | None = None,
        top: int | None = None,
    ) -> pd.DataFrame:
        """Rank the graduates still supported by risk as of a date, with reasons.

        Parameters
        ----------
        as_of : date, ``YYYY-MM-DD`` or Timestamp, optional
            Default: :attr:`as_of_default`. Nothing dated later is read.
        model : RiskModel or fitted classifier, optional
            Its probability replaces the default scorer's risk (see
            :func:`~sign_detect.rank_graduates`).
        config : ScorerConfig, optional
            Overrides the caseload's scorer configuration for this ranking.
        top : int, optional
            Keep only the first ``top`` rows.

        Returns
        -------
        DataFrame
            ``graduate_id``, ``rank``, ``risk``, ``level``, ``reasons``, as
            :func:`~sign_detect.rank_graduates` returns them.
        """
        ranking = rank_scored(
            self.scored,
            self.inputs.attendance,
            self.resolve_as_of(as_of),
            graduates=self.inputs.graduates,
            outcomes=self.inputs.outcomes,
            model=model,
            config=self._config(config),
        )
        return ranking if top is None else ranking.head(top)

    def left_out(self, as_of: AsOf = None) -> int:
        """How many people the outcomes leave out of the ranking at ``as_of``."""
        from .report import left_out_count

        stamp = self.resolve_as_of(as_of)
        return left_out_count(self.inputs.outcomes, stamp, self.inputs.attendance)

    def training_set(
        self, as_of_dates: Iterable[AsOf], *, horizon_days: int = 56
    ) -> tuple[pd.DataFrame, pd.Series]:
        """Features and 0/1 labels (a crisis within ``horizon_days``) at past dates.

        Needs outcomes. See :func:`~sign_detect.training_set`.
        """
        return labelled_training_set(
            self.inputs, self.scored, as_of_dates, horizon_days=horizon_days
        )

    def backtest(
        self,
        as_of_dates: Iterable[AsOf],
        *,
        horizon_days: int = 56,
        config: ScorerConfig | None = None,
        model: Any = None,
        k_share: float = 0.1,
        flag: Literal["top_k", "high"] = "top_k",
        train_share: float = 0.5,
        progress: bool = False,
        lead_window_days: int = 84,
    ) -> BacktestReport:
        """Evaluate crisis prediction over several as-of dates (needs outcomes).

        The options are those of :func:`~sign_detect.risk.backtest`; ``config`` defaults to
        the caseload's.
        """
        return backtest_scored(
            self.inputs,
            self.scored,
            as_of_dates,
            horizon_days=horizon_days,
            config=self._config(config),
            model=model,
            k_share=k_share,
            flag=flag,
            train_share=train_share,
            progress=progress,
            lead_window_days=lead_window_days,
        )

    def timeline(self, graduate_id: str, *, as_of: AsOf = None) -> Figure:
        """One graduate's timeline (needs the ``plot`` extra); see :meth:`timelines`."""
        return self.timelines([graduate_id], as_of=as_of)[graduate_id]

    def timelines(self, graduate_ids: Sequence[str], *, as_of: AsOf = None) -> dict[str, Figure]:
        """Timelines of several graduates, their weekly risk in one feature pass.

        Returns
        -------
        dict of str to Figure
            One figure per graduate, in the given order (see
            :func:`sign_detect.report.plot.plot_timelines`).
        """
        from .report.plot import plot_timelines

        return plot_timelines(
            self.scored,
            self.inputs.attendance,
            graduate_ids,
            self.resolve_as_of(as_of),
            config=self.config,
            graduates=self.inputs.graduates,
        )

    def sign_heatmap(
        self,
        *,
        graduate_id: str | None = None,
        graduates: list[str] | None = None,
        as_of: AsOf = None,
    ) -> Figure:
        """Sign strength per week (see :func:`sign_detect.report.plot.plot_sign_heatmap`)."""
        from .report.plot import sign_heatmap

        stamp = self.resolve_as_of(as_of) if as_of is not None else None
        return sign_heatmap(self.scored, graduate_id=graduate_id, graduates=graduates, as_of=stamp)

    def report(
        self,
        *,
        as_of: AsOf = None,
        since: AsOf = None,
        model: Any = None,
        config: ScorerConfig | None = None,
        actions: Actions | None = None,
        evidence: bool = False,
        top: int | None = None,
        timelines: bool = True,
    ) -> str:
        """The staff report (one self-contained HTML page in Japanese).

        The options are those of :func:`~sign_detect.build_report`.
        """
        from .report.build import report_page

        scored = self._scored_with_hits if evidence else self.scored
        return report_page(
            self.inputs,
            scored,
            self.resolve_as_of(as_of),
            since=since,
            config=self._config(config),
            model=model,
            actions=actions,
            evidence=evidence,
            top=top,
            timelines=timelines,
        )

    def __deepcopy__(self, memo: dict[int, Any]) -> Caseload:
        """A caseload is read, never changed: copies (``sklearn.base.clone``) share it."""
        return self

    def __repr__(self) -> str:
        people = pd.concat(
            [self.inputs.checkins["graduate_id"], self.inputs.attendance["graduate_id"]]
        ).nunique()
        return (
            f"Caseload({people} graduates, {len(self.inputs.checkins)} check-ins, "
            f"{len(self.inputs.attendance)} attendance days, "
            f"scored={'scored' in self.__dict__})"
        )

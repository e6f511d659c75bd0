"""From input files to the staff page: load and score once, rank twice, render.

Examples
--------
>>> from sign_detect import build_report, simulate_cohort
>>> cohort = simulate_cohort(n_graduates=6, days=120, seed=4)
>>> page = build_report(cohort.checkins, cohort.attendance, as_of="2025-04-20",
...                     timelines=False)
>>> "基準日" in page and "2025-04-20" in page
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from ..checkin_features import score_checkins
from ..errors import ParameterError
from ..features import AsOf, resolve_as_of
from ..loaders import AliasSource, load_inputs
from ..reading import Source
from ..risk_scoring import ScorerConfig
from ..text_scoring import SignScorer
from .actions import Actions
from .html import render_report
from .summary import left_out_count

if TYPE_CHECKING:
    from ..model import RiskModel

__all__ = ["build_report"]

#: Default distance of the comparison date (``since``) before ``as_of``.
DEFAULT_SINCE_DAYS = 28


def build_report(
    checkins: pd.DataFrame | Source,
    attendance: pd.DataFrame | Source,
    *,
    graduates: pd.DataFrame | Source | None = None,
    outcomes: pd.DataFrame | Source | None = None,
    as_of: AsOf = None,
    since: AsOf = None,
    scorer: SignScorer | None = None,
    config: ScorerConfig | None = None,
    model: RiskModel | None = None,
    aliases: AliasSource | None = None,
    actions: Actions | None = None,
    evidence: bool = False,
    top: int | None = None,
    timelines: bool = True,
) -> str:
    """The staff report (HTML) of a caseload as of a date; notes are scored once.

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
    """
    from ..ranking import rank_scored

    inputs = load_inputs(checkins, attendance, graduates, outcomes, aliases=aliases)
    stamp = resolve_as_of(as_of, inputs.checkins, inputs.attendance)
    earlier = (
        resolve_as_of(since) if since is not None else stamp - pd.Timedelta(days=DEFAULT_SINCE_DAYS)
    )
    if earlier >= stamp:
        raise ParameterError(f"since ({earlier.date()}) must be before as_of ({stamp.date()})")
    scored = score_checkins(inputs.checkins, scorer=scorer, hits=evidence)
    ranking, previous = (
        rank_scored(
            scored,
            inputs.attendance,
            day,
            graduates=inputs.graduates,
            outcomes=inputs.outcomes,
            model=model,
            config=config,
        )
        for day in (stamp, earlier)
    )
    return render_report(
        ranking,
        scored,
        inputs.attendance,
        as_of=stamp,
        previous=previous,
        since=earlier,
        left_out=left_out_count(inputs.outcomes, stamp, inputs.attendance),
        graduates=inputs.graduates,
        config=config,
        actions=actions,
        evidence=evidence,
        top=top,
        timelines=timelines,
    )

"""From validated tables and notes scored once to the staff page: rank twice, render.

Examples
--------
>>> from sign_detect import Caseload, simulate_cohort
>>> cohort = simulate_cohort(n_graduates=6, days=120, seed=4)
>>> page = Caseload(cohort.checkins, cohort.attendance).report(as_of="2025-04-20",
...                                                            timelines=False)
>>> "基準日" in page and "2025-04-20" in page
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pandas as pd

from ..errors import ParameterError
from ..features.build import AsOf, resolve_as_of
from ..io.loaders import Inputs
from ..risk.ranking import rank_scored
from ..risk.scorer import ScorerConfig
from .actions import Actions
from .html import render_report
from .summary import left_out_count

if TYPE_CHECKING:
    from ..risk.model import RiskModel

__all__ = ["DEFAULT_SINCE_DAYS", "report_page"]

#: Default distance of the comparison date (``since``) before ``as_of``.
DEFAULT_SINCE_DAYS = 28


def report_page(
    inputs: Inputs,
    scored: pd.DataFrame,
    as_of: pd.Timestamp,
    *,
    since: AsOf = None,
    config: ScorerConfig | None = None,
    model: RiskModel | Any = None,
    actions: Actions | None = None,
    evidence: bool = False,
    top: int | None = None,
    timelines: bool = True,
) -> str:
    """The staff report (HTML) from validated tables and their scored notes.

    ``scored`` is :func:`~sign_detect.features.checkins.score_checkins` of
    ``inputs.checkins`` (with ``hits=True`` when ``evidence``); ``as_of`` is resolved.
    :meth:`Caseload.report` and :func:`~sign_detect.build_report` call this; the options
    are documented there.

    Raises
    ------
    ValueError
        ``since`` is not before ``as_of``.
    """
    earlier = (
        resolve_as_of(since) if since is not None else as_of - pd.Timedelta(days=DEFAULT_SINCE_DAYS)
    )
    if earlier >= as_of:
        raise ParameterError(f"since ({earlier.date()}) must be before as_of ({as_of.date()})")
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
        for day in (as_of, earlier)
    )
    return render_report(
        ranking,
        scored,
        inputs.attendance,
        as_of=as_of,
        previous=previous,
        since=earlier,
        left_out=left_out_count(inputs.outcomes, as_of, inputs.attendance),
        graduates=inputs.graduates,
        config=config,
        actions=actions,
        evidence=evidence,
        top=top,
        timelines=timelines,
    )

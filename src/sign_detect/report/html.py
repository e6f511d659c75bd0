"""One self-contained HTML page in Japanese for support staff.

The page is drawn from already scored inputs (a ranking, the scored check-ins of
:func:`~sign_detect.features.checkins.score_checkins`, attendance): no note is scored again.
It holds no outside links; timelines are inline PNG images. Note text appears only with
``evidence=True`` (the words that fired and the date of the note).
"""

from __future__ import annotations

import base64
import io
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

import pandas as pd

from ..errors import ParameterError
from ..features.build import AsOf, features_as_of, resolve_as_of
from ..features.spec import RECENT
from ..risk.scorer import ScorerConfig, explain_keyed
from ..text.categories import CATEGORY_LABELS
from .actions import Actions
from .summary import LEVEL_LABELS, change_since

if TYPE_CHECKING:
    from jinja2 import Template
    from matplotlib.figure import Figure

__all__ = ["FLAGGED_LEVELS", "render_report"]

#: Levels whose people get a timeline and suggested actions on the page.
FLAGGED_LEVELS = ("high", "medium")
RECENT_DAYS = RECENT
_CHANGE_CLASS = {"新規": "new", "上昇": "up", "低下": "down", "": ""}
_CHANNEL_LABELS = {
    "phone": "電話",
    "line": "LINE",
    "visit": "訪問",
    "interview": "面談",
    "email": "メール",
    "other": "その他",
}


def render_report(
    ranking: pd.DataFrame,
    scored: pd.DataFrame,
    attendance: pd.DataFrame,
    *,
    as_of: AsOf = None,
    previous: pd.DataFrame | None = None,
    since: AsOf = None,
    left_out: int = 0,
    graduates: pd.DataFrame | None = None,
    config: ScorerConfig | None = None,
    actions: Actions | None = None,
    evidence: bool = False,
    top: int | None = None,
    timelines: bool = True,
) -> str:
    """The staff report as one HTML string.

    Parameters
    ----------
    ranking : DataFrame
        The full ranking as of ``as_of`` (:func:`~sign_detect.risk.ranking.rank_scored`).
    scored : DataFrame
        The scored check-ins the ranking was made from; with ``evidence=True`` it must
        hold ``sign_hits`` (``score_checkins(..., hits=True)``).
    attendance : DataFrame
        Validated attendance.
    as_of : date, optional
        The ranking's date (default: the latest date in the data).
    previous : DataFrame, optional
        The ranking at the earlier date ``since``; gives 新規・上昇・低下.
    since : date, optional
        The earlier date, shown on the page.
    left_out : int
        People not ranked because they resigned or went on leave before ``as_of``.
    graduates : DataFrame, optional
        The graduate table given to the ranking.
    config : ScorerConfig, optional
        The scorer settings the ranking used.
    actions : Actions, optional
        Suggested early actions (default: ``data/actions.toml``).
    evidence : bool
        Show the words that fired and the date of each note of the last 4 weeks.
    top : int, optional
        Show only the first ``top`` people.
    timelines : bool
        Draw a timeline per flagged person (needs the ``plot`` extra).

    Returns
    -------
    str
        The page.

    Raises
    ------
    ParameterError
        ``evidence=True`` with scored notes that have no ``sign_hits`` column.
    """
    stamp = resolve_as_of(as_of, scored, attendance)
    if evidence and "sign_hits" not in scored.columns:
        raise ParameterError(
            "evidence=True needs scored notes with sign_hits: score_checkins(hits=True)"
        )
    actions = actions or Actions.default()
    config = config or ScorerConfig.default()
    shown = ranking.head(top) if top else ranking
    changes = change_since(shown, previous)
    flagged = shown[shown["level"].astype(str).isin(FLAGGED_LEVELS)]
    keys = _reason_keys(scored, attendance, stamp, flagged, graduates, config)
    images = _timeline_images(scored, attendance, flagged, stamp, config, graduates, timelines)
    rows = [
        _row(r, c, keys)
        for (_, r), (_, c) in zip(shown.iterrows(), changes.iterrows(), strict=True)
    ]
    people = [
        _person(row, keys[row["graduate_id"]], images.get(row["graduate_id"]), actions)
        | {"evidence": _evidence(scored, row["graduate_id"], stamp) if evidence else None}
        for row in rows
        if row["detail"]
    ]
    levels = ranking["level"].astype(str).value_counts()
    return _template().render(
        version=_version(),
        css=_css(),
        as_of=stamp.date().isoformat(),
        since=pd.Timestamp(since).date().isoformat() if since is not None else None,
        caseload=len(ranking) + left_out,
        ranked=len(ranking),
        shown=len(shown),
        left_out=left_out,
        counts={level: int(levels.get(level, 0)) for level in LEVEL_LABELS},
        crisis=_crisis_lines(scored, shown, stamp, actions),
        rows=rows,
        people=people,
        evidence=evidence,
    )


def _reason_keys(
    scored: pd.DataFrame,
    attendance: pd.DataFrame,
    stamp: pd.Timestamp,
    flagged: pd.DataFrame,
    graduates: pd.DataFrame | None,
    config: ScorerConfig,
) -> dict[str, list[str]]:
    """Which rules gave points to each flagged person (for the suggested actions)."""
    if flagged.empty:
        return {}
    index = pd.Index(flagged["graduate_id"], name="graduate_id")
    features = features_as_of(scored, attendance, stamp, graduates, index)
    return {
        str(gid): [key for _, key, _ in explain_keyed(row, config)]
        for gid, row in features.iterrows()
    }


def _row(r: pd.Series, change: pd.Series, keys: dict[str, list[str]]) -> dict[str, Any]:
    level = str(r["level"])
    previous = change["previous_rank"]
    return {
        "graduate_id": r["graduate_id"],
        "rank": int(r["rank"]),
        "risk": float(r["risk"]),
        "level": level,
        "level_label": LEVEL_LABELS.get(level, level),
        "reasons": list(r["reasons"]),
        "crisis": "crisis" in keys.get(r["graduate_id"], []),
        "change": change["change"],
        "change_class": _CHANGE_CLASS[change["change"]],
        "previous_rank": None if pd.isna(previous) else int(previous),
        "detail": r["graduate_id"] in keys,
    }


def _person(
    row: dict[str, Any], keys: list[str], image: str | None, actions: Actions
) -> dict[str, Any]:
    return row | {"actions": actions.for_keys(keys), "image": image}


def _crisis_lines(
    scored: pd.DataFrame, shown: pd.DataFrame, stamp: pd.Timestamp, actions: Actions
) -> list[dict[str, str]]:
    """Listed people with a crisis word in the last 4 weeks, latest note date, in rank order."""
    recent = _recent(scored, stamp)
    dates = recent[recent["crisis"].astype(bool)].groupby("graduate_id")["date"].max()
    action = actions.reasons["crisis"].action
    return [
        {"graduate_id": gid, "date": dates[gid].date().isoformat(), "action": action}
        for gid in shown["graduate_id"]
        if gid in dates.index
    ]


def _recent(scored: pd.DataFrame, stamp: pd.Timestamp) -> pd.DataFrame:
    start = stamp - pd.Timedelta(days=RECENT_DAYS)
    return scored[(scored["date"] > start) & (scored["date"] <= stamp)]


def _evidence(scored: pd.DataFrame, graduate_id: str, stamp: pd.Timestamp) -> list[dict[str, str]]:
    """Date, channel and the words that fired, for the person's notes of the last 4 weeks."""
    recent = _recent(scored, stamp)
    mine = recent[(recent["graduate_id"] == graduate_id) & (recent["sign_hits"] != "")]
    return [
        {
            "date": day.date().isoformat(),
            "channel": _CHANNEL_LABELS.get(channel, channel),
            "words": _words(hits),
        }
        for day, channel, hits in zip(mine["date"], mine["channel"], mine["sign_hits"], strict=True)
    ]


def _words(hits: str) -> str:
    """``sleep:眠れない(hedged)`` -> ``睡眠「眠れない」(ぼかし)``, joined with 、."""
    out = []
    for item in hits.split("; "):
        category, _, words = item.partition(":")
        crisis = "(crisis)" in words
        words = words.replace("(hedged)", "").replace("(crisis)", "")
        label = CATEGORY_LABELS.get(category, category)
        out.append(f"{label}「{words}」" + ("(危機)" if crisis else ""))
    return "、".join(out)


def _timeline_images(
    scored: pd.DataFrame,
    attendance: pd.DataFrame,
    flagged: pd.DataFrame,
    stamp: pd.Timestamp,
    config: ScorerConfig,
    graduates: pd.DataFrame | None,
    enabled: bool,
) -> dict[str, str]:
    if not enabled or flagged.empty:
        return {}
    from .plot import plot_timelines

    ids = flagged["graduate_id"].tolist()
    figures = plot_timelines(scored, attendance, ids, stamp, config=config, graduates=graduates)
    return {gid: _data_uri(fig) for gid, fig in figures.items()}


def _data_uri(fig: Figure, dpi: int = 72) -> str:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def _resource(name: str) -> str:
    templates = resources.files("sign_detect.data").joinpath("templates")
    return templates.joinpath(name).read_text("utf-8")


@cache
def _template() -> Template:
    try:
        import jinja2
    except ImportError as err:  # pragma: no cover - jinja2 is a dependency
        raise ImportError("the HTML report needs jinja2: pip install jinja2") from err
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    return env.from_string(_resource("report.html"))


@cache
def _css() -> str:
    return _resource("report.css")


def _version() -> str:
    from .. import __version__

    return __version__

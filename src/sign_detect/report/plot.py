"""Pictures staff would rather look at: timelines, sign heatmaps, backtest summaries.

Needs the ``plot`` extra (``pip install 'sign_detect[plot]'``: matplotlib and
matplotlib-fontja, which carries the IPAex Gothic font). Japanese labels render with that
font inside these functions only: the user's matplotlib configuration is never changed
(matplotlib-fontja is not imported, since importing it rewrites the global ``rcParams``;
its font file is registered and used through ``rc_context``).

Every function returns a :class:`matplotlib.figure.Figure` and never calls ``plt.show()``.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from ..caseload import Caseload
from ..errors import InsufficientDataError, ParameterError
from ..features.build import AsOf, features_as_of, resolve_as_of
from ..features.checkins import SIGN_COLUMNS, score_checkins
from ..io.loaders import AliasSource, Inputs, load_checkins, load_inputs
from ..io.reading import Source
from ..risk.scorer import ScorerConfig, score_features
from ..text.categories import CATEGORIES, CATEGORY_LABELS
from ..text.scoring import SignScorer

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from ..risk.backtest import BacktestReport

__all__ = [
    "JAPANESE_FONT",
    "plot_backtest",
    "plot_sign_heatmap",
    "plot_timeline",
    "plot_timelines",
    "sign_heatmap",
    "weekly_risk",
    "write_timelines",
]

JAPANESE_FONT = "IPAexGothic"

STATUS_STYLE = {
    "present": ("出勤", "#9ecae1"),
    "late": ("遅刻", "#fdae6b"),
    "early_leave": ("早退", "#fd8d3c"),
    "absent": ("欠勤", "#d62728"),
    "paid_leave": ("有給", "#31a354"),
}
CHANNEL_STYLE = {
    "phone": ("電話", "o"),
    "line": ("LINE", "s"),
    "visit": ("訪問", "^"),
    "interview": ("面談", "D"),
    "email": ("メール", "v"),
    "other": ("その他", "x"),
}


@cache
def _font_path() -> str:
    spec = importlib.util.find_spec("matplotlib_fontja")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError(
            "Japanese plots need the plot extra: pip install 'sign_detect[plot]' "
            "(matplotlib and matplotlib-fontja)"
        )
    path = Path(next(iter(spec.submodule_search_locations))) / "fonts" / "ipaexg.ttf"
    if not path.exists():
        raise ImportError(f"matplotlib-fontja is installed but {path} is missing")
    from matplotlib import font_manager

    font_manager.fontManager.addfont(str(path))
    return str(path)


@contextmanager
def japanese_fonts() -> Iterator[None]:
    """Use the bundled Japanese font for figures created inside this block only."""
    import matplotlib as mpl

    _font_path()
    with mpl.rc_context({"font.family": [JAPANESE_FONT], "axes.unicode_minus": False}):
        yield


def _figure(rows: int, cols: int = 1, *, sharex: bool = False, **kwargs: Any) -> tuple[Figure, Any]:
    """A pyplot-free Figure (no global figure state) with a grid of axes."""
    from matplotlib.figure import Figure

    fig = Figure(**kwargs)
    axes = fig.subplots(rows, cols, squeeze=False, sharex=sharex)
    return fig, axes


def weekly_risk(
    scored: pd.DataFrame,
    attendance: pd.DataFrame,
    graduate_ids: Sequence[str],
    weeks: pd.DatetimeIndex,
    config: ScorerConfig | None = None,
    graduates: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Default-scorer risk of several graduates at each date of ``weeks``, in one pass.

    Every feature is measured back from its as-of date, so the rows each person had on
    each date are stacked, shifted to end on the last date (by whole weeks: weekdays
    keep), and given a key per (person, date); one feature computation then serves all
    people and dates. Notes are not scored again (``scored`` is
    :func:`score_checkins` output).

    Returns
    -------
    DataFrame
        Index ``weeks``, one column per graduate; NaN before a person's first record.
    """
    ids = list(dict.fromkeys(graduate_ids))
    out = pd.DataFrame(np.nan, index=weeks, columns=pd.Index(ids, name="graduate_id"))
    if not len(weeks) or not ids:
        return out
    last = weeks.max()
    if ((last - weeks).days % 7).any():
        raise ParameterError("weeks must be whole weeks apart")
    mine_s = scored[scored["graduate_id"].isin(ids)]
    mine_a = attendance[attendance["graduate_id"].isin(ids)]
    stacked_s = _stack(mine_s, weeks, last, by="date", shift=["date"])
    stacked_a = _stack(mine_a, weeks, last, by="date", shift=["date"])
    stacked_g = None
    if graduates is not None:
        mine_g = graduates[graduates["graduate_id"].isin(ids)]
        shift = ["hired_on"] if "hired_on" in mine_g.columns else []
        stacked_g = _stack(mine_g, weeks, last, by=None, shift=shift)
    keys = pd.Index(
        sorted(set(stacked_s["graduate_id"]) | set(stacked_a["graduate_id"])), name="graduate_id"
    )
    features = features_as_of(stacked_s, stacked_a, last, stacked_g, keys)
    risk = score_features(features, config or ScorerConfig.default())["risk"]
    gid, day = zip(*(key.rsplit(_KEY_SEP, 1) for key in keys), strict=True)
    risk.index = pd.MultiIndex.from_arrays([pd.to_datetime(list(day)), list(gid)])
    return risk.unstack().reindex(index=weeks, columns=out.columns)


_KEY_SEP = "\x1f"


def _stack(
    frame: pd.DataFrame,
    weeks: pd.DatetimeIndex,
    last: pd.Timestamp,
    *,
    by: str | None,
    shift: Sequence[str],
) -> pd.DataFrame:
    """One copy of ``frame`` per week, keyed ``<graduate_id>\\x1f<date>``: only rows dated
    on or before that week (column ``by``), with the ``shift`` columns moved by
    ``last - week``."""
    parts = []
    for day in weeks:
        rows = frame if by is None else frame[frame[by] <= day]
        key = rows["graduate_id"].astype(str) + _KEY_SEP + day.date().isoformat()
        moved = {c: pd.to_datetime(rows[c]) + (last - day) for c in shift}
        parts.append(rows.assign(graduate_id=key, **moved))
    return pd.concat(parts, ignore_index=True)


def _weeks(start: pd.Timestamp, stamp: pd.Timestamp) -> pd.DatetimeIndex:
    """Weekly dates ending on ``stamp``, from four weeks after ``start``."""
    first = start + pd.Timedelta(days=28)
    if first > stamp:
        return pd.DatetimeIndex([stamp])
    return pd.date_range(end=stamp, periods=(stamp - first).days // 7 + 1, freq="7D")


def plot_timeline(
    graduate_id: str,
    checkins: pd.DataFrame | Source,
    attendance: pd.DataFrame | Source,
    *,
    as_of: AsOf = None,
    config: ScorerConfig | None = None,
    scorer: SignScorer | None = None,
    aliases: AliasSource | None = None,
) -> Figure:
    """One graduate's timeline: attendance, signs by category, contacts, and risk.

    A shortcut for ``Caseload(checkins, attendance, ...).timeline(graduate_id)``; to draw
    several people, build the :class:`~sign_detect.Caseload` once.

    Parameters
    ----------
    graduate_id : str
        The graduate to draw.
    checkins, attendance : DataFrame or path
        Validated by the loaders.
    as_of : date, optional
        Drawn as a vertical line; defaults to the latest date in the data. Only data on or
        before it are drawn.
    config : ScorerConfig, optional
        An office's scorer settings for the risk line.
    scorer : SignScorer, optional
        A text scorer with an office's lexicon.
    aliases : path or mapping, optional
        An office's own words for channels and statuses (see :func:`load_checkins`).

    Returns
    -------
    matplotlib.figure.Figure

    See Also
    --------
    plot_timelines : many people at once from notes scored once.
    """
    inputs = load_inputs(checkins, attendance, aliases=aliases)
    mine = inputs.checkins[inputs.checkins["graduate_id"] == graduate_id]
    as_of = as_of if as_of is not None else resolve_as_of(None, inputs.checkins, inputs.attendance)
    only = Inputs(mine, inputs.attendance)  # only this person's notes are scored
    caseload = Caseload.from_inputs(only, scorer=scorer, config=config)
    return caseload.timeline(graduate_id, as_of=as_of)


def plot_timelines(
    scored: pd.DataFrame,
    attendance: pd.DataFrame,
    graduate_ids: Sequence[str],
    as_of: AsOf = None,
    *,
    config: ScorerConfig | None = None,
    graduates: pd.DataFrame | None = None,
) -> dict[str, Figure]:
    """Timelines of several graduates from notes scored once.

    Parameters
    ----------
    scored : DataFrame
        Check-ins scored by :func:`~sign_detect.features.checkins.score_checkins` (with the
        office's lexicon and aliases already applied).
    attendance : DataFrame
        Validated attendance.
    graduate_ids : sequence of str
        Whom to draw, e.g. ``ranking["graduate_id"].head(10)``.
    as_of : date, optional
        Only data on or before it are drawn (default: the latest date in the data).
    config : ScorerConfig, optional
        An office's scorer settings for the risk line.
    graduates : DataFrame, optional
        The graduate table, as given to the ranking.

    Returns
    -------
    dict of str to Figure
        One figure per graduate, in the given order.

    Raises
    ------
    ValueError
        A graduate has no record on or before ``as_of``.
    """
    stamp = resolve_as_of(as_of, scored, attendance)
    ids = list(dict.fromkeys(graduate_ids))
    past_s = scored[(scored["date"] <= stamp) & scored["graduate_id"].isin(ids)]
    past_a = attendance[(attendance["date"] <= stamp) & attendance["graduate_id"].isin(ids)]
    missing = sorted(set(ids) - set(past_s["graduate_id"]) - set(past_a["graduate_id"]))
    if missing:
        raise InsufficientDataError(
            f"no records for graduate_id {missing!r} on or before {stamp.date()}"
        )
    start = pd.concat([past_s["date"], past_a["date"]]).min()
    risk = weekly_risk(past_s, past_a, ids, _weeks(start, stamp), config, graduates)
    by_s = dict(list(past_s.groupby("graduate_id")))
    by_a = dict(list(past_a.groupby("graduate_id")))
    empty_s, empty_a = past_s.iloc[:0], past_a.iloc[:0]
    return {
        gid: _draw_timeline(
            gid, by_s.get(gid, empty_s), by_a.get(gid, empty_a), risk[gid].dropna(), stamp
        )
        for gid in ids
    }


def write_timelines(figures: dict[str, Figure], out: str | Path, *, dpi: int = 100) -> list[Path]:
    """Write timelines as one multi-page PDF (``out`` ends in ``.pdf``) or a folder of PNGs.

    Returns
    -------
    list of Path
        The PDF, or the PNG files (``<graduate_id>.png``) in the given order.
    """
    target = Path(out)
    if target.suffix.lower() == ".pdf":
        from matplotlib.backends.backend_pdf import PdfPages

        target.parent.mkdir(parents=True, exist_ok=True)
        with japanese_fonts(), PdfPages(target) as pdf:
            for fig in figures.values():
                pdf.savefig(fig)
        return [target]
    target.mkdir(parents=True, exist_ok=True)
    paths = []
    with japanese_fonts():
        for gid, fig in figures.items():
            path = target / f"{gid}.png"
            fig.savefig(path, dpi=dpi)
            paths.append(path)
    return paths


def _draw_timeline(
    graduate_id: str,
    scored: pd.DataFrame,
    attendance: pd.DataFrame,
    risk: pd.Series,
    stamp: pd.Timestamp,
) -> Figure:
    with japanese_fonts():
        fig, axes = _figure(4, 1, figsize=(11, 8), sharex=True, layout="constrained")
        ax_att, ax_sign, ax_contact, ax_risk = axes[:, 0]
        _draw_attendance(ax_att, attendance)
        ax_att.set_title(f"{graduate_id} の経過({stamp.date()} 時点)")
        _draw_signs(ax_sign, scored)
        _draw_contacts(ax_contact, scored)
        ax_risk.plot(risk.index, risk.to_numpy(), marker=".", color="black")
        ax_risk.set_ylim(0, 1)
        ax_risk.set_ylabel("リスク")
        for ax in axes[:, 0]:
            ax.axvline(stamp, color="grey", linestyle="--", linewidth=1)
        fig.autofmt_xdate()
    return fig


def _draw_attendance(ax: Any, attendance: pd.DataFrame) -> None:
    """One bar per recorded day, coloured by status (one collection per status: fast)."""
    from matplotlib.dates import date2num

    for status, (label, color) in STATUS_STYLE.items():
        days = date2num(attendance.loc[attendance["status"] == status, "date"])
        ax.broken_barh([(d - 0.5, 1.0) for d in days], (0, 1), facecolors=color, label=label)
    ax.set_ylim(0, 1.8)  # room for the legend above the bars
    ax.set_yticks([])
    ax.legend(ncol=5, loc="upper left", fontsize=8, title="勤怠")


def _draw_signs(ax: Any, scored: pd.DataFrame) -> None:
    """Sign strength per note, stacked by category (only notes with a sign are drawn)."""
    cmap = _colors(len(CATEGORIES))
    signs = scored[(scored[SIGN_COLUMNS] > 0).any(axis=1)]
    bottom = np.zeros(len(signs))
    for k, (c, column) in enumerate(zip(CATEGORIES, SIGN_COLUMNS, strict=True)):
        values = signs[column].to_numpy()
        nonzero = values > 0
        if nonzero.any():
            ax.bar(
                signs["date"][nonzero],
                values[nonzero],
                bottom=bottom[nonzero],
                width=3,
                color=cmap[k],
                label=CATEGORY_LABELS[c],
            )
            bottom += values
    ax.set_ylabel("サインの強さ")
    if bottom.any():
        ax.legend(ncol=5, loc="upper left", fontsize=8)


def _draw_contacts(ax: Any, scored: pd.DataFrame) -> None:
    """Contacts by channel on one line; unanswered attempts below them, in red."""
    missed = scored["unanswered"].astype(bool)
    for channel, (label, marker) in CHANNEL_STYLE.items():
        days = scored.loc[(scored["channel"] == channel) & ~missed, "date"]
        if len(days):
            ax.scatter(days, np.ones(len(days)), marker=marker, label=label)
    if missed.any():
        days = scored.loc[missed, "date"]
        ax.scatter(days, np.zeros(len(days)), marker="x", color="#d62728", label="応答なし")
    ax.set_ylim(-0.6, 1.8)
    ax.set_yticks([])
    ax.set_ylabel("連絡")
    if len(scored):
        ax.legend(ncol=7, loc="upper left", fontsize=8)


def _colors(n: int) -> list[Any]:
    from matplotlib import colormaps

    cmap = colormaps["tab10"]
    return [cmap(i % 10) for i in range(n)]


def plot_sign_heatmap(
    checkins: pd.DataFrame | Source,
    *,
    graduate_id: str | None = None,
    graduates: list[str] | None = None,
    as_of: AsOf = None,
) -> Figure:
    """Sign strength per week: graduates x weeks, or categories x weeks for one graduate.

    Parameters
    ----------
    checkins : DataFrame or path
        Validated by :func:`load_checkins`.
    graduate_id : str, optional
        Draw one person's categories x weeks instead of graduates x weeks.
    graduates : list of str, optional
        Rows to draw (default: all, sorted).
    as_of : date, optional
        Only notes on or before it are drawn (default: latest date).
    """
    checkins_df = load_checkins(checkins)
    stamp = resolve_as_of(as_of, checkins_df)
    past = checkins_df[checkins_df["date"] <= stamp]
    if graduate_id is not None:
        past = past[past["graduate_id"] == graduate_id]
    return sign_heatmap(
        score_checkins(past), graduate_id=graduate_id, graduates=graduates, as_of=stamp
    )


def sign_heatmap(
    scored: pd.DataFrame,
    *,
    graduate_id: str | None = None,
    graduates: list[str] | None = None,
    as_of: AsOf = None,
) -> Figure:
    """:func:`plot_sign_heatmap` from notes already scored (``score_checkins`` output);
    :meth:`Caseload.sign_heatmap` calls this."""
    stamp = resolve_as_of(as_of, scored)
    scored = scored[scored["date"] <= stamp]
    if graduate_id is not None:
        scored = scored[scored["graduate_id"] == graduate_id]
        if scored.empty:
            raise InsufficientDataError(f"no check-ins for graduate_id {graduate_id!r}")
    scored = scored.copy()
    scored["week"] = scored["date"].dt.to_period("W-SUN").dt.start_time
    if graduate_id is not None:
        table = scored.groupby("week")[SIGN_COLUMNS].sum().T
        table.index = [CATEGORY_LABELS[c] for c in CATEGORIES]
        title = f"{graduate_id} のサイン(週ごと、領域別)"
    else:
        scored["total"] = scored[SIGN_COLUMNS].sum(axis=1)
        table = scored.pivot_table(
            index="graduate_id", columns="week", values="total", aggfunc="sum", fill_value=0.0
        )
        if graduates is not None:
            table = table.reindex(graduates, fill_value=0.0)
        title = "サインの強さ(卒業生 × 週)"
    with japanese_fonts():
        height = max(3.0, 0.25 * len(table) + 1.5)
        fig, axes = _figure(1, 1, figsize=(11, height), layout="constrained")
        ax = axes[0, 0]
        image = ax.imshow(
            table.to_numpy(dtype=float), aspect="auto", cmap="Reds", interpolation="nearest"
        )
        ax.set_yticks(range(len(table)), [str(i) for i in table.index], fontsize=8)
        step = max(1, len(table.columns) // 12)
        ax.set_xticks(
            range(0, len(table.columns), step),
            [pd.Timestamp(w).strftime("%m/%d") for w in table.columns[::step]],
            fontsize=8,
        )
        ax.set_xlabel("週")
        ax.set_title(title)
        fig.colorbar(image, ax=ax, label="サインの強さ")
    return fig


def plot_backtest(report: BacktestReport) -> Figure:
    """Lead-time distribution and precision@k of the scorers compared in a backtest."""
    labels = {
        "default": "既定スコア",
        "attendance_only": "勤怠のみ",
        "text_only": "記録のみ",
        "risk_model": "学習モデル",
    }
    scorers = list(report.table.index)
    with japanese_fonts():
        fig, axes = _figure(1, 2, figsize=(11, 4), layout="constrained")
        ax_lead, ax_prec = axes[0]
        data = [
            report.leads.loc[report.leads["scorer"] == s, "lead_days"].to_numpy() for s in scorers
        ]
        ax_lead.boxplot(data, tick_labels=[labels.get(s, s) for s in scorers])
        ax_lead.set_ylabel("危機の何日前から上位に入り続けたか")
        ax_lead.set_title("リードタイム(日)")
        values = report.table["precision_at_k"].to_numpy(dtype=float)
        ax_prec.bar([labels.get(s, s) for s in scorers], values, color=_colors(len(scorers)))
        ax_prec.set_ylim(0, 1)
        ax_prec.set_title(f"上位{report.k_share:.0%}の適合率")
        for k, v in enumerate(values):
            ax_prec.text(k, v + 0.02, f"{v:.2f}", ha="center")
    return fig

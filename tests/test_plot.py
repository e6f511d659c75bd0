"""Plots render to PNG with Japanese glyphs, and leave the user's matplotlib config alone."""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd
import pytest

pytest.importorskip("matplotlib")

import matplotlib as mpl
from matplotlib.figure import Figure

from sign_detect import backtest, simulate_cohort
from sign_detect.plot import (
    JAPANESE_FONT,
    plot_backtest,
    plot_sign_heatmap,
    plot_timeline,
)
from sign_detect.simulate import Cohort


def _render(fig: Figure, path: Path) -> None:
    """Save as PNG, failing on any warning (a missing glyph is a warning in matplotlib)."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig.savefig(path, dpi=60)
    assert path.stat().st_size > 5_000
    fonts = {t.get_fontname() for t in fig.findobj(mpl.text.Text) if t.get_text()}
    assert fonts == {JAPANESE_FONT}


def test_timeline(small_cohort: Cohort, tmp_path: Path) -> None:
    gid = small_cohort.outcomes["graduate_id"].iloc[0] if len(small_cohort.outcomes) else "G0001"
    fig = plot_timeline(gid, small_cohort.checkins, small_cohort.attendance, as_of="2025-07-01")
    assert isinstance(fig, Figure)
    _render(fig, tmp_path / "timeline.png")


def test_heatmaps(small_cohort: Cohort, tmp_path: Path) -> None:
    _render(plot_sign_heatmap(small_cohort.checkins), tmp_path / "cohort.png")
    one = plot_sign_heatmap(small_cohort.checkins, graduate_id="G0002")
    labels = [t.get_text() for t in one.axes[0].get_yticklabels()]
    assert "睡眠" in labels
    _render(one, tmp_path / "person.png")


def test_backtest_plot(tmp_path: Path) -> None:
    cohort = simulate_cohort(80, days=300, seed=4)
    dates = pd.date_range("2025-03-01", "2025-10-01", freq="14D")
    report = backtest(cohort.checkins, cohort.attendance, cohort.outcomes, dates)
    _render(plot_backtest(report), tmp_path / "backtest.png")


def test_global_rc_params_are_untouched(small_cohort: Cohort) -> None:
    before = dict(mpl.rcParams)
    plot_sign_heatmap(small_cohort.checkins)
    assert dict(mpl.rcParams) == before
    assert "matplotlib_fontja" not in __import__("sys").modules


def test_unknown_graduate_is_a_clear_error(small_cohort: Cohort) -> None:
    with pytest.raises(ValueError, match="G9999"):
        plot_timeline("G9999", small_cohort.checkins, small_cohort.attendance)

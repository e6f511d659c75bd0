"""Plots render to PNG with Japanese glyphs, and leave the user's matplotlib config alone."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pandas as pd
import pytest

pytest.importorskip("matplotlib")

import matplotlib as mpl
from matplotlib.figure import Figure

from sign_detect import CATEGORIES, InputValidationError, ScorerConfig, backtest, simulate_cohort
from sign_detect.features.build import features_as_of
from sign_detect.features.checkins import score_checkins
from sign_detect.report.plot import (
    JAPANESE_FONT,
    plot_backtest,
    plot_sign_heatmap,
    plot_timeline,
    plot_timelines,
    weekly_risk,
    write_timelines,
)
from sign_detect.risk.scorer import score_features
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


def _one_at_a_time(scored, attendance, graduates, ids, weeks):  # type: ignore[no-untyped-def]
    """The reference: one feature computation per person and week."""
    out = pd.DataFrame(float("nan"), index=weeks, columns=pd.Index(ids, name="graduate_id"))
    for week in weeks:
        for gid in ids:
            mine_s = scored[scored["graduate_id"] == gid]
            mine_a = attendance[attendance["graduate_id"] == gid]
            if (mine_s["date"] <= week).any() or (mine_a["date"] <= week).any():
                index = pd.Index([gid], name="graduate_id")
                features = features_as_of(mine_s, mine_a, week, graduates, index)
                out.loc[week, gid] = score_features(features, ScorerConfig.default())["risk"].iloc[
                    0
                ]
    return out


def test_weekly_risk_in_one_pass_equals_one_week_at_a_time(small_cohort: Cohort) -> None:
    scored = score_checkins(small_cohort.checkins)
    ids = ["G0001", "G0004", "G0009"]
    weeks = pd.date_range(end="2025-08-20", periods=10, freq="7D")
    got = weekly_risk(scored, small_cohort.attendance, ids, weeks, graduates=small_cohort.graduates)
    want = _one_at_a_time(scored, small_cohort.attendance, small_cohort.graduates, ids, weeks)
    pd.testing.assert_frame_equal(got, want, check_dtype=False)


def test_weekly_risk_honours_the_office_config(small_cohort: Cohort) -> None:
    scored = score_checkins(small_cohort.checkins)
    weeks = pd.date_range(end="2025-08-20", periods=6, freq="7D")
    zero = {"signs": {"weights": dict.fromkeys(CATEGORIES, 0.0)}}
    zero["rules"] = {name: {"weight": 0.0} for name in ScorerConfig.default().rules}
    config = ScorerConfig.from_mapping(zero, base=ScorerConfig.default())
    risk = weekly_risk(scored, small_cohort.attendance, ["G0001"], weeks, config)
    assert risk["G0001"].eq(0.0).all()
    with pytest.raises(ValueError, match="whole weeks"):
        weekly_risk(
            scored,
            small_cohort.attendance,
            ["G0001"],
            pd.DatetimeIndex(["2025-08-01", "2025-08-03"]),
        )


def test_timelines_in_bulk_as_pngs_and_one_pdf(small_cohort: Cohort, tmp_path: Path) -> None:
    scored = score_checkins(small_cohort.checkins)
    ids = ["G0003", "G0001"]
    figures = plot_timelines(scored, small_cohort.attendance, ids, "2025-07-01")
    assert list(figures) == ids
    pngs = write_timelines(figures, tmp_path / "pngs", dpi=40)
    assert [p.name for p in pngs] == ["G0003.png", "G0001.png"]
    assert all(p.read_bytes().startswith(b"\x89PNG") for p in pngs)
    (pdf,) = write_timelines(figures, tmp_path / "top.pdf")
    assert len(re.findall(rb"/Type\s*/Page(?!s)", pdf.read_bytes())) == 2
    with pytest.raises(ValueError, match="G9999"):
        plot_timelines(scored, small_cohort.attendance, ["G9999"], "2025-07-01")


def test_timeline_shows_unanswered_attempts_and_reads_office_words(tmp_path: Path) -> None:
    checkins = pd.DataFrame(
        {
            "graduate_id": ["G1"] * 3,
            "date": ["2025-05-01", "2025-05-08", "2025-05-15"],
            "channel": ["電話", "コール", "電話"],
            "note": [
                "最近よく眠れない",
                "電話するも応答なし",
                "留守電にメッセージを残した。折り返しなし",
            ],
        }
    )
    attendance = pd.DataFrame(
        {
            "graduate_id": ["G1"] * 3,
            "date": ["2025-05-01", "2025-05-02", "2025-05-05"],
            "status": ["出勤", "病欠", "出勤"],
        }
    )
    aliases = {"channel": {"phone": ["コール"]}, "status": {"absent": ["病欠"]}}
    with pytest.raises(InputValidationError, match="コール"):
        plot_timeline("G1", checkins, attendance, as_of="2025-05-20")
    fig = plot_timeline("G1", checkins, attendance, as_of="2025-05-20", aliases=aliases)
    contact_legend = [t.get_text() for t in fig.axes[2].get_legend().get_texts()]
    assert "応答なし" in contact_legend and "電話" in contact_legend
    _render(fig, tmp_path / "unanswered.png")

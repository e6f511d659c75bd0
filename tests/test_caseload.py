"""Caseload: one object per run, its notes scored once; outputs identical to the former
one-pipeline-per-entry-point code (golden files in tests/golden/, written by
tests/golden/capture.py at the commit before the refactor)."""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from sklearn.base import clone

import sign_detect as sd
from sign_detect import Caseload, SignScorer, Tokenizer
from sign_detect.simulate import Cohort
from sign_detect.text.normalize import normalize_text

GOLDEN = Path(__file__).resolve().parent / "golden"
sys.path.insert(0, str(GOLDEN))
import capture  # noqa: E402  (the functions that wrote the golden files)

HAS_MATPLOTLIB = importlib.util.find_spec("matplotlib") is not None


class CountingTokenizer(Tokenizer):
    """The real tokenizer, counting the texts it is given."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: Counter[str] = Counter()

    def tokenize(self, text: str) -> list:  # type: ignore[type-arg]
        self.seen[text] += 1
        return super().tokenize(text)


def _read(name: str, **kwargs: object) -> pd.DataFrame:
    return pd.read_csv(GOLDEN / name, keep_default_na=False, na_values=[""], **kwargs)


# -- golden: identical outputs before and after ---------------------------------------


@pytest.fixture(scope="module")
def samples() -> Caseload:
    paths = capture.sample_paths()
    return Caseload.from_files(
        paths["checkins"], paths["attendance"], paths["graduates"], paths["outcomes"]
    )


def test_rankings_of_the_samples_are_unchanged(samples: Caseload) -> None:
    expected = _read("samples_rankings.csv", dtype={"as_of": str})
    got = pd.concat(
        [capture.flat_ranking(samples.rank(day), day) for day in capture.RANK_DATES],
        ignore_index=True,
    )
    pd.testing.assert_frame_equal(got.fillna(""), expected.fillna(""), check_dtype=False)
    # The shortcut gives the same as the object.
    pd.testing.assert_frame_equal(capture.rankings_before(), got)


def test_features_of_the_samples_are_unchanged(samples: Caseload) -> None:
    expected = _read("samples_features.csv", index_col="graduate_id")
    got = samples.features(capture.FEATURES_DATE)
    pd.testing.assert_frame_equal(got, expected, check_exact=True, check_dtype=False)


def test_note_scores_of_the_samples_are_unchanged(samples: Caseload) -> None:
    expected = _read("samples_signs.csv").fillna({"sign_hits": ""})
    got = capture.notes_scores(samples.checkins)
    pd.testing.assert_frame_equal(got, expected, check_exact=True, check_dtype=False)


def test_signs_of_a_caseload_are_score_notes(samples: Caseload) -> None:
    pd.testing.assert_frame_equal(samples.signs(), sd.score_notes(samples.checkins))


def test_note_scores_of_the_evaluation_notes_are_unchanged() -> None:
    expected = _read("eval_signs.csv").fillna({"sign_hits": ""})
    got = capture.notes_scores(capture.eval_notes())
    pd.testing.assert_frame_equal(got, expected, check_exact=True, check_dtype=False)


# -- notes are scored once --------------------------------------------------------------


@pytest.mark.skipif(not HAS_MATPLOTLIB, reason="timelines need the plot extra")
def test_a_notebook_session_tokenises_each_note_once(small_cohort: Cohort) -> None:
    counting = CountingTokenizer()
    cohort = small_cohort
    caseload = Caseload(
        cohort.checkins,
        cohort.attendance,
        cohort.graduates,
        cohort.outcomes,
        scorer=SignScorer(tokenizer=counting),
    )
    dates = pd.date_range("2025-03-03", periods=10, freq="14D")
    rankings = [caseload.rank(day) for day in dates]
    caseload.backtest(pd.date_range("2025-02-03", "2025-08-25", freq="14D"))
    top = rankings[-1]["graduate_id"].head(3).tolist()
    figures = [caseload.timeline(gid) for gid in top]
    caseload.report(as_of=dates[-1], top=3, timelines=False)
    assert len(figures) == 3 and all(len(r) for r in rankings)

    # One scoring pass of the distinct notes tokenises exactly the same texts.
    once = CountingTokenizer()
    sd.score_notes(cohort.checkins["note"].drop_duplicates(), scorer=SignScorer(tokenizer=once))
    assert counting.seen == once.seen
    # Each distinct note at most once: a text is tokenised as often as there are distinct
    # notes that normalise to it (仕事は順調💦 and 仕事は順調😅 are both 仕事は順調。).
    notes = cohort.checkins["note"].drop_duplicates()
    per_text = Counter(normalize_text(note) for note in notes)
    assert all(n <= per_text[text] for text, n in counting.seen.items())
    # ... and every note at least once.
    assert counting.seen == per_text


def test_the_shortcuts_score_like_the_object(small_cohort: Cohort, scorer: SignScorer) -> None:
    cohort = small_cohort
    caseload = Caseload(cohort.checkins, cohort.attendance, outcomes=cohort.outcomes, scorer=scorer)
    day = "2025-06-02"
    pd.testing.assert_frame_equal(
        caseload.rank(day),
        sd.rank_graduates(
            cohort.checkins, cohort.attendance, as_of=day, outcomes=cohort.outcomes, scorer=scorer
        ),
    )
    pd.testing.assert_frame_equal(
        caseload.features(day),
        sd.build_features(cohort.checkins, cohort.attendance, as_of=day, scorer=scorer),
    )
    assert caseload.rank(day, top=4).equals(caseload.rank(day).head(4))


# -- building one -----------------------------------------------------------------------


def test_default_as_of_is_the_latest_date(small_cohort: Cohort) -> None:
    caseload = Caseload(small_cohort.checkins, small_cohort.attendance)
    latest = max(small_cohort.checkins["date"].max(), small_cohort.attendance["date"].max())
    assert caseload.as_of_default == pd.Timestamp(latest).normalize()
    assert "scored=False" in repr(caseload)  # nothing scored until something is asked


def test_from_files_quarantines_bad_rows_and_keeps_the_report(tmp_path: Path) -> None:
    checkins = tmp_path / "checkins.csv"
    checkins.write_text(
        "graduate_id,date,channel,note\n"
        "G1,2025-05-01,phone,最近よく眠れていないと話していた\n"
        "G1,2025-13-40,phone,職場の人間関係は落ち着いている\n"
        "G2,2025-05-02,訪問,特に変わりなく元気そう\n",
        encoding="utf-8",
    )
    attendance = tmp_path / "attendance.csv"
    attendance.write_text(
        "graduate_id,date,status\nG1,2025-05-01,出勤\nG2,2025-05-02,欠勤\nG2,2025-05-03,たぶん\n",
        encoding="utf-8",
    )
    with pytest.raises(sd.InputValidationError):
        Caseload.from_files(checkins, attendance)
    caseload = Caseload.from_files(checkins, attendance, errors="quarantine")
    assert len(caseload.checkins) == 2 and len(caseload.attendance) == 2
    assert sorted(caseload.quarantine["line"].tolist()) == [3, 4]
    assert "人間関係" not in caseload.quarantine.to_string()  # never note text
    assert sorted(caseload.rank("2025-05-03")["graduate_id"]) == ["G1", "G2"]


def test_from_files_applies_an_office_s_aliases(tmp_path: Path) -> None:
    attendance = tmp_path / "attendance.csv"
    attendance.write_text("graduate_id,date,status\nG1,2025-05-01,病欠\n", encoding="utf-8")
    checkins = pd.DataFrame(
        {
            "graduate_id": ["G1"],
            "date": ["2025-05-01"],
            "channel": ["phone"],
            "note": ["朝起きるのがつらいと話した"],
        }
    )
    office = {"status": {"absent": ["病欠"]}}
    caseload = Caseload.from_files(checkins, attendance, aliases=office)
    assert caseload.attendance["status"].tolist() == ["absent"]


def test_from_files_rejects_an_unknown_errors_mode(small_cohort: Cohort) -> None:
    with pytest.raises(ValueError, match="errors must be"):
        Caseload.from_files(
            small_cohort.checkins,
            small_cohort.attendance,
            errors="ignore",  # type: ignore[arg-type]
        )


def test_training_and_backtest_need_outcomes(small_cohort: Cohort) -> None:
    caseload = Caseload(small_cohort.checkins, small_cohort.attendance)
    dates = pd.date_range("2025-03-03", periods=4, freq="14D")
    with pytest.raises(ValueError, match="outcomes"):
        caseload.training_set(dates)
    with pytest.raises(ValueError, match="outcomes"):
        caseload.backtest(dates)


def test_a_caseload_config_is_used_unless_a_call_gives_another(small_cohort: Cohort) -> None:
    strict = sd.ScorerConfig.from_mapping(
        {"levels": {"high": 0.01, "medium": 0.005}}, base=sd.ScorerConfig.default()
    )
    caseload = Caseload(small_cohort.checkins, small_cohort.attendance, config=strict)
    day = "2025-06-02"
    high = (caseload.rank(day)["level"] == "high").sum()
    default = caseload.rank(day, config=sd.ScorerConfig.default())
    assert high > (default["level"] == "high").sum()
    assert default.equals(
        sd.rank_graduates(small_cohort.checkins, small_cohort.attendance, as_of=day)
    )


def test_feature_builder_clones_share_a_caseload_s_scored_notes(small_cohort: Cohort) -> None:
    counting = CountingTokenizer()
    caseload = Caseload(
        small_cohort.checkins, small_cohort.attendance, scorer=SignScorer(tokenizer=counting)
    )
    queries = pd.DataFrame({"graduate_id": ["G0001", "G0002"], "as_of": ["2025-05-01"] * 2})
    builder = sd.FeatureBuilder(caseload=caseload).fit(queries)
    tokenised = sum(counting.seen.values())
    for _ in range(3):  # as GridSearchCV does in every fold
        clone(builder).fit(queries).transform(queries)
    assert sum(counting.seen.values()) == tokenised > 0
    direct = caseload.features("2025-05-01").loc[["G0001", "G0002"]].to_numpy()
    np.testing.assert_array_equal(builder.transform(queries), direct)
    with pytest.raises(ValueError, match="not both"):
        sd.FeatureBuilder(caseload=caseload, checkins=small_cohort.checkins).fit(queries)

"""Notes that record an unanswered contact attempt are told apart."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from sign_detect import ConfigError, SignScorer, UnansweredDetector
from sign_detect.features.checkins import score_checkins


@pytest.mark.parametrize(
    ("note", "unanswered"),
    [
        ("電話するも応答なし。留守電にメッセージを残す。", True),
        ("LINE送信、既読つかず。", True),
        ("電話に出なかったため、後日かけ直す。", True),
        ("本人と連絡がとれず、職場に確認した。", True),
        ("ＴＥＬ不在。", True),  # full width: read after NFKC
        ("返信なし", True),
        ("電話で近況確認。特に変わりなし。", False),
        ("上司が不在の日は困るとのこと。", False),
        ("職場の電話に出るのが怖いと話す。", False),
        ("折り返しの連絡あり。", False),
        (None, False),
    ],
)
def test_staff_phrases_for_unanswered_attempts(note: str | None, unanswered: bool) -> None:
    assert UnansweredDetector.default().is_unanswered([note]) == [unanswered]


def test_an_office_brings_its_own_patterns(tmp_path: Path) -> None:
    path = tmp_path / "office.toml"
    path.write_text('patterns = ["不通"]\n', encoding="utf-8")
    office = UnansweredDetector.from_toml(path)
    assert office.is_unanswered(["携帯不通", "応答なし"]) == [True, False]
    bad = tmp_path / "bad.toml"
    bad.write_text('patterns = ["(unclosed"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"bad\.toml"):
        UnansweredDetector.from_toml(bad)


def test_the_scorer_carries_the_detector_into_the_scored_table() -> None:
    checkins = pd.DataFrame(
        {
            "graduate_id": ["G1", "G1"],
            "date": pd.to_datetime(["2025-04-01", "2025-04-08"]),
            "channel": ["phone", "phone"],
            "note": ["携帯不通", "応答なし"],
        }
    )
    office = SignScorer(unanswered=UnansweredDetector(["不通"]))
    assert score_checkins(checkins, scorer=office)["unanswered"].tolist() == [True, False]
    assert score_checkins(checkins)["unanswered"].tolist() == [False, True]

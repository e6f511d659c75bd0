"""The feature specification: names and windows defined once, and outputs pinned.

The golden file holds the bundled samples' ranking and every graduate's points as of one
date, written before the specification and the vectorised scorer replaced the per-row
rules; the redesign must reproduce them exactly. After an intended change of scoring
(a lexicon or weight change), rewrite it with ``python tests/test_feature_spec.py`` and
review the difference.
"""

from __future__ import annotations

import ast
import json
import sys
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import sign_detect as sd
from sign_detect.features.spec import (
    ATTENDANCE,
    CHECKIN,
    FEATURE_NAMES,
    GRADUATE,
    AttendanceFeatures,
    CheckinFeatures,
)
from sign_detect.risk.scorer import ScorerConfig, score_features

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data" / "samples"
GOLDEN = Path(__file__).with_name("golden") / "samples_2025-09-30.json"
AS_OF = "2025-09-30"
PACKAGE = ROOT / "src" / "sign_detect"


def test_every_feature_name_is_unique_and_in_column_order() -> None:
    assert len(FEATURE_NAMES) == len(set(FEATURE_NAMES)) == 86
    assert ATTENDANCE.names + CHECKIN.names + GRADUATE.names == FEATURE_NAMES
    assert sd.FEATURE_NAMES == FEATURE_NAMES


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (CHECKIN.strength("sleep"), "sign_sleep_28d"),
        (CHECKIN.notes("mood"), "sign_mood_n28d"),
        (CHECKIN.sustained_notes, "sign_notes_56d"),
        (CHECKIN.crisis, "sign_crisis_28d"),
        (ATTENDANCE.rate("late", 7), "att_late_rate_7d"),
        (ATTENDANCE.excess("absent"), "att_absent_excess_28d"),
        (ATTENDANCE.bradford, "att_bradford_84d"),
        (GRADUATE.prior, "prior_1y_separation"),
    ],
)
def test_names_are_the_ones_models_and_offices_know(name: str, expected: str) -> None:
    assert name == expected


def test_names_follow_the_windows_they_are_computed_over() -> None:
    shorter = CheckinFeatures(recent=21, sustained=42)
    assert shorter.crisis == "sign_crisis_21d" and shorter.sustained_notes == "sign_notes_42d"
    weekly = AttendanceFeatures(recent=14, windows=(7, 14), spells_window=56)
    assert weekly.names[:2] == ["att_days_7d", "att_days_14d"]
    assert weekly.bradford == "att_bradford_56d" and weekly.hours_ratio == "att_hours_ratio_14d"
    assert CHECKIN.baseline_weeks == 24


def _code_strings(path: Path) -> set[str]:
    """String constants of a module's code, docstrings left out."""
    tree = ast.parse(path.read_text("utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
    }
    return {
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
    }


def test_no_module_but_the_specification_spells_a_feature_name() -> None:
    spelled = {
        str(path.relative_to(PACKAGE)): sorted(_code_strings(path) & set(FEATURE_NAMES))
        for path in PACKAGE.rglob("*.py")
        if path.relative_to(PACKAGE).as_posix() != "features/spec.py"
    }
    assert {module: names for module, names in spelled.items() if names} == {}


def _current() -> dict[str, Any]:
    """The samples' ranking at AS_OF and every graduate's default points, as JSON data."""
    paths = {name: SAMPLES / f"{name}.csv" for name in ("checkins", "attendance", "graduates")}
    ranking = sd.rank_graduates(
        paths["checkins"],
        paths["attendance"],
        as_of=AS_OF,
        graduates=paths["graduates"],
        outcomes=SAMPLES / "outcomes.csv",
    )
    features = sd.build_features(
        paths["checkins"], paths["attendance"], as_of=AS_OF, graduates=paths["graduates"]
    )
    scored = score_features(features, ScorerConfig.default(), pd.Timestamp(AS_OF))
    return {
        "ranking": [
            {
                "graduate_id": row.graduate_id,
                "rank": int(row.rank),
                "risk": float(row.risk),
                "level": str(row.level),
                "reasons": list(row.reasons),
            }
            for row in ranking.itertuples()
        ],
        "points": {str(gid): float(p) for gid, p in scored["points"].items()},
        "reasons": {str(gid): list(r) for gid, r in scored["reasons"].items()},
    }


def test_the_samples_rank_as_they_did_before_the_redesign() -> None:
    expected = json.loads(GOLDEN.read_text("utf-8"))
    current = _current()
    assert current["ranking"] == expected["ranking"]
    assert current["points"] == expected["points"]  # exact: the same sums in the same order
    assert current["reasons"] == expected["reasons"]


if __name__ == "__main__":  # rewrite the golden file after an intended change
    GOLDEN.parent.mkdir(exist_ok=True)
    GOLDEN.write_text(json.dumps(_current(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    sys.exit(0)

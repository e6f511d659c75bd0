"""Write the golden fixtures of tests/test_caseload.py (run at the commit to compare with).

    PYTHONPATH=$PWD/src python tests/golden/capture.py

Synthetic data only: the bundled samples (data/samples) and the evaluation notes
(data/eval/signs_eval.tsv). Risks are kept as the library rounds them (4 places);
features and sign strengths are written as pandas writes floats (shortest repr), so a
read-back compares exactly.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

import sign_detect as sd

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "data" / "samples"
EVAL = ROOT / "data" / "eval" / "signs_eval.tsv"
HERE = Path(__file__).resolve().parent

#: The as-of dates the golden rankings are taken at (samples run to 2025-09-30).
RANK_DATES = ["2025-05-31", "2025-07-31", "2025-09-30"]
FEATURES_DATE = "2025-08-15"


def sample_paths() -> dict[str, Path]:
    """The bundled sample files by table name."""
    return {
        name: SAMPLES / f"{name}.csv"
        for name in ("checkins", "attendance", "graduates", "outcomes")
    }


def eval_notes() -> pd.Series:
    """The notes of the labelled evaluation set, in file order."""
    frame = pd.read_csv(EVAL, sep="\t", comment="#", dtype=str, keep_default_na=False)
    return frame["text"]


def rankings_before() -> pd.DataFrame:
    """Rankings of the samples at :data:`RANK_DATES`, stacked, reasons joined by ``/``."""
    paths = sample_paths()
    frames = []
    for day in RANK_DATES:
        ranking = sd.rank_graduates(
            paths["checkins"],
            paths["attendance"],
            as_of=day,
            graduates=paths["graduates"],
            outcomes=paths["outcomes"],
        )
        frames.append(flat_ranking(ranking, day))
    return pd.concat(frames, ignore_index=True)


def flat_ranking(ranking: pd.DataFrame, day: str) -> pd.DataFrame:
    """A ranking as plain columns (``as_of`` first; reasons joined by ``/``)."""
    flat = ranking.assign(
        reasons=ranking["reasons"].map("/".join), level=ranking["level"].astype(str)
    )
    return flat.assign(as_of=day)[["as_of", *ranking.columns]]


def notes_scores(notes: pd.Series | pd.DataFrame) -> pd.DataFrame:
    """``score_notes`` output without any note text column."""
    return sd.score_notes(notes).reset_index(drop=True)


def main() -> None:
    paths = sample_paths()
    rankings_before().to_csv(HERE / "samples_rankings.csv", index=False)
    features = sd.build_features(
        paths["checkins"], paths["attendance"], as_of=FEATURES_DATE, graduates=paths["graduates"]
    )
    features.to_csv(HERE / "samples_features.csv")
    notes_scores(sd.load_checkins(paths["checkins"])).to_csv(
        HERE / "samples_signs.csv", index=False
    )
    notes_scores(eval_notes()).to_csv(HERE / "eval_signs.csv", index=False)


if __name__ == "__main__":
    main()

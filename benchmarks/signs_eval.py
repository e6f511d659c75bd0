"""Evaluate the small-sign scorer on the labelled set in data/eval/signs_eval.tsv.

Prints per-category precision, recall and F1 on the held-out part (and the tuning part),
the false-positive rate on negated / resolved / healthy notes, and the same figures for a
naive substring-keyword baseline measured on the same notes in the same run.

    python benchmarks/signs_eval.py [--split NAME] [--show-errors]

NAME is tune, heldout, heldout2 ... heldout9, realA ... realI, or a group: real (the
real-style batches pooled), synthetic (the rest) or all. The file's header says how each
part was used: every batch was scored once while held out (the figures are in the README),
then its errors were used, so today's figures on these batches flatter the library; a new
writer's batch, scored once, is the fair estimate for how people really write.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import pandas as pd

from sign_detect import CATEGORIES, score_notes

EVAL = Path(__file__).resolve().parents[1] / "data" / "eval" / "signs_eval.tsv"

# What a first attempt looks like: surface keywords, no grammar.
BASELINE_KEYWORDS = {
    "sleep": ["眠", "寝", "睡眠", "目が覚め", "昼夜逆転"],
    "fatigue": ["疲れ", "だるい", "ぐったり", "しんどい", "疲労", "集中"],
    "supervisor": ["上司", "指示", "叱", "怒られ"],
    "coworkers": ["同僚", "先輩", "孤立", "陰口", "人間関係", "雑談"],
    "workload": ["残業", "仕事量", "ミス", "締め切り", "忙しい", "業務"],
    "mood": ["不安", "イライラ", "憂うつ", "落ち込", "涙", "焦", "つらい"],
    "physical": ["頭痛", "腹痛", "吐き気", "めまい", "動悸", "胃", "体調"],
    "appetite": ["食欲", "食べ", "体重"],
    "medication": ["薬", "通院", "頓服", "服薬"],
    "quit_intent": ["辞め", "行きたくない", "休職", "転職", "退職"],
}


#: Kinds of notes with no current sign of the graduate (their labels are empty).
HEALTHY_KINDS = [
    "negated", "resolved", "neutral", "positive", "other", "general", "wish", "success",
]


def load_eval(split: str = "heldout") -> pd.DataFrame:
    frame = pd.read_csv(EVAL, sep="\t", comment="#", dtype=str, keep_default_na=False)
    frame["labels"] = frame["labels"].str.strip()
    real = frame["split"].str.startswith("real")
    if split == "real":  # every real-style batch, pooled
        frame = frame[real]
    elif split == "synthetic":
        frame = frame[~real]
    elif split != "all":
        known = sorted(set(frame["split"]))
        if split not in known:
            raise SystemExit(
                f"unknown split {split!r}; the file has {', '.join(known)} "
                "(or real, synthetic, all)"
            )
        frame = frame[frame["split"] == split]
    return frame.reset_index(drop=True)


def truth_matrix(frame: pd.DataFrame) -> pd.DataFrame:
    sets = frame["labels"].map(lambda s: set(filter(None, (x.strip() for x in s.split(",")))))
    return pd.DataFrame({c: sets.map(lambda s, c=c: c in s) for c in CATEGORIES})


def library_predictions(frame: pd.DataFrame) -> pd.DataFrame:
    scores = score_notes(frame, text_column="text")
    return pd.DataFrame({c: scores[f"sign_{c}"].gt(0).to_numpy() for c in CATEGORIES})


def baseline_predictions(frame: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            c: frame["text"].map(lambda t, ks=ks: any(k in t for k in ks)).to_numpy()
            for c, ks in BASELINE_KEYWORDS.items()
        }
    )


def report(frame: pd.DataFrame, pred: pd.DataFrame) -> tuple[pd.DataFrame, float, float]:
    truth = truth_matrix(frame)
    rows = []
    for c in CATEGORIES:
        tp = int((truth[c] & pred[c]).sum())
        fp = int((~truth[c] & pred[c]).sum())
        fn = int((truth[c] & ~pred[c]).sum())
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        rows.append({"category": c, "support": tp + fn, "precision": p, "recall": r, "f1": f})
    table = pd.DataFrame(rows).set_index("category")
    healthy = frame["kind"].isin(HEALTHY_KINDS).to_numpy()
    negated = frame["kind"].isin(["negated", "resolved"]).to_numpy()
    any_pred = pred.any(axis=1).to_numpy()
    fp_negated = float(any_pred[negated].mean()) if negated.any() else 0.0
    fp_healthy = float(any_pred[healthy].mean()) if healthy.any() else 0.0
    return table, fp_negated, fp_healthy


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--split",
        default="heldout",
        help="tune, heldout2 ..., realA ... (see the file's header), real, synthetic or all",
    )
    parser.add_argument("--show-errors", action="store_true")
    args = parser.parse_args()
    frame = load_eval(args.split)
    print(f"evaluation set: {len(frame)} notes (split={args.split})\n")
    results = {}
    for name, pred in (
        ("sign_detect", library_predictions(frame)),
        ("substring baseline", baseline_predictions(frame)),
    ):
        table, fp_neg, fp_healthy = report(frame, pred)
        results[name] = (table["f1"].mean(), fp_neg, fp_healthy)
        print(f"== {name}")
        print(table.round(3).to_string())
        print(
            f"macro F1 {table['f1'].mean():.3f}; false positives: negated/resolved notes "
            f"{fp_neg:.1%}, all healthy notes {fp_healthy:.1%}\n"
        )
        if args.show_errors and name == "sign_detect":
            truth = truth_matrix(frame)
            wrong = (truth != pred).any(axis=1)
            for i in frame.index[wrong]:
                print(
                    "  ",
                    frame.at[i, "labels"] or "-",
                    "->",
                    ",".join(c for c in CATEGORIES if pred.at[i, c]) or "-",
                    "|",
                    frame.at[i, "text"],
                )
            print()
    lib, base = results["sign_detect"], results["substring baseline"]
    print(
        f"summary: macro F1 {lib[0]:.3f} vs baseline {base[0]:.3f}; "
        f"negated FP {lib[1]:.1%} vs {base[1]:.1%}"
    )


if __name__ == "__main__":
    main()

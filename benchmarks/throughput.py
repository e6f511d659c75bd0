"""Throughput and memory of score_notes against bare fugashi tokenisation.

Both are measured in the same run on the same notes, alternating, several times; the
median of the paired ratios is printed, so the figure holds on a shared, noisy machine.
Two pools of distinct notes are used (distinct, so deduplication does not help):

* ``numbered``: each simulated note behind a unique "<n>日目。" sentence. Every note then
  holds one word never seen before, which costs a feature read in the tokenizer.
* ``paired``: two simulated notes joined by a line break (as in a LINE message), no
  invented words: closer to real notes.

Peak memory (tracemalloc, Python allocations) is measured at several batch sizes by
streaming synthetic notes through score_notes in chunks.

    python benchmarks/throughput.py [--notes 20000] [--sizes 10000 100000 1000000]
"""

from __future__ import annotations

import argparse
import statistics
import time
import tracemalloc

import fugashi
import numpy as np
import pandas as pd
import unidic_lite

from sign_detect import SignScorer, Tokenizer, score_notes
from sign_detect.simulate import simulate_cohort


def _simulated_notes(n: int, seed: int) -> list[str]:
    return simulate_cohort(max(40, n // 30), days=365, seed=seed).checkins["note"].tolist()


def note_pool(n: int, seed: int = 0) -> list[str]:
    """Synthetic notes, each behind a unique numbered sentence."""
    notes = _simulated_notes(n, seed)
    rng = np.random.default_rng(seed)
    picks = rng.integers(0, len(notes), n)
    return [f"{i}日目。{notes[p]}" for i, p in enumerate(picks)]


def paired_pool(n: int, seed: int = 0) -> list[str]:
    """Synthetic notes made of two simulated notes each, all distinct, no invented words."""
    notes = list(dict.fromkeys(_simulated_notes(n, seed)))
    rng = np.random.default_rng(seed)
    pool: dict[str, None] = {}
    while len(pool) < n:
        a, b = rng.integers(0, len(notes), 2)
        pool[f"{notes[a]}\n{notes[b]}"] = None
    return list(pool)


def bare_tokenisation(notes: list[str]) -> float:
    tagger = fugashi.Tagger(f'-d "{unidic_lite.DICDIR}"')
    start = time.perf_counter()
    for text in notes:
        for node in tagger(text):
            node.surface  # noqa: B018 - the minimum any fugashi user reads
    return time.perf_counter() - start


def feature_tokenisation(notes: list[str]) -> float:
    """fugashi reading the fields lemma matching needs (lemma, pos1, pos2, cType)."""
    tagger = fugashi.Tagger(f'-d "{unidic_lite.DICDIR}"')
    start = time.perf_counter()
    for text in notes:
        [
            (w.surface, w.feature.lemma, w.feature.pos1, w.feature.pos2, w.feature.cType)
            for w in tagger(text)
        ]
    return time.perf_counter() - start


def scoring(notes: list[str], scorer: SignScorer) -> float:
    frame = pd.DataFrame({"note": notes})
    start = time.perf_counter()
    score_notes(frame, scorer=scorer)
    return time.perf_counter() - start


def peak_memory(n: int, chunk: int = 50_000) -> float:
    """Peak traced MiB while scoring ``n`` notes streamed in chunks of ``chunk``."""
    pool = note_pool(min(n, 20_000), seed=1)
    scorer = SignScorer(tokenizer=Tokenizer())
    tracemalloc.start()
    total = 0
    for lo in range(0, n, chunk):
        size = min(chunk, n - lo)
        notes = [f"{lo + i}。{pool[(lo + i) % len(pool)]}" for i in range(size)]
        out = score_notes(pd.DataFrame({"note": notes}), scorer=scorer)
        total += len(out)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert total == n
    return peak / 2**20


def paired_ratios(notes: list[str], scorer: SignScorer, repeats: int) -> dict[str, float]:
    """Median seconds of each method and median paired ratios, runs alternating."""
    runs: dict[str, list[float]] = {"bare": [], "features": [], "ours": []}
    for _ in range(repeats):
        runs["bare"].append(bare_tokenisation(notes))
        runs["features"].append(feature_tokenisation(notes))
        runs["ours"].append(scoring(notes, scorer))
    pairs = list(zip(runs["bare"], runs["features"], runs["ours"], strict=True))
    return {
        "bare": statistics.median(runs["bare"]),
        "features": statistics.median(runs["features"]),
        "ours": statistics.median(runs["ours"]),
        "ratio": statistics.median(o / b for b, _, o in pairs),
        "ratio_features": statistics.median(o / f for _, f, o in pairs),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--notes", type=int, default=20_000, help="notes for the speed ratio")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--sizes", type=int, nargs="*", default=[10_000, 100_000, 1_000_000])
    args = parser.parse_args()
    # Steady state, as in a batch job: one scorer, warmed up on other notes first.
    scorer = SignScorer(tokenizer=Tokenizer())
    warm = note_pool(5_000, seed=7)
    bare_tokenisation(warm), scoring(warm, scorer)
    for name, notes in (
        ("numbered", note_pool(args.notes)),
        ("paired", paired_pool(args.notes)),
    ):
        scoring(notes[:2000], scorer)
        r = paired_ratios(notes, scorer, args.repeats)
        n = len(notes)
        print(f"pool {name!r}: {n} distinct notes, median of {args.repeats} alternating runs")
        print(f"  bare fugashi tokenisation (surfaces): {n / r['bare']:10,.0f} notes/s")
        print(f"  fugashi reading lemma + POS:          {n / r['features']:10,.0f} notes/s")
        print(f"  score_notes:                          {n / r['ours']:10,.0f} notes/s")
        print(f"  cost ratio score_notes / bare tokenisation: {r['ratio']:.2f}x")
        print(
            f"  cost ratio score_notes / lemma+POS tokenisation: {r['ratio_features']:.2f}x"
            " (target <= 1.5x)"
        )
    print("\npeak traced memory while streaming notes through score_notes (chunks of 50k):")
    for n in args.sizes:
        start = time.perf_counter()
        mib = peak_memory(n)
        print(f"  {n:>9,} notes: {mib:7.1f} MiB   ({time.perf_counter() - start:.0f} s)")


if __name__ == "__main__":
    main()

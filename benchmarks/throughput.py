"""Throughput and memory of score_notes against bare fugashi tokenisation.

Both are measured in the same run on the same notes, so the ratio is meaningful on a
shared, noisy machine. Peak memory (tracemalloc, Python allocations) is measured at
several batch sizes by streaming synthetic notes through score_notes in chunks.

    python benchmarks/throughput.py [--sizes 10000 100000 1000000] [--unique]
"""

from __future__ import annotations

import argparse
import time
import tracemalloc

import fugashi
import numpy as np
import pandas as pd
import unidic_lite

from sign_detect import SignScorer, Tokenizer, score_notes
from sign_detect.simulate import simulate_cohort


def note_pool(n: int, seed: int = 0) -> list[str]:
    """Synthetic notes; each gets a distinct prefix so deduplication does not help."""
    notes = simulate_cohort(max(40, n // 30), days=365, seed=seed).checkins["note"].tolist()
    rng = np.random.default_rng(seed)
    picks = rng.integers(0, len(notes), n)
    return [f"{i}日目。{notes[p]}" for i, p in enumerate(picks)]


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--notes", type=int, default=20_000, help="notes for the speed ratio")
    parser.add_argument("--sizes", type=int, nargs="*", default=[10_000, 100_000, 1_000_000])
    args = parser.parse_args()
    notes = note_pool(args.notes)
    # Steady state, as in a batch job: one scorer, warmed up on other notes first.
    scorer = SignScorer(tokenizer=Tokenizer())
    warm = note_pool(5_000, seed=7)
    bare_tokenisation(warm), scoring(warm, scorer)
    bare = min(bare_tokenisation(notes) for _ in range(2))
    features = min(feature_tokenisation(notes) for _ in range(2))
    ours = min(scoring(notes, scorer) for _ in range(2))
    print(f"notes: {len(notes)} (distinct)")
    print(f"bare fugashi tokenisation (surfaces): {len(notes) / bare:10,.0f} notes/s")
    print(f"fugashi reading lemma + POS:          {len(notes) / features:10,.0f} notes/s")
    print(f"score_notes:                          {len(notes) / ours:10,.0f} notes/s")
    print(f"cost ratio score_notes / bare tokenisation:        {ours / bare:.2f}x  (target <= 2x)")
    print(f"cost ratio score_notes / lemma+POS tokenisation:   {ours / features:.2f}x")
    print("\npeak traced memory while streaming notes through score_notes (chunks of 50k):")
    for n in args.sizes:
        start = time.perf_counter()
        mib = peak_memory(n)
        print(f"  {n:>9,} notes: {mib:7.1f} MiB   ({time.perf_counter() - start:.0f} s)")


if __name__ == "__main__":
    main()

"""The batch path (signs only) finds exactly the sign cues of the full judgement."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from sign_detect import Grammar, Lexicon, Tokenizer
from sign_detect.text.matching import find_cues
from sign_detect.text.normalize import normalize_text

EVAL = Path(__file__).resolve().parents[1] / "data" / "eval" / "signs_eval.tsv"


def test_signs_only_returns_the_sign_cues_of_the_full_judgement(tokenizer: Tokenizer) -> None:
    lexicon, grammar = Lexicon.default(), Grammar.default()
    notes = pd.read_csv(EVAL, sep="\t", comment="#", dtype=str, keep_default_na=False)["text"]
    compared = 0
    for note in notes:
        tokens = tokenizer.tokenize(normalize_text(note))
        full = find_cues(tokens, lexicon, grammar)
        signs = find_cues(tokens, lexicon, grammar, signs_only=True)
        assert signs == [cue for cue in full if cue.strength > 0], note
        compared += len(full) > len(signs)
    assert compared > 20  # many notes hold cues that are not signs (negated, resolved)

"""The shipped lexicon file is well formed: every entry parses, none is repeated."""

from __future__ import annotations

from collections import Counter
from importlib import resources

from sign_detect import Lexicon
from sign_detect.text.lexicon import _read_tsv


def test_every_shipped_entry_is_used_once() -> None:
    text = resources.files("sign_detect.data").joinpath("lexicon.tsv").read_text("utf-8")
    rows = _read_tsv(text)
    keys = Counter((row["category"], " ".join(str(row["pattern"]).split())) for row in rows)
    assert [key for key, n in keys.items() if n > 1] == []
    assert len(Lexicon.default()) == len(rows)


def test_crisis_entries_are_mood_signs() -> None:
    crisis = [e for e in Lexicon.default().entries if e.crisis]
    assert crisis and all(e.category == "mood" and e.weight == 1.0 for e in crisis)

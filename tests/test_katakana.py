"""Katakana runs the tagger cannot read as words are rewritten in hiragana."""

from __future__ import annotations

import pytest

from sign_detect.text.katakana import KatakanaReader
from sign_detect.text.tokenizer import Tokenizer


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("ネムレナイ", "ねむれない"),  # one unknown word
        ("ダルイ", "だるい"),  # ダル + イ: a one-character piece
        ("シニタイ日もある", "しにたい日もある"),
        ("ストレスがある", "ストレスがある"),  # a loanword the dictionary knows
        ("メンタルクリニック", "メンタルクリニック"),  # two known words
        ("ツライ", "ツライ"),  # UniDic knows this spelling
        ("眠れない", "眠れない"),
    ],
)
def test_runs_are_kept_or_read_as_hiragana(tokenizer: Tokenizer, text: str, read: str) -> None:
    reader = KatakanaReader(tokenizer)
    assert reader.read(text) == read
    assert len(reader.read(text)) == len(text)


def test_decisions_are_cached_and_bounded(tokenizer: Tokenizer) -> None:
    reader = KatakanaReader(tokenizer, max_cached=3)
    for word in ["ネムイ", "ダルイ", "シフト", "パート", "ネムレナイ"]:
        reader.read(word)
    assert len(reader._forms) <= 3

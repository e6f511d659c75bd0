"""Normalisation keeps a map back to the text as written."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sign_detect.text.normalize import normalize, normalize_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ｼﾝﾄﾞｲ", "シンドイ"),  # half-width katakana, voicing mark composed
        ("眠れない!!!😢😢", "眠れない!。"),  # repeated marks collapse, an emoji run is one break
        ("疲れた。😢", "疲れた。"),  # an emoji after a full stop adds nothing
        ("１２時に寝た", "12時に寝た"),
        ("頭痛\nめまい", "頭痛。めまい"),  # a line break ends a sentence
        ("a\x00b", "a b"),
        ("よく眠れています", "よく眠れています"),
    ],
)
def test_normalised_forms(text: str, expected: str) -> None:
    assert normalize(text)[0] == expected
    assert normalize_text(text) == expected


_noisy = st.text(
    alphabet="眠れないｼﾝﾄﾞｲﾊﾞｶﾞ!！？。、…ー〜~-.😢🇯🇵\u200d\ufe0f\x00\x85\n\r ＡＢ１abcﾞﾟ\u3099かÅ\u0301",
    max_size=40,
)


@settings(max_examples=300, deadline=None)
@given(_noisy)
def test_offsets_point_into_the_original_text(text: str) -> None:
    norm, offsets = normalize(text)
    assert normalize_text(text) == norm
    if offsets is None:
        assert len(norm) == len(text)
        return
    assert len(offsets) == len(norm)
    assert offsets == sorted(offsets)
    assert all(0 <= o < len(text) for o in offsets)

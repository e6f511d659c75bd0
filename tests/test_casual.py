"""Casual spellings read as standard forms, with offsets back into the text as written."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sign_detect import score_text
from sign_detect.text.casual import read_casual
from sign_detect.text.normalize import normalize


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("行きたくねー", "行きたくない"),
        ("行きたくねぇ", "行きたくない"),
        ("わかんねえ", "わかんない"),
        ("眠れなーい", "眠れない"),
        ("つらいぃぃ", "つらい"),
        ("むりっっ", "むり"),
        ("ぼーっとする", "ぼーっとする"),  # a word with ー stays
        ("行った", "行った"),  # a single っ inside a word stays
        ("行きたくなか", "行きたくない"),  # Kyushu
        ("遠くなかった", "遠くなかった"),  # なかった is no Kyushu なか
        ("まじだりぃ", "まじだるい"),
        ("つれぇわ", "つらいわ"),
        ("スーパーに寄った", "スーパーに寄った"),  # katakana long vowels stay
    ],
)
def test_casual_forms_are_read(text: str, read: str) -> None:
    assert read_casual(text)[0] == read


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("会社行きたくねーー", "quit_intent"),
        ("ねむれねーーー", "sleep"),
        ("しんどぉぉ", "fatigue"),
        ("つらーい", "mood"),
    ],
)
def test_casual_signs_are_found_and_spans_point_into_the_text(text: str, category: str) -> None:
    result = score_text(text)
    assert category in result.detected
    for hit in result.hits:
        assert text[hit.start : hit.end] == hit.surface
        assert hit.surface


@given(st.text(alphabet="あいうえおかくけねんっーぇェぃ眠れ行き会社 。", max_size=30))
def test_offsets_always_point_into_the_original(text: str) -> None:
    norm, offsets = normalize(text)
    if offsets is None:
        assert len(norm) == len(text)
    else:
        assert len(offsets) == len(norm)
        assert all(0 <= o < len(text) for o in offsets)
        assert offsets == sorted(offsets)

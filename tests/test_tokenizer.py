"""The tokenizer's fast path (surface + context ids) gives the same tokens as reading
features, and its memos stay bounded."""

from __future__ import annotations

import functools
import threading
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sign_detect import Grammar, Tokenizer
from sign_detect.text.grammar import NEGATION, PASSABLE, SENTENCE_END
from sign_detect.text.tokenizer import (
    _FEATURE_FORMAT,
    _UNKNOWN_FEATURE_FORMAT,
    Token,
    TokenCache,
    _new_tagger,
    _token_from_features,
)

NOTES = [
    "なんだか最近、眠りが浅い気がする",
    "新しい上司の指示が、少し分かりにくい",
    "疲れが溜まってきたかも…",
    "本人より『仕事を辞めたいと思うことがある』との話あり。",
    "ｼﾝﾄﾞｲ。ﾈﾑﾚﾅｲ日が続く",
    "1234日目。タナカさんとヨシダさんに相談",
    "寝れへんし、かけるかける書ける欠ける",
    "Excelの入力ミスが3回続いた",
]


@functools.cache
def _feature_tagger() -> Any:
    """One reference tagger for the module (each tagger keeps ~40 MB for good)."""
    return _new_tagger(_FEATURE_FORMAT, _UNKNOWN_FEATURE_FORMAT)


def _read_features(text: str) -> list[tuple[str, ...]]:
    """Tokens as the slow path reads them: every field printed by MeCab."""
    output = _feature_tagger().parse(text)
    return [_fields(_token_from_features(line)) for line in output.split("\n")] if output else []


def _fields(token: Token) -> tuple[str, ...]:
    return (token.surface, token.lemma, token.pos1, token.pos2, token.ctype, token.alt)


@pytest.mark.parametrize("text", NOTES)
def test_cold_and_warm_tokenizers_agree_with_the_features(text: str) -> None:
    tokenizer = Tokenizer()
    cold = [_fields(t) for t in tokenizer.tokenize(text)]  # every key new: features read
    warm = [_fields(t) for t in tokenizer.tokenize(text)]  # every key known: no features
    assert cold == warm == _read_features(text)


def test_unknown_words_reuse_the_part_of_speech_of_their_ids() -> None:
    tokenizer = Tokenizer()
    tokenizer.tokenize("1234日目")
    (number, *_) = tokenizer.tokenize("98765日目")  # new unknown word, ids seen before
    assert (number.surface, number.lemma, number.pos1, number.pos2) == (
        "98765",
        "98765",
        "名詞",
        "数詞",
    )


def test_known_entries_are_interned() -> None:
    tokenizer = Tokenizer()
    first = tokenizer.tokenize("眠れない日が続く")
    second = tokenizer.tokenize("今日も眠れない")
    assert first[0] is second[2]  # 眠れ: one object for one dictionary entry


def test_interned_tokens_stay_bounded() -> None:
    tokenizer = Tokenizer(max_interned=50)
    for k in range(300):
        tokenizer.tokenize(f"{k}回目の面談で眠れないと話す")
    assert len(tokenizer._known) <= 50 + 10


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="眠れないず疲はがも、。ｼﾝﾄﾞｲ上司辞めたい1234 abcアイウ😢\n\t", max_size=40))
def test_fast_path_matches_features_on_any_mix(text: str) -> None:
    text = text.replace("\x00", "")
    tokenizer = Tokenizer()
    tokenizer.tokenize(text)
    assert [_fields(t) for t in tokenizer.tokenize(text)] == _read_features(text)


def test_tokenizers_in_threads_agree() -> None:
    tokenizer = Tokenizer()
    expected = [[_fields(t) for t in tokenizer.tokenize(n)] for n in NOTES]
    results: list[list[list[tuple[str, ...]]]] = []

    def work() -> None:
        results.append([[_fields(t) for t in tokenizer.tokenize(n)] for n in NOTES * 20])

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [expected * 20] * 4


def test_token_cache_computes_once_and_is_bounded() -> None:
    calls: list[str] = []

    def compute(token: Token) -> int:
        calls.append(token.surface)
        return len(token.surface)

    cache = TokenCache(compute, max_size=3)
    tokens = Tokenizer().tokenize("眠れない日が続く")
    assert list(map(cache.__getitem__, tokens)) == [len(t.surface) for t in tokens]
    assert len(cache) <= 3
    cache[tokens[0]]
    assert calls.count(tokens[0].surface) <= 2


def test_grammar_classes_name_negation_scope_and_sentence_ends(tokenizer: Tokenizer) -> None:
    grammar = Grammar.default()
    tokens = tokenizer.tokenize("眠れないわけではない。")
    flags = dict(zip([t.surface for t in tokens], grammar.flags(tokens), strict=False))
    assert flags["ない"] & NEGATION
    assert flags["わけ"] & PASSABLE
    assert flags["。"] & SENTENCE_END
    assert not flags["眠れ"] & (NEGATION | PASSABLE)


def test_tokenizers_in_one_thread_share_its_taggers() -> None:
    """A tagger keeps its memory for good, so a new Tokenizer must not start new ones."""
    first, second = Tokenizer(), Tokenizer(max_interned=10)
    first.warm_up()
    assert second._key_tagger() is first._key_tagger()
    assert second._feature_tagger() is first._feature_tagger()
    other: list[object] = []
    thread = threading.Thread(target=lambda: other.append(Tokenizer()._key_tagger()))
    thread.start()
    thread.join()
    assert other[0] is not first._key_tagger()

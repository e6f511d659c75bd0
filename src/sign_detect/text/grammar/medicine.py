"""Symptoms put down to the medicine (side effects)."""

from __future__ import annotations

from collections.abc import Sequence

from ..tokenizer import Token
from .classes import (
    SENTENCE_END,
)
from .config import GrammarConfig
from .spans import _by_first_word, _matches_at, _starting


def is_medicine(tokens: Sequence[Token], k: int, config: GrammarConfig) -> bool:
    """True when a word of a medicine starts at ``k`` (薬, 眠剤, 抗うつ薬, a brand name the
    tagger may split: リー + マス); see ``[side_effect]``."""
    rule = config.side_effect
    token = tokens[k]
    if token.pos1 == "名詞" and token.surface.endswith(rule.medicine_endings):
        return True
    return any(_matches_at(tokens, k, seq) for seq in _starting(rule.medicines, token))


#: Particles that give a cause its own object (お酒を飲むと): no bare cause then.
_OBJECT = frozenset({"を", "は", "も"})


def side_effect_sentences(
    tokens: Sequence[Token], flags: Sequence[int], config: GrammarConfig
) -> list[tuple[int, int]]:
    """``(start, end)`` (inclusive) of the sentences that put a symptom down to the medicine:
    a medicine word, then a cause (薬のせいか, 薬を変えてから, 薬を飲むと), or 副作用."""
    rule = config.side_effect
    own_causes, all_causes = rule.own_cause_set, rule.all_causes
    firsts = _by_first_word(all_causes)
    if not any(t.lemma in firsts or t.surface in firsts for t in tokens):
        return []
    found: list[tuple[int, int]] = []
    start, previous, medicine, caused, named = 0, -1, -1, False, False
    # recall: a bare cause (飲むと, no object before it) whose medicine is named later in
    # its sentence or in the sentence before (薬、飲んでない…飲むと眠くなって…).
    bare, named_before = False, False
    for m in range(len(tokens)):
        if not caused:
            if medicine < 0 and is_medicine(tokens, m, config):
                medicine = m
            for cause in _starting(all_causes, tokens[m]):
                if _matches_at(tokens, m, cause):
                    named = cause in own_causes  # 副作用 needs no medicine before it
                    caused = named or 0 <= medicine < m
                    if caused:
                        break
                    if medicine < 0 and (m == start or tokens[m - 1].lemma not in _OBJECT):
                        bare = True
        if flags[m] & SENTENCE_END or m == len(tokens) - 1:
            if not caused and bare and (medicine >= 0 or named_before):
                caused = True
            named_before = medicine >= 0
            bare = False
            if caused:
                if (
                    named
                    and previous >= 0
                    and any(
                        t.lemma == "か" or t.surface in ("?", "？") for t in tokens[start : m + 1]
                    )
                ):
                    found.append((previous, start - 1))  # 手が震えます。副作用でしょうか。
                found.append((start, m))
            previous = start
            start, medicine, caused, named = m + 1, -1, False, False
    return found

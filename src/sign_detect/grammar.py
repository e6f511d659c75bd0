"""Negation, hedges, intensifiers and resolved-past rules, driven by ``data/grammar.toml``.

Each rule is a small pure function over a sentence's token list. The trigger words are
data (an office may pass its own file to :meth:`Grammar.from_toml`).

Examples
--------
>>> from sign_detect.tokenizer import Tokenizer
>>> g = Grammar.default()
>>> tokens = Tokenizer().tokenize("疲れていないわけではない")
>>> g.negation_count(tokens, 0)
2
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from .errors import ConfigError
from .tokenizer import Token

__all__ = ["CueSpan", "Grammar"]

Seq = tuple[str, ...]

#: How many tokens before a cue (and after its clause) the resolved-past rules look at.
_WINDOW = 12


@cache
def _first_words(seqs: tuple[Seq, ...]) -> frozenset[str]:
    """First words of a list of sequences, to skip most positions without a full compare."""
    return frozenset(seq[0] for seq in seqs if seq)


@dataclass(frozen=True, slots=True)
class CueSpan:
    """Token positions of a cue (``first..last``), its sentence and its clause end."""

    first: int
    last: int
    sentence_start: int
    sentence_end: int
    clause_end: int


def _matches_at(tokens: Sequence[Token], start: int, seq: Seq) -> bool:
    if start + len(seq) > len(tokens):
        return False
    return all(
        tokens[start + k].lemma == s or tokens[start + k].surface == s for k, s in enumerate(seq)
    )


class Grammar(BaseModel):
    """Trigger words for the polarity rules (see ``data/grammar.toml`` for each one)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    negation_ctypes: frozenset[str]
    negation_lemmas: frozenset[str]
    pass_pos1: frozenset[str]
    pass_pos2: frozenset[str]
    transparent: frozenset[str]
    clause_particles: frozenset[str]
    clause_pos2: frozenset[str]
    sentence_pos2: frozenset[str]
    sentence_surfaces: frozenset[str]
    hedge_before: frozenset[str]
    hedge_after: tuple[Seq, ...]
    intensifier_before: frozenset[str]
    intensifier_after: tuple[Seq, ...]
    conditional_surfaces: frozenset[str]
    past_markers: frozenset[str]
    present_markers: frozenset[str]
    past_ctypes: frozenset[str]
    recovery_after: tuple[Seq, ...]
    hedged_factor: float
    intensified_factor: float

    # -- construction ------------------------------------------------------------------
    @classmethod
    def default(cls) -> Grammar:
        """The grammar shipped with sign_detect."""
        return _default_grammar()

    @classmethod
    def from_toml(cls, path: str | os.PathLike[str]) -> Grammar:
        """Load a grammar file with the same sections as the shipped ``grammar.toml``."""
        return cls.from_mapping(tomllib.loads(Path(path).read_text("utf-8")), str(path))

    @classmethod
    def from_mapping(cls, data: dict[str, Any], where: str = "<grammar>") -> Grammar:
        def seqs(items: list[str]) -> tuple[Seq, ...]:
            return tuple(tuple(item.split()) for item in items)

        try:
            return cls(
                negation_ctypes=data["negation"]["aux_ctypes"],
                negation_lemmas=data["negation"]["lemmas"],
                pass_pos1=data["scope"]["pass_pos1"],
                pass_pos2=data["scope"]["pass_pos2"],
                transparent=data["scope"]["transparent"],
                clause_particles=data["scope"]["clause_particles"],
                clause_pos2=data["scope"]["clause_pos2"],
                sentence_pos2=data["scope"]["sentence_pos2"],
                sentence_surfaces=data["scope"]["sentence_surfaces"],
                hedge_before=data["hedge"]["before"],
                hedge_after=seqs(data["hedge"]["after"]),
                intensifier_before=data["intensifier"]["before"],
                intensifier_after=seqs(data["intensifier"]["after"]),
                conditional_surfaces=data["hypothetical"]["surfaces"],
                past_markers=data["resolved"]["past_markers"],
                present_markers=data["resolved"]["present_markers"],
                past_ctypes=data["resolved"]["past_ctypes"],
                recovery_after=seqs(data["resolved"]["recovery_after"]),
                hedged_factor=data["strength"]["hedged"],
                intensified_factor=data["strength"]["intensified"],
            )
        except KeyError as err:
            raise ConfigError(f"{where}: missing grammar key {err.args[0]!r}") from err
        except ValidationError as err:
            raise ConfigError(f"{where}: invalid grammar: {err}") from err

    # -- token classes -----------------------------------------------------------------
    def is_negation(self, token: Token) -> bool:
        return token.ctype in self.negation_ctypes or (
            token.lemma in self.negation_lemmas and token.pos1 in ("形容詞", "名詞", "助動詞")
        )

    def is_sentence_end(self, token: Token) -> bool:
        return token.surface in self.sentence_surfaces or token.pos2 in self.sentence_pos2

    def sentence_bounds(self, tokens: Sequence[Token], first: int, last: int) -> tuple[int, int]:
        """``(start, end)`` of the sentence around a cue, looking at most ``_WINDOW`` tokens
        before it and ``2 * _WINDOW`` after it."""
        lo = first
        while lo > max(0, first - _WINDOW) and not self.is_sentence_end(tokens[lo - 1]):
            lo -= 1
        hi = last + 1
        limit = min(len(tokens), last + 1 + 2 * _WINDOW)
        while hi < limit and not self.is_sentence_end(tokens[hi]):
            hi += 1
        return lo, hi

    def is_clause_break(self, tokens: Sequence[Token], k: int) -> bool:
        """True when token ``k`` ends a clause (読点, or …が / けど / のに / ので …)."""
        token = tokens[k]
        if token.pos2 in self.clause_pos2 or self.is_sentence_end(token):
            return True
        if token.pos2 != "接続助詞" or token.lemma not in self.clause_particles:
            return False
        if token.lemma in ("て", "で") and k + 1 < len(tokens):
            follower = tokens[k + 1]
            # 疲れている / 眠れてしまう: て before an auxiliary verb does not end the clause.
            return not (follower.pos2 == "非自立可能" or follower.pos1 in ("助詞", "助動詞"))
        return True

    def clause_end(self, tokens: Sequence[Token], last: int) -> int:
        """Index one past the end of the clause containing token ``last``.

        Looks at most ``_WINDOW`` tokens ahead, so that text without punctuation stays
        linear in its length.
        """
        k = last + 1
        limit = min(len(tokens), last + 1 + _WINDOW)
        while k < limit and not self.is_clause_break(tokens, k):
            k += 1
        return k

    # -- rules ------------------------------------------------------------------------
    def negation_count(self, tokens: Sequence[Token], last: int) -> int:
        """Number of negations that scope over a cue ending at token ``last``.

        Odd means negated (眠れない); even is affirmed (疲れていないわけではない = 2).
        The scan passes particles, auxiliaries, suffixes, adverbs, non-independent verbs
        and a few transparent words (思う, 訳, 事, 気) and stops at any other content word
        or at the end of the clause.
        """
        return self.negation_scope(tokens, last)[0]

    def negation_scope(self, tokens: Sequence[Token], last: int) -> tuple[int, int]:
        """``(count, index of the last negation or last)`` for a cue ending at ``last``."""
        count, end = 0, last
        for k in range(last + 1, len(tokens)):
            token = tokens[k]
            if self.is_negation(token):
                count += 1
                end = k
            elif self.is_clause_break(tokens, k) or not (
                token.pos1 in self.pass_pos1
                or token.pos2 in self.pass_pos2
                or token.lemma in self.transparent
            ):
                break
        return count, end

    def _any_in(self, tokens: Sequence[Token], lo: int, hi: int, words: frozenset[str]) -> bool:
        return any(tokens[k].lemma in words or tokens[k].surface in words for k in range(lo, hi))

    def _any_seq(self, tokens: Sequence[Token], lo: int, hi: int, seqs: tuple[Seq, ...]) -> bool:
        firsts = _first_words(seqs)
        for k in range(lo, hi):
            token = tokens[k]
            if (token.lemma in firsts or token.surface in firsts) and any(
                k + len(s) <= hi and _matches_at(tokens, k, s) for s in seqs
            ):
                return True
        return False

    def span(self, tokens: Sequence[Token], first: int, last: int) -> CueSpan:
        """Where a cue's sentence and clause lie, computed once for all the rules."""
        start, end = self.sentence_bounds(tokens, first, last)
        return CueSpan(first, last, start, end, self.clause_end(tokens, last))

    def modifiers(self, tokens: Sequence[Token], span: CueSpan) -> tuple[bool, bool]:
        """``(hedged, intensified)`` for a cue."""
        first, last, end = span.first, span.last, span.clause_end
        lo = max(span.sentence_start, first - 6)
        hedged = self._any_in(tokens, lo, last + 1, self.hedge_before) or self._any_seq(
            tokens, last + 1, end, self.hedge_after
        )
        intensified = self._any_in(tokens, lo, last + 1, self.intensifier_before) or self._any_seq(
            tokens, last + 1, end, self.intensifier_after
        )
        return hedged, intensified

    def is_hypothetical(self, tokens: Sequence[Token], span: CueSpan) -> bool:
        """True when the cue's clause is conditional (…たら / …なら / …ば): advice, not a sign."""
        stop = min(span.clause_end + 1, len(tokens))  # the conditional ば is the clause break
        return any(
            tokens[k].surface in self.conditional_surfaces for k in range(span.last + 1, stop)
        )

    def is_resolved(self, tokens: Sequence[Token], span: CueSpan) -> bool:
        """True when the cue describes a past that is over.

        以前は寝つきが悪かったが / 先月は疲れがたまっていたけど (a past marker before the cue
        and a past tense in its clause); 眠れなかったけど今は眠れている (past tense, then a
        present marker in a later clause); 頭痛は治まった (recovery after the cue).
        """
        first, last, end = span.first, span.last, span.clause_end
        lo, hi = span.sentence_start, span.sentence_end
        reach = min(hi, end + _WINDOW)
        past_tense = any(tokens[k].ctype in self.past_ctypes for k in range(last + 1, end))
        if past_tense and self._any_in(tokens, max(lo, first - _WINDOW), first, self.past_markers):
            return True
        if past_tense and self._any_in(tokens, end, reach, self.present_markers):
            return True
        return self._any_seq(tokens, last + 1, reach, self.recovery_after)


@cache
def _default_grammar() -> Grammar:
    text = resources.files("sign_detect.data").joinpath("grammar.toml").read_text("utf-8")
    return Grammar.from_mapping(tomllib.loads(text), "sign_detect/data/grammar.toml")

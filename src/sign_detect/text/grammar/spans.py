"""Where a cue's sentence and clauses lie, and matching word sequences in them."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import reduce
from operator import or_
from typing import NamedTuple

from ..tokenizer import Token
from .classes import (
    AUXILIARY_LIKE,
    CLAUSE_MARK,
    CLAUSE_PARTICLE,
    SENTENCE_END,
    TE,
)
from .config import Seq

#: How many tokens before a cue (and after its clause) the rules look at.
WINDOW = 12


#: Verbs of thinking: a sign put as a thought in a question is the asker's own.
_QUOTATIVE = frozenset({"思う", "考える", "感じる", "感ずる"})


class CueSpan(NamedTuple):
    """Where a cue lies, and the class bits around it, computed once for all the rules."""

    first: int
    last: int
    sentence_start: int
    sentence_end: int
    clause_end: int
    #: Bits of the tokens just before the cue (6 at most, in its sentence) and of the cue.
    before: int
    #: Bits of the tokens after the cue up to its clause end (exclusive).
    clause: int
    #: Bits of every token of the cue's sentence (its end mark included).
    sentence: int


def sentence_start(flags: Sequence[int], k: int, reach: int = WINDOW) -> int:
    """Start of the sentence holding token ``k``, looking at most ``reach`` tokens back."""
    lo = k
    floor = max(0, k - reach)
    while lo > floor and not flags[lo - 1] & SENTENCE_END:
        lo -= 1
    return lo


def sentence_bounds(flags: Sequence[int], first: int, last: int) -> tuple[int, int]:
    """``(start, end)`` of the sentence around a cue, looking at most ``WINDOW`` tokens
    before it and ``2 * WINDOW`` after it."""
    lo = sentence_start(flags, first)
    hi = last + 1
    limit = min(len(flags), last + 1 + 2 * WINDOW)
    while hi < limit and not flags[hi] & SENTENCE_END:
        hi += 1
    return lo, hi


def is_clause_break(flags: Sequence[int], k: int) -> bool:
    """True when token ``k`` ends a clause (読点, or …が / けど / のに / ので …)."""
    bits = flags[k]
    if bits & (CLAUSE_MARK | SENTENCE_END):
        return True
    if not bits & CLAUSE_PARTICLE:
        return False
    if bits & TE and k + 1 < len(flags):
        # 疲れている / 眠れてしまう: て before an auxiliary verb does not end the clause.
        return not flags[k + 1] & AUXILIARY_LIKE
    return True


def clause_breaks(flags: Sequence[int]) -> list[bool]:
    """:func:`is_clause_break` of every token, in one pass."""
    n = len(flags)
    out = [False] * n
    for k, bits in enumerate(flags):
        if bits & (CLAUSE_MARK | SENTENCE_END):
            out[k] = True
        elif bits & CLAUSE_PARTICLE:
            out[k] = not (bits & TE and k + 1 < n and flags[k + 1] & AUXILIARY_LIKE)
    return out


def clause_end(flags: Sequence[int], last: int) -> int:
    """Index one past the end of the clause containing token ``last`` (at most ``WINDOW``
    tokens ahead, so text without punctuation stays linear in its length)."""
    k = last + 1
    limit = min(len(flags), last + 1 + WINDOW)
    while k < limit and not is_clause_break(flags, k):
        k += 1
    return k


def chained_clause_end(flags: Sequence[int], end: int, limit: int) -> int:
    """The end of the clauses joined by て from ``end`` on: their tense is the last one's
    (眠りが浅くて毎晩起きていたけど: 浅くて is past too)."""
    while end < limit and flags[end] & TE and not flags[end] & (CLAUSE_MARK | SENTENCE_END):
        end = clause_end(flags, end)
    return end


def span(flags: Sequence[int], first: int, last: int) -> CueSpan:
    """Where a cue's sentence and clause lie."""
    start, end = sentence_bounds(flags, first, last)
    stop = clause_end(flags, last)
    return CueSpan(
        first,
        last,
        start,
        end,
        stop,
        reduce(or_, flags[max(start, first - 6) : last + 1], 0),
        reduce(or_, flags[last + 1 : stop], 0),
        reduce(or_, flags[start : end + 1], 0),
    )


def _any(flags: Sequence[int], lo: int, hi: int, bit: int) -> bool:
    return bool(reduce(or_, flags[lo:hi], 0) & bit)


def _matches_at(tokens: Sequence[Token], start: int, seq: Seq) -> bool:
    if start + len(seq) > len(tokens):
        return False
    for k, word in enumerate(seq, start):
        token = tokens[k]
        if token.lemma != word and token.surface != word:
            return False
    return True


def _seq_ends(
    tokens: Sequence[Token],
    flags: Sequence[int],
    lo: int,
    hi: int,
    start_bit: int,
    seqs: tuple[Seq, ...],
) -> Iterator[int]:
    """Index of the last word of each of ``seqs`` found in ``lo..hi``."""
    for k in range(lo, hi):
        if flags[k] & start_bit:
            for seq in _starting(seqs, tokens[k]):
                if k + len(seq) <= hi and _matches_at(tokens, k, seq):
                    yield k + len(seq) - 1


#: Indexes of the sequence lists by first word, keyed by the list's identity: the lists
#: belong to a loaded configuration and live as long as it, and hashing a long tuple of
#: tuples at every token would cost more than the look-up saves.
_INDEXES: dict[int, tuple[tuple[Seq, ...], dict[str, tuple[Seq, ...]]]] = {}


def _by_first_word(seqs: tuple[Seq, ...]) -> dict[str, tuple[Seq, ...]]:
    """``seqs`` grouped by their first word, so a position is compared only with the
    sequences that may start there (computed once per list of sequences)."""
    held = _INDEXES.get(id(seqs))
    if held is not None and held[0] is seqs:
        return held[1]
    index: dict[str, tuple[Seq, ...]] = {}
    for seq in seqs:
        if seq:
            index[seq[0]] = (*index.get(seq[0], ()), seq)
    if len(_INDEXES) > 256:
        _INDEXES.clear()
    _INDEXES[id(seqs)] = (seqs, index)
    return index


def _any_seq(
    tokens: Sequence[Token],
    flags: Sequence[int],
    lo: int,
    hi: int,
    start_bit: int,
    seqs: tuple[Seq, ...],
) -> bool:
    """True when one of ``seqs`` starts in ``lo..hi`` and ends by ``hi``."""
    return next(_seq_ends(tokens, flags, lo, hi, start_bit, seqs), None) is not None


def _starting(seqs: tuple[Seq, ...], token: Token) -> tuple[Seq, ...]:
    """The sequences of ``seqs`` whose first word is the token's lemma or surface."""
    index = _by_first_word(seqs)
    by_lemma = index.get(token.lemma, ())
    if token.surface == token.lemma:
        return by_lemma
    return by_lemma + index.get(token.surface, ())


#: How far back a sentence is searched for the person a worry is about (long record sentences:
#: 同居の祖母が通院を嫌がって薬を飲まないことを、本人が心配している).
_WORRY_REACH = 40


def _worry_start(flags: Sequence[int], k: int) -> int:
    """Start of the sentence holding token ``k`` (at most ``_WORRY_REACH`` tokens back)."""
    return sentence_start(flags, k, _WORRY_REACH)

"""Find lexicon cues in a sentence's tokens and judge each one.

A cue is a lexicon pattern matched on lemmas (or surfaces) in order, with at most
``max_gap`` tokens between consecutive elements. Overlapping candidates are resolved
longest-first, so 疲れが取れない is read as the ability cue 疲れ+取れる (negated: a sign),
not as 疲れ. Each cue is then judged by the grammar: negation count, hedges,
intensifiers, resolved past.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import reduce
from itertools import compress
from operator import or_
from typing import NamedTuple

from .grammar import SENTENCE_END, Grammar
from .lexicon import NONE_CATEGORY, CompiledEntry, Lexicon
from .tokenizer import Token

__all__ = ["Cue", "find_cues"]

MAX_GAP = 4


class Cue(NamedTuple):
    """A judged lexicon match inside one sentence (token indices, not characters)."""

    entry: CompiledEntry
    first: int
    last: int
    end: int  # last token to show: the cue, through its negation when negated
    negated: bool
    hedged: bool
    intensified: bool
    resolved: bool
    hypothetical: bool
    strength: float  # contribution to the category: 0 when not a current sign

    @property
    def is_sign(self) -> bool:
        return self.strength > 0


def _match_rest(
    tokens: Sequence[Token], flags: Sequence[int], entry: CompiledEntry, start: int, max_gap: int
) -> tuple[int, ...] | None:
    """Positions of the remaining elements in order, within ``max_gap`` and one sentence."""
    positions = [start]
    j = start
    for element in entry.elements[1:]:
        for k in range(j + 1, min(j + 2 + max_gap, len(tokens))):
            token = tokens[k]
            if token.lemma in element or token.surface in element or token.alt in element:
                positions.append(k)
                j = k
                break
            if flags[k] & SENTENCE_END:  # never across a sentence
                return None
        else:
            return None
    return tuple(positions)


def _candidates(
    tokens: Sequence[Token],
    flags: Sequence[int],
    starts: Sequence[tuple[CompiledEntry, ...]],
    lexicon: Lexicon,
    max_gap: int,
) -> list[tuple[CompiledEntry, tuple[int, ...]]]:
    found: list[tuple[CompiledEntry, tuple[int, ...]]] = []
    present = -1  # bits of the later pattern words found anywhere in the text
    for i in compress(range(len(starts)), starts):  # only where an entry may start
        for entry in starts[i]:
            if entry.needs == 0:  # a one-word pattern
                found.append((entry, (i,)))
                continue
            if present < 0:
                present = reduce(or_, map(lexicon.word_bits.__getitem__, tokens), 0)
            if entry.needs & ~present:  # a word of the pattern is missing from the text
                continue
            positions = _match_rest(tokens, flags, entry, i, max_gap)
            if positions is not None:
                found.append((entry, positions))
    return found


def find_cues(
    tokens: Sequence[Token],
    lexicon: Lexicon,
    grammar: Grammar,
    max_gap: int = MAX_GAP,
    starts: Sequence[tuple[CompiledEntry, ...]] | None = None,
    flags: Sequence[int] | None = None,
    signs_only: bool = False,
) -> list[Cue]:
    """All cues of a tagged text, judged; ``none``-category guards are matched, not returned.

    With ``signs_only`` only the cues that are current signs are returned, and the rules
    that cannot change that are skipped (a negated symptom needs no hedge check).

    Patterns never span a sentence end, and each grammar rule looks only inside the
    cue's sentence. ``starts`` (the lexicon entries each token may start) and ``flags``
    (the grammar's token classes) are computed when not given.
    """
    if starts is None:
        starts = list(map(lexicon.starts_of.__getitem__, tokens))
    if not any(starts):
        return []
    if flags is None:
        flags = grammar.flags(tokens)
    candidates = _candidates(tokens, flags, starts, lexicon, max_gap)
    if not candidates:
        return []
    candidates.sort(key=lambda c: (-len(c[0].elements), -c[0].weight, c[1][0], c[0].index))
    used: set[int] = set()
    cues = []
    for entry, positions in candidates:
        if used.intersection(positions):
            continue
        used.update(positions)
        if entry.category == NONE_CATEGORY:
            continue
        cue = _judge(tokens, flags, entry, positions[0], positions[-1], grammar, signs_only)
        if cue is not None:
            cues.append(cue)
    cues.sort(key=lambda c: (c.first, c.last))
    return cues


def _judge(
    tokens: Sequence[Token],
    flags: Sequence[int],
    entry: CompiledEntry,
    first: int,
    last: int,
    grammar: Grammar,
    signs_only: bool = False,
) -> Cue | None:
    """The cue with every rule applied; ``None`` when ``signs_only`` and it is no sign."""
    count, negation_end = grammar.negation_scope(flags, last)
    negated = count % 2 == 1
    present = negated if entry.ability else not negated
    if signs_only and not present:
        return None
    span = grammar.span(flags, first, last)
    resolved = grammar.is_resolved(tokens, flags, span)
    hypothetical = grammar.is_hypothetical(tokens, flags, span)
    if signs_only and (resolved or hypothetical):
        return None
    hedged, intensified = grammar.modifiers(tokens, flags, span)
    strength = 0.0
    if present and not resolved and not hypothetical:
        strength = entry.weight
        if hedged:
            strength *= grammar.hedged_factor
        if intensified:
            strength *= grammar.intensified_factor
        strength = min(strength, 1.0)
    return Cue(
        entry,
        first,
        last,
        negation_end if count else last,
        negated,
        hedged,
        intensified,
        resolved,
        hypothetical,
        strength,
    )

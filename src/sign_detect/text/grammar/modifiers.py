"""Hedges and intensifiers around a cue."""

from __future__ import annotations

from collections.abc import Sequence

from ..tokenizer import Token
from .classes import (
    HEDGE_AFTER_START,
    HEDGE_BEFORE,
    HEDGE_PHRASE_START,
    INTENSIFIER_AFTER_START,
    INTENSIFIER_BEFORE,
)
from .config import GrammarConfig
from .spans import CueSpan, _any_seq


def modifiers(
    tokens: Sequence[Token], flags: Sequence[int], cue: CueSpan, config: GrammarConfig
) -> tuple[bool, bool]:
    """``(hedged, intensified)`` for a cue."""
    first, last, end = cue.first, cue.last, cue.clause_end
    before, clause = cue.before, cue.clause
    hedged = (
        bool(before & HEDGE_BEFORE)
        or bool(
            clause & HEDGE_AFTER_START
            and _any_seq(tokens, flags, last + 1, end, HEDGE_AFTER_START, config.hedge.after)
        )
        or bool(
            before & HEDGE_PHRASE_START
            and _any_seq(
                tokens,
                flags,
                max(cue.sentence_start, first - 6),
                first,
                HEDGE_PHRASE_START,
                config.hedge.phrases,
            )
        )
    )
    intensified = bool(before & INTENSIFIER_BEFORE) or bool(
        clause & INTENSIFIER_AFTER_START
        and _any_seq(
            tokens, flags, last + 1, end, INTENSIFIER_AFTER_START, config.intensifier.after
        )
    )
    return hedged, intensified

"""The polarity rules: small pure functions over the class bits of a sentence's tokens.

Every rule reads the tokens' class bits (:mod:`sign_detect.text.grammar.classes`) and, for
multi-word triggers only, the words; the trigger words come from a
:class:`~sign_detect.text.grammar.config.GrammarConfig`. A :class:`CueSpan` says where a cue's
sentence and clause lie, computed once for all the rules.

The rules live in modules by concept: :mod:`.spans`, :mod:`.negation`, :mod:`.medicine`,
:mod:`.modifiers`, :mod:`.advice`, :mod:`.persons`, :mod:`.past`, :mod:`.worry`; this module
gathers them as one namespace (``rules.negation_scope``).
"""

from __future__ import annotations

from .advice import is_agreed, is_general, is_hypothetical, is_wish
from .medicine import is_medicine, side_effect_sentences
from .modifiers import modifiers
from .negation import (
    is_exclusive,
    is_obligation,
    is_rather_than,
    is_rhetorical,
    negation_scope,
    rhetorical_negations,
)
from .past import is_overcome, is_resolved
from .persons import (
    across_te,
    describes_person,
    done_to_graduate,
    generic_people,
    is_observed,
    is_reported,
    is_working_kin,
    other_subject,
    person_before,
    told_by,
)
from .spans import CueSpan, clause_breaks, clause_end, is_clause_break, span
from .worry import (
    asks_procedure,
    earlier_person,
    helpless_for_other,
    possessed_state,
    watched_other,
    worried_into,
    worry_for_other,
)

__all__ = [
    "CueSpan",
    "across_te",
    "asks_procedure",
    "clause_breaks",
    "clause_end",
    "describes_person",
    "done_to_graduate",
    "earlier_person",
    "generic_people",
    "helpless_for_other",
    "is_agreed",
    "is_clause_break",
    "is_exclusive",
    "is_general",
    "is_hypothetical",
    "is_medicine",
    "is_obligation",
    "is_observed",
    "is_overcome",
    "is_rather_than",
    "is_reported",
    "is_resolved",
    "is_rhetorical",
    "is_wish",
    "is_working_kin",
    "modifiers",
    "negation_scope",
    "other_subject",
    "person_before",
    "possessed_state",
    "rhetorical_negations",
    "side_effect_sentences",
    "span",
    "told_by",
    "watched_other",
    "worried_into",
    "worry_for_other",
]

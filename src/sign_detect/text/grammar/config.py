"""The grammar's trigger words: one pydantic model per section of ``data/grammar.toml``.

The models mirror the file, so a section or key is read by name, validated, and an
office's file with a wrong key or type is refused with the key named. Multi-word entries
(``気 が 為る``) are written with spaces and read as word sequences.
"""

from __future__ import annotations

from functools import cached_property
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

__all__ = [
    "Agreed",
    "General",
    "GrammarConfig",
    "Hedge",
    "Hypothetical",
    "Intensifier",
    "Negation",
    "Obligation",
    "Others",
    "Overcome",
    "Resolved",
    "Scope",
    "Seq",
    "SideEffect",
    "Strength",
    "Things",
    "Wish",
]

Seq = tuple[str, ...]


def _sequences(items: object) -> object:
    """``["気 が 為る", "かも"]`` -> ``(("気", "が", "為る"), ("かも",))``."""
    if isinstance(items, list | tuple) and all(isinstance(i, str) for i in items):
        return tuple(tuple(item.split()) for item in items)
    return items


Sequences = Annotated[tuple[Seq, ...], BeforeValidator(_sequences)]
Words = frozenset[str]


class _Section(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Negation(_Section):
    """Negation forms: auxiliary types (ない, ず, へん), lemmas (無い, 無し) and tagger
    misreadings written ``surface/lemma`` (はなし/放し)."""

    aux_ctypes: Words
    lemmas: Words
    misread: Words = frozenset()


class Scope(_Section):
    """What a negation's scope passes over, and where clauses and sentences end."""

    pass_pos1: Words
    pass_pos2: Words
    transparent: Words
    list_markers: Words = frozenset()
    parallel_markers: Words = frozenset()
    clause_particles: Words
    te_auxiliaries: Words = frozenset()
    sentence_pos2: Words
    sentence_surfaces: Words
    clause_pos2: Words
    # see [scope] since_markers / frame_nouns / clause_list_markers
    since_markers: Words = frozenset()
    frame_nouns: Words = frozenset()
    clause_list_markers: Words = frozenset()


class Hedge(_Section):
    """Words that soften a sign before it (少し, 何 と 無い) or after it (気 が 為る)."""

    before: Sequences
    after: Sequences

    # Cached: the rules index word sequences by the identity of their tuple.
    @cached_property
    def words(self) -> Words:
        return frozenset(seq[0] for seq in self.before if len(seq) == 1)

    @cached_property
    def phrases(self) -> tuple[Seq, ...]:
        return tuple(seq for seq in self.before if len(seq) > 1)


class Intensifier(_Section):
    before: Words
    after: Sequences


class Hypothetical(_Section):
    """Conditional surfaces (たら, なら, ば) and polite questions ending a sentence."""

    surfaces: Words
    questions: Sequences = ()


class Resolved(_Section):
    """Markers of a past that is over, and words of recovery."""

    past_markers: Words
    era_nouns: Words = frozenset()
    until_markers: Words = frozenset()
    not_past_after: Words = frozenset()
    past_ctypes: Words
    present_markers: Words
    present_topics: Words = frozenset()
    contrast_openers: Words = frozenset()
    continuation: Words = frozenset()
    recovery_after: Sequences
    lasting: Words = frozenset()
    recent: Words = frozenset()
    recovery_in_clause: Sequences = ()
    #: Nouns of an event that make a 前 after them "before it" (出勤前, 食事前), not a past.
    events: Words = frozenset()
    #: verbs of asking after a cue (…について確認したが) and the words of a
    #: reassurance that answer it in the sentence (「大丈夫です」と本人).
    asked: Words = frozenset()
    reassured: Words = frozenset()


class Overcome(_Section):
    """A feeling conceded and then overcome in the same sentence (緊張したけど上手くいった):
    the categories it applies to, the concessive particles, and the outcome words."""

    categories: Words = frozenset()
    #: Categories for which the polarity dictionary's positive words are outcomes too
    #: (the others take only ``outcomes``).
    full_categories: Words = frozenset()
    concessive: Words = frozenset()
    outcomes: Words = frozenset()
    #: Positive predicates of the sentiment polarity dictionary are outcomes too.
    polarity_dictionary: bool = False
    #: Positive words of the dictionary that are no outcome (頑張る is an effort).
    not_outcomes: Words = frozenset()


class Things(_Section):
    """Feeling words that name a thing, not the speaker's state: a compound noun
    (不安障害, ストレス発散) unless its head is a state (不安感, ストレス状態), and a feeling
    that describes a work (悲しい映画, 怖い話); and words of a trait (緊張しやすい性格)."""

    state_heads: Words = frozenset()
    works: Words = frozenset()
    traits: Words = frozenset()


class Others(_Section):
    """Words of other people, and the particles that make them a subject."""

    persons: Words = frozenset()
    heads: Words = frozenset()
    subject_particles: Words = frozenset()
    evidentials: Words = frozenset()
    workers: Words = frozenset()
    work_words: Words = frozenset()
    #: Words of worry for somebody (心配, 気にかける): about another person's trouble they
    #: are no mood of the graduate, and the trouble is that person's.
    concern: Words = frozenset()
    concern_phrases: Sequences = ()
    #: Subjects that are the graduate (本人, 私): the one who worries, not the worried about.
    self_subjects: Words = frozenset()
    #: Words of sympathy, felt for somebody (気の毒, かわいそう): no mood of the graduate.
    sympathy: Words = frozenset()
    #: Nouns of a person's state a worry is about (同僚の様子が気になる).
    concern_objects: Words = frozenset()


class General(_Section):
    """Markers of advice, rules and general statements."""

    markers: Words = frozenset()
    surfaces: Words = frozenset()
    phrases: Sequences = ()
    case_nouns: Words = frozenset()
    day_nouns: Words = frozenset()
    permission: Words = frozenset()
    frames: Sequences = ()
    preludes: Sequences = ()
    conditional_frames: Sequences = ()
    conditionals: Words = frozenset()
    routine: Words = frozenset()
    self_markers: Words = frozenset()
    endings: Sequences = ()
    howto: Words = frozenset()
    after_cue: Words = frozenset()
    quantifiers: Words = frozenset()
    many: Words = frozenset()
    #: Coping actions: a sign in a clause about a time followed by one of these, done
    #: (past, not negated), tells a success (疲れた時点で休憩を申し出られた).
    coping: Words = frozenset()
    #: Words of procedures, systems and money: a question about one
    #: (休職の手続きは?, 自立支援医療で負担はどのくらい軽くなりますか) asks, it reports no sign.
    procedures: Words = frozenset()
    #: Words that make a sentence a question or a request to be told (どのくらい, 教える).
    asking: Words = frozenset()
    asked_signs: Words = frozenset()


class Wish(_Section):
    """Wishes for rest: the categories they concern, and words of leisure."""

    rest_categories: Words = frozenset()
    leisure: Words = frozenset()
    plans: bool = False


class Agreed(_Section):
    """Treatment changes agreed with the doctor."""

    categories: Words = frozenset()
    clinicians: Words = frozenset()
    consult: Words = frozenset()


class Obligation(_Section):
    """A negation that makes an obligation (飲まないといけない, 通院しなきゃ): it affirms."""

    links: Words = frozenset()
    heads: Words = frozenset()
    surfaces: Words = frozenset()
    leave: Words = frozenset()


class SideEffect(_Section):
    """A symptom put down to the medicine (薬のせいか手が震える) is a sign of medication."""

    causes: Sequences = ()
    own_causes: Sequences = ()
    categories: Words = frozenset()
    medicines: Sequences = ()
    medicine_endings: tuple[str, ...] = ()
    keep: Words = frozenset()
    also: Words = frozenset()
    symptoms: Words = frozenset()

    @cached_property
    def all_causes(self) -> tuple[Seq, ...]:
        """Every cause, of both kinds (one tuple, so its index by first word is kept)."""
        return self.causes + self.own_causes

    @cached_property
    def own_cause_set(self) -> frozenset[Seq]:
        return frozenset(self.own_causes)


class Strength(_Section):
    """Multipliers of an entry's weight."""

    hedged: float = Field(gt=0.0, le=1.0)
    intensified: float = Field(ge=1.0)


class GrammarConfig(_Section):
    """Every section of ``grammar.toml``."""

    negation: Negation
    scope: Scope
    hedge: Hedge
    intensifier: Intensifier
    hypothetical: Hypothetical
    resolved: Resolved
    others: Others = Others()
    general: General = General()
    wish: Wish = Wish()
    agreed: Agreed = Agreed()
    obligation: Obligation = Obligation()
    side_effect: SideEffect = SideEffect()
    overcome: Overcome = Overcome()
    things: Things = Things()
    strength: Strength

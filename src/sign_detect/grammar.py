"""Negation, hedges, intensifiers and resolved-past rules, driven by ``data/grammar.toml``.

The trigger words are data (an office may pass its own file to :meth:`Grammar.from_toml`).
Each token gets its class under the grammar once, as bits (``NEGATION``, ``PASSABLE`` …,
memoised per interned token); each rule is a small function over the bits of the tokens
around a cue, reading words only to confirm a multi-word trigger.

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
from collections.abc import Iterator, Sequence
from functools import cache, reduce
from importlib import resources
from operator import or_
from pathlib import Path
from typing import Any, NamedTuple

from pydantic import BaseModel, ConfigDict, PrivateAttr, ValidationError

from .errors import ConfigError
from .tokenizer import Token, TokenCache

__all__ = ["CueSpan", "Grammar"]

Seq = tuple[str, ...]

#: How many tokens before a cue (and after its clause) the resolved-past rules look at.
_WINDOW = 12

# Bits of a token's class under one grammar (see :meth:`Grammar.flags`). Classes are
# computed once per interned token, so the rules test bits instead of word sets.
NEGATION = 1 << 0
SENTENCE_END = 1 << 1
CLAUSE_MARK = 1 << 2  # 読点: always ends a clause
CLAUSE_PARTICLE = 1 << 3  # …が / けど / て …: ends a clause (て only before content)
TE = 1 << 4  # て / で among the clause particles
AUXILIARY_LIKE = 1 << 5  # what may follow て inside one clause (疲れている)
PASSABLE = 1 << 6  # negation scope passes over it
HEDGE_BEFORE = 1 << 7
INTENSIFIER_BEFORE = 1 << 8
HEDGE_AFTER_START = 1 << 9
INTENSIFIER_AFTER_START = 1 << 10
RECOVERY_START = 1 << 11
PAST_MARKER = 1 << 12
PRESENT_MARKER = 1 << 13
PAST_TENSE = 1 << 14
CONDITIONAL = 1 << 15
LIST_MARKER = 1 << 16  # など / や / とか: the nouns after it restate the cue
NOUN = 1 << 17
HEDGE_PHRASE_START = 1 << 18  # first word of a hedge phrase before a cue (何 と 無い)
QUESTION_END = 1 << 19  # last word of a polite question (?)
UNTIL_MARKER = 1 << 20  # 先週 / 昨日 …: a past that is over only when followed by まで
PERSON = 1 << 21  # 母, 同僚 …: somebody other than the graduate
PERSON_HEAD = 1 << 22  # 人 / 方 / 子: a person after の
SUBJECT = 1 << 23  # が / は / も after a person: the subject of what follows
GENERAL_MARK = 1 << 24  # べき, 大切, コツ, ましょう …: advice, rules, general statements
CASE_NOUN = 1 << 25  # 時 / 場合: a clause about a time or case
PERMISSION = 1 << 26  # いい / ください: leave or advice
SUFFIX = 1 << 27  # たち / さん after a person
PARALLEL_MARKER = 1 << 28  # も: …することも…することもない
WISH = 1 << 29  # たい: 寝だめしたい, 週末はゆっくり休みたい
LEISURE = 1 << 30  # 週末 / 休日 / 旅行: a wish for rest, not to stay away from work
CLINICIAN = 1 << 31  # 主治医 / 医師: a change agreed with the doctor is no self-judgement
CONSULT = 1 << 32  # 相談 / 指示 / 話し合う
#: How many tokens a parallel も carries negation over (胃が痛むことも + ない).
_PARALLEL_REACH = 8
_MAX_CACHED_TOKENS = 50_000


@cache
def _first_words(seqs: tuple[Seq, ...]) -> frozenset[str]:
    """First words of a list of sequences, to skip most positions without a full compare."""
    return frozenset(seq[0] for seq in seqs if seq)


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
    negation_misread: frozenset[str] = frozenset()
    pass_pos1: frozenset[str]
    pass_pos2: frozenset[str]
    transparent: frozenset[str]
    list_markers: frozenset[str] = frozenset()
    parallel_markers: frozenset[str] = frozenset()
    clause_particles: frozenset[str]
    te_auxiliaries: frozenset[str] = frozenset()
    clause_pos2: frozenset[str]
    sentence_pos2: frozenset[str]
    sentence_surfaces: frozenset[str]
    hedge_before: frozenset[str]
    hedge_before_phrases: tuple[Seq, ...] = ()
    hedge_after: tuple[Seq, ...]
    intensifier_before: frozenset[str]
    intensifier_after: tuple[Seq, ...]
    conditional_surfaces: frozenset[str]
    questions: tuple[Seq, ...] = ()
    past_markers: frozenset[str]
    until_markers: frozenset[str] = frozenset()
    not_past_after: frozenset[str] = frozenset()
    present_markers: frozenset[str]
    past_ctypes: frozenset[str]
    recovery_after: tuple[Seq, ...]
    persons: frozenset[str] = frozenset()
    person_heads: frozenset[str] = frozenset()
    subject_particles: frozenset[str] = frozenset()
    general_markers: frozenset[str] = frozenset()
    case_nouns: frozenset[str] = frozenset()
    permission: frozenset[str] = frozenset()
    wish_categories: frozenset[str] = frozenset()
    leisure: frozenset[str] = frozenset()
    agreed_categories: frozenset[str] = frozenset()
    clinicians: frozenset[str] = frozenset()
    consult: frozenset[str] = frozenset()
    hedged_factor: float
    intensified_factor: float

    _classes: TokenCache[int] = PrivateAttr()

    _bits_by_word: dict[str, int] = PrivateAttr()

    def model_post_init(self, context: Any, /) -> None:
        self._bits_by_word = self._word_classes()
        self._classes = TokenCache(self.token_class, _MAX_CACHED_TOKENS)

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
                negation_misread=data["negation"].get("misread", []),
                pass_pos1=data["scope"]["pass_pos1"],
                pass_pos2=data["scope"]["pass_pos2"],
                transparent=data["scope"]["transparent"],
                list_markers=data["scope"].get("list_markers", []),
                parallel_markers=data["scope"].get("parallel_markers", []),
                clause_particles=data["scope"]["clause_particles"],
                te_auxiliaries=data["scope"].get("te_auxiliaries", []),
                clause_pos2=data["scope"]["clause_pos2"],
                sentence_pos2=data["scope"]["sentence_pos2"],
                sentence_surfaces=data["scope"]["sentence_surfaces"],
                hedge_before=frozenset(w for w in data["hedge"]["before"] if " " not in w),
                hedge_before_phrases=seqs([w for w in data["hedge"]["before"] if " " in w]),
                hedge_after=seqs(data["hedge"]["after"]),
                intensifier_before=data["intensifier"]["before"],
                intensifier_after=seqs(data["intensifier"]["after"]),
                conditional_surfaces=data["hypothetical"]["surfaces"],
                questions=seqs(data["hypothetical"].get("questions", [])),
                past_markers=data["resolved"]["past_markers"],
                until_markers=data["resolved"].get("until_markers", []),
                not_past_after=data["resolved"].get("not_past_after", []),
                present_markers=data["resolved"]["present_markers"],
                past_ctypes=data["resolved"]["past_ctypes"],
                recovery_after=seqs(data["resolved"]["recovery_after"]),
                persons=data.get("others", {}).get("persons", []),
                person_heads=data.get("others", {}).get("heads", []),
                subject_particles=data.get("others", {}).get("subject_particles", []),
                general_markers=frozenset(
                    [
                        *data.get("general", {}).get("markers", []),
                        *data.get("general", {}).get("surfaces", []),
                    ]
                ),
                case_nouns=data.get("general", {}).get("case_nouns", []),
                permission=data.get("general", {}).get("permission", []),
                wish_categories=data.get("wish", {}).get("rest_categories", []),
                leisure=data.get("wish", {}).get("leisure", []),
                agreed_categories=data.get("agreed", {}).get("categories", []),
                clinicians=data.get("agreed", {}).get("clinicians", []),
                consult=data.get("agreed", {}).get("consult", []),
                hedged_factor=data["strength"]["hedged"],
                intensified_factor=data["strength"]["intensified"],
            )
        except KeyError as err:
            raise ConfigError(f"{where}: missing grammar key {err.args[0]!r}") from err
        except ValidationError as err:
            raise ConfigError(f"{where}: invalid grammar: {err}") from err

    # -- token classes -----------------------------------------------------------------
    def is_negation(self, token: Token) -> bool:
        return (
            token.ctype in self.negation_ctypes
            or (token.lemma in self.negation_lemmas and token.pos1 in ("形容詞", "名詞", "助動詞"))
            or f"{token.surface}/{token.lemma}" in self.negation_misread
        )

    def is_sentence_end(self, token: Token) -> bool:
        return token.surface in self.sentence_surfaces or token.pos2 in self.sentence_pos2

    def token_class(self, token: Token) -> int:
        """The flag bits of one token (module constants such as ``NEGATION``)."""
        by_word = self._bits_by_word
        bits = by_word.get(token.lemma, 0) | by_word.get(token.surface, 0)
        if self.is_negation(token):
            bits |= NEGATION
        if self.is_sentence_end(token):
            bits |= SENTENCE_END
        if token.pos2 in self.clause_pos2:
            bits |= CLAUSE_MARK
        if token.ctype in self.past_ctypes:
            bits |= PAST_TENSE
        if token.surface in self.conditional_surfaces and token.pos1 in ("助詞", "助動詞"):
            bits |= CONDITIONAL  # not the verb なる in ならない
        if token.pos2 == "接続助詞" and token.lemma in self.clause_particles:
            bits |= CLAUSE_PARTICLE | (TE if token.lemma in ("て", "で") else 0)
        if token.pos1 in ("助詞", "助動詞") or (
            token.pos2 == "非自立可能" and (token.pos1 != "動詞" or self._te_auxiliary(token))
        ):
            bits |= AUXILIARY_LIKE
        if (
            token.pos1 in self.pass_pos1
            or token.pos2 in self.pass_pos2
            or token.lemma in self.transparent
        ):
            bits |= PASSABLE
        if token.lemma in self.list_markers and token.pos1 == "助詞":
            bits |= LIST_MARKER
        if token.lemma in self.parallel_markers and token.pos1 == "助詞":
            bits |= PARALLEL_MARKER
        if token.pos1 in ("名詞", "接頭辞"):
            bits |= NOUN
        if token.pos1 == "助詞" and token.lemma in self.subject_particles:
            bits |= SUBJECT
        if token.pos1 == "接尾辞":
            bits |= SUFFIX
        if token.lemma == "たい" and token.pos1 == "助動詞":
            bits |= WISH
        if token.pos1 != "名詞":
            bits &= ~LEISURE  # 休み the noun, not 休み(たい) the verb
        return bits

    def _te_auxiliary(self, token: Token) -> bool:
        """A verb that keeps a て-clause going (疲れている); any verb if none are listed."""
        return not self.te_auxiliaries or token.lemma in self.te_auxiliaries

    def _word_classes(self) -> dict[str, int]:
        """Bits of the classes a token has when its lemma or surface is a given word."""
        by_word: dict[str, int] = {}
        for words, bit in (
            (self.hedge_before, HEDGE_BEFORE),
            (_first_words(self.hedge_before_phrases), HEDGE_PHRASE_START),
            (frozenset(q[-1] for q in self.questions if q), QUESTION_END),
            (self.intensifier_before, INTENSIFIER_BEFORE),
            (_first_words(self.hedge_after), HEDGE_AFTER_START),
            (_first_words(self.intensifier_after), INTENSIFIER_AFTER_START),
            (_first_words(self.recovery_after), RECOVERY_START),
            (self.past_markers, PAST_MARKER),
            (self.until_markers, UNTIL_MARKER),
            (self.present_markers, PRESENT_MARKER),
            (self.persons, PERSON),
            (self.person_heads, PERSON_HEAD),
            (self.general_markers, GENERAL_MARK),
            (self.case_nouns, CASE_NOUN),
            (self.permission, PERMISSION),
            (self.leisure, LEISURE),
            (self.clinicians, CLINICIAN),
            (self.consult, CONSULT),
        ):
            for word in words:
                by_word[word] = by_word.get(word, 0) | bit
        return by_word

    def flags(self, tokens: Sequence[Token]) -> list[int]:
        """The class bits of each token (memoised per interned token)."""
        return list(map(self._classes.__getitem__, tokens))

    @property
    def classes(self) -> TokenCache[int]:
        """The memo behind :meth:`flags`: ``classes[token]`` is a token's class bits."""
        return self._classes

    # -- sentences and clauses -----------------------------------------------------------
    @staticmethod
    def sentence_bounds(flags: Sequence[int], first: int, last: int) -> tuple[int, int]:
        """``(start, end)`` of the sentence around a cue, looking at most ``_WINDOW`` tokens
        before it and ``2 * _WINDOW`` after it."""
        lo = first
        floor = max(0, first - _WINDOW)
        while lo > floor and not flags[lo - 1] & SENTENCE_END:
            lo -= 1
        hi = last + 1
        limit = min(len(flags), last + 1 + 2 * _WINDOW)
        while hi < limit and not flags[hi] & SENTENCE_END:
            hi += 1
        return lo, hi

    @staticmethod
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

    def clause_end(self, flags: Sequence[int], last: int) -> int:
        """Index one past the end of the clause containing token ``last``.

        Looks at most ``_WINDOW`` tokens ahead, so that text without punctuation stays
        linear in its length.
        """
        k = last + 1
        limit = min(len(flags), last + 1 + _WINDOW)
        while k < limit and not self.is_clause_break(flags, k):
            k += 1
        return k

    def span(self, flags: Sequence[int], first: int, last: int) -> CueSpan:
        """Where a cue's sentence and clause lie, computed once for all the rules."""
        start, end = self.sentence_bounds(flags, first, last)
        clause_end = self.clause_end(flags, last)
        return CueSpan(
            first,
            last,
            start,
            end,
            clause_end,
            reduce(or_, flags[max(start, first - 6) : last + 1], 0),
            reduce(or_, flags[last + 1 : clause_end], 0),
        )

    # -- rules ------------------------------------------------------------------------
    def negation_count(self, tokens: Sequence[Token], last: int) -> int:
        """Number of negations that scope over a cue ending at token ``last``.

        Odd means negated (眠れない); even is affirmed (疲れていないわけではない = 2).
        The scan passes particles, auxiliaries, suffixes, adverbs, non-independent verbs
        and a few transparent words (思う, 訳, 事, 気) and stops at any other content word
        or at the end of the clause.
        """
        return self.negation_scope(self.flags(tokens), last)[0]

    def negation_scope(self, flags: Sequence[int], last: int) -> tuple[int, int]:
        """``(count, index of the last negation or last)`` for a cue ending at ``last``.

        After a list marker the nouns that follow are passed too: in 頭痛などの体調不良は
        ない and 頭痛や吐き気はない the negation covers 頭痛. A word of recovery ends the
        scan: in だるさが抜けない the negation denies the recovery, not the symptom.
        """
        count, end = 0, last
        listing = False
        parallel = 0  # tokens still passed after …ことも (頭痛がすることも胃が痛むこともない)
        for k in range(last + 1, len(flags)):
            bits = flags[k]
            if bits & RECOVERY_START and not bits & NEGATION:
                break  # 怠さが抜けない / 頭痛が治らない: the negation is the recovery's
            if bits & NEGATION:
                count += 1
                end = k
            elif listing and bits & NOUN:
                continue
            elif parallel and not self.is_clause_break(flags, k):
                parallel -= 1
                continue
            elif not bits & PASSABLE or self.is_clause_break(flags, k):
                break
            listing = listing or bool(bits & LIST_MARKER)
            if bits & PARALLEL_MARKER:
                parallel = _PARALLEL_REACH
        return count, end

    @staticmethod
    def _any(flags: Sequence[int], lo: int, hi: int, bit: int) -> bool:
        return bool(reduce(or_, flags[lo:hi], 0) & bit)

    @staticmethod
    def _any_seq(
        tokens: Sequence[Token],
        flags: Sequence[int],
        lo: int,
        hi: int,
        start_bit: int,
        seqs: tuple[Seq, ...],
    ) -> bool:
        """True when one of ``seqs`` starts in ``lo..hi`` and ends by ``hi``."""
        return next(Grammar._seq_ends(tokens, flags, lo, hi, start_bit, seqs), None) is not None

    @staticmethod
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
                for seq in seqs:
                    if k + len(seq) <= hi and _matches_at(tokens, k, seq):
                        yield k + len(seq) - 1

    def modifiers(
        self, tokens: Sequence[Token], flags: Sequence[int], span: CueSpan
    ) -> tuple[bool, bool]:
        """``(hedged, intensified)`` for a cue."""
        first, last, end = span.first, span.last, span.clause_end
        before, clause = span.before, span.clause
        hedged = (
            bool(before & HEDGE_BEFORE)
            or bool(
                clause & HEDGE_AFTER_START
                and self._any_seq(tokens, flags, last + 1, end, HEDGE_AFTER_START, self.hedge_after)
            )
            or bool(
                before & HEDGE_PHRASE_START
                and self._any_seq(
                    tokens,
                    flags,
                    max(span.sentence_start, first - 6),
                    first,
                    HEDGE_PHRASE_START,
                    self.hedge_before_phrases,
                )
            )
        )
        intensified = bool(before & INTENSIFIER_BEFORE) or bool(
            clause & INTENSIFIER_AFTER_START
            and self._any_seq(
                tokens, flags, last + 1, end, INTENSIFIER_AFTER_START, self.intensifier_after
            )
        )
        return hedged, intensified

    def is_hypothetical(self, tokens: Sequence[Token], flags: Sequence[int], span: CueSpan) -> bool:
        """True when the cue's clause is conditional (…たら / …なら / …ば: advice) or its
        sentence is a polite question (疲れはありますか?: the staff asking)."""
        if span.clause & CONDITIONAL:
            return True
        end = span.clause_end  # the conditional ば is the clause break itself
        if end < len(flags) and flags[end] & CONDITIONAL:
            return True
        stop = span.sentence_end + 1  # the question mark ends the sentence
        if stop > len(tokens) or not flags[stop - 1] & QUESTION_END:
            return False
        return any(
            stop - len(q) > span.last and _matches_at(tokens, stop - len(q), q)
            for q in self.questions
        )

    def _chained_clause_end(self, flags: Sequence[int], end: int, limit: int) -> int:
        """The end of the clauses joined by て from ``end`` on: their tense is the last one's
        (眠りが浅くて毎晩起きていたけど: 浅くて is past too)."""
        while end < limit and flags[end] & TE and not flags[end] & (CLAUSE_MARK | SENTENCE_END):
            end = self.clause_end(flags, end)
        return end

    def describes_person(
        self, tokens: Sequence[Token], flags: Sequence[int], span: CueSpan
    ) -> bool:
        """True when the cue modifies a person noun (頭痛持ちの人は, 眠れない人が多い):
        somebody's trait, not the graduate's state."""
        for k in range(span.last + 1, min(span.clause_end + 1, span.last + 5, len(flags))):
            bits = flags[k]
            if bits & PERSON or (bits & PERSON_HEAD and tokens[k].pos1 == "名詞"):
                return True
            if not bits & (NEGATION | SUFFIX | AUXILIARY_LIKE) and tokens[k].lemma != "持ち":
                return False
        return False

    def other_subject(self, tokens: Sequence[Token], flags: Sequence[int], span: CueSpan) -> int:
        """Index of a person word that is the subject before the cue (母が眠れないらしい), or -1.

        The search runs back through the cue's sentence; clauses joined by て keep their
        subject (妹が熱を出して寝込んでいる), other clause breaks (ので, けど …) end it.
        """
        for k in range(span.first - 1, span.sentence_start, -1):
            bits = flags[k]
            if bits & SENTENCE_END or (bits & CLAUSE_PARTICLE and not bits & TE):
                return -1
            if bits & SUBJECT:
                person = self._person_before(tokens, flags, k)
                if person >= 0:
                    return person
        return -1

    @staticmethod
    def _person_before(tokens: Sequence[Token], flags: Sequence[int], k: int) -> int:
        """The person word just before token ``k`` (past たち / さん), or -1."""
        j = k - 1
        while j > 0 and flags[j] & SUFFIX:
            j -= 1
        if j < 0:
            return -1
        if flags[j] & PERSON:
            return j
        if flags[j] & PERSON_HEAD and j > 0 and tokens[j - 1].lemma == "の":
            return j
        return -1

    def is_general(self, tokens: Sequence[Token], flags: Sequence[int], span: CueSpan) -> bool:
        """True for advice, rules or general statements (疲れたときは早めに休みましょう,
        小出しに伝えるのがコツ), and for a cue in a clause about a time or case when the
        sentence gives leave or advice (食欲がない時はゼリーでもいい)."""
        sentence = reduce(or_, flags[span.sentence_start : span.sentence_end + 1], 0)
        if sentence & GENERAL_MARK:
            return True
        if not sentence & PERMISSION:
            return False
        return self._any(flags, span.last + 1, min(span.clause_end, span.last + 4) + 1, CASE_NOUN)

    def is_wish(
        self, flags: Sequence[int], span: CueSpan, category: str
    ) -> bool:
        """True for a wish for rest (寝だめしたい, 週末はゆっくり休みたい): a たい not
        negated in the cue's clause, for a category of rest or with a word of leisure."""
        if not self._any(flags, span.first, span.clause_end, WISH):
            return False
        wish = next(k for k in range(span.first, span.clause_end) if flags[k] & WISH)
        if self.negation_scope(flags, wish)[0] % 2:
            return False  # 行きたくない
        if category in self.wish_categories:
            return True
        sentence = reduce(or_, flags[span.sentence_start : span.sentence_end + 1], 0)
        return bool(sentence & LEISURE)

    def is_agreed(self, flags: Sequence[int], span: CueSpan, category: str) -> bool:
        """True when a change was agreed with the doctor (主治医と相談して薬をやめられた):
        no sign of stopping treatment on one's own."""
        if category not in self.agreed_categories:
            return False
        sentence = reduce(or_, flags[span.sentence_start : span.sentence_end + 1], 0)
        return bool(sentence & CLINICIAN and sentence & CONSULT)

    def _past_marker_before(
        self, tokens: Sequence[Token], flags: Sequence[int], lo: int, hi: int
    ) -> bool:
        """A past marker in ``lo..hi`` not followed by より, から, で … (以前より compares),
        or a recent time followed by まで (先週まで: over since)."""
        if not self._any(flags, lo, hi, PAST_MARKER | UNTIL_MARKER):
            return False
        for k in range(lo, hi):
            after = tokens[k + 1].surface if k + 1 < len(tokens) else ""
            if flags[k] & PAST_MARKER and after not in self.not_past_after:
                return True
            if flags[k] & UNTIL_MARKER and after == "まで":
                return True
        return False

    def is_resolved(self, tokens: Sequence[Token], flags: Sequence[int], span: CueSpan) -> bool:
        """True when the cue describes a past that is over.

        以前は寝つきが悪かったが / 先月は疲れがたまっていたけど (a past marker before the cue
        and a past tense in its clause; not a comparison: 以前より痩せた is current);
        眠れなかったけど今は眠れている (past tense, then a present marker in a later
        clause); 頭痛は治まった (recovery after the cue, not negated: 治らない is no recovery).
        """
        first, last = span.first, span.last
        lo, hi = span.sentence_start, span.sentence_end
        end = self._chained_clause_end(flags, span.clause_end, hi)
        reach = min(hi, end + _WINDOW)
        if self._any(flags, last + 1, end, PAST_TENSE) and (
            self._past_marker_before(tokens, flags, max(lo, first - _WINDOW), first)
            or self._any(flags, end, reach, PRESENT_MARKER)
        ):
            return True
        if not self._any(flags, last + 1, reach, RECOVERY_START):
            return False
        # 治まった is a recovery; 治らない / 回復しない are not.
        ends = self._seq_ends(tokens, flags, last + 1, reach, RECOVERY_START, self.recovery_after)
        return any(self.negation_scope(flags, end)[0] % 2 == 0 for end in ends)


@cache
def _default_grammar() -> Grammar:
    text = resources.files("sign_detect.data").joinpath("grammar.toml").read_text("utf-8")
    return Grammar.from_mapping(tomllib.loads(text), "sign_detect/data/grammar.toml")

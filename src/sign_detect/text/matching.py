"""Find lexicon cues in a sentence's tokens and judge each one.

A cue is a lexicon pattern matched on lemmas (or surfaces) in order, with at most
``max_gap`` tokens between consecutive elements. Overlapping candidates are resolved
longest-first, so 疲れが取れない is read as the ability cue 疲れ+取れる (negated: a sign),
not as 疲れ. Each cue is then judged by the grammar: negation count, hedges,
intensifiers, resolved past.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import reduce
from itertools import compress
from operator import or_
from typing import NamedTuple

from .composition import (
    _PASSIVE,
    _PERSON_CATEGORIES,
    _QUOTE_ENDS,
    _QUOTE_STARTS,
    BOSS,
    COMPOSING_MASK,
    EVALUATION_MASK,
    PEER,
    TARGET_MASK,
    Composer,
    category_bit,
    governed_target,
    person_before,
    prefers,
)
from .grammar import SENTENCE_END, CueSpan, Grammar, rules
from .grammar.classes import CONCERN, MEDICINE, PERSON, PROCEDURE, TE
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
    #: For a composed cue: the target (上司) and the evaluation (ピリピリ), else -1.
    target: int = -1
    evaluation: int = -1
    #: Somebody else's state (母が眠れないらしい), or advice and general statements
    #: (疲れたときは早めに休みましょう): no sign of the graduate.
    other: bool = False
    general: bool = False

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
    composer: Composer | None = None,
    composed_bits: Sequence[int] | None = None,
) -> list[Cue]:
    """All cues of a tagged text, judged; ``none``-category guards are matched, not returned.

    With ``signs_only`` only the cues that are current signs are returned, and the rules
    that cannot change that are skipped (a negated symptom needs no hedge check).

    Patterns never span a sentence end, and each grammar rule looks only inside the
    cue's sentence. ``starts`` (the lexicon entries each token may start) and ``flags``
    (the grammar's token classes) are computed when not given.

    With a ``composer``, targets and their evaluations (上司がピリピリしている) are found
    too, where no lexicon cue already stands (see :mod:`sign_detect.text.composition`);
    ``composed_bits`` are its token classes, computed when not given.
    """
    if starts is None:
        starts = list(map(lexicon.starts_of.__getitem__, tokens))
    if composer is not None and composed_bits is None:
        composed_bits = composer.token_bits(tokens)
    composing = (
        composer is not None
        and composed_bits is not None
        and bool(reduce(or_, composed_bits, 0) & COMPOSING_MASK)
    )
    if not any(starts) and not composing:
        return []
    if flags is None:
        flags = grammar.flags(tokens)
    used: set[int] = set()
    cues = _lexicon_cues(
        tokens, flags, starts, lexicon, grammar, max_gap, signs_only, used, composed_bits
    )
    if composing and composer is not None and composed_bits is not None:
        breaks = rules.clause_breaks(flags)
        # A one-word feeling (しんどい, 怖い) about a person or the work is a sign of that:
        # 上司が怖い is supervisor, 職場の人と話すのしんどい coworkers.
        soft = {c.first: c for c in cues if _is_soft(c)}
        for pair in composer.pairs(tokens, composed_bits, breaks, used - soft.keys()):
            if pair.evaluation in soft:
                if pair.entry.category not in _OVERRIDING and not prefers(
                    composed_bits[pair.evaluation], pair.entry.category
                ):
                    continue  # a lone feeling, or 体がだるい: the lexicon cue stands
                cues.remove(soft.pop(pair.evaluation))
            cue = _judge(
                tokens,
                flags,
                pair.entry,
                pair.first,
                pair.last,
                grammar,
                signs_only,
                target=pair.target,
                evaluation=pair.evaluation,
                composed_bits=composed_bits,
            )
            if cue is not None:
                cues.append(cue)
    if cues and grammar.config.side_effect.causes:
        cues = _side_effects(tokens, flags, cues, grammar)
    cues.sort(key=lambda c: (c.first, c.last))
    if any(c.entry.category in _REACTIONS for c in cues):
        cues = [c for c in cues if not _names_a_thing(c, tokens, flags, grammar)]
    if len(cues) > 1:
        cues = _absorb_reactions(cues, tokens, flags)
    if composing and composer is not None and composed_bits is not None:
        cues = [_felt_about_person(c, tokens, flags, composer, composed_bits) for c in cues]
        cues = [_confused_by_person(c, tokens, flags, composer, composed_bits) for c in cues]
    if composer is not None and composed_bits is not None:
        cues = [_hurtful_quote(c, tokens, flags, composer, composed_bits) for c in cues]
    if signs_only:
        cues = [c for c in cues if c.strength > 0]
    if composing and composer is not None and composed_bits is not None and len(cues) > 1:
        cues = _one_person(cues, tokens, composed_bits, composer)
    if composer is not None and composer.criticism:
        cues = [c for c in cues if not _criticised(c, tokens, flags, composer.criticism)]
    if len(cues) > 1:
        cues = _drop_body_consequences(cues, tokens, flags)
    return cues


_MEDICATION = "medication"


def _medicine_named(
    tokens: Sequence[Token], flags: Sequence[int], cues: list[Cue], grammar: Grammar
) -> set[int]:
    """First tokens of the sign cues holding a symptom of ``[side_effect] symptoms`` in a
    sentence that names a medicine (眠気が強いので夜の薬を半分にしている)."""
    rule = grammar.config.side_effect
    found = set()
    for cue in cues:
        if not cue.is_sign or cue.entry.category not in rule.categories:
            continue
        if not any(
            tokens[k].lemma in rule.symptoms or tokens[k].surface in rule.symptoms
            for k in range(cue.first, cue.last + 1)
        ):
            continue
        lo, hi = _sentence(flags, cue.first, cue.last)
        if any(rules.is_medicine(tokens, k, grammar.config) for k in range(lo, hi + 1)):
            found.add(cue.first)
    return found


def _side_effects(
    tokens: Sequence[Token], flags: Sequence[int], cues: list[Cue], grammar: Grammar
) -> list[Cue]:
    """Symptoms put down to the medicine are signs of medication (薬のせいか手が震える,
    新しい薬に変わってから昼間ずっと眠い); see ``[side_effect]`` in grammar.toml."""
    rule = grammar.config.side_effect
    if not any(flag & MEDICINE for flag in flags):
        return cues  # no medicine named: the common case
    kinds = rule.categories | rule.also
    if not any(c.is_sign and c.entry.category in kinds for c in cues):
        return cues
    sentences = rules.side_effect_sentences(tokens, flags, grammar.config)
    named = _medicine_named(tokens, flags, cues, grammar) if rule.symptoms else set()
    if not sentences and not named:
        return cues
    out = []
    for cue in cues:
        out.append(cue)
        if not (
            cue.is_sign
            and cue.entry.category in kinds
            and (any(lo <= cue.first <= hi for lo, hi in sentences) or cue.first in named)
        ):
            continue
        medication = cue._replace(entry=replace(cue.entry, category=_MEDICATION))
        if cue.entry.category in rule.also or any(
            tokens[k].lemma in rule.keep or tokens[k].surface in rule.keep
            for k in range(cue.first, cue.last + 1)
        ):
            out.append(medication)  # 薬を変えてから食欲が止まらない: both
        else:
            out[-1] = medication  # 薬のせいか手が震える: the medicine's
    return out


def _lexicon_cues(
    tokens: Sequence[Token],
    flags: Sequence[int],
    starts: Sequence[tuple[CompiledEntry, ...]],
    lexicon: Lexicon,
    grammar: Grammar,
    max_gap: int,
    signs_only: bool,
    used: set[int],
    composed_bits: Sequence[int] | None,
) -> list[Cue]:
    """Lexicon cues, longest first; their positions are added to ``used``."""
    if not any(starts):
        return []
    candidates = _candidates(tokens, flags, starts, lexicon, max_gap)
    candidates.sort(key=lambda c: (-len(c[0].elements), -c[0].weight, c[1][0], c[0].index))
    cues = []
    for entry, positions in candidates:
        if used.intersection(positions):
            continue
        used.update(positions)
        if entry.category == NONE_CATEGORY:
            continue
        if composed_bits is not None and _bridges_a_target(tokens, composed_bits, entry, positions):
            for k in positions[1:]:
                used.discard(k)  # the last word is that target's (もう今の職場むり)
            continue
        if entry.category in _ABOUT_OTHERS and composed_bits is not None:
            whom = _about_whom(tokens, composed_bits, entry, positions)
            if whom is None:
                continue  # 母に相談できない: about somebody outside work
            entry = whom
        cue = _judge(
            tokens,
            flags,
            entry,
            positions[0],
            positions[-1],
            grammar,
            signs_only,
            composed_bits=composed_bits,
        )
        if cue is not None:
            cues.append(cue)
    return cues


#: Particles between a target and its evaluation (職場が無理, 職場むり).
_TARGET_PARTICLES = frozenset({"が", "は", "も", "って"})


def _bridges_a_target(
    tokens: Sequence[Token],
    composed_bits: Sequence[int],
    entry: CompiledEntry,
    positions: Sequence[int],
) -> bool:
    """True for a pattern across a gap whose last word evaluates a target
    of another category standing just before it in the gap (もう 今の職場 むり: the 無理 is
    the workplace's, not もう無理)."""
    if len(positions) < 2 or positions[-1] - positions[-2] < 2:
        return False
    k = positions[-1] - 1
    if tokens[k].lemma in _TARGET_PARTICLES and k - 1 > positions[-2]:
        k -= 1
    own = category_bit(entry.category)
    bits = composed_bits[k]
    return bool(bits & TARGET_MASK) and not bits & own and not bits & EVALUATION_MASK


def _about_whom(
    tokens: Sequence[Token],
    composed_bits: Sequence[int],
    entry: CompiledEntry,
    positions: Sequence[int],
) -> CompiledEntry | None:
    """A cue about people that names nobody (ため息をつかれる, 話しかけにくい) is about the
    nearest person before it in its sentence: 上司にため息をつかれる is supervisor,
    先輩にため息をつかれる coworkers; after somebody outside work (母に相談できない) it is
    no cue (None)."""
    if any(composed_bits[k] & _PEOPLE_TARGETS for k in range(positions[0], positions[-1] + 1)):
        return entry  # 先輩|同僚 怖い: the entry names its person
    _, category = person_before(tokens, composed_bits, positions[0])
    if category is None:
        return None
    if category and category != entry.category:
        return replace(entry, category=category)
    return entry


def _judge(
    tokens: Sequence[Token],
    flags: Sequence[int],
    entry: CompiledEntry,
    first: int,
    last: int,
    grammar: Grammar,
    signs_only: bool = False,
    target: int = -1,
    evaluation: int = -1,
    composed_bits: Sequence[int] | None = None,
) -> Cue | None:
    """The cue with every rule applied; ``None`` when ``signs_only`` and it is no sign."""
    if 0 <= evaluation < target:  # 優しくない上司: the negation stands before the target
        count, negation_end = rules.negation_scope(flags, evaluation)
    else:
        count, negation_end = rules.negation_scope(flags, last)
    if count:  # 向いてないんじゃないか asks, 眠れないかもしれない hedges: no denial
        rhetorical = rules.rhetorical_negations(tokens, last, negation_end)
        if not rhetorical and rules.is_rhetorical(tokens, negation_end):
            rhetorical = 1  # 迷惑なんじゃないかな: a tag question, no negation
        count = max(0, count - rhetorical)
    if count % 2 == 1 and rules.is_obligation(tokens, flags, negation_end, grammar.config):
        count += 1  # 飲まないといけない: an obligation affirms the act
    if rules.is_rather_than(tokens, last):
        count += 1  # 悲しいというより…: set aside, as if denied
    negated = count % 2 == 1
    present = negated if entry.ability else not negated
    if negated and rules.is_exclusive(tokens, last, negation_end):
        present = True  # ダメな気しかしない / 一口しか食べられない: only, not no
    if signs_only and not present:
        return None
    config = grammar.config
    span = rules.span(flags, first, last)
    resolved = (
        rules.is_resolved(tokens, flags, span, config, entry.category)
        or rules.is_agreed(flags, span, entry.category, config)
        or rules.is_overcome(tokens, flags, span, entry.category, config, grammar.outcomes)
    )
    if signs_only and resolved:
        return None
    hypothetical = rules.is_hypothetical(tokens, flags, span, config) or rules.is_wish(
        flags, span, entry.category, config
    )
    if signs_only and hypothetical:
        return None
    other = (
        _someone_else(tokens, flags, span, entry, target, composed_bits)
        or rules.possessed_state(tokens, flags, span, entry.category)
        or rules.earlier_person(tokens, flags, span)
        or (
            entry.category in _WATCHER_FEELINGS
            and (
                rules.watched_other(tokens, flags, span)
                or rules.helpless_for_other(tokens, flags, span)
            )
        )
    )
    if span.sentence & CONCERN:  # a worry in the sentence (心配, 気にかける)
        other = (other and not rules.worried_into(tokens, flags, span, config)) or (
            rules.worry_for_other(tokens, flags, span, config)
        )
    general = not other and (
        rules.is_general(tokens, flags, span, config)
        or bool(
            span.sentence & PROCEDURE
            and rules.asks_procedure(tokens, flags, span, config, entry.category)
        )
    )
    hurtful = other and entry.category in _HURTFUL and composed_bits is not None
    if signs_only and (other or general) and not hurtful:
        return None  # (a hurtful quote is judged after: see _hurtful_quote)
    hedged, intensified = rules.modifiers(tokens, flags, span, config)
    strength = 0.0
    if present and not (resolved or hypothetical or other or general):
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
        target,
        evaluation,
        other,
        general,
    )


#: Categories of single-word feelings that a target may take over (see :func:`find_cues`).
_SOFT = frozenset({"mood", "fatigue"})
#: Categories of targets that take a feeling over: a person or the work.
_OVERRIDING = frozenset({"supervisor", "coworkers", "workload"})


def _is_soft(cue: Cue) -> bool:
    """A one-word feeling that is a sign (only signs: the fast path sees no others)."""
    return (
        cue.strength > 0
        and cue.first == cue.last
        and len(cue.entry.elements) == 1
        and cue.entry.category in _SOFT
        and not cue.entry.crisis
        # a strong feeling (泣く, 落ち込む) stays mood beside a target (昼休みに泣いた)
        and cue.entry.weight <= _REACTIONS.get(cue.entry.category, 1.0)
    )


#: One-word feelings that are a reaction to a cause named beside them in their sentence,
#: and the heaviest weight a reaction has (heavier ones, 落ち込む or 涙, are signs of their
#: own). Fatigue is no reaction: 寝不足でだるい is a sign of both.
_REACTIONS = {"mood": 0.6}


def _names_a_thing(
    cue: Cue, tokens: Sequence[Token], flags: Sequence[int], grammar: Grammar
) -> bool:
    """True for a one-word feeling that names a thing, not the graduate's state:
    不安障害 / ストレス発散 (a compound), 悲しい映画 (a work), 緊張しやすい性格 (a trait)."""
    if cue.entry.category not in _REACTIONS or cue.first != cue.last or cue.entry.crisis:
        return False
    things = grammar.config.things
    k = cue.last
    after = tokens[k + 1] if k + 1 < len(tokens) else None
    if after is not None and after.pos1 == "名詞":
        if tokens[k].pos1 == "名詞" and after.lemma not in things.state_heads:
            return True  # 不安障害, ストレス発散 (not 不安感)
        if after.lemma in things.works:
            return True  # 悲しい映画, 怖い話
    end = min(rules.clause_end(flags, k) + 1, k + 6, len(tokens))
    return any(tokens[j].lemma in things.traits for j in range(k + 1, end))


#: After …て, a feeling that fills the speaker (怖くて仕方ない, 不安でたまらない).
_EMPHATIC = frozenset({"仕方無い", "しょうがない", "仕様が無い", "堪る", "たまる"})


def _sentence(flags: Sequence[int], first: int, last: int) -> tuple[int, int]:
    """The whole sentence around a cue (the rules' window stops 12 tokens back)."""
    lo, hi = first, last
    while lo > 0 and not flags[lo - 1] & SENTENCE_END:
        lo -= 1
    while hi + 1 < len(flags) and not flags[hi] & SENTENCE_END:
        hi += 1
    return lo, hi


def _absorb_reactions(cues: list[Cue], tokens: Sequence[Token], flags: Sequence[int]) -> list[Cue]:
    """Drop a one-word feeling beside a sign of another category in its sentence: the
    feeling is the reaction and the cause carries the sign (上司が厳しく萎縮している,
    陰口が聞こえてつらい, ストレスで過食気味, 疲れがとれなくてつらい)."""
    signs = [c for c in cues if c.strength > 0]
    if len({c.entry.category for c in signs}) < 2:
        return cues
    kept = []
    for cue in cues:
        category = cue.entry.category
        if (
            cue.strength > 0
            and category in _REACTIONS
            # one word, two (もう無理), or a composed feeling (頭の中がぐちゃぐちゃ)
            and (cue.last - cue.first <= 1 or cue.entry.index < 0)
            and not cue.entry.crisis
            and cue.entry.weight <= _REACTIONS[category]
        ):
            lo, hi = _sentence(flags, cue.first, cue.last)
            end = rules.clause_end(flags, cue.last)
            listed = end < len(tokens) and (
                tokens[end].lemma == "し"  # つらいし行きたくない: a list, not a reaction
                or (end + 1 < len(tokens) and tokens[end + 1].lemma in _EMPHATIC)
            )
            if not listed and any(
                c.entry.category != category and c.last >= lo and c.first <= hi for c in signs
            ):
                continue
        kept.append(cue)
    return kept


def _felt_about_person(
    cue: Cue,
    tokens: Sequence[Token],
    flags: Sequence[int],
    composer: Composer,
    composed_bits: Sequence[int],
) -> Cue:
    """A one-word fear or unease in a sentence whose only target is a person is felt about
    that person (店長に呼ばれるたび、…びくびくしてる: supervisor), as 上司が怖い is."""
    category = cue.entry.category
    if (
        cue.strength <= 0
        or category not in _REACTIONS
        or cue.entry.ability  # どうせできない is about oneself
        or cue.last - cue.first > 1
        or cue.entry.crisis
        or cue.entry.weight > _REACTIONS[category]
    ):
        return cue
    lo, hi = _sentence(flags, cue.first, cue.last)
    end = rules.clause_end(flags, cue.last)
    if end < len(tokens) and tokens[end].lemma == "し":
        return cue  # つらいし: a list of its own
    people = {
        person
        for k in range(lo, min(hi + 1, len(tokens)))
        if composed_bits[k] & TARGET_MASK
        for person in _ABOUT_OTHERS
        if composed_bits[k] & category_bit(person)
    }
    targets = [
        k
        for k in range(lo, min(hi + 1, len(tokens)))
        if composed_bits[k] & TARGET_MASK and k not in range(cue.first, cue.last + 1)
    ]
    if len(people) != 1 or not targets:
        return cue
    if any(not (composed_bits[k] & _PERSON_CATEGORIES and flags[k] & PERSON) for k in targets):
        return cue  # another kind of target is named too (作業, 体, 評価): no telling
    (person,) = people
    t = next(k for k in targets if composed_bits[k] & category_bit(person))
    entry = composer.entry(person, False, f"{tokens[t].lemma}+{tokens[cue.first].lemma}")
    return cue._replace(entry=entry, target=t, evaluation=cue.first)




#: Categories whose signs are about other people: a cue that describes a person
#: (挨拶を返してくれない人がいる) is the graduate's complaint, not somebody's trait.
_ABOUT_OTHERS = frozenset({"supervisor", "coworkers"})
#: Token classes of the people a cue about people may name (上司, 先輩).
_PEOPLE_TARGETS = BOSS | PEER




def _passive_at(tokens: Sequence[Token], k: int) -> bool:
    """True when the word at ``k`` is passive (後輩が怒られて: the person suffered it, so
    what follows is still the person's: 後輩が怒られて落ち込んでいた)."""
    j = k + 2 if k + 2 < len(tokens) and tokens[k + 1].lemma == "為る" else k + 1
    return j < len(tokens) and tokens[j].lemma in _PASSIVE


#: Feelings a watcher has at another person's trouble (横で見ててヒヤヒヤした, 胃がキュッと).
_WATCHER_FEELINGS = frozenset({"mood", "physical"})


def _someone_else(
    tokens: Sequence[Token],
    flags: Sequence[int],
    span: CueSpan,
    entry: CompiledEntry,
    target: int,
    composed_bits: Sequence[int] | None,
) -> bool:
    """True when the cue tells another person's state (母が眠れないらしい).

    Not when that person is what the cue is about (上司がピリピリしている: a target of the
    cue's category) or an evaluation of that person stands between them
    (上司が怖くて眠れない: the fear is the graduate's).
    """
    if (
        target < 0
        and entry.category not in _ABOUT_OTHERS
        and rules.describes_person(tokens, flags, span)
    ):
        return True  # 頭痛持ちの人は: a trait of people (挨拶を返してくれない人: a complaint)
    if rules.generic_people(tokens, flags, span):
        return True  # 職場の人間関係に悩む方も多い: people in general
    if _quoted_other(tokens, flags, span):
        return True  # 上司に「みんな疲れてるんだよ」と言われた: the boss's words
    if entry.category in _OWN_NOUN_CATEGORIES and _persons_noun(tokens, flags, span):
        return True  # 前任者の退職に伴い: somebody else's leaving
    if entry.category == "quit_intent" and _left_before(tokens, span):
        return True  # 人が辞めた穴埋め, 退職した人の分: a leaving that describes a thing
    if rules.told_by(tokens, flags, span) >= 0:
        return True  # 別の利用者について…と情報提供, 仲間から…と連絡: that person's trouble
    person = rules.other_subject(tokens, flags, span)
    if person >= 0 and entry.category in _REACTIONS and rules.done_to_graduate(flags, span):
        return True  # 上司も心配してくれている: the person's feeling, for the graduate
    if person < 0 or person == target or rules.done_to_graduate(flags, span):
        return False  # 隣の人が口をきいてくれない is done to the graduate
    if rules.is_working_kin(flags, person, span):
        return False  # 息子が職場で眠気に勝てない: a family tells of the worker
    if (
        entry.ability
        and rules.across_te(flags, person, span.first)
        and not rules.is_reported(flags, span)
    ):
        # 母が入院して眠れない: an inability told plainly past a て-clause is the
        # graduate's (妹が熱を出して寝込んでいる, an observed state, stays the sister's).
        return False
    if composed_bits is None:
        return True
    if (
        target < 0
        and composed_bits[person] & category_bit(entry.category)
        and not _passive(tokens, span)
    ):
        # 上司が怒鳴る: the person is what a lexicon cue of their kind is about (but the
        # subject of a passive suffers it: 同期が先輩に無視されている is the peer's trouble)
        return False
    between = [
        k
        for k in range(person + 1, span.first)
        if composed_bits[k] & EVALUATION_MASK
        and not rules.is_observed(flags, k)
        and not _passive_at(tokens, k)
    ]
    if not between:
        return True
    breaks = rules.clause_breaks(flags)
    return all(governed_target(tokens, composed_bits, breaks, k) != person for k in between)


# words quoted from another person, a person's own noun, criticism.
_QUOTE_LINKS = frozenset({"と", "って", "て"})
#: Verbs a staff record puts in the honorific passive for the graduate's own words
#: (「…」と話される, と訴えられる).
_TOLD_BY_GRADUATE = frozenset(
    {"話す", "訴える", "語る", "述べる", "仰る", "おっしゃる", "漏らす", "零す", "こぼす"}
)
#: Words before an opening quote that make it the graduate's own speech, reported by staff
#: (本人より「眠れない」との話).
_OWN_SPEAKERS = frozenset({"本人", "自分", "私", "僕", "俺", "わたし"})
#: Categories of a person's state that a noun names after that person and の
#: (前任者の退職, 同僚の体調不良): the state is theirs, not the graduate's.
_OWN_NOUN_CATEGORIES = frozenset(
    {"quit_intent", "sleep", "fatigue", "physical", "appetite", "medication"}
)


def _quoted_other(tokens: Sequence[Token], flags: Sequence[int], span: CueSpan) -> bool:
    """True for a cue inside a quotation another person said (see :func:`_quote_of`)."""
    return _quote_of(tokens, flags, span.first, span.last) != -1


def _quote_of(tokens: Sequence[Token], flags: Sequence[int], first: int, last: int) -> int:
    """The opening quote of words another person said to the graduate around the cue
    (-2 when said of them, -1 when none or the graduate's own): the quote is followed by
    と / って and a passive speech verb (「…」と言われた / と一蹴された / と返された), or
    opened right after a person as subject (上司が「…」と). Staff quoting the graduate
    (本人より「眠れない」との話) and the graduate's own words (「もう無理」と思った) stay."""
    opening = -1
    for k in range(first - 1, max(0, first - 40) - 1, -1):
        surface = tokens[k].surface
        if surface in _QUOTE_ENDS or flags[k] & SENTENCE_END:
            return -1
        if surface in _QUOTE_STARTS:
            opening = k
            break
    if opening < 0:
        return -1
    before = tokens[opening - 1].lemma if opening > 0 else ""
    if before == "より" and opening > 1:
        before = tokens[opening - 2].lemma  # 本人より「…」
    if before in _OWN_SPEAKERS:
        return -1
    closing = -1
    for k in range(last + 1, min(len(tokens), last + 40)):
        if tokens[k].surface in _QUOTE_ENDS:
            closing = k
            break
        if tokens[k].surface in _QUOTE_STARTS:
            return -1
    closing = _last_of_quotes(tokens, closing)  # 「…」「…」と言われる: quotes in a row
    if closing < 0 or closing + 1 >= len(tokens) or tokens[closing + 1].lemma not in _QUOTE_LINKS:
        return -1
    if (
        closing + 3 < len(tokens)
        and tokens[closing + 2].lemma == "言う"
        and tokens[closing + 3].pos1 == "名詞"
    ):
        return -1  # 「…」という声が聞かれた: a reported content, whoever said it
    for k in range(closing + 2, min(closing + 8, len(tokens))):
        if flags[k] & SENTENCE_END:
            break
        if tokens[k].lemma in _PASSIVE:
            # と言われた, と一蹴された, って返された (not staff's honorific と話される)
            told = any(tokens[j].lemma in _TOLD_BY_GRADUATE for j in range(closing + 2, k))
            return -1 if told else opening
    if opening > 1 and tokens[opening - 1].lemma in ("が", "は", "も"):
        # 上司が「…」と気遣ってくれた
        return -2 if rules.person_before(tokens, flags, opening - 1) >= 0 else -1
    return -1


#: Links between a workload word and the criticism of it: 遅さを指摘される, 遅いと怒られる.
_CRITICISM_LINKS = frozenset({"を", "と", "って"})
#: After a work word, a time (仕事中に, 作業中は): the work is when, not what is evaluated.
_DURING = frozenset({"中"})
#: After a word of criticism: it was received (指摘される, 注意を受ける).
_RECEIVED = frozenset({"れる", "られる", "受ける", "食らう", "喰らう"})


def _criticised(
    cue: Cue, tokens: Sequence[Token], flags: Sequence[int], criticism: frozenset[str]
) -> bool:
    """True for a weak workload sign that is the content of criticism the graduate received
    (作業の遅さを繰り返し指摘された, 仕事が遅いと怒られる): the complaint is the person's."""
    if cue.entry.category != "workload" or cue.strength <= 0 or cue.entry.weight > 0.6:
        return False
    t = cue.target
    if 0 <= t < cue.first + 1 and t + 1 < len(tokens) and tokens[t + 1].lemma in _DURING:
        return True  # 仕事中に急に…: a time, not the work evaluated
    j = cue.last + 1
    while j < len(tokens) and tokens[j].pos1 in ("接尾辞", "助動詞"):
        j += 1  # 遅さ, 遅いです
    if j >= len(tokens) or tokens[j].lemma not in _CRITICISM_LINKS:
        return False
    end = min(len(tokens), j + 7)
    for k in range(j + 1, end):
        if flags[k] & SENTENCE_END:
            return False
        if tokens[k].lemma in criticism or tokens[k].surface in criticism:
            after = range(k + 1, min(len(tokens), k + 4))
            return any(tokens[i].lemma in _RECEIVED for i in after)
    return False


#: Signs of the body whose consequence for the work follows after て (手が震えて作業が
#: しづらい, 体がだるくて仕事きつい): the work is hard because of them.
_BODY = frozenset({"physical", "fatigue", "sleep", "medication"})
#: Signs of people or mood whose consequence after て is a loss of focus (上司の顔色を
#: うかがっていて集中できない): no fatigue of its own.
_MINDS = frozenset({"supervisor", "coworkers", "mood"})
_FOCUS = frozenset({"集中", "集中力"})
#: How hard the work feels (not how much there is: 仕事が多い stays workload).
_HARD_FEELINGS = frozenset(
    {"辛い", "つらい", "きつい", "しんどい", "難い", "にくい", "大変", "無理"}
)


def _drop_body_consequences(
    cues: list[Cue], tokens: Sequence[Token], flags: Sequence[int]
) -> list[Cue]:
    """Drop a weak workload sign telling only how hard the work feels, or describing it
    (細かい作業), after a sign of the body joined to it by て in its sentence: the body
    sign carries it (手が震えて、細かい作業がしづらい)."""
    body = [c for c in cues if c.strength > 0 and c.entry.category in _BODY]
    minds = [c for c in cues if c.strength > 0 and c.entry.category in _MINDS]
    if not body and not minds:
        return cues
    kept = []
    for cue in cues:
        if (
            body
            and cue.strength > 0
            and cue.entry.category == "workload"
            and cue.entry.weight <= 0.7
            and (
                tokens[cue.last].lemma in _HARD_FEELINGS
                or 0 <= cue.evaluation < cue.target  # 細かい検品: a description
            )
            and any(_joined_by_te(flags, b.last, cue.first) for b in body)
        ):
            continue
        if (
            minds
            and cue.strength > 0
            and cue.entry.category == "fatigue"
            and any(tokens[k].lemma in _FOCUS for k in range(cue.first, cue.last + 1))
            and any(_joined_by_te(flags, m.last, cue.first) for m in minds)
        ):
            continue  # 顔色ばかりうかがっていて、作業に集中できない: the worry's consequence
        kept.append(cue)
    return kept


def _joined_by_te(flags: Sequence[int], end: int, start: int) -> bool:
    """True when a て / で joins the clause ending at ``end`` to the one at ``start``."""
    if not end < start or start - end > 12:
        return False
    between = range(end + 1, start)
    return any(flags[k] & TE for k in between) and not any(
        flags[k] & SENTENCE_END for k in between
    )


def _last_of_quotes(tokens: Sequence[Token], closing: int) -> int:
    """The closing quote of the last of quotes in a row after ``closing`` (「…」「…」、「…」)."""
    k = closing
    while k >= 0:
        j = k + 1
        if j < len(tokens) and tokens[j].surface in ("、", ","):
            j += 1
        if j >= len(tokens) or tokens[j].surface not in _QUOTE_STARTS:
            return k
        ahead = range(j + 1, min(len(tokens), j + 40))
        end = next((i for i in ahead if tokens[i].surface in _QUOTE_ENDS), -1)
        if end < 0:
            return k
        k = end
    return k


#: Nouns after a past leaving that keep it the speaker's thought (辞めた方が楽).
_NOT_DESCRIBED = frozenset(
    {"方", "ほう", "事", "こと", "気", "感じ", "様", "よう", "訳", "後", "途端"}
)


def _left_before(tokens: Sequence[Token], span: CueSpan) -> bool:
    """True for a leaving in the past tense that modifies a noun (辞めた穴埋め,
    退職した人の分): it describes what somebody's leaving left, not the graduate's wish."""
    k = span.last + 1
    if k < len(tokens) and tokens[k].lemma == "為る":
        k += 1  # 退職した
    if k >= len(tokens) or tokens[k].lemma != "た":
        return False
    k += 1
    return (
        k < len(tokens)
        and tokens[k].pos1 == "名詞"
        and tokens[k].lemma not in _NOT_DESCRIBED
        and tokens[k].surface not in _NOT_DESCRIBED
    )


#: Categories whose words, said to the graduate by a person at work, hurt (上司に「仕事
#: 遅すぎ」と言われた, 先輩に「向いてない」と言われた): a complaint about that person. Words
#: of the body or of rest said to them are care (上司に「疲れてる？」と聞かれた).
_HURTFUL = frozenset({"workload", "quit_intent", "mood"})


def _hurtful_quote(
    cue: Cue,
    tokens: Sequence[Token],
    flags: Sequence[int],
    composer: Composer,
    composed_bits: Sequence[int],
) -> Cue:
    """A cue of :data:`_HURTFUL` inside words a boss or a peer said to the
    graduate (上司から「仕事遅すぎ」と言われた) is a complaint about that person."""
    if not cue.other or cue.entry.category not in _HURTFUL:
        return cue
    if cue.negated != cue.entry.ability or cue.resolved or cue.hypothetical or cue.general:
        return cue  # 「無理しないで」と言われた: no hurtful word
    opening = _quote_of(tokens, flags, cue.first, cue.last)
    if opening < 0:
        return cue
    person, category = person_before(tokens, composed_bits, opening)
    if person < 0 or category not in _ABOUT_OTHERS:
        return cue
    entry = composer.entry(category, False, f"{tokens[person].lemma}+「」")
    return cue._replace(entry=entry, target=person, strength=entry.weight, other=False)


#: Weak work words that are a reaction to their cause (指示が一度に来て混乱する).
_CONFUSION = frozenset({"混乱"})


def _confused_by_person(
    cue: Cue,
    tokens: Sequence[Token],
    flags: Sequence[int],
    composer: Composer,
    composed_bits: Sequence[int],
) -> Cue:
    """Confusion in a sentence naming the supervisor or what they give
    (上長が指示を一度に出すため混乱している, 指示の内容が異なり混乱) is about the supervisor."""
    if (
        cue.strength <= 0
        or cue.entry.category != "workload"
        or cue.first != cue.last
        or tokens[cue.first].lemma not in _CONFUSION
    ):
        return cue
    lo, hi = _sentence(flags, cue.first, cue.last)
    sup = category_bit("supervisor")
    boss = next(
        (k for k in range(lo, min(hi + 1, len(tokens))) if composed_bits[k] & (BOSS | sup)), -1
    )
    if boss < 0:
        return cue
    entry = composer.entry("supervisor", False, f"{tokens[boss].lemma}+{tokens[cue.first].lemma}")
    return cue._replace(entry=entry, target=boss, evaluation=cue.first)


def _one_person(
    cues: list[Cue], tokens: Sequence[Token], composed_bits: Sequence[int], composer: Composer
) -> list[Cue]:
    """Cues about people that name nobody are about the person the note
    names (舌打ちが聞こえて、隣の人の動きが気になる: coworkers); when no cue names anybody,
    one person is meant, the supervisor (怒鳴られた、何が悪いかも教えてくれない)."""
    people = [c for c in cues if c.strength > 0 and c.entry.category in _ABOUT_OTHERS]
    if len({c.entry.category for c in people}) < 2:
        return cues
    named: set[str] = set()
    nameless = set()
    for cue in people:
        span = range(cue.first, cue.last + 1)
        if (
            cue.target >= 0
            or any(composed_bits[k] & _PEOPLE_TARGETS for k in span)
            or person_before(tokens, composed_bits, cue.first)[0] >= 0
        ):
            named.add(cue.entry.category)
        else:
            nameless.add(cue.first)
    if len(named) > 1 or not nameless:
        return cues
    (category,) = named or {"supervisor"}
    return [
        c._replace(entry=replace(c.entry, category=category))
        if c.first in nameless and c.strength > 0 and c.entry.category in _ABOUT_OTHERS
        else c
        for c in cues
    ]


def _persons_noun(tokens: Sequence[Token], flags: Sequence[int], span: CueSpan) -> bool:
    """True for a noun cue right after a person and の (前任者の退職, 同僚の休職)."""
    k = span.first
    if k < 2 or tokens[k].pos1 != "名詞" or tokens[k - 1].lemma != "の":
        return False
    return rules.person_before(tokens, flags, k - 1) >= 0


def _passive(tokens: Sequence[Token], span: CueSpan) -> bool:
    """True when the cue's predicate is a passive (無視される, 叱られた)."""
    return any(
        tokens[k].lemma in _PASSIVE for k in range(span.first, min(span.last + 2, len(tokens)))
    )

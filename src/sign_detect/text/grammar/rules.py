"""The polarity rules: small pure functions over the class bits of a sentence's tokens.

Every rule reads the tokens' class bits (:mod:`sign_detect.text.grammar.classes`) and, for
multi-word triggers only, the words; the trigger words come from a
:class:`~sign_detect.text.grammar.config.GrammarConfig`. A :class:`CueSpan` says where a cue's
sentence and clause lie, computed once for all the rules.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import reduce
from operator import or_
from typing import NamedTuple

from ..tokenizer import Token
from .classes import (
    AFTER_CUE,
    AUXILIARY_LIKE,
    BENEFACTIVE,
    CASE_NOUN,
    CLAUSE_LIST,
    CLAUSE_MARK,
    CLAUSE_PARTICLE,
    CLINICIAN,
    CONCERN,
    CONDITIONAL,
    CONDITIONAL_FRAME_KEY,
    CONSULT,
    EVIDENTIAL,
    FRAME_KEY,
    FRAME_NOUN,
    FRAME_START,
    GENERAL_MARK,
    GENERAL_PHRASE_START,
    GENERIC_COND,
    HEDGE_AFTER_START,
    HEDGE_BEFORE,
    HEDGE_PHRASE_START,
    HOWTO,
    INTENSIFIER_AFTER_START,
    INTENSIFIER_BEFORE,
    LEISURE,
    LIST_MARKER,
    MANY,
    NEGATION,
    NOUN,
    PARALLEL_MARKER,
    PASSABLE,
    PAST_MARKER,
    PAST_TENSE,
    PERMISSION,
    PERSON,
    PERSON_HEAD,
    PHRASE_KEY,
    PRESENT_MARKER,
    PROCEDURE,
    QUANTIFIER,
    QUESTION_END,
    RECOVERY_START,
    ROUTINE,
    SELF,
    SENTENCE_END,
    SINCE,
    SUBJECT,
    SUFFIX,
    TE,
    TOPIC,
    UNTIL_MARKER,
    WISH,
    WORK_WORD,
    WORKER_KIN,
)
from .config import GrammarConfig, Seq

__all__ = [
    "CueSpan",
    "across_te",
    "clause_breaks",
    "clause_end",
    "describes_person",
    "done_to_graduate",
    "generic_people",
    "is_agreed",
    "is_clause_break",
    "is_exclusive",
    "is_general",
    "is_hypothetical",
    "is_medicine",
    "is_obligation",
    "is_overcome",
    "is_rather_than",
    "is_reported",
    "is_resolved",
    "is_rhetorical",
    "is_wish",
    "modifiers",
    "negation_scope",
    "other_subject",
    "person_before",
    "rhetorical_negations",
    "side_effect_sentences",
    "span",
]

#: How many tokens before a cue (and after its clause) the rules look at.
WINDOW = 12
#: How many tokens a parallel も carries negation over (胃が痛むことも + ない).
PARALLEL_REACH = 8
#: Words between a cue and the person it describes (頭痛持ちの人, 眠れないという人).
_BEFORE_PERSON = frozenset({"持ち", "言う", "云う", "思う", "感じる", "感ずる", "考える", "悩む"})
#: Quoting particles: a person after them reports the cue (…と母から聞いた), unless
#: という follows (眠れないという人: a trait).
_QUOTE = frozenset({"と", "って"})
#: Words before 者 that may name the graduate (利用者, 当事者, 本人).
_SELF_BEFORE_SHA = frozenset({"利用", "当事", "対象", "障害", "本人"})
#: Case particles: a person after one is no noun the cue modifies (…方がみんな楽).
_CASE_PARTICLES = frozenset({"が", "を", "は", "に", "で"})
#: Parts of speech before 前 / 以前 that make it "before (an event or a time)".
_NOT_BEFORE_PAST = frozenset({"動詞", "助動詞", "接尾辞"})
#: A negation after じゃ / では asking, not denying (…んじゃないか, …のではないでしょうか).
_ASKING_NEGATION = frozenset({"無い", "ない"})
_ASKING_END = frozenset({"か", "かな", "かしら"})
#: The negations of かもしれない / かもしれん / かもしれません (a hedge, not a denial).
_HEDGING_NEGATION = frozenset({"ず", "ぬ", "ん"})
#: Verbs of thinking: a sign put as a thought in a question is the asker's own.
_QUOTATIVE = frozenset({"思う", "考える", "感じる", "感ずる"})
#: Words before an era noun (頃, 時期) that make it a past that is over: あの頃, 一時期,
#: 転職したばかりの頃 (after a past tense too).
_ERA_BEFORE = frozenset({"彼の", "其の", "あの", "その", "一", "の"})
#: Closing quotes between a quoted cue and the person it describes.
_CLOSING_QUOTES = frozenset({"」", "』", '"', "”"})
#: Suffixes of a name (同僚のCさん).
_HONORIFICS = frozenset({"さん", "君", "くん", "ちゃん", "氏", "様", "さま"})
#: Words of prevention after …を (飲み忘れを防ぐには): advice, not a sign.
_PREVENT = frozenset({"防ぐ", "予防"})
#: Case particles after which one predicate may stand in a clause that describes a person
#: (不安が強い人, ストレスを感じやすい方).
_CASE_BEFORE_PREDICATE = frozenset({"が", "の", "を", "に"})


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


# -- sentences and clauses ---------------------------------------------------------------
def sentence_bounds(flags: Sequence[int], first: int, last: int) -> tuple[int, int]:
    """``(start, end)`` of the sentence around a cue, looking at most ``WINDOW`` tokens
    before it and ``2 * WINDOW`` after it."""
    lo = first
    floor = max(0, first - WINDOW)
    while lo > floor and not flags[lo - 1] & SENTENCE_END:
        lo -= 1
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


def _sentence_bits(flags: Sequence[int], cue: CueSpan) -> int:
    return cue.sentence


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


# -- negation ------------------------------------------------------------------------------
def negation_scope(flags: Sequence[int], last: int) -> tuple[int, int]:
    """``(count, index of the last negation or last)`` for a cue ending at ``last``.

    Odd means negated (眠れない); even is affirmed (疲れていないわけではない = 2). The scan
    passes particles, auxiliaries, suffixes, adverbs, non-independent verbs and transparent
    words (思う, 訳, 事, 気) and stops at any other content word or at the clause's end.
    After a list marker the nouns that follow are passed too (頭痛や吐き気はない, 頭痛も
    吐き気もない), after …ことも a whole parallel clause, and a comma right after a topic
    (…ことは、一度もない). A word of recovery ends the scan:
    in だるさが抜けない the negation denies the recovery, not the symptom.
    """
    count, end = 0, last
    listing = False
    parallel = 0  # tokens still passed after …ことも
    topic = False  # after a topic and a comma: a frame or a change may stand before the denial
    skips = 0
    k = last
    while k + 1 < len(flags):
        k += 1
        bits = flags[k]
        if (
            flags[k - 1] & PARALLEL_MARKER
            and not bits & NEGATION
            and k + 1 < len(flags)
            and flags[k + 1] & PARALLEL_MARKER
        ):
            continue  # (supwork) 多くも少なくもない: the word between two も is passed
        if bits & RECOVERY_START and not bits & NEGATION:
            if parallel and k + 1 < len(flags) and flags[k + 1] & PARALLEL_MARKER:
                continue  # area negation: 多くも少なくもない (an item of the list, no recovery)
            break
        if bits & NEGATION:
            count += 1
            end = k
        elif bits & CLAUSE_LIST and not flags[k - 1] & NOUN and skips < _MAX_SKIPS:
            # area negation: 眠れないとか食欲がないとかは全然ない, 上司が怖いとか、…とか、
            # そういうことは一度もない: the denial after a list of clauses covers them all
            k = _clause_list_end(flags, k)
            skips += 1
            listing = True  # そういう睡眠の悩みはない: the nouns that sum the list up
            if k + 1 < len(flags) and flags[k + 1] & CLAUSE_MARK:
                k += 1
                topic = True
            continue
        elif listing and (bits & NOUN or (k + 1 < len(flags) and flags[k + 1] & SUFFIX)):
            continue  # 眠気やだるさ(だる + さ)を感じることもない
        elif bits & LIST_MARKER and not bits & PASSABLE:
            listing = True  # めまい・ふらつきはない: a list mark that is no particle
            continue
        elif parallel and not is_clause_break(flags, k):
            parallel -= 1
            continue
        elif bits & CLAUSE_MARK and flags[k - 1] & TOPIC:
            topic = True
            continue  # 辞めたいと思ったことは、一度もない: a comma after a topic
        elif bits & CLAUSE_MARK and _comma_list(flags, k):
            listing = True  # 頭痛、吐き気、めまいなどの症状はない
            continue
        elif bits & CLAUSE_MARK and (
            (k == last + 1 and _bare_topic(flags, last)) or flags[k - 1] & SUFFIX
        ):
            topic = True  # area negation: 飲み忘れ、…からゼロ (a noun and a comma as topic)
            continue
        elif not bits & PASSABLE or is_clause_break(flags, k):
            if topic and skips < _MAX_SKIPS:
                skip = _topic_frame_end(flags, k)
                if skip >= 0:
                    k = skip  # …は、ピルケースを使い始めてから一度もない; …は、今回は…ない
                    skips += 1
                    if k + 1 < len(flags) and flags[k + 1] & CLAUSE_MARK:
                        k += 1  # …を使い始めて以来、一度もない
                    continue
            break
        listing = listing or bool(bits & LIST_MARKER)
        if bits & PARALLEL_MARKER and not flags[k - 1] & TE:
            parallel = PARALLEL_REACH  # not the concessive ても (頓服を飲んでも効かない)
    return count, end


#: How many frames or clause lists the negation scope may pass over after a topic.
_MAX_SKIPS = 2


def _bare_topic(flags: Sequence[int], last: int) -> bool:
    """True when a cue ending at ``last`` is a bare noun (飲み忘れ、頭痛、): with a comma after
    it, it stands as a topic; not a clause ending in a verb, a negation or a past."""
    bits = flags[last]
    return bool(bits & (NOUN | PASSABLE)) and not bits & (
        AUXILIARY_LIKE | NEGATION | PAST_TENSE | TE | CLAUSE_MARK
    )


def _topic_frame_end(flags: Sequence[int], k: int) -> int:
    """Where a frame between a topic and its predicate ends, or -1: a change told with
    てから / て以来 / たおかげで (ピルケースを使い始めてから), or a time or place taken as a
    topic (今回は, 今の職場では, 今回の面談でも). The denial must follow it."""
    framed = False
    for j in range(k, min(len(flags), k + 2 * WINDOW)):
        bits = flags[j]
        if bits & (NEGATION | SENTENCE_END):
            return -1
        if bits & SINCE and j > k and flags[j - 1] & (TE | PAST_TENSE):
            return j
        if bits & FRAME_NOUN:
            framed = True
        elif bits & TOPIC and framed and j > k:
            return j
        elif not bits & (NOUN | PASSABLE) or bits & CLAUSE_MARK:
            if not framed:
                continue  # a clause before the since-marker (ピルケースを買って)
            return -1
    return -1


def _clause_list_end(flags: Sequence[int], k: int) -> int:
    """The last clause-list marker of a chain starting at ``k`` (…とか…とか): each next one
    within a window of the one before, in the same sentence."""
    last = k
    for j in range(k + 1, min(len(flags), k + 2 * WINDOW)):
        if flags[j] & SENTENCE_END or j > last + WINDOW:
            break
        if flags[j] & CLAUSE_LIST:
            last = j
    return last


def rhetorical_negations(tokens: Sequence[Token], last: int, negation: int) -> int:
    """How many negations after a cue (up to ``negation``) only ask or hedge
    (…んじゃないか, …のではないか, …かもしれない): 向いてないんじゃないかと思う and
    眠れないかもしれない say the cue, they do not deny it."""
    count = 0
    for k in range(last + 2, min(negation, len(tokens) - 1) + 1):
        before = tokens[k - 1]
        j = k - 2 if before.lemma == "ます" and k >= 3 else k - 1  # かもしれません
        hedges = (
            tokens[k].lemma in _ASKING_NEGATION | _HEDGING_NEGATION
            and tokens[j].lemma == "知れる"  # かもしれない / かもしれん
            and tokens[j - 1].lemma == "も"
        )
        asks = (
            tokens[k].lemma in _ASKING_NEGATION
            and (
                before.surface == "じゃ"
                or (before.surface == "は" and tokens[k - 2].surface == "で")
            )
            and _asks(tokens, k + 1)
        )
        count += hedges or asks
    return count


def _asks(tokens: Sequence[Token], k: int) -> bool:
    """True when a question particle follows at ``k`` (か), or after です / でしょう."""
    if k < len(tokens) and tokens[k].lemma == "です":
        k += 1
    return k < len(tokens) and tokens[k].lemma in _ASKING_END


def _comma_list(flags: Sequence[int], k: int) -> bool:
    """True when the comma at ``k`` joins nouns of a list closed by a list marker
    (頭痛、吐き気、めまいなど): 頭痛、仕事にならない is no list."""
    if not (flags[k - 1] & NOUN and k + 1 < len(flags) and flags[k + 1] & NOUN):
        return False
    for j in range(k + 1, min(len(flags), k + PARALLEL_REACH)):
        if flags[j] & LIST_MARKER:
            return True
        if not flags[j] & (NOUN | CLAUSE_MARK):
            return False
    return False


def is_rather_than(tokens: Sequence[Token], last: int) -> bool:
    """True for …というより (悲しいというより、やっぱりという感じ; 疲れたっていうより眠い):
    the words before it are set aside for what follows."""
    k = last + 1
    while k < len(tokens) and k <= last + 3 and tokens[k].pos1 == "助動詞":
        k += 1  # 疲れた + というより
    return (
        k + 2 < len(tokens)
        and tokens[k].lemma in ("と", "って")
        and tokens[k + 1].lemma == "言う"
        and tokens[k + 2].lemma == "より"
    )


def is_rhetorical(tokens: Sequence[Token], negation: int) -> bool:
    """True for the tag question …んじゃないか / …のではないか (迷惑なんじゃないかと思う,
    疲れてるんじゃないかな): it affirms what it asks about."""
    if negation < 3 or negation + 1 >= len(tokens):
        return False
    if tokens[negation + 1].lemma not in ("か", "かな", "かしら", "でしょう", "だろう"):
        return False
    if tokens[negation - 1].surface in ("じゃ", "じゃあ", "では"):
        return tokens[negation - 2].lemma == "の"  # …んじゃないか
    return (  # …のではないか (で + は)
        tokens[negation - 1].surface == "は"
        and tokens[negation - 2].surface == "で"
        and tokens[negation - 3].lemma == "の"
    )


def is_exclusive(tokens: Sequence[Token], last: int, negation: int) -> bool:
    """True when the negation after a cue is the exclusive しか…ない (only), which
    affirms the cue (ダメな気しかしない) or says how little (一口しか食べられない)."""
    return any(tokens[k].lemma == "しか" for k in range(last, negation))


def is_obligation(
    tokens: Sequence[Token], flags: Sequence[int], negation: int, config: GrammarConfig
) -> bool:
    """True when the negation at ``negation`` makes an obligation, which affirms the act
    (飲まないといけない, 飲まなければならない, 通院しないとだめ, 飲まなきゃ, 飲まないと。),
    or gives leave (食べなくても大丈夫): either way nothing is denied of the graduate."""
    rule = config.obligation
    if tokens[negation].surface in rule.surfaces:
        return True
    k = negation + 1
    if k >= len(tokens) or tokens[k].surface not in rule.links:
        return False
    if k + 1 >= len(tokens) or flags[k + 1] & SENTENCE_END:
        return tokens[k].surface == "と"  # 薬飲まないと。
    if tokens[k].surface == "ちゃ" and (
        tokens[k + 1].pos1 in ("助詞", "補助記号") or flags[k + 1] & SENTENCE_END
    ):
        return True  # 飲まなくちゃね
    head = tokens[k + 1]
    if tokens[k].surface == "て" and head.lemma == "も" and k + 2 < len(tokens):
        leave = tokens[k + 2]  # 食べなくても大丈夫: leave, not a report
        return leave.lemma in rule.leave or leave.surface in rule.leave
    return head.lemma in rule.heads or head.surface in rule.heads


def is_medicine(tokens: Sequence[Token], k: int, config: GrammarConfig) -> bool:
    """True when a word of a medicine starts at ``k`` (薬, 眠剤, 抗うつ薬, a brand name the
    tagger may split: リー + マス); see ``[side_effect]``."""
    rule = config.side_effect
    token = tokens[k]
    if token.pos1 == "名詞" and token.surface.endswith(rule.medicine_endings):
        return True
    return any(_matches_at(tokens, k, seq) for seq in _starting(rule.medicines, token))


def _starting(seqs: tuple[Seq, ...], token: Token) -> tuple[Seq, ...]:
    """The sequences of ``seqs`` whose first word is the token's lemma or surface."""
    index = _by_first_word(seqs)
    by_lemma = index.get(token.lemma, ())
    if token.surface == token.lemma:
        return by_lemma
    return by_lemma + index.get(token.surface, ())


#: Particles that give a cause its own object (お酒を飲むと): no bare cause then.
_OBJECT = frozenset({"を", "は", "も"})


def side_effect_sentences(
    tokens: Sequence[Token], flags: Sequence[int], config: GrammarConfig
) -> list[tuple[int, int]]:
    """``(start, end)`` (inclusive) of the sentences that put a symptom down to the medicine:
    a medicine word, then a cause (薬のせいか, 薬を変えてから, 薬を飲むと), or 副作用."""
    rule = config.side_effect
    own_causes = frozenset(rule.own_causes)
    all_causes = rule.causes + rule.own_causes
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


# -- hedges and intensifiers -----------------------------------------------------------------
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


# -- no current sign of the graduate ----------------------------------------------------------
def is_hypothetical(
    tokens: Sequence[Token], flags: Sequence[int], cue: CueSpan, config: GrammarConfig
) -> bool:
    """True when the cue's clause is conditional (…たら / …なら / …ば: advice) or its
    sentence is a polite question (疲れはありますか?: the staff asking)."""
    if cue.clause & CONDITIONAL or _before_it(tokens, cue.last):
        return True
    end = cue.clause_end  # the conditional ば is the clause break itself
    if end < len(flags) and flags[end] & CONDITIONAL:
        return True
    stop = cue.sentence_end + 1  # the question mark ends the sentence
    if stop > len(tokens) or not flags[stop - 1] & QUESTION_END:
        return False
    asked = next(
        (
            stop - len(q)
            for q in config.hypothetical.questions
            if stop - len(q) > cue.last and _matches_at(tokens, stop - len(q), q)
        ),
        -1,
    )
    # The staff asking (疲れはありますか?), not a person asking about their own sign
    # (夜眠れないのですが、どうしたらいいですか? / 辞めたいと思うのはおかしいですか?).
    return asked >= 0 and not any(
        is_clause_break(flags, k) or tokens[k].lemma in _QUOTATIVE
        for k in range(cue.last + 1, asked)
    )


def _before_it(tokens: Sequence[Token], last: int) -> bool:
    """True when the cue names what has not happened yet: …前に / …前は / …前の
    (辞める前に確認したい, 退職前の準備)."""
    k = last + 1
    if k < len(tokens) and tokens[k].lemma == "為る":
        k += 1  # 退職する前に
    return (
        k + 1 < len(tokens)
        and tokens[k].lemma == "前"
        and tokens[k].pos1 == "名詞"
        and tokens[k + 1].lemma in ("に", "は", "の", "まで")
    )


def is_wish(flags: Sequence[int], cue: CueSpan, category: str, config: GrammarConfig) -> bool:
    """True for a wish for rest (寝だめしたい, 週末はゆっくり休みたい): a たい not negated in
    the cue's clause, for a category of rest or with a word of leisure in the sentence."""
    rest = category in config.wish.rest_categories
    if rest and config.wish.plans and _leisure_condition(flags, cue):
        return True  # 連休になったら昼まで寝坊するんだ: a plan for the holiday
    wish = next((k for k in range(cue.first, cue.clause_end) if flags[k] & WISH), -1)
    if wish < 0 or negation_scope(flags, wish)[0] % 2:
        return False  # 行きたくない is no wish for rest
    if category in config.wish.rest_categories:
        return True
    return bool(_sentence_bits(flags, cue) & LEISURE)


def _leisure_condition(flags: Sequence[int], cue: CueSpan) -> bool:
    """True when a conditional clause before the cue names a time of leisure (連休になったら)."""
    condition = next(
        (k for k in range(cue.first - 1, cue.sentence_start - 1, -1) if flags[k] & CONDITIONAL), -1
    )
    return condition >= 0 and _any(flags, cue.sentence_start, condition, LEISURE)


def is_agreed(flags: Sequence[int], cue: CueSpan, category: str, config: GrammarConfig) -> bool:
    """True when a change was agreed with the doctor (主治医と相談して薬をやめられた)."""
    if category not in config.agreed.categories:
        return False
    if not _sentence_bits(flags, cue) & CLINICIAN:
        return False
    # 主治医に相談せず減らしている is no agreement.
    return any(
        flags[k] & CONSULT and negation_scope(flags, k)[0] % 2 == 0
        for k in range(cue.sentence_start, cue.sentence_end + 1)
        if k < len(flags)
    )


def is_general(
    tokens: Sequence[Token], flags: Sequence[int], cue: CueSpan, config: GrammarConfig
) -> bool:
    """True for advice, rules or general statements (疲れたときは早めに休みましょう,
    小出しに伝えるのがコツ, 再発しやすいと言われている), and for a cue in a clause about a
    time or case: with は (ミスをしたときは…) always, otherwise when the sentence gives
    leave or advice (食欲がない時にはゼリーでもいい)."""
    lo, hi = cue.sentence_start, min(cue.sentence_end + 1, len(flags))
    sentence = _sentence_bits(flags, cue)
    if sentence & GENERAL_MARK and any(
        flags[k] & GENERAL_MARK
        and not (k + 1 < len(tokens) and tokens[k + 1].lemma == "か")
        and not _reported_action(tokens, flags, cue, k)
        for k in range(lo, hi)
    ):
        return True  # 病院に行くべきか迷っている asks; 休むべきだ advises
    if sentence & PHRASE_KEY and any(
        negation_scope(flags, k)[0] % 2 == 0  # 必要とされていない is no general knowledge
        for k in _seq_ends(tokens, flags, lo, hi, GENERAL_PHRASE_START, config.general.phrases)
    ):
        return True
    if _explains(tokens, flags, cue, config, sentence):
        return True
    if _conceded_in_advice(tokens, flags, cue):
        return True
    case = next(
        (
            k
            for k in range(cue.last + 1, min(cue.clause_end, cue.last + 5) + 1)
            if k < len(flags) and flags[k] & CASE_NOUN
        ),
        -1,
    )
    if config.general.coping and _coped_after(tokens, flags, cue, config) >= 0:
        return True  # 疲れた時点で休憩を申し出られた: a success
    if case < 0:
        return False
    # 眠れない日はお酒を飲んでしまう is a habit told: a day noun with は is no rule alone.
    weak = tokens[case].lemma in config.general.day_nouns
    after = [t.lemma for t in tokens[case + 1 : case + 3]]
    # area others: 疲れたときには…, like 疲れたときは…
    topic = not weak and bool(after) and (after[0] == "は" or after == ["に", "は"])
    return topic or bool(sentence & PERMISSION) or _is_heading(tokens, flags, cue, case)


def _conceded_in_advice(tokens: Sequence[Token], flags: Sequence[int], cue: CueSpan) -> bool:
    """True when the cue is conceded (…ても) in a sentence that then gives leave or says there
    is no need (ミスをしても落ち込む必要はありません, 眠れなくても横になるだけでいい)."""
    hi = min(cue.sentence_end, len(tokens) - 1)
    conceded = next(
        (
            k
            for k in range(cue.last + 1, min(cue.clause_end + 2, hi))
            if tokens[k].lemma in ("て", "で")
            and tokens[k + 1].lemma == "も"
            and tokens[k + 1].pos1 == "助詞"
        ),
        -1,
    )
    if conceded < 0:
        return False
    rest = range(conceded + 2, hi + 1)
    no_need = any(
        flags[k] & AFTER_CUE and _any(flags, k + 1, min(hi + 1, k + 6), NEGATION) for k in rest
    )
    return no_need or any(flags[k] & PERMISSION for k in rest)


# -- explanations, headings and how-to (area: healthy look-alikes) ----------------------------
def _content_end(flags: Sequence[int], cue: CueSpan) -> int:
    """One past the last word of the cue's sentence (its end mark excluded)."""
    return min(cue.sentence_end, len(flags))


def _is_question(tokens: Sequence[Token], flags: Sequence[int], cue: CueSpan) -> bool:
    """True when the sentence ends as a question (…でしょうか? / …サインかな)."""
    lo, end = cue.sentence_start, _content_end(flags, cue)
    if end < len(tokens) and tokens[end].surface in ("?", "？"):
        return True
    return any(
        tokens[k].lemma in ("か", "かな", "かしら") and tokens[k].pos2 == "終助詞"
        for k in range(max(lo, end - 3), end)
    )


def _is_heading(tokens: Sequence[Token], flags: Sequence[int], cue: CueSpan, case: int) -> bool:
    """True when the sentence is a heading: after the time or case it ends in a noun that a
    clause modifies, not in a predicate (食欲がないときに試したいこと, 眠れない夜に試して
    ほしいストレッチ; not 疲れた時に頭痛)."""
    end = _content_end(flags, cue)
    if end - 1 <= case or end - 1 >= len(tokens):
        return False
    last = tokens[end - 1]
    if last.pos1 != "名詞" or tokens[end - 2].lemma in ("の", "と"):
        return False  # …とのこと ends a staff record, not a heading
    between = range(case + 1, end - 1)
    if any(tokens[j].lemma in ("は", "が", "も") and tokens[j].pos1 == "助詞" for j in between):
        return False  # 寝不足の日は確認漏れが増える様子: a sentence with a subject
    return last.lemma in ("事", "こと", "物", "もの") or any(
        tokens[j].pos1 in ("動詞", "形容詞") for j in between
    )


#: Particles after a past tense that end its clause (…と言われたけど / …思ったので).
_AFTER_FINITE = frozenset({"と", "けど", "けれど", "が", "ので", "のに", "し", "から", "よ", "ね"})


def _told(tokens: Sequence[Token], flags: Sequence[int], last: int, end: int) -> bool:
    """True when a clause after the cue ends in the past tense (…が原因だと言われました):
    events told, not an explanation. A past before a noun (避けたほうが良い, 感じたことは)
    is no telling."""
    for k in range(last + 1, end):
        if not flags[k] & PAST_TENSE or flags[k] & CONDITIONAL:
            continue  # …続いたら is a condition, not a telling
        nxt = k + 1
        if nxt >= end or flags[nxt] & (CLAUSE_MARK | SENTENCE_END):
            return True
        if tokens[nxt].pos1 == "助詞" and tokens[nxt].lemma in _AFTER_FINITE:
            return True
    return False


def _explains(
    tokens: Sequence[Token],
    flags: Sequence[int],
    cue: CueSpan,
    config: GrammarConfig,
    sentence: int,
) -> bool:
    """True when the cue's sentence explains or gives a heading rather than reports:

    - a frame after the cue: …のサインの一つです, …原因になります, …ケースがあります,
      …おそれがあります (not with the writer's own 私 / 最近, not as a question:
      最近だるいのはうつのサインでしょうか? is the writer's sign);
    - …ことがあります after a general condition (無理をすると、…悪化することがあります);
    - a heading of advice: 眠れない夜の過ごし方, 辞めたいときの対処法, …お悩みの方へ;
    - a cue right before 必要 (落ち込む必要はない).
    """
    g = config.general
    lo, end = cue.sentence_start, _content_end(flags, cue)
    k = cue.last + 1
    passed = NEGATION | AUXILIARY_LIKE
    while k < min(end, cue.last + 3) and flags[k] & passed and not flags[k] & AFTER_CUE:
        k += 1
    if k < len(flags) and flags[k] & AFTER_CUE and _any(flags, k + 1, min(end, k + 6), NEGATION):
        return True  # 落ち込む必要はありません (not 薬を増やす必要があるか悩む)
    for k in range(cue.last + 1, min(end, cue.last + 8)):
        before = tokens[k - 1].lemma
        prevent = before == "を" and tokens[k].lemma in _PREVENT
        if flags[k] & HOWTO and (before == "の" or prevent):
            return True  # 眠れないときの対処法, 行きたくない朝の過ごし方, 飲み忘れを防ぐ
        quoted = tokens[k].lemma in _QUOTATIVE and before == "と"  # 辞めたいと感じたときの
        if not (quoted or flags[k] & (NEGATION | AUXILIARY_LIKE | NOUN | SUFFIX)):
            break
    if not sentence & FRAME_START or not sentence & (FRAME_KEY | CONDITIONAL_FRAME_KEY):
        return False
    framed = bool(sentence & FRAME_KEY)
    if framed and any(
        _matches_at(tokens, end - len(seq), seq) for seq in g.endings if end - len(seq) > lo
    ):
        return True  # …といったお悩みをお持ちの方へ
    if sentence & SELF or _is_question(tokens, flags, cue) or _told(tokens, flags, cue.last, end):
        return False  # …当然だと思って我慢してきた / …が原因だと言われた: told of the writer
    if framed and _any_seq(tokens, flags, max(lo, cue.first - 1), end, FRAME_START, g.frames):
        return True
    if framed and _any_seq(tokens, flags, lo, end, FRAME_START, g.preludes):
        return True  # 双極性障害では…, 人によっては…, 誰しも…
    if not sentence & CONDITIONAL_FRAME_KEY:
        return False
    condition = next((k for k in range(lo, end) if flags[k] & (CONDITIONAL | GENERIC_COND)), -1)
    if condition < 0 or _any(flags, lo, condition, ROUTINE):
        return False  # 出勤前になると…ことがあります: a habit of the writer's day
    return _any_seq(tokens, flags, cue.last + 1, end, FRAME_START, g.conditional_frames)


def _reported_action(tokens: Sequence[Token], flags: Sequence[int], cue: CueSpan, k: int) -> bool:
    """True when the marker at ``k`` is a verb in the past in a later clause: what staff
    did about the sign (耳鳴りの訴えがあり、受診を勧めた), not advice in general."""
    return (
        k >= cue.clause_end
        and tokens[k].pos1 == "動詞"
        and _any(flags, k + 1, min(len(flags), k + 3), PAST_TENSE)
    )


def _coped_after(
    tokens: Sequence[Token], flags: Sequence[int], cue: CueSpan, config: GrammarConfig
) -> int:
    """Index of a case noun after the cue (…と感じた時点で, …って思ったときに) when the
    sentence then tells a coping action done (休憩をもらえた, 早退を申し出られた), or -1."""
    hi = min(cue.sentence_end, len(tokens))
    case = next(
        (
            k
            for k in range(cue.last + 1, min(hi, cue.last + 9))
            if flags[k] & CASE_NOUN or tokens[k].lemma == "事"
        ),
        -1,
    )
    if case < 0 or case + 1 >= hi:
        return -1
    after = tokens[case + 1].lemma
    if not (after in ("に", "で") or (after == "は" and tokens[case].lemma == "事")):
        return -1  # …時に / …時点で / 不安なことは
    for k in range(case + 2, hi):
        if (
            tokens[k].lemma in config.general.coping
            and negation_scope(flags, k)[0] % 2 == 0
            and (
                _any(flags, k, hi + 1, PAST_TENSE)
                or any(tokens[j].lemma == "居る" for j in range(k + 1, hi))
            )
        ):
            return case  # 休憩を申し出られた / 相談できている
    return -1


def describes_person(tokens: Sequence[Token], flags: Sequence[int], cue: CueSpan) -> bool:
    """True when the cue modifies a person noun (頭痛持ちの人は, 眠れない人が多い):
    somebody's trait, not the graduate's state."""
    return _described_person(tokens, flags, cue) >= 0


def _described_person(tokens: Sequence[Token], flags: Sequence[int], cue: CueSpan) -> int:
    """Index of the person noun the cue's clause modifies, or -1: 頭痛持ちの人,
    辞めたいと感じる人 (a verb of thinking), 不安が強い人 (one predicate after が)."""
    predicate = False
    for k in range(cue.last + 1, min(cue.clause_end + 1, cue.last + 7, len(flags))):
        bits = flags[k]
        token = tokens[k]
        if bits & PERSON or (bits & PERSON_HEAD and token.pos1 == "名詞"):
            if token.lemma == "方" and _comparative(tokens, k):
                return -1  # 休んだ方がいい
            return k
        if token.lemma in _QUOTE and not (
            k + 1 < len(tokens) and tokens[k + 1].lemma in _BEFORE_PERSON
        ):
            return -1  # 食事量が減っていると母から聞いた: the person reports it
        if bits & (NEGATION | SUFFIX | AUXILIARY_LIKE) or token.lemma in _BEFORE_PERSON:
            continue
        if token.surface in _CLOSING_QUOTES:
            continue  # 「朝起きられない」という人
        if token.lemma in _QUOTATIVE and tokens[k - 1].lemma == "と":
            continue  # 辞めたいと感じる人
        after_subject = tokens[k - 1].lemma in _CASE_BEFORE_PREDICATE
        if not predicate and after_subject and token.pos1 in ("形容詞", "動詞"):
            predicate = True  # 不安が強い人
            continue
        return -1
    return -1


#: Adjectives after 方が that make it "rather" (休んだ方がいい), not a person.
_BETTER = frozenset({"良い", "いい", "増し", "まし", "楽", "良かった"})


def _comparative(tokens: Sequence[Token], k: int) -> bool:
    """True for 方 as "rather" (休んだ方がいい), not a person."""
    nxt = tokens[k + 1].lemma if k + 1 < len(tokens) else ""
    after = tokens[k + 2].lemma if k + 2 < len(tokens) else ""
    if nxt not in ("が", "は", "も"):
        return False
    # 休んだ方がいい, いない方がみんな楽 (the adjective a word or two later)
    return (
        any(t.lemma in _BETTER or t.surface in _BETTER for t in tokens[k + 2 : k + 5])
        or after in _BETTER
    )


def generic_people(tokens: Sequence[Token], flags: Sequence[int], cue: CueSpan) -> bool:
    """True when the cue tells what people in general feel: its clause modifies 方 (悩む方も
    多い, 相談しにくいと感じる方) or a person said to be many (…人は少なくない). A complaint
    about particular people (挨拶を返さない人がいる) is no generic statement."""
    k = _described_person(tokens, flags, cue)
    if k < 0 or _any(flags, cue.first, k, BENEFACTIVE):
        return False  # 挨拶を返してくれない人も多い: done to the graduate, a complaint
    if tokens[k].lemma == "方":
        return True
    after = reduce(or_, flags[k + 1 : min(k + 4, cue.sentence_end + 1, len(flags))], 0)
    nxt = [t.lemma for t in tokens[k + 1 : k + 3]]
    if nxt == ["に", "は"]:
        return True  # 孤立しがちな人には声かけを: people advice is given for
    topic = bool(nxt) and nxt[0] in ("は", "も")
    return bool(topic and after & MANY) or (k + 1 < len(flags) and bool(flags[k + 1] & QUANTIFIER))


def done_to_graduate(flags: Sequence[int], cue: CueSpan) -> bool:
    """True when the cue's predicate is done for or to the graduate (口をきいてくれない)."""
    return _any(flags, cue.first, min(cue.clause_end + 1, len(flags)), BENEFACTIVE)


def is_observed(flags: Sequence[int], k: int) -> bool:
    """True when the word at ``k`` is told as seen in somebody (眠そう, 忙しいらしい): their
    state, not the graduate's feeling about them (上司が怖くて)."""
    return k + 1 < len(flags) and bool(flags[k + 1] & EVIDENTIAL)


def is_working_kin(flags: Sequence[int], person: int, cue: CueSpan) -> bool:
    """True when the person is a family member whose working life the sentence tells
    (息子が会社に行きたくないと言う, 夫が上司に怒鳴られたらしい): in a family's question
    the worker is the one the sentence is about, not somebody beside them."""
    return bool(flags[person] & WORKER_KIN and _sentence_bits(flags, cue) & WORK_WORD)


def across_te(flags: Sequence[int], person: int, first: int) -> bool:
    """True when a て-clause ends between the person and the cue (母が入院して眠れない)."""
    return any(flags[k] & TE and is_clause_break(flags, k) for k in range(person + 1, first))


def is_reported(flags: Sequence[int], cue: CueSpan) -> bool:
    """True when the cue's sentence reports what was seen or heard (らしい, そう, みたい,
    とのこと): the mark of another person's inner state (妹が熱を出して寝込んでいるらしい)."""
    return bool(_sentence_bits(flags, cue) & EVIDENTIAL)


#: The writer named as the subject (私だけ, 僕は, 自分も): nobody else's state.
_FIRST_PERSON = frozenset({"私", "僕", "俺", "自分", "わたし", "あたし", "ぼく", "おれ"})
_FIRST_PERSON_AFTER = frozenset({"が", "は", "も", "だけ", "しか", "って"})


def _first_person_at(tokens: Sequence[Token], k: int) -> bool:
    return (
        tokens[k].surface in _FIRST_PERSON
        and k + 1 < len(tokens)
        and tokens[k + 1].surface in _FIRST_PERSON_AFTER
    )


def other_subject(tokens: Sequence[Token], flags: Sequence[int], cue: CueSpan) -> int:
    """Index of a person word that is the subject before the cue (母が眠れないらしい), or -1.

    The search runs back through the cue's sentence; clauses joined by て keep their
    subject (妹が熱を出して寝込んでいる), other clause breaks (ので, けど …) end it.
    """
    if _first_person_at(tokens, cue.first):
        return -1  # recall: みんなが話している横で、私だけ…: the writer is the nearer subject
    said = -1  # whether the cue is what the subject says (…だと言っています), found lazily
    k, lo = cue.first, cue.sentence_start
    while k - 1 > lo:
        k -= 1
        bits = flags[k]
        if bits & SENTENCE_END:
            return -1
        if bits & CLAUSE_PARTICLE and not bits & TE:
            if said < 0:
                said = int(bool(cue.sentence & EVIDENTIAL) and _said_after(tokens, flags, cue))
            if not said:
                return -1
            # 友人が…働いていますが、毎日くたくただと言っています: the friend's words
            lo = min(lo, _worry_start(flags, cue.first))  # past the window, to its start
        if _first_person_at(tokens, k):
            return -1
        if bits & (SUBJECT | CLAUSE_MARK):  # 母が / 隣の部署の人、今月で辞めるんだって
            person = _person_before(tokens, flags, k)
            if person >= 0:
                return person
    return _unmarked_person(tokens, flags, cue)


#: Verbs of speech a person's own words are told with (…と言っています, …ってこぼしてた);
#: not 話す, which staff records use for the graduate (…と話している, subject dropped).
_SPEECH = frozenset({"言う", "零す", "こぼす", "愚痴る"})
#: Nouns of a message or a report from somebody (…と連絡があった, …と情報提供があった).
_MESSAGES = frozenset({"連絡", "電話", "メール", "ライン", "LINE", "提供", "説明", "相談"})


def _said_after(tokens: Sequence[Token], flags: Sequence[int], cue: CueSpan) -> bool:
    """True when the cue's words are quoted as somebody's continuing talk after it
    (…だと言っています, …って言ってた): と / って, a verb of speech, て居る."""
    hi = min(cue.sentence_end, len(tokens) - 2)
    for k in range(cue.last + 1, hi):
        if (
            tokens[k].lemma in _SPEECH
            and tokens[k - 1].lemma in ("と", "って")
            and tokens[k + 1].lemma == "て"
            and tokens[k + 2].lemma == "居る"
        ):
            return True
    return False


def told_by(tokens: Sequence[Token], flags: Sequence[int], cue: CueSpan) -> int:
    """The person a cue is told about or by, when the cue has no subject of its own:
    a person before について (別の利用者について、「…」と本人から情報提供があった) or a
    person before から / より at the sentence's head with a message after the cue
    (以前の仲間から、…で悩んでいると連絡があった). A staff member reporting the graduate
    (担当者より、…と説明) is no subject: that person is not what the message is about.
    -1 when there is none."""
    if not cue.sentence & (PERSON | PERSON_HEAD):
        return -1
    for k in range(cue.sentence_start + 1, cue.first - 1):
        lemma = tokens[k].lemma
        if (
            lemma in ("付く", "つく", "関する")
            and tokens[k - 1].lemma == "に"
            and (lemma == "関する" or is_clause_break(flags, k + 1))
        ):  # について、 (not 上司についていけず)
            person = _person_before(tokens, flags, k - 1)
            j = k - 2
            if person < 0 and flags[j] & (PERSON | PERSON_HEAD):
                # 別の利用者について: a user set apart from the graduate
                lo = max(cue.sentence_start, j - 4)
                person = j if any(t.lemma in _OTHER for t in tokens[lo:j]) else -1
            if person >= 0 and tokens[person].lemma not in _SELF_REPORTERS:
                return person  # 同じ職場の別の利用者について: about that person
        if (
            lemma == "話"
            and tokens[k - 1].lemma == "の"
            and k + 2 < len(tokens)
            and tokens[k + 1].lemma in ("だ", "です", "な")
            and any(is_clause_break(flags, j) for j in range(k + 1, min(k + 6, cue.first)))
        ):
            person = _person_before(tokens, flags, k - 1)
            if person >= 0 and tokens[person].lemma in _PEERS:
                return person  # 友達の話だけど、…: the friend's story
        if lemma in ("から", "より") and flags[k + 1] & CLAUSE_MARK:
            person = _person_before(tokens, flags, k)
            if (
                person >= 0
                and tokens[person].lemma in _PEERS
                and any(
                    tokens[j].lemma in _MESSAGES
                    for j in range(cue.last + 1, min(cue.sentence_end, len(tokens)))
                )
            ):
                return person  # 仲間から、…と連絡があった: the peer's own trouble
    return -1


#: People who tell of their own troubles (a friend, a former peer): not staff, who report
#: the graduate (担当者より、疲れが見られると説明).
_PEERS = frozenset(
    {
        *("仲間", "友人", "友達", "友だち", "知人", "知り合い", "同期", "利用者仲間", "元同僚"),
        "恋人",
        *("母", "父", "姉", "兄", "弟", "妹", "夫", "妻", "息子", "娘", "彼氏", "彼女"),
    }
)
_SELF_REPORTERS = frozenset({"本人", "自分", "私", "僕", "俺"})
_OTHER = frozenset({"別", "他", "外", "ほか"})


def _unmarked_person(tokens: Sequence[Token], flags: Sequence[int], cue: CueSpan) -> int:
    """A person right before a predicate cue with its particle dropped (past adverbs), in a
    sentence that reports what was seen (隣の人めっちゃ忙しそう, みんな忙しそう), or -1."""
    if not is_reported(flags, cue):
        return -1
    k = cue.first
    while k - 1 > cue.sentence_start and tokens[k - 1].pos1 == "副詞":
        k -= 1
    if k <= cue.sentence_start or (
        k == cue.first and tokens[k].pos1 not in ("形容詞", "動詞", "形状詞")
    ):
        return -1  # パートさん: the person is the cue's own target, not its subject
    return _person_before(tokens, flags, k)


def person_before(tokens: Sequence[Token], flags: Sequence[int], k: int) -> int:
    """The person word just before token ``k`` (上司が, 前任者の), or -1."""
    return _person_before(tokens, flags, k)


def _person_before(tokens: Sequence[Token], flags: Sequence[int], k: int) -> int:
    """The person word just before token ``k`` (past たち / さん, or an aside in brackets:
    後輩(障害者雇用)が), or -1."""
    j = _before_aside(tokens, k - 1, 0)
    group = j > 1 and bool(flags[j] & QUANTIFIER) and tokens[j - 1].lemma == "の"
    if group:
        j -= 2  # 働く人の多くが: the group is the subject
    if group and j > 0 and flags[j] & SUFFIX and flags[j] & PERSON:
        return j  # 障害者の多くが: people in general, not the graduate
    if j > 0 and flags[j] & SUFFIX and flags[j] & PERSON:
        # 担当者, 作業者: a person (not 利用者 / 当事者, who may be the graduate)
        return -1 if tokens[j - 1].lemma in _SELF_BEFORE_SHA else j
    while j > 0 and flags[j] & SUFFIX:
        j -= 1
    if j < 0:
        return -1
    if flags[j] & PERSON:
        return j
    named = j + 1 < k and tokens[j + 1].lemma in _HONORIFICS
    if named and j > 1 and tokens[j - 1].lemma == "の" and flags[j - 2] & PERSON:
        return j - 2  # 同僚のCさん: a named colleague (Cさん alone may be the graduate)
    if (
        named
        and j > 1
        and tokens[j - 1].lemma == "の"
        and tokens[j - 2].pos1 == "名詞"
        and tokens[j - 2].lemma in _PLACES_OF_OTHERS
    ):
        return j  # 同じ職場のAさん, 隣の部署のBさん: somebody set apart by a place (area context)
    if (
        flags[j] & PERSON_HEAD
        and j > 0
        and (tokens[j - 1].lemma == "の" or tokens[j - 1].pos1 in ("動詞", "助動詞"))
    ):
        # 同期の子, 同じ時期に入った人 (not 休んだ方がいい: rather)
        if tokens[j].lemma == "方" and _comparative(tokens, j):
            return -1
        if j > 1 and tokens[j - 1].lemma == "の" and flags[j - 2] & PERSON:
            return j - 2  # 同期の子: the peer (not a child, a family member at work)
        return j
    return -1


def is_overcome(
    tokens: Sequence[Token],
    flags: Sequence[int],
    cue: CueSpan,
    category: str,
    config: GrammarConfig,
    outcomes: frozenset[str] | None = None,
) -> bool:
    """True when a feeling is conceded and overcome later in its sentence
    (不安もあったけど楽しかった, 緊張したけど上手くいった): a concessive particle ends the
    cue's clause and an outcome word, not negated, follows it in the sentence."""
    overcome = config.overcome
    if category not in overcome.categories:
        return False
    if outcomes is None:
        outcomes = overcome.outcomes
    end = cue.clause_end
    hi = min(cue.sentence_end, len(tokens))
    if end >= hi or not flags[end] & CLAUSE_PARTICLE:
        return False
    if tokens[end].lemma not in overcome.concessive:
        return False
    if category not in overcome.full_categories:
        outcomes = overcome.outcomes  # fatigue: only the listed outcomes (疲れたけど楽しかった)
    return any(
        (tokens[k].lemma in outcomes or tokens[k].surface in outcomes or _volitional(tokens[k]))
        and negation_scope(flags, k)[0] % 2 == 0
        and not _asked(tokens, k, hi)
        for k in range(end + 1, hi)
    )


#: Endings of a verb's volitional form (やってみよう, 頑張ろう, 話そう), fused by the tagger.
_VOLITIONAL_ENDINGS = frozenset(
    {"よう", "ろう", "こう", "ごう", "そう", "とう", "のう", "ぼう", "もう", "おう"}
)


def _volitional(token: Token) -> bool:
    """True for a verb in its volitional form: a resolve (不安だけどやってみよう)."""
    return (
        token.pos1 == "動詞"
        and token.surface != token.lemma
        and token.surface[-2:] in _VOLITIONAL_ENDINGS
    )


def _asked(tokens: Sequence[Token], k: int, hi: int) -> bool:
    """True when the word at ``k`` is asked about (どうしたら良いか), not reached."""
    return any(
        tokens[j].lemma == "か" and tokens[j].pos1 == "助詞" for j in range(k + 1, min(k + 5, hi))
    )


# -- a past that is over ---------------------------------------------------------------------
def _past_marker_before(
    tokens: Sequence[Token],
    flags: Sequence[int],
    lo: int,
    hi: int,
    config: GrammarConfig,
    lasting: bool = False,
) -> bool:
    """A past marker in ``lo..hi`` not followed by より, から, で … (以前より compares), or a
    recent time followed by まで (先週まで: over since)."""
    if not _any(flags, lo, hi, PAST_MARKER | UNTIL_MARKER):
        return False
    for k in range(lo, hi):
        after = tokens[k + 1].surface if k + 1 < len(tokens) else ""
        if lasting and tokens[k].lemma in config.resolved.recent:
            continue  # 先月の通院を飛ばした: a lapse of treatment lasts
        if flags[k] & PAST_MARKER and after not in config.resolved.not_past_after:
            if tokens[k].lemma in config.resolved.era_nouns:
                if k > 0 and (flags[k - 1] & PAST_TENSE or tokens[k - 1].lemma in _ERA_BEFORE):
                    return True  # あの頃は, 入社した頃は, 一時期は
                continue  # 昼頃, この時期は: no past
            if k > 0 and (
                tokens[k - 1].pos1 in _NOT_BEFORE_PAST
                or tokens[k - 1].lemma == "時"
                or tokens[k - 1].lemma in config.resolved.events
            ):
                continue  # 寝る前の薬, 五時前に: before an event, not the past
            return True
        if flags[k] & UNTIL_MARKER and after == "まで":
            return True
    return False


def _in_era_clause(
    tokens: Sequence[Token], flags: Sequence[int], cue: CueSpan, config: GrammarConfig
) -> bool:
    """True when the cue's clause, in the past tense, names an era (転職したばかりの頃,
    休職していた時期)."""
    seen_past = False
    for k in range(cue.last + 1, min(cue.last + 7, cue.sentence_end, len(tokens))):
        if flags[k] & PAST_TENSE:
            seen_past = True
        elif seen_past and tokens[k].lemma in config.resolved.era_nouns:
            after = tokens[k + 1].surface if k + 1 < len(tokens) else ""
            return after not in config.resolved.not_past_after  # 休職した頃から: since
        elif is_clause_break(flags, k) or not flags[k] & (AUXILIARY_LIKE | PASSABLE):
            return False
    return False


def _contrast_follows(
    tokens: Sequence[Token], flags: Sequence[int], end: int, config: GrammarConfig
) -> bool:
    """True when the next sentence opens with a present time as its topic (…。今は…,
    …。でも今は…)."""
    k = end + 1
    openers = config.resolved.contrast_openers
    opened = True
    if k + 1 < len(tokens) and tokens[k].surface + tokens[k + 1].surface in openers:
        k += 2  # でも (read as で + も)
    elif k < len(tokens) and tokens[k].surface in openers:
        k += 1  # けど / しかし
    else:
        opened = False
    if k + 1 < len(tokens) and _present_topic(tokens, flags, k, config):
        return True
    if not opened:
        return False
    # area context: …。でも部署が変わって、今は…: after the opener, a present topic later in
    # that sentence (a change told first)
    stop = min(len(tokens), k + 2 * WINDOW)
    j = k
    while j < stop and not flags[j] & SENTENCE_END:
        if flags[j] & PRESENT_MARKER and _present_topic(tokens, flags, j, config):
            return True
        j += 1
    return False


def _present_topic(
    tokens: Sequence[Token], flags: Sequence[int], k: int, config: GrammarConfig
) -> bool:
    """True when token ``k`` is a present time taken as a topic (今は, 最近は)."""
    if k + 1 >= len(tokens) or tokens[k + 1].lemma != "は":
        return False
    if not (flags[k] & PRESENT_MARKER or tokens[k].lemma in config.resolved.present_topics):
        return False
    # 最近はもっとひどい / 今もまだ眠れない: the past goes on, no contrast
    return not any(
        t.lemma in config.resolved.continuation or t.surface in config.resolved.continuation
        for t in tokens[k + 2 : k + 5]
    )


def _present_contrast(tokens: Sequence[Token], flags: Sequence[int], lo: int, hi: int) -> bool:
    """True when a present marker in ``lo..hi`` contrasts with a past (…けど今は…); not
    one followed by も, which carries the past on (…明るくなってた、今日も…)."""
    return _any(flags, lo, hi, PRESENT_MARKER) and any(
        flags[k] & PRESENT_MARKER and not (k + 1 < len(tokens) and tokens[k + 1].lemma == "も")
        for k in range(lo, hi)
    )


def _present_topic_in(
    tokens: Sequence[Token], flags: Sequence[int], lo: int, hi: int, config: GrammarConfig
) -> bool:
    """True when a present time taken as a topic stands in ``lo..hi`` (…けど、最近は…)."""
    return any(_present_topic(tokens, flags, k, config) for k in range(lo, hi))


def _topic_of(tokens: Sequence[Token], flags: Sequence[int], last: int) -> int:
    """Index of the は that makes the cue ending at ``last`` a topic: right after it
    (頭痛は) or after の and nouns of its measure (頭痛の頻度は, 飲み忘れの回数は); 0 if none."""
    k = last + 1
    if k < len(tokens) and tokens[k].lemma == "は" and flags[k] & TOPIC:
        return k
    if k >= len(tokens) or tokens[k].lemma != "の":
        return 0
    for j in range(k + 1, min(len(tokens), k + 4)):
        if tokens[j].lemma == "は" and flags[j] & TOPIC:
            return j if j > k + 1 else 0
        if not flags[j] & NOUN:
            return 0
    return 0


def is_resolved(
    tokens: Sequence[Token],
    flags: Sequence[int],
    cue: CueSpan,
    config: GrammarConfig,
    category: str = "",
) -> bool:
    """True when the cue describes a past that is over.

    以前は寝つきが悪かったが / 先月は疲れがたまっていたけど (a past marker before the cue and
    a past tense in its clause; not a comparison: 以前より痩せた is current);
    眠れなかったけど今は眠れている (past tense, then a present marker in a later clause);
    頭痛は治まった (recovery after the cue, not negated: 治らない is no recovery).
    For a lasting category a recent past marker alone is no end (先月の通院を飛ばした).
    """
    first, last = cue.first, cue.last
    lo, hi = cue.sentence_start, cue.sentence_end
    if _in_era_clause(tokens, flags, cue, config):
        return True  # 転職したばかりの頃は: the cue names the past era itself
    end = chained_clause_end(flags, cue.clause_end, hi)
    if end < hi and tokens[end].lemma == "ながら":
        end = chained_clause_end(flags, clause_end(flags, end), hi)  # 泣きながら通勤していた
    reach = min(hi, end + WINDOW)
    lessening_end = cue.clause_end
    topic = _topic_of(tokens, flags, last)
    if topic:
        # area context: a sign as the topic is told of up to its sentence end (先月まであった
        # 頭痛は、休憩の取り方を工夫したことで現在は落ち着いている); area negation: also
        # through の + nouns (頭痛の頻度は、以前に比べて減っている)
        reach = hi
        if topic > last + 1:  # …の頻度は、以前に比べて減っている: the clause after the topic
            after = topic + 2 if topic + 1 < hi and flags[topic + 1] & CLAUSE_MARK else topic + 1
            told = chained_clause_end(flags, clause_end(flags, after), hi)
            lessening_end = max(lessening_end, told)
    lasting = category in config.resolved.lasting
    if _any(flags, last + 1, end, PAST_TENSE) and (
        _past_marker_before(tokens, flags, max(lo, first - WINDOW), first, config, lasting)
        or _present_contrast(tokens, flags, end, reach)
        or _present_topic_in(tokens, flags, end, hi, config)  # area negation: …けど、…て、今は
        or _contrast_follows(tokens, flags, hi, config)
        or _since_change(tokens, flags, end, hi, config)
    ):
        return True
    if config.resolved.asked and _asked_and_reassured(tokens, flags, cue, config):
        return True
    lessened = _seq_ends(
        tokens, flags, last + 1, lessening_end, RECOVERY_START, config.resolved.recovery_in_clause
    )
    if any(negation_scope(flags, k)[0] % 2 == 0 for k in lessened):
        return True  # 不安が減ってきた, イライラすることが少なくなった
    if not _any(flags, last + 1, reach, RECOVERY_START):
        return False
    # 治まった is a recovery; 治らない / 回復しない are not.
    ends = _seq_ends(tokens, flags, last + 1, reach, RECOVERY_START, config.resolved.recovery_after)
    return any(
        negation_scope(flags, k)[0] % 2 == 0
        and not _back_into(tokens, k)
        and not _sought(tokens, k)
        for k in ends
    )


def _since_change(
    tokens: Sequence[Token], flags: Sequence[int], end: int, hi: int, config: GrammarConfig
) -> bool:
    """True when, after a past told in the cue's clause, a later clause of the sentence tells
    what changed since something was done (area negation: 眠れなかったけど、寝る前のスマホを
    やめてからは0時に寝つけるようになった): てから / て以来 / たおかげで, not carrying the
    past on (…てからもっとひどい, …てからもまだ)."""
    if end >= hi or not _any(flags, end, hi, SINCE):
        return False
    for k in range(end + 1, hi):
        if flags[k] & SINCE and flags[k - 1] & (TE | PAST_TENSE):
            after = tokens[k + 1 : min(hi, k + 1 + WINDOW)]
            if k + 1 < len(tokens) and tokens[k + 1].lemma == "も":
                return False  # …てからも: still
            return not any(
                t.lemma in config.resolved.continuation or t.surface in config.resolved.continuation
                for t in after
            )
    return False


#: Words of a question or of a negation right after a reassurance (大丈夫？, 大丈夫じゃない).
_NOT_REASSURED = frozenset({"か", "?", "？", "ない", "無い", "ず", "ん"})


def _asked_and_reassured(
    tokens: Sequence[Token], flags: Sequence[int], cue: CueSpan, config: GrammarConfig
) -> bool:
    """True when a cue is what somebody asked about (孤立感について確認したが, 眠れているか
    尋ねると) and the answer later in the sentence reassures (「…大丈夫です」と本人, 問題ない
    とのこと): the sign is denied (area negation)."""
    rule = config.resolved
    hi = min(cue.sentence_end, len(tokens))
    asked = next(
        (
            k
            for k in range(cue.last + 1, min(hi, cue.last + 7))
            if tokens[k].lemma in rule.asked and not flags[k] & NEGATION
        ),
        -1,
    )
    if asked < 0 or _any(flags, cue.last + 1, asked, NEGATION):
        return False
    for k in range(asked + 1, len(tokens)):
        if k > hi and flags[k] & SENTENCE_END:
            break  # the answer may stand in the next sentence
        word = tokens[k]
        if word.lemma in rule.reassured or word.surface in rule.reassured:
            after = tokens[k + 1 : k + 4]
            return not any(
                t.lemma in _NOT_REASSURED or t.surface in _NOT_REASSURED for t in after
            )
    return False


#: Words before に that make 戻る a return to health (元に戻った), not into a state.
_HEALTHY_STATE = frozenset({"元", "元通り", "普段", "通常", "いつも", "平常"})


def _back_into(tokens: Sequence[Token], k: int) -> bool:
    """True for 戻る into a state (眠れない日々に戻った) or again (また戻ってきた), not back
    to health (体重が戻った, 元に戻った)."""
    if tokens[k].lemma != "戻る":
        return False
    if any(t.lemma in ("又", "また", "再び") for t in tokens[max(0, k - 3) : k]):
        return True  # …癖が、また戻ってきた: a relapse
    if k < 2 or tokens[k - 1].lemma not in ("に", "へ"):
        return False
    return tokens[k - 2].lemma not in _HEALTHY_STATE


#: After a word of recovery: made to happen (落ち着かせた), waited for (落ち着くのを待った)
#: or wished (消えたい, 治りたい): sought, not reached; the sign was there.
_SOUGHT_AFTER = frozenset({"せる", "させる", "の", "まで", "たい", "予定", "積り", "つもり"})


def _sought(tokens: Sequence[Token], k: int) -> bool:
    """True when the recovery ending at ``k`` is sought, not reached (落ち着かせた), or
    asked about (楽になれるのかな, 治るのか)."""
    if k + 1 < len(tokens) and tokens[k + 1].lemma in _SOUGHT_AFTER:
        return True
    return _asked(tokens, k, len(tokens))


# -- area context: worry for somebody else, questions about procedures -----------------------
#: How far back a sentence is searched for the person a worry is about (long record sentences:
#: 同居の祖母が通院を嫌がって薬を飲まないことを、本人が心配している).
_WORRY_REACH = 40
#: Verbs of saying after a quoting と (…食欲がないと言っていて、心配になった).
_SAYING = frozenset(
    {"言う", "云う", "話す", "零す", "こぼす", "漏らす", "愚痴る", "嘆く", "呟く", "ぼやく"}
)
#: Nominalisers that make …ことを / …のが the object of a worry.
_NOMINALISERS = frozenset({"事", "こと", "の"})


def _concern_end(
    tokens: Sequence[Token], flags: Sequence[int], k: int, config: GrammarConfig
) -> int:
    """Index of the last word of a worry word starting at ``k`` (心配, 気にかける), or -1."""
    if not flags[k] & CONCERN:
        return -1
    token = tokens[k]
    if token.lemma in config.others.concern or token.surface in config.others.concern:
        return k
    for seq in config.others.concern_phrases:
        if _matches_at(tokens, k, seq):
            return k + len(seq) - 1
    return -1


def _object_marker(tokens: Sequence[Token], k: int) -> bool:
    """True for を / が after a nominaliser (…ことを, …のが) or a quoting と (…休みがちだと、
    本人が心配そうに): what a worry is about."""
    token = tokens[k]
    if token.pos1 != "助詞" or k == 0:
        return False
    if token.lemma == "と":
        return True  # (the tagger reads …がちだと as conjunctive と too)
    return token.lemma in ("を", "が") and tokens[k - 1].lemma in _NOMINALISERS


#: Places before …のAさん that set a named person apart from the graduate (同じ職場のAさん,
#: 隣の席のBさん, 別の部署のCさん).
_PLACES_OF_OTHERS = frozenset(
    {
        "職場",
        "部署",
        "課",
        "席",
        "班",
        "チーム",
        "係",
        "グループ",
        "事業所",
        "会社",
        "フロア",
        "部",
        "店",
        "現場",
        "ライン",
        "工場",
        "支店",
        "営業所",
        "クラス",
        "学校",
    }
)
#: Words before の that set a person apart from the graduate (別の利用者, 他の利用者).
_ANOTHER = frozenset({"別", "他", "外", "ほか"})
#: Closing and opening brackets of an aside (後輩(障害者雇用)が).
_ASIDE = {")": "(", "）": "（"}


def _before_aside(tokens: Sequence[Token], k: int, lo: int) -> int:
    """``k``, or the word before a bracketed aside ending at ``k`` (後輩(…)が: 後輩)."""
    opening = _ASIDE.get(tokens[k].surface)
    if opening is None:
        return k
    for j in range(k - 1, max(lo, k - 12), -1):
        if tokens[j].surface == opening:
            return j - 1 if j > lo else k
    return k


def _worry_start(flags: Sequence[int], k: int) -> int:
    """Start of the sentence holding token ``k`` (at most ``_WORRY_REACH`` tokens back)."""
    lo = k
    floor = max(0, k - _WORRY_REACH)
    while lo > floor and not flags[lo - 1] & SENTENCE_END:
        lo -= 1
    return lo


def _is_named(tokens: Sequence[Token], n: int, j: int) -> bool:
    """True when a name suffix (さん, 君) follows the noun at ``n`` before ``j``."""
    return any(tokens[i].lemma in _HONORIFICS for i in range(n + 1, j))


def worried_person(
    tokens: Sequence[Token], flags: Sequence[int], lo: int, k: int, config: GrammarConfig
) -> tuple[int, bool]:
    """The subject of what a worry word at ``k`` is about, searched back to ``lo``:
    ``(index, by_self)``, index -1 when it is a thing or the graduate (仕事が続くか心配),
    by_self when the graduate is named as the one who worries (…ことを本人が心配).

    Quoted words (「辞めたい」が口癖) and the object itself (…ことが心配) are passed over;
    the graduate as the one who worries is passed over when an object (…ことを) precedes."""
    by_self = False
    quoted = False  # past …と言っていて: the words said have subjects of their own
    for j in range(k - 1, lo, -1):
        token = tokens[j]
        if token.lemma in _SAYING and j > lo and tokens[j - 1].lemma in _QUOTE:
            quoted = True
            continue
        if token.lemma == "を" and j >= k - 2 and j > lo and token.pos1 == "助詞":
            # area others: その方を心配している, 同僚のことを気にかけている: the object
            two = j - 2 >= lo
            n = j - 2 if two and tokens[j - 1].lemma == "事" and tokens[j - 2].lemma == "の" else j
            n = _person_before(tokens, flags, n)
            if n < 0 and two and flags[j - 1] & PERSON_HEAD and tokens[j - 2].pos1 == "連体詞":
                n = j - 1  # その方, あの人
            if n >= 0 and tokens[n].lemma not in config.others.self_subjects:
                return n, by_self
        if not flags[j] & SUBJECT or token.pos1 != "助詞" or token.pos2 == "接続助詞":
            continue
        before = tokens[j - 1]
        if before.surface in _CLOSING_QUOTES or _object_marker(tokens, j):
            continue
        n = _before_aside(tokens, j - 1, lo)
        if (
            flags[n] & PERSON
            and flags[n] & SUFFIX
            and n > lo + 1
            and (
                tokens[n - 1].lemma not in _SELF_BEFORE_SHA
                or (n > lo + 2 and tokens[n - 2].lemma == "の" and tokens[n - 3].lemma in _ANOTHER)
            )
        ):
            return n, by_self  # 別の利用者が: another user; 利用者が alone may be the graduate
        while n > lo and flags[n] & SUFFIX and tokens[n].lemma not in _HONORIFICS:
            n -= 1
        if tokens[n].lemma in _HONORIFICS and n > lo:
            n -= 1
        word = tokens[n]
        if word.lemma in config.others.concern_objects:
            # 同僚の様子が気になる / 同僚が疲れている様子が心配: the worry is about the state
            if n > lo + 1 and tokens[n - 1].lemma == "の":
                owner = _person_before(tokens, flags, n - 1)
                if owner >= 0:
                    return owner, by_self
            continue
        if word.lemma in config.others.self_subjects or word.surface in config.others.self_subjects:
            if any(_object_marker(tokens, i) for i in range(lo + 1, n)):
                by_self = True
                continue  # …ことを本人が心配している: the graduate worries about it
            return -1, by_self
        if (
            flags[n] & PERSON
            or _is_named(tokens, n, j)
            or (flags[n] & PERSON_HEAD and n > lo and tokens[n - 1].lemma == "の")
        ):
            return n, by_self
        if token.lemma == "が" and not quoted:
            return -1, by_self  # 仕事が続くか心配: a thing the graduate worries about
    return -1, by_self


def worry_for_other(
    tokens: Sequence[Token], flags: Sequence[int], cue: CueSpan, config: GrammarConfig
) -> bool:
    """True when the cue is a worry about another person's trouble (同期が残業続きで心配)
    or that trouble itself, told as what a worry is about (同じ課のBさんが欠勤がちであること
    を本人が気にかけている): neither is a sign of the graduate."""
    if not cue.sentence & CONCERN:
        return False
    sympathy = config.others.sympathy
    for k in range(cue.first, cue.last + 1):
        if tokens[k].lemma in sympathy or tokens[k].surface in sympathy:
            # 気の毒 / かわいそう is felt for somebody (not 自分が可哀想)
            self_words = config.others.self_subjects
            return not any(t.lemma in self_words for t in tokens[max(0, k - 3) : k])
        end = _concern_end(tokens, flags, k, config)
        if end >= 0:
            j = end + 1
            while j < len(tokens) and tokens[j].lemma in ("を", "御"):
                j += 1
            if j < len(tokens) and tokens[j].lemma == "掛ける" and tokens[k].lemma != "気":
                return True  # 心配かけてごめん, ご心配をおかけしました: others' worry
            person, _ = worried_person(tokens, flags, _worry_start(flags, k), k, config)
            return person >= 0
    hi = min(len(tokens), cue.sentence_end)
    concern = next(
        (k for k in range(cue.last + 1, hi) if _concern_end(tokens, flags, k, config) >= 0), -1
    )
    if concern < 0 or not any(
        _object_marker(tokens, i) or (tokens[i].lemma == "か" and tokens[i].pos1 == "助詞")
        for i in range(cue.last + 1, concern)
    ):
        return False  # the cue is no part of what the worry is about
    person, by_self = worried_person(tokens, flags, _worry_start(flags, cue.first), concern, config)
    if not 0 <= person < cue.first:
        return False  # 上司がAさんの欠勤を心配している: the graduate may be the worried
    if flags[person] & PERSON:
        return True
    # a name (Bさん) may be the graduate's in a record: another only when set apart from the
    # graduate (同じ課のBさん) or when the graduate is the one who worries
    return by_self or (person > 0 and tokens[person - 1].lemma == "の")


def asks_procedure(
    tokens: Sequence[Token],
    flags: Sequence[int],
    cue: CueSpan,
    config: GrammarConfig,
    category: str = "",
) -> bool:
    """True when the cue is the topic of a question about a procedure, a system or money
    (自立支援医療で通院の負担はどのくらい軽くなりますか, 有給の取り方を教えてください): asked,
    not reported; except for the categories of ``[general] asked_signs`` (休職の手続きを
    教えてください is thinking of leaving). A trouble stated in a clause of its
    own before the question (通院が負担なのですが、…) stays a sign."""
    if not cue.sentence & PROCEDURE or category in config.general.asked_signs:
        return False
    hi = min(len(tokens), cue.sentence_end)
    for k in range(cue.last + 1, hi):
        if flags[k] & CLAUSE_PARTICLE and not flags[k] & TE and tokens[k].lemma != "と":
            return False  # …負担なのですが、: the trouble is stated first
    asking = config.general.asking
    if any(t.lemma in asking or t.surface in asking for t in tokens[cue.sentence_start : hi]):
        return True
    end = tokens[hi] if hi < len(tokens) else None
    last = tokens[hi - 1] if hi > cue.last + 1 else None
    return bool(
        (end is not None and end.surface in ("?", "？"))
        or (last is not None and last.lemma == "か" and last.pos1 == "助詞")
    )


def worried_into(
    tokens: Sequence[Token], flags: Sequence[int], cue: CueSpan, config: GrammarConfig
) -> bool:
    """True when the cue follows from a worry joined to it by で / て (母が入院したと聞いて
    心配で眠れない): the graduate's own sign, though the worry is about somebody else; not
    when the cue is told as seen (母が心配して眠れないらしい)."""
    if not cue.sentence & CONCERN or _any(flags, cue.last + 1, cue.sentence_end, EVIDENTIAL):
        return False
    for k in range(cue.sentence_start, cue.first):
        end = _concern_end(tokens, flags, k, config)
        if end < 0 or end + 1 >= cue.first:
            continue
        if flags[end + 1] & TE or tokens[end + 1].lemma in ("て", "で"):
            return True
    return False


#: Categories of a person's own state (顔色, 体調, 眠気, 食欲, 機嫌) or leaving (退職, 欠勤):
#: after another person's の they are that person's (先輩の顔色が悪い, 同僚の退職で).
_STATES = frozenset({"physical", "fatigue", "sleep", "appetite", "mood", "quit_intent"})


def possessed_state(
    tokens: Sequence[Token], flags: Sequence[int], cue: CueSpan, category: str
) -> bool:
    """True when the cue is a state of a person named just before it with の (先輩の顔色が
    悪くて心配, 母の体調が優れない): that person's state, not the graduate's."""
    first = cue.first
    if category not in _STATES or first < 2 or not cue.before & PERSON:
        return False
    if tokens[first - 1].lemma != "の" or tokens[first - 1].pos1 != "助詞":
        return False
    return _person_before(tokens, flags, first - 1) >= 0


def earlier_person(tokens: Sequence[Token], flags: Sequence[int], cue: CueSpan) -> bool:
    """True when a cue told as seen or heard (眠れていないみたい, 食欲もないようです,
    眠れない日が続いていたらしい), with no person of its own sentence before it, follows a
    sentence whose subject is another person (元気がない後輩がいます。あまり眠れていないみたいで…;
    同期のAさんが休職に入った。…らしい): that person's state still. A sentence between them
    with neither a person nor the writer as subject carries the person on too
    (同期のBくん、最近休んでる。食欲ないって言ってたみたい)."""
    if not cue.sentence & EVIDENTIAL:
        return False
    if not cue.clause & EVIDENTIAL and not _any(
        flags, cue.clause_end, min(cue.sentence_end + 1, len(flags)), EVIDENTIAL
    ):
        return False  # the mark of hearsay follows the cue (…日が続いていたらしい)
    for k in range(cue.sentence_start, cue.first - 2):
        if (
            flags[k] & PERSON
            and tokens[k + 1].lemma == "が"
            and tokens[k + 2].lemma == "居る"
            and is_clause_break(flags, k + 3)
        ):
            return True  # 職場に休みがちな同僚がいて、…ように見える: the person introduced
    if cue.sentence_start < 2 or _any(
        flags, max(cue.sentence_start, cue.first - 6), cue.first, PERSON
    ):
        return False  # (a person in the cue is what it is about: 上司と合わなかったみたい)
    end = cue.sentence_start - 1  # the mark that ends the sentence before
    for _ in range(2):  # the sentence before, and one more past a sentence with no subject
        if not flags[end] & SENTENCE_END:
            return False  # the window reached no sentence start
        opening = "".join(t.surface for t in tokens[end + 1 : end + 3])
        if opening.startswith(("でも", "けど", "しかし", "ただ", "私", "自分", "僕", "俺")):
            return False  # …です。でも最近眠れていないみたい: the writer turns to themselves
        lo = _worry_start(flags, end)
        subject = _earlier_subject(tokens, flags, lo, end)
        if subject is not None:
            return subject
        if any(
            flags[k] & SUBJECT and tokens[k].pos1 == "助詞" and tokens[k].pos2 != "接続助詞"
            for k in range(lo, end)
        ):
            return False  # …辞めた。仕事が増えた。疲れてるみたい: a new subject between
        end = lo - 1
        if end < 1:
            return False
    return False


def _earlier_subject(
    tokens: Sequence[Token], flags: Sequence[int], lo: int, end: int
) -> bool | None:
    """Whether the subject of the sentence ``lo..end`` is another person (True), the writer
    (False), or nobody named (None)."""
    for k in range(lo, end):
        if _first_person_at(tokens, k):
            return False  # 私は…: the writer's own sentence
    for k in range(lo + 1, end):
        bits = flags[k]
        if not bits & (SUBJECT | CLAUSE_MARK) or tokens[k].pos2 == "接続助詞":
            continue
        if bits & CLAUSE_MARK and not flags[k - 1] & (PERSON | SUFFIX):
            continue  # 同期のBくん、…: a person set apart by a comma is the subject too
        person = _person_before(tokens, flags, k)
        if person >= 0:
            return True
    return None


#: Verbs of watching or overhearing somebody (横で見てて, 聞いていて).
_WATCHING = frozenset({"見る", "聞く", "眺める", "見守る"})
#: Words that may stand between watching and the feeling (見てる|こっちが, 見ていて|私の方が).
_WATCHER = frozenset(
    {"こっち", "此方", "こちら", "方", "が", "の", "も", "は", "居る", "て", "てる", "た", "る"}
)


def watched_other(tokens: Sequence[Token], flags: Sequence[int], cue: CueSpan) -> bool:
    """True when the cue is a watcher's feeling at another person's trouble: right after
    見る / 聞く + て (横で見ててヒヤヒヤした, 見てるこっちがドキドキした), with another person
    named before it in its sentence or as the subject of the sentence before
    (パートさんが課長に怒られてた。横で見ててハラハラ). Not when the writer names themselves
    (見ていて自分も怒られるんじゃないかと不安: the writer's own fear)."""
    lo = max(cue.sentence_start, cue.first - 6)
    k = cue.first - 1
    while k > lo and tokens[k].lemma in _WATCHER:
        k -= 1
    if k < lo or tokens[k].lemma not in _WATCHING or tokens[k + 1].lemma not in ("て", "てる"):
        return False
    start = _worry_start(flags, k)
    if any(_first_person_at(tokens, j) for j in range(start, cue.last + 1)):
        return False
    if _suffered_by_other(tokens, flags, start, k):
        return True  # 後輩が叱られているのを見てて胃がキュッとなった
    end = start - 1
    if end < 1 or not flags[end] & SENTENCE_END:
        return False
    return _suffered_by_other(tokens, flags, _worry_start(flags, end), end)


def _suffered_by_other(tokens: Sequence[Token], flags: Sequence[int], lo: int, hi: int) -> bool:
    """True when a person is the subject of a passive between ``lo`` and ``hi``
    (パートさんが課長に怒られてた): a trouble the person suffers, which another watches (a
    boss who shouts, 上司が怒鳴っているのを見て怖い, frightens the watcher: no such case)."""
    for j in range(lo + 1, hi):
        if (
            flags[j] & SUBJECT
            and tokens[j].pos2 != "接続助詞"
            and _person_before(tokens, flags, j) >= 0
        ):
            return any(tokens[i].lemma in ("れる", "られる") for i in range(j + 1, hi))
    return False


def helpless_for_other(tokens: Sequence[Token], flags: Sequence[int], cue: CueSpan) -> bool:
    """True when the cue is the writer's helplessness, told in the past, at another person's
    trouble told in the sentence before (同期が叱られて泣いていた。私は何もできなかった /
    話を聞くことしかできなかった): sympathy, no sign of the writer's own."""
    able = next((k for k in range(cue.first, cue.last + 1) if tokens[k].lemma == "出来る"), -1)
    if able < 0 or not _any(flags, able, min(cue.clause_end + 1, len(flags)), PAST_TENSE):
        return False
    if not any(tokens[k].lemma in ("何", "しか") for k in range(cue.sentence_start, able)):
        return False  # 何もできなかった, 聞くことしかできなかった
    end = cue.sentence_start - 1
    if end < 1 or not flags[end] & SENTENCE_END:
        return False
    return bool(_earlier_subject(tokens, flags, _worry_start(flags, end), end))

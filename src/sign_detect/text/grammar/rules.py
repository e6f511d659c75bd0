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
    AUXILIARY_LIKE,
    BENEFACTIVE,
    CASE_NOUN,
    CLAUSE_MARK,
    CLAUSE_PARTICLE,
    CLINICIAN,
    CONDITIONAL,
    CONSULT,
    EVIDENTIAL,
    GENERAL_MARK,
    GENERAL_PHRASE_START,
    HEDGE_AFTER_START,
    HEDGE_BEFORE,
    HEDGE_PHRASE_START,
    INTENSIFIER_AFTER_START,
    INTENSIFIER_BEFORE,
    LEISURE,
    LIST_MARKER,
    NEGATION,
    NOUN,
    PARALLEL_MARKER,
    PASSABLE,
    PAST_MARKER,
    PAST_TENSE,
    PERMISSION,
    PERSON,
    PERSON_HEAD,
    PRESENT_MARKER,
    QUESTION_END,
    RECOVERY_START,
    SENTENCE_END,
    SUBJECT,
    SUFFIX,
    TE,
    TOPIC,
    UNTIL_MARKER,
    WISH,
)
from .config import GrammarConfig, Seq

__all__ = [
    "CueSpan",
    "across_te",
    "clause_end",
    "describes_person",
    "done_to_graduate",
    "is_agreed",
    "is_clause_break",
    "is_exclusive",
    "is_general",
    "is_hypothetical",
    "is_overcome",
    "is_rather_than",
    "is_reported",
    "is_resolved",
    "is_rhetorical",
    "is_wish",
    "modifiers",
    "negation_scope",
    "other_subject",
    "span",
]

#: How many tokens before a cue (and after its clause) the rules look at.
WINDOW = 12
#: How many tokens a parallel も carries negation over (胃が痛むことも + ない).
PARALLEL_REACH = 8
#: Words between a cue and the person it describes (頭痛持ちの人, 眠れないという人).
_BEFORE_PERSON = frozenset({"持ち", "言う", "云う"})
#: Words before 者 that may name the graduate (利用者, 当事者, 本人).
_SELF_BEFORE_SHA = frozenset({"利用", "当事", "対象", "障害", "本人"})
#: Case particles: a person after one is no noun the cue modifies (…方がみんな楽).
_CASE_PARTICLES = frozenset({"が", "を", "は", "に", "で"})
#: Parts of speech before 前 / 以前 that make it "before (an event or a time)".
_NOT_BEFORE_PAST = frozenset({"動詞", "助動詞", "接尾辞"})
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
    )


def _any(flags: Sequence[int], lo: int, hi: int, bit: int) -> bool:
    return bool(reduce(or_, flags[lo:hi], 0) & bit)


def _sentence_bits(flags: Sequence[int], cue: CueSpan) -> int:
    return reduce(or_, flags[cue.sentence_start : cue.sentence_end + 1], 0)


def _matches_at(tokens: Sequence[Token], start: int, seq: Seq) -> bool:
    if start + len(seq) > len(tokens):
        return False
    return all(
        tokens[start + k].lemma == s or tokens[start + k].surface == s for k, s in enumerate(seq)
    )


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
    for k in range(last + 1, len(flags)):
        bits = flags[k]
        if bits & RECOVERY_START and not bits & NEGATION:
            break
        if bits & NEGATION:
            count += 1
            end = k
        elif listing and bits & NOUN:
            continue
        elif bits & LIST_MARKER and not bits & PASSABLE:
            listing = True  # めまい・ふらつきはない: a list mark that is no particle
            continue
        elif parallel and not is_clause_break(flags, k):
            parallel -= 1
            continue
        elif bits & CLAUSE_MARK and flags[k - 1] & TOPIC:
            continue  # 辞めたいと思ったことは、一度もない: a comma after a topic
        elif not bits & PASSABLE or is_clause_break(flags, k):
            break
        listing = listing or bool(bits & LIST_MARKER)
        if bits & PARALLEL_MARKER:
            parallel = PARALLEL_REACH
    return count, end


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
    return any(tokens[k].lemma == "しか" for k in range(last + 1, negation))


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
    if cue.clause & CONDITIONAL:
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


def is_wish(flags: Sequence[int], cue: CueSpan, category: str, config: GrammarConfig) -> bool:
    """True for a wish for rest (寝だめしたい, 週末はゆっくり休みたい): a たい not negated in
    the cue's clause, for a category of rest or with a word of leisure in the sentence."""
    wish = next((k for k in range(cue.first, cue.clause_end) if flags[k] & WISH), -1)
    if wish < 0 or negation_scope(flags, wish)[0] % 2:
        return False  # 行きたくない is no wish for rest
    if category in config.wish.rest_categories:
        return True
    return bool(_sentence_bits(flags, cue) & LEISURE)


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
        flags[k] & GENERAL_MARK and not (k + 1 < len(tokens) and tokens[k + 1].lemma == "か")
        for k in range(lo, hi)
    ):
        return True  # 病院に行くべきか迷っている asks; 休むべきだ advises
    if sentence & GENERAL_PHRASE_START and any(
        negation_scope(flags, k)[0] % 2 == 0  # 必要とされていない is no general knowledge
        for k in _seq_ends(tokens, flags, lo, hi, GENERAL_PHRASE_START, config.general.phrases)
    ):
        return True
    case = next(
        (
            k
            for k in range(cue.last + 1, min(cue.clause_end, cue.last + 4) + 1)
            if k < len(flags) and flags[k] & CASE_NOUN
        ),
        -1,
    )
    if config.general.coping and _coped_after(tokens, flags, cue, config) >= 0:
        return True  # 疲れた時点で休憩を申し出られた: a success
    if case < 0:
        return False
    topic = case + 1 < len(tokens) and tokens[case + 1].lemma == "は"
    return topic or bool(sentence & PERMISSION)


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
    for k in range(cue.last + 1, min(cue.clause_end + 1, cue.last + 5, len(flags))):
        bits = flags[k]
        if bits & PERSON or (bits & PERSON_HEAD and tokens[k].pos1 == "名詞"):
            return True
        if tokens[k].lemma in _CASE_PARTICLES and tokens[k].pos1 == "助詞":
            return False  # いない方がみんな楽: a case particle ends the phrase
        passed = bits & (NEGATION | SUFFIX | AUXILIARY_LIKE) or tokens[k].lemma in _BEFORE_PERSON
        if not passed:
            return False
    return False


def done_to_graduate(flags: Sequence[int], cue: CueSpan) -> bool:
    """True when the cue's predicate is done for or to the graduate (口をきいてくれない)."""
    return _any(flags, cue.first, min(cue.clause_end + 1, len(flags)), BENEFACTIVE)


def across_te(flags: Sequence[int], person: int, first: int) -> bool:
    """True when a て-clause ends between the person and the cue (母が入院して眠れない)."""
    return any(flags[k] & TE and is_clause_break(flags, k) for k in range(person + 1, first))


def is_reported(flags: Sequence[int], cue: CueSpan) -> bool:
    """True when the cue's sentence reports what was seen or heard (らしい, そう, みたい,
    とのこと): the mark of another person's inner state (妹が熱を出して寝込んでいるらしい)."""
    return bool(_sentence_bits(flags, cue) & EVIDENTIAL)


def other_subject(tokens: Sequence[Token], flags: Sequence[int], cue: CueSpan) -> int:
    """Index of a person word that is the subject before the cue (母が眠れないらしい), or -1.

    The search runs back through the cue's sentence; clauses joined by て keep their
    subject (妹が熱を出して寝込んでいる), other clause breaks (ので, けど …) end it.
    """
    for k in range(cue.first - 1, cue.sentence_start, -1):
        bits = flags[k]
        if bits & SENTENCE_END or (bits & CLAUSE_PARTICLE and not bits & TE):
            return -1
        if bits & (SUBJECT | CLAUSE_MARK):  # 母が / 隣の部署の人、今月で辞めるんだって
            person = _person_before(tokens, flags, k)
            if person >= 0:
                return person
    return -1


def _person_before(tokens: Sequence[Token], flags: Sequence[int], k: int) -> int:
    """The person word just before token ``k`` (past たち / さん), or -1."""
    j = k - 1
    if j > 0 and flags[j] & SUFFIX and flags[j] & PERSON:
        # 担当者, 作業者: a person (not 利用者 / 当事者, who may be the graduate)
        return -1 if tokens[j - 1].lemma in _SELF_BEFORE_SHA else j
    while j > 0 and flags[j] & SUFFIX:
        j -= 1
    if j < 0:
        return -1
    if flags[j] & PERSON:
        return j
    if flags[j] & PERSON_HEAD and j > 0 and (
        tokens[j - 1].lemma == "の" or tokens[j - 1].pos1 in ("動詞", "助動詞")
    ):
        return j  # 同期の子, 同じ時期に入った人
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
    tokens: Sequence[Token], flags: Sequence[int], lo: int, hi: int, config: GrammarConfig
) -> bool:
    """A past marker in ``lo..hi`` not followed by より, から, で … (以前より compares), or a
    recent time followed by まで (先週まで: over since)."""
    if not _any(flags, lo, hi, PAST_MARKER | UNTIL_MARKER):
        return False
    for k in range(lo, hi):
        after = tokens[k + 1].surface if k + 1 < len(tokens) else ""
        if flags[k] & PAST_MARKER and after not in config.resolved.not_past_after:
            if k > 0 and (tokens[k - 1].pos1 in _NOT_BEFORE_PAST or tokens[k - 1].lemma == "時"):
                continue  # 寝る前の薬, 五時前に: before an event, not the past
            return True
        if flags[k] & UNTIL_MARKER and after == "まで":
            return True
    return False


def _contrast_follows(tokens: Sequence[Token], flags: Sequence[int], end: int) -> bool:
    """True when the next sentence opens with a present time as its topic (…。今は…)."""
    k = end + 1
    return k + 1 < len(tokens) and bool(flags[k] & PRESENT_MARKER) and tokens[k + 1].lemma == "は"


def is_resolved(
    tokens: Sequence[Token], flags: Sequence[int], cue: CueSpan, config: GrammarConfig
) -> bool:
    """True when the cue describes a past that is over.

    以前は寝つきが悪かったが / 先月は疲れがたまっていたけど (a past marker before the cue and
    a past tense in its clause; not a comparison: 以前より痩せた is current);
    眠れなかったけど今は眠れている (past tense, then a present marker in a later clause);
    頭痛は治まった (recovery after the cue, not negated: 治らない is no recovery).
    """
    first, last = cue.first, cue.last
    lo, hi = cue.sentence_start, cue.sentence_end
    end = chained_clause_end(flags, cue.clause_end, hi)
    reach = min(hi, end + WINDOW)
    if _any(flags, last + 1, end, PAST_TENSE) and (
        _past_marker_before(tokens, flags, max(lo, first - WINDOW), first, config)
        or _any(flags, end, reach, PRESENT_MARKER)
        or _contrast_follows(tokens, flags, hi)
    ):
        return True
    if not _any(flags, last + 1, reach, RECOVERY_START):
        return False
    # 治まった is a recovery; 治らない / 回復しない are not.
    ends = _seq_ends(tokens, flags, last + 1, reach, RECOVERY_START, config.resolved.recovery_after)
    return any(
        negation_scope(flags, k)[0] % 2 == 0 and not _sought(tokens, k) for k in ends
    )


#: After a word of recovery: made to happen (落ち着かせた), waited for (落ち着くのを待った)
#: or wished (消えたい, 治りたい): sought, not reached; the sign was there.
_SOUGHT_AFTER = frozenset({"せる", "させる", "の", "まで", "たい"})


def _sought(tokens: Sequence[Token], k: int) -> bool:
    """True when the recovery ending at ``k`` is sought, not reached (落ち着かせた), or
    asked about (楽になれるのかな, 治るのか)."""
    if k + 1 < len(tokens) and tokens[k + 1].lemma in _SOUGHT_AFTER:
        return True
    return _asked(tokens, k, len(tokens))

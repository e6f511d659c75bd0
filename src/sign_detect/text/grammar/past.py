"""A past that is over, and a feeling conceded and overcome."""

from __future__ import annotations

from collections.abc import Sequence

from ..tokenizer import Token
from .classes import (
    AUXILIARY_LIKE,
    CLAUSE_MARK,
    CLAUSE_PARTICLE,
    NEGATION,
    NOUN,
    PASSABLE,
    PAST_MARKER,
    PAST_TENSE,
    PRESENT_MARKER,
    RECOVERY_START,
    SENTENCE_END,
    SINCE,
    TE,
    TOPIC,
    UNTIL_MARKER,
)
from .config import GrammarConfig
from .negation import negation_scope
from .spans import WINDOW, CueSpan, _any, _seq_ends, chained_clause_end, clause_end, is_clause_break

#: Parts of speech before 前 / 以前 that make it "before (an event or a time)".
_NOT_BEFORE_PAST = frozenset({"動詞", "助動詞", "接尾辞"})


#: Words before an era noun (頃, 時期) that make it a past that is over: あの頃, 一時期,
#: 転職したばかりの頃 (after a past tense too).
_ERA_BEFORE = frozenset({"彼の", "其の", "あの", "その", "一", "の"})


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
    # …。でも部署が変わって、今は…: after the opener, a present topic later in
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
        # a sign as the topic is told of up to its sentence end (先月まであった
        # 頭痛は、休憩の取り方を工夫したことで現在は落ち着いている); also
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
        or _present_topic_in(tokens, flags, end, hi, config)  # …けど、…て、今は
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
    what changed since something was done (眠れなかったけど、寝る前のスマホを
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
    とのこと): the sign is denied."""
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
            return not any(t.lemma in _NOT_REASSURED or t.surface in _NOT_REASSURED for t in after)
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

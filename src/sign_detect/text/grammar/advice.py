"""No report of the graduate: hypotheses, wishes, advice, explanations and headings."""

from __future__ import annotations

from collections.abc import Sequence

from ..tokenizer import Token
from .classes import (
    AFTER_CUE,
    AUXILIARY_LIKE,
    CASE_NOUN,
    CLAUSE_MARK,
    CLINICIAN,
    CONDITIONAL,
    CONDITIONAL_FRAME_KEY,
    CONSULT,
    FRAME_KEY,
    FRAME_START,
    GENERAL_MARK,
    GENERAL_PHRASE_START,
    GENERIC_COND,
    HOWTO,
    LEISURE,
    NEGATION,
    NOUN,
    PAST_TENSE,
    PERMISSION,
    PHRASE_KEY,
    QUESTION_END,
    ROUTINE,
    SELF,
    SENTENCE_END,
    SUFFIX,
    WISH,
)
from .config import GrammarConfig
from .negation import negation_scope
from .spans import (
    _QUOTATIVE,
    CueSpan,
    _any,
    _any_seq,
    _matches_at,
    _seq_ends,
    is_clause_break,
)

#: Words of prevention after …を (飲み忘れを防ぐには): advice, not a sign.
_PREVENT = frozenset({"防ぐ", "予防"})


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
    return rest or bool(cue.sentence & LEISURE)


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
    if not cue.sentence & CLINICIAN:
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
    sentence = cue.sentence
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
    if sentence & (AFTER_CUE | PERMISSION) and _conceded_in_advice(tokens, flags, cue):
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
    # 疲れたときには…, like 疲れたときは…
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
    howto_ends = min(end, cue.last + 8) if sentence & HOWTO else 0  # (no HOWTO: no heading)
    for k in range(cue.last + 1, howto_ends):
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

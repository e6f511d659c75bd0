"""Who a cue is about: other people as subjects, people described, people in general."""

from __future__ import annotations

from collections.abc import Sequence

from ..tokenizer import Token
from .classes import (
    AUXILIARY_LIKE,
    BENEFACTIVE,
    CLAUSE_MARK,
    CLAUSE_PARTICLE,
    EVIDENTIAL,
    MANY,
    NEGATION,
    PERSON,
    PERSON_HEAD,
    QUANTIFIER,
    SENTENCE_END,
    SUBJECT,
    SUFFIX,
    TE,
    WORK_WORD,
    WORKER_KIN,
)
from .spans import CueSpan, _any, _worry_start, is_clause_break

#: Words between a cue and the person it describes (頭痛持ちの人, 眠れないという人).
_BEFORE_PERSON = frozenset({"持ち", "言う", "云う", "思う", "感じる", "感ずる", "考える", "悩む"})


#: Quoting particles: a person after them reports the cue (…と母から聞いた), unless
#: という follows (眠れないという人: a trait).
_QUOTE = frozenset({"と", "って"})


#: Words before 者 that may name the graduate (利用者, 当事者, 本人).
_SELF_BEFORE_SHA = frozenset({"利用", "当事", "対象", "障害", "本人"})




#: Closing quotes between a quoted cue and the person it describes.
_CLOSING_QUOTES = frozenset({"」", "』", '"', "”"})


#: Suffixes of a name (同僚のCさん).
_HONORIFICS = frozenset({"さん", "君", "くん", "ちゃん", "氏", "様", "さま"})


#: Case particles after which one predicate may stand in a clause that describes a person
#: (不安が強い人, ストレスを感じやすい方).
_CASE_BEFORE_PREDICATE = frozenset({"が", "の", "を", "に"})


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
            continue  # (辞めたいと感じる人: a verb of thinking is in _BEFORE_PERSON)
        if token.surface in _CLOSING_QUOTES:
            continue  # 「朝起きられない」という人
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
    nxt = [t.lemma for t in tokens[k + 1 : k + 3]]
    if nxt == ["に", "は"]:
        return True  # 孤立しがちな人には声かけを: people advice is given for
    topic = bool(nxt) and nxt[0] in ("は", "も")
    many = _any(flags, k + 1, min(k + 4, cue.sentence_end + 1, len(flags)), MANY)
    return (topic and many) or (k + 1 < len(flags) and bool(flags[k + 1] & QUANTIFIER))


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
    return bool(flags[person] & WORKER_KIN and cue.sentence & WORK_WORD)


def across_te(flags: Sequence[int], person: int, first: int) -> bool:
    """True when a て-clause ends between the person and the cue (母が入院して眠れない)."""
    return any(flags[k] & TE and is_clause_break(flags, k) for k in range(person + 1, first))


def is_reported(flags: Sequence[int], cue: CueSpan) -> bool:
    """True when the cue's sentence reports what was seen or heard (らしい, そう, みたい,
    とのこと): the mark of another person's inner state (妹が熱を出して寝込んでいるらしい)."""
    return bool(cue.sentence & EVIDENTIAL)


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
                person = j if any(t.lemma in _ANOTHER for t in tokens[lo:j]) else -1
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
        return j  # 同じ職場のAさん, 隣の部署のBさん: somebody set apart by a place
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


def _is_named(tokens: Sequence[Token], n: int, j: int) -> bool:
    """True when a name suffix (さん, 君) follows the noun at ``n`` before ``j``."""
    return any(tokens[i].lemma in _HONORIFICS for i in range(n + 1, j))

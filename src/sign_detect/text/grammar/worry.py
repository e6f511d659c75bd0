"""Worry for somebody else, questions about procedures, states of another person."""

from __future__ import annotations

from collections.abc import Sequence

from ..tokenizer import Token
from .classes import (
    CLAUSE_MARK,
    CLAUSE_PARTICLE,
    CONCERN,
    EVIDENTIAL,
    PAST_TENSE,
    PERSON,
    PERSON_HEAD,
    PROCEDURE,
    SENTENCE_END,
    SUBJECT,
    SUFFIX,
    TE,
)
from .config import GrammarConfig
from .persons import (
    _ANOTHER,
    _CLOSING_QUOTES,
    _HONORIFICS,
    _QUOTE,
    _SELF_BEFORE_SHA,
    _before_aside,
    _first_person_at,
    _is_named,
    _person_before,
)
from .spans import CueSpan, _any, _matches_at, _worry_start, is_clause_break

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
            # その方を心配している, 同僚のことを気にかけている: the object
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
    before = _sentence_before(flags, start)
    return before >= 0 and _suffered_by_other(tokens, flags, before, start - 1)


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
    before = _sentence_before(flags, cue.sentence_start)
    return before >= 0 and bool(_earlier_subject(tokens, flags, before, cue.sentence_start - 1))


def _sentence_before(flags: Sequence[int], start: int) -> int:
    """Start of the sentence that ends just before ``start``, or -1 when none does."""
    end = start - 1
    if end < 1 or not flags[end] & SENTENCE_END:
        return -1
    return _worry_start(flags, end)

"""Negation: its scope, and what only looks like one (hedges, questions, obligations)."""

from __future__ import annotations

from collections.abc import Sequence

from ..tokenizer import Token
from .classes import (
    AUXILIARY_LIKE,
    CLAUSE_LIST,
    CLAUSE_MARK,
    FRAME_NOUN,
    LIST_MARKER,
    NEGATION,
    NOUN,
    PARALLEL_MARKER,
    PASSABLE,
    PAST_TENSE,
    RECOVERY_START,
    SENTENCE_END,
    SINCE,
    SUFFIX,
    TE,
    TOPIC,
)
from .config import GrammarConfig
from .spans import WINDOW, is_clause_break

#: How many tokens a parallel も carries negation over (胃が痛むことも + ない).
PARALLEL_REACH = 8


#: A negation after じゃ / では asking, not denying (…んじゃないか, …のではないでしょうか).
_ASKING_NEGATION = frozenset({"無い", "ない"})


_ASKING_END = frozenset({"か", "かな", "かしら"})


#: The negations of かもしれない / かもしれん / かもしれません (a hedge, not a denial).
_HEDGING_NEGATION = frozenset({"ず", "ぬ", "ん"})


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
                continue  # 多くも少なくもない (an item of the list, no recovery)
            break
        if bits & NEGATION:
            count += 1
            end = k
        elif bits & CLAUSE_LIST and not flags[k - 1] & NOUN and skips < _MAX_SKIPS:
            # 眠れないとか食欲がないとかは全然ない, 上司が怖いとか、…とか、
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
            topic = True  # 飲み忘れ、…からゼロ (a noun and a comma as topic)
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

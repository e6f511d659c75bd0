"""Token classes under one grammar: each token's role as bits, computed once per token.

The rules (:mod:`sign_detect.text.grammar.rules`) test these bits instead of word sets, so a
class is looked up once per interned token (a :class:`~sign_detect.text.tokenizer.TokenCache`)
and every rule after that is integer arithmetic.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..tokenizer import Token, TokenCache
from .config import GrammarConfig, Seq

__all__ = ["TokenClasses"]

_MAX_CACHED_TOKENS = 50_000

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
LIST_MARKER = 1 << 16  # など / や / とか / も: the nouns after it restate or add to the cue
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
GENERAL_PHRASE_START = 1 << 33  # 言う (…と言われている)
TOPIC = 1 << 34  # は / も: a topic, which a comma does not cut from its predicate
BENEFACTIVE = 1 << 35  # 呉れる: done to the graduate (口をきいてくれない)
EVIDENTIAL = 1 << 36  # らしい / そう / みたい: what was seen or heard of somebody
GENERIC_COND = 1 << 37  # conjunctive と (…すると): a general condition in explanations
SELF = 1 << 38  # 私 / 最近 / 毎日: the writer's own present, which a general frame does not take
FRAME_START = 1 << 39  # first word of a general frame (…のサインです, …ケースがあります)
HOWTO = 1 << 40  # 対処 / 過ごす (…ときの対処法, 眠れない夜の過ごし方): a heading of advice
AFTER_CUE = 1 << 41  # 必要 right after a cue (落ち込む必要はない)
QUANTIFIER = 1 << 42  # 多く / 大半 after の (働く人の多くが): a group as the subject
MANY = 1 << 43  # 多い / 少ない / 珍しい after a person (悩む方も多い): a general statement
ROUTINE = 1 << 44  # 出勤 / 帰宅 / 朝: the writer's own day (出勤前になると…ことがある)
WORKER_KIN = 1 << 45  # 息子 / 夫 …: the family member a family's question is about
WORK_WORD = 1 << 46  # 会社 / 出勤 / 上司 …: the sentence places its subject at work
MEDICINE = 1 << 47  # 薬 / 眠剤 / 副作用 / a noun ending in 薬 or 剤: a side effect may be told
# Key words: the longest word of each sequence of a list. A sentence without one cannot hold
# any sequence of that list, so the rules skip scanning it (most sentences).
PHRASE_KEY = 1 << 48  # of general.phrases (…と言われている: 言う)
FRAME_KEY = 1 << 49  # of general.frames / preludes / endings (…のサインです: サイン)
CONDITIONAL_FRAME_KEY = 1 << 50  # of general.conditional_frames (…ことがある: 有る)
CONCERN = 1 << 51  # 心配 / 気 (に掛ける): worry that may be for somebody else
PROCEDURE = 1 << 52  # 手続き / 制度 / 申請: a question about one asks, it reports nothing
# what a denial after a topic may pass over (see rules.negation_scope)
SINCE = 1 << 53  # から / 以来 / おかげ after て or a past: …を使い始めてから一度もない
FRAME_NOUN = 1 << 54  # 今回 / 職場 / 月: a time or place as a topic before a denial (今回は…ない)
CLAUSE_LIST = 1 << 55  # とか / だの after a clause: 眠れないとか食べられないとかはない


#: Last kana of a verb's plain form: the conjunctive が follows only that (行くが, not 飲み忘れが).
_U_ROW = frozenset("うくすつぬふむゆるぐずづぶぷ")


def _key_words(seqs: Iterable[Seq]) -> frozenset[str]:
    """The longest word of each sequence (the first of equals): one a sentence must hold."""
    return frozenset(max(seq, key=len) for seq in seqs if seq)


def _first_words(seqs: Iterable[Seq]) -> frozenset[str]:
    """First words of sequences, to skip most positions without a full compare."""
    return frozenset(seq[0] for seq in seqs if seq)


class TokenClasses:
    """The class bits of tokens under one :class:`GrammarConfig` (memoised per token)."""

    def __init__(self, config: GrammarConfig):
        self.config = config
        self._by_word = self._word_classes()
        #: ``cache[token]`` is a token's class bits.
        self.cache: TokenCache[int] = TokenCache(self.token_class, _MAX_CACHED_TOKENS)

    def flags(self, tokens: Sequence[Token]) -> list[int]:
        """The class bits of each token."""
        flags = list(map(self.cache.__getitem__, tokens))
        for k in range(1, len(tokens)):
            if flags[k] & CLAUSE_LIST and tokens[k].surface == "か":
                if tokens[k - 1].surface != "と":
                    flags[k] &= ~CLAUSE_LIST  # とか (と + か), not 何か
            elif flags[k] & CLAUSE_PARTICLE and tokens[k].surface == "が":
                before = tokens[k - 1]
                if before.pos1 == "動詞" and before.surface[-1:] not in _U_ROW:
                    # 飲み忘れが多かった: が after a verb's stem marks a noun, it joins no clause
                    flags[k] &= ~CLAUSE_PARTICLE
        return flags

    def is_negation(self, token: Token) -> bool:
        negation = self.config.negation
        return (
            token.ctype in negation.aux_ctypes
            or (token.lemma in negation.lemmas and token.pos1 in ("形容詞", "名詞", "助動詞"))
            or f"{token.surface}/{token.lemma}" in negation.misread
        )

    def is_sentence_end(self, token: Token) -> bool:
        scope = self.config.scope
        return token.surface in scope.sentence_surfaces or token.pos2 in scope.sentence_pos2

    def token_class(self, token: Token) -> int:
        """The class bits of one token (the module's constants, such as ``NEGATION``)."""
        scope, c = self.config.scope, self.config
        bits = self._by_word.get(token.lemma, 0) | self._by_word.get(token.surface, 0)
        pos1, pos2 = token.pos1, token.pos2
        if self.is_negation(token):
            bits |= NEGATION
        if self.is_sentence_end(token):
            bits |= SENTENCE_END
        if pos2 in scope.clause_pos2:
            bits |= CLAUSE_MARK
        if token.ctype in c.resolved.past_ctypes:
            bits |= PAST_TENSE
        if token.surface in c.hypothetical.surfaces and pos1 in ("助詞", "助動詞"):
            bits |= CONDITIONAL  # not the verb なる in ならない
        if pos2 == "接続助詞" and token.lemma in scope.clause_particles:
            bits |= CLAUSE_PARTICLE | (TE if token.lemma in ("て", "で") else 0)
        elif pos1 == "助動詞" and token.lemma == "だ" and token.surface == "で":
            # the copula's て-form joins clauses like て (ヘトヘトで何も考えられない)
            bits |= CLAUSE_PARTICLE | TE
        if pos1 in ("助詞", "助動詞") or (
            pos2 == "非自立可能" and (pos1 != "動詞" or self._te_auxiliary(token))
        ):
            bits |= AUXILIARY_LIKE
        if pos1 in scope.pass_pos1 or pos2 in scope.pass_pos2 or token.lemma in scope.transparent:
            bits |= PASSABLE
        if token.surface == "・" and "・" in scope.list_markers:
            bits |= LIST_MARKER  # めまい・ふらつきはない
        listing_iu = "といった" in scope.list_markers
        if listing_iu and token.lemma == "言う" and token.surface in ("いっ", "言っ"):
            bits |= LIST_MARKER  # めまいといった不調はない (と + いっ + た)
        if pos1 == "助詞":
            if token.lemma in scope.list_markers:
                bits |= LIST_MARKER
            if token.lemma in scope.parallel_markers:
                bits |= PARALLEL_MARKER
            if token.lemma in c.others.subject_particles:
                bits |= SUBJECT
            if token.lemma in ("は", "も"):
                bits |= TOPIC
            if token.lemma in scope.clause_list_markers or (
                token.surface == "か" and pos2 == "副助詞"  # とか, read as と + か
            ):
                bits |= CLAUSE_LIST
        if pos1 in ("名詞", "接頭辞"):
            bits |= NOUN
        if pos1 == "接尾辞":
            bits |= SUFFIX
        if pos1 == "名詞" and token.surface.endswith(c.side_effect.medicine_endings):
            bits |= MEDICINE
        if pos2 == "接続助詞" and token.lemma in c.general.conditionals:
            bits |= GENERIC_COND  # …すると (not the quotative と of 辞めたいと思う)
        if token.lemma == "たい" and pos1 == "助動詞":
            bits |= WISH
        if pos1 != "名詞":
            bits &= ~LEISURE  # 休み the noun, not 休み(たい) the verb
        return bits

    def _te_auxiliary(self, token: Token) -> bool:
        """A verb that keeps a て-clause going (疲れている); any verb if none are listed."""
        listed = self.config.scope.te_auxiliaries
        return not listed or token.lemma in listed

    def _word_classes(self) -> dict[str, int]:
        """Bits of the classes a token has when its lemma or surface is a given word."""
        c = self.config
        by_word: dict[str, int] = {}
        for words, bit in (
            (c.hedge.words, HEDGE_BEFORE),
            (_first_words(c.hedge.phrases), HEDGE_PHRASE_START),
            (frozenset(q[-1] for q in c.hypothetical.questions if q), QUESTION_END),
            (c.intensifier.before, INTENSIFIER_BEFORE),
            (_first_words(c.hedge.after), HEDGE_AFTER_START),
            (_first_words(c.intensifier.after), INTENSIFIER_AFTER_START),
            (
                _first_words(c.resolved.recovery_after + c.resolved.recovery_in_clause),
                RECOVERY_START,
            ),
            (c.resolved.past_markers, PAST_MARKER),
            (c.resolved.until_markers, UNTIL_MARKER),
            (c.resolved.present_markers, PRESENT_MARKER),
            (c.others.persons, PERSON),
            (c.others.heads, PERSON_HEAD),
            (c.general.markers | c.general.surfaces, GENERAL_MARK),
            (c.general.case_nouns, CASE_NOUN),
            (c.general.permission, PERMISSION),
            (c.wish.leisure, LEISURE),
            (c.agreed.clinicians, CLINICIAN),
            (c.agreed.consult, CONSULT),
            (_first_words(c.general.phrases), GENERAL_PHRASE_START),
            (frozenset({"呉れる", "くれる"}), BENEFACTIVE),
            (c.others.evidentials, EVIDENTIAL),
            (c.others.workers, WORKER_KIN),
            (c.others.work_words, WORK_WORD),
            (_first_words(c.side_effect.medicines + c.side_effect.own_causes), MEDICINE),
            (c.general.self_markers, SELF),
            (
                _first_words(
                    c.general.frames
                    + c.general.conditional_frames
                    + c.general.endings
                    + c.general.preludes
                ),
                FRAME_START,
            ),
            (_key_words(c.general.phrases), PHRASE_KEY),
            (_key_words(c.general.frames + c.general.endings + c.general.preludes), FRAME_KEY),
            (_key_words(c.general.conditional_frames), CONDITIONAL_FRAME_KEY),
            (c.general.howto, HOWTO),
            (c.general.after_cue, AFTER_CUE),
            (c.general.quantifiers, QUANTIFIER),
            (c.general.many, MANY),
            (c.general.routine, ROUTINE),
            (
                c.others.concern | c.others.sympathy | _first_words(c.others.concern_phrases),
                CONCERN,
            ),
            (c.general.procedures, PROCEDURE),
            (c.scope.since_markers, SINCE),
            (c.scope.frame_nouns, FRAME_NOUN),
        ):
            for word in words:
                by_word[word] = by_word.get(word, 0) | bit
        return by_word

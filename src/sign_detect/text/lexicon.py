"""The small-sign lexicon: data, validated, overridable by an office without forking.

The lexicon ships as ``data/lexicon.tsv`` (columns ``category, pattern, weight, polarity,
source``). A pattern is a sequence of lemmas (as unidic-lite gives them) separated by
spaces, with ``|`` between alternatives: ``指示 分かる 難い|辛い`` matches 指示が分かりにくい
and 指示が分かりづらい. ``polarity`` says what negation means: a ``symptom`` cue (疲れ) is a sign
when affirmed, an ``ability`` cue (眠れる) is a sign when negated (眠れない).

An office adapts it with its own file of the same columns:
:meth:`Lexicon.with_overrides` replaces entries that share ``category`` and ``pattern``,
adds new ones, and removes an entry given ``weight`` 0.

Examples
--------
>>> from sign_detect import Lexicon
>>> lexicon = Lexicon.default()
>>> extra = {"category": "sleep", "pattern": "寝る 前 スマホ", "weight": 0.4}
>>> office = lexicon.with_overrides([extra])
>>> len(office) == len(lexicon) + 1
True
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Literal

import pandas as pd
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from ..errors import ConfigError
from .categories import CATEGORIES
from .tokenizer import Token, TokenCache

__all__ = ["Lexicon", "LexiconEntry"]

_MAX_CACHED_TOKENS = 50_000

#: Category of phrases that are matched only to stop shorter cues (お疲れ様 is no fatigue).
NONE_CATEGORY = "none"


class LexiconEntry(BaseModel):
    """One lexicon entry."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    category: str
    pattern: str = Field(min_length=1)
    weight: float = Field(ge=0.0, le=1.0)
    polarity: Literal["symptom", "ability"] = "symptom"
    source: str = ""
    #: Words of self-harm or suicide: the ranking names them and puts the person first.
    crisis: bool = False

    @field_validator("category")
    @classmethod
    def _known_category(cls, value: str) -> str:
        if value not in CATEGORIES and value != NONE_CATEGORY:
            raise ValueError(
                f"unknown category {value!r}; use one of {', '.join(CATEGORIES)} or none"
            )
        return value

    @field_validator("pattern")
    @classmethod
    def _clean_pattern(cls, value: str) -> str:
        elements = value.split()
        if not elements or any(not alt for e in elements for alt in e.split("|")):
            raise ValueError(f"pattern {value!r} has an empty element")
        return " ".join(elements)

    @property
    def key(self) -> tuple[str, str]:
        return (self.category, self.pattern)

    @property
    def elements(self) -> tuple[frozenset[str], ...]:
        return tuple(frozenset(e.split("|")) for e in self.pattern.split())


@dataclass(frozen=True, slots=True)
class CompiledEntry:
    """A lexicon entry ready for matching."""

    index: int
    category: str
    pattern: str
    elements: tuple[frozenset[str], ...]
    weight: float
    ability: bool
    #: Bits (see :attr:`Lexicon.word_bits`) of the elements after the first.
    needs: int = 0
    crisis: bool = False


def _parse_rows(rows: Iterable[Mapping[str, object]], where: str) -> list[LexiconEntry]:
    entries, problems = [], []
    for number, row in _rows_with_numbers(rows):
        clean = {k: v for k, v in row.items() if v not in (None, "") and not _is_nan(v)}
        try:
            entries.append(LexiconEntry.model_validate(clean))
        except ValidationError as err:
            reasons = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in err.errors())
            problems.append(
                f"  entry {number} ({row.get('category')!s} {row.get('pattern')!s}): {reasons}"
            )
    if problems:
        raise ConfigError(f"{where}: invalid lexicon entries:\n" + "\n".join(problems))
    return entries


def _rows_with_numbers(
    rows: Iterable[Mapping[str, object]],
) -> Iterator[tuple[object, Mapping[str, object]]]:
    for i, row in enumerate(rows, start=1):
        yield row.get("_line", i), {k: v for k, v in row.items() if k != "_line"}


def _is_nan(value: object) -> bool:
    return isinstance(value, float) and value != value


def _read_tsv(text: str) -> list[dict[str, object]]:
    lines = text.splitlines()
    body = [
        (n, line)
        for n, line in enumerate(lines, start=1)
        if line.strip() and not line.lstrip().startswith("#")
    ]
    if not body:
        return []
    reader = csv.DictReader(io.StringIO("\n".join(line for _, line in body)), delimiter="\t")
    rows: list[dict[str, object]] = []
    for (number, _), row in zip(body[1:], reader, strict=False):
        rows.append({**row, "_line": f"line {number}"})
    return rows


def _load_rows(
    source: str | os.PathLike[str] | pd.DataFrame | Iterable[Mapping[str, object]],
) -> tuple[list[dict[str, object]], str]:
    if isinstance(source, pd.DataFrame):
        return source.to_dict("records"), "<DataFrame>"  # type: ignore[return-value]
    if isinstance(source, str | os.PathLike):
        path = Path(source)
        if path.suffix.lower() == ".csv":
            frame = pd.read_csv(path, dtype=str, keep_default_na=False, comment="#")
            records = frame.to_dict("records")
            rows = [{str(k): v for k, v in r.items()} for r in records]
            return [{**r, "_line": f"line {i + 2}"} for i, r in enumerate(rows)], str(path)
        return _read_tsv(path.read_text(encoding="utf-8-sig")), str(path)
    return [dict(r) for r in source], "<entries>"


class Lexicon:
    """An immutable set of lexicon entries with a first-element index for matching."""

    def __init__(self, entries: Iterable[LexiconEntry]):
        by_key: dict[tuple[str, str], LexiconEntry] = {}
        for entry in entries:
            by_key[entry.key] = entry
        self.entries: tuple[LexiconEntry, ...] = tuple(by_key.values())
        # Each distinct later element of a multi-word pattern gets one bit, so a text
        # that lacks one of a pattern's words is ruled out with one integer test.
        element_bits: dict[frozenset[str], int] = {}
        for entry in self.entries:
            for element in entry.elements[1:]:
                element_bits.setdefault(element, 1 << len(element_bits))
        self._word_bits: dict[str, int] = {}
        for element, bit in element_bits.items():
            for word in element:
                self._word_bits[word] = self._word_bits.get(word, 0) | bit
        self.compiled: tuple[CompiledEntry, ...] = tuple(
            CompiledEntry(
                i,
                e.category,
                e.pattern,
                e.elements,
                e.weight,
                e.polarity == "ability",
                sum({element_bits[element] for element in e.elements[1:]}),
                e.crisis,
            )
            for i, e in enumerate(self.entries)
        )
        index: dict[str, list[CompiledEntry]] = {}
        for compiled in self.compiled:
            for form in compiled.elements[0]:
                index.setdefault(form, []).append(compiled)
        self.first_index: dict[str, tuple[CompiledEntry, ...]] = {
            k: tuple(v) for k, v in index.items()
        }
        #: Entries whose first element a token matches (``starts_of[token]``), memoised.
        self.starts_of: TokenCache[tuple[CompiledEntry, ...]] = TokenCache(
            self._compute_starts, _MAX_CACHED_TOKENS
        )
        #: Bits of the later pattern elements a token matches (``word_bits[token]``).
        self.word_bits: TokenCache[int] = TokenCache(self._compute_bits, _MAX_CACHED_TOKENS)

    def starts(self, token: Token) -> tuple[CompiledEntry, ...]:
        """Entries whose first element matches ``token`` (cached per interned token)."""
        return self.starts_of[token]

    def _compute_starts(self, token: Token) -> tuple[CompiledEntry, ...]:
        index = self.first_index
        found = index.get(token.lemma, ())
        if token.surface != token.lemma:
            found += index.get(token.surface, ())
        if token.alt:
            found += index.get(token.alt, ())
        if found and token.pos1 == "接尾辞":
            # A suffix is no word of its own: 打ちづらい is "hard to type", not 辛い (pain).
            found = tuple(e for e in found if len(e.elements) > 1)
        return found

    def _compute_bits(self, token: Token) -> int:
        get = self._word_bits.get
        return get(token.lemma, 0) | get(token.surface, 0) | get(token.alt, 0)

    def __len__(self) -> int:
        return len(self.entries)

    def __repr__(self) -> str:
        return f"Lexicon({len(self)} entries)"

    @classmethod
    def default(cls) -> Lexicon:
        """The lexicon shipped with sign_detect."""
        return _default_lexicon()

    @classmethod
    def from_file(
        cls,
        source: str | os.PathLike[str] | pd.DataFrame | Iterable[Mapping[str, object]],
    ) -> Lexicon:
        """A lexicon made only of the entries in ``source`` (.tsv, .csv, DataFrame, dicts)."""
        rows, where = _load_rows(source)
        return cls(_parse_rows(rows, where))

    def with_overrides(
        self,
        source: str | os.PathLike[str] | pd.DataFrame | Iterable[Mapping[str, object]],
    ) -> Lexicon:
        """A copy with an office's entries applied: replace by (category, pattern), add new
        ones, and drop those given weight 0."""
        rows, where = _load_rows(source)
        overrides = _parse_rows(rows, where)
        merged = {e.key: e for e in self.entries}
        for entry in overrides:
            if entry.weight == 0 and entry.category != NONE_CATEGORY:
                merged.pop(entry.key, None)
            else:
                merged[entry.key] = entry
        return Lexicon(merged.values())

    def to_frame(self) -> pd.DataFrame:
        """The entries as a DataFrame (the file's columns)."""
        return pd.DataFrame([e.model_dump() for e in self.entries])


@cache
def _default_lexicon() -> Lexicon:
    text = resources.files("sign_detect.data").joinpath("lexicon.tsv").read_text("utf-8")
    return Lexicon(_parse_rows(_read_tsv(text), "sign_detect/data/lexicon.tsv"))

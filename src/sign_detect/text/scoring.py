"""Score Japanese check-in notes for small signs, and say which words fired.

Examples
--------
>>> from sign_detect import score_text
>>> result = score_text("なんだか最近、眠りが浅い気がする")
>>> result.detected
['sleep']
>>> hit = result.hits[0]
>>> (hit.category, hit.surface, hit.hedged, hit.negated)
('sleep', '眠りが浅い', True, False)
>>> score_text("よく眠れているし、疲れもない").detected
[]
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator, Sequence
from typing import Literal, NamedTuple

import numpy as np
import pandas as pd
from pydantic import BaseModel, ConfigDict, Field

from ..errors import MissingColumnsError
from .categories import CATEGORIES
from .composition import Composer
from .contact_outcome import UnansweredDetector
from .grammar import Grammar
from .katakana import KatakanaReader
from .lexicon import Lexicon
from .matching import Cue, find_cues
from .normalize import normalize, normalize_text
from .tokenizer import Token, Tokenizer, default_tokenizer, token_offsets

__all__ = [
    "Hit",
    "NoteSignals",
    "NoteVector",
    "SignScorer",
    "SignWords",
    "score_notes",
    "score_text",
]

_SENTENCE_END = re.compile(r"[。!?.]+")
_KATAKANA_WORD = re.compile("[ァ-ヶー]{2,}")
#: Longest piece of text given to the tagger at once; longer notes are cut at sentence ends.
_MAX_PIECE = 2048


#: Why a hit is, or is not, a current sign of the graduate (:attr:`Hit.status`).
HitStatus = Literal["sign", "absent", "resolved", "hypothetical", "other_person", "general"]


class Hit(BaseModel):
    """One cue found in a note: a lexicon entry, or a target with its evaluation.

    ``start``/``end`` are character offsets into the note *as written*. A hit contributes
    ``strength`` to its category, and ``status`` says why it does or does not:

    - ``sign``: a current sign of the graduate;
    - ``absent``: the words deny the sign: a negated symptom (疲れはない) or an affirmed
      ability (よく眠れている);
    - ``resolved``: a past that is over (以前は眠れなかったが、今は…), or a change agreed
      with the doctor (主治医と相談して薬をやめられた);
    - ``hypothetical``: a condition, the staff asking, or a wish for rest
      (眠れなかったら相談してね, 眠れていますか?, 週末はゆっくり休みたい);
    - ``other_person``: somebody else's state (母が眠れないらしい);
    - ``general``: advice or a general statement (疲れたときは早めに休みましょう).

    ``negated`` says only whether a negation governs the words: for an *ability* cue
    (``polarity`` ``ability``: 眠れる, 効く) that is what makes it a sign (眠れない).
    A composed hit names its ``target`` (上司) and ``evaluation`` (ピリピリ).
    """

    model_config = ConfigDict(frozen=True)

    category: str
    start: int
    end: int
    surface: str
    pattern: str
    negated: bool
    hedged: bool
    intensified: bool
    resolved: bool
    hypothetical: bool
    weight: float
    strength: float
    #: A word of self-harm or suicide (see the lexicon's ``crisis`` column).
    crisis: bool = False
    #: ``symptom``: a sign when affirmed (疲れた); ``ability``: a sign when negated.
    polarity: Literal["symptom", "ability"] = "symptom"
    status: HitStatus = "sign"
    #: Where the cue comes from: ``lexicon``, ``composed`` (a target and an evaluation),
    #: ``emotion`` (a word of sadness, fear or anger) or ``reluctance`` (働きたくない).
    source: Literal["lexicon", "composed", "emotion", "reluctance"] = "lexicon"
    #: The words of the target and of the evaluation, for a composed hit.
    target: str = ""
    evaluation: str = ""

    @property
    def is_sign(self) -> bool:
        return self.strength > 0


class NoteSignals(BaseModel):
    """Sign strength per category (0.0 when absent) and the hits behind them."""

    model_config = ConfigDict(frozen=True)

    signals: dict[str, float] = Field(default_factory=lambda: dict.fromkeys(CATEGORIES, 0.0))
    hits: list[Hit] = Field(default_factory=list)

    @property
    def detected(self) -> list[str]:
        """Categories with a sign, in the canonical order."""
        return [c for c in CATEGORIES if self.signals.get(c, 0.0) > 0]

    @property
    def crisis(self) -> bool:
        """True when a word of self-harm or suicide fired as a sign (not negated, not past)."""
        return any(hit.crisis and hit.is_sign for hit in self.hits)


def _pieces(text: str) -> Iterator[tuple[int, str]]:
    """``(offset, piece)``: the text cut at sentence ends into pieces the tagger reads at once."""
    if len(text) <= _MAX_PIECE:
        yield 0, text
        return
    begin = 0
    for match in _SENTENCE_END.finditer(text):
        if match.end() - begin >= _MAX_PIECE:
            yield from _hard_cut(text, begin, match.end())
            begin = match.end()
    yield from _hard_cut(text, begin, len(text))


def _hard_cut(text: str, begin: int, end: int) -> Iterator[tuple[int, str]]:
    for k in range(begin, end, _MAX_PIECE):
        yield k, text[k : min(k + _MAX_PIECE, end)]


_CATEGORY_INDEX = {c: i for i, c in enumerate(CATEGORIES)}
#: Marks a hit of a crisis word (self-harm, suicide) in the compact ``sign_hits`` column.
CRISIS_MARK = "(crisis)"
#: Marks a hedged hit in the ``sign_hits`` column.
HEDGED_MARK = "(hedged)"


class SignWords(NamedTuple):
    """A sign hit of the fast path: its category, the words that fired (normalised text)
    and its flags; a composed hit names its target and evaluation."""

    category: str
    words: str
    hedged: bool
    crisis: bool
    target: str = ""
    evaluation: str = ""

    def __str__(self) -> str:
        marks = (HEDGED_MARK if self.hedged else "") + (CRISIS_MARK if self.crisis else "")
        return f"{self.category}:{self.words}{marks}"


class NoteVector(NamedTuple):
    """One note scored on the fast path: strength per category (in :data:`CATEGORIES`
    order) and the sign hits."""

    strengths: tuple[float, ...]
    hits: tuple[SignWords, ...]

    @property
    def crisis(self) -> bool:
        """A word of self-harm or suicide fired as a sign."""
        return any(hit.crisis for hit in self.hits)


class _Found(NamedTuple):
    """Cues of one tagged piece, with what is needed to locate them."""

    piece: str
    offset: int
    tokens: list[Token]
    cues: list[Cue]  # token indices relative to ``tokens``

    def spans(self) -> list[tuple[int, int]]:
        return token_offsets(self.piece, self.tokens)


class SignScorer:
    """Scores notes with one lexicon, one grammar and one (thread-safe) tokenizer.

    Parameters
    ----------
    lexicon : Lexicon, optional
        Defaults to :meth:`Lexicon.default`. Pass ``Lexicon.default().with_overrides(path)``
        to apply an office's own entries.
    grammar : Grammar, optional
        Defaults to :meth:`Grammar.default`.
    tokenizer : Tokenizer, optional
        Defaults to the process-wide tokenizer (one tagger per thread).
    unanswered : UnansweredDetector, optional
        Tells notes of unanswered contact attempts (used by the check-in features);
        defaults to :meth:`UnansweredDetector.default`.
    """

    def __init__(
        self,
        lexicon: Lexicon | None = None,
        grammar: Grammar | None = None,
        tokenizer: Tokenizer | None = None,
        unanswered: UnansweredDetector | None = None,
        composer: Composer | None = None,
    ):
        self.lexicon = lexicon if lexicon is not None else Lexicon.default()
        self.grammar = grammar if grammar is not None else Grammar.default()
        self.tokenizer = tokenizer if tokenizer is not None else default_tokenizer()
        self.unanswered = unanswered if unanswered is not None else UnansweredDetector.default()
        self.composer = composer if composer is not None else Composer.default()
        # Medicine names the tagger splits (リー + マス) stay in katakana.
        names = ("".join(seq) for seq in self.grammar.config.side_effect.medicines)
        self._katakana = KatakanaReader(
            self.tokenizer, keep=[n for n in names if _KATAKANA_WORD.fullmatch(n)]
        )
        # Per-token memos, looked up with C-level map() for every note.
        self._starts_of = self.lexicon.starts_of.__getitem__
        self._composed_bits = self.composer.token_bits

    def _tokenized(self, norm: str) -> list[tuple[int, str, list[Token]]]:
        """``(offset, piece, tokens)`` for each piece of a normalised text."""
        norm = self._katakana.read(norm)  # same length: offsets still hold
        tokenize = self.tokenizer.tokenize
        if len(norm) <= _MAX_PIECE:  # nearly every note: one piece
            return [(0, norm, tokenize(norm))]
        return [(offset, piece, tokenize(piece)) for offset, piece in _pieces(norm)]

    def _find(
        self, tokenized: list[tuple[int, str, list[Token]]], signs_only: bool = False
    ) -> Iterator[_Found]:
        starts, composed = self._starts_of, self._composed_bits
        for offset, piece, tokens in tokenized:
            # find_cues returns at once, before the grammar's classes, when no cue can
            # start anywhere and there is nothing to compose (most pieces of most notes).
            cues = find_cues(
                tokens,
                self.lexicon,
                self.grammar,
                starts=list(map(starts, tokens)),
                signs_only=signs_only,
                composer=self.composer,
                composed_bits=composed(tokens),
            )
            if cues:
                yield _Found(piece, offset, tokens, cues)

    def vector(self, text: str) -> NoteVector:
        """Fast path: category strengths and the sign hits, without character offsets.

        :meth:`score` gives exact spans into the original text.
        """
        return self.vectors([text])[0]

    def vectors(self, texts: Sequence[str], batch_size: int = 256) -> list[NoteVector]:
        """:meth:`vector` of many texts.

        Texts are tagged a batch at a time before any is analysed: MeCab and the cue
        rules then each keep their own data in the CPU caches, which is measurably
        faster than alternating between them for every note.
        """
        out: list[NoteVector] = []
        for lo in range(0, len(texts), batch_size):
            tokenized = [
                self._tokenized(normalize_text(text))
                if isinstance(text, str) and text and not text.isspace()
                else []
                for text in texts[lo : lo + batch_size]
            ]
            out.extend(map(self._vector_of, tokenized))
        return out

    def _vector_of(self, tokenized: list[tuple[int, str, list[Token]]]) -> NoteVector:
        hits: list[SignWords] = []
        keep = [1.0] * len(CATEGORIES)
        for found in self._find(tokenized, signs_only=True):
            tokens = found.tokens
            for cue in found.cues:
                if cue.strength <= 0:
                    continue
                keep[_CATEGORY_INDEX[cue.entry.category]] *= 1.0 - cue.strength
                hits.append(
                    SignWords(
                        cue.entry.category,
                        "".join(t.surface for t in tokens[cue.first : cue.end + 1]),
                        cue.hedged,
                        cue.entry.crisis,
                        tokens[cue.target].surface if cue.target >= 0 else "",
                        tokens[cue.evaluation].surface if cue.evaluation >= 0 else "",
                    )
                )
        return NoteVector(tuple(1.0 - k for k in keep), tuple(hits))

    def score(self, text: str) -> NoteSignals:
        """Score one note; never raises on any string."""
        if not isinstance(text, str) or not text.strip():
            return NoteSignals()
        norm, offsets = normalize(text)
        keep = dict.fromkeys(CATEGORIES, 1.0)
        hits = []
        for found in self._find(self._tokenized(norm)):
            spans = found.spans()
            for cue in found.cues:
                start = found.offset + spans[cue.first][0]
                end = found.offset + spans[cue.end][1]
                o_start, o_end = _original_span(offsets, start, end, len(text))
                keep[cue.entry.category] *= 1.0 - cue.strength
                hits.append(
                    Hit(
                        category=cue.entry.category,
                        start=o_start,
                        end=o_end,
                        surface=text[o_start:o_end],
                        pattern=cue.entry.pattern,
                        negated=cue.negated,
                        hedged=cue.hedged,
                        intensified=cue.intensified,
                        resolved=cue.resolved,
                        hypothetical=cue.hypothetical,
                        weight=cue.entry.weight,
                        strength=round(cue.strength, 4),
                        crisis=cue.entry.crisis,
                        polarity="ability" if cue.entry.ability else "symptom",
                        status=_status(cue),
                        source=_source(cue),
                        target=_words(found, cue.target, text, offsets),
                        evaluation=_words(found, cue.evaluation, text, offsets),
                    )
                )
        signals = {c: round(1.0 - keep[c], 4) for c in CATEGORIES}
        return NoteSignals(signals=signals, hits=hits)


def _status(cue: Cue) -> HitStatus:
    if cue.strength > 0:
        return "sign"
    if cue.negated != cue.entry.ability:  # a negated symptom, an affirmed ability
        return "absent"
    if cue.other:
        return "other_person"
    if cue.general:
        return "general"
    return "resolved" if cue.resolved else "hypothetical"


def _source(cue: Cue) -> Literal["lexicon", "composed", "emotion", "reluctance"]:
    if cue.entry.index >= 0:
        return "lexicon"
    kind = cue.entry.pattern.partition(":")[0]
    return "emotion" if kind == "emotion" else "reluctance" if kind == "reluctance" else "composed"


def _words(found: _Found, k: int, text: str, offsets: list[int] | None) -> str:
    """The words of token ``k`` of a found piece, as written (empty for ``k`` = -1)."""
    if k < 0:
        return ""
    start, end = found.spans()[k]
    o_start, o_end = _original_span(offsets, found.offset + start, found.offset + end, len(text))
    return text[o_start:o_end]


def _original_span(offsets: list[int] | None, start: int, end: int, length: int) -> tuple[int, int]:
    if offsets is None:
        return start, end
    o_start = offsets[start] if start < len(offsets) else length
    o_end = offsets[end - 1] + 1 if 0 < end <= len(offsets) else o_start
    return o_start, o_end


_default_scorer: SignScorer | None = None
_scorer_lock = threading.Lock()


def _scorer(lexicon: Lexicon | None, grammar: Grammar | None) -> SignScorer:
    global _default_scorer
    if lexicon is not None or grammar is not None:
        return SignScorer(lexicon, grammar)
    with _scorer_lock:
        if _default_scorer is None:
            _default_scorer = SignScorer()
        return _default_scorer


def score_text(
    text: str, *, lexicon: Lexicon | None = None, grammar: Grammar | None = None
) -> NoteSignals:
    """Score one Japanese note for the small-sign categories.

    Parameters
    ----------
    text : str
        The note as written (any string: empty, very long, emoji, control characters).
    lexicon, grammar : optional
        Override the shipped lexicon or grammar.

    Returns
    -------
    NoteSignals
        ``signals`` holds every category id (0.0 when absent) and ``hits`` every cue
        found, with its span in ``text``, the words that fired and the flags applied.
    """
    return _scorer(lexicon, grammar).score(text)


def _format_hits(hits: Sequence[SignWords]) -> str:
    return "; ".join(map(str, hits))


def score_notes(
    checkins: pd.DataFrame | Sequence[str] | pd.Series,
    *,
    text_column: str = "note",
    lexicon: Lexicon | None = None,
    grammar: Grammar | None = None,
    chunk_size: int = 50_000,
    scorer: SignScorer | None = None,
) -> pd.DataFrame:
    """Score many notes: one output row per input row, with the same index.

    Each distinct note is tokenised once; notes are processed in chunks so memory stays
    flat for millions of rows.

    Returns
    -------
    DataFrame
        ``sign_<category>`` (float, 0-1) for each category, and ``sign_hits``: the sign
        words that fired, as ``category:words`` joined with ``; `` (empty when none),
        marked ``(hedged)`` and ``(crisis)`` (:data:`CRISIS_MARK`) where they apply;
        ``crisis`` (bool): a word of self-harm or suicide fired as a sign.

    Examples
    --------
    >>> import pandas as pd
    >>> notes = pd.DataFrame({"note": ["毎晩寝付けません", "特に変わりなし"]})
    >>> out = score_notes(notes)
    >>> out["sign_sleep"].gt(0).tolist(), out["sign_hits"].tolist()
    ([True, False], ['sleep:寝付けません', ''])
    """
    if isinstance(checkins, pd.DataFrame):
        if text_column not in checkins.columns:
            found = [str(c) for c in checkins.columns]
            raise MissingColumnsError("checkins", [text_column], found)
        texts = checkins[text_column]
    else:
        texts = pd.Series(checkins)
    engine = scorer or _scorer(lexicon, grammar)
    columns = [f"sign_{c}" for c in CATEGORIES]
    parts = []
    for lo in range(0, len(texts), chunk_size):
        chunk = texts.iloc[lo : lo + chunk_size]
        codes, uniques = pd.factorize(chunk.astype(object).where(chunk.notna(), ""))
        vectors = engine.vectors(uniques.tolist())
        matrix = np.asarray([v.strengths for v in vectors], dtype=float).reshape(
            len(uniques), len(CATEGORIES)
        )
        hits = np.array([_format_hits(v.hits) for v in vectors] or [""], dtype=object)
        crisis = np.array([v.crisis for v in vectors] or [False], dtype=bool)
        part = pd.DataFrame(matrix[codes], columns=columns, index=chunk.index).round(4)
        part["sign_hits"] = hits[codes]
        part["crisis"] = crisis[codes]
        parts.append(part)
    if not parts:
        return pd.DataFrame(
            {c: pd.Series(dtype=float) for c in columns}
            | {"sign_hits": pd.Series(dtype=object), "crisis": pd.Series(dtype=bool)},
            index=texts.index,
        )
    return pd.concat(parts)

"""fugashi + unidic-lite tokenisation into plain, immutable tokens.

Facts this module is built on (see the project's tokenizer notes):

* Features are read lazily from the C node and become garbage after the tagger's next
  call, so every field needed is copied out at once.
* ``fugashi.Tagger()`` prefers the full ``unidic`` package when installed; the tagger is
  pointed at unidic-lite explicitly.
* Taggers cannot be shared between threads safely and cannot be pickled: one tagger per
  thread, created lazily. A tagger interns every distinct surface, so it is recreated
  after ``refresh_every`` parses to keep memory flat in long-running services.

Examples
--------
>>> from sign_detect.tokenizer import Tokenizer
>>> [t.lemma for t in Tokenizer().tokenize("眠れない")]
['眠る', 'ない']
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

from .errors import TokenizerUnavailableError

__all__ = ["Token", "Tokenizer", "default_tokenizer", "token_offsets"]

_FAILMESSAGE = (
    "Could not start the Japanese tokenizer (fugashi with the unidic-lite dictionary): {err}\n"
    "Install both with:  pip install fugashi unidic-lite"
)


@dataclass(frozen=True, slots=True, eq=False)
class Token:
    """One morpheme: surface, lemma (with any English gloss stripped), POS and cType.

    Tokens are interned: the same dictionary entry written the same way is one object, so
    tokenising millions of notes creates few objects (equality and hashing are by
    identity). Offsets are computed on demand by :func:`token_offsets`.
    """

    surface: str
    lemma: str
    pos1: str
    pos2: str
    ctype: str
    #: The lemma written with the surface's kanji when the dictionary's canonical kanji
    #: differ (辞め: lemma 止める, alt 辞める); empty otherwise.
    alt: str = ""


def _clean_lemma(value: str, surface: str) -> str:
    if not value or value == "*":
        return surface
    # Loanwords carry an English gloss: "ストレス-stress", "メンタル-mental ".
    head, sep, tail = value.partition("-")
    if sep and head and tail.strip().isascii():
        return head
    return value


def _is_kanji(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _written_lemma(surface: str, lemma: str) -> str:
    """辞め + 止める -> 辞める: keep the kanji the writer chose (orthBase is not in the output)."""
    if (
        surface
        and lemma
        and surface[0] != lemma[0]
        and _is_kanji(surface[0])
        and _is_kanji(lemma[0])
    ):
        return surface[0] + lemma[1:]
    return ""


def _new_tagger() -> Any:
    try:
        import fugashi
        import unidic_lite
    except ImportError as err:
        raise TokenizerUnavailableError(_FAILMESSAGE.format(err=err)) from err
    try:
        return fugashi.Tagger(f'-d "{unidic_lite.DICDIR}"')
    except RuntimeError as err:
        raise TokenizerUnavailableError(_FAILMESSAGE.format(err=err)) from err


class Tokenizer:
    """Thread-safe tokenizer: one fugashi tagger per thread, reused across calls.

    The tagger's text output (``surface, pron, kana, lemma, pos, cType, cForm, accent``
    per line) is parsed and each distinct line becomes one interned :class:`Token`; this
    copies every field out before the next call (the lazy-feature trap) and is about
    twice as fast as reading ``node.feature`` attributes.

    Parameters
    ----------
    refresh_every : int
        Recreate a thread's tagger after this many parses (bounds its surface cache).
    max_interned : int
        Bound on the number of interned tokens kept (cleared when exceeded).
    """

    def __init__(self, *, refresh_every: int = 200_000, max_interned: int = 50_000):
        self.refresh_every = refresh_every
        self.max_interned = max_interned
        self._local = threading.local()
        self._interned: dict[str, Token] = {}

    def _tagger(self) -> Any:
        local = self._local
        tagger = getattr(local, "tagger", None)
        if tagger is None or local.uses >= self.refresh_every:
            tagger = local.tagger = _new_tagger()
            local.uses = 0
        local.uses += 1
        return tagger

    def warm_up(self) -> None:
        """Start this thread's tagger now (raises :class:`TokenizerUnavailableError`)."""
        self._tagger()

    def _intern(self, line: str) -> Token:
        fields = line.split("\t")
        surface = fields[0]
        lemma = fields[3] if len(fields) > 3 else surface
        pos = fields[4].split("-") if len(fields) > 4 else [""]
        lemma = _clean_lemma(lemma, surface)
        token = Token(
            surface=surface,
            lemma=lemma,
            pos1=pos[0],
            pos2=pos[1] if len(pos) > 1 else "",
            ctype=fields[5] if len(fields) > 5 else "",
            alt=_written_lemma(surface, lemma),
        )
        if len(self._interned) >= self.max_interned:
            self._interned.clear()
        self._interned[line] = token
        return token

    def tokenize(self, text: str) -> list[Token]:
        """Tokenise a short text (a note, or a piece of one without newlines)."""
        if not text or text.isspace():
            return []
        get, intern = self._interned.get, self._intern
        lines = self._tagger().parse(text).split("\n")
        while lines and (lines[-1] == "EOS" or not lines[-1]):
            lines.pop()
        return [get(line) or intern(line) for line in lines]


def token_offsets(text: str, tokens: list[Token], start: int = 0) -> list[tuple[int, int]]:
    """Character ``(start, end)`` of each token in ``text`` (whitespace skipped)."""
    spans = []
    position = start
    for token in tokens:
        found = text.find(token.surface, position)
        begin = found if found >= 0 else position
        position = begin + len(token.surface)
        spans.append((begin, position))
    return spans


_default: Tokenizer | None = None
_default_lock = threading.Lock()


def default_tokenizer() -> Tokenizer:
    """The process-wide tokenizer shared by the scoring functions."""
    global _default
    with _default_lock:
        if _default is None:
            _default = Tokenizer()
        return _default

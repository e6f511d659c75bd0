"""fugashi + unidic-lite tokenisation into plain, immutable tokens.

Facts this module is built on (see the project's tokenizer notes):

* Features are read lazily from the C node and become garbage after the tagger's next
  call, so every field needed is copied out at once.
* ``fugashi.Tagger()`` prefers the full ``unidic`` package when installed; the tagger is
  pointed at unidic-lite explicitly.
* Taggers cannot be shared between threads safely and cannot be pickled: taggers per
  thread, created lazily. A tagger interns every distinct surface, so it is recreated
  after ``refresh_every`` parses to keep memory flat in long-running services.
* A tagger holds ~40 MB that fugashi never gives back, even once the tagger is deleted
  (measured: RSS grows by that much per tagger created). So the taggers belong to the
  thread, not to a :class:`Tokenizer`: every tokenizer in a thread shares that thread's
  two taggers, and creating a tokenizer costs no tagger.
* Formatting features is most of MeCab's output cost. The usual tagger prints only
  surface and context ids (``-O "" -F``; unidic-lite's own output format would override
  ``-F`` otherwise); features are read by a second tagger only for keys not seen yet.
  ``%f[7]`` must not be asked of unknown words (MeCab crashes): they get their own format.

Examples
--------
>>> from sign_detect.text.tokenizer import Tokenizer
>>> [t.lemma for t in Tokenizer().tokenize("眠れない")]
['眠る', 'ない']
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from ..errors import TokenizerUnavailableError

__all__ = ["Token", "TokenCache", "Tokenizer", "default_tokenizer", "token_offsets"]

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


V = TypeVar("V")


class TokenCache(dict[Token, V]):
    """A bounded memo of ``compute(token)`` per interned token.

    Look-ups go through ``dict.__getitem__`` (so ``map(cache.__getitem__, tokens)`` runs
    at C speed) and only a miss calls ``compute``. The cache is cleared when it holds
    ``max_size`` tokens, so memory stays flat however many notes are read.
    """

    def __init__(self, compute: Callable[[Token], V], max_size: int = 50_000):
        super().__init__()
        self.compute = compute
        self.max_size = max_size

    def __missing__(self, token: Token) -> V:
        if len(self) >= self.max_size:
            self.clear()
        value = self[token] = self.compute(token)
        return value


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


#: What the fast tagger prints per morpheme: the surface and the entry's context ids.
#: Unknown words are marked so they never collide with entries. (fugashi strips the
#: output's trailing whitespace, so the marker is not a tab.)
_KEY_FORMAT = r"%m\t%phl\t%phr\n"
_UNKNOWN_KEY_FORMAT = r"%m\t%phl\t%phr\tU\n"
_UNKNOWN = "\tU"
#: What the full tagger prints: surface, lemma, pos1, pos2, cType. Unknown words have no
#: lemma field (asking for it crashes MeCab): their lemma is the surface.
_FEATURE_FORMAT = r"%m\t%f[7]\t%f[0]\t%f[1]\t%f[4]\n"
_UNKNOWN_FEATURE_FORMAT = r"%m\t%m\t%f[0]\t%f[1]\t%f[4]\n"


def _new_tagger(node_format: str, unknown_format: str) -> Any:
    try:
        import fugashi
        import unidic_lite
    except ImportError as err:
        raise TokenizerUnavailableError(_FAILMESSAGE.format(err=err)) from err
    # -O "" drops the dictionary's own output format, which would override -F.
    args = f'-d "{unidic_lite.DICDIR}" -O "" -F "{node_format}" -U "{unknown_format}" -B "" -E ""'
    try:
        return fugashi.Tagger(args)
    except RuntimeError as err:
        raise TokenizerUnavailableError(_FAILMESSAGE.format(err=err)) from err


def _token_from_features(line: str) -> Token:
    surface, lemma, pos1, pos2, ctype = [*line.split("\t"), "", "", "", ""][:5]
    lemma = _clean_lemma(lemma, surface)
    return Token(surface, lemma, pos1, pos2, ctype, _written_lemma(surface, lemma))


class _Taggers(threading.local):
    """This thread's two taggers (same dictionary and options, different output)."""

    keys: Any = None
    features: Any = None
    uses: int = 0


#: The taggers of each thread, shared by every Tokenizer used in that thread.
_THREAD_TAGGERS = _Taggers()


class Tokenizer:
    """Thread-safe tokenizer: fugashi taggers per thread, reused across calls.

    Formatting a morpheme's features is most of MeCab's output cost, and the same
    dictionary entries recur in note after note. So a fast tagger prints only each
    morpheme's surface and context ids; an entry chosen by MeCab is fixed by those
    (two entries sharing them differ only in word cost, and the lower one always
    wins), so the key maps to one interned :class:`Token`. Only a text holding a key
    not seen yet is read again by a second tagger that prints lemma and POS. Every
    field is copied out as text, which also avoids fugashi's lazy-feature trap.

    Parameters
    ----------
    refresh_every : int
        Recreate a thread's taggers after this many parses (bounds their surface cache).
    max_interned : int
        Bound on the number of interned tokens kept (cleared when exceeded).
    """

    def __init__(self, *, refresh_every: int = 200_000, max_interned: int = 50_000):
        self.refresh_every = refresh_every
        self.max_interned = max_interned
        self._local = _THREAD_TAGGERS
        self._known: dict[str, Token] = {}
        self._unknown_pos: dict[str, tuple[str, str, str]] = {}

    def _key_tagger(self) -> Any:
        local = self._local
        if local.keys is None or local.uses >= self.refresh_every:
            local.keys = _new_tagger(_KEY_FORMAT, _UNKNOWN_KEY_FORMAT)
            local.features = None
            local.uses = 0
        local.uses += 1
        return local.keys

    def _feature_tagger(self) -> Any:
        local = self._local
        if local.features is None:
            local.features = _new_tagger(_FEATURE_FORMAT, _UNKNOWN_FEATURE_FORMAT)
        return local.features

    def warm_up(self) -> None:
        """Start this thread's taggers now (raises :class:`TokenizerUnavailableError`)."""
        self._key_tagger()
        self._feature_tagger()

    def tokenize(self, text: str) -> list[Token]:
        """Tokenise a short text (a note, or a piece of one without newlines)."""
        if not text or text.isspace():
            return []
        output = self._key_tagger().parse(text)
        if not output:  # nothing but whitespace or a NUL
            return []
        keys = output.split("\n")
        tokens = list(map(self._known.get, keys))
        if None in tokens:
            self._fill(text, keys, tokens)
        return tokens  # type: ignore[return-value]

    def segments(self, text: str) -> list[tuple[str, bool]]:
        """``(surface, known)`` per morpheme: ``known`` is False for words the dictionary
        lacks (MeCab's unknown-word nodes)."""
        if not text or text.isspace():
            return []
        output = self._key_tagger().parse(text)
        return [
            (key.partition("\t")[0], not key.endswith(_UNKNOWN))
            for key in output.split("\n")
            if key
        ]

    def _fill(self, text: str, keys: list[str], tokens: list[Token | None]) -> None:
        """Build the tokens whose keys are new, reading the text's features if needed."""
        known = self._known
        if len(known) >= self.max_interned:
            known.clear()
        features: list[str] | None = None
        for i in [k for k, token in enumerate(tokens) if token is None]:
            key = keys[i]
            surface, _, ids = key.partition("\t")
            unknown = ids.endswith(_UNKNOWN)
            pos = self._unknown_pos.get(ids) if unknown else None
            if pos is not None:  # unknown word: lemma = surface, POS fixed by the ids
                token = Token(surface, surface, *pos)
            else:
                if features is None:
                    features = self._feature_tagger().parse(text).split("\n")
                    if len(features) != len(keys):  # cannot happen: same lattice
                        raise RuntimeError("the two taggers segmented a text differently")
                token = _token_from_features(features[i])
                if unknown:
                    self._unknown_pos[ids] = (token.pos1, token.pos2, token.ctype)
            tokens[i] = known[key] = token


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

"""Normalise Japanese note text while remembering where each character came from.

NFKC (full-width digits and Latin to ASCII, half-width katakana to full-width), control
characters to spaces, runs of repeated punctuation or long-vowel marks to one, and emoji
runs to a sentence break. :func:`normalize` returns the new text and, for each of its
characters, the offset of the original character it came from, so spans found in the
normalised text are reported against the text as written.

Examples
--------
>>> text, offsets = normalize("ｼﾝﾄﾞｲ!!!😢😢眠れない")
>>> text
'シンドイ!。眠れない'
>>> offsets[6]  # 眠 is character 10 of the original
10
>>> normalize("よく眠れています")
('よく眠れています', None)
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["normalize"]

# Anything the fast path cannot map one-to-one: emoji, controls, repeated marks.
_SLOW = re.compile(
    "[\U0001f000-\U0001faff\u2600-\u27bf\ufe00-\ufe0f\u200d\u2b50\u2b55\u3030\u303d"
    "\x00-\x09\x0b-\x1f\x7f\ud800-\udfff]|([!?。、…・~〜ー\\-.])\\1"
)

_COLLAPSE = set("!?。、…・~〜ー－-.")
_SENTENCE_BREAK = "。"
# A line break in a note ends a sentence; the tagger would otherwise read across it.
_LINE_BREAKS = str.maketrans({"\n": "。", "\r": "。"})


def _is_emoji(ch: str) -> bool:
    code = ord(ch)
    return (
        0x1F000 <= code <= 0x1FAFF
        or 0x2600 <= code <= 0x27BF
        or 0xFE00 <= code <= 0xFE0F
        or code in (0x200D, 0x2B50, 0x2B55, 0x3030, 0x303D)
        or 0x1F1E6 <= code <= 0x1F1FF
    )


def normalize(text: str) -> tuple[str, list[int] | None]:
    """Return ``(normalised_text, offsets)``; ``offsets[i]`` indexes into ``text``.

    ``offsets`` is ``None`` when the mapping is the identity (the common case, found
    without a per-character loop).
    """
    folded = (
        text if unicodedata.is_normalized("NFKC", text) else unicodedata.normalize("NFKC", text)
    )
    if len(folded) == len(text) and _SLOW.search(folded) is None:
        return _break_lines(folded), None
    norm, offsets = _normalize_slow(text)
    return _break_lines(norm), offsets


def _break_lines(text: str) -> str:
    if "\n" in text or "\r" in text:  # translate() costs more than both tests
        return text.translate(_LINE_BREAKS)
    return text


@lru_cache(maxsize=8192)
def _fold(ch: str) -> str | None:
    """One character as the slow path writes it: its NFKC form (controls as a space), or
    ``None`` for emoji (cached: notes reuse few distinct characters)."""
    if _is_emoji(ch):
        return None
    category = unicodedata.category(ch)
    if (category == "Cc" and ch != "\n") or category in ("Cs", "Co", "Cn"):
        ch = " "
    return unicodedata.normalize("NFKC", ch)


_VOICING = ("\u3099", "\u309a")  # half-width voicing marks, after NFKC
_SPECIAL = _COLLAPSE | set(_VOICING)


def _normalize_slow(text: str) -> tuple[str, list[int]]:
    out: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        folded = _fold(ch)
        if folded is None:  # emoji: a sentence break
            if not out or out[-1] != _SENTENCE_BREAK:
                out.append(_SENTENCE_BREAK)
                offsets.append(i)
            continue
        if len(folded) == 1 and folded not in _SPECIAL:  # most characters
            out.append(folded)
            offsets.append(i)
            continue
        for piece in folded:
            if piece in _VOICING and out:  # compose with the kana before it
                composed = unicodedata.normalize("NFC", out[-1] + piece)
                if len(composed) == 1:
                    out[-1] = composed
                    continue
            if piece in _COLLAPSE and out and out[-1] == piece:
                continue
            out.append(piece)
            offsets.append(i)
    return "".join(out), offsets

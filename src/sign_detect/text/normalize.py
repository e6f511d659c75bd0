"""Normalise Japanese note text while remembering where each character came from.

NFKC (full-width digits and Latin to ASCII, half-width katakana to full-width), control
characters to spaces, runs of repeated punctuation or long-vowel marks to one, emoji
runs to a sentence break, and casual spellings read as standard ones (行きたくねー,
眠れなーい: :mod:`sign_detect.text.casual`). :func:`normalize` returns the new text and,
for each of its characters, the offset of the original character it came from, so spans found in the
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

from .casual import read_casual

__all__ = ["normalize", "normalize_text"]

# Character classes (regular-expression ranges) the rules below are built from.
_EMOJI = "\U0001f000-\U0001faff\u2600-\u27bf\ufe00-\ufe0f\u200d\u2b50\u2b55\u3030\u303d"
_CONTROLS = "\x00-\x09\x0b-\x1f\x7f"  # not \n: a line break is a sentence break
_SURROGATES = "\ud800-\udfff"
_EMOJI_CHARACTER = re.compile(f"[{_EMOJI}]")

# Anything the fast path cannot map one-to-one: emoji and controls, or repeated marks
# (two patterns: one alternation with a back-reference scans about half as fast).
_SLOW_CHARACTER = re.compile(f"[{_EMOJI}{_CONTROLS}{_SURROGATES}]")
_REPEATED_MARK = re.compile("([!?。、…・~〜ー\\-.])\\1")


def _fast_form(text: str) -> str | None:
    """The NFKC form of ``text`` when it maps one-to-one onto ``text``, else ``None``."""
    folded = (
        text if unicodedata.is_normalized("NFKC", text) else unicodedata.normalize("NFKC", text)
    )
    if (
        len(folded) != len(text)
        or _SLOW_CHARACTER.search(folded) is not None
        or _REPEATED_MARK.search(folded) is not None
    ):
        return None
    return folded


_COLLAPSE = set("!?。、…・~〜ー－-.")
_SENTENCE_BREAK = "。"
# A line break in a note ends a sentence (see _break_lines); the tagger would otherwise
# read across it.


def normalize(text: str) -> tuple[str, list[int] | None]:
    """Return ``(normalised_text, offsets)``; ``offsets[i]`` indexes into ``text``.

    ``offsets`` is ``None`` when the mapping is the identity (the common case, found
    without a per-character loop).
    """
    fast = _fast_form(text)
    if fast is not None:
        casual, kept = read_casual(fast)
        return _break_lines(casual), kept
    offsets: list[int] = []
    casual, kept = read_casual(_normalize_slow(text, offsets))
    if kept is not None:
        offsets = [offsets[k] for k in kept]
    return _break_lines(casual), offsets


def normalize_text(text: str) -> str:
    """:func:`normalize` without the offsets (cheaper when spans are not needed)."""
    fast = _fast_form(text)
    return _break_lines(read_casual(fast if fast is not None else _normalize_slow(text, None))[0])


def _break_lines(text: str) -> str:
    if "\n" in text:  # replace() runs in C; translate() looks up every character
        text = text.replace("\n", _SENTENCE_BREAK)
    if "\r" in text:
        text = text.replace("\r", _SENTENCE_BREAK)
    return text


@lru_cache(maxsize=8192)
def _fold(ch: str) -> str | None:
    """One character as the slow path writes it: its NFKC form (controls as a space), or
    ``None`` for emoji (cached: notes reuse few distinct characters)."""
    if _EMOJI_CHARACTER.match(ch):
        return None
    category = unicodedata.category(ch)
    if (category == "Cc" and ch != "\n") or category in ("Cs", "Co", "Cn"):
        ch = " "
    return unicodedata.normalize("NFKC", ch)


_VOICING = ("\u3099", "\u309a")  # half-width voicing marks, after NFKC
_SPECIAL = _COLLAPSE | set(_VOICING)


# Characters the slow path must look at one by one: emoji, controls, surrogates, marks
# that collapse when repeated, half-width katakana and voicing marks (which compose with
# the character before them). Runs of anything else are copied whole when already NFKC.
_PER_CHARACTER = re.compile(
    f"[{_EMOJI}{_CONTROLS}\x80-\x9f{_SURROGATES}!?。、…・~〜ー－\\-.\uff61-\uff9f\u3099\u309a]+"
)


def _normalize_slow(text: str, offsets: list[int] | None) -> str:
    """The slow path; fills ``offsets`` (one per output character) unless it is None."""
    out: list[str] = []  # runs of output text; out[-1][-1] is the last character
    begin = 0
    for match in _PER_CHARACTER.finditer(text):
        _copy_run(text, begin, match.start(), out, offsets)
        _fold_characters(text, match.start(), match.end(), out, offsets)
        begin = match.end()
    _copy_run(text, begin, len(text), out, offsets)
    return "".join(out)


def _copy_run(text: str, begin: int, end: int, out: list[str], offsets: list[int] | None) -> None:
    run = text[begin:end]
    if not run:
        return
    if run.isprintable() and unicodedata.is_normalized("NFKC", run):
        out.append(run)  # each character is its own NFKC form
        if offsets is not None:
            offsets.extend(range(begin, end))
    else:
        _fold_characters(text, begin, end, out, offsets)


def _fold_characters(
    text: str, begin: int, end: int, out: list[str], offsets: list[int] | None
) -> None:
    for i in range(begin, end):
        folded = _fold(text[i])
        if folded is None:  # emoji: a sentence break
            if not out or out[-1][-1] != _SENTENCE_BREAK:
                out.append(_SENTENCE_BREAK)
                if offsets is not None:
                    offsets.append(i)
            continue
        for piece in folded:
            if piece in _SPECIAL and out:
                last = out[-1][-1]
                if piece in _VOICING:  # compose with the kana before it
                    composed = unicodedata.normalize("NFC", last + piece)
                    if len(composed) == 1:
                        out[-1] = out[-1][:-1] + composed
                        continue
                elif last == piece:  # a repeated mark collapses
                    continue
            out.append(piece)
            if offsets is not None:
                offsets.append(i)

"""Read words written in katakana for effect (ﾈﾑﾚﾅｲ, ﾀﾞﾙｲ, シニタイ) as hiragana.

LINE messages often spell ordinary words in (half-width) katakana. UniDic knows
loanwords (ストレス) and some such spellings (ツライ, シンドイ) but reads ネムレナイ as one
unknown noun and ダルイ as ダル + イ. A katakana run is therefore kept when the tagger
reads it alone as known words of two characters or more, and is otherwise rewritten
in hiragana (ねむれない), which the tagger reads as 眠る + ない. The rewrite maps each
character to one character, so offsets into the text are unchanged.

Examples
--------
>>> from sign_detect.text.tokenizer import Tokenizer
>>> reader = KatakanaReader(Tokenizer())
>>> reader.read("ネムレナイ日がある。ストレスも")
'ねむれない日がある。ストレスも'
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .tokenizer import Tokenizer

__all__ = ["KatakanaReader"]

_RUN = re.compile("[ァ-ヶー]{2,}")
_TO_HIRAGANA = str.maketrans({chr(k): chr(k - 0x60) for k in range(ord("ァ"), ord("ヶ") + 1)})


class KatakanaReader:
    """Rewrites katakana runs the tagger cannot read as words (decisions are cached).

    Parameters
    ----------
    tokenizer : Tokenizer
        The tokenizer that judges each run.
    max_cached : int
        Bound on the number of distinct runs remembered.
    keep : iterable of str
        Katakana words kept as written in any run that holds them (medicine names the
        tagger splits, which read in hiragana would be lost).
    """

    def __init__(self, tokenizer: Tokenizer, max_cached: int = 20_000, keep: Iterable[str] = ()):
        self.tokenizer = tokenizer
        self.max_cached = max_cached
        #: Runs always kept as written: names the tagger splits (リーマス, デパス).
        self.keep = frozenset(keep)
        self._forms: dict[str, str] = {}

    def read(self, text: str) -> str:
        """``text`` with every unreadable katakana run in hiragana (same length)."""
        if _RUN.search(text) is None:
            return text
        return _RUN.sub(self._form, text)

    def _form(self, match: re.Match[str]) -> str:
        run = match.group()
        form = self._forms.get(run)
        if form is None:
            if len(self._forms) >= self.max_cached:
                self._forms.clear()
            form = self._forms[run] = run if self._is_words(run) else run.translate(_TO_HIRAGANA)
        return form

    def _is_words(self, run: str) -> bool:
        if any(word in run for word in self.keep):
            return True
        return all(known and len(surface) > 1 for surface, known in self.tokenizer.segments(run))

"""Tell notes that record an unanswered contact attempt (電話するも応答なし, 既読つかず).

Staff log the attempts that nobody answered. Counting them as contacts would hide the
warning sign of a person who stops answering, so they are recognised here and the
check-in features count them apart. The patterns are data (``data/unanswered.toml``).

Examples
--------
>>> detector = UnansweredDetector.default()
>>> detector.is_unanswered(["電話するも応答なし。", "LINE送信、既読つかず。", "眠れないとのこと"])
[True, True, False]
"""

from __future__ import annotations

import os
import re
import tomllib
import unicodedata
from collections.abc import Iterable
from functools import cache
from importlib import resources
from pathlib import Path

from ..errors import ConfigError

__all__ = ["UnansweredDetector"]


class UnansweredDetector:
    """Regular expressions that mark a note as an unanswered contact attempt.

    Parameters
    ----------
    patterns : iterable of str
        Regular expressions searched in the NFKC-normalised note.
    """

    def __init__(self, patterns: Iterable[str], where: str = "<patterns>"):
        self.patterns = tuple(patterns)
        try:
            self._regex = re.compile("|".join(f"(?:{p})" for p in self.patterns) or r"(?!x)x")
        except re.error as err:
            raise ConfigError(f"{where}: invalid pattern: {err}") from err

    @classmethod
    def default(cls) -> UnansweredDetector:
        """The patterns shipped with sign_detect."""
        return _default_detector()

    @classmethod
    def from_toml(cls, path: str | os.PathLike[str]) -> UnansweredDetector:
        """An office's file with a ``patterns`` list (it replaces the shipped one)."""
        data = tomllib.loads(Path(path).read_text("utf-8"))
        if not isinstance(data.get("patterns"), list):
            raise ConfigError(f"{path}: expected a list named 'patterns'")
        return cls(data["patterns"], str(path))

    def is_unanswered(self, notes: Iterable[object]) -> list[bool]:
        """For each note, whether it records an unanswered contact attempt."""
        search = self._regex.search
        return [
            isinstance(note, str) and search(unicodedata.normalize("NFKC", note)) is not None
            for note in notes
        ]


@cache
def _default_detector() -> UnansweredDetector:
    text = resources.files("sign_detect.data").joinpath("unanswered.toml").read_text("utf-8")
    return UnansweredDetector(tomllib.loads(text)["patterns"], "sign_detect/data/unanswered.toml")

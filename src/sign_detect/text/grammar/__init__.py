"""Negation, hedges, intensifiers and the other polarity rules, driven by ``data/grammar.toml``.

Three parts:

- :mod:`~sign_detect.text.grammar.config`: the trigger words, one pydantic model per section
  of the file (an office passes its own file to :meth:`Grammar.from_toml`);
- :mod:`~sign_detect.text.grammar.classes`: each token's role as bits (``NEGATION``,
  ``PASSABLE`` …), computed once per interned token;
- :mod:`~sign_detect.text.grammar.rules`: small pure functions over those bits, one module
  per concept gathered in one namespace: ``spans`` (sentences, clauses, word sequences),
  ``negation``, ``modifiers`` (hedges, intensifiers), ``past`` (a past that is over),
  ``persons`` (who a cue is about), ``advice`` (hypotheses, wishes, advice, explanations),
  ``worry`` (worry for somebody else, procedures), ``medicine`` (side effects).

:class:`Grammar` holds a configuration and its token classes.

Examples
--------
>>> from sign_detect.text.tokenizer import Tokenizer
>>> g = Grammar.default()
>>> tokens = Tokenizer().tokenize("疲れていないわけではない")
>>> g.negation_count(tokens, 0)
2
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping, Sequence
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ...errors import ConfigError
from ..tokenizer import Token, TokenCache
from .classes import NEGATION, PASSABLE, SENTENCE_END, TokenClasses
from .config import GrammarConfig
from .rules import CueSpan, negation_scope

__all__ = ["NEGATION", "PASSABLE", "SENTENCE_END", "CueSpan", "Grammar", "GrammarConfig"]


class Grammar:
    """A grammar configuration and the token classes compiled from it.

    Parameters
    ----------
    config : GrammarConfig
        The trigger words (see ``data/grammar.toml``).
    """

    def __init__(self, config: GrammarConfig):
        self.config = config
        self.token_classes = TokenClasses(config)
        outcomes = config.overcome.outcomes
        if config.overcome.polarity_dictionary:
            from ..composition import positive_words  # the resource's loader lives there

            outcomes = (outcomes | positive_words()) - config.overcome.not_outcomes
        #: Words of a good outcome after a conceded feeling (see ``[overcome]``).
        self.outcomes: frozenset[str] = outcomes

    def __repr__(self) -> str:
        return f"Grammar({len(self.config.scope.transparent)} transparent words, ...)"

    # -- construction ------------------------------------------------------------------
    @classmethod
    def default(cls) -> Grammar:
        """The grammar shipped with sign_detect."""
        return _default_grammar()

    @classmethod
    def from_toml(cls, path: str | os.PathLike[str]) -> Grammar:
        """Load a grammar file with the same sections as the shipped ``grammar.toml``."""
        try:
            data = tomllib.loads(Path(path).read_text("utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as err:
            raise ConfigError(f"{path}: cannot read grammar file: {err}") from err
        return cls.from_mapping(data, str(path))

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], where: str = "<grammar>") -> Grammar:
        """A grammar from the sections of a ``grammar.toml`` already read."""
        try:
            return cls(GrammarConfig.model_validate(data))
        except ValidationError as err:
            problems = "; ".join(
                f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in err.errors()
            )
            raise ConfigError(f"{where}: invalid grammar: {problems}") from err

    # -- token classes -----------------------------------------------------------------
    def flags(self, tokens: Sequence[Token]) -> list[int]:
        """The class bits of each token (memoised per interned token)."""
        return self.token_classes.flags(tokens)

    @property
    def classes(self) -> TokenCache[int]:
        """The memo behind :meth:`flags`: ``classes[token]`` is a token's class bits."""
        return self.token_classes.cache

    @property
    def hedged_factor(self) -> float:
        return self.config.strength.hedged

    @property
    def intensified_factor(self) -> float:
        return self.config.strength.intensified

    def negation_count(self, tokens: Sequence[Token], last: int) -> int:
        """Number of negations that scope over a cue ending at token ``last``: odd means
        negated (眠れない), even affirmed (疲れていないわけではない = 2)."""
        return negation_scope(self.flags(tokens), last)[0]


@cache
def _default_grammar() -> Grammar:
    text = resources.files("sign_detect.data").joinpath("grammar.toml").read_text("utf-8")
    return Grammar.from_mapping(tomllib.loads(text), "sign_detect/data/grammar.toml")

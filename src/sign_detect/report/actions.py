"""Suggested early actions per sign category and per reason, as office-editable data.

The texts live in ``data/actions.toml``; an office overrides any entry with its own TOML
file of the same shape (entries it leaves out keep the shipped texts), like
:meth:`ScorerConfig.from_toml`.

Examples
--------
>>> from sign_detect import Actions
>>> actions = Actions.default()
>>> actions.for_keys(["sign_sleep", "crisis"])[0].label
'危機的な発言'
>>> actions.for_keys(["sign_sleep"])[0].action
'一週間の生活リズム(就寝・起床時刻、休日の過ごし方)を本人と一緒に振り返る'
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Iterable
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import pandas as pd
from pydantic import BaseModel, ConfigDict, ValidationError

from ..errors import ConfigError
from ..risk.scorer import _RULES, _deep_merge
from ..text.categories import CATEGORIES

__all__ = ["Action", "Actions"]

#: Prefix of the keys of sign categories (``sign_sleep``), as in the scorer's explanations.
SIGN_PREFIX = "sign_"


class Action(BaseModel):
    """What one reason means and what staff may do soon."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    label: str
    explain: str
    action: str


class Actions(BaseModel):
    """Suggested early actions: ``categories`` (sign ids) and ``reasons`` (scorer rules)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    categories: dict[str, Action]
    reasons: dict[str, Action]

    @classmethod
    def default(cls) -> Actions:
        """The shipped texts (``data/actions.toml``)."""
        return _default_actions()

    @classmethod
    def from_toml(cls, path: str | os.PathLike[str], *, base: Actions | None = None) -> Actions:
        """An office's file; entries and fields it leaves out keep those of ``base``."""
        try:
            data = tomllib.loads(Path(path).read_text("utf-8"))
        except tomllib.TOMLDecodeError as err:
            raise ConfigError(f"{path}: not valid TOML: {err}") from err
        return cls.from_mapping(data, base=base or cls.default(), where=str(path))

    @classmethod
    def from_mapping(
        cls, data: dict[str, Any], *, base: Actions | None = None, where: str = "<actions>"
    ) -> Actions:
        """Merge ``data`` over ``base`` and validate; unknown keys are an error."""
        merged = _deep_merge(base.model_dump() if base else {}, data)
        unknown = sorted(set(merged.get("categories", {})) - set(CATEGORIES)) + sorted(
            set(merged.get("reasons", {})) - set(_RULES)
        )
        if unknown:
            raise ConfigError(
                f"{where}: unknown entries {unknown}; categories are {list(CATEGORIES)}, "
                f"reasons are {sorted(_RULES)}"
            )
        try:
            return cls.model_validate(merged)
        except ValidationError as err:
            raise ConfigError(f"{where}: invalid actions file:\n{err}") from err

    def get(self, key: str) -> Action | None:
        """The entry of an explanation key: ``sign_<category>`` or a rule name."""
        if key.startswith(SIGN_PREFIX):
            return self.categories.get(key.removeprefix(SIGN_PREFIX))
        return self.reasons.get(key)

    def for_keys(self, keys: Iterable[str]) -> list[Action]:
        """Entries for the given keys, crisis first, each once, in the given order."""
        ordered = sorted(keys, key=lambda k: k != "crisis")
        found = [a for a in map(self.get, dict.fromkeys(ordered)) if a is not None]
        return list(dict.fromkeys(found))

    def to_frame(self) -> pd.DataFrame:
        """One row per entry: 種類, 項目, 意味, 早めの対応 (Japanese headers for staff)."""
        rows = [("理由", key, a) for key, a in self.reasons.items() if key == "crisis"]
        rows += [("サイン", key, a) for key, a in self.categories.items()]
        rows += [("理由", key, a) for key, a in self.reasons.items() if key != "crisis"]
        return pd.DataFrame(
            [(kind, a.label, a.explain, a.action) for kind, _, a in rows],
            columns=["種類", "項目", "意味", "早めの対応"],
        )


@cache
def _default_actions() -> Actions:
    text = resources.files("sign_detect.data").joinpath("actions.toml").read_text("utf-8")
    actions = Actions.from_mapping(tomllib.loads(text), where="sign_detect/data/actions.toml")
    missing = sorted(set(CATEGORIES) - set(actions.categories)) + sorted(
        set(_RULES) - set(actions.reasons)
    )
    if missing:
        raise ConfigError(f"sign_detect/data/actions.toml: no entry for {missing}")
    return actions

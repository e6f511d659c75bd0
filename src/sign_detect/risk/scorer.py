"""The default, label-free risk scorer: weighted rules over features, each with a reason.

Weights, scales, thresholds, level cut-offs and the Japanese reason texts are data
(``data/scorer.toml``); an office overrides them with its own file. Every point of risk
comes from one rule, and every rule that gives points writes one reason, so staff can see
why a person ranks where they do. The rules themselves (:mod:`sign_detect.risk.rules`)
declare the feature columns they read; a configuration is checked against the feature
specification when it loads, and rules run on all rows at once.

Examples
--------
>>> from sign_detect.risk.scorer import ScorerConfig, score_features
>>> import pandas as pd
>>> from sign_detect import FEATURE_NAMES
>>> ids = pd.Index(["G1"], name="graduate_id")
>>> row = pd.DataFrame([dict.fromkeys(FEATURE_NAMES, 0.0)], index=ids)
>>> row[["sign_sleep_28d", "sign_sleep_n28d"]] = [2.4, 3]
>>> scored = score_features(row, ScorerConfig.default())
>>> scored.loc["G1", "reasons"]
['睡眠の訴え: 直近4週で3回(それ以前の24週は0回)']
"""

from __future__ import annotations

import math
import os
import tomllib
from collections.abc import Callable, Iterator, Mapping
from functools import cache, partial
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..errors import ConfigError, MissingColumnsError
from ..features.spec import ATTENDANCE, FEATURE_NAMES
from ..text.categories import CATEGORIES
from .rules import RULES, VARIANT, Columns, Row, sign_columns, sign_fields, sign_value

__all__ = ["Rule", "ScorerConfig", "level_of", "score_features"]


class Rule(BaseModel):
    """One scoring rule: ``points = weight * min(1, value / scale)`` when value > threshold."""

    model_config = ConfigDict(frozen=True, extra="allow")

    weight: float = Field(ge=0)
    scale: float = Field(gt=0)
    threshold: float = 0.0
    reason: str
    #: Other wordings a rule may choose (e.g. ``stale`` when the person's data stopped).
    reasons: dict[str, str] = Field(default_factory=dict)


class Signs(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    scale: float = Field(gt=0)
    threshold: float = 0.0
    reason: str
    weights: dict[str, float]


class Levels(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    high: float = Field(gt=0, le=1)
    medium: float = Field(gt=0, le=1)


class Stale(BaseModel):
    """When attendance data count as stale, and the note added to reasons drawn from them."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    after_days: float = Field(default=14, ge=0)
    note: str = "(最終記録 {date})"


class ScorerConfig(BaseModel):
    """Weights, thresholds and reason texts of the default scorer."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    levels: Levels
    signs: Signs
    rules: dict[str, Rule]
    stale: Stale = Stale()

    @classmethod
    def default(cls) -> ScorerConfig:
        return _default_config()

    @classmethod
    def from_toml(
        cls, path: str | os.PathLike[str], *, base: ScorerConfig | None = None
    ) -> ScorerConfig:
        """An office's file; keys it leaves out keep the values of ``base`` (the default)."""
        override = tomllib.loads(Path(path).read_text("utf-8"))
        return cls.from_mapping(override, base=base or cls.default(), where=str(path))

    @classmethod
    def from_mapping(
        cls,
        data: dict[str, Any],
        *,
        base: ScorerConfig | None = None,
        where: str = "<scorer config>",
    ) -> ScorerConfig:
        merged = _deep_merge(base.model_dump() if base else {}, data)
        _check_rules(merged, where)
        try:
            return cls.model_validate(merged)
        except ValidationError as err:
            raise ConfigError(f"{where}: invalid scorer configuration:\n{err}") from err

    def columns(self) -> list[str]:
        """The feature columns the configured rules and sign weights read, in order."""
        names = [n for c in self.signs.weights for n in sign_columns(c)]
        names += [n for rule in self.rules for n in RULES[rule].columns]
        return list(dict.fromkeys(names))


#: The columns a rule may read: the feature specification.
_KNOWN_COLUMNS = frozenset(FEATURE_NAMES)


def _check_rules(merged: dict[str, Any], where: str) -> None:
    """Every rule named exists, and every column it reads is in the feature specification."""
    rules = list(merged.get("rules", {}))
    signs = list(merged.get("signs", {}).get("weights", {}))
    unknown = sorted(set(rules) - set(_RULES) | set(signs) - set(CATEGORIES))
    if unknown:
        raise ConfigError(
            f"{where}: unknown rule(s) {unknown}; "
            f"rules are {sorted(_RULES)}, sign weights are {list(CATEGORIES)}"
        )
    _check_options(merged.get("rules", {}), where)
    reads = [(f"signs.weights.{c}", sign_columns(c)) for c in signs]
    reads += [(f"rules.{name}", _RULES[name].columns) for name in rules]
    missing = [
        (rule, column)
        for rule, columns in reads
        for column in columns
        if column not in _KNOWN_COLUMNS
    ]
    if missing:
        listed = "; ".join(f"{rule} reads {column!r}" for rule, column in missing)
        raise ConfigError(
            f"{where}: rule(s) read columns that are not in the feature specification "
            f"(sign_detect.features.spec): {listed}"
        )


def _check_options(rules: dict[str, Any], where: str) -> None:
    """Every option a rule takes is given, and no other key (a typo would go unnoticed)."""
    known = set(Rule.model_fields)
    problems = []
    for name, table in rules.items():
        given = set(table) - known if isinstance(table, dict) else set()
        options = set(_RULES[name].options)
        problems += [f"rules.{name}: missing option {o!r}" for o in sorted(options - given)]
        problems += [f"rules.{name}: unknown key {k!r}" for k in sorted(given - options)]
    if problems:
        raise ConfigError(f"{where}: " + "; ".join(problems))


def _deep_merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _deep_merge(out[key], value)
        else:
            out[key] = value
    return out


def level_of(risk: float, levels: Levels) -> str:
    return "high" if risk >= levels.high else "medium" if risk >= levels.medium else "low"


#: The rules by name (see :mod:`sign_detect.risk.rules`).
_RULES = RULES


def _saturate(values: np.ndarray, weight: float, scale: float, threshold: float) -> np.ndarray:
    """``weight * min(1, value / scale)`` where value > threshold, else 0 (every row)."""
    return np.where(
        values > threshold,
        weight * np.minimum(1.0, np.where(values > 0.0, values, 0.0) / scale),
        0.0,
    )


def _last_record(days: float, as_of: pd.Timestamp | None) -> str:
    """The date of a record ``days`` before ``as_of`` (or "N日前" without an as-of date)."""
    if as_of is None:
        return f"{int(days)}日前"
    return (as_of - pd.Timedelta(days=int(days))).date().isoformat()


#: A rule's points for every row, and the reason of one row that got them.
_Scored = tuple[str, np.ndarray, Callable[[Row], str]]


def _scored_rules(
    f: Columns, config: ScorerConfig, as_of: pd.Timestamp | None
) -> Iterator[_Scored]:
    """``(key, points, reason)``: sign categories first, then rules in the config's order."""
    signs = config.signs
    for c in CATEGORIES:
        if c in signs.weights:  # a category without a weight gives no points
            value = sign_value(f, c)
            points = _saturate(value, signs.weights[c], signs.scale, signs.threshold)
            yield f"sign_{c}", points, partial(_sign_reason, signs, c)
    for name, rule in config.rules.items():
        value = _RULES[name].value(f, **(rule.model_extra or {}))
        points = _saturate(value, rule.weight, rule.scale, rule.threshold)
        yield name, points, partial(_reason_text, name, rule, config, as_of)


def _sign_reason(signs: Signs, category: str, r: Row) -> str:
    return signs.reason.format(**sign_fields(r, category))


def _reason_text(
    name: str, rule: Rule, config: ScorerConfig, as_of: pd.Timestamp | None, r: Row
) -> str:
    """The rule's reason, in the wording it chose; stale attendance is marked as stale."""
    function = _RULES[name]
    fields = function.fields(r)
    variant = str(fields.pop(VARIANT, ""))
    stale = function.attendance and r[ATTENDANCE.days_since_record] > config.stale.after_days
    if stale:
        variant = variant or "stale"
    text = rule.reasons.get(variant, rule.reason).format(**fields)
    if stale:
        since = r[ATTENDANCE.days_since_record]
        text += config.stale.note.format(date=_last_record(since, as_of))
    return text


def _columns(features: pd.DataFrame, config: ScorerConfig) -> dict[str, np.ndarray]:
    """The columns the config reads, as float arrays; a clear error names any missing."""
    needed = config.columns()
    missing = [c for c in needed if c not in features.columns]
    if missing:
        raise MissingColumnsError(
            "score_features: the feature table", missing, list(features.columns)
        )
    return {c: features[c].to_numpy(dtype=float) for c in needed}


class _RowView(Mapping[str, Any]):
    """One row of the feature columns, read only where a reason needs it."""

    def __init__(self, columns: Columns, i: int):
        self._columns, self._i = columns, i

    def __getitem__(self, name: str) -> Any:
        return self._columns[name][self._i]

    def __iter__(self) -> Iterator[str]:
        return iter(self._columns)

    def __len__(self) -> int:
        return len(self._columns)


def _explained(
    features: pd.DataFrame, config: ScorerConfig, as_of: pd.Timestamp | None
) -> list[list[tuple[float, str, str]]]:
    """Per row, ``(points, key, reason)`` of every rule that gives points; most first."""
    f = _columns(features, config)
    found: list[list[tuple[float, str, str]]] = [[] for _ in range(len(features))]
    for key, points, reason in _scored_rules(f, config, as_of):
        for i in np.flatnonzero(points > 0):
            found[i].append((float(points[i]), key, reason(_RowView(f, int(i)))))
    return [sorted(row, key=lambda item: -item[0]) for row in found]


def explain_keyed(
    f: pd.Series, config: ScorerConfig, as_of: pd.Timestamp | None = None
) -> list[tuple[float, str, str]]:
    """``(points, key, reason)`` for every rule that gives points to one feature row.

    ``key`` is ``sign_<category>`` for a sign category, else the rule's name
    (``crisis``, ``unanswered``, ...); most points first. ``as_of`` (the features' date)
    lets a reason about stale data name the day of the last record; without it the reason
    says how many days ago that was.
    """
    return _explained(f.to_frame().T, config, as_of)[0]


def explain_row(
    f: pd.Series, config: ScorerConfig, as_of: pd.Timestamp | None = None
) -> list[tuple[float, str]]:
    """``(points, reason)`` for every rule that gives points to one feature row."""
    return [(points, text) for points, _, text in explain_keyed(f, config, as_of)]


def score_features(
    features: pd.DataFrame, config: ScorerConfig, as_of: pd.Timestamp | None = None
) -> pd.DataFrame:
    """Risk, level, reasons and ``points`` (the sum behind the risk) per feature row.

    Every rule's value is computed for all rows at once; reasons are written only for the
    rules that give a row points. ``as_of`` is the date the features were computed for
    (see :func:`explain_keyed`).

    Raises
    ------
    MissingColumnsError
        When ``features`` lacks a column the configured rules read.
    """
    explained = _explained(features, config, as_of)
    # Summed most points first, as the reasons are listed; math.exp keeps risks bit-stable.
    totals = [float(sum(points for points, _, _ in row)) for row in explained]
    risks = [1.0 - math.exp(-total) for total in totals]
    return pd.DataFrame(
        {
            "risk": [round(risk, 4) for risk in risks],
            "level": [level_of(risk, config.levels) for risk in risks],
            "reasons": [[text for _, _, text in row] for row in explained],
            "points": totals,
        },
        index=features.index,
    )


@cache
def _default_config() -> ScorerConfig:
    text = resources.files("sign_detect.data").joinpath("scorer.toml").read_text("utf-8")
    return ScorerConfig.from_mapping(tomllib.loads(text), where="sign_detect/data/scorer.toml")

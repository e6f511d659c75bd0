"""The default, label-free risk scorer: weighted rules over features, each with a reason.

Weights, scales, thresholds, level cut-offs and the Japanese reason texts are data
(``data/scorer.toml``); an office overrides them with its own file. Every point of risk
comes from one rule, and every rule that gives points writes one reason, so staff can see
why a person ranks where they do.

Examples
--------
>>> from sign_detect.risk_scoring import ScorerConfig, score_features
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
from collections.abc import Callable
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import pandas as pd
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .categories import CATEGORIES, CATEGORY_LABELS
from .checkin_features import BASELINE, RECENT
from .errors import ConfigError

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
        unknown = set(merged.get("rules", {})) - set(_RULES)
        unknown_signs = set(merged.get("signs", {}).get("weights", {})) - set(CATEGORIES)
        if unknown or unknown_signs:
            raise ConfigError(
                f"{where}: unknown rule(s) {sorted(unknown | unknown_signs)}; "
                f"rules are {sorted(_RULES)}, sign weights are {list(CATEGORIES)}"
            )
        try:
            return cls.model_validate(merged)
        except ValidationError as err:
            raise ConfigError(f"{where}: invalid scorer configuration:\n{err}") from err


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


def _saturate(value: float, rule_weight: float, scale: float) -> float:
    return rule_weight * min(1.0, max(0.0, value) / scale)


#: Key of the fields a rule returns that names one of its other wordings (``Rule.reasons``).
_VARIANT = "_variant"

#: Rules read from attendance. When the person's attendance stopped more than
#: ``stale.after_days`` before as_of, their reasons take the rule's ``stale`` wording (if
#: any) and say when the last record was: nothing is written as ongoing that is not.
_ATTENDANCE_RULES = frozenset(
    {
        "absence",
        "late",
        "early_leave",
        "short_absences",
        "absence_streak",
        "hours",
        "monday_absence",
    }
)

#: Above this many times the usual rate, "about N times" reads oddly: say "rarely before".
_MAX_SHOWN_RATIO = 10


def _compared_with_usual(recent_rate: float, base_rate: float) -> str:
    """普段の約3倍, or 普段はほとんどなし when the person's usual rate is near zero."""
    if base_rate <= 0 or recent_rate / base_rate > _MAX_SHOWN_RATIO:
        return "普段はほとんどなし"
    return f"普段の約{max(1, round(recent_rate / base_rate))}倍"


# Each rule: features row -> (value, format fields). Points come from value; text from fields.
def _rule_new_signs(f: pd.Series) -> tuple[float, dict[str, object]]:
    new = [CATEGORY_LABELS[c] for c in CATEGORIES if f[f"sign_{c}_new"] > 0]
    return float(len(new)), {"labels": "、".join(new)}


def _rule_breadth(f: pd.Series) -> tuple[float, dict[str, object]]:
    count = f["sign_categories_28d"]
    return float(count), {"count": int(count)}


def _attendance_rule(status: str) -> Callable[[pd.Series], tuple[float, dict[str, object]]]:
    def rule(f: pd.Series) -> tuple[float, dict[str, object]]:
        days = max(f["att_days_28d"], 1.0)
        rate = f[f"att_{status}_28d"] / days
        return float(f[f"att_{status}_excess_28d"]), {
            "count": int(f[f"att_{status}_28d"]),
            "usual": _compared_with_usual(rate, f[f"att_{status}_rate_base"]),
        }

    return rule


def _rule_sustained_signs(f: pd.Series) -> tuple[float, dict[str, object]]:
    """Notes with a sign over 8 weeks, beyond the person's usual share of such notes."""
    count = f["sign_notes_56d"]
    notes = max(f["contact_n_28d"] * 2, count, 1.0)
    return float(count - f["sign_notes_rate_base"] * notes), {"count": int(count)}


def _rule_short_absences(f: pd.Series) -> tuple[float, dict[str, object]]:
    value = f["att_bradford_84d"] if f["att_spells_84d"] >= 2 else 0.0
    return float(value), {"spells": int(f["att_spells_84d"]), "days": int(f["att_absent_days_84d"])}


def _rule_absence_streak(f: pd.Series) -> tuple[float, dict[str, object]]:
    return float(f["att_absent_streak"]), {"days": int(f["att_absent_streak"])}


def _rule_contact_gap(f: pd.Series, min_days: float = 10) -> tuple[float, dict[str, object]]:
    days, usual = f["contact_days_since"], f["contact_usual_gap"]
    if not (days >= min_days) or not (usual > 0):
        return 0.0, {}
    return float(f["contact_gap_ratio"] - 1.5), {"days": int(days), "usual": round(usual)}


#: The silence rule's wording by (has notes, has attendance): ``Rule.reasons`` keys.
_SILENCE_WORDING = {(True, True): "", (True, False): "no_attendance", (False, True): "no_contact"}


def _rule_silence(f: pd.Series, min_days: float = 28) -> tuple[float, dict[str, object]]:
    """Days beyond ``min_days`` since the person's last record of any kind.

    A contact that got through and an attendance day both count as a record; a person
    without attendance (or without notes) at all is judged on the other kind alone, with
    the rule's ``no_attendance`` (``no_contact``) wording.
    """
    contact, attendance = f["contact_days_since"], f["att_days_since_record"]
    has_contact, has_attendance = contact == contact, attendance == attendance  # not NaN
    if not (has_contact or has_attendance):
        return 0.0, {}
    days = min(d for d, known in ((contact, has_contact), (attendance, has_attendance)) if known)
    fields: dict[str, object] = {
        "contact_days": int(contact) if has_contact else "-",
        "attendance_days": int(attendance) if has_attendance else "-",
        _VARIANT: _SILENCE_WORDING[has_contact, has_attendance],
    }
    return float(days - min_days), fields


def _rule_crisis(f: pd.Series) -> tuple[float, dict[str, object]]:
    """Notes with words of self-harm or suicide in the last 4 weeks."""
    count = f["sign_crisis_28d"]
    return float(count), {"count": int(count)}


def _rule_unanswered(f: pd.Series) -> tuple[float, dict[str, object]]:
    """Attempts nobody answered since the last contact that got through."""
    run = f["contact_unanswered_run"]
    return float(run), {"count": int(run)}


def _rule_hours(f: pd.Series) -> tuple[float, dict[str, object]]:
    ratio = f["att_hours_ratio_28d"]
    if f["att_days_28d"] < 5 or ratio != ratio:
        return 0.0, {}
    return float(1.0 - ratio - 0.05), {"percent": round(ratio * 100)}


def _rule_monday(f: pd.Series) -> tuple[float, dict[str, object]]:
    return float(f["att_monday_absent_84d"]), {"count": int(f["att_monday_absent_84d"])}


def _rule_disability_prior(
    f: pd.Series, enabled: bool = False
) -> tuple[float, dict[str, object]]:
    """Opt-in: the disability type's 1-year separation rate (a group statistic, not the person)."""
    prior = f["prior_1y_separation"]
    if not enabled or prior != prior:
        return 0.0, {}
    return float(prior), {"percent": round(prior * 100)}


_RULES: dict[str, Callable[[pd.Series], tuple[float, dict[str, object]]]] = {
    "crisis": _rule_crisis,
    "new_signs": _rule_new_signs,
    "breadth": _rule_breadth,
    "sustained_signs": _rule_sustained_signs,
    "absence": _attendance_rule("absent"),
    "late": _attendance_rule("late"),
    "early_leave": _attendance_rule("early_leave"),
    "short_absences": _rule_short_absences,
    "absence_streak": _rule_absence_streak,
    "contact_gap": _rule_contact_gap,
    "silence": _rule_silence,
    "unanswered": _rule_unanswered,
    "hours": _rule_hours,
    "monday_absence": _rule_monday,
    "disability_prior": _rule_disability_prior,
}


def _sign_points(f: pd.Series, signs: Signs) -> list[tuple[float, str, str]]:
    out = []
    for c in CATEGORIES:
        recent, base = f[f"sign_{c}_n28d"], f[f"sign_{c}_nbase"]
        if recent <= 0:
            continue
        beyond = max(0.0, recent - base * RECENT / BASELINE)
        value = beyond * f[f"sign_{c}_28d"] / recent
        points = (
            _saturate(value, signs.weights.get(c, 0.0), signs.scale)
            if value > signs.threshold
            else 0
        )
        if points > 0:
            text = signs.reason.format(
                label=CATEGORY_LABELS[c],
                recent=int(recent),
                base=int(base),
                base_weeks=BASELINE // 7,
            )
            out.append((points, f"sign_{c}", text))
    return out


def _last_record(days: float, as_of: pd.Timestamp | None) -> str:
    """The date of a record ``days`` before ``as_of`` (or "N日前" without an as-of date)."""
    if as_of is None:
        return f"{int(days)}日前"
    return (as_of - pd.Timedelta(days=int(days))).date().isoformat()


def _reason_text(
    name: str,
    rule: Rule,
    fields: dict[str, object],
    f: pd.Series,
    config: ScorerConfig,
    as_of: pd.Timestamp | None,
) -> str:
    """The rule's reason, in the wording it chose; stale attendance is marked as stale."""
    variant = str(fields.pop(_VARIANT, ""))
    since = f["att_days_since_record"]
    stale = name in _ATTENDANCE_RULES and since > config.stale.after_days
    if stale:
        variant = variant or "stale"
    text = rule.reasons.get(variant, rule.reason).format(**fields)
    if stale:
        text += config.stale.note.format(date=_last_record(since, as_of))
    return text


def explain_keyed(
    f: pd.Series, config: ScorerConfig, as_of: pd.Timestamp | None = None
) -> list[tuple[float, str, str]]:
    """``(points, key, reason)`` for every rule that gives points to one feature row.

    ``key`` is ``sign_<category>`` for a sign category, else the rule's name
    (``crisis``, ``unanswered``, ...); most points first. ``as_of`` (the features' date)
    lets a reason about stale data name the day of the last record; without it the reason
    says how many days ago that was.
    """
    found = _sign_points(f, config.signs)
    for name, rule in config.rules.items():
        compute = _RULES[name]
        extra = rule.model_extra or {}
        value, fields = compute(f, **extra) if extra else compute(f)
        if value > rule.threshold:
            points = _saturate(value, rule.weight, rule.scale)
            if points > 0:
                found.append((points, name, _reason_text(name, rule, fields, f, config, as_of)))
    return sorted(found, key=lambda item: -item[0])


def explain_row(
    f: pd.Series, config: ScorerConfig, as_of: pd.Timestamp | None = None
) -> list[tuple[float, str]]:
    """``(points, reason)`` for every rule that gives points to one feature row."""
    return [(points, text) for points, _, text in explain_keyed(f, config, as_of)]


def score_features(
    features: pd.DataFrame, config: ScorerConfig, as_of: pd.Timestamp | None = None
) -> pd.DataFrame:
    """Risk, level, reasons and ``points`` (the sum behind the risk) per feature row.

    ``as_of`` is the date the features were computed for (see :func:`explain_keyed`).
    """
    risks, levels, reasons, totals = [], [], [], []
    for _, row in features.iterrows():
        found = explain_row(row, config, as_of)
        total = sum(points for points, _ in found)
        risk = 1.0 - math.exp(-total)
        risks.append(round(risk, 4))
        levels.append(level_of(risk, config.levels))
        reasons.append([text for _, text in found])
        totals.append(total)
    return pd.DataFrame(
        {"risk": risks, "level": levels, "reasons": reasons, "points": totals},
        index=features.index,
    )


@cache
def _default_config() -> ScorerConfig:
    text = resources.files("sign_detect.data").joinpath("scorer.toml").read_text("utf-8")
    return ScorerConfig.from_mapping(tomllib.loads(text), where="sign_detect/data/scorer.toml")

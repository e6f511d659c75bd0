"""The default scorer's rules: the feature columns each reads, its value and its reason fields.

A rule computes one value per feature row for all rows at once (numpy arrays in, one array
out); :mod:`sign_detect.risk.scorer` turns values into points with the weights of
``data/scorer.toml``. Only for a row that gets points from a rule are the fields of its
reason formatted (counts, days, labels), from that row's values. Every rule declares the
columns it reads (:attr:`RuleFunction.columns`), all named by :mod:`sign_detect.features.spec`,
and a scorer configuration is checked against them when it loads.

Examples
--------
>>> import numpy as np
>>> from sign_detect.risk.rules import RULES
>>> RULES["crisis"].columns
('sign_crisis_28d',)
>>> RULES["breadth"].value({"sign_categories_28d": np.array([0.0, 3.0])})
array([0., 3.])
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..features.spec import ATTENDANCE as A
from ..features.spec import CHECKIN as C
from ..features.spec import GRADUATE as G
from ..text.categories import CATEGORIES, CATEGORY_LABELS

__all__ = ["RULES", "VARIANT", "RuleFunction", "sign_columns", "sign_value"]

#: Feature name -> the values of every row (float64).
Columns = Mapping[str, np.ndarray]
#: Feature name -> the value of one row.
Row = Mapping[str, Any]

#: Key of the fields a rule returns that names one of its other wordings (``Rule.reasons``).
VARIANT = "_variant"

#: Above this many times the usual rate, "about N times" reads oddly: say "rarely before".
_MAX_SHOWN_RATIO = 10


@dataclass(frozen=True)
class RuleFunction:
    """One rule of the default scorer.

    Attributes
    ----------
    reads : tuple of str
        The feature columns the value and the reason fields read.
    value : callable
        ``value(columns, **options) -> ndarray``: the rule's value for every row; options
        are the extra keys of the rule's table in the scorer file (``min_days``, ...).
    fields : callable
        ``fields(row) -> dict``: the reason's format fields for one row that got points.
    attendance : bool
        Drawn from attendance: when the person's attendance stopped, the reason takes the
        rule's ``stale`` wording and names the last record (which reads one more column).
    """

    reads: tuple[str, ...]
    value: Callable[..., np.ndarray]
    fields: Callable[[Row], dict[str, object]]
    attendance: bool = False

    @property
    def columns(self) -> tuple[str, ...]:
        """Every feature column the rule and its reason read."""
        return (*self.reads, A.days_since_record) if self.attendance else self.reads

    @property
    def options(self) -> tuple[str, ...]:
        """The options the rule's table in the scorer file must give (``min_days``, ...)."""
        parameters = inspect.signature(self.value).parameters.values()
        return tuple(p.name for p in parameters if p.kind is p.KEYWORD_ONLY)


def _first_max(*values: np.ndarray | float) -> np.ndarray:
    """Python's ``max(a, b, ...)`` element-wise: the first largest value (a NaN first stays)."""
    out = np.asarray(values[0])
    for value in values[1:]:
        out = np.where(value > out, value, out)
    return out


def _positive(values: np.ndarray) -> np.ndarray:
    """Python's ``max(0.0, x)`` element-wise (a NaN becomes 0)."""
    return np.where(values > 0.0, values, 0.0)


def _compared_with_usual(recent_rate: float, base_rate: float) -> str:
    """普段の約3倍, or 普段はほとんどなし when the person's usual rate is near zero."""
    if base_rate <= 0 or recent_rate / base_rate > _MAX_SHOWN_RATIO:
        return "普段はほとんどなし"
    return f"普段の約{max(1, round(recent_rate / base_rate))}倍"


def _count_rule(column: str, field: str = "count", *, attendance: bool = False) -> RuleFunction:
    """A rule whose value is one count column, shown as a whole number."""
    return RuleFunction(
        reads=(column,),
        value=lambda f: f[column],
        fields=lambda r: {field: int(r[column])},
        attendance=attendance,
    )


def _new_signs() -> RuleFunction:
    columns = tuple(C.new(c) for c in CATEGORIES)

    def value(f: Columns) -> np.ndarray:
        return np.count_nonzero(np.column_stack([f[c] for c in columns]) > 0, axis=1).astype(float)

    def fields(r: Row) -> dict[str, object]:
        labels = [
            CATEGORY_LABELS[c] for c, col in zip(CATEGORIES, columns, strict=True) if r[col] > 0
        ]
        return {"labels": "、".join(labels)}

    return RuleFunction(columns, value, fields)


def _status_rule(status: str) -> RuleFunction:
    """Days (or times) of an unplanned status beyond the person's usual, in the last 4 weeks."""
    count, excess, base = A.count(status), A.excess(status), A.base_rate(status)

    def fields(r: Row) -> dict[str, object]:
        rate = r[count] / max(r[A.recent_days], 1.0)
        return {"count": int(r[count]), "usual": _compared_with_usual(rate, r[base])}

    return RuleFunction(
        (A.recent_days, count, excess, base), lambda f: f[excess], fields, attendance=True
    )


def _sustained_value(f: Columns) -> np.ndarray:
    """Notes with a sign over 8 weeks, beyond the person's usual share of such notes."""
    count = f[C.sustained_notes]
    notes = _first_max(f[C.contacts] * 2, count, 1.0)
    return count - f[C.notes_rate_base] * notes


def _short_absences() -> RuleFunction:
    """Bradford score over 12 weeks, from the second spell on."""
    return RuleFunction(
        (A.spells, A.bradford, A.absent_days),
        lambda f: np.where(f[A.spells] >= 2, f[A.bradford], 0.0),
        lambda r: {"spells": int(r[A.spells]), "days": int(r[A.absent_days])},
        attendance=True,
    )


def _contact_gap_value(f: Columns, *, min_days: float) -> np.ndarray:
    """Days since the last contact over the usual gap, beyond 1.5; from ``min_days`` on."""
    days, usual = f[C.days_since_contact], f[C.usual_gap]
    return np.where((days >= min_days) & (usual > 0), f[C.gap_ratio] - 1.5, 0.0)


#: The silence rule's wording by (has notes, has attendance): ``Rule.reasons`` keys.
_SILENCE_WORDING = {(True, True): "", (True, False): "no_attendance", (False, True): "no_contact"}


def _silence_value(f: Columns, *, min_days: float) -> np.ndarray:
    """Days beyond ``min_days`` since the person's last record of any kind.

    A contact that got through and an attendance day both count as a record; a person
    without attendance (or without notes) at all is judged on the other kind alone.
    """
    contact, attendance = f[C.days_since_contact], f[A.days_since_record]
    has_contact, has_attendance = contact == contact, attendance == attendance  # not NaN
    both = np.where(attendance < contact, attendance, contact)
    days = np.where(has_contact & has_attendance, both, np.where(has_contact, contact, attendance))
    return np.where(has_contact | has_attendance, days - min_days, 0.0)


def _silence_fields(r: Row) -> dict[str, object]:
    contact, attendance = r[C.days_since_contact], r[A.days_since_record]
    has_contact, has_attendance = contact == contact, attendance == attendance
    return {
        "contact_days": int(contact) if has_contact else "-",
        "attendance_days": int(attendance) if has_attendance else "-",
        VARIANT: _SILENCE_WORDING[has_contact, has_attendance],
    }


def _hours_value(f: Columns) -> np.ndarray:
    """Share of scheduled hours not worked in the last 4 weeks, beyond 5%."""
    ratio = f[A.hours_ratio]
    return np.where((f[A.recent_days] < 5) | (ratio != ratio), 0.0, 1.0 - ratio - 0.05)


def _prior_value(f: Columns, *, enabled: bool) -> np.ndarray:
    """Opt-in: the disability type's 1-year separation rate (a group statistic, not the person)."""
    prior = f[G.prior]
    if not enabled:
        return np.zeros_like(prior, dtype=float)
    return np.where(prior == prior, prior, 0.0)


RULES: dict[str, RuleFunction] = {
    "crisis": _count_rule(C.crisis),
    "new_signs": _new_signs(),
    "breadth": _count_rule(C.categories),
    "sustained_signs": RuleFunction(
        (C.sustained_notes, C.contacts, C.notes_rate_base),
        _sustained_value,
        lambda r: {"count": int(r[C.sustained_notes])},
    ),
    "absence": _status_rule("absent"),
    "late": _status_rule("late"),
    "early_leave": _status_rule("early_leave"),
    "short_absences": _short_absences(),
    "absence_streak": _count_rule(A.streak, "days", attendance=True),
    "contact_gap": RuleFunction(
        (C.days_since_contact, C.usual_gap, C.gap_ratio),
        _contact_gap_value,
        lambda r: {"days": int(r[C.days_since_contact]), "usual": round(r[C.usual_gap])},
    ),
    "silence": RuleFunction(
        (C.days_since_contact, A.days_since_record), _silence_value, _silence_fields
    ),
    "unanswered": _count_rule(C.unanswered_run),
    "hours": RuleFunction(
        (A.recent_days, A.hours_ratio),
        _hours_value,
        lambda r: {"percent": round(r[A.hours_ratio] * 100)},
        attendance=True,
    ),
    "monday_absence": _count_rule(A.monday_absent, attendance=True),
    "disability_prior": RuleFunction(
        (G.prior,), _prior_value, lambda r: {"percent": round(r[G.prior] * 100)}
    ),
}


def sign_columns(category: str) -> tuple[str, ...]:
    """The columns the sign points of a category read."""
    return (C.notes(category), C.notes_base(category), C.strength(category))


def sign_value(f: Columns, category: str) -> np.ndarray:
    """Recent notes with a sign of ``category`` beyond the person's usual, times their mean
    strength (0 without such notes)."""
    recent, base = f[C.notes(category)], f[C.notes_base(category)]
    beyond = _positive(recent - base * C.recent / C.baseline)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(recent > 0, beyond * f[C.strength(category)] / recent, 0.0)


def sign_fields(r: Row, category: str) -> dict[str, object]:
    """The format fields of a sign reason for one row."""
    return {
        "label": CATEGORY_LABELS[category],
        "recent": int(r[C.notes(category)]),
        "base": int(r[C.notes_base(category)]),
        "base_weeks": C.baseline_weeks,
    }

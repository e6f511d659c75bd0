"""Fairness audit: does the ranking miss some groups more than others?

For each group of an attribute (disability type, employer, the staff member who wrote
most of a person's notes), over the backtest's (as-of date, graduate) rows:

* **false-negative rate** (FNR): rows with a crisis ahead that were not flagged;
* **false-positive rate** (FPR): rows with no crisis ahead that were flagged;
* each rate's **ratio to the largest group** (most people, among groups where the rate
  is defined); a ratio outside 0.8-1.25 is marked as a disparity, the tolerance aequitas
  uses by default. The ratio is NaN when the reference rate is 0.

Groups with fewer than :data:`MIN_GROUP_PEOPLE` people are not shown (their rates say
little and could point at a person); how many were left out is reported.

Examples
--------
>>> import pandas as pd
>>> from sign_detect.risk.audit import fairness_audit
>>> rows = pd.DataFrame({
...     "graduate_id": [f"G{i}" for i in range(12)],
...     "label": [1, 0] * 6,
...     "default_flag": [True, False, True, True, False, False] * 2,
... })
>>> groups = pd.DataFrame({"staff_id": ["S1"] * 6 + ["S2"] * 6},
...                       index=pd.Index(rows["graduate_id"], name="graduate_id"))
>>> audit, hidden = fairness_audit(rows, groups, ["default"])
>>> audit[["group", "people", "fnr", "fpr"]].round(2).to_numpy().tolist()
[['S1', 6, 0.33, 0.33], ['S2', 6, 0.33, 0.33]]
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .calibration import rate

__all__ = [
    "AUDIT_COLUMNS",
    "GROUP_ATTRIBUTES",
    "MIN_GROUP_PEOPLE",
    "TOLERANCE",
    "audit_groups",
    "fairness_audit",
    "main_staff",
]

GROUP_ATTRIBUTES = ["disability_type", "employer", "staff_id"]
MIN_GROUP_PEOPLE = 5
#: Ratios to the reference group inside this range are not marked (aequitas' default).
TOLERANCE = (0.8, 1.25)
AUDIT_COLUMNS = [
    "attribute",
    "group",
    "scorer",
    "people",
    "rows",
    "positives",
    "fnr",
    "fpr",
    "fnr_ratio",
    "fpr_ratio",
    "fnr_disparity",
    "fpr_disparity",
    "fnr_reference",
    "fpr_reference",
]


def main_staff(checkins: pd.DataFrame) -> pd.Series:
    """The staff member who wrote most of each person's notes (ties: first by id)."""
    if "staff_id" not in checkins.columns:
        return pd.Series(dtype=object, name="staff_id")
    notes = checkins.dropna(subset=["staff_id"])
    counts = notes.groupby(["graduate_id", "staff_id"]).size().rename("n").reset_index()
    counts = counts.sort_values(["graduate_id", "n", "staff_id"], ascending=[True, False, True])
    return counts.drop_duplicates("graduate_id").set_index("graduate_id")["staff_id"]


def audit_groups(graduates: pd.DataFrame | None, checkins: pd.DataFrame) -> pd.DataFrame:
    """One row per graduate: the group attributes available in the tables."""
    parts = []
    if graduates is not None and len(graduates):
        table = graduates.drop_duplicates("graduate_id").set_index("graduate_id")
        parts.append(table[[c for c in ("disability_type", "employer") if c in table.columns]])
    staff = main_staff(checkins)
    if len(staff):
        parts.append(staff.to_frame())
    if not parts:
        return pd.DataFrame(index=pd.Index([], name="graduate_id"))
    return pd.concat(parts, axis=1).rename_axis("graduate_id")


def _rates(rows: pd.DataFrame, by: pd.Series, flag: pd.Series) -> pd.DataFrame:
    label = rows["label"].astype(bool).to_numpy()
    frame = pd.DataFrame(
        {
            "group": by.to_numpy(),
            "graduate_id": rows["graduate_id"].to_numpy(),
            "pos": label,
            "neg": ~label,
            "fn": label & ~flag.to_numpy(),
            "fp": ~label & flag.to_numpy(),
        }
    ).dropna(subset=["group"])
    table = frame.groupby("group").agg(
        people=("graduate_id", "nunique"),
        rows=("pos", "size"),
        positives=("pos", "sum"),
        negatives=("neg", "sum"),
        fn=("fn", "sum"),
        fp=("fp", "sum"),
    )
    table["fnr"] = rate(table["fn"], table["positives"])
    table["fpr"] = rate(table["fp"], table["negatives"])
    return table


def _with_ratios(table: pd.DataFrame) -> pd.DataFrame:
    """Ratios to the largest group (most people) whose rate is defined (has cases)."""
    low, high = TOLERANCE
    by_size = table.sort_values(["people", "rows"], ascending=False)
    for name in ("fnr", "fpr"):
        defined = by_size[name].dropna()
        reference = defined.index[0] if len(defined) else None
        base = defined.iloc[0] if len(defined) else np.nan
        table[f"{name}_ratio"] = table[name] / base if base > 0 else np.nan
        ratio = table[f"{name}_ratio"]
        table[f"{name}_disparity"] = (ratio < low) | (ratio > high)
        table[f"{name}_reference"] = reference
    return table


def fairness_audit(
    rows: pd.DataFrame, groups: pd.DataFrame, scorers: list[str]
) -> tuple[pd.DataFrame, int]:
    """FNR and FPR per group and scorer at the flags ``<scorer>_flag`` of ``rows``.

    Parameters
    ----------
    rows : DataFrame
        ``graduate_id``, ``label`` and one boolean ``<scorer>_flag`` column per scorer.
    groups : DataFrame
        Indexed by ``graduate_id``; one column per attribute (see :func:`audit_groups`).
    scorers : list of str
        Scorers whose flags are audited.

    Returns
    -------
    (DataFrame, int)
        The audit (columns :data:`AUDIT_COLUMNS`) and the number of (attribute, group)
        pairs left out for having fewer than :data:`MIN_GROUP_PEOPLE` people.
    """
    frames, hidden = [], 0
    for attribute in groups.columns:
        by = rows["graduate_id"].map(groups[attribute])
        for scorer in scorers:
            table = _rates(rows, by, rows[f"{scorer}_flag"].astype(bool))
            shown = table[table["people"] >= MIN_GROUP_PEOPLE].copy()
            if scorer == scorers[0]:
                hidden += len(table) - len(shown)
            if shown.empty:
                continue
            shown = _with_ratios(shown)
            shown.insert(0, "scorer", scorer)
            shown.insert(0, "attribute", attribute)
            frames.append(shown.reset_index())
    if not frames:
        return pd.DataFrame(columns=AUDIT_COLUMNS), hidden
    return pd.concat(frames, ignore_index=True)[AUDIT_COLUMNS], hidden

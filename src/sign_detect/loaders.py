"""Load and validate check-ins, attendance, graduates and outcomes.

Each loader accepts a DataFrame or a path (.csv, .tsv, .xlsx, .parquet) and returns a
clean, typed DataFrame with the canonical columns of :mod:`sign_detect.records`. Checks
are vectorised (one pass per column, each distinct value parsed once), so tables of
millions of rows load quickly.

No row vanishes silently. With ``errors="raise"`` (default) one
:class:`~sign_detect.errors.InputValidationError` lists every bad row with its file,
line, column, value and reason. With ``errors="quarantine"`` the loader returns
``(frame, quarantine)``: the valid rows, and one report row per invalid input row.
Rows in = valid rows + quarantined rows, always.

Examples
--------
>>> import pandas as pd
>>> from sign_detect import load_attendance
>>> raw = pd.DataFrame({"graduate_id": ["G1", "G1"], "date": ["2025/4/1", "R7.4.2"],
...                     "status": ["出勤", "早退"]})
>>> load_attendance(raw)["status"].tolist()
['present', 'early_leave']
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Literal, overload

import numpy as np
import pandas as pd

from .dates import parse_dates
from .errors import (
    QUARANTINE_COLUMNS,
    InputFileError,
    InputValidationError,
    MissingColumnsError,
)
from .reading import RawTable, Source, read_raw_table
from .records import (
    ATTENDANCE_STATUSES,
    CHANNEL_ALIASES,
    CHANNELS,
    COLUMN_ALIASES,
    DISABILITY_ALIASES,
    DISABILITY_TYPES,
    EVENT_ALIASES,
    OUTCOME_EVENTS,
    STATUS_ALIASES,
    alias_key,
    canonical_value,
    load_aliases,
)

__all__ = [
    "DEFAULT_MAX_NOTE_CHARS",
    "AliasSource",
    "Inputs",
    "load_attendance",
    "load_checkins",
    "load_graduates",
    "load_inputs",
    "load_outcomes",
]

#: Notes longer than this are quarantined: a check-in note is a few sentences, and a
#: 100k-character cell is nearly always a paste error.
DEFAULT_MAX_NOTE_CHARS = 20_000

Errors = Literal["raise", "quarantine"]
#: An office's alias words: a TOML file or ``{field: {canonical: [words]}}``.
AliasSource = str | os.PathLike[str] | Mapping[str, Mapping[str, Iterable[str]]]


@dataclass(frozen=True)
class _Enum:
    accepted: tuple[str, ...]
    aliases: dict[str, str]
    required: bool = True


@dataclass(frozen=True)
class _TableSpec:
    """What one kind of table must contain; the loaders differ only in this."""

    required: tuple[str, ...]
    optional: tuple[str, ...] = ()
    dates: tuple[str, ...] = ()
    enums: dict[str, _Enum] = field(default_factory=dict)
    hours: tuple[str, ...] = ()
    texts: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()
    unique_key: tuple[str, ...] = ()
    conflict_reason: str = ""

    @property
    def columns(self) -> tuple[str, ...]:
        return self.required + self.optional


_CHECKINS = _TableSpec(
    required=("graduate_id", "date", "channel", "note"),
    optional=("staff_id",),
    dates=("date",),
    enums={"channel": _Enum(CHANNELS, CHANNEL_ALIASES)},
    texts=("note",),
    labels=("staff_id",),
)
_ATTENDANCE = _TableSpec(
    required=("graduate_id", "date", "status"),
    optional=("scheduled_hours", "worked_hours"),
    dates=("date",),
    enums={"status": _Enum(ATTENDANCE_STATUSES, STATUS_ALIASES)},
    hours=("scheduled_hours", "worked_hours"),
    unique_key=("graduate_id", "date"),
    conflict_reason="the same day is given more than once with different values",
)
_GRADUATES = _TableSpec(
    required=("graduate_id",),
    optional=("hired_on", "disability_type", "employer"),
    dates=("hired_on",),
    enums={"disability_type": _Enum(DISABILITY_TYPES, DISABILITY_ALIASES, required=False)},
    labels=("employer",),
    unique_key=("graduate_id",),
    conflict_reason="the same graduate_id is given more than once with different values",
)
_OUTCOMES = _TableSpec(
    required=("graduate_id", "date", "event"),
    dates=("date",),
    enums={"event": _Enum(OUTCOME_EVENTS, EVENT_ALIASES)},
)


class _Problems:
    """Collects (row position, column, value, reason) and renders the quarantine report."""

    def __init__(self, raw: RawTable):
        self.raw = raw
        self.items: list[tuple[np.ndarray, str, pd.Series, str | pd.Series]] = []

    def add(self, mask: pd.Series, column: str, values: pd.Series, reason: str | pd.Series) -> None:
        positions = np.flatnonzero(mask.to_numpy(dtype=bool))
        if len(positions):
            reasons = reason if isinstance(reason, str) else reason.iloc[positions]
            self.items.append((positions, column, values.iloc[positions], reasons))

    def bad_mask(self, n: int) -> np.ndarray:
        mask = np.zeros(n, dtype=bool)
        for positions, *_ in self.items:
            mask[positions] = True
        return mask

    def report(self) -> pd.DataFrame:
        if not self.items:
            return pd.DataFrame({c: pd.Series(dtype=object) for c in QUARANTINE_COLUMNS})
        parts = []
        for positions, column, values, reasons in self.items:
            parts.append(
                pd.DataFrame(
                    {
                        "position": positions,
                        "column": column,
                        "value": [_show(v) for v in values],
                        "reason": reasons if isinstance(reasons, str) else list(reasons),
                    }
                )
            )
        long = pd.concat(parts, ignore_index=True).sort_values("position", kind="stable")
        wide = long.groupby("position", sort=True).agg(
            column=("column", ", ".join),
            value=("value", _join_values),
            reason=("reason", "; ".join),
        )
        wide.insert(0, "line", self.raw.lines.iloc[wide.index.to_numpy()].to_numpy())
        wide.insert(0, "source", self.raw.source)
        return wide.reset_index(drop=True)[QUARANTINE_COLUMNS].astype(object)


def _show(value: object) -> object:
    if isinstance(value, str) and len(value) > 40:
        return value[:40] + "…"
    return value


def _join_values(values: pd.Series) -> object:
    return values.iloc[0] if len(values) == 1 else " | ".join(map(str, values))


def _text(values: pd.Series) -> pd.Series:
    """Values as stripped text, missing as empty string."""
    out = values.astype(object).where(values.notna(), "")
    return out.map(lambda v: v if isinstance(v, str) else str(v)).str.strip()


def _check_ids(raw: pd.DataFrame, problems: _Problems) -> pd.Series:
    ids = _text(raw["graduate_id"]).map(
        lambda v: v[:-2] if v.endswith(".0") and v[:-2].isdigit() else v  # Excel numbers
    )
    problems.add(ids == "", "graduate_id", raw["graduate_id"], "missing graduate_id")
    return ids


def _check_dates(raw: pd.DataFrame, column: str, required: bool, problems: _Problems) -> pd.Series:
    given = _text(raw[column])
    parsed = parse_dates(given.where(given != "", None))
    if required:
        problems.add(given == "", column, raw[column], f"missing {column}")
    problems.add(
        (given != "") & parsed.isna(),
        column,
        raw[column],
        "unparseable date (accepted: 2025-04-01, 2025/4/1, 2025年4月1日, 令和7年4月1日, R7.4.1)",
    )
    return parsed


def _check_enum(raw: pd.DataFrame, column: str, spec: _Enum, problems: _Problems) -> pd.Series:
    given = _text(raw[column])
    codes, uniques = pd.factorize(given)
    mapped = np.array(
        [canonical_value(u, spec.accepted, spec.aliases) for u in uniques] + [None], dtype=object
    )
    values = pd.Series(mapped[codes], index=raw.index, dtype=object)
    accepted = ", ".join(spec.accepted)
    if spec.required:
        problems.add(given == "", column, raw[column], f"missing {column}; accepted: {accepted}")
    problems.add(
        (given != "") & values.isna(),
        column,
        raw[column],
        f"unknown {column}; accepted: {accepted} (or the Japanese terms)",
    )
    return values.where(values.notna(), None)


def _check_hours(raw: pd.DataFrame, column: str, problems: _Problems) -> pd.Series:
    given = _text(raw[column]).map(lambda v: unicodedata.normalize("NFKC", v))
    numbers = pd.to_numeric(given.where(given != "", None), errors="coerce").astype(float)
    problems.add((given != "") & numbers.isna(), column, raw[column], "not a number")
    problems.add((numbers < 0) | (numbers > 24), column, raw[column], "hours must be within 0-24")
    return numbers


def _check_text(raw: pd.DataFrame, column: str, max_chars: int, problems: _Problems) -> pd.Series:
    values = raw[column].astype(object).where(raw[column].notna(), "")
    values = values.map(lambda v: v if isinstance(v, str) else str(v))
    lengths = values.str.len()
    # Notes are health information: the report names their length, never their words.
    problems.add(
        lengths > max_chars,
        column,
        lengths.map(lambda n: f"<{n} characters>"),
        lengths.map(lambda n: f"text too long ({n} characters; limit {max_chars})"),
    )
    return values.astype(str)


def _check_duplicates(
    clean: pd.DataFrame, spec: _TableSpec, raw: RawTable, problems: _Problems, usable: np.ndarray
) -> None:
    """Flag exact repeats of a row, and rows that clash on the table's unique key."""
    candidates = clean.loc[usable]
    exact = candidates.duplicated(keep="first")
    if exact.any():
        group = candidates.groupby(list(candidates.columns), dropna=False, sort=False).ngroup()
        first_position = (
            pd.Series(candidates.index, index=candidates.index).groupby(group).transform("first")
        )
        repeats = exact[exact].index
        where = "row" if raw.source == "<DataFrame>" else "line"
        reasons = [
            f"exact duplicate of {where} {raw.lines.iloc[p]}" for p in first_position.loc[repeats]
        ]
        problems.add(
            _mask(clean, repeats),
            "(whole row)",
            _describe(clean.drop(columns=list(spec.texts)), repeats),  # no note text
            pd.Series(reasons, index=repeats).reindex(clean.index),
        )
    if spec.unique_key:
        distinct = candidates.loc[~exact]
        clash = distinct.duplicated(list(spec.unique_key), keep=False)
        if clash.any():
            rows = clash[clash].index
            problems.add(
                _mask(clean, rows),
                ",".join(spec.unique_key),
                _describe(clean[list(spec.unique_key)], rows),
                spec.conflict_reason,
            )


def _mask(frame: pd.DataFrame, rows: pd.Index) -> pd.Series:
    mask = pd.Series(False, index=frame.index)
    mask.loc[rows] = True
    return mask


def _describe(frame: pd.DataFrame, rows: pd.Index) -> pd.Series:
    """A short text of the chosen rows (for the report), indexed like ``frame``."""
    text = [
        " ".join(str(v).split(" 00:00:00")[0] for v in row if not pd.isna(v) and v != "")
        for row in frame.loc[rows].itertuples(index=False)
    ]
    return pd.Series(text, index=rows, dtype=object).reindex(frame.index)


def _canonical_headers(
    frame: pd.DataFrame, spec: _TableSpec, headers: dict[str, str], source: str
) -> pd.DataFrame:
    """Rename headers an office writes (利用者ID, 日付, 内容 …) to the canonical columns.

    A header is renamed only when no column has the canonical name yet; two headers
    that would become the same column are an error naming both.
    """
    wanted: dict[str, list[str]] = {}
    for header in frame.columns:
        target = headers.get(alias_key(str(header)))
        if header not in spec.columns and target in spec.columns and target not in frame.columns:
            wanted.setdefault(target, []).append(str(header))
    clashes = {target: found for target, found in wanted.items() if len(found) > 1}
    if clashes:
        detail = "; ".join(f"{' and '.join(f)} would both be {t!r}" for t, f in clashes.items())
        raise InputFileError(f"{source}: ambiguous column headers: {detail}; rename one of them")
    if not wanted:
        return frame
    return frame.rename(columns={found[0]: target for target, found in wanted.items()})


def _validate(
    source: Source,
    spec: _TableSpec,
    errors: Errors,
    max_note_chars: int,
    aliases: AliasSource | None = None,
) -> pd.DataFrame | tuple[pd.DataFrame, pd.DataFrame]:
    if errors not in ("raise", "quarantine"):
        raise ValueError(f"errors must be 'raise' or 'quarantine', got {errors!r}")
    office_aliases = load_aliases(aliases) if aliases is not None else None
    raw = read_raw_table(source)
    headers = office_aliases["columns"] if office_aliases is not None else COLUMN_ALIASES
    frame = _canonical_headers(raw.frame, spec, headers, raw.source)
    missing = [c for c in spec.required if c not in frame.columns]
    if missing:
        raise MissingColumnsError(raw.source, missing, list(raw.frame.columns))
    problems = _Problems(raw)
    clean = pd.DataFrame(index=frame.index)
    clean["graduate_id"] = _check_ids(frame, problems)
    for column in spec.columns:
        if column == "graduate_id":
            continue
        if column not in frame.columns:
            clean[column] = np.nan if column in spec.hours else None
        elif column in spec.dates:
            clean[column] = _check_dates(frame, column, column in spec.required, problems)
        elif column in spec.enums:
            enum = spec.enums[column]
            if office_aliases is not None:
                enum = replace(enum, aliases=office_aliases[column])
            clean[column] = _check_enum(frame, column, enum, problems)
        elif column in spec.hours:
            clean[column] = _check_hours(frame, column, problems)
        elif column in spec.texts:
            clean[column] = _check_text(frame, column, max_note_chars, problems)
        else:
            labels = _text(frame[column])
            clean[column] = labels.where(labels != "", None)
    _check_duplicates(clean, spec, raw, problems, ~problems.bad_mask(len(frame)))
    bad = problems.bad_mask(len(frame))
    report = problems.report()
    if errors == "raise" and bad.any():
        raise InputValidationError(raw.source, report, total_rows=len(frame))
    good = clean.loc[~bad]
    if raw.source == "<DataFrame>":  # keep the caller's index labels
        good.index = pd.Index(raw.lines.to_numpy()[~bad])
    else:
        good = good.reset_index(drop=True)
    good = _typed(good, spec)
    return (good, report) if errors == "quarantine" else good


def _typed(frame: pd.DataFrame, spec: _TableSpec) -> pd.DataFrame:
    out = frame.copy()
    out["graduate_id"] = out["graduate_id"].astype(str)
    for column in spec.dates:
        out[column] = pd.to_datetime(out[column]).astype("datetime64[ns]")
    for column in spec.enums:
        out[column] = out[column].astype(object)
    for column in spec.texts:
        out[column] = out[column].astype(str)
    for column in spec.labels:
        out[column] = out[column].astype(object)
    return out


@overload
def load_checkins(
    source: Source,
    *,
    errors: Literal["raise"] = ...,
    max_note_chars: int = ...,
    aliases: AliasSource | None = ...,
) -> pd.DataFrame: ...
@overload
def load_checkins(
    source: Source,
    *,
    errors: Literal["quarantine"],
    max_note_chars: int = ...,
    aliases: AliasSource | None = ...,
) -> tuple[pd.DataFrame, pd.DataFrame]: ...
def load_checkins(
    source: Source,
    *,
    errors: Errors = "raise",
    max_note_chars: int = DEFAULT_MAX_NOTE_CHARS,
    aliases: AliasSource | None = None,
) -> pd.DataFrame | tuple[pd.DataFrame, pd.DataFrame]:
    """Load check-in notes: ``graduate_id, date, channel, note[, staff_id]``.

    Parameters
    ----------
    source : DataFrame or path
        A table, or a .csv / .tsv / .xlsx / .parquet file.
    errors : {"raise", "quarantine"}
        ``"raise"``: raise :class:`~sign_detect.errors.InputValidationError` listing every
        bad row. ``"quarantine"``: return ``(valid_rows, report)``.
    max_note_chars : int
        Notes longer than this are reported as bad rows.
    aliases : path or mapping, optional
        An office's own words for channels and statuses, added to ``data/aliases.toml``:
        ``{"channel": {"phone": ["携帯"]}}`` or a TOML file of that shape.

    Returns
    -------
    DataFrame, or (DataFrame, DataFrame) with ``errors="quarantine"``
        Columns ``graduate_id`` (str), ``date`` (datetime64), ``channel`` (one of
        :data:`~sign_detect.records.CHANNELS`), ``note`` (str, text kept as written),
        ``staff_id``. Several check-ins for one graduate on one day are kept.

    Raises
    ------
    MissingColumnsError
        A required column is absent.
    InputValidationError
        Some rows are invalid and ``errors="raise"``.
    """
    return _validate(source, _CHECKINS, errors, max_note_chars, aliases)


@overload
def load_attendance(
    source: Source, *, errors: Literal["raise"] = ..., aliases: AliasSource | None = ...
) -> pd.DataFrame: ...
@overload
def load_attendance(
    source: Source, *, errors: Literal["quarantine"], aliases: AliasSource | None = ...
) -> tuple[pd.DataFrame, pd.DataFrame]: ...
def load_attendance(
    source: Source,
    *,
    errors: Errors = "raise",
    aliases: AliasSource | None = None,
) -> pd.DataFrame | tuple[pd.DataFrame, pd.DataFrame]:
    """Load attendance days: ``graduate_id, date, status[, scheduled_hours, worked_hours]``.

    ``status`` is one of :data:`~sign_detect.records.ATTENDANCE_STATUSES` (or 出勤 / 欠勤 /
    遅刻 / 早退 / 有給・有休). A day given twice with different values is an error for every
    row involved; an exact duplicate row is an error for the repeats. See
    :func:`load_checkins` for ``errors`` and the exceptions raised.
    """
    return _validate(source, _ATTENDANCE, errors, DEFAULT_MAX_NOTE_CHARS, aliases)


@overload
def load_graduates(
    source: Source, *, errors: Literal["raise"] = ..., aliases: AliasSource | None = ...
) -> pd.DataFrame: ...
@overload
def load_graduates(
    source: Source, *, errors: Literal["quarantine"], aliases: AliasSource | None = ...
) -> tuple[pd.DataFrame, pd.DataFrame]: ...
def load_graduates(
    source: Source,
    *,
    errors: Errors = "raise",
    aliases: AliasSource | None = None,
) -> pd.DataFrame | tuple[pd.DataFrame, pd.DataFrame]:
    """Load the optional graduate table: ``graduate_id[, hired_on, disability_type, employer]``.

    ``disability_type`` is one of mental / developmental / intellectual / physical / other
    (or 精神 / 発達 / 知的 / 身体). See :func:`load_checkins` for ``errors``.
    """
    return _validate(source, _GRADUATES, errors, DEFAULT_MAX_NOTE_CHARS, aliases)


@overload
def load_outcomes(
    source: Source, *, errors: Literal["raise"] = ..., aliases: AliasSource | None = ...
) -> pd.DataFrame: ...
@overload
def load_outcomes(
    source: Source, *, errors: Literal["quarantine"], aliases: AliasSource | None = ...
) -> tuple[pd.DataFrame, pd.DataFrame]: ...
def load_outcomes(
    source: Source,
    *,
    errors: Errors = "raise",
    aliases: AliasSource | None = None,
) -> pd.DataFrame | tuple[pd.DataFrame, pd.DataFrame]:
    """Load outcomes: ``graduate_id, date, event`` (resigned / leave_of_absence, 退職 / 休職).

    See :func:`load_checkins` for ``errors``.
    """
    return _validate(source, _OUTCOMES, errors, DEFAULT_MAX_NOTE_CHARS, aliases)


@dataclass(frozen=True)
class Inputs:
    """The validated tables one scoring run reads (optional ones may be ``None``)."""

    checkins: pd.DataFrame
    attendance: pd.DataFrame
    graduates: pd.DataFrame | None = None
    outcomes: pd.DataFrame | None = None


def load_inputs(
    checkins: Source,
    attendance: Source,
    graduates: Source | None = None,
    outcomes: Source | None = None,
    *,
    aliases: AliasSource | None = None,
) -> Inputs:
    """Load and validate the tables of a run; bad rows raise (see :func:`load_checkins`).

    ``aliases`` (an office's own words for channels and statuses) applies to every table.
    """
    return Inputs(
        checkins=load_checkins(checkins, aliases=aliases),
        attendance=load_attendance(attendance, aliases=aliases),
        graduates=load_graduates(graduates, aliases=aliases) if graduates is not None else None,
        outcomes=load_outcomes(outcomes, aliases=aliases) if outcomes is not None else None,
    )

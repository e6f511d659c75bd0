"""Load and validate check-ins, attendance, graduates and outcomes.

Each loader accepts a DataFrame or a path (.csv, .tsv, .xlsx, .parquet) and returns a
clean, typed DataFrame with the canonical columns of :mod:`sign_detect.io.records`. The
columns, their cell kinds and unique keys come from the record classes there
(:func:`~sign_detect.io.records.table_spec`); the checks are vectorised (one pass per
column, each distinct value parsed once by its cell kind), so tables of millions of
rows load quickly.

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

import datetime as dt
import os
import re
import warnings
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Literal, cast, overload

import numpy as np
import pandas as pd

from ..errors import (
    QUARANTINE_COLUMNS,
    InputFileError,
    InputValidationError,
    InputWarning,
    MissingColumnsError,
    ParameterError,
    empty_report,
    safe_value,
    text_length,
)
from .cells import Distinct, distinct
from .dates import parse_date
from .reading import RawTable, Source, read_raw_tables
from .records import (
    COLUMN_ALIASES,
    AttendanceDay,
    Cell,
    CheckIn,
    Choice,
    ColumnSpec,
    Day,
    Graduate,
    Outcome,
    TableSpec,
    Text,
    alias_key,
    canonical_value,
    load_aliases,
    table_spec,
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


_CHECKINS = table_spec(CheckIn)
_ATTENDANCE = table_spec(AttendanceDay)
_GRADUATES = table_spec(Graduate)
_OUTCOMES = table_spec(Outcome)


#: Dates later than today + this many days are reported (typing errors, not plans).
FUTURE_MARGIN_DAYS = 1


class _Problems:
    """Collects (row position, column, value, reason) and renders the quarantine report.

    Values are stored as reports show them (:func:`~sign_detect.errors.safe_value`).
    """

    def __init__(self, table: _Table):
        self.table = table
        self.items: list[tuple[np.ndarray, str, list[object], str | list[str]]] = []

    def add(
        self,
        mask: pd.Series | np.ndarray,
        column: str,
        values: pd.Series,
        reason: str | pd.Series | list[str],
        limit: int | None = None,
        trusted: bool = False,
    ) -> None:
        """Record ``reason`` for the rows of ``mask``; ``values`` as reports may show them.

        ``mask`` is a boolean mask or an array of row positions; ``reason`` is one text,
        a Series with one per row of the table, or a list with one per position.

        ``trusted`` values were built by the loader without note text and are shown as
        they are; others pass through :func:`~sign_detect.errors.safe_value` (or are
        shown by length only when longer than ``limit``).
        """
        rows = np.asarray(mask)
        positions = np.flatnonzero(rows) if rows.dtype == bool else rows
        if not len(positions):
            return
        picked = values.iloc[positions]
        shown = list(picked) if trusted else [_shown(v, limit) for v in picked]
        if isinstance(reason, pd.Series):  # one reason per row of the table
            reason = list(reason.iloc[positions])
        reasons = reason
        self.items.append((positions, column, shown, reasons))

    def bad_mask(self, n: int) -> np.ndarray:
        mask = np.zeros(n, dtype=bool)
        for positions, *_ in self.items:
            mask[positions] = True
        return mask

    def report(self) -> pd.DataFrame:
        report = self._rows()
        if len(self.table.problems):
            report = pd.concat([report, self.table.problems], ignore_index=True).astype(object)
        if len(report) and self.table.source != "<DataFrame>":  # sheet by sheet, line by line
            order = {label: i for i, label in enumerate(dict.fromkeys(self.table.labels))}
            key = report["source"].map(order).fillna(len(order)).astype(int)
            report = report.assign(_order=key, _line=report["line"].astype("int64"))
            report = report.sort_values(["_order", "_line"], kind="stable")
            report = report.drop(columns=["_order", "_line"])
        return report.reset_index(drop=True)

    def _rows(self) -> pd.DataFrame:
        """One report row per bad input row: its columns, values and reasons joined."""
        if not self.items:
            return empty_report()
        parts = [
            pd.DataFrame({"position": p, "column": c, "value": v, "reason": r})
            for p, c, v, r in self.items
        ]
        long = pd.concat(parts, ignore_index=True).sort_values("position", kind="stable")
        wide = long.groupby("position", sort=True).agg(
            column=("column", ", ".join),
            value=("value", _join_values),
            reason=("reason", "; ".join),
        )
        positions = wide.index.to_numpy()
        wide.insert(0, "line", self.table.lines.iloc[positions].to_numpy())
        wide.insert(0, "source", self.table.labels[positions])
        return wide.reset_index(drop=True)[QUARANTINE_COLUMNS].astype(object)


def _shown(value: object, limit: int | None) -> object:
    if limit is not None and isinstance(value, str) and len(value) > limit:
        return text_length(value)
    return safe_value(value)


def _join_values(values: pd.Series) -> object:
    return values.iloc[0] if len(values) == 1 else " | ".join(map(str, values))


#: A checked column: its clean values and, per row, a code equal for equal clean values.
_Checked = tuple[pd.Series, Callable[[], np.ndarray]]


def _codes(given: Distinct, per_value: list[object]) -> Callable[[], np.ndarray]:
    """Per-row codes of the clean values (one clean value per distinct raw value).

    Computed only when asked: the duplicate check needs them for some columns only.
    """

    def codes() -> np.ndarray:
        per_code, _ = pd.factorize(pd.Series(per_value, dtype=object), use_na_sentinel=False)
        return given.take(per_code, np.int64)

    return codes


def _checked(
    raw: pd.DataFrame, given: Distinct, per_value: list[object], dtype: object
) -> _Checked:
    array = given.take(per_value, dtype)
    values = pd.Series(array, index=raw.index, dtype=array.dtype, copy=False)
    return values, _codes(given, per_value)


def _parse_column(
    raw: pd.DataFrame, column: ColumnSpec, cell: Cell, problems: _Problems
) -> tuple[Distinct, list[object]]:
    """Each distinct cell parsed once by ``cell``; invalid rows reported with the reason.

    Blank cells are shown as they are; other invalid values up to ``cell.shown_chars``.
    """
    given = distinct(raw[column.name], strip=cell.strip)
    parsed = [cell.parse(t, column.name, column.required) for t in given.text]
    reasons = np.array([r for _, r in parsed], dtype=object)
    blank = [t == "" for t in given.text]
    for is_blank, limit in ((True, None), (False, cell.shown_chars)):
        flags = [bool(r) and b == is_blank for r, b in zip(reasons, blank, strict=True)]
        bad = given.positions(flags)
        reason = list(reasons[given.codes[bad]])
        problems.add(bad, column.name, raw[column.name], reason, limit=limit)
    return given, [v for v, _ in parsed]


def _stored(raw: pd.DataFrame, given: Distinct, values: list[object], dtype: str) -> _Checked:
    """The column of a loaded table from one clean value per distinct cell."""
    if dtype == "str":
        text = pd.Series(values, dtype="str").array.take(given.codes)  # no pass per row
        return pd.Series(text, index=raw.index), _codes(given, values)
    if dtype == "datetime64[ns]":
        nat = np.datetime64("NaT", "ns")
        values = [nat if v is None else np.datetime64(cast(dt.date, v), "ns") for v in values]
    elif dtype == "float64":
        values = [np.nan if v is None else v for v in values]
    return _checked(raw, given, values, dtype)


def _check_future(
    raw: pd.DataFrame,
    column: str,
    given: Distinct,
    days: list[object],
    today: dt.date,
    problems: _Problems,
) -> None:
    limit = today + dt.timedelta(days=FUTURE_MARGIN_DAYS)
    future = given.positions([isinstance(d, dt.date) and d > limit for d in days])
    reason = f"date in the future (after {today.isoformat()}, today): a typing error?"
    problems.add(future, column, raw[column], reason)


def _check_length(
    raw: pd.DataFrame, column: str, given: Distinct, max_chars: int, problems: _Problems
) -> None:
    lengths = [len(t) for t in given.text]
    # Notes are health information: the report names their length, never their words.
    too_long = given.positions([n > max_chars for n in lengths])
    reasons = [
        f"text too long ({lengths[given.codes[p]]} characters; limit {max_chars})" for p in too_long
    ]
    problems.add(too_long, column, raw[column], reasons, limit=0)


#: A line inside a text cell that looks like a row of the file: an ID, a separator and a
#: date (G1,2025-04-02,… / G1\t令和7年…): an unclosed quote swallowed the rows after it.
_ROW_LIKE = re.compile(r"\n[^\n,\t]{1,40}[,\t]\s*(?:\d{4}[-/年.]\d|[RrHh]\d+\.|令和|平成)")


def _check_swallowed(raw: pd.DataFrame, column: str, given: Distinct, problems: _Problems) -> None:
    rows = [len(_ROW_LIKE.findall(t)) if "\n" in t else 0 for t in given.text]
    swallowed = given.positions([n > 0 for n in rows])
    reasons = [
        f"text holds {rows[given.codes[p]]} line(s) that look like rows of this file: "
        "an unclosed quote? (those rows are not loaded)"
        for p in swallowed
    ]
    problems.add(swallowed, column, raw[column], reasons, limit=0)


def _row_keys(codes: list[np.ndarray]) -> np.ndarray:
    """One integer per row, equal for rows whose codes are all equal."""
    key = np.zeros(len(codes[0]) if codes else 0, dtype=np.int64)
    span = 1
    for column_codes in codes:
        size = int(column_codes.max(initial=0)) + 1
        if span * size >= 2**62:  # compress before the key overflows
            key, uniques = pd.factorize(key)
            span = len(uniques)
        key = key * size + column_codes
        span *= size
    return key


def _all_distinct(key: np.ndarray) -> bool:
    """Whether no value repeats (without sorting when the rows come in key order)."""
    if (key[1:] > key[:-1]).all():
        return True
    ordered = np.sort(key)
    return not (ordered[1:] == ordered[:-1]).any()


def _check_duplicates(
    clean: pd.DataFrame,
    lazy_codes: dict[str, Callable[[], np.ndarray]],
    spec: TableSpec,
    table: _Table,
    problems: _Problems,
) -> None:
    """Flag exact repeats of a row, and rows that clash on the table's unique key.

    Rows are first grouped on the unique key (or the whole row): only rows sharing it
    are compared further, so a table without repeats costs one hashing pass.
    """
    usable = np.flatnonzero(~problems.bad_mask(len(clean)))
    every = len(usable) == len(clean)

    def codes(column: str) -> np.ndarray:
        return lazy_codes[column]() if every else lazy_codes[column]()[usable]

    group = list(spec.unique_key) or list(lazy_codes)
    group_key = _row_keys([codes(c) for c in group if c in lazy_codes])
    if _all_distinct(group_key):  # the usual case
        return
    shared = pd.Series(group_key).duplicated(keep=False).to_numpy()
    rows = usable[shared]
    full_key = _row_keys([codes(c)[shared] for c in lazy_codes])
    exact = pd.Series(full_key).duplicated().to_numpy()
    if exact.any():
        _report_repeats(clean, rows, full_key, exact, (spec, table, problems))
    if spec.unique_key:
        left = rows[~exact]
        clash = pd.Series(group_key[shared][~exact]).duplicated(keep=False).to_numpy()
        if clash.any():
            index = clean.index[left[clash]]
            problems.add(
                _mask(clean, index),
                ",".join(spec.unique_key),
                _describe(clean[list(spec.unique_key)], index),
                spec.conflict_reason,
                trusted=True,
            )


def _report_repeats(
    clean: pd.DataFrame,
    rows: np.ndarray,
    full_key: np.ndarray,
    exact: np.ndarray,
    context: tuple[TableSpec, _Table, _Problems],
) -> None:
    """Report each exact repeat with the line of the row it repeats."""
    spec, table, problems = context
    first = pd.Series(rows).groupby(full_key).transform("first").to_numpy()
    repeats = clean.index[rows[exact]]
    where = "row" if table.source == "<DataFrame>" else "line"
    reasons = [_duplicate_of(table, where, int(p)) for p in first[exact]]
    problems.add(
        _mask(clean, repeats),
        "(whole row)",
        _describe(clean.drop(columns=[c.name for c in spec.of_kind(Text)]), repeats),  # no notes
        pd.Series(reasons, index=repeats).reindex(clean.index),
        trusted=True,
    )


def _duplicate_of(table: _Table, where: str, position: int) -> str:
    label = table.labels[position]
    sheet = f" of {label}" if label != table.source else ""
    return f"exact duplicate of {where} {table.lines.iloc[position]}{sheet}"


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
    frame: pd.DataFrame, spec: TableSpec, headers: dict[str, str], source: str
) -> pd.DataFrame:
    """Rename headers an office writes (利用者ID, 日付, 内容 …) to the canonical columns.

    A header is renamed only when no column has the canonical name yet; two headers
    that would become the same column are an error naming both.
    """
    wanted: dict[str, list[str]] = {}
    for header in frame.columns:
        target = headers.get(alias_key(str(header)))
        if header not in spec.names and target in spec.names and target not in frame.columns:
            wanted.setdefault(target, []).append(str(header))
    clashes = {target: found for target, found in wanted.items() if len(found) > 1}
    if clashes:
        detail = "; ".join(f"{' and '.join(f)} would both be {t!r}" for t, f in clashes.items())
        raise InputFileError(
            f"{source}: ambiguous column headers: {detail}; rename one of them", source=source
        )
    if not wanted:
        return frame
    return frame.rename(columns={found[0]: target for target, found in wanted.items()})


def _looks_like_data(found: list[str], spec: TableSpec) -> bool:
    """Whether a header row holds values (a date, a status ...) rather than names."""
    for cell in found:
        if parse_date(cell) is not None or cell.replace(".", "", 1).isdigit():
            return True
        if safe_value(cell) != cell:  # reads like a note
            return True
        choices = [c.cell for c in spec.of_kind(Choice) if isinstance(c.cell, Choice)]
        if any(canonical_value(cell, c.accepted, c.words) for c in choices):
            return True
    return False


@dataclass(frozen=True)
class _Table:
    """The raw rows of one input (all sheets of a workbook together)."""

    frame: pd.DataFrame
    lines: pd.Series
    labels: np.ndarray
    source: str
    problems: pd.DataFrame

    @property
    def total_rows(self) -> int:
        return len(self.frame) + len(self.problems)


def _canonical_table(raw: RawTable, spec: TableSpec, headers: dict[str, str]) -> pd.DataFrame:
    frame = _canonical_headers(raw.frame, spec, headers, raw.label)
    missing = [c for c in spec.required if c not in frame.columns]
    if missing:
        found = [str(c) for c in raw.frame.columns]
        headerless = _looks_like_data(found, spec)
        raise MissingColumnsError(raw.label, missing, found, headerless=headerless)
    return frame[[c for c in spec.names if c in frame.columns]]


def _combine(raws: list[RawTable], spec: TableSpec, headers: dict[str, str]) -> _Table:
    """Canonical columns of every sheet, checked to be the same, stacked."""
    if len(raws) == 1:
        frames = [_canonical_table(raws[0], spec, headers)]
    else:
        frames = _same_sheets(raws, spec, headers)
    names = np.array([r.label for r in raws], dtype=object)
    problems = [r.problems for r in raws if len(r.problems)]
    return _Table(
        frame=pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0],
        lines=pd.concat([r.lines for r in raws], ignore_index=True),
        labels=np.repeat(names, [len(f) for f in frames]),
        source=raws[0].source,
        problems=pd.concat(problems, ignore_index=True) if problems else empty_report(),
    )


def _same_sheets(
    raws: list[RawTable], spec: TableSpec, headers: dict[str, str]
) -> list[pd.DataFrame]:
    """The sheets' canonical tables; an error naming each sheet's columns if they differ."""
    frames: list[pd.DataFrame | None] = []
    found: list[str] = []
    for raw in raws:
        try:
            frame = _canonical_table(raw, spec, headers)
        except MissingColumnsError as err:
            frames.append(None)
            found.append(f"{raw.label}: missing {', '.join(err.missing)}")
            continue
        frames.append(frame)
        found.append(f"{raw.label}: {', '.join(frame.columns)}")
    kinds = {tuple(f.columns) if f is not None else None for f in frames}
    if len(kinds) > 1 or None in kinds:
        raise InputFileError(
            f"{raws[0].source}: the sheets do not have the same columns ({'; '.join(found)}); "
            "pass sheet= to read one of them, or give them the same header",
            source=raws[0].source,
        )
    return [f for f in frames if f is not None]


@dataclass(frozen=True)
class _Loaded:
    good: pd.DataFrame
    report: pd.DataFrame
    lines: np.ndarray
    labels: np.ndarray
    source: str


def _validate(
    source: Source,
    spec: TableSpec,
    errors: Errors,
    options: _Options,
) -> _Loaded:
    if errors not in ("raise", "quarantine"):
        raise ParameterError(f"errors must be 'raise' or 'quarantine', got {errors!r}")
    office_aliases = load_aliases(options.aliases) if options.aliases is not None else None
    headers = office_aliases["columns"] if office_aliases is not None else COLUMN_ALIASES
    table = _combine(read_raw_tables(source, options.sheet), spec, headers)
    frame = table.frame
    problems = _Problems(table)
    checked: dict[str, _Checked] = {}
    for column in spec.columns:
        if column.name in frame.columns:
            checked[column.name] = _check_column(frame, column, office_aliases, options, problems)
    clean = pd.DataFrame({c: v for c, (v, _) in checked.items()}, index=frame.index)
    for column in spec.columns:
        if column.name not in clean:
            clean[column.name] = np.nan if column.cell.dtype == "float64" else None
    clean = clean[list(spec.names)]
    _check_duplicates(clean, {c: k for c, (_, k) in checked.items()}, spec, table, problems)
    bad = problems.bad_mask(len(frame))
    report = problems.report()
    if errors == "raise" and len(report):
        raise InputValidationError(table.source, report, total_rows=table.total_rows)
    good = clean.loc[~bad] if bad.any() else clean
    lines = table.lines.to_numpy()[~bad]
    if table.source == "<DataFrame>":  # keep the caller's index labels
        good.index = pd.Index(lines)
    else:
        good = good.reset_index(drop=True)
    return _Loaded(_typed(good, spec), report, lines, table.labels[~bad], table.source)


def _check_column(
    frame: pd.DataFrame,
    column: ColumnSpec,
    office_aliases: dict[str, dict[str, str]] | None,
    options: _Options,
    problems: _Problems,
) -> _Checked:
    """A column checked by its cell kind, then by the loader's options."""
    cell = column.cell
    if isinstance(cell, Choice) and office_aliases is not None:
        cell = replace(cell, aliases=office_aliases[cell.aliases_field])
    given, values = _parse_column(frame, column, cell, problems)
    if isinstance(cell, Day) and cell.event and options.today is not None:
        _check_future(frame, column.name, given, values, options.today, problems)
    if isinstance(cell, Text):
        _check_length(frame, column.name, given, options.max_note_chars, problems)
        _check_swallowed(frame, column.name, given, problems)
    return _stored(frame, given, values, cell.dtype)


@dataclass(frozen=True)
class _Options:
    max_note_chars: int = DEFAULT_MAX_NOTE_CHARS
    aliases: AliasSource | None = None
    sheet: str | int | None = None
    today: dt.date | None = None


def _options(
    max_note_chars: int = DEFAULT_MAX_NOTE_CHARS,
    aliases: AliasSource | None = None,
    sheet: str | int | None = None,
    today: dt.date | str | None = None,
) -> _Options:
    return _Options(max_note_chars, aliases, sheet, _today(today))


def _today(today: dt.date | str | None) -> dt.date:
    if today is None:
        return dt.date.today()
    parsed = parse_date(today)
    if parsed is None:
        raise ParameterError(f"today must be a date, got {safe_value(today)!r}")
    return parsed


def _load(
    source: Source, spec: TableSpec, errors: Errors, options: _Options
) -> pd.DataFrame | tuple[pd.DataFrame, pd.DataFrame]:
    loaded = _validate(source, spec, errors, options)
    return (loaded.good, loaded.report) if errors == "quarantine" else loaded.good


def _typed(frame: pd.DataFrame, spec: TableSpec) -> pd.DataFrame:
    """``frame`` with each column in the dtype its cell kind declares."""
    out = frame.copy()
    for column in spec.columns:
        values, dtype = out[column.name], column.cell.dtype
        if dtype == "str" and (values.dtype == object or not pd.api.types.is_string_dtype(values)):
            out[column.name] = values.astype(str)
        elif dtype == "datetime64[ns]":
            out[column.name] = pd.to_datetime(values).astype("datetime64[ns]")
        elif dtype == "object":
            out[column.name] = values.astype(object)
    return out


_Today = dt.date | str | None


@overload
def load_checkins(
    source: Source,
    *,
    errors: Literal["raise"] = ...,
    max_note_chars: int = ...,
    aliases: AliasSource | None = ...,
    sheet: str | int | None = ...,
    today: _Today = ...,
) -> pd.DataFrame: ...
@overload
def load_checkins(
    source: Source,
    *,
    errors: Literal["quarantine"],
    max_note_chars: int = ...,
    aliases: AliasSource | None = ...,
    sheet: str | int | None = ...,
    today: _Today = ...,
) -> tuple[pd.DataFrame, pd.DataFrame]: ...
def load_checkins(
    source: Source,
    *,
    errors: Errors = "raise",
    max_note_chars: int = DEFAULT_MAX_NOTE_CHARS,
    aliases: AliasSource | None = None,
    sheet: str | int | None = None,
    today: _Today = None,
) -> pd.DataFrame | tuple[pd.DataFrame, pd.DataFrame]:
    """Load check-in notes: ``graduate_id, date, channel, note[, staff_id]``.

    Parameters
    ----------
    source : DataFrame or path
        A table, or a .csv / .tsv / .txt / .xlsx / .parquet file. CSV and TSV may be
        UTF-8 (with or without BOM), CP932 or UTF-16 with a BOM (Excel's 「Unicode
        テキスト」, tab-separated, whatever the file's extension).
    errors : {"raise", "quarantine"}
        ``"raise"``: raise :class:`~sign_detect.errors.InputValidationError` listing every
        bad row. ``"quarantine"``: return ``(valid_rows, report)``.
    max_note_chars : int
        Notes longer than this are reported as bad rows.
    aliases : path or mapping, optional
        An office's own words for channels and statuses, added to ``data/aliases.toml``:
        ``{"channel": {"phone": ["携帯"]}}`` or a TOML file of that shape.
    sheet : str or int, optional
        For a workbook: the one sheet to read (name, or 0-based number). By default every
        sheet holding data is read; they must have the same columns, and reports name the
        sheet of each row.
    today : date or str, optional
        The day against which dates in the future are reported (default: the real
        today). A ``date`` later than ``today`` + 1 day is an invalid row.

    Returns
    -------
    DataFrame, or (DataFrame, DataFrame) with ``errors="quarantine"``
        Columns ``graduate_id`` (str), ``date`` (datetime64), ``channel`` (one of
        :data:`~sign_detect.io.records.CHANNELS`), ``note`` (str, text kept as written),
        ``staff_id``. Several check-ins for one graduate on one day are kept.

    Raises
    ------
    FileNotFoundError
        The file does not exist.
    InputFileError
        The file is empty, damaged, in an unknown encoding or of an unsupported type, or
        a workbook's sheets have different columns.
    MissingColumnsError
        A required column is absent.
    InputValidationError
        Some rows are invalid and ``errors="raise"``.

    Notes
    -----
    Every record of a file is either a returned row or a report row; records whose cells
    are all blank (empty lines, empty rows below an Excel table) are not data. A record
    with more or fewer fields than the header, or with a quote that is never closed, is
    reported as a whole, never cut or padded. Reports and messages never show a note:
    its length is shown instead (``<text of 52 characters>``), and so is any value that
    may be a note slid into another column.
    """
    options = _options(max_note_chars, aliases, sheet, today)
    return _load(source, _CHECKINS, errors, options)


@overload
def load_attendance(
    source: Source,
    *,
    errors: Literal["raise"] = ...,
    aliases: AliasSource | None = ...,
    sheet: str | int | None = ...,
    today: _Today = ...,
) -> pd.DataFrame: ...
@overload
def load_attendance(
    source: Source,
    *,
    errors: Literal["quarantine"],
    aliases: AliasSource | None = ...,
    sheet: str | int | None = ...,
    today: _Today = ...,
) -> tuple[pd.DataFrame, pd.DataFrame]: ...
def load_attendance(
    source: Source,
    *,
    errors: Errors = "raise",
    aliases: AliasSource | None = None,
    sheet: str | int | None = None,
    today: _Today = None,
) -> pd.DataFrame | tuple[pd.DataFrame, pd.DataFrame]:
    """Load attendance days: ``graduate_id, date, status[, scheduled_hours, worked_hours]``.

    ``status`` is one of :data:`~sign_detect.io.records.ATTENDANCE_STATUSES` (or 出勤 / 欠勤 /
    遅刻 / 早退 / 有給・有休). A day given twice with different values is an error for every
    row involved; an exact duplicate row is an error for the repeats. See
    :func:`load_checkins` for the parameters and the exceptions raised.
    """
    options = _options(DEFAULT_MAX_NOTE_CHARS, aliases, sheet, today)
    return _load(source, _ATTENDANCE, errors, options)


@overload
def load_graduates(
    source: Source,
    *,
    errors: Literal["raise"] = ...,
    aliases: AliasSource | None = ...,
    sheet: str | int | None = ...,
) -> pd.DataFrame: ...
@overload
def load_graduates(
    source: Source,
    *,
    errors: Literal["quarantine"],
    aliases: AliasSource | None = ...,
    sheet: str | int | None = ...,
) -> tuple[pd.DataFrame, pd.DataFrame]: ...
def load_graduates(
    source: Source,
    *,
    errors: Errors = "raise",
    aliases: AliasSource | None = None,
    sheet: str | int | None = None,
) -> pd.DataFrame | tuple[pd.DataFrame, pd.DataFrame]:
    """Load the optional graduate table: ``graduate_id[, hired_on, disability_type, employer]``.

    ``disability_type`` is one of mental / developmental / intellectual / physical / other
    (or 精神 / 発達 / 知的 / 身体). ``hired_on`` may lie in the future (a person about to
    start). See :func:`load_checkins` for the parameters.
    """
    return _load(source, _GRADUATES, errors, _options(DEFAULT_MAX_NOTE_CHARS, aliases, sheet))


@overload
def load_outcomes(
    source: Source,
    *,
    errors: Literal["raise"] = ...,
    aliases: AliasSource | None = ...,
    sheet: str | int | None = ...,
    today: _Today = ...,
) -> pd.DataFrame: ...
@overload
def load_outcomes(
    source: Source,
    *,
    errors: Literal["quarantine"],
    aliases: AliasSource | None = ...,
    sheet: str | int | None = ...,
    today: _Today = ...,
) -> tuple[pd.DataFrame, pd.DataFrame]: ...
def load_outcomes(
    source: Source,
    *,
    errors: Errors = "raise",
    aliases: AliasSource | None = None,
    sheet: str | int | None = None,
    today: _Today = None,
) -> pd.DataFrame | tuple[pd.DataFrame, pd.DataFrame]:
    """Load outcomes: ``graduate_id, date, event`` (resigned / leave_of_absence, 退職 / 休職).

    See :func:`load_checkins` for the parameters.
    """
    options = _options(DEFAULT_MAX_NOTE_CHARS, aliases, sheet, today)
    return _load(source, _OUTCOMES, errors, options)


@dataclass(frozen=True)
class Inputs:
    """The validated tables one scoring run reads (optional ones may be ``None``).

    ``warnings`` lists rows that were kept but look doubtful (quarantine report columns):
    check-ins and attendance dated before the graduate's ``hired_on``.
    """

    checkins: pd.DataFrame
    attendance: pd.DataFrame
    graduates: pd.DataFrame | None = None
    outcomes: pd.DataFrame | None = None
    warnings: pd.DataFrame = field(default_factory=empty_report)


def load_inputs(
    checkins: Source,
    attendance: Source,
    graduates: Source | None = None,
    outcomes: Source | None = None,
    *,
    aliases: AliasSource | None = None,
    today: _Today = None,
) -> Inputs:
    """Load and validate the tables of a run; bad rows raise (see :func:`load_checkins`).

    ``aliases`` (an office's own words for channels and statuses) applies to every table.
    Check-ins and attendance dated before the graduate's ``hired_on`` are kept (support
    often starts before the first working day) but listed in :attr:`Inputs.warnings` and
    announced with an :class:`~sign_detect.errors.InputWarning` (counts and lines only).
    """
    options = _options(DEFAULT_MAX_NOTE_CHARS, aliases, None, today)
    notes = _validate(checkins, _CHECKINS, "raise", options)
    days = _validate(attendance, _ATTENDANCE, "raise", options)
    people = (
        _validate(graduates, _GRADUATES, "raise", options).good if graduates is not None else None
    )
    events = _validate(outcomes, _OUTCOMES, "raise", options).good if outcomes is not None else None
    parts = []
    if people is not None and "hired_on" in people:
        for name, loaded in (("check-ins", notes), ("attendance", days)):
            parts.append(_before_hire(loaded, people))
            _warn_before_hire(name, loaded.source, parts[-1])
    early = pd.concat(parts, ignore_index=True) if any(len(p) for p in parts) else empty_report()
    return Inputs(notes.good, days.good, people, events, early)


def _before_hire(loaded: _Loaded, graduates: pd.DataFrame) -> pd.DataFrame:
    """Rows of ``loaded`` dated before their graduate's ``hired_on``."""
    hired = graduates.set_index("graduate_id")["hired_on"]
    start = loaded.good["graduate_id"].map(hired)
    early = (loaded.good["date"] < start).to_numpy(dtype=bool)
    if not early.any():
        return empty_report()
    dates = loaded.good["date"].to_numpy()[early]
    return pd.DataFrame(
        {
            "source": loaded.labels[early],
            "line": loaded.lines[early],
            "column": "date",
            "value": [pd.Timestamp(d).date().isoformat() for d in dates],
            "reason": [
                f"dated before this graduate's hired_on ({h:%Y-%m-%d}); kept"
                for h in pd.to_datetime(start.to_numpy()[early])
            ],
        }
    ).astype(object)


def _warn_before_hire(table: str, source: str, early: pd.DataFrame) -> None:
    if not len(early):
        return
    where = "rows" if source == "<DataFrame>" else "lines"
    lines = ", ".join(str(n) for n in early["line"].head(5))
    more = f" and {len(early) - 5} more" if len(early) > 5 else ""
    warnings.warn(
        f"{source} ({table}): {len(early)} rows are dated before the graduate's hired_on "
        f"({where} {lines}{more}); they are kept, see Inputs.warnings",
        InputWarning,
        stacklevel=3,
    )

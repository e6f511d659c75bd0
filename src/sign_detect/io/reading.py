"""Read a raw table from a DataFrame or a file, remembering where each row came from.

Every cell is read as text (or kept as the object the caller gave), so validation in
:mod:`sign_detect.io.loaders` sees exactly what was written.

* CSV / TSV / TXT: UTF-8 (with or without BOM), CP932 / Shift_JIS, and UTF-16 with a BOM
  (Excel's 「Unicode テキスト」, tab-separated). The separator follows the file name
  (``.csv`` comma, ``.tsv`` / ``.txt`` tab) unless the header line holds only the other
  one. Records are split by :mod:`sign_detect.io.delimited`; a record with the wrong number
  of fields or an unclosed quote is reported, never cut or padded.
* .xlsx: every sheet that holds data is read (see :mod:`sign_detect.io.workbook`).
* .parquet (needs the ``parquet`` extra): byte strings are decoded like CSV bytes.

Rows whose cells are all blank are not data. Everything else is either a row of
:attr:`RawTable.frame` or an entry of :attr:`RawTable.problems`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import QUARANTINE_COLUMNS, InputFileError, ParameterError, empty_report, safe_value
from .cells import blank_rows
from .delimited import Split, exact_split, fast_split

__all__ = ["RawTable", "Source", "decode_text", "read_raw_tables"]

Source = pd.DataFrame | str | os.PathLike[str]

_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
_ENCODINGS = ("utf-8", "cp932")
_PARQUET_HINT = "pip install 'sign_detect[parquet]'"


@dataclass(frozen=True)
class RawTable:
    """A table as read, before validation.

    ``lines`` holds, for each row, the line number in the file (header = line 1; the
    row number Excel shows for .xlsx) or the index label for a DataFrame. ``problems``
    lists records that could not become rows (quarantine report columns). ``origin``
    names where the rows come from in reports (the sheet of a workbook; else ``source``).
    """

    frame: pd.DataFrame
    lines: pd.Series
    source: str
    problems: pd.DataFrame = field(default_factory=empty_report)
    origin: str = ""

    @property
    def label(self) -> str:
        """How reports name this table: the file, or the file and the sheet."""
        return self.origin or self.source


def _decode(data: bytes, source: str) -> tuple[str, str, int]:
    """Text, encoding and BOM length of ``data`` (UTF-8, CP932, or UTF-16 with a BOM)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_as(data, encoding, len(bom), source), encoding, len(bom)
    try:
        return data.decode("utf-8"), "utf-8", 0
    except UnicodeDecodeError:
        pass
    return _decode_as(data, "cp932", 0, source), "cp932", 0


def _decode_as(data: bytes, encoding: str, skip: int, source: str) -> str:
    try:
        return data[skip:].decode(encoding)
    except UnicodeDecodeError as err:
        line = data[: skip + err.start].count(b"\n") + 1
        raise InputFileError(
            f"{source}: line {line}: cannot decode the file as UTF-8 or CP932 (Shift_JIS), "
            "nor as UTF-16 with a BOM (lines in different encodings?); save it as "
            "'CSV UTF-8' from Excel",
            source=source,
            line=line,
        ) from err


def decode_text(data: bytes, source: str) -> str:
    """Decode bytes written as UTF-8 (with or without BOM), CP932 or UTF-16 with a BOM.

    >>> decode_text("眠れない".encode("cp932"), "<stdin>")
    '眠れない'
    >>> decode_text("眠れない".encode("utf-16"), "<stdin>")
    '眠れない'
    """
    return _decode(data, source)[0]


def _code_units(data: bytes, encoding: str) -> np.ndarray:
    """The raw code units; ASCII separators, quotes and breaks are found in them."""
    if encoding == "utf-16-le":
        return np.frombuffer(data[: len(data) // 2 * 2], dtype="<u2")
    if encoding == "utf-16-be":
        return np.frombuffer(data[: len(data) // 2 * 2], dtype=">u2")
    return np.frombuffer(data, dtype=np.uint8)  # UTF-8 and CP932 never reuse ASCII bytes


def _separator(body: bytes, encoding: str, default: str) -> str:
    """The file's separator: as its name says, unless the header holds only the other."""
    if encoding.startswith("utf-16"):
        header = body[:8192].decode(encoding, errors="ignore").split("\n", 1)[0]
        if "\t" in header:  # Excel's 「Unicode テキスト」
            return "\t"
    else:
        end = body.find(b"\n")
        header = body[: end if end >= 0 else len(body)].decode("latin-1")  # ASCII separators
    other = "\t" if default == "," else ","
    return other if default not in header and other in header else default


def _split(data: bytes, source: str, default_sep: str) -> Split:
    encoding, skip = next(((e, len(b)) for b, e in _BOMS if data.startswith(b)), ("", 0))
    body = data[skip:]
    sep = _separator(body, encoding or "utf-8", default_sep)
    units = _code_units(body, encoding)
    split = fast_split(body, units, sep, encoding or "utf-8")  # pandas checks the UTF-8
    if split is not None:
        return split
    text, encoding, _ = _decode(data, source)
    if encoding == "cp932":
        split = fast_split(body, units, sep, encoding)
    return split if split is not None else exact_split(text, sep)


def _read_delimited(path: Path, default_sep: str) -> RawTable:
    source = str(path)
    data = path.read_bytes()
    if not data or (len(data) < 4096 and not data.strip(b"\xef\xbb\xbf\xff\xfe \r\n\t\x00")):
        raise InputFileError(f"{source}: the file is empty (no header row, no data)", source=source)
    split = _split(data, source, default_sep)
    if split.header is None:
        raise InputFileError(
            f'{source}: line {split.header_line}: the header row has a quote (") that is '
            "never closed",
            source=source,
            line=split.header_line,
        )
    if not split.header:
        raise InputFileError(f"{source}: no header row (only blank lines)", source=source)
    problems = pd.DataFrame(
        [
            [
                source,
                r.line,
                "(whole row)",
                None if r.fields is None else f"<{r.fields} fields>",
                r.reason,
            ]
            for r in split.bad
        ],
        columns=QUARANTINE_COLUMNS,
    )
    return finish_table(split.header, split.frame, pd.Series(split.lines), source, problems)


def finish_table(
    header: list[str],
    frame: pd.DataFrame,
    lines: pd.Series,
    source: str,
    problems: pd.DataFrame,
    origin: str = "",
) -> RawTable:
    """Name the columns, drop blank rows, and report values in columns without a header."""
    names = [str(h).strip() if h is not None else "" for h in header]
    _check_duplicate_headers(names, origin or source)
    frame = frame.set_axis(pd.RangeIndex(len(names)), axis=1)
    named = [i for i, name in enumerate(names) if name]
    blank = blank_rows(frame)
    stray = ~blank & ~blank_rows(frame[[i for i in range(len(names)) if not names[i]]])
    extra = pd.DataFrame(
        {
            "source": origin or source,
            "line": lines.to_numpy()[stray],
            "column": "(whole row)",
            "value": None,
            "reason": "a value in a column that has no header",
        }
    )
    keep = ~blank & ~stray
    if not keep.all():
        frame, lines = frame.loc[keep], lines[keep]
    frame = frame[named].set_axis([names[i] for i in named], axis=1)
    problems = pd.concat([p for p in (problems, extra) if len(p)] or [empty_report()])
    return RawTable(
        frame.reset_index(drop=True),
        lines.reset_index(drop=True),
        source,
        problems.astype(object).reset_index(drop=True),
        origin,
    )


def _check_duplicate_headers(names: list[str], where: str) -> None:
    seen: dict[str, int] = {}
    for position, name in enumerate(names, start=1):
        if name and name in seen:
            raise InputFileError(
                f"{where}: the header {safe_value(name)!r} appears twice (columns {seen[name]} and "
                f"{position}); rename one of them",
                source=where,
            )
        seen[name] = position


def _read_parquet(path: Path) -> RawTable:
    try:
        import pyarrow  # noqa: F401
    except ImportError as err:
        raise InputFileError(
            f"{path}: reading .parquet files needs pyarrow: {_PARQUET_HINT}", source=str(path)
        ) from err
    try:
        frame = pd.read_parquet(path)
    except Exception as err:  # pyarrow raises its own types for damaged files
        raise InputFileError(
            f"{path}: not a readable Parquet file ({type(err).__name__})", source=str(path)
        ) from err
    lines = pd.Series(range(1, len(frame) + 1))
    frame, failed, problems = _decode_bytes_cells(frame, lines, str(path))
    return finish_table(
        list(frame.columns), frame.loc[~failed], lines[~failed], str(path), problems
    )


def _decode_bytes_cells(
    frame: pd.DataFrame, lines: pd.Series, source: str
) -> tuple[pd.DataFrame, np.ndarray, pd.DataFrame]:
    """Decode byte-string cells (UTF-8 / CP932); rows with undecodable ones are reported."""
    out = frame.copy()
    failed = np.zeros(len(frame), dtype=bool)
    bad: list[list[object]] = []
    for column in frame.columns:
        is_bytes = frame[column].map(lambda v: isinstance(v, bytes)).to_numpy(dtype=bool)
        if not is_bytes.any():
            continue
        decoded = frame[column].map(_decode_cell)
        undecodable = is_bytes & decoded.isna().to_numpy()
        for position in np.flatnonzero(undecodable):
            size = len(frame[column].iloc[position])
            reason = "bytes that are neither UTF-8 nor CP932 text"
            bad.append([source, lines.iloc[position], str(column), f"<{size} bytes>", reason])
        failed |= undecodable
        out[column] = decoded
    return out, failed, pd.DataFrame(bad, columns=QUARANTINE_COLUMNS)


def _decode_cell(value: object) -> object:
    if not isinstance(value, bytes):
        return value
    for encoding in _ENCODINGS:
        try:
            return value.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def _from_frame(source: pd.DataFrame) -> RawTable:
    frame = source.reset_index(drop=True)
    frame.columns = [str(c).strip() for c in frame.columns]
    _check_duplicate_headers(list(frame.columns), "<DataFrame>")
    return RawTable(frame, pd.Series(list(source.index)), "<DataFrame>")


def read_raw_tables(source: Source, sheet: str | int | None = None) -> list[RawTable]:
    """Read ``source`` (DataFrame or path to .csv, .tsv, .txt, .xlsx, .parquet).

    Returns one table per sheet for a workbook (each sheet that holds data, or only
    ``sheet``), else a single table.

    Raises
    ------
    FileNotFoundError
        The path does not exist.
    InputFileError
        The file is empty, damaged, in an unknown encoding or of an unsupported type.
    """
    if isinstance(source, pd.DataFrame):
        _no_sheet(sheet, "a DataFrame")
        return [_from_frame(source)]
    path = Path(source)
    if not path.exists():
        raise FileNotFoundError(f"{path}: no such file")
    if path.is_dir():
        raise InputFileError(f"{path}: is a folder, not a file", source=str(path))
    suffix = path.suffix.lower()
    if suffix in {".xlsx", ".xlsm"}:
        from .workbook import read_workbook

        return read_workbook(path, sheet)
    _no_sheet(sheet, f"{path} (not a workbook)")
    if suffix == ".csv":
        return [_read_delimited(path, ",")]
    if suffix in {".tsv", ".txt"}:
        return [_read_delimited(path, "\t")]
    if suffix == ".parquet":
        return [_read_parquet(path)]
    raise InputFileError(
        f"{path}: unsupported file type {suffix!r}; use .csv, .tsv, .txt, .xlsx or .parquet",
        source=str(path),
    )


def _no_sheet(sheet: str | int | None, what: str) -> None:
    if sheet is not None:
        raise ParameterError(f"sheet={sheet!r} applies to .xlsx workbooks only, not {what}")

"""Read a raw table from a DataFrame or a file, remembering where each row came from.

Every cell is read as text (or kept as the object the caller gave), so validation in
:mod:`sign_detect.loaders` sees exactly what was written. CSV/TSV encodings are detected:
UTF-8, UTF-8 with BOM, and CP932 / Shift_JIS (what Excel in Japan writes).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .errors import InputFileError

__all__ = ["RawTable", "Source", "decode_text", "read_raw_table"]

Source = pd.DataFrame | str | os.PathLike[str]

_ENCODINGS = ("utf-8", "cp932")


@dataclass(frozen=True)
class RawTable:
    """A table as read, before validation.

    ``lines`` holds, for each row, the line number in the file (header = line 1; the
    row number Excel shows for .xlsx) or the index label for a DataFrame.
    """

    frame: pd.DataFrame
    lines: pd.Series
    source: str


def decode_text(data: bytes, source: str) -> str:
    """Decode CSV bytes written as UTF-8 (with or without BOM) or CP932."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    for encoding in _ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputFileError(
        f"{source}: cannot decode the file as UTF-8 or CP932 (Shift_JIS); "
        "save it as 'CSV UTF-8' from Excel"
    )


def _read_delimited(path: Path, sep: str) -> RawTable:
    text = decode_text(path.read_bytes(), str(path))
    if '"' not in text:
        # Fast path: one physical line per row.
        frame = pd.read_csv(
            io.StringIO(text),
            sep=sep,
            dtype=str,
            keep_default_na=False,
            skip_blank_lines=False,
            quoting=csv.QUOTE_NONE,
        )
        lines = pd.Series(range(2, len(frame) + 2), index=frame.index)
    else:
        # Quoted fields may span lines: let the csv module count physical lines.
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep)
        header = next(reader, [])
        rows, line_numbers = [], []
        start = reader.line_num + 1
        for row in reader:
            rows.append(row)
            line_numbers.append(start)
            start = reader.line_num + 1
        width = len(header)
        rows = [(r + [""] * width)[:width] if len(r) != width else r for r in rows]
        frame = pd.DataFrame(rows, columns=header, dtype=str)
        lines = pd.Series(line_numbers, index=frame.index)
    blank = (frame == "").all(axis=1)
    if blank.any():  # blank lines are not rows
        frame, lines = frame.loc[~blank].reset_index(drop=True), lines.loc[~blank]
        lines = lines.reset_index(drop=True)
    frame.columns = [str(c).strip() for c in frame.columns]
    return RawTable(frame, lines, str(path))


def _excel_cell(value: object) -> object:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    return value


def _read_excel(path: Path) -> RawTable:
    frame = pd.read_excel(path, dtype=object, engine="openpyxl")
    frame = frame.map(_excel_cell)
    frame.columns = [str(c).strip() for c in frame.columns]
    return RawTable(frame, pd.Series(range(2, len(frame) + 2), index=frame.index), str(path))


def read_raw_table(source: Source) -> RawTable:
    """Read ``source`` (DataFrame or path to .csv, .tsv, .txt, .xlsx, .parquet)."""
    if isinstance(source, pd.DataFrame):
        frame = source.copy()
        frame.columns = [str(c).strip() for c in frame.columns]
        lines = pd.Series(list(source.index), index=source.index)
        frame = frame.reset_index(drop=True)
        return RawTable(frame, lines.reset_index(drop=True), "<DataFrame>")
    path = Path(source)
    if not path.exists():
        raise FileNotFoundError(f"{path}: no such file")
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return _read_delimited(path, ",")
    if suffix in {".tsv", ".txt"}:
        return _read_delimited(path, "\t")
    if suffix in {".xlsx", ".xlsm"}:
        return _read_excel(path)
    if suffix == ".parquet":
        frame = pd.read_parquet(path)
        return RawTable(frame, pd.Series(range(1, len(frame) + 1), index=frame.index), str(path))
    raise InputFileError(
        f"{path}: unsupported file type {suffix!r}; use .csv, .tsv, .xlsx or .parquet"
    )

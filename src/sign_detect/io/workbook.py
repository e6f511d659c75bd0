"""Read the sheets of an .xlsx workbook as raw tables.

Only the cells the file really holds are read (openpyxl read-only mode, the declared
dimension is ignored), so a stray cell at XFD1048576 costs one row, not a rectangle of
17 billion cells. In each sheet the first non-blank row is the header; rows whose cells
are all blank (also cells holding only spaces) are not data; a value to the right of the
header's last column is reported. Every sheet that holds data is read, unless ``sheet``
names one; :mod:`sign_detect.io.loaders` checks that the sheets share a header.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path

import pandas as pd

from ..errors import QUARANTINE_COLUMNS, InputFileError
from .reading import RawTable, finish_table

__all__ = ["read_workbook"]


def read_workbook(path: Path, sheet: str | int | None = None) -> list[RawTable]:
    """One raw table per sheet holding data (or only ``sheet``: a name or 0-based number)."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as err:
        raise _damaged(path, err) from err
    try:
        names = _chosen(path, book.sheetnames, sheet)
    except InputFileError:
        book.close()
        raise
    try:
        tables = [_read_sheet(book[name], path, name) for name in names]
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError, AttributeError) as err:
        raise _damaged(path, err) from err
    finally:
        book.close()
    found = [t for t in tables if t is not None]
    if not found:
        raise InputFileError(f"{path}: no sheet holds any data", source=str(path))
    if len(found) > 1:
        return found
    only = found[0]  # one sheet: reports name the file only
    return [replace(only, origin="", problems=only.problems.assign(source=str(path)))]


def _damaged(path: Path, err: Exception) -> InputFileError:
    return InputFileError(
        f"{path}: not a readable .xlsx workbook (damaged, or not an Excel file: "
        f"{type(err).__name__}); open it in Excel and save it again",
        source=str(path),
    )


def _chosen(path: Path, names: Sequence[str], sheet: str | int | None) -> list[str]:
    if sheet is None:
        return list(names)
    if isinstance(sheet, int) and not isinstance(sheet, bool) and 0 <= sheet < len(names):
        return [names[sheet]]
    if isinstance(sheet, str) and sheet in names:
        return [sheet]
    raise InputFileError(
        f"{path}: no sheet {sheet!r}; the sheets are {list(names)!r}", source=str(path)
    )


def _cell(value: object) -> object:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _read_sheet(sheet: object, path: Path, name: str) -> RawTable | None:
    reset = getattr(sheet, "reset_dimensions", None)
    if reset is not None:
        reset()  # never trust the declared dimension
    rows: Iterable[Sequence[object]] = sheet.iter_rows(values_only=True)  # type: ignore[attr-defined]
    origin = f"{path} [sheet {name}]"
    header: list[object] | None = None
    data: list[list[object]] = []
    lines: list[int] = []
    stray: list[int] = []
    for number, row in enumerate(rows, start=1):
        if all(_blank(v) for v in row):
            continue
        if header is None:
            header = _trim(list(row))
            continue
        width = len(header)
        cells = [_cell(v) for v in row[:width]]
        if any(not _blank(v) for v in row[width:]):
            stray.append(number)
            continue
        data.append(cells + [None] * (width - len(cells)))
        lines.append(number)
    if header is None:
        return None
    problems = pd.DataFrame(
        [
            [origin, n, "(whole row)", None, "a value to the right of the header's last column"]
            for n in stray
        ],
        columns=QUARANTINE_COLUMNS,
    )
    frame = pd.DataFrame(data, columns=pd.RangeIndex(len(header)), dtype=object)
    return finish_table(
        [str(h) if h is not None else "" for h in header],
        frame,
        pd.Series(lines, dtype="int64"),
        str(path),
        problems,
        origin,
    )


def _trim(row: list[object]) -> list[object]:
    while row and _blank(row[-1]):
        row.pop()
    return row

"""Split CSV / TSV text into rows, knowing the physical line where each record starts.

Records follow the usual CSV rules (as Excel and Python's :mod:`csv` read them): a field
that starts with ``"`` is quoted, may hold the separator and line breaks, and ``""``
inside it is one quote; a line break outside quotes ends the record. Two rules make
every record accountable:

* a quote that is never closed ends its record at the end of the line where the record
  started; that record is reported and reading goes on with the next line;
* a record whose fields are all blank (an empty line, ``,,,``) is not data.

Well-formed files take the fast path: pandas' C parser reads the values, counting the
separators outside the values proves every record has the header's number of fields, and
the line breaks inside the values give the line where each record starts. Any doubt (a
short or long record, an unclosed quote, bytes that are not UTF-8) sends the file to the
exact line-by-line reader, which reports each bad record with its line and reason.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

__all__ = ["Record", "Split", "exact_split", "fast_split"]

_BREAK = re.compile(r"\r\n|\n|\r")


@dataclass(frozen=True)
class Record:
    """A record that could not become a row: where it starts and why."""

    line: int
    fields: int | None
    reason: str


@dataclass
class Split:
    """The header, the data rows (text cells) and the records that are not rows."""

    #: ``None`` when a quote in the header row is never closed; empty when there is none.
    header: list[str] | None
    header_line: int
    frame: pd.DataFrame
    lines: np.ndarray
    bad: list[Record] = field(default_factory=list)


# --- fast path -------------------------------------------------------------------------


def fast_split(raw: bytes, units: np.ndarray, sep: str, encoding: str) -> Split | None:
    """Rows of a well-formed file, or ``None`` when :func:`exact_split` must decide.

    pandas parses ``raw`` (and decodes it strictly, so a result also proves the file is
    valid ``encoding``). pandas refuses records with too many fields but pads short
    ones, so the separators are counted: those outside the values must number exactly
    ``width - 1`` per record. Line breaks inside the values give each record's line.
    ``units`` are the code units of ``raw`` (bytes, or 16-bit units for UTF-16).
    """
    frame = _pandas_read(sep, encoding, raw)
    if frame is None or len(frame) == 0:
        return None
    inside, breaks, blank = _content_counts(frame, sep)
    starts = 1 + np.arange(len(frame)) + np.concatenate([[0], np.cumsum(breaks)[:-1]])
    expected = (frame.shape[1] - 1) * int(np.count_nonzero(~blank))
    if blank.any():  # empty lines and ",,," lines: count their separators one by one
        on_blank = None if blank[0] else _separators_on_lines(raw, units, sep, starts[blank])
        if on_blank is None:
            return None
        expected += on_blank
    if _count(raw, units, sep) - inside != expected:
        return None
    return _as_split(frame, int(starts[0]), starts[1:].astype(np.int64))


def _content_counts(frame: pd.DataFrame, sep: str) -> tuple[int, np.ndarray, np.ndarray]:
    """Separators inside values, line breaks inside each row, and all-empty rows."""
    inside = 0
    breaks = np.zeros(len(frame), dtype=np.int64)
    blank = np.ones(len(frame), dtype=bool)
    for column in frame.columns:
        values = frame[column]
        codes = values.cat.codes.to_numpy()
        cats = [str(c) for c in values.cat.categories]
        counts = np.array(
            [
                (c.count(sep), len(_BREAK.findall(c)) if "\n" in c or "\r" in c else 0, not c)
                for c in cats
            ],
            dtype=np.int64,
        ).reshape(-1, 3)
        inside += int(counts[:, 0] @ np.bincount(codes, minlength=len(cats)))
        if counts[:, 1].any():
            breaks += counts[codes, 1]
        if blank.any():  # once a column is filled everywhere, no row is blank
            blank &= counts[codes, 2].astype(bool)
    return inside, breaks, blank


def _count(raw: bytes, units: np.ndarray, sep: str) -> int:
    if units.itemsize > 1:
        return int(np.count_nonzero(units == ord(sep)))
    return raw.count(sep.encode())


def _separators_on_lines(raw: bytes, units: np.ndarray, sep: str, lines: np.ndarray) -> int | None:
    """Separators on the given physical lines (byte encodings with LF breaks only)."""
    if units.itemsize > 1 or raw.count(b"\r") != raw.count(b"\r\n"):
        return None
    physical = raw.split(b"\n")
    return sum(physical[line - 1].count(sep.encode()) for line in lines)


def _pandas_read(sep: str, encoding: str, raw: bytes) -> pd.DataFrame | None:
    try:
        return pd.read_csv(
            io.BytesIO(raw),
            sep=sep,
            header=None,
            dtype="category",  # the parser hashes each distinct value once
            na_filter=False,
            skip_blank_lines=False,
            engine="c",
            encoding=encoding,
        )
    except (pd.errors.ParserError, ValueError):  # UnicodeDecodeError is a ValueError
        return None


def _as_split(frame: pd.DataFrame, header_line: int, lines: np.ndarray) -> Split:
    header = [str(v) for v in frame.iloc[0]]
    data = frame.iloc[1:].reset_index(drop=True)
    data.columns = pd.RangeIndex(frame.shape[1])
    return Split(header, header_line, data, lines)


# --- exact path ------------------------------------------------------------------------


def _physical_lines(text: str) -> list[str]:
    """Lines with their break kept (CR LF, LF or a lone CR each end one line)."""
    pieces = _BREAK.split(text)
    breaks = _BREAK.findall(text)
    lines = [p + b for p, b in zip(pieces, breaks, strict=False)]
    if pieces[-1]:
        lines.append(pieces[-1])
    return lines


class _Tokenizer:
    """CSV fields of one record that may span lines (non-strict, like Python's csv)."""

    def __init__(self, sep: str):
        self.sep = sep

    def record(self, lines: list[str], first: int) -> tuple[list[str] | None, int]:
        """Fields of the record starting at ``lines[first]`` and the index after it.

        Returns ``(None, first + 1)`` when a quote opened in it is never closed.
        """
        fields: list[str] = []
        cell: list[str] = []
        state = "start"
        i = first
        while i < len(lines):
            line = lines[i]
            body = line.rstrip("\r\n")
            if i == first and '"' not in body:  # common case: a plain line
                return body.split(self.sep), i + 1
            state = self._feed(body, state, fields, cell)
            if state != "quoted":
                fields.append("".join(cell))
                return fields, i + 1
            cell.append(line[len(body) :])  # the line break belongs to the quoted field
            i += 1
        return None, first + 1

    def _feed(self, body: str, state: str, fields: list[str], cell: list[str]) -> str:
        for ch in body:
            state, action = _step(state, ch, self.sep)
            if action == "keep":
                cell.append(ch)
            elif action == "end":
                fields.append("".join(cell))
                cell.clear()
        return state


def _step(state: str, ch: str, sep: str) -> tuple[str, str]:
    """The next state, and what ``ch`` does: ``keep`` it, ``end`` the field, or ``drop`` it."""
    if state == "quoted":
        return ("quote_in_quoted", "drop") if ch == '"' else ("quoted", "keep")
    if state == "quote_in_quoted" and ch == '"':  # "" inside quotes is one quote
        return "quoted", "keep"
    if ch == sep:
        return "start", "end"
    if ch == '"' and state == "start":
        return "quoted", "drop"
    return "plain", "keep"  # also text after a closing quote, as Python's csv reads it


def _records(text: str, sep: str) -> Iterator[tuple[int, list[str] | None]]:
    """``(line, fields)`` for each non-blank record; fields ``None`` for an unclosed quote."""
    lines = _physical_lines(text)
    tokenizer = _Tokenizer(sep)
    i = 0
    while i < len(lines):
        fields, after = tokenizer.record(lines, i)
        if fields is None or any(f.strip() for f in fields):
            yield i + 1, fields
        i = after


def exact_split(text: str, sep: str) -> Split:
    """Rows and bad records of any file, reading it line by line."""
    records = _records(text, sep)
    header_line, found = next(records, (0, []))
    if found is None:  # the header's quote is never closed
        return Split(None, header_line, pd.DataFrame(), np.zeros(0, dtype=np.int64))
    header = found
    width = len(header)
    rows: list[list[str]] = []
    lines: list[int] = []
    bad: list[Record] = []
    for line, fields in records:
        if fields is None:
            bad.append(Record(line, None, _UNCLOSED))
        elif len(fields) != width:
            bad.append(Record(line, len(fields), _count_reason(len(fields), width, sep)))
        else:
            rows.append(fields)
            lines.append(line)
    frame = pd.DataFrame(rows, columns=pd.RangeIndex(width), dtype=object)
    return Split(header, header_line, frame, np.asarray(lines, dtype=np.int64), bad)


_UNCLOSED = (
    'a quote (") opens a field that is never closed; this line is skipped and '
    "reading goes on with the next line"
)


def _count_reason(found: int, width: int, sep: str) -> str:
    name = "comma" if sep == "," else "tab"
    if found > width:
        return (
            f"{found} fields where the header has {width}: a {name} inside a value that "
            'is not enclosed in quotes ("...")?'
        )
    return f"{found} fields where the header has {width}: a field is missing"

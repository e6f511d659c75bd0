"""Error types raised by sign_detect.

Every error the library raises on purpose derives from :class:`SignDetectError`, so a
caller (the command line among them) tells bad input from a bug by catching it:

* :class:`InputValidationError`: rows of an input table are invalid (a report of them);
  :class:`InputFileError`: a file cannot be read at all.
* :class:`MissingColumnsError`: a table lacks a column (also a ``KeyError``, as pandas).
* :class:`ConfigError`: a lexicon, grammar, alias, action or model file is invalid.
* :class:`ParameterError`: an argument has a value or type a function cannot use.
* :class:`InsufficientDataError`: valid data hold nothing for what was asked (no dated
  row, no record of a graduate, one class of labels).
* :class:`TokenizerUnavailableError`: the Japanese tokenizer cannot start.

Each also derives from the built-in class callers already catch (``ValueError``;
``TypeError`` too for :class:`ParameterError`, ``RuntimeError`` for the tokenizer).

Messages never quote note text: values of a report are shown by :func:`safe_value`,
which keeps short codes, dates and numbers and replaces anything that may be a note
(long text, or text with sentence punctuation) by its length.
"""

from __future__ import annotations

import re

import pandas as pd

__all__ = [
    "ConfigError",
    "InputFileError",
    "InputValidationError",
    "InputWarning",
    "InsufficientDataError",
    "MissingColumnsError",
    "ParameterError",
    "SignDetectError",
    "TokenizerUnavailableError",
    "safe_value",
]

#: Columns of a quarantine report, in this order.
QUARANTINE_COLUMNS = ["source", "line", "column", "value", "reason"]

#: Most found columns a :class:`MissingColumnsError` names.
MAX_SHOWN_COLUMNS = 30
#: Longest value a report quotes; longer values are shown as their length only.
MAX_SHOWN_CHARS = 20
# Sentence punctuation, quotes and line breaks: a value holding them reads like a note.
_NOTE_LIKE = re.compile(r"[、。，．！？!?「」『』（）…\n\r\t]")


#: Hiragana are the grammar of a sentence: a value holding this many is treated as note text
#: (codes such as 欠勤, 有給, LINE, 職場訪問 hold none or one).
_HIRAGANA = re.compile("[ぁ-ゖ]")
_MAX_SHOWN_HIRAGANA = 2


def safe_value(value: object) -> object:
    """A value as a report may show it: never a note's words.

    Short values (codes, dates, numbers, IDs of at most ``MAX_SHOWN_CHARS`` characters,
    without sentence punctuation) are kept; other text becomes ``"<text of N characters>"``.

    >>> safe_value("holiday")
    'holiday'
    >>> safe_value("上司に相談したら、少し楽になったとのこと")
    '<text of 20 characters>'
    >>> safe_value("体調不良で休み"), safe_value("有給")  # words of a sentence, a code
    ('<text of 7 characters>', '有給')
    """
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    if not isinstance(value, str):
        return value
    if (
        len(value) > MAX_SHOWN_CHARS
        or _NOTE_LIKE.search(value)
        or len(_HIRAGANA.findall(value)) >= _MAX_SHOWN_HIRAGANA
    ):
        return text_length(value)
    return value


def text_length(value: str) -> str:
    """``"<text of N characters>"``: how a note appears in reports and errors."""
    return f"<text of {len(value)} characters>"


class SignDetectError(Exception):
    """Base class of every error raised on purpose by sign_detect."""


class InputWarning(UserWarning):
    """Input rows that are kept but look doubtful (e.g. dated before ``hired_on``)."""


def empty_report() -> pd.DataFrame:
    """A quarantine report with no rows."""
    return pd.DataFrame({c: pd.Series(dtype=object) for c in QUARANTINE_COLUMNS})


class InputValidationError(SignDetectError, ValueError):
    """One or more input rows are invalid.

    Attributes
    ----------
    source : str
        The file name, or ``"<DataFrame>"`` for an in-memory table.
    rows : pandas.DataFrame
        One row per bad input row with columns ``source``, ``line``, ``column``,
        ``value`` and ``reason``. ``line`` is the line number in the file (the header
        is line 1; for .xlsx the row number Excel shows, and ``source`` names the sheet
        when a workbook has several); for a DataFrame it is the index label of the row.
        ``value`` never holds note text (see :func:`safe_value`).
    """

    def __init__(self, source: str, rows: pd.DataFrame, *, total_rows: int, show: int = 20):
        self.source = source
        self.rows = rows.reset_index(drop=True)
        self.total_rows = total_rows
        super().__init__(self._format(show))

    def _format(self, show: int) -> str:
        n = len(self.rows)
        head = f"{self.source}: {n} of {self.total_rows} rows are invalid"
        lines = [head + ":"]
        where = "row" if self.source == "<DataFrame>" else "line"
        for rec in self.rows.head(show).itertuples(index=False):
            sheet = f"{rec.source}, " if rec.source != self.source else ""
            lines.append(
                f"  {sheet}{where} {rec.line}, column {rec.column!s}: {rec.value!r}: {rec.reason}"
            )
        if n > show:
            lines.append(f"  ... and {n - show} more invalid rows")
        lines.append('Pass errors="quarantine" to load the valid rows and get these as a report.')
        return "\n".join(lines)


class InputFileError(InputValidationError):
    """An input file cannot be read at all (empty, damaged, unknown encoding or type).

    It is an :class:`InputValidationError` whose ``rows`` hold one entry for the whole
    file (``line`` is the line where reading stopped, when known), so code that reports
    bad input handles both alike.
    """

    def __init__(self, message: str, *, source: str = "", line: int | None = None):
        self.source = source or message.split(": ", 1)[0]
        self.total_rows = 0
        self.rows = pd.DataFrame(
            [[self.source, line, "(file)", None, message]], columns=QUARANTINE_COLUMNS
        ).astype(object)
        ValueError.__init__(self, message)


class MissingColumnsError(SignDetectError, ValueError, KeyError):
    """A required column is absent from the input table.

    When the first row looks like data (a date, an ID, a known status), the message says
    the file seems to have no header row and names no cell values. It is a ``KeyError``
    too, as pandas raises for a missing column; at most ``MAX_SHOWN_COLUMNS`` found
    columns are named.
    """

    __str__ = Exception.__str__  # KeyError's would quote the whole message

    def __init__(
        self, source: str, missing: list[str], found: list[str], *, headerless: bool = False
    ):
        self.source = source
        self.missing = missing
        self.found = found
        self.headerless = headerless
        if headerless:
            detail = (
                f"the first row looks like data, not a header ({len(found)} cells; values "
                "not shown): add a header row with the column names"
            )
        else:
            shown = [safe_value(c) for c in found[:MAX_SHOWN_COLUMNS]]
            more = len(found) - len(shown)
            detail = f"found columns {shown!r}" + (f" and {more} more" if more > 0 else "")
        super().__init__(f"{source}: missing required column(s) {missing!r}; {detail}")


class ConfigError(SignDetectError, ValueError):
    """A lexicon, grammar, alias, action, scorer or model file (or mapping) is invalid."""


class ParameterError(SignDetectError, ValueError, TypeError):
    """An argument has a value or a type the function cannot use.

    Like scikit-learn's ``InvalidParameterError`` it is both a ``ValueError`` and a
    ``TypeError``. Messages name the argument and never quote note text.
    """


class InsufficientDataError(SignDetectError, ValueError):
    """The data are valid but hold nothing for what was asked.

    For instance no dated row to take a default as-of date from, no record of the
    graduate asked for, or training labels of one class only.
    """


class TokenizerUnavailableError(SignDetectError, RuntimeError):
    """The Japanese tokenizer (fugashi + unidic-lite) could not be started."""

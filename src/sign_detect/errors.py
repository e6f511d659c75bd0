"""Error types raised by sign_detect.

Every error the library raises on purpose derives from :class:`SignDetectError`.
Problems with input data derive from :class:`ValueError` as well, so callers that
already catch ``ValueError`` keep working.
"""

from __future__ import annotations

import pandas as pd

__all__ = [
    "ConfigError",
    "InputFileError",
    "InputValidationError",
    "MissingColumnsError",
    "SignDetectError",
    "TokenizerUnavailableError",
]

#: Columns of a quarantine report, in this order.
QUARANTINE_COLUMNS = ["source", "line", "column", "value", "reason"]


class SignDetectError(Exception):
    """Base class of every error raised on purpose by sign_detect."""


class InputValidationError(SignDetectError, ValueError):
    """One or more input rows are invalid.

    Attributes
    ----------
    source : str
        The file name, or ``"<DataFrame>"`` for an in-memory table.
    rows : pandas.DataFrame
        One row per bad input row with columns ``source``, ``line``, ``column``,
        ``value`` and ``reason``. ``line`` is the line number in the file (the header
        is line 1; for .xlsx the row number Excel shows); for a DataFrame it is the
        index label of the row.
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
            lines.append(
                f"  {where} {rec.line}, column {rec.column!s}: {rec.value!r}: {rec.reason}"
            )
        if n > show:
            lines.append(f"  ... and {n - show} more invalid rows")
        lines.append('Pass errors="quarantine" to load the valid rows and get these as a report.')
        return "\n".join(lines)


class MissingColumnsError(SignDetectError, ValueError):
    """A required column is absent from the input table."""

    def __init__(self, source: str, missing: list[str], found: list[str]):
        self.source = source
        self.missing = missing
        self.found = found
        super().__init__(
            f"{source}: missing required column(s) {missing!r}; found columns {found!r}"
        )


class InputFileError(SignDetectError, ValueError):
    """An input file cannot be read at all (unknown encoding, unsupported type)."""


class ConfigError(SignDetectError, ValueError):
    """A lexicon, grammar or scorer configuration file is invalid."""


class TokenizerUnavailableError(SignDetectError, RuntimeError):
    """The Japanese tokenizer (fugashi + unidic-lite) could not be started."""

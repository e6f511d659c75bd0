"""Column helpers that work on each *distinct* value once (tables have millions of rows,
but few distinct IDs, dates and statuses)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["Distinct", "blank_rows", "distinct"]


class Distinct:
    """A column as codes into its distinct values, stripped to text.

    ``text[codes[i]]`` is row ``i`` as text ("" for a missing cell); :meth:`take` maps a
    per-distinct-value array onto the rows.
    """

    def __init__(self, values: pd.Series, strip: bool = True):
        if isinstance(values.dtype, pd.CategoricalDtype):  # already factorized by the parser
            codes, uniques = values.cat.codes.to_numpy(), values.cat.categories
        else:
            codes, uniques = pd.factorize(values, use_na_sentinel=True)
        self.text = [_as_text(u, strip) for u in uniques] + [""]
        missing = codes < 0
        self.has_missing = bool(missing.any())
        codes = np.where(missing, len(self.text) - 1, codes) if self.has_missing else codes
        self.codes = codes.astype(np.intp, copy=False)  # numpy indexes with intp as is

    def take(self, per_value: Sequence[Any] | np.ndarray, dtype: Any = object) -> np.ndarray:
        """Per-row array from one entry per distinct value (the last entry: missing)."""
        return np.asarray(per_value, dtype=dtype)[self.codes]

    def positions(self, flags: Sequence[bool]) -> np.ndarray:
        """Row positions whose distinct value is flagged (no pass over rows if none is)."""
        if not any(flags[:-1]) and not (self.has_missing and flags[-1]):
            return np.zeros(0, dtype=np.int64)
        return np.flatnonzero(self.take(flags, bool))


def distinct(values: pd.Series, strip: bool = True) -> Distinct:
    """:class:`Distinct` of ``values`` (text stripped unless ``strip`` is false)."""
    return Distinct(values, strip)


def _as_text(value: object, strip: bool = True) -> str:
    text = value if isinstance(value, str) else str(value)
    return text.strip() if strip else text


def blank_rows(frame: pd.DataFrame) -> np.ndarray:
    """Rows whose cells are all missing or whitespace.

    Columns are checked one after the other on the rows still blank, so a table whose
    first column is filled costs one pass.
    """
    candidates = np.ones(len(frame), dtype=bool)
    for column in range(frame.shape[1]):
        rows = np.flatnonzero(candidates)
        if not len(rows):
            break
        values = frame.iloc[rows, column]
        column_values = distinct(values)
        empty = column_values.take([t == "" for t in column_values.text], dtype=bool)
        candidates[rows[~empty]] = False
    return candidates

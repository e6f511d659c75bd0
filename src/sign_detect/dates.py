"""Parse the date forms that Japanese offices type.

Accepted: ``2025-04-01``, ``2025/4/1``, ``2025.4.1``, ``20250401``, ``2025年4月1日``,
``令和7年4月1日`` (also 元年 and 平成/昭和), ``R7.4.1`` / ``H31/4/30``, full-width digits,
and a trailing time (``2025-04-01 00:00:00``, as Excel exports write). Parsing is vectorised
over the *distinct* values, so a table of millions of rows with a few hundred dates is fast.

Examples
--------
>>> parse_date("令和7年4月1日")
datetime.date(2025, 4, 1)
>>> parse_date("R7.4.1")
datetime.date(2025, 4, 1)
>>> parse_date("２０２５/４/１")
datetime.date(2025, 4, 1)
>>> parse_date("2025-02-30") is None
True
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

import numpy as np
import pandas as pd

__all__ = ["parse_date", "parse_dates"]

# Gregorian year of an era's first year (元年).
_ERA_START = {"令和": 2019, "r": 2019, "平成": 1989, "h": 1989, "昭和": 1926, "s": 1926}

_PATTERNS = [
    re.compile(r"^(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?:[ tT].*)?$"),
    re.compile(r"^(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})$"),
    re.compile(r"^(?P<y>\d{4})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日?$"),
    re.compile(
        r"^(?P<era>令和|平成|昭和|[rhsRHS])\s*(?P<ey>\d{1,2}|元)\s*[年.\-/]\s*"
        r"(?P<m>\d{1,2})\s*[月.\-/]\s*(?P<d>\d{1,2})日?$"
    ),
]


def _parse_one(text: str) -> dt.date | None:
    norm = unicodedata.normalize("NFKC", text).strip()
    for pattern in _PATTERNS:
        match = pattern.match(norm)
        if match is None:
            continue
        parts = match.groupdict()
        if "era" in parts:
            era_year = 1 if parts["ey"] == "元" else int(parts["ey"])
            year = _ERA_START[parts["era"].lower()] + era_year - 1
        else:
            year = int(parts["y"])
        try:
            return dt.date(year, int(parts["m"]), int(parts["d"]))
        except ValueError:
            return None
    return None


def parse_date(value: object) -> dt.date | None:
    """Parse one date; return ``None`` when it is not a valid date in an accepted form."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, pd.Timestamp):
        return None if pd.isna(value) else value.date()
    if not isinstance(value, str):
        return None
    return _parse_one(value)


def parse_dates(values: pd.Series) -> pd.Series:
    """Parse a column of dates; invalid entries become ``NaT``.

    Returns a ``datetime64[ns]`` Series with the same index. Each distinct raw value is
    parsed once.
    """
    if pd.api.types.is_datetime64_any_dtype(values):
        return pd.to_datetime(values).dt.normalize().astype("datetime64[ns]")
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    parsed = [parse_date(u) for u in uniques]
    lookup = np.array(
        [np.datetime64(p, "ns") if p is not None else np.datetime64("NaT", "ns") for p in parsed]
        + [np.datetime64("NaT", "ns")],
        dtype="datetime64[ns]",
    )
    return pd.Series(lookup[codes], index=values.index, name=values.name)

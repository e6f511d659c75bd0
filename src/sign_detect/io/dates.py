"""Parse the date forms that Japanese offices type.

Accepted: ``2025-04-01``, ``2025/4/1``, ``2025.4.1``, ``20250401``, ``2025年4月1日``,
``令和7年4月1日`` (also 元年 and 平成/昭和), ``R7.4.1`` / ``H31/4/30``, full-width digits,
and a trailing time (``2025-04-01 00:00:00``, as Excel exports write). An era date must
fall within its era: 令和 from 2019-05-01, 平成 1989-01-08 to 2019-04-30, 昭和 1926-12-25
to 1989-01-07 (so ``R1.4.30``, ``平成31年5月1日`` and ``S64.1.8`` are not dates). Parsing is
vectorised over the *distinct* values, so a table of millions of rows with a few hundred
dates is fast.

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
>>> date_problem("平成31年5月1日")
'平成 ended on 2019-04-30 (令和 began on 2019-05-01)'
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

import numpy as np
import pandas as pd

__all__ = ["ACCEPTED_FORMS", "check_date", "date_problem", "parse_date", "parse_dates"]

#: How reports name the accepted forms.
ACCEPTED_FORMS = "2025-04-01, 2025/4/1, 2025年4月1日, 令和7年4月1日, R7.4.1"

# Each era: (name, first day, last day or None).
_ERAS = {
    "令和": ("令和", dt.date(2019, 5, 1), None),
    "平成": ("平成", dt.date(1989, 1, 8), dt.date(2019, 4, 30)),
    "昭和": ("昭和", dt.date(1926, 12, 25), dt.date(1989, 1, 7)),
}
_ERA_LETTERS = {"r": "令和", "h": "平成", "s": "昭和"}
_NEXT_ERA = {"平成": "令和", "昭和": "平成"}

_PATTERNS = [
    re.compile(r"^(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?:[ tT].*)?$"),
    re.compile(r"^(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})$"),
    re.compile(r"^(?P<y>\d{4})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日?$"),
    re.compile(
        r"^(?P<era>令和|平成|昭和|[rhsRHS])\s*(?P<ey>\d{1,2}|元)\s*[年.\-/]\s*"
        r"(?P<m>\d{1,2})\s*[月.\-/]\s*(?P<d>\d{1,2})日?$"
    ),
]


def _parse_one(text: str) -> tuple[dt.date | None, str]:
    """The date, or ``None`` and why not."""
    norm = unicodedata.normalize("NFKC", text).strip()
    for pattern in _PATTERNS:
        match = pattern.match(norm)
        if match is None:
            continue
        parts = match.groupdict()
        era = None
        if "era" in parts:
            era = _ERA_LETTERS.get(parts["era"].lower(), parts["era"])
            era_year = 1 if parts["ey"] == "元" else int(parts["ey"])
            year = _ERAS[era][1].year + era_year - 1
        else:
            year = int(parts["y"])
        try:
            day = dt.date(year, int(parts["m"]), int(parts["d"]))
        except ValueError:
            return None, "no such day in the calendar"
        return (day, "") if era is None else _within_era(day, era)
    return None, f"unparseable date (accepted: {ACCEPTED_FORMS})"


def _within_era(day: dt.date, era: str) -> tuple[dt.date | None, str]:
    _, first, last = _ERAS[era]
    if day < first:
        return None, f"{era} began on {first.isoformat()}"
    if last is not None and day > last:
        following = _ERAS[_NEXT_ERA[era]][1].isoformat()
        return None, f"{era} ended on {last.isoformat()} ({_NEXT_ERA[era]} began on {following})"
    return day, ""


def check_date(text: str) -> tuple[dt.date | None, str]:
    """The date written in ``text``, or ``None`` and why it is not one (never quoting it).

    >>> check_date("R7.4.1")
    (datetime.date(2025, 4, 1), '')
    >>> check_date("2025-02-30")
    (None, 'no such day in the calendar')
    """
    return _parse_one(text)


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
    return _parse_one(value)[0]


def date_problem(value: object) -> str:
    """Why ``value`` is not a date (``""`` when it is one); never quotes the value."""
    if parse_date(value) is not None:
        return ""
    if isinstance(value, str):
        return _parse_one(value)[1]
    return f"unparseable date (accepted: {ACCEPTED_FORMS})"


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

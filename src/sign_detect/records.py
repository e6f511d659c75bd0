"""Canonical records: the data contracts of sign_detect.

The same column names are used in pydantic records, DataFrames and files. Japanese
values that staff type (電話, 欠勤, 有休 ...) are accepted and mapped to the canonical
English codes. The alias tables here are the single source for both the pydantic
validators and the vectorised table checks in :mod:`sign_detect.loaders`.

Examples
--------
>>> from sign_detect.records import CheckIn
>>> CheckIn(graduate_id="G001", date="令和7年4月1日", channel="電話", note="眠りが浅い").channel
'phone'
"""

from __future__ import annotations

import datetime as dt
import os
import tomllib
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from importlib import resources
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

__all__ = [
    "ATTENDANCE_STATUSES",
    "CHANNELS",
    "DISABILITY_TYPES",
    "OUTCOME_EVENTS",
    "AttendanceDay",
    "CheckIn",
    "Graduate",
    "Outcome",
    "alias_key",
    "canonical_value",
    "load_aliases",
]

Channel = Literal["phone", "line", "visit", "interview", "email", "other"]
Status = Literal["present", "absent", "late", "early_leave", "paid_leave"]
Event = Literal["resigned", "leave_of_absence"]
DisabilityType = Literal["mental", "developmental", "intellectual", "physical", "other"]

CHANNELS: tuple[str, ...] = ("phone", "line", "visit", "interview", "email", "other")
ATTENDANCE_STATUSES: tuple[str, ...] = ("present", "absent", "late", "early_leave", "paid_leave")
OUTCOME_EVENTS: tuple[str, ...] = ("resigned", "leave_of_absence")
DISABILITY_TYPES: tuple[str, ...] = ("mental", "developmental", "intellectual", "physical", "other")

Aliases = dict[str, dict[str, str]]


def alias_key(value: str) -> str:
    """How words are compared: NFKC, lower case, no spaces, hyphens, underscores or ・."""
    text = unicodedata.normalize("NFKC", value).strip().lower()
    return text.replace(" ", "").replace("_", "").replace("-", "").replace("・", "")


def aliases_from_mapping(data: Mapping[str, Mapping[str, Iterable[str]]]) -> Aliases:
    """``{field: {canonical: [words]}}`` -> ``{field: {key(word): canonical}}``."""
    out: Aliases = {}
    for field, table in data.items():
        out[field] = {alias_key(word): code for code, words in table.items() for word in words}
    return out


def load_aliases(
    source: str | os.PathLike[str] | Mapping[str, Mapping[str, Iterable[str]]] | None = None,
) -> Aliases:
    """The shipped aliases (``data/aliases.toml``), extended by an office's file or mapping."""
    text = resources.files("sign_detect.data").joinpath("aliases.toml").read_text("utf-8")
    merged = aliases_from_mapping(tomllib.loads(text))
    if source is not None:
        extra = (
            source
            if isinstance(source, Mapping)
            else tomllib.loads(Path(source).read_text("utf-8"))
        )
        for field, table in aliases_from_mapping(extra).items():
            if field not in merged:
                raise ValueError(f"aliases: unknown field {field!r}; use {sorted(merged)}")
            merged[field] = {**merged[field], **table}
    return merged


_ALIASES = load_aliases()
CHANNEL_ALIASES: dict[str, str] = _ALIASES["channel"]
STATUS_ALIASES: dict[str, str] = _ALIASES["status"]
EVENT_ALIASES: dict[str, str] = _ALIASES["event"]
DISABILITY_ALIASES: dict[str, str] = _ALIASES["disability_type"]
#: Column headers an office may write (利用者ID, 日付, 内容 …) -> canonical column names.
COLUMN_ALIASES: dict[str, str] = _ALIASES["columns"]


def canonical_value(
    value: object, accepted: tuple[str, ...], aliases: dict[str, str]
) -> str | None:
    """Map a raw value to its canonical code, or ``None`` when it is not accepted.

    >>> canonical_value("有休", ATTENDANCE_STATUSES, STATUS_ALIASES)
    'paid_leave'
    >>> canonical_value("Early-Leave", ATTENDANCE_STATUSES, STATUS_ALIASES)
    'early_leave'
    >>> canonical_value("holiday", ATTENDANCE_STATUSES, STATUS_ALIASES) is None
    True
    """
    if not isinstance(value, str):
        return None
    key = alias_key(value)
    for code in accepted:
        if key == alias_key(code):
            return code
    return aliases.get(key) or aliases.get(alias_key(key))


def _mapper(
    accepted: tuple[str, ...], aliases: dict[str, str], what: str
) -> Callable[[object], object]:
    def validate(value: object) -> object:
        if value is None:
            return value
        code = canonical_value(value, accepted, aliases)
        if code is None:
            raise ValueError(f"unknown {what} {value!r}; accepted: {', '.join(accepted)}")
        return code

    return validate


def _parse_date(value: object) -> object:
    from .dates import parse_date

    if isinstance(value, str):
        parsed = parse_date(value)
        if parsed is None:
            raise ValueError(f"unparseable date {value!r}")
        return parsed
    return value


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore", str_strip_whitespace=False)

    graduate_id: str = Field(min_length=1)
    check_id_ = field_validator("graduate_id")(lambda v: _require_text(v, "graduate_id"))


def _require_text(value: str, what: str) -> str:
    if not value.strip():
        raise ValueError(f"{what} is blank")
    return value.strip()


class CheckIn(_Record):
    """One contact between staff and a graduate (phone, LINE, visit, interview, e-mail)."""

    date: dt.date
    channel: Channel
    note: str = ""
    staff_id: str | None = None

    date_ = field_validator("date", mode="before")(_parse_date)
    channel_ = field_validator("channel", mode="before")(
        _mapper(CHANNELS, CHANNEL_ALIASES, "channel")
    )


class AttendanceDay(_Record):
    """One scheduled working day of a graduate."""

    date: dt.date
    status: Status
    scheduled_hours: float | None = Field(default=None, ge=0, le=24)
    worked_hours: float | None = Field(default=None, ge=0, le=24)

    date_ = field_validator("date", mode="before")(_parse_date)
    status_ = field_validator("status", mode="before")(
        _mapper(ATTENDANCE_STATUSES, STATUS_ALIASES, "status")
    )


class Graduate(_Record):
    """A person supported after hiring (optional table)."""

    hired_on: dt.date | None = None
    disability_type: DisabilityType | None = None
    employer: str | None = None

    date_ = field_validator("hired_on", mode="before")(_parse_date)
    type_ = field_validator("disability_type", mode="before")(
        _mapper(DISABILITY_TYPES, DISABILITY_ALIASES, "disability_type")
    )


class Outcome(_Record):
    """A crisis event: resignation (退職) or leave of absence (休職)."""

    date: dt.date
    event: Event

    date_ = field_validator("date", mode="before")(_parse_date)
    event_ = field_validator("event", mode="before")(
        _mapper(OUTCOME_EVENTS, EVENT_ALIASES, "event")
    )

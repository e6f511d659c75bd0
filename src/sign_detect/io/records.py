"""The table contract: each input table is written once, as a record class.

A record (:class:`CheckIn`, :class:`AttendanceDay`, :class:`Graduate`, :class:`Outcome`)
names the columns of its table in order. Each field says, once:

* its type and whether it is **required** (a field without a default is a column the
  table must have; its cells may not be blank, except free text);
* its **cell kind** (:class:`Identifier`, :class:`Day`, :class:`Choice`, :class:`Hours`,
  :class:`Text`, :class:`Label`): how a cell's text becomes a value, and why a cell is
  invalid. A :class:`Choice` holds the accepted codes and the name of its alias table
  in ``data/aliases.toml`` (Japanese words staff type: 電話, 欠勤, 有休 ...).

A record class also says which columns must be unique together (``unique_key``).
The loaders (:mod:`sign_detect.io.loaders`) read the same classes through
:func:`table_spec` and check whole columns at once (each distinct value parsed once); a
record checks one row with the same cell rules and the same reasons. Errors never quote
a note: records hide the input in pydantic's messages.

Examples
--------
>>> CheckIn(graduate_id="G001", date="令和7年4月1日", channel="電話", note="眠りが浅い").channel
'phone'
>>> [(c.name, c.required) for c in table_spec(Outcome).columns]
[('graduate_id', True), ('date', True), ('event', True)]
"""

from __future__ import annotations

import datetime as dt
import math
import os
import tomllib
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Annotated, ClassVar, Literal, get_args

import pandas as pd
from pydantic import BaseModel, ConfigDict, ValidationInfo, field_validator
from pydantic.fields import FieldInfo

from ..errors import ConfigError, safe_value
from .dates import check_date

__all__ = [
    "ATTENDANCE_STATUSES",
    "CHANNELS",
    "DISABILITY_TYPES",
    "OUTCOME_EVENTS",
    "AttendanceDay",
    "Cell",
    "CheckIn",
    "Choice",
    "ColumnSpec",
    "Day",
    "Graduate",
    "Hours",
    "Identifier",
    "Label",
    "Outcome",
    "Record",
    "TableSpec",
    "Text",
    "alias_key",
    "canonical_value",
    "load_aliases",
    "table_spec",
]

Channel = Literal["phone", "line", "visit", "interview", "email", "other"]
Status = Literal["present", "absent", "late", "early_leave", "paid_leave"]
Event = Literal["resigned", "leave_of_absence"]
DisabilityType = Literal["mental", "developmental", "intellectual", "physical", "other"]

CHANNELS: tuple[str, ...] = get_args(Channel)
ATTENDANCE_STATUSES: tuple[str, ...] = get_args(Status)
OUTCOME_EVENTS: tuple[str, ...] = get_args(Event)
DISABILITY_TYPES: tuple[str, ...] = get_args(DisabilityType)

Aliases = dict[str, dict[str, str]]


# -- aliases ---------------------------------------------------------------------------
def alias_key(value: str) -> str:
    """How words are compared: NFKC, lower case, no spaces, hyphens, underscores or ・."""
    text = unicodedata.normalize("NFKC", value).strip().lower()
    return text.replace(" ", "").replace("_", "").replace("-", "").replace("・", "")


def aliases_from_mapping(data: Mapping[str, Mapping[str, Iterable[str]]]) -> Aliases:
    """``{field: {canonical: [words]}}`` -> ``{field: {key(word): canonical}}``."""
    out: Aliases = {}
    for name, table in data.items():
        out[name] = {alias_key(word): code for code, words in table.items() for word in words}
    return out


def load_aliases(
    source: str | os.PathLike[str] | Mapping[str, Mapping[str, Iterable[str]]] | None = None,
) -> Aliases:
    """The shipped aliases (``data/aliases.toml``), extended by an office's file or mapping.

    Raises
    ------
    ConfigError
        The office's aliases name a field that has no alias table.
    """
    text = resources.files("sign_detect.data").joinpath("aliases.toml").read_text("utf-8")
    merged = aliases_from_mapping(tomllib.loads(text))
    if source is not None:
        extra = (
            source
            if isinstance(source, Mapping)
            else tomllib.loads(Path(source).read_text("utf-8"))
        )
        where = "aliases" if isinstance(source, Mapping) else f"{source}"
        _check_aliases(extra, merged, where)
        for name, table in aliases_from_mapping(extra).items():
            merged[name] = {**merged[name], **table}
    return merged


def _check_aliases(extra: Mapping[str, object], known: Aliases, where: str) -> None:
    """An office's aliases: known fields and codes, each a list of words."""
    for name, table in extra.items():
        if name not in known:
            raise ConfigError(f"{where}: unknown field {name!r}; use {sorted(known)}")
        if not isinstance(table, Mapping):
            raise ConfigError(f"{where}: [{name}] must be a table of code = [words]")
        codes = set(known[name].values())
        for code, words in table.items():
            if name != "columns" and code not in codes:
                raise ConfigError(
                    f"{where}: [{name}] unknown code {code!r}; use one of {sorted(codes)}"
                )
            if not isinstance(words, list | tuple) or not all(isinstance(w, str) for w in words):
                raise ConfigError(f"{where}: [{name}] {code} must be a list of words (strings)")


_ALIASES = load_aliases()
#: Column headers an office may write (利用者ID, 日付, 内容 …) -> canonical column names.
COLUMN_ALIASES: dict[str, str] = _ALIASES["columns"]


def canonical_value(
    value: object, accepted: tuple[str, ...], aliases: Mapping[str, str]
) -> str | None:
    """Map a raw value to its canonical code, or ``None`` when it is not accepted.

    >>> canonical_value("有休", ATTENDANCE_STATUSES, _ALIASES["status"])
    'paid_leave'
    >>> canonical_value("Early-Leave", ATTENDANCE_STATUSES, _ALIASES["status"])
    'early_leave'
    >>> canonical_value("holiday", ATTENDANCE_STATUSES, _ALIASES["status"]) is None
    True
    """
    if not isinstance(value, str):
        return None
    key = alias_key(value)
    for code in accepted:
        if key == alias_key(code):
            return code
    return aliases.get(key) or aliases.get(alias_key(key))


# -- cell kinds ------------------------------------------------------------------------
@dataclass(frozen=True)
class Cell:
    """How the cells of one column are read; the base of the cell kinds.

    :meth:`parse` maps a cell's text (``""`` when blank) to its value and the reason it
    is invalid (``""`` when valid); reasons never quote the cell. This base kind is a
    free label: any text, blank meaning ``None``.
    """

    #: The column's dtype in a loaded table.
    dtype: ClassVar[str] = "object"
    #: Whether spaces around a cell are removed before it is parsed.
    strip: ClassVar[bool] = True
    #: Longest invalid value a report quotes (``None``: as ``errors.safe_value`` allows).
    shown_chars: ClassVar[int | None] = None

    def parse(self, text: str, column: str, required: bool) -> tuple[object, str]:
        """The value of a cell's ``text`` in ``column``, and why it is invalid."""
        return (text or None), ""


@dataclass(frozen=True)
class Label(Cell):
    """A free label (staff ID, employer); blank means ``None``."""


@dataclass(frozen=True)
class Identifier(Cell):
    """A person's ID, kept as text; Excel's ``123.0`` is read as ``123``."""

    dtype: ClassVar[str] = "str"

    def parse(self, text: str, column: str, required: bool) -> tuple[object, str]:
        value = text[:-2] if text.endswith(".0") and text[:-2].isdigit() else text
        if value and safe_value(value) != value:  # a note slid into the ID column
            return value, f"{column} looks like note text, not an ID"
        return value, "" if value or not required else f"missing {column}"


@dataclass(frozen=True)
class Day(Cell):
    """A date in any form offices type (see :mod:`sign_detect.io.dates`).

    ``event`` marks the day something happened (not a plan): the loaders report such a
    date later than tomorrow as a typing error.
    """

    event: bool = False
    dtype: ClassVar[str] = "datetime64[ns]"

    def parse(self, text: str, column: str, required: bool) -> tuple[object, str]:
        if not text:
            return None, f"missing {column}" if required else ""
        return check_date(text)


@dataclass(frozen=True)
class Choice(Cell):
    """One of ``accepted`` codes, or a word of the alias table ``aliases_field``.

    ``aliases`` replaces the shipped table (an office's words, see :func:`load_aliases`).
    """

    accepted: tuple[str, ...]
    aliases_field: str
    aliases: Mapping[str, str] | None = field(default=None, compare=False, hash=False)
    #: An unknown value longer than this may be a note slid into the column.
    shown_chars: ClassVar[int | None] = 12

    @property
    def words(self) -> Mapping[str, str]:
        """The alias table in use: ``alias_key(word) -> code``."""
        return self.aliases if self.aliases is not None else _ALIASES[self.aliases_field]

    def parse(self, text: str, column: str, required: bool) -> tuple[object, str]:
        accepted = ", ".join(self.accepted)
        if not text:
            return None, f"missing {column}; accepted: {accepted}" if required else ""
        code = canonical_value(text, self.accepted, self.words)
        unknown = f"unknown {column}; accepted: {accepted} (or the Japanese terms)"
        return code, "" if code else unknown


@dataclass(frozen=True)
class Hours(Cell):
    """A number of hours within ``low``-``high`` (full-width digits accepted); blank: none."""

    low: float = 0
    high: float = 24
    dtype: ClassVar[str] = "float64"

    def parse(self, text: str, column: str, required: bool) -> tuple[object, str]:
        if not text:
            return None, ""
        try:
            number = float(unicodedata.normalize("NFKC", text))
        except ValueError:
            return None, "not a number"
        if math.isnan(number):
            return None, "not a number"
        if number < self.low or number > self.high:
            return number, f"hours must be within {self.low:g}-{self.high:g}"
        return number, ""


@dataclass(frozen=True)
class Text(Cell):
    """Free text (a note), kept exactly as written; blank is allowed."""

    dtype: ClassVar[str] = "str"
    strip: ClassVar[bool] = False

    def parse(self, text: str, column: str, required: bool) -> tuple[object, str]:
        return text, ""


def cell_of(info: FieldInfo) -> Cell:
    """The cell kind a record field declares (a free :class:`Label` if none)."""
    return next((m for m in info.metadata if isinstance(m, Cell)), Label())


def cell_text(value: object, strip: bool = True) -> str:
    """A single cell as the loaders see it: text, ``""`` when missing."""
    if value is None or value is pd.NA or value is pd.NaT:
        return ""
    if isinstance(value, float) and math.isnan(value):
        return ""
    text = value if isinstance(value, str) else str(value)
    return text.strip() if strip else text


# -- records ---------------------------------------------------------------------------
class Record(BaseModel):
    """One row of an input table; subclasses list the table's columns in order.

    Every field is read by its cell kind from text, dates or numbers; an invalid cell
    raises :class:`pydantic.ValidationError` (a ``ValueError``) with the reason the
    loaders give, and without the input value.
    """

    model_config = ConfigDict(frozen=True, extra="ignore", hide_input_in_errors=True)

    #: Columns whose values may appear on one row only (a day, a person).
    unique_key: ClassVar[tuple[str, ...]] = ()
    #: The reason reported for rows that share ``unique_key`` but differ elsewhere.
    conflict_reason: ClassVar[str] = ""

    graduate_id: Annotated[str, Identifier()]

    @field_validator("*", mode="before")
    @classmethod
    def _read_cell(cls, value: object, info: ValidationInfo) -> object:
        name = info.field_name or ""
        spec = cls.model_fields[name]
        cell = cell_of(spec)
        parsed, reason = cell.parse(cell_text(value, cell.strip), name, spec.is_required())
        if reason:
            raise ValueError(reason)  # pydantic reports it as a ValidationError
        return parsed


class CheckIn(Record):
    """One contact between staff and a graduate (phone, LINE, visit, interview, e-mail)."""

    date: Annotated[dt.date, Day(event=True)]
    channel: Annotated[Channel, Choice(CHANNELS, "channel")]
    note: Annotated[str, Text()]
    staff_id: Annotated[str | None, Label()] = None


class AttendanceDay(Record):
    """One scheduled working day of a graduate."""

    unique_key: ClassVar[tuple[str, ...]] = ("graduate_id", "date")
    conflict_reason: ClassVar[str] = "the same day is given more than once with different values"

    date: Annotated[dt.date, Day(event=True)]
    status: Annotated[Status, Choice(ATTENDANCE_STATUSES, "status")]
    scheduled_hours: Annotated[float | None, Hours()] = None
    worked_hours: Annotated[float | None, Hours()] = None


class Graduate(Record):
    """A person supported after hiring (optional table); ``hired_on`` may be ahead."""

    unique_key: ClassVar[tuple[str, ...]] = ("graduate_id",)
    conflict_reason: ClassVar[str] = (
        "the same graduate_id is given more than once with different values"
    )

    hired_on: Annotated[dt.date | None, Day()] = None
    disability_type: Annotated[
        DisabilityType | None, Choice(DISABILITY_TYPES, "disability_type")
    ] = None
    employer: Annotated[str | None, Label()] = None


class Outcome(Record):
    """A crisis event: resignation (退職) or leave of absence (休職)."""

    date: Annotated[dt.date, Day(event=True)]
    event: Annotated[Event, Choice(OUTCOME_EVENTS, "event")]


# -- table specs -----------------------------------------------------------------------
@dataclass(frozen=True)
class ColumnSpec:
    """One column of a table: its name, cell kind and whether the table must have it."""

    name: str
    cell: Cell
    required: bool


@dataclass(frozen=True)
class TableSpec:
    """What one kind of table must contain, read from its record class."""

    record: type[Record]
    columns: tuple[ColumnSpec, ...]

    @property
    def names(self) -> tuple[str, ...]:
        """Every column, in order."""
        return tuple(c.name for c in self.columns)

    @property
    def required(self) -> tuple[str, ...]:
        """The columns a table must have."""
        return tuple(c.name for c in self.columns if c.required)

    @property
    def unique_key(self) -> tuple[str, ...]:
        """Columns whose values may appear on one row only (see :class:`Record`)."""
        return self.record.unique_key

    @property
    def conflict_reason(self) -> str:
        """The reason reported for rows that clash on :attr:`unique_key`."""
        return self.record.conflict_reason

    def of_kind(self, kind: type[Cell]) -> tuple[ColumnSpec, ...]:
        """The columns whose cells are of ``kind``."""
        return tuple(c for c in self.columns if isinstance(c.cell, kind))


def table_spec(record: type[Record]) -> TableSpec:
    """The table contract of ``record``: its fields as columns, in order.

    >>> table_spec(AttendanceDay).required
    ('graduate_id', 'date', 'status')
    """
    columns = tuple(
        ColumnSpec(name, cell_of(info), info.is_required())
        for name, info in record.model_fields.items()
    )
    return TableSpec(record, columns)

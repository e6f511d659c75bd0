"""Synthetic cohorts: realistic, seeded, and free of any real person's data.

The generator follows what job-retention staff describe. Graduates are hired, then
contacted on their own cadence (weekly phone or LINE, a workplace visit every 2-4 weeks;
some prefer minimal contact). A share of them (set by the 1-year retention figure) go
through a deterioration: small signs appear in check-in notes first, attendance is
disrupted weeks later, contacts go unanswered, then they resign or take leave. Some go
through an episode of signs and recover. Stable graduates have ordinary absences (a cold)
and neutral, positive or healthy-negated notes.

Examples
--------
>>> from sign_detect.simulate import simulate_cohort
>>> cohort = simulate_cohort(n_graduates=5, days=60, seed=1)
>>> sorted(cohort.checkins.columns)
['channel', 'date', 'graduate_id', 'note', 'staff_id']
>>> cohort == simulate_cohort(n_graduates=5, days=60, seed=1)
True
"""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .errors import ParameterError

__all__ = ["Cohort", "simulate_cohort", "write_cohort"]

_DISABILITY_MIX = {"mental": 0.6, "developmental": 0.25, "intellectual": 0.1, "physical": 0.05}
# Sign categories that tend to travel together in a deterioration.
_THEMES = [
    ("sleep", "fatigue", "mood"),
    ("supervisor", "mood", "sleep"),
    ("workload", "fatigue", "physical"),
    ("coworkers", "mood", "appetite"),
    ("fatigue", "physical", "medication"),
    ("sleep", "appetite", "mood"),
    ("workload", "supervisor", "fatigue"),
]


@dataclass(frozen=True, eq=False)
class Cohort:
    """The four tables of a synthetic cohort, in the canonical column layout."""

    checkins: pd.DataFrame
    attendance: pd.DataFrame
    graduates: pd.DataFrame
    outcomes: pd.DataFrame

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Cohort):
            return NotImplemented
        return all(
            getattr(self, n).equals(getattr(other, n))
            for n in ("checkins", "attendance", "graduates", "outcomes")
        )

    __hash__ = None  # type: ignore[assignment]


@cache
def _phrases() -> dict[str, Any]:
    text = resources.files("sign_detect.data").joinpath("phrases.toml").read_text("utf-8")
    return tomllib.loads(text)


@dataclass
class _Person:
    gid: str
    hired_on: dt.date
    disability: str
    hours: float
    workdays: tuple[int, ...]
    cadence: int  # days between phone/LINE contacts
    visit_every: int  # days between workplace visits
    prefers_line: bool
    base_absent: float
    base_late: float
    crisis_day: int | None  # day index (from start) of resignation/leave
    event: str | None
    onset_day: int | None  # first day small signs can appear
    disrupt_day: int | None  # first day attendance is disrupted
    recover_day: int | None  # end of a transient episode (no crisis)
    themes: tuple[str, ...]


def _draw_person(
    i: int, rng: np.random.Generator, start: dt.date, days: int, hazard: float, recover_share: float
) -> _Person:
    hired_offset = int(rng.integers(-180, max(days // 3, 1)))
    disability = str(rng.choice(list(_DISABILITY_MIX), p=list(_DISABILITY_MIX.values())))
    first_day = max(hired_offset, 0)
    # Constant hazard after hire; people hired before the window are still employed at its start.
    time_to_crisis = first_day - hired_offset + 28 + rng.exponential(1 / hazard)
    crisis_day: int | None = int(hired_offset + time_to_crisis)
    onset = disrupt = recover = None
    if crisis_day is not None and crisis_day < days:
        onset = crisis_day - int(rng.integers(42, 85))
        disrupt = crisis_day - int(rng.integers(10, 29))
    else:
        crisis_day = None
        if rng.random() < recover_share:
            onset = int(rng.integers(first_day, max(first_day + 1, days - 30)))
            recover = onset + int(rng.integers(21, 43))
            disrupt = onset + int(rng.integers(14, 28)) if rng.random() < 0.4 else None
    minimal = rng.random() < 0.15
    part_time = rng.random() < 0.3
    return _Person(
        gid=f"G{i + 1:04d}",
        hired_on=start + dt.timedelta(days=hired_offset),
        disability=disability,
        hours=float(rng.choice([4.0, 5.0, 6.0])) if part_time else 7.5,
        workdays=(0, 1, 2, 3) if part_time and rng.random() < 0.5 else (0, 1, 2, 3, 4),
        cadence=int(rng.integers(21, 29)) if minimal else int(rng.integers(6, 9)),
        visit_every=int(rng.integers(14, 29)) if not minimal else 56,
        prefers_line=bool(rng.random() < 0.5),
        base_absent=float(rng.uniform(0.003, 0.03)),
        base_late=float(rng.uniform(0.0, 0.04)),
        crisis_day=crisis_day,
        event=(
            str(rng.choice(["resigned", "leave_of_absence"], p=[0.6, 0.4]))
            if crisis_day is not None
            else None
        ),
        onset_day=onset,
        disrupt_day=disrupt,
        recover_day=recover,
        themes=_THEMES[int(rng.integers(len(_THEMES)))],
    )


def _trouble(p: _Person, day: int) -> float:
    """0 (well) .. 1 (at crisis): how far the person is into a deterioration."""
    if p.onset_day is None or day < p.onset_day:
        return 0.0
    if p.crisis_day is not None:
        return min(1.0, (day - p.onset_day) / max(p.crisis_day - p.onset_day, 1))
    if p.recover_day is None or day >= p.recover_day:  # no crisis ahead: recovered
        return 0.0
    span = p.recover_day - p.onset_day
    return 0.6 * (1 - abs(2 * (day - p.onset_day) / span - 1))


def _attendance(
    p: _Person, rng: np.random.Generator, start: dt.date, first: int, last: int
) -> tuple[pd.DataFrame, list[int]]:
    """Working days with their status, and the first days of ordinary colds."""
    offsets = np.arange(first, last)
    dates = pd.to_datetime(start) + pd.to_timedelta(offsets, unit="D")
    keep = np.isin(dates.day_of_week, p.workdays)
    offsets, dates = offsets[keep], dates[keep]
    n = len(offsets)
    disrupted = np.zeros(n)
    if p.disrupt_day is not None:
        end = p.crisis_day if p.crisis_day is not None else (p.recover_day or p.disrupt_day)
        ramp = (offsets - p.disrupt_day) / max(end - p.disrupt_day, 1)
        disrupted = np.where((offsets >= p.disrupt_day) & (offsets < end), 0.3 + 0.7 * ramp, 0.0)
    p_absent = p.base_absent + 0.3 * disrupted
    p_late = p.base_late + 0.15 * disrupted
    p_early = 0.01 + 0.1 * disrupted
    p_paid = np.full(n, 0.03)
    u = rng.random(n)
    status = np.full(n, "present", dtype=object)
    cuts = np.cumsum(np.vstack([p_absent, p_late, p_early, p_paid]), axis=0)
    status[u < cuts[3]] = "paid_leave"
    status[u < cuts[2]] = "early_leave"
    status[u < cuts[1]] = "late"
    status[u < cuts[0]] = "absent"
    # Absences come in short spells (1-3 days): extend some absences to the next day(s).
    for idx in np.flatnonzero(status == "absent"):
        for k in range(1, int(rng.integers(1, 4))):
            if idx + k < n:
                status[idx + k] = "absent"
    # An ordinary cold: one short spell a few times a year.
    colds = []
    for _ in range(int(rng.poisson(n / 250 * 2))):
        cold = int(rng.integers(n))
        status[cold : cold + int(rng.integers(1, 3))] = "absent"
        colds.append(int(offsets[cold]))
    worked = np.full(n, p.hours)
    worked[status == "late"] -= rng.uniform(0.5, 2.0, (status == "late").sum())
    worked[status == "early_leave"] -= rng.uniform(1.0, 3.5, (status == "early_leave").sum())
    worked[(status == "absent") | (status == "paid_leave")] = 0.0
    frame = pd.DataFrame(
        {
            "graduate_id": p.gid,
            "date": dates.normalize(),
            "status": status,
            "scheduled_hours": p.hours,
            "worked_hours": np.round(np.clip(worked, 0, None), 1),
        }
    )
    return frame, colds


def _contact_days(
    p: _Person, rng: np.random.Generator, first: int, last: int
) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    day = first + int(rng.integers(0, p.cadence))
    while day < last:
        channel = "line" if p.prefers_line else "phone"
        if rng.random() < 0.1:
            channel = "email" if rng.random() < 0.3 else ("phone" if channel == "line" else "line")
        out.append((day, channel))
        day += max(1, p.cadence + int(rng.integers(-2, 3)))
    day = first + int(rng.integers(3, p.visit_every + 3))
    while day < last:
        out.append((day, "visit" if rng.random() < 0.85 else "interview"))
        day += p.visit_every + int(rng.integers(-3, 4))
    return sorted(out)


def _pick(rng: np.random.Generator, items: list[str]) -> str:
    return items[int(rng.integers(len(items)))]


def _note(p: _Person, rng: np.random.Generator, day: int, channel: str) -> str | None:
    """A note for a contact, or None when the graduate did not answer."""
    bank = _phrases()
    trouble = _trouble(p, day)
    if trouble > 0.5 and p.crisis_day is not None and rng.random() < 0.45 * trouble:
        return None if rng.random() < 0.5 else _pick(rng, bank["templates"]["no_answer"])
    fragments: list[str] = []
    if trouble > 0 and rng.random() < 0.3 + 0.65 * trouble:
        categories = list(p.themes)
        if p.crisis_day is not None and trouble > 0.6:
            categories.append("quit_intent")
        for _ in range(1 + int(rng.random() < trouble * 0.6)):
            category = _pick(rng, categories)
            strength = "strong" if rng.random() < trouble else "mild"
            fragments.append(_pick(rng, bank["signs"][category][strength]))
    elif rng.random() < 0.04:  # an ordinary small complaint of a well person
        category = _pick(rng, list(bank["signs"]))
        fragments.append(_pick(rng, bank["signs"][category]["mild"]))
    roll = rng.random()
    if roll < 0.25:
        fragments.append(_pick(rng, bank["healthy"][_pick(rng, list(bank["healthy"]))]))
    elif roll < 0.35:
        fragments.append(_pick(rng, bank["resolved"]["phrases"]))
    elif roll < 0.55 and trouble == 0:
        fragments.append(_pick(rng, bank["positive"]["phrases"]))
    if not fragments or rng.random() < 0.4:
        fragments.append(_pick(rng, bank["neutral"]["phrases"]))
    order = rng.permutation(len(fragments))
    quote = "。".join(fragments[i] for i in order)
    if channel == "line" and rng.random() < 0.7:
        return _pick(rng, bank["templates"]["line"]).format(quote=quote)
    kind = "staff" if rng.random() < 0.7 else "staff_plain"
    text = _pick(rng, bank["templates"][kind]).format(quote=quote)
    return text if text.endswith("。") else text + "。"


def _checkins(
    p: _Person, rng: np.random.Generator, start: dt.date, first: int, last: int, colds: list[int]
) -> pd.DataFrame:
    rows = []
    staff = f"S{int(rng.integers(1, 6)):02d}"
    for day, channel in _contact_days(p, rng, first, last):
        note = _note(p, rng, day, channel)
        if note is None:
            continue  # unanswered: no record, the gap itself is the sign
        if any(0 <= day - c <= 7 for c in colds) and rng.random() < 0.7:
            # The first contact after an ordinary cold is about the cold.
            cold = _pick(rng, _phrases()["cold"]["phrases"])
            kind = "line" if channel == "line" else "staff"
            note = _pick(rng, _phrases()["templates"][kind]).format(quote=cold)
        rows.append((p.gid, start + dt.timedelta(days=day), channel, note, staff))
    frame = pd.DataFrame(rows, columns=["graduate_id", "date", "channel", "note", "staff_id"])
    frame["date"] = pd.to_datetime(frame["date"]).astype("datetime64[ns]")
    return frame


def simulate_cohort(
    n_graduates: int = 40,
    *,
    start: str | dt.date = "2025-01-06",
    days: int = 270,
    retention_1y: float = 0.5,
    recover_share: float = 0.2,
    seed: int = 0,
) -> Cohort:
    """Generate a synthetic cohort.

    Parameters
    ----------
    n_graduates : int
        Number of graduates.
    start : date or ``YYYY-MM-DD``
        First day of the observation window.
    days : int
        Length of the observation window in days.
    retention_1y : float
        Share of graduates still employed one year after hire (about 0.5 for mental
        disabilities, the figure staff quote; JEED 2017: 49.3%).
    recover_share : float
        Share of the graduates who stay employed that go through a transient episode of
        small signs and recover.
    seed : int
        Random seed; the same arguments always give the same cohort.

    Returns
    -------
    Cohort
        ``checkins``, ``attendance``, ``graduates`` and ``outcomes`` DataFrames.
    """
    if not 0 < retention_1y <= 1:
        raise ParameterError(f"retention_1y must be in (0, 1], got {retention_1y!r}")
    if n_graduates < 1 or days < 1:
        raise ParameterError("n_graduates and days must be positive")
    start_date = pd.Timestamp(start).date()
    rng = np.random.default_rng(seed)
    hazard = max(-np.log(retention_1y), 1e-9) / 365.0
    checkins, attendance, graduates, outcomes = [], [], [], []
    for i in range(n_graduates):
        p = _draw_person(i, rng, start_date, days, hazard, recover_share)
        first = max((p.hired_on - start_date).days, 0)
        last = p.crisis_day if p.crisis_day is not None else days
        workdays, colds = _attendance(p, rng, start_date, first, last)
        attendance.append(workdays)
        checkins.append(_checkins(p, rng, start_date, first, last, colds))
        graduates.append(
            (p.gid, pd.Timestamp(p.hired_on), p.disability, f"E{int(rng.integers(1, 30)):03d}")
        )
        if p.crisis_day is not None:
            outcomes.append(
                (p.gid, pd.Timestamp(start_date + dt.timedelta(days=p.crisis_day)), p.event)
            )
    grads = pd.DataFrame(
        graduates, columns=["graduate_id", "hired_on", "disability_type", "employer"]
    )
    outs = pd.DataFrame(outcomes, columns=["graduate_id", "date", "event"])
    for frame, column in ((grads, "hired_on"), (outs, "date")):
        frame[column] = pd.to_datetime(frame[column]).astype("datetime64[ns]")
    return Cohort(
        checkins=pd.concat(checkins, ignore_index=True),
        attendance=pd.concat(attendance, ignore_index=True),
        graduates=grads,
        outcomes=outs,
    )


def write_cohort(cohort: Cohort, directory: str | Path) -> dict[str, Path]:
    """Write the four tables as UTF-8 CSV files (``checkins.csv`` ...) into ``directory``."""
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name in ("checkins", "attendance", "graduates", "outcomes"):
        frame = getattr(cohort, name).copy()
        for column in frame.columns:
            if pd.api.types.is_datetime64_any_dtype(frame[column]):
                frame[column] = frame[column].dt.strftime("%Y-%m-%d")
        paths[name] = out / f"{name}.csv"
        frame.to_csv(paths[name], index=False, encoding="utf-8")
    return paths

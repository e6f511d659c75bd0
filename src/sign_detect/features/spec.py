"""The feature specification: every window length and feature name, defined once.

Three families of features describe a graduate at an as-of date: attendance
(:data:`ATTENDANCE`), check-ins (:data:`CHECKIN`) and the optional graduate table
(:data:`GRADUATE`). Each family is a frozen dataclass holding its windows (in days) and
building its column names from them, so the code that computes a feature, the risk rules
that read it and the models trained on it all take the name from here; a renamed or
removed feature fails when a scorer configuration loads, not in the middle of a ranking.

Examples
--------
>>> from sign_detect.features.spec import ATTENDANCE, CHECKIN, FEATURE_NAMES, RECENT
>>> RECENT, CHECKIN.notes("sleep"), ATTENDANCE.excess("absent")
(28, 'sign_sleep_n28d', 'att_absent_excess_28d')
>>> CHECKIN.crisis in FEATURE_NAMES
True
"""

from __future__ import annotations

from dataclasses import dataclass

from ..text.categories import CATEGORIES

__all__ = [
    "ATTENDANCE",
    "BASELINE",
    "CHECKIN",
    "FEATURE_NAMES",
    "GRADUATE",
    "RECENT",
    "AttendanceFeatures",
    "CheckinFeatures",
    "GraduateFeatures",
]

#: The recent window: the last 4 weeks up to and including the as-of date.
RECENT = 28
#: The person's usual: the 24 weeks before the recent window.
BASELINE = 168
#: Attendance statuses that were not planned (paid leave is planned).
UNPLANNED = ("absent", "late", "early_leave")


@dataclass(frozen=True)
class AttendanceFeatures:
    """Attendance features: rates per recorded day, compared with the person's usual."""

    recent: int = RECENT
    baseline: int = BASELINE
    #: Windows of the day counts and rates: a week, 4 weeks, 12 weeks.
    windows: tuple[int, ...] = (7, RECENT, 84)
    #: Window of absence spells (Bradford score, Monday absences): 12 weeks.
    spells_window: int = 84
    #: Statuses counted in the recent window.
    counted: tuple[str, ...] = (*UNPLANNED, "paid_leave")
    #: Consecutive absent records ending at the latest record.
    streak: str = "att_absent_streak"
    #: Days since the latest attendance record (NaN without any).
    days_since_record: str = "att_days_since_record"
    history_days: str = "att_history_days"

    def days(self, window: int) -> str:
        """Recorded days in a window."""
        return f"att_days_{window}d"

    def rate(self, status: str, window: int) -> str:
        """Share of recorded days with ``status`` in a window."""
        return f"att_{status}_rate_{window}d"

    def count(self, status: str) -> str:
        """Days with ``status`` in the recent window."""
        return f"att_{status}_{self.recent}d"

    def base_rate(self, status: str) -> str:
        """The person's usual (smoothed) rate of ``status`` over the baseline weeks."""
        return f"att_{status}_rate_base"

    def excess(self, status: str) -> str:
        """Days with ``status`` in the recent window beyond the person's usual rate."""
        return f"att_{status}_excess_{self.recent}d"

    @property
    def recent_days(self) -> str:
        return self.days(self.recent)

    @property
    def spells(self) -> str:
        return f"att_spells_{self.spells_window}d"

    @property
    def absent_days(self) -> str:
        return f"att_absent_days_{self.spells_window}d"

    @property
    def bradford(self) -> str:
        return f"att_bradford_{self.spells_window}d"

    @property
    def monday_absent(self) -> str:
        return f"att_monday_absent_{self.spells_window}d"

    @property
    def hours_ratio(self) -> str:
        return f"att_hours_ratio_{self.recent}d"

    @property
    def names(self) -> list[str]:
        """Every attendance feature, in column order."""
        return (
            [self.days(w) for w in self.windows]
            + [self.rate(s, w) for w in self.windows for s in UNPLANNED]
            + [self.count(s) for s in self.counted]
            + [self.base_rate(s) for s in UNPLANNED]
            + [self.excess(s) for s in UNPLANNED]
            + [
                self.streak,
                self.spells,
                self.absent_days,
                self.bradford,
                self.monday_absent,
                self.hours_ratio,
                self.days_since_record,
                self.history_days,
            ]
        )


@dataclass(frozen=True)
class CheckinFeatures:
    """Check-in features: signs in notes per category, and the contact rhythm."""

    recent: int = RECENT
    baseline: int = BASELINE
    #: A longer window for signs that persist (several notes over two months).
    sustained: int = 56
    #: A sign is "new" only when this many days of earlier notes exist (8 weeks before
    #: the recent window).
    new_min_history: int = RECENT + 56
    #: The person's usual share of notes with a sign (before the sustained window).
    notes_rate_base: str = "sign_notes_rate_base"
    new_categories: str = "sign_new_categories"
    #: Days since the last contact that got through.
    days_since_contact: str = "contact_days_since"
    #: Median days between contact days.
    usual_gap: str = "contact_usual_gap"
    gap_ratio: str = "contact_gap_ratio"
    #: Unanswered attempts since the last contact that got through.
    unanswered_run: str = "contact_unanswered_run"
    note_length_ratio: str = "note_len_ratio"

    @property
    def baseline_weeks(self) -> int:
        """The baseline window in weeks (as reasons say it)."""
        return self.baseline // 7

    def strength(self, category: str) -> str:
        """Summed sign strength of a category in the recent window."""
        return f"sign_{category}_{self.recent}d"

    def notes(self, category: str) -> str:
        """Notes with a sign of a category in the recent window."""
        return f"sign_{category}_n{self.recent}d"

    def notes_base(self, category: str) -> str:
        """Notes with a sign of a category over the baseline weeks."""
        return f"sign_{category}_nbase"

    def new(self, category: str) -> str:
        """1 when a category appears in the recent window and never before."""
        return f"sign_{category}_new"

    @property
    def total(self) -> str:
        return f"sign_total_{self.recent}d"

    @property
    def total_excess(self) -> str:
        return f"sign_total_excess_{self.recent}d"

    @property
    def categories(self) -> str:
        return f"sign_categories_{self.recent}d"

    @property
    def sustained_notes(self) -> str:
        return f"sign_notes_{self.sustained}d"

    @property
    def crisis(self) -> str:
        return f"sign_crisis_{self.recent}d"

    @property
    def contacts(self) -> str:
        return f"contact_n_{self.recent}d"

    @property
    def unanswered(self) -> str:
        return f"contact_unanswered_{self.recent}d"

    @property
    def names(self) -> list[str]:
        """Every check-in feature, in column order."""
        return (
            [self.strength(c) for c in CATEGORIES]
            + [self.notes(c) for c in CATEGORIES]
            + [self.notes_base(c) for c in CATEGORIES]
            + [self.new(c) for c in CATEGORIES]
            + [
                self.total,
                self.total_excess,
                self.categories,
                self.sustained_notes,
                self.notes_rate_base,
                self.new_categories,
                self.crisis,
                self.contacts,
                self.days_since_contact,
                self.usual_gap,
                self.gap_ratio,
                self.unanswered,
                self.unanswered_run,
                self.note_length_ratio,
            ]
        )


@dataclass(frozen=True)
class GraduateFeatures:
    """Features from the optional graduate table."""

    tenure: str = "tenure_days"
    #: 1 - the 1-year retention rate of the person's disability type (a group statistic).
    prior: str = "prior_1y_separation"

    @property
    def names(self) -> list[str]:
        return [self.tenure, self.prior]


ATTENDANCE = AttendanceFeatures()
CHECKIN = CheckinFeatures()
GRADUATE = GraduateFeatures()

#: Every feature column, in the order :func:`sign_detect.build_features` returns them.
FEATURE_NAMES: list[str] = ATTENDANCE.names + CHECKIN.names + GRADUATE.names

"""Check-in features per graduate as of a date: signs in notes and the contact rhythm.

Notes are scored once (:func:`score_checkins`) and the scored table, which no longer holds
the note text, is reused for every as-of date. Each feature compares the last 4 weeks with
the person's own usual: the 24 weeks before them for sign counts, the whole history before
``as_of`` for contact cadence and note length. Notes that record an unanswered attempt
(電話するも応答なし) are not contacts: they are counted apart, and the contact gap runs on.
"""

from __future__ import annotations

import pandas as pd

from ..text.categories import CATEGORIES
from ..text.contact_outcome import UnansweredDetector
from ..text.scoring import SignScorer, score_notes
from .spec import CHECKIN
from .windows import rows_as_of, window

__all__ = ["CHECKIN_FEATURES", "checkin_features", "score_checkins"]

C = CHECKIN
#: Columns of the scored notes: strength per category (0-1).
SIGN_COLUMNS = [f"sign_{c}" for c in CATEGORIES]
#: Every check-in feature, in column order (see :mod:`sign_detect.features.spec`).
CHECKIN_FEATURES: list[str] = C.names


def score_checkins(
    checkins: pd.DataFrame,
    *,
    scorer: SignScorer | None = None,
    unanswered: UnansweredDetector | None = None,
    hits: bool = False,
) -> pd.DataFrame:
    """Score validated check-ins once: keys, channel, note length, ``unanswered`` and
    ``sign_*`` columns.

    The result holds no note text, so it can be kept and reused across as-of dates;
    ``hits=True`` adds ``sign_hits`` (the words that fired), for reports that show evidence.
    """
    signs = score_notes(checkins, scorer=scorer)
    scored = checkins[["graduate_id", "date", "channel"]].copy()
    scored["note_len"] = checkins["note"].fillna("").astype(str).str.len().to_numpy()
    if unanswered is not None:
        detector = unanswered
    else:
        detector = scorer.unanswered if scorer is not None else UnansweredDetector.default()
    scored["unanswered"] = detector.is_unanswered(checkins["note"])
    for column in SIGN_COLUMNS:
        scored[column] = signs[column].to_numpy()
    scored["crisis"] = signs["crisis"].to_numpy()
    if hits:
        scored["sign_hits"] = signs["sign_hits"].to_numpy()
    return scored.reset_index(drop=True)


def _usual_gap(past: pd.DataFrame) -> pd.Series:
    """Median days between consecutive contact days, per graduate."""
    days = past[["graduate_id", "date"]].drop_duplicates().sort_values(["graduate_id", "date"])
    gaps = days.groupby("graduate_id")["date"].diff().dt.days
    return gaps.groupby(days["graduate_id"]).median()


def _contact_features(
    out: pd.DataFrame, past: pd.DataFrame, as_of: pd.Timestamp, index: pd.Index
) -> None:
    """Contact rhythm from answered contacts; unanswered attempts counted apart."""
    unanswered = past["unanswered"].astype(bool)
    answered: pd.DataFrame = past.loc[~unanswered]
    missed: pd.DataFrame = past.loc[unanswered]
    recent = window(answered, as_of, C.recent)
    out[C.contacts] = (
        recent.groupby("graduate_id").size().reindex(index, fill_value=0).astype(float)
    )
    first = past.groupby("graduate_id")["date"].min().reindex(index)
    last = answered.groupby("graduate_id")["date"].max().reindex(index)
    out[C.days_since_contact] = (as_of - last.fillna(first)).dt.days.astype(float)
    usual = _usual_gap(answered).reindex(index)
    out[C.usual_gap] = usual
    out[C.gap_ratio] = (out[C.days_since_contact] / usual.clip(lower=1)).fillna(0.0)
    out[C.unanswered] = (
        window(missed, as_of, C.recent)
        .groupby("graduate_id")
        .size()
        .reindex(index, fill_value=0)
        .astype(float)
    )
    since = missed["date"] > last.reindex(missed["graduate_id"]).fillna(pd.Timestamp.min).to_numpy()
    out[C.unanswered_run] = (
        missed[since].groupby("graduate_id").size().reindex(index, fill_value=0).astype(float)
    )
    before = answered[answered["date"] <= as_of - pd.Timedelta(days=C.recent)]
    recent_len = recent.groupby("graduate_id")["note_len"].mean().reindex(index)
    usual_len = before.groupby("graduate_id")["note_len"].mean().reindex(index)
    out[C.note_length_ratio] = (recent_len / usual_len.where(usual_len > 0)).fillna(1.0).clip(0, 5)


def checkin_features(
    scored: pd.DataFrame, as_of: pd.Timestamp, graduates: pd.Index | None = None
) -> pd.DataFrame:
    """Check-in features as of ``as_of`` (inclusive), one row per graduate.

    Parameters
    ----------
    scored : DataFrame
        Output of :func:`score_checkins`.
    as_of : Timestamp
        Nothing dated after this day is read.
    graduates : Index, optional
        Rows to return.

    Returns
    -------
    DataFrame
        Index ``graduate_id``, columns :data:`CHECKIN_FEATURES`.
    """
    past, index = rows_as_of(scored, as_of, graduates)
    out = pd.DataFrame(index=index)
    recent = window(past, as_of, C.recent)
    base = window(past, as_of, C.baseline, end_days=C.recent)
    before = past[past["date"] <= as_of - pd.Timedelta(days=C.recent)]
    g_recent = recent.groupby("graduate_id")
    strength = g_recent[SIGN_COLUMNS].sum().reindex(index, fill_value=0.0)
    n_recent = (
        (recent[SIGN_COLUMNS] > 0).groupby(recent["graduate_id"]).sum().reindex(index, fill_value=0)
    )
    n_base = (
        (base[SIGN_COLUMNS] > 0).groupby(base["graduate_id"]).sum().reindex(index, fill_value=0)
    )
    ever_before = (
        (before[SIGN_COLUMNS] > 0)
        .groupby(before["graduate_id"])
        .any()
        .reindex(index, fill_value=False)
    )
    history = (as_of - past.groupby("graduate_id")["date"].min()).dt.days.reindex(index).fillna(0)
    for c, column in zip(CATEGORIES, SIGN_COLUMNS, strict=True):
        out[C.strength(c)] = strength[column]
        out[C.notes(c)] = n_recent[column].astype(float)
        out[C.notes_base(c)] = n_base[column].astype(float)
        out[C.new(c)] = (
            (n_recent[column] > 0) & ~ever_before[column] & (history >= C.new_min_history)
        ).astype(float)
    base_total = (base[SIGN_COLUMNS] > 0).groupby(base["graduate_id"]).sum().sum(axis=1)
    out[C.total] = strength[SIGN_COLUMNS].sum(axis=1)
    out[C.total_excess] = n_recent[SIGN_COLUMNS].sum(axis=1) - (
        base_total.reindex(index, fill_value=0) * C.recent / C.baseline
    )
    out[C.categories] = (n_recent[SIGN_COLUMNS] > 0).sum(axis=1).astype(float)
    sustained = window(past, as_of, C.sustained)
    with_sign = (sustained[SIGN_COLUMNS] > 0).any(axis=1)
    out[C.sustained_notes] = (
        with_sign.groupby(sustained["graduate_id"]).sum().reindex(index, fill_value=0).astype(float)
    )
    earlier = window(past, as_of, C.baseline, end_days=C.sustained)
    earlier_sign = (earlier[SIGN_COLUMNS] > 0).any(axis=1).groupby(earlier["graduate_id"])
    # Usual share of notes with a sign (smoothed: 1 in 10 assumed before any history).
    out[C.notes_rate_base] = (
        (earlier_sign.sum().reindex(index, fill_value=0) + 0.1)
        / (earlier_sign.size().reindex(index, fill_value=0) + 1.0)
    ).astype(float)
    out[C.new_categories] = out[[C.new(c) for c in CATEGORIES]].sum(axis=1)
    out[C.crisis] = (
        recent["crisis"]
        .astype(bool)
        .groupby(recent["graduate_id"])
        .sum()
        .reindex(index, fill_value=0)
        .astype(float)
    )
    _contact_features(out, past, as_of, index)
    out.index.name = "graduate_id"
    return out[CHECKIN_FEATURES].astype(float)

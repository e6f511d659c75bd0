"""The small-sign categories: their ids (public API) and Japanese labels for staff."""

from __future__ import annotations

__all__ = ["CATEGORIES", "CATEGORY_LABELS"]

#: Category ids, in the order used for columns (``sign_<id>``).
CATEGORIES: tuple[str, ...] = (
    "sleep",
    "fatigue",
    "supervisor",
    "coworkers",
    "workload",
    "mood",
    "physical",
    "appetite",
    "medication",
    "quit_intent",
)

#: Short Japanese labels used in reasons shown to staff.
CATEGORY_LABELS: dict[str, str] = {
    "sleep": "睡眠",
    "fatigue": "疲労",
    "supervisor": "上司・指示",
    "coworkers": "同僚・人間関係",
    "workload": "業務量",
    "mood": "気分",
    "physical": "体調",
    "appetite": "食欲",
    "medication": "服薬・通院",
    "quit_intent": "離職・出勤への抵抗",
}

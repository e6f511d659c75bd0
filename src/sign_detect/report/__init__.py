"""Outputs staff open: the HTML report, the formatted Excel ranking, suggested actions."""

from .actions import Action, Actions
from .build import report_page
from .excel import write_ranking_xlsx
from .html import render_report
from .summary import LEVEL_LABELS, change_since, left_out_count

__all__ = [
    "LEVEL_LABELS",
    "Action",
    "Actions",
    "change_since",
    "left_out_count",
    "render_report",
    "report_page",
    "write_ranking_xlsx",
]

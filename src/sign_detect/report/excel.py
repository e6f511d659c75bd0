"""The ranking as a formatted Excel workbook for staff (openpyxl).

Sheet 1 (named after the as-of date): a title row with the as-of date and the people left
out, Japanese headers, levels 高/中/低 with a fill colour, reasons one per line (wrapped),
column widths, a frozen header and an autofilter. Sheet 2 explains each reason and its
suggested early action.

Examples
--------
>>> import pandas as pd, tempfile, pathlib
>>> from openpyxl import load_workbook
>>> from sign_detect import write_ranking_xlsx
>>> ranking = pd.DataFrame({"graduate_id": ["G1"], "rank": [1], "risk": [0.7],
...                         "level": ["high"], "reasons": [["睡眠の訴え: 直近4週で3回"]]})
>>> path = pathlib.Path(tempfile.mkdtemp()) / "ranking.xlsx"
>>> write_ranking_xlsx(ranking, path, as_of="2025-09-30")
>>> book = load_workbook(path)
>>> book.sheetnames
['順位 2025-09-30', '理由と対応']
>>> book.worksheets[0]["C3"].value
'高'
"""

from __future__ import annotations

import os
from collections.abc import Sequence

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ..features.build import AsOf, resolve_as_of
from .actions import Actions
from .summary import LEVEL_LABELS

__all__ = ["LEVEL_FILLS", "write_ranking_xlsx"]

#: Fill colours of the level cells (RGB hex).
LEVEL_FILLS = {"high": "F4B6B6", "medium": "FFE699", "low": "E2EFDA"}
HEADER_FILL = "D9D9D9"
_HEADERS = ("順位", "ID", "レベル", "リスク", "理由")
_WIDTHS = (6, 12, 8, 8, 80)
_ACTION_WIDTHS = (8, 22, 60, 70)
_LINE_HEIGHT = 15.0


def write_ranking_xlsx(
    ranking: pd.DataFrame,
    path: str | os.PathLike[str],
    *,
    as_of: AsOf,
    left_out: int = 0,
    actions: Actions | None = None,
) -> None:
    """Write a ranking as a formatted .xlsx for staff.

    Parameters
    ----------
    ranking : DataFrame
        ``graduate_id, rank, risk, level, reasons`` (:func:`rank_graduates`).
    path : path
        The .xlsx file to write.
    as_of : date
        The ranking's date, written in the title row and the sheet name.
    left_out : int
        People not ranked because they resigned or went on leave before ``as_of``.
    actions : Actions, optional
        Texts of the second sheet (default: ``data/actions.toml``).
    """
    stamp = resolve_as_of(as_of)
    book = Workbook()
    sheet = book.create_sheet(f"順位 {stamp.date().isoformat()}", 0)
    del book[book.sheetnames[1]]  # the empty sheet every new workbook starts with
    title = f"小さなサイン 順位一覧(基準日 {stamp.date().isoformat()}、{len(ranking)}人"
    title += f"、基準日までに退職・休職した{left_out}人を除く)" if left_out else ")"
    levels = ranking["level"].astype(str)
    rows = list(
        zip(
            ranking["rank"].astype(int).tolist(),
            ranking["graduate_id"].astype(str).tolist(),
            levels.map(lambda level: LEVEL_LABELS.get(level, level)).tolist(),
            ranking["risk"].astype(float).tolist(),
            ranking["reasons"].map("\n".join).tolist(),
            strict=True,
        )
    )
    _fill_table(sheet, title, _HEADERS, rows, _WIDTHS)
    for k, level in enumerate(levels, start=3):
        sheet.cell(k, 3).fill = PatternFill("solid", fgColor=LEVEL_FILLS.get(level, "FFFFFF"))
        sheet.cell(k, 3).alignment = Alignment(horizontal="center", vertical="top")
        sheet.cell(k, 4).number_format = "0.00"
    table = (actions or Actions.default()).to_frame()
    explain = book.create_sheet("理由と対応")
    _fill_table(
        explain,
        "理由の意味と早めの対応(案): 事業所で編集できます(actions.toml)",
        tuple(table.columns),
        list(table.itertuples(index=False, name=None)),
        _ACTION_WIDTHS,
    )
    book.save(os.fspath(path))


def _fill_table(
    sheet: Worksheet,
    title: str,
    headers: Sequence[str],
    rows: Sequence[Sequence[object]],
    widths: Sequence[int],
) -> None:
    """Title in row 1, bold headers in row 2 (frozen, autofilter), wrapped rows below."""
    sheet.cell(1, 1, title).font = Font(bold=True, size=13)
    for col, (header, width) in enumerate(zip(headers, widths, strict=True), start=1):
        cell = sheet.cell(2, col, header)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
        sheet.column_dimensions[get_column_letter(col)].width = width
    wrap = Alignment(wrap_text=True, vertical="top")
    for r, values in enumerate(rows, start=3):
        for col, value in enumerate(values, start=1):
            sheet.cell(r, col, value).alignment = wrap
        sheet.row_dimensions[r].height = _LINE_HEIGHT * max(_lines(values, widths), 1)
    sheet.freeze_panes = "A3"
    last = get_column_letter(len(headers))
    sheet.auto_filter.ref = f"A2:{last}{max(len(rows) + 2, 2)}"


def _lines(values: Sequence[object], widths: Sequence[int]) -> int:
    """Lines a wrapped row needs (a full-width character takes about two width units)."""
    return max(
        sum(-(-2 * len(line) // width) or 1 for line in str(value).split("\n"))
        for value, width in zip(values, widths, strict=True)
    )

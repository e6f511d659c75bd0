"""The formatted Excel ranking staff open: title, headers, levels, widths, wrapping."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

from sign_detect import Actions, write_ranking_xlsx
from sign_detect.report.excel import LEVEL_FILLS

RANKING = pd.DataFrame(
    {
        "graduate_id": ["G0007", "G0002", "G0011"],
        "rank": [1, 2, 3],
        "risk": [0.91, 0.42, 0.05],
        "level": pd.Categorical(
            ["high", "medium", "low"], categories=["low", "medium", "high"], ordered=True
        ),
        "reasons": [
            [
                "危機的な発言(死にたい・自傷など): 直近4週で1回。本人と早急に連絡を",
                "睡眠の訴え: 直近4週で2回",
            ],
            ["連絡がつかない: 最後に話せてから3回応答なし"],
            [],
        ],
    }
)


@pytest.fixture(scope="module")
def book_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("xlsx") / "ranking.xlsx"
    write_ranking_xlsx(RANKING, path, as_of="2025-09-30", left_out=4)
    return path


def test_title_row_and_sheet_name_carry_the_as_of_date(book_path: Path) -> None:
    sheet = load_workbook(book_path).worksheets[0]
    assert sheet.title == "順位 2025-09-30"
    title = sheet["A1"].value
    assert "基準日 2025-09-30" in title and "3人" in title and "退職・休職した4人を除く" in title


def test_japanese_headers_frozen_and_filtered(book_path: Path) -> None:
    sheet = load_workbook(book_path).worksheets[0]
    assert [c.value for c in sheet[2]] == ["順位", "ID", "レベル", "リスク", "理由"]
    assert sheet.freeze_panes == "A3"
    assert sheet.auto_filter.ref == "A2:E5"
    assert sheet["A2"].font.bold


def test_levels_are_japanese_with_fill_colours(book_path: Path) -> None:
    sheet = load_workbook(book_path).worksheets[0]
    cells = [sheet.cell(row, 3) for row in (3, 4, 5)]
    assert [c.value for c in cells] == ["高", "中", "低"]
    colours = [c.fill.fgColor.rgb[-6:] for c in cells]
    assert colours == [LEVEL_FILLS["high"], LEVEL_FILLS["medium"], LEVEL_FILLS["low"]]


def test_reasons_one_per_line_wrapped_with_room(book_path: Path) -> None:
    sheet = load_workbook(book_path).worksheets[0]
    reasons = sheet["E3"]
    assert reasons.value.split("\n") == RANKING["reasons"][0]
    assert reasons.alignment.wrap_text
    assert sheet.row_dimensions[3].height >= 2 * 15
    assert sheet.column_dimensions["E"].width >= 60
    assert sheet["E5"].value is None or sheet["E5"].value == ""


def test_second_sheet_explains_each_reason_and_its_action(book_path: Path) -> None:
    sheet = load_workbook(book_path)["理由と対応"]
    assert [c.value for c in sheet[2]] == ["種類", "項目", "意味", "早めの対応"]
    rows = {r[1]: r[3] for r in sheet.iter_rows(min_row=3, values_only=True)}
    actions = Actions.default()
    assert rows["危機的な発言"] == actions.reasons["crisis"].action
    assert rows["睡眠"] == actions.categories["sleep"].action
    assert len(rows) == len(actions.categories) + len(actions.reasons)
    assert sheet.freeze_panes == "A3"

"""Files as offices export them, and the faults people make: nothing lost, nothing leaked."""

from __future__ import annotations

import datetime as dt
import io
import re
import tempfile
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from sign_detect import (
    InputFileError,
    InputValidationError,
    MissingColumnsError,
    load_attendance,
    load_checkins,
)

HEADER = "graduate_id,date,channel,note\n"
NOTE = "最近、夜中に何度も目が覚めてしまい、朝起きるのがつらいと話していた。上司には未相談。"


def _write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def _rows(n: int, start: int = 1) -> str:
    return "".join(
        f"G{i},2025-04-{i % 28 + 1:02d},電話,眠れない日が続く\n" for i in range(start, start + n)
    )


# --- rows lost or changed without a word -----------------------------------------------


def test_an_unterminated_quote_costs_one_row_not_the_rest_of_the_file(tmp_path: Path) -> None:
    text = HEADER + _rows(5) + 'G6,2025-04-07,電話,"疲れが溜まってきた\n' + _rows(24, start=7)
    path = _write(tmp_path, "quote.csv", text)
    good, quarantine = load_checkins(path, errors="quarantine")
    assert len(good) == 29 and len(quarantine) == 1
    assert quarantine["line"].tolist() == [7]
    assert "never closed" in quarantine["reason"].iloc[0]
    with pytest.raises(InputValidationError, match=r"quote\.csv.*\n  line 7, column \(whole row\)"):
        load_checkins(path)


def test_an_unquoted_comma_in_a_note_is_reported_not_cut(tmp_path: Path) -> None:
    text = (
        "graduate_id,date,channel,note,staff_id\n"
        'G1,2025-04-01,電話,"眠れない, と話す",S1\n'
        "G2,2025-04-02,電話,上司が怖い, 職場に行けない,S2\n"
        "G3,2025-04-03,LINE,特になし,S1\n"
    )
    good, quarantine = load_checkins(_write(tmp_path, "comma.csv", text), errors="quarantine")
    assert good["graduate_id"].tolist() == ["G1", "G3"]
    assert good["note"].iloc[0] == "眠れない, と話す"
    assert quarantine["line"].tolist() == [3]
    assert "6 fields where the header has 5" in quarantine["reason"].iloc[0]
    assert "上司" not in quarantine.to_csv()


def test_a_row_with_a_missing_field_is_reported_without_its_note(tmp_path: Path) -> None:
    text = HEADER + "G1,2025-04-01,電話,特になし\n" + f"G2,2025-04-02,{NOTE}\n"
    path = _write(tmp_path, "short.csv", text)
    with pytest.raises(InputValidationError) as info:
        load_checkins(path)
    assert "上司" not in str(info.value) and "目が覚めて" not in str(info.value)
    assert "3 fields where the header has 4" in str(info.value)
    _, quarantine = load_checkins(path, errors="quarantine")
    assert quarantine["line"].tolist() == [3]
    assert "目が覚めて" not in quarantine.to_csv()


def test_a_shifted_note_in_an_enum_column_is_shown_by_length_only() -> None:
    raw = pd.DataFrame(
        {"graduate_id": ["G1"], "date": ["2025-04-01"], "channel": [NOTE], "note": ["電話"]}
    )
    with pytest.raises(InputValidationError) as info:
        load_checkins(raw)
    assert f"<text of {len(NOTE)} characters>" in str(info.value)
    assert "目が覚めて" not in str(info.value)
    assert "目が覚めて" not in info.value.rows.to_csv()


@pytest.mark.parametrize("column", ["graduate_id", "date", "channel"])
def test_no_column_quotes_a_note_shaped_value(column: str) -> None:
    row = {"graduate_id": "G1", "date": "2025-04-01", "channel": "電話", "note": "特になし"}
    row[column] = "上司に叱られて、もう行きたくない"
    _, quarantine = load_checkins(pd.DataFrame([row]), errors="quarantine")
    assert "叱られて" not in quarantine.to_csv()


def test_a_headerless_file_names_the_missing_columns_and_no_cell(tmp_path: Path) -> None:
    path = _write(tmp_path, "noheader.csv", f"G1,2025-04-01,電話,{NOTE}\n")
    with pytest.raises(MissingColumnsError) as info:
        load_checkins(path)
    message = str(info.value)
    assert "noheader.csv" in message and "looks like data" in message
    assert "'graduate_id'" in message and "'note'" in message
    assert "目が覚めて" not in message and "G1" not in message


@pytest.mark.parametrize("size", [131_073, 300_000])
def test_a_huge_quoted_note_is_reported_with_its_line(tmp_path: Path, size: int) -> None:
    text = HEADER + _rows(2) + f'G9,2025-04-09,電話,"{"眠" * size}"\n' + _rows(1, start=3)
    path = _write(tmp_path, "huge.csv", text)
    good, quarantine = load_checkins(path, errors="quarantine")
    assert len(good) == 3
    assert quarantine["line"].tolist() == [4]
    assert f"text too long ({size} characters" in quarantine["reason"].iloc[0]
    assert "眠眠" not in quarantine.to_csv()


def test_an_empty_file_is_an_error_naming_it(tmp_path: Path) -> None:
    path = _write(tmp_path, "empty.csv", "")
    with pytest.raises(InputFileError, match=r"empty\.csv: the file is empty"):
        load_checkins(path)


def test_a_damaged_xlsx_is_an_input_error_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04 this is not really a workbook")
    with pytest.raises(InputValidationError, match=r"broken\.xlsx: not a readable \.xlsx"):
        load_checkins(path)
    with pytest.raises(InputFileError):
        load_checkins(path, errors="quarantine")


def _workbook(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


ATT_HEADER: list[object] = ["graduate_id", "date", "status"]


def test_every_sheet_with_the_same_header_is_read(tmp_path: Path) -> None:
    path = _workbook(
        tmp_path / "months.xlsx",
        {
            "4月": [ATT_HEADER, ["G1", dt.datetime(2025, 4, 1), "出勤"]],
            "5月": [
                ["利用者ID", "日付", "勤怠"],
                ["G1", dt.datetime(2025, 5, 1), "欠勤"],
                ["G1", "bad", "出勤"],
            ],
        },
    )
    good, quarantine = load_attendance(path, errors="quarantine")
    assert good["date"].tolist() == [pd.Timestamp("2025-04-01"), pd.Timestamp("2025-05-01")]
    assert quarantine["line"].tolist() == [3]
    assert "5月" in quarantine["source"].iloc[0]
    with pytest.raises(InputValidationError, match=r"sheet 5月\], line 3"):
        load_attendance(path)


def test_sheets_with_different_headers_are_named_and_sheet_chooses(tmp_path: Path) -> None:
    path = _workbook(
        tmp_path / "mixed.xlsx",
        {
            "勤怠": [ATT_HEADER, ["G1", "2025-04-01", "出勤"]],
            "メモ": [
                ["graduate_id", "date", "status", "worked_hours"],
                ["G2", "2025-04-01", "出勤", 8],
            ],
        },
    )
    with pytest.raises(InputFileError, match=r"勤怠.*メモ.*sheet="):
        load_attendance(path)
    assert load_attendance(path, sheet="勤怠")["graduate_id"].tolist() == ["G1"]
    assert load_attendance(path, sheet=1)["graduate_id"].tolist() == ["G2"]
    with pytest.raises(InputFileError, match=r"no sheet '5月'.*'勤怠', 'メモ'"):
        load_attendance(path, sheet="5月")


def test_blank_rows_and_a_stray_space_below_a_table_are_not_data(tmp_path: Path) -> None:
    rows: list[list[object]] = [ATT_HEADER, ["G1", "2025-04-01", "出勤"]]
    rows += [[None, None, None]] * 50 + [[None, None, " "]]
    path = _workbook(tmp_path / "blank.xlsx", {"勤怠": rows})
    assert len(load_attendance(path)) == 1


def test_a_value_right_of_the_table_is_reported(tmp_path: Path) -> None:
    path = _workbook(
        tmp_path / "stray.xlsx",
        {"勤怠": [ATT_HEADER, ["G1", "2025-04-01", "出勤"], ["G1", "2025-04-02", "出勤", "メモ"]]},
    )
    good, quarantine = load_attendance(path, errors="quarantine")
    assert len(good) == 1 and quarantine["line"].tolist() == [3]


def test_a_huge_declared_dimension_is_not_allocated(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "far.xlsx", {"勤怠": [ATT_HEADER, ["G1", "2025-04-01", "出勤"]]})
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    sheet = "xl/worksheets/sheet1.xml"
    xml = parts[sheet].decode()
    xml = xml.replace('<dimension ref="A1:C2"/>', '<dimension ref="A1:XFD1048576"/>')
    xml = xml.replace(
        "</sheetData>",
        '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t> </t></is></c></row></sheetData>',
    )
    parts[sheet] = xml.encode()
    with zipfile.ZipFile(path, "w") as target:
        for name, data in parts.items():
            target.writestr(name, data)
    assert len(load_attendance(path)) == 1  # the far cell holds only a space


def test_binary_notes_in_parquet_are_decoded(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    path = tmp_path / "notes.parquet"
    pd.DataFrame(
        {
            "graduate_id": ["G1", "G2", "G3"],
            "date": ["2025-04-01"] * 3,
            "channel": ["電話"] * 3,
            "note": ["眠れない".encode(), "食欲がない".encode("cp932"), b"\xff\xfe\xfa"],
        }
    ).to_parquet(path)
    good, quarantine = load_checkins(path, errors="quarantine")
    assert good["note"].tolist() == ["眠れない", "食欲がない"]
    assert quarantine["line"].tolist() == [3]
    assert "neither UTF-8 nor CP932" in quarantine["reason"].iloc[0]


def test_a_missing_pyarrow_names_the_extra(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    real_import = builtins.__import__

    def no_pyarrow(name: str, *args: object, **kwargs: object) -> object:
        if name == "pyarrow":
            raise ImportError("No module named 'pyarrow'")
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    path = tmp_path / "x.parquet"
    path.write_bytes(b"PAR1")
    monkeypatch.setattr(builtins, "__import__", no_pyarrow)
    with pytest.raises(InputFileError, match=r"x\.parquet.*pip install 'sign_detect\[parquet\]'"):
        load_checkins(path)


# --- formats offices use ----------------------------------------------------------------

UNICODE_TEXT = "graduate_id\tdate\tchannel\tnote\r\nG1\t2025/4/1\t電話\t眠りが浅い、と話す\r\n"


@pytest.mark.parametrize("name", ["export.txt", "export.csv", "export.tsv"])
def test_excel_unicode_text_export_is_read(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"\xff\xfe" + UNICODE_TEXT.encode("utf-16-le"))
    frame = load_checkins(path)
    assert frame["note"].tolist() == ["眠りが浅い、と話す"]
    assert frame["channel"].tolist() == ["phone"]


def test_a_tab_separated_csv_is_recognised_by_its_header(tmp_path: Path) -> None:
    path = _write(tmp_path, "tabs.csv", UNICODE_TEXT, "cp932")
    assert load_checkins(path)["graduate_id"].tolist() == ["G1"]


# --- line numbers on the fast and the exact path ---------------------------------------


def test_fast_and_exact_paths_agree(tmp_path: Path) -> None:
    body = 'G1,2025-04-01,電話,"一行目\r\n二行目, ""引用"""\r\n\r\nG2,2025-04-02,面談,特になし\r\n'
    clean = load_checkins(_write(tmp_path, "clean.csv", HEADER + body))
    broken = HEADER + body + "G3,2025-04-03,電話\r\n"
    good, quarantine = load_checkins(_write(tmp_path, "b.csv", broken), errors="quarantine")
    pd.testing.assert_frame_equal(good, clean)
    assert quarantine["line"].tolist() == [6]
    assert clean["note"].iloc[0] == '一行目\r\n二行目, "引用"'


# --- the property: rows in = kept + quarantined -----------------------------------------


def _reference_records(text: str) -> list[int]:
    """Start lines of the data records, by the rules the loader documents (a slow oracle).

    CSV quoting as Python's csv reads it; a quote left open at the end of the file ends
    its record at the end of the line it started on; all-blank records are not data.
    """
    lines: list[str] = []
    for piece in io.StringIO(text, newline=""):
        while "\r" in piece.rstrip("\r\n") or (piece.endswith("\r") and len(piece) > 1):
            head, _, piece = piece.partition("\r")
            lines.append(head + "\r")
            if not piece:
                break
        if piece:
            lines.append(piece)
    starts, i = [], 0
    while i < len(lines):
        fields, j = _reference_record(lines, i)
        if fields is None:
            starts.append(i + 1)
            i += 1
            continue
        if any(f.strip() for f in fields):
            starts.append(i + 1)
        i = j
    return starts[1:]  # the first record is the header


def _reference_record(lines: list[str], i: int) -> tuple[list[str] | None, int]:
    fields, cell, state = [], "", "start"
    for j in range(i, len(lines)):
        body = lines[j].rstrip("\r\n")
        for ch in body:
            if state == "quoted":
                state, cell = ("after_quote", cell) if ch == '"' else ("quoted", cell + ch)
            elif state == "after_quote" and ch == '"':
                state, cell = "quoted", cell + '"'
            elif ch == ",":
                fields, cell, state = [*fields, cell], "", "start"
            elif ch == '"' and state == "start":
                state = "quoted"
            else:
                state, cell = "plain", cell + ch
        if state != "quoted":
            return [*fields, cell], j + 1
        cell += lines[j][len(body) :]
    return None, i + 1


_piece = st.sampled_from(
    [
        "G1",
        "2025-04-01",
        "電話",
        "眠れない",
        '"',
        '""',
        ",",
        "\n",
        "\r\n",
        "\r",
        "\x00",
        " ",
        "疲れ",
        "x",
        '"a,b"',
        "",
        "ｶﾀｶﾅ",
        "𠮷",
    ]
)
_line = st.lists(_piece, min_size=0, max_size=8).map("".join)


_encoding = st.sampled_from(["utf-8", "cp932", "utf-8-sig", "mixed"])


def _encode(lines: list[str], encoding: str) -> tuple[bytes, str]:
    """The file's bytes and the encoding to read them back with ("" if none can)."""
    text = HEADER + "\n".join(lines)
    if encoding == "mixed":  # one line saved as CP932, the rest as UTF-8
        head, _, tail = text.rpartition("\n")
        try:
            data = head.encode("utf-8") + b"\n" + tail.encode("cp932")
        except UnicodeEncodeError:
            data = text.encode("utf-8")
        return data, "utf-8" if _decodes(data, "utf-8") else (
            "cp932" if _decodes(data, "cp932") else ""
        )
    try:
        return text.encode(encoding), encoding
    except UnicodeEncodeError:  # 𠮷 has no CP932 code
        return text.encode("utf-8"), "utf-8"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_line, max_size=12), _encoding)
def test_rows_in_equal_kept_plus_quarantined(lines: list[str], encoding: str) -> None:
    data, readable = _encode(lines, encoding)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.csv"
        path.write_bytes(data)
        try:
            good, quarantine = load_checkins(path, errors="quarantine", today="2025-12-31")
        except InputFileError as err:  # only whole-file faults, naming the file and line
            assert not readable
            assert re.search(r"fuzz\.csv: line \d+: cannot decode", str(err))
            return
    assert readable
    expected = _reference_records(data.decode(readable))
    assert len(good) + len(quarantine) == len(expected)
    assert set(quarantine["line"]) <= set(expected)


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def test_a_summary_sheet_without_the_columns_is_named_with_the_advice(tmp_path: Path) -> None:
    path = _workbook(
        tmp_path / "with_summary.xlsx",
        {
            "勤怠": [ATT_HEADER, ["G1", "2025-04-01", "出勤"]],
            "集計": [["月", "出勤率"], ["4月", 0.9]],
        },
    )
    with pytest.raises(InputFileError, match=r"集計\]: missing graduate_id.*pass sheet="):
        load_attendance(path)
    assert len(load_attendance(path, sheet="勤怠")) == 1


def test_a_damaged_workbook_exits_2_in_the_cli(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from sign_detect.cli import main

    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"not a zip at all")
    attendance = _write(tmp_path, "a.csv", "graduate_id,date,status\nG1,2025-04-01,出勤\n")
    args = ["rank", "--checkins", str(broken), "--attendance", str(attendance), "--quiet"]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "broken.xlsx" in err and "unexpected" not in err


def test_a_header_repeated_in_a_dataframe_is_named() -> None:
    raw = pd.DataFrame(
        [["G1", "2025-04-01", "出勤", "欠勤"]], columns=["graduate_id", "date", "status", "status "]
    )
    with pytest.raises(InputFileError, match=r"'status' appears twice \(columns 3 and 4\)"):
        load_attendance(raw)


def test_a_headerless_file_with_a_short_note_prints_no_cell(tmp_path: Path) -> None:
    path = _write(tmp_path, "short_note.csv", "G1,4/1,電話,だるい。\n")
    with pytest.raises(MissingColumnsError) as info:
        load_checkins(path)
    assert "だるい" not in str(info.value) and "looks like data" in str(info.value)


def test_only_blank_lines_is_an_error_naming_the_file(tmp_path: Path) -> None:
    with pytest.raises(InputFileError, match=r"blank\.csv: no header row"):
        load_checkins(_write(tmp_path, "blank.csv", ",,,\n,,\n"))


def test_an_excel_csv_export_with_a_stray_space_far_away_loads(tmp_path: Path) -> None:
    rows = ["graduate_id,date,status,,,,", "G1,2025-04-01,出勤,,,,", "G1,2025-04-02,欠勤,,,,"]
    rows += [",,,,,,"] * 200 + [",,,,,, "]
    path = _write(tmp_path, "excel.csv", "\r\n".join(rows) + "\r\n", "cp932")
    assert load_attendance(path)["status"].tolist() == ["present", "absent"]


def test_an_unclosed_quote_that_swallows_rows_is_reported(tmp_path: Path) -> None:
    lines = ["graduate_id,date,channel,note", 'G1,2025-04-01,phone,"眠れない']
    lines += [f"G1,2025-04-{day:02d},phone,ok" for day in range(2, 9)]
    lines += ['G2,2025-04-20,phone,"ここで閉じる"']  # the next quote closes the open one
    path = tmp_path / "open_quote.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    kept, report = load_checkins(path, errors="quarantine")
    assert len(kept) == 0
    assert "look like rows of this file" in " ".join(report["reason"])
    assert "眠れない" not in report.to_string()

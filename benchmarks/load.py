"""Loading speed: ``load_attendance`` (validation included) vs ``pandas.read_csv``.

Writes a synthetic attendance file of about 1.9M rows (10,000 graduates x 190 working
days, statuses in English and Japanese, hours) and a check-in file whose notes are
quoted and hold commas and line breaks, then times, in the same run, ``pandas.read_csv``
of each file and the sign_detect loader on it. Each figure is the best of ``--repeat``
runs. Goal: loader <= 4x pandas on the attendance file; must: <= 8x.

    python benchmarks/load.py [--graduates 10000] [--days 190] [--repeat 3]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

from sign_detect import load_attendance, load_checkins

STATUSES = ["present", "present", "出勤", "出勤", "absent", "欠勤", "late", "遅刻", "有休"]
NOTE_PARTS = [
    "朝の電話で話した",
    "最近、眠りが浅いとのこと",
    "職場は落ち着いている, 特に変わりなし",
    "上司の指示が分かりにくいと話していた",
    '「疲れが溜まってきた」と""少し""話す',
    "昼食は取れている\n午後は作業に集中できた",
]


def write_attendance(path: Path, graduates: int, days: int, rng: np.random.Generator) -> int:
    ids = np.repeat([f"G{i:05d}" for i in range(graduates)], days)
    dates = pd.date_range("2025-01-06", periods=days, freq="B").strftime("%Y-%m-%d")
    n = len(ids)
    frame = pd.DataFrame(
        {
            "graduate_id": ids,
            "date": np.tile(dates.to_numpy(), graduates),
            "status": rng.choice(STATUSES, n),
            "scheduled_hours": "8",
            "worked_hours": rng.choice(["8", "7.5", "6", "0"], n),
        }
    )
    frame.to_csv(path, index=False, encoding="utf-8")
    return n


def write_checkins(path: Path, graduates: int, rng: np.random.Generator) -> int:
    n = graduates * 45
    frame = pd.DataFrame(
        {
            "graduate_id": [f"G{i:05d}" for i in rng.integers(0, graduates, n)],
            "date": pd.Timestamp("2025-01-06") + pd.to_timedelta(rng.integers(0, 300, n), unit="D"),
            "channel": rng.choice(["電話", "LINE", "訪問", "面談"], n),
            "note": [f"{NOTE_PARTS[a]}。{NOTE_PARTS[b]}" for a, b in rng.integers(0, 6, (n, 2))],
        }
    )
    frame["date"] = frame["date"].dt.strftime("%Y/%m/%d")
    frame.to_csv(path, index=False, encoding="utf-8")
    return n


def best_of(repeat: int, run: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def compare(
    name: str, path: Path, rows: int, repeat: int, loader: Callable[[Path], object]
) -> float:
    baseline = best_of(repeat, lambda: pd.read_csv(path))
    ours = best_of(repeat, lambda: loader(path))
    ratio = ours / baseline
    size = path.stat().st_size / 2**20
    print(
        f"{name:<11} {rows:>10,} rows {size:6.0f} MiB  pandas.read_csv {baseline:6.2f} s  "
        f"sign_detect {ours:6.2f} s  ratio {ratio:5.1f}x"
    )
    return ratio


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--graduates", type=int, default=10_000)
    parser.add_argument("--days", type=int, default=190)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rng = np.random.default_rng(0)
    with tempfile.TemporaryDirectory() as tmp:
        attendance = Path(tmp) / "attendance.csv"
        checkins = Path(tmp) / "checkins.csv"
        n_days = write_attendance(attendance, args.graduates, args.days, rng)
        n_notes = write_checkins(checkins, args.graduates, rng)
        ratio = compare("attendance", attendance, n_days, args.repeat, load_attendance)
        compare(  # random notes repeat now and then: keep going past those rows
            "check-ins",
            checkins,
            n_notes,
            args.repeat,
            lambda path: load_checkins(path, errors="quarantine"),
        )
    verdict = "goal met" if ratio <= 4 else ("within the limit" if ratio <= 8 else "TOO SLOW")
    print(f"attendance: {ratio:.1f}x pandas.read_csv (goal <= 4x, must <= 8x): {verdict}")


if __name__ == "__main__":
    main()

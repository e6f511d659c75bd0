"""Command line: ``sign-detect`` (also ``python -m sign_detect``).

Subcommands:

* ``rank``: batch risk ranking with reasons (the main job);
* ``backtest``: compare the scorers on past data with outcomes;
* ``signs``: score notes given as arguments or one per line on stdin, as JSON.

Exit codes: 0 ok, 2 bad input (with the loader's row-level message), 1 unexpected error.
No note text is ever printed by ``rank`` or ``backtest``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import pandas as pd

from .errors import SignDetectError
from .lexicon import Lexicon
from .risk_scoring import ScorerConfig
from .text_scoring import SignScorer

__all__ = ["main"]

REASON_SEPARATOR = "/"


class _Progress:
    """Stage progress on stderr; silent unless stderr is a terminal and not --quiet."""

    def __init__(self, stages: list[str], enabled: bool):
        self.bar = None
        if enabled:
            from tqdm import tqdm

            self.bar = tqdm(total=len(stages), file=sys.stderr, leave=False, unit="step")

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        if self.bar is not None:
            self.bar.set_description(name)
        yield
        if self.bar is not None:
            self.bar.update(1)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _scorer(args: argparse.Namespace) -> SignScorer | None:
    if getattr(args, "lexicon", None):
        return SignScorer(lexicon=Lexicon.default().with_overrides(args.lexicon))
    return None


def _config(args: argparse.Namespace) -> ScorerConfig | None:
    return ScorerConfig.from_toml(args.config) if getattr(args, "config", None) else None


def _write_ranking(ranking: pd.DataFrame, out: Path) -> None:
    suffix = out.suffix.lower()
    if suffix == ".json":
        records = ranking.to_dict(orient="records")
        out.write_text(json.dumps(records, ensure_ascii=False, indent=1), encoding="utf-8")
        return
    flat = ranking.assign(reasons=ranking["reasons"].map(REASON_SEPARATOR.join))
    if suffix == ".csv":
        flat.to_csv(out, index=False, encoding="utf-8-sig")  # BOM: Excel in Japan opens it
    elif suffix == ".xlsx":
        flat.to_excel(out, index=False)
    else:
        raise SignDetectError(f"--out {out}: use a .csv, .xlsx or .json file name")


def _print_ranking(ranking: pd.DataFrame, as_of: str) -> None:
    print(f"sign_detect ranking as of {as_of} ({len(ranking)} graduates; 1 = most at risk)")
    print(f"{'rank':>4}  {'graduate_id':<12} {'risk':>5}  {'level':<6}  reasons")
    for row, reason_list in zip(ranking.itertuples(index=False), ranking["reasons"], strict=True):
        reasons = REASON_SEPARATOR.join(reason_list) if reason_list else "-"
        print(f"{row.rank:>4}  {row.graduate_id:<12} {row.risk:>5.2f}  {row.level:<6}  {reasons}")


def _cmd_rank(args: argparse.Namespace) -> int:
    from .checkin_features import score_checkins
    from .features import resolve_as_of
    from .loaders import load_inputs
    from .model import RiskModel
    from .ranking import rank_scored

    progress = _Progress(["load", "text", "rank"], enabled=not args.quiet and sys.stderr.isatty())
    try:
        with progress.stage("loading"):
            inputs = load_inputs(
                args.checkins, args.attendance, args.graduates, args.outcomes, aliases=args.aliases
            )
            model = RiskModel.load(args.model) if args.model else None
            as_of = resolve_as_of(args.as_of, inputs.checkins, inputs.attendance)
        with progress.stage("scoring notes"):
            scored = score_checkins(inputs.checkins, scorer=_scorer(args))
        with progress.stage("ranking"):
            ranking = rank_scored(
                scored,
                inputs.attendance,
                as_of,
                graduates=inputs.graduates,
                outcomes=inputs.outcomes,
                model=model,
                config=_config(args),
            )
    finally:
        progress.close()
    if args.top:
        ranking = ranking.head(args.top)
    _print_ranking(ranking, as_of.date().isoformat())
    if args.out:
        _write_ranking(ranking, Path(args.out))
        print(f"written: {args.out}")
    return 0


def _cmd_backtest(args: argparse.Namespace) -> int:
    from .backtest import backtest
    from .loaders import load_attendance, load_checkins

    checkins = load_checkins(args.checkins, aliases=args.aliases)
    attendance = load_attendance(args.attendance, aliases=args.aliases)
    first = min(checkins["date"].min(), attendance["date"].min()) + pd.Timedelta(days=args.warmup)
    last = max(checkins["date"].max(), attendance["date"].max())
    dates = pd.date_range(first, last, freq=f"{args.every}D")
    report = backtest(
        checkins,
        attendance,
        args.outcomes,
        dates,
        horizon_days=args.horizon,
        graduates=args.graduates,
        config=_config(args),
        scorer=_scorer(args),
        progress=not args.quiet and sys.stderr.isatty(),
        aliases=args.aliases,
    )
    print(report)
    if args.out:
        report.table.to_csv(args.out, encoding="utf-8-sig")
        print(f"written: {args.out}")
    return 0


def _texts(args: argparse.Namespace) -> Iterator[str]:
    if args.text:
        yield from args.text
        return
    from .reading import decode_text

    binary = getattr(sys.stdin, "buffer", None)  # bytes: UTF-8, CP932 or UTF-16 alike
    text = decode_text(binary.read(), "<stdin>") if binary is not None else sys.stdin.read()
    lines = text.split("\n")
    if lines[-1] == "":  # the break after the last line
        lines.pop()
    yield from (line.rstrip("\r") for line in lines)


def _cmd_signs(args: argparse.Namespace) -> int:
    scorer = _scorer(args) or SignScorer()
    for text in _texts(args):
        result = scorer.score(text)
        payload = result.model_dump(exclude={"hits"} if args.no_hits else None)
        payload["detected"] = result.detected
        print(json.dumps(payload, ensure_ascii=False))
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="sign-detect", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)

    rank = sub.add_parser("rank", help="rank graduates by risk, with reasons")
    rank.add_argument("--checkins", required=True, help="check-in notes (.csv/.tsv/.xlsx/.parquet)")
    rank.add_argument("--attendance", required=True, help="attendance days")
    rank.add_argument("--graduates", help="optional graduate table")
    rank.add_argument(
        "--outcomes", help="optional outcomes: people who already left are not ranked"
    )
    rank.add_argument(
        "--as-of",
        dest="as_of",
        help="2025-09-30, 2025/9/30, 令和7年9月30日, R7.9.30 (default: latest date in the data)",
    )
    rank.add_argument("--out", help="write the ranking to .csv (UTF-8 with BOM), .xlsx or .json")
    rank.add_argument("--top", type=int, help="show only the first N")
    rank.add_argument("--model", help="a trained RiskModel (.json) instead of the default scorer")
    rank.add_argument("--quiet", action="store_true", help="no progress bar")
    rank.set_defaults(func=_cmd_rank)

    bt = sub.add_parser("backtest", help="compare scorers on past data with outcomes")
    bt.add_argument("--checkins", required=True)
    bt.add_argument("--attendance", required=True)
    bt.add_argument("--outcomes", required=True)
    bt.add_argument("--graduates")
    bt.add_argument("--horizon", type=int, default=56, help="crisis window in days (default 56)")
    bt.add_argument("--every", type=int, default=7, help="days between as-of dates (default 7)")
    bt.add_argument("--warmup", type=int, default=56, help="days of history before the first date")
    bt.add_argument("--out", help="write the table as CSV")
    bt.add_argument("--quiet", action="store_true")
    bt.set_defaults(func=_cmd_backtest)

    signs = sub.add_parser(
        "signs", help="score notes (arguments, or one per line on stdin) as JSON"
    )
    signs.add_argument("text", nargs="*")
    signs.add_argument("--no-hits", action="store_true", help="print the signals only")
    signs.set_defaults(func=_cmd_signs)

    for p in (rank, bt, signs):
        p.add_argument("--lexicon", help="an office's lexicon overrides (.tsv/.csv)")
    for p in (rank, bt):
        p.add_argument("--config", help="an office's scorer overrides (.toml)")
        p.add_argument("--aliases", help="an office's own words for channels and statuses (.toml)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except (SignDetectError, ValueError, FileNotFoundError) as err:
        print(f"sign-detect: error: {err}", file=sys.stderr)
        return 2
    except Exception as err:
        print(f"sign-detect: unexpected error: {type(err).__name__}: {err}", file=sys.stderr)
        return 1

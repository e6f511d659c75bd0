"""Command line: ``sign-detect`` (also ``python -m sign_detect``).

Subcommands:

* ``rank``: batch risk ranking with reasons (the main job);
* ``backtest``: compare the scorers on past data with outcomes;
* ``signs``: score notes given as arguments or one per line on stdin, as JSON;
* ``report``: one self-contained HTML page in Japanese for support staff.

Exit codes: 0 ok, 2 bad input (with the loader's row-level message), 1 unexpected error.
No note text is ever printed by ``rank`` or ``backtest``; ``report`` shows the words that
fired only with ``--evidence``.
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


def _write_ranking(ranking: pd.DataFrame, out: Path, as_of: str, left_out: int) -> None:
    """Every output says its as-of date and how many people were left out (outcomes)."""
    suffix = out.suffix.lower()
    if suffix == ".xlsx":
        from .report import write_ranking_xlsx

        write_ranking_xlsx(ranking, out, as_of=as_of, left_out=left_out)
        return
    stamped = ranking.assign(as_of=as_of, left_out=left_out, level=ranking["level"].astype(str))
    if suffix == ".json":
        records = stamped.to_dict(orient="records")
        out.write_text(json.dumps(records, ensure_ascii=False, indent=1), encoding="utf-8")
    elif suffix == ".csv":
        flat = stamped.assign(reasons=ranking["reasons"].map(REASON_SEPARATOR.join))
        flat.to_csv(out, index=False, encoding="utf-8-sig")  # BOM: Excel in Japan opens it
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
        from .report import left_out_count

        left_out = left_out_count(inputs.outcomes, as_of)
        _write_ranking(ranking, Path(args.out), as_of.date().isoformat(), left_out)
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
    else:
        for line in sys.stdin:
            yield line.rstrip("\n")


def _cmd_signs(args: argparse.Namespace) -> int:
    scorer = _scorer(args) or SignScorer()
    for text in _texts(args):
        result = scorer.score(text)
        payload = result.model_dump(exclude={"hits"} if args.no_hits else None)
        payload["detected"] = result.detected
        payload["crisis"] = result.crisis
        print(json.dumps(payload, ensure_ascii=False))
    return 0


def _cmd_report(args: argparse.Namespace) -> int:
    from .model import RiskModel
    from .report import Actions, build_report

    out = Path(args.out)
    if out.suffix.lower() not in (".html", ".htm"):
        raise SignDetectError(f"--out {out}: use a .html file name")
    page = build_report(
        args.checkins,
        args.attendance,
        graduates=args.graduates,
        outcomes=args.outcomes,
        as_of=args.as_of,
        since=args.since,
        scorer=_scorer(args),
        config=_config(args),
        model=RiskModel.load(args.model) if args.model else None,
        aliases=args.aliases,
        actions=Actions.from_toml(args.actions) if args.actions else None,
        evidence=args.evidence,
        top=args.top,
    )
    out.write_text(page, encoding="utf-8")
    print(f"written: {out}")
    return 0


def _add_report(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    report = sub.add_parser("report", help="担当者向けの1ページのHTMLレポート")
    report.add_argument("--checkins", required=True, help="連絡記録 (.csv/.tsv/.xlsx/.parquet)")
    report.add_argument("--attendance", required=True, help="勤怠")
    report.add_argument("--graduates", help="利用者の表(任意)")
    report.add_argument("--outcomes", help="退職・休職の記録(任意): 基準日までに離れた人は除外")
    report.add_argument("--as-of", dest="as_of", help="基準日 YYYY-MM-DD(既定: データの最終日)")
    report.add_argument("--since", help="比較する以前の日付(既定: 基準日の4週間前)")
    report.add_argument("--out", required=True, help="書き出すHTMLファイル (.html)")
    report.add_argument("--top", type=int, help="上位N人だけを載せる")
    report.add_argument(
        "--evidence", action="store_true", help="反応した言葉と記録の日付を載せる(既定: 載せない)"
    )
    report.add_argument("--actions", help="事業所の対応案ファイル (.toml)")
    report.add_argument("--model", help="学習済みRiskModel (.json)")
    report.set_defaults(func=_cmd_report)
    return report


#: Japanese description and example of each command, shown by ``--help``.
_HELP_JA = {
    "rank": (
        "連絡記録と勤怠から、基準日時点のリスクの高い順に利用者を並べ、理由を日本語で示します。",
        "例: sign-detect rank --checkins checkins.csv --attendance attendance.csv "
        "--outcomes outcomes.csv --out ranking.xlsx",
    ),
    "backtest": (
        "過去のデータと退職・休職の記録で、スコアの当たり方(何日前に気づけたか)を比べます。",
        "例: sign-detect backtest --checkins checkins.csv --attendance attendance.csv "
        "--outcomes outcomes.csv",
    ),
    "signs": (
        "記録の文章(引数、または標準入力の1行に1件)を採点し、JSONで出力します。"
        '危機的な言葉があれば最上位に "crisis": true が付きます。',
        '例: sign-detect signs "最近眠れない"',
    ),
    "report": (
        "担当者向けの1ページのHTMLレポート(外部リンクなし)を書き出します: 基準日、順位一覧、"
        "前回からの変化(新規・上昇・低下)、注意が必要な人の経過図と早めの対応(案)。"
        "危機的な発言は最初の行に示します。記録の本文は --evidence のときだけ載せます。",
        "例: sign-detect report --checkins checkins.csv --attendance attendance.csv "
        "--outcomes outcomes.csv --out report.html",
    ),
}


def _japanese_help(sub: argparse._SubParsersAction) -> None:
    for name, (description, epilog) in _HELP_JA.items():
        command = sub.choices[name]
        command.description = description
        command.epilog = epilog
        command.formatter_class = argparse.RawDescriptionHelpFormatter


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sign-detect",
        description="就労定着支援: 連絡記録と勤怠から小さなサインに気づくためのツール",
        epilog="各コマンドの説明: sign-detect <コマンド> --help",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    sub = parser.add_subparsers(dest="command", required=True)

    rank = sub.add_parser("rank", help="rank graduates by risk, with reasons")
    rank.add_argument("--checkins", required=True, help="check-in notes (.csv/.tsv/.xlsx/.parquet)")
    rank.add_argument("--attendance", required=True, help="attendance days")
    rank.add_argument("--graduates", help="optional graduate table")
    rank.add_argument(
        "--outcomes", help="optional outcomes: people who already left are not ranked"
    )
    rank.add_argument("--as-of", dest="as_of", help="YYYY-MM-DD (default: latest date in the data)")
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

    report = _add_report(sub)
    _japanese_help(sub)
    for p in (rank, bt, signs, report):
        p.add_argument("--lexicon", help="事業所の辞書の追加・変更 (.tsv/.csv)")
    for p in (rank, bt, report):
        p.add_argument("--config", help="事業所のスコア設定 (.toml)")
        p.add_argument("--aliases", help="事業所独自の連絡手段・勤怠などの言葉 (.toml)")
    return parser


def _version() -> str:
    from . import __version__

    return __version__


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

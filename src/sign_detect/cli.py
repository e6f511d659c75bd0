"""Command line: ``sign-detect`` (also ``python -m sign_detect``).

Subcommands:

* ``rank``: batch risk ranking with reasons (the main job);
* ``backtest``: compare the scorers on past data with outcomes;
* ``signs``: score notes given as arguments or one per line on stdin, as JSON;
* ``report``: one self-contained HTML page in Japanese for support staff.

Exit codes: 0 ok; 2 bad input or bad arguments (the message names the file or the
option, and for bad rows lists them with line and column); 1 only for a bug. Arguments
are checked before any work: input files must exist, ``--out`` must name an accepted
suffix in an existing folder (a missing folder is refused, not created, so a mistyped
path does not scatter files), ``--top`` must be 1 or more.

``--errors quarantine --quarantine FILE`` keeps going past bad rows: the valid rows are
used and every skipped row is written to FILE (CSV, UTF-8 with BOM: file, line, column,
value, reason; never note text). No note text is ever printed by ``rank`` or
``backtest``; ``report`` shows the words that fired only with ``--evidence``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pandas as pd

from .caseload import Caseload
from .errors import InputValidationError, InsufficientDataError, SignDetectError
from .io.loaders import Inputs, load_attendance, load_checkins, load_graduates, load_outcomes
from .io.records import load_aliases
from .risk.scorer import ScorerConfig
from .text.lexicon import Lexicon
from .text.scoring import SignScorer

__all__ = ["main"]

REASON_SEPARATOR = "/"
#: Suffixes ``--out`` accepts, per command.
RANK_OUT = (".csv", ".xlsx", ".json")
TABLE_OUT = (".csv",)
#: Columns of the ``--quarantine`` file.
QUARANTINE_FILE_COLUMNS = ["file", "line", "column", "value", "reason"]
#: Input options that name a file, in the order they are checked.
_INPUT_FILES = (
    "checkins",
    "attendance",
    "graduates",
    "outcomes",
    "lexicon",
    "config",
    "aliases",
    "model",
)
#: Longest error message printed (a huge file must not flood the terminal).
_MAX_MESSAGE = 4000
_CLI_ADVICE = (
    "Run again with --errors quarantine --quarantine FILE to use the valid rows "
    "and write these rows to FILE."
)


class BadInput(SignDetectError):
    """A bad argument or an input file that cannot be used (exit code 2)."""


@contextmanager
def _naming(label: str, value: object) -> Iterator[None]:
    """Errors reading the file (or value) given as ``label`` (an option such as
    ``--config``) become :class:`BadInput` naming it. Row-level validation errors already
    name their file and pass through unchanged.
    """
    try:
        yield
    except InputValidationError:
        raise
    except (OSError, ValueError, SignDetectError) as err:
        message = str(err) or type(err).__name__
        if str(value) not in message and Path(str(value)).name not in message:
            message = f"{value}: {message}"
        raise BadInput(f"{label} {message}") from err


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
        with _naming("--lexicon", args.lexicon):
            return SignScorer(lexicon=Lexicon.default().with_overrides(args.lexicon))
    return None


def _config(args: argparse.Namespace) -> ScorerConfig | None:
    if getattr(args, "config", None):
        with _naming("--config", args.config):
            return ScorerConfig.from_toml(args.config)
    return None


def _check_input(option: str, value: str) -> None:
    path = Path(value)
    if not path.exists():
        raise BadInput(f"--{option} {value}: no such file")
    if not path.is_file():
        raise BadInput(f"--{option} {value}: not a file")
    if not os.access(path, os.R_OK):
        raise BadInput(f"--{option} {value}: cannot be read (permission denied)")


def _check_output(option: str, value: str, suffixes: tuple[str, ...]) -> None:
    path = Path(value)
    if path.suffix.lower() not in suffixes:
        raise BadInput(f"--{option} {value}: use a file name ending in {', '.join(suffixes)}")
    folder = path.parent
    if not folder.is_dir():
        raise BadInput(f"--{option} {value}: the folder {folder} does not exist; create it first")
    if path.is_dir():
        raise BadInput(f"--{option} {value}: is a folder; give a file name")


def _check_at_least(option: str, value: int | None, least: int) -> None:
    if value is not None and value < least:
        raise BadInput(f"--{option} must be {least} or more, got {value}")


def _check_outputs_apart(args: argparse.Namespace, inputs: list[Path]) -> None:
    """``--out`` and ``--quarantine`` must not overwrite an input file or each other."""
    outputs = [(option, getattr(args, option)) for option in ("out", "quarantine")]
    seen = list(inputs)
    for option, value in outputs:
        if value and Path(value).resolve() in seen:
            raise BadInput(f"--{option} {value}: would overwrite another file of this run")
        if value:
            seen.append(Path(value).resolve())


def _check_args(args: argparse.Namespace, out_suffixes: tuple[str, ...]) -> None:
    """Refuse bad arguments before any work (files are checked, not yet read)."""
    inputs = {option: getattr(args, option, None) for option in _INPUT_FILES}
    for option, value in inputs.items():
        if value:
            _check_input(option, value)
    _check_outputs_apart(args, [Path(v).resolve() for v in inputs.values() if v])
    _check_at_least("top", getattr(args, "top", None), 1)
    _check_at_least("horizon", getattr(args, "horizon", None), 1)
    _check_at_least("every", getattr(args, "every", None), 1)
    _check_at_least("warmup", getattr(args, "warmup", None), 0)
    if args.out:
        _check_output("out", args.out, out_suffixes)
    if args.quarantine:
        _check_output("quarantine", args.quarantine, TABLE_OUT)
        args.errors = "quarantine"
    elif args.errors == "quarantine":
        raise BadInput("--errors quarantine needs --quarantine FILE (where skipped rows go)")
    if args.aliases:
        with _naming("--aliases", args.aliases):
            load_aliases(args.aliases)


def _data_files(args: argparse.Namespace) -> str:
    """The data files of a run, for errors about the data as a whole."""
    return ", ".join(
        str(getattr(args, option))
        for option in ("checkins", "attendance", "outcomes")
        if getattr(args, option, None)
    )


def _load(args: argparse.Namespace) -> tuple[Inputs, pd.DataFrame]:
    """The run's tables, and the rows quarantined from them (empty with ``--errors raise``)."""
    reports: list[pd.DataFrame] = []

    def load(option: str, loader: Callable[..., Any]) -> Any:
        value = getattr(args, option, None)
        if value is None:
            return None
        with _naming(f"--{option}", value):
            result = loader(value, errors=args.errors, aliases=args.aliases)
        if args.errors != "quarantine":
            return result
        table, report = result
        reports.append(report)
        return table

    inputs = Inputs(
        checkins=load("checkins", load_checkins),
        attendance=load("attendance", load_attendance),
        graduates=load("graduates", load_graduates),
        outcomes=load("outcomes", load_outcomes),
    )
    return inputs, _quarantine_table(reports)


def _quarantine_table(reports: list[pd.DataFrame]) -> pd.DataFrame:
    """One table of skipped rows; a value in the ``note`` column is never kept."""
    if not reports:
        return pd.DataFrame(columns=QUARANTINE_FILE_COLUMNS)
    table = pd.concat(reports, ignore_index=True).rename(columns={"source": "file"})
    notes = table["column"].astype(str).str.contains("note", regex=False)
    table.loc[notes, "value"] = ""
    return table[QUARANTINE_FILE_COLUMNS]


def _write_quarantine(args: argparse.Namespace, table: pd.DataFrame) -> None:
    if args.errors != "quarantine":
        return
    with _naming("--quarantine", args.quarantine):
        table.to_csv(args.quarantine, index=False, encoding="utf-8-sig")
    files = table["file"].value_counts()
    detail = ", ".join(f"{Path(str(name)).name}: {n}" for name, n in files.items())
    print(
        f"sign-detect: {len(table)} invalid rows skipped{f' ({detail})' if detail else ''}; "
        f"listed in {args.quarantine}",
        file=sys.stderr,
    )


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


def _caseload(args: argparse.Namespace) -> Caseload:
    """The run's one :class:`Caseload`: its files loaded once (the quarantine written)."""
    inputs, skipped = _load(args)
    _write_quarantine(args, skipped)
    return Caseload.from_inputs(
        inputs, quarantine=skipped, scorer=_scorer(args), config=_config(args)
    )


def _model(args: argparse.Namespace) -> Any:
    if not args.model:
        return None
    from .risk.model_files import load_model

    with _naming("--model", args.model):
        return load_model(args.model)


def _rank_table(args: argparse.Namespace, progress: _Progress) -> tuple[pd.DataFrame, str, int]:
    """The ranking, its as-of date and how many people the outcomes leave out."""
    model = _model(args)
    with progress.stage("loading"):
        caseload = _caseload(args)
        option, value = (
            ("--as-of", args.as_of) if args.as_of else ("input files", _data_files(args))
        )
        with _naming(option, value):
            as_of = caseload.resolve_as_of(args.as_of)
    with progress.stage("scoring notes"):
        caseload.scored  # noqa: B018  (scored once, here, for the progress bar)
    with progress.stage("ranking"):
        ranking = caseload.rank(as_of, model=model)
    return ranking, as_of.date().isoformat(), caseload.left_out(as_of)


def _cmd_rank(args: argparse.Namespace) -> int:
    _check_args(args, RANK_OUT)
    progress = _Progress(["load", "text", "rank"], enabled=not args.quiet and sys.stderr.isatty())
    try:
        ranking, as_of, left_out = _rank_table(args, progress)
    finally:
        progress.close()
    if args.top:
        ranking = ranking.head(args.top)
    _print_ranking(ranking, as_of)
    if args.out:
        with _naming("--out", args.out):
            _write_ranking(ranking, Path(args.out), as_of, left_out)
        print(f"written: {args.out}")
    return 0


def _backtest_dates(inputs: Inputs, warmup: int, every: int) -> pd.DatetimeIndex:
    """Every ``every`` days from ``warmup`` days after the first record to the last."""
    dates = pd.concat([inputs.checkins["date"], inputs.attendance["date"]])
    if dates.isna().all():
        raise InsufficientDataError("no dated rows to backtest on")
    first = dates.min() + pd.Timedelta(days=warmup)
    return pd.date_range(first, dates.max(), freq=f"{every}D")


def _cmd_backtest(args: argparse.Namespace) -> int:
    _check_args(args, TABLE_OUT)
    model = _model(args)
    caseload = _caseload(args)
    if caseload.outcomes is None:  # --outcomes is required by the parser
        raise SignDetectError("backtest needs --outcomes")
    with _naming("input files", _data_files(args)):  # e.g. no one active at any date
        report = caseload.backtest(
            _backtest_dates(caseload.inputs, args.warmup, args.every),
            horizon_days=args.horizon,
            model=model,
            flag=args.flag,
            progress=not args.quiet and sys.stderr.isatty(),
        )
    print(report)
    if args.audit:
        print(report.audit_summary())
    if args.out:
        with _naming("--out", args.out):
            report.table.to_csv(args.out, encoding="utf-8-sig")
        print(f"written: {args.out}")
    return 0


def _texts(args: argparse.Namespace) -> Iterator[str]:
    if args.text:
        yield from args.text
        return
    from .io.reading import decode_text

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
        payload["crisis"] = result.crisis
        print(json.dumps(payload, ensure_ascii=False))
    return 0


def _cmd_report(args: argparse.Namespace) -> int:
    from .report import Actions

    _check_args(args, (".html", ".htm"))  # files, --out, --quarantine before any work
    out = Path(args.out)
    model = _model(args)
    actions = Actions.from_toml(args.actions) if args.actions else None
    inputs, skipped = _load(args)
    _write_quarantine(args, skipped)
    caseload = Caseload.from_inputs(
        inputs, quarantine=skipped, scorer=_scorer(args), config=_config(args)
    )
    page = caseload.report(
        as_of=args.as_of,
        since=args.since,
        model=model,
        actions=actions,
        evidence=args.evidence,
        top=args.top,
        timelines=True,
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
    report.add_argument("--model", help="学習済みモデル (RiskModel の .json、または .skops)")
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
    rank.add_argument(
        "--as-of",
        dest="as_of",
        help="2025-09-30, 2025/9/30, 令和7年9月30日, R7.9.30 (default: latest date in the data)",
    )
    rank.add_argument(
        "--out",
        help="write the ranking to .csv (UTF-8 with BOM), .xlsx or .json (folder must exist)",
    )
    rank.add_argument("--top", type=int, help="show only the first N (1 or more)")
    rank.add_argument(
        "--model",
        help="a trained RiskModel (.json) or classifier (.skops) instead of the default scorer",
    )
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
    bt.add_argument("--out", help="write the table as .csv (folder must exist)")
    bt.add_argument("--model", help="a fitted model (.json RiskModel or .skops) to evaluate")
    bt.add_argument(
        "--flag", choices=["top_k", "high"], default="top_k", help="flagging rule (default top_k)"
    )
    bt.add_argument(
        "--audit", action="store_true", help="print the fairness audit (FNR/FPR by group)"
    )
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
    for p in (rank, bt, report):
        p.add_argument(
            "--errors",
            choices=("raise", "quarantine"),
            default="raise",
            help="raise: stop at bad rows (default); quarantine: skip them (needs --quarantine)",
        )
        p.add_argument(
            "--quarantine",
            help="write skipped rows here (.csv, UTF-8 with BOM; no note text); "
            "implies --errors quarantine",
        )
    return parser


def _message(err: BaseException) -> str:
    """The error's text for stderr: CLI advice instead of Python keywords, bounded length."""
    text = str(err)
    if isinstance(err, InputValidationError):
        lines = [line for line in text.splitlines() if 'errors="quarantine"' not in line]
        text = "\n".join([*lines, _CLI_ADVICE])
    if len(text) > _MAX_MESSAGE:
        text = f"{text[:_MAX_MESSAGE]}… ({len(text) - _MAX_MESSAGE} more characters)"
    return text


def _version() -> str:
    from . import __version__

    return __version__


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (0 ok, 2 bad input, 1 a bug)."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # --help (0) or an argument argparse refused (2)
        return exit_.code if isinstance(exit_.code, int) else 2
    try:
        return int(args.func(args))
    except SignDetectError as err:
        print(f"sign-detect: error: {_message(err)}", file=sys.stderr)
        return 2
    except Exception as err:
        print(
            f"sign-detect: unexpected error (a bug; please report it): {type(err).__name__}: "
            f"{_message(err)}",
            file=sys.stderr,
        )
        return 1

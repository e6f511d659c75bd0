"""The package's error classes: every refusal is a SignDetectError naming what is wrong."""

from __future__ import annotations

import ast
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from sklearn.linear_model import LogisticRegression

import sign_detect as sd
from sign_detect import errors
from sign_detect.cli import _backtest_dates
from sign_detect.errors import (
    ConfigError,
    InsufficientDataError,
    MissingColumnsError,
    ParameterError,
    SignDetectError,
)
from sign_detect.features.build import resolve_as_of
from sign_detect.io.loaders import Inputs, load_inputs
from sign_detect.io.records import load_aliases
from sign_detect.report import render_report
from sign_detect.report.plot import plot_sign_heatmap, plot_timelines, weekly_risk
from sign_detect.risk.calibration import reliability_table
from sign_detect.risk.model import predict_risk
from sign_detect.risk.model_files import write_risk_model

SRC = Path(sd.__file__).resolve().parent
NOTE = "上司に相談したら、少し楽になったとのこと"  # synthetic; must never appear in a message


def _checkins() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "graduate_id": ["G1", "G2"],
            "date": ["2025-04-01", "2025-04-08"],
            "channel": ["電話", "面談"],
            "note": ["最近眠れないとのこと", "特に変わりなし"],
        }
    )


def _attendance() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "graduate_id": ["G1", "G1", "G2"],
            "date": ["2025-04-01", "2025-04-02", "2025-04-08"],
            "status": ["出勤", "欠勤", "出勤"],
        }
    )


def _outcomes() -> pd.DataFrame:
    return pd.DataFrame({"graduate_id": ["G1"], "date": ["2025-09-01"], "event": ["退職"]})


# -- the classes ---------------------------------------------------------------------
@pytest.mark.parametrize("name", [n for n in errors.__all__ if n[0].isupper()])
def test_every_error_class_is_a_sign_detect_error(name: str) -> None:
    cls = getattr(errors, name)
    if name == "InputWarning":
        assert issubclass(cls, UserWarning)
    else:
        assert issubclass(cls, SignDetectError) and getattr(sd, name) is cls


@pytest.mark.parametrize(
    ("cls", "builtins"),
    [
        (ParameterError, (ValueError, TypeError)),
        (InsufficientDataError, (ValueError,)),
        (MissingColumnsError, (ValueError, KeyError)),
        (ConfigError, (ValueError,)),
    ],
)
def test_callers_catching_builtin_errors_still_catch_them(
    cls: type[Exception], builtins: tuple[type[Exception], ...]
) -> None:
    assert all(issubclass(cls, b) for b in builtins)


def test_a_missing_column_reads_like_a_sentence_not_a_quoted_key() -> None:
    err = MissingColumnsError("notes.csv", ["note"], ["graduate_id", NOTE])
    assert str(err).startswith("notes.csv: missing required column(s) ['note']")
    assert NOTE not in str(err) and "<text of 20 characters>" in str(err)


def test_a_missing_column_names_at_most_thirty_found_columns() -> None:
    err = MissingColumnsError("features", ["risk"], [f"c{i}" for i in range(45)])
    assert "'c29'" in str(err) and "'c30'" not in str(err) and "and 15 more" in str(err)


# -- the package's code --------------------------------------------------------------
def _python_files() -> list[Path]:
    return sorted(SRC.rglob("*.py"))


def _is_pydantic_validator(node: ast.FunctionDef) -> bool:
    names = {ast.unparse(d).split("(")[0] for d in node.decorator_list}
    return bool(names & {"field_validator", "model_validator"}) or node.name == "_read_cell"


def _plain_raises(tree: ast.AST) -> list[int]:
    """Lines raising a bare ValueError/KeyError/TypeError outside pydantic validators."""
    allowed: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and _is_pydantic_validator(node):
            allowed |= {n.lineno for n in ast.walk(node) if hasattr(n, "lineno")}
    plain = {"ValueError", "KeyError", "TypeError"}
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Raise)
        and isinstance(node.exc, ast.Call)
        and ast.unparse(node.exc.func) in plain
        and node.lineno not in allowed
    ]


def test_the_package_raises_its_own_classes_and_never_asserts() -> None:
    found = []
    for path in _python_files():
        tree = ast.parse(path.read_text("utf-8"))
        found += [f"{path.name}:{n}: raise" for n in _plain_raises(tree)]
        found += [
            f"{path.name}:{n.lineno}: assert" for n in ast.walk(tree) if isinstance(n, ast.Assert)
        ]
    assert found == []


# -- loading -------------------------------------------------------------------------
def test_the_errors_option_is_a_parameter_error() -> None:
    with pytest.raises(ParameterError, match="errors must be 'raise' or 'quarantine'"):
        sd.load_checkins(_checkins(), errors="ignore")  # type: ignore[call-overload]


def test_today_that_is_not_a_date_is_named_without_its_text() -> None:
    with pytest.raises(ParameterError, match="today must be a date") as caught:
        sd.load_attendance(_attendance(), today=NOTE)
    assert NOTE not in str(caught.value)


def test_an_unknown_alias_field_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="aliases: unknown field 'chanel'"):
        load_aliases({"chanel": {"phone": ["携帯"]}})
    office = tmp_path / "office.toml"
    office.write_text('[stauts]\nabsent = ["病欠"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"office\.toml: unknown field 'stauts'"):
        load_aliases(office)


def test_sheet_for_a_csv_is_a_parameter_error(tmp_path: Path) -> None:
    path = tmp_path / "checkins.csv"
    _checkins().to_csv(path, index=False)
    with pytest.raises(ParameterError, match=r"sheet=0 applies to \.xlsx workbooks only"):
        sd.load_checkins(path, sheet=0)


# -- as-of dates, features -----------------------------------------------------------
@pytest.mark.parametrize(
    ("as_of", "message"),
    [
        ("平成31年5月1日", "平成 ended on 2019-04-30"),
        (object(), "as_of must be a date, 'YYYY-MM-DD' or a Timestamp"),
        (pd.NaT, "as_of must be a date"),
    ],
)
def test_an_as_of_that_is_not_a_date_is_a_parameter_error(as_of: object, message: str) -> None:
    with pytest.raises(ParameterError, match=message):
        resolve_as_of(as_of)  # type: ignore[arg-type]


def test_no_dated_rows_is_insufficient_data() -> None:
    with pytest.raises(InsufficientDataError, match="no dated rows"):
        resolve_as_of(None, pd.DataFrame({"date": pd.Series([], dtype="datetime64[ns]")}))
    empty = Inputs(sd.load_checkins(_checkins().head(0)), sd.load_attendance(_attendance().head(0)))
    with pytest.raises(InsufficientDataError, match="no dated rows to backtest on"):
        _backtest_dates(empty, warmup=28, every=14)


def test_feature_builder_arguments_are_parameter_errors() -> None:
    with pytest.raises(ParameterError, match="needs checkins= and attendance="):
        sd.FeatureBuilder().fit()
    builder = sd.FeatureBuilder(checkins=_checkins(), attendance=_attendance()).fit()
    with pytest.raises(ParameterError, match="columns 'graduate_id' and 'as_of'"):
        builder.transform(pd.DataFrame({"graduate_id": ["G1"]}))
    with pytest.raises(ParameterError, match="missing or unparseable dates"):
        builder.transform(pd.DataFrame({"graduate_id": ["G1"], "as_of": [None]}))


def test_a_missing_text_column_is_a_missing_columns_error(scorer: sd.SignScorer) -> None:
    notes = pd.DataFrame({"text": ["眠れない"]})
    with pytest.raises(MissingColumnsError, match=r"checkins: .*\['memo'\]") as caught:
        sd.score_notes(notes, text_column="memo", scorer=scorer)
    assert isinstance(caught.value, KeyError) and caught.value.found == ["text"]


# -- training, backtest, model -------------------------------------------------------
def test_backtest_arguments_are_parameter_errors() -> None:
    args = (_checkins(), _attendance(), _outcomes())
    with pytest.raises(ParameterError, match="flag must be 'top_k' or 'high'"):
        sd.backtest(*args, ["2025-04-08", "2025-04-15"], flag="all")  # type: ignore[arg-type]
    with pytest.raises(ParameterError, match="at least two as-of dates"):
        sd.backtest(*args, ["2025-04-08"])


def test_backtest_and_training_without_outcomes_say_so() -> None:
    """They used to stop on an ``assert`` (or run on under ``python -O``)."""
    with pytest.raises(ParameterError, match="backtest needs outcomes"):
        sd.backtest(_checkins(), _attendance(), None, ["2025-04-08", "2025-04-15"])  # type: ignore[arg-type]
    with pytest.raises(ParameterError, match="training_set needs outcomes"):
        sd.training_set(_checkins(), _attendance(), None, ["2025-04-08"])  # type: ignore[arg-type]


def test_training_without_usable_dates_is_insufficient_data() -> None:
    args = (_checkins(), _attendance(), _outcomes())
    with pytest.raises(InsufficientDataError, match="90-day label window inside the data"):
        sd.training_set(*args, ["2025-08-30"], horizon_days=90)
    with pytest.raises(InsufficientDataError, match="no graduate is active"):
        sd.training_set(*args, ["2025-01-06"], horizon_days=30)


def _features() -> tuple[pd.DataFrame, pd.Series]:
    X = pd.DataFrame({"a": np.linspace(0, 1, 12), "b": np.linspace(1, 0, 12)})
    return X, pd.Series([0, 1] * 6)


def test_model_parameters_are_parameter_errors() -> None:
    X, y = _features()
    with pytest.raises(ParameterError, match="C must be 'auto' or a positive number"):
        sd.RiskModel(C=-1.0).fit(X, y)
    with pytest.raises(ParameterError, match="predict_proba") as caught:
        predict_risk(object(), X)
    assert isinstance(caught.value, TypeError)


def test_model_data_problems_are_named() -> None:
    X, y = _features()
    with pytest.raises(InsufficientDataError, match="at least 2 classes"):
        sd.RiskModel().fit(X, y * 0)
    with pytest.raises(MissingColumnsError, match=r"features: .*\['c'\]"):
        sd.RiskModel(features=["a", "c"]).fit(X, y)
    fitted = LogisticRegression().fit(X, y)
    with pytest.raises(MissingColumnsError, match=r"features: .*\['b'\]"):
        predict_risk(fitted, X[["a"]])


def test_saving_a_model_the_wrong_way_is_a_parameter_error(tmp_path: Path) -> None:
    X, y = _features()
    with pytest.raises(ParameterError, match=r"save a RiskModel as \.json"):
        sd.save_model(sd.RiskModel(), tmp_path / "model.skops")
    unnamed = sd.RiskModel(C=1.0).fit(X.to_numpy(), y)
    with pytest.raises(ParameterError, match="fitted on a DataFrame"):
        write_risk_model(unnamed, tmp_path / "model.json")


def test_probabilities_outside_zero_one_are_a_parameter_error() -> None:
    with pytest.raises(ParameterError, match="between 0 and 1"):
        reliability_table(np.array([0, 1]), np.array([0.2, 1.5]))


def test_simulation_arguments_are_parameter_errors() -> None:
    with pytest.raises(ParameterError, match="retention_1y"):
        sd.simulate_cohort(5, retention_1y=0)
    with pytest.raises(ParameterError, match="n_graduates and days must be positive"):
        sd.simulate_cohort(0)


# -- pictures and reports ------------------------------------------------------------
def test_plot_arguments_and_missing_people_are_named() -> None:
    weeks = pd.DatetimeIndex(["2025-04-01", "2025-04-03"])
    with pytest.raises(ParameterError, match="whole weeks"):
        weekly_risk(pd.DataFrame(), pd.DataFrame(), ["G1"], weeks)
    scored = pd.DataFrame({"graduate_id": ["G1"], "date": pd.to_datetime(["2025-04-01"])})
    with pytest.raises(InsufficientDataError, match="G9"):
        plot_timelines(scored, scored, ["G9"], "2025-04-02")
    with pytest.raises(InsufficientDataError, match="no check-ins for graduate_id 'G9'"):
        plot_sign_heatmap(_checkins(), graduate_id="G9")


def test_report_arguments_are_parameter_errors() -> None:
    with pytest.raises(ParameterError, match="since"):
        sd.build_report(_checkins(), _attendance(), as_of="2025-04-08", since="2025-05-01")
    with pytest.raises(ParameterError, match="hits=True"):
        render_report(
            pd.DataFrame(), pd.DataFrame({"date": []}), pd.DataFrame(), as_of="2025-04-08",
            evidence=True,
        )  # fmt: skip


def test_load_inputs_keeps_raising_the_row_report() -> None:
    bad = _attendance().assign(status=["出勤", "holiday", "出勤"])
    with pytest.raises(sd.InputValidationError, match="unknown status"):
        load_inputs(_checkins(), bad)

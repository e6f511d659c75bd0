"""sign_detect: notice the small signs (小さなサイン) before a working life breaks down."""

from .caseload import Caseload
from .errors import (
    ConfigError,
    InputFileError,
    InputValidationError,
    InputWarning,
    InsufficientDataError,
    MissingColumnsError,
    ParameterError,
    SignDetectError,
    TokenizerUnavailableError,
)
from .features.build import FEATURE_NAMES, FeatureBuilder
from .io.loaders import load_attendance, load_checkins, load_graduates, load_outcomes
from .io.records import AttendanceDay, CheckIn, Graduate, Outcome
from .report import Action, Actions, render_report, write_ranking_xlsx
from .risk.backtest import BacktestReport
from .risk.model import ModelNotBetterWarning, RiskModel
from .risk.model_files import load_model, save_model
from .risk.scorer import ScorerConfig
from .shortcuts import backtest, build_features, build_report, rank_graduates, training_set
from .simulate import Cohort, simulate_cohort, write_cohort
from .text.categories import CATEGORIES, CATEGORY_LABELS
from .text.composition import Composer
from .text.contact_outcome import UnansweredDetector
from .text.grammar import Grammar
from .text.lexicon import Lexicon, LexiconEntry
from .text.scoring import (
    Hit,
    NoteSignals,
    NoteVector,
    SignScorer,
    SignWords,
    score_notes,
    score_text,
)
from .text.tokenizer import Tokenizer

__all__ = [
    "CATEGORIES",
    "CATEGORY_LABELS",
    "FEATURE_NAMES",
    "Action",
    "Actions",
    "AttendanceDay",
    "BacktestReport",
    "Caseload",
    "CheckIn",
    "Cohort",
    "Composer",
    "ConfigError",
    "FeatureBuilder",
    "Graduate",
    "Grammar",
    "Hit",
    "InputFileError",
    "InputValidationError",
    "InputWarning",
    "InsufficientDataError",
    "Lexicon",
    "LexiconEntry",
    "MissingColumnsError",
    "ModelNotBetterWarning",
    "NoteSignals",
    "NoteVector",
    "Outcome",
    "ParameterError",
    "RiskModel",
    "ScorerConfig",
    "SignDetectError",
    "SignScorer",
    "SignWords",
    "Tokenizer",
    "TokenizerUnavailableError",
    "UnansweredDetector",
    "backtest",
    "build_features",
    "build_report",
    "load_attendance",
    "load_checkins",
    "load_graduates",
    "load_model",
    "load_outcomes",
    "rank_graduates",
    "render_report",
    "save_model",
    "score_notes",
    "score_text",
    "simulate_cohort",
    "training_set",
    "write_cohort",
    "write_ranking_xlsx",
]

__version__ = "0.1.0"

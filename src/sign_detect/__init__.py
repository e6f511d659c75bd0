"""sign_detect: notice the small signs (小さなサイン) before a working life breaks down."""

from .errors import (
    ConfigError,
    InputFileError,
    InputValidationError,
    MissingColumnsError,
    SignDetectError,
    TokenizerUnavailableError,
)
from .backtest import BacktestReport, backtest
from .categories import CATEGORIES, CATEGORY_LABELS
from .features import FEATURE_NAMES, FeatureBuilder, build_features
from .grammar import Grammar
from .lexicon import Lexicon, LexiconEntry
from .loaders import load_attendance, load_checkins, load_graduates, load_outcomes
from .model import RiskModel
from .ranking import rank_graduates
from .records import AttendanceDay, CheckIn, Graduate, Outcome
from .risk_scoring import ScorerConfig
from .simulate import Cohort, simulate_cohort, write_cohort
from .text_scoring import Hit, NoteSignals, SignScorer, score_notes, score_text
from .tokenizer import Tokenizer

__all__ = [
    "BacktestReport",
    "RiskModel",
    "backtest",
    "CATEGORIES",
    "CATEGORY_LABELS",
    "FEATURE_NAMES",
    "FeatureBuilder",
    "Grammar",
    "Hit",
    "Lexicon",
    "LexiconEntry",
    "NoteSignals",
    "ScorerConfig",
    "SignScorer",
    "Tokenizer",
    "build_features",
    "rank_graduates",
    "score_notes",
    "score_text",
    "AttendanceDay",
    "CheckIn",
    "Cohort",
    "ConfigError",
    "Graduate",
    "InputFileError",
    "InputValidationError",
    "MissingColumnsError",
    "Outcome",
    "SignDetectError",
    "TokenizerUnavailableError",
    "load_attendance",
    "load_checkins",
    "load_graduates",
    "load_outcomes",
    "simulate_cohort",
    "write_cohort",
]

__version__ = "0.1.0"

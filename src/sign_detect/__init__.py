"""sign_detect: notice the small signs (小さなサイン) before a working life breaks down."""

from .errors import (
    ConfigError,
    InputFileError,
    InputValidationError,
    MissingColumnsError,
    SignDetectError,
    TokenizerUnavailableError,
)
from .categories import CATEGORIES, CATEGORY_LABELS
from .grammar import Grammar
from .lexicon import Lexicon, LexiconEntry
from .loaders import load_attendance, load_checkins, load_graduates, load_outcomes
from .records import AttendanceDay, CheckIn, Graduate, Outcome
from .simulate import Cohort, simulate_cohort, write_cohort
from .text_scoring import Hit, NoteSignals, SignScorer, score_notes, score_text
from .tokenizer import Tokenizer

__all__ = [
    "CATEGORIES",
    "CATEGORY_LABELS",
    "Grammar",
    "Hit",
    "Lexicon",
    "LexiconEntry",
    "NoteSignals",
    "SignScorer",
    "Tokenizer",
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

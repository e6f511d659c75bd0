"""Shared fixtures: one real tokenizer and scorer for the whole session."""

from __future__ import annotations

import pytest

from sign_detect import SignScorer, Tokenizer
from sign_detect.simulate import Cohort, simulate_cohort
from sign_detect.text.tokenizer import default_tokenizer


@pytest.fixture(scope="session")
def tokenizer() -> Tokenizer:
    """The library's own default tokenizer: tests and library defaults share one."""
    return default_tokenizer()


@pytest.fixture(scope="session")
def scorer(tokenizer: Tokenizer) -> SignScorer:
    return SignScorer(tokenizer=tokenizer)


@pytest.fixture(scope="session")
def small_cohort() -> Cohort:
    """A small synthetic cohort (a few thousand rows), shared read-only."""
    return simulate_cohort(n_graduates=30, days=240, seed=11)

# Two entry points, both idempotent: `make rank` (the main job) and `make test` (the suite).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
SAMPLES := data/samples

.PHONY: rank test lint samples clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.runtime: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev,plot]'
	touch $@ $(VENV)/.runtime

rank: $(VENV)/.runtime
	$(BIN)/sign-detect rank --checkins $(SAMPLES)/checkins.csv \
		--attendance $(SAMPLES)/attendance.csv --graduates $(SAMPLES)/graduates.csv \
		--outcomes $(SAMPLES)/outcomes.csv

lint: $(VENV)/.dev
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy

test: lint
	$(BIN)/python -m pytest

samples: $(VENV)/.runtime
	$(BIN)/python -c "from sign_detect.simulate import simulate_cohort, write_cohort; \
		write_cohort(simulate_cohort(40, days=270, seed=7), '$(SAMPLES)')"

clean:
	rm -rf $(VENV)

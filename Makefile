# Two entry points, both idempotent: `make rank` (the main job) and `make test` (the suite).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
SAMPLES := data/samples

.PHONY: rank test lint chromium samples clean

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

# The browser test of the HTML report needs Chromium and a Japanese font (Debian packages).
# They are installed only when Chromium is missing and apt-get can be used as root; this
# target never fails the build: where it cannot install, that test is skipped with the reason.
chromium:
	@if [ -x /usr/bin/chromium ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
			apt-get install -y -qq chromium fonts-noto-cjk) \
		|| echo "chromium: apt-get install failed; the browser test will be skipped"; \
	else \
		echo "chromium: missing, and apt-get cannot be used as root; the browser test will be skipped"; \
	fi

test: lint chromium
	$(BIN)/python -m pytest

samples: $(VENV)/.runtime
	$(BIN)/python -c "from sign_detect.simulate import simulate_cohort, write_cohort; \
		write_cohort(simulate_cohort(40, days=270, seed=7), '$(SAMPLES)')"

clean:
	rm -rf $(VENV)

# Outside In: two commands do everything (see README.md).
#   make serve   build, serve on http://localhost:8000, rebuild on save
#   make build   build output/ only
#   make test    the whole test suite
#   make bench   benchmarks, written to bench/results.json
# The first run creates .venv and installs what is needed; later runs
# reinstall only when a requirements file or the plugin's metadata changes.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: build serve test lint format clean bench

$(STAMP): requirements.txt requirements-dev.txt plugins/wow_index/pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check \
		-r requirements.txt -r requirements-dev.txt -e plugins/wow_index
	@touch $@

build: $(STAMP)
	$(BIN)/invoke build

serve: $(STAMP)
	$(BIN)/invoke serve

# Benchmarks (not tests): make bench BENCH="--stories 1000 --repeat 3"
bench: $(STAMP)
	$(BIN)/invoke bench $(BENCH)

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf output .pytest_cache

# Outside In: two commands do everything (see README.md).
#   make serve   build, serve on http://localhost:8000, rebuild on save
#   make build   build output/ only
#   make test    the whole test suite
#   make browser-deps   Debian packages the browser tests and the HTML
#                       validator need (chromium, chromium-driver, Java)
# The first run creates .venv and installs what is needed; later runs
# reinstall only when a requirements file or the plugin's metadata changes.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: build serve test lint format clean browser-deps screenshots

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

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

screenshots: $(STAMP)
	$(BIN)/invoke screenshots

# Installs only what is missing, so it is quick when all is there. Uses sudo
# when not run as root. Browser tests skip without these (CI=true: they fail).
BROWSER_PKGS := chromium chromium-driver fonts-dejavu-core
browser-deps:
	@if command -v chromium >/dev/null && command -v chromedriver >/dev/null \
		&& command -v java >/dev/null; then \
		echo "browser-deps: chromium, chromedriver and java are installed"; \
	else \
		sudo=$$([ "$$(id -u)" = 0 ] || echo sudo); \
		java=$$(command -v java >/dev/null || echo default-jre-headless); \
		$$sudo apt-get update -qq && \
		$$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
			--no-install-recommends $(BROWSER_PKGS) $$java; \
	fi

clean:
	rm -rf output .pytest_cache

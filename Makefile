# Outside In: two commands do everything (see README.md).
#   make serve   build, serve on http://localhost:8000, rebuild on save
#   make build   build output/ only
#   make test    the whole test suite
#   make bench   benchmarks, written to bench/results.json
#   make browser-deps   Debian packages the browser tests and the HTML
#                       validator need (chromium, chromium-driver, Java)
#   make compat  the plugin's tests with the oldest and newest Pelican
#   make messages  the plugin's translation catalogues, extracted and compiled
# The first run creates .venv and installs what is needed; later runs
# reinstall only when a requirements file or the plugin's metadata changes.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: build serve test lint format clean browser-deps screenshots compat messages bench

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

# The plugin's tests in a fresh virtualenv per Pelican version, the plugin
# installed from its wheel: by default the oldest supported and the newest
# released; or e.g. `make compat PELICANS="pelican==4.10.2"`.
compat: $(STAMP)
	$(BIN)/python tests/venvs.py $(PELICANS)

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

# The plugin's message catalogues: extract the templates' text into the .pot,
# merge it into every language's .po, compile the .mo files (all committed).
WOW_LOCALE := pelican/plugins/wow_index/locale
messages: $(STAMP)
	cd plugins/wow_index && ../../$(BIN)/pybabel --quiet extract -F babel.cfg \
		--project pelican-wow-index --copyright-holder "Outside In" \
		--version "$$(../../$(BIN)/python -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')" \
		--sort-by-file -o $(WOW_LOCALE)/pelican_wow_index.pot .
	cd plugins/wow_index && ../../$(BIN)/pybabel --quiet update -D pelican_wow_index \
		-i $(WOW_LOCALE)/pelican_wow_index.pot -d $(WOW_LOCALE)
	cd plugins/wow_index && ../../$(BIN)/pybabel compile --statistics -D pelican_wow_index -d $(WOW_LOCALE)

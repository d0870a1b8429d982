# Outside In: two commands do everything (see README.md).
#   make serve   build, serve on http://localhost:8000, rebuild on save
#   make build   build output/ only
#   make test    the whole test suite
# The first run creates .venv and installs what is needed; later runs
# reinstall only when a requirements file or the plugin's metadata changes.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: build serve test lint format clean compat messages

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

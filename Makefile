# The two newcomer commands are `make run` and `make test`; both build .venv themselves.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000

.PHONY: run test lint bench install install-test clean messages

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Installed once, and again only when pyproject.toml changes (a stamp file marks it).
install: $(VENV)/.installed
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

install-test: $(VENV)/.installed-test
$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@ $(VENV)/.installed

run: install
	DEBUG=1 $(BIN)/python manage.py migrate --no-input
	DEBUG=1 $(BIN)/python manage.py load_translations
	DEBUG=1 $(BIN)/python manage.py seed_demo
	DEBUG=1 $(BIN)/python manage.py runserver localhost:$(PORT)

# PYTEST_ARGS narrows a run, e.g. PYTEST_ARGS='-m "not browser"' (CI's PostgreSQL pass).
# The suite runs in one process per core (pytest-xdist); PYTEST_WORKERS=0 runs it in one.
PYTEST_WORKERS ?= auto
test: install-test
	TESTING=1 $(BIN)/python -m pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache
	TESTING=1 $(BIN)/python manage.py makemigrations --check --dry-run

# Interface languages: refresh every catalogue from the code and templates, then compile them.
# Needs GNU gettext (apt-get install gettext); the compiled .mo files are committed, so running
# the app never does.
LANGS := bn hi ne th ur km lo my vi
messages: install
	$(BIN)/python manage.py makemessages $(foreach lang,$(LANGS),-l $(lang)) --no-obsolete \
		--ignore=tests --ignore=bench --ignore=staticfiles --ignore=build
	$(BIN)/python manage.py compilemessages --ignore=.venv --ignore=staticfiles --ignore=build

bench: install-test
	$(BIN)/python bench/dashboard.py
	$(BIN)/python bench/pages.py
	$(BIN)/python bench/two_servers.py

clean:
	rm -rf $(VENV) staticfiles .pytest_cache

# Two commands set everything up on a fresh machine: `make run` and `make test`.
# Everything is installed into .venv; nothing depends on what is installed by hand.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
FLASK  := $(BIN)/flask --app wsgi
DEV    := PORTAL_ENV=development
HOST   ?= 127.0.0.1
PORT   ?= 5000
WORKERS ?= 4

.PHONY: run serve test lint bench bench-full migrate demo translations translations-update clean help

help:
	@echo "make run     install, migrate the embedded SQLite database, load demo data, serve on http://$(HOST):$(PORT)"
	@echo "make test    install dev requirements and run the whole suite (SQLite, and PostgreSQL when TEST_DATABASE_URL is set)"
	@echo "make serve   production server: gunicorn with $(WORKERS) workers, settings from the environment"
	@echo "make lint    ruff"
	@echo "make bench   the benchmark suite at 100,000 petitions (under 20 minutes; table in docs/benchmarks.md)"
	@echo "make bench-full  the same at 1,000,000 petitions (about an hour and a half)"

$(VENV)/.python-ok:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (found " + sys.version.split()[0] + ")")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	@touch $@

$(VENV)/.runtime: $(VENV)/.python-ok requirements.txt
	$(BIN)/pip install --quiet -r requirements.txt
	@touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt
	$(BIN)/pip install --quiet -r requirements-dev.txt
	@touch $@

# Compiled catalogues are build output (git-ignored), rebuilt whenever a .po changes.
MO_FILES := $(patsubst %.po,%.mo,$(wildcard portal/translations/*/LC_MESSAGES/messages.po))
%.mo: %.po $(VENV)/.runtime
	$(BIN)/pybabel compile --statistics -i $< -o $@

translations: $(MO_FILES)

translations-update: $(VENV)/.runtime
	$(BIN)/pybabel extract -F babel.cfg -k lazy_gettext -k _l -o portal/translations/messages.pot --no-location --sort-output .
	$(BIN)/pybabel update -i portal/translations/messages.pot -d portal/translations --no-fuzzy-matching

migrate: $(VENV)/.runtime
	$(DEV) $(FLASK) db upgrade

demo: migrate translations
	$(DEV) $(FLASK) demo load

run: demo
	$(DEV) $(FLASK) run --host $(HOST) --port $(PORT) --no-reload

serve: $(VENV)/.runtime translations
	@$(BIN)/python -c 'from portal.config import main; main()'
	PORTAL_ENV=production $(FLASK) db upgrade
	PORTAL_ENV=production $(BIN)/gunicorn -c python:portal.serving --workers $(WORKERS) --bind $(HOST):$(PORT) --access-logfile - wsgi:app

# One pytest worker per core, at most four (TEST_WORKERS=0 runs in one process).
TEST_WORKERS ?= auto --maxprocesses=4
test: $(VENV)/.dev translations
	$(BIN)/python -m pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)

# The benches also run on this PostgreSQL database (emptied first) when it answers;
# BENCH_POSTGRES= runs them on SQLite only.
BENCH_POSTGRES ?= postgresql://postgres@127.0.0.1:5432/bench
BENCH_PG_ARG = $(if $(BENCH_POSTGRES),--postgres $(BENCH_POSTGRES))
bench: $(VENV)/.dev translations
	$(BIN)/python bench/run.py --petitions 100000 $(BENCH_PG_ARG)

bench-full: $(VENV)/.dev translations
	$(BIN)/python bench/run.py --petitions 1000000 --queries 100 --runs 20 $(BENCH_PG_ARG)

lint: $(VENV)/.dev
	$(BIN)/ruff check portal tests migrations bench wsgi.py

clean:
	rm -rf $(VENV) .pytest_cache

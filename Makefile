# Two commands for a fresh clone: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install demo test lint serve clean messages

# torch goes in first, with pip, from the local CPU build; the constraints file keeps it
# pinned on every later install so nothing pulls a CUDA build.
$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -c constraints.txt torch==2.13.0
	$(BIN)/pip install --quiet -c constraints.txt -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(BIN)/tandem db upgrade
	$(BIN)/tandem demo
	$(BIN)/tandem serve --host $(HOST) --port $(PORT)

lint: install
	$(BIN)/ruff check .
	$(BIN)/mypy .
	$(BIN)/lint-imports

test: lint
	$(BIN)/pytest

# Translations, after marking new text: extract every marked message into the template, then
# merge the template into every language's catalogue (web/locale/*/LC_MESSAGES/tandem.po; new
# messages come in empty, changed ones fuzzy). Translate those, clear the fuzzy flags, and
# tests/web/test_catalogues.py passes again. No compile step: the pages compile the catalogues
# in memory when they start.
messages: install
	$(BIN)/pybabel extract -F babel.cfg -k N_ --omit-header -o web/locale/tandem.pot .
	$(BIN)/pybabel update -i web/locale/tandem.pot -d web/locale -D tandem --ignore-obsolete
	$(BIN)/pytest -q -p no:cacheprovider tests/web/test_catalogues.py

serve: install
	$(BIN)/tandem serve --host $(HOST) --port $(PORT)

clean:
	rm -rf $(VENV) var build *.egg-info

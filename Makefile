# trialblog: every target sets up its own virtual environment first (only python3 and make needed).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SITE ?= .
PORT ?= 8000

.PHONY: html publish serve test lint bench clean help

help:
	@echo "make html     build the example site into output/"
	@echo "make serve    build, serve on http://127.0.0.1:$(PORT)/ and rebuild on change"
	@echo "make publish  build with publishconf.py (absolute URLs)"
	@echo "make test     run the whole test suite"
	@echo "make lint     ruff"
	@echo "make clean    remove output/, caches and the virtual environment"

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $(STAMP)

html: $(STAMP)
	$(BIN)/trialblog build --site $(SITE)

publish: $(STAMP)
	$(BIN)/trialblog build --publish --site $(SITE)

serve: $(STAMP)
	$(BIN)/trialblog serve --site $(SITE) --port $(PORT)

test: $(STAMP)
	$(BIN)/ruff check trialblog plugins tests scripts
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check trialblog plugins tests scripts

clean:
	rm -rf output .output.* cache .pytest_cache .ruff_cache build dist *.egg-info $(VENV)
	find . -name __pycache__ -type d -prune -exec rm -rf {} +

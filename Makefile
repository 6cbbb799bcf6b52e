# trialblog: every target sets up its own virtual environment first (only python3 and make needed).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# What building a site needs (make html, serve, publish), and everything (make test, lint, bench).
RUNTIME := $(VENV)/.runtime
STAMP := $(VENV)/.installed
SITE ?= .
PORT ?= 8000

.PHONY: html publish serve test lint bench clean help browser-tools

help:
	@echo "make html     build the example site into output/"
	@echo "make serve    build, serve on http://127.0.0.1:$(PORT)/ and rebuild on change"
	@echo "make publish  build with publishconf.py (absolute URLs)"
	@echo "make test     run the whole test suite"
	@echo "make bench    measure build speed against plain Pelican (BENCH=large for 10,000 entries)"
	@echo "make lint     ruff"
	@echo "make clean    remove output/, caches and the virtual environment"

$(RUNTIME): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e .
	touch $(RUNTIME)

# The social clients, the test tools and the comparison tools on top.
$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[social,test,compare]'
	touch $(RUNTIME) $(STAMP)

# The theme tests drive Debian's Chromium (never a downloaded browser) and run axe-core and
# the Nu Html Checker from npm with the machine's Java; the publishing guide's rsync is tried too.
browser-tools:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq chromium; }
	@command -v java >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq default-jre-headless; }
	@command -v rsync >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq rsync; }  # docs/publishing.md, tried
	@test -f node_modules/.installed -a node_modules/.installed -nt package-lock.json || \
		{ npm ci --no-audit --no-fund --ignore-scripts && touch node_modules/.installed; }

html: $(RUNTIME)
	$(BIN)/trialblog build --site $(SITE)

publish: $(RUNTIME)
	$(BIN)/trialblog build --publish --site $(SITE)

serve: $(RUNTIME)
	$(BIN)/trialblog serve --site $(SITE) --port $(PORT)

test: $(STAMP) browser-tools
	$(BIN)/ruff check trialblog plugins tests scripts benchmarks tools
	$(BIN)/python -m pytest -q

# BENCH=small (1,000 entries and 1,000 directory trials) or BENCH=large (10,000 and 10,000).
# Hugo is measured too when Debian's package installs.
BENCH ?= small
bench: $(STAMP)
	@command -v hugo >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq hugo; } || true
	# trialblog's bytecode, as a wheel's installer writes it (Pelican's was written by pip)
	$(BIN)/python -m compileall -q trialblog plugins
	$(BIN)/python -m benchmarks.run --size $(BENCH) --write docs/benchmarks.md

lint: $(STAMP)
	$(BIN)/ruff check trialblog plugins tests scripts benchmarks tools

clean:
	rm -rf output .output.* cache .pytest_cache .ruff_cache .hypothesis build dist *.egg-info $(VENV) node_modules
	rm -rf .trialblog/cache .trialblog/published.json
	find . -name __pycache__ -type d -prune -exec rm -rf {} +

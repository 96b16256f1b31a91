# Shop Window: `make demo` harvests the bundled snapshot and serves the dashboard; `make test` runs the tests.
# Both set themselves up on a fresh machine with Python 3.11 and make.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB ?= data/shopwindow.db
PORT ?= 8001
HOST ?= 127.0.0.1

.PHONY: demo test install browser-deps harvest serve bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

# Debian's Chromium for the browser tests, and axe-core from npm for the accessibility checks.
browser-deps:
	@bash scripts/ensure-browser-deps.sh

# A source that fails or looks unhealthy makes `harvest run` exit 1; the demo still serves what was stored.
harvest: $(STAMP)
	$(BIN)/harvest run --offline --db $(DB) || echo "Some sources reported problems (see above); serving what was harvested."

serve: $(STAMP)
	$(BIN)/harvest serve --db $(DB) --host $(HOST) --port $(PORT)

demo: harvest serve

test: $(STAMP) browser-deps
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python benchmarks/run_all.py

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm

# The two entry points a user needs: `make run` (embedded store + service) and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STORE ?= var/store
SHARED ?= ../shared
MIN_F1 ?= 0.86
MIN_KIND_F1 ?= 0.76
# The blind validation set (../shared/eval/blind.py): articles nobody here reads, scored in aggregate only.
BLIND_MIN_F1 ?= 0.65
BLIND_MIN_KIND_F1 ?= 0.29

.PHONY: run test lint quality blind system-deps web clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml requirements.lock | $(BIN)/python
	$(BIN)/pip install --quiet -c requirements.lock -e '.[dev]'
	touch $@

# The explorer page (web/): npm ci from the committed lock, then the Vite build into web/dist,
# which `milgraph serve` serves at /. Rebuilt when a source or the lock changes.
WEB_SOURCES := $(wildcard web/*.html web/*.js web/src/*.js web/src/*.css web/src/views/*.js)

web/node_modules/.installed: web/package.json web/package-lock.json
	cd web && npm ci
	touch $@

web/dist/index.html: web/node_modules/.installed $(WEB_SOURCES)
	cd web && npm run build

web: web/dist/index.html

run: $(VENV)/.installed web
	$(BIN)/milgraph ingest samples/articles --store $(STORE)
	$(BIN)/milgraph serve --store $(STORE)

# Debian tools the tests use as independent checkers: rapper parses our exports,
# docker-compose validates the compose file (no Docker engine is needed for that), and the
# browser tests drive Chromium (Playwright uses /usr/bin/chromium; it never downloads a browser).
system-deps:
	@command -v rapper >/dev/null && command -v docker-compose >/dev/null && command -v chromium >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq raptor2-utils docker-compose chromium >/dev/null; \
	  else echo "make: install raptor2-utils, docker-compose and chromium (apt-get) for the export, deployment and browser checks" >&2; exit 1; fi; }

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: $(VENV)/.installed system-deps lint web
	$(BIN)/pytest -q
	scripts/check_deploy.sh

# Extraction quality on the shared corpus, scored from facts read back out of the graph.
quality: $(VENV)/.installed
	rm -rf var/facts && $(BIN)/milgraph facts $(SHARED)/corpus/seeds $(SHARED)/corpus/dev --out var/facts
	$(BIN)/python $(SHARED)/eval/score.py $(SHARED)/corpus/gold var/facts --min-f1 $(MIN_F1)
	$(BIN)/python $(SHARED)/eval/score.py $(SHARED)/corpus/gold var/facts --json | $(BIN)/python scripts/kinds_gate.py $(MIN_KIND_F1)

# The figure that says whether extraction generalises: it prints aggregate figures only.
blind: $(VENV)/.installed
	$(BIN)/python $(SHARED)/eval/blind.py --cli $(BIN)/milgraph --min-f1 $(BLIND_MIN_F1) --min-kind-f1 $(BLIND_MIN_KIND_F1)

clean:
	rm -rf $(VENV) var web/node_modules web/dist

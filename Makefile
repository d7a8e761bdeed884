# Two commands for a fresh machine (see README):
#   make          set up, analyse the seed article, execute the notebooks, export figures + HTML report
#   make test     set up and run the tests (what CI runs)
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
ARTICLE ?= seeds/trump-urges-russia-to-stop.txt
OUT ?= out
REPORTS ?= reports
JOBS ?= 1
export PYTHONHASHSEED := 0
# A value as ONE shell word, whatever it holds (spaces, quotes, $): make report ARTICLE="my article.txt"
shq = '$(subst ','\'',$(1))'

.PHONY: all setup run report test bench lock clean reproduce browser

all: report

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	$(BIN)/python -c "import helpers"  # prepares the offline language data once
	touch $(STAMP)

setup: $(STAMP)

## The main job: contract tables + figures for ARTICLE, then every notebook executed into an HTML report.
run: $(STAMP)
	$(BIN)/python -m helpers analyze $(call shq,$(ARTICLE)) --out $(call shq,$(OUT))

report: run
	$(BIN)/python -m helpers report $(call shq,$(ARTICLE)) --out $(call shq,$(REPORTS))

test: $(STAMP) browser
	$(BIN)/python -m pytest -q

## Headless Chromium for the report's browser test (Debian's package; needs root or sudo).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "chromium not found: the browser test will be skipped (install Debian's chromium package)"; fi; }

## Speed on one core per process (BLAS threads pinned): seconds per article, articles/second, memory.
## Every bench runs; the ones that miss their aim are listed at the end (exit status 1).
bench: $(STAMP)
	@failed=""; for b in benchmarks/bench_*.py; do echo "== $$b"; \
	  OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 $(BIN)/python $$b || failed="$$failed $$b"; done; \
	  if [ -n "$$failed" ]; then echo "== missed:$$failed"; exit 1; fi

## Re-resolve the dependencies of pyproject.toml into requirements.lock (needs the package registry).
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet --upgrade pip
	.lock-venv/bin/python -m pip install --quiet -e '.[test]'
	{ echo "# Exact versions installed by \`make\` (Python 3.11, Linux x86_64). Regenerate with \`make lock\` after changing"; \
	  echo "# the dependencies in pyproject.toml (the single source of truth)."; \
	  .lock-venv/bin/python -m pip freeze --exclude-editable | grep -v '^-e'; } > requirements.lock
	rm -rf .lock-venv

## Delete every output and rebuild from scratch.
reproduce: clean report

clean:
	rm -rf $(call shq,$(OUT)) $(call shq,$(REPORTS)) figures/*/

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

.PHONY: all setup run report test bench lock clean clean-all reproduce browser

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

## Rebuild ARTICLE's outputs from scratch (the seed by default). Removes only what the project
## produced for ARTICLE: OUT/<slug>/, REPORTS/<slug>/ and figures/<slug>/; your other articles stay.
reproduce: clean report

SLUG = $(shell $(BIN)/python -c 'import sys, pathlib; from helpers.article import slugify; print(slugify(pathlib.Path(sys.argv[1]).stem))' $(call shq,$(ARTICLE)) 2>/dev/null)

clean: $(STAMP)
	@test -n "$(SLUG)" || { echo "clean: cannot name the outputs of $(ARTICLE)"; exit 2; }
	rm -rf $(call shq,$(OUT)/$(SLUG)) $(call shq,$(REPORTS)/$(SLUG)) $(call shq,figures/$(SLUG))
	@echo "removed the outputs of $(ARTICLE) ($(SLUG)); other articles in $(OUT)/, $(REPORTS)/ and figures/ are kept (make clean-all removes them)"

## Everything the project writes, for every article you ran (asks first on a terminal).
clean-all:
	@echo "clean-all deletes $(OUT)/, $(REPORTS)/ and every figures/<article>/ folder, your own articles' included."
	@if [ -t 0 ]; then read -r -p "Type yes to go on: " answer && [ "$$answer" = yes ] || { echo "nothing deleted"; exit 1; }; fi
	rm -rf $(call shq,$(OUT)) $(call shq,$(REPORTS)) figures/*/

# foundation-kb — everything a newcomer needs is two commands:
#   make serve   build the site (executing its snippets) and serve it on http://127.0.0.1:8000
#   make test    run the whole test suite (lint, packages, site build, browser tests)
# Both create or refresh .venv/, node_modules/ and the test browser first; re-running
# them is cheap when nothing changed (stamp files).

SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
# torch is installed first and pinned: on a CPU-only machine of this project the pip
# configuration's local wheel is 2.13.0+cpu; on a CUDA machine the same spec resolves to
# the registry's normal CUDA build. Override e.g. `make TORCH_SPEC=torch==2.13.0 ...`.
TORCH_SPEC ?= torch==2.13.0
EXTRAS ?= kb,docs,dev
STAMP := $(VENV)/.stamp-install
ASSETS_STAMP := node_modules/.stamp-assets
BROWSER ?= /usr/bin/chromium
export KB_CHROMIUM := $(BROWSER)
HOST ?= 127.0.0.1
PORT ?= 8000
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1
# the day-to-day selection (make test-fast; tests/test_fresh_clone.py runs it in a fresh clone)
FAST_TESTS := not site and not browser and not slow
# make test runs on this many pytest-xdist workers; the tests of the built site share one
# (tests/conftest.py groups them), so the site is built once
TEST_WORKERS ?= 2

.PHONY: constraints help venv assets browser site serve lint test test-fast test-site test-gpu bench bench-site bench-pages bench-kb bench-grader clean distclean

help:
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | sort

$(STAMP): pyproject.toml constraints.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(PIP) install --quiet --upgrade "pip>=24"
	$(PIP) install --quiet "$(TORCH_SPEC)"
	$(PIP) install --quiet -c constraints.txt -e ".[$(EXTRAS)]"
	@touch $@

venv: $(STAMP) ## create or refresh .venv (Python packages)

$(ASSETS_STAMP): package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $@

assets: $(ASSETS_STAMP) ## install the pinned browser-side assets (Mermaid, MathJax) from npm

browser: ## install Debian's Chromium and a CJK font for the browser tests (if missing)
	@missing=""; [ -x "$(BROWSER)" ] || missing="chromium"; \
	fc-list :lang=zh 2>/dev/null | grep -q . || missing="$$missing fonts-noto-cjk"; \
	if [ -z "$$missing" ]; then :; \
	elif [ "$$(id -u)" = 0 ]; then \
	  (apt-get install -y --no-install-recommends $$missing >/dev/null 2>&1 || \
	   (apt-get update -qq && apt-get install -y --no-install-recommends $$missing >/dev/null)) && echo "installed$$missing"; \
	elif command -v sudo >/dev/null; then \
	  sudo apt-get update -qq && sudo apt-get install -y --no-install-recommends $$missing; \
	else echo "browser tests need: $$missing (Debian packages)" >&2; exit 1; fi

site: venv assets ## build the site into site/ (strict; snippets run unless cached)
	$(VENV)/bin/mkdocs build --strict

serve: venv assets ## build and serve the site on http://$(HOST):$(PORT)
	$(VENV)/bin/mkdocs serve --strict -a $(HOST):$(PORT)

lint: venv ## ruff: lint and format check (seconds; the first step of make test and make test-fast)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

test: lint assets browser ## the whole test suite (what CI runs): lint first
	$(PY) -m pytest -n $(TEST_WORKERS) --dist loadgroup

test-fast: lint ## day-to-day: lint, then packages only (no site build, no browser)
	$(PY) -m pytest -m "$(FAST_TESTS)"

test-site: venv assets browser ## site build and browser tests only
	$(PY) -m pytest -m "site or browser"

test-gpu: venv ## the GPU tests only (pytest -m gpu): every model on CUDA, mixed precision; needs a CUDA device
	$(PY) -m pytest -m gpu

bench: bench-site bench-pages bench-kb bench-grader ## every benchmark (figures for the notes; about 25 minutes)

bench-site: venv assets ## site build: cold, warm, after editing one kb module
	$(PY) benchmarks/build_bench.py

bench-pages: venv assets browser ## page weight and time to rendered per page type, cold and warm cache
	$(PY) benchmarks/site_pages.py

bench-kb: venv ## kb: Lightning vs a plain loop per model, with Lightning's own floor
	$(PY) benchmarks/kb_train_overhead.py --floor

bench-grader: venv ## grader: cold start, latency, batch throughput, naive comparison
	$(PY) benchmarks/grader_cold_start.py
	$(PY) benchmarks/grader_latency.py
	$(PY) benchmarks/grader_batch.py
	$(PY) benchmarks/grader_naive.py

clean:
	rm -rf site .pytest_cache .hypothesis

distclean: clean
	rm -rf $(VENV) node_modules .cache

constraints: venv ## re-pin constraints.txt from the current .venv (after changing dependencies)
	@{ sed -n '1,3p' constraints.txt; $(PIP) freeze --exclude-editable | grep -viE '^(torch|nvidia-|triton|cuda-)'; } > constraints.tmp && mv constraints.tmp constraints.txt

# Every target bootstraps what it needs: a .venv from the pinned requirements and,
# for browser tests, Debian's Chromium. Run `make help` for the list.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
SITE_STAMP := $(VENV)/.site-installed
DEV_STAMP := $(VENV)/.dev-installed
CHROMIUM := /usr/bin/chromium
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: help serve site pdf markdown check test lint chromium clean offline bench lighthouse

help: ## List the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-9s %s\n", $$1, $$2}'

$(SITE_STAMP): requirements/site.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements/site.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

$(DEV_STAMP): $(SITE_STAMP) requirements/dev.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements/dev.txt
	touch $@

chromium: ## Install Debian's Chromium for the browser tests, if missing
	@command -v $(CHROMIUM) >/dev/null || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium; }

markdown: $(SITE_STAMP) ## Write the generated Markdown into build/docs
	$(PY) -m sitegen markdown

serve: markdown ## Build and serve with live reload at http://127.0.0.1:8000
	$(PY) -m mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

WORKBOX_NPM := tools/workbox/node_modules/.installed

# Workbox 7.4.1, pinned in tools/workbox/package-lock.json: `sitegen build` writes sw.js with it.
$(WORKBOX_NPM): tools/workbox/package.json tools/workbox/package-lock.json
	npm ci --prefix tools/workbox --no-audit --no-fund --silent
	touch $@

site: $(DEV_STAMP) chromium $(WORKBOX_NPM) ## Check the data, build site/ with its PDF sheets and service worker (the old site/ survives a failure)
	$(PY) -m sitegen build --pdf

pdf: site ## Build site/ and print every exercise and routine sheet to site/pdf/ (same as make site)

check: $(SITE_STAMP) ## Check the data only: every problem as path:line:column
	$(PY) -m sitegen check

LINT_NPM := tools/lint/node_modules/.installed

# ESLint and stylelint, pinned in tools/lint/package-lock.json (they need Node 20.19 or newer).
$(LINT_NPM): tools/lint/package.json tools/lint/package-lock.json
	npm ci --prefix tools/lint --no-audit --no-fund --silent
	touch $@

lint: $(DEV_STAMP) $(LINT_NPM) ## ruff and mypy; ESLint and stylelint on overrides/assets
	$(PY) -m ruff check scripts tests bench
	$(PY) -m ruff format --check scripts tests bench
	$(PY) -m mypy
	MYPYPATH=scripts $(PY) -m mypy --strict bench
	tools/lint/node_modules/.bin/eslint --config tools/lint/eslint.config.mjs overrides/assets/javascripts
	tools/lint/node_modules/.bin/stylelint --config tools/lint/stylelint.config.mjs 'overrides/assets/stylesheets/*.css'

SEED_OVERLAP := ../shared/tools/seed-overlap
VNU_JAR := tools/vnu/node_modules/vnu-jar/build/dist/vnu.jar

# The Nu HTML Checker, pinned in tools/vnu/package-lock.json; it runs on Debian's Java.
$(VNU_JAR): tools/vnu/package.json tools/vnu/package-lock.json
	@command -v java >/dev/null || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq default-jre-headless; }
	npm ci --prefix tools/vnu --no-audit --no-fund --silent
	touch $@

test: $(DEV_STAMP) chromium $(VNU_JAR) $(WORKBOX_NPM) ## Lint, seed-overlap, then every test (unit, golden, build, browser)
	$(MAKE) --no-print-directory lint
	@if [ -x $(SEED_OVERLAP) ]; then $(SEED_OVERLAP) content exercises; \
	  else echo "seed-overlap: ../shared/tools not found; skipped"; fi
	$(PY) -m pytest

clean: ## Remove the venv and everything derived
	rm -rf $(VENV) build site site.* .pytest_cache .mypy_cache .ruff_cache

offline: $(DEV_STAMP) chromium ## Zip a copy that works from file:// with no network (build/sciatica-guide-offline.zip)
	$(PY) -m sitegen offline --pdf

bench: $(SITE_STAMP) ## Time builds of 10-1,000 synthetic exercises vs plain Material, and live reload (~5 min)
	$(PY) -m bench.run

LIGHTHOUSE_NPM := tools/lighthouse/node_modules/.installed

# Lighthouse 12.2.3, pinned in tools/lighthouse/package-lock.json (13 needs Node 22).
$(LIGHTHOUSE_NPM): tools/lighthouse/package.json tools/lighthouse/package-lock.json
	npm ci --prefix tools/lighthouse --no-audit --no-fund --silent
	touch $@

lighthouse: $(SITE_STAMP) chromium $(LIGHTHOUSE_NPM) $(WORKBOX_NPM) ## Lighthouse mobile scores, before issue 21 against now, and My progress against an exercise page, served with gzip (~5 min)
	$(PY) -m bench.lighthouse

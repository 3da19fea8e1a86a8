# Two entry points for a fresh machine: `make demo` and `make test`.
# Each creates .venv and installs the package with its dev extra when needed.

PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed-$(shell sha1sum pyproject.toml | cut -c1-12)
SAMPLES = $(wildcard samples/pdf/*.pdf)
# Every Renja sample spec (the hostile test input and the mini example are rendered apart).
SPECS   = $(filter-out samples/specs/hostile-2024.yaml samples/specs/example-mini.yaml,$(wildcard samples/specs/*.yaml))

.PHONY: demo test test-fast lint fuzz expected serve samples archive-samples install clean

$(STAMP):
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/python -m compileall -q auditor  # as an installed package is: imports read bytecode
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

install: $(STAMP)

## Audit the bundled samples; reports go to reports/ (findings do not fail the demo).
demo: $(STAMP)
	sh scripts/ensure_ocr.sh
	$(BIN)/renja-audit check $(SAMPLES) --out reports --format json,html --fail-on never
	@echo "Laporan / reports: $$(ls reports/*.html | tr '\n' ' ')"

## The self-check page for authors: http://127.0.0.1:8765/ (Ctrl+C stops it).
serve: $(STAMP)
	$(BIN)/renja-audit serve

## Run the whole test suite; browser and .docx picture tests need Chromium and LibreOffice
## (installed from Debian when missing).
test: lint
	sh scripts/ensure_test_tools.sh
	PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 $(BIN)/python -m pytest

## The fast loop while working: unit tests and one in-process audit of the reference sample.
test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -m unit
	$(BIN)/python -m pytest -q "tests/test_expected_json.py::test_report_is_unchanged[samples/pdf/randuagung-2024.pdf]"

## Lint, formatting and types (also the first step of `make test`, so CI runs it).
LINTED = auditor tests bench samples scripts
lint: $(STAMP)
	$(BIN)/ruff check $(LINTED)
	$(BIN)/ruff format --check $(LINTED)
	$(BIN)/mypy

## The Hypothesis fuzz test of the inputs (mutated PDF/.docx, random rule sets and waivers) with
## many more examples than CI tries (seeded, so repeatable; about an hour at 300).
FUZZ_EXAMPLES ?= 300
fuzz: $(STAMP)
	RENJA_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/python -m pytest tests/hostile/test_fuzz.py --hypothesis-show-statistics

## Rewrite tests/expected/*.json, the JSON report of every sample that tests/test_expected_json.py
## holds the code to; run it only for a change meant to change findings, and read the diff.
expected: $(STAMP)
	$(BIN)/python tests/expected/update.py

## Rewrite the synthetic variant and family specs, then re-render the sample PDFs from their
## specs (needs LibreOffice Writer and Calc, and Chromium for the tables printed from a web
## page; installs them on Debian).
samples: $(STAMP)
	command -v soffice >/dev/null && { ! command -v dpkg >/dev/null || dpkg -s libreoffice-calc-nogui >/dev/null 2>&1 \
	  || dpkg -s libreoffice-calc >/dev/null 2>&1; } \
	  || (apt-get update -qq && apt-get install -y -qq libreoffice-writer-nogui libreoffice-calc-nogui fonts-liberation)
	sh scripts/ensure_test_tools.sh
	$(BIN)/python samples/specs/make_variants.py
	$(BIN)/python -m samples.families
	$(BIN)/python -m samples.generator $(SPECS) --out-dir samples/pdf
	$(BIN)/python samples/specs/make_hostile.py
	$(BIN)/python -m samples.generator samples/specs/hostile-2024.yaml --out-dir samples/special

## Make the archive-condition copies in samples/archive (watermarked drafts, scanned signed pages,
## a whole scan with and without OCR) from the rendered samples in samples/pdf; the OCR copy
## needs tesseract with Indonesian (installed on Debian when missing).
archive-samples: $(STAMP)
	sh scripts/ensure_ocr.sh
	$(BIN)/python -m samples.archive

clean:
	rm -rf $(VENV) build dist *.egg-info reports/*.html reports/*.json

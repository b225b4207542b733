# Warta — two commands: `make demo` and `make test`.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DB     ?= warta.duckdb
PORT   ?= 8000

.PHONY: demo test lint typecheck bench serve clean

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "error: $(PYTHON) not found"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[dev]'
	@touch $(STAMP)

demo: $(STAMP)
	rm -f $(DB)
	$(BIN)/warta ingest examples/ --db $(DB)
	$(BIN)/warta events --db $(DB) --mentions
	@echo "Serving the demo database (Ctrl-C to stop):"
	$(BIN)/warta serve --db $(DB) --host 127.0.0.1 --port $(PORT)

test: $(STAMP)
	$(BIN)/ruff check warta tests benchmarks
	$(BIN)/mypy
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_ingest.py --n 1000

gazetteer actors codebook tone: $(STAMP)
	$(BIN)/python scripts/build_$@.py

clean:
	rm -rf $(VENV) $(DB) .pytest_cache .mypy_cache .ruff_cache

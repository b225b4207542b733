# Warta — two commands: `make demo` and `make test`.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DB     ?= warta.duckdb

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
	$(BIN)/warta events --db $(DB)

test: $(STAMP)
	$(BIN)/ruff check warta tests benchmarks
	$(BIN)/mypy
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_ingest.py

clean:
	rm -rf $(VENV) $(DB) .pytest_cache .mypy_cache .ruff_cache

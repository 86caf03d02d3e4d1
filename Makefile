# Two commands do all the set-up on a fresh machine with Python 3.11+ and make:
#   make build   creates .venv, installs site-gen, builds seeds/ into build/
#   make test    installs the test tools and runs the whole test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: build test serve lint clean bench

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

build: $(STAMP)
	$(BIN)/site-gen build

serve: $(STAMP)
	$(BIN)/site-gen serve

test: $(STAMP)
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check site_gen tests benchmarks

bench: $(STAMP)
	$(BIN)/python benchmarks/quotes_speed.py

clean:
	rm -rf build .build-* $(VENV) *.egg-info

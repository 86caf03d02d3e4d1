# Two commands do all the set-up on a fresh machine with Python 3.11+ and make:
#   make build   creates .venv, installs site-gen, builds seeds/ into build/
#   make test    installs the test tools and runs the whole test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: build test serve lint clean bench compile

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test,fast]'
	touch $(STAMP)

# The quote extractor compiled with mypyc, for the current sources (a no-op when that build
# exists; about a minute when a quotes module changed). Without a C compiler the extractor
# runs as plain Python, with the same results.
compile: $(STAMP)
	$(BIN)/python -m site_gen.quotes --best-effort

build: compile
	$(BIN)/site-gen build

serve: compile
	$(BIN)/site-gen serve

test: compile
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check site_gen tests benchmarks

bench: compile
	$(BIN)/python benchmarks/quotes_speed.py

clean:
	rm -rf build .build-* $(VENV) *.egg-info

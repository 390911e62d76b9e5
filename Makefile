# Two entry points for a fresh machine with Python 3.11: `make book` and `make test`.
PYTHON ?= python3.11
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
RAW    := $(wildcard data/raw/*.csv) $(wildcard data/external/epoch-ai/*.csv) $(wildcard hundred_models/data/*.py)
# Tests run in as many workers as there are cores, a file to a worker, the slowest first (see tests/conftest.py).
XDIST  := -n auto --dist loadfile --no-loadscope-reorder
NBVAL  := --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg

.PHONY: book pdf test data venv figures refresh bench clean locales

$(STAMP): requirements.txt pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "error: $(PYTHON) not found; install Python 3.11 or run make PYTHON=/path/to/python3.11"; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	# Only for the CFF 1.2.0 JSON schema it ships: cffconvert pins an old jsonschema that conflicts with the stack.
	$(PY) -m pip install --quiet --no-deps cffconvert==2.0.0
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

venv: $(STAMP)

# axe-core for the accessibility checks of the browser tests (skipped, with a message, without npm).
node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund --silent && touch $@; \
	else echo "note: npm not found; the accessibility checks of the browser tests will be skipped"; fi

data/clean/datapackage.json: $(STAMP) $(RAW)
	$(PY) -m hundred_models build-data

data: data/clean/datapackage.json

# The site into _build/html, and the whole report as one PDF (_build/pdf/hundred-model-war.pdf, also offered on the site).
book: data
	$(PY) -m hundred_models book

# The PDF alone, from the current site build (make book already writes it; this prints it again only if it changed).
pdf: book
	$(PY) -m hundred_models.site.pdf

test: book node_modules/.installed
	$(PY) -m pytest $(XDIST) tests notebooks $(NBVAL)

figures: data
	$(PY) -m hundred_models figures --lang both --slides --out exports

locales: data
	$(PY) -m hundred_models locales

refresh: data
	$(PY) -m hundred_models refresh-notebooks

bench: book
	$(PY) -m tools.bench

clean:
	rm -rf _build data/clean book/figures exports

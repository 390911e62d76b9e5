# Two entry points for a fresh machine with Python 3.11: `make book` and `make test`.
PYTHON ?= python3.11
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
RAW    := $(wildcard data/raw/*.csv) $(wildcard data/external/epoch-ai/*.csv) $(wildcard hundred_models/*.py)

.PHONY: book test data venv clean

$(STAMP): requirements.txt pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "error: $(PYTHON) not found; install Python 3.11 or run make PYTHON=/path/to/python3.11"; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

venv: $(STAMP)

data/clean/datapackage.json: $(STAMP) $(RAW)
	$(PY) -m hundred_models build-data

data: data/clean/datapackage.json

book: data
	$(VENV)/bin/jupyter-book build . --path-output . -W --keep-going

test: data
	$(PY) -m pytest

clean:
	rm -rf _build data/clean

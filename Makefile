# socialmath: the two commands are `make lab` (set up and open the course) and `make test` (set up
# and run every check). Every target bootstraps .venv when it is missing or older than the
# dependency files, so a fresh clone needs nothing but Python >= 3.11 and make.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CONSTRAINTS := requirements/constraints.txt
NOTEBOOKS := $(sort $(wildcard notebooks/[0-9][0-9]-*.md))
PORT ?= 8888
LOWEST := .venv-lowest
# The unit tests only: no notebooks (their stored outputs come from the pins), no lab or browser.
UNIT_TESTS := tests src --ignore=tests/test_notebooks.py --ignore=tests/test_lab.py \
              --ignore=tests/test_browser.py --ignore=tests/test_book.py
NBVAL := --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg \
         --nbval-cell-timeout=120

.PHONY: help lab test test-lowest notebooks book student bench lock clean

help:
	@echo "make lab        set up (first time) and open the course in JupyterLab on 127.0.0.1"
	@echo "make test       set up (first time) and run every check: ruff, unit, widget, pairing, notebooks"
	@echo "make test-lowest  unit tests at the lowest versions pyproject.toml allows (in $(LOWEST))"
	@echo "make notebooks  sync every .md/.ipynb pair and re-execute it so outputs are current"
	@echo "make book       build the static site into _build/html (Jupyter Book 1, offline)"
	@echo "make student    write the student edition (notebooks without solutions) into student/"
	@echo "make bench      print widget latency and the other benchmarks"
	@echo "make lock       regenerate $(CONSTRAINTS) after changing pyproject.toml"

$(STAMP): pyproject.toml $(CONSTRAINTS)
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "socialmath needs Python >= 3.11, found " + sys.version.split()[0])'
	@test -x $(BIN)/python || { echo "Creating $(VENV) with $$($(PYTHON) --version)"; $(PYTHON) -m venv $(VENV); }
	@echo "Installing socialmath and its pinned dependencies into $(VENV) (a few minutes the first time)"
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c $(CONSTRAINTS) -e ".[dev,book]"
	@touch $(STAMP)

lab: $(STAMP)
	$(BIN)/jupytext --sync $(NOTEBOOKS)
	@bash scripts/start-lab.sh $(PORT)

test: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	@bash scripts/ensure-browser.sh
	$(BIN)/python -m pytest -p no:cacheprovider -n 2 --dist loadfile $(NBVAL) tests src notebooks

# The declared ranges must hold, not only the pins: install the lowest version of every direct
# dependency that pyproject.toml allows (uv's lowest-direct resolution) into $(LOWEST) and run
# the unit tests there. Slow (a fresh environment), so not part of `make test`.
test-lowest: $(STAMP)
	$(BIN)/python -m pip install --quiet -c $(CONSTRAINTS) uv
	rm -rf $(LOWEST)
	$(BIN)/uv venv --quiet --python $(BIN)/python $(LOWEST)
	$(BIN)/uv pip install --quiet --python $(LOWEST)/bin/python --resolution lowest-direct \
	  -e ".[dev]"
	@$(LOWEST)/bin/python -c 'import numpy, scipy, pandas, matplotlib, networkx, ipywidgets, \
	  powerlaw; print("lowest versions:", *(f"{m.__name__} {m.__version__}" for m in \
	  (numpy, scipy, pandas, matplotlib, networkx, ipywidgets)), "powerlaw", \
	  __import__("importlib.metadata").metadata.version("powerlaw"))'
	$(LOWEST)/bin/python -m pytest -p no:cacheprovider -n 2 $(UNIT_TESTS)

notebooks: $(STAMP)
	@for nb in $(NOTEBOOKS); do \
	  echo "executing $$nb"; \
	  $(BIN)/jupytext --sync "$$nb" --quiet || exit 1; \
	  $(BIN)/jupyter nbconvert --to notebook --execute --inplace \
	    --ExecutePreprocessor.record_timing=False "$${nb%.md}.ipynb" || exit 1; \
	done

book: $(STAMP)
	$(BIN)/jupyter-book build . --config book/_config.yml --toc book/_toc.yml -W -n --keep-going

student: $(STAMP)
	$(BIN)/socialmath student --source notebooks --out student $(if $(FORCE),--force,)

bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -c $(CONSTRAINTS) -e ".[dev,book,bench]"
	@for script in benchmarks/bench_*.py; do echo "== $$script"; $(BIN)/python "$$script" || exit 1; done

lock:
	rm -rf /tmp/socialmath-lock && $(PYTHON) -m venv /tmp/socialmath-lock
	/tmp/socialmath-lock/bin/pip install --quiet -e ".[dev,book,bench]"
	{ sed -n '1,3p' $(CONSTRAINTS); /tmp/socialmath-lock/bin/pip freeze --exclude-editable; } > $(CONSTRAINTS).new
	mv $(CONSTRAINTS).new $(CONSTRAINTS)

clean:
	rm -rf _build .pytest_cache .ruff_cache .hypothesis $(LOWEST)

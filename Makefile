# socialmath: the two commands are `make lab` (set up and open the course) and `make test` (set up
# and run every check). Every target bootstraps .venv when it is missing or older than the
# dependency files, so a fresh clone needs nothing but Python >= 3.11 and make. A learner's
# `make lab` installs only what the course needs to run; `make test` and `make book` add the test,
# browser and book tools on top.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip
CONSTRAINTS := requirements/constraints.txt
DEPS := pyproject.toml $(CONSTRAINTS)
LAB_STAMP := $(VENV)/.installed-lab
BOOK_STAMP := $(VENV)/.installed-book
TEST_STAMP := $(VENV)/.installed-test
NOTEBOOKS := $(sort $(wildcard notebooks/[0-9][0-9]-*.md))
PORT ?= 8888
LOWEST := .venv-lowest
# The unit tests only: no notebooks (their stored outputs come from the pins), no lab, browser,
# book or offline-install checks.
UNIT_TESTS := tests src --ignore=tests/test_notebooks.py --ignore=tests/test_lab.py \
              --ignore=tests/test_browser.py --ignore=tests/test_book.py \
              --ignore=tests/test_book_browser.py --ignore=tests/test_lab_hygiene.py \
              --ignore=tests/test_wheelhouse.py
TAKE ?=
WHEELHOUSE ?= wheelhouse
NBVAL := --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg \
         --nbval-cell-timeout=120

.PHONY: help lab lab-authors test test-lowest notebooks book js-assets student wheelhouse \
        bench lock clean instructor-timings

help:
	@echo "make lab          set up (first time) and open the course in JupyterLab on 127.0.0.1,"
	@echo "                  in your own copy of the notebooks (my-notebooks/)"
	@echo "make lab-authors  open the notebook sources themselves (notebooks/, paired with the .md)"
	@echo "make test         set up (first time) and run every check"
	@echo "make test-lowest  unit tests at the lowest versions pyproject.toml allows (in $(LOWEST))"
	@echo "make notebooks    sync every .md/.ipynb pair, re-execute it and store it as JupyterLab would"
	@echo "make book         build the static site into _build/html (Jupyter Book 1, works offline)"
	@echo "make student      write the student edition (notebooks without solutions) into student/"
	@echo "make wheelhouse   collect every wheel the course needs into $(WHEELHOUSE)/ (offline installs)"
	@echo "make instructor-timings  re-measure the instructor guide's timings table"
	@echo "make bench        print widget latency, notebook run times and the other benchmarks"
	@echo "make lock         regenerate $(CONSTRAINTS) after changing pyproject.toml"

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "socialmath needs Python >= 3.11, found " + sys.version.split()[0])'
	@echo "Creating $(VENV) with $$($(PYTHON) --version)"
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --upgrade pip

# The course: the package and JupyterLab (measured sizes and times are in the README).
$(LAB_STAMP): $(DEPS) | $(BIN)/python
	@echo "Installing the course (socialmath and JupyterLab, pinned) into $(VENV)"
	$(PIP) install -c $(CONSTRAINTS) -e ".[lab]"
	@touch $@

# The book's tools on top of the course (make book).
$(BOOK_STAMP): $(LAB_STAMP)
	@echo "Installing the book tools (Jupyter Book 1, pinned) into $(VENV)"
	$(PIP) install -c $(CONSTRAINTS) -e ".[lab,book]"
	@touch $@

# Everything make test needs on top: test and browser tools, and the book.
$(TEST_STAMP): $(LAB_STAMP)
	@echo "Installing the test, browser and book tools (pinned) into $(VENV)"
	$(PIP) install -c $(CONSTRAINTS) -e ".[lab,dev,book]"
	@touch $@ $(BOOK_STAMP)

lab: $(LAB_STAMP)
	@bash scripts/start-lab.sh $(if $(TAKE),--take "$(TAKE)") $(PORT)

lab-authors: $(LAB_STAMP)
	@bash scripts/start-lab.sh --sources $(PORT)

test: $(TEST_STAMP)
	$(BIN)/ruff check src tests benchmarks scripts book/_ext
	@bash scripts/ensure-browser.sh
	@$(BIN)/python scripts/js_assets.py
	$(BIN)/python -m pytest -p no:cacheprovider -n 2 --dist loadfile $(NBVAL) tests src notebooks

# The declared ranges must hold, not only the pins: install the lowest version of every direct
# dependency that pyproject.toml allows (uv's lowest-direct resolution) into $(LOWEST) and run
# the unit tests there. Slow (a fresh environment), so not part of `make test`.
test-lowest: | $(BIN)/python
	$(PIP) install -c $(CONSTRAINTS) uv
	rm -rf $(LOWEST)
	$(BIN)/uv venv --quiet --python $(BIN)/python $(LOWEST)
	$(BIN)/uv pip install --python $(LOWEST)/bin/python --resolution lowest-direct -e ".[dev]"
	@$(LOWEST)/bin/python -c 'import numpy, scipy, pandas, matplotlib, networkx, ipywidgets, \
	  powerlaw; print("lowest versions:", *(f"{m.__name__} {m.__version__}" for m in \
	  (numpy, scipy, pandas, matplotlib, networkx, ipywidgets)), "powerlaw", \
	  __import__("importlib.metadata").metadata.version("powerlaw"))'
	$(LOWEST)/bin/python -m pytest -p no:cacheprovider -n 2 $(UNIT_TESTS)

notebooks: $(LAB_STAMP)
	@for nb in $(NOTEBOOKS); do \
	  echo "executing $$nb"; \
	  $(BIN)/jupytext --sync "$$nb" --quiet || exit 1; \
	  $(BIN)/jupyter nbconvert --to notebook --execute --inplace \
	    --ExecutePreprocessor.record_timing=False "$${nb%.md}.ipynb" || exit 1; \
	  $(BIN)/python scripts/normalise_notebooks.py "$${nb%.md}.ipynb" || exit 1; \
	done

js-assets: $(LAB_STAMP)
	@$(BIN)/python scripts/js_assets.py

book: $(BOOK_STAMP) js-assets
	$(BIN)/jupyter-book build . --config book/_config.yml --toc book/_toc.yml -W -n --keep-going

# The timings table of the instructor guide (re-runs every notebook; about a minute).
instructor-timings: $(LAB_STAMP)
	$(BIN)/python scripts/instructor_timings.py

student: $(LAB_STAMP)
	$(BIN)/socialmath student --source notebooks --out student $(if $(FORCE),--force,)

# Every wheel the course needs (the package, JupyterLab, and nbval to check a laptop), for this
# platform and Python; a room then installs with:
#   python3 -m venv .venv && .venv/bin/pip install --no-index --find-links wheelhouse "socialmath[lab]"
wheelhouse: $(LAB_STAMP)
	rm -rf "$(WHEELHOUSE).partial"
	$(PIP) wheel -c $(CONSTRAINTS) --wheel-dir "$(WHEELHOUSE).partial" ".[lab]" nbval pytest
	rm -rf "$(WHEELHOUSE)" && mv "$(WHEELHOUSE).partial" "$(WHEELHOUSE)"
	@echo "$(WHEELHOUSE)/: $$(ls $(WHEELHOUSE) | wc -l) wheels, $$(du -sh $(WHEELHOUSE) | cut -f1)"

bench: $(TEST_STAMP)
	$(PIP) install -c $(CONSTRAINTS) -e ".[lab,dev,book,bench]"
	@for script in benchmarks/bench_*.py; do echo "== $$script"; $(BIN)/python "$$script" || exit 1; done

lock:
	rm -rf /tmp/socialmath-lock && $(PYTHON) -m venv /tmp/socialmath-lock
	/tmp/socialmath-lock/bin/pip install -e ".[lab,dev,book,bench]"
	{ sed -n '1,3p' $(CONSTRAINTS); /tmp/socialmath-lock/bin/pip freeze --exclude-editable; } > $(CONSTRAINTS).new
	mv $(CONSTRAINTS).new $(CONSTRAINTS)

clean:
	rm -rf _build .pytest_cache .ruff_cache .hypothesis $(LOWEST)

"""Notebook run times: how long each chapter takes to execute from a fresh kernel.

Instructors plan workshops around these figures, and every chapter should run in under 30 s.
Run: ``make bench`` or ``.venv/bin/python benchmarks/bench_notebooks.py``.
"""

from __future__ import annotations

import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
BUDGET_S = 30.0


def run(path: Path) -> float:
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(notebook, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": str(NOTEBOOKS)}})
    start = time.perf_counter()
    client.execute()
    return time.perf_counter() - start


def main() -> None:
    print(f"notebook execution time, fresh kernel each (budget {BUDGET_S:.0f} s)")
    total = 0.0
    for path in sorted(NOTEBOOKS.glob("[0-9][0-9]-*.ipynb")):
        seconds = run(path)
        total += seconds
        flag = "" if seconds < BUDGET_S else "  <- over budget"
        print(f"{path.stem:<32}{seconds:>7.1f} s{flag}")
    print(f"{'all notebooks':<32}{total:>7.1f} s")


if __name__ == "__main__":
    main()

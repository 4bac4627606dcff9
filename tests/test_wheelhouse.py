"""The offline classroom install: `make wheelhouse` collects every wheel the course needs, and a
fresh venv installs from it with no index at all and runs chapter 1 under nbval."""

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHAPTER = "01-silent-majority.ipynb"


def _run(command, **kwargs):
    result = subprocess.run(command, capture_output=True, text=True, **kwargs)
    assert result.returncode == 0, f"{command}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result


@pytest.mark.timeout(900)
def test_a_fresh_venv_installs_offline_from_the_wheelhouse_and_runs_chapter_1(tmp_path):
    started = time.monotonic()
    wheelhouse = tmp_path / "wheelhouse"
    _run(["make", "--no-print-directory", "wheelhouse", f"WHEELHOUSE={wheelhouse}"], cwd=ROOT,
         timeout=600)
    names = {p.name.split("-")[0].lower() for p in wheelhouse.glob("*.whl")}
    assert {"socialmath", "jupyterlab", "jupytext", "ipykernel", "ipywidgets", "ipympl",
            "numpy", "nbval"} <= names
    assert not list(wheelhouse.glob("*.tar.gz")), "every package must be a wheel"
    built = time.monotonic()

    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", str(venv)], timeout=120)
    # No index: anything missing from the wheelhouse fails here instead of reaching the network.
    # Only what running chapter 1 under nbval needs (the package, its kernel and nbval).
    _run([str(venv / "bin" / "python"), "-m", "pip", "install", "--no-index", "--find-links",
          str(wheelhouse), "socialmath", "nbval", "pytest"], timeout=600,
         env={**os.environ, "PIP_CONFIG_FILE": os.devnull})
    installed = time.monotonic()

    work = tmp_path / "room"
    work.mkdir()
    shutil.copy(ROOT / "notebooks" / CHAPTER, work)
    shutil.copy(ROOT / "tests" / "nbval_sanitize.cfg", work)
    result = _run([str(venv / "bin" / "python"), "-m", "pytest", "-p", "no:cacheprovider",
                   "--nbval", "--nbval-current-env", "--nbval-sanitize-with",
                   "nbval_sanitize.cfg", CHAPTER], cwd=work, timeout=600)
    import re

    import nbformat

    code_cells = [c for c in nbformat.read(work / CHAPTER, as_version=4).cells
                  if c.cell_type == "code"]
    passed = re.search(r"(\d+) passed", result.stdout)
    assert passed and int(passed.group(1)) == len(code_cells), result.stdout[-2000:]
    assert "failed" not in result.stdout
    print(f"wheelhouse {built - started:.0f} s, offline install {installed - built:.0f} s, "
          f"chapter 1 under nbval {time.monotonic() - installed:.0f} s")

"""The package's own map: every chapter's modules, as the package docstring lists them, exist."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

import socialmath

ROOT = Path(__file__).resolve().parents[1]
ROW = re.compile(r"^(\d\d-[a-z0-9-]+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)$")
FLOORS = ("", "plots.", "widgets.", "exercises.")


def chapter_rows() -> list[tuple[str, list[str]]]:
    """(notebook, [module paths]) for each row of the table in the package docstring."""
    rows = []
    for line in socialmath.__doc__.splitlines():
        match = ROW.match(line.strip())
        if match:
            names = match.groups()[1:]
            rows.append((match.group(1), [floor + name for floor, name in zip(FLOORS, names,
                                                                               strict=True)
                                          if name != "--"]))
    return rows


def test_every_notebook_in_the_table_exists():
    listed = [notebook for notebook, _ in chapter_rows()]
    assert listed[:4] == ["00-start-here", "01-silent-majority", "02-pareto",
                          "03-degrees-of-separation"]
    missing = [name for name in listed if not (ROOT / "notebooks" / f"{name}.md").exists()]
    assert not missing


@pytest.mark.parametrize(("notebook", "modules"), chapter_rows(), ids=lambda v: str(v))
def test_every_module_in_the_table_exists(notebook, modules):
    assert modules, f"{notebook}: no module listed"
    for name in modules:
        importlib.import_module(f"socialmath.{name}")

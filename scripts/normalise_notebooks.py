"""Store notebooks in the form JupyterLab writes them, so that opening one changes nothing.

JupyterLab rewrites a notebook the moment it opens it, and autosave then writes that form to disk:

* it names the kernel as its kernel spec does (``Python 3 (ipykernel)``, not ``Python 3``);
* it round-trips every number through JavaScript, so a whole float such as ``1.0`` comes back
  as ``1``;
* it saves widget state only when asked to (the default is not to), and a widget view whose state
  is not saved shows "Error displaying widget: model not found" until the cell runs again.

This script writes the stored form: JupyterLab's kernel name, whole floats as integers, no saved
widget state, and explorer outputs without their (random, dead) widget view, keeping the PNG
snapshot that JupyterLab and the book show until the cell runs. `make notebooks` runs it after
executing each notebook; tests/test_notebooks.py checks that every stored notebook is in this
form, and tests/test_lab_hygiene.py checks in a real JupyterLab that opening and saving one
leaves it byte for byte as it is.

    python scripts/normalise_notebooks.py notebooks/01-silent-majority.ipynb [...]
    python scripts/normalise_notebooks.py --check notebooks/*.ipynb   # exit 1 if any would change
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any

import nbformat

#: The kernel spec exactly as JupyterLab writes it after starting ipykernel's ``python3``.
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
#: JavaScript prints a whole number below 1e21 without a decimal point (1e21 and above in
#: exponent form, which Python reads back as a float).
_JS_EXPONENT_FROM = 1e21


def _js_number(value: Any) -> Any:
    """A value as it comes back from a JSON round trip through JavaScript."""
    if isinstance(value, float) and value.is_integer() and abs(value) < _JS_EXPONENT_FROM:
        return int(value)
    if isinstance(value, dict):
        return type(value)((key, _js_number(item)) for key, item in value.items())
    if isinstance(value, list):
        return [_js_number(item) for item in value]
    return value


def normalise(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Return ``notebook`` in the stored form (see the module docstring); the input is unchanged."""
    notebook = nbformat.from_dict(_js_number(notebook))
    notebook.metadata["kernelspec"] = dict(KERNELSPEC)
    notebook.metadata.pop("widgets", None)
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if WIDGET_VIEW in data and len(data) > 1:
                del data[WIDGET_VIEW]
                output.get("metadata", {}).pop(WIDGET_VIEW, None)
    return notebook


def normalise_markdown_header(text: str) -> str:
    """Give a paired MyST source the same kernel name, so jupytext keeps both files in step."""
    header = re.match(r"---\n.*?\n---\n", text, flags=re.DOTALL)
    if header is None:
        return text
    fixed = re.sub(r"(kernelspec:\n  display_name: ).*\n",
                   rf"\g<1>{KERNELSPEC['display_name']}\n", header.group(0))
    return fixed + text[header.end():]


def stored_form(path: Path) -> str:
    """The text that ``path`` (an ``.ipynb``) should hold."""
    notebook = nbformat.read(path, as_version=4)
    return nbformat.writes(normalise(notebook)) + "\n"


def pending(path: Path) -> list[Path]:
    """The files of the notebook ``path`` (and its paired ``.md``) not yet in the stored form."""
    files = []
    if path.read_text(encoding="utf-8") != stored_form(path):
        files.append(path)
    source = path.with_suffix(".md")
    if source.exists():
        text = source.read_text(encoding="utf-8")
        if normalise_markdown_header(text) != text:
            files.append(source)
    return files


def write(path: Path) -> list[Path]:
    """Put the notebook ``path`` and its paired ``.md`` in the stored form; return what changed."""
    changed = pending(path)
    if path in changed:
        path.write_text(stored_form(path), encoding="utf-8")
    source = path.with_suffix(".md")
    if source in changed:
        source.write_text(normalise_markdown_header(source.read_text(encoding="utf-8")),
                          encoding="utf-8")
    return changed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("notebooks", nargs="+", type=Path, help=".ipynb files")
    parser.add_argument("--check", action="store_true",
                        help="change nothing; exit 1 if a file is not in the stored form")
    args = parser.parse_args(argv)
    paths = [p.with_suffix(".ipynb") for p in args.notebooks]
    changed = [f for p in paths for f in (pending(p) if args.check else write(p))]
    for path in changed:
        print(f"{'not in the stored form' if args.check else 'normalised'}: {path}")
    return 1 if args.check and changed else 0


if __name__ == "__main__":
    sys.exit(main())

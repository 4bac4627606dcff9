"""Editions of the course: the student edition is every notebook with its solutions taken out.

Solutions live in the notebooks' Markdown cells as folded blocks::

    <details>
    <summary>Solution</summary>
    ...
    </details>

The student edition removes those blocks and keeps everything else (the exercises, their check
cells and the stored outputs), so that a workshop can hand it out while instructors keep the
full course.

>>> strip_solutions("Try it.\\n<details>\\n<summary>Solution</summary>\\n42\\n</details>\\n")
'Try it.\\n'
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import nbformat

__all__ = ["EditionReport", "SOLUTION_BLOCK", "STUDENT_NOTE", "strip_solutions",
           "student_wording", "write_student_edition"]

#: A folded solution: from ``<details>`` with a "Solution" summary to the closing ``</details>``.
SOLUTION_BLOCK = re.compile(
    r"\n*<details>\s*<summary>\s*Solution\s*</summary>.*?</details>[ \t]*\n?",
    flags=re.DOTALL | re.IGNORECASE,
)


#: What the student edition says where the full one points to its folded solutions.
STUDENT_NOTE = ("This edition leaves the solutions out; each check cell still tells you whether "
                "you are right.")
_SENTENCE = re.compile(r"[^.!?]*[.!?]")
_PROMISE = re.compile(r"\bsolutions?\b.*\b(hidden|folded|below each|under each)\b",
                      flags=re.DOTALL | re.IGNORECASE)


def student_wording(markdown: str) -> str:
    """Replace each sentence that promises solutions under the exercises with ``STUDENT_NOTE``.

    >>> student_wording("Run the check. Solutions are hidden below each exercise.")
    'Run the check. This edition leaves the solutions out; each check cell still tells you \
whether you are right.'
    """
    if not isinstance(markdown, str):
        raise TypeError(f"markdown must be a str, got {type(markdown).__name__}")

    def replace(match: re.Match) -> str:
        sentence = match.group(0)
        if not _PROMISE.search(sentence):
            return sentence
        lead = sentence[:len(sentence) - len(sentence.lstrip())]
        return lead + STUDENT_NOTE

    return _SENTENCE.sub(replace, markdown)


def strip_solutions(markdown: str) -> str:
    """Remove every folded solution block from a Markdown text."""
    if not isinstance(markdown, str):
        raise TypeError(f"markdown must be a str, got {type(markdown).__name__}")
    stripped = SOLUTION_BLOCK.sub("\n", markdown)
    return stripped.rstrip("\n") + "\n" if stripped.strip() else ""


@dataclass(frozen=True)
class EditionReport:
    """What ``write_student_edition`` wrote: the notebooks and how many solutions it removed."""

    notebooks: tuple[Path, ...]
    solutions_removed: int


def write_student_edition(source: Path | str, destination: Path | str, *,
                          overwrite: bool = False) -> EditionReport:
    """Write every ``NN-*.ipynb`` of ``source`` to ``destination`` without its solutions.

    ``destination`` must not hold notebooks already unless ``overwrite`` is true: a learner's or
    an instructor's edits there are never replaced without being asked. It may not be the source
    folder or a folder inside it (that would replace the full course with the student edition).

    The edition is built in a temporary folder beside ``destination`` and moved into place only
    when every notebook has been read and written, so a failure (a corrupt notebook, a full
    disk, a folder you cannot write to) leaves nothing half-written. A notebook that cannot be
    read raises ``ValueError`` naming it; the file system's errors are ``OSError`` naming the path.
    """
    source, destination = Path(source), Path(destination)
    if not source.is_dir():
        raise ValueError(f"source must be a folder of notebooks, got {str(source)!r}")
    notebooks = sorted(source.glob("[0-9][0-9]-*.ipynb"))
    if not notebooks:
        raise ValueError(f"source {str(source)!r} holds no NN-*.ipynb notebook")
    inside = destination.resolve()
    if inside == source.resolve() or source.resolve() in inside.parents:
        raise ValueError(f"destination must be outside the source folder {str(source)!r}, got "
                         f"{str(destination)!r}: the edition would replace the full notebooks")
    if destination.exists() and not destination.is_dir():
        raise NotADirectoryError(20, "not a folder", str(destination))
    existing = sorted(destination.glob("*.ipynb")) if destination.exists() else []
    if existing and not overwrite:
        raise FileExistsError(
            f"destination {str(destination)!r} already holds {len(existing)} notebook(s), "
            f"e.g. {existing[0].name}")
    editions = [_student_notebook(path) for path in notebooks]  # read all before writing any
    removed = sum(count for _, count in editions)
    parent = destination.absolute().parent
    parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{destination.name}-", dir=parent))
    try:
        for path, (notebook, _) in zip(notebooks, editions, strict=True):
            nbformat.write(notebook, staging / path.name)
        if destination.exists():
            for path in notebooks:
                os.replace(staging / path.name, destination / path.name)
        else:
            os.rename(staging, destination)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return EditionReport(tuple(destination / path.name for path in notebooks), removed)


def _student_notebook(path: Path) -> tuple[nbformat.NotebookNode, int]:
    """The notebook at ``path`` without its solutions, and how many it had."""
    try:
        notebook = nbformat.read(path, as_version=4)
    except (ValueError, KeyError, AttributeError, UnicodeDecodeError) as error:
        raise ValueError(f"source notebook {str(path)!r} cannot be read as a notebook "
                         f"({type(error).__name__}: {str(error).splitlines()[0][:120]})") from None
    removed = 0
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            removed += len(SOLUTION_BLOCK.findall(cell.source))
            cell.source = student_wording(strip_solutions(cell.source)).rstrip("\n")
    notebook.cells = [cell for cell in notebook.cells
                      if cell.cell_type != "markdown" or cell.source.strip()]
    notebook.metadata.pop("jupytext", None)  # no paired .md travels with the edition
    return notebook, removed

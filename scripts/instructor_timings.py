"""Timings for the instructor guide: per chapter and per section, what there is to read, run and
solve, and how long the code takes from a fresh kernel. Writes book/instructor/timings.md.

    python scripts/instructor_timings.py        # make instructor-timings (runs every notebook)

Reading time is counted, not guessed: the words of each section's prose (folded solutions left
out) at ``READING_WPM`` words a minute, plus ``SECONDS_PER_CODE_CELL`` to read and start each code
cell, plus its measured run time, plus ``MINUTES_PER_EXERCISE`` for each self-check exercise.
tests/test_instructor_guide.py recounts the words, cells and exercises of the notebooks present
and fails when this table no longer matches them (a new chapter, a section added or removed).
"""

from __future__ import annotations

import math
import os
import platform
import re
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
OUT = ROOT / "book" / "instructor" / "timings.md"
READING_WPM = 150
SECONDS_PER_CODE_CELL = 20
MINUTES_PER_EXERCISE = 4
_SOLUTION = re.compile(r"<details>\s*<summary>\s*Solution.*?</details>", re.DOTALL | re.I)
_WORD = re.compile(r"[A-Za-z0-9][\w'’.,-]*")


@dataclass
class Section:
    title: str
    words: int = 0
    code_cells: int = 0
    exercises: int = 0
    run_s: float = 0.0
    cells: list[int] = field(default_factory=list)  # indices of the notebook's code cells

    @property
    def minutes(self) -> int:
        """Suggested minutes for the section in a room (rounded up)."""
        return math.ceil(self.words / READING_WPM
                         + (self.code_cells * SECONDS_PER_CODE_CELL + self.run_s) / 60
                         + self.exercises * MINUTES_PER_EXERCISE)


def _words(markdown: str) -> int:
    text = _SOLUTION.sub(" ", markdown)
    text = re.sub(r"```.*?```", " ", text, flags=re.DOTALL)  # fenced blocks, directives
    text = re.sub(r"\{\w+\}`[^`]*`", " ", text)  # roles such as {cite}`key`
    return len(_WORD.findall(text))


def sections(source: Path) -> tuple[str, list[Section]]:
    """The chapter title and its ``## `` sections (what comes before the first one included)."""
    import jupytext

    notebook = jupytext.read(source)
    title, found = source.stem, [Section("(opening)")]
    unchecked_heading = False  # a heading with no check cell under it yet
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type == "markdown":
            unchecked_heading = unchecked_heading or bool(re.search(r"(?m)^#{2,3} ", cell.source))
            for part in re.split(r"(?m)^(?=## )", cell.source):
                heading = re.match(r"## (.+)", part)
                if heading:
                    found.append(Section(heading.group(1).strip()))
                elif part.startswith("# "):
                    title = part.splitlines()[0][2:].strip()
                found[-1].words += _words(part)
        elif cell.cell_type == "code":
            found[-1].code_cells += 1
            found[-1].cells.append(index)
            if _is_exercise(cell.source) and unchecked_heading:
                found[-1].exercises += 1
                unchecked_heading = False
    return title, [s for s in found if s.words or s.code_cells]


def _is_exercise(source: str) -> bool:
    """A check cell: it calls a ``check_`` function on an answer the learner fills in (``answer =
    ...``, or any name set to None, such as ``covers = None``). Under one heading, only the first
    counts: an exercise with two check cells is one exercise."""
    fills = re.search(r"^(?:answer\s*=|\w+\s*=\s*None\b)", source, flags=re.M)
    return bool(fills) and re.search(r"\bcheck_\w+\(", source) is not None


def run_times(notebook_path: Path) -> dict[int, float]:
    """Seconds each code cell takes, by cell index, from a fresh kernel."""
    from datetime import datetime

    import nbformat
    from nbclient import NotebookClient

    notebook = nbformat.read(notebook_path, as_version=4)
    NotebookClient(notebook, timeout=600, kernel_name="python3", record_timing=True,
                   resources={"metadata": {"path": str(notebook_path.parent)}}).execute()
    times = {}
    for index, cell in enumerate(notebook.cells):
        timing = cell.metadata.get("execution", {})
        if "iopub.execute_input" in timing and "shell.execute_reply" in timing:
            start, end = (datetime.fromisoformat(timing[key].replace("Z", "+00:00"))
                          for key in ("iopub.execute_input", "shell.execute_reply"))
            times[index] = (end - start).total_seconds()
    return times


def stated_time(source: Path) -> str:
    match = re.search(r"\*\*Time needed:\*\*\s*about (\d+) minutes", source.read_text("utf-8"))
    return match.group(1) if match else "–"


def render(chapters: list[tuple[Path, str, list[Section]]]) -> str:
    lines = [
        "# Timings",
        "",
        "<!-- Generated by `make instructor-timings` (scripts/instructor_timings.py): do not "
        "edit by hand. -->",
        "",
        f"Measured on {date.today().isoformat()} with Python {platform.python_version()} on "
        f"{os.cpu_count()} cores, each notebook from a fresh kernel. *Run* is the time the code "
        f"takes. *Suggested* adds reading at {READING_WPM} words a minute (folded solutions left "
        f"out), {SECONDS_PER_CODE_CELL} s to read and start each code cell, and "
        f"{MINUTES_PER_EXERCISE} minutes for each self-check exercise. A room goes slower than "
        "one reader: the plans add time for questions and discussion.",
        "",
        "## Chapters",
        "",
        "| chapter | run (s) | code cells | exercises | suggested (min) | the chapter says (min) |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for source, title, found in chapters:
        lines.append(f"| {source.stem} · {title} | {sum(s.run_s for s in found):.1f} | "
                     f"{sum(s.code_cells for s in found)} | {sum(s.exercises for s in found)} | "
                     f"{sum(s.minutes for s in found)} | {stated_time(source)} |")
    for source, title, found in chapters:
        lines += ["", f"## {source.stem}", "", f"*{title}*", "",
                  "| section | words | code cells | exercises | run (s) | suggested (min) |",
                  "|---|---:|---:|---:|---:|---:|"]
        for s in found:
            lines.append(f"| {s.title.replace('|', '/')} | {s.words} | {s.code_cells} | "
                         f"{s.exercises} | {s.run_s:.1f} | {s.minutes} |")
    return "\n".join(lines) + "\n"


def main() -> int:
    chapters = []
    for source in sorted(NOTEBOOKS.glob("[0-9][0-9]-*.md")):
        print(f"timing {source.stem}", flush=True)
        title, found = sections(source)
        times = run_times(source.with_suffix(".ipynb"))
        for s in found:
            s.run_s = sum(times.get(i, 0.0) for i in s.cells)
        chapters.append((source, title, found))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(render(chapters), encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

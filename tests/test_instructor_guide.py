"""The instructor guide keeps up with the notebooks: its timings table matches the chapters
present, every chapter has its section, every self-check is explained, and the plans add up."""

import ast
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "book" / "instructor"
SOURCES = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.md"))
sys.path.insert(0, str(ROOT / "scripts"))  # the build scripts are not a package
import instructor_timings  # noqa: E402

REGENERATE = "run `make instructor-timings` (it re-runs every notebook, about a minute)"


def _tables(text: str) -> dict[str, list[list[str]]]:
    """The pipe tables of a Markdown page, under the ``## `` heading that precedes each."""
    tables, heading = {}, ""
    for line in text.splitlines():
        if line.startswith("## "):
            heading = line[3:].strip()
        elif line.startswith("|") and not set(line) <= set("|-: "):
            tables.setdefault(heading, []).append([c.strip() for c in line.strip("|")
                                                   .split("|")])
    return {name: rows[1:] for name, rows in tables.items()}  # without the header row


TIMINGS = _tables((GUIDE / "timings.md").read_text(encoding="utf-8"))


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_the_timings_table_matches_the_chapter(source):
    assert source.stem in TIMINGS, f"no timings for {source.stem}: {REGENERATE}"
    rows = TIMINGS[source.stem]
    _, sections = instructor_timings.sections(source)
    assert [r[0] for r in rows] == [s.title.replace("|", "/") for s in sections], REGENERATE
    for row, section in zip(rows, sections, strict=True):
        words, code, exercises = int(row[1]), int(row[2]), int(row[3])
        assert (code, exercises) == (section.code_cells, section.exercises), (row, REGENERATE)
        assert abs(words - section.words) <= max(20, 0.15 * section.words), (row, REGENERATE)
    assert sum(float(r[4]) for r in rows) > 0, "run times must be measured"


def test_the_chapter_summary_lists_exactly_the_chapters_present():
    listed = [row[0].split(" · ")[0] for row in TIMINGS["Chapters"]]
    assert listed == [s.stem for s in SOURCES], REGENERATE


def test_every_chapter_has_its_section_in_the_guide():
    text = (GUIDE / "chapters.md").read_text(encoding="utf-8")
    headings = re.findall(r"^## (\d\d) · ", text, flags=re.M)
    assert headings == [s.stem[:2] for s in SOURCES], (
        "book/instructor/chapters.md needs one '## NN · title' section per notebook, in order")
    for section in re.split(r"^## ", text, flags=re.M)[2:]:  # chapters after Start here
        assert "**Objectives.**" in section and "**For discussion.**" in section


def test_every_self_check_is_explained():
    text = (GUIDE / "chapters.md").read_text(encoding="utf-8")
    checks = sorted(
        node.name for path in (ROOT / "src" / "socialmath" / "exercises").glob("*.py")
        if path.stem not in ("__init__", "feedback")  # the shared grading helpers
        for node in ast.parse(path.read_text(encoding="utf-8")).body
        if isinstance(node, ast.FunctionDef) and node.name.startswith("check_"))
    assert len(checks) >= 13
    missing = [name for name in checks if f"`{name}`" not in text]
    assert not missing, f"chapters.md does not say what these hints catch: {missing}"


def _plan(title: str) -> list[list[str]]:
    return _tables((GUIDE / "plans.md").read_text(encoding="utf-8"))[title]


@pytest.mark.parametrize(("title", "total"), [("90 minutes", 90),
                                              ("Half a day (4 hours)", 240)])
def test_a_plan_adds_up_and_its_start_times_follow(title, total):
    rows = _plan(title)
    elapsed = 0
    for start, _chapter, _block, minutes in rows:
        hours, mins = map(int, start.split(":"))
        assert hours * 60 + mins == elapsed, (title, start)
        elapsed += int(minutes)
    assert elapsed == total


def test_the_half_day_gives_each_chapter_its_measured_time_or_defers_it():
    rows = _plan("Half a day (4 hours)")
    planned = {}
    for _start, chapter, _block, minutes in rows:
        planned[chapter] = planned.get(chapter, 0) + int(minutes)
    suggested = {row[0].split(" · ")[0][:2]: int(row[4]) for row in TIMINGS["Chapters"]}
    text = (GUIDE / "plans.md").read_text(encoding="utf-8")
    beyond = text.split("## Beyond the half day", 1)[1]
    for source in SOURCES:
        number = source.stem[:2]
        if number in planned:
            assert planned[number] >= suggested[number], (number, planned[number])
        else:
            assert source.stem in beyond, (
                f"chapter {source.stem} is neither in the half-day plan nor listed under "
                "'Beyond the half day' in book/instructor/plans.md")

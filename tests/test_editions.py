"""The student edition: solutions out, exercises and outputs in, nothing overwritten unasked."""

import os
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from socialmath.cli import main
from socialmath.editions import (
    STUDENT_NOTE,
    strip_solutions,
    student_wording,
    write_student_edition,
)

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"


def test_strip_solutions_keeps_the_rest_of_the_text():
    text = ("Question?\n\n<details>\n<summary>Solution</summary>\n\nThe answer.\n\n</details>\n\n"
            "Next part.\n")
    assert strip_solutions(text) == "Question?\n\nNext part.\n"


def test_other_details_blocks_stay():
    text = "<details>\n<summary>Hint</summary>\n\nLook up.\n\n</details>\n"
    assert strip_solutions(text) == text


def test_strip_solutions_rejects_non_text():
    with pytest.raises(TypeError, match="markdown must be a str"):
        strip_solutions(None)


def test_student_edition_has_every_exercise_and_no_solution(tmp_path):
    report = write_student_edition(NOTEBOOKS, tmp_path / "student")
    names = sorted(p.name for p in NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))
    assert [p.name for p in report.notebooks] == names
    assert report.solutions_removed >= 4
    for path in report.notebooks:
        student = nbformat.read(path, as_version=4)
        full = nbformat.read(NOTEBOOKS / path.name, as_version=4)
        text = "\n".join(cell.source for cell in student.cells)
        assert "<summary>Solution" not in text
        student_code = [c.source for c in student.cells if c.cell_type == "code"]
        assert student_code == [c.source for c in full.cells if c.cell_type == "code"]
        assert [c.outputs for c in student.cells if c.cell_type == "code"] == \
            [c.outputs for c in full.cells if c.cell_type == "code"]


def test_existing_edition_is_not_overwritten_without_force(tmp_path, capsys):
    out = tmp_path / "student"
    assert main(["student", "--source", str(NOTEBOOKS), "--out", str(out)]) == 0
    mine = out / "01-silent-majority.ipynb"
    mine.write_text(mine.read_text().replace("No answer yet", "my own notes"))
    assert main(["student", "--source", str(NOTEBOOKS), "--out", str(out)]) == 2
    assert "already holds" in capsys.readouterr().err
    assert "my own notes" in mine.read_text()
    assert main(["student", "--source", str(NOTEBOOKS), "--out", str(out), "--force"]) == 0
    assert "my own notes" not in mine.read_text()


def test_bad_source_gets_a_clear_message(tmp_path, capsys):
    assert main(["student", "--source", str(tmp_path / "nowhere"), "--out", str(tmp_path)]) == 2
    assert "source must be a folder of notebooks" in capsys.readouterr().err
    assert main(["student", "--source", str(tmp_path), "--out", str(tmp_path / "o")]) == 2
    assert "holds no NN-*.ipynb notebook" in capsys.readouterr().err


# --- nothing lost: failures leave nothing written ----------------------------------------------


def _tree(folder: Path) -> dict:
    """Every file below ``folder`` (names and bytes), to compare before and after a failure."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}


@pytest.fixture
def course(tmp_path):
    """A copy of the course's notebooks that a test may break."""
    folder = tmp_path / "course"
    folder.mkdir()
    for path in sorted(NOTEBOOKS.glob("[0-9][0-9]-*.ipynb")):
        (folder / path.name).write_bytes(path.read_bytes())
    return folder


def _one_line_error(capsys) -> str:
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err
    return err


def test_a_destination_that_is_a_file_gets_one_line(tmp_path, course, capsys):
    target = tmp_path / "student"
    target.write_text("not a folder")
    assert main(["student", "--source", str(course), "--out", str(target)]) == 2
    err = _one_line_error(capsys)
    assert str(target) in err and "not a folder" in err
    assert target.read_text() == "not a folder"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["course", "student"]


def test_a_read_only_destination_gets_one_line_and_nothing_is_written(tmp_path, course, capsys):
    if os.geteuid() == 0:  # root writes anywhere a mode allows nothing; use a read-only place
        target = Path("/sys/socialmath-student")
        if not Path("/sys").is_dir():
            pytest.skip("no read-only file system to write to as root")
    else:
        locked = tmp_path / "locked"
        locked.mkdir()
        locked.chmod(0o555)
        target = locked / "student"
    assert main(["student", "--source", str(course), "--out", str(target)]) == 2
    err = _one_line_error(capsys)
    assert "cannot write" in err and str(target.parent) in err
    assert not target.exists()


@pytest.mark.parametrize("where", ["same", "inside"])
def test_the_source_is_never_the_destination(course, capsys, where):
    before = _tree(course)
    target = course if where == "same" else course / "student"
    assert main(["student", "--source", str(course), "--out", str(target), "--force"]) == 2
    assert "destination must be outside the source folder" in _one_line_error(capsys)
    assert _tree(course) == before  # the instructor's notebooks are untouched


def test_a_corrupt_notebook_is_named_and_nothing_is_written(tmp_path, course, capsys):
    broken = sorted(course.glob("*.ipynb"))[-1]
    broken.write_text('{"cells": [', encoding="utf-8")
    target = tmp_path / "student"
    assert main(["student", "--source", str(course), "--out", str(target)]) == 2
    err = _one_line_error(capsys)
    assert broken.name in err and "cannot be read as a notebook" in err
    assert not target.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["course"]  # no staging folder left


def test_a_failed_replacement_keeps_the_previous_edition(tmp_path, course, capsys):
    target = tmp_path / "student"
    assert main(["student", "--source", str(course), "--out", str(target)]) == 0
    before = _tree(target)
    sorted(course.glob("*.ipynb"))[0].write_text("garbage", encoding="utf-8")
    assert main(["student", "--source", str(course), "--out", str(target), "--force"]) == 2
    assert _tree(target) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["course", "student"]


def test_python_dash_m_socialmath_runs_the_command(tmp_path):
    out = tmp_path / "student"
    done = subprocess.run([sys.executable, "-m", "socialmath", "student", "--source",
                           str(NOTEBOOKS), "--out", str(out)], capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0, done.stderr
    assert f"notebooks to {out}/" in done.stdout
    assert sorted(p.name for p in out.glob("*.ipynb")) == \
        sorted(p.name for p in NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))


PROMISE = re.compile(r"\bsolutions?\b[^.!?]*\b(hidden|folded|below each|under each)\b",
                     flags=re.IGNORECASE)


def test_student_wording_replaces_only_the_promise():
    text = ("Each exercise ends with a check cell. Solutions are hidden\nbelow each exercise. "
            "A solution of x + 1 = 2 is 1.")
    assert student_wording(text) == (
        f"Each exercise ends with a check cell. {STUDENT_NOTE} A solution of x + 1 = 2 is 1.")
    with pytest.raises(TypeError, match="markdown must be a str"):
        student_wording(3)


def test_the_student_edition_says_what_it_contains(tmp_path):
    report = write_student_edition(NOTEBOOKS, tmp_path / "student")
    promised = 0
    for path in report.notebooks:
        full = " ".join(c.source for c in nbformat.read(NOTEBOOKS / path.name, as_version=4)
                        .cells if c.cell_type == "markdown")
        student = " ".join(c.source for c in nbformat.read(path, as_version=4).cells
                           if c.cell_type == "markdown")
        assert not PROMISE.search(" ".join(student.split())), path.name
        if PROMISE.search(" ".join(full.split())):
            promised += 1
            assert STUDENT_NOTE in " ".join(student.split()), path.name
    assert promised >= 3  # the chapters do promise solutions in the full edition

"""The student edition: solutions out, exercises and outputs in, nothing overwritten unasked."""

import re
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

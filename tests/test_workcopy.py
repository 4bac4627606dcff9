"""The learner's working copy (scripts/workcopy.py, run by `make lab`): made from the sources,
refreshed only where the learner changed nothing, never losing a learner's edit."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))  # the build scripts are not a package
import workcopy  # noqa: E402


@pytest.fixture
def course(tmp_path):
    source = tmp_path / "notebooks"
    (source / "data").mkdir(parents=True)
    (source / "01-a.ipynb").write_text('{"v": 1}\n')
    (source / "01-a.md").write_text("# the source\n")
    (source / "02-b.ipynb").write_text('{"v": 1}\n')
    (source / "jupytext.toml").write_text('formats = "ipynb,md:myst"\n')
    (source / "data" / "table.csv").write_text("a,b\n1,2\n")
    (source / ".ipynb_checkpoints").mkdir()
    (source / ".ipynb_checkpoints" / "01-a-checkpoint.ipynb").write_text("{}")
    return source, tmp_path / "my-notebooks"


def test_first_copy_has_the_notebooks_and_data_but_not_the_sources(course):
    source, dest = course
    report = workcopy.sync(source, dest)
    assert sorted(report.copied) == ["01-a.ipynb", "02-b.ipynb", "data/table.csv"]
    assert (dest / "01-a.ipynb").read_text() == '{"v": 1}\n'
    assert not (dest / "01-a.md").exists() and not (dest / "jupytext.toml").exists()
    assert not (dest / ".ipynb_checkpoints").exists()


def test_untouched_copies_follow_the_course_and_changed_ones_are_kept(course):
    source, dest = course
    workcopy.sync(source, dest)
    (dest / "01-a.ipynb").write_text('{"v": "my work"}\n')  # the learner ran and saved it
    (source / "01-a.ipynb").write_text('{"v": 2}\n')  # the course moved on
    (source / "02-b.ipynb").write_text('{"v": 2}\n')
    report = workcopy.sync(source, dest)
    assert report.updated == ["02-b.ipynb"] and report.kept == ["01-a.ipynb"]
    assert (dest / "02-b.ipynb").read_text() == '{"v": 2}\n'
    assert (dest / "01-a.ipynb").read_text() == '{"v": "my work"}\n'
    again = workcopy.sync(source, dest)  # the notice repeats until the learner decides
    assert again.kept == ["01-a.ipynb"] and not again.updated


def test_a_changed_copy_with_no_newer_course_version_is_left_quietly(course):
    source, dest = course
    workcopy.sync(source, dest)
    (dest / "01-a.ipynb").write_text('{"v": "my work"}\n')
    report = workcopy.sync(source, dest)
    assert not report.kept and not report.updated and not report.copied


def test_take_moves_the_learners_file_aside_and_takes_the_course_version(course, capsys):
    source, dest = course
    workcopy.sync(source, dest)
    (dest / "01-a.ipynb").write_text('{"v": "my work"}\n')
    (source / "01-a.ipynb").write_text('{"v": 2}\n')
    assert workcopy.main(["--source", str(source), "--dest", str(dest)]) == 0
    assert "make lab TAKE=01-a" in capsys.readouterr().out
    assert workcopy.main(["--source", str(source), "--dest", str(dest), "--take", "01-a"]) == 0
    assert (dest / "01-a.ipynb").read_text() == '{"v": 2}\n'
    assert (dest / "01-a.yours-1.ipynb").read_text() == '{"v": "my work"}\n'
    assert "yours is now" in capsys.readouterr().out


def test_a_deleted_copy_comes_back(course):
    source, dest = course
    workcopy.sync(source, dest)
    (dest / "02-b.ipynb").unlink()
    assert workcopy.sync(source, dest).copied == ["02-b.ipynb"]


def test_bad_source_is_refused(tmp_path, capsys):
    assert workcopy.main(["--source", str(tmp_path / "nowhere"), "--dest", str(tmp_path)]) == 2
    assert "source must be a folder of notebooks" in capsys.readouterr().err


def test_the_working_copy_of_the_real_course_has_every_notebook(tmp_path):
    report = workcopy.sync(ROOT / "notebooks", tmp_path / "copy")
    notebooks = sorted(p.name for p in (ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
    assert sorted(n for n in report.copied if n.endswith(".ipynb")) == notebooks
    assert not [n for n in report.copied if n.endswith(".md")]


def test_the_default_working_copy_and_wheelhouse_are_ignored_by_git():
    for path in ("my-notebooks/01-silent-majority.ipynb", "my-notebooks/.course-copy.json",
                 "wheelhouse/numpy.whl", "_build/js-assets/static/x.js"):
        result = subprocess.run(["git", "check-ignore", "-q", path], cwd=ROOT)
        assert result.returncode == 0, f"{path} is not ignored by .gitignore"

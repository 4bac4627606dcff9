"""Notebook hygiene: pairs in step, outputs present, the chapter template followed, citations real.

nbval (run by ``make test`` over ``notebooks/``) re-executes every notebook and compares outputs;
these checks catch what it cannot: an ``.md`` edited without re-executing its ``.ipynb``.
"""

import re
import sys
from pathlib import Path

import jupytext
import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
SOURCES = sorted(NOTEBOOKS.glob("[0-9][0-9]-*.md"))
CHAPTERS = [path for path in SOURCES if not path.name.startswith("00-")]
BIBLIOGRAPHY = (ROOT / "book" / "references.bib").read_text(encoding="utf-8")
CHAPTER_SECTIONS = ["## What you will learn", "**Time needed:**", "## Explore", "## Myth check",
                    "## Exercises", "<summary>Solution</summary>", "## Key numbers",
                    "## References"]


def _cells(notebook):
    return [(cell.cell_type, cell.source.strip(), sorted(cell.metadata.get("tags", [])))
            for cell in notebook.cells]


def test_there_are_notebooks():
    assert [p.name for p in SOURCES][:2] == ["00-start-here.md", "01-silent-majority.md"]


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_every_md_has_an_ipynb_with_the_same_inputs(source):
    paired = source.with_suffix(".ipynb")
    assert paired.exists(), f"{paired.name} is missing: run `make notebooks`"
    from_md = jupytext.read(source)
    from_ipynb = nbformat.read(paired, as_version=4)
    assert _cells(from_md) == _cells(from_ipynb), (
        f"{source.name} and {paired.name} differ in their inputs: the source was edited without "
        "re-executing the notebook. Run `make notebooks`.")


@pytest.mark.parametrize("paired", sorted(NOTEBOOKS.glob("[0-9][0-9]-*.ipynb")),
                         ids=lambda p: p.name)
def test_every_ipynb_has_its_md_source_and_stored_outputs(paired):
    assert paired.with_suffix(".md").exists(), f"{paired.name} has no .md source"
    notebook = nbformat.read(paired, as_version=4)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    unexecuted = [i for i, cell in enumerate(code) if cell.execution_count is None]
    assert not unexecuted, f"{paired.name}: code cells {unexecuted} were never executed"
    errors = [o for cell in code for o in cell.outputs if o.output_type == "error"]
    assert not errors, f"{paired.name} stores an error output: {errors[0].get('evalue')}"


@pytest.mark.parametrize("source", CHAPTERS, ids=lambda p: p.name)
def test_chapters_follow_the_template(source):
    text = source.read_text(encoding="utf-8")
    missing = [section for section in CHAPTER_SECTIONS if section not in text]
    assert not missing, f"{source.name} lacks {missing}"
    assert text.count("<summary>Solution</summary>") >= 3, "at least three exercises"
    assert text.count("check_") >= 3, "exercises need self-check cells"


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_every_citation_is_in_the_bibliography(source):
    keys = set(re.findall(r"\{cite[pt]?\}`([^`]+)`", source.read_text(encoding="utf-8")))
    keys = {key.strip() for group in keys for key in group.split(",")}
    unknown = sorted(key for key in keys if not re.search(rf"@\w+\{{{re.escape(key)},",
                                                           BIBLIOGRAPHY))
    assert not unknown, f"{source.name} cites keys missing from book/references.bib: {unknown}"


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_no_cell_ends_with_a_semicolon(source):
    # nbval's strict mode trips on a trailing ';' (the stored output and the new one disagree).
    for cell in jupytext.read(source).cells:
        if cell.cell_type == "code":
            assert not cell.source.rstrip().endswith(";"), cell.source[-80:]


sys.path.insert(0, str(ROOT / "scripts"))  # the build scripts are not a package
import normalise_notebooks  # noqa: E402


@pytest.mark.parametrize("paired", sorted(NOTEBOOKS.glob("[0-9][0-9]-*.ipynb")),
                         ids=lambda p: p.name)
def test_every_notebook_is_stored_as_jupyterlab_writes_it(paired):
    # Opening a notebook in JupyterLab must change nothing: tests/test_lab_hygiene.py checks this
    # form against a real JupyterLab; this check is the fast one, for every notebook.
    notebook = nbformat.read(paired, as_version=4)
    assert notebook.metadata.kernelspec == normalise_notebooks.KERNELSPEC
    assert "widgets" not in notebook.metadata, "saved widget state churns on every run"
    assert not normalise_notebooks.pending(paired), (
        f"{paired.name} is not in the stored form: run `make notebooks`, or after executing it "
        f"by hand: .venv/bin/python scripts/normalise_notebooks.py {paired.relative_to(ROOT)}")


def test_normalising_gives_what_a_javascript_round_trip_gives():
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {"display_name": "Python 3", "language": "python",
                                       "name": "python3"}
    notebook.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {"state": {}}}
    cell = nbformat.v4.new_code_cell("explorer")
    cell.outputs = [nbformat.v4.new_output("display_data", data={
        "application/vnd.jupyter.widget-view+json": {"model_id": "ab12", "version_major": 2},
        "image/png": "iVBOR", "text/plain": "<FeedExplorer: ...>"},
        metadata={"sizes": [1.0, 2.5, 1e21, 3e20]})]
    notebook.cells = [cell]
    stored = normalise_notebooks.normalise(notebook)
    assert stored.metadata.kernelspec.display_name == "Python 3 (ipykernel)"
    assert "widgets" not in stored.metadata
    output = stored.cells[0].outputs[0]
    assert sorted(output.data) == ["image/png", "text/plain"]  # the snapshot stays
    sizes = output.metadata["sizes"]
    assert sizes == [1, 2.5, 1e21, 300000000000000000000]
    assert [type(s) for s in sizes] == [int, float, float, int]  # as JSON.stringify prints them
    assert notebook.metadata.kernelspec.display_name == "Python 3"  # the input is unchanged


def test_markdown_sources_name_the_kernel_as_the_notebooks_do():
    text = "---\nkernelspec:\n  display_name: Python 3\n  language: python\n---\n\n# T\n"
    fixed = normalise_notebooks.normalise_markdown_header(text)
    assert "  display_name: Python 3 (ipykernel)\n" in fixed and fixed.endswith("# T\n")
    for source in SOURCES:
        header = source.read_text(encoding="utf-8").split("\n---\n", 1)[0]
        assert "display_name: Python 3 (ipykernel)" in header, source.name


def _chapter_table(text: str, heading: str) -> list[list[str]]:
    """The rows of the first table under ``heading``, as lists of cells (header row left out)."""
    section = text.split(heading, 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("|")]
    return [[cell.strip() for cell in row.strip("|").split("|")] for row in rows[2:]]


def _toc_chapters() -> list[Path]:
    toc = (ROOT / "book" / "_toc.yml").read_text(encoding="utf-8")
    return [ROOT / f"{name}.md" for name in re.findall(r"file: (notebooks/\d\d-[\w-]+)", toc)]


def _title_and_minutes(source: Path) -> tuple[str, str]:
    text = source.read_text(encoding="utf-8")
    title = re.search(r"^# (.+)$", text, flags=re.M).group(1).strip()
    minutes = re.search(r"\*\*Time needed:\*\* about (\d+) minutes", text).group(1)
    return title, minutes


def test_the_chapter_tables_list_every_chapter_of_the_toc_with_its_title_and_time():
    """Start here's "The chapters" and the README's "Chapters" follow the book's table of
    contents: one row per chapter, in order, with the chapter's title and its "Time needed"."""
    chapters = _toc_chapters()
    assert len(chapters) >= 7
    start_here = _chapter_table((NOTEBOOKS / "00-start-here.md").read_text(encoding="utf-8"),
                                "## The chapters")
    readme = _chapter_table((ROOT / "README.md").read_text(encoding="utf-8"), "## Chapters")
    assert [row[0] for row in start_here] == [_title_and_minutes(c)[0] for c in chapters]
    assert [row[-1] for row in start_here] == [f"{_title_and_minutes(c)[1]} min"
                                               for c in chapters]
    readme_chapters = [row for row in readme if row[0] != "`00-start-here`"]
    assert [row[0] for row in readme_chapters] == [f"`{c.stem}`" for c in chapters]
    assert [row[-1] for row in readme_chapters] == [f"{_title_and_minutes(c)[1]} min"
                                                    for c in chapters]
    text = (NOTEBOOKS / "00-start-here.md").read_text(encoding="utf-8")
    assert "being written" not in text and "Planned" not in (ROOT / "README.md").read_text()

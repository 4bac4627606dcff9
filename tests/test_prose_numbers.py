"""Numbers in the prose come from the outputs.

Each notebook has a registry, ``tests/prose/NN-topic.toml`` (format in ``tests/prose.py``), that
ties every computed number its text states to the stored output it comes from. nbval proves the
stored outputs are what a fresh run prints; these tests prove the text says what the outputs say,
and that no number in the text escapes the registry unless it is cited, given, a year or a small
count.
"""

from pathlib import Path

import nbformat
import pytest
from prose import Entry, Notebook, Registry, check_entry, numbers_in, unaccounted_numbers

ROOT = Path(__file__).resolve().parents[1]
SOURCES = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.md"))
REGISTRIES = ROOT / "tests" / "prose"


def _registry_of(source: Path) -> Path:
    return REGISTRIES / f"{source.stem}.toml"


#: Chapters whose registry is still being written; this set must end empty.
NOT_YET_REGISTERED: set[str] = set()


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_every_notebook_has_a_prose_number_registry(source):
    if source.stem in NOT_YET_REGISTERED:
        pytest.skip("registry being written")
    assert _registry_of(source).exists(), (
        f"{source.name} has no tests/prose/{source.stem}.toml: list the computed numbers its text "
        "states (format in tests/prose.py)")


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_registered_numbers_match_the_outputs(source):
    if not _registry_of(source).exists():
        pytest.skip("no registry")
    notebook = Notebook.read(source)
    registry = Registry.read(_registry_of(source))
    problems = [p for entry in registry.entries if (p := check_entry(entry, notebook))]
    assert not problems, f"{source.name}:\n" + "\n".join(problems)


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_no_number_in_the_prose_escapes_the_registry(source):
    if not _registry_of(source).exists():
        pytest.skip("no registry")
    problems = unaccounted_numbers(Notebook.read(source), Registry.read(_registry_of(source)))
    assert not problems, (
        f"{source.name} states numbers that are not registered, given or cited "
        f"(tests/prose/{source.stem}.toml):\n" + "\n".join(problems))


# --- the mechanism itself, on a made-up notebook -------------------------------------------------


def _notebook(prose: str, output: str, tags=()) -> Notebook:
    notebook = Notebook("toy", prose=[prose])
    cell = nbformat.v4.new_code_cell("x", metadata={"tags": list(tags)})
    cell.outputs = [nbformat.v4.new_output("stream", text=output)]
    notebook.outputs.append(output)
    return notebook


def test_a_matching_number_passes():
    notebook = _notebook("Your feed gets about 1,800 posts a week.", "posts: 1,823\n")
    assert check_entry(Entry("about 1,800 posts a week", r"posts: ([\d,]+)"), notebook) is None


def test_an_output_that_drifts_fails():
    notebook = _notebook("Your feed gets about 1,800 posts a week.", "posts: 1,923\n")
    problem = check_entry(Entry("about 1,800 posts a week", r"posts: ([\d,]+)"), notebook)
    assert problem and "1923" in problem


def test_without_about_the_number_must_be_exact_to_its_last_digit():
    notebook = _notebook("The slope is -2.20 here.", "slope = -2.2049\n")
    assert check_entry(Entry("slope is -2.20", r"slope = (-[\d.]+)"), notebook) is None
    drifted = _notebook("The slope is -2.20 here.", "slope = -2.2101\n")
    assert check_entry(Entry("slope is -2.20", r"slope = (-[\d.]+)"), drifted)


def test_a_phrase_that_left_the_text_fails():
    notebook = _notebook("Your feed gets 1,823 posts.", "posts: 1,823\n")
    problem = check_entry(Entry("about 1,800 posts a week", r"posts: ([\d,]+)"), notebook)
    assert problem and "not found" in problem


def test_an_ambiguous_output_pattern_fails():
    notebook = _notebook("63% of it", "share 0.63\nshare 0.70\n")
    problem = check_entry(Entry("63% of it", r"share ([\d.]+)", scale=100), notebook)
    assert problem and "several values" in problem


def test_scale_turns_a_printed_share_into_a_written_percentage():
    notebook = _notebook("63% of it", "share 0.6300\n")
    assert check_entry(Entry("63% of it", r"share ([\d.]+)", scale=100), notebook) is None


def test_numbers_in_reads_signs_but_not_hyphenated_ranges():
    assert [m.group(0) for m in numbers_in("slope −2.20 and 90-9-1, 25,000 people, 3rd")] == [
        "−2.20", "90", "9", "1", "25,000", "3rd"]


def test_unaccounted_numbers_exempts_cited_given_years_and_small_counts():
    registry = Registry([Entry("about 1,800 posts", "x")], given={25000.0})
    notebook = Notebook("toy", prose=[
        "With 25,000 contacts you get about 1,800 posts. In 2016, step 3.\n\n"
        "Dunbar found 147.8 {cite}`dunbar1993`. You can follow 158 of them.\n\n"
        "<details>\n\n4.3 minutes\n\n</details>\n\n$$ x = 42 $$"])
    assert unaccounted_numbers(notebook, registry) == ["'158' in: You can follow 158 of them."]

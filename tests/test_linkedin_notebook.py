"""Chapter 7's privacy promises, checked on the saved notebook: its outputs come from the bundled
synthetic sample only, and no name, profile address or e-mail of the file it reads appears in it.

A learner who runs the chapter on their own export and saves it changes the printed fingerprint
(and nbval's fresh run on the sample then disagrees with every output): these tests fail before
such a notebook can be committed.
"""

from __future__ import annotations

import copy
import hashlib
import json
import re
from pathlib import Path

import nbformat
import pytest

from socialmath import linkedin

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "notebooks" / "07-your-own-network.ipynb"
FINGERPRINT = re.compile(r"fingerprint ([0-9a-f]{64})")
SWITCH = "EXPORT = linkedin.SAMPLE"
#: The files the chapter may read: the switch, the hand-made toy, the synthetic test exports.
READABLE = {"EXPORT", "toy_file", "path"}
#: The hand-made toy export of step 2: its names may be in its cell's source, never in an output.
TOY_IDENTIFYING = ["Alex", "Sam", "alex-example", "sam-sample", "sam@example.com", "Dana",
                   "dana-wolf", "dana.wolf@example.com"]


def _outputs_text(cell) -> str:
    parts = []
    for output in cell.get("outputs", []):
        if output.output_type == "stream":
            parts.append(output.text)
        elif output.output_type in ("execute_result", "display_data"):
            parts.extend(str(value) for key, value in output.get("data", {}).items()
                         if key.startswith("text/"))
    return "\n".join(parts)


def provenance_problems(notebook, sample_digest: str) -> list[str]:
    """What shows that the notebook's outputs may not come from the bundled sample."""
    problems = []
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    first_lines = [cell.source.splitlines()[0].split("#")[0].strip() for cell in code
                   if cell.source.strip()]
    if SWITCH not in first_lines:
        problems.append(f"no code cell starts with {SWITCH!r}: the chapter must read the sample")
    readers = [cell for cell in code if "read_connections(EXPORT)" in cell.source]
    if len(readers) != 1:
        problems.append(f"expected one cell reading EXPORT, found {len(readers)}")
    else:
        printed = FINGERPRINT.findall(_outputs_text(readers[0]))
        if printed != [sample_digest]:
            problems.append(f"the cell that reads EXPORT printed the fingerprints {printed}, not "
                            f"the bundled sample's {sample_digest}")
    for cell in code:
        for digest in FINGERPRINT.findall(_outputs_text(cell)):
            if digest != sample_digest:
                problems.append(f"an output was computed from another file (fingerprint "
                                f"{digest})")
        for argument in re.findall(r"read_connections\(\s*([^,)\s]+)", cell.source):
            if argument not in READABLE:
                problems.append(f"a cell reads {argument!r}; the chapter reads only {READABLE}")
    return problems


@pytest.fixture(scope="module")
def notebook():
    return nbformat.read(NOTEBOOK, as_version=4)


@pytest.fixture(scope="module")
def sample_digest():
    return hashlib.sha256(linkedin.SAMPLE.read_bytes()).hexdigest()


def test_saved_outputs_come_from_the_bundled_sample(notebook, sample_digest):
    assert provenance_problems(notebook, sample_digest) == []


def test_the_check_fails_on_outputs_of_another_file(notebook, sample_digest):
    other = "0" * 64
    changed = copy.deepcopy(notebook)
    for cell in changed.cells:
        for output in cell.get("outputs", []):
            if output.output_type == "stream":
                output.text = output.text.replace(sample_digest, other)
    problems = provenance_problems(changed, sample_digest)
    assert any("another file (fingerprint 000" in p for p in problems)
    switched = copy.deepcopy(notebook)
    for cell in switched.cells:
        cell.source = cell.source.replace(SWITCH, 'EXPORT = "my-data/Connections.csv"')
    assert any("must read the sample" in p for p in provenance_problems(switched, sample_digest))
    sneaky = copy.deepcopy(notebook)
    sneaky.cells.append(nbformat.v4.new_code_cell('linkedin.read_connections("mine.zip")'))
    assert any("reads '\"mine.zip\"'" in p for p in provenance_problems(sneaky, sample_digest))


def _text_without_images(notebook) -> str:
    """The whole notebook as JSON, without the base64 of its images (pixels hold no text)."""
    stripped = copy.deepcopy(notebook)
    for cell in stripped.cells:
        for output in cell.get("outputs", []):
            output.get("data", {}).pop("image/png", None)
    return json.dumps(stripped, ensure_ascii=False)


def test_no_name_address_or_email_of_the_sample_appears_in_the_notebook(notebook):
    raw = linkedin.read_connections(linkedin.SAMPLE, anonymise=False)
    text = _text_without_images(notebook)
    addresses = [*raw["url"].dropna(), *raw["email"].dropna()]
    assert len(addresses) > linkedin.SAMPLE_SIZE
    assert [value for value in addresses if value in text] == []
    names = {*raw["first_name"].dropna(), *(n.split(",")[0] for n in raw["last_name"].dropna())}
    full = {f"{f} {n}" for f, n in zip(raw["first_name"], raw["last_name"], strict=True)}
    found = [name for name in names | full
             if re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text)]
    assert found == []


def test_the_toy_exports_names_stay_in_its_source(notebook):
    outputs = "\n".join(_outputs_text(cell) for cell in notebook.cells
                        if cell.cell_type == "code")
    assert [value for value in TOY_IDENTIFYING
            if re.search(rf"(?<![\w-]){re.escape(value)}(?![\w-])", outputs)] == []
    sources = "\n".join(cell.source for cell in notebook.cells)
    assert all(value in sources for value in TOY_IDENTIFYING)  # the test looks for real names

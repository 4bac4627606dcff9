"""Read a notebook's prose and its stored outputs, to check that the numbers the text states are the
numbers the code printed.

A chapter's registry, ``tests/prose/NN-topic.toml``, lists every computed number its prose states::

    given = ["25,000", "80%"]          # numbers the text sets itself (inputs, assumptions)

    [[number]]
    prose = "about 1,800 posts a week"                  # a phrase of the text, as written
    output = 'posts reaching the feed: ([\\d,.]+)'      # a regex over the stored outputs; group 1
    # optional: which = 2 (the 2nd number of the phrase), scale = 100 (a share printed, a percentage
    # written), abs_tol / rel_tol (instead of "rounded as written")

The prose is every markdown cell plus every figure's alt text. The outputs are the stored text
outputs of the ``.ipynb``, except cells tagged ``nbval-ignore-output`` (nbval does not verify
those).
nbval checks that the stored outputs are what a fresh run prints; this module checks that the prose
says what the stored outputs say. Together: prose = a fresh run.
"""

from __future__ import annotations

import math
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import jupytext
import nbformat

#: A number as the prose writes it: 25,000 or 0.63 or −2.20, with an optional sign that must not
#: be a hyphen inside a word or a range such as "90-9-1".
NUMBER = re.compile(r"(?<![\w.,])(?P<sign>[−-](?=\d))?(?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?"
                    r"|\d+(?:\.\d+)?)(?P<suffix>%|st\b|nd\b|rd\b|th\b)?")
APPROXIMATELY = re.compile(r"\b(about|around|roughly|nearly|almost|some|close to|approximately)\b"
                           r"|[≈~]", re.IGNORECASE)


def parse_number(text: str) -> float:
    """The value of a number as written in prose or in an output ("1,800" -> 1800.0)."""
    cleaned = text.replace(",", "").replace("−", "-").replace("%", "").strip()
    return float(cleaned)


def numbers_in(text: str) -> list[re.Match]:
    """Every number in ``text``, in order."""
    return list(NUMBER.finditer(text))


def written_tolerance(match: re.Match, phrase: str) -> float:
    """Half a unit of the last digit written; with "about", of the last non-zero digit."""
    digits = match.group("digits").replace(",", "")
    if "." in digits:
        return 0.5 * 10 ** -len(digits.split(".")[1])
    if APPROXIMATELY.search(phrase):
        trailing_zeros = len(digits) - len(digits.rstrip("0"))
        if trailing_zeros < len(digits):
            return 0.5 * 10 ** trailing_zeros
    return 0.5


def fold(text: str) -> str:
    """Fold white space, so that a phrase can be found across the text's line breaks."""
    return re.sub(r"\s+", " ", text).strip()


@dataclass
class Notebook:
    """The prose (markdown cells and alt texts) and the verified outputs of one notebook pair."""

    name: str
    prose: list[str] = field(default_factory=list)
    outputs: list[str] = field(default_factory=list)

    @classmethod
    def read(cls, source: Path) -> Notebook:
        notebook = cls(source.stem)
        for cell in jupytext.read(source).cells:
            if cell.cell_type == "markdown":
                notebook.prose.append(cell.source)
            alt = cell.metadata.get("mystnb", {}).get("image", {}).get("alt")
            if alt:
                notebook.prose.append(alt)
        stored = nbformat.read(source.with_suffix(".ipynb"), as_version=4)
        for cell in stored.cells:
            if cell.cell_type != "code" or "nbval-ignore-output" in cell.metadata.get("tags", []):
                continue
            notebook.outputs.append("\n".join(_output_text(output) for output in cell.outputs))
        return notebook

    @property
    def prose_text(self) -> str:
        return "\n\n".join(fold(text) for text in self.prose)

    @property
    def output_text(self) -> str:
        return "\n\n".join(self.outputs)


def _output_text(output) -> str:
    if output.output_type == "stream":
        return output.text
    if output.output_type in ("execute_result", "display_data"):
        return str(output.get("data", {}).get("text/plain", ""))
    return ""


@dataclass(frozen=True)
class Entry:
    """One registered number: a phrase of the prose and the regex that finds it in the outputs."""

    prose: str
    output: str
    which: int = 1
    scale: float = 1.0
    abs_tol: float | None = None
    rel_tol: float | None = None


@dataclass
class Registry:
    """The numbers a notebook's prose states: computed ones (entries) and given ones."""

    entries: list[Entry]
    given: set[float]

    @classmethod
    def read(cls, path: Path) -> Registry:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
        unknown = set(data) - {"given", "number"}
        if unknown:
            raise ValueError(f"{path.name}: unknown keys {sorted(unknown)}")
        entries = [Entry(**{**item, "prose": fold(item["prose"])})
                   for item in data.get("number", [])]
        given = {parse_number(text) for text in data.get("given", [])}
        return cls(entries, given)


def check_entry(entry: Entry, notebook: Notebook) -> str | None:
    """None when the phrase is in the prose and its number is the output's; else what is wrong."""
    if entry.prose not in notebook.prose_text:
        return f"phrase not found in the prose: {entry.prose!r}"
    found = numbers_in(entry.prose)
    if len(found) < entry.which:
        return f"phrase {entry.prose!r} has no number #{entry.which}"
    match = found[entry.which - 1]
    stated = parse_number(match.group("digits"))
    if match.group("sign"):
        stated = -stated
    values = {parse_number(m.group(1)) for m in re.finditer(entry.output, notebook.output_text)}
    if not values:
        return f"no stored output matches {entry.output!r} (for {entry.prose!r})"
    if len(values) > 1:
        return (f"{entry.output!r} matches several values in the outputs, {sorted(values)}: "
                "make it specific to one output")
    computed = values.pop() * entry.scale
    if entry.abs_tol is not None or entry.rel_tol is not None:
        close = math.isclose(stated, computed, abs_tol=entry.abs_tol or 0.0,
                             rel_tol=entry.rel_tol or 0.0)
    else:
        close = abs(stated - computed) <= written_tolerance(match, entry.prose) + 1e-9
    if not close:
        return (f"the prose says {match.group(0)} in {entry.prose!r}, the output says "
                f"{computed:g}: re-read the text against the executed notebook")
    return None


# --- numbers that no entry covers ---------------------------------------------------------------

#: What is not prose, and what replaces it (a block, a paragraph break, so blocks stay apart).
_NOT_PROSE = [
    (re.compile(r"<details>.*?</details>", re.DOTALL), "\n\n"),  # worked solutions
    (re.compile(r"<!--.*?-->", re.DOTALL), " "),
    (re.compile(r"```.*?```", re.DOTALL), "\n\n"),                # figures, directives
    (re.compile(r"\$\$.*?\$\$", re.DOTALL), "\n\n"),              # displayed maths
    (re.compile(r"\$[^$\n]+\$"), " "),                             # inline maths
    (re.compile(r"`[^`]*`"), " "),                                   # code, and {cite} keys
    (re.compile(r"\]\([^)]*\)"), "]"),                              # link targets
    (re.compile(r"https?://\S+"), " "),
    (re.compile(r"^#+ .*$", re.MULTILINE), "\n\n"),                # headings
]
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[A-Z(*\"“])")
_ITEM_START = re.compile(r"\n(?=\s*(?:[-*+] |\d+\. |\|))")


def _units(cell_text: str) -> list[str]:
    """Sentences, list items and table rows: the span a citation covers."""
    units = []
    for block in re.split(r"\n\s*\n", cell_text):
        for item in _ITEM_START.split(block):
            units.extend(part for part in _SENTENCE_END.split(fold(item)) if part.strip())
    return units


def unaccounted_numbers(notebook: Notebook, registry: Registry) -> list[str]:
    """Numbers in the prose that no entry covers and that are not given, cited, a year or a count.

    A number stated once in a sentence with a citation may be repeated without it.
    """
    registered = {entry.prose for entry in registry.entries}
    cited: set[float] = set()
    uncited: list[tuple[str, list[re.Match]]] = []
    for text in notebook.prose:
        for pattern, replacement in _NOT_PROSE:
            text = pattern.sub(replacement, text)
        for unit in _units(text):
            if unit.startswith("**Time needed:**"):
                continue
            for phrase in registered:
                unit = unit.replace(phrase, " ")
            found = numbers_in(unit)
            if "{cite" in unit:  # the role's key went with the code spans; "{cite}" stays
                cited.update(_value(match) for match in found)
            else:
                uncited.append((unit, found))
    return [f"{match.group(0)!r} in: {unit[:160]}" for unit, found in uncited for match in found
            if _value(match) not in cited and not _exempt(match, registry)]


def _value(match: re.Match) -> float:
    value = parse_number(match.group("digits"))
    return -value if match.group("sign") else value


def _exempt(match: re.Match, registry: Registry) -> bool:
    digits = match.group("digits")
    suffix = match.group("suffix") or ""
    if suffix in ("st", "nd", "rd", "th"):
        return True
    value = _value(match)
    if value in registry.given:
        return True
    whole = "." not in digits and suffix != "%"
    if whole and 0 <= value <= 10:
        return True          # small counts: "two steps", "chapter 3", "Step 5"
    return whole and "," not in digits and len(digits) == 4 and 1500 <= value <= 2100  # years

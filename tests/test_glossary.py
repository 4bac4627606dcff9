"""Every glossary term is defined where the course first uses it.

The glossary (``book/glossary.md``) is a MyST ``{glossary}`` block: one or more term lines (the
term and its other names, e.g. "breadth-first search" then "BFS"), then an indented definition.
Reading the pages in the book's order, the first use of any of a term's names must be in **bold**:
the course's convention for "defined here", with the one-sentence definition beside it.
"""

import re
from pathlib import Path

import jupytext
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
GLOSSARY = ROOT / "book" / "glossary.md"
TOC = ROOT / "book" / "_toc.yml"

_NOT_TEXT = [
    # Lists of what is to come name terms before they are taught: not a first use.
    re.compile(r"^## (?:What you will learn|The chapters)\s*$.*?(?=^#|\Z)", re.DOTALL | re.M),
    re.compile(r"```.*?```", re.DOTALL),
    re.compile(r"\$\$.*?\$\$", re.DOTALL),
    re.compile(r"\$[^$\n]+\$"),
    re.compile(r"`[^`]*`"),
    re.compile(r"\]\([^)]*\)"),
    re.compile(r"https?://\S+"),
    re.compile(r"<!--.*?-->", re.DOTALL),
    re.compile(r"^#+ .*$", re.MULTILINE),
]


def glossary_terms(text: str) -> list[tuple[str, ...]]:
    """The glossary's entries, each as the tuple of names it defines."""
    block = re.search(r"^(`{3,}|:{3,})\{glossary\}[^\n]*\n(.*?)^\1\s*$", text, re.DOTALL | re.M)
    assert block, "book/glossary.md has no {glossary} block"
    entries: list[tuple[str, ...]] = []
    names: list[str] = []
    for line in block.group(2).splitlines():
        if not line.strip() or line.lstrip().startswith(":"):
            continue
        if line[0].isspace():
            if names:
                entries.append(tuple(names))
                names = []
        else:
            names.append(line.strip())
    assert not names, f"glossary terms without a definition: {names}"
    return entries


def course_pages() -> list[Path]:
    """The book's pages in reading order, from book/_toc.yml."""
    toc = yaml.safe_load(TOC.read_text(encoding="utf-8"))
    files = [toc["root"]]
    for entry in toc.get("chapters", []) + [c for p in toc.get("parts", [])
                                             for c in p.get("chapters", [])]:
        files.append(entry["file"])
        files.extend(section["file"] for section in entry.get("sections", []))
    return [ROOT / f"{name}.md" for name in files]


def page_text(path: Path) -> str:
    """The reader-facing text of a page: markdown cells of a notebook, the whole of a page."""
    if path.parent.name == "notebooks":
        text = "\n\n".join(cell.source for cell in jupytext.read(path).cells
                           if cell.cell_type == "markdown")
    else:
        text = path.read_text(encoding="utf-8")
    for pattern in _NOT_TEXT:
        text = pattern.sub(" ", text)
    return text


def first_use(names: tuple[str, ...], pages: list[Path]) -> tuple[Path, str, int] | None:
    """The page, its text and the offset where any of ``names`` is first used, or None."""
    alternatives = "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w-])(?:{alternatives})(?:s|es)?(?![\w-])", re.IGNORECASE)
    for page in pages:
        if page == GLOSSARY:
            continue
        text = page_text(page)
        match = pattern.search(text)
        if match:
            return page, text, match.start()
    return None


def is_bold_at(text: str, offset: int) -> bool:
    return any(span.start() < offset < span.end()
               for span in re.finditer(r"\*\*[^*\n]+(?:\n[^*\n]+)*\*\*", text))


ENTRIES = glossary_terms(GLOSSARY.read_text(encoding="utf-8"))


def test_the_glossary_is_a_page_of_the_book():
    assert GLOSSARY in course_pages()


@pytest.mark.parametrize("names", ENTRIES, ids=lambda names: names[0])
def test_each_term_is_defined_in_bold_where_the_course_first_uses_it(names):
    found = first_use(names, course_pages())
    assert found, f"glossary term {names[0]!r} is never used in the course: use it or remove it"
    page, text, offset = found
    context = " ".join(text[max(0, offset - 80):offset + 80].split())
    assert is_bold_at(text, offset), (
        f"{names[0]!r} is first used in {page.relative_to(ROOT)} without its definition: write "
        f"it in **bold** there with a one-sentence definition, or define it earlier.\n"
        f"  …{context}…")


def test_glossary_parser_reads_aliases_and_definitions():
    text = ("```{glossary}\nbreadth-first search\nBFS\n  A search that visits nodes "
            "level by level.\n\nmean\n  The average.\n```\n")
    assert glossary_terms(text) == [("breadth-first search", "BFS"), ("mean",)]


def test_bold_detection():
    text = "A **Lorenz curve** plots shares. The Lorenz curve again."
    assert is_bold_at(text, text.index("Lorenz"))
    assert not is_bold_at(text, text.rindex("Lorenz"))

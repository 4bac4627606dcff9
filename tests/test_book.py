"""The static book builds offline with warnings as errors, and every page has something to show:
no script from another host, launch and download buttons of the right form, a bibliography whose
labels match the citations, and the explorer note where each explorer is a still image.

The browser checks of the built site (maths rendered offline, code that fits) are in
tests/test_book_browser.py."""

import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
TOC = yaml.safe_load((ROOT / "book" / "_toc.yml").read_text(encoding="utf-8"))
CONFIG = yaml.safe_load((ROOT / "book" / "_config.yml").read_text(encoding="utf-8"))
EXAMPLE_REPOSITORY = "https://github.com/example-org/socialmath"
EXAMPLE_HUB = "https://hub.example.org"


@pytest.fixture(scope="module")
def site(build_book, tmp_path_factory):
    return build_book(tmp_path_factory.mktemp("book"))


@pytest.fixture(scope="module")
def published_site(build_book, tmp_path_factory):
    """The book built once its repository address (and a JupyterHub) are set in _config.yml."""
    config = yaml.safe_load((ROOT / "book" / "_config.yml").read_text(encoding="utf-8"))
    config["repository"]["url"] = EXAMPLE_REPOSITORY
    config["launch_buttons"]["jupyterhub_url"] = EXAMPLE_HUB
    # The copy sits beside the original, so its relative paths (_ext) still resolve.
    path = ROOT / "book" / f"_config.test-{tmp_path_factory.getbasetemp().name}.yml"
    path.write_text(yaml.safe_dump(config), encoding="utf-8")
    try:
        return build_book(tmp_path_factory.mktemp("published"), path)
    finally:
        path.unlink()


def _pages():
    def files(entries):
        for entry in entries:
            yield entry["file"]
            yield from files(entry.get("sections", []))

    return [TOC["root"], *files(TOC["chapters"])]


def _chapters():
    return [p for p in _pages() if p.startswith("notebooks/")]


def test_every_notebook_is_in_the_table_of_contents():
    listed = set(_pages())
    notebooks = {f"notebooks/{p.stem}" for p in (ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb")}
    assert notebooks <= listed, f"not in book/_toc.yml: {sorted(notebooks - listed)}"


@pytest.mark.parametrize("page", _pages())
def test_every_page_is_built(site, page):
    assert (site / f"{page}.html").exists()


@pytest.mark.parametrize("page", [p for p in _pages() if p.startswith("notebooks/")])
def test_explorers_show_a_snapshot_not_a_dead_widget(site, page):
    html = (site / f"{page}.html").read_text(encoding="utf-8")
    assert "<img" in html
    assert "application/vnd.jupyter.widget-view+json" not in html


def test_solutions_are_folded_and_citations_resolve(site):
    html = (site / "notebooks" / "01-silent-majority.html").read_text(encoding="utf-8")
    assert html.count("<summary>Solution</summary>") >= 3
    assert not re.search(r"\{cite\}", html)
    assert "Nielsen" in (site / "book" / "bibliography.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("page", [p for p in _pages() if p.startswith("notebooks/")])
def test_every_figure_has_alt_text(site, page):
    html = (site / f"{page}.html").read_text(encoding="utf-8")
    alts = re.findall(r'<img alt="([^"]*)"', html)
    placeholders = [alt for alt in alts if alt.endswith(".png") or len(alt) < 20]
    assert not placeholders, (
        f"{page}: figures without alt text (add `mystnb: image: alt:` to the cell): {placeholders}")


# -- offline ------------------------------------------------------------------------------------
@pytest.mark.parametrize("page", _pages())
def test_no_page_loads_a_script_style_or_image_from_another_host(site, page):
    html = (site / f"{page}.html").read_text(encoding="utf-8")
    remote = re.findall(r'<(?:script|img|iframe)[^>]*\ssrc="((?:https?:)?//[^"]+)"', html)
    remote += re.findall(r'<link[^>]*\shref="((?:https?:)?//[^"]+)"[^>]*>', html)
    assert not remote, f"{page} loads from other hosts: {remote}"
    assert "THEBE" not in html and "thebe" not in html.lower()
    assert "require.min.js" not in html and "html-manager" not in html
    assert "widget-state+json" not in html
    if 'class="math' in html:
        assert re.search(r'<script[^>]*src="(\.\./)*_static/mathjax/tex-mml-chtml\.js', html)


# -- explorers: one wording, from _config.yml ----------------------------------------------------
NOTE = CONFIG["sphinx"]["config"]["socialmath_static_explorer_note"]


@pytest.mark.parametrize("page", _chapters())
def test_every_explorer_snapshot_carries_the_static_page_note(site, page):
    import nbformat

    notebook = nbformat.read(ROOT / f"{page}.ipynb", as_version=4)
    explorers = sum(1 for cell in notebook.cells if cell.cell_type == "code"
                    for output in cell.get("outputs", [])
                    if re.match(r"<\w+Explorer: ", "".join(output.get("data", {})
                                                           .get("text/plain", ""))))
    html = (site / f"{page}.html").read_text(encoding="utf-8")
    notes = re.findall(r'<p class="sm-static-explorer-note">([^<]*)</p>\s*<div class="cell',
                       html)
    assert len(notes) == explorers and explorers >= 1
    assert all(" ".join(note.split()) == NOTE for note in notes)


@pytest.mark.parametrize("source", sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.md")),
                         ids=lambda p: p.name)
def test_notebooks_leave_the_static_page_wording_to_the_book(source):
    text = " ".join(source.read_text(encoding="utf-8").split())
    assert not re.search(r"[Oo]n the static (site|page)", text), (
        f"{source.name}: the book adds the static-page note under each explorer itself "
        "(socialmath_static_explorer_note in book/_config.yml); remove the hand-written one")


# -- launch and download buttons -----------------------------------------------------------------
def _links(html: str) -> list[str]:
    return [link.replace("&amp;", "&") for link in re.findall(r'href="([^"]+)"', html)]


@pytest.mark.parametrize("page", _chapters())
def test_without_a_repository_address_there_are_no_launch_buttons(site, page):
    html = (site / f"{page}.html").read_text(encoding="utf-8")
    for host in ("mybinder.org", "colab.research.google.com", "git-pull"):
        assert host not in html


@pytest.mark.parametrize("page", _chapters())
def test_launch_buttons_have_the_right_form_once_the_address_is_set(published_site, page):
    links = _links((published_site / f"{page}.html").read_text(encoding="utf-8"))
    binder = [link for link in links if link.startswith("https://mybinder.org/")]
    assert binder == [f"https://mybinder.org/v2/gh/example-org/socialmath/main"
                      f"?urlpath=lab/tree/{page}.ipynb"]
    colab = [link for link in links if link.startswith("https://colab.research.google.com/")]
    assert colab == [f"https://colab.research.google.com/github/example-org/socialmath/blob/"
                     f"main/{page}.ipynb"]
    hub = [link for link in links if link.startswith(EXAMPLE_HUB)]
    assert len(hub) == 1
    url = urlsplit(hub[0])
    assert url.path == "/hub/user-redirect/git-pull"  # nbgitpuller
    assert parse_qs(url.query) == {"repo": [EXAMPLE_REPOSITORY], "branch": ["main"],
                                   "urlpath": [f"lab/tree/socialmath/{page}.ipynb"]}
    assert EXAMPLE_REPOSITORY in links  # the repository button


def test_binder_builds_the_course_from_environment_yml():
    environment = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    pip = next(d["pip"] for d in environment["dependencies"] if isinstance(d, dict))
    assert any(line.startswith("-e .[lab") for line in pip)


@pytest.mark.parametrize("page", _chapters())
def test_every_chapter_downloads_as_ipynb_and_md(site, page):
    html = (site / f"{page}.html").read_text(encoding="utf-8")
    name = page.split("/")[-1]
    for suffix in (".ipynb", ".md"):
        href = f"../_sources/{page}{suffix}"
        assert f'href="{href}"' in html, f"{page}: no {suffix} download"
        assert (site / "_sources" / f"{page}{suffix}").read_bytes() == \
            (ROOT / f"{page}{suffix}").read_bytes(), name


# -- bibliography, title, logo -------------------------------------------------------------------
def test_every_bibliography_label_reads_as_its_citation():
    """Each entry's label is the author part of its author-year citation: last names, or a
    corporate author or a title with its protective braces ({LinkedIn}) rendered away."""
    import sys

    from pybtex.database import parse_file
    from pybtex.richtext import Text
    from sphinxcontrib.bibtex.style.referencing.author_year import AuthorYearReferenceStyle

    sys.path.insert(0, str(ROOT / "book" / "_ext"))
    try:
        import socialmath_book
    finally:
        sys.path.remove(str(ROOT / "book" / "_ext"))
    style = AuthorYearReferenceStyle()
    cited_as = style.person.author_or_editor_or_title(full=False)
    entries = parse_file(ROOT / "book" / "references.bib").entries
    labels = dict(zip(entries, socialmath_book.AuthorYearLabels().format_labels(
        entries.values()), strict=True))
    for key, entry in entries.items():
        citation = cited_as.format_data({"entry": entry, "style": style}).render_as("text")
        year = Text.from_latex(entry.fields.get("year", "n.d.")).render_as("text")
        assert labels[key] == f"{citation}, {year}", key
        assert "{" not in labels[key], key
    assert labels["linkedin2017"] == "LinkedIn, 2017"
    assert labels["linkedin2016"].startswith("LinkedIn Research Reveals")


def test_bibliography_labels_read_as_the_author_year_citations_do(site):
    bibliography = (site / "book" / "bibliography.html").read_text(encoding="utf-8")
    labels = dict(re.findall(
        r'<div class="citation" id="([^"]+)" role="doc-biblioentry">\s*'
        r'<span class="label"><span class="fn-bracket">\[</span>(.*?)'
        r'<span class="fn-bracket">\]</span>', bibliography, flags=re.DOTALL))
    assert labels and not [label for label in labels.values() if label.strip().isdigit()]
    cited = 0
    for page in _chapters():
        html = (site / f"{page}.html").read_text(encoding="utf-8")
        for target, text in re.findall(
                r'<a class="reference internal" href="../book/bibliography.html#([^"]+)"'
                r'[^>]*>(.*?)</a>', html):
            cited += 1
            plain = lambda t: " ".join(re.sub(r"<[^>]+>", "", t).split())  # noqa: E731
            assert plain(labels[target]) == plain(text), (page, target)
    assert cited >= 20


def test_title_and_logo(site):
    html = (site / f"{TOC['root']}.html").read_text(encoding="utf-8")
    title = CONFIG["sphinx"]["config"]["html_title"]
    assert "<title>" in html and title in html
    logo = re.search(r'<img src="([^"]+logo\.svg)"', html)
    logo_file = (site / TOC["root"]).parent / logo.group(1)
    assert logo_file.exists()
    svg = logo_file.read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<svg") and "<title" in svg

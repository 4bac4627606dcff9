"""The static book builds offline with warnings as errors, and every page has something to show."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
TOC = yaml.safe_load((ROOT / "book" / "_toc.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    out = tmp_path_factory.mktemp("book")
    jupyter_book = Path(sys.executable).with_name("jupyter-book")
    result = subprocess.run(
        [str(jupyter_book), "build", ".", "--config", "book/_config.yml", "--toc",
         "book/_toc.yml", "-W", "-n", "--keep-going", "--path-output", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return out / "_build" / "html"


def _pages():
    return [TOC["root"]] + [entry["file"] for entry in TOC["chapters"]]


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

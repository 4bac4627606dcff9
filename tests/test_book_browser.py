"""The built site in a real browser, opened from disk with every request to another host blocked:
each page renders all its maths with the site's own MathJax, asks for nothing elsewhere, logs no
console error, fits its code cells in the column at 1366 px and has one search box.

Screenshots of every page are kept in _build/screenshots/book/ (ignored by git)."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCREENSHOTS = ROOT / "_build" / "screenshots" / "book"
pytestmark = pytest.mark.browser
#: TeX that MathJax leaves as text when it does not run: delimiters and the commands we use.
RAW_TEX = re.compile(r"\\\(|\\\)|\\\[|\\\]|\$\$|\\frac|\\begin\{|\\sum|\\alpha|\\ln\b")


@pytest.fixture(scope="module")
def site(build_book, tmp_path_factory):
    return build_book(tmp_path_factory.mktemp("book"))


def _site_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html")
                  if "_static" not in p.parts and "_sources" not in p.parts
                  and 'http-equiv="Refresh"' not in p.read_text(encoding="utf-8"))


def test_every_page_renders_offline_with_its_maths_and_no_request_elsewhere(site, browser):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    elsewhere, problems = [], []

    def route(request_route):
        url = request_route.request.url
        if url.startswith("file://"):
            request_route.continue_()
        else:
            elsewhere.append(url)
            request_route.abort()

    context.route("**/*", route)
    pages = _site_pages(site)
    assert len(pages) >= 6
    formulas = 0
    for path in pages:
        name = path.relative_to(site).as_posix()
        page = context.new_page()
        errors = []
        page.on("console", lambda m, e=errors: e.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda exc, e=errors: e.append(str(exc)))
        page.goto(path.as_uri(), wait_until="load")
        if page.evaluate("typeof window.MathJax === 'object'"):
            page.wait_for_function("window.MathJax.startup && window.MathJax.startup.promise")
            page.evaluate("window.MathJax.startup.promise")
        counts = page.evaluate("""() => ({
            math: document.querySelectorAll('.math').length,
            rendered: document.querySelectorAll('.math mjx-container').length})""")
        formulas += counts["rendered"]
        text = page.inner_text("article") if page.query_selector("article") else ""
        raw = sorted(set(RAW_TEX.findall(text)))
        if counts["rendered"]:  # the artefact shows the first formula as the reader sees it
            page.locator(".math mjx-container").first.scroll_into_view_if_needed()
        page.screenshot(path=str(SCREENSHOTS / (name.replace("/", "__") + ".png")),
                        full_page=False)
        if counts["rendered"] < counts["math"]:
            problems.append(f"{name}: {counts['math'] - counts['rendered']} formulas unrendered")
        if raw:
            problems.append(f"{name}: raw TeX in the text: {raw}")
        if errors:
            problems.append(f"{name}: console errors: {errors[:3]}")
        page.close()
    context.close()
    assert not elsewhere, f"requests to other hosts: {sorted(set(elsewhere))[:10]}"
    assert not problems, "\n".join(problems)
    assert formulas >= 40  # the chapters' formulas were all found and rendered


def test_code_cells_fit_the_column_and_there_is_one_search_box_at_1366_px(site, browser):
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    context.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file://")
                  else r.abort())
    problems = []
    for path in sorted((site / "notebooks").glob("*.html")):
        page = context.new_page()
        page.goto(path.as_uri(), wait_until="load")
        wide = page.evaluate("""() => [...document.querySelectorAll(
                'div.cell pre, div.cell .output, div.cell .cell_output')]
            .filter(e => e.scrollWidth > e.clientWidth + 1)
            .map(e => e.scrollWidth - e.clientWidth + ' px: ' + e.textContent.slice(0, 50))""")
        if wide:
            problems.append(f"{path.name}: {len(wide)} cells scroll sideways, e.g. {wide[:2]}")
        search = page.evaluate("""() => [...document.querySelectorAll(
                '.search-button-field, button.search-button, input[type=search]')]
            .filter(e => e.offsetParent !== null && e.getBoundingClientRect().width > 0).length""")
        if search != 1:
            problems.append(f"{path.name}: {search} visible search boxes")
        page.close()
    context.close()
    assert not problems, "\n".join(problems)

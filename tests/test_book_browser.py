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


# -- the explorers' browser twins ----------------------------------------------------------------
#: Moves one control of a twin as a reader would (the slider, list or radio button that Vega
#: bound to its signal), waits for the view to run, and returns the signals asked for.
MOVE = """async ([explorer, moves, names]) => {
    const view = window.socialmathTwins[explorer];
    const box = document.querySelector(`div.sm-twin[data-explorer="${explorer}"]`);
    for (const [signal, kind, value] of moves) {
        const inputs = [...box.querySelectorAll(`[name="${signal}"]`)];
        if (!inputs.length) throw new Error(`${explorer}: no input for ${signal}`);
        if (kind === 'radio') {
            const input = inputs.find(i => i.value === String(value));
            input.checked = true;
            input.dispatchEvent(new Event('change'));
        } else if (kind === 'select') {
            const select = inputs[0];
            select.selectedIndex = [...select.options].findIndex(o => o.value === String(value));
            select.dispatchEvent(new Event('change'));
        } else {
            inputs[0].value = String(value);
            inputs[0].dispatchEvent(new Event('input'));
        }
    }
    await view.runAsync();
    return Object.fromEntries(names.map(name => [name, view.signal(name)]));
}"""

#: The data behind one named mark of a view (what the figure draws), as a list of rows.
MARK_DATA = """([explorer, mark, fields]) => {
    const found = [];
    const walk = node => {
        if (!node) return;
        if (node.marktype && node.name === mark) found.push(node);
        (node.items || []).forEach(walk);
    };
    walk(window.socialmathTwins[explorer].scenegraph().root);
    if (!found.length) throw new Error(`${explorer}: no mark named ${mark}`);
    return found.flatMap(m => m.items.map(item => fields.map(f => item.datum[f])));
}"""


def _twin_pages(site: Path) -> dict[str, list[str]]:
    """Chapter page -> the explorers whose twins it shows."""
    pages = {}
    for path in sorted((site / "notebooks").glob("*.html")):
        names = re.findall(r'<div class="sm-twin" data-explorer="(\w+)"',
                           path.read_text(encoding="utf-8"))
        if names:
            pages[path.name] = names
    return pages


def _open_twins(context, path: Path):
    page = context.new_page()
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(path.as_uri(), wait_until="load")
    page.wait_for_function("window.socialmathTwinsReady !== undefined")
    page.evaluate("window.socialmathTwinsReady.then(() => true)")
    return page, errors


def _close(actual: float, expected: float, tolerance: float) -> bool:
    return abs(actual - expected) <= tolerance * max(1.0, abs(expected))


def test_every_chapter_has_a_twin_for_each_explorer_that_has_one(site):
    from socialmath.twins import TWINS

    shown = {name for names in _twin_pages(site).values() for name in names}
    assert shown == set(TWINS), f"twins on no page: {sorted(set(TWINS) - shown)}"


def test_twins_move_with_their_sliders_and_match_the_model_offline(site, browser):
    """On every chapter page, each twin's controls moved to several positions: the numbers the
    figure states and the data it draws equal the Python model's at the same settings; nothing
    is requested outside the site's folder and nothing is logged as an error."""
    from socialmath.twins import twin

    context = browser.new_context(viewport={"width": 1366, "height": 900})
    elsewhere = []
    context.route("**/*", lambda r: r.continue_() if r.request.url.startswith(
        f"file://{site}") else (elsewhere.append(r.request.url), r.abort()))
    problems, checked = [], 0
    for name, explorers in _twin_pages(site).items():
        page, errors = _open_twins(context, site / "notebooks" / name)
        for explorer in explorers:
            chosen = twin(explorer)
            assert page.locator(f'div.sm-twin[data-explorer="{explorer}"]').is_visible()
            inputs = chosen.inputs()
            for i, values in enumerate(chosen.positions(count=5, seed=12)):
                # first the page as it opens (the explorer's defaults, which may lie between two
                # steps of a slider), then positions the sliders can reach
                moves = [] if i == 0 else [[c.bound, c.kind, c.input_value(values[c.name])]
                                           for c in inputs]
                expected = chosen.numbers(values)
                shown = page.evaluate(MOVE, [explorer, moves, sorted(expected)])
                for key, number in expected.items():
                    tolerance = chosen.tolerance.get(key, 1e-6)
                    if shown[key] is None or not _close(shown[key], number, tolerance):
                        problems.append(f"{name} {explorer} at {values}: {key} = {shown[key]}, "
                                        f"the model gives {number}")
                    checked += 1
                for mark, (fields, rows) in chosen.marks(values).items():
                    drawn = page.evaluate(MARK_DATA, [explorer, mark, list(fields)])
                    if len(drawn) != len(rows) or not all(
                            _close(a, b, chosen.tolerance.get(mark, 1e-6))
                            for got, want in zip(drawn, rows, strict=True)
                            for a, b in zip(got, want, strict=True)):
                        problems.append(f"{name} {explorer} at {values}: mark {mark} draws "
                                        f"{drawn[:3]}..., the model gives {rows[:3]}...")
                    checked += len(rows)
        if errors:
            problems.append(f"{name}: console errors: {errors[:3]}")
        page.close()
    context.close()
    assert not elsewhere, f"requests outside the site: {sorted(set(elsewhere))[:10]}"
    assert not problems, "\n".join(problems[:20])
    assert checked > 100


def test_without_javascript_the_snapshot_and_its_note_show(site, browser):
    context = browser.new_context(java_script_enabled=False)
    context.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file://")
                  else r.abort())
    for name, explorers in _twin_pages(site).items():
        page = context.new_page()
        page.goto((site / "notebooks" / name).as_uri(), wait_until="load")
        for explorer in explorers:
            box = page.locator(f'div.sm-twin[data-explorer="{explorer}"]')
            assert not box.is_visible()
            cell = page.locator(f'#{box.get_attribute("data-cell")}')
            image = cell.locator(".cell_output img")
            assert image.is_visible(), f"{name}: {explorer}'s snapshot is hidden"
            assert len(image.get_attribute("alt")) >= 20
            assert cell.locator("xpath=preceding-sibling::p[1]").get_attribute(
                "class") == "sm-static-explorer-note"
        page.close()
    context.close()


def test_with_javascript_the_twin_replaces_the_snapshot(site, browser):
    context = browser.new_context()
    context.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file://")
                  else r.abort())
    for name, explorers in _twin_pages(site).items():
        page, errors = _open_twins(context, site / "notebooks" / name)
        for explorer in explorers:
            box = page.locator(f'div.sm-twin[data-explorer="{explorer}"]')
            assert box.locator("canvas").is_visible()
            cell = page.locator(f'#{box.get_attribute("data-cell")}')
            assert not cell.locator(".cell_output img").is_visible()
            assert cell.locator(".cell_input").is_visible()  # the code stays
        assert not errors, errors
        page.close()
    context.close()

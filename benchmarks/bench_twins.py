"""Browser twins: how long a slider move takes in the page, and what the pages weigh.

Opens each chapter page of the built site (``_build/html``, built first with ``make book`` if a
twin is missing there) in the project's Chromium with every request outside the site blocked,
and for every control of every twin moves it ``MOVES`` times across its range as a reader does
(the HTML input's value, then its input or change event). For each move it times, in the page:

* **update**: from the event to the end of ``view.runAsync()``, which evaluates the formulas,
  filters the tables and draws the canvas;
* **to paint**: the same, until the next animation frame (the browser has shown it).

It prints the median, 95th percentile and largest time per control and per twin, against the
goal of 50 ms a move, then the weight of each chapter page: its HTML (with the twins'
specifications and tables), and the JavaScript the twins load once for the whole site.

Run: ``make bench`` or ``.venv/bin/python benchmarks/bench_twins.py``.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "_build" / "html"
MOVES = 30
GOAL_MS = 50.0
CHROMIUM = "/usr/bin/chromium"

TIME_MOVE = """async ([explorer, signal, kind, value]) => {
    const view = window.socialmathTwins[explorer];
    const box = document.querySelector(`div.sm-twin[data-explorer="${explorer}"]`);
    const inputs = [...box.querySelectorAll(`[name="${signal}"]`)];
    await new Promise(requestAnimationFrame);
    const start = performance.now();
    if (kind === 'radio') {
        const input = inputs.find(i => i.value === String(value));
        input.checked = true;
        input.dispatchEvent(new Event('change'));
    } else if (kind === 'select') {
        inputs[0].selectedIndex = [...inputs[0].options].findIndex(o => o.value === String(value));
        inputs[0].dispatchEvent(new Event('change'));
    } else {
        inputs[0].value = String(value);
        inputs[0].dispatchEvent(new Event('input'));
    }
    await view.runAsync();
    const update = performance.now() - start;
    await new Promise(requestAnimationFrame);
    return [update, performance.now() - start];
}"""


def twin_pages() -> dict[Path, list[str]]:
    import re

    pages = {}
    for path in sorted((SITE / "notebooks").glob("*.html")):
        names = re.findall(r'<div class="sm-twin" data-explorer="(\w+)"',
                           path.read_text(encoding="utf-8"))
        if names:
            pages[path] = names
    return pages


def ensure_site() -> None:
    from socialmath.twins import TWINS

    shown = {name for names in (twin_pages().values() if SITE.exists() else [])
             for name in names}
    if not set(TWINS) <= shown:
        print("building the site (make book) ...", flush=True)
        subprocess.run(["make", "book"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)


def moves(control, count: int) -> list:
    """``count`` input values across the control's range, each different from the last."""
    rng = np.random.default_rng(0)
    picks = control.positions(count + 1, rng)
    picks = [p for i, p in enumerate(picks) if i == 0 or p != picks[i - 1]]
    while len(picks) < count:
        picks += picks[::-1][1:]
    return [control.input_value(p) for p in picks[:count]]


def main() -> None:
    from playwright.sync_api import sync_playwright

    from socialmath.twins import twin

    ensure_site()
    print(f"twin moves in Chromium: ms per move over {MOVES} moves of each control "
          f"(update = event to the end of view.runAsync(), paint = to the next frame)")
    print(f"{'twin':<26}{'control':<20}{'update median':>14}{'p95':>7}{'max':>7}"
          f"{'paint median':>14}{'max':>7}")
    worst, every = 0.0, []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                             args=["--no-sandbox", "--disable-gpu"])
        context = browser.new_context(viewport={"width": 1366, "height": 900})
        context.route("**/*", lambda r: r.continue_() if r.request.url.startswith(
            SITE.as_uri()) else r.abort())
        for path, explorers in twin_pages().items():
            page = context.new_page()
            page.goto(path.as_uri(), wait_until="load")
            page.wait_for_function("window.socialmathTwinsReady !== undefined")
            page.evaluate("window.socialmathTwinsReady.then(() => true)")
            for explorer in explorers:
                chosen = twin(explorer)
                page.locator(f'div.sm-twin[data-explorer="{explorer}"]').scroll_into_view_if_needed()
                updates_all, paints_all = [], []
                for control in chosen.inputs():
                    values = moves(control, MOVES)
                    for value in values[:3]:  # warm-up: compile, first draw
                        page.evaluate(TIME_MOVE, [explorer, control.bound, control.kind, value])
                    updates, paints = [], []
                    for value in values:
                        update, paint = page.evaluate(
                            TIME_MOVE, [explorer, control.bound, control.kind, value])
                        updates.append(update)
                        paints.append(paint)
                    updates_all += updates
                    paints_all += paints
                    print(f"{explorer:<26}{control.bound:<20}"
                          f"{statistics.median(updates):>14.1f}"
                          f"{np.percentile(updates, 95):>7.1f}{max(updates):>7.1f}"
                          f"{statistics.median(paints):>14.1f}{max(paints):>7.1f}")
                worst = max(worst, float(np.percentile(updates_all, 95)))
                every += updates_all
                print(f"{explorer:<26}{'(all controls)':<20}"
                      f"{statistics.median(updates_all):>14.1f}"
                      f"{np.percentile(updates_all, 95):>7.1f}{max(updates_all):>7.1f}"
                      f"{statistics.median(paints_all):>14.1f}{max(paints_all):>7.1f}")
            page.close()
        browser.close()
    verdict = "meets" if worst < GOAL_MS else "misses"
    print(f"all moves: median {statistics.median(every):.1f} ms; the slowest twin's 95th "
          f"percentile is {worst:.1f} ms ({verdict} the goal of under {GOAL_MS:.0f} ms a move)")
    print()
    print("page weights (bytes, uncompressed)")
    for path, explorers in twin_pages().items():
        html = path.read_text(encoding="utf-8")
        specs = sum(len(part.split("</script>")[0]) for part in
                    html.split('<script type="application/json">')[1:])
        print(f"  {path.name:<40}{len(html.encode()):>10,}  of which twin specifications "
              f"{specs:>9,}  ({', '.join(explorers)})")
    scripts = sorted((SITE / "_static" / "vega").rglob("*.js")) + [
        SITE / "_static" / "socialmath-twins.js"]
    total = sum(p.stat().st_size for p in scripts)
    print(f"  JavaScript the twins load (once for the whole site): {total:,}")
    for script in scripts:
        print(f"    {script.relative_to(SITE)}: {script.stat().st_size:,}")


if __name__ == "__main__":
    sys.exit(main())

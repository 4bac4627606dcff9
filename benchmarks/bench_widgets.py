"""Explorer latency: what a slider move costs, against a full draw of the same figure.

For every explorer exported by ``socialmath.widgets`` and every one of its controls, move the
control 50 times across its range (each position visited once before timing, so cached models
such as the small-world sweep do not count their first computation). For each move, time:

* the model (``compute``) and the artists (``redraw``): ``update()`` without rendering;
* the render: ``explorer.render()``, which blits the moving artists onto the kept background
  (what an ipympl canvas gets on a move), or draws everything for an explorer without blitting;
* a full draw of the same figure (``canvas.draw()``), the cost of a move without blitting.

It prints, per explorer, the median render time as a share of the median full draw (the goal is
35% or less) and the whole move (model + artists + render) beside the full draw.

Run: ``make bench`` or ``.venv/bin/python benchmarks/bench_widgets.py``.
"""

from __future__ import annotations

import inspect
import statistics
import time

import matplotlib
import numpy as np

matplotlib.use("Agg")

import socialmath.widgets as explorers  # noqa: E402

MOVES = 50
GOAL_SHARE = 0.35


def explorer_classes():
    return [cls for name, cls in inspect.getmembers(explorers, inspect.isclass)
            if issubclass(cls, explorers.Explorer) and cls is not explorers.Explorer]


def positions(control, moves: int = MOVES) -> list:
    """``moves`` values across the control's range, alternating ends so each move changes it."""
    if hasattr(control, "options") and not hasattr(control, "min"):
        values = [value for _, value in control.options] if control.options and \
            isinstance(control.options[0], tuple) else list(control.options)
        return [values[i % len(values)] for i in range(moves)]
    grid = np.linspace(control.min, control.max, moves)
    if hasattr(control, "base"):  # a FloatLogSlider: min and max are exponents
        grid = control.base ** grid
    cast = type(control.value)
    return [cast(grid[(i * 17) % moves]) for i in range(moves)]


def ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000


def time_moves(explorer, name: str) -> tuple[list[float], list[float], list[float]]:
    """(update, render, full draw) times in ms for each move of control ``name``."""
    control = explorer.controls[name]
    updates, renders, fulls = [], [], []
    for value in positions(control):
        start = time.perf_counter()
        control.value = value  # observe -> update(): model and artists
        updates.append(ms(start))
        start = time.perf_counter()
        explorer.render()
        renders.append(ms(start))
        start = time.perf_counter()
        explorer.figure.canvas.draw()
        fulls.append(ms(start))
    return updates, renders, fulls


def main() -> None:
    print(f"explorer moves: median ms over {MOVES} moves per control; render = redraw of what "
          f"moves (blitting), full = canvas.draw() of the same figure")
    print(f"{'explorer':<22}{'control':<18}{'model+artists':>14}{'render':>8}{'full':>8}"
          f"{'render/full':>12}{'move/full':>10}")
    worst = 0.0
    for cls in explorer_classes():
        explorer = cls()
        explorer.use_live_layout()  # as an ipympl canvas shows it
        for name in explorer.controls:  # warm-up: fonts, caches, every position's model
            for value in positions(explorer.controls[name]):
                explorer.controls[name].value = value
        explorer.figure.canvas.draw()
        explorer.render()
        every = ([], [], [])
        for name in explorer.controls:
            samples = time_moves(explorer, name)
            for bucket, values in zip(every, samples, strict=True):
                bucket += values
            update, render, full = (statistics.median(v) for v in samples)
            print(f"{cls.__name__:<22}{name:<18}{update:>14.1f}{render:>8.1f}{full:>8.1f}"
                  f"{render / full:>12.0%}{(update + render) / full:>10.0%}")
        update, render, full = (statistics.median(v) for v in every)
        share = render / full
        worst = max(worst, share)
        blits = "blitting" if explorer.moving_artists() else "no blitting: full draws"
        print(f"{cls.__name__:<22}{'(all controls)':<18}{update:>14.1f}{render:>8.1f}{full:>8.1f}"
              f"{share:>12.0%}{(update + render) / full:>10.0%}  ({blits})")
    verdict = "meets" if worst <= GOAL_SHARE else "misses"
    print(f"largest render share: {worst:.0%} of a full draw ({verdict} the goal of "
          f"{GOAL_SHARE:.0%} or less)")


if __name__ == "__main__":
    main()

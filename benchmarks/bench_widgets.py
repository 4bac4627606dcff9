"""Explorer latency: the time from a slider move to a fully drawn figure.

For every explorer exported by ``socialmath.widgets`` and every one of its controls, move the
control 50 times across its range and time the update plus a forced full draw of the figure
(``canvas.draw()``; ``draw_idle`` alone only schedules a draw, so timing it would measure nothing).
For comparison, time drawing a new figure from scratch for the same states.

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
from socialmath.plots.style import house_style, new_figure  # noqa: E402

MOVES = 50
GOAL_MS = 50.0


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


def percentile(samples: list[float], q: float) -> float:
    return float(np.percentile(samples, q))


def time_in_place(explorer, name: str) -> list[float]:
    control = explorer.controls[name]
    samples = []
    for value in positions(control):
        start = time.perf_counter()
        control.value = value
        explorer.figure.canvas.draw()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def time_new_figure(cls, moves: int = 20) -> list[float]:
    explorer = cls()
    samples = []
    for _ in range(moves):
        start = time.perf_counter()
        with house_style():
            figure, axes = new_figure(figsize=explorer.figsize, **explorer.subplot_options())
            explorer.draw(axes, explorer.compute(**explorer.values))
        figure.canvas.draw()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def main() -> None:
    print(f"explorer latency: update + full draw, {MOVES} moves per control (ms)")
    print(f"{'explorer':<22}{'control':<22}{'median':>8}{'p95':>8}")
    worst = 0.0
    for cls in explorer_classes():
        explorer = cls()
        explorer.figure.canvas.draw()  # warm-up: fonts, caches
        every = []
        for name in explorer.controls:
            samples = time_in_place(explorer, name)
            every += samples
            print(f"{cls.__name__:<22}{name:<22}{statistics.median(samples):>8.1f}"
                  f"{percentile(samples, 95):>8.1f}")
        median = statistics.median(every)
        worst = max(worst, median)
        baseline = time_new_figure(cls)
        print(f"{cls.__name__:<22}{'(all controls)':<22}{median:>8.1f}"
              f"{percentile(every, 95):>8.1f}")
        print(f"{cls.__name__:<22}{'(new figure per move)':<22}"
              f"{statistics.median(baseline):>8.1f}{percentile(baseline, 95):>8.1f}")
    verdict = "meets" if worst < GOAL_MS else "misses"
    print(f"slowest explorer median: {worst:.1f} ms ({verdict} the {GOAL_MS:.0f} ms goal)")


if __name__ == "__main__":
    main()

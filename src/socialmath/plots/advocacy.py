"""Chapter 5 figures: inclusion-exclusion as a staircase, reach against the number of
ambassadors, and how concentrated engagement is among them.

>>> from socialmath.plots import new_figure
>>> fig, ax = new_figure()
>>> bars = draw_inclusion_exclusion(ax, [("Ana", 200), ("Ben", 150), ("Ana & Ben", -30)])
>>> [round(bar.get_height()) for bar in bars.steps]
[200, 150, -30]
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from matplotlib.axes import Axes
from matplotlib.container import BarContainer
from matplotlib.lines import Line2D
from matplotlib.text import Text
from matplotlib.ticker import FuncFormatter, NullLocator

from socialmath._validate import (
    require_array,
    require_bool,
    require_instance,
    require_integer,
    require_number,
    require_share,
)
from socialmath.pareto import ALPHA_80_20, lorenz_curve, lorenz_pareto
from socialmath.plots.style import (
    PALETTE,
    format_count,
    label_axes,
    require_axes,
    require_labelled,
    require_text,
)

#: Colours of the curves of :func:`draw_reach_curves`, by label (others take the grey).
CURVE_COLOURS = {
    "greedy": PALETTE["blue"],
    "most-connected": PALETTE["orange"],
    "random": PALETTE["green"],
    "random (median)": PALETTE["green"],
    "sum of contacts": PALETTE["grey"],
    "independence": PALETTE["purple"],
    "unique reach": PALETTE["blue"],
}


# --- inclusion-exclusion ------------------------------------------------------------------------


@dataclass(frozen=True)
class StaircaseArtists:
    """What ``draw_inclusion_exclusion`` made."""

    steps: BarContainer
    union: BarContainer
    title: Text


def draw_inclusion_exclusion(ax: Axes, terms) -> StaircaseArtists:
    """Inclusion-exclusion as a staircase: each term (label, signed size) a bar that starts
    where the running total stands, blue when added and orange when subtracted, then the union.
    The terms before the first subtraction are the single audiences; the title gives their sum.
    """
    require_axes("ax", ax)
    _require_terms(terms)
    labels = [str(label) for label, _ in terms]
    values = np.array([float(value) for _, value in terms])
    running = np.concatenate([[0.0], np.cumsum(values)])
    colours = [PALETTE["blue"] if v >= 0 else PALETTE["orange"] for v in values]
    positions = np.arange(values.size)
    steps = ax.bar(positions, values, bottom=running[:-1], color=colours, width=0.7)
    union = ax.bar([values.size], [running[-1]], color=PALETTE["green"], width=0.7)
    for x, value, bottom in zip(positions, values, running[:-1], strict=True):
        ax.annotate(f"{value:+,.0f}", (x, bottom + max(value, 0)), xytext=(0, 3),
                    textcoords="offset points", ha="center", fontsize=8)
    ax.annotate(f"{running[-1]:,.0f}", (values.size, running[-1]), xytext=(0, 3),
                textcoords="offset points", ha="center", fontsize=9, fontweight="bold")
    ax.set_xticks(list(positions) + [values.size], labels + ["union"], rotation=35, ha="right")
    ax.set_ylim(0, max(running.max(), 1.0) * 1.12)
    negative = np.flatnonzero(values < 0)
    summed = values[:negative[0] if negative.size else values.size].sum()  # the single audiences
    label_axes(ax, "", "people",
               f"Adding the audiences counts {format_count(summed)} people;\n"
               f"inclusion-exclusion finds {format_count(running[-1])}")
    return StaircaseArtists(steps, union, ax.title)


# --- reach against the number of ambassadors ----------------------------------------------------


@dataclass(frozen=True)
class ReachCurveArtists:
    """What ``draw_reach_curves`` made, for ``update_reach_curves`` to move."""

    curves: dict[str, Line2D]
    page: Line2D
    target: Line2D
    marker: Line2D
    labels: dict[str, Text]
    title: Text
    who: str


#: Smallest vertical gap between two curve labels, as a share of the axes' height.
_LABEL_GAP = 0.05


def _curve_title(curves: dict[str, np.ndarray], followers: float, factor: float,
                 at: int | None, who: str) -> str:
    values = next(iter(curves.values()))
    k = len(values) - 1 if at is None else at
    ratio = values[k] / followers
    one = k == 1
    verdict = ("reaches" if one else "reach") if ratio >= factor else (
        "falls short of" if one else "fall short of")
    subject = f"{k:,} ambassador{'' if one else 's'}{' ' + who if who else ''}"
    return (f"{subject} {'reaches' if one else 'reach'} {ratio:.1f}x the page's followers:\n"
            f"{'it' if one else 'they'} {verdict} the {factor:g}x that \"561% further\" needs")


def _heights(ax: Axes, values) -> np.ndarray:
    """Data values on the y axis as shares of the axes' height, from the axis' scale and limits
    alone (not from the axes' place in the figure), so a figure laid out or not gives the same."""
    scale = ax.yaxis.get_transform()
    low, high = scale.transform(np.reshape(ax.get_ylim(), (-1, 1))).ravel()
    scaled = scale.transform(np.reshape(np.asarray(values, dtype=float), (-1, 1))).ravel()
    return (scaled - low) / (high - low)


def _values(ax: Axes, heights) -> np.ndarray:
    """The inverse of :func:`_heights`: shares of the axes' height back to data values."""
    scale = ax.yaxis.get_transform()
    low, high = scale.transform(np.reshape(ax.get_ylim(), (-1, 1))).ravel()
    scaled = low + np.asarray(heights, dtype=float) * (high - low)
    return scale.inverted().transform(np.reshape(scaled, (-1, 1))).ravel()


def _place_curve_labels(ax: Axes, labels: dict[str, Text], curves: dict[str, np.ndarray]) -> None:
    """Put each curve's label at its right-hand end, pushed apart so that none overlap."""
    names = [name for name in curves if name in labels]
    if not names:
        return
    ends = [max(float(curves[name][-1]), ax.get_ylim()[0]) for name in names]
    heights = _heights(ax, ends)
    placed = -1.0
    for i in np.argsort(heights, kind="stable"):
        placed = max(float(heights[i]), placed + _LABEL_GAP)
        heights[i] = placed
    for name, y in zip(names, _values(ax, heights), strict=True):
        labels[name].set_position((len(curves[name]) - 1, float(y)))


def draw_reach_curves(ax: Axes, curves: dict[str, np.ndarray], followers: float,
                      factor: float = 6.61, at: int | None = None, log: bool = False,
                      ylim: tuple[float, float] | None = None, who: str = "",
                      legend: bool = False) -> ReachCurveArtists:
    """People reached against the number of ambassadors k = 0, 1, 2, ... for each curve
    (label -> values at k), with the page's followers and ``factor`` times them as horizontal
    lines, and a marker on the first curve at ``at`` ambassadors (default: the last). ``who``
    describes the first curve's ambassadors in the title ("chosen greedily").

    Curves and lines carry their labels beside them (the curves' at their right-hand end), or
    with ``legend=True`` in a legend across the top, which does not move with them: an explorer
    then redraws no label text on a move. The caller keeps the curves and lines out of the
    legend's band (below a tenth of the top of ``ylim`` on a log scale).
    """
    require_axes("ax", ax)
    _require_curves(curves, followers, factor, at)
    require_bool("log", log)
    require_bool("legend", legend)
    require_text("who", who)
    if ylim is not None:
        _require_ylim(ylim, log)
    if log:
        ax.set_yscale("log")
        ax.yaxis.set_minor_locator(NullLocator())  # decades are enough, and cheaper to redraw
    lines, labels = {}, {}
    for name, values in curves.items():
        k = np.arange(len(values))
        dashed = "--" if name.startswith(("sum of", "independence")) else "-"
        colour = CURVE_COLOURS.get(name, PALETTE["grey"])
        (lines[name],) = ax.plot(k, values, dashed, lw=2.2, color=colour, label=name)
        if not legend:
            labels[name] = ax.text(k[-1], values[-1], f" {name}", fontsize=8.5, va="center",
                                   color=colour)
    page = ax.axhline(followers, color=PALETTE["black"], lw=1.2, ls=":",
                      label="the page's followers")
    target = ax.axhline(factor * followers, color=PALETTE["vermillion"], lw=1.5, ls="-.",
                        label=f"{factor:g}x the followers")
    if not legend:
        labels["page"] = ax.text(0.01, followers, " the page's followers", fontsize=8,
                                 va="bottom", transform=ax.get_yaxis_transform())
        labels["target"] = ax.text(0.01, factor * followers, f" {factor:g}x the followers",
                                   fontsize=8, va="bottom", color=PALETTE["vermillion"],
                                   transform=ax.get_yaxis_transform())
    first = next(iter(curves))
    k_at = len(curves[first]) - 1 if at is None else at
    (marker,) = ax.plot([k_at], [curves[first][k_at]], "o", ms=9, mec="black",
                        color=CURVE_COLOURS.get(first, PALETTE["grey"]))
    longest = max(len(values) for values in curves.values())
    ax.set_xlim(0, (longest - 1) * (1.05 if legend else 1.3))
    if legend:
        ax.legend(handles=[*lines.values(), page, target], loc="upper left",
                  ncol=len(lines) + 2, fontsize=8, handlelength=2.5, columnspacing=1.2)
    if ylim is not None:
        ax.set_ylim(*ylim)
    else:
        top = max(max(float(np.max(v)) for v in curves.values()), factor * followers)
        ax.set_ylim(_log_bottom(curves, followers) if log else 0, top * 1.08)
        ax.yaxis.set_major_formatter(FuncFormatter(lambda value, _: format_count(value)))
    label_axes(ax, "ambassadors, k", "people reached" + (" (log scale)" if log else ""),
               _curve_title(curves, followers, factor, at, who))
    _place_curve_labels(ax, labels, curves)
    return ReachCurveArtists(lines, page, target, marker, labels, ax.title, who)


def update_reach_curves(artists: ReachCurveArtists, curves: dict[str, np.ndarray],
                        followers: float, factor: float = 6.61, at: int | None = None) -> None:
    """Move the artists of ``draw_reach_curves``; the caller redraws the canvas."""
    require_instance("artists", artists, ReachCurveArtists,
                     "what draw_reach_curves returned")
    _require_curves(curves, followers, factor, at)
    unknown = sorted(set(curves) - set(artists.curves))
    if unknown:
        raise ValueError(f"curves must have the labels drawn, {sorted(artists.curves)}, got "
                         f"{unknown} too")
    for name, values in curves.items():
        artists.curves[name].set_data(np.arange(len(values)), values)
    artists.page.set_ydata([followers, followers])
    artists.target.set_ydata([factor * followers] * 2)
    if "page" in artists.labels:
        artists.labels["page"].set_y(followers)
        artists.labels["target"].set_y(factor * followers)
    first = next(iter(curves))
    k_at = len(curves[first]) - 1 if at is None else at
    artists.marker.set_data([k_at], [curves[first][k_at]])
    artists.title.set_text(_curve_title(curves, followers, factor, at, artists.who))
    _place_curve_labels(artists.marker.axes, artists.labels, curves)


# --- concentration ------------------------------------------------------------------------------


def _log_bottom(curves: dict, followers: float) -> float:
    """Where a log scale starts: below the smallest number of people drawn (1 if none)."""
    drawn = np.concatenate([np.asarray(v, dtype=float) for v in curves.values()] + [[followers]])
    positive = drawn[drawn > 0]
    return float(positive.min()) / 1.5 if positive.size else 1.0


def _require_terms(terms: object) -> None:
    if not isinstance(terms, list | tuple) or not terms:
        raise TypeError(f"terms must be a non-empty list of (label, signed size) pairs, got "
                        f"{terms!r}")
    for term in terms:
        if not isinstance(term, list | tuple) or len(term) != 2:
            raise TypeError(f"terms must hold (label, signed size) pairs, got {term!r}")
        require_number(f"the size of {term[0]!r} in terms", term[1])


def _require_curves(curves: object, followers: object, factor: object, at: object) -> None:
    require_labelled("curves", curves, lambda name, values: require_array(name, values, low=0),
                     "people reached at k = 0, 1, 2... ambassadors")
    require_number("followers", followers, low=0)
    require_number("factor", factor, low=0, low_open=True)
    if at is not None:
        require_integer("at", at, low=0, high=len(next(iter(curves.values()))) - 1)


def _require_ylim(ylim: object, log: bool) -> None:
    if not isinstance(ylim, list | tuple) or len(ylim) != 2:
        raise TypeError(f"ylim must be None or a pair (bottom, top), got {ylim!r}")
    bottom = require_number("ylim's bottom", ylim[0], low=0, low_open=log)
    if require_number("ylim's top", ylim[1]) <= bottom:
        raise ValueError(f"ylim must be a pair (bottom, top) with bottom < top, got {ylim!r}")


def draw_concentration(ax: Axes, values, top: float = 0.03,
                       alphas: dict[str, float] | None = None) -> list:
    """The Lorenz curve of ``values`` (engagement per ambassador), with Pareto curves for the
    ``alphas`` given (label -> alpha; default: 80/20) and the share held by the ``top``."""
    require_axes("ax", ax)
    require_share("top", top)
    if alphas is not None:
        require_labelled("alphas", alphas,
                         lambda name, alpha: require_number(name, alpha, low=1),
                         "an alpha >= 1")
    population, held = lorenz_curve(values)
    grid = np.linspace(0.0, 1.0, 201)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.set_aspect("equal")
    ax.plot([0, 1], [0, 1], color=PALETTE["grey"], lw=1, ls="--")
    artists = []
    pareto = {"80/20": ALPHA_80_20} if alphas is None else alphas
    for (label, alpha), colour in zip(pareto.items(), ("vermillion", "purple", "orange"),
                                      strict=False):
        (line,) = ax.plot(grid, lorenz_pareto(alpha, grid), color=PALETTE[colour], lw=1.6,
                          label=f"Pareto, alpha {alpha:.2f} ({label})")
        artists.append(line)
    (data,) = ax.plot(population, held, color=PALETTE["blue"], lw=2.5, label="the employees")
    artists.append(data)
    share = 1.0 - float(np.interp(1.0 - top, population, held))
    (mark,) = ax.plot([1.0 - top], [1.0 - share], "o", ms=8, color=PALETTE["blue"], mec="black")
    artists.append(mark)
    ax.annotate(f"top {top:.0%} hold {share:.0%}", (1.0 - top, 1.0 - share), xytext=(-10, 12),
                textcoords="offset points", ha="right", fontsize=9)
    label_axes(ax, "share of employees, least-connected first", "share of the audience",
               f"The best-connected {top:.0%} of employees hold\n{share:.0%} of the audience")
    ax.legend(loc="upper left", fontsize=8)
    return artists

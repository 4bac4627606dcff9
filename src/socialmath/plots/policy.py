"""Chapter 6 figures: networks growing under each policy, the share of ties that are moderately
weak, the trade-offs side by side, and the decision your weights make.

>>> from socialmath.plots import new_figure
>>> from socialmath.policy import compare_policies
>>> comparison = compare_policies(months=12, seed=0)
>>> fig, ax = new_figure()
>>> artists = draw_growth(ax, comparison)
>>> len(artists.lines)
4
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from matplotlib.axes import Axes
from matplotlib.collections import QuadMesh
from matplotlib.container import BarContainer
from matplotlib.lines import Line2D
from matplotlib.text import Text
from matplotlib.ticker import FuncFormatter

from socialmath._validate import (
    require_count,
    require_instance,
    require_integer,
    require_number,
)
from socialmath.plots.style import (
    PALETTE,
    format_count,
    label_axes,
    require_axes,
    require_labelled,
    require_text,
)
from socialmath.policy import CRITERIA, Decision, PolicyComparison, tie_strength_shares

#: One colour per policy, in the order they are compared.
POLICY_COLOURS = ("vermillion", "blue", "green", "orange", "purple", "sky", "grey")
#: One colour per criterion of the decision.
CRITERION_COLOURS = dict(zip(CRITERIA, ("sky", "orange", "blue", "green", "purple"),
                             strict=True))
#: What each measure of :meth:`NetworkMeasures.as_frame` is called on an axis.
MEASURE_LABELS = {
    "contacts": "contacts",
    "minutes_per_day": "minutes a day to glance at the feed",
    "noise_share": "share of the feed that is noise",
    "share_reciprocated": "share of contacts you can answer",
    "share_within_three": "share of the population within three steps",
    "moderately_weak": "moderately weak ties (expected)",
}


#: Where a Decision comes from, for the messages.
_DECISION = "from PolicyComparison.decide or socialmath.policy.decide"


def _colour(i: int) -> str:
    return PALETTE[POLICY_COLOURS[i % len(POLICY_COLOURS)]]


# --- growth ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GrowthArtists:
    """What ``draw_growth`` made."""

    lines: list[Line2D]
    labels: list[Text]
    title: Text


def draw_growth(ax: Axes, comparison: PolicyComparison, measure: str = "contacts",
                title: str | None = None) -> GrowthArtists:
    """One measure of every policy, month by month, each line labelled at its end."""
    require_axes("ax", ax)
    require_instance("comparison", comparison, PolicyComparison,
                     "from socialmath.policy.compare_policies")
    require_text("title", title, optional=True)
    if not isinstance(measure, str) or measure not in MEASURE_LABELS:
        raise ValueError(f"measure must be one of {list(MEASURE_LABELS)}, got {measure!r}")
    lines, labels = [], []
    months = np.arange(comparison.months + 1)
    ends = []
    for i, run in enumerate(comparison.runs):
        values = np.asarray(run.measures.as_frame()[measure], dtype=float)
        (line,) = ax.plot(months, values, lw=2, color=_colour(i), label=run.policy.name)
        lines.append(line)
        ends.append(values[-1])
    top = max(max(ends), 1e-12)
    placed = _spread(np.asarray(ends), gap=0.06 * top)
    for i, run in enumerate(comparison.runs):
        labels.append(ax.annotate(run.policy.name, (months[-1], ends[i]),
                                  xytext=(months[-1] * 1.02, placed[i]), fontsize=9,
                                  color=_colour(i), va="center", ha="left",
                                  annotation_clip=False))
    ax.set_xlim(0, months[-1] * 1.3)
    ax.set_ylim(bottom=0)
    if measure in ("contacts", "moderately_weak"):  # counts: thousands separated as in the text
        ax.yaxis.set_major_formatter(FuncFormatter(lambda y, _: f"{y:,.0f}"))
    label_axes(ax, "months", MEASURE_LABELS[measure],
               title or f"{MEASURE_LABELS[measure].capitalize()}, month by month")
    return GrowthArtists(lines, labels, ax.title)


def draw_by_size(ax: Axes, comparison: PolicyComparison, measure: str = "moderately_weak",
                 names: Sequence[str] | None = None, title: str | None = None) -> GrowthArtists:
    """One measure of the policies called ``names`` (default: all) against their number of
    contacts, month by month, each line's highest point marked and labelled with its size (the
    ``labels`` of the result).

    >>> from socialmath.plots import new_figure
    >>> from socialmath.policy import compare_policies
    >>> fig, ax = new_figure()
    >>> artists = draw_by_size(ax, compare_policies(months=12, seed=0), names=["genuine only"])
    >>> len(artists.lines), artists.labels[0].get_text().endswith("contacts")
    (1, True)
    """
    require_axes("ax", ax)
    if not isinstance(comparison, PolicyComparison):
        raise TypeError(f"comparison must be a PolicyComparison (policy.compare_policies()), "
                        f"got {type(comparison).__name__}")
    if title is not None:
        require_text("title", title)
    measures = [name for name in MEASURE_LABELS if name != "contacts"]
    if not isinstance(measure, str) or measure not in measures:
        raise ValueError(f"measure must be one of {measures}, got {measure!r}")
    if names is not None and (isinstance(names, str) or not isinstance(names, Sequence)):
        raise TypeError(f"names must be a list of policy names among {comparison.names}, got "
                        f"{names!r} ({type(names).__name__})")
    chosen = comparison.names if names is None else list(names)
    unknown = [name for name in chosen if not isinstance(name, str)
               or name not in comparison.names]
    if unknown or not chosen:
        raise ValueError(f"names must be a non-empty list of policies among {comparison.names}, "
                         f"got {names!r}")
    lines, labels = [], []
    for i, run in enumerate(comparison.runs):
        if run.policy.name not in chosen:
            continue
        frame = run.measures.as_frame()
        sizes = np.asarray(frame["contacts"], dtype=float)
        values = np.asarray(frame[measure], dtype=float)
        (line,) = ax.plot(sizes, values, lw=2, color=_colour(i), label=run.policy.name)
        top = int(values.argmax())
        ax.plot([sizes[top]], [values[top]], "o", color=_colour(i))
        text = f"{format_count(values[top])} at {format_count(sizes[top])} contacts"
        labels.append(ax.annotate(text, (sizes[top], values[top]), xytext=(6, 6),
                                  textcoords="offset points", fontsize=8, color=_colour(i)))
        lines.append(line)
    if labels:  # the leftmost peak's label goes to its left, away from the others
        first = min(labels, key=lambda label: label.xy[0])
        first.set_position((-6, 6))
        first.set_horizontalalignment("right")
    ax.set_ylim(bottom=0, top=ax.get_ylim()[1] * 1.12)
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: f"{x:,.0f}"))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda y, _: f"{y:,.0f}"))
    ax.legend(loc="lower center", fontsize=8)
    label_axes(ax, "contacts", MEASURE_LABELS[measure],
               title or f"{MEASURE_LABELS[measure].capitalize()} by network size")
    return GrowthArtists(lines, labels, ax.title)


def _spread(values: np.ndarray, gap: float) -> np.ndarray:
    """Label heights near ``values`` but at least ``gap`` apart (kept in the given order's rank)."""
    order = np.argsort(values)
    placed = values.astype(float).copy()
    for previous, current in zip(order[:-1], order[1:], strict=True):
        placed[current] = max(placed[current], placed[previous] + gap)
    return placed


# --- tie strength ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class TieArtists:
    """What ``draw_tie_bands`` made."""

    curves: dict[str, Line2D]
    markers: list[Line2D]
    title: Text


def draw_tie_bands(ax: Axes, low: int, high: int, markers: Mapping[str, float] | None = None,
                   largest: float = 40.0, title: str | None = None) -> TieArtists:
    """The share of ties with fewer than ``low``, ``low..high`` and more than ``high`` mutual
    connections, against the expected number of mutual connections (Poisson counts), with
    ``markers`` (label -> expected mutual connections) drawn as vertical lines, each labelled
    along its line in the lower half, where the curves leave room. ``title`` should state the
    finding (default: where the band lies)."""
    require_axes("ax", ax)
    low = require_count("low", low, high=100_000)  # named here, not as weak_low
    require_integer("high", high, low=low, high=100_000)
    require_number("largest", largest, low=0, high=100_000, low_open=True)
    if markers is not None:
        require_labelled("markers", markers, lambda name, mean: require_number(
            name, mean, low=0), "an expected number of mutual connections")
    if title is not None:
        require_text("title", title)
    means = np.linspace(0.0, largest, 401)
    weakest, moderate, strong = tie_strength_shares(means, low, high)
    curves = {}
    for name, values, colour, style in (
            (f"weakest: fewer than {low}", weakest, "grey", ":"),
            (f"moderately weak: {low} to {high}", moderate, "green", "-"),
            (f"strong: more than {high}", strong, "purple", "--")):
        (curves[name],) = ax.plot(means, values, style, lw=2.5, color=PALETTE[colour], label=name)
    lines = []
    for label, mean in (markers or {}).items():
        line = ax.axvline(mean, color=PALETTE["black"], lw=1, alpha=0.6)
        ax.text(mean, 0.22, f"{label} ", fontsize=8, va="bottom", ha="right", rotation=90,
                transform=ax.get_xaxis_transform(),
                bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.8, "pad": 1})
        lines.append(line)
    ax.set_xlim(0, largest)
    ax.set_ylim(0, 1.05)
    ax.legend(loc="center right", fontsize=8)
    label_axes(ax, "expected mutual connections of a contact", "share of such ties",
               title or f"A tie is moderately weak with {low} to {high} mutual connections")
    return TieArtists(curves, lines, ax.title)


# --- the trade-offs side by side ------------------------------------------------------------------


@dataclass(frozen=True)
class TradeoffArtists:
    """What ``draw_tradeoffs`` made, for ``update_tradeoffs`` to change."""

    cells: QuadMesh
    texts: np.ndarray
    title: Text


def _value_text(criterion: str, value: float) -> str:
    if criterion == "weak_ties":
        return format_count(round(value))
    return f"{value:.0%}" if value >= 0.01 or value == 0 else f"{value:.1%}"


def draw_tradeoffs(ax: Axes, decision: Decision) -> TradeoffArtists:
    """Each policy (row) on each criterion (column): the colour is the score relative to the best
    policy on that criterion, the text the value itself. The cells are a mesh (cheaper to redraw
    than an image), row 0 at the top."""
    require_axes("ax", ax)
    require_instance("decision", decision, Decision, _DECISION)
    scores = decision.scores.to_numpy()
    rows, cols = scores.shape
    cells = ax.pcolormesh(np.arange(cols + 1) - 0.5, np.arange(rows + 1) - 0.5, scores,
                          cmap="Blues", vmin=0, vmax=1)
    ax.set_xlim(-0.5, cols - 0.5)
    ax.set_ylim(rows - 0.5, -0.5)
    texts = np.empty(scores.shape, dtype=object)
    for row in range(scores.shape[0]):
        for col in range(scores.shape[1]):
            texts[row, col] = ax.text(col, row, "", ha="center", va="center", fontsize=9)
    ax.set_xticks(range(len(CRITERIA)),
                  [c.label.replace(" ", "\n", 1) for c in CRITERIA.values()], fontsize=8)
    ax.grid(False)
    label_axes(ax, "", "", "")
    artists = TradeoffArtists(cells, texts, ax.title)
    update_tradeoffs(artists, decision)
    return artists


def update_tradeoffs(artists: TradeoffArtists, decision: Decision) -> None:
    """Show ``decision``'s scores and values in the artists of ``draw_tradeoffs``."""
    require_instance("artists", artists, TradeoffArtists, "what draw_tradeoffs returned")
    require_instance("decision", decision, Decision, _DECISION)
    scores = decision.scores.to_numpy()
    artists.cells.set_array(scores)
    artists.title.set_text(_tradeoff_finding(decision) + "\n" + (
        "(darker = closer to the best policy)" if decision.scale == "relative"
        else "(darker = closer to 100%)"))
    _row_names(artists.cells.axes, list(decision.scores.index))
    values = decision.values.to_numpy(dtype=float)
    for row in range(values.shape[0]):
        for col, criterion in enumerate(decision.values.columns):
            text = artists.texts[row, col]
            text.set_text(_value_text(criterion, values[row, col]))
            text.set_color("white" if scores[row, col] > 0.6 else "black")


def _tradeoff_finding(decision: Decision) -> str:
    """What the grid shows, in a line: whether one policy is at least as good as every other on
    every criterion."""
    values = decision.values
    best_everywhere = [name for name in values.index
                       if (values.loc[name] >= values.max(axis=0) - 1e-12).all()]
    if best_everywhere:
        return f"{best_everywhere[0]} is best on every criterion"
    return "No policy is best on every criterion"


def _row_names(ax: Axes, names: list[str]) -> None:
    """Name the rows 0, 1, 2... of ``ax`` on its y axis (left alone when they already read so)."""
    if [label.get_text() for label in ax.get_yticklabels()] != names:
        ax.set_yticks(range(len(names)), names, fontsize=9)


# --- the decision ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class DecisionArtists:
    """What ``draw_decision`` made, for ``update_decision`` to move."""

    segments: dict[str, BarContainer]
    totals: list[Text]
    title: Text


def draw_decision(ax: Axes, decision: Decision) -> DecisionArtists:
    """Each policy's total score as a bar stacked from its criteria's weighted scores."""
    require_axes("ax", ax)
    require_instance("decision", decision, Decision, _DECISION)
    rows = np.arange(len(decision.totals))
    segments = {}
    for name, criterion in CRITERIA.items():
        segments[name] = ax.barh(rows, np.zeros(rows.size), height=0.6,
                                 color=PALETTE[CRITERION_COLOURS[name]], label=criterion.label)
    totals = [ax.text(0, row, "", va="center", ha="left", fontsize=9) for row in rows]
    ax.set_xlim(0, 1.18)
    ax.invert_yaxis()
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=3, fontsize=8)
    label_axes(ax, "", "", "")
    artists = DecisionArtists(segments, totals, ax.title)
    update_decision(artists, decision)
    return artists


def update_decision(artists: DecisionArtists, decision: Decision) -> None:
    """Move the bars of ``draw_decision`` to ``decision``'s contributions and totals."""
    require_instance("artists", artists, DecisionArtists, "what draw_decision returned")
    require_instance("decision", decision, Decision, _DECISION)
    left = np.zeros(len(decision.totals))
    for name, bars in artists.segments.items():
        widths = decision.contributions[name].to_numpy()
        for bar, start, width in zip(bars, left, widths, strict=True):
            bar.set_x(start)
            bar.set_width(width)
        left = left + widths
    for text, total in zip(artists.totals, decision.totals.to_numpy(), strict=True):
        text.set_x(total + 0.01)
        text.set_text(f"{total:.2f}")
    ax = artists.title.axes
    _row_names(ax, list(decision.totals.index))
    ax.set_xlabel("total score (1 = " + ("the best policy on all you weigh)"
                                         if decision.scale == "relative"
                                         else "100% on all you weigh)"))
    # The verdict is short: an explorer redraws it on every move (the totals are beside the bars).
    artists.title.set_text(decision.verdict)

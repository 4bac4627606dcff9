"""Chapter 4 figures: a network growing unequal, its degree tail, and the friendship paradox.

The reach figures of the same chapter (funnel, cascades, thresholds, tipping point) are in
:mod:`socialmath.plots.reach`.

>>> from socialmath.branding import grow_network
>>> from socialmath.plots import new_figure
>>> fig, ax = new_figure()
>>> artists = draw_growth(ax, grow_network(2000, 3, seed=1))
>>> artists.top1.get_xdata()[-1]
np.int64(2000)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from matplotlib.axes import Axes
from matplotlib.collections import PathCollection
from matplotlib.legend import Legend
from matplotlib.lines import Line2D
from matplotlib.text import Text

from socialmath._validate import require_array, require_instance
from socialmath.branding.growth import Growth, degree_shares
from socialmath.branding.paradox import FriendshipParadox
from socialmath.plots.style import (
    PALETTE,
    format_count,
    label_axes,
    require_axes,
    require_labelled,
)

#: The growth figure's y-axis: shares from 0 to at least this.
GROWTH_Y_TOP = 0.6

__all__ = [
    "GrowthArtists",
    "ParadoxArtists",
    "ccdf",
    "draw_degree_tail",
    "draw_growth",
    "draw_paradox",
    "update_growth",
    "update_paradox",
]


def ccdf(values) -> tuple[np.ndarray, np.ndarray]:
    """The distinct values and, for each, the share of values at least that large.

    >>> x, share = ccdf([1, 1, 2, 5])
    >>> x.tolist(), share.tolist()
    ([1, 2, 5], [1.0, 0.5, 0.25])
    """
    require_array("values", values)
    data = np.sort(np.asarray(values))
    points, first = np.unique(data, return_index=True)
    return points, 1.0 - first / data.size


# --- growth ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GrowthArtists:
    """What ``draw_growth`` made, for ``update_growth`` to move."""

    top1: Line2D
    gini: Line2D
    references: dict[str, Line2D]
    title: Text
    note: Text
    legend: Legend


def _growth_title(growth: Growth) -> str:
    rule = _rule_name(growth.preferential_share)
    return (f"{rule}: the best-connected 1% hold {growth.top1[-1]:.0%}\n"
            f"of all contacts among {format_count(growth.n)} people")


def _rule_name(share: float) -> str:
    if share == 1.0:
        return "Preferential attachment"
    if share == 0.0:
        return "Uniform attachment"
    return f"{share:.0%} of links by popularity"


def _growth_note(growth: Growth) -> str:
    return (f"Gini index: {growth.gini[-1]:.2f}\n"
            f"largest hub: {format_count(growth.max_degree[-1])} contacts\n"
            f"mean: {growth.graph.mean_degree:.1f} contacts")


#: Line styles of the reference rules, in the order given: dashed, then dotted.
_REFERENCE_STYLES = ("--", ":")


def draw_growth(ax: Axes, growth: Growth,
                references: dict[str, Growth] | None = None) -> GrowthArtists:
    """The top-1% share of contacts and the Gini index as the network grows (people on a log
    scale), with the top-1% share of ``references`` (other rules, same size) as thin grey lines,
    the first dashed and the second dotted. The reference lines are drawn over the live ones, so
    a reference equal to the live rule still shows; a legend names every line."""
    require_axes("ax", ax)
    require_instance("growth", growth, Growth, "from socialmath.branding.grow_network")
    if references is not None:
        require_labelled("references", references, lambda name, other: require_instance(
            name, other, Growth, "from socialmath.branding.grow_network"), "a Growth")
    ax.set_xscale("log")
    references = references or {}
    (top1,) = ax.plot(growth.sizes, growth.top1, "-", color=PALETTE["vermillion"], lw=2.5,
                      label="top-1% share of contacts")
    (gini,) = ax.plot(growth.sizes, growth.gini, "-", color=PALETTE["blue"], lw=2,
                      label="Gini index")
    lines = {}
    for (name, other), dash in zip(references.items(), _REFERENCE_STYLES, strict=False):
        (lines[name],) = ax.plot(other.sizes, other.top1, dash, color="black", lw=1.2,
                                 alpha=0.75, label=f"top-1% share, {name}")
    label_axes(ax, "people who have joined (log scale)", "share of contacts, or Gini index",
               _growth_title(growth))
    note = ax.text(0.98, 0.97, _growth_note(growth), transform=ax.transAxes, ha="right",
                   va="top", fontsize=9, bbox={"boxstyle": "round", "fc": "white",
                                               "ec": PALETTE["grey"], "alpha": 0.9})
    legend = ax.legend(loc="upper left", fontsize=8)
    artists = GrowthArtists(top1, gini, lines, ax.title, note, legend)
    _place_growth(ax, artists, growth, references)
    return artists


def update_growth(artists: GrowthArtists, growth: Growth,
                  references: dict[str, Growth] | None = None) -> None:
    """Move the artists of ``draw_growth``; the caller redraws the canvas."""
    require_instance("artists", artists, GrowthArtists, "what draw_growth returned")
    require_instance("growth", growth, Growth, "from socialmath.branding.grow_network")
    if references is not None:
        require_labelled("references", references, lambda name, other: require_instance(
            name, other, Growth, "from socialmath.branding.grow_network"), "a Growth")
    artists.top1.set_data(growth.sizes, growth.top1)
    artists.gini.set_data(growth.sizes, growth.gini)
    for name, other in (references or {}).items():
        if name in artists.references:
            artists.references[name].set_data(other.sizes, other.top1)
    artists.title.set_text(_growth_title(growth))
    artists.note.set_text(_growth_note(growth))
    _place_growth(artists.top1.axes, artists, growth, references or {})


def _place_growth(ax: Axes, artists: GrowthArtists, growth: Growth,
                  references: dict[str, Growth]) -> None:
    # Head room above the curves for the legend (top left) and the note (top right).
    highest = max([GROWTH_Y_TOP, float(growth.gini.max()) * 1.6, float(growth.top1.max()) * 1.6,
                   *(float(other.top1.max()) * 1.6 for other in references.values())])
    ax.set_ylim(0, highest)
    ax.set_xlim(growth.sizes[0], growth.sizes[-1])


# --- the degree tail ------------------------------------------------------------------------------


def draw_degree_tail(ax: Axes, growths: dict[str, Growth]) -> dict[str, tuple[Line2D, Line2D]]:
    """Share of people with at least k contacts against k, both on log scales (the
    complementary cumulative distribution), for each grown network, with the large-network law of
    :func:`socialmath.branding.degree_shares` as a thin line. Returns, per name, the points and the
    law."""
    require_axes("ax", ax)
    require_labelled("growths", growths, lambda name, growth: require_instance(
        name, growth, Growth, "from socialmath.branding.grow_network"), "a Growth")
    ax.set_xscale("log")
    ax.set_yscale("log")
    colours = [PALETTE["vermillion"], PALETTE["blue"], PALETTE["green"]]
    drawn = {}
    lowest = 1.0
    for (name, growth), colour in zip(growths.items(), colours, strict=False):
        k, share = ccdf(growth.degrees[growth.degrees > 0])
        (points,) = ax.plot(k, share, "o", ms=3, color=colour, alpha=0.7,
                            label=f"{name} (simulated)")
        shares = degree_shares(growth.m, int(k.max()), growth.preferential_share)
        law_ccdf = 1.0 - np.concatenate([[0.0], np.cumsum(shares)[:-1]])
        grid = np.arange(growth.m, int(k.max()) + 1)
        (law,) = ax.plot(grid, law_ccdf[grid], "-", color="black", lw=1, alpha=0.7)
        drawn[name] = (points, law)
        lowest = min(lowest, float(share.min()))
    if drawn:
        next(iter(drawn.values()))[1].set_label("theory, for a very large network")
    ax.set_ylim(lowest / 2, 1.5)
    label_axes(ax, "contacts, k (log scale)", "share of people with at least k (log scale)",
               "Preferential attachment grows a long tail;\nuniform attachment does not")
    ax.legend(loc="lower left", fontsize=9)
    return drawn


# --- the friendship paradox -----------------------------------------------------------------------


@dataclass(frozen=True)
class ParadoxArtists:
    """What ``draw_paradox`` made, for ``update_paradox`` to move."""

    people: PathCollection
    diagonal: Line2D
    mean: Line2D
    friend_mean: Line2D
    title: Text
    note: Text


def _paradox_title(paradox: FriendshipParadox) -> str:
    return (f"{paradox.share_below:.0%} of people have fewer contacts\n"
            f"than their contacts have on average")


def _paradox_note(paradox: FriendshipParadox) -> str:
    return (f"mean contacts of a person: {paradox.mean_degree:.2f}\n"
            f"mean contacts of a friend: {paradox.mean_friend_degree:.2f}\n"
            f"mean + variance / mean:    {paradox.feld_identity:.2f}")


def draw_paradox(ax: Axes, paradox: FriendshipParadox, degrees: np.ndarray,
                 friends_mean: np.ndarray) -> ParadoxArtists:
    """Each person as a point: their contacts (x) against their contacts' mean (y). Points above
    the diagonal are people whose contacts have more contacts than they do. Dashed lines mark
    the mean contacts of a person and of a friend; a legend (lower right, where points are
    fewest) names the three lines."""
    require_axes("ax", ax)
    require_instance("paradox", paradox, FriendshipParadox,
                     "from socialmath.branding.friendship_paradox")
    degrees, friends_mean = _require_people(degrees, friends_mean)
    (diagonal,) = ax.plot([], [], "-", color=PALETTE["grey"], lw=1,
                          label="as many as you (above: they have more)")
    few = degrees.size <= 50  # a small group: big, solid points; a large one: small, see-through
    people = ax.scatter(*_points(degrees, friends_mean), s=70 if few else 14,
                        color=PALETTE["blue"], alpha=0.8 if few else 0.35, edgecolors="none")
    mean = ax.axvline(paradox.mean_degree, color=PALETTE["orange"], ls="--", lw=1.5,
                      label="a person's mean contacts")
    friend_mean = ax.axhline(paradox.mean_friend_degree, color=PALETTE["vermillion"], ls="--",
                             lw=1.5, label="a friend's mean contacts")
    label_axes(ax, "your contacts", "your contacts' mean number of contacts",
               _paradox_title(paradox))
    note = ax.text(0.98, 0.03, _paradox_note(paradox), transform=ax.transAxes, ha="right",
                   va="bottom", fontsize=9, family="monospace",
                   bbox={"boxstyle": "round", "fc": "white", "ec": PALETTE["grey"],
                         "alpha": 0.9})
    ax.legend(handles=[diagonal, mean, friend_mean], loc="lower right",
              bbox_to_anchor=(1.0, 0.2), fontsize=8)
    artists = ParadoxArtists(people, diagonal, mean, friend_mean, ax.title, note)
    _scale_paradox(ax, artists, degrees, friends_mean)
    return artists


def update_paradox(artists: ParadoxArtists, paradox: FriendshipParadox, degrees: np.ndarray,
                   friends_mean: np.ndarray) -> None:
    """Move the artists of ``draw_paradox``; the caller redraws the canvas."""
    require_instance("artists", artists, ParadoxArtists, "what draw_paradox returned")
    require_instance("paradox", paradox, FriendshipParadox,
                     "from socialmath.branding.friendship_paradox")
    degrees, friends_mean = _require_people(degrees, friends_mean)
    artists.people.set_offsets(np.column_stack(_points(degrees, friends_mean)))
    artists.mean.set_xdata([paradox.mean_degree] * 2)
    artists.friend_mean.set_ydata([paradox.mean_friend_degree] * 2)
    artists.title.set_text(_paradox_title(paradox))
    artists.note.set_text(_paradox_note(paradox))
    _scale_paradox(artists.people.axes, artists, degrees, friends_mean)


def _require_people(degrees: object, friends_mean: object) -> tuple[np.ndarray, np.ndarray]:
    """Each person's contacts and their contacts' mean, one pair per person, someone connected
    (the mean is NaN for people without contacts, and not drawn)."""
    degrees = require_array("degrees", degrees, low=0)
    if not np.any(degrees > 0):
        raise ValueError("degrees must hold at least one person with contacts, got none")
    try:
        means = np.array(friends_mean, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(f"friends_mean must be an array of numbers, got "
                        f"{type(friends_mean).__name__}") from None
    if isinstance(friends_mean, str | bytes) or means.ndim != 1 or means.size != degrees.size:
        raise ValueError(f"friends_mean must hold one number per person of degrees "
                         f"({degrees.size}), got {friends_mean!r}")
    known = means[degrees > 0]
    if not np.all(np.isfinite(known)) or np.any(known < 0):
        raise ValueError("friends_mean must hold finite numbers >= 0 for everyone with contacts "
                         "(NaN only for people without), got a NaN, an infinity or a negative")
    return degrees, means


def _points(degrees: np.ndarray, friends_mean: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    connected = degrees > 0
    return degrees[connected].astype(float), friends_mean[connected]


def _scale_paradox(ax: Axes, artists: ParadoxArtists, degrees: np.ndarray,
                   friends_mean: np.ndarray) -> None:
    """Log scales once contacts span more than a factor of 20; limits that fit every point."""
    x, y = _points(degrees, friends_mean)
    top = float(max(x.max(), y.max())) * 1.3
    wide = top / max(float(min(x.min(), y.min())), 1.0) > 20
    scale = "log" if wide else "linear"
    ax.set_xscale(scale)
    ax.set_yscale(scale)
    low = 0.8 if wide else 0.0
    ax.set_xlim(low, top)
    ax.set_ylim(low, top)
    artists.diagonal.set_data([max(low, 0.5), top], [max(low, 0.5), top])

"""Chapter 3 figures: published distances over time, a distance distribution, Watts and
Strogatz's small world, and reach by degree.

>>> from socialmath.datasets import small_world_studies
>>> from socialmath.plots import new_figure
>>> fig, ax = new_figure()
>>> artists = draw_studies(ax, small_world_studies())
>>> len(artists.labels)
8
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.container import BarContainer
from matplotlib.legend import Legend
from matplotlib.lines import Line2D
from matplotlib.text import Text
from matplotlib.ticker import FixedLocator, NullLocator

from socialmath._validate import require_instance
from socialmath.plots.style import PALETTE, format_count, label_axes, require_axes, require_text
from socialmath.separation import DistanceDistribution, ReachEstimate, SmallWorldSweep

#: Fixed limits of the small-world figure, so every slider position fits.
P_LIMITS = (1e-4, 1.0)
#: Fixed limits (people) of the reach figure: bars and markers stay within REACH_LIMITS, and the
#: axes reach up to REACH_TOP, leaving a band above them for the legend.
REACH_LIMITS = (1.0, 1e13)
REACH_TOP = 1e17


#: Where each study's label goes (points right/up of the marker, alignment), to avoid overlaps.
_LABEL_PLACES = {
    "milgram1967": (8, -12, "left"),
    "dodds2003": (-8, -4, "right"),
    "leskovec2008": (8, 2, "left"),
    "bakhshandeh2011": (-8, -4, "right"),
    "backstrom2012": (-8, 4, "right"),
    "edunov2016": (-8, -12, "right"),
}


# --- the studies --------------------------------------------------------------------------------

#: Columns ``draw_studies`` reads.
STUDY_COLUMNS = ("study", "year", "source", "status", "measure", "reported", "distance",
                 "distance_low", "distance_high", "range_of")


@dataclass(frozen=True)
class StudiesArtists:
    """What ``draw_studies`` made: the single figures (source read, and through a secondary
    source), the ranges by what they describe (``ranges["chains"]`` etc., keys of
    :data:`socialmath.datasets.RANGES`), the fictional maximum's two readings, the figures whose
    unit is unclear, the study labels and the title."""

    points: Line2D
    secondary: Line2D
    ranges: dict
    readings: Line2D
    unclear: Line2D
    labels: list
    title: Text


#: Default title of the studies figure; the notebook states its own finding.
STUDIES_TITLE = "Published degrees-of-separation figures, as distances"

#: How each kind of range is drawn: colour, line width, legend label.
_RANGE_STYLES = {
    "chains": (PALETTE["sky"], 2, "single chains, shortest to longest"),
    "figure": (PALETTE["green"], 6, "a figure given as a range"),
}


def draw_studies(ax: Axes, studies: pd.DataFrame, title: str = STUDIES_TITLE) -> StudiesArtists:
    """Each study's reported figure as a distance (links), against the year, with the number of
    intermediaries on the right-hand axis.

    Filled circles are single figures read in the source (V), open circles figures read through
    a secondary source (V2). A thin bar spans single chains from the shortest to the longest, a
    thick bar a figure the study gives as a range. Karinthy's bet, a fictional maximum that reads
    as 5 or 6 links, is two downward triangles joined by a dashed line. A figure whose unit is
    unclear is a cross at its reported value. ``title`` should say the finding.
    """
    require_axes("ax", ax)
    require_instance("studies", studies, pd.DataFrame,
                     "from socialmath.datasets.small_world_studies")
    missing = [column for column in STUDY_COLUMNS if column not in studies.columns]
    if missing:
        raise ValueError(f"studies must have the columns {list(STUDY_COLUMNS)} (as "
                         f"small_world_studies() returns), missing {missing}")
    if studies.empty:
        raise ValueError("studies must hold at least one study, got an empty table")
    if not isinstance(title, str):
        raise TypeError(f"title must be a string, got {title!r} ({type(title).__name__})")
    single = studies.dropna(subset=["distance"])
    primary = single[single["status"] == "V"]
    secondary = single[single["status"] != "V"]
    (points,) = ax.plot(primary["year"], primary["distance"], "o", ms=9, color=PALETTE["blue"],
                        label="mean or median distance (source read)", zorder=3)
    (second,) = ax.plot(secondary["year"], secondary["distance"], "o", ms=9, mfc="white",
                        color=PALETTE["blue"], label="same, through a secondary source",
                        zorder=3)
    ranges = {}
    for kind, (colour, width, label) in _RANGE_STYLES.items():
        rows = studies[(studies["range_of"] == kind)].dropna(subset=["distance_low",
                                                                      "distance_high"])
        if not rows.empty:
            ranges[kind] = ax.vlines(rows["year"], rows["distance_low"], rows["distance_high"],
                                     color=colour, lw=width, alpha=0.8, label=label, zorder=2)
    bets = studies[studies["range_of"] == "readings"].dropna(subset=["distance_low",
                                                                     "distance_high"])
    years = np.repeat(bets["year"].to_numpy(dtype=float), 3)
    ends = np.column_stack([bets["distance_low"], bets["distance_high"],
                            np.full(len(bets), np.nan)]).ravel()
    (readings,) = ax.plot(years, ends, "v--", ms=8, color=PALETTE["purple"],
                          label="a fictional maximum, read two ways")
    vague = studies[(studies["measure"] == "unclear") & studies["distance_low"].isna()]
    (unclear,) = ax.plot(vague["year"], vague["reported"], "X", ms=9, color=PALETTE["vermillion"],
                         label="figure whose unit is unclear")
    labels = []
    for _, row in studies.iterrows():
        y = next((row[c] for c in ("distance", "distance_high", "reported") if pd.notna(row[c])),
                 np.nan)
        dx, dy, align = _LABEL_PLACES.get(row["source"], (6, 4, "left"))
        labels.append(ax.annotate(f"{row['study']} {row['year']}", (row["year"], y),
                                  xytext=(dx, dy), textcoords="offset points", fontsize=8,
                                  ha=align))
    ax.set_xlim(1920, 2040)
    ax.set_ylim(2, 12)
    right = ax.secondary_yaxis("right", functions=(lambda d: d - 1, lambda i: i + 1))
    right.set_ylabel("intermediaries (distance - 1)")
    label_axes(ax, "year", "distance (links in the chain)", title)
    ax.legend(loc="upper right", fontsize=8)
    return StudiesArtists(points, second, ranges, readings, unclear, labels, ax.title)


# --- a distance distribution ----------------------------------------------------------------------


@dataclass(frozen=True)
class DistanceArtists:
    """What ``draw_distance_distribution`` made."""

    bars: BarContainer
    mean: Line2D
    title: Text


def draw_distance_distribution(ax: Axes, dist: DistanceDistribution,
                               what: str = "pairs") -> DistanceArtists:
    """Share of (reachable) pairs at each distance, with the mean distance marked. ``what`` names
    the pairs in the labels ("pairs", "pairs of colleagues"...)."""
    require_axes("ax", ax)
    require_instance("dist", dist, DistanceDistribution,
                     "from socialmath.separation.distance_distribution")
    require_text("what", what)
    if dist.reachable_pairs == 0:
        raise ValueError(f"dist must have at least one connected pair to draw, got none "
                         f"({dist.n_nodes:,} node(s), {dist.n_sources:,} source(s))")
    distances = np.arange(1, dist.counts.size)
    shares = dist.shares[1:]
    bars = ax.bar(distances, shares, color=PALETTE["blue"], width=0.7, label=f"share of {what}")
    mean = ax.axvline(dist.mean, color=PALETTE["vermillion"], lw=2, ls="--",
                      label=f"mean distance {dist.mean:.2f}")
    mode = int(distances[np.argmax(shares)]) if shares.size else 0
    ax.set_xticks(distances)
    label_axes(ax, "distance (links)", f"share of {what}",
               f"Most {what} are {mode} links apart; the mean is {dist.mean:.2f}")
    ax.legend(loc="upper right")
    return DistanceArtists(bars, mean, ax.title)


# --- the small world ------------------------------------------------------------------------------


@dataclass(frozen=True)
class SmallWorldArtists:
    """What ``draw_small_world`` made, for ``update_small_world`` to move."""

    distance_curve: Line2D
    clustering_curve: Line2D
    distance_point: Line2D
    clustering_point: Line2D
    title: Text
    note: Text
    labels: dict[str, Text]


#: Rewiring shares at which the two curves carry their labels.
CURVE_LABEL_P = {"distance": 3e-3, "clustering": 1.3e-4}


def _small_world_title(point: SmallWorldSweep) -> str:
    p = point.p[0]
    return (f"At p = {p:.2g}, distances shrink to {point.relative_distance[0]:.0%} of the ring's\n"
            f"while clustering keeps {point.relative_clustering[0]:.0%}")


def _small_world_note(point: SmallWorldSweep) -> str:
    return (f"n = {format_count(point.n)}, k = {point.k}\n"
            f"L(0) = {point.mean_distance_ring:.1f}, L(p) = {point.mean_distance[0]:.2f}\n"
            f"C(0) = {point.clustering_ring:.3f}, C(p) = {point.clustering[0]:.3f}")


def draw_small_world(ax: Axes, curve: SmallWorldSweep, point: SmallWorldSweep) -> SmallWorldArtists:
    """Watts and Strogatz's figure (``watts1998``): L(p)/L(0) and C(p)/C(0) against the rewiring
    share p on a log scale, with ``point`` (a one-p sweep) marked."""
    require_axes("ax", ax)
    _require_sweeps(curve, point)
    ax.set_xscale("log")
    ax.set_xlim(*P_LIMITS)
    ax.set_ylim(0, 1.08)
    (distance_curve,) = ax.plot(curve.p, curve.relative_distance, "-", color=PALETTE["blue"],
                                lw=2)
    (clustering_curve,) = ax.plot(curve.p, curve.relative_clustering, "-",
                                  color=PALETTE["orange"], lw=2)
    (distance_point,) = ax.plot(point.p, point.relative_distance, "o", ms=10,
                                color=PALETTE["blue"], mec="black")
    (clustering_point,) = ax.plot(point.p, point.relative_clustering, "s", ms=10,
                                  color=PALETTE["orange"], mec="black")
    label_axes(ax, "share of edges rewired, p (log scale)", "relative to the ring (p = 0)",
               _small_world_title(point))
    note = ax.text(0.02, 0.04, _small_world_note(point), transform=ax.transAxes, fontsize=9,
                   va="bottom", bbox={"boxstyle": "round", "fc": "white",
                                      "ec": PALETTE["grey"], "alpha": 0.9})
    labels = {
        "distance": ax.text(CURVE_LABEL_P["distance"], 0, "mean distance L(p) / L(0)",
                            color=PALETTE["blue"], fontsize=9, ha="left", va="bottom"),
        "clustering": ax.text(CURVE_LABEL_P["clustering"], 0, "clustering C(p) / C(0)",
                              color=PALETTE["orange"], fontsize=9, ha="left", va="bottom"),
    }
    artists = SmallWorldArtists(distance_curve, clustering_curve, distance_point,
                                clustering_point, ax.title, note, labels)
    _place_curve_labels(artists, curve)
    return artists


def _require_sweeps(curve: object, point: object) -> None:
    """A sweep for the curves, and a one-p sweep for the point, both inside the axes' p range."""
    for name, sweep in (("curve", curve), ("point", point)):
        require_instance(name, sweep, SmallWorldSweep,
                         "from socialmath.separation.small_world_sweep")
        low, high = P_LIMITS[0] * (1 - 1e-9), P_LIMITS[1] * (1 + 1e-9)  # rounding slack
        if sweep.p.min() < low or sweep.p.max() > high:
            raise ValueError(f"{name} must have rewiring shares p in [{P_LIMITS[0]:g}, "
                             f"{P_LIMITS[1]:g}] (the axes' range, log scale), got {sweep.p!r}")
    if point.p.size != 1:
        raise ValueError(f"point must be a sweep of one rewiring share p, got {point.p.size}: "
                         f"{point.p!r}")


def _place_curve_labels(artists: SmallWorldArtists, curve: SmallWorldSweep) -> None:
    """Keep each curve's label just above the curve (labels instead of a legend box)."""
    log_p = np.log10(curve.p)
    for name, values in (("distance", curve.relative_distance),
                         ("clustering", curve.relative_clustering)):
        at = np.log10(CURVE_LABEL_P[name])
        artists.labels[name].set_y(float(np.interp(at, log_p, values)) + 0.03)


def update_small_world(artists: SmallWorldArtists, curve: SmallWorldSweep,
                       point: SmallWorldSweep) -> None:
    """Move the artists of ``draw_small_world``; the caller redraws the canvas."""
    require_instance("artists", artists, SmallWorldArtists, "what draw_small_world returned")
    _require_sweeps(curve, point)
    artists.distance_curve.set_data(curve.p, curve.relative_distance)
    artists.clustering_curve.set_data(curve.p, curve.relative_clustering)
    artists.distance_point.set_data(point.p, point.relative_distance)
    artists.clustering_point.set_data(point.p, point.relative_clustering)
    artists.title.set_text(_small_world_title(point))
    artists.note.set_text(_small_world_note(point))
    _place_curve_labels(artists, curve)


# --- reach ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReachArtists:
    """What ``draw_reach`` made, for ``update_reach`` to move."""

    bars: BarContainer
    naive: Line2D
    population: Line2D
    title: Text
    note: Text
    legend: Legend


_DEGREES = np.array([1, 2, 3])


def _reach_title(estimate: ReachEstimate) -> str:
    return (f"{estimate.share_within_three:.1%} of {format_count(estimate.population)} members\n"
            f"are within three steps of you")


def _reach_note(estimate: ReachEstimate) -> str:
    first, second, third = estimate.by_degree
    return (f"1st degree: {format_count(first)}\n2nd degree: {format_count(second)}\n"
            f"3rd degree: {format_count(third)}\n"
            f"naive k x k: {format_count(estimate.naive[1])}")


def _require_estimate(estimate: object) -> ReachEstimate:
    return require_instance("estimate", estimate, ReachEstimate,
                            "from socialmath.separation.reach_estimate")


def _clip_reach(values) -> np.ndarray:
    return np.clip(np.asarray(values, dtype=float), *REACH_LIMITS)


def draw_reach(ax: Axes, estimate: ReachEstimate) -> ReachArtists:
    """People at each LinkedIn degree (log scale) from :func:`reach_estimate`, against the naive
    k, k^2, k^3, and the population as a ceiling."""
    require_axes("ax", ax)
    _require_estimate(estimate)
    ax.set_yscale("log")
    ax.set_ylim(REACH_LIMITS[0], REACH_TOP)
    ax.set_xlim(0.4, 3.6)
    bars = ax.bar(_DEGREES, _clip_reach(estimate.by_degree), width=0.6, color=PALETTE["blue"],
                  zorder=2,  # above the grid, so a blitted bar looks as a fully drawn one
                  label="with overlap, in a finite population")
    (naive,) = ax.plot(_DEGREES, _clip_reach(estimate.naive), "_", ms=40, mew=3,
                       color=PALETTE["vermillion"], label="naive k, k x k, k x k x k")
    population = ax.axhline(_clip_reach(estimate.population), color=PALETTE["grey"], ls=":",
                            lw=1.5,
                            label="everyone in the network")
    ax.set_xticks(_DEGREES, ["1st", "2nd", "3rd"])
    ax.yaxis.set_major_locator(FixedLocator(10.0 ** np.arange(0, 13, 3)))  # none in the band
    ax.yaxis.set_minor_locator(NullLocator())
    label_axes(ax, "LinkedIn degree (distance from you)", "people (log scale)",
               _reach_title(estimate))
    note = ax.text(0.02, 0.97, _reach_note(estimate), transform=ax.transAxes, va="top",
                   fontsize=9, bbox={"boxstyle": "round", "fc": "white",
                                     "ec": PALETTE["grey"], "alpha": 0.9})
    legend = ax.legend(loc="upper right", fontsize=8, markerscale=0.4)
    return ReachArtists(bars, naive, population, ax.title, note, legend)


def update_reach(artists: ReachArtists, estimate: ReachEstimate) -> None:
    """Move the artists of ``draw_reach``; the caller redraws the canvas."""
    require_instance("artists", artists, ReachArtists, "what draw_reach returned")
    _require_estimate(estimate)
    for bar, height in zip(artists.bars, _clip_reach(estimate.by_degree), strict=True):
        bar.set_height(height)
    artists.naive.set_ydata(_clip_reach(estimate.naive))
    artists.population.set_ydata([_clip_reach(estimate.population)] * 2)
    artists.title.set_text(_reach_title(estimate))
    artists.note.set_text(_reach_note(estimate))

"""Chapter 3 explorers: Watts and Strogatz's small world, and "your network" by LinkedIn degree.

>>> explorer = SmallWorldExplorer()
>>> explorer.controls["p"].value = 0.1
>>> explorer.result.relative_distance < 0.5 < explorer.result.relative_clustering
True
>>> reach = YourNetworkExplorer()
>>> reach.controls["overlap"].value = 0.0
>>> round(reach.result.by_degree[1])
249469
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import ipywidgets as widgets
import numpy as np

from socialmath.attention import LINKEDIN_CONNECTION_CAP
from socialmath.graphs import watts_strogatz
from socialmath.plots.separation import (
    P_LIMITS,
    draw_reach,
    draw_small_world,
    update_reach,
    update_small_world,
)
from socialmath.plots.style import format_count
from socialmath.separation import (
    ReachEstimate,
    SmallWorldSweep,
    average_clustering,
    mean_distance,
    reach_estimate,
    small_world_sweep,
)
from socialmath.widgets.base import Explorer

_STYLE = {"description_width": "170px"}
_LAYOUT = widgets.Layout(width="400px")

#: Network sizes offered: small enough for an instant update.
SIZES = (200, 500, 1000, 2000)
#: Even numbers of ring neighbours (from 4: a ring with k = 2 has no triangles, C(0) = 0).
NEIGHBOURS = tuple(range(4, 22, 2))
#: Rewiring shares of the background curve.
CURVE_P = tuple(float(p) for p in np.geomspace(*P_LIMITS, 13))
#: Searches start from this many sampled sources (one batch of the bit-parallel search).
SOURCES = 128
#: Members of the network in "your network": LinkedIn's "over a billion members" (members are
#: not active users; see FACTS).
POPULATION = 1e9


@dataclass(frozen=True)
class SmallWorld:
    """One Watts-Strogatz graph (n, k, p): its mean distance and clustering, and the curve of
    the whole sweep for the same n and k, relative to which they are read."""

    n: int
    k: int
    p: float
    mean_distance: float
    clustering: float
    curve: SmallWorldSweep

    @property
    def relative_distance(self) -> float:
        """L(p) / L(0)."""
        return self.mean_distance / self.curve.mean_distance_ring

    @property
    def relative_clustering(self) -> float:
        """C(p) / C(0)."""
        return self.clustering / self.curve.clustering_ring

    @property
    def links(self) -> int:
        """Edges of the graph: n k / 2 (the generator keeps them all when it rewires)."""
        return self.n * self.k // 2

    @property
    def links_rewired(self) -> float:
        """Expected number of rewired edges, p x links."""
        return self.p * self.links

    def as_sweep(self) -> SmallWorldSweep:
        """This one point as a one-p sweep (for the plot)."""
        return SmallWorldSweep(n=self.n, k=self.k, p=np.array([self.p]),
                               mean_distance=np.array([self.mean_distance]),
                               clustering=np.array([self.clustering]),
                               mean_distance_ring=self.curve.mean_distance_ring,
                               clustering_ring=self.curve.clustering_ring)


@lru_cache(maxsize=64)
def _curve(n: int, k: int, seed: int) -> SmallWorldSweep:
    return small_world_sweep(n, k, p=CURVE_P, sources=SOURCES, seed=seed)


@lru_cache(maxsize=512)
def small_world(n: int, k: int, p: float, seed: int = 0) -> SmallWorld:
    """Mean distance (from 128 sampled sources) and clustering of a seeded Watts-Strogatz graph,
    with the sweep curve for the same n and k. Cached: moving a slider back is instant.

    >>> round(small_world(1000, 10, 0.0).relative_distance, 2)
    1.0
    """
    graph = watts_strogatz(n, k, p, seed=seed)
    return SmallWorld(n=n, k=k, p=float(p),
                      mean_distance=mean_distance(graph, sources=min(SOURCES, n), seed=seed),
                      clustering=average_clustering(graph), curve=_curve(n, k, seed))


class SmallWorldExplorer(Explorer):
    """Nodes n, ring neighbours k and rewiring share p (log scale) → mean distance L and
    clustering C, against the whole sweep (``watts1998``).

    Every position is valid: n runs over ``SIZES``, k over even numbers below the smallest n,
    p from 1e-4 to 1.
    """

    def __init__(self, n: int = 1000, k: int = 10, p: float = 0.01, seed: int = 0) -> None:
        if n not in SIZES:
            raise ValueError(f"n must be one of {SIZES}, got {n!r}")
        if k not in NEIGHBOURS:
            raise ValueError(f"k must be one of {NEIGHBOURS}, got {k!r}")
        small_world_sweep(20, 2, p=[p], seed=seed)  # validates p and seed
        self.seed = seed
        self.artists = None
        p = self.clamp("p", p, *P_LIMITS)
        controls = {
            "n": widgets.SelectionSlider(options=SIZES, value=n, description="people, n",
                                         style=_STYLE, layout=_LAYOUT),
            "k": widgets.SelectionSlider(options=NEIGHBOURS, value=k,
                                         description="ring neighbours, k",
                                         style=_STYLE, layout=_LAYOUT),
            "p": widgets.FloatLogSlider(value=p, base=10,
                                        min=np.log10(P_LIMITS[0]), max=np.log10(P_LIMITS[1]),
                                        step=0.1, readout_format=".1e",
                                        description="share rewired, p", style=_STYLE,
                                        layout=_LAYOUT),
        }
        super().__init__(controls)

    def compute(self, n: int, k: int, p: float) -> SmallWorld:
        return small_world(n, k, float(p), self.seed)

    def draw(self, axes, result: SmallWorld) -> None:
        self.artists = draw_small_world(axes, result.curve, result.as_sweep())

    def redraw(self, result: SmallWorld) -> None:
        update_small_world(self.artists, result.curve, result.as_sweep())

    def readout_duplicates(self) -> list:
        return [self.artists.note]

    def moving_artists(self) -> list:
        a = self.artists
        return [a.distance_curve, a.clustering_curve, a.distance_point, a.clustering_point,
                a.title, a.note, *a.labels.values()]

    def describe(self, result: SmallWorld) -> str:
        return (
            f"mean distance <b>{result.mean_distance:.2f}</b> links "
            f"(the ring: {result.curve.mean_distance_ring:.1f}), "
            f"<b>{result.relative_distance:.0%}</b> of the ring's<br>"
            f"clustering <b>{result.clustering:.3f}</b> "
            f"(the ring: {result.curve.clustering_ring:.3f}), "
            f"<b>{result.relative_clustering:.0%}</b> of the ring's<br>"
            f"about {result.links_rewired:,.0f} of {result.links:,} links rewired"
        )

    def describe_plain(self) -> str:
        r = self.result
        return (f"n={r.n}, k={r.k}, p={r.p:.2g} -> L={r.mean_distance:.2f} "
                f"({r.relative_distance:.0%} of the ring), C={r.clustering:.3f} "
                f"({r.relative_clustering:.0%} of the ring)")


class YourNetworkExplorer(Explorer):
    """Your contacts, their mean number of contacts and the overlap between circles → people at
    the 1st, 2nd and 3rd degree, and the share of a billion-member network within three steps.

    Every position is valid: contacts run from 1 to LinkedIn's cap of 30,000 (or to the population
    minus you, if smaller), their contacts from 1 to 30,000, overlap from 0 to 0.99. A starting
    value outside a slider's range is moved to its nearest end, with a warning.
    """

    def __init__(self, contacts: int = 500, their_contacts: int = 500, overlap: float = 0.5,
                 population: float = POPULATION) -> None:
        reach_estimate(contacts, their_contacts, overlap, population)  # validates the defaults
        if population < 3:
            raise ValueError(f"population must be >= 3 for the explorer's sliders, got "
                             f"{population!r}")
        self.population = population
        self.artists = None
        # Your contacts are people of the population other than you: the slider stops there.
        most = int(min(LINKEDIN_CONNECTION_CAP, math.floor(population) - 1))
        contacts = self.clamp("contacts", contacts, 1, most)
        their_contacts = self.clamp("their_contacts", int(their_contacts), 1,
                                    LINKEDIN_CONNECTION_CAP)
        overlap = self.clamp("overlap", overlap, 0.0, 0.99)
        controls = {
            "contacts": widgets.IntSlider(
                value=contacts, min=1, max=most, description="your contacts",
                style=_STYLE, layout=_LAYOUT),
            "their_contacts": widgets.IntSlider(
                value=their_contacts, min=1,
                max=LINKEDIN_CONNECTION_CAP, description="their contacts (mean)",
                style=_STYLE, layout=_LAYOUT),
            "overlap": widgets.FloatSlider(
                value=overlap, min=0.0, max=0.99, step=0.01,
                readout_format=".0%", description="overlap of circles",
                style=_STYLE, layout=_LAYOUT),
        }
        super().__init__(controls)

    def compute(self, contacts: int, their_contacts: int, overlap: float) -> ReachEstimate:
        return reach_estimate(contacts, their_contacts, overlap, self.population)

    def draw(self, axes, result: ReachEstimate) -> None:
        self.artists = draw_reach(axes, result)

    def redraw(self, result: ReachEstimate) -> None:
        update_reach(self.artists, result)

    def readout_duplicates(self) -> list:
        return [self.artists.note]

    def moving_artists(self) -> list:
        a = self.artists
        return [*a.bars.patches, a.naive, a.population, a.title, a.note]

    def describe(self, result: ReachEstimate) -> str:
        first, second, third = (format_count(x) for x in result.by_degree)
        return (
            f"1st degree <b>{first}</b>, 2nd degree <b>{second}</b>, 3rd degree "
            f"<b>{third}</b><br>"
            f"within three steps: <b>{result.share_within_three:.1%}</b> of "
            f"{format_count(result.population)} members<br>"
            f"the naive k x k for the 2nd degree is {format_count(result.naive[1])}"
        )

    def describe_plain(self) -> str:
        r = self.result
        return (f"{r.contacts:,} contacts with {r.their_contacts:,.0f} each, overlap "
                f"{r.overlap:.0%} -> 2nd degree {r.by_degree[1]:,.0f}, "
                f"{r.share_within_three:.1%} of {r.population:,.0f} within three steps")

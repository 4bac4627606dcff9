"""How a network grows unequal: newcomers who link to the popular, or to anyone.

Each newcomer arrives with ``m`` links. A share ``preferential_share`` of them goes to an earlier
person chosen in proportion to their number of contacts (preferential attachment, the "rich get
richer" of ``barabasi1999``); the rest go to an earlier person chosen uniformly at random. With a
share of 1 this is the Barabási-Albert model (:func:`socialmath.graphs.barabasi_albert`, built
from the same random draws); with 0, uniform attachment, where the only advantage is age.

:func:`grow_network` grows one network and measures, as it grows, the inequality of contacts
with chapter 2's tools (:func:`socialmath.pareto.gini`, :func:`socialmath.pareto.top_share`).
:func:`degree_shares` gives the share of people with each number of contacts in a very large
network, from the master equation; :func:`fit_degree_tail` fits the tail of a grown network by
maximum likelihood (:func:`socialmath.pareto.fit_power_law`), not with a line on a log-log plot.
Barabási and Albert simulated an exponent of 2.9 +- 0.1 and argued for 3; Bollobás and colleagues
proved 3 (``bollobas2001``).

>>> growth = grow_network(10_000, m=3, preferential_share=1.0, seed=1)
>>> int(growth.sizes[-1]), round(float(growth.top1[-1]), 2)
(10000, 0.11)
>>> uniform = grow_network(10_000, m=3, preferential_share=0.0, seed=1)
>>> bool(uniform.top1[-1] < growth.top1[-1])
True
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from socialmath._validate import require_integer, require_rng, require_share
from socialmath.graphs import Graph, _follow_copies, as_graph, from_edges
from socialmath.pareto import PowerLawFit, fit_power_law, gini, top_share

__all__ = [
    "MAX_LINKS",
    "Growth",
    "degree_shares",
    "fit_degree_tail",
    "grow_network",
    "tail_exponent",
]

#: Largest network :func:`grow_network` builds, in links (people x links per newcomer). Growing
#: takes about 64 bytes of memory per link at its peak, so this is about 640 MB.
MAX_LINKS = 10_000_000
_BYTES_PER_LINK = 64
#: Smallest network size at which the inequality is first measured (the top 1% of fewer people
#: is less than one person).
FIRST_SNAPSHOT = 100


@dataclass(frozen=True, eq=False)
class Growth:
    """One grown network and its inequality measured as it grew.

    ``sizes[i]`` is the number of people who had arrived at the ``i``-th measurement; ``gini[i]``,
    ``top1[i]`` and ``max_degree[i]`` are the Gini index of their numbers of contacts, the share
    of all contacts held by the best-connected 1%, and the largest number of contacts, at that
    time. Person ``i`` is the ``i``-th to arrive, so the network at size ``t`` is the people
    ``0 .. t-1`` and the links among them.
    """

    n: int
    m: int
    preferential_share: float
    graph: Graph
    sizes: np.ndarray
    gini: np.ndarray
    top1: np.ndarray
    max_degree: np.ndarray

    @property
    def degrees(self) -> np.ndarray:
        """Number of contacts of each person at the end, in order of arrival."""
        return self.graph.degrees

    def first_movers(self, top: float = 0.01, first: float = 0.1) -> float:
        """Share of the best-connected ``top`` share of people who were among the first
        ``first`` share to arrive (``first`` itself if arrival order did not matter).

        >>> growth = grow_network(20_000, 3, preferential_share=1.0, seed=2)
        >>> growth.first_movers(0.01, 0.1) > 0.9
        True
        """
        t = require_share("top", top)
        f = require_share("first", first)
        count = max(1, int(round(t * self.n)))
        # Best-connected first; among equals, the earliest arrival (stable sort on -degree).
        ranked = np.argsort(-self.degrees, kind="stable")[:count]
        return float(np.mean(ranked < f * self.n))


def grow_network(n: int, m: int = 3, preferential_share: float = 1.0, snapshots: int = 30,
                 seed: int | np.random.Generator | None = 0) -> Growth:
    """Grow a network of ``n`` people, each newcomer bringing ``m`` links, and measure its
    inequality at ``snapshots`` sizes spaced evenly on a log scale from 100 people to ``n``.

    The network starts from ``m + 1`` people all linked together. Each link of a newcomer goes,
    with probability ``preferential_share``, to an earlier person drawn in proportion to their
    contacts (by copying the end of a uniformly drawn earlier link, as
    :func:`socialmath.graphs.barabasi_albert` does), and otherwise to an earlier person drawn
    uniformly. A person drawn twice by the same newcomer is linked once.

    >>> growth = grow_network(1000, m=2, preferential_share=0.5, snapshots=5, seed=3)
    >>> growth.sizes.tolist()
    [100, 178, 316, 562, 1000]
    >>> growth.graph.n, bool(np.all(np.diff(growth.max_degree) >= 0))
    (1000, True)
    """
    size = require_integer("n", n, low=2)
    links = require_integer("m", m, low=1, high=size - 1)
    if size * links > MAX_LINKS:
        cap_gb, asked_gb = (x * _BYTES_PER_LINK / 1e9 for x in (MAX_LINKS, size * links))
        raise ValueError(
            f"n x m must be at most {MAX_LINKS:,} links (about {cap_gb:.1f} GB while growing), "
            f"got n={size:,} and m={links} ({size * links:,} links, about {asked_gb:.1f} GB): "
            "grow a smaller network")
    share = require_share("preferential_share", preferential_share)
    count = require_integer("snapshots", snapshots, low=1, high=1000)
    rng = require_rng("seed", seed)
    graph = _grow(size, links, share, rng)
    sizes = _snapshot_sizes(size, count)
    gini_t, top1_t, max_t = _inequality_over_time(graph, sizes)
    return Growth(n=size, m=links, preferential_share=share, graph=graph, sizes=sizes,
                  gini=gini_t, top1=top1_t, max_degree=max_t)


def _grow(n: int, m: int, share: float, rng: np.random.Generator) -> Graph:
    """The links of the growth process, resolved on whole arrays (see graphs.barabasi_albert)."""
    seed_u, seed_v = np.triu_indices(m + 1, k=1)
    n_seed_ends = 2 * seed_u.size
    owner = np.repeat(np.arange(m + 1, n, dtype=np.int64), m)  # the newcomer of each link
    ends = np.empty(n_seed_ends + 2 * owner.size, dtype=np.int64)
    ends[0:n_seed_ends:2], ends[1:n_seed_ends:2] = seed_u, seed_v
    ends[n_seed_ends::2] = owner
    # Drawn in barabasi_albert's order, so that a share of 1 gives exactly its network.
    available = n_seed_ends + 2 * m * (owner - (m + 1))
    pointer = (rng.random(owner.size) * available).astype(np.int64)
    del available
    copied = rng.random(owner.size) < share if share < 1.0 else np.ones(owner.size, dtype=bool)
    uniform = (rng.random(owner.size) * owner).astype(np.int64)  # an earlier person, 0 .. t-1
    ends[n_seed_ends + 1::2] = uniform
    pointer[~copied] = 0  # never followed: the target is known
    targets = _follow_copies(ends, pointer, n_seed_ends, copied)
    ends[n_seed_ends + 1::2] = np.where(copied, targets, uniform)
    del targets, pointer, uniform, copied, owner
    return from_edges(n, ends[0::2], ends[1::2])


def _snapshot_sizes(n: int, count: int) -> np.ndarray:
    start = min(FIRST_SNAPSHOT, n)
    sizes = np.unique(np.round(np.geomspace(start, n, count)).astype(np.int64))
    sizes[-1] = n
    return sizes


def _inequality_over_time(graph: Graph, sizes: np.ndarray
                          ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Gini, top-1% share and largest degree of the network of the first ``t`` people, for each
    ``t`` in ``sizes``: a link belongs to that network once both its people have arrived."""
    rows = np.repeat(np.arange(graph.n, dtype=np.int64), graph.degrees)
    arrived = np.maximum(rows, graph.indices)  # the later of the two people
    order = np.argsort(arrived, kind="stable")
    rows, arrived = rows[order], arrived[order]
    ginis, tops, largest = [], [], []
    for t in sizes.tolist():
        ends = int(np.searchsorted(arrived, t, side="left"))
        degrees = np.bincount(rows[:ends], minlength=t)
        if ends == 0:
            ginis.append(0.0)
            tops.append(0.01)
            largest.append(0)
            continue
        ginis.append(gini(degrees))
        tops.append(top_share(degrees, 0.01))
        largest.append(int(degrees.max()))
    return np.array(ginis), np.array(tops), np.array(largest, dtype=np.int64)


# --- what theory expects --------------------------------------------------------------------------


def degree_shares(m: int, k_max: int, preferential_share: float = 1.0) -> np.ndarray:
    """Share of people with exactly ``k`` contacts, ``k = 0 .. k_max``, in a very large grown
    network (the stationary solution of the master equation; zero below ``m``).

    A person with ``k`` contacts gains one from each newcomer at rate ``A(k) = q k / 2 +
    m (1 - q)``, with ``q`` the preferential share. Balancing arrivals into and out of each
    degree gives ``P(m) = 1 / (1 + A(m))`` and ``P(k) = P(k - 1) A(k - 1) / (1 + A(k))``. With
    ``q = 1`` this is ``2m(m + 1) / (k (k + 1) (k + 2))``, a tail like ``k**-3``; with ``q = 0``,
    ``m**(k - m) / (m + 1)**(k - m + 1)``, a geometric tail.

    >>> shares = degree_shares(3, 6, preferential_share=1.0)
    >>> shares[3:].round(4).tolist()
    [0.4, 0.2, 0.1143, 0.0714]
    >>> degree_shares(3, 5, preferential_share=0.0)[3:].round(4).tolist()
    [0.25, 0.1875, 0.1406]
    """
    links = require_integer("m", m, low=1)
    top = require_integer("k_max", k_max, low=0, high=10_000_000)
    q = require_share("preferential_share", preferential_share)
    shares = np.zeros(top + 1)
    if top < links:
        return shares
    k = np.arange(links, top + 1, dtype=float)
    rate = q * k / 2.0 + links * (1.0 - q)
    ratio = np.ones_like(k)
    ratio[1:] = rate[:-1] / (1.0 + rate[1:])
    shares[links:] = np.cumprod(ratio) / (1.0 + rate[0])
    return shares


def tail_exponent(preferential_share: float) -> float:
    """The exponent ``gamma`` of the tail ``P(k) ~ k**-gamma`` of :func:`degree_shares`:
    ``1 + 2 / q`` (3 for pure preferential attachment, infinite for uniform attachment, whose
    tail is geometric).

    >>> tail_exponent(1.0), tail_exponent(0.5), tail_exponent(0.0)
    (3.0, 5.0, inf)
    """
    q = require_share("preferential_share", preferential_share)
    return float("inf") if q == 0 else 1.0 + 2.0 / q


def fit_degree_tail(graph, **options) -> PowerLawFit:
    """Fit a discrete power law to the tail of a graph's numbers of contacts, the way chapter 2
    does (maximum likelihood, ``x_min`` by the Kolmogorov-Smirnov distance, likelihood-ratio
    tests against a log-normal and an exponential). ``options`` go to
    :func:`socialmath.pareto.fit_power_law`. ``graph`` is a :class:`socialmath.graphs.Graph`, a
    networkx graph or a scipy.sparse adjacency matrix.

    >>> fit = fit_degree_tail(grow_network(50_000, 3, seed=4).graph, compare=False)
    >>> 2.7 < fit.alpha < 3.3
    True
    """
    g, _ = as_graph(graph)
    degrees = g.degrees[g.degrees > 0]
    if np.unique(degrees).size < 2:
        raise ValueError("graph must have at least two distinct numbers of contacts to fit a "
                         f"tail, got {np.unique(degrees).tolist()}")
    return fit_power_law(degrees.astype(float), discrete=True, **options)

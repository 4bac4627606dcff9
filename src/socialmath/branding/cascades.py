"""How far a post travels: independent cascades on a network.

In the independent-cascade model (``kempe2003``) a post starts from one person, the seed. Each
person who passes it on gets one chance to pass it to each of their contacts, succeeding with
probability ``p``, independently of everything else. The cascade is the seed and everyone the post
reaches, each of whom passes it on in turn; when ``p`` includes choosing to pass the post on (as
the funnel's :attr:`~socialmath.branding.funnel.Funnel.pass_on_probability` does), those are the
people who passed it on, and many more may have seen it. A person's **hop** count is the number of
passes between the seed and them, and the passes form a tree, the **diffusion tree**. Goel and
colleagues (``goel2016``) measure how "viral" a cascade is by its **structural virality**, the mean
distance between all pairs of people in that tree: low for a broadcast (a star, close to 2), high
for a long chain of person-to-person passes; :meth:`Cascades.by_size` gives it by cascade size.

:func:`simulate_cascades` runs many cascades at once on whole arrays: each step takes every
person reached at the last step in every cascade, decides which of their contacts they pass the
post to, and keeps the contacts not yet reached in that cascade. Only the passes that succeed
are drawn (as gaps between successes), so work grows with ``p`` times the contacts of the people
reached, not with the size of the network; memory is bounded by running cascades in batches.
:func:`cascade_by_loop` is the same process written as a plain loop over a networkx graph: slow and
readable, the reference the array version is tested and benchmarked against
(``benchmarks/bench_cascades.py``).

The friendship paradox sets how far cascades go. A person reached through a link has, on average,
``k_nn - 1`` other contacts, where ``k_nn`` is the mean number of contacts of a friend
(:mod:`socialmath.branding.paradox`); each passes the post on with probability ``p``. When
``R = p (k_nn - 1)`` is below 1, each step reaches fewer people than the last and cascades die out
(:func:`branching_factor`, :func:`critical_probability`).

>>> from socialmath.graphs import barabasi_albert
>>> g = barabasi_albert(10_000, 3, seed=1)
>>> run = simulate_cascades(g, p=1.0, n_cascades=5, seed=2)
>>> run.sizes.tolist()
[10000, 10000, 10000, 10000, 10000]
>>> simulate_cascades(g, p=0.0, n_cascades=3, seed=2).sizes.tolist()
[1, 1, 1]
"""

from __future__ import annotations

import math
import warnings
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass

import networkx as nx
import numpy as np
import pandas as pd

from socialmath._validate import require_integer, require_rng, require_share
from socialmath.branding.paradox import _bands, friendship_paradox
from socialmath.graphs import Graph, as_graph
from socialmath.separation import _label_index, _node_index, distance_distribution

__all__ = [
    "MAX_CASCADES",
    "SIZE_BANDS",
    "Cascades",
    "branching_factor",
    "cascade_by_loop",
    "critical_probability",
    "expected_cascade_size",
    "simulate_cascades",
    "structural_virality",
]

#: The groups of :meth:`Cascades.by_size`: 2 to 9 people, 10 to 99, 100 to 999, 1,000 or more.
SIZE_BANDS = (2, 10, 100, 1000)
#: Most cascades one call simulates.
MAX_CASCADES = 10_000_000
#: Most cells (cascades x hops recorded) of the per-cascade table ``by_hop`` (8 bytes each).
MAX_TABLE_CELLS = 50_000_000
#: Cascades x people searched together: one byte each says "already reached in this cascade".
_BATCH_CELLS = 1 << 23
#: Contacts examined together in one step (bounds the temporary arrays of a step).
_ARC_CHUNK = 1 << 22
#: Below this pass-on probability the gaps between successes (about 1 / p) would overflow the
#: 64-bit positions: the successes are then counted first (a binomial draw) and placed at random.
_TINY_P = 1e-9


@dataclass(frozen=True, eq=False)
class Cascades:
    """Many independent cascades on one network, summarised cascade by cascade.

    * ``sources[c]``: the seed of cascade ``c`` (a node index, ``0 .. n-1``);
    * ``sizes[c]``: people it reached, the seed included;
    * ``by_hop[c, h]``: people it reached first at hop ``h`` (``h = 0`` is the seed), for
      ``h = 0 .. hops``; people further away count in ``sizes`` but not here;
    * ``depth[c]``: the largest hop it reached;
    * ``virality[c]``: the structural virality of its diffusion tree (``goel2016``), NaN for a
      cascade that never left its seed;
    * ``trees``: with ``keep_trees``, for each cascade the people reached and who passed the post
      to each (-1 for the seed), as two node-index arrays; otherwise None.
    """

    p: float
    n_nodes: int
    sources: np.ndarray
    sizes: np.ndarray
    by_hop: np.ndarray
    depth: np.ndarray
    virality: np.ndarray
    trees: tuple[tuple[np.ndarray, np.ndarray], ...] | None = None

    @property
    def n_cascades(self) -> int:
        return int(self.sizes.size)

    @property
    def hops(self) -> int:
        """The last hop counted in ``by_hop``."""
        return int(self.by_hop.shape[1] - 1)

    @property
    def mean_size(self) -> float:
        """Mean number of people reached, the seed included."""
        return float(self.sizes.mean())

    def share_reached(self, hops: int) -> float:
        """Mean share of everyone else in the network reached within ``hops`` hops of the seed.

        >>> import networkx as nx
        >>> simulate_cascades(nx.path_graph(5), 1.0, sources=[0]).share_reached(2)
        0.5
        """
        h = self._require_hops(hops)
        if self.n_nodes < 2:
            return 0.0
        within = self.by_hop[:, 1:h + 1].sum(axis=1)
        return float(within.mean() / (self.n_nodes - 1))

    def share_of_reach_within(self, hops: int) -> float:
        """Of all the people the cascades reached (seeds excluded), the share within ``hops`` hops
        of their seed; NaN if no cascade reached anyone.

        >>> import networkx as nx
        >>> simulate_cascades(nx.path_graph(5), 1.0, sources=[0]).share_of_reach_within(1)
        0.25
        """
        h = self._require_hops(hops)
        reached = float((self.sizes - 1).sum())
        if reached == 0:
            return float("nan")
        return float(self.by_hop[:, 1:h + 1].sum() / reached)

    def share_ending_within(self, hops: int) -> float:
        """Share of cascades that never went further than ``hops`` hops from their seed (Goel and
        colleagues' "end within one degree of the seed", ``goel2012``, is ``hops = 1``).

        >>> import networkx as nx
        >>> simulate_cascades(nx.path_graph(5), 1.0, sources=[0, 2]).share_ending_within(2)
        0.5
        """
        limit = require_integer("hops", hops, low=0)
        return float(np.mean(self.depth <= limit))

    def share_of_cascades(self, at_most: int) -> float:
        """Share of cascades that reached at most ``at_most`` people, the seed included.

        >>> import networkx as nx
        >>> simulate_cascades(nx.path_graph(5), 0.0, n_cascades=4).share_of_cascades(1)
        1.0
        """
        limit = require_integer("at_most", at_most, low=1)
        return float(np.mean(self.sizes <= limit))

    def size_distribution(self) -> tuple[np.ndarray, np.ndarray]:
        """The distinct cascade sizes and the share of cascades of each size.

        >>> import networkx as nx
        >>> run = simulate_cascades(nx.path_graph(3), 1.0, sources=[0, 1])
        >>> sizes, shares = run.size_distribution()
        >>> sizes.tolist(), shares.tolist()
        ([3], [1.0])
        """
        values, counts = np.unique(self.sizes, return_counts=True)
        return values, counts / self.sizes.size

    def by_size(self, edges: Sequence[int] = SIZE_BANDS) -> pd.DataFrame:
        """The cascades grouped by size, with the median structural virality and the median
        depth (hops from the seed to the furthest person) of each group.

        ``edges`` are increasing sizes: the groups are ``edges[i]`` to ``edges[i + 1] - 1`` people,
        and ``edges[-1]`` people or more. A group with no cascade has NaN medians. Goel and
        colleagues (``goel2016``) found virality on Twitter largely independent of size: this
        table shows whether a model agrees.

        >>> import networkx as nx
        >>> run = simulate_cascades(nx.path_graph(12), 1.0, sources=[0, 11, 5])
        >>> table = run.by_size((2, 10))
        >>> table.index.tolist(), table["cascades"].tolist(), table["median depth"].tolist()
        (['2–9', '10+'], [0, 3], [nan, 11.0])
        >>> round(float(table.loc["10+", "median virality"]), 3)  # a chain of 12: (12 + 1) / 3
        4.333
        """
        rows, names = [], []
        for name, low, high in _bands(edges):
            names.append(name)
            inside = (self.sizes >= low) & (self.sizes < high)
            count = int(np.count_nonzero(inside))
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", RuntimeWarning)  # an all-NaN group
                virality = float(np.nanmedian(self.virality[inside])) if count else math.nan
            depth = float(np.median(self.depth[inside])) if count else math.nan
            rows.append({"cascades": count, "median virality": virality,
                         "median depth": depth})
        return pd.DataFrame(rows, index=names)

    def _require_hops(self, hops: object) -> int:
        return require_integer("hops", hops, low=0, high=self.hops)


def simulate_cascades(graph, p: float, n_cascades: int | None = None, sources=None,
                      hops: int = 10, keep_trees: bool = False,
                      seed: int | np.random.Generator | None = 0) -> Cascades:
    """Run independent cascades with pass-on probability ``p`` on an undirected graph.

    ``sources`` is None (``n_cascades`` seeds drawn uniformly, with replacement, default 1,000)
    or a sequence of nodes, one cascade from each (labels for a networkx graph); give
    ``n_cascades`` only if it matches. ``by_hop`` counts hops ``0 .. hops``. ``keep_trees`` keeps
    every diffusion tree (only for runs of at most 5 x 10^7 cascade x people cells).

    >>> import networkx as nx
    >>> run = simulate_cascades(nx.star_graph(4), p=1.0, sources=[0, 1], hops=3)
    >>> run.sizes.tolist(), run.by_hop.tolist()
    ([5, 5], [[1, 4, 0, 0], [1, 1, 3, 0]])
    >>> run.virality.round(3).tolist()
    [1.6, 1.6]
    """
    g, labels = as_graph(graph)
    if g.n == 0:
        raise ValueError("graph must have at least one node, got an empty graph")
    share = require_share("p", p)
    depth_kept = require_integer("hops", hops, low=1, high=1000)
    if not isinstance(keep_trees, bool | np.bool_):
        raise TypeError(f"keep_trees must be True or False, got {keep_trees!r}")
    rng = require_rng("seed", seed)
    starts = _cascade_sources(g, labels, n_cascades, sources, rng)
    cells = starts.size * (depth_kept + 1)
    if cells > MAX_TABLE_CELLS:
        raise ValueError(
            f"n_cascades x (hops + 1) must be at most {MAX_TABLE_CELLS:,} (the per-hop table would "
            f"take {cells * 8 / 1e9:.1f} GB), got {starts.size:,} cascades and hops={depth_kept}")
    if keep_trees and starts.size * g.n > MAX_TABLE_CELLS:
        raise ValueError(
            f"keep_trees needs n_cascades x people at most {MAX_TABLE_CELLS:,} (the trees could "
            f"take {starts.size * g.n * 16 / 1e9:.1f} GB), got {starts.size:,} cascades on "
            f"{g.n:,} people: run fewer cascades, or without keep_trees")
    batch = max(1, _BATCH_CELLS // g.n)
    degree = g.degrees
    parts = [_simulate_batch(g, degree, share, starts[i:i + batch], depth_kept, rng,
                             bool(keep_trees))
             for i in range(0, starts.size, batch)]
    return Cascades(
        p=share, n_nodes=g.n, sources=starts,
        sizes=np.concatenate([part["sizes"] for part in parts]),
        by_hop=np.concatenate([part["by_hop"] for part in parts]),
        depth=np.concatenate([part["depth"] for part in parts]),
        virality=np.concatenate([part["virality"] for part in parts]),
        trees=tuple(tree for part in parts for tree in part["trees"]) if keep_trees else None)


def _cascade_sources(g: Graph, labels: list | None, n_cascades, sources,
                     rng: np.random.Generator) -> np.ndarray:
    if sources is None:
        count = 1000 if n_cascades is None else require_integer(
            "n_cascades", n_cascades, low=1, high=MAX_CASCADES)
        return rng.integers(0, g.n, size=count, dtype=np.int64)
    if isinstance(sources, str | bytes | bool | float | int | np.integer):
        raise TypeError(f"sources must be None or a sequence of nodes, got {sources!r} "
                        f"({type(sources).__name__})")
    if not isinstance(sources, Sequence | np.ndarray):
        raise TypeError(f"sources must be None or a sequence of nodes, got "
                        f"{type(sources).__name__}")
    nodes = list(sources)
    if not nodes:
        raise ValueError("sources must hold at least one node, got an empty sequence")
    if len(nodes) > MAX_CASCADES:
        raise ValueError(f"sources must hold at most {MAX_CASCADES:,} nodes, got {len(nodes):,}")
    if n_cascades is not None and require_integer("n_cascades", n_cascades, low=1) != len(nodes):
        raise ValueError(f"n_cascades must match the {len(nodes)} sources given (or be left "
                         f"out), got {n_cascades!r}")
    index = _label_index(labels)
    return np.array([_node_index(g, index, node, "sources") for node in nodes], dtype=np.int64)


def _simulate_batch(g: Graph, degree: np.ndarray, p: float, starts: np.ndarray, hops: int,
                    rng: np.random.Generator, keep_trees: bool) -> dict:
    """Cascades from ``starts``, all at once. Each reached person is a record (cascade, node,
    record of the person who passed it on); records are stored level by level (hop by hop)."""
    count, n = starts.size, g.n
    reached = np.zeros(count * n, dtype=bool)
    front_cascade = np.arange(count, dtype=np.int64)
    front_node = starts.astype(np.int64)
    reached[front_cascade * n + front_node] = True
    cascades, nodes, parents = [front_cascade], [front_node], [np.full(count, -1, np.int64)]
    levels = [0, count]  # records of hop h are levels[h] .. levels[h + 1]
    while front_node.size:
        found = _step(g, degree, p, front_cascade, front_node, levels[-2], reached, rng)
        if found[0].size == 0:
            break
        front_cascade, front_node, parent = found
        cascades.append(front_cascade)
        nodes.append(front_node)
        parents.append(parent)
        levels.append(levels[-1] + front_node.size)
    cascade = np.concatenate(cascades)
    parent = np.concatenate(parents)
    sizes = np.bincount(cascade, minlength=count)
    by_hop = np.zeros((count, hops + 1), dtype=np.int64)
    depth = np.zeros(count, dtype=np.int64)
    for h in range(len(levels) - 1):
        in_level = cascade[levels[h]:levels[h + 1]]
        if h <= hops:
            by_hop[:, h] = np.bincount(in_level, minlength=count)
        depth[in_level] = h  # levels go deeper and deeper: the last assignment is the deepest
    trees = ()
    if keep_trees:
        node = np.concatenate(nodes)
        order = np.argsort(cascade, kind="stable")
        bounds = np.searchsorted(cascade[order], np.arange(count + 1))
        parent_node = np.where(parent >= 0, node[np.maximum(parent, 0)], -1)
        trees = tuple((node[order[a:b]], parent_node[order[a:b]])
                      for a, b in zip(bounds[:-1], bounds[1:], strict=True))
    return {"sizes": sizes, "by_hop": by_hop, "depth": depth,
            "virality": _virality(cascade, parent, levels, sizes), "trees": trees}


def _step(g: Graph, degree: np.ndarray, p: float, front_cascade: np.ndarray,
          front_node: np.ndarray, first_record: int, reached: np.ndarray,
          rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Everyone newly reached from the frontier: (cascade, node, parent record) arrays.

    The frontier's contacts, end to end, are numbered ``0 .. A-1``; each is a live pass with
    probability ``p``. Only the live ones are drawn (:func:`_live_positions`) and located in the
    neighbour lists, so a step costs about ``p A`` operations, not ``A``. The frontier's records
    are ``first_record .. first_record + len(front_node)``. Contacts are taken in chunks of at
    most ``_ARC_CHUNK``; a person reached twice in the same step keeps one of the passes (the
    first in (cascade, node) order)."""
    degrees = degree[front_node]
    ends = np.cumsum(degrees)
    found_cascade, found_node, found_parent = [], [], []
    start = 0
    while start < front_node.size:
        before = int(ends[start - 1]) if start else 0
        stop = max(start + 1, int(np.searchsorted(ends, before + _ARC_CHUNK, side="right")))
        position = _live_positions(int(ends[stop - 1]) - before, p, rng) + before
        owner = np.searchsorted(ends, position, side="right")  # frontier index of each pass
        offset = position - (ends[owner] - degrees[owner])
        contact = g.indices[g.indptr[front_node[owner]] + offset]
        key = front_cascade[owner] * g.n + contact
        fresh = ~reached[key]
        key, owner = key[fresh], owner[fresh]
        key, first = np.unique(key, return_index=True)
        reached[key] = True
        found_cascade.append(key // g.n)
        found_node.append(key % g.n)
        found_parent.append(first_record + owner[first])
        start = stop
    return (np.concatenate(found_cascade), np.concatenate(found_node),
            np.concatenate(found_parent))


def _live_positions(count: int, p: float, rng: np.random.Generator) -> np.ndarray:
    """The positions ``0 .. count-1`` that succeed in ``count`` independent trials of
    probability ``p``, drawn as gaps between successes (geometric), in order."""
    if count == 0 or p == 0.0:
        return np.zeros(0, dtype=np.int64)
    if p == 1.0:
        return np.arange(count, dtype=np.int64)
    if p < _TINY_P:
        live = rng.binomial(count, p)
        return np.sort(rng.choice(count, size=live, replace=False)).astype(np.int64)
    expected = count * p
    draws = int(expected + 6.0 * np.sqrt(expected) + 16)
    positions = np.cumsum(rng.geometric(p, size=draws)) - 1
    while positions[-1] < count:  # rare: more successes than 6 standard deviations above
        more = np.cumsum(rng.geometric(p, size=draws)) + positions[-1]
        positions = np.concatenate([positions, more])
    return positions[:np.searchsorted(positions, count)]


def _virality(cascade: np.ndarray, parent: np.ndarray, levels: list[int],
              sizes: np.ndarray) -> np.ndarray:
    """Structural virality of every cascade's tree, from subtree sizes.

    The sum of distances over all pairs of a tree (its Wiener index) is the sum, over its edges,
    of ``s (N - s)``: ``s`` people below the edge times ``N - s`` above it, every pair whose path
    uses the edge. The mean over the ``N (N - 1) / 2`` pairs is the structural virality."""
    below = np.ones(parent.size)
    for h in range(len(levels) - 2, 0, -1):  # deepest level first, up to hop 1
        lo, hi, parent_lo = levels[h], levels[h + 1], levels[h - 1]
        below[parent_lo:lo] += np.bincount(parent[lo:hi] - parent_lo, weights=below[lo:hi],
                                           minlength=lo - parent_lo)
    edges = slice(levels[1], None)
    total = sizes[cascade[edges]].astype(np.float64)
    wiener = np.bincount(cascade[edges], weights=below[edges] * (total - below[edges]),
                         minlength=sizes.size)
    pairs = sizes * (sizes - 1.0) / 2.0
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(sizes > 1, wiener / pairs, np.nan)


# --- one cascade, plainly -------------------------------------------------------------------------


def cascade_by_loop(graph: nx.Graph, source, p: float, rng: np.random.Generator
                    ) -> dict:
    """One independent cascade from ``source`` on a networkx graph, as a plain loop: a queue of
    people who just received the post, each trying each contact once. Returns ``{person: (hop,
    who passed it on)}`` (``None`` for the seed). Slow; the reference for
    :func:`simulate_cascades`.

    >>> cascade_by_loop(nx.path_graph(3), 0, 1.0, np.random.default_rng(0))
    {0: (0, None), 1: (1, 0), 2: (2, 1)}
    """
    if not isinstance(graph, nx.Graph) or graph.is_directed():
        raise TypeError(f"graph must be an undirected networkx Graph, got {type(graph).__name__}")
    if source not in graph:
        raise ValueError(f"source must be a node of the graph, got {source!r}")
    share = require_share("p", p)
    if not isinstance(rng, np.random.Generator):
        raise TypeError(f"rng must be a numpy.random.Generator, got {type(rng).__name__}")
    reached = {source: (0, None)}
    queue = deque([source])
    while queue:
        person = queue.popleft()
        hop = reached[person][0]
        for contact in graph.neighbors(person):
            if contact not in reached and rng.random() < share:
                reached[contact] = (hop + 1, person)
                queue.append(contact)
    return reached


def structural_virality(tree) -> float:
    """The mean distance between all pairs of people in a diffusion tree (``goel2016``): chapter
    3's mean distance, on the tree. NaN for a tree of one person.

    >>> structural_virality(nx.path_graph(4))  # a chain: (n + 1) / 3
    1.6666666666666667
    >>> structural_virality(nx.star_graph(9))  # a broadcast to 9: 2 (n - 1) / n
    1.8
    """
    g, _ = as_graph(tree, name="tree")
    if g.n == 0:
        raise ValueError("tree must have at least one node, got an empty graph")
    if g.n == 1:
        return float("nan")
    dist = distance_distribution(g)
    if g.n_edges != g.n - 1 or dist.unreachable:
        raise ValueError(f"tree must be a tree (connected, with one link fewer than people), got "
                         f"{g.n} people and {g.n_edges} links")
    return dist.mean


# --- the branching arithmetic ---------------------------------------------------------------------


def branching_factor(graph, p: float) -> float:
    """``R = p (k_nn - 1)``: the mean number of people a person reached through a link passes the
    post to, with ``k_nn`` the mean number of contacts of a friend (Feld's ``sum k^2 / sum k``).

    >>> branching_factor(nx.cycle_graph(10), 0.5)  # everyone has 2 contacts: k_nn - 1 = 1
    0.5
    """
    share = require_share("p", p)
    return share * (friendship_paradox(graph).mean_friend_degree - 1.0)


def critical_probability(graph) -> float:
    """The pass-on probability at which ``R = 1``, ``1 / (k_nn - 1)``: below it cascades die out
    in a large network without clustering; above it some reach a sizeable share of it. Infinite
    when ``k_nn <= 1`` (nobody has a second contact to pass to).

    >>> critical_probability(nx.cycle_graph(10))
    1.0
    """
    excess = friendship_paradox(graph).mean_friend_degree - 1.0
    return 1.0 / excess if excess > 0 else math.inf


def expected_cascade_size(graph, p: float) -> float:
    """Expected people reached, seed included, by the branching arithmetic: the seed passes to
    ``p <k>`` people on average, and each of them starts a chain of ratio ``R``, so
    ``1 + p <k> / (1 - R)``; infinite when ``R >= 1``. Exact for a large random network without
    clustering (a tree locally); clustering and hubs make real cascades differ.

    >>> round(expected_cascade_size(nx.cycle_graph(1000), 0.5), 6)  # 1 + 1 / (1 - 0.5)
    3.0
    """
    share = require_share("p", p)
    paradox = friendship_paradox(graph)
    ratio = share * (paradox.mean_friend_degree - 1.0)
    if ratio >= 1.0:
        return math.inf
    return 1.0 + share * paradox.mean_degree / (1.0 - ratio)

"""Degrees of separation: distances between people in a network, counted exactly or estimated.

Two units are easy to mix up, and the famous figures use both:

* the **distance** between two people is the number of links on a shortest chain between them
  (a friend is at distance 1, a friend of a friend at distance 2);
* the number of **intermediaries** is the number of people strictly inside that chain, the
  distance minus one. "Six degrees of separation" and Facebook's "3.57 degrees" count
  intermediaries: 3.57 intermediaries is a mean distance of 4.57 (``edunov2016``).

Every function takes a networkx graph, a scipy.sparse adjacency matrix or a
:class:`socialmath.graphs.Graph`. A large sparse matrix is checked for symmetry on every call;
convert it once with ``as_graph(matrix, assume_symmetric=True)`` and pass the Graph instead.

The distance code runs a breadth-first search (BFS) from many sources at once: each node holds
one bit per source in a few 64-bit words, and one step of the search is a bitwise OR over
neighbour lists, done by numpy for all nodes together (the multi-source idea of Then et al.,
2014, "The More the Merrier"). On a million-node, ten-million-edge graph, 100 sources take about
a second on a 2-core laptop-class machine (``benchmarks/bench_distances.py``).

>>> import networkx as nx
>>> dist = distance_distribution(nx.path_graph(4))
>>> dist.counts.tolist(), dist.mean
([0, 6, 4, 2], 1.6666666666666667)
>>> round(degrees_of_separation(nx.path_graph(4)), 3)
0.667
"""

from __future__ import annotations

import math
import numbers
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from socialmath._validate import (
    require_array,
    require_count,
    require_integer,
    require_number,
    require_rng,
    require_share,
)
from socialmath.graphs import Graph, as_graph, watts_strogatz

__all__ = [
    "DistanceDistribution",
    "Reach",
    "ReachEstimate",
    "SmallWorldSweep",
    "average_clustering",
    "average_reach",
    "degrees_of_separation",
    "distance_distribution",
    "mean_distance",
    "random_graph_estimate",
    "reach_by_degree",
    "reach_estimate",
    "search_seconds",
    "small_world_sweep",
]

#: Sources searched together: one bit each, in WORDS 64-bit words per node.
WORDS = 2
BATCH = 64 * WORDS
#: Bit b of each byte value 0..255, for counting set bits per position.
_BYTE_BITS = np.unpackbits(np.arange(256, dtype=np.uint8)[:, None], axis=1,
                           bitorder="little").astype(np.int64)
#: Pushing one edge end costs about this many pulled edge ends (measured; it picks the cheaper).
_PUSH_COST = 6
#: Speed of the search, for estimates made before it starts: source-edge steps (one source times
#: one edge) a second. ``benchmarks/bench_distances.py`` searches from 100 sources (one batch of
#: up to 128, which costs as much as a full one) on a graph of 10^6 nodes and 10^7 edges in
#: 1.6 s: 128 x 10^7 / 1.6 s = 8e8 steps a second. A graph with a long diameter (a long chain)
#: needs more steps per edge and takes longer; the progress line measures the real pace.
STEPS_PER_SECOND = 8e8
#: A search estimated to take longer than this is refused unless ``max_seconds`` is raised.
MAX_SECONDS = 600.0
#: With ``progress="auto"``, a search estimated to take at least this long reports its progress.
LONG_RUN_SECONDS = 30.0
#: Seconds between two progress lines.
PROGRESS_EVERY_SECONDS = 5.0
_Z_95 = 1.959963984540054


# --- distances ------------------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class DistanceDistribution:
    """How far apart pairs of people are, from ``n_sources`` search sources.

    ``counts[d]`` is the number of ordered (source, target) pairs at distance ``d`` (``counts[0]``
    is 0: a person is not paired with themselves). ``unreachable`` counts the pairs with no chain
    between them; they are kept apart, never averaged in as an infinite distance. When every node
    is a source (``exact``) the counts are those of all ordered pairs; otherwise they are a sample,
    and ``ci_low`` .. ``ci_high`` is a 95% confidence interval for the mean over all pairs.
    """

    counts: np.ndarray
    unreachable: int
    n_nodes: int
    n_sources: int
    exact: bool
    mean: float
    ci_low: float
    ci_high: float
    per_source_mean: np.ndarray

    @property
    def reachable_pairs(self) -> int:
        """Ordered pairs joined by at least one chain."""
        return int(self.counts.sum())

    @property
    def share_reachable(self) -> float:
        """Share of the searched pairs that are joined by a chain at all."""
        total = self.reachable_pairs + self.unreachable
        return self.reachable_pairs / total if total else float("nan")

    @property
    def shares(self) -> np.ndarray:
        """Share of reachable pairs at each distance (sums to 1)."""
        total = self.reachable_pairs
        return self.counts / total if total else self.counts.astype(float)

    @property
    def degrees_of_separation(self) -> float:
        """Mean number of intermediaries, the mean distance minus one."""
        return self.mean - 1.0

    def within(self, distance: int) -> float:
        """Share of reachable pairs at most ``distance`` steps apart.

        >>> import networkx as nx
        >>> distance_distribution(nx.path_graph(4)).within(1)
        0.5
        """
        d = require_integer("distance", distance, low=0)
        return float(self.shares[: d + 1].sum())

    def __repr__(self) -> str:
        kind = "exact" if self.exact else f"{self.n_sources:,} sampled sources"
        return (f"DistanceDistribution({kind}, mean distance {self.mean:.3f}, 95% interval "
                f"{self.ci_low:.3f}-{self.ci_high:.3f}, unreachable pairs {self.unreachable:,})")


def distance_distribution(graph, sources=None, seed=0, *, max_seconds: float | None = MAX_SECONDS,
                          progress: bool | str | Callable[[int, int], None] | None = "auto"
                          ) -> DistanceDistribution:
    """Count the pairs of nodes at each distance, exactly or from sampled sources.

    ``sources`` is ``None`` (every node: exact), an integer (that many distinct nodes drawn
    uniformly with ``seed``) or a sequence of node ids (labels for a networkx graph; a node named
    twice counts once, and the search is exact when the distinct sources are every node). The
    mean is over reachable pairs (NaN when no searched pair is connected); its 95% interval
    treats the sources as a uniform sample of the nodes (a ratio estimate, normal
    approximation), and is zero-width when the search is exact.

    The work grows as sources x edges: every node of a million-node graph as a source is hours
    of work where 100 sampled sources take about a second. Before it starts, a search whose
    estimate (:func:`search_seconds`) exceeds ``max_seconds`` (10 minutes; ``None``: no limit)
    is refused with the estimate and a sample size that fits. ``progress`` reports the sources
    searched so far: ``"auto"`` writes a line to stderr at most every 5 s on a search expected
    to take 30 s or more (never on a short one), ``True`` always does, ``None`` or ``False``
    never does, and a function is called as ``progress(done, total)`` after each batch of
    sources.

    >>> import networkx as nx
    >>> two_pieces = nx.union(nx.path_graph(3), nx.path_graph(["a", "b"]))
    >>> dist = distance_distribution(two_pieces)
    >>> dist.counts.tolist(), dist.unreachable
    ([0, 6, 2], 12)
    >>> distance_distribution(nx.cycle_graph(10), sources=[0]).counts.tolist()
    [0, 2, 2, 2, 2, 1]
    """
    limit = _require_max_seconds(max_seconds)
    report = _require_progress(progress)
    g, labels = as_graph(graph)
    if g.n == 0:
        raise ValueError("graph must have at least one node, got an empty graph")
    chosen = _choose_sources(g, labels, sources, seed)
    _refuse_long_search(g, chosen.size, sources, limit)
    per_source = _bfs_level_counts(g, chosen, _progress_reporter(report, g, chosen.size))
    return _summarise(per_source, g.n, exact=chosen.size == g.n)


def search_seconds(n_sources: int, n_edges: int) -> float:
    """Seconds a distance search from ``n_sources`` sources over ``n_edges`` edges is expected to
    take, at the speed measured by ``benchmarks/bench_distances.py`` (:data:`STEPS_PER_SECOND`):
    sources (in whole batches of 128, searched together) x edges / steps a second.

    It assumes a small world, a few dozen steps from any node to the farthest: a graph shaped
    like a long chain takes longer.

    >>> round(search_seconds(100, 10_000_000), 1)  # the benchmark's search
    1.6
    >>> round(search_seconds(1_000_000, 10_000_000) / 3600, 1)  # every node as a source: hours
    3.5
    """
    sources = require_count("n_sources", n_sources)
    edges = require_count("n_edges", n_edges)
    return math.ceil(sources / BATCH) * BATCH * edges / STEPS_PER_SECOND


def _require_max_seconds(max_seconds: object) -> float:
    if max_seconds is None:
        return math.inf
    return require_number("max_seconds", max_seconds, low=0, low_open=True)


def _require_progress(progress: object) -> Callable[[int, int], None] | bool | None:
    if progress is None or isinstance(progress, bool) or callable(progress):
        return progress
    if isinstance(progress, str) and progress == "auto":
        return "auto"
    raise TypeError(f"progress must be \"auto\", True, False, None or a function "
                    f"(done, total), got {progress!r} ({type(progress).__name__})")


def _refuse_long_search(g: Graph, n_sources: int, sources: object, limit: float) -> None:
    """Refuse, before it starts, a search expected to take longer than ``limit`` seconds."""
    expected = search_seconds(n_sources, g.n_edges)
    if expected <= limit:
        return
    if sources is None:
        shown = "sources=None (every node)"
    elif isinstance(sources, int | np.integer):
        shown = f"sources={int(sources)}"
    else:
        shown = f"sources (a sequence of {n_sources:,} distinct nodes)"
    fits = BATCH * math.floor(limit * STEPS_PER_SECOND / BATCH / g.n_edges)
    if fits:
        sample = min(fits, 1000)
        hint = (f"Sample the sources instead, e.g. sources={sample} (about "
                f"{_duration(search_seconds(sample, g.n_edges))}; the result then carries a 95% "
                f"interval for the mean)")
    else:
        hint = (f"Even one batch of {BATCH} sources would take about "
                f"{_duration(search_seconds(1, g.n_edges))}: raise max_seconds")
    raise ValueError(
        f"{shown} would search {n_sources:,} sources x {g.n_edges:,} edges = "
        f"{n_sources * g.n_edges:,} source-edge steps, about {_duration(expected)} at "
        f"{STEPS_PER_SECOND / 1e6:,.0f} million steps a second (measured by "
        f"benchmarks/bench_distances.py); "
        f"max_seconds is {limit:g}. {hint}, or pass max_seconds=None to run it anyway")


def _duration(seconds: float) -> str:
    """A duration for a message: ``40 s``, ``12 minutes``, ``3.5 hours``, ``2.1 days``."""
    if seconds < 10:
        return f"{seconds:.1f} s"
    if seconds < 120:
        return f"{seconds:.0f} s"
    if seconds < 2 * 3600:
        return f"{seconds / 60:.0f} minutes"
    if seconds < 2 * 86400:
        return f"{seconds / 3600:.1f} hours"
    return f"{seconds / 86400:.1f} days"


def _progress_reporter(report, g: Graph, total: int) -> Callable[[int, int], None] | None:
    """What the search calls after each batch: the user's function, or a text line on stderr
    (at most every ``PROGRESS_EVERY_SECONDS``), or nothing."""
    if report is None or report is False:
        return None
    if callable(report):
        return report
    always = report is True
    started = time.perf_counter()
    last = [-math.inf]  # when the last line was written (none yet)

    def write(done: int, total: int) -> None:
        now = time.perf_counter()
        elapsed = now - started
        # The pace measured so far predicts the rest better than the estimate made beforehand.
        remaining = elapsed / done * (total - done) if done else search_seconds(total, g.n_edges)
        begun = last[0] > -math.inf  # a report begun is finished, even if the rest went fast
        if not (always or begun) and elapsed + remaining < LONG_RUN_SECONDS:
            return
        if done < total and now - last[0] < PROGRESS_EVERY_SECONDS:
            return
        last[0] = now
        left = f", about {_duration(remaining)} left" if done < total else ""
        print(f"distance search: {done:,} of {total:,} sources ({done / total:.0%}), "
              f"{_duration(elapsed)} elapsed{left}", file=sys.stderr, flush=True)

    if always or search_seconds(total, g.n_edges) >= LONG_RUN_SECONDS:
        write(0, total)
    return write


def mean_distance(graph, sources=None, seed=0, *, max_seconds: float | None = MAX_SECONDS,
                  progress: bool | str | Callable[[int, int], None] | None = "auto") -> float:
    """Mean number of links between two people who are connected at all.

    ``max_seconds`` and ``progress`` are those of :func:`distance_distribution`.

    >>> import networkx as nx
    >>> mean_distance(nx.complete_graph(5))
    1.0

    When no searched pair is connected (a single node, or sources with no contacts), there is no
    distance to average, and a ``ValueError`` says so.
    """
    dist = distance_distribution(graph, sources, seed, max_seconds=max_seconds,
                                 progress=progress)
    if dist.reachable_pairs == 0:
        raise ValueError(f"no pair of the searched nodes is connected ({dist.n_nodes:,} node(s), "
                         f"{dist.n_sources:,} source(s) without a contact), so there is no mean "
                         f"distance; search from other sources or a graph with edges")
    return dist.mean


def degrees_of_separation(graph, sources=None, seed=0, *,
                          max_seconds: float | None = MAX_SECONDS,
                          progress: bool | str | Callable[[int, int], None] | None = "auto"
                          ) -> float:
    """Mean number of *intermediaries* between two connected people: the mean distance minus one.

    This is the unit of "six degrees" and of Facebook's 3.57 (``edunov2016``), whose mean
    distance is 4.57. LinkedIn's "3rd-degree" contact, by contrast, is at distance 3.
    ``max_seconds`` and ``progress`` are those of :func:`distance_distribution`.

    >>> import networkx as nx
    >>> round(degrees_of_separation(nx.star_graph(4)), 3)  # leaves 2 apart, 1 from the hub
    0.6
    """
    return mean_distance(graph, sources, seed, max_seconds=max_seconds, progress=progress) - 1.0


def _choose_sources(g: Graph, labels: list | None, sources, seed) -> np.ndarray:
    rng = require_rng("seed", seed)
    if sources is None:
        return np.arange(g.n, dtype=np.int64)
    if isinstance(sources, int | np.integer) and not isinstance(sources, bool):
        count = require_integer("sources", sources, low=1, high=max(g.n, 1))
        return np.sort(rng.choice(g.n, size=count, replace=False)).astype(np.int64)
    if isinstance(sources, str | bytes | float | bool):
        raise TypeError(f"sources must be None, an integer or a sequence of node ids, "
                        f"got {sources!r} ({type(sources).__name__})")
    try:
        nodes = list(sources)
    except TypeError:
        raise TypeError(f"sources must be None, an integer or a sequence of node ids, "
                        f"got {sources!r} ({type(sources).__name__})") from None
    if not nodes:
        raise ValueError("sources must hold at least one node, got an empty sequence")
    index = _label_index(labels)
    chosen = np.asarray([_node_index(g, index, node, "sources") for node in nodes],
                        dtype=np.int64)
    _, first = np.unique(chosen, return_index=True)  # a node named twice is searched once
    return chosen[np.sort(first)]


def _label_index(labels: list | None) -> dict | None:
    """Position of each node label (None when nodes are already the integers 0 .. n-1)."""
    return None if labels is None else {label: i for i, label in enumerate(labels)}


def _node_index(g: Graph, index: dict | None, node, name: str) -> int:
    if index is not None:
        try:
            return index[node]
        except (KeyError, TypeError):
            raise ValueError(f"{name} must name nodes of the graph, got {node!r}") from None
    if isinstance(node, bool) or not isinstance(node, int | np.integer):
        raise TypeError(f"{name} must hold integer node ids, got {node!r} "
                        f"({type(node).__name__})")
    if not 0 <= int(node) < g.n:
        raise ValueError(f"{name} must hold node ids in [0, {g.n - 1}], got {node!r}")
    return int(node)


def _bfs_level_counts(g: Graph, sources: np.ndarray,
                      progress: Callable[[int, int], None] | None = None) -> np.ndarray:
    """Nodes first reached at each distance, one column per source: shape (levels, sources)."""
    columns = []
    for start in range(0, sources.size, BATCH):
        columns.append(_bfs_batch(g, sources[start:start + BATCH]))
        if progress is not None:
            progress(min(start + BATCH, sources.size), sources.size)
    depth = max(block.shape[0] for block in columns)
    padded = [np.pad(block, ((0, depth - block.shape[0]), (0, 0))) for block in columns]
    return np.concatenate(padded, axis=1)


def _bfs_batch(g: Graph, sources: np.ndarray) -> np.ndarray:
    """Breadth-first search from up to ``BATCH`` sources together, one bit per source.

    ``seen[w, v]`` has bit ``b`` set once node ``v`` has been reached from source ``64 w + b``;
    ``frontier`` holds the bits set at the last step. A step finds, for every node, the OR of the
    frontier words of its neighbours, keeps the bits not seen before and counts them per source.
    """
    width = sources.size
    words = max(1, math.ceil(width / 64))
    seen = np.zeros((words, g.n), dtype=np.uint64)
    bits = np.arange(width)
    one = np.uint64(1)
    np.bitwise_or.at(seen, (bits // 64, sources), one << (bits % 64).astype(np.uint64))
    frontier = seen.copy()
    full = np.zeros(words, dtype=np.uint64)  # the bits in use in each word
    np.bitwise_or.at(full, bits // 64, one << (bits % 64).astype(np.uint64))
    counts = [np.ones(width, dtype=np.int64)]  # each source reaches itself at distance 0
    still_to_find = width * g.n - width
    degrees = g.degrees
    while still_to_find > 0:
        reached = np.empty_like(seen)
        for word in range(words):
            reached[word] = _step(g, degrees, frontier[word], seen[word], full[word])
        np.bitwise_and(reached, np.bitwise_not(seen), out=reached)
        seen |= reached
        found = _count_bits(reached, width)
        if not found.any():
            break
        counts.append(found)
        still_to_find -= int(found.sum())
        frontier = reached
    return np.vstack(counts)


def _step(g: Graph, degrees: np.ndarray, frontier: np.ndarray, seen: np.ndarray,
          full: np.uint64) -> np.ndarray:
    """For every node, the OR of ``frontier`` over its neighbours (one 64-bit word per node).

    When few nodes are in the frontier, their words are pushed to their neighbours
    (``bitwise_or.at``). Otherwise nodes pull from their neighbour lists
    (``bitwise_or.reduceat`` over the CSR rows): every node, or, late in the search, only the
    nodes not yet reached from all sources (``seen`` differs from ``full``).
    """
    active = np.flatnonzero(frontier)
    active_ends = int(degrees[active].sum())
    reached = np.zeros(g.n, dtype=np.uint64)
    if active_ends == 0:
        return reached
    if active_ends * _PUSH_COST < g.indices.size:
        targets = g.indices[_row_positions(g, active)]
        np.bitwise_or.at(reached, targets, np.repeat(frontier[active], degrees[active]))
        return reached
    waiting = np.flatnonzero((seen != full) & (degrees > 0))
    if waiting.size * 2 < g.n:
        positions = _row_positions(g, waiting)
        starts = np.cumsum(degrees[waiting]) - degrees[waiting]
        reached[waiting] = np.bitwise_or.reduceat(frontier[g.indices[positions]], starts)
        return reached
    rows = np.flatnonzero(degrees)
    if rows.size == g.n:
        return np.bitwise_or.reduceat(frontier[g.indices], g.indptr[:-1])
    reached[rows] = np.bitwise_or.reduceat(frontier[g.indices], g.indptr[rows])
    return reached


def _row_positions(g: Graph, rows: np.ndarray) -> np.ndarray:
    """Positions in ``g.indices`` of the neighbour lists of ``rows``, end to end."""
    begin = g.indptr[rows]
    sizes = g.indptr[rows + 1] - begin
    ends = np.cumsum(sizes)
    return np.arange(ends[-1] if ends.size else 0) + np.repeat(begin - (ends - sizes), sizes)


def _count_bits(words: np.ndarray, width: int) -> np.ndarray:
    """For each source ``s < width``, the number of nodes with bit ``s`` set in ``words``
    (shape (words, nodes); bit ``s`` is bit ``s % 64`` of row ``s // 64``).

    Each 64-bit word is read as 8 bytes: a histogram of the values of each byte (256 bins) times
    the bits of those values gives the count of every bit, without unpacking them one by one.
    """
    total = np.zeros(words.shape[0] * 64, dtype=np.int64)
    for word, row in enumerate(words):
        as_bytes = row[row != 0].astype("<u8", copy=False).view(np.uint8).reshape(-1, 8)
        for byte in range(8):
            histogram = np.bincount(as_bytes[:, byte], minlength=256)
            total[64 * word + 8 * byte:64 * word + 8 * byte + 8] = histogram @ _BYTE_BITS
    return total[:width]


def _summarise(per_source: np.ndarray, n: int, exact: bool) -> DistanceDistribution:
    distances = np.arange(per_source.shape[0])
    per_source = per_source.copy()
    per_source[0] = 0  # a source is not paired with itself
    counts = per_source.sum(axis=1)
    reached = per_source.sum(axis=0)  # reachable targets of each source
    length = distances @ per_source  # summed distance to them
    n_sources = per_source.shape[1]
    unreachable = int(n_sources * (n - 1) - reached.sum())
    total = reached.sum()
    mean = float(length.sum() / total) if total else float("nan")
    with np.errstate(invalid="ignore", divide="ignore"):
        per_source_mean = np.where(reached > 0, length / np.maximum(reached, 1), np.nan)
    low = high = mean
    if not exact and n_sources > 1 and total:
        # Ratio estimator: residuals of each source's summed length against mean x its reach.
        residual = length - mean * reached
        half = _Z_95 * residual.std(ddof=1) / math.sqrt(n_sources) / reached.mean()
        low, high = mean - half, mean + half
    return DistanceDistribution(counts=counts.astype(np.int64), unreachable=unreachable,
                                n_nodes=n, n_sources=n_sources, exact=exact, mean=mean,
                                ci_low=float(low), ci_high=float(high),
                                per_source_mean=per_source_mean)


# --- reach by degree ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Reach:
    """People at distance 1, 2, 3... from one person: LinkedIn's 1st, 2nd, 3rd-degree contacts.

    ``by_degree[0]`` is the number of 1st-degree contacts. LinkedIn's degrees are distances: a
    3rd-degree contact is 3 links away, with 2 intermediaries.
    """

    node: object
    by_degree: tuple[int, ...]
    n_nodes: int

    @property
    def cumulative(self) -> tuple[int, ...]:
        """People within 1, 2, 3... steps."""
        return tuple(int(x) for x in np.cumsum(self.by_degree))

    @property
    def share_within(self) -> float:
        """Share of everyone else within ``max_degree`` steps."""
        return self.cumulative[-1] / (self.n_nodes - 1) if self.n_nodes > 1 else 0.0


def reach_by_degree(graph, node, max_degree: int = 3) -> Reach:
    """Count the people 1, 2, ..., ``max_degree`` steps away from ``node``.

    >>> import networkx as nx
    >>> reach_by_degree(nx.path_graph(6), 0).by_degree
    (1, 1, 1)
    """
    g, labels = as_graph(graph)
    depth = require_integer("max_degree", max_degree, low=1, high=1000)
    start = _node_index(g, _label_index(labels), node, "node")
    seen = np.zeros(g.n, dtype=bool)
    seen[start] = True
    frontier = np.array([start], dtype=np.int64)
    found = []
    for _ in range(depth):
        frontier = _new_neighbours(g, frontier, seen)
        seen[frontier] = True
        found.append(int(frontier.size))
    return Reach(node=node, by_degree=tuple(found), n_nodes=g.n)


def _new_neighbours(g: Graph, frontier: np.ndarray, seen: np.ndarray) -> np.ndarray:
    """Nodes adjacent to ``frontier`` and not yet ``seen``, each once."""
    if frontier.size == 0:
        return frontier
    reached = np.zeros(g.n, dtype=bool)
    reached[g.indices[_row_positions(g, frontier)]] = True
    reached &= ~seen
    return np.flatnonzero(reached)


def average_reach(graph, sample: int = 100, max_degree: int = 3, seed=0) -> tuple[float, ...]:
    """Mean number of people 1, 2, ... ``max_degree`` steps away, over ``sample`` people drawn
    with ``seed`` (or everyone, if the graph has no more nodes than ``sample``).

    >>> import networkx as nx
    >>> average_reach(nx.cycle_graph(10), max_degree=2)
    (2.0, 2.0)
    """
    g, labels = as_graph(graph)
    if g.n == 0:
        raise ValueError("graph must have at least one node, got an empty graph")
    count = require_integer("sample", sample, low=1)
    depth = require_integer("max_degree", max_degree, low=1, high=1000)
    rng = require_rng("seed", seed)
    nodes = np.arange(g.n) if count >= g.n else rng.choice(g.n, size=count, replace=False)
    totals = np.zeros(depth)
    for node in nodes:
        totals += reach_by_degree(g, int(node), depth).by_degree
    return tuple(float(x) for x in totals / nodes.size)


@dataclass(frozen=True)
class ReachEstimate:
    """People within 1, 2, 3 steps of you, by the branching arithmetic of
    :func:`reach_estimate`, and the share of a population within three steps."""

    contacts: int
    their_contacts: float
    overlap: float
    population: float
    by_degree: tuple[float, float, float]
    naive: tuple[float, float, float]

    @property
    def within_three(self) -> float:
        """People within three steps (you excluded)."""
        return float(sum(self.by_degree))

    @property
    def share_within_three(self) -> float:
        """Share of the rest of the population within three steps."""
        return min(1.0, self.within_three / (self.population - 1))


def reach_estimate(contacts: int, their_contacts: float, overlap: float = 0.0,
                   population: float = 1e9) -> ReachEstimate:
    """How many people are 1, 2 and 3 steps away, if each of your contacts has
    ``their_contacts`` contacts and a share ``overlap`` of those are people already counted
    (you, your contacts, each other's contacts: the triangles of a clustered network).

    Each step, every newly reached person brings ``(their_contacts - 1) x (1 - overlap)``
    candidates (minus one: the person who introduced them). In a finite ``population`` some
    candidates are people already reached: a share of them, reached at random, is new, so the
    total never exceeds the population. ``naive`` is the same arithmetic without overlap and
    without a population limit: k, k^2, k^3.

    >>> r = reach_estimate(100, 100, overlap=0.0, population=1e12)
    >>> [round(x) for x in r.by_degree]
    [100, 9900, 980100]
    >>> r.naive
    (100.0, 10000.0, 1000000.0)
    """
    size = require_number("population", population, low=2)
    first = require_count("contacts", contacts)
    if first > size - 1:
        raise ValueError(f"contacts must be in [0, {math.floor(size - 1)}] (fewer than the "
                         f"population), got {contacts!r}")
    k = require_number("their_contacts", their_contacts, low=1)
    share = require_share("overlap", overlap)
    branching = (k - 1.0) * (1.0 - share)
    reached = [float(first)]
    total = 1.0 + first  # you and your contacts
    for _ in range(2):
        candidates = reached[-1] * branching
        new = (size - total) * -math.expm1(-candidates / size)
        reached.append(new)
        total += new
    naive = (float(first), float(first) * k, float(first) * k * k)
    return ReachEstimate(contacts=first, their_contacts=k, overlap=share, population=size,
                         by_degree=(reached[0], reached[1], reached[2]), naive=naive)


# --- small worlds ---------------------------------------------------------------------------------


def random_graph_estimate(n: float, mean_degree: float) -> float:
    """The random-graph estimate of the mean distance, ln N / ln k.

    Each step multiplies the people reached by about ``k``, so about ln N / ln k steps reach
    everyone. It ignores clustering (which slows the growth) and hubs (which speed it).

    >>> round(random_graph_estimate(1e6, 20), 2)
    4.61
    """
    size = require_number("n", n, low=2)
    k = require_number("mean_degree", mean_degree, low=1, low_open=True)
    return math.log(size) / math.log(k)


def average_clustering(graph, sample=None, seed=0) -> float:
    """Mean local clustering coefficient: for each person, the share of pairs of their contacts
    who are contacts themselves (0 for people with fewer than two contacts), averaged over people,
    or over ``sample`` people drawn with ``seed`` on a large graph.

    >>> import networkx as nx
    >>> average_clustering(nx.complete_graph(4)), average_clustering(nx.star_graph(3))
    (1.0, 0.0)
    """
    g, _ = as_graph(graph)
    if g.n == 0:
        raise ValueError("graph must have at least one node, got an empty graph")
    rng = require_rng("seed", seed)
    if sample is None:
        nodes = np.arange(g.n)
    else:
        count = require_integer("sample", sample, low=1, high=g.n)
        nodes = rng.choice(g.n, size=count, replace=False)
    return float(_local_clustering(g, nodes).mean())


def _local_clustering(g: Graph, nodes: np.ndarray, chunk: int = 4096) -> np.ndarray:
    """Local clustering of ``nodes``, ``chunk`` rows of the adjacency matrix at a time (the
    triangles through a node are the links among its contacts: row @ A, masked by the row)."""
    adjacency = g.to_scipy().astype(np.int32)
    triangles = np.empty(nodes.size)
    for start in range(0, nodes.size, chunk):
        rows = adjacency[nodes[start:start + chunk]]
        triangles[start:start + chunk] = np.asarray(
            (rows @ adjacency).multiply(rows).sum(axis=1)).ravel() / 2.0
    degree = g.degrees[nodes].astype(float)
    pairs = degree * (degree - 1) / 2.0
    return np.divide(triangles, pairs, out=np.zeros_like(pairs), where=pairs > 0)


@dataclass(frozen=True, eq=False)
class SmallWorldSweep:
    """Mean distance L and clustering C of Watts-Strogatz graphs as the rewiring share p grows,
    each relative to the ring (p = 0)."""

    n: int
    k: int
    p: np.ndarray
    mean_distance: np.ndarray
    clustering: np.ndarray
    mean_distance_ring: float
    clustering_ring: float

    @property
    def relative_distance(self) -> np.ndarray:
        """L(p) / L(0)."""
        return self.mean_distance / self.mean_distance_ring

    @property
    def relative_clustering(self) -> np.ndarray:
        """C(p) / C(0)."""
        return self.clustering / self.clustering_ring


def small_world_sweep(n: int = 1000, k: int = 10, p=(1e-4, 1e-3, 1e-2, 1e-1, 1.0),
                      sources=None, seed=0, *, max_seconds: float | None = MAX_SECONDS,
                      progress: bool | str | Callable[[int, int], None] | None = "auto"
                      ) -> SmallWorldSweep:
    """Watts and Strogatz's experiment (``watts1998``): L(p)/L(0) and C(p)/C(0) for rewiring
    shares ``p``. ``sources`` (None for exact) is passed to :func:`distance_distribution`, as is
    ``progress``; ``max_seconds`` limits the estimated time of all the searches together.

    >>> sweep = small_world_sweep(200, 6, p=[0.1], seed=1)
    >>> bool(sweep.relative_distance[0] < 0.5 < sweep.relative_clustering[0])
    True
    """
    size = require_integer("n", n, low=3, high=200_000)
    k_ring = require_integer("k", k, low=2, high=size - 1)
    shares = _require_shares("p", p)
    rng = require_rng("seed", seed)
    limit = _require_max_seconds(max_seconds)
    _require_progress(progress)
    ring = watts_strogatz(size, k_ring, 0.0, seed=rng)
    chosen = _choose_sources(ring, None, sources, 0)
    searches = shares.size + 1
    expected = searches * search_seconds(chosen.size, ring.n_edges)
    if expected > limit:
        raise ValueError(
            f"small_world_sweep would run {searches} distance searches from {chosen.size:,} "
            f"sources on {ring.n_edges:,} edges, about {_duration(expected)} in all; max_seconds "
            f"is {limit:g}. Pass fewer sources (sources={BATCH} samples one batch) or fewer "
            f"values of p, or max_seconds=None to run it anyway")
    if sources is not None and not isinstance(sources, int | np.integer):
        sources = chosen.tolist()  # read once: an iterator would be empty after the first graph
    lengths, clusterings = [], []
    for share in shares:
        g = watts_strogatz(size, k_ring, float(share), seed=rng)
        lengths.append(mean_distance(g, sources, seed=rng, max_seconds=None, progress=progress))
        clusterings.append(average_clustering(g))
    return SmallWorldSweep(n=size, k=k_ring, p=shares, mean_distance=np.array(lengths),
                           clustering=np.array(clusterings),
                           mean_distance_ring=mean_distance(ring, sources, seed=rng,
                                                            max_seconds=None, progress=progress),
                           clustering_ring=average_clustering(ring))


def _require_shares(name: str, values: object) -> np.ndarray:
    """A share, or a non-empty sequence of shares, in [0, 1], as a float array."""
    if isinstance(values, numbers.Real) and not isinstance(values, bool):
        values = [values]
    return require_array(name, values, low=0, high=1)

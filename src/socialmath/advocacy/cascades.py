"""When people pass the post on: the cascades of several ambassadors at once, on shared draws.

Chapter 4's independent cascade (``kempe2003``; :func:`socialmath.branding.simulate_cascades`):
each person who shares the post passes it to each of their contacts with probability ``p``, once.
Kempe, Kleinberg and Tardos's *live-edge* view gives the same outcome: keep each link with
probability ``p``, independently of the others, and the post reaches everyone connected to a sharer
by kept links. On an undirected network a post crosses a link at most once (from whichever end
shared first), so one coin per link is enough.

:func:`socialmath.branding.simulate_cascades` runs one cascade per seed. Choosing ambassadors needs
the *union* of the cascades of many seeds, evaluated for many candidate sets on the same random
draws, so that two choices are compared on the same luck. :func:`cascade_samples` draws the kept
links for many samples at once and labels every person, in every sample, by the connected piece
they belong to (scipy's connected components on one block-diagonal graph holding all samples). The
expected reach of any set of ambassadors is then a sum over those labels (:func:`cascade_reach`,
:func:`cascade_curve`). Expected reach on shared draws is a mean of coverage functions, so it is
monotone and submodular, and greedy choice keeps its 1 - 1/e guarantee on it.

>>> import networkx as nx
>>> draws = cascade_samples(nx.path_graph(3), p=1.0, samples=4)
>>> cascade_reach(draws, [0])          # p = 1: the whole path, seed included
3.0
>>> cascade_reach(cascade_samples(nx.path_graph(3), p=0.0), [0, 2])
2.0
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from scipy.sparse.csgraph import connected_components

from socialmath._validate import require_integer, require_rng, require_share
from socialmath.advocacy.reach import _nodes
from socialmath.graphs import Graph, as_graph

__all__ = [
    "CascadeSamples",
    "cascade_curve",
    "cascade_reach",
    "cascade_samples",
]

#: Largest samples x people a set of draws may hold (4 bytes each).
MAX_SAMPLE_CELLS = 20_000_000
#: Below this p, kept links are drawn as a binomial count and a sample of that size.
_SPARSE = 0.05


@dataclass(frozen=True, eq=False)
class CascadeSamples:
    """Draws of the independent cascade with pass-on probability ``p`` on ``graph``:
    ``component[s, v]`` labels the piece of the kept links that holds person ``v`` in sample
    ``s`` (labels are distinct across samples); ``labels`` are the node labels of a networkx graph
    (None when nodes are the integers 0 .. n-1)."""

    graph: Graph
    labels: list | None
    p: float
    component: np.ndarray
    n_components: int

    @property
    def samples(self) -> int:
        """Number of samples drawn."""
        return int(self.component.shape[0])

    def __repr__(self) -> str:
        return f"CascadeSamples(p={self.p:g}, {self.samples} samples on {self.graph!r})"


def cascade_samples(graph, p: float, samples: int = 100, seed=0) -> CascadeSamples:
    """Draw ``samples`` live-edge samples of the independent cascade with probability ``p``.

    >>> import networkx as nx
    >>> draws = cascade_samples(nx.path_graph(4), p=0.5, samples=1000, seed=1)
    >>> draws.samples, round(cascade_reach(draws, [0]), 1)   # 1 + 0.5 + 0.25 + 0.125
    (1000, 1.9)
    """
    g, labels = as_graph(graph)
    if g.n == 0:
        raise ValueError("graph must have at least one node, got an empty graph")
    share = require_share("p", p)
    count = require_integer("samples", samples, low=1)
    if count * g.n > MAX_SAMPLE_CELLS:
        raise ValueError(f"samples x people must be at most {MAX_SAMPLE_CELLS:,} (the labels would "
                         f"take {count * g.n * 4 / 1e9:.1f} GB), got {count:,} samples on "
                         f"{g.n:,} people")
    rng = require_rng("seed", seed)
    rows = np.repeat(np.arange(g.n, dtype=np.int64), g.degrees)
    upper = rows < g.indices
    u, v = rows[upper], g.indices[upper].astype(np.int64)
    ends_u, ends_v = [], []
    for sample in range(count):
        if share < _SPARSE:  # draw how many links are kept, then which: same law, less work
            kept = rng.choice(u.size, size=rng.binomial(u.size, share), replace=False)
        else:
            kept = np.flatnonzero(rng.random(u.size) < share)
        ends_u.append(u[kept] + sample * g.n)
        ends_v.append(v[kept] + sample * g.n)
    a, b = np.concatenate(ends_u), np.concatenate(ends_v)
    size = count * g.n
    blocks = sp.csr_array((np.ones(a.size, dtype=np.int8), (a, b)), shape=(size, size))
    n_components, component = connected_components(blocks, directed=False)
    return CascadeSamples(graph=g, labels=labels, p=share,
                          component=component.reshape(count, g.n), n_components=n_components)


def _require_samples(cascades: object) -> CascadeSamples:
    if not isinstance(cascades, CascadeSamples):
        raise TypeError(f"cascades must be CascadeSamples (from cascade_samples), got "
                        f"{type(cascades).__name__}")
    return cascades


def _weights(cascades: CascadeSamples, exclude: np.ndarray) -> np.ndarray:
    """People counted in each piece, over all samples (the people in ``exclude`` not counted)."""
    countable = np.ones(cascades.graph.n, dtype=bool)
    countable[exclude] = False
    return np.bincount(cascades.component[:, countable].ravel(),
                       minlength=cascades.n_components).astype(float)


def _curve(cascades: CascadeSamples, order: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Expected people reached by the first k of ``order``, k = 0 .. len(order)."""
    if order.size == 0:
        return np.zeros(1)
    pieces = cascades.component[:, order].T.ravel()   # ambassador by ambassador
    found, first = np.unique(pieces, return_index=True)
    rank = first // cascades.samples
    gains = np.bincount(rank, weights=weights[found], minlength=order.size)
    return np.concatenate([[0.0], np.cumsum(gains)]) / cascades.samples


def cascade_curve(cascades, ambassadors, exclude=None) -> np.ndarray:
    """Expected number of people the cascades of the first k ambassadors reach together, for
    k = 0, 1, 2, ... (the ambassadors themselves included, the people in ``exclude`` never
    counted).

    >>> import networkx as nx
    >>> cascade_curve(cascade_samples(nx.path_graph(5), p=1.0, samples=2), [0, 4]).tolist()
    [0.0, 5.0, 5.0]
    """
    draws = _require_samples(cascades)
    order = _nodes(draws.graph, draws.labels, ambassadors, "ambassadors")
    outside = _nodes(draws.graph, draws.labels, exclude, "exclude")
    return _curve(draws, order, _weights(draws, outside))


def cascade_reach(cascades, ambassadors, exclude=None) -> float:
    """Expected number of people reached by the cascades of ``ambassadors`` together.

    >>> import networkx as nx
    >>> round(cascade_reach(cascade_samples(nx.star_graph(3), p=0.5, samples=4000, seed=2),
    ...                     [1], exclude=[1]), 1)   # the hub 0.5, each other leaf 0.25
    1.0
    """
    return float(cascade_curve(cascades, ambassadors, exclude)[-1])


def greedy_cascade_order(cascades: CascadeSamples, pool: np.ndarray, count: int,
                         exclude: np.ndarray) -> np.ndarray:
    """Greedy choice of ``count`` of ``pool`` for the expected cascade reach on ``cascades``."""
    weights = _weights(cascades, exclude)
    pieces = cascades.component[:, pool]            # samples x candidates
    covered = np.zeros(cascades.n_components, dtype=bool)
    taken = np.zeros(pool.size, dtype=bool)
    order = np.empty(count, dtype=np.int64)
    for step in range(count):
        gains = (weights[pieces] * ~covered[pieces]).sum(axis=0)
        gains[taken] = -1.0
        best = int(np.argmax(gains))
        taken[best] = True
        order[step] = pool[best]
        covered[pieces[:, best]] = True
    return order


def best_cascade_sizes(cascades: CascadeSamples, pool: np.ndarray, block: np.ndarray,
                       exclude: np.ndarray, weights: np.ndarray | None = None) -> np.ndarray:
    """Expected cascade reach of each combination (a row of positions in ``pool``) of ``block``,
    summed over samples (divide by the number of samples for the mean)."""
    w = _weights(cascades, exclude) if weights is None else weights
    pieces = np.sort(cascades.component[:, pool][:, block], axis=2)   # samples x combos x k
    first = np.ones(pieces.shape, dtype=bool)
    first[:, :, 1:] = pieces[:, :, 1:] != pieces[:, :, :-1]           # each piece counted once
    return (w[pieces] * first).sum(axis=(0, 2))

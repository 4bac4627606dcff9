"""Whom to ask first: greedy, most-connected or random ambassadors, and the best choice found by
trying every combination.

Two objectives: the people among the ambassadors' contacts (and the page's followers), counted
exactly on the network; or, given :class:`~socialmath.advocacy.cascades.CascadeSamples`, the
expected number of people their cascades reach when people pass the post on. Both are coverage
functions: adding an ambassador never lowers them (monotone), and adds less the more the others
already cover (submodular). For such a function the greedy choice reaches at least 1 - 1/e (about
63%) of the best possible (``kempe2003``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from itertools import combinations

import numpy as np

from socialmath._validate import require_integer, require_rng
from socialmath.advocacy.cascades import (
    CascadeSamples,
    _curve,
    _weights,
    best_cascade_sizes,
    greedy_cascade_order,
)
from socialmath.advocacy.reach import _nodes, reach_curve
from socialmath.graphs import Graph, as_graph
from socialmath.separation import _row_positions

__all__ = [
    "RULES",
    "Selection",
    "best_ambassadors",
    "choose_ambassadors",
]

#: The ways :func:`choose_ambassadors` can pick employees.
RULES = ("greedy", "most-connected", "random")
#: Largest number of combinations :func:`best_ambassadors` will try.
MAX_COMBINATIONS = 1_000_000
#: Combinations scored together by :func:`best_ambassadors` (bounds its memory).
_CHUNK = 8192
#: Set bits of each byte value, for counting the people in a packed union.
_POPCOUNT = np.array([bin(value).count("1") for value in range(256)], dtype=np.int64)


# --- choosing ambassadors -----------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class Selection:
    """Ambassadors chosen by ``rule``, in the order chosen, and the reach after each.

    ``reach[0]`` is the page alone; ``reach[k]`` adds the first ``k`` ambassadors. Reach is a
    count of people, or, for cascades, an expected number (a float).
    """

    rule: str
    ambassadors: tuple
    reach: np.ndarray

    @property
    def total(self) -> float:
        """Reach with every chosen ambassador."""
        last = self.reach[-1]
        return int(last) if np.issubdtype(self.reach.dtype, np.integer) else float(last)

    @property
    def marginal(self) -> np.ndarray:
        """New people brought by each ambassador, in the order chosen."""
        return np.diff(self.reach)

    def __repr__(self) -> str:
        return (f"Selection({self.rule}, {len(self.ambassadors)} ambassadors, "
                f"reach {self.total:,.0f})")


def _setup(graph, candidates, k, followers, exclude, cascades=None):
    if cascades is not None:
        if not isinstance(cascades, CascadeSamples):
            raise TypeError(f"cascades must be None or CascadeSamples (from cascade_samples), "
                            f"got {type(cascades).__name__}")
        if followers is not None:
            raise ValueError("followers must be None with cascades: the objective is the "
                             f"ambassadors' own cascades; got {followers!r}")
    g, labels = as_graph(graph)
    if cascades is not None and (cascades.graph.n, cascades.graph.n_edges) != (g.n, g.n_edges):
        raise ValueError(f"cascades must be drawn on this graph ({g.n:,} people, "
                         f"{g.n_edges:,} links), got draws on {cascades.graph!r}")
    pool = (np.arange(g.n, dtype=np.int64) if candidates is None
            else _nodes(g, labels, candidates, "candidates", empty=False))
    if g.n == 0:
        raise ValueError("graph must have at least one node, got an empty graph")
    count = require_integer("k", k, low=0, high=pool.size)
    page = _nodes(g, labels, followers, "followers")
    outside = _nodes(g, labels, exclude, "exclude")
    return g, labels, pool, count, page, outside


def _labelled(labels: list | None, ids: np.ndarray) -> tuple:
    return tuple(int(i) for i in ids) if labels is None else tuple(labels[i] for i in ids)


def choose_ambassadors(graph, candidates=None, k: int = 10, rule: str = "greedy",
                       followers=None, exclude=None, seed=0, cascades=None) -> Selection:
    """Pick ``k`` ambassadors among ``candidates`` (default: everyone) by ``rule``:

    * ``"greedy"``: each time, the candidate who adds the most people not yet reached (ties: the
      first in ``candidates``); within 1 - 1/e of the best choice (``kempe2003``);
    * ``"most-connected"``: the candidates with the most contacts (ties: the first listed);
    * ``"random"``: ``k`` candidates drawn at random with ``seed``.

    Reach counts the page's ``followers`` and the ambassadors' contacts, never the people in
    ``exclude``. With ``cascades`` (draws from :func:`cascade_samples` on the same graph), reach
    is instead the expected number of people the ambassadors' cascades reach, and greedy choice
    maximises it on those draws (to compare rules fairly, evaluate the choices on other draws with
    :func:`cascade_curve`).

    The greedy step scores every remaining candidate at once: the number of their contacts not
    yet reached, summed over the CSR rows with ``np.bincount`` (for cascades, the people in the
    pieces of kept links they start from, not yet covered, over all samples).

    >>> import networkx as nx
    >>> two_stars = nx.Graph([(0, 1), (0, 2), (0, 3), (0, 4), (5, 1), (5, 2), (5, 3), (6, 7),
    ...                       (6, 8), (6, 9)])
    >>> choose_ambassadors(two_stars, k=2, rule="most-connected").ambassadors
    (0, 5)
    >>> greedy = choose_ambassadors(two_stars, k=2)
    >>> greedy.ambassadors, greedy.reach.tolist()
    ((0, 6), [0, 4, 7])
    """
    if not isinstance(rule, str) or rule not in RULES:
        raise ValueError(f"rule must be one of {RULES}, got {rule!r}")
    rng = require_rng("seed", seed)
    g, labels, pool, count, page, outside = _setup(graph, candidates, k, followers, exclude,
                                                   cascades)
    if rule == "random":
        order = rng.permutation(pool)[:count]
    elif rule == "most-connected":
        order = pool[np.argsort(-g.degrees[pool], kind="stable")][:count]
    elif cascades is not None:
        order = greedy_cascade_order(cascades, pool, count, outside)
    else:
        order = _greedy(g, pool, count, page, outside)
    reach = (reach_curve(g, order, page, outside) if cascades is None
             else _curve(cascades, order, _weights(cascades, outside)))
    return Selection(rule=rule, ambassadors=_labelled(labels, order), reach=reach)


def _greedy(g: Graph, pool: np.ndarray, count: int, page: np.ndarray,
            outside: np.ndarray) -> np.ndarray:
    counted = np.zeros(g.n, dtype=bool)   # reached already, or not to be counted
    counted[page] = True
    counted[outside] = True
    targets = g.indices[_row_positions(g, pool)]
    owner = np.repeat(np.arange(pool.size), g.degrees[pool])
    taken = np.zeros(pool.size, dtype=bool)
    order = np.empty(count, dtype=np.int64)
    for step in range(count):
        gains = np.bincount(owner, weights=~counted[targets], minlength=pool.size)
        gains[taken] = -1.0
        best = int(np.argmax(gains))
        taken[best] = True
        order[step] = pool[best]
        counted[g.neighbors(pool[best])] = True
    return order


def best_ambassadors(graph, candidates=None, k: int = 2, followers=None,
                     exclude=None, cascades=None) -> Selection:
    """The ``k`` candidates with the largest reach together, by trying every combination (ties:
    the first in the order of ``itertools.combinations``). For small cases: at most
    ``MAX_COMBINATIONS`` combinations. With ``cascades``, the largest expected cascade reach on
    those draws.

    >>> import networkx as nx
    >>> best_ambassadors(nx.path_graph(6), k=2).total   # {1, 4} reach 0, 2, 3, 5
    4
    """
    g, labels, pool, count, page, outside = _setup(graph, candidates, k, followers, exclude,
                                                   cascades)
    n_combinations = math.comb(pool.size, count)
    if n_combinations > MAX_COMBINATIONS:
        raise ValueError(f"k = {count} among {pool.size} candidates gives {n_combinations:,} "
                         f"combinations; at most {MAX_COMBINATIONS:,} can be tried, use fewer "
                         f"candidates or a smaller k")
    if cascades is not None:
        return _best_cascade(cascades, labels, pool, count, outside)
    if count == 0:
        return Selection("best", (), reach_curve(g, pool[:0], page, outside))
    countable = np.ones(g.n, dtype=bool)
    countable[page] = False
    countable[outside] = False
    columns = np.flatnonzero(countable)
    where = np.full(g.n, -1, dtype=np.int64)
    where[columns] = np.arange(columns.size)
    audience = np.zeros((pool.size, max(columns.size, 1)), dtype=bool)
    for row, node in enumerate(pool):
        hits = where[g.neighbors(node)]
        audience[row, hits[hits >= 0]] = True
    packed = np.packbits(audience, axis=1)
    best_value, best_combo = -1, None
    for block in _blocks(pool.size, count):
        union = np.bitwise_or.reduce(packed[block], axis=1)
        sizes = _POPCOUNT[union].sum(axis=1)
        top = int(np.argmax(sizes))
        if sizes[top] > best_value:
            best_value, best_combo = int(sizes[top]), block[top]
    order = pool[best_combo]
    return Selection(rule="best", ambassadors=_labelled(labels, order),
                     reach=reach_curve(g, order, page, outside))


def _blocks(n: int, k: int):
    """Every combination of ``k`` of ``range(n)``, ``_CHUNK`` rows at a time (k >= 1)."""
    chosen = combinations(range(n), k)
    while True:
        block = np.array([c for _, c in zip(range(_CHUNK), chosen, strict=False)],
                         dtype=np.int64).reshape(-1, k)
        if block.size == 0:
            return
        yield block


def _best_cascade(cascades: CascadeSamples, labels, pool: np.ndarray, count: int,
                  outside: np.ndarray) -> Selection:
    weights = _weights(cascades, outside)
    best_value, best_combo = -1.0, np.zeros(0, dtype=np.int64)
    if count:
        for block in _blocks(pool.size, count):
            sizes = best_cascade_sizes(cascades, pool, block, outside, weights)
            top = int(np.argmax(sizes))
            if sizes[top] > best_value:
                best_value, best_combo = float(sizes[top]), block[top]
    order = pool[best_combo]
    return Selection(rule="best", ambassadors=_labelled(labels, order),
                     reach=_curve(cascades, order, weights))

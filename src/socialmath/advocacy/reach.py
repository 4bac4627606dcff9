"""Reach as a union of audiences: in closed form under independence, simulated, and exactly on a
network.

>>> import networkx as nx
>>> star_and_path = nx.Graph([(0, 1), (0, 2), (0, 3), (3, 4), (4, 5)])
>>> union_reach(star_and_path, [0, 4])     # {1, 2, 3} and {3, 5}: 3 is counted once
4
>>> reach_curve(star_and_path, [4, 0]).tolist()   # the hub adds only 1 and 2
[0, 2, 4]
>>> round(independent_reach([200, 150, 100], population=1000).unique, 1)
388.0
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from socialmath._validate import (
    require_array,
    require_count,
    require_integer,
    require_number,
    require_rng,
)
from socialmath.graphs import Graph, as_graph
from socialmath.separation import _label_index, _node_index, _row_positions

__all__ = [
    "Company",
    "IndependentReach",
    "SimulatedReach",
    "company",
    "independent_reach",
    "overlap",
    "reach_curve",
    "simulate_independent_reach",
    "union_reach",
]

#: Largest pool a simulation draws from, and largest pool x runs it will visit.
MAX_SIMULATED_POOL = 10_000_000
MAX_SIMULATED_WORK = 2_000_000_000


# --- reach under independence -------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class IndependentReach:
    """Expected reach of a page with ``followers`` followers and of ambassadors with ``contacts``
    contacts each, when every audience is a random subset of a pool of ``population`` people.

    ``unique[k - 1]`` and ``total[k]`` are for the first ``k`` ambassadors, in the order given:
    ``unique`` counts the ambassadors' audience alone, ``total`` the page's followers and that
    audience together (``total[0]`` is the page alone).
    """

    contacts: np.ndarray
    population: float
    followers: float
    unique_curve: np.ndarray
    total: np.ndarray

    @property
    def ambassadors(self) -> int:
        """Number of ambassadors."""
        return int(self.contacts.size)

    @property
    def summed(self) -> float:
        """Sum of the ambassadors' contacts: their reach if no one were counted twice."""
        return float(self.contacts.sum())

    @property
    def unique(self) -> float:
        """Expected number of distinct people among all the ambassadors' contacts."""
        return float(self.unique_curve[-1]) if self.unique_curve.size else 0.0

    @property
    def overlap(self) -> float:
        """Share of the summed contacts that are people already counted: 1 - unique / summed."""
        return 1.0 - self.unique / self.summed if self.summed else 0.0

    @property
    def ratio(self) -> float:
        """The ambassadors' unique reach over the page's followers ("how many times further")."""
        return self.unique / self.followers if self.followers else math.inf

    @property
    def marginal(self) -> np.ndarray:
        """New people (beyond the page and the earlier ambassadors) brought by each ambassador."""
        return np.diff(self.total)


def _require_audiences(contacts: object, pool: float) -> np.ndarray:
    """Each ambassador's number of contacts: numbers >= 0, none larger than the pool."""
    sizes = require_array("contacts", contacts, low=0, min_size=0)
    if sizes.size and sizes.max() > pool:
        raise ValueError(f"contacts must be <= the population ({pool:g}), got a value of "
                         f"{sizes.max():g}")
    return sizes


def independent_reach(contacts, population: float, followers: float = 0.0) -> IndependentReach:
    """Expected unique reach when the page's followers and each ambassador's contacts are random
    subsets of a pool of ``population`` people, drawn independently of each other.

    A person is missed by ambassador i with probability 1 - c_i/N, and by everyone with the
    product of those. Inclusion-exclusion (add the sizes, subtract the expected pairwise
    overlaps N p_i p_j, add back the triples...) sums to the same closed form:
    unique = N (1 - prod(1 - c_i/N)), and with the page, N (1 - (1 - F/N) prod(1 - c_i/N)).

    >>> r = independent_reach([200, 150, 100], population=1000, followers=300)
    >>> round(r.summed), round(r.unique, 1), round(float(r.total[-1]), 1), round(r.overlap, 3)
    (450, 388.0, 571.6, 0.138)
    >>> [round(float(x), 1) for x in r.marginal]   # 200 x .7; 150 x .7 x .8; 100 x .7 x .8 x .85
    [140.0, 84.0, 47.6]
    """
    pool = require_number("population", population, low=0, low_open=True)
    sizes = _require_audiences(contacts, pool)
    page = require_number("followers", followers, low=0, high=pool)
    with np.errstate(divide="ignore"):  # an audience of the whole pool: log(0) = -inf
        log_missed = np.cumsum(np.log1p(-sizes / pool))
    unique = -pool * np.expm1(log_missed)
    total = pool - (pool - page) * np.exp(np.concatenate([[0.0], log_missed]))
    return IndependentReach(contacts=sizes, population=pool, followers=page,
                            unique_curve=unique, total=total)


@dataclass(frozen=True, eq=False)
class SimulatedReach:
    """Unique reach in each run of :func:`simulate_independent_reach`."""

    unique: np.ndarray
    total: np.ndarray

    @property
    def runs(self) -> int:
        return int(self.unique.size)


def simulate_independent_reach(contacts, population: int, followers: int = 0, runs: int = 1000,
                               seed=0) -> SimulatedReach:
    """Draw the independence model: in each run, the page's followers and each ambassador's
    contacts are random subsets of the given sizes of a pool of ``population`` people, and the
    distinct people among them are counted.

    The expected counts are :func:`independent_reach`'s. Each run visits the whole pool, so
    ``population x runs`` is capped.

    >>> sim = simulate_independent_reach([200, 150, 100], 1000, followers=300, runs=2000, seed=1)
    >>> bool(abs(sim.unique.mean() - 388.0) < 1), bool(abs(sim.total.mean() - 571.6) < 1)
    (True, True)
    """
    pool = require_integer("population", population, low=1, high=MAX_SIMULATED_POOL)
    sizes = _require_audiences(contacts, pool)
    if not np.all(sizes == np.round(sizes)):
        raise ValueError(f"contacts must be whole numbers of people, got {contacts!r}")
    page = require_count("followers", followers, high=pool)
    times = require_integer("runs", runs, low=1)
    if pool * times > MAX_SIMULATED_WORK:
        raise ValueError(f"runs x population must be at most {MAX_SIMULATED_WORK:,} (about "
                         f"{MAX_SIMULATED_WORK // 10**9} s of work), got {times:,} x {pool:,}")
    rng = require_rng("seed", seed)
    unique = np.empty(times, dtype=np.int64)
    total = np.empty(times, dtype=np.int64)
    seen = np.empty(pool, dtype=bool)
    for run in range(times):
        seen[:] = False
        for size in sizes.astype(np.int64):
            seen[rng.choice(pool, size=size, replace=False)] = True
        unique[run] = np.count_nonzero(seen)
        seen[rng.choice(pool, size=page, replace=False)] = True
        total[run] = np.count_nonzero(seen)
    return SimulatedReach(unique=unique, total=total)


# --- reach on a network -------------------------------------------------------------------------


def _nodes(g: Graph, labels: list | None, values, name: str, *, empty: bool = True
           ) -> np.ndarray:
    """Node ids (distinct) for ``values``: labels of a networkx graph, or integers 0 .. n-1."""
    if values is None:
        return np.zeros(0, dtype=np.int64)
    if isinstance(values, str | bytes | numbers.Number) or not isinstance(values, Iterable):
        raise TypeError(f"{name} must be a sequence of nodes, got {values!r} "
                        f"({type(values).__name__})")
    if labels is None and isinstance(values, np.ndarray) and values.ndim == 1 and (
            np.issubdtype(values.dtype, np.integer)):
        ids = values.astype(np.int64)
        if ids.size and (ids.min() < 0 or ids.max() >= g.n):
            raise ValueError(f"{name} must hold node ids in [0, {g.n - 1}], got values from "
                             f"{ids.min()} to {ids.max()}")
    else:
        index = _label_index(labels)
        ids = np.asarray([_node_index(g, index, node, name) for node in values], dtype=np.int64)
    if not empty and ids.size == 0:
        raise ValueError(f"{name} must hold at least one node, got none")
    distinct, counts = np.unique(ids, return_counts=True)
    if distinct.size != ids.size:
        twice = int(distinct[np.argmax(counts > 1)])
        raise ValueError(f"{name} must not repeat a node, got "
                         f"{labels[twice] if labels is not None else twice!r} more than once")
    return ids


def _first_reached(g: Graph, order: np.ndarray, followers: np.ndarray,
                   exclude: np.ndarray) -> np.ndarray:
    """For every node, when it is first reached: 0 = a follower of the page, k = a contact of
    the k-th ambassador in ``order`` (and of none before), ``order.size + 1`` = never, or
    excluded."""
    never = order.size + 1
    rank = np.full(g.n, never, dtype=np.int64)
    if order.size:
        targets = g.indices[_row_positions(g, order)]
        owner = np.repeat(np.arange(1, order.size + 1), g.degrees[order])
        # Owners ascend, so the first time a node appears it is with its earliest ambassador.
        reached, first = np.unique(targets, return_index=True)
        rank[reached] = owner[first]
    rank[followers] = 0
    rank[exclude] = never
    return rank


def reach_curve(graph, ambassadors, followers=None, exclude=None) -> np.ndarray:
    """Distinct people reached by the page and the first k ambassadors, for k = 0, 1, 2, ...

    ``curve[0]`` is the page alone (its ``followers``), ``curve[k]`` adds the contacts of the
    first ``k`` ambassadors in the order given; people in ``exclude`` (for example every employee,
    to count only people outside the company) are never counted. ``np.diff(curve)`` is the
    marginal reach of each ambassador.

    >>> import networkx as nx
    >>> reach_curve(nx.star_graph(4), [0, 1], followers=[2]).tolist()   # the hub, then a leaf
    [1, 4, 5]
    """
    g, labels = as_graph(graph)
    order = _nodes(g, labels, ambassadors, "ambassadors")
    page = _nodes(g, labels, followers, "followers")
    outside = _nodes(g, labels, exclude, "exclude")
    rank = _first_reached(g, order, page, outside)
    counts = np.bincount(rank, minlength=order.size + 2)
    return np.cumsum(counts[:order.size + 1])


def union_reach(graph, ambassadors, followers=None, exclude=None) -> int:
    """Distinct people who follow the page or are a contact of at least one ambassador, not
    counting the people in ``exclude``.

    >>> import networkx as nx
    >>> union_reach(nx.path_graph(5), [1, 3])   # {0, 2} and {2, 4}
    3
    >>> union_reach(nx.path_graph(5), [1, 3], followers=[0, 1], exclude=[1, 3])
    3
    """
    return int(reach_curve(graph, ambassadors, followers, exclude)[-1])


def overlap(graph, ambassadors, exclude=None) -> float:
    """Share of the ambassadors' summed audiences that is people counted more than once:
    1 - (distinct people) / (sum of each ambassador's countable contacts).

    >>> import networkx as nx
    >>> overlap(nx.path_graph(5), [1, 3])   # 4 contacts in all, 3 distinct people
    0.25
    """
    g, labels = as_graph(graph)
    order = _nodes(g, labels, ambassadors, "ambassadors")
    outside = _nodes(g, labels, exclude, "exclude")
    countable = np.ones(g.n, dtype=bool)
    countable[outside] = False
    summed = int(countable[g.indices[_row_positions(g, order)]].sum())
    unique = int(np.count_nonzero(_first_reached(g, order, np.zeros(0, np.int64), outside)
                                  <= order.size))
    return 1.0 - unique / summed if summed else 0.0


# --- a company on a network ---------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class Company:
    """A company on a network: its ``employees`` (node ids, the first one the person the company
    grew around) and its page's ``followers`` (node ids, none of them employees)."""

    graph: Graph
    employees: np.ndarray
    followers: np.ndarray

    @property
    def outside_contacts(self) -> np.ndarray:
        """Each employee's contacts outside the company, in the order of ``employees``."""
        inside = np.zeros(self.graph.n, dtype=bool)
        inside[self.employees] = True
        targets = self.graph.indices[_row_positions(self.graph, self.employees)]
        owner = np.repeat(np.arange(self.employees.size), self.graph.degrees[self.employees])
        return np.bincount(owner, weights=~inside[targets],
                           minlength=self.employees.size).astype(np.int64)

    def __repr__(self) -> str:
        return (f"Company({self.employees.size:,} employees, {self.followers.size:,} followers, "
                f"on {self.graph!r})")


def company(graph: Graph, employees: int = 300, followers: int = 3000, seed=0) -> Company:
    """Place a company on ``graph``: ``employees`` people who are close to each other (the first
    ``employees`` people a breadth-first search reaches from one person drawn at random, ties in
    random order), and a page followed by ``followers`` people drawn at random from everyone else.

    Colleagues found this way share many contacts, as colleagues do; followers drawn at random
    overlap with the employees' contacts only by chance, which favours large reach.

    >>> from socialmath.graphs import watts_strogatz
    >>> firm = company(watts_strogatz(100, 4, 0.0), employees=5, followers=10, seed=1)
    >>> firm.employees.size, firm.followers.size, bool(set(firm.employees) & set(firm.followers))
    (5, 10, False)
    """
    if not isinstance(graph, Graph):
        raise TypeError(f"graph must be a socialmath Graph, got {type(graph).__name__}")
    staff = require_integer("employees", employees, low=1, high=graph.n)
    page = require_count("followers", followers, high=graph.n - staff)
    rng = require_rng("seed", seed)
    start = int(rng.integers(graph.n))
    seen = np.zeros(graph.n, dtype=bool)
    seen[start] = True
    found = [np.array([start], dtype=np.int64)]
    frontier, total = found[0], 1
    while total < staff:
        nxt = np.zeros(graph.n, dtype=bool)
        nxt[graph.indices[_row_positions(graph, frontier)]] = True
        nxt &= ~seen
        frontier = rng.permutation(np.flatnonzero(nxt))
        if frontier.size == 0:  # the component ran out: jump to someone not yet seen
            frontier = np.array([rng.choice(np.flatnonzero(~seen))], dtype=np.int64)
        seen[frontier] = True
        found.append(frontier)
        total += frontier.size
    staff_ids = np.concatenate(found)[:staff]
    others = np.ones(graph.n, dtype=bool)
    others[staff_ids] = False
    page_ids = np.sort(rng.choice(np.flatnonzero(others), size=page, replace=False))
    return Company(graph=graph, employees=staff_ids, followers=page_ids.astype(np.int64))

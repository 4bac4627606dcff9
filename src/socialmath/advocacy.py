"""Employee advocacy: how many people a company's post reaches when its employees share it.

A company **page** has followers; an **ambassador** is an employee who shares the page's posts
with their own contacts. The people a post can reach are the *union* of those audiences, not
their sum: someone who knows two ambassadors, or who knows one and follows the page, is one
person. This module counts that union three ways:

* exactly, on a network (:func:`union_reach`, :func:`reach_curve`): the union of the
  ambassadors' neighbourhoods, read from the CSR arrays of :class:`socialmath.graphs.Graph`;
* under independence (:func:`independent_reach`): if each audience is a random subset of a pool
  of N people, inclusion-exclusion sums in closed form to N (1 - (1 - F/N) prod(1 - c_i/N));
* by simulating that independence model (:func:`simulate_independent_reach`), to check it.

It then asks which employees to ask first (:func:`choose_ambassadors`: greedy, most-connected or
random; :func:`best_ambassadors`: every combination, for small cases), how concentrated
engagement is among them (:func:`concentration`), and what each vendor figure would require
(:func:`hold_claims`, :func:`required_overlap`, :func:`required_rate_ratio`).

Reach counts people, never the ambassadors' own posts twice. Adding an ambassador never lowers it,
and adds less the more the others already cover: reach is *monotone* and *submodular*. For such a
function the greedy choice reaches at least 1 - 1/e (about 63%) of the best possible
(``kempe2003``).

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
from itertools import combinations

import numpy as np
import pandas as pd

from socialmath._validate import (
    require_count,
    require_integer,
    require_number,
    require_rng,
    require_share,
)
from socialmath.graphs import Graph, as_graph
from socialmath.pareto import alpha_for_share, gini, top_share
from socialmath.separation import _label_index, _node_index, _row_positions

__all__ = [
    "LINKEDIN_2016_CTR_RATIO",
    "LINKEDIN_2017_ENGAGEMENT",
    "LINKEDIN_2017_SHARERS",
    "RULES",
    "VENDOR_CLAIMS",
    "Company",
    "Concentration",
    "IndependentReach",
    "Programme",
    "Selection",
    "SimulatedReach",
    "VendorClaim",
    "best_ambassadors",
    "choose_ambassadors",
    "company",
    "concentration",
    "hold_claims",
    "independent_reach",
    "overlap",
    "reach_curve",
    "required_overlap",
    "required_rate_ratio",
    "required_sharers_reach",
    "sharers_engagement_share",
    "simulate_independent_reach",
    "union_reach",
]

#: The ways :func:`choose_ambassadors` can pick employees.
RULES = ("greedy", "most-connected", "random")
#: Largest number of combinations :func:`best_ambassadors` will try.
MAX_COMBINATIONS = 1_000_000
#: Largest pool a simulation draws from, and largest pool x runs it will visit.
MAX_SIMULATED_POOL = 10_000_000
MAX_SIMULATED_WORK = 2_000_000_000
#: Combinations scored together by :func:`best_ambassadors` (bounds its memory).
_CHUNK = 8192
#: Set bits of each byte value, for counting the people in a packed union.
_POPCOUNT = np.array([bin(value).count("1") for value in range(256)], dtype=np.int64)


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


def _require_amounts(name: str, values: object, high: float | None = None) -> np.ndarray:
    """A 1-d array of finite numbers >= 0 (and <= ``high``)."""
    if isinstance(values, str | bytes | numbers.Number):
        raise TypeError(f"{name} must be a sequence of numbers (one per ambassador), "
                        f"got {values!r}")
    try:
        array = np.asarray(values, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(f"{name} must be a sequence of numbers (one per ambassador), "
                        f"got {values!r}") from None
    if array.ndim != 1:
        raise ValueError(f"{name} must be one-dimensional, got shape {array.shape}")
    if array.dtype == bool or not np.all(np.isfinite(array)):
        raise ValueError(f"{name} must hold finite numbers, got {values!r}")
    if array.size and array.min() < 0:
        raise ValueError(f"{name} must be >= 0, got a value of {array.min():g}")
    if high is not None and array.size and array.max() > high:
        raise ValueError(f"{name} must be <= the population ({high:g}), got a value of "
                         f"{array.max():g}")
    return array


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
    sizes = _require_amounts("contacts", contacts, high=pool)
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
    sizes = _require_amounts("contacts", contacts, high=pool)
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
    if np.unique(ids).size != ids.size:
        raise ValueError(f"{name} must not repeat a node")
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


# --- choosing ambassadors -----------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class Selection:
    """Ambassadors chosen by ``rule``, in the order chosen, and the reach after each.

    ``reach[0]`` is the page alone; ``reach[k]`` adds the first ``k`` ambassadors.
    """

    rule: str
    ambassadors: tuple
    reach: np.ndarray

    @property
    def total(self) -> int:
        """Reach with every chosen ambassador."""
        return int(self.reach[-1])

    @property
    def marginal(self) -> np.ndarray:
        """New people brought by each ambassador, in the order chosen."""
        return np.diff(self.reach)

    def __repr__(self) -> str:
        return (f"Selection({self.rule}, {len(self.ambassadors)} ambassadors, "
                f"reach {self.total:,})")


def _setup(graph, candidates, k, followers, exclude):
    g, labels = as_graph(graph)
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
                       followers=None, exclude=None, seed=0) -> Selection:
    """Pick ``k`` ambassadors among ``candidates`` (default: everyone) by ``rule``:

    * ``"greedy"``: each time, the candidate who adds the most people not yet reached (ties: the
      first in ``candidates``); within 1 - 1/e of the best choice (``kempe2003``);
    * ``"most-connected"``: the candidates with the most contacts (ties: the first listed);
    * ``"random"``: ``k`` candidates drawn at random with ``seed``.

    The greedy step scores every remaining candidate at once: the number of their contacts not
    yet reached, summed over the CSR rows with ``np.bincount``.

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
    g, labels, pool, count, page, outside = _setup(graph, candidates, k, followers, exclude)
    if rule == "random":
        order = rng.permutation(pool)[:count]
    elif rule == "most-connected":
        order = pool[np.argsort(-g.degrees[pool], kind="stable")][:count]
    else:
        order = _greedy(g, pool, count, page, outside)
    return Selection(rule=rule, ambassadors=_labelled(labels, order),
                     reach=reach_curve(g, order, page, outside))


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
                     exclude=None) -> Selection:
    """The ``k`` candidates with the largest reach together, by trying every combination (ties:
    the first in the order of ``itertools.combinations``). For small cases: at most
    ``MAX_COMBINATIONS`` combinations.

    >>> import networkx as nx
    >>> best_ambassadors(nx.path_graph(6), k=2).total   # {1, 4} reach 0, 2, 3, 5
    4
    """
    g, labels, pool, count, page, outside = _setup(graph, candidates, k, followers, exclude)
    n_combinations = math.comb(pool.size, count)
    if n_combinations > MAX_COMBINATIONS:
        raise ValueError(f"k = {count} among {pool.size} candidates gives {n_combinations:,} "
                         f"combinations; at most {MAX_COMBINATIONS:,} can be tried, use fewer "
                         f"candidates or a smaller k")
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
    chosen = combinations(range(pool.size), count)
    while True:
        block = np.array([c for _, c in zip(range(_CHUNK), chosen, strict=False)],
                         dtype=np.int64).reshape(-1, count)
        if block.size == 0:
            break
        union = np.bitwise_or.reduce(packed[block], axis=1)
        sizes = _POPCOUNT[union].sum(axis=1)
        top = int(np.argmax(sizes))
        if sizes[top] > best_value:
            best_value, best_combo = int(sizes[top]), block[top]
    order = pool[best_combo]
    return Selection(rule="best", ambassadors=_labelled(labels, order),
                     reach=reach_curve(g, order, page, outside))


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


# --- concentration of engagement ----------------------------------------------------------------


@dataclass(frozen=True)
class Concentration:
    """How unequal engagement is among ambassadors: the share held by the ``top`` share of them,
    the Gini index, and the Pareto alpha that gives the same top share (``inf`` when the top hold
    no more than their number, 1 when they hold everything)."""

    top: float
    share: float
    gini: float
    alpha: float


def concentration(values, top: float = 0.03) -> Concentration:
    """Share of the total held by the ``top`` share of ``values``, the Gini index (both from
    :mod:`socialmath.pareto`), and the Pareto alpha with the same top share.

    >>> c = concentration([1] * 97 + [10, 10, 10], top=0.03)
    >>> round(c.share, 3), round(c.alpha, 2)
    (0.236, 1.7)
    """
    t = require_share("top", top)
    if t in (0.0, 1.0):
        raise ValueError(f"top must be strictly between 0 and 1, got {top!r}")
    share = top_share(values, t)
    if share <= t + 1e-12:  # no more than their number (up to rounding)
        alpha = math.inf
    elif share >= 1.0 - 1e-12:
        alpha = 1.0
    else:
        alpha = alpha_for_share(t, share)
    return Concentration(top=t, share=share, gini=gini(values), alpha=alpha)


# --- the vendor figures, and what each would require --------------------------------------------


@dataclass(frozen=True)
class VendorClaim:
    """A figure sold with employee advocacy: its wording as reported, its source (a key of
    ``book/references.bib``, or ``""`` when none was found), its status, what it compares
    (``measure``) and the factor it claims."""

    name: str
    wording: str
    source: str
    status: str
    measure: str
    factor: float


#: The figures of the course's fact sheet. "561% further" is read as 5.61 times *more* reach,
#: 6.61 times the page's; the primary MSLGroup report was not found, nor any data behind the
#: "10x" and "8x" figures, so those are unverified (U) and shown only as claims.
VENDOR_CLAIMS = (
    VendorClaim("561% further", "brand messages reach 561% further when employees share them",
                "", "U (attributed to MSLGroup, report not found)", "reach", 6.61),
    VendorClaim("24x re-shares", "brand messages are re-shared 24x more often when employees "
                "share them", "", "U (attributed to MSLGroup, report not found)", "re-shares",
                24.0),
    VendorClaim("2x click-through", "employee shares get 2x the click-through rate of company "
                "shares of the same content", "linkedin2016", "vendor claim (LinkedIn 2016)",
                "clicks per viewer", 2.0),
    VendorClaim("10x connections", "employees have 10x more connections than the company has "
                "followers", "", "U (folklore, no data found)", "connections", 10.0),
    VendorClaim("8x engagement", "employee content gets 8x more engagement", "",
                "U (folklore, no data found)", "engagement", 8.0),
)
#: LinkedIn's 2017 figure: "only 3% of employees share content", and they "generate 30% of all
#: content engagement for a typical business" (``linkedin2017``, a vendor claim).
LINKEDIN_2017_SHARERS, LINKEDIN_2017_ENGAGEMENT = 0.03, 0.30
#: LinkedIn's 2016 ratio of click-through rates, employee shares over company shares
#: (``linkedin2016``, a vendor claim): 2x overall, 2.4x above 10,000 employees, 1.8x below.
LINKEDIN_2016_CTR_RATIO = 2.0


@dataclass(frozen=True)
class Programme:
    """What an advocacy programme adds up to: the page's ``followers``, the ambassadors'
    ``summed_contacts`` and the ``unique_reach`` (distinct people) among them, and
    ``rate_ratio``, how much more often a viewer engages with an employee's share than with the
    page's (an assumption; LinkedIn 2016 reports 2 for clicks)."""

    followers: float
    summed_contacts: float
    unique_reach: float
    rate_ratio: float = 1.0

    def __post_init__(self) -> None:
        require_number("followers", self.followers, low=0, low_open=True)
        summed = require_number("summed_contacts", self.summed_contacts, low=0)
        require_number("unique_reach", self.unique_reach, low=0, high=summed)
        require_number("rate_ratio", self.rate_ratio, low=0, low_open=True)

    @property
    def overlap(self) -> float:
        """Share of the summed contacts counted more than once."""
        return 1.0 - self.unique_reach / self.summed_contacts if self.summed_contacts else 0.0

    @property
    def reach_ratio(self) -> float:
        """The ambassadors' unique reach over the page's followers."""
        return self.unique_reach / self.followers

    @property
    def connections_ratio(self) -> float:
        """The ambassadors' summed contacts over the page's followers."""
        return self.summed_contacts / self.followers

    @property
    def engagement_ratio(self) -> float:
        """Engagement with the ambassadors' shares over engagement with the page's post:
        reach ratio x per-viewer rate ratio."""
        return self.reach_ratio * self.rate_ratio


def required_overlap(factor: float, followers: float, summed_contacts: float) -> float:
    """The largest overlap at which ambassadors whose contacts add up to ``summed_contacts``
    still reach ``factor`` times the page's ``followers``: 1 - factor x followers / summed.
    Negative when even no overlap is not enough.

    >>> round(required_overlap(6.61, 2000, 15000), 3)
    0.119
    """
    f = require_number("factor", factor, low=0, low_open=True)
    page = require_number("followers", followers, low=0, low_open=True)
    summed = require_number("summed_contacts", summed_contacts, low=0, low_open=True)
    return 1.0 - f * page / summed


def required_rate_ratio(factor: float, reach_ratio: float) -> float:
    """How much more often each viewer must engage with an employee's share than with the
    page's post, for engagement to be ``factor`` times the page's when reach is ``reach_ratio``
    times the page's.

    >>> required_rate_ratio(8, 2.5)
    3.2
    """
    f = require_number("factor", factor, low=0, low_open=True)
    ratio = require_number("reach_ratio", reach_ratio, low=0, low_open=True)
    return f / ratio


def sharers_engagement_share(sharers_reach: float, followers: float,
                             rate_ratio: float = LINKEDIN_2016_CTR_RATIO) -> float:
    """Share of all engagement that comes from the sharers, if the page's post reaches its
    ``followers``, the sharers reach ``sharers_reach`` other people, and their viewers engage
    ``rate_ratio`` times as often: r R / (r R + F).

    >>> round(sharers_engagement_share(750, 3000), 3)
    0.333
    """
    reach = require_number("sharers_reach", sharers_reach, low=0)
    page = require_number("followers", followers, low=0, low_open=True)
    ratio = require_number("rate_ratio", rate_ratio, low=0, low_open=True)
    return ratio * reach / (ratio * reach + page)


def required_sharers_reach(share: float, followers: float,
                           rate_ratio: float = LINKEDIN_2016_CTR_RATIO) -> float:
    """The sharers' unique reach for them to bring ``share`` of all engagement:
    share / (1 - share) x followers / rate_ratio (the inverse of
    :func:`sharers_engagement_share`).

    >>> round(required_sharers_reach(0.30, 3000), 1)
    642.9
    """
    s = require_share("share", share)
    if s == 1.0:
        raise ValueError("share must be below 1: the page's own post always brings some, got 1")
    page = require_number("followers", followers, low=0, low_open=True)
    ratio = require_number("rate_ratio", rate_ratio, low=0, low_open=True)
    return s / (1.0 - s) * page / ratio


def _needs(claim: VendorClaim, programme: Programme) -> tuple[float, bool | None, str]:
    """This programme's value for ``claim``, whether it meets it, and what would."""
    p = programme
    if claim.measure == "reach":
        limit = required_overlap(claim.factor, p.followers, p.summed_contacts)
        if limit <= 0:
            need = (f"impossible here: even with no overlap the contacts add up to only "
                    f"{p.connections_ratio:.1f}x the followers")
        else:
            need = (f"overlap at most {limit:.0%} (here {p.overlap:.0%}), or at most "
                    f"{p.unique_reach / claim.factor:,.0f} followers")
        return p.reach_ratio, p.reach_ratio >= claim.factor, need
    if claim.measure == "connections":
        return (p.connections_ratio, p.connections_ratio >= claim.factor,
                f"at most {p.summed_contacts / claim.factor:,.0f} followers; the distinct "
                f"people would still be {1 - p.overlap:.0%} of the connections")
    if claim.measure == "clicks per viewer":
        return (p.rate_ratio, None,
                f"a rate per viewer, which reach does not enter (an assumption here); total "
                f"clicks would be {p.reach_ratio * claim.factor:.1f}x the page's")
    needed = required_rate_ratio(claim.factor, p.reach_ratio)
    return (p.engagement_ratio, p.engagement_ratio >= claim.factor,
            f"each viewer {needed:.1f}x as engaged as the page's viewers "
            f"(assumed here: {p.rate_ratio:g}x)")


def hold_claims(programme: Programme, claims=VENDOR_CLAIMS) -> pd.DataFrame:
    """One row per vendor claim: what it compares, the factor claimed, this programme's value,
    whether it meets the claim (None for a per-viewer rate, which is an input here) and what
    would make it true.

    >>> table = hold_claims(Programme(followers=3000, summed_contacts=26000,
    ...                               unique_reach=16000, rate_ratio=2.0))
    >>> row = table.loc["561% further"]
    >>> round(float(row["this programme"]), 2), bool(row["holds"])
    (5.33, False)
    """
    if not isinstance(programme, Programme):
        raise TypeError(f"programme must be a Programme, got {type(programme).__name__}")
    rows = []
    for claim in claims:
        if not isinstance(claim, VendorClaim):
            raise TypeError(f"claims must hold VendorClaim objects, got {claim!r}")
        value, holds, need = _needs(claim, programme)
        rows.append({"claim": claim.name, "status": claim.status, "compares": claim.measure,
                     "claimed": claim.factor, "this programme": value, "holds": holds,
                     "would need": need})
    return pd.DataFrame(rows).set_index("claim")

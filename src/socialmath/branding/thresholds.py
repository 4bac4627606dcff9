"""Thresholds: people who act only once enough others have.

A person's **threshold** is the number of others who must already act before they join.
Granovetter's riot (``granovetter1978``) shows what this does to a crowd: 100 people with
thresholds 0, 1, 2, ..., 99 all end up rioting, one after the other; move the person with
threshold 1 to 2 and only the instigator riots. Two crowds with almost the same people can end
in opposite ways. :func:`riot` reproduces both.

On a network, a person sees only their contacts. :func:`threshold_contagion` spreads a behaviour
that a person adopts once at least ``threshold`` of their contacts have. With a threshold of 1
it is a **simple contagion** (one contact is enough, like news); with 2 or more, a **complex
contagion** (you need to see it from several people, like a costly habit). Centola
(``centola2010``) found in an online experiment that a health behaviour spread farther and
faster on clustered networks than on random ones with the same number of contacts each.
:func:`clustered_and_random` builds such a pair: a ring lattice, where your contacts know each
other, and a random network where everyone has exactly as many contacts.

>>> riot(list(range(100))).size
100
>>> thresholds = list(range(100))
>>> thresholds[1] = 2
>>> riot(thresholds).size
1
"""

from __future__ import annotations

import numbers
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from socialmath._validate import require_integer, require_rng, require_share
from socialmath.graphs import Graph, as_graph, random_regular, watts_strogatz
from socialmath.separation import _label_index, _node_index, _row_positions

__all__ = [
    "MAX_PEOPLE",
    "Contagion",
    "Riot",
    "clustered_and_random",
    "neighbourhood",
    "riot",
    "threshold_contagion",
]

#: Largest crowd :func:`riot` follows round by round.
MAX_PEOPLE = 1_000_000


@dataclass(frozen=True, eq=False)
class Riot:
    """A crowd with thresholds, followed round by round.

    ``joined[r]`` is the number of people rioting after round ``r``: round 0 is the people with
    threshold 0 (the instigators); in each later round, everyone whose threshold is at most the
    number already rioting joins. It stops when a round adds nobody.
    """

    thresholds: np.ndarray
    joined: np.ndarray

    @property
    def size(self) -> int:
        """People rioting at the end."""
        return int(self.joined[-1])

    @property
    def rounds(self) -> int:
        """Rounds after the first in which someone joined."""
        return int(self.joined.size - 1)

    @property
    def share(self) -> float:
        """Share of the crowd rioting at the end."""
        return self.size / self.thresholds.size


def riot(thresholds) -> Riot:
    """Follow Granovetter's riot for a crowd with the given thresholds (the number of others who
    must riot before each person joins; whole numbers or not, >= 0).

    >>> riot([0, 1, 2, 3]).joined.tolist()
    [1, 2, 3, 4]
    >>> riot([0, 2, 2, 3]).joined.tolist()
    [1]
    >>> riot([1, 1]).size  # no instigator, no riot
    0
    """
    values = _require_thresholds(thresholds)
    ordered = np.sort(values)
    count = int(np.searchsorted(ordered, 0.0, side="right"))
    joined = [count]
    while True:
        after = int(np.searchsorted(ordered, float(count), side="right"))
        if after == count:
            break
        count = after
        joined.append(count)
    return Riot(thresholds=values, joined=np.array(joined, dtype=np.int64))


def _require_thresholds(thresholds: object) -> np.ndarray:
    if isinstance(thresholds, str | bytes | numbers.Number):
        raise TypeError(f"thresholds must be a sequence of numbers, got {thresholds!r}")
    try:
        values = np.asarray(thresholds, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(f"thresholds must be a sequence of numbers, got {thresholds!r}") from None
    if values.ndim != 1 or values.size == 0:
        raise ValueError(f"thresholds must be a non-empty one-dimensional sequence, got shape "
                         f"{values.shape}")
    if values.size > MAX_PEOPLE:
        raise ValueError(f"thresholds must hold at most {MAX_PEOPLE:,} people, got {values.size:,}")
    if not np.all(np.isfinite(values)) or np.any(values < 0):
        raise ValueError("thresholds must be finite numbers >= 0, got a value of "
                         f"{values[~np.isfinite(values) | (values < 0)][0]!r}")
    return values


# --- contagion on a network -----------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class Contagion:
    """A behaviour spreading on a network by a threshold rule, round by round.

    ``adopted[r]`` is the number of adopters after round ``r`` (round 0: the seeds). In each round
    everyone with at least ``threshold`` adopting contacts adopts. It stops when a round adds
    nobody, or after ``max_rounds``.
    """

    threshold: int
    n: int
    adopted: np.ndarray

    @property
    def final_share(self) -> float:
        """Share of the network that adopted in the end."""
        return float(self.adopted[-1] / self.n)

    @property
    def rounds(self) -> int:
        """Rounds in which someone adopted."""
        return int(self.adopted.size - 1)

    @property
    def share_by_round(self) -> np.ndarray:
        """Share of the network adopting after each round."""
        return self.adopted / self.n

    def rounds_to(self, share: float) -> int | None:
        """First round at which at least ``share`` of the network had adopted, or None."""
        reached = np.flatnonzero(self.share_by_round >= require_share("share", share))
        return int(reached[0]) if reached.size else None


def neighbourhood(graph, node) -> list:
    """A person and all their contacts: the seed group that lets a complex contagion start.

    >>> import networkx as nx
    >>> neighbourhood(nx.path_graph(4), 1)
    [1, 0, 2]
    """
    g, labels = as_graph(graph)
    index = _node_index(g, _label_index(labels), node, "node")
    members = [index, *g.neighbors(index).tolist()]
    return members if labels is None else [labels[i] for i in members]


def threshold_contagion(graph, threshold: int = 2, seeds=None, max_rounds: int = 100_000
                        ) -> Contagion:
    """Spread a behaviour that a person adopts once at least ``threshold`` contacts have.

    ``seeds`` are the first adopters (node ids, or labels for a networkx graph); by default, the
    first node and its contacts (:func:`neighbourhood`), so that a threshold of 2 can start.

    >>> import networkx as nx
    >>> ring = nx.circulant_graph(12, [1, 2])      # everyone knows 2 neighbours on each side
    >>> threshold_contagion(ring, 2).adopted.tolist()
    [5, 7, 9, 12]
    >>> threshold_contagion(nx.path_graph(5), 2, seeds=[0]).final_share
    0.2
    """
    g, labels = as_graph(graph)
    if g.n == 0:
        raise ValueError("graph must have at least one node, got an empty graph")
    needed = require_integer("threshold", threshold, low=1)
    limit = require_integer("max_rounds", max_rounds, low=1, high=10_000_000)
    start = _seed_nodes(g, labels, seeds)
    adopted = np.zeros(g.n, dtype=bool)
    adopted[start] = True
    exposed = np.zeros(g.n, dtype=np.int64)  # adopting contacts of each person
    new = np.flatnonzero(adopted)
    history = [int(new.size)]
    for _ in range(limit):
        np.add.at(exposed, g.indices[_row_positions(g, new)], 1)
        new = np.flatnonzero(~adopted & (exposed >= needed))
        if new.size == 0:
            break
        adopted[new] = True
        history.append(history[-1] + int(new.size))
    return Contagion(threshold=needed, n=g.n, adopted=np.array(history, dtype=np.int64))


def _seed_nodes(g: Graph, labels: list | None, seeds) -> np.ndarray:
    if seeds is None:
        return np.array([0, *g.neighbors(0).tolist()], dtype=np.int64)
    if isinstance(seeds, str | bytes | numbers.Number) or not isinstance(seeds, Iterable):
        raise TypeError(f"seeds must be None or a sequence of nodes, got {seeds!r} "
                        f"({type(seeds).__name__})")
    nodes = list(seeds)
    if not nodes:
        raise ValueError("seeds must hold at least one node, got an empty sequence")
    index = _label_index(labels)
    return np.array([_node_index(g, index, node, "seeds") for node in nodes], dtype=np.int64)


def clustered_and_random(n: int = 2000, k: int = 6, seed: int | np.random.Generator | None = 0
                         ) -> dict[str, Graph]:
    """Two networks where everyone has exactly ``k`` contacts: a ring lattice (each person knows
    the ``k / 2`` nearest on each side, so contacts share contacts) and a random network.

    >>> pair = clustered_and_random(100, 4, seed=1)
    >>> {name: int(g.degrees.max()) for name, g in pair.items()}
    {'clustered': 4, 'random': 4}
    """
    rng = require_rng("seed", seed)
    size = require_integer("n", n, low=3)
    ring = require_integer("k", k, low=2, high=size - 1)
    return {"clustered": watts_strogatz(size, ring, 0.0, seed=rng),
            "random": random_regular(size, ring, seed=rng)}

"""The friendship paradox: on average, your contacts have more contacts than you do (``feld1991``).

Pick a person at random: their expected number of contacts is the mean degree. Pick a
*friendship* at random and look at one end: people with many contacts sit at the end of many
friendships, so they are picked more often. Counting each person once per friendship gives
Feld's identity,

    mean over friendships of a friend's contacts = sum(k^2) / sum(k) = mean + variance / mean,

which exceeds the mean unless everyone has the same number of contacts (variance zero).

:func:`friendship_paradox` measures both sides on a graph, checks the identity against the
graph's own neighbour lists, and counts the people whose contacts have more contacts than they
do. :func:`feld_1991_graph` is Feld's eight girls (his Figure 1 and Table 1): 2.5 friends on
average, 3.0 for their friends.

>>> paradox = friendship_paradox(feld_1991_graph())
>>> paradox.mean_degree, paradox.mean_friend_degree, paradox.feld_identity
(2.5, 3.0, 3.0)
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import networkx as nx
import numpy as np
import pandas as pd

from socialmath._validate import require_integer
from socialmath.graphs import as_graph

__all__ = [
    "FELD_1991_EDGES",
    "FELD_1991_NAMES",
    "FriendshipParadox",
    "feld_1991_graph",
    "friends_mean_degree",
    "friendship_paradox",
    "paradox_by_degree",
]

#: The groups of :func:`paradox_by_degree`: 1 to 19 contacts, 20 to 49, 50 to 99, 100 or more.
DEGREE_BANDS = (1, 20, 50, 100)

#: The eight girls of Feld's Figure 1, in the order of his Table 1.
FELD_1991_NAMES = ("Betty", "Sue", "Alice", "Jane", "Pam", "Dale", "Carol", "Tina")
#: Their ten friendships (Feld 1991, Figure 1), as reproduced in secondary sources. They give
#: Table 1's totals: 20 friendships ends, a mean of 2.5 friends, 3.0 for friends.
FELD_1991_EDGES = (
    ("Betty", "Sue"),
    ("Sue", "Alice"), ("Sue", "Pam"), ("Sue", "Dale"),
    ("Alice", "Jane"), ("Alice", "Pam"), ("Alice", "Dale"),
    ("Jane", "Dale"),
    ("Pam", "Carol"),
    ("Carol", "Tina"),
)


def feld_1991_graph() -> nx.Graph:
    """Feld's eight girls and their friendships (``feld1991``, Figure 1), as a networkx graph.

    >>> dict(feld_1991_graph().degree())
    {'Betty': 1, 'Sue': 4, 'Alice': 4, 'Jane': 2, 'Pam': 3, 'Dale': 3, 'Carol': 2, 'Tina': 1}
    """
    graph = nx.Graph()
    graph.add_nodes_from(FELD_1991_NAMES)
    graph.add_edges_from(FELD_1991_EDGES)
    return graph


@dataclass(frozen=True)
class FriendshipParadox:
    """Both sides of the friendship paradox on one graph.

    * ``mean_degree`` and ``variance``: the mean and variance of the number of contacts over
      everyone (people with no contacts included);
    * ``mean_friend_degree``: the mean number of contacts of a friend, over all friendships
      (each person counted once per friendship), read from the graph's neighbour lists;
    * ``feld_identity``: ``mean + variance / mean``, from the degrees alone;
    * ``mean_of_friends_means``: for each person with contacts, the mean of their contacts'
      numbers of contacts, then averaged over those people (a different average, also above
      the mean in most networks);
    * ``share_below``, ``share_equal``, ``share_above``: among people with at least one contact,
      the share with fewer contacts than the mean of their contacts, the same, and more.
    """

    n: int
    isolated: int
    mean_degree: float
    variance: float
    mean_friend_degree: float
    feld_identity: float
    mean_of_friends_means: float
    share_below: float
    share_equal: float
    share_above: float

    @property
    def gap(self) -> float:
        """How many more contacts a friend has than a person, on average: variance / mean."""
        return self.mean_friend_degree - self.mean_degree

    @property
    def ratio(self) -> float:
        """A friend's mean number of contacts divided by a person's."""
        return self.mean_friend_degree / self.mean_degree


def friends_mean_degree(graph) -> np.ndarray:
    """For each person, the mean number of contacts of their contacts (NaN for a person with no
    contacts). Nodes are in the graph's order (networkx) or ``0 .. n-1``.

    >>> friends_mean_degree(nx.star_graph(3)).tolist()
    [1.0, 3.0, 3.0, 3.0]
    """
    g, _ = as_graph(graph)
    sums = _friends_degree_sums(g)
    degrees = g.degrees
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(degrees > 0, sums / np.maximum(degrees, 1), np.nan)


def _friends_degree_sums(g) -> np.ndarray:
    """For each person, the total number of contacts of their contacts (an integer)."""
    sums = np.zeros(g.n, dtype=np.int64)
    rows = np.flatnonzero(g.degrees)
    if rows.size:
        sums[rows] = np.add.reduceat(g.degrees[g.indices], g.indptr[rows])
    return sums


def friendship_paradox(graph) -> FriendshipParadox:
    """Mean contacts of a person and of a friend, Feld's identity, and who is below their
    friends, on any undirected graph (networkx, scipy.sparse or :class:`socialmath.graphs.Graph`)
    with at least one link.

    >>> paradox = friendship_paradox(nx.star_graph(4))  # a hub and four leaves
    >>> paradox.mean_degree, paradox.mean_friend_degree, paradox.share_below
    (1.6, 2.5, 0.8)
    """
    g, _ = as_graph(graph)
    if g.n_edges == 0:
        raise ValueError(f"graph must have at least one link, got {g.n} people and no links")
    degrees = g.degrees
    mean = float(degrees.mean())
    variance = float(degrees.astype(np.float64).var())
    friend_degree = float(degrees[g.indices].mean())  # over every end of every friendship
    connected = degrees > 0
    mine = degrees[connected]
    sums = _friends_degree_sums(g)[connected]
    # Friends' mean above one's own <=> their total above k * k: integers, compared exactly.
    below = int(np.count_nonzero(sums > mine * mine))
    above = int(np.count_nonzero(sums < mine * mine))
    people = int(mine.size)
    return FriendshipParadox(
        n=g.n, isolated=g.n - people, mean_degree=mean, variance=variance,
        mean_friend_degree=friend_degree, feld_identity=mean + variance / mean,
        mean_of_friends_means=float(np.mean(sums / mine)),
        share_below=below / people, share_equal=(people - below - above) / people,
        share_above=above / people)


def paradox_by_degree(graph, edges: Sequence[int] = DEGREE_BANDS) -> pd.DataFrame:
    """The friendship paradox person by person, grouped by number of contacts: for each group,
    how many people it holds and the share of them whose contacts have more contacts than they
    do on average (below), and fewer (above).

    The paradox is a statement about averages. A person with many contacts is usually *above*
    their contacts' mean: this table shows where it stops holding. ``edges`` are increasing
    numbers of contacts: groups run from ``edges[i]`` to ``edges[i + 1] - 1``, and the last is
    ``edges[-1]`` or more. A group with nobody in it has NaN shares.

    >>> table = paradox_by_degree(nx.star_graph(4), edges=(1, 2))  # four leaves, one hub
    >>> table.index.tolist(), table["people"].tolist()
    (['1', '2+'], [4, 1])
    >>> table["below"].tolist(), table["above"].tolist()
    ([1.0, 0.0], [0.0, 1.0])
    """
    g, _ = as_graph(graph)
    degrees = g.degrees
    sums = _friends_degree_sums(g)
    rows, names = [], []
    for name, low, high in _bands(edges):
        names.append(name)
        inside = (degrees >= low) & (degrees < high)
        k, total = degrees[inside], sums[inside]
        people = int(k.size)
        below = float(np.mean(total > k * k)) if people else float("nan")
        above = float(np.mean(total < k * k)) if people else float("nan")
        rows.append({"people": people, "below": below, "above": above})
    return pd.DataFrame(rows, index=names)


def _bands(edges: object) -> list[tuple[str, float, float]]:
    """``(name, low, high)`` for the groups ``edges[i] .. edges[i + 1] - 1`` and ``edges[-1]``
    or more ("1–19", "100+"; a group of one value is named by it), ``high`` excluded and infinite
    for the last. ``edges`` must be strictly increasing whole numbers >= 1."""
    if isinstance(edges, str | bytes) or not isinstance(edges, Sequence | np.ndarray):
        raise TypeError(f"edges must be a sequence of increasing whole numbers, got {edges!r}")
    bounds = [require_integer("edges", value, low=1) for value in edges]
    if not bounds or any(b <= a for a, b in zip(bounds, bounds[1:], strict=False)):
        raise ValueError(f"edges must be one or more strictly increasing whole numbers >= 1, got "
                         f"{list(edges)!r}")
    bands = []
    for low, high in zip(bounds, [*bounds[1:], None], strict=True):
        if high is None:
            bands.append((f"{low:,}+", low, math.inf))
        else:
            name = f"{low:,}" if high == low + 1 else f"{low:,}–{high - 1:,}"
            bands.append((name, low, high))
    return bands

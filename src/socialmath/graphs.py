"""Random networks up to a million nodes, stored as compressed sparse rows (CSR).

A :class:`Graph` is an undirected simple graph (no self-loops, no repeated edges) on the nodes
``0 .. n-1``. Its neighbour lists sit end to end in one array, ``indices``; the neighbours of node
``v`` are ``indices[indptr[v]:indptr[v + 1]]``. This is the layout of ``scipy.sparse.csr_array``,
and it lets the distance code in :mod:`socialmath.separation` work on whole arrays at once.

Five seeded generators, the first four built with array operations rather than a loop over
edges:

* :func:`erdos_renyi`: every pair of people equally likely to be connected;
* :func:`watts_strogatz`: a ring of neighbours with a share ``p`` of edges rewired at random
  (``watts1998``);
* :func:`barabasi_albert`: growth with preferential attachment (``barabasi1999``);
* :func:`professional_network`: heavy-tailed degrees (Chung-Lu) plus triadic closure, so that
  contacts of a contact are often contacts too;
* :func:`random_regular`: everyone has the same number of contacts, drawn at random otherwise
  (networkx's pairing algorithm, a loop, so it is capped at 100,000 nodes).

>>> g = watts_strogatz(20, 4, 0.0, seed=1)
>>> g.n, g.n_edges, g.mean_degree
(20, 40, 4.0)
>>> sorted(g.neighbors(0).tolist())
[1, 2, 18, 19]
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx
import numpy as np
import scipy.sparse as sp

from socialmath._validate import (
    describe_range,
    require_bool,
    require_integer,
    require_memory,
    require_number,
    require_rng,
    require_share,
)

__all__ = [
    "Graph",
    "as_graph",
    "barabasi_albert",
    "erdos_renyi",
    "from_edges",
    "professional_network",
    "random_regular",
    "watts_strogatz",
]

#: Largest graph the generators build (nodes); the CSR arrays use 32-bit node ids. Whether a graph
#: of that size fits is checked against the memory limit (``socialmath._validate.memory_limit``).
MAX_NODES = 50_000_000
#: Bytes of working memory per edge and per node while a graph is built (both edge directions as
#: 32-bit ids, the sort that removes repeats, and the CSR arrays), measured with tracemalloc and
#: rounded up.
_BYTES_PER_EDGE = 64
_BYTES_PER_NODE = 24


def _require_graph_memory(name: str, value: object, n: int, edges: float) -> None:
    """Refuse a graph of ``n`` nodes and about ``edges`` edges that would not fit in memory."""
    require_memory(name, value, _BYTES_PER_EDGE * edges + _BYTES_PER_NODE * n,
                   f"a graph of {n:,} nodes and about {edges:,.0f} edges")
#: Largest graph :func:`random_regular` builds: its pairing runs in Python (about 6 s at this size).
MAX_REGULAR_NODES = 100_000


@dataclass(frozen=True, eq=False)
class Graph:
    """An undirected simple graph on nodes ``0 .. n-1`` in CSR form (see the module docstring)."""

    indptr: np.ndarray
    indices: np.ndarray

    def __post_init__(self) -> None:
        for name in ("indptr", "indices"):
            value = getattr(self, name)
            if not isinstance(value, np.ndarray) or value.ndim != 1 or not np.issubdtype(
                    value.dtype, np.integer):
                raise TypeError(f"{name} must be a 1-d numpy array of integers, got {value!r}")
        if self.indptr.size == 0 or self.indptr[0] != 0 or self.indptr[-1] != self.indices.size:
            raise ValueError(f"indptr must start at 0 and end at len(indices) = "
                             f"{self.indices.size}, got {self.indptr[:1]} ... {self.indptr[-1:]}")
        if np.any(np.diff(self.indptr) < 0):
            raise ValueError("indptr must be non-decreasing")
        n = self.indptr.size - 1
        if self.indices.size and (self.indices.min() < 0 or self.indices.max() >= n):
            raise ValueError(f"indices must hold node ids in [0, {n - 1}]")

    @property
    def n(self) -> int:
        """Number of nodes."""
        return int(self.indptr.size - 1)

    @property
    def n_edges(self) -> int:
        """Number of (undirected) edges."""
        return int(self.indices.size // 2)

    @property
    def degrees(self) -> np.ndarray:
        """Number of neighbours of each node."""
        return np.diff(self.indptr)

    @property
    def mean_degree(self) -> float:
        """Mean number of neighbours, 2 x edges / nodes."""
        return 2.0 * self.n_edges / self.n if self.n else 0.0

    def neighbors(self, node: int) -> np.ndarray:
        """The neighbours of ``node`` (a view, do not modify)."""
        v = require_integer("node", node, low=0, high=self.n - 1)
        return self.indices[self.indptr[v]:self.indptr[v + 1]]

    def to_scipy(self) -> sp.csr_array:
        """The adjacency matrix as a ``scipy.sparse.csr_array`` of ones (int8)."""
        data = np.ones(self.indices.size, dtype=np.int8)
        return sp.csr_array((data, self.indices, self.indptr), shape=(self.n, self.n))

    def to_networkx(self) -> nx.Graph:
        """The same graph as a ``networkx.Graph`` with nodes ``0 .. n-1``.

        >>> watts_strogatz(10, 2, 0.0, seed=0).to_networkx().number_of_edges()
        10
        """
        graph = nx.Graph()
        graph.add_nodes_from(range(self.n))
        rows = np.repeat(np.arange(self.n), self.degrees)
        upper = rows < self.indices
        graph.add_edges_from(zip(rows[upper].tolist(), self.indices[upper].tolist(), strict=True))
        return graph

    def __repr__(self) -> str:
        return f"Graph(n={self.n:,}, edges={self.n_edges:,}, mean degree={self.mean_degree:.2f})"


def from_edges(n: int, sources: np.ndarray, targets: np.ndarray) -> Graph:
    """The simple undirected graph on ``n`` nodes with the given edges.

    Self-loops are dropped and repeated edges kept once, in either direction.

    >>> from_edges(3, np.array([0, 1, 1, 2]), np.array([1, 0, 2, 2])).n_edges
    2
    """
    size = require_integer("n", n, low=0, high=MAX_NODES)
    u = np.asarray(sources)
    v = np.asarray(targets)
    if u.shape != v.shape or u.ndim != 1:
        raise ValueError(f"sources and targets must be 1-d arrays of equal length, "
                         f"got shapes {u.shape} and {v.shape}")
    for name, ends in (("sources", u), ("targets", v)):
        if ends.size and not np.issubdtype(ends.dtype, np.integer):
            raise TypeError(f"{name} must hold integer node ids, got dtype {ends.dtype}")
        if ends.size and size == 0:
            raise ValueError(f"{name} must be empty: a graph with n = 0 nodes has no node ids, "
                             f"got {ends.size} of them")
        if ends.size and (ends.min() < 0 or ends.max() >= size):
            raise ValueError(f"{name} must hold node ids in [0, {size - 1}], "
                             f"got values from {ends.min()} to {ends.max()}")
    _require_graph_memory("n", n, size, u.size)
    keep = u != v
    u, v = u[keep].astype(np.int32), v[keep].astype(np.int32)
    rows = np.concatenate([u, v])
    cols = np.concatenate([v, u])
    del u, v
    data = np.ones(rows.size, dtype=bool)
    matrix = sp.csr_array((data, (rows, cols)), shape=(size, size))
    matrix.sum_duplicates()
    return Graph(matrix.indptr.astype(np.int64), matrix.indices.astype(np.int32, copy=False))


def as_graph(graph: object, name: str = "graph", *,
             assume_symmetric: bool = False) -> tuple[Graph, list | None]:
    """Turn a :class:`Graph`, a ``networkx.Graph`` or a square scipy.sparse matrix into a Graph.

    Returns the graph and, for a networkx graph, the list of its node labels in the order used
    (``None`` otherwise: nodes are then the integers ``0 .. n-1``). A sparse matrix is read as an
    undirected graph: any stored non-zero entry ``(i, j)`` is an edge between ``i`` and ``j``, and
    the diagonal is ignored. A matrix that is not symmetric (an upper triangle, a list of directed
    edges) is symmetrised.

    Checking symmetry exactly costs about half as much as a 100-source distance search on the
    same graph (``benchmarks/bench_distances.py``). ``assume_symmetric=True`` states that the
    matrix is symmetric, as ``Graph.to_scipy`` and networkx write it: the check is then made on a
    sample of :data:`SYMMETRY_SAMPLE` entries (and on the number of entries on each side of the
    diagonal), and a matrix that fails it is refused; one that is not symmetric but passes it is
    read as stored, so distances would follow its entries in their stored direction only. Convert
    a large matrix once, this way, and pass the Graph on.

    >>> g, labels = as_graph(nx.path_graph(["a", "b", "c"]))
    >>> g.n_edges, labels
    (2, ['a', 'b', 'c'])
    >>> import scipy.sparse as sp
    >>> as_graph(sp.csr_array([[0, 1], [0, 0]]))[0].n_edges  # one direction is enough
    1
    >>> as_graph(sp.csr_array([[0, 1], [0, 0]]), assume_symmetric=True)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: graph is not symmetric (0 entries below the diagonal, 1 above), although ...
    """
    symmetric = require_bool("assume_symmetric", assume_symmetric)
    if isinstance(graph, Graph):
        return graph, None
    if isinstance(graph, nx.Graph):
        if graph.is_directed():
            raise TypeError(f"{name} must be an undirected graph, got a {type(graph).__name__}; "
                            f"use graph.to_undirected()")
        labels = list(graph.nodes())
        if not labels:
            return Graph(np.zeros(1, dtype=np.int64), np.zeros(0, dtype=np.int32)), labels
        matrix = nx.to_scipy_sparse_array(graph, nodelist=labels, weight=None, format="coo")
        return from_edges(len(labels), matrix.row, matrix.col), labels
    if sp.issparse(graph):
        rows, cols = graph.shape
        if rows != cols:
            raise ValueError(f"{name} must be a square adjacency matrix, got shape {graph.shape}")
        return _from_sparse(graph, name, symmetric), None
    raise TypeError(f"{name} must be a socialmath Graph, a networkx Graph or a scipy.sparse "
                    f"adjacency matrix, got {type(graph).__name__}")


#: Entries whose mirror ``as_graph(..., assume_symmetric=True)`` looks up (all of them in a smaller
#: matrix): a matrix in which one entry in 1,000 lacks its mirror is caught with probability
#: 1 - exp(-10), over 99.99%.
SYMMETRY_SAMPLE = 10_000


def _from_sparse(graph, name: str = "graph", assume_symmetric: bool = False) -> Graph:
    """A square sparse matrix as a Graph, on whole CSR arrays (no per-edge Python).

    The matrix is symmetric exactly when the part below the diagonal, transposed, is the part
    above it: one transposition of half the entries, not of all of them, and two comparisons. A
    matrix that is not symmetric is symmetrised by adding its transpose.
    """
    n = graph.shape[0]
    _require_graph_memory(name, f"<{n} x {n} sparse matrix>", n, graph.nnz)
    matrix = sp.csr_array(graph)
    if not matrix.has_canonical_format:
        matrix = matrix.copy()
        matrix.sum_duplicates()
    indptr, indices = matrix.indptr.astype(np.int64), matrix.indices.astype(np.int32)
    rows = np.repeat(np.arange(n, dtype=np.int32), np.diff(indptr))
    drop = (indices == rows) | (matrix.data == 0)
    if drop.any():
        keep = ~drop
        indices, rows = indices[keep], rows[keep]
        indptr = _indptr(_count_per_row(keep, indptr))
    del drop
    below = indices < rows
    n_below = int(np.count_nonzero(below))
    n_above = indices.size - n_below
    if assume_symmetric:
        _check_symmetric_sample(name, indptr, indices, rows, n_below, n_above)
        return Graph(indptr, indices)
    del rows
    if n_below == n_above:
        below_per_row = _count_per_row(below, indptr)
        lower = _csr(n, _indptr(below_per_row), indices[below])
        mirrored = lower.T.tocsr()  # sorted rows, by construction of the CSC-to-CSR step
        del lower
        if (np.array_equal(mirrored.indptr, _indptr(np.diff(indptr) - below_per_row))
                and np.array_equal(mirrored.indices, indices[~below])):
            return Graph(indptr, indices)
        del mirrored
    del below
    pattern = _csr(n, indptr, indices)
    pattern = (pattern + pattern.T).tocsr()
    pattern.sort_indices()
    return Graph(pattern.indptr.astype(np.int64), pattern.indices.astype(np.int32))


def _count_per_row(mask: np.ndarray, indptr: np.ndarray) -> np.ndarray:
    """The number of True entries of ``mask`` in each CSR row (a row holds fewer than 2**31)."""
    counts = np.zeros(indptr.size - 1, dtype=np.int64)
    starts = indptr[:-1]
    filled = np.flatnonzero(starts < indptr[1:])
    if filled.size:  # a row's sum runs to the start of the next non-empty row: its own end
        counts[filled] = np.add.reduceat(mask.view(np.uint8), starts[filled], dtype=np.int32)
    return counts


def _indptr(counts: np.ndarray) -> np.ndarray:
    """CSR row pointers from the number of entries of each row."""
    indptr = np.zeros(counts.size + 1, dtype=np.int64)
    np.cumsum(counts, out=indptr[1:])
    return indptr


def _csr(n: int, indptr: np.ndarray, indices: np.ndarray) -> sp.csr_array:
    """The n x n pattern with these rows, as a boolean CSR matrix."""
    return sp.csr_array((np.ones(indices.size, dtype=bool), indices, indptr), shape=(n, n))


def _check_symmetric_sample(name: str, indptr: np.ndarray, indices: np.ndarray,
                            rows: np.ndarray, n_below: int, n_above: int) -> None:
    """Refuse a matrix said to be symmetric whose halves differ in size, or in which a sampled
    entry ``(r, c)`` has no mirror ``(c, r)`` (binary search in row ``c``, for all at once)."""
    if n_below != n_above:
        raise ValueError(f"{name} is not symmetric ({n_below:,} entries below the diagonal, "
                         f"{n_above:,} above), although assume_symmetric=True; leave "
                         f"assume_symmetric=False to have it symmetrised")
    if indices.size == 0:
        return
    if indices.size <= SYMMETRY_SAMPLE:
        picked = np.arange(indices.size)  # a small matrix is checked whole: exactly
    else:
        picked = np.random.default_rng(0).integers(0, indices.size, SYMMETRY_SAMPLE)
    r, c = rows[picked].astype(np.int64), indices[picked].astype(np.int64)
    # Binary search of row c for r, for all sampled entries at once; those whose search is over
    # drop out, so a step costs as much as the searches still running.
    low, high = indptr[c], indptr[c + 1]
    running = np.flatnonzero(low < high)
    while running.size:
        left, right = low[running], high[running]
        middle = (left + right) // 2
        after = indices[middle] < r[running]
        low[running] = np.where(after, middle + 1, left)
        high[running] = np.where(after, right, middle)
        running = running[low[running] < high[running]]
    found = (low < indptr[c + 1]) & (indices[np.minimum(low, indices.size - 1)] == r)
    if not found.all():
        first = int(np.flatnonzero(~found)[0])
        raise ValueError(f"{name} is not symmetric: entry ({r[first]}, {c[first]}) has no mirror "
                         f"({c[first]}, {r[first]}), although assume_symmetric=True; leave "
                         f"assume_symmetric=False to have it symmetrised")


# --- generators -----------------------------------------------------------------------------------


def erdos_renyi(n: int, mean_degree: float, seed: int | np.random.Generator | None = 0) -> Graph:
    """A random graph where each pair is an edge with the same probability, mean_degree / (n - 1).

    Any ``mean_degree`` from 0 to ``n - 1`` (the complete graph) is delivered. The number of edges
    is binomial, so the mean degree is ``mean_degree`` on average, with a standard deviation of
    ``sqrt(2 k (1 - k / (n - 1)) / n)`` for ``k = mean_degree`` (0.04 for n = 10,000, k = 8).

    >>> g = erdos_renyi(10_000, 8, seed=1)
    >>> round(g.mean_degree)
    8
    """
    size = require_integer("n", n, low=2, high=MAX_NODES)
    k = require_number("mean_degree", mean_degree, low=0, high=size - 1)
    rng = require_rng("seed", seed)
    _require_graph_memory("n", n, size, size * k / 2)
    pairs = size * (size - 1) // 2
    wanted = int(rng.binomial(pairs, k / (size - 1))) if k < size - 1 else pairs
    if wanted <= pairs // 2:
        keys = _distinct_pairs(size, wanted, rng)
    else:  # a dense graph: draw the pairs left out, and keep every other pair
        keys = _free_pairs(size, np.sort(_distinct_pairs(size, pairs - wanted, rng)))
    return from_edges(size, keys // size, keys % size)


def _distinct_pairs(size: int, wanted: int, rng: np.random.Generator) -> np.ndarray:
    """``wanted`` distinct pairs of distinct nodes, uniformly, as keys ``low * size + high``
    (by rejection: at most half of all pairs are wanted, so each draw is new with odds >= 1/2)."""
    keys = np.zeros(0, dtype=np.int64)
    while keys.size < wanted:
        draw = int((wanted - keys.size) * 1.1) + 16
        u = rng.integers(0, size, draw, dtype=np.int64)
        v = rng.integers(0, size, draw, dtype=np.int64)
        ok = u != v
        low, high = np.minimum(u[ok], v[ok]), np.maximum(u[ok], v[ok])
        keys = _unique(np.concatenate([keys, low * size + high]))
    return rng.permutation(keys)[:wanted]


def watts_strogatz(n: int, k: int, p: float, seed: int | np.random.Generator | None = 0) -> Graph:
    """Watts and Strogatz's small world (``watts1998``): a ring where each node knows its ``k``
    nearest neighbours (``k / 2`` on each side), then each edge has its far end moved, with
    probability ``p``, to a node drawn at random (no self-loops, no repeated edges).

    The graph always has exactly ``n k / 2`` edges. In a nearly complete ring (``k`` close to
    ``n``) a moved edge may find no free node to go to; it then takes a free pair elsewhere.

    >>> watts_strogatz(1000, 10, 0.1, seed=3).n_edges
    5000
    """
    size = require_integer("n", n, low=3, high=MAX_NODES)
    k_ring = require_integer("k", k, low=2, high=size - 1)
    if k_ring % 2:
        raise ValueError(f"k must be even (k / 2 neighbours on each side), got {k!r}")
    share = require_share("p", p)
    rng = require_rng("seed", seed)
    _require_graph_memory("n", n, size, size * k_ring / 2)
    near = np.repeat(np.arange(size, dtype=np.int64), k_ring // 2)
    far = (near + np.tile(np.arange(1, k_ring // 2 + 1), size)) % size
    moved = rng.random(near.size) < share
    keep_keys = _unique(_keys(near[~moved], far[~moved], size))
    near_moved = near[moved]
    far_moved = np.full(near_moved.size, -1, dtype=np.int64)
    pending = np.arange(near_moved.size)
    for _ in range(100):
        if pending.size == 0:
            break
        draw = rng.integers(0, size, pending.size)
        far_moved[pending] = draw
        keys = _keys(near_moved, far_moved, size)
        bad = (near_moved == far_moved) | _member(keys, keep_keys) | _repeated(keys)
        pending = np.flatnonzero(bad)
    if pending.size:
        _place_stuck_edges(near_moved, far_moved, pending, keep_keys, size, rng)
    return from_edges(size, np.concatenate([keep_keys // size, near_moved]),
                      np.concatenate([keep_keys % size, far_moved]))


def _place_stuck_edges(near: np.ndarray, far: np.ndarray, pending: np.ndarray,
                       keep_keys: np.ndarray, size: int, rng: np.random.Generator) -> None:
    """Place, one at a time, the moved edges that random draws could not place (a nearly
    complete graph): on a free partner of their near end if one is left, else on a free pair."""
    placed = np.ones(near.size, dtype=bool)
    placed[pending] = False
    for i in pending:
        taken = np.concatenate([keep_keys, _keys(near[placed], far[placed], size)])
        ends = np.concatenate([taken // size, taken % size])
        partners = np.concatenate([taken % size, taken // size])
        busy = np.zeros(size, dtype=bool)
        busy[partners[ends == near[i]]] = True
        busy[near[i]] = True
        free = np.flatnonzero(~busy)
        if free.size:
            far[i] = rng.choice(free)
        else:
            key = rng.choice(_free_pairs(size, np.sort(taken)))
            near[i], far[i] = key // size, key % size
        placed[i] = True


def _free_pairs(size: int, taken: np.ndarray) -> np.ndarray:
    """Keys of every pair of distinct nodes not in ``taken`` (sorted keys): for dense graphs only,
    where listing all pairs costs no more than the graph itself."""
    low, high = np.triu_indices(size, k=1)
    every = low.astype(np.int64) * size + high
    return every[~_member(every, taken)]


def _keys(u: np.ndarray, v: np.ndarray, n: int) -> np.ndarray:
    return np.minimum(u, v) * n + np.maximum(u, v)


def _unique(values: np.ndarray) -> np.ndarray:
    """Sorted distinct values (by sorting: faster than numpy's hashing for large integer arrays)."""
    ordered = np.sort(values)
    keep = np.ones(ordered.size, dtype=bool)
    keep[1:] = ordered[1:] != ordered[:-1]
    return ordered[keep]


def _member(values: np.ndarray, sorted_keys: np.ndarray) -> np.ndarray:
    """Whether each value is in ``sorted_keys`` (sorted, distinct)."""
    if sorted_keys.size == 0:
        return np.zeros(values.size, dtype=bool)
    where = np.minimum(np.searchsorted(sorted_keys, values), sorted_keys.size - 1)
    return sorted_keys[where] == values


def _repeated(values: np.ndarray) -> np.ndarray:
    """True for every occurrence of a value after its first."""
    order = np.argsort(values, kind="stable")
    ordered = values[order]
    later = np.zeros(values.size, dtype=bool)
    later[order[1:]] = ordered[1:] == ordered[:-1]
    return later


def barabasi_albert(n: int, m: int, seed: int | np.random.Generator | None = 0) -> Graph:
    """Growth with preferential attachment (``barabasi1999``): start from ``m + 1`` nodes all
    connected, then each new node links to ``m`` earlier nodes chosen with probability
    proportional to their degree. Links a new node draws twice are kept once, so the graph has at
    most ``m n - m (m + 1) / 2`` edges (the seed clique, then ``m`` per newcomer) and a little
    fewer: at least 75% of that (the property tests check it), about 99% for n = 10,000, m = 3.

    Sampling proportional to degree is sampling an end of an existing edge uniformly. Every new
    link copies the node at a random earlier edge end; that end may itself be a copy, so the copies
    are resolved by following the pointers back, for all links at once (the scheme of Batagelj and
    Brandes, 2005, run on whole arrays).

    >>> g = barabasi_albert(10_000, 3, seed=1)
    >>> g.n, 5.9 < g.mean_degree <= 6.0
    (10000, True)
    """
    size = require_integer("n", n, low=2, high=MAX_NODES)
    links = require_integer("m", m, low=1, high=size - 1)
    rng = require_rng("seed", seed)
    _require_graph_memory("n", n, size, size * links * 1.5)  # + the edge ends and pointers
    seed_u, seed_v = np.triu_indices(links + 1, k=1)
    n_seed_ends = 2 * seed_u.size
    newcomers = np.arange(links + 1, size, dtype=np.int64)
    # Edge ends in creation order: the seed clique, then (newcomer, target) for each new link.
    ends = np.empty(n_seed_ends + 2 * links * newcomers.size, dtype=np.int64)
    ends[0:n_seed_ends:2], ends[1:n_seed_ends:2] = seed_u, seed_v
    ends[n_seed_ends::2] = np.repeat(newcomers, links)
    # Each target copies a uniformly drawn end among those that existed before its node arrived.
    available = n_seed_ends + 2 * links * (np.repeat(newcomers, links) - (links + 1))
    pointer = (rng.random(available.size) * available).astype(np.int64)
    del available
    targets = _follow_copies(ends, pointer, n_seed_ends)
    ends[n_seed_ends + 1::2] = targets
    del targets, pointer
    return from_edges(size, ends[0::2], ends[1::2])


def _follow_copies(ends: np.ndarray, pointer: np.ndarray, first_copy: int,
                   copied: np.ndarray | None = None) -> np.ndarray:
    """Resolve each pointer to an edge end: a newcomer end or a seed end is known; a target end
    beyond ``first_copy`` is itself a pointer, followed until it lands on a known end.

    ``copied[j]`` (all True when omitted) says whether target ``j`` is a copy; a target that is not
    (drawn some other way, its node already in ``ends``) is known, and the pointer ``pointer[j]``
    of such a target is never read."""
    result = np.empty(pointer.size, dtype=np.int64)
    todo = np.arange(pointer.size)
    where = pointer
    while todo.size:
        is_copy = (where >= first_copy) & ((where - first_copy) % 2 == 1)
        if copied is not None:
            is_copy[is_copy] = copied[(where[is_copy] - first_copy) // 2]
        done = ~is_copy
        result[todo[done]] = ends[where[done]]
        todo = todo[is_copy]
        where = pointer[(where[is_copy] - first_copy) // 2]
    return result


def professional_network(n: int, mean_degree: float = 20.0, closure: float = 0.5,
                         spread: float = 1.0,
                         seed: int | np.random.Generator | None = 0) -> Graph:
    """A network with heavy-tailed degrees and many triangles, a stand-in for a professional
    network.

    Each node gets a sociability drawn from a log-normal distribution with shape ``spread``
    (0 gives equal sociabilities). A share ``1 - closure`` of the edges join two nodes drawn in
    proportion to sociability (Chung and Lu's model); the remaining share closes triangles: pick
    a node in proportion to its degree and introduce two of its contacts to each other, in rounds
    until enough new edges are made. Repeated draws are drawn again, so the graph has exactly
    ``round(n * mean_degree / 2)`` edges: the mean degree is ``mean_degree`` within ``1 / n``.

    Triangles need something to close: the random edges must give each node about two contacts
    first, so ``closure`` can be at most ``1 - 2 / mean_degree`` (0.9 for 20 contacts). If a
    graph is so dense that draws keep landing on existing edges (after 50 rounds), the last
    edges are drawn uniformly among the free pairs.

    >>> g = professional_network(10_000, 20, closure=0.5, seed=2)
    >>> g.mean_degree
    20.0
    """
    size = require_integer("n", n, low=3, high=MAX_NODES)
    k = require_number("mean_degree", mean_degree, low=0, high=(size - 1) / 2, low_open=True)
    share = require_share("closure", closure)
    most = max(0.0, 1.0 - 2.0 / k)
    if share > most + 1e-12:
        raise ValueError(f"closure must be {describe_range(0, round(most, 6))} for "
                         f"mean_degree={mean_degree!r}, got {closure!r}: the random edges (a "
                         f"share 1 - closure) must give each node about 2 contacts before "
                         f"triangles can be closed among them")
    sigma = require_number("spread", spread, low=0, high=3)
    rng = require_rng("seed", seed)
    _require_graph_memory("n", n, size, size * k / 2)
    total = int(round(size * k / 2))
    random_edges = total - int(round(share * total))
    weights = rng.lognormal(0.0, sigma, size) if sigma > 0 else np.ones(size)
    cumulative = np.cumsum(weights)
    cumulative /= cumulative[-1]

    def sociable_pairs(count: int) -> tuple[np.ndarray, np.ndarray]:
        u = np.searchsorted(cumulative, rng.random(count), side="right")
        v = np.searchsorted(cumulative, rng.random(count), side="right")
        return np.minimum(u, size - 1), np.minimum(v, size - 1)

    keys = _add_new_pairs(np.zeros(0, dtype=np.int64), *sociable_pairs(random_edges),
                          random_edges, size)
    keys = _top_up(keys, random_edges, size, rng, sociable_pairs)
    if total == random_edges:
        return from_edges(size, keys // size, keys % size)

    def closing_pairs(count: int) -> tuple[np.ndarray, np.ndarray]:
        # A uniformly drawn edge end is a node drawn in proportion to its degree.
        graph = from_edges(size, keys // size, keys % size)
        middle = graph.indices[rng.integers(0, graph.indices.size, count)]
        start, degree = graph.indptr[middle], graph.degrees[middle]
        first = graph.indices[start + (rng.random(count) * degree).astype(np.int64)]
        second = graph.indices[start + (rng.random(count) * degree).astype(np.int64)]
        return first, second

    keys = _add_new_pairs(keys, *closing_pairs(total - random_edges), total, size)
    keys = _top_up(keys, total, size, rng, closing_pairs)
    return from_edges(size, keys // size, keys % size)


def _add_new_pairs(keys: np.ndarray, u: np.ndarray, v: np.ndarray, target: int,
                   size: int) -> np.ndarray:
    """``keys`` (sorted, distinct) plus the new distinct pairs among (u, v), in draw order, up to
    ``target`` keys in all."""
    ok = u != v
    drawn = _keys(u[ok].astype(np.int64), v[ok].astype(np.int64), size)
    drawn = drawn[~_member(drawn, keys)]
    _, first = np.unique(drawn, return_index=True)
    fresh = drawn[np.sort(first)][:max(0, target - keys.size)]
    return np.sort(np.concatenate([keys, fresh]))


def _top_up(keys: np.ndarray, target: int, size: int, rng: np.random.Generator,
            draw_pairs, rounds: int = 50) -> np.ndarray:
    """Draw more pairs with ``draw_pairs`` until there are ``target`` keys; after ``rounds``
    rounds, fill what is missing with uniformly drawn free pairs."""
    for _ in range(rounds):
        missing = target - keys.size
        if missing <= 0:
            return keys
        keys = _add_new_pairs(keys, *draw_pairs(int(missing * 1.5) + 16), target, size)
    missing = target - keys.size
    if missing > 0:
        free = rng.choice(_free_pairs(size, keys), missing, replace=False)
        keys = np.sort(np.concatenate([keys, free]))
    return keys


def random_regular(n: int, k: int, seed: int | np.random.Generator | None = 0) -> Graph:
    """A random graph where everyone has exactly ``k`` contacts: a ring lattice's degrees without
    its clustering, for comparing the two at the same degree.

    >>> g = random_regular(1000, 6, seed=1)
    >>> g.n_edges, bool(np.all(g.degrees == 6))
    (3000, True)
    """
    size = require_integer("n", n, low=2, high=MAX_REGULAR_NODES)
    degree = require_integer("k", k, low=0, high=size - 1)
    if (size * degree) % 2:
        raise ValueError(f"n x k must be even (each link has two ends), got n={size} and "
                         f"k={degree}")
    rng = require_rng("seed", seed)
    graph = nx.random_regular_graph(degree, size, seed=int(rng.integers(2**32)))
    return as_graph(graph)[0]

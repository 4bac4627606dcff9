"""Generators and conversions of socialmath.graphs."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest
import scipy.sparse as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from socialmath.graphs import (
    Graph,
    as_graph,
    barabasi_albert,
    erdos_renyi,
    from_edges,
    professional_network,
    watts_strogatz,
)
from socialmath.separation import average_clustering

GENERATORS = {
    "erdos_renyi": lambda seed: erdos_renyi(2000, 6, seed=seed),
    "watts_strogatz": lambda seed: watts_strogatz(2000, 6, 0.2, seed=seed),
    "barabasi_albert": lambda seed: barabasi_albert(2000, 3, seed=seed),
    "professional_network": lambda seed: professional_network(2000, 6, seed=seed),
}


def assert_simple_undirected(g: Graph) -> None:
    matrix = g.to_scipy()
    assert (matrix != matrix.T).nnz == 0, "adjacency must be symmetric"
    assert matrix.diagonal().sum() == 0, "no self-loops"
    assert matrix.max() == 1, "no repeated edges"
    rows = np.repeat(np.arange(g.n), g.degrees)
    keys = rows * g.n + g.indices
    assert np.unique(keys).size == keys.size


@pytest.mark.parametrize("name", list(GENERATORS))
def test_generators_are_simple_seeded_and_reproducible(name):
    make = GENERATORS[name]
    first, again, other = make(1), make(1), make(2)
    assert_simple_undirected(first)
    assert np.array_equal(first.indices, again.indices)
    assert not np.array_equal(first.indices, other.indices)


def test_erdos_renyi_mean_degree():
    assert erdos_renyi(20_000, 10, seed=0).mean_degree == pytest.approx(10, rel=0.02)


def test_watts_strogatz_keeps_every_edge_when_rewiring():
    for p in (0.0, 0.3, 1.0):
        g = watts_strogatz(500, 8, p, seed=4)
        assert g.n_edges == 500 * 4
    ring = watts_strogatz(12, 4, 0.0)
    assert sorted(ring.neighbors(0).tolist()) == [1, 2, 10, 11]


def test_barabasi_albert_degrees():
    g = barabasi_albert(20_000, 4, seed=3)
    assert g.degrees.min() >= 1
    assert 7.6 < g.mean_degree <= 8.0
    assert g.degrees.max() > 20 * g.mean_degree  # hubs


def test_professional_network_has_triangles_and_heavy_tail():
    closed = professional_network(5000, 10, closure=0.6, seed=1)
    open_ = professional_network(5000, 10, closure=0.0, seed=1)
    assert average_clustering(closed) > 5 * average_clustering(open_)
    assert closed.degrees.max() > 5 * closed.mean_degree


def test_networkx_round_trip():
    g = barabasi_albert(300, 2, seed=5)
    again, labels = as_graph(g.to_networkx())
    assert labels == list(range(300))
    assert np.array_equal(again.indptr, g.indptr)
    assert np.array_equal(again.indices, g.indices)


def test_scipy_round_trip_and_symmetrisation():
    g, labels = as_graph(sp.coo_array(([1, 1, 5], ([0, 1, 2], [1, 2, 2])), shape=(3, 3)))
    assert labels is None
    assert g.n_edges == 2  # the diagonal entry is ignored
    assert (g.to_scipy().toarray() == np.array([[0, 1, 0], [1, 0, 1], [0, 1, 0]])).all()


def test_from_edges_drops_loops_and_repeats():
    g = from_edges(4, np.array([0, 1, 2, 2, 3]), np.array([1, 0, 2, 3, 2]))
    assert g.n_edges == 2
    assert repr(g) == "Graph(n=4, edges=2, mean degree=1.00)"


@pytest.mark.parametrize(("call", "error", "name"), [
    (lambda: erdos_renyi(1, 2), ValueError, "n"),
    (lambda: erdos_renyi(10.0, 2), TypeError, "n"),
    (lambda: erdos_renyi(100, -1), ValueError, "mean_degree"),
    (lambda: erdos_renyi(100, 100), ValueError, r"mean_degree must be in \[0, 99\]"),
    (lambda: erdos_renyi(100, 5, seed=-1), ValueError, "seed"),
    (lambda: watts_strogatz(2, 2, 0.1), ValueError, "n"),
    (lambda: watts_strogatz(100, 3, 0.1), ValueError, "k"),
    (lambda: watts_strogatz(100, 0, 0.1), ValueError, "k"),
    (lambda: watts_strogatz(100, 100, 0.1), ValueError, "k"),
    (lambda: watts_strogatz(100, 4, 1.5), ValueError, "p"),
    (lambda: watts_strogatz(100, 4, "x"), TypeError, "p"),
    (lambda: barabasi_albert(1, 1), ValueError, "n"),
    (lambda: barabasi_albert(10, 0), ValueError, "m"),
    (lambda: barabasi_albert(10, 10), ValueError, "m"),
    (lambda: barabasi_albert(10, 2, seed=1.5), TypeError, "seed"),
    (lambda: professional_network(2), ValueError, "n"),
    (lambda: professional_network(100, 0), ValueError, "mean_degree"),
    (lambda: professional_network(100, 10, closure=2), ValueError, "closure"),
    (lambda: professional_network(100, 10, spread=-1), ValueError, "spread"),
    (lambda: from_edges(-1, np.array([]), np.array([])), ValueError, "n"),
    (lambda: from_edges(3, np.array([0, 1]), np.array([1])), ValueError, "sources"),
    (lambda: from_edges(3, np.array([0, 5]), np.array([1, 2])), ValueError, "sources"),
    (lambda: from_edges(3, np.array([0, 1]), np.array([-1, 2])), ValueError, "targets"),
    (lambda: from_edges(3, np.array([0.5]), np.array([1])), TypeError, "sources"),
    (lambda: as_graph("edges"), TypeError, "graph"),
    (lambda: as_graph(nx.DiGraph()), TypeError, "undirected"),
    (lambda: as_graph(sp.csr_array((2, 3))), ValueError, "square"),
    (lambda: watts_strogatz(10, 2, 0).neighbors(10), ValueError, "node"),
    (lambda: Graph([0, 1], np.array([0])), TypeError, "indptr"),
    (lambda: Graph(np.array([0, 1]), np.array([0.0])), TypeError, "indices"),
    (lambda: Graph(np.array([1, 2]), np.array([0])), ValueError, "indptr"),
    (lambda: Graph(np.array([0, 2, 1]), np.array([0])), ValueError, "indptr"),
    (lambda: Graph(np.array([0, 1, 1]), np.array([2])), ValueError, "indices"),
])
def test_bad_input_names_the_parameter(call, error, name):
    with pytest.raises(error, match=name):
        call()


# --- sparse input: symmetric or not, checked exactly, or on a sample when the caller says so ----


def _sparse(n: int, rows, cols, values, fmt: str):
    return sp.coo_array((np.asarray(values, dtype=float), (np.asarray(rows, dtype=np.int64),
                                                           np.asarray(cols, dtype=np.int64))),
                        shape=(n, n)).asformat(fmt)


def _expected_adjacency(n: int, rows, cols, values) -> np.ndarray:
    """Brute force: an edge wherever the stored entries of (i, j) or (j, i) add up to non-zero,
    off the diagonal."""
    dense = np.zeros((n, n))
    np.add.at(dense, (np.asarray(rows, dtype=int), np.asarray(cols, dtype=int)), values)
    edges = (dense != 0) | (dense.T != 0)
    np.fill_diagonal(edges, False)
    return edges


@settings(max_examples=80, deadline=None)
@given(data=st.data(), n=st.integers(1, 25), fmt=st.sampled_from(["csr", "csc", "coo", "lil"]),
       mirror=st.booleans())
def test_sparse_input_gives_the_symmetrised_pattern(data, n, fmt, mirror):
    size = data.draw(st.integers(0, 60))
    rows = data.draw(st.lists(st.integers(0, n - 1), min_size=size, max_size=size))
    cols = data.draw(st.lists(st.integers(0, n - 1), min_size=size, max_size=size))
    values = data.draw(st.lists(st.sampled_from([1.0, 2.0, 0.0, -1.0]), min_size=size,
                                max_size=size))
    if mirror:  # a symmetric matrix, as networkx and Graph.to_scipy write one
        rows, cols, values = rows + cols, cols + rows, values + values
    expected = _expected_adjacency(n, rows, cols, values)
    g, labels = as_graph(_sparse(n, rows, cols, values, fmt))
    assert labels is None
    assert (g.to_scipy().toarray() == expected).all()
    for row in range(n):
        assert np.all(np.diff(g.neighbors(row)) > 0)  # sorted rows, no repeats
    symmetric_input = (_sparse(n, rows, cols, values, "csr") != 0).toarray()
    np.fill_diagonal(symmetric_input, False)
    if (symmetric_input == symmetric_input.T).all():
        same, _ = as_graph(_sparse(n, rows, cols, values, fmt), assume_symmetric=True)
        assert np.array_equal(same.indptr, g.indptr)
        assert np.array_equal(same.indices, g.indices)
    else:  # under SYMMETRY_SAMPLE entries, every mirror is looked up: refused, exactly
        with pytest.raises(ValueError, match="graph is not symmetric"):
            as_graph(_sparse(n, rows, cols, values, fmt), assume_symmetric=True)


def test_a_one_sided_matrix_is_symmetrised_and_refused_when_said_symmetric():
    upper = sp.csr_array(np.triu(np.ones((4, 4)), k=1))
    g, _ = as_graph(upper)
    assert g.n_edges == 6 and (g.degrees == 3).all()
    with pytest.raises(ValueError, match=r"not symmetric \(0 entries below the diagonal, 6 "
                                         r"above\), although assume_symmetric=True"):
        as_graph(upper, assume_symmetric=True)


def test_halves_of_equal_size_that_are_not_mirrors_are_caught_either_way():
    # (0, 1) above the diagonal and (2, 0) below: as many entries on each side, no mirror.
    matrix = sp.csr_array(([1, 1], ([0, 2], [1, 0])), shape=(3, 3))
    g, _ = as_graph(matrix)
    assert sorted(map(tuple, g.to_networkx().edges())) == [(0, 1), (0, 2)]
    with pytest.raises(ValueError, match=r"entry \(0, 1\) has no mirror \(1, 0\)"):
        as_graph(matrix, assume_symmetric=True)


def test_a_large_matrix_said_symmetric_is_checked_on_a_sample():
    from socialmath.graphs import SYMMETRY_SAMPLE

    g = barabasi_albert(20_000, 3, seed=1)  # 120,000 stored entries, over SYMMETRY_SAMPLE
    matrix = g.to_scipy()
    assert matrix.nnz > SYMMETRY_SAMPLE
    same, _ = as_graph(matrix, assume_symmetric=True)
    assert np.array_equal(same.indices, g.indices) and np.array_equal(same.indptr, g.indptr)
    # Add, on 4,000 more nodes, 1,000 entries above the diagonal and 1,000 below, none with its
    # mirror (1.6% of the entries): as many on each side, so only the sample can find them.
    first = g.n + 4 * np.arange(1_000)
    rows = np.concatenate([first, first + 3])
    cols = np.concatenate([first + 1, first + 2])
    coo = matrix.tocoo()
    broken = sp.csr_array((np.ones(coo.nnz + rows.size),
                           (np.concatenate([coo.row, rows]), np.concatenate([coo.col, cols]))),
                          shape=(g.n + 4_000, g.n + 4_000))
    with pytest.raises(ValueError, match=r"entry \(\d+, \d+\) has no mirror"):
        as_graph(broken, assume_symmetric=True)
    exact, _ = as_graph(broken)  # without the promise: checked exactly, and symmetrised
    assert exact.n_edges == g.n_edges + 2_000
    assert (exact.to_scipy() != exact.to_scipy().T).nnz == 0


@pytest.mark.parametrize("bad", [1, None, "yes"])
def test_assume_symmetric_must_be_a_bool(bad):
    with pytest.raises(TypeError, match="assume_symmetric must be True or False"):
        as_graph(sp.csr_array((2, 2)), assume_symmetric=bad)

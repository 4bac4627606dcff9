"""Generators and conversions of socialmath.graphs."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest
import scipy.sparse as sp

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

"""Distances, reach and small-world measures, checked against networkx and published formulas."""

from __future__ import annotations

from collections import Counter

import networkx as nx
import numpy as np
import pytest
import scipy.sparse as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from socialmath.graphs import (
    barabasi_albert,
    erdos_renyi,
    professional_network,
    watts_strogatz,
)
from socialmath.separation import (
    BATCH,
    average_clustering,
    average_reach,
    degrees_of_separation,
    distance_distribution,
    mean_distance,
    random_graph_estimate,
    reach_by_degree,
    reach_estimate,
    small_world_sweep,
)


def networkx_counts(graph: nx.Graph) -> tuple[list[int], int]:
    """Ordered pairs at each distance, and unreachable ordered pairs, by networkx."""
    counts: Counter[int] = Counter()
    for _, lengths in nx.all_pairs_shortest_path_length(graph):
        counts.update(d for d in lengths.values() if d > 0)
    depth = max(counts, default=0)
    listed = [0] + [counts[d] for d in range(1, depth + 1)]
    n = graph.number_of_nodes()
    return listed, n * (n - 1) - sum(listed)


def small_graphs() -> dict[str, nx.Graph]:
    rng = np.random.default_rng(5)
    with_isolated = nx.gnp_random_graph(150, 0.015, seed=3)
    with_isolated.add_nodes_from(range(150, 160))
    return {
        "path": nx.path_graph(7),
        "cycle": nx.cycle_graph(12),
        "star": nx.star_graph(9),
        "karate": nx.karate_club_graph(),
        "two pieces with labels": nx.union(nx.path_graph(5), nx.cycle_graph(["x", "y", "z"])),
        "sparse random, many pieces": with_isolated,
        "more nodes than one batch": nx.gnm_random_graph(2 * BATCH + 17, 700, seed=4),
        "small world": watts_strogatz(300, 6, 0.05, seed=int(rng.integers(100))).to_networkx(),
        "preferential attachment": barabasi_albert(400, 2, seed=7).to_networkx(),
        "single node": nx.empty_graph(1),
        "no edges": nx.empty_graph(5),
    }


@pytest.mark.parametrize("name", list(small_graphs()))
def test_exact_distribution_equals_networkx(name):
    graph = small_graphs()[name]
    expected, unreachable = networkx_counts(graph)
    dist = distance_distribution(graph)
    assert dist.exact
    assert dist.counts.tolist() == expected
    assert dist.unreachable == unreachable
    assert dist.reachable_pairs + dist.unreachable == graph.number_of_nodes() * (
        graph.number_of_nodes() - 1)


def test_every_input_type_gives_the_same_counts():
    g = professional_network(500, 6, closure=0.4, seed=3)
    as_networkx = distance_distribution(g.to_networkx())
    as_scipy = distance_distribution(g.to_scipy())
    as_graph = distance_distribution(g)
    assert as_networkx.counts.tolist() == as_scipy.counts.tolist() == as_graph.counts.tolist()


def test_sparse_matrix_is_read_as_undirected():
    directed = sp.csr_array(np.array([[0, 1, 0], [0, 0, 1], [0, 0, 0]]))
    assert distance_distribution(directed).counts.tolist() == [0, 4, 2]


def test_unreachable_pairs_are_not_averaged_in():
    graph = nx.union(nx.complete_graph(3), nx.complete_graph(["a", "b", "c"]))
    dist = distance_distribution(graph)
    assert dist.mean == 1.0
    assert dist.unreachable == 18
    assert dist.share_reachable == pytest.approx(12 / 30)


def test_sampled_interval_covers_the_exact_mean_in_at_least_45_of_50_trials():
    graph = professional_network(10_000, 8, closure=0.5, seed=11)
    exact = distance_distribution(graph).mean
    covered = 0
    for trial in range(50):
        estimate = distance_distribution(graph, sources=60, seed=trial)
        assert not estimate.exact
        covered += estimate.ci_low <= exact <= estimate.ci_high
    assert covered >= 45


def test_sampled_sources_by_label_and_by_count():
    graph = nx.relabel_nodes(nx.cycle_graph(6), {i: f"p{i}" for i in range(6)})
    by_label = distance_distribution(graph, sources=["p0", "p3"])
    assert by_label.counts.tolist() == [0, 4, 4, 2]
    assert by_label.n_sources == 2
    assert distance_distribution(graph, sources=6).exact


def test_mean_distance_and_degrees_of_separation_differ_by_one():
    graph = nx.karate_club_graph()
    expected = nx.average_shortest_path_length(graph)
    assert mean_distance(graph) == pytest.approx(expected)
    assert degrees_of_separation(graph) == pytest.approx(expected - 1)


def test_watts_strogatz_ring_matches_its_formulas():
    n, k = 1000, 10
    sweep = small_world_sweep(n, k, p=[0.01], seed=1)
    assert sweep.clustering_ring == pytest.approx(3 * (k - 2) / (4 * (k - 1)), abs=0.01)
    assert sweep.mean_distance_ring == pytest.approx(n / (2 * k), rel=0.05)
    assert sweep.relative_distance[0] < 0.4
    assert sweep.relative_clustering[0] > 0.9


def test_average_clustering_matches_networkx():
    graph = professional_network(300, 8, closure=0.6, seed=2).to_networkx()
    assert average_clustering(graph) == pytest.approx(nx.average_clustering(graph))
    sampled = average_clustering(graph, sample=300, seed=1)
    assert sampled == pytest.approx(nx.average_clustering(graph))


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_reach_by_degree_matches_networkx(seed):
    graph = professional_network(400, 6, closure=0.5, seed=seed).to_networkx()
    for node in (0, 17, 399):
        lengths = nx.single_source_shortest_path_length(graph, node, cutoff=3)
        expected = tuple(sum(1 for d in lengths.values() if d == step) for step in (1, 2, 3))
        reach = reach_by_degree(graph, node)
        assert reach.by_degree == expected
        assert reach.cumulative[-1] == len(lengths) - 1


def test_reach_by_degree_with_labels_and_depth():
    graph = nx.path_graph(["a", "b", "c", "d", "e"])
    reach = reach_by_degree(graph, "a", max_degree=5)
    assert reach.by_degree == (1, 1, 1, 1, 0)
    assert reach.share_within == 1.0


def test_average_reach_matches_networkx():
    graph = professional_network(300, 6, closure=0.5, seed=4).to_networkx()
    expected = np.zeros(2)
    for node in graph:
        lengths = nx.single_source_shortest_path_length(graph, node, cutoff=2)
        expected += [sum(1 for d in lengths.values() if d == s) for s in (1, 2)]
    assert average_reach(graph, sample=1000, max_degree=2) == pytest.approx(
        tuple(expected / 300))


def test_clustering_keeps_second_degree_below_k_squared():
    clustered = watts_strogatz(20_000, 20, 0.1, seed=1)
    first, second, _ = average_reach(clustered, sample=200, seed=2)
    assert second < 0.3 * first * first
    random = erdos_renyi(20_000, 20, seed=1)
    first, second, _ = average_reach(random, sample=200, seed=2)
    assert second > 0.9 * first * first


def test_reach_estimate_without_overlap_is_branching():
    r = reach_estimate(200, 201, overlap=0.0, population=1e15)
    assert r.by_degree == pytest.approx((200, 200 * 200, 200 * 200 * 200), rel=1e-6)
    assert reach_estimate(200, 201, overlap=0.75, population=1e15).by_degree[1] == (
        pytest.approx(200 * 50))


def test_reach_estimate_never_exceeds_the_population():
    r = reach_estimate(30_000, 30_000, overlap=0.0, population=1e6)
    assert r.within_three <= 1e6 - 1
    assert r.share_within_three == pytest.approx(1.0, abs=1e-6)


def test_random_graph_estimate():
    assert random_graph_estimate(1e6, 10) == pytest.approx(6.0)


# --- bad input ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("call", "error", "name"), [
    (lambda: distance_distribution([1, 2]), TypeError, "graph"),
    (lambda: distance_distribution(nx.DiGraph([(0, 1)])), TypeError, "undirected"),
    (lambda: distance_distribution(sp.csr_array((2, 3))), ValueError, "square"),
    (lambda: distance_distribution(nx.Graph()), ValueError, "graph"),
    (lambda: distance_distribution(nx.path_graph(3), sources=0), ValueError, "sources"),
    (lambda: distance_distribution(nx.path_graph(3), sources=4), ValueError, "sources"),
    (lambda: distance_distribution(nx.path_graph(3), sources=1.5), TypeError, "sources"),
    (lambda: distance_distribution(nx.path_graph(3), sources=[]), ValueError, "sources"),
    (lambda: distance_distribution(nx.path_graph(3), sources=[7]), ValueError, "sources"),
    (lambda: distance_distribution(watts_strogatz(9, 2, 0), sources=[9]), ValueError, "sources"),
    (lambda: distance_distribution(watts_strogatz(9, 2, 0), sources=["a"]), TypeError, "sources"),
    (lambda: distance_distribution(nx.path_graph(3), seed=-1), ValueError, "seed"),
    (lambda: distance_distribution(nx.path_graph(3), seed="x"), TypeError, "seed"),
    (lambda: mean_distance("graph"), TypeError, "graph"),
    (lambda: degrees_of_separation(nx.path_graph(3), sources=-2), ValueError, "sources"),
    (lambda: reach_by_degree(nx.path_graph(3), 5), ValueError, "node"),
    (lambda: reach_by_degree(watts_strogatz(9, 2, 0), 1.0), TypeError, "node"),
    (lambda: reach_by_degree(nx.path_graph(3), 0, max_degree=0), ValueError, "max_degree"),
    (lambda: reach_by_degree(nx.path_graph(3), 0, max_degree=2.0), TypeError, "max_degree"),
    (lambda: random_graph_estimate(1, 10), ValueError, "n"),
    (lambda: random_graph_estimate(100, 1), ValueError, "mean_degree"),
    (lambda: random_graph_estimate("100", 5), TypeError, "n"),
    (lambda: average_clustering(nx.path_graph(3), sample=4), ValueError, "sample"),
    (lambda: average_clustering(nx.Graph()), ValueError, "graph"),
    (lambda: average_clustering(42), TypeError, "graph"),
    (lambda: small_world_sweep(2, 2), ValueError, "n"),
    (lambda: average_reach(nx.Graph()), ValueError, "graph"),
    (lambda: average_reach(nx.path_graph(3), sample=0), ValueError, "sample"),
    (lambda: average_reach(nx.path_graph(3), max_degree=0), ValueError, "max_degree"),
    (lambda: reach_estimate(-1, 10), ValueError, "contacts"),
    (lambda: reach_estimate(10.5, 10), TypeError, "contacts"),
    (lambda: reach_estimate(10, 0.5), ValueError, "their_contacts"),
    (lambda: reach_estimate(10, 10, overlap=50), ValueError, "overlap"),
    (lambda: reach_estimate(10, 10, population=5), ValueError, "population"),
    (lambda: small_world_sweep(100, 4, p=[1.5]), ValueError, "p"),
    (lambda: small_world_sweep(100, 4, p=[]), ValueError, "p"),
    (lambda: small_world_sweep(100, 5), ValueError, "k"),
    (lambda: distance_distribution(nx.path_graph(3)).within(-1), ValueError, "distance"),
])
def test_bad_input_names_the_parameter(call, error, name):
    with pytest.raises(error, match=name):
        call()


# --- properties ---------------------------------------------------------------------------------

edge_lists = st.integers(min_value=1, max_value=40).flatmap(
    lambda n: st.tuples(st.just(n), st.lists(st.tuples(st.integers(0, n - 1),
                                                      st.integers(0, n - 1)), max_size=80)))


@settings(max_examples=60, deadline=None)
@given(edge_lists)
def test_any_small_graph_matches_networkx(case):
    n, edges = case
    graph = nx.Graph()
    graph.add_nodes_from(range(n))
    graph.add_edges_from((u, v) for u, v in edges if u != v)
    expected, unreachable = networkx_counts(graph)
    dist = distance_distribution(graph)
    assert dist.counts.tolist() == expected
    assert dist.unreachable == unreachable


@settings(max_examples=30, deadline=None)
@given(edge_lists, st.integers(0, 2**32 - 1))
def test_sampled_counts_are_the_sum_of_their_sources(case, seed):
    n, edges = case
    graph = nx.Graph()
    graph.add_nodes_from(range(n))
    graph.add_edges_from((u, v) for u, v in edges if u != v)
    sampled = distance_distribution(graph, sources=min(n, 3), seed=seed)
    total = np.zeros(sampled.counts.size + n, dtype=np.int64)
    chosen = np.sort(np.random.default_rng(seed).choice(n, size=min(n, 3), replace=False))
    for source in chosen.tolist():
        one = distance_distribution(graph, sources=[source]).counts
        total[:one.size] += one
    assert total[:sampled.counts.size].tolist() == sampled.counts.tolist()
    assert total[sampled.counts.size:].sum() == 0
    assert sampled.ci_low <= sampled.mean <= sampled.ci_high or np.isnan(sampled.mean)

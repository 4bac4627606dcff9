"""Property tests: distances agree with networkx on random graphs (every kind of sources), and
each generator delivers the size and mean degree it was asked for, within its stated tolerance."""

from __future__ import annotations

import math
from collections import Counter

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from socialmath.graphs import barabasi_albert, erdos_renyi, professional_network, watts_strogatz
from socialmath.separation import distance_distribution


def networkx_counts(graph: nx.Graph, sources) -> tuple[list[int], int]:
    counts: Counter[int] = Counter()
    for source in sources:
        counts.update(d for d in nx.single_source_shortest_path_length(graph, source).values()
                      if d > 0)
    depth = max(counts, default=0)
    listed = [0] + [counts[d] for d in range(1, depth + 1)]
    return listed, len(sources) * (graph.number_of_nodes() - 1) - sum(listed)


@settings(max_examples=60, deadline=None)
@given(n=st.integers(1, 40), p=st.floats(0.0, 0.3), seed=st.integers(0, 10_000),
       picks=st.lists(st.integers(0, 39), min_size=1, max_size=12))
def test_distance_distribution_matches_networkx(n, p, seed, picks):
    graph = nx.gnp_random_graph(n, p, seed=seed)
    sources = [node % n for node in picks]  # repeats included on purpose
    distinct = list(dict.fromkeys(sources))
    for given_sources, searched in ((None, list(range(n))), (sources, distinct)):
        dist = distance_distribution(graph, sources=given_sources)
        counts, unreachable = networkx_counts(graph, searched)
        assert dist.counts.tolist()[:len(counts)] == counts
        assert not dist.counts[len(counts):].any()
        assert dist.unreachable == unreachable
        assert dist.n_sources == len(searched)
        assert dist.exact == (len(searched) == n)
        pairs = sum(d * c for d, c in enumerate(counts))
        if sum(counts):
            assert math.isclose(dist.mean, pairs / sum(counts))


@settings(max_examples=40, deadline=None)
@given(n=st.integers(2, 300), share=st.floats(0.0, 1.0), seed=st.integers(0, 10_000))
def test_erdos_renyi_size_and_mean_degree(n, share, seed):
    k = share * (n - 1)
    g = erdos_renyi(n, k, seed=seed)
    sd = math.sqrt(2 * k * (1 - k / (n - 1)) / n)  # the docstring's tolerance
    assert g.n == n
    assert abs(g.mean_degree - k) <= 6 * sd + 1e-9


@settings(max_examples=40, deadline=None)
@given(n=st.integers(3, 300), half=st.integers(1, 149), p=st.floats(0.0, 1.0),
       seed=st.integers(0, 10_000))
def test_watts_strogatz_size_and_mean_degree(n, half, p, seed):
    k = min(2 * half, n - 1 - (n - 1) % 2)
    if k < 2:
        return
    g = watts_strogatz(n, k, p, seed=seed)
    assert (g.n, g.n_edges) == (n, n * k // 2)


@settings(max_examples=30, deadline=None)
@given(n=st.integers(20, 400), k=st.floats(2.0, 9.0), closure=st.floats(0.0, 1.0),
       spread=st.floats(0.0, 3.0), seed=st.integers(0, 10_000))
def test_professional_network_size_and_mean_degree(n, k, closure, spread, seed):
    share = closure * max(0.0, 1 - 2 / k)  # within the allowed range
    g = professional_network(n, k, closure=share, spread=spread, seed=seed)
    assert g.n == n
    assert g.n_edges == round(n * k / 2)
    assert abs(g.mean_degree - k) <= 1 / n + 1e-9


@settings(max_examples=30, deadline=None)
@given(n=st.integers(2, 400), m=st.integers(1, 12), seed=st.integers(0, 10_000))
def test_barabasi_albert_size_and_mean_degree(n, m, seed):
    m = min(m, n - 1)
    g = barabasi_albert(n, m, seed=seed)
    most = m * n - m * (m + 1) // 2  # the seed clique, then m links per newcomer
    assert g.n == n
    assert g.n_edges <= most
    assert g.n_edges >= 0.75 * most  # repeats drawn by a newcomer are kept once

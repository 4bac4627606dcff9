"""Granovetter's riot, exactly, and threshold contagion against a plain loop."""

from __future__ import annotations

import math

import networkx as nx
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from socialmath.branding.thresholds import (
    MAX_PEOPLE,
    clustered_and_random,
    neighbourhood,
    riot,
    threshold_contagion,
)
from socialmath.separation import average_clustering


def test_granovetter_riot_everyone_joins():
    crowd = riot(np.arange(100))
    assert crowd.size == 100 and crowd.share == 1.0
    assert crowd.joined.tolist() == list(range(1, 101))
    assert crowd.rounds == 99


def test_granovetter_riot_one_threshold_moved_stops_it_at_the_instigator():
    thresholds = list(range(100))
    thresholds[1] = 2
    crowd = riot(thresholds)
    assert crowd.size == 1
    assert crowd.joined.tolist() == [1]


def _riot_by_hand(thresholds: list[float]) -> int:
    rioting = 0
    while True:
        joined = sum(1 for t in thresholds if t <= rioting)
        if joined == rioting:
            return rioting
        rioting = joined


@settings(max_examples=150, deadline=None)
@given(st.lists(st.floats(0, 30, allow_nan=False), min_size=1, max_size=40))
def test_riot_matches_a_person_by_person_count(thresholds):
    assert riot(thresholds).size == _riot_by_hand(thresholds)


def _contagion_by_hand(graph: nx.Graph, threshold: int, seeds: list) -> list[int]:
    adopted = set(seeds)
    history = [len(adopted)]
    while True:
        new = {v for v in graph if v not in adopted
               and sum(1 for u in graph[v] if u in adopted) >= threshold}
        if not new:
            return history
        adopted |= new
        history.append(len(adopted))


@settings(max_examples=60, deadline=None)
@given(st.integers(3, 25).flatmap(lambda n: st.tuples(
    st.just(n), st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=70),
    st.integers(1, 3), st.lists(st.integers(0, n - 1), min_size=1, max_size=4))))
def test_contagion_matches_a_plain_loop(case):
    n, pairs, threshold, seeds = case
    graph = nx.Graph()
    graph.add_nodes_from(range(n))
    graph.add_edges_from((u, v) for u, v in pairs if u != v)
    run = threshold_contagion(graph, threshold, seeds=seeds)
    assert run.adopted.tolist() == _contagion_by_hand(graph, threshold, seeds)


def test_simple_and_complex_contagion_on_clustered_and_random_networks():
    n, k = 2000, 6
    pair = clustered_and_random(n, k, seed=1)
    for g in pair.values():
        assert np.all(g.degrees == k)
    assert average_clustering(pair["clustered"]) == pytest.approx(3 * (k - 2) / (4 * (k - 1)))
    assert average_clustering(pair["random"]) < 0.02
    simple = {name: threshold_contagion(g, 1) for name, g in pair.items()}
    complex_ = {name: threshold_contagion(g, 2) for name, g in pair.items()}
    # Simple contagion reaches everyone on both; on the ring it advances k/2 people a side each
    # round, so it needs ceil((n - k - 1) / k) rounds; the random network needs about ln n / ln k.
    assert simple["clustered"].final_share == simple["random"].final_share == 1.0
    assert simple["clustered"].rounds == math.ceil((n - k - 1) / k)
    assert simple["random"].rounds <= 2 * math.log(n) / math.log(k - 1)
    # Complex contagion spreads through the clustered ring and dies on the random network.
    assert complex_["clustered"].final_share == 1.0
    assert complex_["random"].final_share < 0.05
    assert complex_["random"].rounds_to(0.5) is None
    assert simple["random"].rounds_to(0.5) < simple["clustered"].rounds_to(0.5) / 10


def test_neighbourhood_seeds_by_label():
    graph = nx.relabel_nodes(nx.cycle_graph(5), {i: chr(97 + i) for i in range(5)})
    assert sorted(neighbourhood(graph, "a")) == ["a", "b", "e"]
    run = threshold_contagion(graph, 2, seeds=["a", "b"])
    assert run.adopted.tolist() == [2]
    assert threshold_contagion(graph, 1, seeds=["a"]).adopted.tolist() == [1, 3, 5]


@pytest.mark.parametrize(("call", "error", "name"), [
    (lambda: riot(5), TypeError, "thresholds"),
    (lambda: riot("0123"), TypeError, "thresholds"),
    (lambda: riot([]), ValueError, "thresholds"),
    (lambda: riot([[0, 1]]), ValueError, "thresholds"),
    (lambda: riot([0, -1]), ValueError, "thresholds"),
    (lambda: riot([0, float("nan")]), ValueError, "thresholds"),
    (lambda: riot(["a", "b"]), TypeError, "thresholds"),
    (lambda: riot(np.zeros(MAX_PEOPLE + 1)), ValueError, "at most 1,000,000"),
    (lambda: threshold_contagion(nx.path_graph(3), 0), ValueError, "threshold"),
    (lambda: threshold_contagion(nx.path_graph(3), 1.5), TypeError, "threshold"),
    (lambda: threshold_contagion(nx.path_graph(3), 1, seeds=[]), ValueError, "seeds"),
    (lambda: threshold_contagion(nx.path_graph(3), 1, seeds=7), TypeError, "seeds"),
    # was Python's bare "'object' object is not iterable", naming nothing
    (lambda: threshold_contagion(nx.path_graph(3), 1, seeds=object()), TypeError,
     r"seeds must be None or a sequence of nodes, got <object object at .*> \(object\)"),
    (lambda: threshold_contagion(nx.path_graph(3), 1).rounds_to(1.5), ValueError,
     r"share must be a share in \[0, 1\], got 1.5"),
    (lambda: threshold_contagion(nx.path_graph(3), 1).rounds_to("half"), TypeError, "share"),
    (lambda: threshold_contagion(nx.path_graph(3), 1, seeds=[9]), ValueError, "seeds"),
    (lambda: threshold_contagion(nx.path_graph(3), 1, max_rounds=0), ValueError, "max_rounds"),
    (lambda: threshold_contagion(nx.Graph(), 1), ValueError, "graph"),
    (lambda: neighbourhood(nx.path_graph(3), "x"), ValueError, "node"),
    (lambda: clustered_and_random(100, 5), ValueError, "k"),
    (lambda: clustered_and_random(200_000, 6), ValueError, "100000"),
])
def test_bad_input_names_the_parameter(call, error, name):
    with pytest.raises(error, match=name):
        call()
